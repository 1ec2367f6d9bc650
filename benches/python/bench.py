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
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Optional

import msgspec

TOKEN = "BENCH_TOKEN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR"
PAGE = 5000
ROUNDS = 8  # interleaved rounds of 5 timed calls per client and measure


def start_sandbox(prerender: bool) -> tuple[subprocess.Popen[str], str]:
    """One sandbox; `prerender` answers a repeated GET from memory (< 1 ms a page)."""
    binary = os.environ["SEPAY_SANDBOX_BIN"]
    args = [binary, "--addr", "127.0.0.1:0", "--token", TOKEN, "--transactions", "20000", "--rate-limit", "0"]
    proc = subprocess.Popen(
        args + (["--prerender"] if prerender else []),
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


# The careful user's models (module level: msgspec resolves the annotations here).
class MsgspecTransaction(msgspec.Struct):
    id: str
    bank_brand_name: str
    account_number: str
    transaction_date: datetime
    amount_out: Decimal
    amount_in: Decimal
    accumulated: Decimal
    transaction_content: str
    reference_number: Optional[str]
    code: Optional[str]
    sub_account: Optional[str]
    bank_account_id: str

class Listing(msgspec.Struct):
    transactions: list[MsgspecTransaction]

class Details(msgspec.Struct):
    transaction: MsgspecTransaction



def msgspec_client(url: str) -> dict[str, Callable[[], Any]]:
    """What a careful user writes instead: requests + msgspec Structs, `Decimal`
    money and aware (+07:00) datetimes, fields typed like the SDK's."""
    import requests

    vietnam = timezone(timedelta(hours=7))

    listing = msgspec.json.Decoder(Listing)
    details = msgspec.json.Decoder(Details)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    base = f"{url}/userapi"

    def aware(t: MsgspecTransaction) -> MsgspecTransaction:
        # SePay sends wall-clock times of Vietnam without an offset.
        t.transaction_date = t.transaction_date.replace(tzinfo=vietnam)
        return t

    def page() -> Any:
        r = session.get(f"{base}/transactions/list", params={"limit": PAGE})
        items = [aware(t) for t in listing.decode(r.content).transactions]
        assert len(items) == PAGE
        return items

    def page_sum() -> Decimal:
        return sum((t.amount_in for t in page()), Decimal(0))

    def get() -> Any:
        return aware(details.decode(session.get(f"{base}/transactions/details/1234").content).transaction)

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
    ("requests + msgspec (Decimal, aware datetimes)", msgspec_client, "import requests, msgspec"),
    ("(floor: requests, bytes only, no decoding)", transfer_only, ""),
]


def measure(prerender: bool, with_latency: bool) -> list[dict[str, Any]]:
    """Every contender against one sandbox; checks they agree on the sum."""
    proc, url = start_sandbox(prerender)
    rows: list[dict[str, Any]] = []
    totals: dict[str, Decimal] = {}
    try:
        contenders = [(name, make(url), imp) for name, make, imp in CONTENDERS]
        samples: dict[str, dict[str, list[float]]] = {}
        for name, ops, imp in contenders:
            if imp:
                totals[name] = ops["page_sum"]()
            samples[name] = {"page": [], "page_sum": []}
        # Interleaved rounds, so that a noisy moment of the machine falls on
        # every client alike rather than on whichever ran then.
        for _ in range(ROUNDS):
            for name, ops, _imp in contenders:
                samples[name]["page"] += timed(ops["page"], runs=5, warmup=1)
                samples[name]["page_sum"] += timed(ops["page_sum"], runs=5, warmup=1)
        for name, ops, imp in contenders:
            row = {"name": name, "floor": not imp}
            row["page"] = statistics.median(samples[name]["page"])
            row["page_sum"] = statistics.median(samples[name]["page_sum"])
            if with_latency:
                get = timed(ops["get"], runs=300, warmup=20)
                row["get"] = statistics.median(get)
                row["get_p90"] = statistics.quantiles(get, n=10)[-1]
                row["import"] = import_ms(imp) if imp else None
            rows.append(row)
    finally:
        proc.terminate()
        proc.wait()
    assert len(set(totals.values())) == 1, f"the clients disagree on the sum: {totals}"
    return rows


def table(title: str, rows: list[dict[str, Any]], with_latency: bool) -> None:
    ours = rows[0]
    print(f"\n{title}\n")
    head = "| client | 5,000-tx page | page + exact sum |"
    print(head + (" small GET (p50 / p90) | import |" if with_latency else ""))
    print("|---|---:|---:|" + ("---:|---:|" if with_latency else ""))
    for r in rows:
        ratio = "" if r is ours or r["floor"] else f" ({r['page'] / ours['page']:.1f}x)"
        sum_ratio = "" if r is ours or r["floor"] else f" ({r['page_sum'] / ours['page_sum']:.1f}x)"
        line = f"| {r['name']} | {r['page']:.1f}{ratio} | {r['page_sum']:.1f}{sum_ratio} |"
        if with_latency:
            imported = "" if r["floor"] else f"{r['import']:.0f}"
            line += f" {r['get']:.2f} / {r['get_p90']:.2f} | {imported} |"
        print(line)


def main() -> None:
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, sandbox 20,000 transactions, "
          f"page = v1 transactions/list?limit={PAGE}; medians in ms (ratio: time / sepay-sdk's)")
    table("Pre-rendered pages (`--prerender`: the sandbox answers from memory, < 1 ms a page)",
          measure(prerender=True, with_latency=False), with_latency=False)
    table("Rendered per request (the sandbox builds each 1.8 MB page, ≈ 5 ms)",
          measure(prerender=False, with_latency=True), with_latency=True)


if __name__ == "__main__":
    main()
