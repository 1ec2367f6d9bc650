"""Side by side, one run, one sandbox: sepay-sdk (this package) vs the PyPI
`sepay` 0.1.0 client (requests + pydantic) vs plain `requests` + `json`.

Measures fetching and decoding one 5,000-transaction v1 page (and the same
plus summing every amount exactly), the latency of a small GET, and import
time. Run it with benches/python/run.sh, which prepares everything.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Optional

TOKEN = "BENCH_TOKEN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR"
PAGE = 5000


def start_sandbox() -> tuple[subprocess.Popen[str], str]:
    binary = os.environ["SEPAY_SANDBOX_BIN"]
    proc = subprocess.Popen(
        [binary, "--addr", "127.0.0.1:0", "--token", TOKEN, "--transactions", "20000", "--rate-limit", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def timed(fn: Callable[[], Any], runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def import_ms(statement: str, runs: int = 15) -> float:
    """Median wall time of `python -c <statement>` minus `python -c pass`."""

    def wall(code: str) -> float:
        samples = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            samples.append((time.perf_counter() - t0) * 1000)
        return statistics.median(samples)

    return wall(statement) - wall("pass")


# ------------------------------------------------------------------ clients


def sepay_sdk_client(url: str) -> dict[str, Callable[[], Any]]:
    import sepay_sdk

    c = sepay_sdk.Client(TOKEN, base_url=url, requests_per_second=0)

    def page() -> Any:
        items = c.v1.transactions.list(limit=PAGE)
        assert len(items) == PAGE
        return items

    def page_sum() -> Decimal:
        return sum((t.amount_in for t in page()), Decimal(0))

    return {"page": page, "page_sum": page_sum, "get": lambda: c.v1.transactions.get("1234")}


def pypi_sepay_client(url: str) -> dict[str, Callable[[], Any]]:
    from typing import Optional as Opt

    import sepay  # the PyPI client, sepay==0.1.0
    import sepay.base
    import sepay.models
    import sepay.transaction

    # It hard-codes SePay's production URL: point it at the sandbox instead.
    sepay.base.BaseRequest.BASE_URL = f"{url}/userapi/"

    # Its model declares `sub_account: str` and so rejects the `null` that SePay
    # (and the sandbox) send for accounts without sub-accounts; widen that one field.
    class Transaction(sepay.models.Transaction):
        sub_account: Opt[str] = None

    sepay.transaction.Transaction = Transaction  # type: ignore[misc]
    client = sepay.SePay(TOKEN)

    def page() -> Any:
        items = client.transaction.get_transactions({"limit": str(PAGE)})
        assert len(items) == PAGE
        return items

    def page_sum() -> Decimal:
        return sum((Decimal(t.amount_in) for t in page()), Decimal(0))

    return {
        "page": page,
        "page_sum": page_sum,
        "get": lambda: client.transaction.get_transaction("1234"),
    }


def plain_requests_client(url: str) -> dict[str, Callable[[], Any]]:
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    base = f"{url}/userapi"

    def page() -> Any:
        r = session.get(f"{base}/transactions/list", params={"limit": PAGE})
        items = json.loads(r.content)["transactions"]
        assert len(items) == PAGE
        return items

    def page_sum() -> Decimal:
        return sum((Decimal(t["amount_in"]) for t in page()), Decimal(0))

    def get() -> Any:
        return json.loads(session.get(f"{base}/transactions/details/1234").content)["transaction"]

    return {"page": page, "page_sum": page_sum, "get": get}


def transfer_only(url: str) -> dict[str, Callable[[], Any]]:
    """Reference floor: the same requests, bytes read, nothing decoded."""
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    base = f"{url}/userapi"

    def page() -> bytes:
        return session.get(f"{base}/transactions/list", params={"limit": PAGE}).content

    return {
        "page": page,
        "page_sum": page,
        "get": lambda: session.get(f"{base}/transactions/details/1234").content,
    }


CONTENDERS = [
    ("sepay-sdk (this package)", sepay_sdk_client, "import sepay_sdk"),
    ("sepay 0.1.0 (PyPI)", pypi_sepay_client, "import sepay"),
    ("requests + json", plain_requests_client, "import requests, json"),
    ("(floor: requests, bytes only, no decoding)", transfer_only, ""),
]


def main() -> None:
    proc, url = start_sandbox()
    rows: list[dict[str, Any]] = []
    totals: dict[str, Decimal] = {}
    try:
        for name, make, imp in CONTENDERS:
            ops = make(url)
            if imp:
                totals[name] = ops["page_sum"]()
            page = timed(ops["page"], runs=30)
            page_sum = timed(ops["page_sum"], runs=30)
            get = timed(ops["get"], runs=300, warmup=20)
            rows.append(
                {
                    "name": name,
                    "page": statistics.median(page),
                    "page_sum": statistics.median(page_sum),
                    "get": statistics.median(get),
                    "get_p90": statistics.quantiles(get, n=10)[-1],
                    "import": import_ms(imp) if imp else None,
                }
            )
    finally:
        proc.terminate()
        proc.wait()
    assert len(set(totals.values())) == 1, f"the three disagree on the sum: {totals}"

    ours = rows[0]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, sandbox 20,000 transactions, "
          f"page = v1 transactions/list?limit={PAGE}; medians in ms\n")
    print("| client | 5,000-tx page | page + exact sum | small GET (p50 / p90) | import |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        floor = r["import"] is None
        ratio = "" if r is ours or floor else f" ({r['page'] / ours['page']:.1f}x)"
        page_sum = "" if floor else f"{r['page_sum']:.1f}"
        imported = "" if floor else f"{r['import']:.0f}"
        print(
            f"| {r['name']} | {r['page']:.1f}{ratio} | {page_sum} | "
            f"{r['get']:.2f} / {r['get_p90']:.2f} | {imported} |"
        )


if __name__ == "__main__":
    main()
