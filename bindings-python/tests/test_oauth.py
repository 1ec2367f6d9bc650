"""OAuth2 through the installed wheel against sepay-sandbox: authorization URL
→ the sandbox's authorize endpoint → code exchange → every resource, with
access tokens that expire mid-run, rotated refresh tokens reaching the
user-supplied token store, and a restarted client carrying on from it."""

from __future__ import annotations

import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Optional

import pytest
from conftest import FAST, Sandbox

import sepay_sdk
from sepay_sdk import OAuthTokens, WebhookAuthType, WebhookEventType

CLIENT_ID = "sandbox-client"
SECRET = "sandbox-client-secret-0123456789"
REDIRECT = "http://127.0.0.1/callback"
SCOPES = [
    "profile",
    "company",
    "bank-account:read",
    "transaction:read",
    "webhook:read",
    "webhook:write",
    "webhook:delete",
]


class FileLikeStore:
    """A user token store: keeps what a real one would persist (plain dicts) and counts saves."""

    def __init__(self) -> None:
        self.saved: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def load(self) -> Optional[OAuthTokens]:
        with self.lock:
            return OAuthTokens(**self.saved[-1]) if self.saved else None

    def save(self, tokens: OAuthTokens) -> None:
        with self.lock:
            self.saved.append(tokens.to_dict())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def authorize(url: str) -> dict[str, str]:
    """Follows the authorization URL like a browser; returns the callback's query."""
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(url, timeout=10)
    assert redirect.value.code == 302
    location = redirect.value.headers["Location"]
    assert location.startswith(REDIRECT)
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))


def oauth_client(sb: Sandbox, store: Any, secret: str = "sandbox-client-secret") -> sepay_sdk.Client:
    return sepay_sdk.Client(
        base_url=sb.url,
        oauth_client_id=CLIENT_ID,
        oauth_client_secret=secret,
        oauth_redirect_uri=REDIRECT,
        oauth_token_store=store,
        **FAST,
    )


@pytest.fixture
def short_ttl(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox("--transactions", "300", "--rate-limit", "0", "--oauth-access-ttl", "2")


def token_requests(sb: Sandbox) -> int:
    return sum(1 for r in sb.requests() if r["path"] == "/oauth/token")


def test_authorize_exchange_and_every_resource_across_token_expiry(short_ttl: Sandbox) -> None:
    store = FileLikeStore()
    client = oauth_client(short_ttl, store)
    url = client.oauth.authorization_url(SCOPES, "st4te")
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    assert query["scope"] == " ".join(SCOPES) and query["state"] == "st4te"
    assert query["client_id"] == CLIENT_ID and query["redirect_uri"] == REDIRECT
    callback = authorize(url)
    assert callback["state"] == "st4te"

    first = client.oauth.exchange_code(callback["code"])
    assert isinstance(first, OAuthTokens) and first.refresh_token
    assert first.expires_at is not None and first.expires_at > time.time()
    assert store.saved[-1] == first.to_dict(), "the exchange reached the user's store"
    assert first.access_token not in repr(first) and first.refresh_token not in repr(first)

    me = client.oauth.me()
    assert (me.id, me.first_name) == ("1234", "Nguyễn")
    company = client.oauth.company()
    assert isinstance(company, dict) and company["status"] == "Active"

    # Calls keep succeeding for longer than two access-token lifetimes.
    for _ in range(5):
        accounts = client.oauth.bank_accounts.list(limit=2)
        assert len(accounts) == 2 and accounts.pagination is not None
        time.sleep(0.9)
    assert token_requests(short_ttl) >= 3, "exchange plus refreshes"
    # An access token revoked early (a 401) is renewed once and the call retried.
    short_ttl._admin("POST", "oauth/expire")
    account = client.oauth.bank_accounts.get(accounts[0].id)
    assert account == accounts[0] and account.bank is not None
    assert isinstance(account.accumulated, Decimal)
    assert account.to_dict()["bank"]["short_name"] == account.bank.short_name

    assert len(store.saved) >= 3
    assert store.saved[-1]["refresh_token"] != first.refresh_token, "rotation saved"
    assert len({s["refresh_token"] for s in store.saved}) == len(store.saved)

    assert accounts.pagination is not None
    all_accounts = list(client.oauth.bank_accounts.iter(limit=1))
    assert len(all_accounts) == accounts.pagination.total
    subs = next(
        page for a in all_accounts if len(page := client.oauth.bank_accounts.sub_accounts(a.id)) > 0
    )
    assert subs[0].id and subs[0].account_number

    txns = client.oauth.transactions.list(bank_account_id=account.id, limit=5)
    assert txns.pagination is not None and txns.pagination.total > 5
    walked = list(client.oauth.transactions.iter(bank_account_id=account.id, limit=50))
    assert len(walked) == txns.pagination.total, "auto-paginated"
    assert [t.id for t in walked[:5]] == [t.id for t in txns]
    assert all(t.bank_account_id == account.id for t in walked)
    by_ref = client.oauth.transactions.list(reference_number=walked[0].reference_number)
    assert [t.id for t in by_ref] == [walked[0].id]
    client.close()

    # A restart: a new client from the stored tokens, no new authorization.
    restarted = oauth_client(short_ttl, store)
    assert restarted.oauth.me().id == "1234"
    created = restarted.oauth.webhooks.create(
        bank_account_id=account.id,
        name="shop",
        event_type=WebhookEventType.IN_ONLY,
        authen_type=WebhookAuthType.API_KEY,
        api_key="shop-api-key-0123456789-abcdef",
        webhook_url="https://shop.example/hook",
        is_verify_payment=True,
        active=True,
    )
    assert created.event_type is WebhookEventType.IN_ONLY
    assert created.authen_type is WebhookAuthType.API_KEY
    assert created.is_verify_payment and created.active and created.bank_account_id == account.id
    assert "shop-api-key-0123456789-abcdef" not in repr(created)
    assert created.api_key is None or created.api_key.startswith("****")
    got = restarted.oauth.webhooks.get(created.id)
    assert got.webhook_url == "https://shop.example/hook"
    renamed = restarted.oauth.webhooks.update(created.id, name="renamed", active=False)
    assert (renamed.name, renamed.active, renamed.event_type) == ("renamed", False, "In_only")
    listed = restarted.oauth.webhooks.list(webhook_url="shop.example")
    assert [w.id for w in listed] == [created.id]
    restarted.oauth.webhooks.delete(created.id)
    with pytest.raises(sepay_sdk.NotFoundError) as gone:
        restarted.oauth.webhooks.get(created.id)
    assert gone.value.status == 404
    restarted.close()


def test_errors_and_configuration(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox("--transactions", "50", "--rate-limit", "0")
    client = oauth_client(sb, None, secret="not-the-secret-0123456789")
    assert "not-the-secret" not in repr(client) and "oauth_client_id" in repr(client)
    with pytest.raises(sepay_sdk.ValidationError) as bad_scope:
        client.oauth.authorization_url(["profile", "admin"], "s")
    assert bad_scope.value.field_errors[0].field == "scope"
    with pytest.raises(sepay_sdk.ValidationError):
        client.oauth.authorization_url(["profile"], " ")
    code = authorize(client.oauth.authorization_url(["profile"], "x"))["code"]
    with pytest.raises(sepay_sdk.AuthenticationError) as wrong_secret:
        client.oauth.exchange_code(code)
    assert wrong_secret.value.status == 401
    with pytest.raises(sepay_sdk.AuthenticationError):
        client.oauth.me()  # no tokens at all
    client.close()

    good = oauth_client(sb, None)
    used = authorize(good.oauth.authorization_url(["profile"], "y"))["code"]
    good.oauth.exchange_code(used)
    with pytest.raises(sepay_sdk.SePayError) as reused:
        good.oauth.exchange_code(used)
    assert reused.value.status == 400
    with pytest.raises(sepay_sdk.SePayError) as scope:
        good.oauth.bank_accounts.list()  # only "profile" was granted
    assert scope.value.status == 403
    with pytest.raises(sepay_sdk.ValidationError) as unknown:
        good.oauth.transactions.list(colour="red")  # type: ignore[call-arg]
    assert unknown.value.field_errors[0].field == "colour"
    good.close()

    with pytest.raises(sepay_sdk.ConfigurationError):
        sepay_sdk.Client(base_url=sb.url, oauth_client_id=CLIENT_ID)
    with pytest.raises(sepay_sdk.ConfigurationError):
        sepay_sdk.Client("T" * 64, base_url=sb.url).oauth.authorization_url(["profile"], "s")


def test_a_failing_store_is_a_store_error_never_swallowed(
    make_sandbox: Callable[..., Sandbox], monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = make_sandbox("--transactions", "50", "--rate-limit", "0")
    reported: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: reported.append(u.exc_value))

    class Broken:
        def load(self) -> Optional[OAuthTokens]:
            raise OSError("disk gone")

        def save(self, tokens: OAuthTokens) -> None:
            raise OSError("disk gone")

    client = oauth_client(sb, Broken())
    code = authorize(client.oauth.authorization_url(["profile"], "z"))["code"]
    with pytest.raises(sepay_sdk.StoreError, match="disk gone") as failed:
        client.oauth.exchange_code(code)
    assert failed.value.kind == "store" and "save()" in str(failed.value)
    assert failed.value.operation == "oauth.token_store"
    # The exchanged tokens are kept in memory: the client works meanwhile.
    assert client.oauth.me().id == "1234"
    assert reported == [], "nothing goes to sys.unraisablehook"
    client.close()

    fresh = oauth_client(sb, Broken())
    with pytest.raises(sepay_sdk.StoreError, match="load"):
        fresh.oauth.me()
    fresh.close()


@pytest.mark.asyncio
async def test_async_flow(short_ttl: Sandbox) -> None:
    store = sepay_sdk.MemoryTokenStore()
    async with sepay_sdk.AsyncClient(
        base_url=short_ttl.url,
        oauth_client_id=CLIENT_ID,
        oauth_client_secret="sandbox-client-secret",
        oauth_redirect_uri=REDIRECT,
        oauth_token_store=store,
        **FAST,
    ) as client:
        assert type(client.oauth).__name__ == "AsyncOAuth"
        code = authorize(client.oauth.authorization_url(SCOPES, "a"))["code"]
        tokens = await client.oauth.exchange_code(code)
        assert store.load() == tokens
        assert (await client.oauth.me()).id == "1234"
        short_ttl._admin("POST", "oauth/expire")
        page = await client.oauth.bank_accounts.list()
        assert len(page) > 0
        rotated = store.load()
        assert rotated is not None and rotated.refresh_token != tokens.refresh_token
        subs = await client.oauth.bank_accounts.sub_accounts(page[0].id)
        assert subs.pagination is not None
        count = 0
        async for _ in client.oauth.transactions.iter(bank_account_id=page[0].id, limit=100):
            count += 1
        first = await client.oauth.transactions.list(bank_account_id=page[0].id)
        assert first.pagination is not None and count == first.pagination.total
        hooks = await client.oauth.webhooks.list()
        assert len(hooks) == 2
        hook = await client.oauth.webhooks.get(hooks[0].id)
        assert hook == hooks[0]
        made = await client.oauth.webhooks.create(
            bank_account_id=page[0].id,
            name="async",
            event_type="All",
            authen_type="No_Authen",
            webhook_url="https://a.example/hook",
        )
        changed = await client.oauth.webhooks.update(made.id, only_va=True)
        assert changed.only_va
        await client.oauth.webhooks.delete(made.id)
        assert isinstance(await client.oauth.company(), dict)
