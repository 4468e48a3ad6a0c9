"""The ASGI gate in front of the hub: body size limits, terminal authentication before a body is read, an access
log of paths only (no query strings, no bodies: they may hold codes and personal data), and the console's
security headers."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

API_PREFIX = "/api/v1/"
PUBLIC_API = {"/api/v1/health"}
API_BODY_LIMIT = 20 * 1024 * 1024
CONSOLE_BODY_LIMIT = 256 * 1024
DRAIN_LIMIT = 64 * 1024 * 1024  # a refused body up to this size is read to its end, so the client sees the reply

CONSOLE_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
        b"base-uri 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]

access_log = logging.getLogger("hub.access")


class Gate:
    """Wraps the app; `authenticate(header) -> terminal_id | None` is called in a worker thread."""

    def __init__(self, app: ASGIApp, authenticate: Callable[[str | None], str | None]):
        self.app = app
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path: str = scope["path"]
        status = {"code": 0}
        is_console = path == "/clerk" or path.startswith("/clerk/")

        async def logged_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                if is_console:
                    message["headers"] = [*message.get("headers", []), *CONSOLE_HEADERS]
            await send(message)

        try:
            await self._handle(scope, receive, logged_send, path, is_console)
        finally:
            took = (time.perf_counter() - started) * 1000
            who = scope.get("state", {}).get("terminal_id") or "-"
            access_log.info("%s %s %s %.0f ms %s", scope["method"], path, status["code"], took, who)

    async def _handle(self, scope: Scope, receive: Receive, send: Send, path: str, is_console: bool) -> None:
        limit = API_BODY_LIMIT if path.startswith(API_PREFIX) else CONSOLE_BODY_LIMIT
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        try:
            declared = int(length) if length is not None else None
        except ValueError:
            await _reply(send, 400, "bad Content-Length")
            return
        if declared is not None and declared > limit:
            await _drain(receive, min(declared, DRAIN_LIMIT))
            await _reply(send, 413, f"request body larger than {limit} bytes")
            return
        if path.startswith(API_PREFIX) and path.rstrip("/") not in PUBLIC_API:
            authorization = headers.get(b"authorization", b"").decode("latin-1") or None
            terminal_id = await anyio.to_thread.run_sync(self.authenticate, authorization)
            if terminal_id is None:
                await _drain(receive, limit)
                await _reply(send, 401, "a valid terminal token is required", {b"www-authenticate": b"Bearer"})
                return
            scope.setdefault("state", {})["terminal_id"] = terminal_id
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                if more:
                    await _drain(receive, DRAIN_LIMIT - len(body))
                await _reply(send, 413, f"request body larger than {limit} bytes")
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _drain(receive: Receive, at_most: int) -> None:
    """Read and drop up to `at_most` bytes of the body still coming."""
    seen = 0
    while seen <= at_most:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _reply(send: Send, status: int, detail: str, extra: dict[bytes, bytes] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += list((extra or {}).items())
    if status in (400, 413):
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
