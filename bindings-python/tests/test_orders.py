"""VA orders (v1 BIDV and v2) through the installed wheel against sepay-sandbox:
the lifecycle with partial payments, cancelling, bank rules checked before
sending, SePay's 422 as a typed error, and a create cut off after it reached
SePay that is not duplicated."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from conftest import Sandbox

import sepay_sdk
from sepay_sdk import OrderBank, OrderVa, VaOrder, VaOrderStatus, VaStatus


def pay(sb: Sandbox, va_number: str, amount: int) -> dict[str, Any]:
    """Simulates a transfer into an order's VA (`POST /__sandbox/va/pay`)."""
    paid: dict[str, Any] = sb._admin("POST", "va/pay", {"va_number": va_number, "amount": amount})
    return paid


def account(client: sepay_sdk.Client, bank: str) -> sepay_sdk.V2BankAccount:
    return next(a for a in client.v2.bank_accounts.iter() if a.bank_short_name == bank)


def v1_id(client: sepay_sdk.Client, v2: sepay_sdk.V2BankAccount) -> str:
    return next(a.id for a in client.v1.bank_accounts.list() if a.account_number == v2.account_number)


@pytest.fixture
def small(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox("--transactions", "20", "--rate-limit", "0")


def test_v2_lifecycle_partial_then_paid_and_cancel(small: Sandbox) -> None:
    with small.client() as client:
        bidv = account(client, "BIDV")
        orders = client.v2.orders
        order = orders.create(bidv.id, bank=OrderBank.BIDV, amount=Decimal("500000"), duration=3600)
        assert isinstance(order, VaOrder)
        assert order.status is VaOrderStatus.PENDING
        assert order.to_dict()["status"] == "Pending"  # a str enum: its wire string
        assert order.amount == Decimal("500000") and order.bank_name == "BIDV"
        assert order.va_number and order.expired_at is not None
        assert order.expired_at.utcoffset() is not None
        assert [va.va_number for va in order.virtual_accounts] == [order.va_number]
        assert isinstance(order.virtual_accounts[0], OrderVa)
        assert order.to_dict()["virtual_accounts"][0]["status"] == VaStatus.UNPAID
        assert repr(order).startswith("VaOrder(id=")

        pay(small, order.va_number, 200_000)
        partial = orders.get(bidv.id, order.id)
        assert partial.status is VaOrderStatus.PARTIALLY
        assert partial.paid_amount == Decimal("200000")
        pay(small, order.va_number, 300_000)
        paid = orders.get(bidv.id, order.id)
        assert paid.status is VaOrderStatus.PAID and paid.paid_amount == Decimal("500000")
        assert paid.virtual_accounts[0].status is VaStatus.PAID

        with pytest.raises(sepay_sdk.ValidationError) as caught:
            orders.cancel(bidv.id, order.id)
        assert caught.value.status == 422 and caught.value.code == "invalid_state"
        assert caught.value.operation == "v2.orders.cancel"

        second = orders.create(bidv.id, bank="bidv", amount=100_000, order_code="DH2NDORDER")
        assert second.order_code == "DH2NDORDER"
        orders.cancel(bidv.id, second.id)
        cancelled = orders.get(bidv.id, second.id)
        assert cancelled.status is VaOrderStatus.CANCELLED
        assert all(va.status is VaStatus.CANCELLED for va in cancelled.virtual_accounts)

        page = orders.list(bidv.id, per_page=10)
        assert {o.id for o in page} == {order.id, second.id}
        assert page.pagination is not None and page.pagination.total == 2


def test_add_and_cancel_a_va_and_v1_unlimited_orders(small: Sandbox) -> None:
    with small.client() as client:
        bidv = account(client, "BIDV")
        orders = client.v2.orders
        order = orders.create(bidv.id, bank=OrderBank.BIDV, amount=300_000)
        added = orders.add_va(bidv.id, order.id, bank=OrderBank.BIDV, amount=Decimal(100_000))
        assert len(added.virtual_accounts) == 2
        extra = added.virtual_accounts[1]
        assert extra.amount == Decimal("100000") and extra.status is VaStatus.UNPAID
        orders.cancel_va(bidv.id, order.id, extra.va_number)
        after = orders.get(bidv.id, order.id)
        assert [va.status for va in after.virtual_accounts] == [VaStatus.UNPAID, VaStatus.CANCELLED]

        v1 = client.v1.orders
        ba = v1_id(client, bidv)
        unlimited = v1.create(ba, va_holder_name="NGUYEN VAN A")
        assert unlimited.amount is None and unlimited.va_holder_name == "NGUYEN VAN A"
        again = v1.add_va(ba, unlimited.id)
        assert len(again.virtual_accounts) == 2
        v1.cancel_va(ba, unlimited.id, again.virtual_accounts[1].va_number)
        assert v1.get(ba, unlimited.id).virtual_accounts[1].status is VaStatus.CANCELLED
        v1.cancel(ba, unlimited.id)
        listed = v1.list(ba)
        assert [o.status for o in listed if o.id == unlimited.id] == [VaOrderStatus.CANCELLED]
        with pytest.raises(sepay_sdk.ValidationError) as caught:
            v1.create(ba, bank=OrderBank.VIETCOMBANK, amount=1000)
        assert caught.value.field_errors[0].field == "bank"


def test_bank_rules_are_checked_before_sending(small: Sandbox) -> None:
    with small.client() as client:
        vcb = account(client, "Vietcombank")
        stb = account(client, "Sacombank")
        small.clear_requests()
        cases: list[tuple[str, OrderBank | str | None, dict[str, Any], str]] = [
            (vcb.id, OrderBank.VIETCOMBANK, {"amount": 1000}, "tid"),
            (stb.id, OrderBank.SACOMBANK, {"amount": 1000}, "va_prefix"),
            (vcb.id, OrderBank.VIETCOMBANK, {"tid": "1"}, "amount"),
            (vcb.id, None, {"amount": 1000}, "bank"),
            (vcb.id, "ACB", {"amount": 1000}, "bank"),
            (stb.id, OrderBank.BIDV, {"amount": 1000, "colour": "red"}, "colour"),
            (stb.id, OrderBank.BIDV, {"amount": "lots"}, "amount"),
            (stb.id, OrderBank.BIDV, {"va_holder_name": "Nguyễn"}, "va_holder_name"),
        ]
        for ba, bank, fields, field in cases:
            with pytest.raises(sepay_sdk.ValidationError) as caught:
                client.v2.orders.create(ba, bank=bank, **fields)
            assert caught.value.status is None, fields
            assert [f.field for f in caught.value.field_errors] == [field], caught.value
        assert small.requests() == [], "nothing reached the sandbox"

        tid = client.v2.terminals.list(vcb.id)[0].tid
        ok = client.v2.orders.create(vcb.id, bank=OrderBank.VIETCOMBANK, amount=1000, tid=tid)
        assert ok.va_number is not None and ok.va_number.startswith(tid)
        prefixed = client.v2.orders.create(
            stb.id, bank=OrderBank.SACOMBANK, amount=2000, va_prefix="SEP200001WEB",
            with_qrcode=True, qrcode_template=sepay_sdk.QrTemplate.QR_ONLY,
        )
        assert prefixed.qr_code is not None and prefixed.qr_code.startswith("data:image/png")
        assert prefixed.qr_code_url is not None and "template=qronly" in prefixed.qr_code_url


def test_sepay_errors_decode_to_typed_errors(small: Sandbox) -> None:
    with small.client() as client:
        bidv = account(client, "BIDV")
        with pytest.raises(sepay_sdk.NotFoundError) as missing:
            client.v2.orders.get(bidv.id, "00000000-0000-4000-8000-000000000000")
        assert missing.value.status == 404
        client.v2.orders.create(bidv.id, bank=OrderBank.BIDV, order_code="DUPLICATE1")
        with pytest.raises(sepay_sdk.ValidationError) as dup:
            client.v2.orders.create(bidv.id, bank=OrderBank.BIDV, order_code="DUPLICATE1")
        assert (dup.value.status, dup.value.code) == (422, "duplicate_order_code")
        assert dup.value.message


def test_a_create_cut_off_after_reaching_sepay_is_not_duplicated(small: Sandbox) -> None:
    with small.client() as client:
        bidv = account(client, "BIDV")
        small.clear_requests()
        small.push_faults("drop_after")
        with pytest.raises(sepay_sdk.TransportError):
            client.v2.orders.create(bidv.id, bank=OrderBank.BIDV, order_code="DROPPED01", amount=1000)
        posts = [r for r in small.requests() if r["method"] == "POST"]
        assert len(posts) == 1, "the create was not re-sent"
        codes = [o.order_code for o in client.v2.orders.list(bidv.id, per_page=100)]
        assert codes.count("DROPPED01") == 1, "exactly one order exists"


@pytest.mark.asyncio
async def test_async_lifecycle(small: Sandbox) -> None:
    with small.client() as sync:
        bidv = account(sync, "BIDV")
    async with small.async_client() as client:
        assert type(client.v2.orders).__name__ == "AsyncVaOrders"
        order = await client.v2.orders.create(bidv.id, bank=OrderBank.BIDV, amount=50_000)
        assert order.status is VaOrderStatus.PENDING
        assert order.va_number is not None
        pay(small, order.va_number, 50_000)
        got = await client.v2.orders.get(bidv.id, order.id)
        assert got.status is VaOrderStatus.PAID
        with pytest.raises(sepay_sdk.ValidationError):
            await client.v2.orders.cancel(bidv.id, order.id)
        other = await client.v2.orders.create(bidv.id, bank=OrderBank.BIDV)
        added = await client.v2.orders.add_va(bidv.id, other.id, bank=OrderBank.BIDV)
        await client.v2.orders.cancel_va(bidv.id, other.id, added.virtual_accounts[1].va_number)
        await client.v2.orders.cancel(bidv.id, other.id)
        page = await client.v2.orders.list(bidv.id)
        assert len(page) == 2
