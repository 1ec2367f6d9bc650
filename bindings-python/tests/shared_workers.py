"""Worker processes for test_shared_state.py (started with the `spawn`
method, so each is a fresh interpreter with its own client, like a
gunicorn worker). Each waits for `go`, works, and reports a dict."""

from __future__ import annotations

import json
import os
import time
from typing import Any, Optional

import sepay_sdk
from sepay_sdk import OAuthTokens
from sepay_sdk.webhooks import WebhookReceiver

TOKEN = "PYTEST_TOKEN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"


class FileTokenStore:
    """The application's token store, shared by every process (a file here,
    a database row in production); writes are atomic renames."""

    def __init__(self, path: str) -> None:
        self.path = path

    def load(self) -> Optional[OAuthTokens]:
        try:
            with open(self.path) as f:
                return OAuthTokens(**json.load(f))
        except FileNotFoundError:
            return None

    def save(self, tokens: OAuthTokens) -> None:
        tmp = f"{self.path}.{os.getpid()}"
        with open(tmp, "w") as f:
            json.dump(tokens.to_dict(), f)
        os.replace(tmp, self.path)


def list_calls(url: str, redis_url: str, prefix: str, calls: int, go: Any, out: Any) -> None:
    state = sepay_sdk.SharedState(redis_url, prefix=prefix, processes=4)
    client = sepay_sdk.Client(TOKEN, base_url=url, requests_per_second=3, shared_state=state)
    go.wait()
    failures = 0
    for _ in range(calls):
        try:
            client.v2.bank_accounts.list()
        except sepay_sdk.SePayError:
            failures += 1
    out.put({"failures": failures, "done": time.monotonic()})


def oauth_me(url: str, redis_url: str, store_path: str, go: Any, out: Any) -> None:
    client = sepay_sdk.Client(
        base_url=url,
        oauth_client_id="sandbox-client",
        oauth_client_secret="sandbox-client-secret",
        oauth_redirect_uri="http://127.0.0.1/callback",
        oauth_token_store=FileTokenStore(store_path),
        shared_state=sepay_sdk.SharedState(redis_url, prefix="oauth"),
        requests_per_second=0,
    )
    client.oauth.me()  # a token in this process's cache before the expiry
    out.put({"ready": True})
    go.wait()
    try:
        out.put({"id": client.oauth.me().id})
    except sepay_sdk.SePayError as e:
        out.put({"error": repr(e)})


def deliver(redis_url: str, headers: dict[str, str], body: bytes, fail: bool, go: Any, out: Any) -> None:
    receiver = WebhookReceiver.hmac("whsec_1", store=sepay_sdk.SharedState(redis_url, prefix="hooks"))
    go.wait()
    received = receiver.receive("POST", headers, body)
    if received.delivery == "new":
        time.sleep(0.5)  # handling takes a while: the other delivery arrives meanwhile
        if fail:
            receiver.release(received.key)  # the handler failed: SePay will retry
        else:
            receiver.complete(received.key)
    out.put({"delivery": str(received.delivery), "status": received.reply.status})
