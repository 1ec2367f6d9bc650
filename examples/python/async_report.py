"""The asyncio client: several calls at once (the client's rate limiter keeps
them under SePay's 3 requests/second) and `async for` over a whole history.

    python examples/python/async_report.py
"""

from __future__ import annotations

import asyncio
from decimal import Decimal

import sepay_sdk
from _sandbox import connection


async def report(client: sepay_sdk.AsyncClient) -> None:
    accounts = await client.v1.bank_accounts.list()
    counts = await asyncio.gather(
        *(client.v1.transactions.count(account_number=a.account_number) for a in accounts)
    )
    for account, count in zip(accounts, counts):
        print(f"{account.bank_short_name:<12} {account.account_number:<16} {count:>6} transactions")

    largest: sepay_sdk.V1Transaction | None = None
    money_in = Decimal(0)
    async for t in client.v1.transactions.iter():
        money_in += t.amount_in
        if largest is None or t.amount_in > largest.amount_in:
            largest = t
    print(f"money in, all time: {money_in:,} VND")
    if largest is not None:
        print(f"largest transfer in: {largest.amount_in:,} VND on {largest.transaction_date:%Y-%m-%d}")


async def main() -> None:
    with connection() as where:
        async with sepay_sdk.AsyncClient(**where) as client:
            await report(client)


if __name__ == "__main__":
    asyncio.run(main())
