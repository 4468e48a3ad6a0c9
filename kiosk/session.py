"""The resident's session: which screen is showing, how to get back, the chosen language and mode, and every
piece of the session's data, all wiped in one place when the session ends. No Qt: views observe it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.content import LANGUAGES
from kiosk.flows.application import ApplicationFlow
from kiosk.flows.consult import ConsultFlow
from kiosk.flows.document import DOCUMENT_KINDS, DocumentFlow
from kiosk.flows.face import FaceFlow
from kiosk.flows.pickup import PickupFlow
from kiosk.flows.status import StatusFlow
from kiosk.modules import Module, module_by_id


class Screen(StrEnum):
    """Every screen of the terminal."""

    ATTRACT = "attract"
    HOME = "home"
    BROWSE = "browse"
    ITEM = "item"
    CAPTURE = "capture"
    REVIEW = "review"
    FACE = "face"
    APPLY = "apply"  # an application's checklist: identity and materials
    FORM = "form"
    SIGN = "sign"
    CONFIRM = "confirm"  # everything once more before submitting
    DONE = "done"  # submitted: the receipt
    STATUS = "status"  # 办件查询
    PICKUP = "pickup"  # 预约上门: book a postal officer to collect materials at home
    CONSULT = "consult"  # 视频咨询: a clerk by video
    PORTAL = "portal"
    PIN = "pin"
    DIAGNOSTICS = "diagnostics"
    ERROR = "error"


ANY = "*"
# A target meaning "back to the screen that sent the resident here" (past the capture and review screens).
RETURN = "return"
# (from, action) -> to. ANY matches every screen; None means "back": pop the stack.
TRANSITIONS: dict[tuple[str, str], Screen | str | None] = {
    (Screen.ATTRACT, "start"): Screen.HOME,
    (Screen.HOME, "open_browse"): Screen.BROWSE,
    (Screen.HOME, "open_portal"): Screen.PORTAL,
    (Screen.BROWSE, "open_item"): Screen.ITEM,
    (Screen.ITEM, "open_item"): Screen.ITEM,
    (Screen.ITEM, "read_document"): Screen.CAPTURE,
    (Screen.CAPTURE, "captured"): Screen.REVIEW,
    (Screen.REVIEW, "retake"): Screen.CAPTURE,
    (Screen.REVIEW, "confirm"): RETURN,
    (Screen.ITEM, "verify_face"): Screen.FACE,
    (Screen.FACE, "verified"): RETURN,
    (Screen.ITEM, "apply"): Screen.APPLY,
    (Screen.APPLY, "verify_face"): Screen.FACE,
    (Screen.APPLY, "read_document"): Screen.CAPTURE,
    (Screen.APPLY, "fill_form"): Screen.FORM,
    (Screen.FORM, "sign"): Screen.SIGN,
    (Screen.SIGN, "review"): Screen.CONFIRM,
    (Screen.CONFIRM, "edit_materials"): Screen.APPLY,
    (Screen.CONFIRM, "edit_form"): Screen.FORM,
    (Screen.CONFIRM, "edit_signature"): Screen.SIGN,
    (Screen.CONFIRM, "submitted"): Screen.DONE,
    (Screen.HOME, "open_status"): Screen.STATUS,
    (Screen.STATUS, "verify_face"): Screen.FACE,
    (Screen.ITEM, "pickup"): Screen.PICKUP,
    (Screen.DONE, "pickup"): Screen.PICKUP,
    (Screen.HOME, "consult"): Screen.CONSULT,
    (Screen.ITEM, "consult"): Screen.CONSULT,
    (Screen.FACE, "consult"): Screen.CONSULT,  # the face check failed three times: a clerk by video
    (Screen.PIN, "pin_ok"): Screen.DIAGNOSTICS,
    (ANY, "back"): None,
    (ANY, "home"): Screen.HOME,
    (ANY, "technician"): Screen.PIN,
    (ANY, "error"): Screen.ERROR,
    (ANY, "scanned_receipt"): Screen.STATUS,  # a receipt's QR code held to the scanner, on any screen
}
# Ending actions: the session is wiped and the terminal returns to the attract screen.
ENDINGS = ("finish", "timeout", "restart")
# Screens that never go on the back stack (leaving them is not a step back).
NOT_STACKED = {Screen.ATTRACT, Screen.PIN, Screen.ERROR}
# Screens that start afresh: nothing behind them to go back to (a submitted application cannot be re-sent).
FRESH_START = {Screen.HOME, Screen.DONE}
# The document-reading screens: leaving both gives up an unconfirmed attempt (its picture and reading go).
DOCUMENT_SCREENS = {Screen.CAPTURE, Screen.REVIEW}
# Screens an errand passes through before returning to the screen that sent the resident (RETURN).
ERRAND_SCREENS = {*DOCUMENT_SCREENS, Screen.FACE}


class TransitionError(ValueError):
    """An action that the current screen does not allow."""


@dataclass
class SessionData:
    """Everything one resident's visit holds; replaced by a fresh instance on wipe."""

    query: str = ""
    filters: dict[str, str | None] = field(default_factory=dict)
    module: str = ""
    item_id: str = ""
    portal: str = ""
    document: DocumentFlow = field(default_factory=DocumentFlow)  # documents read and their pictures
    face: FaceFlow = field(default_factory=FaceFlow)  # who is at the terminal: reference, attempts, outcome
    application: ApplicationFlow = field(default_factory=ApplicationFlow)  # an application being made
    status: StatusFlow = field(default_factory=StatusFlow)  # 办件查询: what was asked and answered
    pickup: PickupFlow = field(default_factory=PickupFlow)  # 预约上门: a home-pickup booking
    consult: ConsultFlow = field(default_factory=ConsultFlow)  # 视频咨询: the call with a clerk


class Session:
    """The state machine over screens with a back stack; listeners are told after every change."""

    def __init__(self, language: str = "zh_CN", elderly: bool = False, temp_dir: Path | None = None):
        self.default_language = language
        self.default_elderly = elderly
        self.language = language
        self.elderly = elderly
        self.screen = Screen.ATTRACT
        self.stack: list[Screen] = []
        self.data = SessionData()
        self.temp_dir = temp_dir
        self.ended_count = 0
        self._listeners: list[Callable[[Session, str], None]] = []
        self._wipe_hooks: list[Callable[[], None]] = []

    # -- observation ----------------------------------------------------------------------------------
    def on_change(self, listener: Callable[[Session, str], None]) -> None:
        """Call `listener(session, reason)` after every change."""
        self._listeners.append(listener)

    def on_wipe(self, hook: Callable[[], None]) -> None:
        """Call `hook()` when the session's data is wiped (views clear what they show)."""
        self._wipe_hooks.append(hook)

    def _emit(self, reason: str) -> None:
        for listener in list(self._listeners):
            listener(self, reason)

    # -- navigation -----------------------------------------------------------------------------------
    def allowed(self, action: str) -> bool:
        """Whether `action` is possible on the current screen."""
        return action in ENDINGS or (self.screen, action) in TRANSITIONS or (ANY, action) in TRANSITIONS

    def go(self, action: str, **data: Any) -> Screen:
        """Take `action` from the current screen; `data` updates the session's data first."""
        if action in ENDINGS:
            self.end(action)
            return self.screen
        key = (self.screen, action) if (self.screen, action) in TRANSITIONS else (ANY, action)
        if key not in TRANSITIONS:
            raise TransitionError(f"{action!r} is not possible on the {self.screen} screen")
        for name, value in data.items():
            if not hasattr(self.data, name):
                raise TransitionError(f"unknown session field {name!r}")
            setattr(self.data, name, value)
        target = TRANSITIONS[key]
        if target == RETURN:
            while self.stack and self.stack[-1] in ERRAND_SCREENS:
                self.stack.pop()
            target = None
        if target is None:
            target = self.stack.pop() if self.stack else Screen.HOME
        else:
            if target in FRESH_START:
                self.stack.clear()
            elif target in self.stack:
                # Going on to a screen already behind us returns to it (review -> item after confirming,
                # review -> capture to retake): back then leads where it led before, never round in a loop.
                del self.stack[len(self.stack) - 1 - self.stack[::-1].index(target) :]
            elif self.screen not in NOT_STACKED and self.screen != target:
                self.stack.append(self.screen)
        if self.screen in DOCUMENT_SCREENS and target not in DOCUMENT_SCREENS:
            self.data.document.abandon()
        if self.screen == Screen.FACE and target != Screen.FACE:
            self.data.face.abandon()
        self.screen = target
        self._emit(action)
        return target

    def open_module(self, module_id: str) -> Screen:
        """Open a home-screen module: a filtered catalog list or an embedded portal."""
        module: Module = module_by_id(module_id)
        if module.portal:
            return self.go("open_portal", module=module.id, portal=module.id)
        if module.action:
            return self.go(module.action, module=module.id)
        return self.go("open_browse", module=module.id, filters=dict(module.filters), query="")

    def read_document(self, kind: str, key: str = "") -> Screen:
        """Ask the resident for a document of `kind` (from an item's guide or an application's material `key`):
        the capture screen opens."""
        if kind not in DOCUMENT_KINDS:
            raise TransitionError(f"unknown document kind {kind!r}")
        if not self.allowed("read_document"):
            raise TransitionError(f"'read_document' is not possible on the {self.screen} screen")
        self.data.document.start(kind, key)
        return self.go("read_document")

    def set_language(self, language: str) -> None:
        """Switch the language on any screen."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self.language = language
        self._emit("language")

    def set_elderly(self, on: bool) -> None:
        """Switch elderly mode (长辈版) on any screen."""
        self.elderly = on
        self._emit("elderly")

    # -- ending ---------------------------------------------------------------------------------------
    def end(self, reason: str) -> None:
        """Finish, time out or restart: wipe everything and show the attract screen."""
        self.wipe()
        self.screen = Screen.ATTRACT
        self.ended_count += 1
        self._emit(reason)

    def wipe(self) -> None:
        """Forget the resident: data, back stack, language and mode choices, temporary files."""
        for part in vars(self.data).values():
            if hasattr(part, "wipe"):
                part.wipe()  # pictures, readings, references, values scrubbed, whoever still holds a reference
        self.data = SessionData()
        self.stack.clear()
        self.language = self.default_language
        self.elderly = self.default_elderly
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        for hook in list(self._wipe_hooks):
            hook()
