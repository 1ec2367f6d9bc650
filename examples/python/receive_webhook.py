"""Receiving SePay's webhook with the standard library's http.server: verify
the HMAC signature, handle each event once, and reply exactly what SePay
counts as success. Any framework works the same way: hand the receiver the
method, the headers and the raw body, then by `result.delivery`:

* "new": handle the event; on success `complete(key)` and send `result.reply`,
  on failure `release(key)` and send `WebhookReply.retry_later()` (503, SePay
  delivers it again later);
* "duplicate" (handled already) and "in_progress" (another request is on it):
  send `result.reply` as it is.

Against the local emulator it registers its own URL, simulates a bank
transfer, and exits once the verified webhook has arrived. With real SePay,
register the URL (and the same secret) in my.sepay.vn → Webhooks instead.

    python examples/python/receive_webhook.py
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from _sandbox import connection

from sepay_sdk import SePayError
from sepay_sdk.webhooks import WebhookEvent, WebhookReceiver, WebhookReply, error_reply

SECRET = "whsec_example_secret"
"""The webhook's secret key (HMAC mode), as configured at SePay."""

receiver = WebhookReceiver.hmac(SECRET)  # in-memory dedup; pass store=... to share one
arrived = threading.Event()


def fulfil(event: WebhookEvent) -> None:
    """Your business logic: mark the order with this payment code as paid."""
    print(f"received {event.transfer_amount} VND, code {event.code}, memo {event.content!r}")


class WebhookHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        processed = False
        try:
            result = receiver.receive(self.command, self.headers, body)
            reply = result.reply  # duplicate: success; in progress: 503
            if result.delivery == "new":  # SePay may deliver an event twice
                try:
                    fulfil(result.event)
                except Exception:
                    receiver.release(result.key)  # SePay's retry is processed again
                    reply = WebhookReply.retry_later()
                else:
                    receiver.complete(result.key)  # later deliveries are duplicates
                    processed = True
        except SePayError as error:  # forged, stale, unreadable (401 / 400), store down (503)
            reply = error_reply(error)
        data = reply.body.encode()
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        if processed:
            arrived.set()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def sandbox_admin(base_url: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """The emulator's admin API (not part of SePay)."""
    request = urllib.request.Request(
        f"{base_url}/__sandbox/{path}",
        data=None if body is None else json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), WebhookHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sepay/webhook"
    try:
        with connection() as conn:
            base = conn.get("base_url")
            if base is None:
                raise SystemExit(f"register {url} at my.sepay.vn (HMAC, this secret)")
            sandbox_admin(base, "webhooks", {"url": url, "auth": "hmac", "secret": SECRET})
            sandbox_admin(
                base, "simulate/transaction", {"amount": 250000, "content": "DH10042 thanh toan"}
            )
            if not arrived.wait(30):
                raise SystemExit("no verified webhook within 30 s")
            for _ in range(100):  # the emulator records how it took our reply
                deliveries = sandbox_admin(base, "webhooks/deliveries")
                if deliveries:
                    break
                time.sleep(0.05)
            print("SePay counted the delivery as", "success" if deliveries[0]["success"] else "failed")
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
