"""Parity with the core: every operation in `sepay_sdk.OPERATIONS` (the core's
list, shared by every language) exists on both clients and in the stubs, with
exactly the core's keyword parameters; every model attribute is typed."""

from __future__ import annotations

import ast
import pathlib
from collections.abc import Callable
from typing import Any

import pytest

import sepay_sdk
from conftest import Sandbox

STUB = pathlib.Path(sepay_sdk.__file__).with_name("_native.pyi")


def stub_classes() -> dict[str, ast.ClassDef]:
    tree = ast.parse(STUB.read_text())
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def members(cls: ast.ClassDef) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)}


def returned_class(fn: ast.FunctionDef) -> str:
    assert isinstance(fn.returns, ast.Name), ast.dump(fn)
    return fn.returns.id


def kwargs_typeddict(fn: ast.FunctionDef) -> str | None:
    """`**filters: Unpack[X]` -> "X"."""
    if fn.args.kwarg is None:
        return None
    ann = fn.args.kwarg.annotation
    assert isinstance(ann, ast.Subscript) and isinstance(ann.slice, ast.Name), ast.dump(fn)
    return ann.slice.id


def test_operations_come_from_the_core() -> None:
    ops = sepay_sdk.OPERATIONS
    assert len(ops) >= 18 and len(set(ops)) == len(ops)
    assert "v2.transactions.iter" in ops and "v1.bank_accounts.count" in ops


@pytest.mark.parametrize("client_class", ["Client", "AsyncClient"])
def test_every_operation_exists_at_run_time(client_class: str) -> None:
    client = getattr(sepay_sdk, client_class)("T" * 64, environment="live")
    for op in sepay_sdk.OPERATIONS:
        target: Any = client
        for part in op.split("."):
            assert hasattr(target, part), f"{client_class} lacks {op}"
            target = getattr(target, part)
        assert callable(target), op
    client.close()


@pytest.mark.parametrize("client_class", ["Client", "AsyncClient"])
def test_every_operation_is_typed_with_the_core_parameters(client_class: str) -> None:
    classes = stub_classes()
    for op in sepay_sdk.OPERATIONS:
        *path, action = op.split(".")
        cls = classes[client_class]
        for part in path:
            cls = classes[returned_class(members(cls)[part])]
        assert action in members(cls), f"stub {cls.name} lacks {action} ({op})"
        fn = members(cls)[action]
        typed = kwargs_typeddict(fn)
        expected = sepay_sdk.OPERATION_PARAMS.get(op)
        if expected is None:
            assert typed is None, f"{op} takes no filters"
            continue
        assert typed is not None, f"{op} should take **filters"
        keys = [
            n.target.id
            for n in classes[typed].body
            if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
        ]
        assert keys == list(expected), f"{op}: stub {keys} vs core {list(expected)}"


def test_every_keyword_is_accepted_at_run_time(client: sepay_sdk.Client) -> None:
    for op, names in sepay_sdk.OPERATION_PARAMS.items():
        if not op.endswith(".iter"):
            continue
        target: Any = client
        for part in op.split("."):
            target = getattr(target, part)
        args = ("bank-account",) if op.startswith("v2.virtual_accounts") else ()
        target(*args, **{name: None for name in names})  # None = not given


def test_model_attributes_match_the_stubs(client: sepay_sdk.Client) -> None:
    classes = stub_classes()
    account = client.v2.bank_accounts.list()[0]
    va = next(
        v
        for a in client.v2.bank_accounts.iter()
        for v in client.v2.virtual_accounts.iter(a.id)
    )
    terminal = next(
        t for a in client.v2.bank_accounts.iter() for t in client.v2.terminals.list(a.id)
    )
    page = client.v2.transactions.list(per_page=1)
    samples: list[Any] = [
        client.v1.transactions.list(limit=1)[0],
        client.v1.bank_accounts.list()[0],
        page[0],
        account,
        va,
        terminal,
        page.pagination,
    ]
    for model in samples:
        name = type(model).__name__
        typed = [n for n, f in members(classes[name]).items() if f.decorator_list]
        assert list(model.to_dict()) == typed, name
        for field in typed:
            getattr(model, field)
        assert repr(model).startswith(f"{name}(")


def test_account_and_auth_models_match_the_stubs(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    """VA order, OAuth2 and Bank Hub models: stub properties == `to_dict()` keys."""
    from test_oauth import REDIRECT, authorize

    sb = make_sandbox("--transactions", "200", "--rate-limit", "0")
    classes = stub_classes()
    samples: list[Any] = []
    with sb.client() as client:
        bidv = next(a for a in client.v2.bank_accounts.iter() if a.bank_short_name == "BIDV")
        order = client.v2.orders.create(bidv.id, bank=sepay_sdk.OrderBank.BIDV, amount=1000)
        samples += [order, order.virtual_accounts[0]]
    with sepay_sdk.Client(
        base_url=sb.url,
        oauth_client_id="sandbox-client",
        oauth_client_secret="sandbox-client-secret",
        oauth_redirect_uri=REDIRECT,
        bank_hub_client_id="sandbox-bankhub",
        bank_hub_client_secret="sandbox-bankhub-secret",
        requests_per_second=0,
    ) as client:
        oauth = client.oauth
        code = authorize(oauth.authorization_url(["profile", "bank-account:read",
                                                  "transaction:read", "webhook:read"], "s"))
        samples.append(oauth.exchange_code(code["code"]))
        account = oauth.bank_accounts.list()[0]
        subs = next(
            p for a in oauth.bank_accounts.iter() if len(p := oauth.bank_accounts.sub_accounts(a.id))
        )
        samples += [oauth.me(), account, account.bank, subs[0],
                    oauth.transactions.list()[0], oauth.webhooks.list()[0]]
        hub = client.bank_hub
        company = hub.companies.list()[0]
        counter = hub.companies.counter(company.xid)
        link = hub.link_tokens.create(company.xid)
        hub.webhook.set("https://p.example/h", secret_key="k" * 20)
        samples += [company, counter, counter.dates[0], counter.total, link,
                    hub.link_tokens.get(link.link_token), hub.bank_accounts.list()[0],
                    hub.transactions.list()[0], hub.merchant_config.get(), hub.webhook.get()]
    for model in samples:
        name = type(model).__name__
        typed = [n for n, f in members(classes[name]).items() if f.decorator_list]
        assert list(model.to_dict()) == typed, name
        for field in typed:
            getattr(model, field)
        assert repr(model).startswith(f"{name}("), name
