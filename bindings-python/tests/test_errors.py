"""Bad input of every kind raises the right exception, with a message that
names the operation and the parameter; SePay's refusals map to typed errors."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import sepay_sdk
from conftest import TOKEN, Sandbox

BAD_PARAMS: list[tuple[str, dict[str, Any], str, str]] = [
    # (operation, kwargs, field named, words in the message)
    ("v1.transactions.list", {"limt": 5}, "limt", "expected one of: account_number"),
    ("v1.transactions.list", {"since_id": "ten"}, "since_id", "invalid type"),
    ("v1.transactions.list", {"since_id": -1}, "since_id", "invalid value"),
    ("v1.transactions.list", {"limit": 0}, "limit", "between 1 and 5000"),
    ("v1.transactions.list", {"limit": 5001}, "limit", "between 1 and 5000"),
    ("v1.transactions.list", {"amount_in": Decimal("-1")}, "amount_in", "negative"),
    ("v1.transactions.list", {"amount_out": "1,000"}, "amount_out", "expected an amount"),
    ("v1.transactions.count", {"limit": 5}, "limit", "not a parameter"),
    ("v1.transactions.list", {"transaction_date_min": "2025-13-01"}, "transaction_date_min", "YYYY-MM-DD"),
    ("v1.bank_accounts.list", {"limit": 0}, "limit", "at least 1"),
    ("v2.transactions.list", {"per_page": 101}, "per_page", "between 1 and 100"),
    ("v2.transactions.list", {"page": 0}, "page", "at least 1"),
    ("v2.transactions.list", {"transfer_type": "sideways"}, "transfer_type", "unknown variant"),
    ("v2.transactions.list", {"amount_in_min": Decimal("1.5")}, "amount_in_min", "whole"),
    ("v2.transactions.list", {"webhook_success": "yes"}, "webhook_success", "invalid type"),
    ("v2.transactions.list", {"q": object()}, "q", "unsupported value of type object"),
    ("v2.bank_accounts.list", {"active": 1}, "active", "invalid type"),
    ("v2.bank_accounts.list", {"accumulated_sort": "up"}, "accumulated_sort", "unknown variant"),
]


def method(client: Any, operation: str) -> Callable[..., Any]:
    target = client
    for part in operation.split("."):
        target = getattr(target, part)
    assert callable(target)
    return target  # type: ignore[no-any-return]


@pytest.mark.parametrize("operation,kwargs,field,words", BAD_PARAMS)
def test_bad_parameters(
    client: sepay_sdk.Client, operation: str, kwargs: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(sepay_sdk.ValidationError) as info:
        method(client, operation)(**kwargs)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.status is None, "refused before sending"
    assert e.operation in (operation, operation.replace(".count", ".list"))
    assert [f.field for f in e.field_errors] == [field]
    assert words in str(e), str(e)
    assert str(e).startswith(e.operation + ": invalid request")


def test_bad_input_in_iter_is_raised_at_once_or_on_first_item(client: sepay_sdk.Client) -> None:
    with pytest.raises(sepay_sdk.ValidationError, match="limt"):
        client.v1.transactions.iter(limt=3)  # type: ignore[call-arg]
    pages = client.v2.transactions.iter(per_page=500)
    with pytest.raises(sepay_sdk.ValidationError, match="per_page"):
        next(pages)


def test_empty_ids(client: sepay_sdk.Client) -> None:
    with pytest.raises(sepay_sdk.ValidationError, match="id must not be empty"):
        client.v1.transactions.get("")
    with pytest.raises(sepay_sdk.ValidationError, match="va_id"):
        client.v2.virtual_accounts.get("abc", " ")
    with pytest.raises(TypeError):
        client.v1.transactions.get(12)  # type: ignore[arg-type]


def test_not_found(client: sepay_sdk.Client) -> None:
    with pytest.raises(sepay_sdk.NotFoundError) as info:
        client.v2.transactions.get("00000000-0000-0000-0000-000000000000")
    assert info.value.status == 404 and info.value.code == "not_found"
    assert info.value.message and info.value.message in str(info.value)
    with pytest.raises(sepay_sdk.NotFoundError) as v1:
        client.v1.transactions.get("99999999")
    assert v1.value.status == 404


def test_wrong_token(sandbox: Sandbox) -> None:
    client = sepay_sdk.Client("WRONG" * 13, base_url=sandbox.url, requests_per_second=0)
    with pytest.raises(sepay_sdk.AuthenticationError) as v1:
        client.v1.transactions.list()
    assert v1.value.status == 200 and "empty body" in str(v1.value)
    with pytest.raises(sepay_sdk.AuthenticationError) as v2:
        client.v2.transactions.list()
    assert v2.value.status == 401 and v2.value.code == "unauthorized"


@pytest.mark.parametrize(
    "kwargs,words",
    [
        ({}, "choose an environment"),
        ({"environment": "live", "base_url": "http://127.0.0.1:1"}, "not both"),
        ({"environment": "production"}, '"live" or "sandbox"'),
        ({"base_url": "http://example.com"}, "plain HTTP"),
        ({"base_url": "not a url"}, "invalid base URL"),
        ({"environment": "live", "timeout": -1.0}, "timeout must be"),
        ({"environment": "live", "timeout": 0.0}, "timeout must be > 0"),
    ],
)
def test_configuration_errors(kwargs: dict[str, Any], words: str) -> None:
    with pytest.raises(sepay_sdk.ConfigurationError) as info:
        sepay_sdk.Client(TOKEN, **kwargs)
    assert words in str(info.value), str(info.value)


def test_token_is_checked() -> None:
    with pytest.raises(sepay_sdk.ConfigurationError, match="API token"):
        sepay_sdk.AsyncClient("", environment="live")
    with pytest.raises(sepay_sdk.ConfigurationError, match="whitespace"):
        sepay_sdk.Client("abc def", environment="live")


def test_pagination_refuses_to_guess(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox("--transactions", "120", "--rate-limit", "0", "--v1-order", "desc")
    client = sb.client()
    with pytest.raises(sepay_sdk.PaginationError, match="newest-first") as info:
        list(client.v1.transactions.iter(limit=50))
    assert info.value.operation == "v1.transactions.list"


def test_errors_pickle_with_their_details(client: sepay_sdk.Client) -> None:
    with pytest.raises(sepay_sdk.ValidationError) as info:
        client.v2.transactions.list(per_page=0)
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is sepay_sdk.ValidationError
    assert str(copy) == str(info.value) and copy.field_errors == info.value.field_errors
    assert copy.operation == "v2.transactions.list"


def test_every_error_derives_from_the_base_class() -> None:
    for name in sepay_sdk.errors.__all__:
        cls = getattr(sepay_sdk, name)
        if name not in ("FieldError", "Cause"):
            assert issubclass(cls, sepay_sdk.SePayError), name
