"""Bank accounts, the latest transactions and a month's totals, with the
blocking client. Runs against a local sepay-sandbox by default (see _sandbox.py).

    python examples/python/quickstart.py
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

import sepay_sdk
from _sandbox import connection


def main() -> None:
    with connection() as where, sepay_sdk.Client(**where) as client:
        for account in client.v2.bank_accounts.iter():
            print(f"{account.bank_short_name:<12} {account.account_number:<16} {account.accumulated:>18,} VND")

        print("\nLatest transactions:")
        for t in client.v2.transactions.list(per_page=5):
            sign = "+" if t.transfer_type == "in" else "-"
            amount = t.amount_in if t.transfer_type == "in" else t.amount_out
            print(f"{t.transaction_date:%Y-%m-%d %H:%M} {sign}{amount:>14,} {t.transaction_content[:40]}")

        # Every transaction of a morning, page by page (one page in memory at a
        # time). A naive datetime is Vietnam time, as in SePay's own API.
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for t in client.v2.transactions.iter(
            transaction_date_from=datetime(2025, 1, 2, 8, 0), transaction_date_to=datetime(2025, 1, 2, 10, 0)
        ):
            totals[t.transfer_type] += t.amount_in + t.amount_out
        print(f"\n2 Jan 2025, 08:00-10:00: in {totals['in']:,} VND, out {totals['out']:,} VND")

        try:
            client.v2.transactions.list(per_page=1000)
        except sepay_sdk.ValidationError as e:
            print(f"\nRefused before sending: {e.field_errors[0].field}: {e.field_errors[0].message}")


if __name__ == "__main__":
    main()
