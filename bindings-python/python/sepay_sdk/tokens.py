"""Where a client keeps one SePay user's OAuth2 tokens between runs.

Pass any object with ``load()`` and ``save(tokens)`` as
``Client(oauth_token_store=...)``: the client loads the tokens when it first
needs them and saves them after every code exchange and refresh (SePay rotates
refresh tokens, so the saved one is the only one that still works).

Either method may raise: the call that needed it fails with
:class:`~sepay_sdk.StoreError` (the client keeps tokens it could not save in
memory and saves them again at the next call).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Optional, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ._native import OAuthTokens


@runtime_checkable
class TokenStore(Protocol):
    """A place for OAuth2 tokens: a database row, a file, a keychain entry..."""

    def load(self) -> Optional[OAuthTokens]:
        """The stored tokens, or ``None`` before the first exchange. May raise
        (the call fails with ``StoreError``)."""
        ...

    def save(self, tokens: OAuthTokens) -> None:
        """Persists new tokens (called from a worker thread; keep it quick).
        May raise (the call fails with ``StoreError``; the tokens are kept in
        memory and saved again later)."""
        ...


class MemoryTokenStore:
    """Keeps tokens in this process only (what a client uses when given no store)."""

    def __init__(self, tokens: Optional[OAuthTokens] = None) -> None:
        self._lock = threading.Lock()
        self._tokens = tokens

    def load(self) -> Optional[OAuthTokens]:
        """The tokens saved last, or ``None``."""
        with self._lock:
            return self._tokens

    def save(self, tokens: OAuthTokens) -> None:
        """Keeps ``tokens`` (replacing the previous ones)."""
        with self._lock:
            self._tokens = tokens

    def __repr__(self) -> str:
        return f"MemoryTokenStore(tokens={self._tokens!r})"


__all__ = ["TokenStore", "MemoryTokenStore"]
