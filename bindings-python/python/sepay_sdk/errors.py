"""Exceptions raised by sepay_sdk. Every one derives from :class:`SePayError`.

Each carries the failed ``operation`` (e.g. ``"v2.transactions.list"``), the
HTTP ``status`` and SePay's error ``code`` when there was an answer, SePay's
``message``, and the underlying errors as a chain of ``__cause__``. No message
ever contains the API token.
"""

from __future__ import annotations

import builtins
from typing import Any, NamedTuple, Optional, Sequence, Tuple

__all__ = [
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
    "WebhookVerificationError",
    "StoreError",
    "FieldError",
    "Cause",
]


class FieldError(NamedTuple):
    """One invalid parameter or field: its name and what is wrong with it."""

    field: str
    message: str


class SePayError(Exception):
    """Base class of every error the SDK raises."""

    kind: str
    """Stable short name of the error kind, e.g. ``"not_found"``."""
    operation: str
    """The operation that failed, e.g. ``"v1.transactions.get"``."""
    status: Optional[int]
    """HTTP status of SePay's answer, or ``None`` when there was no answer."""
    code: Optional[str]
    """SePay's ``error_code``, when it sent one."""
    message: str
    """SePay's message (or the SDK's explanation)."""

    def __init__(
        self,
        text: str,
        *,
        kind: str = "",
        operation: str = "",
        status: Optional[int] = None,
        code: Optional[str] = None,
        message: Optional[str] = None,
    ) -> None:
        super().__init__(text)
        self.kind = kind
        self.operation = operation
        self.status = status
        self.code = code
        self.message = text if message is None else message

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (type(self), str(self), dict(self.__dict__)))


def _rebuild(cls: type, text: str, state: dict) -> SePayError:  # type: ignore[type-arg]
    error: SePayError = cls.__new__(cls)
    Exception.__init__(error, text)
    error.__dict__.update(state)
    return error


class AuthenticationError(SePayError):
    """The API token is missing, wrong or disabled."""


class NotFoundError(SePayError):
    """The resource does not exist or belongs to another company."""


class ValidationError(SePayError, ValueError):
    """A request SePay rejected, or that the SDK refused to send
    (``status`` is ``None``); ``field_errors`` names the parameters."""

    field_errors: Tuple[FieldError, ...]

    def __init__(self, text: str, *, field_errors: Sequence[Tuple[str, str]] = (), **kw: Any) -> None:
        super().__init__(text, **kw)
        self.field_errors = tuple(FieldError(f, m) for f, m in field_errors)


class RateLimitedError(SePayError):
    """SePay's rate limit was hit and the retries ran out."""

    retry_after: Optional[float]
    """Seconds SePay asked to wait, when it said."""

    def __init__(self, text: str, *, retry_after: Optional[float] = None, **kw: Any) -> None:
        super().__init__(text, **kw)
        self.retry_after = retry_after


class ServerError(SePayError):
    """SePay failed (HTTP 5xx) and the retries ran out."""


class ApiError(SePayError):
    """Any other refusal by SePay (e.g. HTTP 403)."""


class TransportError(SePayError):
    """The request could not be sent or the answer could not be read."""


class RequestTimeoutError(TransportError, builtins.TimeoutError):
    """No complete answer arrived within the client's ``timeout``."""


class DecodeError(SePayError):
    """SePay's answer was not what its documentation describes."""


class PaginationError(SePayError):
    """Walking a list could not guarantee a complete, duplicate-free result."""


class ConfigurationError(SePayError):
    """The client is configured in a way that cannot work, or is closed."""


class WebhookVerificationError(SePayError):
    """An inbound notification failed verification (wrong key or signature,
    stale timestamp, not a POST). Reply with ``error_reply(error)`` (401)."""


class StoreError(SePayError):
    """A store your application supplied failed: the OAuth2 token store's
    ``load``/``save`` or the webhook dedup store's ``claim``/``complete``/
    ``release`` raised. The store's own exception is the ``__cause__`` where
    it is at hand. Nothing was lost (unsaved OAuth2 tokens stay in memory and
    are saved again later); repeat the call. In a webhook handler reply with
    ``error_reply(error)`` (503: SePay retries)."""


class Cause(Exception):
    """An underlying error reported by the Rust core, kept as ``__cause__``."""


_BY_KIND = {
    "authentication": AuthenticationError,
    "not_found": NotFoundError,
    "validation": ValidationError,
    "rate_limited": RateLimitedError,
    "server": ServerError,
    "api": ApiError,
    "transport": TransportError,
    "timeout": RequestTimeoutError,
    "decode": DecodeError,
    "pagination": PaginationError,
    "configuration": ConfigurationError,
    "webhook_verification": WebhookVerificationError,
    "store": StoreError,
}


def _from_native(
    text: str,
    *,
    kind: str,
    operation: str,
    status: Optional[int],
    code: Optional[str],
    message: Optional[str],
    retry_after: Optional[float],
    field_errors: Sequence[Tuple[str, str]],
    causes: Sequence[str],
) -> SePayError:
    """Builds the exception for an error of the Rust core (called by the extension)."""
    cls = _BY_KIND.get(kind, SePayError)
    kw: dict = {"kind": kind, "operation": operation, "status": status, "code": code, "message": message}  # type: ignore[type-arg]
    if cls is ValidationError:
        kw["field_errors"] = field_errors
    if cls is RateLimitedError:
        kw["retry_after"] = retry_after
    error = cls(text, **kw)
    link: BaseException = error
    for cause in causes:
        nxt = Cause(cause)
        link.__cause__ = nxt
        link = nxt
    return error
