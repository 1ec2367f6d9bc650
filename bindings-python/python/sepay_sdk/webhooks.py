"""Receiving SePay's notifications, with any web framework (Flask, Django,
FastAPI/Starlette, ``http.server``): hand ``receive(method, headers, body)``
the request, process ``result.event`` unless ``result.duplicate``, and send
``result.reply`` (status, content type, body). On an exception, send
``error_reply(error)``.

Modes: :meth:`WebhookReceiver.no_auth`, :meth:`~WebhookReceiver.api_key`,
:meth:`~WebhookReceiver.hmac` (5-minute tolerance),
:meth:`~WebhookReceiver.oauth2` (tokens from a :class:`WebhookTokenIssuer`)
and :meth:`~WebhookReceiver.secret_key` (payment gateway IPN, Bank Hub).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ._native import (
    BankHubEvent,
    BankHubEventMetadata,
    BankHubIpn,
    PgIpn,
    PgIpnOrder,
    PgIpnTransaction,
    Received,
    WebhookEvent,
    WebhookReceiver,
    WebhookReply,
    WebhookTokenIssuer,
    error_reply,
    hmac_signature,
)
from .errors import DecodeError, WebhookVerificationError


@runtime_checkable
class DedupStore(Protocol):
    """Where a receiver remembers the events it has seen (a database table,
    Redis ``SET NX``, ...); the default is in memory, per receiver."""

    def insert_if_new(self, key: str) -> bool:
        """Records ``key``; True if it was not seen before (atomically)."""
        ...

    def forget(self, key: str) -> None:
        """Forgets ``key`` so a redelivery is processed again."""
        ...


__all__ = [
    "WebhookReceiver",
    "WebhookTokenIssuer",
    "Received",
    "WebhookReply",
    "DedupStore",
    "WebhookEvent",
    "PgIpn",
    "PgIpnOrder",
    "PgIpnTransaction",
    "BankHubIpn",
    "BankHubEvent",
    "BankHubEventMetadata",
    "WebhookVerificationError",
    "DecodeError",
    "error_reply",
    "hmac_signature",
]
