"""Every operation of both clients against the sandbox, with real data checks."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

import sepay_sdk
from conftest import BIG, Sandbox

VN = timedelta(hours=7)


def test_every_v1_operation(client: sepay_sdk.Client) -> None:
    txs = client.v1.transactions
    page = txs.list(since_id=10, limit=5)
    assert [t.id for t in page] == ["10", "11", "12", "13", "14"]
    t = txs.get("12")
    assert t == page[2] and isinstance(t, sepay_sdk.V1Transaction)
    assert t.transaction_date.utcoffset() == VN
    assert isinstance(t.amount_in, Decimal) and isinstance(t.accumulated, Decimal)
    assert txs.count() == BIG
    by_account = txs.count(account_number=t.account_number)
    assert 0 < by_account < BIG
    day = t.transaction_date.date()
    same_day = txs.list(transaction_date_min=day, transaction_date_max=day)
    assert any(x.id == t.id for x in same_day)
    assert all(x.transaction_date.date() == day for x in same_day)
    assert txs.count(since_id=BIG - 9) == 10

    accounts = client.v1.bank_accounts.list()
    assert len(accounts) == 3
    a = client.v1.bank_accounts.get(accounts[0].id)
    assert a == accounts[0] and isinstance(a.accumulated, Decimal)
    assert client.v1.bank_accounts.count() == 3
    assert [x.id for x in client.v1.bank_accounts.iter()] == sorted(
        (x.id for x in accounts), key=int
    )
    one = client.v1.bank_accounts.list(short_name=accounts[0].bank_short_name)
    assert [x.id for x in one] == [accounts[0].id]


def test_every_v2_operation(client: sepay_sdk.Client) -> None:
    page = client.v2.transactions.list(transfer_type="out", per_page=10)
    assert isinstance(page, sepay_sdk.Page) and len(page) == 10
    assert all(t.transfer_type == "out" for t in page)
    assert page.pagination is not None and page.pagination.per_page == 10
    assert page.pagination.total < BIG
    t = client.v2.transactions.get(page[0].id)
    assert t == page.items[0] and t.transaction_date.utcoffset() == VN
    assert page.to_dict()["items"][0] == t.to_dict()

    accounts = client.v2.bank_accounts.list()
    assert accounts.pagination is not None and accounts.pagination.total == 3
    a = client.v2.bank_accounts.get(accounts[0].id)
    assert a == accounts[0]
    assert {x.id for x in client.v2.bank_accounts.iter(per_page=1)} == {x.id for x in accounts}

    found_va = False
    for account in accounts:
        vas = list(client.v2.virtual_accounts.iter(account.id))
        listed = client.v2.virtual_accounts.list(account.id, per_page=100)
        assert [v.id for v in listed] == [v.id for v in vas][: len(listed)]
        if vas:
            got = client.v2.virtual_accounts.get(account.id, vas[0].id)
            assert got == vas[0] and got.bank_account_id == account.id
            found_va = True
        terminals = client.v2.terminals.list(account.id)
        if account.bank_short_name == "Vietcombank":
            assert terminals and all(isinstance(x, sepay_sdk.Terminal) and x.tid for x in terminals)
    assert found_va, "the sandbox dataset has virtual accounts"


def test_filters_reach_the_server(client: sepay_sdk.Client, sandbox: Sandbox) -> None:
    sandbox.clear_requests()
    client.v2.transactions.list(
        # An aware time in UTC is sent as Vietnam wall-clock time...
        transaction_date_from=datetime(2024, 12, 31, 17, 0, tzinfo=timezone.utc),
        # ...a naive one is already Vietnam time (SePay's convention).
        transaction_date_to=datetime(2025, 1, 31, 23, 59, 59),
        amount_in_min=Decimal("1E+5"),
        webhook_success=True,
        transaction_date_sort="asc",
        per_page=5,
    )
    client.v1.transactions.count(transaction_date_min=date(2025, 1, 2))
    v2, v1 = (r["query"] for r in sandbox.requests()[-2:])
    assert "transaction_date_from=2025-01-01+00%3A00%3A00" in v2, v2
    assert "transaction_date_to=2025-01-31+23%3A59%3A59" in v2, v2
    assert "amount_in_min=100000" in v2
    assert "webhook_success=1" in v2 and "transaction_date_sort=asc" in v2
    assert "transaction_date_min=2025-01-02" in v1, v1


@pytest.mark.asyncio
async def test_every_operation_async(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as c:
        page, count, accounts1, accounts2 = await asyncio.gather(
            c.v1.transactions.list(since_id=10, limit=3),
            c.v1.transactions.count(),
            c.v1.bank_accounts.list(),
            c.v2.bank_accounts.list(),
        )
        assert [t.id for t in page] == ["10", "11", "12"] and count == BIG
        assert (await c.v1.transactions.get("11")) == page[1]
        assert (await c.v1.bank_accounts.get(accounts1[0].id)) == accounts1[0]
        assert await c.v1.bank_accounts.count() == 3
        assert [a.id async for a in c.v1.bank_accounts.iter()] == sorted(
            (a.id for a in accounts1), key=int
        )
        v2page = await c.v2.transactions.list(per_page=2)
        assert (await c.v2.transactions.get(v2page[0].id)) == v2page[0]
        assert (await c.v2.bank_accounts.get(accounts2[0].id)) == accounts2[0]
        assert len([a async for a in c.v2.bank_accounts.iter()]) == 3
        n_vas = 0
        for account in accounts2:
            vas = [v async for v in c.v2.virtual_accounts.iter(account.id)]
            listed = await c.v2.virtual_accounts.list(account.id)
            assert len(listed) <= len(vas)
            if vas:
                assert (await c.v2.virtual_accounts.get(account.id, vas[0].id)) == vas[0]
            n_vas += len(vas)
            await c.v2.terminals.list(account.id)
        assert n_vas > 0
        first: list[sepay_sdk.V2Transaction] = []
        async for t in c.v2.transactions.iter(per_page=2, transaction_date_sort="asc"):
            first.append(t)
            if len(first) == 5:
                break
        assert [t.transaction_date for t in first] == sorted(t.transaction_date for t in first)
