"""办件查询: what a resident asked about a submission and what the hub answered (no Qt).

Three ways in: the receipt's QR code (`HPSTATUS:<tracking_no>:<status_code>`, from the scanner or the document
camera), the tracking number and status code typed on the touch keyboard, or the ID card and face (then the hub
lists that person's submissions). Replies are checked against docs/hub-api.md before anything is shown. When the
hub cannot be reached, a submission made at this terminal that still waits in the outbox is reported as
registered and on its way (`local_lookup`, set by the app).

The ID number asked with and the replies are personal data: they live only here and `wipe()` forgets them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.hub_client import HubError, HubNotFound
from kiosk.tracking import TRACKING_NO_LENGTH, status_code_valid, tracking_no_valid

QR_PREFIX = "HPSTATUS"
PHASES = ("idle", "asking", "shown", "not_found", "offline", "error")
# The hub's status values (docs/hub-api.md "Status values").
STATUSES = (
    "submitted",
    "accepted",
    "in_review",
    "supplement_requested",
    "approved",
    "rejected",
    "result_mailed",
    "result_collected",
)
# Where each status stands on the way a submission goes, for the timeline.
_RANK = {
    "submitted": 0,
    "accepted": 1,
    "in_review": 2,
    "supplement_requested": 2,
    "approved": 3,
    "rejected": 3,
    "result_mailed": 4,
    "result_collected": 4,
}


def receipt_qr(tracking_no: str, code: str) -> str:
    """The text of a receipt's status QR code; ValueError for a malformed number or code."""
    if not tracking_no_valid(tracking_no):
        raise ValueError("not a valid tracking number")
    if not status_code_valid(code):
        raise ValueError("not a valid status code")
    return f"{QR_PREFIX}:{tracking_no}:{code}"


def parse_receipt_qr(text: object) -> tuple[str, str] | None:
    """(tracking_no, status_code) of a receipt's QR code text, or None for anything else."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    # A scanner may add a trailing space or line end; nothing else is forgiven (case, separators, order).
    parts = text.strip().split(":")
    if len(parts) != 3 or parts[0] != QR_PREFIX:
        return None
    tracking_no, code = parts[1], parts[2]
    if not tracking_no_valid(tracking_no) or not status_code_valid(code):
        return None
    return tracking_no, code


def normalise_typed(tracking_no: str, code: str) -> tuple[str, str]:
    """What a resident typed, as the hub spells it: spaces gone, letters upper case."""
    return "".join(tracking_no.split()).upper(), "".join(code.split()).upper()


def typed_problem(tracking_no: str, code: str) -> str:
    """Why a typed number and code cannot be right ('' when they can): a code for the screen's words."""
    tracking_no, code = normalise_typed(tracking_no, code)
    if not tracking_no:
        return "no_tracking_no"
    if not tracking_no.startswith("HP") or len(tracking_no) != TRACKING_NO_LENGTH or not tracking_no[2:].isdigit():
        return "tracking_no_format"
    if not tracking_no_valid(tracking_no):
        return "tracking_no_check"  # a digit mistyped: the check digit (or the date in it) does not match
    if not code:
        return "no_code"
    if not status_code_valid(code):
        return "code_format"
    return ""


def verified_identity(face: Any, documents: Any) -> dict[str, str]:
    """Who the face check proved is at the terminal: the ID card chip's text, else the ID card the document camera
    read; {} without a passed face check."""
    if not getattr(face, "verified", False):
        return {}
    card = getattr(face, "card", None)
    if card:
        return dict(card)
    read = getattr(documents, "documents", {}).get("id_card_front")
    return dict(read.fields) if read is not None else {}


@dataclass(frozen=True)
class Step:
    """One stop of the timeline: its status, when it was reached (ISO time or ''), and where it stands."""

    status: str
    at: str
    state: str  # "done", "current" or "todo"


def _history_at(status: dict[str, Any], name: str) -> str:
    times = [h["at"] for h in status.get("history", ()) if h.get("status") == name]
    return times[-1] if times else ""


def timeline(status: dict[str, Any]) -> list[Step]:
    """The way from submitted to the result for a Status (or a Summary: then without times)."""
    current = status["status"]
    seen = {h.get("status") for h in status.get("history", ())} | {current}
    decision = "rejected" if "rejected" in seen else "approved"
    delivery = "result_collected" if "result_collected" in seen else "result_mailed"
    names = ["submitted", "accepted", "in_review"]
    if current == "supplement_requested":
        names.append("supplement_requested")
    names += [decision, delivery]
    rank = _RANK[current]
    steps = []
    for name in names:
        if name == current:
            state = "done" if name in ("result_mailed", "result_collected") else "current"
        elif _RANK[name] < rank or (name == "in_review" and current == "supplement_requested"):
            state = "done"
        else:
            state = "todo"
        steps.append(Step(name, _history_at(status, name) if state != "todo" else "", state))
    return steps


def _need(data: Any, fields: dict[str, type | tuple[type, ...]], what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise HubError(f"{what} is not an object")
    for name, kind in fields.items():
        if not isinstance(data.get(name), kind):
            raise HubError(f"{what} lacks a valid {name!r}")
    return data


def check_status(data: Any, tracking_no: str) -> dict[str, Any]:
    """A Status reply as the contract has it, for the number asked; HubError otherwise."""
    _need(data, {"tracking_no": str, "item_name": str, "status": str, "updated_at": str, "history": list}, "status")
    if data["tracking_no"] != tracking_no:
        raise HubError("status: the hub answered about another tracking number")
    if data["status"] not in STATUSES:
        raise HubError("status: unknown status value")
    if not isinstance(data.get("promised_days"), int | None) or isinstance(data.get("promised_days"), bool):
        raise HubError("status: promised_days is not a number")
    for entry in data["history"]:
        _need(entry, {"status": str, "at": str}, "a status history entry")
        if entry["status"] not in STATUSES or not isinstance(entry.get("note"), str | None):
            raise HubError("status: a malformed history entry")
    supplement = data.get("supplement")
    if supplement is not None:
        _need(supplement, {"materials": list}, "the supplement request")
        if not all(isinstance(m, str) for m in supplement["materials"]):
            raise HubError("status: supplement materials are not text")
        for name in ("note", "mail_to"):
            if not isinstance(supplement.get(name), str | None):
                raise HubError(f"status: supplement {name} is not text")
    if not isinstance(data.get("mail_no"), str | None):
        raise HubError("status: mail_no is not text")
    return data


def check_summaries(rows: Any) -> list[dict[str, Any]]:
    """Summary rows as the contract has them; HubError otherwise."""
    if not isinstance(rows, list):
        raise HubError("status lookup: not a list")
    for row in rows:
        _need(row, {"tracking_no": str, "item_name": str, "status": str, "updated_at": str}, "a summary")
        if row["status"] not in STATUSES:
            raise HubError("status lookup: unknown status value")
    return rows


@dataclass(frozen=True)
class Query:
    """What was asked: a receipt's number and code, or a verified person's ID number."""

    kind: str  # "receipt" or "person"
    tracking_no: str = ""
    code: str = ""
    id_number: str = ""


class StatusFlow:
    """One resident's status queries: what was asked, the phase, the hub's answer or why there is none."""

    def __init__(self) -> None:
        self.generation = 0
        self.phase = "idle"
        self.query: Query | None = None
        self.status: dict[str, Any] | None = None  # the Status of a receipt query
        self.summaries: list[dict[str, Any]] = []  # the submissions of a person query
        self.local: dict[str, Any] | None = None  # this terminal's outbox record, when the hub is unreachable
        self.problem = ""  # why the answer is an error (safe to log: never what was asked)
        self.face_requested = False  # the resident chose ID card + face: the lookup follows the verification
        self.local_lookup: Callable[[str], dict[str, Any] | None] | None = None

    # -- asking ---------------------------------------------------------------------------------------
    def _ask(self, query: Query) -> int:
        self.generation += 1
        self.query = query
        self.phase = "asking"
        self.status, self.summaries, self.local, self.problem = None, [], None, ""
        return self.generation

    def ask_receipt(self, tracking_no: str, code: str) -> int:
        """Ask about one submission by its receipt's number and code; the generation of this question."""
        tracking_no, code = normalise_typed(tracking_no, code)
        if typed_problem(tracking_no, code):
            raise ValueError("not a valid tracking number and status code")
        return self._ask(Query("receipt", tracking_no, code))

    def ask_scanned(self, text: str) -> int | None:
        """Ask about the submission of a scanned receipt QR code; None (nothing changes) for another code."""
        parsed = parse_receipt_qr(text)
        if parsed is None:
            return None
        self.face_requested = False
        return self._ask(Query("receipt", *parsed))

    def ask_person(self, id_number: str) -> int:
        """Ask for every submission of a person whose face the terminal has verified."""
        if not id_number:
            raise ValueError("no ID number")
        self.face_requested = False
        return self._ask(Query("person", id_number=id_number))

    def again(self) -> int:
        """Ask the same question once more (after the hub could not be reached, or to refresh)."""
        if self.query is None:
            raise RuntimeError("nothing asked")
        return self._ask(self.query)

    def current(self, generation: int) -> bool:
        """Whether `generation` is still the question being answered."""
        return generation == self.generation and self.phase == "asking"

    def job(self, hub: Any) -> Callable[[], Any]:
        """The hub call answering the current question, to run off the GUI thread (it raises HubError)."""
        query = self.query
        if query is None:
            raise RuntimeError("nothing asked")

        def run() -> Any:
            if hub is None:
                raise HubError("no hub configured")
            if query.kind == "receipt":
                return hub.status(query.tracking_no, query.code)
            return hub.lookup(query.id_number)

        return run

    # -- answers --------------------------------------------------------------------------------------
    def answer(self, generation: int, result: Any) -> bool:
        """The job's result (a reply, or the exception it raised); False when it answers an older question."""
        if not self.current(generation) or self.query is None:
            return False
        if isinstance(result, HubNotFound):
            self.phase = "not_found"
        elif isinstance(result, HubError):
            if result.retryable:
                self.phase = "offline"
                self.local = self._local()
            else:
                self.phase, self.problem = "error", str(result)
        elif isinstance(result, Exception):
            self.phase, self.problem = "error", type(result).__name__
        else:
            try:
                if self.query.kind == "receipt":
                    self.status = check_status(result, self.query.tracking_no)
                else:
                    self.summaries = check_summaries(result)
            except HubError as exc:
                self.phase, self.problem = "error", str(exc)
                return True
            self.phase = "shown" if self.status is not None or self.summaries else "not_found"
        return True

    def _local(self) -> dict[str, Any] | None:
        if self.local_lookup is None or self.query is None or self.query.kind != "receipt":
            return None
        try:
            return self.local_lookup(self.query.tracking_no)
        except Exception:  # the outbox is a comfort here, never a reason to fail the answer
            return None

    @property
    def waiting_here(self) -> bool:
        """The submission was made at this terminal and still waits in its outbox for the hub."""
        return self.local is not None and not self.local.get("delivered")

    @property
    def sent_from_here(self) -> bool:
        """The submission was made at this terminal and the hub acknowledged it earlier."""
        return self.local is not None and bool(self.local.get("delivered"))

    def steps(self) -> list[Step]:
        """The timeline of the status shown (empty unless one is)."""
        return timeline(self.status) if self.status is not None else []

    # -- forgetting -----------------------------------------------------------------------------------
    def clear(self) -> None:
        """Back to asking afresh (another query); the outbox hook stays."""
        self.generation += 1
        self.phase = "idle"
        self.query = None
        self.status, self.summaries, self.local, self.problem = None, [], None, ""
        self.face_requested = False

    def wipe(self) -> None:
        """Forget everything asked and answered."""
        self.clear()
        self.local_lookup = None

    def summary(self) -> dict[str, object]:
        """Phase and counts only: safe for logs."""
        return {
            "phase": self.phase,
            "kind": self.query.kind if self.query else "",
            "results": (1 if self.status else 0) + len(self.summaries),
            "waiting_here": self.waiting_here,
        }
