"""Type stubs of the compiled extension (Rust, pyo3). Keyword filters are
declared once per operation as a TypedDict; tests/test_parity.py checks them
against the core's parameter lists."""

import builtins
import os
from collections.abc import AsyncIterator, Awaitable, Iterable, Iterator, Mapping
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

OPERATIONS: tuple[str, ...]
"""Every operation of the core, e.g. "v2.transactions.iter"."""
OPERATION_PARAMS: dict[str, tuple[str, ...]]
"""Keyword parameters of each operation that takes filters."""
__version__: str

# ---------------------------------------------------------------- models

# --- generated from the core's model structs by tools/codegen: do not edit ---

VietQrService = Literal["account", "card"]
"""Transfer to a bank account or to a card number (`"account"`, `"card"`)."""
TransferType = Literal["in", "out"]
"""Direction of a transaction."""
BankHubTransferType = Literal["credit", "debit"]
"""Direction in a Bank Hub IPN (`credit`/`debit`, unlike `in`/`out` elsewhere)."""
BankHubEventName = Literal[
    "LINK_TOKEN_CREATED",
    "LINK_TOKEN_REVOKED",
    "LINK_TOKEN_EXPIRED",
    "LINK_SESSION_INITIALIZED",
    "LINK_SESSION_REINITIALIZED",
    "LINK_SESSION_STATE_CHANGED",
    "LINK_SESSION_COMPLETED",
    "LINK_SESSION_FAILED",
    "LINK_SESSION_ABANDONED",
    "LINK_SESSION_EXPIRED",
    "BANK_ACCOUNT_LINKED",
    "BANK_ACCOUNT_UNLINKED",
    "BANK_ACCOUNT_INACTIVATED",
]
"""The 13 documented linking lifecycle events."""
PgNotificationType = Literal["ORDER_PAID", "RENEWAL_ORDER_PAID", "TRANSACTION_VOID"]
"""What happened."""

@final
class LinkToken:
    """A hosted bank-linking session to open in a WebView (`link-token/create`)."""
    @property
    def xid(self) -> str:
        """Link token id."""
    @property
    def hosted_link_url(self) -> str:
        """The page to embed."""
    @property
    def link_token(self) -> str:
        """The token (UUID)."""
    @property
    def expires_at(self) -> datetime | None:
        """Expiry (+07:00)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class LinkTokenInfo:
    """A link token's state (`link-token/get`)."""
    @property
    def xid(self) -> str:
        """Link token id."""
    @property
    def purpose(self) -> LinkPurpose:
        """Purpose."""
    @property
    def status(self) -> str:
        """e.g. `Active`."""
    @property
    def completion_redirect_uri(self) -> str | None:
        """Where the WebView goes at the end."""
    @property
    def session_count(self) -> int:
        """Sessions started with it."""
    @property
    def expires_at(self) -> datetime | None:
        """Expiry."""
    @property
    def sessions(self) -> builtins.list[LinkSession]:
        """Sessions, each with its `state` (e.g. `PENDING`) and `status`."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class LinkSession:
    """One linking session."""
    @property
    def xid(self) -> str:
        """Session id."""
    @property
    def state(self) -> str:
        """e.g. `PENDING`."""
    @property
    def status(self) -> str | None:
        """Status text."""
    @property
    def finished_at(self) -> datetime | None:
        """Finished at."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Company:
    """A company (an end customer of the platform)."""
    @property
    def xid(self) -> str:
        """Company id."""
    @property
    def full_name(self) -> str:
        """Name."""
    @property
    def status(self) -> str:
        """`Active` / `Pending`."""
    @property
    def active(self) -> bool:
        """Active."""
    @property
    def created_at(self) -> datetime | None:
        """Created."""
    @property
    def updated_at(self) -> datetime | None:
        """Updated."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class CompanyConfiguration:
    """A company's payment-code configuration (`configuration` in its details)."""
    @property
    def payment_code(self) -> str:
        """Payment-code recognition, `on` / `off`."""
    @property
    def payment_code_prefix(self) -> str | None:
        """Payment-code prefix (2–5 letters)."""
    @property
    def payment_code_suffix_from(self) -> int:
        """Shortest suffix."""
    @property
    def payment_code_suffix_to(self) -> int:
        """Longest suffix."""
    @property
    def payment_code_suffix_character_type(self) -> str:
        """`NumberOnly` / `NumberAndLetter`."""
    @property
    def data_storage_time(self) -> str | None:
        """How long SePay keeps the company's data, as sent (meaning UNVERIFIED)."""
    @property
    def transaction_amount(self) -> str | None:
        """Transaction amount setting, as sent (meaning UNVERIFIED)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class CounterDay:
    """Transaction counts of one day."""
    @property
    def date(self) -> str:
        """`YYYY-MM-DD`."""
    @property
    def transaction(self) -> int:
        """All transactions."""
    @property
    def transaction_in(self) -> int:
        """Money in."""
    @property
    def transaction_out(self) -> int:
        """Money out."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class CounterTotal:
    """Counts totals."""
    @property
    def transaction(self) -> int:
        """All transactions."""
    @property
    def transaction_in(self) -> int:
        """Money in."""
    @property
    def transaction_out(self) -> int:
        """Money out."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class CompanyCounter:
    """`company/counter/{xid}`."""
    @property
    def dates(self) -> builtins.list[CounterDay]:
        """Per day."""
    @property
    def total(self) -> CounterTotal:
        """Totals."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubBankAccount:
    """A linked bank account."""
    @property
    def xid(self) -> str:
        """Account id."""
    @property
    def company_xid(self) -> str | None:
        """Owning company."""
    @property
    def brand_name(self) -> str:
        """Bank brand."""
    @property
    def account_holder_name(self) -> str:
        """Holder."""
    @property
    def account_number(self) -> str:
        """Number."""
    @property
    def accumulated(self) -> Decimal:
        """Balance (a decimal string on the wire)."""
    @property
    def account_type(self) -> str | None:
        """e.g. `individual`."""
    @property
    def bank_api_connected(self) -> bool:
        """Bank API connected."""
    @property
    def active(self) -> bool:
        """Active."""
    @property
    def last_transaction(self) -> datetime | None:
        """Last transaction."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubTransaction:
    """A Bank Hub transaction."""
    @property
    def transaction_id(self) -> str:
        """Id."""
    @property
    def transaction_date(self) -> datetime | None:
        """When (+07:00)."""
    @property
    def bank_account_xid(self) -> str | None:
        """Bank account id."""
    @property
    def company_xid(self) -> str | None:
        """Company id."""
    @property
    def brand_name(self) -> str:
        """Bank brand."""
    @property
    def account_number(self) -> str:
        """Account number."""
    @property
    def va(self) -> str | None:
        """Virtual account, if any."""
    @property
    def reference_number(self) -> str | None:
        """Bank reference."""
    @property
    def transfer_type(self) -> TransferType:
        """In or out."""
    @property
    def amount(self) -> Decimal:
        """Amount."""
    @property
    def transaction_content(self) -> str:
        """Memo."""
    @property
    def payment_code(self) -> str | None:
        """Payment code, if recognised."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class MerchantConfig:
    """Merchant configuration."""
    @property
    def transaction_whitelist_remark_keywords(self) -> builtins.list[str]:
        """Only transactions whose memo contains one of these are kept."""
    @property
    def logo_url(self) -> str | None:
        """Logo shown in the hosted link page."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubWebhook:
    """The merchant's one webhook."""
    @property
    def webhook_url(self) -> str:
        """Target."""
    @property
    def auth_type(self) -> str:
        """`SECRET_KEY`."""
    @property
    def secret_key(self) -> str | None:
        """Secret sent as `X-Secret-Key` (SePay returns it masked except right after setting it)."""
    @property
    def request_content_type(self) -> str:
        """e.g. `application/json`."""
    @property
    def active(self) -> bool:
        """Active."""
    @property
    def allow_events(self) -> builtins.list[str]:
        """Events delivered (`["*"]` = all)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Me:
    """The authorizing user (`GET /me`)."""
    @property
    def id(self) -> str:
        """User id."""
    @property
    def first_name(self) -> str | None:
        """First name."""
    @property
    def last_name(self) -> str | None:
        """Last name."""
    @property
    def email(self) -> str | None:
        """Email."""
    @property
    def phone(self) -> str | None:
        """Phone."""
    @property
    def avatar(self) -> str | None:
        """Avatar URL."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthBank:
    """The bank of an account."""
    @property
    def short_name(self) -> str:
        """e.g. `Vietcombank`."""
    @property
    def full_name(self) -> str:
        """Full name."""
    @property
    def code(self) -> str:
        """e.g. `VCB`."""
    @property
    def bin(self) -> str:
        """NAPAS BIN, e.g. `970436`."""
    @property
    def icon_url(self) -> str | None:
        """Icon URL."""
    @property
    def logo_url(self) -> str | None:
        """Logo URL."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthBankAccount:
    """A bank account seen through OAuth2."""
    @property
    def id(self) -> str:
        """Id."""
    @property
    def label(self) -> str:
        """Label."""
    @property
    def account_holder_name(self) -> str:
        """Holder name."""
    @property
    def account_number(self) -> str:
        """Account number."""
    @property
    def accumulated(self) -> Decimal:
        """Balance."""
    @property
    def active(self) -> bool:
        """Active."""
    @property
    def created_at(self) -> datetime | None:
        """Created."""
    @property
    def bank(self) -> OAuthBank | None:
        """Bank."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthWebhook:
    """A webhook registered in SePay."""
    @property
    def id(self) -> str:
        """Id."""
    @property
    def bank_account_id(self) -> str:
        """Bank account it watches."""
    @property
    def name(self) -> str:
        """Name."""
    @property
    def event_type(self) -> WebhookEventType:
        """Which transactions."""
    @property
    def authen_type(self) -> WebhookAuthType:
        """Authentication mode."""
    @property
    def webhook_url(self) -> str:
        """Target URL."""
    @property
    def is_verify_payment(self) -> bool:
        """Only verified payments."""
    @property
    def skip_if_no_code(self) -> bool:
        """Skip transactions without a payment code."""
    @property
    def only_va(self) -> bool:
        """Only virtual-account transactions."""
    @property
    def active(self) -> bool:
        """Active."""
    @property
    def request_content_type(self) -> str:
        """Body format, e.g. `Json`."""
    @property
    def api_key(self) -> str | None:
        """The API key SePay sends (API-key mode); masked when printed."""
    @property
    def bank_sub_account_ids(self) -> builtins.list[str]:
        """Sub-accounts it is limited to."""
    @property
    def created_at(self) -> datetime | None:
        """Created."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthSubAccount:
    """A sub-account (VA) of a bank account. SePay does not document this object;
    fields beyond `id` are read when present."""
    @property
    def id(self) -> str:
        """Id."""
    @property
    def account_number(self) -> str | None:
        """Sub-account number."""
    @property
    def label(self) -> str | None:
        """Label."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class OAuthTransaction:
    """A transaction seen through OAuth2 (field names as in User API v1; the
    OAuth2 response body is not documented beyond its filters — UNVERIFIED)."""
    @property
    def id(self) -> str:
        """Id."""
    @property
    def transaction_date(self) -> datetime | None:
        """When (+07:00)."""
    @property
    def account_number(self) -> str:
        """Account number."""
    @property
    def amount_in(self) -> Decimal:
        """Money in."""
    @property
    def amount_out(self) -> Decimal:
        """Money out."""
    @property
    def accumulated(self) -> Decimal:
        """Balance after."""
    @property
    def transaction_content(self) -> str:
        """Memo."""
    @property
    def reference_number(self) -> str | None:
        """Bank reference."""
    @property
    def code(self) -> str | None:
        """Payment code."""
    @property
    def bank_account_id(self) -> str | None:
        """Bank account id."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Pagination:
    """SePay's page metadata (`meta.pagination`)."""
    @property
    def total(self) -> int:
        """Items matching in total."""
    @property
    def per_page(self) -> int:
        """Page size."""
    @property
    def current_page(self) -> int:
        """This page's number (1-based)."""
    @property
    def last_page(self) -> int:
        """Number of the last page."""
    @property
    def has_more(self) -> bool | None:
        """Whether a later page exists (computed from the page numbers when absent)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgOrder:
    """A payment gateway order."""
    @property
    def id(self) -> str:
        """SePay's internal id."""
    @property
    def customer_id(self) -> str | None:
        """Your customer id, if given at checkout."""
    @property
    def order_id(self) -> str:
        """SePay's order code, e.g. `SEPAY-68B01673A77FF`."""
    @property
    def order_invoice_number(self) -> str:
        """Your invoice number."""
    @property
    def order_status(self) -> str:
        """`CAPTURED` (paid), `CANCELLED`, `AUTHENTICATION_NOT_NEEDED` (awaiting payment), ..."""
    @property
    def order_amount(self) -> Decimal:
        """Amount."""
    @property
    def order_currency(self) -> str:
        """`VND`."""
    @property
    def order_description(self) -> str:
        """Description."""
    @property
    def authentication_status(self) -> str | None:
        """3-D Secure result, if any."""
    @property
    def created_at(self) -> datetime | None:
        """Created (+07:00)."""
    @property
    def updated_at(self) -> datetime | None:
        """Last changed (+07:00)."""
    @property
    def transactions(self) -> builtins.list[PgTransaction]:
        """Payment attempts."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgTransaction:
    """One payment attempt of an order."""
    @property
    def id(self) -> str:
        """Id."""
    @property
    def payment_method(self) -> str:
        """`CARD`, `BANK_TRANSFER`, `NAPAS_BANK_TRANSFER`."""
    @property
    def transaction_type(self) -> str:
        """e.g. `PAYMENT`."""
    @property
    def transaction_amount(self) -> Decimal:
        """Amount."""
    @property
    def transaction_currency(self) -> str:
        """`VND`."""
    @property
    def transaction_status(self) -> str:
        """e.g. `APPROVED`."""
    @property
    def authentication_status(self) -> str | None:
        """3-D Secure result."""
    @property
    def card_number(self) -> str | None:
        """Masked card number."""
    @property
    def card_holder_name(self) -> str | None:
        """Card holder."""
    @property
    def card_brand(self) -> str | None:
        """Card brand."""
    @property
    def transaction_date(self) -> datetime | None:
        """When (+07:00)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class VietQr:
    """What a VietQR code asks the payer's bank to do."""
    @property
    def bank_bin(self) -> str:
        """The receiving bank's 6-digit NAPAS BIN, e.g. `970436` (Vietcombank)."""
    @property
    def account(self) -> str:
        """Account (or card) number."""
    @property
    def amount(self) -> Decimal | None:
        """Whole dong; `None` makes a static QR where the payer types the amount."""
    @property
    def memo(self) -> str | None:
        """Transfer memo (printable ASCII, at most 99 characters); put the payment
        code here so SePay recognises the payment."""
    @property
    def service(self) -> VietQrService:
        """Account or card."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class VaOrder:
    """A VA order."""
    @property
    def id(self) -> str:
        """Order id (UUID)."""
    @property
    def order_code(self) -> str:
        """Your order code (alphanumeric), or SePay's generated one."""
    @property
    def amount(self) -> Decimal | None:
        """Amount due; `None` accepts any amount (BIDV)."""
    @property
    def paid_amount(self) -> Decimal | None:
        """Amount received so far."""
    @property
    def status(self) -> VaOrderStatus:
        """State."""
    @property
    def va_number(self) -> str | None:
        """The (first) VA number to pay into."""
    @property
    def va_holder_name(self) -> str | None:
        """Name shown for the VA."""
    @property
    def bank_name(self) -> str:
        """Bank, e.g. `BIDV`."""
    @property
    def account_holder_name(self) -> str | None:
        """Holder of the underlying account."""
    @property
    def account_number(self) -> str | None:
        """The underlying account number."""
    @property
    def expired_at(self) -> datetime | None:
        """When the VA stops accepting payment."""
    @property
    def created_at(self) -> datetime | None:
        """Created."""
    @property
    def qr_code(self) -> str | None:
        """QR image as a data URL, when requested."""
    @property
    def qr_code_url(self) -> str | None:
        """QR image URL, when requested."""
    @property
    def virtual_accounts(self) -> builtins.list[OrderVa]:
        """Every VA of the order, when SePay lists them."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class OrderVa:
    """One virtual account of an order."""
    @property
    def va_number(self) -> str:
        """VA number."""
    @property
    def amount(self) -> Decimal | None:
        """Amount this VA accepts; `None` = any."""
    @property
    def paid_amount(self) -> Decimal | None:
        """Amount received."""
    @property
    def status(self) -> VaStatus:
        """State."""
    @property
    def va_holder_name(self) -> str | None:
        """Name shown for the VA."""
    @property
    def expired_at(self) -> datetime | None:
        """Expiry."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class V1Transaction:
    """A bank transaction as User API v1 reports it."""
    @property
    def id(self) -> str:
        """SePay's transaction id (numeric, kept as text)."""
    @property
    def bank_brand_name(self) -> str:
        """Bank brand, e.g. `Vietcombank`."""
    @property
    def account_number(self) -> str:
        """Account number the transaction belongs to."""
    @property
    def transaction_date(self) -> datetime:
        """When the bank booked it (+07:00)."""
    @property
    def amount_in(self) -> Decimal:
        """Money in."""
    @property
    def amount_out(self) -> Decimal:
        """Money out."""
    @property
    def accumulated(self) -> Decimal:
        """Balance after the transaction (0 when the bank does not report it)."""
    @property
    def transaction_content(self) -> str:
        """Transfer memo."""
    @property
    def reference_number(self) -> str | None:
        """Bank reference number."""
    @property
    def code(self) -> str | None:
        """Payment code SePay recognised in the memo."""
    @property
    def sub_account(self) -> str | None:
        """Sub-account / virtual account number."""
    @property
    def bank_account_id(self) -> str:
        """SePay's id of the bank account."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class V1BankAccount:
    """A bank account as User API v1 reports it."""
    @property
    def id(self) -> str:
        """SePay's bank account id (numeric, kept as text)."""
    @property
    def account_holder_name(self) -> str:
        """Holder name."""
    @property
    def account_number(self) -> str:
        """Account number."""
    @property
    def accumulated(self) -> Decimal:
        """Current balance as SePay knows it."""
    @property
    def last_transaction(self) -> datetime | None:
        """Time of the last transaction, if any."""
    @property
    def label(self) -> str:
        """Label given in SePay (may be empty)."""
    @property
    def active(self) -> bool:
        """Whether the account is active (`"1"` on the wire)."""
    @property
    def created_at(self) -> datetime | None:
        """When the account was added to SePay."""
    @property
    def bank_short_name(self) -> str:
        """Bank short name, e.g. `VietinBank`."""
    @property
    def bank_full_name(self) -> str:
        """Bank full name."""
    @property
    def bank_bin(self) -> str:
        """Bank BIN (NAPAS), e.g. `970415`."""
    @property
    def bank_code(self) -> str:
        """Bank code, e.g. `ICB`."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class V2Transaction:
    """A bank transaction as User API v2 reports it."""
    @property
    def id(self) -> str:
        """Transaction id (UUID)."""
    @property
    def transaction_date(self) -> datetime:
        """When the bank booked it (+07:00)."""
    @property
    def account_number(self) -> str:
        """Account number."""
    @property
    def va(self) -> str | None:
        """Virtual account number, if the money came through one."""
    @property
    def transfer_type(self) -> TransferType:
        """In or out."""
    @property
    def amount_in(self) -> Decimal:
        """Money in."""
    @property
    def amount_out(self) -> Decimal:
        """Money out."""
    @property
    def accumulated(self) -> Decimal:
        """Balance after the transaction (0 when unknown)."""
    @property
    def transaction_content(self) -> str:
        """Transfer memo."""
    @property
    def reference_number(self) -> str | None:
        """Bank reference number."""
    @property
    def code(self) -> str | None:
        """Payment code recognised in the memo."""
    @property
    def bank_brand_name(self) -> str:
        """Bank brand, e.g. `ACB`."""
    @property
    def bank_account_id(self) -> str:
        """Bank account id (UUID)."""
    @property
    def va_id(self) -> str | None:
        """Virtual account id (UUID), if any."""
    @property
    def webhook_success(self) -> int:
        """Webhook delivery result as SePay reports it (documented 0/1, seen 8)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class V2BankAccount:
    """A bank account as User API v2 reports it."""
    @property
    def id(self) -> str:
        """Bank account id (UUID)."""
    @property
    def account_holder_name(self) -> str:
        """Holder name."""
    @property
    def account_number(self) -> str:
        """Account number."""
    @property
    def accumulated(self) -> Decimal:
        """Current balance as SePay knows it."""
    @property
    def last_transaction(self) -> datetime | None:
        """Time of the last transaction, if any."""
    @property
    def label(self) -> str:
        """Label (may be empty)."""
    @property
    def account_type(self) -> str | None:
        """Account type as SePay names it, e.g. `personal`."""
    @property
    def active(self) -> bool:
        """Whether the account is active."""
    @property
    def created_at(self) -> datetime | None:
        """When it was added to SePay."""
    @property
    def bank_short_name(self) -> str:
        """Bank short name, e.g. `ACB`."""
    @property
    def bank_full_name(self) -> str:
        """Bank full name."""
    @property
    def bank_bin(self) -> str:
        """Bank BIN."""
    @property
    def bank_code(self) -> str:
        """Bank code."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class V2VirtualAccount:
    """A virtual account (VA) under a bank account."""
    @property
    def id(self) -> str:
        """VA id (UUID)."""
    @property
    def va(self) -> str:
        """VA number."""
    @property
    def sub_holder_name(self) -> str | None:
        """Holder name shown for the VA."""
    @property
    def label(self) -> str:
        """Label."""
    @property
    def active(self) -> bool:
        """Whether the VA is active."""
    @property
    def official(self) -> bool:
        """Official bank VA (true) or SePay's virtual one (false)."""
    @property
    def is_static(self) -> bool:
        """Static VA (true) or per-order (false)."""
    @property
    def bank_account_id(self) -> str:
        """Parent bank account id (UUID)."""
    @property
    def created_at(self) -> datetime | None:
        """Created."""
    @property
    def updated_at(self) -> datetime | None:
        """Last changed."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Terminal:
    """A Vietcombank terminal (its `tid` is needed to create VCB orders).
    SePay does not document this object; only `tid` is relied upon."""
    @property
    def id(self) -> str | None:
        """SePay's id of the terminal, if sent."""
    @property
    def tid(self) -> str:
        """The raw VCB terminal id, e.g. `20933557`."""
    @property
    def name(self) -> str | None:
        """Display name, if sent."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubIpn:
    """A Bank Hub balance-change IPN."""
    @property
    def gateway(self) -> str:
        """Bank brand."""
    @property
    def transaction_date(self) -> datetime:
        """When (+07:00)."""
    @property
    def account_number(self) -> str:
        """Account number."""
    @property
    def bank_account_xid(self) -> str | None:
        """Bank account xid."""
    @property
    def va(self) -> str | None:
        """Virtual account, if any."""
    @property
    def payment_code(self) -> str | None:
        """Payment code recognised, if any."""
    @property
    def content(self) -> str:
        """Memo."""
    @property
    def transfer_type(self) -> BankHubTransferType:
        """Credit or debit."""
    @property
    def amount(self) -> Decimal:
        """Amount."""
    @property
    def reference_code(self) -> str | None:
        """Bank reference."""
    @property
    def accumulated(self) -> Decimal:
        """Balance after (SePay: "currently not supported, default 0")."""
    @property
    def transaction_id(self) -> str:
        """Transaction id; the deduplication key."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubEvent:
    """A Bank Hub webhook event."""
    @property
    def timestamp(self) -> int:
        """Unix seconds."""
    @property
    def xid(self) -> str:
        """Event id; the deduplication key."""
    @property
    def version(self) -> str:
        """Envelope version, e.g. `1.0`."""
    @property
    def event(self) -> BankHubEventName:
        """What happened."""
    @property
    def metadata(self) -> BankHubEventMetadata:
        """Event details."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class BankHubEventMetadata:
    """Details of a Bank Hub event (fields present depend on the event)."""
    @property
    def purpose(self) -> str | None:
        """`LINK_BANK_ACCOUNT` / `UNLINK_BANK_ACCOUNT`."""
    @property
    def link_token_xid(self) -> str | None:
        """Link token xid."""
    @property
    def link_session_xid(self) -> str | None:
        """Link session xid."""
    @property
    def bank_account_xid(self) -> str | None:
        """Bank account xid."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class WebhookEvent:
    """One bank transaction as a user webhook reports it."""
    @property
    def id(self) -> str:
        """SePay's transaction id; the key for deduplication."""
    @property
    def gateway(self) -> str:
        """Bank brand, e.g. `Vietcombank`."""
    @property
    def transaction_date(self) -> datetime:
        """Bank-side time (+07:00)."""
    @property
    def account_number(self) -> str:
        """Account number."""
    @property
    def code(self) -> str | None:
        """Payment code SePay recognised in the memo."""
    @property
    def content(self) -> str:
        """Transfer memo."""
    @property
    def transfer_type(self) -> TransferType:
        """In or out."""
    @property
    def transfer_amount(self) -> Decimal:
        """Amount transferred."""
    @property
    def accumulated(self) -> Decimal:
        """Balance after the transaction (0 when unknown)."""
    @property
    def sub_account(self) -> str | None:
        """Sub-account / virtual account number."""
    @property
    def reference_code(self) -> str | None:
        """Bank reference."""
    @property
    def description(self) -> str:
        """Full bank notification text."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgIpn:
    """A payment gateway IPN."""
    @property
    def timestamp(self) -> int:
        """Unix seconds when SePay sent it."""
    @property
    def notification_type(self) -> PgNotificationType:
        """What happened."""
    @property
    def order(self) -> PgIpnOrder:
        """The order."""
    @property
    def transaction(self) -> PgIpnTransaction:
        """The payment transaction."""
    @property
    def customer(self) -> str | None:
        """The customer object as raw JSON (shape not documented), if sent."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgIpnOrder:
    """The order inside a PG IPN."""
    @property
    def id(self) -> str:
        """SePay's order id."""
    @property
    def order_id(self) -> str | None:
        """SePay's order code, e.g. `NPSETVI00101000042R`."""
    @property
    def order_status(self) -> str:
        """e.g. `CAPTURED`."""
    @property
    def order_currency(self) -> str:
        """`VND`."""
    @property
    def order_amount(self) -> Decimal:
        """Order amount."""
    @property
    def order_invoice_number(self) -> str:
        """The merchant's invoice number."""
    @property
    def order_description(self) -> str:
        """Description."""
    @property
    def custom_data(self) -> str | None:
        """`custom_data` as raw JSON text."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class PgIpnTransaction:
    """The transaction inside a PG IPN."""
    @property
    def id(self) -> str:
        """SePay's transaction id."""
    @property
    def payment_method(self) -> str:
        """`CARD`, `BANK_TRANSFER`, `NAPAS_BANK_TRANSFER`."""
    @property
    def transaction_id(self) -> str | None:
        """Gateway transaction id."""
    @property
    def transaction_type(self) -> str:
        """e.g. `PAYMENT`."""
    @property
    def transaction_date(self) -> datetime | None:
        """When (+07:00)."""
    @property
    def transaction_status(self) -> str:
        """e.g. `APPROVED`."""
    @property
    def transaction_amount(self) -> Decimal:
        """Amount."""
    @property
    def transaction_currency(self) -> str:
        """`VND`."""
    @property
    def authentication_status(self) -> str | None:
        """3-D Secure result."""
    @property
    def card_number(self) -> str | None:
        """Masked card number."""
    @property
    def card_holder_name(self) -> str | None:
        """Card holder."""
    @property
    def card_expiry(self) -> str | None:
        """Card expiry as sent."""
    @property
    def card_funding_method(self) -> str | None:
        """`CREDIT` / `DEBIT`."""
    @property
    def card_brand(self) -> str | None:
        """`VISA`, `MASTERCARD`, ..."""
    def to_dict(self) -> dict[str, Any]: ...

class V1TransactionFilters(TypedDict, total=False):
    """Filters of `GET transactions/list`. Every field is optional."""
    account_number: str | None
    """Only this account number."""
    transaction_date_min: DateLike | None
    """Booked at or after (a day, or an exact time)."""
    transaction_date_max: DateLike | None
    """Booked at or before."""
    since_id: int | None
    """Only ids greater than or equal to this one."""
    limit: int | None
    """At most this many (1–5000; SePay's default is 5000)."""
    reference_number: str | None
    """Exact bank reference number."""
    amount_in: Money | None
    """Exact money-in amount."""
    amount_out: Money | None
    """Exact money-out amount."""

class V1TransactionCountFilters(TypedDict, total=False):
    """Filters of `GET transactions/count` (v1 counts support fewer filters than lists)."""
    account_number: str | None
    """Only this account number."""
    transaction_date_min: DateLike | None
    """Booked at or after."""
    transaction_date_max: DateLike | None
    """Booked at or before."""
    since_id: int | None
    """Only ids greater than or equal to this one."""

class V1BankAccountFilters(TypedDict, total=False):
    """Filters of `GET bankaccounts/list`."""
    short_name: str | None
    """Bank short name, e.g. `Vietcombank`."""
    last_transaction_date_min: DateLike | None
    """Last transaction at or after."""
    last_transaction_date_max: DateLike | None
    """Last transaction at or before."""
    since_id: int | None
    """Only ids greater than or equal to this one."""
    limit: int | None
    """At most this many (SePay's default is 100)."""
    accumulated_min: Money | None
    """Balance at least."""
    accumulated_max: Money | None
    """Balance at most."""

class V1BankAccountCountFilters(TypedDict, total=False):
    """Filters of `GET bankaccounts/count` (the list filters without `limit`)."""
    short_name: str | None
    """Bank short name."""
    last_transaction_date_min: DateLike | None
    """Last transaction at or after."""
    last_transaction_date_max: DateLike | None
    """Last transaction at or before."""
    since_id: int | None
    """Only ids greater than or equal to this one."""
    accumulated_min: Money | None
    """Balance at least."""
    accumulated_max: Money | None
    """Balance at most."""

class V2TransactionFilters(TypedDict, total=False):
    """Filters, sorts and paging of `GET /transactions`. Every field is optional."""
    q: str | None
    """Search in reference number, memo and code."""
    bank_account_id: str | None
    """Only this bank account (UUID)."""
    va_id: str | None
    """Only this virtual account (UUID)."""
    bank_brand_name: str | None
    """Bank brand, e.g. `ACB`."""
    transaction_date_from: DateLike | None
    """Booked at or after (inclusive)."""
    transaction_date_to: DateLike | None
    """Booked at or before (inclusive)."""
    amount_in_min: Money | None
    """Money in at least (whole dong)."""
    amount_in_max: Money | None
    """Money in at most."""
    amount_out_min: Money | None
    """Money out at least."""
    amount_out_max: Money | None
    """Money out at most."""
    reference_number: str | None
    """Exact bank reference number."""
    transaction_content: str | None
    """Memo contains."""
    transfer_type: TransferType | None
    """In or out."""
    webhook_success: bool | None
    """Webhook delivered (true) or not (false)."""
    since_id: str | None
    """Only transactions newer than this id (UUID), for polling."""
    transaction_date_sort: SortOrder | None
    """Sort by booking time (SePay's default: newest first)."""
    amount_in_sort: SortOrder | None
    """Sort by money in."""
    amount_out_sort: SortOrder | None
    """Sort by money out."""
    page: int | None
    """Page number (from 1)."""
    per_page: int | None
    """Page size (1–100, SePay's default 20)."""

class V2BankAccountFilters(TypedDict, total=False):
    """Filters, sorts and paging of `GET /bank-accounts`."""
    bank_short_name: str | None
    """Bank short name, e.g. `ACB`."""
    last_transaction_from: DateLike | None
    """Last transaction at or after."""
    last_transaction_to: DateLike | None
    """Last transaction at or before."""
    accumulated_min: Money | None
    """Balance at least (whole dong)."""
    accumulated_max: Money | None
    """Balance at most (whole dong)."""
    q: str | None
    """Search in holder name, label and account number."""
    active: bool | None
    """Active (true) or inactive (false) only."""
    created_at_sort: SortOrder | None
    """Sort by creation time."""
    last_transaction_sort: SortOrder | None
    """Sort by last transaction time."""
    accumulated_sort: SortOrder | None
    """Sort by balance."""
    page: int | None
    """Page number (from 1)."""
    per_page: int | None
    """Page size (1–100)."""

class V2VirtualAccountFilters(TypedDict, total=False):
    """Filters and paging of `GET /bank-accounts/{id}/va`."""
    q: str | None
    """Search in VA number, holder name and label."""
    active: bool | None
    """Active (true) or inactive (false) only."""
    official: bool | None
    """Official bank VAs (true) or SePay virtual ones (false)."""
    is_static: bool | None
    """Static (true) or per-order (false) VAs."""
    created_at_sort: SortOrder | None
    """Sort by creation time (SePay's default: newest first)."""
    page: int | None
    """Page number (from 1)."""
    per_page: int | None
    """Page size (1–100)."""

class VaOrderFields(TypedDict, total=False):
    """Fields of a new order (or of a VA added to one)."""
    order_code: str | None
    """Your order code: letters and digits, 6–50 (Vietcombank 6–15); generated when empty."""
    amount: Money | None
    """Whole dong (up to 12 digits); required except for BIDV, where `None` accepts any amount."""
    va_holder_name: str | None
    """BIDV only: name shown for the VA, `[A-Z0-9 ]`."""
    duration: int | None
    """VA validity in seconds."""
    with_qrcode: bool | None
    """Ask for a QR image in the answer."""
    qrcode_template: QrTemplate | Literal["compact", "qronly"] | None
    """QR style."""
    tid: str | None
    """Vietcombank terminal id (digits, from `terminals().list`)."""
    va_prefix: str | None
    """Sacombank VA prefix, e.g. `SEP200001WEB`."""

class OAuthListFilters(TypedDict, total=False):
    """Filters and paging for OAuth2 lists (unused filters are ignored per list)."""
    bank_account_id: str | None
    """Transactions: bank account id."""
    account_number: str | None
    """Transactions: account number."""
    reference_number: str | None
    """Transactions: exact reference number."""
    from_date: DateLike | None
    """Transactions: from this day."""
    to_date: DateLike | None
    """Transactions: to this day."""
    webhook_url: str | None
    """Webhooks: URL contains."""
    active: bool | None
    """Webhooks: active only / inactive only."""
    page: int | None
    """Page (from 1)."""
    limit: int | None
    """Page size (`limit`)."""

class OAuthWebhookFields(TypedDict, total=False):
    """Fields to create or change a webhook (unset fields are not sent)."""
    bank_account_id: str | None
    """Bank account to watch."""
    name: str | None
    """Name."""
    event_type: WebhookEventType | Literal["All", "In_only", "Out_only"] | None
    """Which transactions."""
    authen_type: WebhookAuthType | Literal["Api_Key", "OAuth2.0", "HMAC_SHA256", "No_Authen"] | None
    """Authentication mode."""
    webhook_url: str | None
    """Target URL (HTTPS)."""
    api_key: str | None
    """API key for API-key mode."""
    is_verify_payment: bool | None
    """Only verified payments."""
    skip_if_no_code: bool | None
    """Skip transactions without a payment code."""
    only_va: bool | None
    """Only virtual-account transactions."""
    active: bool | None
    """Active."""
    request_content_type: str | None
    """Body format, e.g. `Json`."""

class BankHubListFilters(TypedDict, total=False):
    """Filters and paging shared by Bank Hub lists (unused ones are ignored)."""
    q: str | None
    """Search text."""
    company_xid: str | None
    """Company."""
    bank_account_xid: str | None
    """Bank account (transactions)."""
    status: str | None
    """Status (companies)."""
    start_transaction_date: str | None
    """From day (transactions, `YYYY-MM-DD`)."""
    end_transaction_date: str | None
    """To day (transactions)."""
    transfer_type: str | None
    """`in` / `out` (transactions)."""
    page: int | None
    """Page."""
    per_page: int | None
    """Page size (default 20, max 100)."""

class CompanyEditFields(TypedDict, total=False):
    """Fields of a company to change; unset fields are not sent."""
    full_name: str | None
    """Name."""
    short_name: str | None
    """Short name."""
    status: str | None
    """`Active` / `Pending`."""
    payment_code: str | None
    """Payment-code recognition, `on` / `off`."""
    payment_code_prefix: str | None
    """Payment-code prefix (2–5 letters)."""
    payment_code_suffix_from: int | None
    """Shortest suffix (1–30)."""
    payment_code_suffix_to: int | None
    """Longest suffix (1–30)."""
    payment_code_suffix_character_type: str | None
    """`NumberOnly` / `NumberAndLetter`."""

class PgOrderFilters(TypedDict, total=False):
    """Filters and paging of `GET /order`."""
    q: str | None
    """Search text."""
    order_status: str | None
    """Only this status, e.g. `CAPTURED`."""
    customer_id: str | None
    """Only this customer."""
    from_created_at: DateLike | None
    """Created on or after."""
    to_created_at: DateLike | None
    """Created on or before."""
    created_at_sort: SortOrder | None
    """Sort by creation time."""
    page: int | None
    """Page (from 1)."""
    per_page: int | None
    """Page size (1–100, default 20)."""

# --- end of generated models ---

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
    @property
    def total(self) -> int | None:
        """How many items the whole list holds (v2's `meta.pagination.total`, v1's
        count), so that `tqdm(it, total=it.total)` works: before the first item this
        fetches the first page (kept for the loop). `None` when SePay does not say."""
    @property
    def position(self) -> int:
        """Items handed out so far."""

@final
class AsyncPaginator(AsyncIterator[_T]):
    """Every item of a list, one request per page: `async for item in ...`."""
    def __aiter__(self) -> Self: ...
    def __anext__(self) -> Awaitable[_T]: ...
    @property
    def total(self) -> int | None:
        """The list's size once a page has told it (no request); see `fetch_total()`."""
    def fetch_total(self) -> Awaitable[int | None]:
        """The list's size: `tqdm(it, total=await it.fetch_total())`. Before the first
        item this fetches the first page (kept for the loop)."""
    @property
    def position(self) -> int:
        """Items handed out so far."""

# ---------------------------------------------------------------- filters

# ---------------------------------------------------------------- VA orders

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

# ---------------------------------------------------------------- payment gateway

PgOperation = Literal["PURCHASE", "VERIFY"]
PgPaymentMethod = Literal["CARD", "BANK_TRANSFER", "NAPAS_BANK_TRANSFER"]

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
    def configuration(self, company_xid: str) -> CompanyConfiguration:
        """A company's payment-code configuration (what `edit` changes)."""
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
    def configuration(self, company_xid: str) -> Awaitable[CompanyConfiguration]:
        """A company's payment-code configuration (what `edit` changes)."""
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

# ---------------------------------------------------------------- shared state

@final
class SharedState:
    """State shared by every worker process through Redis (or Valkey): the
    rate limit (one budget per `prefix`, i.e. per egress IP), OAuth2 and Bank
    Hub token renewals (one per expiry across processes), and webhook
    deduplication. Pass it as `Client(shared_state=...)` and as a webhook
    receiver's `store=`. Connects on first use.

    While Redis is unreachable nothing hangs (`connect_timeout`,
    `command_timeout`, in seconds): `on_outage="local"` (default) paces each
    process alone at rate / `processes`, renews tokens alone and deduplicates
    in memory; `on_outage="fail"` raises `StoreError`. Redis is tried again
    every `probe_interval` seconds and sharing resumes by itself.
    `repr()` never shows the URL (it may hold a password).
    """
    def __init__(
        self,
        url: str,
        *,
        prefix: str | None = None,
        on_outage: Literal["local", "fail"] | None = None,
        processes: int | None = None,
        connect_timeout: float | None = None,
        command_timeout: float | None = None,
        probe_interval: float | None = None,
        token_lease: float | None = None,
        dedup_ttl: float | None = None,
    ) -> None: ...
    @property
    def reachable(self) -> bool:
        """True unless the last call to Redis failed."""
    @property
    def outages(self) -> int:
        """How many times Redis stopped answering since this object was made."""
    @property
    def prefix(self) -> str:
        """The key prefix."""

# ---------------------------------------------------------------- clients

@final
class Client:
    """A SePay client whose calls block (with the GIL released) until the answer.

    Give `environment` ("live" or "sandbox") or the `base_url` of a server laid
    out like the `sepay-sandbox` emulator. Durations are in seconds (0 to one
    day); `requests_per_second=0` turns the client-side rate limit off;
    `max_pages` caps the pages one `iter()` walk fetches (default 100,000).
    `app_name` ("my-shop/2.1") is appended to the User-Agent; `proxy` is an
    explicit http(s) proxy URL (otherwise HTTPS_PROXY / HTTP_PROXY / NO_PROXY
    are honoured); `ca_bundle` is a PEM file of extra trusted roots. Blank credentials and out-of-range values raise
    `ConfigurationError`.
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
        app_name: str | None = None,
        proxy: str | None = None,
        ca_bundle: str | os.PathLike[str] | None = None,
        pg_merchant_id: str | None = None,
        pg_secret_key: str | None = None,
        oauth_client_id: str | None = None,
        oauth_client_secret: str | None = None,
        oauth_redirect_uri: str | None = None,
        oauth_token_store: TokenStore | None = None,
        bank_hub_client_id: str | None = None,
        bank_hub_client_secret: str | None = None,
        shared_state: SharedState | str | None = None,
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
    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_attempts: int | None = None,
        max_elapsed: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A view whose calls use these options (seconds; extra headers); it shares
        the connections, rate limit and tokens."""
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
        app_name: str | None = None,
        proxy: str | None = None,
        ca_bundle: str | os.PathLike[str] | None = None,
        pg_merchant_id: str | None = None,
        pg_secret_key: str | None = None,
        oauth_client_id: str | None = None,
        oauth_client_secret: str | None = None,
        oauth_redirect_uri: str | None = None,
        oauth_token_store: TokenStore | None = None,
        bank_hub_client_id: str | None = None,
        bank_hub_client_secret: str | None = None,
        shared_state: SharedState | str | None = None,
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
    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_attempts: int | None = None,
        max_elapsed: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A view whose calls use these options (seconds; extra headers); it shares
        the connections, rate limit and tokens."""
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
        store: DedupStore | SharedState | None = None,
        encoding: Encoding = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver: ...
    @staticmethod
    def api_key(
        key: str,
        *,
        store: DedupStore | SharedState | None = None,
        encoding: Encoding = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver: ...
    @staticmethod
    def hmac(
        secret: str,
        *,
        tolerance: float | None = None,
        store: DedupStore | SharedState | None = None,
        encoding: Literal["json"] = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver:
        """`tolerance`: seconds the signed timestamp may be off (default 300)."""
    @staticmethod
    def oauth2(
        issuer: WebhookTokenIssuer,
        *,
        store: DedupStore | SharedState | None = None,
        encoding: Literal["json"] = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver: ...
    @staticmethod
    def secret_key(
        secret: str,
        *,
        store: DedupStore | SharedState | None = None,
        encoding: Literal["json"] = "json",
        lease: float | None = None,
        replay_window: float | None = None,
    ) -> WebhookReceiver: ...
    def test_delivery(
        self,
        transfer_amount: Decimal | int | str,
        content: str = "",
        *,
        id: int | None = None,
        code: str | None = None,
        transfer_type: Literal["in", "out"] | None = None,
        transaction_date: datetime | None = None,
        gateway: str | None = None,
        account_number: str | None = None,
        accumulated: Decimal | int | str | None = None,
        sub_account: str | None = None,
        reference_code: str | None = None,
        now: int | None = None,
    ) -> tuple[list[tuple[str, str]], bytes]:
        """A made-up delivery this receiver accepts: `(headers, body)` of the
        webhook SePay would send for one transaction, in this receiver's
        encoding and mode (HMAC signature and timestamp, API key, bearer
        token or secret key), for testing a handler without SePay. Defaults:
        an incoming transfer, id from the time, date now (aware datetimes
        only)."""
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

# ---------------------------------------------------------------- testing

@final
class _Emulator:
    """The emulator's engine (use `sepay_sdk.testing.Emulator`); JSON in and out."""
    def __init__(self, config: str) -> None: ...
    @property
    def base_url(self) -> str: ...
    def client_options(self) -> str: ...
    def stats(self) -> str: ...
    def simulate_payment(self, request: str) -> str: ...
    def pay_va(self, request: str) -> str: ...
    def add_webhook(self, target: str) -> int: ...
    def webhook_deliveries(self, count: int, timeout: float) -> str: ...
    def requests(self) -> str: ...
    def close(self) -> None: ...
