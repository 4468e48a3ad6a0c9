"""The terminal's touch keyboard for the text fields of an embedded portal page (ui/portal.py).

A user script runs in every frame of the page, in an isolated JavaScript world: the page's own scripts can neither
see it nor change the DOM methods, `console` or `JSON` it uses. It reports when the resident focuses a text field
(input of type text, search, tel, number, email, url or password; textarea; contenteditable) and when focus leaves
it, as console messages that start with a nonce only this world knows; GuardedPage passes those on and drops every
other console message. (A QWebChannel would be the other way, but QtWebEngine installs its transport in the main
frame only, and login forms often live in frames.) A report says what kind of field it is, never what it holds.

The keyboard then docks under the page (the page gets shorter; the script scrolls the field back into view if the
keyboard covered it) and types through `PageInputSink`: commit and composing strings as QInputMethodEvents and
Backspace/Enter as QKeyEvents to the view's focus proxy, so the page sees the same beforeinput, input and
composition events a desktop input method produces. It hides when focus leaves the field, on navigation, when the
portal is left and on wipe(), forgetting any composing letters each time.

Like a phone, a field the page focuses on its own (autofocus) does not open the keyboard; a tap on it does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ui.qt import QApplication, QBoxLayout, QEvent, QInputMethodEvent, QKeyEvent, QObject, Qt, QTimer, QWidget
from ui.widgets.keyboard import ABC, NUMBER, PINYIN
from ui.widgets.keyboard_loan import KeyboardLoan, fitting_scale

SCRIPT_NAME = "kiosk-portal-focus"
BLUR_GRACE_MS = 150  # focus moving from one field to the next reports a blur first: do not flicker
MAX_REPORT = 512  # a report is a few dozen characters; anything longer is not ours
MODE_FOR_KIND = {"text": PINYIN, "latin": ABC, "numeric": NUMBER}

# The nonce is pasted in where __NONCE__ stands (hex only, so it needs no quoting).
FOCUS_SCRIPT = r"""
(() => {
  "use strict";
  const NONCE = "__NONCE__";
  const id = new Uint8Array(8);
  crypto.getRandomValues(id);
  const frame = Array.from(id, (b) => b.toString(16).padStart(2, "0")).join("");
  const TEXT_TYPES = new Set(["text", "search", "tel", "number", "email", "url", "password"]);
  const NUMERIC_MODES = new Set(["numeric", "decimal", "tel"]);
  let field = null;  // the text field that has focus in this frame, shown or not
  let shown = false;  // whether Qt was told to show the keyboard for it
  let count = 0;  // which focus this is: Qt tells a new field from a second tap on the same one
  let handover = false;  // focus is moving straight from a shown field to another one
  let watcher = null;

  // Only the kind of field leaves this world, never its value.
  const send = (report) => console.log(NONCE + " " + JSON.stringify(Object.assign({f: frame}, report)));
  const inner = (event) => (event.composedPath()[0] || event.target);

  function editable(el) {
    if (el instanceof HTMLInputElement) return TEXT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
    if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
    return el instanceof HTMLElement && el.isContentEditable;
  }

  function describe(el) {
    const mode = (el.getAttribute("inputmode") || "").toLowerCase();
    if (!(el instanceof HTMLInputElement)) return {k: NUMERIC_MODES.has(mode) ? "numeric" : "text", s: false, m: true};
    const secret = el.type === "password";
    const numeric = el.type === "tel" || el.type === "number" || NUMERIC_MODES.has(mode);
    if (numeric) return {k: "numeric", s: secret, m: false};
    const latin = secret || el.type === "email" || el.type === "url" || mode === "email" || mode === "url";
    return {k: latin ? "latin" : "text", s: secret, m: false};
  }

  // When the docked keyboard shortens the page and covers the field, scroll it back into view (in a frame too:
  // the observer's implicit root is the top-level viewport).
  function watch(el) {
    if (watcher) watcher.disconnect();
    let last = 2;
    watcher = new IntersectionObserver((entries) => {
      const ratio = entries[entries.length - 1].intersectionRatio;
      const covered = field === el && shown && ratio < 0.98 && ratio < last;
      if (covered) el.scrollIntoView({block: "center", inline: "nearest"});
      last = ratio;
    }, {threshold: [0, 0.25, 0.5, 0.75, 1]});
    watcher.observe(el);
  }

  function show(el) {
    if (el !== field || !shown) count += 1;
    field = el;
    shown = true;
    send(Object.assign({e: "focus", n: count}, describe(el)));
    watch(el);
  }

  function leave() {
    if (watcher) watcher.disconnect();
    watcher = null;
    if (shown) send({e: "blur"});
    field = null;
    shown = false;
  }

  const active = () => !navigator.userActivation || navigator.userActivation.isActive;

  document.addEventListener("focusin", (event) => {
    if (!event.isTrusted) return;  // a page can dispatch focus events, but not trusted ones
    const el = inner(event);
    if (!editable(el)) return leave();
    // A field the resident tapped, or one the page moves to while the keyboard is up (the next box of a code).
    if (active() || handover) return show(el);
    leave();
    field = el;  // autofocus: shown when tapped
  }, true);

  document.addEventListener("focusout", (event) => {
    if (!event.isTrusted || inner(event) !== field) return;
    handover = shown;
    setTimeout(() => { handover = false; }, 0);  // focusin of the next field, if any, comes in this same task
    leave();
  }, true);

  document.addEventListener("click", (event) => {
    const el = inner(event);
    if (event.isTrusted && editable(el) && el === field && !shown) show(el);
  }, true);

  addEventListener("pagehide", () => leave(), true);
})();
"""


def focus_script_source(nonce: str) -> str:
    """The focus reporter's JavaScript with `nonce` (hex) in it."""
    if not nonce or any(ch not in "0123456789abcdef" for ch in nonce):
        raise ValueError("the nonce must be lowercase hex")
    return FOCUS_SCRIPT.replace("__NONCE__", nonce)


def focus_script(core, nonce: str):
    """A QWebEngineScript that reports focus to Qt from every frame, in the isolated application world."""
    script_type = core.QWebEngineScript
    script = script_type()
    script.setName(SCRIPT_NAME)
    script.setSourceCode(focus_script_source(nonce))
    script.setInjectionPoint(script_type.InjectionPoint.DocumentCreation)  # before any of the page's scripts
    script.setWorldId(script_type.ScriptWorldId.ApplicationWorld)
    script.setRunsOnSubFrames(True)
    return script


@dataclass(frozen=True)
class FieldFocus:
    """A text field of the page that has focus: where it is and what kind it is, never what it holds."""

    frame: str
    number: int
    kind: str  # text, latin (email, url, password) or numeric
    secret: bool
    multiline: bool


def parse_report(payload: str) -> FieldFocus | str | None:
    """A focus report: FieldFocus for a focused field, the frame's id for a blur, None for anything else."""
    if len(payload) > MAX_REPORT:
        return None
    try:
        report = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(report, dict) or not isinstance(report.get("f"), str):
        return None
    if report.get("e") == "blur":
        return report["f"]
    if report.get("e") != "focus" or report.get("k") not in MODE_FOR_KIND or not isinstance(report.get("n"), int):
        return None
    return FieldFocus(report["f"], report["n"], report["k"], report.get("s") is True, report.get("m") is True)


class PageInputSink:
    """Types into the page's focused field as an input method would (ui.widgets.keyboard.InputSink)."""

    def __init__(self, web: QWidget):
        self.web = web
        self.secret = False
        self.multiline = False
        self.active = False  # only while a field has focus: a late tap must not type into the next page

    def _target(self) -> QWidget | None:
        return self.web.focusProxy() if self.active else None

    def write(self, text: str) -> None:
        """Commit `text` at the caret (replacing composing text)."""
        target = self._target()
        if target is not None:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(target, event)

    def compose(self, text: str) -> None:
        """Show `text` as composing text with the caret after it; "" cancels the composition."""
        target = self._target()
        if target is not None:
            cursor = QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor, len(text), 1)
            QApplication.sendEvent(target, QInputMethodEvent(text, [cursor]))

    def backspace(self) -> None:
        """Delete the character before the caret."""
        self._key(Qt.Key.Key_Backspace)

    def enter(self) -> None:
        """Press Enter (the page submits its form, or a multi-line field starts a new line)."""
        self._key(Qt.Key.Key_Return, text="\r")

    def clear(self) -> None:
        """Select all of the field and delete it."""
        self._key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, "a")
        self._key(Qt.Key.Key_Backspace)

    def _key(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
        target = self._target()
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))


class PortalKeyboard(QObject):
    """Lends the terminal's touch keyboard to a portal page while one of its text fields has focus."""

    def __init__(self, view: QWidget, web: QWidget, keyboard: QWidget, slot: QBoxLayout):
        super().__init__(view)
        self.view = view
        self.keyboard = keyboard
        self.sink = PageInputSink(web)
        self.loan = KeyboardLoan(keyboard, slot)
        self.field: FieldFocus | None = None
        self._blur = QTimer(self)
        self._blur.setSingleShot(True)
        self._blur.setInterval(BLUR_GRACE_MS)
        self._blur.timeout.connect(self.hide)

    def showing(self) -> bool:
        """Whether the keyboard is docked under the page and typing into one of its fields."""
        return self.field is not None and self.loan.held() and self.keyboard.isVisibleTo(self.view)

    def report(self, payload: str) -> None:
        """A report from the page's focus script (already known to carry the page's nonce)."""
        parsed = parse_report(payload)
        if isinstance(parsed, FieldFocus):
            self.show_for(parsed)
        elif isinstance(parsed, str) and self.field is not None and parsed == self.field.frame:
            self._blur.start()

    def show_for(self, field: FieldFocus) -> None:
        """Dock the keyboard for `field`, in the mode its kind needs."""
        self._blur.stop()
        if self.showing() and (field.frame, field.number) == (self.field.frame, self.field.number):
            return  # the same field tapped again
        # Letters composed for the previous field stay there (Chromium keeps them when it loses focus): never
        # write them into this one.
        self.keyboard.discard()
        self.field = field
        self.sink.secret, self.sink.multiline, self.sink.active = field.secret, field.multiline, True
        self.loan.take(self.sink, MODE_FOR_KIND[field.kind], self.view, 0)

    def hide(self) -> None:
        """Give the keyboard back and forget what it was composing (focus left, navigation, session end)."""
        self._blur.stop()
        self.sink.active = False
        self.field = None
        if self.loan.held():
            self.keyboard.discard()
            self.loan.give_back()

    def refit(self) -> None:
        """Resize the keys for the view's mode and orientation (elderly portrait gets them larger)."""
        if self.showing():
            self.keyboard.set_scale(fitting_scale(self.keyboard, self.view, 0))
