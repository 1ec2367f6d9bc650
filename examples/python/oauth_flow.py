"""OAuth2: act for a SePay user who authorized your app. Authorization URL →
the user approves → your callback gets a code → exchange it → call the API.
Tokens live in a token store (here a JSON file), so a restart carries on
without asking the user again; the client refreshes them on its own.

    python examples/python/oauth_flow.py

Uses the local sandbox (which approves at once) unless SEPAY_OAUTH_CLIENT_ID,
SEPAY_OAUTH_CLIENT_SECRET and SEPAY_OAUTH_REDIRECT_URI are set.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Optional

import sepay_sdk
from _sandbox import connection
from sepay_sdk import OAuthTokens, WebhookAuthType, WebhookEventType


class JsonFileTokenStore:
    """Keeps one user's tokens in a JSON file (use your database in an app)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Optional[OAuthTokens]:
        if not self.path.exists():
            return None
        return OAuthTokens(**json.loads(self.path.read_text()))

    def save(self, tokens: OAuthTokens) -> None:
        self.path.write_text(json.dumps(tokens.to_dict()))


def credentials() -> dict[str, Any]:
    return {
        "oauth_client_id": os.environ.get("SEPAY_OAUTH_CLIENT_ID", "sandbox-client"),
        "oauth_client_secret": os.environ.get("SEPAY_OAUTH_CLIENT_SECRET", "sandbox-client-secret"),
        "oauth_redirect_uri": os.environ.get("SEPAY_OAUTH_REDIRECT_URI", "http://127.0.0.1/callback"),
    }


class _Stop(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def user_approves(url: str) -> dict[str, str]:
    """What the browser does: open the URL, land on your callback with `code` and `state`."""
    try:
        urllib.request.build_opener(_Stop).open(url, timeout=10)
        raise SystemExit("expected a redirect to the callback")
    except urllib.error.HTTPError as redirect:
        location = redirect.headers["Location"]
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))


def main() -> None:
    store = JsonFileTokenStore(Path(tempfile.mkdtemp()) / "sepay-tokens.json")
    with connection() as where:
        where.pop("token", None)  # OAuth2 acts with the user's tokens, not an API token
        with sepay_sdk.Client(**where, **credentials(), oauth_token_store=store) as client:
            state = secrets.token_urlsafe(16)
            url = client.oauth.authorization_url(
                ["profile", "bank-account:read", "transaction:read", "webhook:read",
                 "webhook:write", "webhook:delete"],
                state,
            )
            print(f"send the user to {url}")
            callback = user_approves(url)
            assert callback["state"] == state, "CSRF check"
            tokens = client.oauth.exchange_code(callback["code"])
            print(f"authorized: {tokens!r}")

        # Later (another process): the stored tokens are enough.
        with sepay_sdk.Client(**where, **credentials(), oauth_token_store=store) as client:
            me = client.oauth.me()
            print(f"acting for {me.first_name} {me.last_name} <{me.email}>")
            for account in client.oauth.bank_accounts.iter():
                bank = account.bank.short_name if account.bank else "?"
                print(f"  {bank:<12} {account.account_number:<14} {account.accumulated:>16,} VND")
            first = client.oauth.bank_accounts.list(limit=1)[0]
            total = sum(t.amount_in for t in client.oauth.transactions.iter(bank_account_id=first.id))
            print(f"money in on {first.account_number}: {total:,} VND")

            hook = client.oauth.webhooks.create(
                bank_account_id=first.id,
                name="shop",
                event_type=WebhookEventType.IN_ONLY,
                authen_type=WebhookAuthType.API_KEY,
                api_key=secrets.token_hex(16),
                webhook_url="https://shop.example/sepay-hook",
            )
            print(f"webhook {hook.id} -> {hook.webhook_url} (api key {hook.api_key})")
            client.oauth.webhooks.update(hook.id, active=False)
            print(f"webhooks: {[w.name for w in client.oauth.webhooks.list()]}")
            client.oauth.webhooks.delete(hook.id)


if __name__ == "__main__":
    main()
