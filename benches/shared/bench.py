"""Shared state benchmark (not a test): N worker processes calling SePay's
limit (a sandbox enforcing 3 requests/second) alone and through Redis, and
what one Redis round trip adds to a call. Prints Markdown tables.

Run through benches/shared/run.sh (builds the wheel and the sandbox, starts
redis-server on a free port)."""

from __future__ import annotations

import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from typing import Any, Optional

import sepay_sdk

TOKEN = "BENCH_TOKEN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR"
SPAWN = multiprocessing.get_context("spawn")


def sandbox(rate: float) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [os.environ["SEPAY_SANDBOX_BIN"], "--addr", "127.0.0.1:0", "--token", TOKEN,
         "--transactions", "50", "--rate-limit", str(rate)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def worker(url: str, redis_url: Optional[str], prefix: str, processes: int, calls: int, go: Any, out: Any) -> None:
    shared = sepay_sdk.SharedState(redis_url, prefix=prefix, processes=processes) if redis_url else None
    client = sepay_sdk.Client(TOKEN, base_url=url, requests_per_second=3, shared_state=shared)
    go.wait()
    failed = 0
    for _ in range(calls):
        try:
            client.v2.bank_accounts.list()
        except sepay_sdk.SePayError:
            failed += 1
    out.put((failed, time.monotonic()))


def processes_row(n: int, shared: bool, redis_url: str, calls: int) -> str:
    proc, url = sandbox(3)
    try:
        go, out = SPAWN.Event(), SPAWN.Queue()
        prefix = f"bench-{n}-{time.monotonic_ns()}"
        ps = [SPAWN.Process(target=worker, args=(url, redis_url if shared else None, prefix, n, calls, go, out))
              for _ in range(n)]
        for p in ps:
            p.start()
        time.sleep(1.0)
        started = time.monotonic()
        go.set()
        reports = [out.get(timeout=600) for _ in ps]
        for p in ps:
            p.join()
        wall = max(done for _, done in reports) - started
        with urllib.request.urlopen(f"{url}/__sandbox/requests") as r:
            log = json.load(r)
        limited = sum(1 for e in log if e["status"] == 429)
        failed = sum(f for f, _ in reports)
        ideal = n * calls / 3
        mode = "shared (Redis)" if shared else "alone"
        return f"| {n} | {mode} | {n * calls} | {limited} | {failed} | {wall:.2f} s | {ideal:.2f} s | {wall / ideal:.2f} |"
    finally:
        proc.terminate()
        proc.wait()


def round_trip(redis_url: str, rounds: int) -> str:
    proc, url = sandbox(0)
    try:
        plain = sepay_sdk.Client(TOKEN, base_url=url, requests_per_second=0)
        # Rate limit off on both: the shared client still runs the limit script
        # (pauses only) on every send, so the difference is the Redis round trip.
        shared = sepay_sdk.Client(TOKEN, base_url=url, requests_per_second=0,
                                  shared_state=sepay_sdk.SharedState(redis_url, prefix=f"rt-{time.monotonic_ns()}"))
        times: dict[str, list[float]] = {"plain": [], "shared": []}
        for c in (plain, shared):
            for _ in range(50):
                c.v2.bank_accounts.list()  # warm up connections
        for i in range(rounds):  # alternate blocks: the machine's noise hits both alike
            for name, c in (("plain", plain), ("shared", shared)) if i % 2 == 0 else (("shared", shared), ("plain", plain)):
                for _ in range(100):
                    t = time.perf_counter()
                    c.v2.bank_accounts.list()
                    times[name].append(time.perf_counter() - t)
        p50 = {k: statistics.median(v) * 1000 for k, v in times.items()}
        return (f"| {len(times['plain'])} calls each, alternating blocks of 100 | "
                f"{p50['plain']:.3f} ms | {p50['shared']:.3f} ms | {p50['shared'] - p50['plain']:.3f} ms |")
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    redis_url = sys.argv[1]
    calls = int(os.environ.get("CALLS", "6"))
    if os.environ.get("ONLY") == "round-trip":
        print(round_trip(redis_url, int(os.environ.get("ROUNDS", "20"))), flush=True)
        return
    print("| processes | pacing | calls | 429s | failed calls | wall time | ideal (calls / 3 s) | wall / ideal |")
    print("|---|---|---|---|---|---|---|---|")
    for n in (1, 2, 4, 8):
        for shared in (False, True):
            print(processes_row(n, shared, redis_url, calls), flush=True)
    print()
    print("| measurement | p50 without shared state | p50 with shared state | added by Redis |")
    print("|---|---|---|---|")
    print(round_trip(redis_url, int(os.environ.get("ROUNDS", "20"))), flush=True)


if __name__ == "__main__":
    main()
