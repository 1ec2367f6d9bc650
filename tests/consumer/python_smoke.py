"""Smoke test of an installed sepay-sdk wheel, run by scripts/consumer-python.sh
inside an older Debian with its own Python: list, iterate, a typed error."""

import sys
from decimal import Decimal

import sepay_sdk

url, token = sys.argv[1], sys.argv[2]
with sepay_sdk.Client(token, base_url=url) as client:
    accounts = list(client.v2.bank_accounts.list())
    assert accounts, "no bank accounts"
    walked = list(client.v1.transactions.iter())
    assert len(walked) == 250, len(walked)
    assert all(isinstance(t.amount_in, Decimal) for t in walked)
    assert walked[0].transaction_date.utcoffset().total_seconds() == 7 * 3600
with sepay_sdk.Client("wrong-token", base_url=url) as client:
    try:
        client.v2.bank_accounts.list()
    except sepay_sdk.AuthenticationError as error:
        assert error.status == 401, error.status
    else:
        raise AssertionError("a wrong token was accepted")
print(f"sepay-sdk {sepay_sdk.__version__} on Python {sys.version.split()[0]}: "
      f"{len(accounts)} accounts, {len(walked)} transactions, typed errors: ok")
