"""Video consultation on the web (docs/consult-signalling.md): the terminals' and the clerks' WebSockets, the
clerk's page /clerk/consult with its script, and the recording upload. Messages are checked here (size, JSON,
types, fields) and acted on by hub/consult.py's desk; the hub never sees media except a consented recording."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import anyio
from fastapi import APIRouter, FastAPI, Query, Request, WebSocket
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, Response

from hub import console
from hub.consult import HANGUP_REASONS, ConsultDesk, Message, Refused
from hub.gate import Gate, Receive, Scope, Send
from hub.state import HubState
from hub.terminals import authenticate

MAX_MESSAGE = 64 * 1024
PAGE = "/clerk/consult"
STATIC = Path(__file__).with_name("static")
STATIC_FILES = {"consult.js": "text/javascript; charset=utf-8", "consult.css": "text/css; charset=utf-8"}
CALL_ID = r"^[A-Za-z0-9_-]{8,64}$"
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8}){0,2}$")
PUSH_KINDS = frozenset({"guide", "document", "clear"})
RECORDING_TYPES = ("video/webm", "audio/webm")
MAX_RECORDING_PARTS = 50
# The page needs its own script, its WebSocket and fetch to the hub, and camera streams; nothing from elsewhere.
PAGE_POLICY = (
    b"default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; "
    b"media-src 'self' blob: mediastream:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

router = APIRouter(include_in_schema=False)
log = logging.getLogger("hub.consult")  # the gate's access log sees HTTP only: sockets are logged here


TURN_TTL_S = 86400.0  # what the TURN REST API draft suggests: a day, longer than any call (resumes get fresh ones)


@dataclass(frozen=True)
class TurnRest:
    """TURN servers that take time-limited credentials derived from a secret they share with the hub (the TURN
    REST API, draft-uberti-behave-turn-rest; coturn's `use-auth-secret` + `static-auth-secret`): the user name is
    `<expiry unix time>:<user>`, the password base64(HMAC-SHA1(secret, user name)). Nothing to provision per user,
    and a credential seen by a peer is useless a day later, unlike a static TURN password handed to every browser."""

    urls: tuple[str, ...]
    secret: str = field(repr=False)
    ttl_s: float = TURN_TTL_S
    clock: Callable[[], float] = field(default=time.time, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.urls or not all(url.startswith(("turn:", "turns:")) for url in self.urls):
            raise ValueError("TURN REST credentials need turn: or turns: URLs")
        if len(self.secret) < 16:
            raise ValueError("the TURN shared secret must be at least 16 characters")
        if self.ttl_s <= 0:
            raise ValueError("the TURN credentials' lifetime must be positive")

    def __call__(self, user: str) -> dict[str, Any]:
        """An RTCIceServer dict with credentials for `user`, valid for `ttl_s` from now."""
        username = f"{int(self.clock() + self.ttl_s)}:{user}"
        digest = hmac.new(self.secret.encode(), username.encode(), hashlib.sha1).digest()
        return {"urls": list(self.urls), "username": username, "credential": base64.b64encode(digest).decode()}


@dataclass(frozen=True)
class ConsultSettings:
    """Video consultation's settings: ICE servers for both peers (static ones, and TURN with time-limited
    credentials), the times of the protocol, recording limits."""

    ice_servers: tuple[dict[str, Any], ...] = ()
    turn_rest: TurnRest | None = None
    resume_grace_s: float = 30.0
    ping_interval_s: float = 15.0
    silence_s: float = 45.0
    default_handling_s: float = 180.0
    recordings_dir: Path | None = None  # default: consult-recordings beside the hub's key
    max_recording_bytes: int = 300 * 1024 * 1024  # per call
    upload_after_end_s: float = 15.0  # the last piece of a recording stopped by the hang-up may arrive late


def ice_servers(stun: list[str], turn: list[str], username: str | None, credential: str | None) -> tuple[dict, ...]:
    """The RTCIceServer list for `--stun`/`--turn` options; ValueError naming what is wrong."""
    for url in stun:
        if not url.startswith(("stun:", "stuns:")):
            raise ValueError(f"--stun wants a stun: or stuns: URL, got {url!r}")
    for url in turn:
        if not url.startswith(("turn:", "turns:")):
            raise ValueError(f"--turn wants a turn: or turns: URL, got {url!r}")
    if turn and not (username and credential):
        raise ValueError("--turn needs --turn-secret-file, or --turn-username and --turn-credential")
    if (username or credential) and not turn:
        raise ValueError("--turn-username and --turn-credential go with --turn")
    servers: list[dict[str, Any]] = [{"urls": list(stun)}] if stun else []
    if turn:
        servers.append({"urls": list(turn), "username": username, "credential": credential})
    return tuple(servers)


def turn_rest(turn: list[str], secret_file: str | None, ttl_s: float = TURN_TTL_S) -> TurnRest | None:
    """The `--turn-secret-file` option: time-limited credentials for the `--turn` servers (None without it);
    ValueError naming what is wrong. The secret comes from a file so that it never shows in a process list."""
    if secret_file is None:
        return None
    if not turn:
        raise ValueError("--turn-secret-file goes with --turn")
    try:
        secret = Path(secret_file).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ValueError(f"--turn-secret-file: cannot read {secret_file} ({exc.strerror})") from None
    try:
        return TurnRest(tuple(turn), secret, ttl_s)
    except ValueError as exc:
        raise ValueError(f"--turn-secret-file: {exc}") from None


# -- sockets -------------------------------------------------------------------------------------------------------


class SocketPeer:
    """One WebSocket as the desk sees it: messages are queued on the socket's event loop, from any thread."""

    def __init__(self, kind: str, name: str):
        self.kind, self.name = kind, name
        self.loop = asyncio.get_running_loop()
        self.outbox: asyncio.Queue[Message | tuple[int, str]] = asyncio.Queue()
        self.last_heard = self.loop.time()

    def send(self, message: Message) -> None:
        """Queue a message (the writer task sends it)."""
        self.loop.call_soon_threadsafe(self.outbox.put_nowait, message)

    def close(self, code: int, reason: str) -> None:
        """Close after what is queued."""
        self.loop.call_soon_threadsafe(self.outbox.put_nowait, (code, reason))


class ProtocolError(Exception):
    """A message that breaks the contract's form; answered with an error and otherwise ignored."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def _text(message: Message, key: str, max_len: int, *, required: bool = True) -> str:
    value = message.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > max_len:
        raise ProtocolError(f"{key}: a string of at most {max_len} characters is required")
    return value


def _flag(message: Message, key: str, default: bool | None = None) -> bool:
    value = message.get(key, default)
    if not isinstance(value, bool):
        raise ProtocolError(f"{key}: true or false is required")
    return value


def _call_id(message: Message) -> str | None:
    value = message.get("call_id")
    if value is not None and (not isinstance(value, str) or not re.match(CALL_ID, value)):
        raise ProtocolError("call_id: not a call ID")
    return value


def parse(text: str | None) -> Message:
    """One received frame as a JSON object with a string `type`."""
    if text is None:
        raise ProtocolError("messages are JSON text, not binary")
    if len(text) > MAX_MESSAGE or len(text.encode()) > MAX_MESSAGE:
        raise ProtocolError(f"a message is at most {MAX_MESSAGE} bytes")
    try:
        message = json.loads(text)
    except ValueError:
        raise ProtocolError("not JSON") from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError('a message is a JSON object with a "type"')
    return message


def relayed(message: Message) -> Message:
    """The contract's fields of a call message, checked (nothing else is passed on)."""
    kind, call_id = message["type"], _call_id(message)
    out: Message = {"type": kind, **({"call_id": call_id} if call_id else {})}
    if kind in ("offer", "answer"):
        out["sdp"] = _text(message, "sdp", MAX_MESSAGE)
    elif kind == "push":
        push = message.get("kind")
        if push not in PUSH_KINDS:
            raise ProtocolError("kind: guide, document or clear")
        out["kind"] = push
        if push == "guide":
            out["item_id"] = _text(message, "item_id", 64)
        elif push == "document":
            out["title"] = _text(message, "title", 100)
            out["text"] = _text(message, "text", 4000)
    elif kind == "record_consent":
        out["granted"] = _flag(message, "granted")
    elif kind == "mute":
        out["audio"], out["video"] = _flag(message, "audio"), _flag(message, "video")
    return out


def _item(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ProtocolError("item: {id, name} or null")
    return {"id": _text(value, "id", 64), "name": _text(value, "name", 200, required=False)}


def handle(desk: ConsultDesk, peer: SocketPeer, message: Message) -> None:
    """Act on one parsed message from a terminal or a clerk."""
    kind = message["type"]
    if kind in ("pong", "error"):  # an error is never answered with one (no ping-pong of complaints)
        return
    if kind == "ping":
        peer.send({"type": "pong"})
    elif kind == "hangup":
        reason = message.get("reason", "resident" if peer.kind == "terminal" else "clerk")
        if reason not in HANGUP_REASONS:
            raise ProtocolError("reason: done, resident, clerk or error")
        desk.hangup(peer, _call_id(message), reason)
    elif kind in ("offer", "answer", "push", "record_request", "record_consent", "mute"):
        desk.relay(peer, relayed(message))
    elif peer.kind == "clerk" and kind == "accept":
        desk.accept(peer, _call_id(message))
    elif peer.kind == "terminal" and kind == "join":
        language = _text(message, "language", 16)
        if not LANGUAGE.match(language):
            raise ProtocolError("language: a locale such as zh_CN")
        site = message.get("site")
        site = site.strip()[:100] if isinstance(site, str) else ""  # shown only: cut rather than refuse a call
        desk.join(peer, language, _flag(message, "elderly", False), _item(message.get("item")), site)
    elif peer.kind == "terminal" and kind == "leave":
        desk.leave(peer)
    elif peer.kind == "terminal" and kind == "resume":
        call_id = _call_id(message)
        if call_id is None:
            raise ProtocolError("resume: call_id is required")
        desk.resume(peer, call_id)
    else:
        raise ProtocolError(f"unknown message type {kind!r}")


async def _write(websocket: WebSocket, peer: SocketPeer) -> None:
    """Send what the desk queued, in order, until a close is queued or the socket fails."""
    while True:
        item = await peer.outbox.get()
        try:
            if isinstance(item, tuple):
                await websocket.close(*item)
                return
            await websocket.send_text(json.dumps(item, ensure_ascii=False))
        except Exception:  # the socket is gone; the reader sees the disconnect and cleans up
            return


async def _ping(peer: SocketPeer, settings: ConsultSettings) -> None:
    """A ping every interval; a peer silent for `silence_s` is closed (it may resume)."""
    while True:
        await asyncio.sleep(settings.ping_interval_s)
        if peer.loop.time() - peer.last_heard > settings.silence_s:
            peer.close(4408, "silent too long")
            return
        peer.send({"type": "ping"})


async def _converse(websocket: WebSocket, desk: ConsultDesk, settings: ConsultSettings, peer: SocketPeer) -> None:
    """Read, check and act on messages until the socket closes; then tell the desk."""
    tasks = [asyncio.create_task(_write(websocket, peer)), asyncio.create_task(_ping(peer, settings))]
    log.info("consult socket of %s %s open", peer.kind, peer.name)
    try:
        if peer.kind == "clerk":
            desk.clerk_connected(peer)
        while True:
            received = await websocket.receive()
            if received["type"] == "websocket.disconnect":
                break
            peer.last_heard = peer.loop.time()
            try:
                handle(desk, peer, parse(received.get("text")))
            except (ProtocolError, Refused) as exc:
                peer.send({"type": "error", "detail": exc.detail})
    finally:
        for task in tasks:
            task.cancel()
        log.info("consult socket of %s %s closed", peer.kind, peer.name)
        desk.disconnected(peer)
        if peer.kind == "terminal":
            peer.loop.call_later(desk.resume_grace_s + 0.05, desk.expire)


def _consult(scope_app: Any) -> tuple[ConsultDesk, ConsultSettings, RecordingStore, HubState]:
    state = scope_app.state
    return state.consult, state.consult_settings, state.consult_recordings, state.hub


@router.websocket("/api/v1/consult/ws")
async def terminal_socket(websocket: WebSocket) -> None:
    """A terminal's socket, authenticated with its Bearer token (HTTP 401 when missing or wrong)."""
    desk, settings, _, state = _consult(websocket.app)
    header = websocket.headers.get("authorization")
    terminal_id = await anyio.to_thread.run_sync(authenticate, state.engine, header)
    if terminal_id is None:
        if "websocket.http.response" in websocket.scope.get("extensions", {}):
            refusal = JSONResponse(
                {"detail": "a valid terminal token is required"}, 401, {"www-authenticate": "Bearer"}
            )
            await websocket.send_denial_response(refusal)
        else:
            await websocket.accept()
            await websocket.close(4401, "a valid terminal token is required")
        return
    await websocket.accept()
    await _converse(websocket, desk, settings, SocketPeer("terminal", terminal_id))


def same_origin(origin: str | None, host: str | None) -> bool:
    """The Origin header names this hub (as the browser reached it)."""
    if not origin or not host:
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


@router.websocket("/clerk/consult/ws")
async def clerk_socket(websocket: WebSocket) -> None:
    """A clerk's socket from the consult page: the hub's own Origin (else 4403) and a session cookie (else 4401)."""
    desk, settings, _, state = _consult(websocket.app)
    await websocket.accept()  # then closed with a code the page can read: a refused handshake only says 1006
    if not same_origin(websocket.headers.get("origin"), websocket.headers.get("host")):
        await websocket.close(4403, "wrong origin")
        return
    cookie = websocket.cookies.get(console.SESSION_COOKIE)
    session = await anyio.to_thread.run_sync(console.session_of_cookie, state, cookie)
    if session is None:
        await websocket.close(4401, "log in first")
        return
    await _converse(websocket, desk, settings, SocketPeer("clerk", session.clerk))


# -- the page ------------------------------------------------------------------------------------------------------


@router.get(PAGE)
def consult_page(session: console.Clerk) -> HTMLResponse:
    """The clerk's video consultation page (its script does the rest)."""
    return console.render("consult.html", session=session)


@router.get("/clerk/static/{name}")
def static_file(name: str) -> Response:
    """The consult page's script and stylesheet (served by the hub: no CDN, no build step)."""
    if name not in STATIC_FILES:
        return Response(status_code=404)
    return Response((STATIC / name).read_bytes(), media_type=STATIC_FILES[name])


class PagePolicyGate(Gate):
    """The hub's gate, with the consult page's Content-Security-Policy (scripts and connections to the hub itself)
    in place of the console's script-free one."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == PAGE:
            outer = send

            async def send(message: dict[str, Any]) -> None:  # type: ignore[no-redef]
                if message["type"] == "http.response.start":
                    headers = [(k, v) for k, v in message.get("headers", []) if k != b"content-security-policy"]
                    message["headers"] = [*headers, (b"content-security-policy", PAGE_POLICY)]
                await outer(message)

        await super().__call__(scope, receive, send)


# -- recordings ----------------------------------------------------------------------------------------------------


@dataclass
class _Part:
    path: Path
    next_seq: int = 0


@dataclass
class RecordingStore:
    """Consented recordings, appended piece by piece (each under the gate's body limit): one WebM file per
    recording, `<call_id>-<part>.webm`, mode 0600, at most `max_bytes` per call."""

    root: Path
    max_bytes: int
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _parts: dict[tuple[str, int], _Part] = field(default_factory=dict)
    _sizes: dict[str, int] = field(default_factory=dict)

    def append(self, call_id: str, part: int, seq: int, data: bytes) -> int:
        """Store piece `seq` of a recording (a repeated piece is ignored); the call's bytes so far."""
        with self._lock:
            found = self._parts.get((call_id, part))
            if found is None:
                if seq != 0:
                    raise Refused("a recording starts with piece 0")
                self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
                path = self.root / f"{call_id}-{part}.webm"
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                found = self._parts[(call_id, part)] = _Part(path)
            if seq < found.next_seq:
                return self._sizes.get(call_id, 0)  # a retry of a piece already stored
            if seq > found.next_seq:
                raise Refused(f"piece {found.next_seq} is missing")
            size = self._sizes.get(call_id, 0) + len(data)
            if size > self.max_bytes:
                raise Refused(f"a call's recordings are at most {self.max_bytes} bytes", 413)
            with found.path.open("ab") as f:
                f.write(data)
            found.next_seq += 1
            self._sizes[call_id] = size
            return size

    def files(self, call_id: str) -> list[Path]:
        """The recordings of a call, in order."""
        with self._lock:
            return [p.path for (c, _), p in sorted(self._parts.items()) if c == call_id]


@router.post(PAGE + "/{call_id}/recording")
async def upload_recording(
    request: Request,
    call_id: Annotated[str, PathParam(pattern=CALL_ID)],
    part: Annotated[int, Query(ge=1, le=MAX_RECORDING_PARTS)] = 1,
    seq: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> JSONResponse:
    """A piece of a consented recording from the clerk who has the call (session cookie + X-CSRF-Token)."""
    desk, settings, store, state = _consult(request.app)
    cookie = request.cookies.get(console.SESSION_COOKIE)
    session = await anyio.to_thread.run_sync(console.session_of_cookie, state, cookie)
    if session is None:
        return JSONResponse({"detail": "log in first"}, 401)
    if not hmac.compare_digest(session.csrf.encode(), request.headers.get("x-csrf-token", "").encode()):
        return JSONResponse({"detail": "a valid X-CSRF-Token header is required"}, 403)
    if not request.headers.get("content-type", "").startswith(RECORDING_TYPES):
        return JSONResponse({"detail": "a recording is video/webm or audio/webm"}, 415)
    try:
        desk.check_recording(session.clerk, call_id, settings.upload_after_end_s)
        data = await request.body()
        if not data:
            raise Refused("an empty piece", 400)
        size = await anyio.to_thread.run_sync(store.append, call_id, part, seq, data)
    except Refused as exc:
        return JSONResponse({"detail": exc.detail}, exc.status)
    return JSONResponse({"call_id": call_id, "part": part, "seq": seq, "bytes": size})


def install(app: FastAPI, settings: ConsultSettings, recordings_dir: Path) -> ConsultDesk:
    """Add video consultation to the hub's app: the desk and its settings on app.state, and the routes."""
    desk = ConsultDesk(
        ice_servers=settings.ice_servers,
        turn=settings.turn_rest,
        resume_grace_s=settings.resume_grace_s,
        default_handling_s=settings.default_handling_s,
    )
    app.state.consult = desk
    app.state.consult_settings = settings
    root = settings.recordings_dir or recordings_dir
    app.state.consult_recordings = RecordingStore(root, settings.max_recording_bytes)
    app.include_router(router)
    return desk
