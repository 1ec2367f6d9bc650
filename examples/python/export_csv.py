"""Exports a whole transaction history to CSV with a progress bar (tqdm):
`it.total` is SePay's count of the list (v1's count endpoint, v2's
`meta.pagination.total`), asked before the first row, so the bar knows its end.

    python examples/python/export_csv.py [transactions.csv]
"""

from __future__ import annotations

import csv
import sys
import tempfile

from tqdm import tqdm

import sepay_sdk
from _sandbox import connection


def main() -> None:
    if len(sys.argv) > 1:
        path = sys.argv[1]
    else:
        with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as tmp:
            path = tmp.name
    with connection() as where, sepay_sdk.Client(**where) as client, open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "date", "account", "in", "out", "content", "reference"])
        # v1 pages hold up to 5,000 rows: the fewest requests for a long export.
        it = client.v1.transactions.iter(limit=5000)
        for t in tqdm(it, total=it.total, unit=" tx", file=sys.stderr):
            out.writerow([t.id, t.transaction_date.isoformat(), t.account_number,
                          t.amount_in, t.amount_out, t.transaction_content, t.reference_number])
        print(f"{it.position} transactions (of {it.total}) written to {path}")


if __name__ == "__main__":
    main()
