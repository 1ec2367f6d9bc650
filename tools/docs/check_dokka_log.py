"""Reads Dokka's Maven log: fails on unresolved links, errors, and
undocumented items except what the compiler or uniffi synthesizes (enum
`values`/`valueOf`/`entries`, companions, `destroy`/`close`, the FFI error
handlers, the aliases of custom types). The doc comments themselves come from
the Rust core, so an undocumented item here is an undocumented Rust item.

    python tools/docs/check_dokka_log.py dokka.log
"""

from __future__ import annotations

import re
import sys

SYNTHESIZED = re.compile(
    r"Companion|/destroy/|/close/|Interface|Disposable|InternalException|/toString/|/values/|"
    r"/valueOf/|/entries/|/v1/|/equals/|/hashCode/|/message/|ErrorHandler|FfiConverter|"
    r"models/(Amount|LocalDate|OffsetDateTime)/|sdk/Seconds/"
)


def main(path: str) -> int:
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    problems = [line for line in lines if "Couldn't resolve link" in line or line.startswith("[ERROR]")]
    undocumented = [line for line in lines if "Undocumented:" in line]
    problems += [line for line in undocumented if not SYNTHESIZED.search(line)]
    if not any("BUILD SUCCESS" in line for line in lines):
        problems.append("the Dokka build did not succeed")
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{path}: {len(undocumented)} synthesized items undocumented, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
