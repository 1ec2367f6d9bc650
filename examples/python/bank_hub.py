"""Bank Hub: a platform lets its customers (companies) link their bank
accounts through SePay's hosted page, then reads their transactions.

    python examples/python/bank_hub.py

Uses the local sandbox unless SEPAY_BANKHUB_CLIENT_ID and
SEPAY_BANKHUB_CLIENT_SECRET are set.
"""

from __future__ import annotations

import os

import sepay_sdk
from _sandbox import connection
from sepay_sdk import LinkPurpose


def main() -> None:
    with connection() as where:
        where.pop("token", None)
        with sepay_sdk.Client(
            **where,
            bank_hub_client_id=os.environ.get("SEPAY_BANKHUB_CLIENT_ID", "sandbox-bankhub"),
            bank_hub_client_secret=os.environ.get("SEPAY_BANKHUB_CLIENT_SECRET", "sandbox-bankhub-secret"),
        ) as client:
            hub = client.bank_hub
            xid = hub.companies.create("CONG TY TNHH VI DU", status="Active")
            hub.companies.edit(xid, short_name="VIDU")
            print(f"company {hub.companies.get(xid).full_name} ({xid})")

            link = hub.link_tokens.create(
                xid, purpose=LinkPurpose.LINK_BANK_ACCOUNT,
                completion_redirect_uri="https://platform.example/linked",
            )
            print(f"open in a WebView: {link.hosted_link_url} (until {link.expires_at})")
            print(f"  state: {hub.link_tokens.get(link.link_token).status}")
            hub.link_tokens.revoke(link.xid)

            for company in hub.companies.iter():
                counter = hub.companies.counter(company.xid)
                print(f"{company.full_name:<28} {company.status:<8} "
                      f"{counter.total.transaction_in:>5} in / {counter.total.transaction_out:>5} out")

            account = hub.bank_accounts.list()[0]
            print(f"account {account.brand_name} {account.account_number}: {account.accumulated:,} VND")
            recent = hub.transactions.list(bank_account_xid=account.xid, per_page=3)
            for t in recent:
                print(f"  {t.transaction_date:%Y-%m-%d %H:%M} {t.transfer_type:<3} {t.amount:>12,} {t.transaction_content}")
            money_in = sum(t.amount for t in hub.transactions.iter(bank_account_xid=account.xid, transfer_type="in"))
            print(f"  money in, all time: {money_in:,} VND")

            hub.merchant_config.update(["DH"])  # keep only memos with an order code
            print(f"whitelist: {hub.merchant_config.get().transaction_whitelist_remark_keywords}")
            hub.merchant_config.update([])
            hook = hub.webhook.set("https://platform.example/bankhub", secret_key="change-me-0123456789")
            print(f"webhook -> {hook.webhook_url}, events {hook.allow_events}")


if __name__ == "__main__":
    main()
