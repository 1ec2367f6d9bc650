"""A test kit for your own test suites: SePay emulated in this process.

:class:`Emulator` starts the SDK's SePay emulator (the same one the SDK is
tested against) on a free loopback port, on its own threads: no network, no
SePay account, no Rust toolchain, no separate process. Seed it with bank
accounts and transactions, point a :class:`~sepay_sdk.Client` at it, simulate
incoming payments and read the webhook deliveries it made::

    from sepay_sdk.testing import Emulator

    with Emulator(transactions=20) as sepay:
        client = sepay.client()
        sepay.add_webhook("http://127.0.0.1:8000/sepay/webhook", auth="hmac", secret="whsec_test")
        paid = sepay.simulate_payment(150_000, "DH42 thanh toan")
        deliveries = sepay.webhook_deliveries(wait_for=1)

A pytest fixture is three lines (see ``examples/python/test_with_emulator.py``)::

    @pytest.fixture
    def sepay():
        with Emulator() as emulator:
            yield emulator

To test a webhook handler alone, :meth:`sepay_sdk.WebhookReceiver.test_delivery`
builds a signed delivery without an emulator.
"""

from __future__ import annotations

import json
from decimal import Decimal
from types import TracebackType
from typing import Any, Literal, Optional, Union

from ._native import AsyncClient, Client, _Emulator

__all__ = ["Emulator"]

WebhookMode = Literal["none", "api_key", "hmac", "oauth2"]
"""How the emulator authenticates its webhook deliveries."""

class Emulator:
    """SePay emulated on ``127.0.0.1`` (a free port) in this process.

    ``transactions`` and ``bank_accounts`` size the generated dataset
    (deterministic for a ``seed``); ``rate_limit`` is SePay's 3 requests per
    second unless given (``None`` turns it off); webhook retries wait a
    thousandth of SePay's schedule. Use it as a context manager, or call
    :meth:`close`.
    """

    def __init__(
        self,
        *,
        token: str = "sandbox-token",
        transactions: int = 100,
        bank_accounts: int = 3,
        seed: int = 42,
        rate_limit: Optional[float] = 3.0,
    ) -> None:
        config = {
            "token": token,
            "transactions": transactions,
            "bank_accounts": bank_accounts,
            "seed": seed,
            "rate_limit": rate_limit,
        }
        self._native = _Emulator(json.dumps(config))

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return self._native.base_url

    @property
    def token(self) -> str:
        """The API token the emulator accepts."""
        token: str = self.client_options()["token"]
        return token

    def client_options(self) -> dict[str, Any]:
        """The :class:`~sepay_sdk.Client` keyword arguments that reach this
        emulator: ``token``, ``base_url`` and the payment gateway, OAuth2 and
        Bank Hub credentials it accepts."""
        options: dict[str, Any] = json.loads(self._native.client_options())
        return options

    def client(self, **options: Any) -> Client:
        """A :class:`~sepay_sdk.Client` for this emulator, with its token and
        credentials (payment gateway, OAuth2 app, Bank Hub); ``options`` are
        passed on and win."""
        return Client(**self._client_options(options))

    def async_client(self, **options: Any) -> AsyncClient:
        """The :class:`~sepay_sdk.AsyncClient` counterpart of :meth:`client`."""
        return AsyncClient(**self._client_options(options))

    def _client_options(self, options: dict[str, Any]) -> dict[str, Any]:
        return {**self.client_options(), **options}

    def stats(self) -> dict[str, Any]:
        """Dataset totals: ``transactions``, ``bank_accounts``, sums."""
        result: dict[str, Any] = json.loads(self._native.stats())
        return result

    def simulate_payment(
        self,
        amount: int,
        content: str = "",
        *,
        bank_account_id: Union[int, str, None] = None,
        code: Optional[str] = None,
        sub_account: Optional[str] = None,
        transfer_type: Literal["in", "out"] = "in",
    ) -> dict[str, Any]:
        """A bank transfer of ``amount`` VND arrives with memo ``content``: it
        appears in the v1 and v2 transaction lists and its webhook goes to
        every target of :meth:`add_webhook`. Returns the transaction
        (``v1_id``, ``v2_id``, ``code`` found in the memo, the ``webhook``
        payload, ``delivered_to``). Raises ``ValueError`` on bad input."""
        if isinstance(amount, bool) or not isinstance(amount, (int, Decimal)) or amount != int(amount):
            raise ValueError(f"amount must be whole VND (int), got {amount!r}")
        request = {
            "amount": int(amount),
            "content": content,
            "bank_account_id": bank_account_id,
            "code": code,
            "sub_account": sub_account,
            "transfer_type": transfer_type,
        }
        result: dict[str, Any] = json.loads(self._native.simulate_payment(json.dumps(request)))
        return result

    def pay_va(self, va_number: str, amount: int, content: Optional[str] = None) -> dict[str, Any]:
        """Pays ``amount`` VND into a VA order's virtual account: the order
        moves along and its webhook is delivered. Returns the transaction and
        the ``order`` after the payment."""
        request = {"va_number": va_number, "amount": amount, "content": content}
        result: dict[str, Any] = json.loads(self._native.pay_va(json.dumps(request)))
        return result

    def add_webhook(
        self,
        url: str,
        *,
        auth: WebhookMode = "none",
        api_key: Optional[str] = None,
        secret: Optional[str] = None,
        token_url: Optional[str] = None,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        content_type: Literal["json", "form", "multipart"] = "json",
    ) -> int:
        """Registers a webhook target as in SePay's dashboard (``hmac`` needs
        ``secret``, ``api_key`` needs ``api_key``, ``oauth2`` needs
        ``token_url``, ``client_id``, ``client_secret``); returns its id."""
        target = {
            "url": url,
            "auth": auth,
            "api_key": api_key,
            "secret": secret,
            "token_url": token_url,
            "client_id": client_id,
            "client_secret": client_secret,
            "content_type": content_type,
        }
        return self._native.add_webhook(json.dumps({k: v for k, v in target.items() if v is not None}))

    def webhook_deliveries(self, *, wait_for: int = 0, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Every delivery attempt so far (``target_id``, ``event_id``,
        ``attempt``, ``status``, ``success``, ``error``), after waiting up
        to ``timeout`` seconds for at least ``wait_for`` of them."""
        result: list[dict[str, Any]] = json.loads(self._native.webhook_deliveries(wait_for, timeout))
        return result

    def requests(self) -> list[dict[str, Any]]:
        """The API requests received, in order (method, path, query, status)."""
        result: list[dict[str, Any]] = json.loads(self._native.requests())
        return result

    def close(self) -> None:
        """Stops the emulator (idempotent)."""
        self._native.close()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Emulator(base_url={self._native.base_url!r})"
