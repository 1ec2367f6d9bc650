"""A client made (and used) in the parent works in a child after os.fork()."""

from __future__ import annotations

import asyncio
import json
import os
import select
from collections.abc import Callable

import pytest

import sepay_sdk
from conftest import Sandbox


def _in_child(work: Callable[[], dict[str, object]], timeout: float = 30) -> dict[str, object]:
    """Runs `work` in a forked child and returns what it reported; fails the
    test if the child does not answer within `timeout` seconds."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        try:
            result = work()
        except BaseException as e:  # reported to the parent
            result = {"error": repr(e)}
        os.write(write_end, json.dumps(result).encode())
        os._exit(0)
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], timeout)
    if not ready:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("the child hung after fork")
    data = os.read(read_end, 65536)
    os.close(read_end)
    os.waitpid(pid, 0)
    answer: dict[str, object] = json.loads(data)
    return answer


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_call_in_a_forked_child(fresh: Sandbox) -> None:
    client = fresh.client()
    aclient = fresh.async_client()
    parent_count = client.v1.transactions.count()  # runtime and pool now exist
    paginator = client.v1.transactions.iter(limit=100)
    def child() -> dict[str, object]:
        result: dict[str, object] = {}
        result["sync"] = client.v1.transactions.count()
        result["accounts"] = len(client.v2.bank_accounts.list())

        async def main() -> int:
            return await aclient.v1.transactions.count()

        result["async"] = asyncio.run(main())
        try:
            next(paginator)
        except sepay_sdk.ConfigurationError as e:
            result["stale_iterator"] = str(e)
        return result

    result = _in_child(child)
    assert "error" not in result, result
    assert result["sync"] == result["async"] == parent_count == 300
    assert result["accounts"] == 3
    assert "before os.fork()" in str(result["stale_iterator"])
    # The parent is unaffected.
    assert client.v1.transactions.count() == 300


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_fork_during_a_token_refresh_does_not_leave_the_child_waiting(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    """The parent forks while its Bank Hub token request
    is in flight (slowed to 3 s); the child does not wait for a renewal that
    only exists in the parent, it fetches its own token."""
    import threading
    import time

    hub = make_sandbox("--transactions", "10", "--rate-limit", "0")
    client = sepay_sdk.Client(
        base_url=hub.url,
        bank_hub_client_id="sandbox-bankhub",
        bank_hub_client_secret="sandbox-bankhub-secret",
        requests_per_second=0,
        timeout=10.0,
    )
    hub.push_faults({"slow": 3000})  # the token request the next call makes
    parent_call = threading.Thread(target=client.bank_hub.companies.list)
    parent_call.start()
    time.sleep(1.0)  # the token request is on the wire (the sandbox answers after 3 s)
    def child() -> dict[str, object]:  # forked mid-refresh
        started = time.monotonic()
        client.bank_hub.companies.list()
        return {"seconds": time.monotonic() - started}

    result = _in_child(child, timeout=20)
    parent_call.join(20)
    assert "error" not in result, result
    tokens = [r for r in hub.requests() if r["path"] == "/bankhub/v1/token"]
    assert len(tokens) == 2, "the parent's renewal and the child's own"
    assert isinstance(result["seconds"], float) and result["seconds"] < 2.5
    assert len(client.bank_hub.companies.list()) == 3  # the parent is unaffected
