"""`with` / `async with` close the client; closed clients refuse politely;
cancelling an awaitable cancels the request."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time

import pytest

import sepay_sdk
from conftest import Sandbox


def test_with_closes(sandbox: Sandbox) -> None:
    with sandbox.client() as c:
        assert c.v1.bank_accounts.count() == 3
        pages = c.v2.transactions.iter()
    with pytest.raises(sepay_sdk.ConfigurationError, match="closed"):
        c.v1.bank_accounts.count()
    with pytest.raises(sepay_sdk.ConfigurationError, match="closed"):
        next(pages)


@pytest.mark.asyncio
async def test_async_with_closes(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as c:
        assert isinstance(c, sepay_sdk.AsyncClient)
        assert await c.v1.bank_accounts.count() == 3
    with pytest.raises(sepay_sdk.ConfigurationError, match="closed"):
        await c.v1.bank_accounts.count()
    c2 = sandbox.async_client()
    await c2.aclose()
    assert "closed" in repr(c2)


@pytest.mark.asyncio
async def test_cancelling_an_awaitable_cancels_the_call(fresh: Sandbox) -> None:
    async with fresh.async_client() as c:
        fresh.push_faults({"slow": 3000})
        started = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(c.v1.transactions.count(), 0.2)
        assert time.monotonic() - started < 1.5
        assert await c.v1.transactions.count() == 300, "the client still works"


def test_ctrl_c_interrupts_a_blocking_call(fresh: Sandbox) -> None:
    client = fresh.client()
    fresh.push_faults({"slow": 3000})
    threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        client.v1.transactions.count()
    assert time.monotonic() - started < 2.0
    assert client.v1.transactions.count() == 300, "the client still works"


def test_page_is_a_sequence(client: sepay_sdk.Client) -> None:
    page = client.v2.transactions.list(per_page=4)
    assert len(page) == 4 and page[-1] == page.items[3]
    with pytest.raises(IndexError):
        page[4]
    assert [t.id for t in page] == [t.id for t in page.items]
    assert "4 items" in repr(page)
