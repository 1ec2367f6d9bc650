"""A local HTTP server for the receiving tests: the sandbox POSTs webhooks and
IPNs to it, and each request is handed to a handler that returns the reply."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

Reply = tuple[int, str, str]
"""(status, content type, body)."""
Handler = Callable[[str, str, Message, bytes], Reply]
"""(method, path, headers, body) -> reply."""


@contextmanager
def serve(handler: Handler) -> Iterator[str]:
    """Serves on a free loopback port; yields the base URL."""

    class Endpoint(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            try:
                status, content_type, text = handler(self.command, self.path, self.headers, body)
            except Exception as error:  # a failed assertion: answer 500, keep serving
                status, content_type, text = 500, "text/plain", repr(error)
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def admin(base_url: str, method: str, path: str, body: Optional[Any] = None) -> Any:
    """Calls a `/__sandbox/*` endpoint; returns the JSON answer (or None)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{base_url}/__sandbox/{path}",
        data=data,
        method=method,
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
    return json.loads(raw) if raw else None


def wait_until(done: Callable[[], bool], timeout: float = 20.0) -> None:
    """Polls `done` until it is true; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for a delivery")
        time.sleep(0.02)


class ForwardProxy:
    """A plain-HTTP forward proxy on a free loopback port: records each
    request's line and User-Agent (`lines`), then relays it (GET only)."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []
        lines = self.lines
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))

        class Relay(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                lines.append((self.requestline, self.headers.get("User-Agent", "")))
                skip = {"host", "proxy-connection", "connection", "accept-encoding"}
                headers = {k: v for k, v in self.headers.items() if k.lower() not in skip}
                request = urllib.request.Request(self.path, headers=headers)
                try:
                    with direct.open(request, timeout=10) as answer:
                        status, body, kind = answer.status, answer.read(), answer.headers.get("Content-Type", "")
                except urllib.error.HTTPError as error:
                    status, body, kind = error.code, error.read(), error.headers.get("Content-Type", "")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Relay)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> ForwardProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def tls_front(cert: Any, backend: str) -> Iterator[str]:
    """An HTTPS front on a free loopback port presenting `cert` (a trustme
    LeafCert) and relaying each connection to the plain-HTTP `backend`;
    yields its https URL."""
    import socket
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    host, port = backend.removeprefix("http://").split(":")
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def serve_one(raw: socket.socket) -> None:
        try:
            tls = context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):
            raw.close()  # a client that does not trust the certificate
            return
        upstream = socket.create_connection((host, int(port)))
        threading.Thread(target=pipe, args=(upstream, tls), daemon=True).start()
        pipe(tls, upstream)

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve_one, args=(raw,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()
