"""Hardening through the installed wheel, one test group per
property: bodies read as configured (P1), blank secrets refused (P2), the
dedup lifecycle (P3), failing token stores and cancelled refreshes (P4),
invalid URLs and numbers (P5/P9), unsafe path ids (P6), a Retry-After beyond
the time budget (P7), the page cap (P8) and masked reprs (P10)."""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
import urllib.parse
from collections.abc import Callable
from decimal import Decimal
from email.message import Message
from typing import Any, Optional

import pytest
from conftest import FAST, TOKEN, Sandbox
from local_server import Reply, admin, serve, wait_until
from test_oauth import CLIENT_ID, REDIRECT, authorize

import sepay_sdk
from sepay_sdk import (
    ConfigurationError,
    OAuthTokens,
    PaginationError,
    RateLimitedError,
    StoreError,
    ValidationError,
)
from sepay_sdk.webhooks import (
    Claim,
    Received,
    WebhookEvent,
    WebhookReceiver,
    WebhookReply,
    WebhookTokenIssuer,
    error_reply,
    hmac_signature,
)

BODY = (
    '{"id":11,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1",'
    '"code":"DH11","content":"DH11 x","transferType":"in","transferAmount":5000,'
    '"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}'
).encode()
FORM = {
    "id": "11",
    "gateway": "ACB",
    "transactionDate": "2026-01-01 10:00:00",
    "accountNumber": "1",
    "code": "DH11",
    "content": "DH11 x",
    "transferType": "in",
    "transferAmount": "5000",
    "accumulated": "0",
    "referenceCode": "r",
    "description": "",
}
BLANKS = ["", "   ", "\t \n"]


def hmac_headers(secret: str, body: bytes, content_type: Optional[str]) -> dict[str, str]:
    t = int(time.time())
    headers = {"X-SePay-Signature": hmac_signature(secret, t, body), "X-SePay-Timestamp": str(t)}
    if content_type is not None:
        headers["Content-Type"] = content_type
    return headers


# ---------------------------------------------------------------- P1


def test_p1_signed_json_reads_the_same_under_every_content_type() -> None:
    receiver = WebhookReceiver.hmac("whsec_p1")
    events = []
    for content_type in (
        "application/json",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "text/plain",
        None,
    ):
        got = receiver.receive("POST", hmac_headers("whsec_p1", BODY, content_type), BODY)
        events.append(got.event)
        if got.delivery == "new":
            receiver.complete(got.key)
    assert all(e == events[0] for e in events)
    assert events[0].to_dict() == events[-1].to_dict()
    assert events[0].id == "11" and events[0].transfer_amount == Decimal(5000)


def test_p1_an_api_key_receiver_reads_form_bodies_when_configured() -> None:
    receiver = WebhookReceiver.api_key("key-p1", encoding="form")
    form = urllib.parse.urlencode(FORM).encode()
    # The Content-Type header says JSON: it is not consulted.
    headers = {"Authorization": "Apikey key-p1", "Content-Type": "application/json"}
    event = receiver.receive("POST", headers, form).event
    as_json = WebhookReceiver.api_key("key-p1").receive("POST", headers, BODY).event
    assert event == as_json
    assert "encoding=form" in repr(receiver)
    with pytest.raises(sepay_sdk.DecodeError):
        receiver.receive("POST", headers, b"not a form \xff")


@pytest.mark.parametrize("encoding", ["form", "multipart"])
def test_p1_a_form_encoding_on_a_signed_receiver_is_a_configuration_error(
    encoding: Any,
) -> None:
    issuer = WebhookTokenIssuer("cid", "csecret")
    makers: list[Callable[[], object]] = [
        lambda: WebhookReceiver.hmac("whsec", encoding=encoding),
        lambda: WebhookReceiver.oauth2(issuer, encoding=encoding),
        lambda: WebhookReceiver.secret_key("sk", encoding=encoding),
    ]
    for make in makers:
        with pytest.raises(ConfigurationError, match=encoding):
            make()
    with pytest.raises(ConfigurationError, match="encoding"):
        WebhookReceiver.no_auth(encoding="xml")  # type: ignore[arg-type]


# ---------------------------------------------------------------- P2


@pytest.mark.parametrize("blank", BLANKS)
def test_p2_blank_secrets_are_configuration_errors_at_construction(blank: str) -> None:
    makers: list[Callable[[], object]] = [
        lambda: WebhookReceiver.hmac(blank),
        lambda: WebhookReceiver.api_key(blank),
        lambda: WebhookReceiver.secret_key(blank),
        lambda: WebhookTokenIssuer("cid", blank),
        lambda: WebhookTokenIssuer(blank, "csecret"),
    ]
    for make in makers:
        with pytest.raises(ConfigurationError):
            make()
    for cls in (sepay_sdk.Client, sepay_sdk.AsyncClient):
        with pytest.raises(ConfigurationError, match="token"):
            cls(blank, environment="live")
        with pytest.raises(ConfigurationError):
            cls(environment="live", pg_merchant_id="M1", pg_secret_key=blank)
        with pytest.raises(ConfigurationError, match="OAuth2"):
            cls(
                environment="live",
                oauth_client_id="app",
                oauth_client_secret=blank,
                oauth_redirect_uri=REDIRECT,
            )
        with pytest.raises(ConfigurationError):
            cls(environment="live", bank_hub_client_id="hub", bank_hub_client_secret=blank)


# ---------------------------------------------------------------- P3


def test_p3_lifecycle_new_in_progress_release_complete_duplicate() -> None:
    receiver = WebhookReceiver.api_key("k3")
    headers = {"Authorization": "Apikey k3"}
    first = receiver.receive("POST", headers, BODY)
    assert (first.delivery, first.duplicate, first.reply.status) == ("new", False, 200)
    again = receiver.receive("POST", headers, BODY)
    assert (again.delivery, again.duplicate, again.key) == ("in_progress", True, first.key)
    assert again.reply.status == 503 and '"success":false' in again.reply.body
    receiver.release(first.key)
    retry = receiver.receive("POST", headers, BODY)
    assert retry.delivery == "new", "released: processed again"
    receiver.complete(retry.key)
    done = receiver.receive("POST", headers, BODY)
    assert (done.delivery, done.duplicate) == ("duplicate", True)
    assert (done.reply.status, done.reply.body) == (200, '{"success":true}')
    receiver.release(done.key)
    assert receiver.receive("POST", headers, BODY).delivery == "duplicate", "release never undoes done"
    retry_later = WebhookReply.retry_later()
    assert (retry_later.status, retry_later.content_type) == (503, "application/json")


def test_p3_oauth2_duplicates_get_201_and_leases_run_out() -> None:
    issuer = WebhookTokenIssuer("cid", "csecret")
    token = json.loads(issuer.issue(b'{"clientId":"cid","clientSecret":"csecret"}').body)
    receiver = WebhookReceiver.oauth2(issuer, lease=1)
    headers = {"Authorization": f"Bearer {token['data']['accessToken']}"}
    first = receiver.receive("POST", headers, BODY)
    assert first.delivery == "new" and first.reply.status == 201
    time.sleep(1.1)  # the holder "died": its lease ran out
    second = receiver.receive("POST", headers, BODY)
    assert second.delivery == "new"
    receiver.complete(second.key)
    third = receiver.receive("POST", headers, BODY)
    assert third.delivery == "duplicate" and third.reply.status == 201
    for bad in (0.5, 86_401.0, math.nan, -1.0):
        with pytest.raises(ConfigurationError, match="lease"):
            WebhookReceiver.no_auth(lease=bad)


class SharedStore:
    """A user dedup store (claim/complete/release) that can be switched off."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[str, float]] = {}
        self.down = False
        self.lock = threading.Lock()

    def _check(self) -> None:
        if self.down:
            raise ConnectionError("redis unreachable")

    def claim(self, key: str, lease_seconds: float) -> Claim:
        with self.lock:
            self._check()
            state, until = self.rows.get(key, ("", 0.0))
            if state == "done":
                return "done"
            if state == "claimed" and until > time.monotonic():
                return "in_progress"
            self.rows[key] = ("claimed", time.monotonic() + lease_seconds)
            return "new"

    def complete(self, key: str) -> None:
        with self.lock:
            self._check()
            self.rows[key] = ("done", 0.0)

    def release(self, key: str) -> None:
        with self.lock:
            self._check()
            if self.rows.get(key, ("", 0.0))[0] == "claimed":
                del self.rows[key]


def test_p3_a_user_store_works_and_a_failing_one_is_a_store_error() -> None:
    store = SharedStore()
    a = WebhookReceiver.no_auth(store=store)
    b = WebhookReceiver.no_auth(store=store)  # another process sharing the store
    first = a.receive("POST", {}, BODY)
    assert first.delivery == "new"
    assert b.receive("POST", {}, BODY).delivery == "in_progress"
    a.release(first.key)
    second = b.receive("POST", {}, BODY)
    assert second.delivery == "new"
    b.complete(second.key)
    assert a.receive("POST", {}, BODY).delivery == "duplicate"
    store.down = True
    with pytest.raises(StoreError, match="redis unreachable") as e:
        a.receive("POST", {}, BODY)
    assert isinstance(e.value, sepay_sdk.SePayError)
    assert isinstance(e.value.__cause__, ConnectionError)
    reply = error_reply(e.value)
    assert (reply.status, WebhookReceiver.error_reply(e.value).status) == (503, 503)
    with pytest.raises(StoreError):
        a.complete(first.key)
    with pytest.raises(StoreError):
        a.release(first.key)

    class Confused:
        def claim(self, key: str, lease_seconds: float) -> str:
            return "maybe"

        def complete(self, key: str) -> None: ...

        def release(self, key: str) -> None: ...

    with pytest.raises(StoreError, match="'maybe'"):
        WebhookReceiver.no_auth(store=Confused()).receive("POST", {}, BODY)  # type: ignore[arg-type]


def test_p3_the_handler_pattern_against_sandbox_retries(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    """Handle, complete on success; release + retry_later on failure: the
    sandbox retries the failed delivery, which is then handled exactly once."""
    sb = make_sandbox("--transactions", "5", "--rate-limit", "0", "--webhook-time-scale", "0.001")
    receiver = WebhookReceiver.hmac("whsec_p3")
    attempts: list[str] = []
    handled: list[WebhookEvent] = []

    def handle(method: str, path: str, headers: Message, body: bytes) -> Reply:
        try:
            result: Received[WebhookEvent] = receiver.receive(method, headers, body)
        except sepay_sdk.SePayError as error:
            r = error_reply(error)
            return r.status, r.content_type, r.body
        reply = result.reply
        if result.delivery == "new":
            try:
                attempts.append(result.key)
                if len(attempts) == 1:
                    raise RuntimeError("the database hiccuped")
                handled.append(result.event)
            except RuntimeError:
                receiver.release(result.key)
                reply = WebhookReply.retry_later()
            else:
                receiver.complete(result.key)
        return reply.status, reply.content_type, reply.body

    with serve(handle) as url:
        admin(sb.url, "POST", "webhooks", {"url": url, "auth": "hmac", "secret": "whsec_p3"})
        admin(sb.url, "POST", "simulate/transaction", {"amount": 42_000, "content": "DH77"})
        wait_until(lambda: len(handled) == 1)
        wait_until(lambda: any(d["success"] for d in admin(sb.url, "GET", "webhooks/deliveries")))
        deliveries = admin(sb.url, "GET", "webhooks/deliveries")
    assert [d["success"] for d in deliveries][:2] == [False, True], deliveries
    assert len(attempts) == 2 and attempts[0] == attempts[1]
    assert handled[0].transfer_amount == Decimal(42_000)


# ---------------------------------------------------------------- P4


class FlakyTokenStore:
    """A token store whose save fails while `failing` is set."""

    def __init__(self) -> None:
        self.saved: list[OAuthTokens] = []
        self.failing = False
        self.lock = threading.Lock()

    def load(self) -> Optional[OAuthTokens]:
        with self.lock:
            return self.saved[-1] if self.saved else None

    def save(self, tokens: OAuthTokens) -> None:
        with self.lock:
            if self.failing:
                raise OSError("disk full")
            self.saved.append(tokens)


@pytest.fixture
def short_ttl(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox("--transactions", "30", "--rate-limit", "0", "--oauth-access-ttl", "2")


def oauth_options(sb: Sandbox, store: FlakyTokenStore) -> dict[str, Any]:
    return {
        "base_url": sb.url,
        "oauth_client_id": CLIENT_ID,
        "oauth_client_secret": "sandbox-client-secret",
        "oauth_redirect_uri": REDIRECT,
        "oauth_token_store": store,
        **FAST,
    }


def test_p4_a_failing_save_is_a_store_error_and_the_rotated_token_survives(
    short_ttl: Sandbox,
) -> None:
    store = FlakyTokenStore()
    with sepay_sdk.Client(**oauth_options(short_ttl, store)) as client:
        code = authorize(client.oauth.authorization_url(["profile"], "p4"))["code"]
        first = client.oauth.exchange_code(code)
        assert store.saved == [first]
        store.failing = True
        time.sleep(1.2)
        # The access token lives 2 s and is renewed after half of it: this
        # call refreshes (SePay rotates the refresh token), and the rotated
        # tokens cannot be saved.
        with pytest.raises(StoreError, match="disk full"):
            client.oauth.me()
        assert store.saved == [first]
        store.failing = False
        # The store recovered: the call refreshes with the ROTATED refresh
        # token held in memory (the stored one was spent: invalid_grant).
        assert client.oauth.me().id == "1234"
        assert len(store.saved) == 2
        assert store.saved[-1].refresh_token not in (None, first.refresh_token)
        assert client.oauth.me().id == "1234"
    grants = [r for r in short_ttl.requests() if r["path"] == "/oauth/token"]
    assert all(r["status"] == 200 for r in grants), grants


@pytest.mark.asyncio
async def test_p4_a_refresh_outlives_the_cancelled_task_that_started_it(
    short_ttl: Sandbox,
) -> None:
    store = FlakyTokenStore()
    async with sepay_sdk.AsyncClient(**oauth_options(short_ttl, store)) as client:
        code = authorize(client.oauth.authorization_url(["profile"], "p4a"))["code"]
        first = await client.oauth.exchange_code(code)
        await asyncio.sleep(1.2)  # past half of the 2 s life: the next call renews
        short_ttl.push_faults({"slow": 600})  # the next request (the refresh) is slow
        task = asyncio.ensure_future(client.oauth.me())
        await asyncio.sleep(0.2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        for _ in range(100):  # the detached refresh finishes and saves
            if len(store.saved) == 2:
                break
            await asyncio.sleep(0.05)
        assert len(store.saved) == 2, "the refresh completed and was saved"
        assert store.saved[-1].refresh_token != first.refresh_token
        assert (await client.oauth.me()).id == "1234"
    grants = [r for r in short_ttl.requests() if r["path"] == "/oauth/token"]
    assert all(r["status"] == 200 for r in grants), grants


# ---------------------------------------------------------------- P5 / P9


@pytest.mark.parametrize("url", ["ftp://x", "http://example.com", "not a url", ""])
def test_p5_invalid_base_urls_are_configuration_errors(url: str) -> None:
    for cls in (sepay_sdk.Client, sepay_sdk.AsyncClient):
        with pytest.raises(ConfigurationError):
            cls(TOKEN, base_url=url)


BAD_NUMBERS: list[tuple[str, Any]] = [
    (option, value)
    for option in ("timeout", "connect_timeout", "max_elapsed", "initial_backoff", "max_backoff")
    for value in (math.nan, math.inf, -math.inf, -1, -0.5, 1e12)
] + [
    ("requests_per_second", v) for v in (math.nan, math.inf, -1, -0.001, 1e12, 1001)
] + [
    ("max_attempts", v) for v in (-1, 0, 101, 1e12, 10**30, math.nan, math.inf, 2.5)
] + [
    ("max_response_bytes", v) for v in (-1, 0, 1023, 1e12, 10**30, math.nan, math.inf)
] + [
    ("max_pages", v) for v in (-1, 0, 1e12, 2**32, math.nan, math.inf)
] + [("timeout", 0), ("connect_timeout", 0), ("max_elapsed", 0)]


@pytest.mark.parametrize(("option", "value"), BAD_NUMBERS)
def test_p9_invalid_numbers_are_configuration_errors(option: str, value: Any) -> None:
    for cls in (sepay_sdk.Client, sepay_sdk.AsyncClient):
        with pytest.raises(ConfigurationError, match=option):
            cls(TOKEN, environment="live", **{option: value})


@pytest.mark.parametrize("value", [math.nan, math.inf, -1.0, 1e12])
def test_p9_invalid_seconds_on_receivers_are_configuration_errors(value: float) -> None:
    makers: list[Callable[[], object]] = [
        lambda: WebhookReceiver.hmac("s", tolerance=value),
        lambda: WebhookReceiver.no_auth(lease=value),
        lambda: WebhookReceiver.secret_key("s", replay_window=value),
        lambda: WebhookTokenIssuer("cid", "csecret", ttl=value),
    ]
    for make in makers:
        with pytest.raises(ConfigurationError):
            make()


def test_p9_valid_edges_are_accepted(fresh: Sandbox) -> None:
    with fresh.client(
        timeout=86_400, max_attempts=100, max_pages=1, max_response_bytes=4 << 30,
        requests_per_second=1000, initial_backoff=0, max_elapsed=5,
    ) as c:  # fmt: skip
        assert len(c.v1.bank_accounts.list()) == 3
    with fresh.client(max_response_bytes=1024) as small:
        with pytest.raises(sepay_sdk.DecodeError, match="at most 1024 bytes"):
            small.v1.transactions.list(limit=100)
    WebhookReceiver.hmac("s", tolerance=0)
    WebhookReceiver.no_auth(lease=1, replay_window=86_400)


# ---------------------------------------------------------------- P6

UNSAFE_IDS = ["..", ".", "a/b", "a?b", "a#b", "%2e", "a b", "a\n", "a\\b"]


def test_p6_unsafe_ids_are_refused_before_anything_is_sent(fresh: Sandbox) -> None:
    fresh.clear_requests()
    with fresh.client() as c:
        for bad in UNSAFE_IDS:
            for get in (c.v1.transactions.get, c.v2.transactions.get, c.v2.bank_accounts.get):
                with pytest.raises(ValidationError) as e:
                    get(bad)
                assert e.value.status is None, "refused by the SDK, not by SePay"
    assert fresh.requests() == [], "nothing reached the sandbox"


@pytest.mark.asyncio
async def test_p6_unsafe_ids_are_refused_by_the_async_client(fresh: Sandbox) -> None:
    fresh.clear_requests()
    async with fresh.async_client() as c:
        for bad in UNSAFE_IDS:
            with pytest.raises(ValidationError):
                await c.v2.transactions.get(bad)
    assert fresh.requests() == []


# ---------------------------------------------------------------- P7


def test_p7_a_retry_after_beyond_max_elapsed_ends_the_call_at_once(fresh: Sandbox) -> None:
    with fresh.client(max_elapsed=0.5, max_attempts=5) as c:
        fresh.push_faults("429")  # the sandbox's 429 says Retry-After: 1
        started = time.monotonic()
        with pytest.raises(RateLimitedError) as e:
            c.v2.transactions.list()
        took = time.monotonic() - started
    assert took < 0.5, f"gave up at once, not after the 1 s pause ({took:.2f} s)"
    assert e.value.retry_after == 1.0 and e.value.status == 429
    assert len(fresh.requests()) == 1


@pytest.mark.asyncio
async def test_p7_async_too(fresh: Sandbox) -> None:
    async with fresh.async_client(max_elapsed=0.5) as c:
        fresh.push_faults("429")
        started = time.monotonic()
        with pytest.raises(RateLimitedError) as e:
            await c.v1.transactions.count()
        assert time.monotonic() - started < 0.5
    assert e.value.retry_after == 1.0


# ---------------------------------------------------------------- P8


def test_p8_max_pages_ends_a_longer_walk_with_a_pagination_error(fresh: Sandbox) -> None:
    with fresh.client(max_pages=1) as c:
        with pytest.raises(PaginationError):
            for _ in c.v2.transactions.iter(per_page=50):
                pass
        with pytest.raises(PaginationError):
            list(c.v1.transactions.iter(limit=100))
    with fresh.client(max_pages=10) as c:
        assert sum(1 for _ in c.v2.transactions.iter(per_page=50)) == 300


@pytest.mark.asyncio
async def test_p8_async_walks_are_capped_too(fresh: Sandbox) -> None:
    async with fresh.async_client(max_pages=2) as c:
        seen = 0
        with pytest.raises(PaginationError):
            async for _ in c.v2.transactions.iter(per_page=100):
                seen += 1
        assert seen == 200, "the pages within the cap were delivered"


# ---------------------------------------------------------------- P10

SECRET = "ÆØÅ§¶µ¿ÞÐ"
"""No character of it occurs in any repr by accident."""


def test_p10_reprs_show_no_character_of_any_secret() -> None:
    shown: list[object] = [
        sepay_sdk.Client(
            SECRET,
            environment="live",
            pg_merchant_id="M1",
            pg_secret_key=SECRET,
            oauth_client_id="app",
            oauth_client_secret=SECRET,
            oauth_redirect_uri=REDIRECT,
            bank_hub_client_id="hub",
            bank_hub_client_secret=SECRET,
        ),
        sepay_sdk.AsyncClient(SECRET, environment="sandbox"),
        WebhookReceiver.api_key(SECRET),
        WebhookReceiver.hmac(SECRET),
        WebhookReceiver.secret_key(SECRET),
        WebhookTokenIssuer("cid", SECRET),
        WebhookReceiver.oauth2(WebhookTokenIssuer("cid", SECRET)),
        OAuthTokens(SECRET, SECRET, 1, "profile"),
    ]
    for obj in shown:
        text = f"{obj!r} {obj!s}"
        assert not set(SECRET) & set(text), text
    assert "****" in repr(shown[0]) and "****" in repr(shown[-1])
