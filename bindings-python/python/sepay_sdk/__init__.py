"""SePay SDK for Python (the Vietnamese bank-transfer payment service): a synchronous :class:`Client` and an asyncio
:class:`AsyncClient` over one Rust core, which owns SePay's rules, rate
limiting, retries and pagination.

Money is :class:`decimal.Decimal`, times are timezone-aware at +07:00, every
list can be walked with ``iter()`` (``for`` / ``async for``), and errors derive
from :class:`SePayError`.
"""

from datetime import timedelta, timezone

from . import vietqr, webhooks
from ._native import (
    FUNCTIONS,
    CheckoutForm,
    PgOrder,
    PgTransaction,
)
from ._native import (
    OPERATION_PARAMS,
    OPERATIONS,
    AsyncClient,
    AsyncPaginator,
    Client,
    Page,
    Paginator,
    Pagination,
    Terminal,
    V1BankAccount,
    V1Transaction,
    V2BankAccount,
    V2Transaction,
    V2VirtualAccount,
    __version__,
)
from ._enums import (
    LinkPurpose,
    OrderBank,
    QrTemplate,
    VaOrderStatus,
    VaStatus,
    WebhookAuthType,
    WebhookEventType,
)
from ._native import OrderVa, VaOrder
from .errors import (
    ApiError,
    AuthenticationError,
    Cause,
    ConfigurationError,
    DecodeError,
    FieldError,
    NotFoundError,
    PaginationError,
    RateLimitedError,
    RequestTimeoutError,
    SePayError,
    ServerError,
    TransportError,
    ValidationError,
    WebhookVerificationError,
)

VIETNAM = timezone(timedelta(hours=7))
"""SePay's time zone (Asia/Ho_Chi_Minh, UTC+07:00, no daylight saving)."""

__all__ = [
    "Client",
    "AsyncClient",
    "Page",
    "Paginator",
    "AsyncPaginator",
    "Pagination",
    "V1Transaction",
    "V1BankAccount",
    "V2Transaction",
    "V2BankAccount",
    "V2VirtualAccount",
    "Terminal",
    "VaOrder",
    "OrderVa",
    "VaOrderStatus",
    "VaStatus",
    "OrderBank",
    "QrTemplate",
    "WebhookEventType",
    "WebhookAuthType",
    "LinkPurpose",
    "OPERATIONS",
    "OPERATION_PARAMS",
    "FUNCTIONS",
    "PgOrder",
    "PgTransaction",
    "CheckoutForm",
    "webhooks",
    "vietqr",
    "WebhookVerificationError",
    "VIETNAM",
    "SePayError",
    "AuthenticationError",
    "NotFoundError",
    "ValidationError",
    "RateLimitedError",
    "ServerError",
    "ApiError",
    "TransportError",
    "RequestTimeoutError",
    "DecodeError",
    "PaginationError",
    "ConfigurationError",
    "FieldError",
    "Cause",
    "__version__",
]
