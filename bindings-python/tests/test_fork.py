"""A client made (and used) in the parent works in a child after os.fork()."""

from __future__ import annotations

import asyncio
import json
import os
import select

import pytest

import sepay_sdk
from conftest import Sandbox


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_call_in_a_forked_child(fresh: Sandbox) -> None:
    client = fresh.client()
    aclient = fresh.async_client()
    parent_count = client.v1.transactions.count()  # runtime and pool now exist
    paginator = client.v1.transactions.iter(limit=100)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        result: dict[str, object] = {}
        try:
            result["sync"] = client.v1.transactions.count()
            result["accounts"] = len(client.v2.bank_accounts.list())

            async def main() -> int:
                return await aclient.v1.transactions.count()

            result["async"] = asyncio.run(main())
            try:
                next(paginator)
            except sepay_sdk.ConfigurationError as e:
                result["stale_iterator"] = str(e)
        except BaseException as e:  # reported to the parent
            result["error"] = repr(e)
        os.write(write_end, json.dumps(result).encode())
        os._exit(0)
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], 30)
    if not ready:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("the child hung after fork")
    data = os.read(read_end, 65536)
    os.close(read_end)
    os.waitpid(pid, 0)
    result = json.loads(data)
    assert "error" not in result, result
    assert result["sync"] == result["async"] == parent_count == 300
    assert result["accounts"] == 3
    assert "before os.fork()" in str(result["stale_iterator"])
    # The parent is unaffected.
    assert client.v1.transactions.count() == 300
