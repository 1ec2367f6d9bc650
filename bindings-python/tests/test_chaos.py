"""Chaos: 20,000 transactions exported through the v2 iterator from a sandbox
where about one request in five fails (500, 503, 429 bursts, truncated
bodies, dropped connections, slow answers). Every id arrives exactly once and
the sums equal the sandbox's own totals to the last dong, in bounded time."""

from __future__ import annotations

import asyncio
import os
import time
from decimal import Decimal

import pytest
from conftest import Sandbox

TRANSACTIONS = int(os.environ.get("SEPAY_CHAOS_TRANSACTIONS", "20000"))
"""20,000 in the test command; 100,000 is the benchmark (docs/benchmarks.md)."""
FAULTS = [
    "--fault-500", "0.05",
    "--fault-503", "0.05",
    "--fault-429-burst", "0.02",
    "--burst-length", "1",
    "--fault-truncate", "0.03",
    "--fault-drop", "0.03",
    "--fault-slow", "0.02",
    "--slow-ms", "40",
]  # fmt: skip
"""About 20% of the requests fail one way or another."""

# Generous retries, quick backoff, no client-side rate limit; every call is
# still bounded (max_elapsed), so a hang fails instead of waiting forever.
RESILIENT = {
    "requests_per_second": 0,
    "max_attempts": 40,
    "initial_backoff": 0.005,
    "max_backoff": 0.05,
    "max_elapsed": 30.0,
    "timeout": 5.0,
}


@pytest.fixture(scope="module")
def chaotic(request: pytest.FixtureRequest) -> Sandbox:
    sb = Sandbox("--transactions", str(TRANSACTIONS), "--rate-limit", "0", "--seed", "11", *FAULTS)
    request.addfinalizer(sb.stop)
    return sb


def test_chaos_export_is_complete_and_exact(chaotic: Sandbox) -> None:
    stats = chaotic.stats()
    assert stats["transactions"] == TRANSACTIONS
    started = time.monotonic()
    seen: set[str] = set()
    duplicates = 0
    total_in = Decimal(0)
    total_out = Decimal(0)
    with chaotic.client(**RESILIENT) as client:
        for t in client.v2.transactions.iter(per_page=100):
            if t.id in seen:
                duplicates += 1
            seen.add(t.id)
            total_in += t.amount_in
            total_out += t.amount_out
    took = time.monotonic() - started
    assert duplicates == 0
    assert len(seen) == TRANSACTIONS
    assert total_in == Decimal(stats["total_amount_in"])
    assert total_out == Decimal(stats["total_amount_out"])
    log = chaotic.requests()
    faults = [r["fault"] for r in log if r["fault"] is not None]
    assert len(faults) >= len(log) // 10, "the faults really happened"
    assert {"500", "503", "429", "truncate", "drop"} <= set(faults), set(faults)
    assert took < 45, f"the export took {took:.1f} s"


def test_chaos_async_export_matches(chaotic: Sandbox) -> None:
    """The asyncio iterator over the same faults."""
    stats = chaotic.stats()

    async def walk() -> tuple[int, Decimal]:
        n = 0
        total = Decimal(0)
        ids: set[str] = set()
        async with chaotic.async_client(**RESILIENT) as client:
            async for t in client.v2.transactions.iter(per_page=100):
                ids.add(t.id)
                n += 1
                total += t.amount_in
        assert len(ids) == n
        return n, total

    started = time.monotonic()
    n, total = asyncio.run(walk())
    assert n == TRANSACTIONS and total == Decimal(stats["total_amount_in"])
    assert time.monotonic() - started < 45
