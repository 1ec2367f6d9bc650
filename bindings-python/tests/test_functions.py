"""Parity with the core's FUNCTIONS (client-less: receiving webhooks, VietQR):
each name is reachable at run time and declared in the stubs; and every pg.*
operation is declared on both clients."""

from __future__ import annotations

import ast
import pathlib
from typing import Any

import sepay_sdk
from sepay_sdk import vietqr, webhooks

STUB = pathlib.Path(sepay_sdk.__file__).with_name("_native.pyi")

OWNERS: dict[str, Any] = {
    "webhook": webhooks.WebhookReceiver,
    "webhook.token": webhooks.WebhookTokenIssuer,
    "qr": vietqr,
}


def resolve(name: str) -> Any:
    """`webhook.receive` -> WebhookReceiver.receive (or the module function)."""
    owner, action = name.rsplit(".", 1)
    target = getattr(OWNERS[owner], action, None)
    if target is None and owner == "webhook":
        target = getattr(webhooks, action, None)
    return target


def test_functions_come_from_the_core() -> None:
    names = sepay_sdk.FUNCTIONS
    assert "webhook.receive" in names and "qr.payload" in names and "webhook.token.issue" in names
    assert len(set(names)) == len(names)


def test_every_function_exists_at_run_time() -> None:
    for name in sepay_sdk.FUNCTIONS:
        assert callable(resolve(name)), f"{name} is not exposed"


def test_every_function_is_in_the_stubs() -> None:
    tree = ast.parse(STUB.read_text())
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    classes = {
        n.name: {f.name for f in n.body if isinstance(f, ast.FunctionDef)}
        for n in tree.body
        if isinstance(n, ast.ClassDef)
    }
    stub_names = {"webhook": "WebhookReceiver", "webhook.token": "WebhookTokenIssuer"}
    for name in sepay_sdk.FUNCTIONS:
        owner, action = name.rsplit(".", 1)
        if owner == "qr":
            assert f"vietqr_{action}" in functions, name
        else:
            cls = stub_names[owner]
            assert action in classes[cls] or action in functions, f"stub lacks {name}"


def test_pg_operations_exist_on_both_clients() -> None:
    pg_ops = [op for op in sepay_sdk.OPERATIONS if op.startswith("pg.")]
    assert pg_ops == [
        "pg.checkout", "pg.orders.list", "pg.orders.iter",
        "pg.orders.get", "pg.orders.cancel", "pg.orders.void",
    ]  # fmt: skip
    for cls in (sepay_sdk.Client, sepay_sdk.AsyncClient):
        client = cls(environment="live", pg_merchant_id="M", pg_secret_key="K")
        for op in pg_ops:
            target: Any = client
            for part in op.split("."):
                target = getattr(target, part)
            assert callable(target), (cls.__name__, op)
        client.close()
