"""State shared through a real redis-server: worker processes (spawned, each
with its own client, as gunicorn workers) share SePay's rate limit, make one
OAuth2 refresh across an expiry and handle a webhook once; Redis stopping in
the middle of a run never hangs a call, and sharing resumes when it is back."""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shared_workers
from conftest import Sandbox
from redis_server import RedisServer
from test_oauth import SCOPES, authorize, oauth_client

import sepay_sdk
from sepay_sdk.webhooks import hmac_signature

SPAWN = multiprocessing.get_context("spawn")


@pytest.fixture
def redis() -> Iterator[RedisServer]:
    server = RedisServer()
    yield server
    server.stop()


def run_workers(target: Callable[..., None], args: list[tuple[Any, ...]], timeout: float = 60) -> tuple[list[dict[str, Any]], float]:
    """Starts one process per argument tuple (each gets `go` and `out` last),
    releases them together and returns their reports and the wall time."""
    go, out = SPAWN.Event(), SPAWN.Queue()
    procs = [SPAWN.Process(target=target, args=(*a, go, out)) for a in args]
    for p in procs:
        p.start()
    time.sleep(0.5)  # let every worker import and build its client
    started = time.monotonic()
    go.set()
    reports = [out.get(timeout=timeout) for _ in procs]
    for p in procs:
        p.join(10)
        assert p.exitcode == 0
    return reports, started


def test_four_processes_share_three_requests_per_second(make_sandbox: Callable[..., Sandbox], redis: RedisServer) -> None:
    sb = make_sandbox("--transactions", "50", "--rate-limit", "3")
    calls = 6
    reports, started = run_workers(
        shared_workers.list_calls, [(sb.url, redis.url, "budget", calls) for _ in range(4)]
    )
    elapsed = max(r["done"] for r in reports) - started
    total = 4 * calls
    assert sum(r["failures"] for r in reports) == 0, reports
    assert [r for r in sb.requests() if r["status"] == 429] == []
    # 24 evenly spaced slots: 23 intervals of 1/3 s; within 1.1 x calls / 3.
    assert elapsed <= 1.1 * total / 3, elapsed
    assert elapsed >= (total - 4) / 3, f"{elapsed}: the processes did not share one budget"


def test_redis_stopping_mid_run_falls_back_and_sharing_resumes(
    make_sandbox: Callable[..., Sandbox], redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="sepay_sdk")
    sb = make_sandbox("--transactions", "50", "--rate-limit", "0")
    state = sepay_sdk.SharedState(redis.url, prefix="outage", processes=2, probe_interval=0.2)
    assert "redis://" not in repr(state)
    client = sepay_sdk.Client(shared_state=state, **{**sb_client_options(sb), "requests_per_second": 20})
    client.v2.bank_accounts.list()
    assert state.reachable
    redis.stop()
    for _ in range(10):
        t = time.monotonic()
        client.v2.bank_accounts.list()  # fail open: the local limiter paces
        assert time.monotonic() - t < 0.6, "no call hangs"
    assert not state.reachable
    assert state.outages == 1, "one outage, not one per call"
    back = RedisServer(redis.port)
    try:
        time.sleep(0.3)  # past the probe interval
        client.v2.bank_accounts.list()
        assert state.reachable, "sharing resumed"
        assert state.outages == 1
        # The change of state is logged once each way, not once per call.
        lines = [r.getMessage() for r in caplog.records if r.name == "sepay_sdk"]
        assert len(lines) == 2, lines
        assert "unreachable" in lines[0] and "reachable again" in lines[1]
        assert "redis://" not in " ".join(lines)
    finally:
        back.stop()


def test_fail_closed_raises_store_error_at_once(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox("--transactions", "50", "--rate-limit", "0")
    from redis_server import free_port

    state = sepay_sdk.SharedState(f"redis://127.0.0.1:{free_port()}/0", on_outage="fail")
    client = sepay_sdk.Client(shared_state=state, **sb_client_options(sb))
    t = time.monotonic()
    with pytest.raises(sepay_sdk.StoreError):
        client.v2.bank_accounts.list()
    assert time.monotonic() - t < 1.0
    assert sb.requests() == [], "nothing was sent"
    with pytest.raises(sepay_sdk.ConfigurationError):
        sepay_sdk.SharedState("redis://127.0.0.1:1/0", on_outage="sometimes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sepay_sdk.Client(shared_state=42, **sb_client_options(sb))  # type: ignore[arg-type]


def sb_client_options(sb: Sandbox) -> dict[str, Any]:
    return {"token": shared_workers.TOKEN, "base_url": sb.url, "initial_backoff": 0.01, "max_backoff": 0.05}


def test_four_processes_make_one_oauth_refresh(make_sandbox: Callable[..., Sandbox], redis: RedisServer, tmp_path: Any) -> None:
    sb = make_sandbox("--transactions", "50", "--rate-limit", "0")
    store = shared_workers.FileTokenStore(str(tmp_path / "tokens.json"))
    first = oauth_client(sb, store).oauth
    first.exchange_code(authorize(first.authorization_url(SCOPES, "s"))["code"])
    pair = store.load()
    assert pair is not None
    go, out = SPAWN.Event(), SPAWN.Queue()
    procs = [
        SPAWN.Process(target=shared_workers.oauth_me, args=(sb.url, redis.url, store.path, go, out))
        for _ in range(4)
    ]
    for p in procs:
        p.start()
    assert all(out.get(timeout=60) == {"ready": True} for _ in procs)
    sb._admin("POST", "oauth/expire")
    before = sum(1 for r in sb.requests() if r["path"] == "/oauth/token")
    go.set()
    reports = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(10)
    assert all("id" in r for r in reports), reports  # no invalid_grant
    after = sum(1 for r in sb.requests() if r["path"] == "/oauth/token")
    assert after - before == 1, "exactly one refresh across four processes"
    newest = store.load()
    assert newest is not None and newest.refresh_token != pair.refresh_token


def signed(body: bytes) -> dict[str, str]:
    t = int(time.time())
    return {
        "X-SePay-Signature": hmac_signature("whsec_1", t, body),
        "X-SePay-Timestamp": str(t),
        "Content-Type": "application/json",
    }


def test_one_webhook_delivered_to_two_processes_is_handled_once(redis: RedisServer) -> None:
    body = (
        '{"id":%d,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1",'
        '"code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,'
        '"subAccount":null,"referenceCode":"r","description":""}' % (os.getpid() % 100000)
    ).encode()
    headers = signed(body)
    # The first two deliveries race; the one that wins fails its handler.
    reports, _ = run_workers(shared_workers.deliver, [(redis.url, headers, body, True) for _ in range(2)])
    assert sorted(r["delivery"] for r in reports) == ["in_progress", "new"], reports
    # SePay retries: handled now (the failed claim was released) ...
    reports, _ = run_workers(shared_workers.deliver, [(redis.url, headers, body, False)])
    assert reports[0]["delivery"] == "new"
    # ... and once handled, any replica sees a duplicate.
    reports, _ = run_workers(shared_workers.deliver, [(redis.url, headers, body, False) for _ in range(2)])
    assert [r["delivery"] for r in reports] == ["duplicate", "duplicate"]
