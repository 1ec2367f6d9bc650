"""One version for every package: the workspace's Cargo.toml sets it; the npm
packages and the Maven POMs must say the same (and the projects that depend on
the Maven artifact must ask for it), Python's must be read from it
(maturin's dynamic version); SwiftPM versions are git tags of this repository,
and every library reports the Cargo version at run time. CHANGELOG.md must
have a section for the version or an "Unreleased" one.

    python3 tools/check_versions.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    cargo = (ROOT / "Cargo.toml").read_text()
    version = re.search(r'(?ms)^\[workspace\.package\].*?^version = "([^"]+)"', cargo)
    if not version:
        print("Cargo.toml: no [workspace.package] version", file=sys.stderr)
        return 1
    want = version.group(1)
    found: dict[str, str] = {}
    for path in sorted(ROOT.glob("bindings-wasm/**/package.json")):
        if "node_modules" not in path.parts:
            found[str(path.relative_to(ROOT))] = json.loads(path.read_text())["version"]
    for path in sorted(ROOT.glob("bindings-mobile/**/pom.xml")):
        project = re.sub(r"(?s)<dependencies>.*?</dependencies>|<build>.*?</build>|<parent>.*?</parent>", "", path.read_text())
        found[str(path.relative_to(ROOT))] = re.search(r"<version>([^<]+)</version>", project).group(1)
    # Projects that use the Maven artifact ask for this version of it.
    for path in sorted([*ROOT.glob("examples/**/pom.xml"), *ROOT.glob("tests/consumer/**/pom.xml")]):
        dependency = re.search(r"<artifactId>sepay-sdk</artifactId>\s*<version>([^<]+)</version>", path.read_text())
        found[str(path.relative_to(ROOT))] = dependency.group(1) if dependency else "no vn.sepay:sepay-sdk dependency"
    pyproject = (ROOT / "bindings-python/pyproject.toml").read_text()
    if not re.search(r'dynamic = \[[^\]]*"version"', pyproject):
        found["bindings-python/pyproject.toml"] = "not read from Cargo.toml (dynamic)"
    wrong = {path: v for path, v in found.items() if v != want}
    changelog = (ROOT / "CHANGELOG.md").read_text()
    if not re.search(rf"^## (Unreleased|\[?{re.escape(want)}\]?)\b", changelog, re.M):
        wrong["CHANGELOG.md"] = f"no section for {want} nor Unreleased"
    for path, v in wrong.items():
        print(f"{path}: {v}, expected {want}", file=sys.stderr)
    print(f"version {want}: {len(found)} package files checked, {len(wrong)} wrong")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
