"""Reading a document at the terminal (no Qt): which document is asked for, the live capture, what the reader
read, and the resident's corrections and confirmations field by field.

Everything here is personal data. It lives in this object, inside the session, and nowhere else: never logged,
never written to disk; `wipe()` drops every image and value when the session ends, and `abandon()` drops an
unconfirmed attempt as soon as the resident leaves the capture and review screens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from kiosk.ocr import rules
from kiosk.ocr.layouts import LAYOUTS, REPORTED_FIELDS

if TYPE_CHECKING:
    from catalog.model import Item
    from kiosk.ocr.capture import CaptureState
    from kiosk.ocr.reader import Extraction

PAGE = "page"  # any other paper the application needs: kept as a picture, nothing read from it
DOCUMENT_KINDS = (*REPORTED_FIELDS, PAGE)
# Warnings the review screen explains to the resident (capture's fraud hints, the reader's quality warnings).
REVIEW_WARNINGS = ("wrong_side", "wrong_document", "photocopy", "screen", "glare", "blurred", "too_dark", "too_bright")
PHASES = ("idle", "capturing", "reading", "review", "done")
# Reader problems (kiosk.ocr.rules and kiosk.ocr.fields, English) as reason codes the view translates.
REASONS = (
    ("nothing", "empty"),
    ("not 17 digits", "id_number_format"),
    ("check digit", "check_digit"),
    ("embedded birth date differs", "birth_mismatch"),
    ("embedded birth date does not exist", "id_number_format"),
    ("sex digit", "sex_mismatch"),
    ("unknown province", "area_code"),
    ("GB 32100", "credit_code"),
    ("registration department", "credit_code"),
    ("area code", "credit_code"),
    ("organisation code", "credit_code"),
    ("check character", "credit_code"),
    ("男 or 女", "not_sex"),
    ("ethnic", "not_ethnicity"),
    ("validity", "validity"),
    ("长期", "validity"),
    ("not a date", "not_date"),
    ("a date in the future", "future_date"),
    ("drawn, the print looks like", "look_alike"),
    ("surname", "surname"),
    ("street or road", "street_road"),
    ("bare number", "address_cut"),
    ("organisation form", "company_name"),
    ("no registered name holds", "company_name"),
)
DATE_FIELDS = {"birth_date", "valid_from", "established_date"}


def documents_for(item: Item) -> tuple[str, ...]:
    """The documents the terminal offers to read for an item: self-service items whose materials ask for them."""
    if not item.self_service:
        return ()
    names = " ".join(m.name for m in item.materials)
    kinds = []
    # A company's own papers first: its licence is what an enterprise application is about.
    if "营业执照" in names or item.audience == "enterprise":
        kinds.append("business_license")
    if "身份证" in names:
        kinds.append("id_card_front")
    return tuple(kinds)


def reason_code(problems: list[str], value: str, confidence: float) -> str:
    """Why a field needs the resident's eye, as a code the view translates ("" when it does not)."""
    if not value:
        return "empty"
    for problem in problems:
        for needle, code in REASONS:
            if needle in problem:
                return code
    if problems:
        return "rule"
    return "unsure" if confidence < 0.80 else ""


def check_value(kind: str, name: str, value: str) -> tuple[str, str]:
    """A typed correction normalised as the reader would print it, and a reason code if it cannot be right."""
    text = value.strip()
    spec = next((f for f in LAYOUTS[kind].fields if f.name == name), None)
    charset = spec.charset if spec is not None else ("date" if name in DATE_FIELDS else "cjk")
    if not text:
        return text, "empty"
    if charset == "id_number":
        text = rules.coerce(text, "id_number")
        problems = rules.id_number_problems(text)
        return text, reason_code(problems, text, 1.0)
    if charset == "credit_code":
        text = rules.coerce(text, "credit_code")
        return text, reason_code(rules.credit_code_problems(text), text, 1.0)
    if charset == "sex":
        return text, "" if text in ("男", "女") else "not_sex"
    if name in DATE_FIELDS or (name == "valid_until" and text != rules.LONG_TERM):
        date = rules.normalise_date(text)
        return (date, "") if date else (text, "not_date")
    if charset in ("date", "digits"):
        text = rules.to_halfwidth(text)
    return text, ""


@dataclass
class FieldReview:
    """One reported field: what was read, how sure the reader was, and what the resident did about it."""

    name: str
    read: str
    confidence: float
    flagged: bool
    reason: str = ""  # a reason code (see reason_code) when flagged
    alternatives: list[str] = field(default_factory=list)
    corrected: str | None = None  # what the resident typed or chose instead
    confirmed: bool = False  # the resident said the reading is right

    @property
    def value(self) -> str:
        """The value that counts: the resident's correction, else the reading."""
        return self.corrected if self.corrected is not None else self.read

    @property
    def resolved(self) -> bool:
        """Nothing left for the resident to do on this field."""
        return not self.flagged or self.confirmed or self.corrected is not None

    @property
    def status(self) -> str:
        """ "check" (to look at), "confirmed", "corrected" or "ok" (read confidently, untouched)."""
        if self.corrected is not None:
            return "corrected"
        if self.flagged:
            return "confirmed" if self.confirmed else "check"
        return "ok"


@dataclass
class ReadDocument:
    """A document the resident has read and confirmed in this session (kept for the later submission)."""

    kind: str
    fields: dict[str, str]
    image: np.ndarray | None  # the rectified document
    warnings: tuple[str, ...] = ()


class DocumentFlow:
    """One resident's document reading: the current attempt, and the documents confirmed so far."""

    def __init__(self) -> None:
        self.generation = 0
        self.documents: dict[str, ReadDocument] = {}  # by key: the kind, or an application's material slot
        self.kind = ""
        self.key = ""
        self._clear_attempt()

    def _clear_attempt(self) -> None:
        self.phase = "idle"
        self.capture: CaptureState | None = None  # the latest live state (its outline, guidance, progress)
        self.image: np.ndarray | None = None  # the picture taken
        self.manual = False  # taken with the button rather than automatically
        self.capture_warnings: tuple[str, ...] = ()
        self.extraction: Extraction | None = None
        self.fields: dict[str, FieldReview] = {}
        self.warnings: tuple[str, ...] = ()

    # -- the attempt ----------------------------------------------------------------------------------
    def start(self, kind: str, key: str = "") -> None:
        """Ask for a document of `kind` (id_card_front, id_card_back, business_license, page), kept under `key`
        (default: the kind)."""
        if kind not in DOCUMENT_KINDS:
            raise ValueError(f"unknown document kind {kind!r}")
        self.abandon()
        self.kind = kind
        self.key = key or kind

    def begin_capture(self) -> int:
        """Start (or start again) looking for the document; returns the attempt's generation."""
        if not self.kind:
            raise RuntimeError("no document asked for")
        self.abandon()
        self.phase = "capturing"
        return self.generation

    def current(self, generation: int) -> bool:
        """Whether `generation` is still the current attempt (late results of older ones are dropped)."""
        return generation == self.generation

    def update(self, state: CaptureState) -> None:
        """The live capture's newest state."""
        if self.phase == "capturing":
            self.capture = state

    def captured(self, image: np.ndarray, warnings: tuple[str, ...] = (), manual: bool = False) -> None:
        """The picture is taken (automatically or with the button): reading starts."""
        if self.phase != "capturing":
            raise RuntimeError(f"not capturing ({self.phase})")
        self.image = image
        self.capture_warnings = tuple(warnings)
        self.manual = manual
        self.phase = "reading"

    def set_extraction(self, extraction: Extraction, generation: int | None = None) -> bool:
        """What the reader found; False (and nothing kept) when it belongs to an attempt given up meanwhile."""
        if (generation is not None and not self.current(generation)) or self.phase != "reading":
            return False
        self.extraction = extraction
        self.fields = {}
        for name in REPORTED_FIELDS.get(self.kind, ()):
            result = extraction.fields.get(name)
            if result is None:
                self.fields[name] = FieldReview(name, "", 0.0, True, "empty")
                continue
            flagged = bool(result.flagged)
            reason = ""
            if flagged:  # the reader's own verdict decides; the code only says why, "unsure" when nothing else
                reason = reason_code(list(result.problems), result.value, result.confidence) or "unsure"
            alternatives = [a for a in dict.fromkeys(result.alternatives) if a and a != result.value][:3]
            self.fields[name] = FieldReview(name, result.value, float(result.confidence), flagged, reason, alternatives)
        found = [*self.capture_warnings, *extraction.warnings]
        self.warnings = tuple(code for code in REVIEW_WARNINGS if code in found)
        self.phase = "review"
        return True

    # -- the resident's review ------------------------------------------------------------------------
    def field(self, name: str) -> FieldReview:
        """One field of the current reading."""
        if name not in self.fields:
            raise KeyError(f"no field {name!r} in this reading")
        return self.fields[name]

    def correct(self, name: str, value: str) -> str:
        """The resident's own value for a field; returns a reason code ("" when accepted, else nothing changes)."""
        current = self.field(name)
        text, reason = check_value(self.kind, name, value)
        if reason:
            return reason
        if text == current.read:
            current.corrected = None
            current.confirmed = True  # typing back what was read is saying it is right
        else:
            current.corrected = text
        return ""

    def confirm_field(self, name: str) -> None:
        """The resident says the reading of a field is right."""
        current = self.field(name)
        current.corrected = None
        current.confirmed = True

    def needs_attention(self) -> list[str]:
        """Flagged fields neither confirmed nor corrected yet, in reading order."""
        return [name for name, f in self.fields.items() if not f.resolved]

    def confirmed_fields(self) -> dict[str, str]:
        """The values the resident accepts: every field that needs no more attention."""
        return {name: f.value for name, f in self.fields.items() if f.resolved}

    def confirm(self) -> ReadDocument:
        """The resident confirms the whole document: it is kept for this session; the attempt ends."""
        if self.phase != "review":
            raise RuntimeError(f"nothing to confirm ({self.phase})")
        left = self.needs_attention()
        if left:
            raise ValueError(f"{len(left)} field(s) still need the resident's attention")
        assert self.extraction is not None
        document = ReadDocument(self.kind, self.confirmed_fields(), self.extraction.rectified, self.warnings)
        self.extraction.rectified = None  # now owned by the document kept
        self.documents[self.key or self.kind] = document
        self.abandon()
        self.phase = "done"
        return document

    def retake(self) -> int:
        """Throw the picture and reading away and capture again."""
        return self.begin_capture()

    # -- forgetting -----------------------------------------------------------------------------------
    def abandon(self) -> None:
        """Give up the current attempt (the resident left): its images and values go; confirmed documents stay."""
        for array in (self.image, self.capture.image if self.capture else None, self._rectified()):
            _scrub(array)
        if self.extraction is not None:
            self.extraction.fields.clear()
            self.extraction.rectified = None
        self.generation += 1
        self._clear_attempt()

    def wipe(self) -> None:
        """Forget everything: every image and value of every attempt and every confirmed document."""
        self.abandon()
        for document in self.documents.values():
            _scrub(document.image)
            document.fields.clear()
        self.documents.clear()
        self.kind = ""
        self.key = ""

    def _rectified(self) -> np.ndarray | None:
        return self.extraction.rectified if self.extraction is not None else None

    def summary(self) -> dict[str, Any]:
        """Counts only, never values: safe for logs and the technician."""
        return {
            "kind": self.kind,
            "phase": self.phase,
            "fields": len(self.fields),
            "to_check": len(self.needs_attention()),
            "documents": sorted(self.documents),
        }


def _scrub(array: np.ndarray | None) -> None:
    """Overwrite an image's pixels: a worker or a view still holding the array then holds nothing personal."""
    if isinstance(array, np.ndarray) and array.flags.writeable:
        array.fill(0)
