"""The on-screen touch keyboard: pinyin with a candidate bar, letters straight in, digits; big keys for elderly hands.

In 拼音 mode typed letters go into the target field at once as a composing run at its end (the search understands
pinyin, so results follow every key), and the candidate bar offers words for that run; tapping one replaces the
run. The keyboard always edits at the end of the field, as a search box needs. Lookups take well under a
millisecond (see kiosk.ime.engine), so they run on the GUI thread.

Besides a QLineEdit the keyboard can type into an `InputSink`: a field it cannot read, such as the focused input
of an embedded web page (ui/portal_keyboard.py). There the composing run is shown by the sink as composing
(preedit) text and replaced by the chosen word in one step, as a desktop input method does; an Enter key appears;
and a secret sink (a password) never composes, so its letters are never shown on the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from kiosk.ime.engine import PinyinIME
from ui.qt import (
    QEvent,
    QFont,
    QFontMetrics,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QResizeEvent,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

PINYIN, ABC, NUMBER = "拼音", "ABC", "123"
MODES = (PINYIN, ABC, NUMBER)
LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NUMBER_ROWS = ("1234567890", "-/:()#@", ".,_+")
SYMBOL_NAMES = {
    "-": "dash", "/": "slash", ":": "colon", "(": "lparen", ")": "rparen", "#": "hash", "@": "at",
    ".": "dot", ",": "comma", "_": "underscore", "+": "plus",
}  # fmt: skip
CANDIDATE_SLOTS = 10  # buttons in the bar; how many show depends on the words' widths
CANDIDATE_FETCH = 48  # one lookup serves several pages of the bar

# Sizes at scale 1.0 in pixels: 96 px keys leave margin over the 90 px touch-target minimum.
KEY_HEIGHT = 96
KEY_MIN_WIDTH = 90  # ten keys a row must fit a 1080 px portrait screen
KEY_FONT = 36
LABEL_FONT = 30
CANDIDATE_FONT = 38
SPACING = 8
PAD = 16
MAX_LABEL = 480  # the composing label's widest (longer runs are elided at the start)
SCREEN_WIDTH = 1920  # assumed until the keyboard is laid out

STYLE = """
QWidget#touchKeyboard {{ background: #2b3440; }}
QFrame#candidateBar {{ background: #ffffff; border-radius: {r}px; }}
QLabel#composingLabel {{ color: #0b3d75; padding: 0 {pad}px; font-size: {lf}px; }}
QLabel#composingLabel[hint="true"] {{ color: #5b6675; }}
QPushButton {{ background: #ffffff; color: #111111; border: 2px solid #111111; border-radius: {r}px;
    min-width: {kw}px; min-height: {kh}px; max-height: {kh}px; padding: 0px; font-size: {kf}px; }}
QPushButton[role="function"], QPushButton[role="mode"], QPushButton[role="pager"] {{ font-size: {lf}px; }}
QPushButton:pressed {{ background: #0b5394; color: #ffffff; }}
QPushButton[role="function"] {{ background: #d5dbe3; }}
QPushButton[role="mode"] {{ background: #0b5394; color: #ffffff; border-color: #ffffff; }}
QPushButton[role="candidate"] {{ border: none; color: #0b3d75; padding: 0 {pad}px; font-size: {cf}px;
    min-width: 0px; }}
QPushButton[role="pager"] {{ min-width: {pw}px; }}
QPushButton[role="candidate"]:pressed {{ background: #0b5394; color: #ffffff; }}
QPushButton[role="pager"] {{ background: #e8eef6; color: #0b3d75; border: 2px solid #0b3d75; }}
QPushButton:disabled {{ background: #eef0f3; color: #9aa3ad; border-color: #c8d0db; }}
"""


class InputSink(Protocol):
    """A field the keyboard types into without reading it (e.g. the focused input of a web page)."""

    secret: bool  # a password: letters go straight in, never composed where they could be read
    multiline: bool  # Enter starts a new line rather than submitting

    def write(self, text: str) -> None:
        """Insert `text` at the caret, replacing the composing text if there is any."""

    def compose(self, text: str) -> None:
        """Show `text` as composing (not yet committed) text at the caret; "" removes it."""

    def backspace(self) -> None:
        """Delete the character before the caret."""

    def enter(self) -> None:
        """Press Enter: submit the form, or a new line in a multi-line field."""

    def clear(self) -> None:
        """Empty the field."""


class TouchKeyboard(QWidget):
    """QWERTY touch keyboard with 拼音 (pinyin + candidates), ABC and 123 modes for one target QLineEdit (or
    InputSink)."""

    composing_changed = Signal(str)
    mode_changed = Signal(str)

    def __init__(self, ime: PinyinIME | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("touchKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ime = ime
        self._target: QLineEdit | InputSink | None = None
        self._mode = PINYIN
        self._scale = 1.0
        self._composing = ""
        self._base = ""  # the field's text before the composing run
        self._writing = False  # set while the keyboard itself changes the field
        self._candidates: list[str] = []
        self._page_starts: list[int] = [0]
        self._page = 0
        self.keys: dict[str, QPushButton] = {}
        self._build()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._apply_scale()
        self._show_mode()

    # -- construction ---------------------------------------------------------------------------------
    def _key(self, name: str, text: str, role: str = "key", stretch: int = 1) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"key_{name}")
        button.setProperty("role", role)
        button.setProperty("stretch", stretch)
        # Keys must never take focus from the field, or its cursor and selection would be lost.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.keys[name] = button
        return button

    def _row(self, buttons: list[QPushButton], indent: int = 0) -> QHBoxLayout:
        row = QHBoxLayout()
        self._rows.append(row)
        if indent:
            row.addStretch(indent)
        for button in buttons:
            row.addWidget(button, int(button.property("stretch")) * 2)
        if indent:
            row.addStretch(indent)
        return row

    def _page_of(self, rows: tuple[str, ...], name_of: Callable[[str], str]) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self._columns.append(column)
        for n, chars in enumerate(rows):
            buttons = [self._key(name_of(ch), ch.upper(), "key") for ch in chars]
            for ch, button in zip(chars, buttons, strict=True):
                button.clicked.connect(lambda _=False, c=ch: self._type(c))
            column.addLayout(self._row(buttons, indent=n))
        return page

    def _build(self) -> None:
        self._rows: list[QHBoxLayout] = []
        self._columns: list[QVBoxLayout] = []
        outer = QVBoxLayout(self)
        self._columns.append(outer)

        self.bar = QFrame()
        self.bar.setObjectName("candidateBar")
        bar = QHBoxLayout(self.bar)
        self._rows.append(bar)
        self.composing_label = QLabel()
        self.composing_label.setObjectName("composingLabel")
        bar.addWidget(self.composing_label)
        self.candidate_buttons: list[QPushButton] = []
        for n in range(CANDIDATE_SLOTS):
            button = QPushButton()
            button.setObjectName(f"candidate_{n}")
            button.setProperty("role", "candidate")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=n: self._choose_slot(i))
            button.hide()
            self.candidate_buttons.append(button)
            bar.addWidget(button)
        # Never shown: sizes candidate words with the real style's padding and borders, for the paging.
        self._measure = QPushButton(self)
        self._measure.setProperty("role", "candidate")
        self._measure.hide()
        bar.addStretch(1)
        self.prev_button = self._pager("candidatePrev", "◀", -1)
        self.more_button = self._pager("candidateMore", self.tr("更多 ▶"), 1)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.more_button)
        outer.addWidget(self.bar)

        self.pages = QStackedWidget()
        self.letter_page = self._page_of(LETTER_ROWS, lambda ch: ch)
        self.number_page = self._page_of(NUMBER_ROWS, lambda ch: SYMBOL_NAMES.get(ch, ch))
        self.pages.addWidget(self.letter_page)
        self.pages.addWidget(self.number_page)
        outer.addWidget(self.pages)

        mode = self._key("mode", "", "mode", stretch=2)
        mode.setToolTip(self.tr("切换输入方式：拼音、字母、数字"))
        mode.clicked.connect(self.next_mode)
        space = self._key("space", self.tr("空格"), "function", stretch=6)
        space.clicked.connect(self._space)
        backspace = self._key("backspace", self.tr("删除"), "function", stretch=2)
        backspace.clicked.connect(self._backspace)
        clear = self._key("clear", self.tr("清空"), "function", stretch=2)
        clear.clicked.connect(self.clear)
        enter = self._key("enter", self.tr("确定"), "function", stretch=2)
        enter.clicked.connect(self._enter)
        enter.hide()  # only a sink (a web page's field) has something to submit
        outer.addLayout(self._row([mode, space, backspace, clear, enter]))

    def _pager(self, name: str, text: str, step: int) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setProperty("role", "pager")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False: self._turn_page(step))
        return button

    # -- public API -----------------------------------------------------------------------------------
    def attach(self, line_edit: QLineEdit | InputSink | None) -> None:
        """Type into `line_edit` (or an InputSink) from now on (None detaches); a composition in progress is kept
        as letters."""
        self.commit()
        if isinstance(self._target, QLineEdit):
            self._target.textChanged.disconnect(self._on_target_changed)
            self._target.destroyed.disconnect(self._forget_target)
        self._target = line_edit
        if isinstance(line_edit, QLineEdit):
            line_edit.textChanged.connect(self._on_target_changed)
            line_edit.destroyed.connect(self._forget_target)
        self._show_enter()
        self._show_composing()

    def _forget_target(self) -> None:
        # The screen holding the field went away; typing then does nothing until the next attach.
        self._target = None
        self._set_composing("")

    def set_ime(self, ime: PinyinIME | None) -> None:
        """Use this dictionary from now on (e.g. once a background build finishes); None means letters only."""
        self.commit()
        self.ime = ime
        self._show_composing()

    def target(self) -> QLineEdit | InputSink | None:
        """The field the keyboard types into."""
        return self._target

    def mode(self) -> str:
        """The current mode: 拼音, ABC or 123."""
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Switch to 拼音, ABC or 123; letters being composed stay in the field as typed."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if mode == self._mode:
            return
        self.commit()
        self._mode = mode
        self._show_mode()
        self.mode_changed.emit(mode)

    def next_mode(self) -> None:
        """Cycle 拼音 -> ABC -> 123 -> 拼音."""
        self.set_mode(MODES[(MODES.index(self._mode) + 1) % len(MODES)])

    def composing(self) -> str:
        """The pinyin letters being composed ("" when none)."""
        return self._composing

    def candidates(self) -> list[str]:
        """All candidates for the composing letters (every page of the bar)."""
        return list(self._candidates)

    def commit(self) -> None:
        """End the composition, leaving its letters in the field as typed."""
        letters = self._composing
        self._set_composing("")
        sink = self._sink()
        if sink is not None and letters:
            sink.write(letters)  # a sink shows them as composing text: they become typed text now

    def discard(self) -> None:
        """Forget the composition without writing anything more (the field lost focus, or the session ended)."""
        self._set_composing("")

    def clear(self) -> None:
        """Empty the field and end any composition."""
        composing = bool(self._composing)
        self._set_composing("")
        sink = self._sink()
        if sink is None:
            self._write("")
            return
        if composing:
            sink.compose("")
        sink.clear()

    def choose(self, word: str) -> None:
        """Replace the composing letters with `word` and end the composition."""
        if not self._composing:
            return
        base = self._base
        self._set_composing("")
        sink = self._sink()
        if sink is not None:
            sink.write(word)  # replaces the composing text in one step
        else:
            self._write(base + word)

    def scale(self) -> float:
        """The size factor (1.0 normal, 1.5 elderly mode)."""
        return self._scale

    def set_scale(self, factor: float) -> None:
        """Grow or shrink keys, fonts and spacing by `factor` (1.5 for elderly mode)."""
        self._scale = min(3.0, max(0.5, float(factor)))
        self._apply_scale()
        self._paginate()

    # -- typing ---------------------------------------------------------------------------------------
    def _sink(self) -> InputSink | None:
        """The target when it is an InputSink rather than a QLineEdit."""
        return None if self._target is None or isinstance(self._target, QLineEdit) else self._target

    def _secret(self) -> bool:
        return bool(getattr(self._target, "secret", False))

    def _composes(self) -> bool:
        # Without a dictionary (not built yet) 拼音 behaves like ABC: letters straight in, no candidates. A
        # password never composes: its letters would show on the candidate bar.
        return self._mode == PINYIN and self.ime is not None and not self._secret()

    def _type(self, ch: str) -> None:
        if self._target is None:
            return
        sink = self._sink()
        if self._composes() and ch.isalpha():
            if sink is not None:
                self._set_composing(self._composing + ch)
                sink.compose(self._composing)
                return
            if not self._composing:
                self._base = self._target.text()
            # State first, field second: whoever reacts to the field's textChanged sees the new run.
            self._set_composing(self._composing + ch)
            self._write(self._base + self._composing)
        else:
            self._insert(ch)

    def _insert(self, text: str) -> None:
        sink = self._sink()
        if sink is not None:
            sink.write(text)
        elif self._target is not None:
            self._write(self._target.text() + text)

    def _space(self) -> None:
        if self._composing:
            self.commit()  # space takes the letters as they are, e.g. to search by pinyin or initials
        else:
            self._insert(" ")

    def _backspace(self) -> None:
        if self._target is None:
            return
        sink = self._sink()
        if self._composing:
            self._set_composing(self._composing[:-1])
            if sink is not None:
                sink.compose(self._composing)
            else:
                self._write(self._base + self._composing)
        elif sink is not None:
            sink.backspace()
        else:
            self._write(self._target.text()[:-1])

    def _enter(self) -> None:
        sink = self._sink()
        if self._composing:
            self.commit()  # Enter first takes the letters as typed, as space does; the next Enter submits
        elif sink is not None:
            sink.enter()

    def _write(self, text: str) -> None:
        if not isinstance(self._target, QLineEdit):
            return
        self._writing = True
        try:
            self._target.setText(text)
            self._target.setCursorPosition(len(text))
        finally:
            self._writing = False

    def _on_target_changed(self, text: str) -> None:
        # Someone else changed the field (its clear button, a hardware key, a reset): the run is gone.
        if not self._writing and self._composing and text != self._base + self._composing:
            self._set_composing("")

    def _set_composing(self, letters: str) -> None:
        changed = letters != self._composing
        self._composing = letters
        if self.ime is not None and letters:
            self._candidates = self.ime.candidates(letters, limit=CANDIDATE_FETCH)
        else:
            self._candidates = []
        self._page = 0
        self._show_composing()
        self._paginate()
        if changed:
            self.composing_changed.emit(letters)

    # -- candidate bar --------------------------------------------------------------------------------
    def _choose_slot(self, slot: int) -> None:
        index = self._page_starts[self._page] + slot
        if index < len(self._candidates):
            self.choose(self._candidates[index])

    def _turn_page(self, step: int) -> None:
        self._page = max(0, min(len(self._page_starts) - 1, self._page + step))
        self._show_page()

    def _candidate_width(self, word: str) -> int:
        """The width a candidate button needs to show `word` whole."""
        self._measure.setText(word)
        return max(self._measure.sizeHint().width(), round(KEY_MIN_WIDTH * self._scale))

    def _bar_room(self) -> int:
        """Pixels the candidate buttons (each with the spacing after it) may use on one page."""
        width = self.width() if self.isVisible() and self.width() > 0 else SCREEN_WIDTH
        spacing = round(SPACING * self._scale)
        label = max(self.composing_label.minimumWidth(), self.composing_label.sizeHint().width())
        pagers = sum(
            max(b.minimumWidth(), b.sizeHint().width()) + spacing for b in (self.prev_button, self.more_button)
        )
        # Outer margins, the bar's margins, label-to-first-candidate spacing and the spacing around the stretch.
        return max(1, width - 3 * spacing - label - spacing - pagers - spacing)

    def _paginate(self) -> None:
        """Split the candidates into pages that fit the bar's width without squeezing any word."""
        spacing = round(SPACING * self._scale)
        room = self._bar_room()
        starts, used = [0], 0
        for n, word in enumerate(self._candidates):
            need = self._candidate_width(word) + spacing
            on_page = n - starts[-1]
            if on_page and (used + need > room or on_page >= CANDIDATE_SLOTS):
                starts.append(n)
                used = 0
            used += need
        self._page_starts = starts
        self._page = min(self._page, len(starts) - 1)
        self._show_page()

    def _show_page(self) -> None:
        start = self._page_starts[self._page]
        end = self._page_starts[self._page + 1] if self._page + 1 < len(self._page_starts) else len(self._candidates)
        words = self._candidates[start:end]
        for n, button in enumerate(self.candidate_buttons):
            word = words[n] if n < len(words) else ""
            button.setText(word)
            if word:
                # An explicit minimum replaces the text's own, so it must cover the whole word.
                button.setMinimumWidth(self._candidate_width(word))
            button.setVisible(bool(word))
        paged = len(self._page_starts) > 1
        self.prev_button.setVisible(paged)
        self.more_button.setVisible(paged)
        self.prev_button.setEnabled(self._page > 0)
        self.more_button.setEnabled(self._page + 1 < len(self._page_starts))

    def _show_composing(self) -> None:
        if self._composing and self.ime is not None:
            hint_text = self.ime.segment_hint(self._composing) or self._composing
            # Very long runs keep their end in view rather than pushing the candidates off the bar.
            metrics = QFontMetrics(self.composing_label.font())
            room = round(MAX_LABEL * self._scale)
            self.composing_label.setText(metrics.elidedText(hint_text, Qt.TextElideMode.ElideLeft, room))
            hint = False
        elif self._composes():
            self.composing_label.setText(self.tr("输入拼音，点选汉字"))
            hint = True
        elif self._mode == PINYIN and self.ime is None:
            self.composing_label.setText(self.tr("词库准备中，字母直接输入"))
            hint = True
        else:
            self.composing_label.setText(self.tr("字母、数字直接输入"))
            hint = True
        if self.composing_label.property("hint") != hint:
            self.composing_label.setProperty("hint", hint)
            self.composing_label.style().unpolish(self.composing_label)
            self.composing_label.style().polish(self.composing_label)

    def changeEvent(self, event: QEvent) -> None:
        """Labels follow the language the resident chooses."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the function keys' and pager's labels in the current language."""
        self.keys["space"].setText(self.tr("空格"))
        self.keys["backspace"].setText(self.tr("删除"))
        self.keys["clear"].setText(self.tr("清空"))
        self._show_enter()
        self.keys["mode"].setToolTip(self.tr("切换输入方式：拼音、字母、数字"))
        self.more_button.setText(self.tr("更多 ▶"))
        self._show_mode()

    def _show_enter(self) -> None:
        sink = self._sink()
        enter = self.keys["enter"]
        enter.setText(self.tr("换行") if getattr(sink, "multiline", False) else self.tr("确定"))
        enter.setVisible(sink is not None)

    def _show_mode(self) -> None:
        labels = {PINYIN: self.tr("拼音"), ABC: self.tr("ABC"), NUMBER: self.tr("123")}
        self.keys["mode"].setText(labels[self._mode])
        self.pages.setCurrentWidget(self.number_page if self._mode == NUMBER else self.letter_page)
        self._show_composing()
        self._paginate()

    # -- sizing ---------------------------------------------------------------------------------------
    def _apply_scale(self) -> None:
        s = self._scale
        height, spacing = round(KEY_HEIGHT * s), round(SPACING * s)
        # The keyboard sizes itself: its sheet overrides the application's button sizes and fonts.
        self.setStyleSheet(
            STYLE.format(
                r=round(12 * s),
                pad=round(PAD * s),
                kf=round(KEY_FONT * s),
                lf=round(LABEL_FONT * s),
                cf=round(CANDIDATE_FONT * s),
                kw=round(KEY_MIN_WIDTH * s),
                pw=round(KEY_MIN_WIDTH * s * 1.4),
                kh=round(KEY_HEIGHT * s) - 4,
            )
        )  # content height inside 2 px borders
        key_font, label_font, candidate_font = self._font(KEY_FONT), self._font(LABEL_FONT), self._font(CANDIDATE_FONT)
        for name, button in self.keys.items():
            button.setFixedHeight(height)
            button.setMinimumWidth(round(KEY_MIN_WIDTH * s))
            button.setFont(key_font if len(name) == 1 else label_font)
        for button in (*self.candidate_buttons, self._measure):
            button.setFixedHeight(height)
            button.setFont(candidate_font)
        for button in (self.prev_button, self.more_button):
            button.setFixedHeight(height)
            button.setMinimumWidth(round(KEY_MIN_WIDTH * s * 1.4))
            button.setFont(label_font)
        self.composing_label.setFont(label_font)
        self.composing_label.setFixedHeight(height)
        # Wide enough for most runs, so the candidates do not shift sideways with every letter.
        self.composing_label.setMinimumWidth(round(300 * s))
        for layout in (*self._rows, *self._columns):
            layout.setSpacing(spacing)
        self._columns[0].setContentsMargins(spacing, spacing, spacing, spacing)
        self.bar.layout().setContentsMargins(spacing // 2, spacing // 2, spacing // 2, spacing // 2)
        self.bar.setFixedHeight(height + spacing)
        rows = max(len(LETTER_ROWS), len(NUMBER_ROWS))
        self.pages.setFixedHeight(rows * height + (rows - 1) * spacing)
        self.updateGeometry()

    def _font(self, pixels: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(round(pixels * self._scale))
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-split the candidate pages for the new width."""
        super().resizeEvent(event)
        self._paginate()
