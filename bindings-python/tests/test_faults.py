"""Injected faults: retried until success within the budget, then a typed error."""

from __future__ import annotations

import builtins

import pytest

import sepay_sdk
from conftest import Sandbox


def statuses(sb: Sandbox) -> list[int]:
    return [r["status"] for r in sb.requests()]


def test_transient_faults_are_retried(fresh: Sandbox) -> None:
    client = fresh.client(max_attempts=6)
    fresh.push_faults("500", "503", "429", "drop", "truncate")
    accounts = client.v1.bank_accounts.list()
    assert len(accounts) == 3
    log = fresh.requests()
    assert [r["fault"] for r in log] == ["500", "503", "429", "drop", "truncate", None]
    assert log[-1]["status"] == 200


@pytest.mark.asyncio
async def test_async_calls_are_retried_too(fresh: Sandbox) -> None:
    async with fresh.async_client(max_attempts=4) as c:
        fresh.push_faults("503", "429")
        page = await c.v2.transactions.list(per_page=5)
        assert len(page) == 5
    assert statuses(fresh) == [503, 429, 200]


def test_a_429_waits_for_retry_after(fresh: Sandbox) -> None:
    client = fresh.client()
    fresh.push_faults("429")
    client.v1.transactions.count()
    first, second = fresh.requests()
    assert first["status"] == 429 and second["status"] == 200
    assert second["received_ms"] - first["received_ms"] >= 950, "Retry-After: 1 honoured"


def test_retry_budget_runs_out_into_server_error(fresh: Sandbox) -> None:
    client = fresh.client(max_attempts=3)
    fresh.push_faults("503", "503", "503", "503")
    with pytest.raises(sepay_sdk.ServerError) as info:
        client.v2.bank_accounts.list()
    e = info.value
    assert e.status == 503 and e.operation == "v2.bank_accounts.list"
    assert "503" in str(e)
    assert statuses(fresh) == [503, 503, 503]


def test_decode_faults_raise_decode_error(fresh: Sandbox) -> None:
    client = fresh.client()
    fresh.push_faults("wrong_type")
    with pytest.raises(sepay_sdk.DecodeError) as info:
        client.v1.transactions.list(limit=3)
    assert "amount" in str(info.value), str(info.value)
    fresh.push_faults("html")
    with pytest.raises(sepay_sdk.DecodeError, match="JSON"):
        client.v2.transactions.list()


def test_timeout(fresh: Sandbox) -> None:
    client = fresh.client(timeout=0.3, max_attempts=1)
    fresh.push_faults({"slow": 1500})
    with pytest.raises(sepay_sdk.RequestTimeoutError) as info:
        client.v1.transactions.count()
    assert isinstance(info.value, sepay_sdk.TransportError)
    assert isinstance(info.value, builtins.TimeoutError)
    assert "300 ms" in str(info.value)


def test_transport_error_keeps_its_cause(fresh: Sandbox) -> None:
    url = fresh.url
    fresh.stop()
    client = sepay_sdk.Client("T" * 64, base_url=url, max_attempts=2, initial_backoff=0.01)
    with pytest.raises(sepay_sdk.TransportError) as info:
        client.v1.transactions.count()
    e = info.value
    assert e.status is None and e.operation == "v1.transactions.count"
    assert isinstance(e.__cause__, sepay_sdk.Cause)
    chain = []
    cause: BaseException | None = e
    while cause is not None:
        chain.append(str(cause))
        cause = cause.__cause__
    assert len(chain) >= 2
    assert any("onnect" in c for c in chain), chain
