"""Every public symbol of the Swift module's symbol graph has a doc comment
(they come from the Rust doc comments through uniffi), except what uniffi
synthesizes without one: the memberwise initializers of records (their
parameters are the documented properties), its initialization checks, the
error's `description`, and the aliases of custom types.

    python tools/docs/check_swift_symbols.py SePay.symbols.json
"""

from __future__ import annotations

import json
import sys

SYNTHESIZED = {
    "uniffiEnsureSepayInitialized()",
    "uniffiEnsureSepayMobileInitialized()",
    "SePayError.description",
    # uniffi::custom_type! aliases; their ADR 0005 mapping is in the README.
    "Amount",
    "OffsetDateTime",
    "LocalDate",
    "Seconds",
}


def main(path: str) -> int:
    symbols = json.load(open(path, encoding="utf-8"))["symbols"]
    kinds = {tuple(s["pathComponents"]): s["kind"]["identifier"] for s in symbols}
    missing = []
    for s in symbols:
        if s.get("accessLevel") not in ("public", "open") or s.get("docComment"):
            continue
        name = ".".join(s["pathComponents"])
        owner = kinds.get(tuple(s["pathComponents"][:-1]))
        if name in SYNTHESIZED or (s["kind"]["identifier"] == "swift.init" and owner == "swift.struct"):
            continue
        missing.append(f'{s["kind"]["identifier"]} {name}')
    for item in sorted(missing):
        print(f"no doc comment: {item}", file=sys.stderr)
    print(f"{path}: {len(symbols)} public symbols, {len(missing)} without a doc comment")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
