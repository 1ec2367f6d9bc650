"""Against a sandbox limited to 3 requests/second: 20 gathered async calls and
8 threads sharing one sync client all succeed without a single 429, because
the client's one rate limiter spaces every call. Sync calls release the GIL."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import pytest

import sepay_sdk
from conftest import TOKEN, Sandbox


@pytest.fixture
def limited(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox("--transactions", "500", "--rate-limit", "3")


@pytest.mark.asyncio
async def test_gather_20_calls_under_3_per_second(limited: Sandbox) -> None:
    # Default options: the documented 3 requests/second limit.
    async with sepay_sdk.AsyncClient(TOKEN, base_url=limited.url) as c:
        started = time.monotonic()
        results = await asyncio.gather(
            *[c.v1.transactions.get(str(i + 1)) for i in range(10)],
            *[c.v2.transactions.list(per_page=1, page=i + 1) for i in range(10)],
        )
        elapsed = time.monotonic() - started
    assert len(results) == 20
    log = limited.requests()
    assert [r["status"] for r in log].count(429) == 0, log
    assert len(log) == 20 and all(r["status"] == 200 for r in log)
    assert elapsed >= 19 / 3 - 0.5, "spaced by the client, not by retries"


def test_8_threads_share_one_client_without_429(limited: Sandbox) -> None:
    client = sepay_sdk.Client(TOKEN, base_url=limited.url)
    errors: list[BaseException] = []
    counts: list[int] = []

    def work() -> None:
        try:
            counts.append(client.v1.transactions.count())
            counts.append(len(client.v2.bank_accounts.list()))
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    client.close()
    assert not errors, errors
    assert sorted(counts) == [3] * 8 + [500] * 8
    statuses = [r["status"] for r in limited.requests()]
    assert len(statuses) == 16 and statuses.count(429) == 0, statuses


def test_a_blocking_call_releases_the_gil(fresh: Sandbox) -> None:
    client = fresh.client()
    fresh.push_faults({"slow": 1000})
    done = threading.Event()

    def call() -> None:
        client.v1.bank_accounts.count()
        done.set()

    worker = threading.Thread(target=call)
    started = time.monotonic()
    worker.start()
    time.sleep(0.2)  # the call is now waiting for the slow answer
    spins = 0
    while time.monotonic() < started + 0.6:
        spins += 1
    worker.join(10)
    assert done.is_set()
    # Had the waiting call kept the GIL, this thread could not have woken from
    # its sleep before the answer (after 1 s) and would not have spun at all.
    assert spins > 10_000, spins
