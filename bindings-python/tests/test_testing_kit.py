"""sepay_sdk.testing (the emulator in-process) and WebhookReceiver.test_delivery."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

import sepay_sdk
from sepay_sdk import ValidationError, WebhookVerificationError
from sepay_sdk.webhooks import WebhookReceiver, WebhookTokenIssuer
from sepay_sdk.testing import Emulator


def test_the_emulator_serves_a_seeded_dataset_to_both_clients() -> None:
    with Emulator(transactions=7, bank_accounts=2, seed=5, rate_limit=None) as sepay:
        assert sepay.base_url.startswith("http://127.0.0.1:")
        assert sepay.stats()["transactions"] == 7
        with sepay.client() as client:
            assert len(list(client.v2.bank_accounts.list())) == 2
            assert len(list(client.v1.transactions.iter())) == 7

        async def walk() -> int:
            client = sepay.async_client()
            try:
                return len([t async for t in client.v2.transactions.iter()])
            finally:
                await client.aclose()

        assert asyncio.run(walk()) == 7
        assert all(r["authorized"] for r in sepay.requests())


def test_the_emulator_accepts_its_own_credentials_for_every_surface() -> None:
    with Emulator(transactions=3) as sepay:
        options = sepay.client_options()
        assert options["token"] == sepay.token
        with sepay.client() as client:
            assert client.bank_hub.companies.list() is not None
        with sepay.client(token="wrong") as client, pytest.raises(sepay_sdk.AuthenticationError):
            client.v2.bank_accounts.list()


def test_a_simulated_payment_is_listed_and_delivered() -> None:
    with Emulator(transactions=3) as sepay:
        hook = sepay.add_webhook("http://127.0.0.1:9/nobody", auth="hmac", secret="s")
        paid = sepay.simulate_payment(250_000, "DH77 thanh toan")
        assert paid["code"] == "DH77" and paid["delivered_to"] == [hook]
        with sepay.client() as client:
            latest = next(iter(client.v2.transactions.list(per_page=1)))
        assert latest.id == paid["v2_id"] and latest.amount_in == Decimal(250_000)
        [first, *_] = sepay.webhook_deliveries(wait_for=1)
        assert first["target_id"] == hook and not first["success"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.simulate_payment(0, "x"), "amount"),
        (lambda s: s.simulate_payment(1.5, "x"), "whole VND"),
        (lambda s: s.simulate_payment(1, "x", bank_account_id=99), "bank_account_id"),
        (lambda s: s.add_webhook("ftp://x"), "url"),
        (lambda s: s.add_webhook("http://x", auth="hmac"), "secret"),
        (lambda s: s.pay_va("NOPE", 1000), "(?i)not found|unknown"),
    ],
)
def test_bad_input_to_the_emulator_is_a_value_error(call: object, message: str) -> None:
    with Emulator(transactions=1) as sepay, pytest.raises(ValueError, match=message):
        call(sepay)  # type: ignore[operator]


def test_a_closed_emulator_refuses_calls_and_frees_its_port() -> None:
    sepay = Emulator(transactions=1)
    url = sepay.base_url
    sepay.close()
    sepay.close()
    with pytest.raises(RuntimeError, match="closed"):
        sepay.simulate_payment(1, "x")
    with pytest.raises(sepay_sdk.SePayError), sepay_sdk.Client(
        token="t", base_url=url, max_attempts=1
    ) as client:
        client.v2.bank_accounts.list()


@pytest.mark.parametrize(
    "receiver",
    [
        WebhookReceiver.no_auth(),
        WebhookReceiver.api_key("key"),
        WebhookReceiver.api_key("key", encoding="form"),
        WebhookReceiver.no_auth(encoding="multipart"),
        WebhookReceiver.hmac("whsec"),
        WebhookReceiver.oauth2(WebhookTokenIssuer("id", "secret")),
        WebhookReceiver.secret_key("sk"),
    ],
)
def test_each_mode_accepts_its_own_test_delivery(receiver: WebhookReceiver) -> None:
    when = datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone(timedelta(hours=7)))
    headers, body = receiver.test_delivery(
        Decimal("150000.50"), "DH9 thanh toan", id=77, code="DH9", transaction_date=when, sub_account="VA1"
    )
    result = receiver.receive("POST", headers, body)
    assert result.delivery == "new"
    event = result.event
    assert (event.id, event.code, event.content, event.sub_account) == ("77", "DH9", "DH9 thanh toan", "VA1")
    assert event.transfer_amount == Decimal("150000.50")
    assert event.transaction_date == when


def test_a_test_delivery_for_another_secret_is_refused() -> None:
    headers, body = WebhookReceiver.hmac("other").test_delivery(1000)
    with pytest.raises(WebhookVerificationError):
        WebhookReceiver.hmac("mine").receive("POST", headers, body)


def test_bad_test_delivery_arguments_are_refused() -> None:
    receiver = WebhookReceiver.hmac("s")
    with pytest.raises(ValidationError, match="transfer_amount"):
        receiver.test_delivery(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="transfer_type"):
        receiver.test_delivery(1, transfer_type="sideways")  # type: ignore[arg-type]


def test_a_negative_rate_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="rate_limit"):
        Emulator(rate_limit=-1)
