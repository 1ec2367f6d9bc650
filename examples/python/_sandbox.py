"""Helper for the examples: where to connect. With SEPAY_BASE_URL (or
SEPAY_ENVIRONMENT=live|sandbox) and SEPAY_TOKEN set, that server is used;
otherwise a local `sepay-sandbox` (SEPAY_SANDBOX_BIN, or on PATH) is started."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

DEMO_TOKEN = "DEMO_TOKEN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS"


@contextlib.contextmanager
def connection() -> Iterator[dict[str, Any]]:
    """Yields the keyword arguments for `Client(...)` / `AsyncClient(...)`."""
    token = os.environ.get("SEPAY_TOKEN")
    if token and os.environ.get("SEPAY_BASE_URL"):
        yield {"token": token, "base_url": os.environ["SEPAY_BASE_URL"]}
        return
    if token and os.environ.get("SEPAY_ENVIRONMENT") in ("live", "sandbox"):
        yield {"token": token, "environment": os.environ["SEPAY_ENVIRONMENT"]}
        return
    binary = os.environ.get("SEPAY_SANDBOX_BIN") or shutil.which("sepay-sandbox")
    if not binary:
        raise SystemExit(
            "Set SEPAY_TOKEN and SEPAY_BASE_URL, or build the emulator:\n"
            "  cargo build --release -p sepay-sandbox\n"
            "  export SEPAY_SANDBOX_BIN=$CARGO_TARGET_DIR/release/sepay-sandbox"
        )
    proc = subprocess.Popen(
        [binary, "--addr", "127.0.0.1:0", "--token", DEMO_TOKEN, "--transactions", "6000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        yield {"token": DEMO_TOKEN, "base_url": url}
    finally:
        proc.terminate()
        proc.wait()
