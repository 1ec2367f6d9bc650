"""Receiving webhooks: signatures against independently computed
values, every rejection with its typed error and reply, the dedup lifecycle
(claim, complete, release), the three body encodings, OAuth2 mode, Bank Hub
notifications, and real deliveries from the sandbox to a local `http.server`."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import typing
import urllib.parse
from collections.abc import Callable
from decimal import Decimal
from email.message import Message
from typing import Any

import pytest
from conftest import Sandbox
from local_server import Reply, admin, serve, wait_until

from sepay_sdk import (
    ConfigurationError,
    DecodeError,
    StoreError,
    WebhookVerificationError,
)
from sepay_sdk.webhooks import (
    Claim,
    DedupStore,
    Encoding,
    Received,
    WebhookEvent,
    WebhookReceiver,
    WebhookTokenIssuer,
    error_reply,
    hmac_signature,
)

BODY = (
    '{"id":7,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1",'
    '"code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,'
    '"subAccount":null,"referenceCode":"r","description":""}'
).encode()


def now() -> int:
    return int(time.time())


def signed(secret: str, t: int, body: bytes) -> dict[str, str]:
    return {
        "X-SePay-Signature": hmac_signature(secret, t, body),
        "X-SePay-Timestamp": str(t),
        "Content-Type": "application/json",
    }


def test_hmac_signature_equals_independent_values() -> None:
    # The fixed value of bindings-mobile/kotlin/test/.../ReceivingTest.kt.
    assert (
        hmac_signature("whsec_1", 1767236400, BODY)
        == "sha256=d3d884c1470ef21d275fa37dfad2dfb5b1440a74a17db0f35333abff2af78c5d"
    )
    for secret, t, body in [("k", 1, b""), ("whsec_xyz", 1700000000, "tiếng việt".encode())]:
        mac = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
        assert hmac_signature(secret, t, body) == f"sha256={mac}"
    assert hmac_signature("k", 5, "abc") == hmac_signature("k", 5, b"abc")


def test_tampered_wrong_key_stale_and_replayed() -> None:
    receiver = WebhookReceiver.hmac("whsec_1")
    t = now()
    headers = signed("whsec_1", t, BODY)
    first = receiver.receive("POST", headers, BODY)
    assert not first.duplicate and first.delivery == "new"
    assert isinstance(first.event, WebhookEvent)
    assert first.event.id == "7" and first.event.transfer_amount == Decimal(1000)
    assert (first.reply.status, first.reply.content_type, first.reply.body) == (
        200,
        "application/json",
        '{"success":true}',
    )
    receiver.complete(first.key)
    replay = receiver.receive("POST", headers, BODY)
    assert replay.duplicate and replay.delivery == "duplicate" and replay.key == first.key
    assert replay.reply.status == 200 and replay.reply.body == '{"success":true}'

    tampered = BODY.replace(b'"id":7', b'"id":8')
    with pytest.raises(WebhookVerificationError, match="does not match") as e:
        receiver.receive("POST", headers, tampered)
    reply = error_reply(e.value)
    assert (reply.status, reply.content_type) == (401, "application/json")
    assert json.loads(reply.body)["success"] is False
    assert WebhookReceiver.error_reply(e.value).status == 401

    with pytest.raises(WebhookVerificationError, match="stale"):
        receiver.receive("POST", headers, BODY, now=t + 301)
    receiver.receive("POST", headers, BODY, now=t + 300)  # inside the window
    with pytest.raises(WebhookVerificationError, match="stale"):
        receiver.receive("POST", signed("whsec_1", t - 301, BODY), BODY)
    with pytest.raises(WebhookVerificationError):
        receiver.receive("POST", signed("other", t, BODY), BODY)
    with pytest.raises(WebhookVerificationError, match="POST"):
        receiver.receive("GET", headers, BODY)
    with pytest.raises(WebhookVerificationError, match="X-SePay-Signature"):
        receiver.receive("POST", {"X-SePay-Timestamp": str(t)}, BODY)
    narrow = WebhookReceiver.hmac("whsec_1", tolerance=10)
    with pytest.raises(WebhookVerificationError, match="stale"):
        narrow.receive("POST", headers, BODY, now=t + 11)
    assert "whsec_1" not in repr(receiver)
    assert repr(first).startswith("Received(event=WebhookEvent(id='7'")
    assert 'delivery="new"' in repr(first)
    assert typing.get_origin(Received[WebhookEvent]) is Received


def test_api_key_and_secret_key_modes() -> None:
    t = now()
    api = WebhookReceiver.api_key("key-1")
    assert api.receive("POST", {"Authorization": "Apikey key-1"}, BODY).event.id == "7"
    for bad in ({"Authorization": "Apikey key-2"}, {"Authorization": "Bearer key-1"}, {}):
        with pytest.raises(WebhookVerificationError) as e:
            api.receive("POST", bad, BODY, now=t)
        assert error_reply(e.value).status == 401
    secret = WebhookReceiver.secret_key("s3cret")
    assert secret.receive("POST", {"x-secret-key": "s3cret"}, BODY).reply.status == 200
    with pytest.raises(WebhookVerificationError, match="X-Secret-Key"):
        secret.receive("POST", {"X-Secret-Key": "nope"}, BODY)
    assert "key-1" not in repr(api) and "s3cret" not in repr(secret)


def test_unreadable_bodies_are_decode_errors_with_a_400_reply() -> None:
    for encoding, body in [
        ("json", b"nope"),
        ("json", b"hello=1"),
        ("multipart", b"x"),
        ("json", BODY.replace(b'"in"', b'"sideways"')),
        ("form", b"id=1"),
    ]:
        receiver = WebhookReceiver.no_auth(encoding=encoding)  # type: ignore[arg-type]
        with pytest.raises(DecodeError) as e:
            receiver.receive("POST", {"Content-Type": "application/json"}, body)
        reply = error_reply(e.value)
        assert (reply.status, json.loads(reply.body)["success"]) == (400, False)
    assert error_reply(ValueError("anything else")).status == 400


def test_headers_as_any_mapping_or_pairs() -> None:
    receiver = WebhookReceiver.api_key("k")
    message = Message()
    message["Authorization"] = "Apikey k"
    shapes: list[Any] = [
        {"authorization": "Apikey k"},
        [("Authorization", "Apikey k")],
        [(b"authorization", b"Apikey k")],
        message,  # what http.server hands a handler
    ]
    for i, headers in enumerate(shapes):
        body = BODY.replace(b'"id":7', f'"id":{100 + i}'.encode())
        assert receiver.receive("post", headers, body).event.id == str(100 + i)
    with pytest.raises(TypeError, match="pairs"):
        receiver.receive("POST", [("only-a-name",)], BODY)  # type: ignore[list-item]


FIELDS = {
    "id": "92704",
    "gateway": "Vietcombank",
    "transactionDate": "2023-03-25 14:02:37",
    "accountNumber": "0123499999",
    "content": "chuyen tien mua iphone",
    "transferType": "in",
    "transferAmount": "2277000",
    "accumulated": "19077000",
    "referenceCode": "MBVCB.3278907687",
    "description": "",
}


def test_json_form_and_multipart_parse_to_equal_events() -> None:
    as_json = json.dumps({**FIELDS, "id": 92704, "code": None, "subAccount": None}).encode()
    form = urllib.parse.urlencode(FIELDS).encode()
    multipart = "".join(
        f'--XyZ\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
        for k, v in FIELDS.items()
    ).encode() + b"--XyZ--\r\n"
    events = []
    encodings: list[tuple[Encoding, bytes]] = [
        ("json", as_json),
        ("form", form),
        ("multipart", multipart),
    ]
    for encoding, body in encodings:
        receiver = WebhookReceiver.no_auth(encoding=encoding)
        events.append(receiver.receive("POST", {}, body).event)
    assert events[0] == events[1] == events[2]
    assert events[0].to_dict() == events[2].to_dict()
    assert events[0].transfer_amount == Decimal("2277000")
    assert events[0].transaction_date.isoformat() == "2023-03-25T14:02:37+07:00"
    assert events[0].code is None and events[0].sub_account is None


class DictStore:
    """A dedup store of the caller's own (the DedupStore protocol), shared
    by several receivers as a database would be."""

    def __init__(self) -> None:
        self.state: dict[str, tuple[str, float]] = {}
        self.calls: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def claim(self, key: str, lease_seconds: float) -> Claim:
        with self.lock:
            self.calls.append(("claim", key))
            state, until = self.state.get(key, ("", 0.0))
            if state == "done":
                return "done"
            if state == "claimed" and until > time.monotonic():
                return "in_progress"
            self.state[key] = ("claimed", time.monotonic() + lease_seconds)
            return "new"

    def complete(self, key: str) -> None:
        with self.lock:
            self.calls.append(("complete", key))
            self.state[key] = ("done", 0.0)

    def release(self, key: str) -> None:
        with self.lock:
            self.calls.append(("release", key))
            if self.state.get(key, ("", 0.0))[0] == "claimed":
                del self.state[key]


class BrokenStore:
    def claim(self, key: str, lease_seconds: float) -> Claim:
        raise RuntimeError("database is down")

    def complete(self, key: str) -> None:
        raise RuntimeError("database is down")

    def release(self, key: str) -> None:
        raise RuntimeError("database is down")


def test_a_pluggable_dedup_store() -> None:
    store = DictStore()
    assert isinstance(store, DedupStore)
    receiver = WebhookReceiver.api_key("k", store=store, lease=30)
    headers = {"Authorization": "Apikey k"}
    first = receiver.receive("POST", headers, BODY)
    assert first.delivery == "new" and store.state[first.key][0] == "claimed"
    # A second receiver sharing the store (another process, say) sees it in progress.
    other = WebhookReceiver.api_key("k", store=store)
    assert other.receive("POST", headers, BODY).delivery == "in_progress"
    other.release(first.key)
    assert first.key not in store.state
    assert other.receive("POST", headers, BODY).delivery == "new"
    receiver.complete(first.key)
    assert receiver.receive("POST", headers, BODY).delivery == "duplicate"
    assert [c for c, _ in store.calls] == [
        "claim", "claim", "release", "claim", "complete", "claim",
    ]  # fmt: skip
    broken = WebhookReceiver.no_auth(store=BrokenStore())
    with pytest.raises(StoreError, match="database is down") as e:
        broken.receive("POST", {}, BODY)
    assert isinstance(e.value.__cause__, RuntimeError)
    assert e.value.kind == "store" and e.value.operation == "webhook.store.claim"
    assert error_reply(e.value).status == 503
    for action in (broken.complete, broken.release):
        with pytest.raises(StoreError, match="database is down"):
            action("tx:7")


def test_token_issuer_answers_in_the_documented_shape() -> None:
    issuer = WebhookTokenIssuer("cid", "csecret", ttl=600)
    reply = issuer.issue(b'{"clientId":"cid","clientSecret":"csecret"}')
    assert (reply.status, reply.content_type) == (200, "application/json")
    data = json.loads(reply.body)["data"]
    assert set(data) == {"accessToken", "refreshToken", "expiredIn"} and data["expiredIn"] == 600
    assert issuer.issue(b'{"clientId":"cid","clientSecret":"no"}').status == 401
    assert issuer.issue(b"not json").status == 400
    assert "csecret" not in repr(issuer)
    with pytest.raises(ConfigurationError, match="ttl"):
        WebhookTokenIssuer("cid", "csecret", ttl=0)

    receiver = WebhookReceiver.oauth2(issuer)
    ok = receiver.receive("POST", {"Authorization": f"Bearer {data['accessToken']}"}, BODY)
    assert ok.reply.status == 201, "OAuth2 mode replies 201"
    stranger = WebhookTokenIssuer("cid", "another-secret").issue(
        b'{"clientId":"cid","clientSecret":"another-secret"}'
    )
    foreign = json.loads(stranger.body)["data"]["accessToken"]
    for bad in (f"Bearer {foreign}", f"Bearer {data['refreshToken']}", "Apikey x"):
        with pytest.raises(WebhookVerificationError):
            receiver.receive("POST", {"Authorization": bad}, BODY)
    with pytest.raises(WebhookVerificationError, match="expired"):
        receiver.receive(
            "POST", {"Authorization": f"Bearer {data['accessToken']}"}, BODY, now=now() + 601
        )


def test_bankhub_ipn_and_events_are_verified_and_deduplicated() -> None:
    receiver = WebhookReceiver.secret_key("bh-secret")
    key = {"X-Secret-Key": "bh-secret", "Content-Type": "application/json"}
    ipn = (
        b'{"gateway":"BIDV","transaction_date":"2026-01-01 10:00:00","account_number":"123",'
        b'"content":"DH1","transfer_type":"credit","amount":50000,"accumulated":100000,'
        b'"transaction_id":"bh-1"}'
    )
    got = receiver.receive_bankhub_ipn("POST", key, ipn)
    assert got.event.transaction_id == "bh-1" and got.event.amount == Decimal(50000)
    assert got.event.transfer_type == "credit" and not got.duplicate
    assert got.event.transaction_date.isoformat() == "2026-01-01T10:00:00+07:00"
    assert receiver.receive_bankhub_ipn("POST", key, ipn).delivery == "in_progress"
    receiver.complete(got.key)
    assert receiver.receive_bankhub_ipn("POST", key, ipn).delivery == "duplicate"
    event = (
        b'{"timestamp":1767236400,"xid":"ev-1","version":"1","event":"BANK_ACCOUNT_LINKED",'
        b'"metadata":{"bank_account_xid":"ba-1"}}'
    )
    with pytest.raises(WebhookVerificationError, match="stale or replayed"):
        receiver.receive_bankhub_event("POST", key, event, now=1767236400 + 6 * 3600 + 1)
    e = receiver.receive_bankhub_event("POST", key, event, now=1767236400 + 60)
    assert e.event.event == "BANK_ACCOUNT_LINKED"
    assert e.event.metadata.bank_account_xid == "ba-1"
    assert e.event.to_dict()["metadata"]["bank_account_xid"] == "ba-1"
    assert e.reply.status == 200
    with pytest.raises(WebhookVerificationError):
        receiver.receive_bankhub_event("POST", {"X-Secret-Key": "nope"}, event, now=1767236400)
    with pytest.raises(DecodeError, match="event"):
        receiver.receive_bankhub_event(
            "POST", key, event.replace(b"LINKED", b"EXPLODED"), now=1767236400
        )


def test_sandbox_deliveries_in_every_mode_and_encoding(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sb = make_sandbox(
        "--transactions", "20", "--rate-limit", "0", "--webhook-time-scale", "0.001"
    )
    issuer = WebhookTokenIssuer("hook-client", "hook-secret")
    receivers = {
        "/none": WebhookReceiver.no_auth(encoding="multipart"),
        "/apikey": WebhookReceiver.api_key("key-9", encoding="form"),
        "/hmac": WebhookReceiver.hmac("whsec_9"),
        "/oauth2": WebhookReceiver.oauth2(issuer),
    }
    got: dict[str, Received[WebhookEvent]] = {}
    lock = threading.Lock()

    def handle(method: str, path: str, headers: Message, body: bytes) -> Reply:
        if path == "/token":
            token = issuer.issue(body)
            return token.status, token.content_type, token.body
        receiver = receivers[path]
        try:
            result = receiver.receive(method, headers, body)
        except (WebhookVerificationError, DecodeError) as error:
            reply = error_reply(error)
            return reply.status, reply.content_type, reply.body
        with lock:
            got[path] = result
        if result.delivery == "new":
            receiver.complete(result.key)
        return result.reply.status, result.reply.content_type, result.reply.body

    with serve(handle) as url:
        targets = [
            {"url": f"{url}/none", "auth": "none", "content_type": "multipart"},
            {"url": f"{url}/apikey", "auth": "api_key", "api_key": "key-9", "content_type": "form"},
            {"url": f"{url}/hmac", "auth": "hmac", "secret": "whsec_9", "content_type": "json"},
            {
                "url": f"{url}/oauth2",
                "auth": "oauth2",
                "token_url": f"{url}/token",
                "client_id": "hook-client",
                "client_secret": "hook-secret",
                "content_type": "json",
            },
        ]
        for target in targets:
            admin(sb.url, "POST", "webhooks", target)
        tx = admin(
            sb.url, "POST", "simulate/transaction", {"amount": 125000, "content": "DH4242 mua hang"}
        )
        wait_until(lambda: len(got) == 4)
        deliveries = admin(sb.url, "GET", "webhooks/deliveries")
    events = [got[p].event for p in receivers]
    assert all(e == events[0] for e in events), "JSON, form and multipart parse alike"
    event = events[0]
    assert event.id == str(tx["v1_id"]) and event.code == "DH4242"
    assert event.transfer_amount == Decimal(125000) and event.transfer_type == "in"
    assert got["/oauth2"].reply.status == 201 and got["/none"].reply.status == 200
    assert len(deliveries) == 4 and all(d["success"] for d in deliveries), deliveries


def test_a_rejected_delivery_is_retried_by_the_sandbox(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sb = make_sandbox(
        "--transactions", "20", "--rate-limit", "0", "--webhook-time-scale", "0.001"
    )
    receiver = WebhookReceiver.hmac("right-secret")
    statuses: list[int] = []

    def handle(method: str, path: str, headers: Message, body: bytes) -> Reply:
        try:
            reply = receiver.receive(method, headers, body).reply
        except WebhookVerificationError as error:
            reply = error_reply(error)
        statuses.append(reply.status)
        return reply.status, reply.content_type, reply.body

    with serve(handle) as url:
        admin(sb.url, "POST", "webhooks", {"url": url, "auth": "hmac", "secret": "wrong-secret"})
        admin(sb.url, "POST", "simulate/transaction", {"amount": 1000})
        wait_until(lambda: len(statuses) >= 2)
        deliveries = admin(sb.url, "GET", "webhooks/deliveries")
    assert set(statuses) == {401}
    assert not any(d["success"] for d in deliveries) and len(deliveries) >= 2
