"""Payment gateway: the signed checkout form against an independent
HMAC and the sandbox's checkout, the order API (page, iterator, get, cancel,
void) on both clients, and the IPN the sandbox delivers to a local server,
verified with X-Secret-Key."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from decimal import Decimal
from email.message import Message

import pytest
from conftest import FAST, TOKEN, Sandbox
from local_server import Reply, admin, serve, wait_until

import sepay_sdk
from sepay_sdk import (
    AuthenticationError,
    ConfigurationError,
    NotFoundError,
    PgOrder,
    ValidationError,
    WebhookVerificationError,
)
from sepay_sdk.webhooks import PgIpn, WebhookReceiver, error_reply

MERCHANT, SECRET = "SP-TEST-SANDBOX", "spsk_test_sandbox"
SIGNED = {
    "merchant", "env", "operation", "payment_method", "order_amount", "currency",
    "order_invoice_number", "order_description", "customer_id", "agreement_id",
    "agreement_name", "agreement_type", "agreement_payment_frequency",
    "agreement_amount_per_payment", "success_url", "error_url", "cancel_url",
}  # fmt: skip


def independent_signature(fields: list[tuple[str, str]], secret: str) -> str:
    message = ",".join(f"{k}={v}" for k, v in fields if k in SIGNED)
    mac = hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()
    return base64.b64encode(mac).decode()


@pytest.fixture
def pg_sandbox(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox("--transactions", "10", "--rate-limit", "0", "--webhook-time-scale", "0.001")


@pytest.fixture
def pg(pg_sandbox: Sandbox) -> Iterator[sepay_sdk.Client]:
    with sepay_sdk.Client(
        base_url=pg_sandbox.url, pg_merchant_id=MERCHANT, pg_secret_key=SECRET, **FAST
    ) as client:
        yield client


def submit(form: sepay_sdk.CheckoutForm, fields: list[tuple[str, str]]) -> tuple[int, str]:
    request = urllib.request.Request(
        form.action,
        data=urllib.parse.urlencode(fields).encode(),
        headers={"accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_checkout_fields_in_order_and_signed_like_the_core() -> None:
    client = sepay_sdk.Client(
        environment="sandbox", pg_merchant_id="SP-TEST-AB12345", pg_secret_key="spsk_test_secret"
    )
    form = client.pg.checkout(
        order_amount=100_000,
        order_invoice_number="DH1001",
        order_description="Don hang <1001>",
        success_url="https://shop.example/ok?a=1&b=2",
    )
    assert form.action == "https://pay-sandbox.sepay.vn/v1/checkout/init"
    assert [k for k, _ in form.fields] == [
        "merchant", "currency", "order_amount", "operation", "order_description",
        "order_invoice_number", "success_url", "signature",
    ]  # fmt: skip
    assert form.fields[0] == ("merchant", "SP-TEST-AB12345")
    # The core's known-good value (openssl) and Python's own hmac agree.
    assert form.signature == "H2DhO1o6A0r5Eelo9WCORggqdNzccnZVfyVH5oCO2FU="
    assert form.signature == independent_signature(form.fields[:-1], "spsk_test_secret")
    assert list(form.to_dict()) == [k for k, _ in form.fields]

    html = form.to_html("Thanh toán <ngay>")
    assert 'value="Don hang &lt;1001&gt;"' in html
    assert "ok?a=1&amp;b=2" in html and "Thanh toán &lt;ngay&gt;" in html
    assert html.index('name="merchant"') < html.index('name="order_amount"') < html.index(
        'name="signature"'
    )
    assert "spsk_test_secret" not in repr(client) and "SP-TEST-AB12345" in repr(client)

    card = client.pg.checkout(
        order_amount=Decimal("2500"),
        order_invoice_number="DH-2",
        order_description="x",
        payment_method="CARD",
        customer_id="CUST-1",
        custom_data='{"cart": 1}',
    )
    names = [k for k, _ in card.fields]
    assert names.index("payment_method") < names.index("order_invoice_number")
    assert names[-2:] == ["custom_data", "signature"]
    assert card.signature == independent_signature(card.fields[:-1], "spsk_test_secret")
    client.close()


def test_checkout_validation_and_missing_credentials() -> None:
    client = sepay_sdk.Client(environment="sandbox", pg_merchant_id="M", pg_secret_key="K")
    cases: list[tuple[str, dict[str, object]]] = [
        ("order_invoice_number", {"order_invoice_number": "DH 1"}),
        ("order_amount", {"order_amount": "10.5"}),
        ("order_amount", {"order_amount": 1.5}),
        ("order_amount", {"operation": "VERIFY"}),
        ("operation", {"operation": "REFUND"}),
        ("payment_method", {"payment_method": "CASH"}),
        ("cancel_url", {"cancel_url": "javascript:alert(1)"}),
    ]
    for field, change in cases:
        args: dict[str, object] = {
            "order_amount": 1000,
            "order_invoice_number": "DH1",
            "order_description": "d",
            **change,
        }
        with pytest.raises(ValidationError) as e:
            client.pg.checkout(**args)  # type: ignore[arg-type]
        assert e.value.field_errors[0].field == field, (field, e.value)
    with pytest.raises(ConfigurationError, match="pg_secret_key"):
        sepay_sdk.Client(environment="sandbox", pg_merchant_id="M")
    no_pg = sepay_sdk.Client(TOKEN, environment="sandbox")
    with pytest.raises(ConfigurationError, match="payment gateway credentials"):
        no_pg.pg.checkout(order_amount=1, order_invoice_number="A", order_description="d")
    with pytest.raises(ValidationError, match="status"):
        no_pg.pg.orders.list(status="CAPTURED")  # type: ignore[call-arg]


def test_sandbox_checkout_accepts_the_signed_form_and_refuses_a_tampered_one(
    pg: sepay_sdk.Client,
) -> None:
    form = pg.pg.checkout(
        order_amount=150_000, order_invoice_number="INV-1", order_description="Don hang 1"
    )
    status, body = submit(form, form.fields)
    assert status == 200, body
    assert json.loads(body)["data"]["order_invoice_number"] == "INV-1"
    again = pg.pg.checkout(
        order_amount=150_000, order_invoice_number="INV-2", order_description="Don hang 2"
    )
    tampered = [(k, "999999" if k == "order_amount" else v) for k, v in again.fields]
    assert submit(again, tampered)[0] == 400
    reordered = list(again.fields)
    reordered[1], reordered[2] = reordered[2], reordered[1]
    assert submit(again, reordered)[0] == 400, "the order is part of the signature"
    assert submit(again, again.fields)[0] == 200


def checkout(client: sepay_sdk.Client, invoice: str, amount: int, method: str | None = None) -> None:
    form = client.pg.checkout(
        order_amount=amount,
        order_invoice_number=invoice,
        order_description=f"Order {invoice}",
        payment_method=method,  # type: ignore[arg-type]
        customer_id="CUST-7",
    )
    status, body = submit(form, form.fields)
    assert status == 200, body


def test_orders_list_iter_get_cancel_void(pg: sepay_sdk.Client, pg_sandbox: Sandbox) -> None:
    for i in range(5):
        checkout(pg, f"ORD-{i}", 10_000 * (i + 1), "CARD" if i == 4 else None)
    page = pg.pg.orders.list(per_page=2, page=1)
    assert len(page) == 2 and page.pagination is not None
    assert page.pagination.total == 5 and page.pagination.last_page == 3
    assert [o.order_invoice_number for o in page] == ["ORD-4", "ORD-3"], "newest first"
    every = list(pg.pg.orders.iter(per_page=2, created_at_sort="asc"))
    assert [o.order_invoice_number for o in every] == [f"ORD-{i}" for i in range(5)]
    assert all(isinstance(o, PgOrder) for o in every)
    assert [o.order_invoice_number for o in pg.pg.orders.iter(q="ORD-2")] == ["ORD-2"]

    order = pg.pg.orders.get("ORD-1")
    assert order.order_amount == Decimal(20_000) and order.order_currency == "VND"
    assert order.order_status == "AUTHENTICATION_NOT_NEEDED"
    assert order.customer_id == "CUST-7" and order.order_id.startswith("SEPAY-")
    assert pg.pg.orders.get(order.order_id).order_invoice_number == "ORD-1"
    assert order.to_dict()["transactions"] == [] and repr(order).startswith("PgOrder(")

    assert pg.pg.orders.cancel("ORD-1")
    assert pg.pg.orders.get("ORD-1").order_status == "CANCELLED"
    with pytest.raises(ValidationError) as e:
        pg.pg.orders.cancel("ORD-1")
    assert e.value.status == 422

    admin(pg_sandbox.url, "POST", "pg/pay", {"order_invoice_number": "ORD-4"})
    paid = pg.pg.orders.get("ORD-4")
    assert paid.order_status == "CAPTURED"
    assert paid.transactions[0].payment_method == "CARD"
    assert paid.transactions[0].transaction_amount == Decimal(50_000)
    assert paid.to_dict()["transactions"][0]["card_number"] == "411111xxxxxx1111"
    assert pg.pg.orders.void("ORD-4")
    voided = pg.pg.orders.get("ORD-4")
    assert voided.order_status == "CANCELLED"
    assert voided.transactions[0].transaction_status == "VOIDED"
    with pytest.raises(NotFoundError):
        pg.pg.orders.get("NOPE")


def test_async_client_orders(pg: sepay_sdk.Client, pg_sandbox: Sandbox) -> None:
    checkout(pg, "ASYNC-1", 12_000)
    checkout(pg, "ASYNC-2", 13_000)

    async def run() -> list[str]:
        async with sepay_sdk.AsyncClient(
            base_url=pg_sandbox.url, pg_merchant_id=MERCHANT, pg_secret_key=SECRET, **FAST
        ) as client:
            page = await client.pg.orders.list(per_page=1)
            assert len(page) == 1
            got = await client.pg.orders.get("ASYNC-1")
            assert got.order_amount == Decimal(12_000)
            assert await client.pg.orders.cancel("ASYNC-2")
            form = client.pg.checkout(
                order_amount=1, order_invoice_number="A", order_description="d"
            )
            assert form.action.endswith("/pay/v1/checkout/init")
            statuses = [o.order_status async for o in client.pg.orders.iter(created_at_sort="asc")]
        return statuses

    assert asyncio.run(run()) == ["AUTHENTICATION_NOT_NEEDED", "CANCELLED"]


def test_wrong_pg_credentials_are_refused(pg_sandbox: Sandbox) -> None:
    client = sepay_sdk.Client(
        base_url=pg_sandbox.url, pg_merchant_id=MERCHANT, pg_secret_key="wrong-key", **FAST
    )
    with pytest.raises(AuthenticationError) as e:
        client.pg.orders.list()
    assert e.value.status == 401
    assert "wrong-key" not in f"{e.value}{client!r}"
    with pytest.raises(ConfigurationError):
        client.v2.transactions.list()


def test_ipn_from_the_sandbox_is_verified_with_the_secret_key(
    pg: sepay_sdk.Client, pg_sandbox: Sandbox
) -> None:
    checkout(pg, "IPN-1", 300_000, "CARD")
    checkout(pg, "IPN-2", 70_000)
    receiver = WebhookReceiver.secret_key(SECRET)
    got: list[PgIpn] = []
    rejected: list[int] = []
    lock = threading.Lock()

    def handle(method: str, path: str, headers: Message, body: bytes) -> Reply:
        try:
            result = receiver.receive_pg_ipn(method, headers, body)
        except WebhookVerificationError as error:
            reply = error_reply(error)
            with lock:
                rejected.append(reply.status)
            return reply.status, reply.content_type, reply.body
        if result.delivery == "new":
            with lock:
                got.append(result.event)
            receiver.complete(result.key)
        return result.reply.status, result.reply.content_type, result.reply.body

    with serve(handle) as url:
        admin(pg_sandbox.url, "POST", "pg/ipn", {"url": f"{url}/ipn", "secret_key": "not-it"})
        admin(pg_sandbox.url, "POST", "pg/pay", {"order_invoice_number": "IPN-2"})
        wait_until(lambda: len(rejected) >= 1)
        admin(pg_sandbox.url, "POST", "pg/ipn", {"url": f"{url}/ipn", "secret_key": SECRET})
        admin(pg_sandbox.url, "POST", "pg/pay", {"order_invoice_number": "IPN-1"})
        wait_until(lambda: any(i.order.order_invoice_number == "IPN-1" for i in got))
        pg.pg.orders.void("IPN-1")
        wait_until(lambda: any(i.notification_type == "TRANSACTION_VOID" for i in got))
    assert set(rejected) == {401}
    paid = next(i for i in got if i.order.order_invoice_number == "IPN-1")
    assert paid.notification_type == "ORDER_PAID"
    assert paid.order.order_amount == Decimal(300_000) and paid.order.order_status == "CAPTURED"
    assert paid.transaction.transaction_amount == Decimal(300_000)
    assert paid.transaction.card_brand == "VISA" and paid.transaction.payment_method == "CARD"
    assert paid.customer is not None and json.loads(paid.customer) == {"id": "CUST-7"}
    assert paid.to_dict()["order"]["order_invoice_number"] == "IPN-1"
