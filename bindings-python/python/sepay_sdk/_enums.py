"""String enums of the VA order, OAuth2 and Bank Hub surfaces.

Each member is also its wire string, so ``order.status == "Paid"`` and
``order.status is VaOrderStatus.PAID`` both hold.
"""

from enum import Enum


class VaOrderStatus(str, Enum):
    """A VA order's state: ``PENDING → PARTIALLY (BIDV) → PAID``, or ``CANCELLED``."""

    PENDING = "Pending"
    PARTIALLY = "Partially"
    PAID = "Paid"
    CANCELLED = "Cancelled"


class VaStatus(str, Enum):
    """The state of one virtual account of an order."""

    UNPAID = "Unpaid"
    PAID = "Paid"
    CANCELLED = "Cancelled"


class OrderBank(str, Enum):
    """The bank behind the account of a VA order; the rules checked before sending differ."""

    BIDV = "BIDV"
    VIETCOMBANK = "Vietcombank"
    SACOMBANK = "Sacombank"


class QrTemplate(str, Enum):
    """QR image style of a VA order."""

    COMPACT = "compact"
    QR_ONLY = "qronly"


class WebhookEventType(str, Enum):
    """Which transactions an OAuth2 webhook fires for."""

    ALL = "All"
    IN_ONLY = "In_only"
    OUT_ONLY = "Out_only"


class WebhookAuthType(str, Enum):
    """How SePay authenticates to an OAuth2 webhook's URL."""

    API_KEY = "Api_Key"
    OAUTH2 = "OAuth2.0"
    HMAC_SHA256 = "HMAC_SHA256"
    NONE = "No_Authen"


class LinkPurpose(str, Enum):
    """What a Bank Hub link token is for."""

    LINK_BANK_ACCOUNT = "LINK_BANK_ACCOUNT"
    UNLINK_BANK_ACCOUNT = "UNLINK_BANK_ACCOUNT"


__all__ = [
    "LinkPurpose",
    "OrderBank",
    "QrTemplate",
    "VaOrderStatus",
    "VaStatus",
    "WebhookAuthType",
    "WebhookEventType",
]
