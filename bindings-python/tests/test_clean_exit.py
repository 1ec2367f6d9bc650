"""P13: a process that makes a dozen concurrent calls and exits right after
always exits cleanly (code 0, no panic, no fatal error): the extension stops its
tokio runtime at `atexit`, before the interpreter finalizes, and no runtime
thread touches Python afterwards. Each script runs 50 times, in parallel
batches (the machine has few cores; each run is a fresh interpreter)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from conftest import TOKEN, Sandbox

RUNS = 50
PARALLEL = max(2, min(8, (os.cpu_count() or 2) * 2))

ASYNC_GATHER = """
import asyncio, sys
import sepay_sdk

async def main() -> None:
    client = sepay_sdk.AsyncClient(sys.argv[1], base_url=sys.argv[2], requests_per_second=0)
    calls = [client.v2.transactions.list(per_page=5) for _ in range(4)]
    calls += [client.v1.transactions.count() for _ in range(4)]
    calls += [client.v2.bank_accounts.list() for _ in range(4)]
    results = await asyncio.gather(*calls)
    assert len(results) == 12
    # Left open on purpose, and one more call still in flight at exit.
    asyncio.ensure_future(client.v1.transactions.list(limit=50))

asyncio.run(main())
"""

SYNC_THREADS = """
import sys, threading
import sepay_sdk

client = sepay_sdk.Client(sys.argv[1], base_url=sys.argv[2], requests_per_second=0)
done = []

def work(i: int) -> None:
    if i % 2:
        done.append(client.v1.transactions.count())
    else:
        done.append(len(client.v2.transactions.list(per_page=5)))

threads = [threading.Thread(target=work, args=(i,)) for i in range(12)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert len(done) == 12
"""

DAEMON_THREADS = """
import sys, threading, time
import sepay_sdk

client = sepay_sdk.Client(sys.argv[1], base_url=sys.argv[2], requests_per_second=0)

def work() -> None:
    try:
        client.v1.transactions.count()  # still waiting (slow sandbox) at exit
    except sepay_sdk.ConfigurationError:
        pass  # "the interpreter is shutting down"

for _ in range(6):
    threading.Thread(target=work, daemon=True).start()
time.sleep(0.05)
"""


def run_many(script: str, sb: Sandbox, runs: int = RUNS) -> list[tuple[int, str]]:
    def once(_: int) -> tuple[int, str]:
        proc = subprocess.run(
            [sys.executable, "-c", script, TOKEN, sb.url],
            capture_output=True,
            text=True,
            timeout=60,
        )
        return proc.returncode, proc.stderr

    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(once, range(runs)))


CRASH_SIGNS = ("Fatal Python error", "panicked", "PanicException", "Segmentation")


def check(outcomes: list[tuple[int, str]]) -> None:
    # The call left in flight may still report "Event loop is closed" through
    # pyo3-async-runtimes when it beats the exit hook; anything else fails.
    failed = [
        (code, err[-2000:])
        for code, err in outcomes
        if code != 0 or any(sign in err for sign in CRASH_SIGNS)
    ]
    assert not failed, f"{len(failed)} of {len(outcomes)} runs failed; first: {failed[0]}"


def test_p13_asyncio_gather_then_exit_50_times(sandbox: Sandbox) -> None:
    check(run_many(ASYNC_GATHER, sandbox))


def test_p13_sync_threads_then_exit_50_times(sandbox: Sandbox) -> None:
    check(run_many(SYNC_THREADS, sandbox))


def test_p13_daemon_threads_mid_call_at_exit(make_sandbox: Callable[..., Sandbox]) -> None:
    slow = make_sandbox("--transactions", "10", "--rate-limit", "0", "--fault-slow", "1", "--slow-ms", "300")
    check(run_many(DAEMON_THREADS, slow, runs=20))
