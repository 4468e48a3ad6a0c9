"""Video consultation's state for the consult screen (no Qt): where the call stands, the resident's place in the
queue, the clerk, mute states, what the clerk pushed, and the recording question. The call client's events are
applied here on the GUI thread; the screen renders this object and nothing else.

A pushed document may carry a resident's details: `wipe()` drops it with everything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PHASES = ("idle", "joining", "queued", "connecting", "in_call", "reconnecting", "ended", "failed")
# While a clerk is on the line the resident talks without touching: the idle reset must wait.
CALL_PHASES = frozenset({"connecting", "in_call", "reconnecting"})
ACTIVE_PHASES = frozenset({"joining", "queued", *CALL_PHASES})
END_REASONS = ("done", "resident", "clerk", "error", "lost", "left")


@dataclass(frozen=True)
class Pushed:
    """What the clerk put on the resident's screen: an item's guide or a short text."""

    kind: str  # "guide" or "document"
    item_id: str = ""
    title: str = ""
    text: str = ""


class ConsultFlow:
    """One resident's consultation; `apply(event)` takes the call client's events in order."""

    def __init__(self) -> None:
        self.wipe()

    def wipe(self) -> None:
        """Forget the consultation (the session ends or a new one starts)."""
        self.phase = "idle"
        self.item_id = ""
        self.item_name = ""
        self.call_id = ""
        self.position = 0
        self.expected_wait_s = 0.0
        self.clerk = ""
        self.muted_audio = False
        self.muted_video = False
        self.clerk_muted_audio = False
        self.clerk_muted_video = False
        self.pushed: Pushed | None = None
        self.record_asked = False  # a request waits for the resident's answer
        self.record_granted: bool | None = None  # the last answer given (None: never asked)
        self.end_reason = ""
        self.error = ""
        self.was_connected = False  # the call reached the clerk (the end page thanks rather than apologises)

    # -- the resident ---------------------------------------------------------------------------------
    def start(self, item_id: str = "", item_name: str = "") -> None:
        """Ask for a clerk (about an item, if one is on show)."""
        self.wipe()
        self.item_id, self.item_name = item_id, item_name
        self.phase = "joining"

    def unavailable(self) -> None:
        """No consultation service on this terminal."""
        self.phase, self.error = "failed", "unavailable"

    def set_muted(self, audio: bool, video: bool) -> None:
        """The resident's own mute buttons."""
        self.muted_audio, self.muted_video = audio, video

    def answer_record(self, granted: bool) -> None:
        """The resident answered the recording question (or withdrew consent with False)."""
        self.record_asked = False
        self.record_granted = granted

    def close_push(self) -> None:
        """The resident tapped the pushed guide or document away."""
        self.pushed = None

    @property
    def active(self) -> bool:
        """Queued or talking: leaving the screen must leave the queue or hang up."""
        return self.phase in ACTIVE_PHASES

    @property
    def in_call(self) -> bool:
        """A clerk is on the line (or being reconnected): the idle reset waits."""
        return self.phase in CALL_PHASES

    @property
    def item(self) -> dict[str, str] | None:
        """The item asked about, as the join message carries it."""
        return {"id": self.item_id, "name": self.item_name} if self.item_id else None

    # -- the call client's events ---------------------------------------------------------------------
    def apply(self, event: dict[str, Any]) -> bool:
        """Take one event of the call client; whether anything changed."""
        kind = event.get("type")
        handler = getattr(self, f"_on_{kind}", None)
        if handler is None or (self.phase in ("idle", "ended", "failed") and kind != "ended"):
            return False
        handler(event)
        return True

    def _on_queued(self, event: dict[str, Any]) -> None:
        self.call_id = str(event.get("call_id", ""))
        self._on_queue(event)

    def _on_queue(self, event: dict[str, Any]) -> None:
        self.position = int(event.get("position", 0))
        self.expected_wait_s = float(event.get("expected_wait_s", 0.0))
        if self.phase in ("joining", "queued", "reconnecting") and not self.clerk:
            self.phase = "queued"

    def _on_accepted(self, event: dict[str, Any]) -> None:
        self.clerk = str(event.get("clerk", ""))
        self.phase = "connecting"

    def _on_connected(self, _event: dict[str, Any]) -> None:
        self.phase = "in_call"
        self.was_connected = True

    def _on_reconnecting(self, _event: dict[str, Any]) -> None:
        self.phase = "reconnecting"

    def _on_push(self, event: dict[str, Any]) -> None:
        kind = event.get("kind")
        if kind == "clear":
            self.pushed = None
        elif kind == "guide":
            self.pushed = Pushed("guide", item_id=str(event.get("item_id", "")))
        elif kind == "document":
            self.pushed = Pushed("document", title=str(event.get("title", "")), text=str(event.get("text", "")))

    def _on_record_request(self, _event: dict[str, Any]) -> None:
        self.record_asked = True

    def _on_mute(self, event: dict[str, Any]) -> None:
        self.clerk_muted_audio = bool(event.get("audio"))
        self.clerk_muted_video = bool(event.get("video"))

    def _on_hangup(self, event: dict[str, Any]) -> None:
        self.end_reason = str(event.get("reason", ""))

    def _on_error(self, event: dict[str, Any]) -> None:
        self.error = str(event.get("detail", ""))

    def _on_ended(self, event: dict[str, Any]) -> None:
        if self.phase in ("ended", "failed", "idle"):
            return
        self.end_reason = self.end_reason or str(event.get("reason", ""))
        self.phase = "failed" if self.error and not self.was_connected else "ended"
        self.pushed = None
        self.record_asked = False

    def summary(self) -> dict[str, Any]:
        """For logs: phase, outcome and flags; never the clerk's name or what was pushed."""
        return {
            "phase": self.phase,
            "reason": self.end_reason,
            "error": self.error,
            "connected": self.was_connected,
            "record_granted": self.record_granted,
        }
