"""Checks the links of a generated HTML reference: every relative `href`
must name a file of the tree and, when it has one, an anchor (`id` / `name`)
of that file. External links are not followed. `--skip-anchor REGEX` leaves
anchors matching it unchecked (a generator's known quirk, named by the caller).

    python tools/docs/check_links.py DIR [--skip-anchor REGEX]
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.anchors: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.anchors.add(value)
            elif name == "href" and tag == "a":
                self.hrefs.append(value)


def main(root: Path, skip_anchor: re.Pattern[str] | None = None) -> int:
    pages: dict[Path, Page] = {}
    for path in sorted(root.rglob("*.html")):
        page = Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        pages[path.resolve()] = page
    if not pages:
        print(f"{root}: no HTML pages", file=sys.stderr)
        return 1
    broken = []
    checked = 0
    for path, page in pages.items():
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            checked += 1
            if target not in pages and not target.exists():
                broken.append(f"{path.relative_to(root.resolve())}: {href} (no such file)")
            elif (
                parts.fragment
                and target in pages
                and unquote(parts.fragment) not in pages[target].anchors
                and not (skip_anchor and skip_anchor.search(unquote(parts.fragment)))
            ):
                broken.append(f"{path.relative_to(root.resolve())}: {href} (no such anchor)")
    for line in broken:
        print(line, file=sys.stderr)
    print(f"{root}: {len(pages)} pages, {checked} internal links, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    skip = re.compile(args[2]) if len(args) == 3 and args[1] == "--skip-anchor" else None
    sys.exit(main(Path(args[0]), skip))
