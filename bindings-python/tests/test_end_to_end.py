"""End to end: a VA order created with the client, paid in the
sandbox, the webhook the sandbox delivers received on a local server, verified
and answered with the receiver's reply, and the order seen `Paid`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from email.message import Message

from conftest import Sandbox
from local_server import Reply, admin, serve, wait_until

from sepay_sdk import WebhookVerificationError
from sepay_sdk.webhooks import WebhookEvent, WebhookReceiver, error_reply

SECRET = "whsec_end_to_end"


def test_va_order_paid_through_a_verified_webhook(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox(
        "--transactions", "20", "--rate-limit", "0", "--webhook-time-scale", "0.001"
    )
    receiver = WebhookReceiver.hmac(SECRET)
    events: list[WebhookEvent] = []
    replies: list[int] = []
    lock = threading.Lock()

    def handle(method: str, path: str, headers: Message, body: bytes) -> Reply:
        try:
            result = receiver.receive(method, headers, body)
        except WebhookVerificationError as error:
            reply = error_reply(error)
        else:
            reply = result.reply
            if result.delivery == "new":
                with lock:
                    events.append(result.event)
                receiver.complete(result.key)
        with lock:
            replies.append(reply.status)
        return reply.status, reply.content_type, reply.body

    with sb.client() as client, serve(handle) as url:
        admin(sb.url, "POST", "webhooks", {"url": f"{url}/hook", "auth": "hmac", "secret": SECRET})
        bidv = next(a for a in client.v2.bank_accounts.iter() if a.bank_short_name == "BIDV")
        order = client.v2.orders.create(bidv.id, bank="bidv", amount=Decimal("350000"))
        assert order.status.value == "Pending"

        admin(sb.url, "POST", "va/pay", {"va_number": order.va_number, "amount": 350_000})
        wait_until(lambda: len(events) == 1)
        wait_until(lambda: len(admin(sb.url, "GET", "webhooks/deliveries")) == 1)
        deliveries = admin(sb.url, "GET", "webhooks/deliveries")

        event = events[0]
        assert event.sub_account == order.va_number
        assert event.code == order.order_code
        assert event.transfer_amount == Decimal(350_000) and event.transfer_type == "in"
        assert replies == [200]
        assert deliveries[0]["success"] is True, deliveries

        paid = client.v2.orders.get(bidv.id, order.id)
        assert paid.status.value == "Paid" and paid.paid_amount == Decimal(350_000)
        # The transaction the webhook announced is the one the User API lists.
        tx = client.v1.transactions.get(event.id)
        assert tx.sub_account == order.va_number and tx.amount_in == Decimal(350_000)
