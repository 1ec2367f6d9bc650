"""Fixtures: `sepay-sandbox` processes on free loopback ports, and clients of
the INSTALLED `sepay_sdk` wheel pointed at them."""

from __future__ import annotations

import json
import os
import select
import subprocess
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any, Optional

import pytest

import sepay_sdk

# The suite tests the built artifact: the wheel installed in the venv.
assert "site-packages" in sepay_sdk.__file__, f"not the installed wheel: {sepay_sdk.__file__}"

TOKEN = "PYTEST_TOKEN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"
BIG = 25_000
"""Transactions in the shared sandbox (pagination tests walk all of them)."""

# Quick retries so fault tests take milliseconds, no client-side rate limit.
FAST: dict[str, Any] = {
    "requests_per_second": 0,
    "initial_backoff": 0.01,
    "max_backoff": 0.05,
    "timeout": 10.0,
}


def _binary() -> str:
    path = os.environ.get("SEPAY_SANDBOX_BIN")
    if not path or not os.access(path, os.X_OK):
        pytest.exit(
            "set SEPAY_SANDBOX_BIN to a built sepay-sandbox binary "
            "(cargo build --release -p sepay-sandbox); scripts/test-python.sh does",
            returncode=2,
        )
    return path


class Sandbox:
    """One `sepay-sandbox` process; `url` is read from its first stdout line."""

    def __init__(self, *args: str) -> None:
        cmd = [_binary(), "--addr", "127.0.0.1:0", "--token", TOKEN, *args]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], 30)
        line = self.proc.stdout.readline().strip() if ready else ""
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"sepay-sandbox did not print its URL (got {line!r})")
        self.url = line

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def _admin(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.url}/__sandbox/{path}",
            data=data,
            method=method,
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def requests(self) -> list[dict[str, Any]]:
        """The request log: method, path, query, status, fault, ..."""
        log: list[dict[str, Any]] = self._admin("GET", "requests")
        return log

    def clear_requests(self) -> None:
        self._admin("DELETE", "requests")

    def push_faults(self, *faults: Any) -> None:
        """Faults for the next API requests, one each: "500", "drop", {"slow": 1500}, ..."""
        self._admin("POST", "faults/next", {"faults": list(faults)})

    def stats(self) -> dict[str, Any]:
        """Exact dataset totals: transactions, bank_accounts, total_amount_in/out."""
        stats: dict[str, Any] = self._admin("GET", "stats")
        return stats

    def client(self, **options: Any) -> sepay_sdk.Client:
        return sepay_sdk.Client(TOKEN, base_url=self.url, **{**FAST, **options})

    def async_client(self, **options: Any) -> sepay_sdk.AsyncClient:
        return sepay_sdk.AsyncClient(TOKEN, base_url=self.url, **{**FAST, **options})


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """The shared sandbox: BIG transactions, no server-side rate limit."""
    sb = Sandbox("--transactions", str(BIG), "--rate-limit", "0")
    yield sb
    sb.stop()


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """Starts extra sandboxes (own options, own log) stopped after the test."""
    started: list[Sandbox] = []

    def make(*args: str) -> Sandbox:
        sb = Sandbox(*args)
        started.append(sb)
        return sb

    yield make
    for sb in started:
        sb.stop()


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[sepay_sdk.Client]:
    with sandbox.client() as c:
        yield c


@pytest.fixture
def fresh(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    """A small sandbox of its own (faults and the request log are per sandbox)."""
    return make_sandbox("--transactions", "300", "--rate-limit", "0")
