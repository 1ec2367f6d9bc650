"""Per-call options (`Client.with_options`) and the call logs on the
`sepay_sdk` logger, against the sandbox through the installed wheel."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import trustme

import pytest

import sepay_sdk
from conftest import FAST, TOKEN, Sandbox
from local_server import ForwardProxy, tls_front


def test_with_options_sends_headers_on_the_view_only(fresh: Sandbox) -> None:
    client = fresh.client(**FAST)
    tagged = client.with_options(headers={"X-Correlation-Id": "order-42"})
    assert isinstance(tagged, sepay_sdk.Client)
    tagged.v1.transactions.list(limit=5)
    client.v1.transactions.list(limit=5)
    first, second = fresh.requests()[-2:]
    assert ["x-correlation-id", "order-42"] in first["x_headers"]
    assert not any(name == "x-correlation-id" for name, _ in second["x_headers"])


def test_with_options_attempts_and_timeout(fresh: Sandbox) -> None:
    client = fresh.client(**FAST)
    once = client.with_options(max_attempts=1)
    fresh.push_faults("503")
    with pytest.raises(sepay_sdk.ServerError):
        once.v1.transactions.list(limit=5)
    fresh.push_faults("503")
    assert len(client.v1.transactions.list(limit=5)) == 5  # the client still retries

    quick = client.with_options(timeout=0.2, max_attempts=1)
    fresh.push_faults({"slow": 3000})
    started = time.monotonic()
    with pytest.raises(sepay_sdk.RequestTimeoutError):
        quick.v1.transactions.list(limit=5)
    assert time.monotonic() - started < 2


def test_with_options_refuses_what_the_sdk_owns(fresh: Sandbox) -> None:
    client = fresh.client(**FAST)
    with pytest.raises(sepay_sdk.ConfigurationError, match="set by the SDK"):
        client.with_options(headers={"Authorization": "Bearer other"})
    with pytest.raises(sepay_sdk.ConfigurationError):
        client.with_options(timeout=-1)


def test_async_client_with_options(fresh: Sandbox) -> None:
    async def run() -> int:
        count = 0
        async with fresh.async_client(**FAST) as client:
            view = client.with_options(headers={"X-Trace": "t1"})
            assert isinstance(view, sepay_sdk.AsyncClient)
            count = len(await view.v1.transactions.list(limit=3))
        return count

    assert asyncio.run(run()) == 3
    assert ["x-trace", "t1"] in fresh.requests()[-1]["x_headers"]


def test_call_logs_reach_logging_at_debug_and_never_hold_the_token(
    fresh: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger("sepay_sdk")
    with caplog.at_level(logging.DEBUG, logger="sepay_sdk"):
        client = fresh.client(**FAST)  # looks the logger's level up
        fresh.push_faults("503")
        client.v1.transactions.list(limit=5)
    lines = [r.getMessage() for r in caplog.records if r.name == "sepay_sdk"]
    kinds = [line.split(" ")[0] for line in lines]
    assert kinds == ["request", "response", "retry", "request", "response"], lines
    assert "status=503" in lines[1] and "request_id=sandbox-" in lines[1]
    assert "retry_in_ms=" in lines[2] and caplog.records[2].levelno == logging.INFO
    assert all("v1.transactions.list GET /userapi/transactions/list" in line for line in lines)
    assert not any(TOKEN in line or "Bearer" in line for line in lines)

    # DEBUG off again: calls log nothing (after the next look at the level).
    logger.setLevel(logging.WARNING)
    caplog.clear()
    client = fresh.client(**FAST)
    client.v1.transactions.list(limit=5)
    assert [r for r in caplog.records if r.name == "sepay_sdk"] == []
    logger.setLevel(logging.NOTSET)


def test_proxy_option_environment_and_app_name(fresh: Sandbox) -> None:
    """An explicit proxy and HTTP_PROXY (in a child process, so the variable
    stays there) both carry the calls; the app name ends the User-Agent."""

    with ForwardProxy() as proxy:
        client = sepay_sdk.Client(
            TOKEN, base_url=fresh.url, proxy=proxy.url, app_name="my-shop/2.1", **FAST
        )
        assert len(client.v1.transactions.list(limit=2)) == 2
        assert len(proxy.lines) == 1
        line, agent = proxy.lines[0]
        assert line.startswith(f"GET {fresh.url}/userapi/transactions/list")
        assert agent.startswith("sepay-sdk-python/") and agent.endswith(" my-shop/2.1")

        code = (
            "import sepay_sdk, sys; c = sepay_sdk.Client(sys.argv[1], base_url=sys.argv[2], "
            "requests_per_second=0); print(len(c.v1.transactions.list(limit=3)))"
        )
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        out = subprocess.run(
            [sys.executable, "-c", code, TOKEN, fresh.url],
            env={**env, "HTTP_PROXY": proxy.url},
            capture_output=True, text=True, check=True,
        )
        assert out.stdout.strip() == "3"
        assert len(proxy.lines) == 2
    with pytest.raises(sepay_sdk.ConfigurationError) as e:
        sepay_sdk.Client(TOKEN, base_url=fresh.url, proxy="socks5://u:secret@h:1")
    assert "secret" not in str(e.value)


def test_ca_bundle_trusts_a_gateway_that_re_signs_tls(fresh: Sandbox, tmp_path: Path) -> None:
    """The sandbox behind an HTTPS front signed by a throw-away CA: unknown
    without the bundle, trusted with it."""
    ca = trustme.CA()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    with tls_front(ca.issue_cert("127.0.0.1"), fresh.url) as url:
        with pytest.raises(sepay_sdk.TransportError):
            sepay_sdk.Client(TOKEN, base_url=url, **{**FAST, "max_attempts": 1}).v1.transactions.list(limit=1)
        trusted = sepay_sdk.Client(TOKEN, base_url=url, ca_bundle=ca_file, **FAST)
        assert len(trusted.v1.transactions.list(limit=2)) == 2
    with pytest.raises(sepay_sdk.ConfigurationError, match="ca_bundle"):
        sepay_sdk.Client(TOKEN, base_url=fresh.url, ca_bundle=tmp_path / "missing.pem")
