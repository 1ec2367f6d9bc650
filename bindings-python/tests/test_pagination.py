"""Auto-pagination over the whole 25,000-transaction history, sync and async,
and exact money: the sums equal the sandbox's own totals to the last dong."""

from __future__ import annotations

import asyncio
import threading
from decimal import Decimal

import pytest

import sepay_sdk
from conftest import BIG, Sandbox


def test_v1_walks_everything_in_id_order_with_exact_sums(
    client: sepay_sdk.Client, sandbox: Sandbox
) -> None:
    sandbox.clear_requests()
    total_in = Decimal(0)
    total_out = Decimal(0)
    last = 0
    n = 0
    for t in client.v1.transactions.iter():
        assert int(t.id) == last + 1, "every id once, ascending"
        last = int(t.id)
        total_in += t.amount_in
        total_out += t.amount_out
        n += 1
    stats = sandbox.stats()
    assert n == BIG == stats["transactions"]
    assert total_in == Decimal(stats["total_amount_in"])
    assert total_out == Decimal(stats["total_amount_out"])
    lists = [r for r in sandbox.requests() if r["path"].endswith("/transactions/list")]
    assert len(lists) == BIG // 5000 + 1, "pages of 5000 (the last one short)"


def test_v2_walks_everything_sync(client: sepay_sdk.Client, sandbox: Sandbox) -> None:
    ids = set()
    total_in = Decimal(0)
    for t in client.v2.transactions.iter():
        ids.add(t.id)
        total_in += t.amount_in
    assert len(ids) == BIG
    assert total_in == Decimal(sandbox.stats()["total_amount_in"])


@pytest.mark.asyncio
async def test_v1_and_v2_walk_everything_async(sandbox: Sandbox) -> None:
    stats = sandbox.stats()
    async with sandbox.async_client() as c:
        total_out = Decimal(0)
        n = 0
        async for t in c.v1.transactions.iter():
            n += 1
            total_out += t.amount_out
        assert n == BIG and total_out == Decimal(stats["total_amount_out"])
        seen = set()
        total_in = Decimal(0)
        async for v2 in c.v2.transactions.iter():
            seen.add(v2.id)
            total_in += v2.amount_in
        assert len(seen) == BIG and total_in == Decimal(stats["total_amount_in"])


def test_filtered_walk_and_early_stop(client: sepay_sdk.Client, sandbox: Sandbox) -> None:
    account = client.v1.bank_accounts.list()[0].account_number
    expected = client.v1.transactions.count(account_number=account)
    walked = sum(1 for _ in client.v1.transactions.iter(account_number=account, limit=700))
    assert walked == expected
    sandbox.clear_requests()
    it = client.v2.transactions.iter(per_page=50)
    first = [next(it) for _ in range(120)]
    assert len({t.id for t in first}) == 120
    assert len(sandbox.requests()) == 3, "only the pages needed are fetched"


def test_money_and_time_types(client: sepay_sdk.Client) -> None:
    for t in client.v1.transactions.list(limit=50):
        for amount in (t.amount_in, t.amount_out, t.accumulated):
            assert type(amount) is Decimal
        assert str(t.amount_in).endswith(".00"), "v1's scale is kept: Decimal('19689000.00')"
        assert t.transaction_date.tzinfo is not None
        assert t.to_dict()["amount_in"] == t.amount_in
    for v2 in client.v2.transactions.list(per_page=20):
        assert type(v2.amount_in) is Decimal and v2.amount_in == v2.amount_in.to_integral_value()


@pytest.mark.asyncio
async def test_one_iterator_shared_by_tasks_and_threads(fresh: Sandbox) -> None:
    async with fresh.async_client() as c:
        shared = c.v2.transactions.iter(per_page=20)
        seen: list[str] = []

        async def drain() -> None:
            async for t in shared:
                seen.append(t.id)

        await asyncio.gather(*(drain() for _ in range(4)))
    assert len(seen) == len(set(seen)) == 300, "every item once"

    client = fresh.client()
    pages = client.v1.transactions.iter(limit=40)
    got: list[int] = []

    def pull() -> None:
        for t in pages:
            got.append(int(t.id))

    threads = [threading.Thread(target=pull) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert sorted(got) == list(range(1, 301))


def test_progress_total_for_tqdm_before_the_first_item(fresh: Sandbox) -> None:
    with fresh.client() as client:
        it = client.v1.transactions.iter(limit=100)
        assert it.position == 0
        fresh.clear_requests()
        assert it.total == 300, "tqdm(it, total=it.total): v1's count"
        paths = [r["path"] for r in fresh.requests()]
        assert len(paths) == 3 and paths[0].endswith("/list"), paths  # the first page, kept
        first = [next(it) for _ in range(150)]
        assert it.position == 150 and first[0].id == "1"
        assert sum(1 for _ in it) == 150 and it.position == 300
        v2 = client.v2.transactions.iter(per_page=50)
        assert v2.total == 300, "v2's meta.pagination.total"


@pytest.mark.asyncio
async def test_async_progress_total(fresh: Sandbox) -> None:
    async with fresh.async_client() as client:
        it = client.v2.transactions.iter(per_page=100)
        assert it.total is None, "no request from a property"
        assert await it.fetch_total() == 300
        assert it.total == 300
        n = 0
        async for _ in it:
            n += 1
        assert n == 300 and it.position == 300
