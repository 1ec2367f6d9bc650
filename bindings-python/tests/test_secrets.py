"""The token never shows: not in repr/str of clients, errors, models or logs."""

from __future__ import annotations

import pytest

import sepay_sdk
from conftest import TOKEN, Sandbox


def texts(*objects: object) -> str:
    return " ".join(f"{o!r} {o!s}" for o in objects)


def test_clients_do_not_show_the_token(sandbox: Sandbox) -> None:
    c = sandbox.client()
    a = sandbox.async_client()
    out = texts(c, a, c.v1, a.v2, c.v1.transactions, c.v2.transactions.iter())
    assert TOKEN not in out and TOKEN[-8:] not in out
    assert sandbox.url in repr(c), "but it says where it talks to"
    c.close()
    assert "closed" in repr(c)


def test_errors_do_not_show_the_token(sandbox: Sandbox) -> None:
    wrong = "SECRET" * 11
    c = sepay_sdk.Client(wrong, base_url=sandbox.url, requests_per_second=0)
    raised: list[BaseException] = []
    for call in (c.v1.transactions.list, c.v2.transactions.list):
        with pytest.raises(sepay_sdk.AuthenticationError) as info:
            call()
        raised.append(info.value)
    with pytest.raises(sepay_sdk.ConfigurationError) as bad:
        sepay_sdk.Client(TOKEN + " x", environment="live")
    raised.append(bad.value)
    for e in raised:
        out = texts(e, e.args, e.__dict__, e.__cause__)
        assert wrong not in out and TOKEN not in out, out


def test_models_and_log_do_not_carry_it(client: sepay_sdk.Client, sandbox: Sandbox) -> None:
    t = client.v1.transactions.list(limit=1)[0]
    assert TOKEN not in texts(t, t.to_dict())
    # The sandbox saw the token only in the Authorization header, never in a URL.
    assert all(TOKEN not in r["path"] + r["query"] for r in sandbox.requests())
