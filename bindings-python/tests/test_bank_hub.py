"""Bank Hub through the installed wheel against sepay-sandbox: every
operation, typed errors, and 32 concurrent calls across token expiries with
exactly one token request per expiry."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal

import pytest
from conftest import FAST, Sandbox

import sepay_sdk
from sepay_sdk import LinkPurpose

ID = "sandbox-bankhub"
SECRET = "sandbox-bankhub-secret"


def hub_client(sb: Sandbox, secret: str = SECRET) -> sepay_sdk.Client:
    return sepay_sdk.Client(
        base_url=sb.url, bank_hub_client_id=ID, bank_hub_client_secret=secret, **FAST
    )


def token_requests(sb: Sandbox) -> int:
    return sum(1 for r in sb.requests() if r["path"] == "/bankhub/v1/token")


@pytest.fixture
def hub(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox("--transactions", "400", "--rate-limit", "0", "--bankhub-token-ttl", "4")


def test_every_operation(hub: Sandbox) -> None:
    with hub_client(hub) as client:
        assert SECRET not in repr(client) and "bank_hub_client_id" in repr(client)
        bh = client.bank_hub
        companies = bh.companies.list()
        assert len(companies) == 3 and all(c.xid for c in companies)
        assert companies.pagination is not None and companies.pagination.total == 3
        pending = bh.companies.list(status="Pending")
        assert [c.full_name for c in pending] == ["HO KINH DOANH CHAU THANH"]
        assert len(list(bh.companies.iter(per_page=1))) == 3

        xid = bh.companies.create("CONG TY TNHH PYTHON", status="Pending")
        created = bh.companies.get(xid)
        assert (created.full_name, created.status) == ("CONG TY TNHH PYTHON", "Pending")
        message = bh.companies.edit(xid, full_name="CONG TY TNHH PYTHON SDK", status="Active")
        assert isinstance(message, str) and message
        edited = bh.companies.get(xid)
        assert (edited.full_name, edited.status) == ("CONG TY TNHH PYTHON SDK", "Active")

        bh.companies.edit(xid, payment_code="on", payment_code_prefix="PY", payment_code_suffix_to=9)
        payment = bh.companies.configuration(xid)
        assert (payment.payment_code, payment.payment_code_prefix) == ("on", "PY")
        assert payment.payment_code_suffix_to == 9 and payment.to_dict()["payment_code"] == "on"
        assert edited.created_at is not None and edited.created_at.utcoffset() is not None

        first = companies[0]
        counter = bh.companies.counter(first.xid)
        assert counter.total.transaction == counter.total.transaction_in + counter.total.transaction_out
        assert sum(d.transaction for d in counter.dates) == counter.total.transaction
        day = counter.dates[0].date
        one_day = bh.companies.counter(first.xid, date=date.fromisoformat(day))
        assert [d.date for d in one_day.dates] == [day]
        assert one_day.to_dict()["dates"][0]["date"] == day

        accounts = bh.bank_accounts.list(company_xid=first.xid)
        assert len(accounts) > 0 and all(a.company_xid == first.xid for a in accounts)
        account = bh.bank_accounts.get(accounts[0].xid)
        assert account == accounts[0] and isinstance(account.accumulated, Decimal)

        txns = bh.transactions.list(bank_account_xid=account.xid, per_page=5)
        assert len(txns) == 5 and txns.pagination is not None
        walked = list(bh.transactions.iter(bank_account_xid=account.xid))
        assert len(walked) == txns.pagination.total
        assert {t.bank_account_xid for t in walked} == {account.xid}
        one = bh.transactions.get(walked[0].transaction_id)
        assert one == walked[0] and one.transfer_type in ("in", "out")
        ins = bh.transactions.list(transfer_type="in", per_page=100)
        assert all(t.transfer_type == "in" for t in ins)

        link = bh.link_tokens.create(
            first.xid, purpose=LinkPurpose.LINK_BANK_ACCOUNT,
            completion_redirect_uri="https://platform.example/done",
        )
        assert link.hosted_link_url.startswith("https://") and link.link_token
        info = bh.link_tokens.get(link.link_token)
        assert info.xid == link.xid and info.purpose is LinkPurpose.LINK_BANK_ACCOUNT
        assert info.status == "Active" and info.completion_redirect_uri == "https://platform.example/done"
        assert isinstance(bh.link_tokens.revoke(link.xid), str)
        assert bh.link_tokens.get(link.link_token).status == "Revoked"
        with pytest.raises(sepay_sdk.NotFoundError) as twice:
            bh.link_tokens.revoke(link.xid)
        assert twice.value.status == 404
        unlink = bh.link_tokens.create(
            first.xid, purpose="UNLINK_BANK_ACCOUNT", bank_account_xid=account.xid
        )
        assert bh.link_tokens.get(unlink.link_token).purpose is LinkPurpose.UNLINK_BANK_ACCOUNT

        config = bh.merchant_config.get()
        assert config.transaction_whitelist_remark_keywords == []
        updated = bh.merchant_config.update(["DH"])
        assert updated.transaction_whitelist_remark_keywords == ["DH"]
        assert bh.merchant_config.get() == updated
        kept = list(bh.transactions.iter(bank_account_xid=account.xid))
        assert kept and all("DH" in t.transaction_content for t in kept)
        bh.merchant_config.update([])

        assert bh.webhook.get() is None
        hook = bh.webhook.set(
            "https://platform.example/bankhub", secret_key="whsec-0123456789abcdefghij",
            allow_events=["*"],
        )
        assert hook.webhook_url == "https://platform.example/bankhub" and hook.active
        assert "whsec-0123456789abcdefghij" not in repr(hook)
        again = bh.webhook.get()
        assert again is not None and again.allow_events == ["*"]


def test_errors_are_typed(hub: Sandbox) -> None:
    with hub_client(hub) as client:
        with pytest.raises(sepay_sdk.NotFoundError) as missing:
            client.bank_hub.companies.get("no-such-company")
        assert missing.value.status == 404 and missing.value.message
        with pytest.raises(sepay_sdk.ValidationError) as bad:
            client.bank_hub.companies.edit("x", colour="red")  # type: ignore[call-arg]
        assert bad.value.field_errors[0].field == "colour" and bad.value.status is None
        with pytest.raises(sepay_sdk.ValidationError) as purpose:
            client.bank_hub.link_tokens.create("x", purpose="SOMETHING")
        assert purpose.value.field_errors[0].field == "purpose"
        first = client.bank_hub.companies.list()[0]
        with pytest.raises(sepay_sdk.SePayError) as dup:
            client.bank_hub.companies.create(first.full_name)
        assert dup.value.status is not None and 400 <= dup.value.status < 500
    with hub_client(hub, secret="wrong-secret") as wrong:
        with pytest.raises(sepay_sdk.AuthenticationError) as denied:
            wrong.bank_hub.companies.list()
        assert denied.value.status == 401
    with pytest.raises(sepay_sdk.ConfigurationError):
        sepay_sdk.Client(base_url=hub.url, bank_hub_client_id=ID)


def test_32_concurrent_calls_across_token_expiry(hub: Sandbox) -> None:
    with hub_client(hub) as client:

        def burst() -> None:
            with ThreadPoolExecutor(32) as pool:
                pages = list(pool.map(lambda _: client.bank_hub.companies.list(), range(32)))
            assert all(len(p) > 0 for p in pages), "no call fails"

        burst()
        assert token_requests(hub) == 1
        time.sleep(2.1)  # past the renewal point of a 4 s token
        burst()
        assert token_requests(hub) == 2, "one token request per expiry"
        hub._admin("POST", "bankhub/expire")  # revoked early: every call sees a 401 once
        burst()
        assert token_requests(hub) == 3, "one token request for the 401s too"


@pytest.mark.asyncio
async def test_async_concurrent_calls_and_operations(hub: Sandbox) -> None:
    async with sepay_sdk.AsyncClient(
        base_url=hub.url, bank_hub_client_id=ID, bank_hub_client_secret=SECRET, **FAST
    ) as client:
        bh = client.bank_hub
        assert type(bh).__name__ == "AsyncBankHub"
        pages = await asyncio.gather(*(bh.companies.list() for _ in range(32)))
        assert all(len(p) == 3 for p in pages) and token_requests(hub) == 1
        hub._admin("POST", "bankhub/expire")
        txn_pages = await asyncio.gather(*(bh.transactions.list() for _ in range(32)))
        assert all(len(p) > 0 for p in txn_pages) and token_requests(hub) == 2
        companies = [c async for c in bh.companies.iter()]
        assert len(companies) == 3
        company = await bh.companies.get(companies[0].xid)
        assert company == companies[0]
        counter = await bh.companies.counter(company.xid)
        assert counter.total.transaction > 0
        accounts = await bh.bank_accounts.list()
        account = await bh.bank_accounts.get(accounts[0].xid)
        count = 0
        async for t in bh.transactions.iter(bank_account_xid=account.xid):
            count += 1
            last = t
        assert count > 0 and await bh.transactions.get(last.transaction_id) == last
        link = await bh.link_tokens.create(company.xid)
        assert (await bh.link_tokens.get(link.link_token)).xid == link.xid
        await bh.link_tokens.revoke(link.xid)
        assert isinstance(await bh.companies.create("CONG TY ASYNC"), str)
        await bh.companies.edit(company.xid, short_name="AP")
        assert (await bh.merchant_config.update(["X"])).transaction_whitelist_remark_keywords == ["X"]
        assert (await bh.merchant_config.get()).transaction_whitelist_remark_keywords == ["X"]
        assert await bh.webhook.get() is None
        hook = await bh.webhook.set("https://p.example/h", secret_key="s" * 24, active=False)
        assert not hook.active
