"""Type stubs of the compiled extension (Rust, pyo3). Keyword filters are
declared once per operation as a TypedDict; tests/test_parity.py checks them
against the core's parameter lists."""

import builtins
from collections.abc import AsyncIterator, Awaitable, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, Literal, Protocol, TypedDict, TypeVar, final

from typing_extensions import Self, Unpack

from ._enums import (
    LinkPurpose,
    OrderBank,
    QrTemplate,
    VaOrderStatus,
    VaStatus,
    WebhookAuthType,
    WebhookEventType,
)
from .tokens import TokenStore
from .webhooks import DedupStore, Delivery, Encoding

_T = TypeVar("_T")

DateLike = date | str
"""A day (`date`, "YYYY-MM-DD"), or a time (`datetime`; naive means Vietnam time)."""
Money = Decimal | int | str
"""An exact amount: `Decimal`, `int` or decimal text."""
SortOrder = Literal["asc", "desc"]
TransferType = Literal["in", "out"]

OPERATIONS: tuple[str, ...]
"""Every operation of the core, e.g. "v2.transactions.iter"."""
OPERATION_PARAMS: dict[str, tuple[str, ...]]
"""Keyword parameters of each operation that takes filters."""
__version__: str

# ---------------------------------------------------------------- models

@final
class V1Transaction:
    """A bank transaction as User API v1 reports it."""
    @property
    def id(self) -> str: ...
    @property
    def bank_brand_name(self) -> str: ...
    @property
    def account_number(self) -> str: ...
    @property
    def transaction_date(self) -> datetime: ...
    @property
    def amount_in(self) -> Decimal: ...
    @property
    def amount_out(self) -> Decimal: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def transaction_content(self) -> str: ...
    @property
    def reference_number(self) -> str | None: ...
    @property
    def code(self) -> str | None: ...
    @property
    def sub_account(self) -> str | None: ...
    @property
    def bank_account_id(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class V1BankAccount:
    """A bank account as User API v1 reports it."""
    @property
    def id(self) -> str: ...
    @property
    def account_holder_name(self) -> str: ...
    @property
    def account_number(self) -> str: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def last_transaction(self) -> datetime | None: ...
    @property
    def label(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def created_at(self) -> datetime | None: ...
    @property
    def bank_short_name(self) -> str: ...
    @property
    def bank_full_name(self) -> str: ...
    @property
    def bank_bin(self) -> str: ...
    @property
    def bank_code(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class V2Transaction:
    """A bank transaction as User API v2 reports it."""
    @property
    def id(self) -> str: ...
    @property
    def transaction_date(self) -> datetime: ...
    @property
    def account_number(self) -> str: ...
    @property
    def va(self) -> str | None: ...
    @property
    def transfer_type(self) -> TransferType: ...
    @property
    def amount_in(self) -> Decimal: ...
    @property
    def amount_out(self) -> Decimal: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def transaction_content(self) -> str: ...
    @property
    def reference_number(self) -> str | None: ...
    @property
    def code(self) -> str | None: ...
    @property
    def bank_brand_name(self) -> str: ...
    @property
    def bank_account_id(self) -> str: ...
    @property
    def va_id(self) -> str | None: ...
    @property
    def webhook_success(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class V2BankAccount:
    """A bank account as User API v2 reports it."""
    @property
    def id(self) -> str: ...
    @property
    def account_holder_name(self) -> str: ...
    @property
    def account_number(self) -> str: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def last_transaction(self) -> datetime | None: ...
    @property
    def label(self) -> str: ...
    @property
    def account_type(self) -> str | None: ...
    @property
    def active(self) -> bool: ...
    @property
    def created_at(self) -> datetime | None: ...
    @property
    def bank_short_name(self) -> str: ...
    @property
    def bank_full_name(self) -> str: ...
    @property
    def bank_bin(self) -> str: ...
    @property
    def bank_code(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class V2VirtualAccount:
    """A virtual account (VA) under a bank account."""
    @property
    def id(self) -> str: ...
    @property
    def va(self) -> str: ...
    @property
    def sub_holder_name(self) -> str | None: ...
    @property
    def label(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def official(self) -> bool: ...
    @property
    def is_static(self) -> bool: ...
    @property
    def bank_account_id(self) -> str: ...
    @property
    def created_at(self) -> datetime | None: ...
    @property
    def updated_at(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Terminal:
    """A Vietcombank terminal (its `tid` is needed to create VCB orders)."""
    @property
    def id(self) -> str | None: ...
    @property
    def tid(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Pagination:
    """SePay's page metadata."""
    @property
    def total(self) -> int: ...
    @property
    def per_page(self) -> int: ...
    @property
    def current_page(self) -> int: ...
    @property
    def last_page(self) -> int: ...
    @property
    def has_more(self) -> bool | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Page(Generic[_T]):
    """One page of a v2 list. Iterating it walks this page only."""
    @property
    def items(self) -> builtins.list[_T]: ...
    @property
    def pagination(self) -> Pagination | None: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_T]: ...
    def __getitem__(self, index: int) -> _T: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Paginator(Iterator[_T]):
    """Every item of a list, one request per page: `for item in ...`."""
    def __iter__(self) -> Self: ...
    def __next__(self) -> _T: ...

@final
class AsyncPaginator(AsyncIterator[_T]):
    """Every item of a list, one request per page: `async for item in ...`."""
    def __aiter__(self) -> Self: ...
    def __anext__(self) -> Awaitable[_T]: ...

# ---------------------------------------------------------------- filters

class V1TransactionFilters(TypedDict, total=False):
    account_number: str | None
    transaction_date_min: DateLike | None
    transaction_date_max: DateLike | None
    since_id: int | None
    limit: int | None
    """1-5000 (SePay's default 5000)."""
    reference_number: str | None
    amount_in: Money | None
    amount_out: Money | None

class V1TransactionCountFilters(TypedDict, total=False):
    account_number: str | None
    transaction_date_min: DateLike | None
    transaction_date_max: DateLike | None
    since_id: int | None

class V1BankAccountFilters(TypedDict, total=False):
    short_name: str | None
    last_transaction_date_min: DateLike | None
    last_transaction_date_max: DateLike | None
    since_id: int | None
    limit: int | None
    accumulated_min: Money | None
    accumulated_max: Money | None

class V1BankAccountCountFilters(TypedDict, total=False):
    short_name: str | None
    last_transaction_date_min: DateLike | None
    last_transaction_date_max: DateLike | None
    since_id: int | None
    accumulated_min: Money | None
    accumulated_max: Money | None

class V2TransactionFilters(TypedDict, total=False):
    q: str | None
    bank_account_id: str | None
    va_id: str | None
    bank_brand_name: str | None
    transaction_date_from: DateLike | None
    transaction_date_to: DateLike | None
    amount_in_min: Money | None
    amount_in_max: Money | None
    amount_out_min: Money | None
    amount_out_max: Money | None
    reference_number: str | None
    transaction_content: str | None
    transfer_type: TransferType | None
    webhook_success: bool | None
    since_id: str | None
    transaction_date_sort: SortOrder | None
    amount_in_sort: SortOrder | None
    amount_out_sort: SortOrder | None
    page: int | None
    per_page: int | None
    """1-100 (SePay's default 20; `iter()` uses 100)."""

class V2BankAccountFilters(TypedDict, total=False):
    bank_short_name: str | None
    last_transaction_from: DateLike | None
    last_transaction_to: DateLike | None
    accumulated_min: Money | None
    accumulated_max: Money | None
    q: str | None
    active: bool | None
    created_at_sort: SortOrder | None
    last_transaction_sort: SortOrder | None
    accumulated_sort: SortOrder | None
    page: int | None
    per_page: int | None

class V2VirtualAccountFilters(TypedDict, total=False):
    q: str | None
    active: bool | None
    official: bool | None
    is_static: bool | None
    created_at_sort: SortOrder | None
    page: int | None
    per_page: int | None

# ---------------------------------------------------------------- VA orders

@final
class OrderVa:
    """One virtual account of a VA order."""
    @property
    def va_number(self) -> str: ...
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def paid_amount(self) -> Decimal | None: ...
    @property
    def status(self) -> VaStatus: ...
    @property
    def va_holder_name(self) -> str | None: ...
    @property
    def expired_at(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class VaOrder:
    """A VA order: an order with its own virtual account(s) and amount."""
    @property
    def id(self) -> str: ...
    @property
    def order_code(self) -> str: ...
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def paid_amount(self) -> Decimal | None: ...
    @property
    def status(self) -> VaOrderStatus: ...
    @property
    def va_number(self) -> str | None: ...
    @property
    def va_holder_name(self) -> str | None: ...
    @property
    def bank_name(self) -> str: ...
    @property
    def account_holder_name(self) -> str | None: ...
    @property
    def account_number(self) -> str | None: ...
    @property
    def expired_at(self) -> datetime | None: ...
    @property
    def created_at(self) -> datetime | None: ...
    @property
    def qr_code(self) -> str | None: ...
    @property
    def qr_code_url(self) -> str | None: ...
    @property
    def virtual_accounts(self) -> builtins.list[OrderVa]: ...
    def to_dict(self) -> dict[str, Any]: ...

class VaOrderFields(TypedDict, total=False):
    """Fields of a new VA order (or of a VA added to one); bank rules are checked before sending."""
    order_code: str | None
    """Letters and digits, 6-50 (Vietcombank 6-15); generated when omitted."""
    amount: Money | None
    """Whole dong; required except for BIDV (omitted: any amount)."""
    va_holder_name: str | None
    """BIDV only: A-Z, 0-9 and spaces."""
    duration: int | None
    """Seconds the VA accepts payment."""
    with_qrcode: bool | None
    qrcode_template: QrTemplate | Literal["compact", "qronly"] | None
    tid: str | None
    """Vietcombank terminal id (required for Vietcombank; see `v2.terminals.list`)."""
    va_prefix: str | None
    """Sacombank VA prefix (required for Sacombank)."""

# ---------------------------------------------------------------- OAuth2 and Bank Hub

@final
class OAuthTokens:
    """One SePay user's OAuth2 tokens, as a token store keeps them. Masked in
    `repr()`; the attributes hold them in clear so a store can persist them."""
    def __init__(
        self,
        access_token: str,
        refresh_token: str | None = None,
        expires_at: int | None = None,
        scope: str | None = None,
    ) -> None: ...
    @property
    def access_token(self) -> str: ...
    @property
    def refresh_token(self) -> str | None: ...
    @property
    def expires_at(self) -> int | None:
        """Unix seconds."""
    @property
    def scope(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Me:
    """The authorizing SePay user (`oauth.me()`)."""
    @property
    def id(self) -> str: ...
    @property
    def first_name(self) -> str | None: ...
    @property
    def last_name(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def avatar(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthBank:
    """The bank of an OAuth2 bank account."""
    @property
    def short_name(self) -> str: ...
    @property
    def full_name(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def bin(self) -> str: ...
    @property
    def icon_url(self) -> str | None: ...
    @property
    def logo_url(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthBankAccount:
    """A bank account seen through OAuth2."""
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def account_holder_name(self) -> str: ...
    @property
    def account_number(self) -> str: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def active(self) -> bool: ...
    @property
    def created_at(self) -> datetime | None: ...
    @property
    def bank(self) -> OAuthBank | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthSubAccount:
    """A sub-account (VA) of a bank account seen through OAuth2."""
    @property
    def id(self) -> str: ...
    @property
    def account_number(self) -> str | None: ...
    @property
    def label(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthTransaction:
    """A transaction seen through OAuth2."""
    @property
    def id(self) -> str: ...
    @property
    def transaction_date(self) -> datetime | None: ...
    @property
    def account_number(self) -> str: ...
    @property
    def amount_in(self) -> Decimal: ...
    @property
    def amount_out(self) -> Decimal: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def transaction_content(self) -> str: ...
    @property
    def reference_number(self) -> str | None: ...
    @property
    def code(self) -> str | None: ...
    @property
    def bank_account_id(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthWebhook:
    """A webhook registered in SePay through OAuth2 (`api_key` masked)."""
    @property
    def id(self) -> str: ...
    @property
    def bank_account_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def event_type(self) -> WebhookEventType: ...
    @property
    def authen_type(self) -> WebhookAuthType: ...
    @property
    def webhook_url(self) -> str: ...
    @property
    def is_verify_payment(self) -> bool: ...
    @property
    def skip_if_no_code(self) -> bool: ...
    @property
    def only_va(self) -> bool: ...
    @property
    def active(self) -> bool: ...
    @property
    def request_content_type(self) -> str: ...
    @property
    def api_key(self) -> str | None: ...
    @property
    def bank_sub_account_ids(self) -> builtins.list[str]: ...
    @property
    def created_at(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class LinkToken:
    """A hosted Bank Hub linking session: open `hosted_link_url` in a WebView."""
    @property
    def xid(self) -> str: ...
    @property
    def hosted_link_url(self) -> str: ...
    @property
    def link_token(self) -> str: ...
    @property
    def expires_at(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class LinkSession:
    """One linking session of a link token."""
    @property
    def xid(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def status(self) -> str | None: ...
    @property
    def finished_at(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class LinkTokenInfo:
    """A link token's state (`link_tokens.get`)."""
    @property
    def xid(self) -> str: ...
    @property
    def purpose(self) -> LinkPurpose: ...
    @property
    def status(self) -> str: ...
    @property
    def completion_redirect_uri(self) -> str | None: ...
    @property
    def session_count(self) -> int: ...
    @property
    def expires_at(self) -> datetime | None: ...
    @property
    def sessions(self) -> builtins.list[LinkSession]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Company:
    """A Bank Hub company (an end customer of the platform)."""
    @property
    def xid(self) -> str: ...
    @property
    def full_name(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def created_at(self) -> datetime | None: ...
    @property
    def updated_at(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class CounterDay:
    """Transaction counts of one day."""
    @property
    def date(self) -> str: ...
    @property
    def transaction(self) -> int: ...
    @property
    def transaction_in(self) -> int: ...
    @property
    def transaction_out(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class CounterTotal:
    """Transaction count totals."""
    @property
    def transaction(self) -> int: ...
    @property
    def transaction_in(self) -> int: ...
    @property
    def transaction_out(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class CompanyCounter:
    """Transaction counts of a company (`companies.counter`)."""
    @property
    def dates(self) -> builtins.list[CounterDay]: ...
    @property
    def total(self) -> CounterTotal: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubBankAccount:
    """A bank account linked through Bank Hub."""
    @property
    def xid(self) -> str: ...
    @property
    def company_xid(self) -> str | None: ...
    @property
    def brand_name(self) -> str: ...
    @property
    def account_holder_name(self) -> str: ...
    @property
    def account_number(self) -> str: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def account_type(self) -> str | None: ...
    @property
    def bank_api_connected(self) -> bool: ...
    @property
    def active(self) -> bool: ...
    @property
    def last_transaction(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubTransaction:
    """A Bank Hub transaction."""
    @property
    def transaction_id(self) -> str: ...
    @property
    def transaction_date(self) -> datetime | None: ...
    @property
    def bank_account_xid(self) -> str | None: ...
    @property
    def company_xid(self) -> str | None: ...
    @property
    def brand_name(self) -> str: ...
    @property
    def account_number(self) -> str: ...
    @property
    def va(self) -> str | None: ...
    @property
    def reference_number(self) -> str | None: ...
    @property
    def transfer_type(self) -> TransferType: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def transaction_content(self) -> str: ...
    @property
    def payment_code(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class MerchantConfig:
    """The Bank Hub merchant configuration."""
    @property
    def transaction_whitelist_remark_keywords(self) -> builtins.list[str]: ...
    @property
    def logo_url(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubWebhook:
    """The Bank Hub merchant webhook (`secret_key` masked)."""
    @property
    def webhook_url(self) -> str: ...
    @property
    def auth_type(self) -> str: ...
    @property
    def secret_key(self) -> str | None: ...
    @property
    def request_content_type(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def allow_events(self) -> builtins.list[str]: ...
    def to_dict(self) -> dict[str, Any]: ...

class OAuthListFilters(TypedDict, total=False):
    """Filters and paging of OAuth2 lists (each list uses the ones that apply)."""
    bank_account_id: str | None
    account_number: str | None
    reference_number: str | None
    from_date: DateLike | None
    to_date: DateLike | None
    webhook_url: str | None
    active: bool | None
    page: int | None
    limit: int | None
    """Page size, 1-100."""

class OAuthWebhookFields(TypedDict, total=False):
    """Fields of an OAuth2 webhook to create (the first five are required) or change."""
    bank_account_id: str | None
    name: str | None
    event_type: WebhookEventType | str | None
    authen_type: WebhookAuthType | str | None
    webhook_url: str | None
    api_key: str | None
    """API key SePay sends in `Api_Key` mode."""
    is_verify_payment: bool | None
    skip_if_no_code: bool | None
    only_va: bool | None
    active: bool | None
    request_content_type: str | None

class BankHubListFilters(TypedDict, total=False):
    """Filters and paging of Bank Hub lists (each list uses the ones that apply)."""
    q: str | None
    company_xid: str | None
    bank_account_xid: str | None
    status: str | None
    start_transaction_date: date | str | None
    end_transaction_date: date | str | None
    transfer_type: TransferType | None
    page: int | None
    per_page: int | None

class CompanyEditFields(TypedDict, total=False):
    """Fields of a Bank Hub company to change."""
    full_name: str | None
    short_name: str | None
    status: Literal["Active", "Pending"] | None
    payment_code: Literal["on", "off"] | None
    payment_code_prefix: str | None
    payment_code_suffix_from: int | None
    payment_code_suffix_to: int | None
    payment_code_suffix_character_type: Literal["NumberOnly", "NumberAndLetter"] | None

# ---------------------------------------------------------------- payment gateway

PgOperation = Literal["PURCHASE", "VERIFY"]
PgPaymentMethod = Literal["CARD", "BANK_TRANSFER", "NAPAS_BANK_TRANSFER"]

@final
class PgTransaction:
    """One payment attempt of a payment gateway order."""
    @property
    def id(self) -> str: ...
    @property
    def payment_method(self) -> str: ...
    @property
    def transaction_type(self) -> str: ...
    @property
    def transaction_amount(self) -> Decimal: ...
    @property
    def transaction_currency(self) -> str: ...
    @property
    def transaction_status(self) -> str: ...
    @property
    def authentication_status(self) -> str | None: ...
    @property
    def card_number(self) -> str | None: ...
    @property
    def card_holder_name(self) -> str | None: ...
    @property
    def card_brand(self) -> str | None: ...
    @property
    def transaction_date(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgOrder:
    """A payment gateway order (`order_status` e.g. "CAPTURED", "CANCELLED")."""
    @property
    def id(self) -> str: ...
    @property
    def customer_id(self) -> str | None: ...
    @property
    def order_id(self) -> str: ...
    @property
    def order_invoice_number(self) -> str: ...
    @property
    def order_status(self) -> str: ...
    @property
    def order_amount(self) -> Decimal: ...
    @property
    def order_currency(self) -> str: ...
    @property
    def order_description(self) -> str: ...
    @property
    def authentication_status(self) -> str | None: ...
    @property
    def created_at(self) -> datetime | None: ...
    @property
    def updated_at(self) -> datetime | None: ...
    @property
    def transactions(self) -> builtins.list[PgTransaction]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class CheckoutForm:
    """The form to POST to SePay's hosted checkout, fields in signed order."""
    @property
    def action(self) -> str: ...
    @property
    def fields(self) -> builtins.list[tuple[str, str]]: ...
    @property
    def signature(self) -> str: ...
    def to_html(self, submit_label: str = "Pay") -> str: ...
    def to_dict(self) -> dict[str, str]: ...

class PgOrderFilters(TypedDict, total=False):
    q: str | None
    order_status: str | None
    customer_id: str | None
    from_created_at: DateLike | None
    to_created_at: DateLike | None
    created_at_sort: SortOrder | None
    page: int | None
    per_page: int | None
    """1-100 (SePay's default 20)."""

# ---------------------------------------------------------------- operations

# --- generated from sepay::operations::TABLE by tools/codegen: do not edit ---

class V1Transactions:
    """User API v1 transactions."""
    def list(self, **filters: Unpack[V1TransactionFilters]) -> builtins.list[V1Transaction]:
        """One batch of transactions (`limit` up to 5000, newest first)."""
    def iter(self, **filters: Unpack[V1TransactionFilters]) -> Paginator[V1Transaction]:
        """Every matching transaction, oldest first, checked against the count endpoint."""
    def get(self, id: str) -> V1Transaction:
        """One transaction by id."""
    def count(self, **filters: Unpack[V1TransactionCountFilters]) -> int:
        """How many transactions match."""

class AsyncV1Transactions:
    """User API v1 transactions."""
    def list(
        self, **filters: Unpack[V1TransactionFilters]
    ) -> Awaitable[builtins.list[V1Transaction]]:
        """One batch of transactions (`limit` up to 5000, newest first)."""
    def iter(self, **filters: Unpack[V1TransactionFilters]) -> AsyncPaginator[V1Transaction]:
        """Every matching transaction, oldest first, checked against the count endpoint."""
    def get(self, id: str) -> Awaitable[V1Transaction]:
        """One transaction by id."""
    def count(self, **filters: Unpack[V1TransactionCountFilters]) -> Awaitable[int]:
        """How many transactions match."""

class V1BankAccounts:
    """User API v1 bank accounts."""
    def list(self, **filters: Unpack[V1BankAccountFilters]) -> builtins.list[V1BankAccount]:
        """One batch of bank accounts."""
    def iter(self, **filters: Unpack[V1BankAccountFilters]) -> Paginator[V1BankAccount]:
        """Every matching bank account, oldest first, checked against the count endpoint."""
    def get(self, id: str) -> V1BankAccount:
        """One bank account by id."""
    def count(self, **filters: Unpack[V1BankAccountCountFilters]) -> int:
        """How many bank accounts match."""

class AsyncV1BankAccounts:
    """User API v1 bank accounts."""
    def list(
        self, **filters: Unpack[V1BankAccountFilters]
    ) -> Awaitable[builtins.list[V1BankAccount]]:
        """One batch of bank accounts."""
    def iter(self, **filters: Unpack[V1BankAccountFilters]) -> AsyncPaginator[V1BankAccount]:
        """Every matching bank account, oldest first, checked against the count endpoint."""
    def get(self, id: str) -> Awaitable[V1BankAccount]:
        """One bank account by id."""
    def count(self, **filters: Unpack[V1BankAccountCountFilters]) -> Awaitable[int]:
        """How many bank accounts match."""

class VaOrders:
    """VA orders of `client.v1` (BIDV only) or `client.v2` (BIDV, Vietcombank, Sacombank)."""
    def list(
        self, bank_account_id: str, *, page: int | None = None, per_page: int | None = None
    ) -> Page[VaOrder]:
        """One page of a bank account's VA orders."""
    def create(
        self,
        bank_account_id: str,
        *,
        bank: OrderBank | str | None = None,
        **fields: Unpack[VaOrderFields],
    ) -> VaOrder:
        """Creates a VA order with its first VA."""
    def get(self, bank_account_id: str, order_id: str) -> VaOrder:
        """One VA order."""
    def cancel(self, bank_account_id: str, order_id: str) -> None:
        """Cancels an order and its unpaid VAs."""
    def add_va(
        self,
        bank_account_id: str,
        order_id: str,
        *,
        bank: OrderBank | str | None = None,
        **fields: Unpack[VaOrderFields],
    ) -> VaOrder:
        """Adds another VA to an order."""
    def cancel_va(self, bank_account_id: str, order_id: str, va_number: str) -> None:
        """Cancels one unpaid VA of an order."""

class AsyncVaOrders:
    """VA orders of `client.v1` (BIDV only) or `client.v2` (BIDV, Vietcombank, Sacombank)."""
    def list(
        self, bank_account_id: str, *, page: int | None = None, per_page: int | None = None
    ) -> Awaitable[Page[VaOrder]]:
        """One page of a bank account's VA orders."""
    def create(
        self,
        bank_account_id: str,
        *,
        bank: OrderBank | str | None = None,
        **fields: Unpack[VaOrderFields],
    ) -> Awaitable[VaOrder]:
        """Creates a VA order with its first VA."""
    def get(self, bank_account_id: str, order_id: str) -> Awaitable[VaOrder]:
        """One VA order."""
    def cancel(self, bank_account_id: str, order_id: str) -> Awaitable[None]:
        """Cancels an order and its unpaid VAs."""
    def add_va(
        self,
        bank_account_id: str,
        order_id: str,
        *,
        bank: OrderBank | str | None = None,
        **fields: Unpack[VaOrderFields],
    ) -> Awaitable[VaOrder]:
        """Adds another VA to an order."""
    def cancel_va(self, bank_account_id: str, order_id: str, va_number: str) -> Awaitable[None]:
        """Cancels one unpaid VA of an order."""

class V1:
    """User API v1 (`client.v1`): transactions, bank accounts, BIDV VA orders."""
    @property
    def transactions(self) -> V1Transactions: ...
    @property
    def bank_accounts(self) -> V1BankAccounts: ...
    @property
    def orders(self) -> VaOrders: ...

class AsyncV1:
    """User API v1 (`client.v1`): transactions, bank accounts, BIDV VA orders."""
    @property
    def transactions(self) -> AsyncV1Transactions: ...
    @property
    def bank_accounts(self) -> AsyncV1BankAccounts: ...
    @property
    def orders(self) -> AsyncVaOrders: ...

class V2Transactions:
    """User API v2 transactions."""
    def list(self, **filters: Unpack[V2TransactionFilters]) -> Page[V2Transaction]:
        """One page of transactions (`page`, `per_page` up to 100)."""
    def iter(self, **filters: Unpack[V2TransactionFilters]) -> Paginator[V2Transaction]:
        """Every matching transaction, page by page (oldest first unless sorted)."""
    def get(self, id: str) -> V2Transaction:
        """One transaction by id (UUID)."""

class AsyncV2Transactions:
    """User API v2 transactions."""
    def list(self, **filters: Unpack[V2TransactionFilters]) -> Awaitable[Page[V2Transaction]]:
        """One page of transactions (`page`, `per_page` up to 100)."""
    def iter(self, **filters: Unpack[V2TransactionFilters]) -> AsyncPaginator[V2Transaction]:
        """Every matching transaction, page by page (oldest first unless sorted)."""
    def get(self, id: str) -> Awaitable[V2Transaction]:
        """One transaction by id (UUID)."""

class V2BankAccounts:
    """User API v2 bank accounts."""
    def list(self, **filters: Unpack[V2BankAccountFilters]) -> Page[V2BankAccount]:
        """One page of bank accounts."""
    def iter(self, **filters: Unpack[V2BankAccountFilters]) -> Paginator[V2BankAccount]:
        """Every matching bank account, page by page."""
    def get(self, id: str) -> V2BankAccount:
        """One bank account by id (UUID)."""

class AsyncV2BankAccounts:
    """User API v2 bank accounts."""
    def list(self, **filters: Unpack[V2BankAccountFilters]) -> Awaitable[Page[V2BankAccount]]:
        """One page of bank accounts."""
    def iter(self, **filters: Unpack[V2BankAccountFilters]) -> AsyncPaginator[V2BankAccount]:
        """Every matching bank account, page by page."""
    def get(self, id: str) -> Awaitable[V2BankAccount]:
        """One bank account by id (UUID)."""

class V2VirtualAccounts:
    """Virtual accounts (VAs) of a bank account."""
    def list(
        self, bank_account_id: str, **filters: Unpack[V2VirtualAccountFilters]
    ) -> Page[V2VirtualAccount]:
        """One page of a bank account's virtual accounts."""
    def iter(
        self, bank_account_id: str, **filters: Unpack[V2VirtualAccountFilters]
    ) -> Paginator[V2VirtualAccount]:
        """Every virtual account of a bank account, page by page."""
    def get(self, bank_account_id: str, va_id: str) -> V2VirtualAccount:
        """One virtual account of a bank account."""

class AsyncV2VirtualAccounts:
    """Virtual accounts (VAs) of a bank account."""
    def list(
        self, bank_account_id: str, **filters: Unpack[V2VirtualAccountFilters]
    ) -> Awaitable[Page[V2VirtualAccount]]:
        """One page of a bank account's virtual accounts."""
    def iter(
        self, bank_account_id: str, **filters: Unpack[V2VirtualAccountFilters]
    ) -> AsyncPaginator[V2VirtualAccount]:
        """Every virtual account of a bank account, page by page."""
    def get(self, bank_account_id: str, va_id: str) -> Awaitable[V2VirtualAccount]:
        """One virtual account of a bank account."""

class V2Terminals:
    """Terminals of a (Vietcombank) bank account."""
    def list(self, bank_account_id: str) -> builtins.list[Terminal]:
        """The terminals of a (Vietcombank) bank account."""

class AsyncV2Terminals:
    """Terminals of a (Vietcombank) bank account."""
    def list(self, bank_account_id: str) -> Awaitable[builtins.list[Terminal]]:
        """The terminals of a (Vietcombank) bank account."""

class V2:
    """User API v2 (`client.v2`): transactions, bank accounts, virtual accounts, terminals, VA orders."""
    @property
    def transactions(self) -> V2Transactions: ...
    @property
    def bank_accounts(self) -> V2BankAccounts: ...
    @property
    def virtual_accounts(self) -> V2VirtualAccounts: ...
    @property
    def terminals(self) -> V2Terminals: ...
    @property
    def orders(self) -> VaOrders: ...

class AsyncV2:
    """User API v2 (`client.v2`): transactions, bank accounts, virtual accounts, terminals, VA orders."""
    @property
    def transactions(self) -> AsyncV2Transactions: ...
    @property
    def bank_accounts(self) -> AsyncV2BankAccounts: ...
    @property
    def virtual_accounts(self) -> AsyncV2VirtualAccounts: ...
    @property
    def terminals(self) -> AsyncV2Terminals: ...
    @property
    def orders(self) -> AsyncVaOrders: ...

class OAuthBankAccounts:
    """OAuth2 bank accounts (scope `bank-account:read`)."""
    def list(self, **filters: Unpack[OAuthListFilters]) -> Page[OAuthBankAccount]:
        """One page of bank accounts (scope `bank-account:read`)."""
    def iter(self, **filters: Unpack[OAuthListFilters]) -> Paginator[OAuthBankAccount]:
        """Every bank account, page by page."""
    def get(self, id: str) -> OAuthBankAccount:
        """One bank account."""
    def sub_accounts(
        self, bank_account_id: str, **filters: Unpack[OAuthListFilters]
    ) -> Page[OAuthSubAccount]:
        """One page of a bank account's sub-accounts."""

class AsyncOAuthBankAccounts:
    """OAuth2 bank accounts (scope `bank-account:read`)."""
    def list(self, **filters: Unpack[OAuthListFilters]) -> Awaitable[Page[OAuthBankAccount]]:
        """One page of bank accounts (scope `bank-account:read`)."""
    def iter(self, **filters: Unpack[OAuthListFilters]) -> AsyncPaginator[OAuthBankAccount]:
        """Every bank account, page by page."""
    def get(self, id: str) -> Awaitable[OAuthBankAccount]:
        """One bank account."""
    def sub_accounts(
        self, bank_account_id: str, **filters: Unpack[OAuthListFilters]
    ) -> Awaitable[Page[OAuthSubAccount]]:
        """One page of a bank account's sub-accounts."""

class OAuthTransactions:
    """OAuth2 transactions (scope `transaction:read`)."""
    def list(self, **filters: Unpack[OAuthListFilters]) -> Page[OAuthTransaction]:
        """One page of transactions (scope `transaction:read`)."""
    def iter(self, **filters: Unpack[OAuthListFilters]) -> Paginator[OAuthTransaction]:
        """Every matching transaction, page by page."""

class AsyncOAuthTransactions:
    """OAuth2 transactions (scope `transaction:read`)."""
    def list(self, **filters: Unpack[OAuthListFilters]) -> Awaitable[Page[OAuthTransaction]]:
        """One page of transactions (scope `transaction:read`)."""
    def iter(self, **filters: Unpack[OAuthListFilters]) -> AsyncPaginator[OAuthTransaction]:
        """Every matching transaction, page by page."""

class OAuthWebhooks:
    """OAuth2 webhooks (scopes `webhook:read`, `webhook:write`, `webhook:delete`)."""
    def list(self, **filters: Unpack[OAuthListFilters]) -> Page[OAuthWebhook]:
        """One page of webhooks (scope `webhook:read`)."""
    def get(self, id: str) -> OAuthWebhook:
        """One webhook."""
    def create(self, **fields: Unpack[OAuthWebhookFields]) -> OAuthWebhook:
        """Creates a webhook (scope `webhook:write`)."""
    def update(self, id: str, **fields: Unpack[OAuthWebhookFields]) -> OAuthWebhook:
        """Changes a webhook (scope `webhook:write`)."""
    def delete(self, id: str) -> None:
        """Deletes a webhook (scope `webhook:delete`)."""

class AsyncOAuthWebhooks:
    """OAuth2 webhooks (scopes `webhook:read`, `webhook:write`, `webhook:delete`)."""
    def list(self, **filters: Unpack[OAuthListFilters]) -> Awaitable[Page[OAuthWebhook]]:
        """One page of webhooks (scope `webhook:read`)."""
    def get(self, id: str) -> Awaitable[OAuthWebhook]:
        """One webhook."""
    def create(self, **fields: Unpack[OAuthWebhookFields]) -> Awaitable[OAuthWebhook]:
        """Creates a webhook (scope `webhook:write`)."""
    def update(self, id: str, **fields: Unpack[OAuthWebhookFields]) -> Awaitable[OAuthWebhook]:
        """Changes a webhook (scope `webhook:write`)."""
    def delete(self, id: str) -> Awaitable[None]:
        """Deletes a webhook (scope `webhook:delete`)."""

class OAuth:
    """OAuth2: the authorization-code flow and the authorizing user's resources."""
    def authorization_url(self, scopes: Iterable[str], state: str) -> str:
        """The URL to send the user to, with the scopes asked for and a `state` to check."""
    def exchange_code(self, code: str) -> OAuthTokens:
        """Exchanges the callback's code for tokens, saves them and starts using them."""
    def me(self) -> Me:
        """The user who granted access (scope `profile`)."""
    def company(self) -> dict[str, Any]:
        """The company, as raw JSON text (scope `company`; shape undocumented)."""
    @property
    def bank_accounts(self) -> OAuthBankAccounts: ...
    @property
    def transactions(self) -> OAuthTransactions: ...
    @property
    def webhooks(self) -> OAuthWebhooks: ...

class AsyncOAuth:
    """OAuth2: the authorization-code flow and the authorizing user's resources."""
    def authorization_url(self, scopes: Iterable[str], state: str) -> str:
        """The URL to send the user to, with the scopes asked for and a `state` to check."""
    def exchange_code(self, code: str) -> Awaitable[OAuthTokens]:
        """Exchanges the callback's code for tokens, saves them and starts using them."""
    def me(self) -> Awaitable[Me]:
        """The user who granted access (scope `profile`)."""
    def company(self) -> Awaitable[dict[str, Any]]:
        """The company, as raw JSON text (scope `company`; shape undocumented)."""
    @property
    def bank_accounts(self) -> AsyncOAuthBankAccounts: ...
    @property
    def transactions(self) -> AsyncOAuthTransactions: ...
    @property
    def webhooks(self) -> AsyncOAuthWebhooks: ...

class LinkTokens:
    """Bank Hub link tokens (hosted bank-linking sessions)."""
    def create(
        self,
        company_xid: str,
        *,
        purpose: LinkPurpose | str = ...,
        completion_redirect_uri: str | None = None,
        bank_account_xid: str | None = None,
    ) -> LinkToken:
        """Creates a hosted link session for a company."""
    def get(self, link_token: str) -> LinkTokenInfo:
        """A link token's state."""
    def revoke(self, link_token_xid: str) -> str:
        """Revokes a link token; returns SePay's message."""

class AsyncLinkTokens:
    """Bank Hub link tokens (hosted bank-linking sessions)."""
    def create(
        self,
        company_xid: str,
        *,
        purpose: LinkPurpose | str = ...,
        completion_redirect_uri: str | None = None,
        bank_account_xid: str | None = None,
    ) -> Awaitable[LinkToken]:
        """Creates a hosted link session for a company."""
    def get(self, link_token: str) -> Awaitable[LinkTokenInfo]:
        """A link token's state."""
    def revoke(self, link_token_xid: str) -> Awaitable[str]:
        """Revokes a link token; returns SePay's message."""

class Companies:
    """Bank Hub companies."""
    def list(self, **filters: Unpack[BankHubListFilters]) -> Page[Company]:
        """One page of companies."""
    def iter(self, **filters: Unpack[BankHubListFilters]) -> Paginator[Company]:
        """Every company, page by page."""
    def get(self, company_xid: str) -> Company:
        """One company."""
    def create(self, full_name: str, *, status: Literal["Active", "Pending"] = "Active") -> str:
        """Creates a company (`status`: `Active` or `Pending`); returns its xid."""
    def edit(self, company_xid: str, **fields: Unpack[CompanyEditFields]) -> str:
        """Changes the fields set (at least one); returns SePay's message."""
    def counter(self, company_xid: str, *, date: date | str | None = None) -> CompanyCounter:
        """Transaction counts of a company (optionally for one day, `YYYY-MM-DD`)."""

class AsyncCompanies:
    """Bank Hub companies."""
    def list(self, **filters: Unpack[BankHubListFilters]) -> Awaitable[Page[Company]]:
        """One page of companies."""
    def iter(self, **filters: Unpack[BankHubListFilters]) -> AsyncPaginator[Company]:
        """Every company, page by page."""
    def get(self, company_xid: str) -> Awaitable[Company]:
        """One company."""
    def create(
        self, full_name: str, *, status: Literal["Active", "Pending"] = "Active"
    ) -> Awaitable[str]:
        """Creates a company (`status`: `Active` or `Pending`); returns its xid."""
    def edit(self, company_xid: str, **fields: Unpack[CompanyEditFields]) -> Awaitable[str]:
        """Changes the fields set (at least one); returns SePay's message."""
    def counter(
        self, company_xid: str, *, date: date | str | None = None
    ) -> Awaitable[CompanyCounter]:
        """Transaction counts of a company (optionally for one day, `YYYY-MM-DD`)."""

class BankHubBankAccounts:
    """Bank accounts linked through Bank Hub."""
    def list(self, **filters: Unpack[BankHubListFilters]) -> Page[BankHubBankAccount]:
        """One page of linked bank accounts."""
    def get(self, xid: str) -> BankHubBankAccount:
        """One linked bank account (path by analogy, UNVERIFIED)."""

class AsyncBankHubBankAccounts:
    """Bank accounts linked through Bank Hub."""
    def list(self, **filters: Unpack[BankHubListFilters]) -> Awaitable[Page[BankHubBankAccount]]:
        """One page of linked bank accounts."""
    def get(self, xid: str) -> Awaitable[BankHubBankAccount]:
        """One linked bank account (path by analogy, UNVERIFIED)."""

class BankHubTransactions:
    """Bank Hub transactions."""
    def list(self, **filters: Unpack[BankHubListFilters]) -> Page[BankHubTransaction]:
        """One page of transactions."""
    def iter(self, **filters: Unpack[BankHubListFilters]) -> Paginator[BankHubTransaction]:
        """Every matching transaction, page by page."""
    def get(self, transaction_id: str) -> BankHubTransaction:
        """One transaction."""

class AsyncBankHubTransactions:
    """Bank Hub transactions."""
    def list(self, **filters: Unpack[BankHubListFilters]) -> Awaitable[Page[BankHubTransaction]]:
        """One page of transactions."""
    def iter(self, **filters: Unpack[BankHubListFilters]) -> AsyncPaginator[BankHubTransaction]:
        """Every matching transaction, page by page."""
    def get(self, transaction_id: str) -> Awaitable[BankHubTransaction]:
        """One transaction."""

class MerchantConfigs:
    """The Bank Hub merchant configuration."""
    def get(self) -> MerchantConfig:
        """The merchant configuration."""
    def update(self, keywords: builtins.list[str]) -> MerchantConfig:
        """Sets the memo keywords a transaction must contain to be kept."""

class AsyncMerchantConfigs:
    """The Bank Hub merchant configuration."""
    def get(self) -> Awaitable[MerchantConfig]:
        """The merchant configuration."""
    def update(self, keywords: builtins.list[str]) -> Awaitable[MerchantConfig]:
        """Sets the memo keywords a transaction must contain to be kept."""

class BankHubWebhooks:
    """The Bank Hub merchant webhook."""
    def get(self) -> BankHubWebhook | None:
        """The merchant's webhook (`None` when there is none)."""
    def set(
        self,
        webhook_url: str,
        *,
        secret_key: str,
        allow_events: builtins.list[str] | None = None,
        active: bool = True,
    ) -> BankHubWebhook:
        """Sets the merchant's webhook; SePay sends `secret_key` back with every event."""

class AsyncBankHubWebhooks:
    """The Bank Hub merchant webhook."""
    def get(self) -> Awaitable[BankHubWebhook | None]:
        """The merchant's webhook (`None` when there is none)."""
    def set(
        self,
        webhook_url: str,
        *,
        secret_key: str,
        allow_events: builtins.list[str] | None = None,
        active: bool = True,
    ) -> Awaitable[BankHubWebhook]:
        """Sets the merchant's webhook; SePay sends `secret_key` back with every event."""

class BankHub:
    """Bank Hub: hosted bank linking, companies, linked accounts and transactions."""
    @property
    def link_tokens(self) -> LinkTokens: ...
    @property
    def companies(self) -> Companies: ...
    @property
    def bank_accounts(self) -> BankHubBankAccounts: ...
    @property
    def transactions(self) -> BankHubTransactions: ...
    @property
    def merchant_config(self) -> MerchantConfigs: ...
    @property
    def webhook(self) -> BankHubWebhooks: ...

class AsyncBankHub:
    """Bank Hub: hosted bank linking, companies, linked accounts and transactions."""
    @property
    def link_tokens(self) -> AsyncLinkTokens: ...
    @property
    def companies(self) -> AsyncCompanies: ...
    @property
    def bank_accounts(self) -> AsyncBankHubBankAccounts: ...
    @property
    def transactions(self) -> AsyncBankHubTransactions: ...
    @property
    def merchant_config(self) -> AsyncMerchantConfigs: ...
    @property
    def webhook(self) -> AsyncBankHubWebhooks: ...

class PgOrders:
    """Payment gateway orders."""
    def list(self, **filters: Unpack[PgOrderFilters]) -> Page[PgOrder]:
        """One page of orders."""
    def iter(self, **filters: Unpack[PgOrderFilters]) -> Paginator[PgOrder]:
        """Every matching order, page by page."""
    def get(self, order_id: str) -> PgOrder:
        """One order by id."""
    def cancel(self, order_invoice_number: str) -> str:
        """Cancels an unpaid order; returns SePay's message."""
    def void(self, order_invoice_number: str) -> str:
        """Voids a card payment; returns SePay's message."""

class AsyncPgOrders:
    """Payment gateway orders."""
    def list(self, **filters: Unpack[PgOrderFilters]) -> Awaitable[Page[PgOrder]]:
        """One page of orders."""
    def iter(self, **filters: Unpack[PgOrderFilters]) -> AsyncPaginator[PgOrder]:
        """Every matching order, page by page."""
    def get(self, order_id: str) -> Awaitable[PgOrder]:
        """One order by id."""
    def cancel(self, order_invoice_number: str) -> Awaitable[str]:
        """Cancels an unpaid order; returns SePay's message."""
    def void(self, order_invoice_number: str) -> Awaitable[str]:
        """Voids a card payment; returns SePay's message."""

class Pg:
    """Payment gateway (`client.pg`); `checkout` sends nothing (no await)."""
    def checkout(
        self,
        *,
        order_amount: Money,
        order_invoice_number: str,
        order_description: str,
        operation: PgOperation = "PURCHASE",
        payment_method: PgPaymentMethod | None = None,
        customer_id: str | None = None,
        success_url: str | None = None,
        error_url: str | None = None,
        cancel_url: str | None = None,
        custom_data: str | None = None,
    ) -> CheckoutForm:
        """The signed form that sends the buyer to SePay's checkout page."""
    @property
    def orders(self) -> PgOrders: ...

class AsyncPg:
    """Payment gateway (`client.pg`); `checkout` sends nothing (no await)."""
    def checkout(
        self,
        *,
        order_amount: Money,
        order_invoice_number: str,
        order_description: str,
        operation: PgOperation = "PURCHASE",
        payment_method: PgPaymentMethod | None = None,
        customer_id: str | None = None,
        success_url: str | None = None,
        error_url: str | None = None,
        cancel_url: str | None = None,
        custom_data: str | None = None,
    ) -> CheckoutForm:
        """The signed form that sends the buyer to SePay's checkout page."""
    @property
    def orders(self) -> AsyncPgOrders: ...

# --- end of generated operations ---

# ---------------------------------------------------------------- clients

@final
class Client:
    """A SePay client whose calls block (with the GIL released) until the answer.

    Give `environment` ("live" or "sandbox") or the `base_url` of a server laid
    out like the `sepay-sandbox` emulator. Durations are in seconds (0 to one
    day); `requests_per_second=0` turns the client-side rate limit off;
    `max_pages` caps the pages one `iter()` walk fetches (default 100,000).
    Blank credentials and out-of-range values raise `ConfigurationError`.
    """
    def __init__(
        self,
        token: str | None = None,
        *,
        environment: Literal["live", "sandbox"] | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        requests_per_second: float | None = None,
        max_attempts: int | None = None,
        max_elapsed: float | None = None,
        initial_backoff: float | None = None,
        max_backoff: float | None = None,
        max_response_bytes: int | None = None,
        max_pages: int | None = None,
        user_agent: str | None = None,
        pg_merchant_id: str | None = None,
        pg_secret_key: str | None = None,
        oauth_client_id: str | None = None,
        oauth_client_secret: str | None = None,
        oauth_redirect_uri: str | None = None,
        oauth_token_store: TokenStore | None = None,
        bank_hub_client_id: str | None = None,
        bank_hub_client_secret: str | None = None,
    ) -> None: ...
    @property
    def v1(self) -> V1: ...
    @property
    def v2(self) -> V2: ...
    @property
    def pg(self) -> Pg: ...
    @property
    def oauth(self) -> OAuth:
        """OAuth2 (needs the `oauth_*` arguments)."""
    @property
    def bank_hub(self) -> BankHub:
        """Bank Hub (needs `bank_hub_client_id` and `bank_hub_client_secret`)."""
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, kind: object, value: object, traceback: object) -> bool: ...

@final
class AsyncClient:
    """A SePay client whose calls return asyncio awaitables. Same arguments as `Client`."""
    def __init__(
        self,
        token: str | None = None,
        *,
        environment: Literal["live", "sandbox"] | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        requests_per_second: float | None = None,
        max_attempts: int | None = None,
        max_elapsed: float | None = None,
        initial_backoff: float | None = None,
        max_backoff: float | None = None,
        max_response_bytes: int | None = None,
        max_pages: int | None = None,
        user_agent: str | None = None,
        pg_merchant_id: str | None = None,
        pg_secret_key: str | None = None,
        oauth_client_id: str | None = None,
        oauth_client_secret: str | None = None,
        oauth_redirect_uri: str | None = None,
        oauth_token_store: TokenStore | None = None,
        bank_hub_client_id: str | None = None,
        bank_hub_client_secret: str | None = None,
    ) -> None: ...
    @property
    def v1(self) -> AsyncV1: ...
    @property
    def v2(self) -> AsyncV2: ...
    @property
    def pg(self) -> AsyncPg: ...
    @property
    def oauth(self) -> AsyncOAuth:
        """OAuth2 (needs the `oauth_*` arguments)."""
    @property
    def bank_hub(self) -> AsyncBankHub:
        """Bank Hub (needs `bank_hub_client_id` and `bank_hub_client_secret`)."""
    def close(self) -> None: ...
    def aclose(self) -> Awaitable[None]: ...
    def __aenter__(self) -> Awaitable[Self]: ...
    def __aexit__(self, kind: object, value: object, traceback: object) -> Awaitable[bool]: ...

# ---------------------------------------------------------------- receiving

FUNCTIONS: tuple[str, ...]
"""Every client-less function of the core, e.g. "webhook.receive", "qr.payload"."""

class _HeaderItems(Protocol):
    """Anything with `items()`: a dict, Flask/Django/Starlette headers, `http.server`'s Message."""
    def items(self) -> Iterable[tuple[str | bytes, str | bytes]]: ...

Headers = _HeaderItems | Iterable[tuple[str | bytes, str | bytes]]
"""Request headers: a mapping (anything with `items()`) or (name, value) pairs."""
Body = bytes | bytearray | memoryview | str
"""The raw request body."""

@final
class WebhookEvent:
    """A user webhook: one bank transaction."""
    @property
    def id(self) -> str: ...
    @property
    def gateway(self) -> str: ...
    @property
    def transaction_date(self) -> datetime: ...
    @property
    def account_number(self) -> str: ...
    @property
    def code(self) -> str | None: ...
    @property
    def content(self) -> str: ...
    @property
    def transfer_type(self) -> TransferType: ...
    @property
    def transfer_amount(self) -> Decimal: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def sub_account(self) -> str | None: ...
    @property
    def reference_code(self) -> str | None: ...
    @property
    def description(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgIpnOrder:
    """The order inside a payment gateway IPN."""
    @property
    def id(self) -> str: ...
    @property
    def order_id(self) -> str | None: ...
    @property
    def order_status(self) -> str: ...
    @property
    def order_currency(self) -> str: ...
    @property
    def order_amount(self) -> Decimal: ...
    @property
    def order_invoice_number(self) -> str: ...
    @property
    def order_description(self) -> str: ...
    @property
    def custom_data(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgIpnTransaction:
    """The transaction inside a payment gateway IPN."""
    @property
    def id(self) -> str: ...
    @property
    def payment_method(self) -> str: ...
    @property
    def transaction_id(self) -> str | None: ...
    @property
    def transaction_type(self) -> str: ...
    @property
    def transaction_date(self) -> datetime | None: ...
    @property
    def transaction_status(self) -> str: ...
    @property
    def transaction_amount(self) -> Decimal: ...
    @property
    def transaction_currency(self) -> str: ...
    @property
    def authentication_status(self) -> str | None: ...
    @property
    def card_number(self) -> str | None: ...
    @property
    def card_holder_name(self) -> str | None: ...
    @property
    def card_expiry(self) -> str | None: ...
    @property
    def card_funding_method(self) -> str | None: ...
    @property
    def card_brand(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgIpn:
    """A payment gateway IPN (`X-Secret-Key`)."""
    @property
    def timestamp(self) -> int: ...
    @property
    def notification_type(self) -> Literal["ORDER_PAID", "RENEWAL_ORDER_PAID", "TRANSACTION_VOID"]: ...
    @property
    def order(self) -> PgIpnOrder: ...
    @property
    def transaction(self) -> PgIpnTransaction: ...
    @property
    def customer(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubIpn:
    """A Bank Hub balance-change IPN."""
    @property
    def gateway(self) -> str: ...
    @property
    def transaction_date(self) -> datetime: ...
    @property
    def account_number(self) -> str: ...
    @property
    def bank_account_xid(self) -> str | None: ...
    @property
    def va(self) -> str | None: ...
    @property
    def payment_code(self) -> str | None: ...
    @property
    def content(self) -> str: ...
    @property
    def transfer_type(self) -> Literal["credit", "debit"]: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def reference_code(self) -> str | None: ...
    @property
    def accumulated(self) -> Decimal: ...
    @property
    def transaction_id(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubEventMetadata:
    """Details of a Bank Hub event (which fields are set depends on the event)."""
    @property
    def purpose(self) -> str | None: ...
    @property
    def link_token_xid(self) -> str | None: ...
    @property
    def link_session_xid(self) -> str | None: ...
    @property
    def bank_account_xid(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubEvent:
    """A Bank Hub linking lifecycle event, e.g. "BANK_ACCOUNT_LINKED"."""
    @property
    def timestamp(self) -> int: ...
    @property
    def xid(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def event(self) -> str: ...
    @property
    def metadata(self) -> BankHubEventMetadata: ...
    def to_dict(self) -> dict[str, Any]: ...

_E = TypeVar("_E", WebhookEvent, PgIpn, BankHubIpn, BankHubEvent)

@final
class WebhookReply:
    """The HTTP reply to send back to SePay."""
    @property
    def status(self) -> int: ...
    @property
    def content_type(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def headers(self) -> builtins.list[tuple[str, str]]: ...
    @staticmethod
    def retry_later() -> WebhookReply:
        """503 `{"success":false,...}`: handling failed (after `release(key)`);
        SePay delivers the event again later."""

@final
class Received(Generic[_E]):
    """A verified notification, what to do with it, and the reply."""
    @property
    def event(self) -> _E: ...
    @property
    def key(self) -> str:
        """Pass it to `complete()` once handled, or `release()` if handling failed."""
    @property
    def delivery(self) -> Delivery:
        """"new": handle it, then `complete(key)` (or `release(key)` on failure);
        "duplicate": handled already; "in_progress": another request is handling it."""
    @property
    def duplicate(self) -> bool:
        """True unless `delivery == "new"`: do not handle it."""
    @property
    def reply(self) -> WebhookReply:
        """Success for new (once handled) and duplicate deliveries, 503 for one in progress."""

@final
class WebhookTokenIssuer:
    """Issues and checks the access tokens of OAuth2-mode webhooks. Blank
    credentials, or `ttl` outside 1 s..1 day, raise `ConfigurationError`."""
    def __init__(self, client_id: str, client_secret: str, *, ttl: float = 3600.0) -> None: ...
    def issue(self, body: Body, *, now: int | None = None) -> WebhookReply: ...

@final
class WebhookReceiver:
    """Receives SePay's notifications for one endpoint (verify, parse, dedupe, reply).

    Every factory takes `store` (a `DedupStore`; in memory by default),
    `lease` (seconds a delivery holds its key, default 60) and
    `replay_window` (how far a PG IPN's or Bank Hub event's time may lie from
    now, default 6 hours). Blank secrets raise `ConfigurationError`; so does a
    form encoding on a signed (HMAC, OAuth2, X-Secret-Key) receiver.
    """
    @staticmethod
    def no_auth(
        *,
        store: DedupStore | None = None,
        encoding: Encoding = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver: ...
    @staticmethod
    def api_key(
        key: str,
        *,
        store: DedupStore | None = None,
        encoding: Encoding = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver: ...
    @staticmethod
    def hmac(
        secret: str,
        *,
        tolerance: float | None = None,
        store: DedupStore | None = None,
        encoding: Literal["json"] = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver:
        """`tolerance`: seconds the signed timestamp may be off (default 300)."""
    @staticmethod
    def oauth2(
        issuer: WebhookTokenIssuer,
        *,
        store: DedupStore | None = None,
        encoding: Literal["json"] = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver: ...
    @staticmethod
    def secret_key(
        secret: str,
        *,
        store: DedupStore | None = None,
        encoding: Literal["json"] = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver: ...
    def receive(
        self, method: str, headers: Headers, body: Body, *, now: int | None = None
    ) -> Received[WebhookEvent]: ...
    def receive_pg_ipn(
        self, method: str, headers: Headers, body: Body, *, now: int | None = None
    ) -> Received[PgIpn]: ...
    def receive_bankhub_ipn(
        self, method: str, headers: Headers, body: Body, *, now: int | None = None
    ) -> Received[BankHubIpn]: ...
    def receive_bankhub_event(
        self, method: str, headers: Headers, body: Body, *, now: int | None = None
    ) -> Received[BankHubEvent]: ...
    def complete(self, key: str) -> None:
        """Marks `key` handled (later deliveries are duplicates); raises `StoreError`."""
    def release(self, key: str) -> None:
        """Gives `key` up after a failed handling (SePay's retry is processed); raises `StoreError`."""
    @staticmethod
    def error_reply(error: BaseException) -> WebhookReply: ...

def error_reply(error: BaseException) -> WebhookReply:
    """The reply for an exception of a `receive_*` call (401, 503 for `StoreError`, or 400)."""

def hmac_signature(secret: str, timestamp: int, body: Body) -> str:
    """`sha256=<hex HMAC-SHA256(secret, "{timestamp}.{body}")>`."""

# ---------------------------------------------------------------- VietQR

@final
class VietQr:
    """What a VietQR code asks the payer's bank to do."""
    @property
    def bank_bin(self) -> str: ...
    @property
    def account(self) -> str: ...
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def memo(self) -> str | None: ...
    @property
    def service(self) -> Literal["account", "card"]: ...
    def to_dict(self) -> dict[str, Any]: ...

def vietqr_payload(
    bank_bin: str,
    account: str,
    *,
    amount: Money | None = None,
    memo: str | None = None,
    service: Literal["account", "card"] = "account",
) -> str:
    """The EMVCo VietQR payload text."""

def vietqr_decode(payload: str) -> VietQr:
    """Reads a VietQR payload back (CRC checked)."""

def vietqr_image_url(
    account: str,
    bank: str,
    *,
    amount: Money | None = None,
    memo: str | None = None,
    template: Literal["compact", "qronly"] | None = None,
) -> str:
    """SePay's QR image URL (built by the core)."""
