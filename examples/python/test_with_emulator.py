"""Testing your own SePay integration with ``sepay_sdk.testing``: a pytest
fixture starts SePay's emulator in-process (no account, no network), and
``WebhookReceiver.test_delivery`` makes signed webhooks for the handler.

    pytest examples/python/test_with_emulator.py
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from sepay_sdk import SePayError
from sepay_sdk.webhooks import WebhookReceiver, WebhookReply, error_reply
from sepay_sdk.testing import Emulator

SECRET = "whsec_shop_test"


# ------------------------------------------------------------ the code under test
class Shop:
    """A shop that marks orders paid when SePay's webhook reports the payment."""

    def __init__(self) -> None:
        self.receiver = WebhookReceiver.hmac(SECRET)
        self.orders = {"DH42": Decimal(150_000), "DH43": Decimal(90_000)}
        self.paid: set[str] = set()

    def on_webhook(self, headers: Any, body: bytes) -> WebhookReply:
        """What to send back to SePay (status, content type, body)."""
        try:
            result = self.receiver.receive("POST", headers, body)
        except SePayError as error:  # forged, stale or unreadable
            return error_reply(error)
        if result.delivery == "new":
            event = result.event
            if event.code in self.orders and event.transfer_amount >= self.orders[event.code]:
                self.paid.add(event.code)
            self.receiver.complete(result.key)
        return result.reply


# ------------------------------------------------------------ fixtures
@pytest.fixture
def sepay() -> Iterator[Emulator]:
    with Emulator(transactions=20) as emulator:
        yield emulator


@pytest.fixture
def shop_url(shop: Shop) -> Iterator[str]:
    """The shop's webhook endpoint on a free loopback port."""

    class Endpoint(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            reply = shop.on_webhook(self.headers, body)
            data = reply.body.encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sepay"
    server.shutdown()
    server.server_close()


@pytest.fixture
def shop() -> Shop:
    return Shop()


# ------------------------------------------------------------ tests
def test_a_payment_reaches_the_shop_through_the_emulator(sepay: Emulator, shop: Shop, shop_url: str) -> None:
    sepay.add_webhook(shop_url, auth="hmac", secret=SECRET)
    sepay.simulate_payment(150_000, "DH42 thanh toan don hang")
    [delivery] = sepay.webhook_deliveries(wait_for=1)
    assert delivery["success"], delivery
    assert shop.paid == {"DH42"}


def test_the_payment_is_listed_by_the_api(sepay: Emulator) -> None:
    paid = sepay.simulate_payment(90_000, "DH43 thanh toan")
    with sepay.client() as client:
        latest = client.v1.transactions.list(limit=1)[0]
    assert latest.id == str(paid["v1_id"])
    assert latest.amount_in == Decimal(90_000)
    assert latest.code == "DH43"


def test_a_handler_alone_with_a_signed_test_delivery(shop: Shop) -> None:
    headers, body = shop.receiver.test_delivery(150_000, "DH42 thanh toan", code="DH42")
    assert shop.on_webhook(headers, body).status == 200
    assert shop.paid == {"DH42"}
    forged = WebhookReceiver.hmac("not-the-secret").test_delivery(90_000, "DH43", code="DH43")
    assert shop.on_webhook(*forged).status == 401
    assert shop.paid == {"DH42"}
