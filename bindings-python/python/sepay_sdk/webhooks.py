"""Receiving SePay's notifications, with any web framework (Flask, Django,
FastAPI/Starlette, ``http.server``): hand ``receive(method, headers, body)``
the request and look at ``result.delivery``:

* ``"new"``: handle ``result.event``; on success ``receiver.complete(result.key)``
  and send ``result.reply``; on failure ``receiver.release(result.key)`` and send
  ``WebhookReply.retry_later()`` (503: SePay delivers it again later);
* ``"duplicate"``: handled already, send ``result.reply`` (success);
* ``"in_progress"``: another request is handling it, send ``result.reply`` (503).

On an exception (``WebhookVerificationError``, ``DecodeError``, ``StoreError``)
send ``error_reply(error)`` (401, 400, 503).

Modes: :meth:`WebhookReceiver.no_auth`, :meth:`~WebhookReceiver.api_key`
(both with ``encoding="json" | "form" | "multipart"``, as chosen in SePay's
webhook settings), :meth:`~WebhookReceiver.hmac` (5-minute tolerance),
:meth:`~WebhookReceiver.oauth2` (tokens from a :class:`WebhookTokenIssuer`)
and :meth:`~WebhookReceiver.secret_key` (payment gateway IPN, Bank Hub); the
signed modes read JSON only.
"""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

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
from .errors import DecodeError, StoreError, WebhookVerificationError


Claim = Literal["new", "in_progress", "done"]
"""What :meth:`DedupStore.claim` found."""

Delivery = Literal["new", "duplicate", "in_progress"]
"""What to do with a verified delivery (``Received.delivery``)."""

Encoding = Literal["json", "form", "multipart"]
"""The body encoding of a receiver (``application/json``,
``application/x-www-form-urlencoded``, ``multipart/form-data``)."""


@runtime_checkable
class DedupStore(Protocol):
    """Where a receiver remembers the events it has handled (a database table,
    Redis, ...); the default is in memory, per receiver. Every method must be
    atomic across the processes that share the store. A method that raises
    makes the call fail with :class:`StoreError` (reply 503, SePay retries).
    """

    def claim(self, key: str, lease_seconds: float) -> Claim:
        """Claims ``key`` for ``lease_seconds``: ``"done"`` if it was completed,
        ``"in_progress"`` if another claim's lease is still running, else
        ``"new"`` (never seen, released, or the last claim's lease ran out):
        the caller now holds the key until it completes or releases it."""
        ...

    def complete(self, key: str) -> None:
        """Marks ``key`` handled: later claims answer ``"done"``."""
        ...

    def release(self, key: str) -> None:
        """Gives up the claim on ``key`` (handling failed): the next claim is
        ``"new"``. Never undoes a completed key."""
        ...


__all__ = [
    "WebhookReceiver",
    "WebhookTokenIssuer",
    "Received",
    "WebhookReply",
    "DedupStore",
    "Claim",
    "Delivery",
    "Encoding",
    "WebhookEvent",
    "PgIpn",
    "PgIpnOrder",
    "PgIpnTransaction",
    "BankHubIpn",
    "BankHubEvent",
    "BankHubEventMetadata",
    "WebhookVerificationError",
    "DecodeError",
    "StoreError",
    "error_reply",
    "hmac_signature",
]
