"""The terminal's signalling link to the hub (docs/consult-signalling.md): one WebSocket with the terminal token,
every message checked before it is believed, pings answered, and a dropped link resumed within 30 s so that a
call (or a place in the queue) survives a network blip.

Log lines name message types and reasons only, never contents: SDP carries addresses, pushed documents may
carry a resident's details.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

log = logging.getLogger("kiosk.consult.signalling")

PATH = "/api/v1/consult/ws"
MAX_MESSAGE = 64 * 1024  # the contract's limit, both ways
RESUME_WINDOW_S = 30.0  # the hub keeps a dropped terminal's call (or place) this long
BACKOFF_S = (0.25, 0.5, 1.0, 2.0, 4.0)
CONNECT_TIMEOUT_S = 5.0
UNAUTHORIZED = 4401  # the hub's close code for a missing or wrong token
FORBIDDEN = 4403
NUMBER = (int, float)
Field = type | tuple[type, ...]

# Messages the hub sends a terminal: required fields, then optional ones (checked when present).
FROM_HUB: dict[str, tuple[dict[str, Field], dict[str, Field]]] = {
    "queued": ({"call_id": str, "position": int, "expected_wait_s": NUMBER}, {}),
    "queue": ({"position": int, "expected_wait_s": NUMBER}, {"call_id": str}),
    "accepted": ({"call_id": str, "clerk": str, "ice_servers": list}, {}),
    "offer": ({"call_id": str, "sdp": str}, {}),
    "answer": ({"call_id": str, "sdp": str}, {}),
    "push": ({"kind": str}, {"call_id": str}),
    "record_request": ({"call_id": str}, {}),
    "mute": ({"audio": bool, "video": bool}, {"call_id": str}),
    "hangup": ({"reason": str}, {"call_id": str}),
    "resumed": ({"call_id": str}, {"ice_servers": list}),  # fresh ICE servers when TURN credentials expire
    "ping": ({}, {}),
    "pong": ({}, {}),
    "error": ({"detail": str}, {"call_id": str}),
}
PUSH_KINDS: dict[str, dict[str, Field]] = {
    "guide": {"item_id": str},
    "document": {"title": str, "text": str},
    "clear": {},
}
TO_HUB = frozenset({"join", "leave", "offer", "answer", "record_consent", "mute", "hangup", "resume", "pong", "error"})


class SignallingError(ValueError):
    """A message that breaks the contract (its text says what is wrong, never what it held)."""


def _check(message: dict[str, Any], name: str, kind: Field, what: str) -> None:
    value = message.get(name)
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # bool is an int to Python, never a position or a wait to the contract (and a number is never a flag).
    if isinstance(value, bool) and bool not in kinds:
        raise SignallingError(f"{what}: {name!r} is not a {'/'.join(k.__name__ for k in kinds)}")
    if not isinstance(value, kinds):
        raise SignallingError(f"{what}: {name!r} is missing or not a {'/'.join(k.__name__ for k in kinds)}")


def _check_ice_servers(servers: list[Any], what: str) -> None:
    for server in servers:
        if not isinstance(server, dict):
            raise SignallingError(f"{what}: an ICE server is not an object")
        urls = server.get("urls")
        if isinstance(urls, str):
            urls = [urls]
        if not isinstance(urls, list) or not urls or not all(isinstance(u, str) and u for u in urls):
            raise SignallingError(f"{what}: an ICE server has no valid 'urls'")
        for name in ("username", "credential"):
            if name in server and not isinstance(server[name], str):
                raise SignallingError(f"{what}: an ICE server's {name!r} is not a string")


def parse(raw: str | bytes) -> dict[str, Any]:
    """One message from the hub, checked against the contract; SignallingError when it breaks it."""
    if isinstance(raw, bytes):
        raise SignallingError("a binary frame (the contract has JSON text only)")
    if len(raw.encode()) > MAX_MESSAGE:
        raise SignallingError("a message over 64 KB")
    try:
        message = json.loads(raw)
    except ValueError:
        raise SignallingError("a message that is not JSON") from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise SignallingError("a message without a type")
    kind = message["type"]
    if kind not in FROM_HUB:
        raise SignallingError(f"unknown message type {kind[:40]!r}")
    required, optional = FROM_HUB[kind]
    for name, field_kind in required.items():
        _check(message, name, field_kind, kind)
    for name, field_kind in optional.items():
        if name in message:
            _check(message, name, field_kind, kind)
    if kind in ("queued", "queue") and (message["position"] < 0 or message["expected_wait_s"] < 0):
        raise SignallingError(f"{kind}: a negative position or wait")
    if kind in ("accepted", "resumed") and "ice_servers" in message:
        _check_ice_servers(message["ice_servers"], kind)
    if kind == "push":
        fields = PUSH_KINDS.get(message["kind"])
        if fields is None:
            raise SignallingError(f"push: unknown kind {message['kind'][:40]!r}")
        for name, field_kind in fields.items():
            _check(message, name, field_kind, "push")
    return message


def encode(message: dict[str, Any]) -> str:
    """A message for the hub as JSON text; SignallingError for a type the terminal never sends or an oversize one."""
    if message.get("type") not in TO_HUB:
        raise SignallingError(f"the terminal does not send {message.get('type')!r}")
    text = json.dumps(message, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode()) > MAX_MESSAGE:
        raise SignallingError(f"{message['type']}: over 64 KB")
    return text


def ws_url(hub_url: str) -> str:
    """The consult WebSocket's URL on a hub at `hub_url` (http -> ws, https -> wss)."""
    parts = urlsplit(hub_url.rstrip("/"))
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None or not parts.netloc:
        raise SignallingError(f"not a hub URL: {hub_url!r}")
    return urlunsplit((scheme, parts.netloc, parts.path + PATH, "", ""))


class Signalling:
    """One terminal's link: `run()` connects and reads until closed; while `call_id` is set (queued or in a call)
    a dropped link is reopened with `resume` for up to RESUME_WINDOW_S.

    `on_message(message)` gets every valid message except pings (answered here); `on_link(state)` hears
    "open", "reconnecting" and "resuming". Both run in the event loop and must not block.
    """

    def __init__(
        self,
        hub_url: str,
        token: str | Callable[[], str],
        on_message: Callable[[dict[str, Any]], Awaitable[None] | None],
        on_link: Callable[[str], None] = lambda _state: None,
        clock: Callable[[], float] = time.monotonic,
        resume_window: float = RESUME_WINDOW_S,
        ca_file: str = "",
    ):
        self.url = ws_url(hub_url)
        # wss: the hub's certificate checked against hub.ca_file (else the system's CAs), as for its https API
        self.tls = ssl.create_default_context(cafile=ca_file or None) if self.url.startswith("wss:") else None
        self.token = token
        self.on_message = on_message
        self.on_link = on_link
        self.clock = clock
        self.resume_window = resume_window
        self.call_id = ""  # set once queued: from then on a dropped link is resumed
        self.ws: ClientConnection | None = None
        self.closing = False
        self.invalid = 0  # messages refused (the contract broken): for stats and tests
        self.reconnects = 0
        self.opened = asyncio.Event()

    def _headers(self) -> dict[str, str]:
        token = self.token() if callable(self.token) else self.token
        return {"Authorization": f"Bearer {token}"}

    async def run(self) -> str:
        """Connect and read until the link ends; why it ended: "closed" (by us), "unauthorized",
        "unreachable" (never connected), "lost" (dropped and not back within the window) or "ended"
        (the hub closed it with nothing to resume)."""
        dropped_at: float | None = None
        delays = iter(())
        connected_once = False
        while not self.closing:
            outcome = await self._connect_and_read(resume=dropped_at is not None)
            if self.closing:
                return "closed"
            if outcome == "unauthorized":
                return outcome
            if outcome == "read":
                connected_once = True
                dropped_at = None
                delays = iter(BACKOFF_S)
            if not connected_once:
                return "unreachable"
            if not self.call_id:
                return "ended"
            if dropped_at is None:
                dropped_at = self.clock()
                log.warning("signalling link dropped; resuming")
            remaining = self.resume_window - (self.clock() - dropped_at)
            if remaining <= 0:
                return "lost"
            self.on_link("reconnecting")
            await asyncio.sleep(min(next(delays, BACKOFF_S[-1]), remaining))
        return "closed"

    async def _connect_and_read(self, resume: bool) -> str:
        """Connect and read: "read" once connected (whatever ended it), "unauthorized", or "failed"."""
        try:
            ws = await connect(
                self.url,
                ssl=self.tls,
                additional_headers=self._headers(),
                max_size=MAX_MESSAGE,
                open_timeout=CONNECT_TIMEOUT_S,
                ping_interval=10,
                ping_timeout=10,
                close_timeout=2,
                compression=None,  # SDP and short JSON: not worth the CPU
            )
        except InvalidStatus as exc:
            if exc.response.status_code in (401, 403):
                log.error("the hub refused the terminal token (HTTP %s)", exc.response.status_code)
                return "unauthorized"
            log.warning("signalling: the hub refused the upgrade (HTTP %s)", exc.response.status_code)
            return "failed"
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
            log.warning("signalling: cannot connect (%s)", type(exc).__name__)
            return "failed"
        except Exception as exc:  # a token file gone missing, a malformed token
            log.error("signalling: cannot connect (%s)", type(exc).__name__)
            return "failed"
        self.ws = ws
        if resume:
            self.reconnects += 1
            await self.send({"type": "resume", "call_id": self.call_id})
            self.on_link("resuming")
        else:
            self.on_link("open")
        self.opened.set()
        try:
            return await self._read(ws)
        finally:
            self.ws = None
            self.opened.clear()

    async def _read(self, ws: ClientConnection) -> str:
        try:
            async for raw in ws:
                try:
                    message = parse(raw)
                except SignallingError as exc:
                    self.invalid += 1
                    log.warning("signalling: ignored %s", exc)
                    if str(exc).startswith("unknown message type"):
                        await self.send({"type": "error", "detail": str(exc)})
                    continue
                if message["type"] == "ping":
                    await self.send({"type": "pong"})
                    continue
                try:
                    result = self.on_message(message)
                    if asyncio.iscoroutine(result):
                        await result
                except Exception:  # one bad handling must not end the call's link
                    log.exception("signalling: handling %s failed", message["type"])
        except ConnectionClosed:
            pass
        code = ws.close_code
        if code in (UNAUTHORIZED, FORBIDDEN):
            log.error("the hub closed the link: terminal not authorized (%s)", code)
            return "unauthorized"
        return "read"

    async def send(self, message: dict[str, Any]) -> bool:
        """Send one message; False when the link is down (the caller decides whether that matters)."""
        text = encode(message)
        ws = self.ws
        if ws is None:
            return False
        try:
            await ws.send(text)
        except ConnectionClosed:
            return False
        return True

    async def close(self) -> None:
        """End the link for good (no resume)."""
        self.closing = True
        self.call_id = ""
        ws = self.ws
        if ws is not None:
            await ws.close()
