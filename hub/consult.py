"""Video consultation's queue and calls (docs/consult-signalling.md), in memory: who waits, which clerk talks with
which terminal, and the messages each party is sent. No media and no personal data pass through here: a call knows
its terminal, site, language and item only."""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

DEFAULT_HANDLING_S = 180.0
RESUME_GRACE_S = 30.0
HANDLED_KEPT = 20  # the running average is over the last this many handled calls
ENDED_KEPT_S = 600.0  # an ended call is remembered this long (late uploads, late resumes)
HANGUP_REASONS = frozenset({"done", "resident", "clerk", "error"})
# Two-character family names, so that 欧阳娜娜 is shown as 欧阳* rather than 欧*.
COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒"}
)
# What each side may send during a call, relayed to the other side.
TERMINAL_RELAYS = frozenset({"offer", "record_consent", "mute"})
CLERK_RELAYS = frozenset({"answer", "push", "record_request", "mute"})

log = logging.getLogger("hub.consult")
Message = dict[str, Any]


class Peer(Protocol):
    """One connected socket: a terminal (name = terminal ID) or a clerk (name = clerk name)."""

    kind: str
    name: str

    def send(self, message: Message) -> None:
        """Queue a message to this socket (never blocks; safe from any thread)."""

    def close(self, code: int, reason: str) -> None:
        """Close this socket after the messages queued before."""


class Refused(Exception):
    """A message that cannot be acted on now; the detail goes back to its sender as an error."""

    def __init__(self, detail: str, status: int = 409):
        super().__init__(detail)
        self.detail = detail
        self.status = status


@dataclass
class Call:
    """A terminal waiting for a clerk, or talking with one."""

    call_id: str
    terminal_id: str
    site: str
    language: str
    elderly: bool
    item: dict[str, str] | None
    joined_at: float
    terminal: Peer | None
    clerk: Peer | None = None
    clerk_name: str = ""
    accepted_at: float | None = None
    dropped_at: float | None = None  # the terminal's socket closed; it may resume within the grace
    record_requested: bool = False
    consent: bool = False
    last_queue: tuple[int, int] | None = None  # (position, expected wait) last told to the terminal

    @property
    def waiting(self) -> bool:
        """Not accepted yet."""
        return self.accepted_at is None


@dataclass(frozen=True)
class CallRecord:
    """An ended call's durations (feeds the expected wait and reporting): no personal data."""

    call_id: str
    terminal_id: str
    site: str
    language: str
    item_id: str
    clerk: str
    waited_s: float
    handled_s: float | None  # None: never accepted
    reason: str


@dataclass(frozen=True)
class Ended:
    """What is kept of an ended call for a while: who talked, and whether recording was consented at the end."""

    terminal_id: str
    clerk_name: str
    consent: bool
    ended_at: float


def clerk_display_name(name: str) -> str:
    """The clerk's family name for the resident's screen: 王晓明 -> 王*, 欧阳娜娜 -> 欧阳*."""
    name = name.strip()
    if not name:
        return "*"
    family = name[:2] if name[:2] in COMPOUND_SURNAMES else name[0]
    return family + "*"


@dataclass
class ConsultDesk:
    """The queue and the calls; every method is safe to call from any thread (one lock) and sends through peers.

    `ice_servers` go to both sides of every call as they are; `turn`, when set, adds a TURN server with
    credentials of its own for each side of each call (`turn(user)` -> an RTCIceServer dict, the TURN REST API's
    time-limited credentials), issued again when a dropped terminal comes back."""

    ice_servers: Sequence[dict[str, Any]] = ()
    turn: Callable[[str], dict[str, Any]] | None = None
    resume_grace_s: float = RESUME_GRACE_S
    default_handling_s: float = DEFAULT_HANDLING_S
    clock: Callable[[], float] = time.monotonic
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    _calls: dict[str, Call] = field(default_factory=dict, repr=False)  # insertion order is the queue order
    _peer_call: dict[Peer, str] = field(default_factory=dict, repr=False)
    _clerks: list[Peer] = field(default_factory=list, repr=False)
    _ended: dict[str, Ended] = field(default_factory=dict, repr=False)
    _handled: deque[float] = field(default_factory=lambda: deque(maxlen=HANDLED_KEPT), repr=False)
    records: deque[CallRecord] = field(default_factory=lambda: deque(maxlen=1000), repr=False)

    # -- what is known -------------------------------------------------------------------------------------------

    def average_handling_s(self) -> float:
        """The running average handling time of the last calls (the default before any)."""
        with self._lock:
            return sum(self._handled) / len(self._handled) if self._handled else self.default_handling_s

    def clerks_online(self) -> int:
        """Distinct clerks with the consult page open."""
        with self._lock:
            return len({peer.name for peer in self._clerks})

    def waiting_calls(self) -> list[Call]:
        """Calls waiting with their terminal connected, longest-waiting first."""
        with self._lock:
            return [c for c in self._calls.values() if c.waiting and c.terminal is not None]

    def call(self, call_id: str) -> Call | None:
        """A live call (waiting or in progress)."""
        with self._lock:
            return self._calls.get(call_id)

    def live_calls(self) -> int:
        """Calls waiting or in progress, dropped ones included."""
        with self._lock:
            return len(self._calls)

    def expected_wait_s(self, position: int) -> int:
        """Average handling time x position / clerks online (at least one)."""
        return round(self.average_handling_s() * position / max(1, self.clerks_online()))

    # -- clerks --------------------------------------------------------------------------------------------------

    def clerk_connected(self, peer: Peer) -> None:
        """A clerk opened the page: they get the waiting list; the terminals' expected waits change."""
        with self._lock:
            self._clerks.append(peer)
            peer.send(self._waiting_message())
            self._changed(clerks=False)

    def accept(self, clerk: Peer, call_id: str | None = None) -> Call:
        """The clerk takes the longest-waiting call, or the one named: `assigned` to them, `accepted` to it."""
        with self._lock:
            if clerk in self._peer_call:
                raise Refused("finish the current call first")
            if call_id is None:
                waiting = self.waiting_calls()
                if not waiting:
                    raise Refused("nobody is waiting")
                call = waiting[0]
            else:
                found = self._calls.get(call_id)
                if found is None or not found.waiting or found.terminal is None:
                    raise Refused("that call is no longer waiting")
                call = found
            call.clerk, call.clerk_name, call.accepted_at = clerk, clerk.name, self.clock()
            self._peer_call[clerk] = call.call_id
            clerk.send(
                {
                    "type": "assigned",
                    "call_id": call.call_id,
                    "terminal_id": call.terminal_id,
                    "site": call.site,
                    "language": call.language,
                    "elderly": call.elderly,
                    "item": call.item,
                    "ice_servers": self._ice(call, "clerk"),
                }
            )
            assert call.terminal is not None
            call.terminal.send(
                {
                    "type": "accepted",
                    "call_id": call.call_id,
                    "clerk": clerk_display_name(clerk.name),
                    "ice_servers": self._ice(call, "terminal"),
                }
            )
            log.info("consult %s accepted after %.0f s", call.call_id, call.accepted_at - call.joined_at)
            self._changed()
            return call

    # -- terminals -----------------------------------------------------------------------------------------------

    def join(self, terminal: Peer, language: str, elderly: bool, item: dict[str, str] | None, site: str = "") -> Call:
        """A terminal queues: `queued` with its position and expected wait; every clerk sees the new list."""
        with self._lock:
            if terminal in self._peer_call:
                raise Refused("already in the queue or a call")
            # A terminal that joins afresh from a new socket has given up its old call (the kiosk restarted).
            for old in [c for c in self._calls.values() if c.terminal_id == terminal.name]:
                if old.terminal is not None:
                    old.terminal.close(4409, "replaced by a newer connection")
                if old.clerk is not None:
                    old.clerk.send({"type": "hangup", "call_id": old.call_id, "reason": "lost"})
                self._end(old, "lost")
            call = Call(
                call_id=secrets.token_urlsafe(12),
                terminal_id=terminal.name,
                site=site,
                language=language,
                elderly=elderly,
                item=item,
                joined_at=self.clock(),
                terminal=terminal,
            )
            self._calls[call.call_id] = call
            self._peer_call[terminal] = call.call_id
            position = len(self.waiting_calls())
            call.last_queue = (position, self.expected_wait_s(position))
            terminal.send(
                {"type": "queued", "call_id": call.call_id, "position": position, "expected_wait_s": call.last_queue[1]}
            )
            self._changed()
            return call

    def leave(self, terminal: Peer) -> None:
        """A waiting terminal leaves the queue (after acceptance it is the resident's hang-up)."""
        with self._lock:
            call = self._own_call(terminal, None)
            if call.waiting:
                self._end(call, "resident")
                self._changed()
            else:
                self.hangup(terminal, call.call_id, "resident")

    def resume(self, terminal: Peer, call_id: str) -> None:
        """A terminal back within the grace keeps its call or place; otherwise it is told the call was lost."""
        with self._lock:
            call = self._calls.get(call_id)
            if call is None or call.terminal_id != terminal.name:
                terminal.send({"type": "hangup", "call_id": call_id, "reason": "lost"})
                return
            if self._peer_call.get(terminal, call_id) != call_id:
                raise Refused("this connection is already in another call")
            old = call.terminal
            if old is not None and old is not terminal:  # the hub had not noticed the old socket die yet
                self._peer_call.pop(old, None)
                old.close(4409, "replaced by a newer connection")
            call.terminal, call.dropped_at = terminal, None
            self._peer_call[terminal] = call_id
            # Both sides set up new media after a resume: with time-limited TURN credentials, fresh ones (a long
            # call may have outlived the first).
            fresh = self.turn is not None and not call.waiting
            terminal.send({"type": "resumed", "call_id": call_id, **self._fresh_ice(call, "terminal", fresh)})
            if call.waiting:
                call.last_queue = None  # tell it its place again
            elif call.clerk is not None:
                call.clerk.send({"type": "peer_back", "call_id": call_id, **self._fresh_ice(call, "clerk", fresh)})
            self._changed()

    # -- during the call -----------------------------------------------------------------------------------------

    def relay(self, sender: Peer, message: Message) -> None:
        """Pass a call message (already validated) to the other side of the sender's call, with the call ID."""
        kind = message["type"]
        allowed = TERMINAL_RELAYS if sender.kind == "terminal" else CLERK_RELAYS
        if kind not in allowed:
            raise Refused(f"a {sender.kind} does not send {kind}")
        with self._lock:
            call = self._own_call(sender, message.get("call_id"))
            if call.waiting:
                raise Refused("the call has not been accepted yet")
            other = call.clerk if sender.kind == "terminal" else call.terminal
            if other is None:
                raise Refused("the other side is reconnecting")
            if kind == "record_request":
                call.record_requested = True
            elif kind == "record_consent":
                if message["granted"] and not call.record_requested:
                    raise Refused("no recording was requested")
                call.consent = bool(message["granted"])
            other.send({**message, "call_id": call.call_id})

    def hangup(self, sender: Peer, call_id: str | None, reason: str) -> None:
        """Either side ends the call: the other side is told, the duration recorded, the clerks updated."""
        with self._lock:
            call = self._own_call(sender, call_id)
            other = call.clerk if sender.kind == "terminal" else call.terminal
            if other is not None:
                other.send({"type": "hangup", "call_id": call.call_id, "reason": reason})
            self._end(call, reason)
            self._changed()

    # -- sockets closing and the grace ---------------------------------------------------------------------------

    def disconnected(self, peer: Peer) -> None:
        """A socket closed: a clerk's call ends at once; a terminal's call waits `resume_grace_s` for it."""
        with self._lock:
            if peer in self._clerks:
                self._clerks.remove(peer)
            call_id = self._peer_call.pop(peer, None)
            call = self._calls.get(call_id) if call_id else None
            if call is not None and peer.kind == "clerk":
                if call.terminal is not None:
                    call.terminal.send({"type": "hangup", "call_id": call.call_id, "reason": "error"})
                self._end(call, "error")
            elif call is not None and call.terminal is peer:
                call.terminal, call.dropped_at = None, self.clock()
                if call.clerk is not None:
                    call.clerk.send({"type": "peer_away", "call_id": call.call_id, "grace_s": self.resume_grace_s})
            self._changed()

    def expire(self) -> int:
        """End the calls whose terminal stayed away longer than the grace (`hangup` lost to their clerk)."""
        with self._lock:
            now = self.clock()
            grace = self.resume_grace_s
            gone = [c for c in self._calls.values() if c.dropped_at is not None and now - c.dropped_at >= grace]
            for call in gone:
                if call.clerk is not None:
                    call.clerk.send({"type": "hangup", "call_id": call.call_id, "reason": "lost"})
                self._end(call, "lost")
            if gone:
                self._changed()
            for call_id in [k for k, e in self._ended.items() if now - e.ended_at > ENDED_KEPT_S]:
                del self._ended[call_id]
            return len(gone)

    # -- recording -----------------------------------------------------------------------------------------------

    def check_recording(self, clerk_name: str, call_id: str, after_end_s: float) -> None:
        """Refused unless this clerk's call has the resident's consent now (or had it when it ended, within
        `after_end_s`, for the last piece of a recording stopped by the hang-up)."""
        with self._lock:
            call = self._calls.get(call_id)
            if call is not None:
                if call.waiting or call.clerk_name != clerk_name:
                    raise Refused("not your call", 404)
                if not call.consent:
                    raise Refused("the resident has not consented to recording", 409)
                return
            ended = self._ended.get(call_id)
            if ended is None or ended.clerk_name != clerk_name:
                raise Refused("not your call", 404)
            if not ended.consent or self.clock() - ended.ended_at > after_end_s:
                raise Refused("the call has ended", 409)

    # -- inside --------------------------------------------------------------------------------------------------

    def _ice(self, call: Call, side: str) -> list[dict[str, Any]]:
        """The ICE servers for one side of a call: the static ones, and a TURN server with this side's own
        credentials (its user name is the call ID and the side: nothing personal reaches the TURN server's log)."""
        servers = list(self.ice_servers)
        if self.turn is not None:
            servers.append(self.turn(f"{call.call_id}.{side}"))
        return servers

    def _fresh_ice(self, call: Call, side: str, fresh: bool) -> dict[str, Any]:
        return {"ice_servers": self._ice(call, side)} if fresh else {}

    def _own_call(self, sender: Peer, call_id: str | None) -> Call:
        own = self._peer_call.get(sender)
        call = self._calls.get(own) if own else None
        if call is None:
            raise Refused("not in a call")
        if call_id is not None and call_id != call.call_id:
            raise Refused("not your call")
        return call

    def _end(self, call: Call, reason: str) -> None:
        """Forget a live call and record its durations (the caller announces the change)."""
        now = self.clock()
        self._calls.pop(call.call_id, None)
        for peer in (call.terminal, call.clerk):
            if peer is not None and self._peer_call.get(peer) == call.call_id:
                del self._peer_call[peer]
        waited = (call.accepted_at or now) - call.joined_at
        handled = None if call.accepted_at is None else now - call.accepted_at
        if handled is not None:
            self._handled.append(handled)
            self._ended[call.call_id] = Ended(call.terminal_id, call.clerk_name, call.consent, now)
        item_id = (call.item or {}).get("id", "")
        record = CallRecord(
            call.call_id, call.terminal_id, call.site, call.language, item_id, call.clerk_name, 0, None, ""
        )
        self.records.append(replace(record, waited_s=waited, handled_s=handled, reason=reason))
        handled_text = "never accepted" if handled is None else f"handled {handled:.0f} s"
        log.info("consult %s ended (%s): waited %.0f s, %s", call.call_id, reason, waited, handled_text)

    def _waiting_message(self) -> Message:
        now = self.clock()
        calls = [
            {
                "call_id": c.call_id,
                "terminal_id": c.terminal_id,
                "site": c.site,
                "language": c.language,
                "elderly": c.elderly,
                "item": c.item,
                "waiting_s": round(now - c.joined_at),
            }
            for c in self.waiting_calls()
        ]
        return {"type": "waiting", "calls": calls}

    def _changed(self, *, clerks: bool = True) -> None:
        """Tell every clerk the waiting list, and each waiting terminal its place when that changed."""
        if clerks:
            message = self._waiting_message()
            for peer in self._clerks:
                peer.send(message)
        for position, call in enumerate(self.waiting_calls(), start=1):
            now = (position, self.expected_wait_s(position))
            if now != call.last_queue and call.terminal is not None:
                call.last_queue = now
                call.terminal.send({"type": "queue", "position": now[0], "expected_wait_s": now[1]})
