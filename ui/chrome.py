"""The bar on every screen but the attract screen: home, back, language, elderly mode, read aloud, finish."""

from __future__ import annotations

from ui.qt import QEvent, QFrame, QHBoxLayout, QVBoxLayout, Signal
from ui.screens.base import button, label, restyle

LANGUAGE_LABELS = {"zh_CN": "简体", "zh_HK": "繁體", "en": "EN"}


class TopBar(QFrame):
    """Navigation and settings reachable with one touch from every screen."""

    action = Signal(str)  # "home", "back", "finish", "read_aloud", "toggle_elderly"
    language_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("topBar")
        self.setProperty("role", "topbar")
        self.home = button(role="chrome", name="navHome")
        self.back = button(role="chrome", name="navBack")
        self.title = label(role="subtitle", name="barTitle", wrap=False)
        self.languages = {code: button(text, "chrome", f"lang_{code}") for code, text in LANGUAGE_LABELS.items()}
        self.elderly = button(role="chrome", name="elderlyToggle")
        self.read_aloud = button(role="chrome", name="readAloud")
        self.finish = button(role="primary", name="finishSession")
        for widget, name in (
            (self.home, "home"),
            (self.back, "back"),
            (self.finish, "finish"),
            (self.read_aloud, "read_aloud"),
            (self.elderly, "toggle_elderly"),
        ):
            widget.clicked.connect(lambda _=False, n=name: self.action.emit(n))
        for code, widget in self.languages.items():
            widget.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
        self._rows = QVBoxLayout(self)
        self._nav = QHBoxLayout()
        self._settings = QHBoxLayout()
        self._rows.addLayout(self._nav)
        self._rows.addLayout(self._settings)
        self._rows.setContentsMargins(16, 8, 16, 8)
        self.set_layout(portrait=False)
        self.retranslate()

    def set_layout(self, portrait: bool, compact: bool = False) -> None:
        """One row (without the title when `compact`); navigation over settings on a narrow portrait screen."""
        self.title.setVisible(not compact)
        for layout in (self._nav, self._settings):
            while layout.count():
                layout.takeAt(0)
        nav = [self.home, self.back, self.title]
        settings = [*self.languages.values(), self.elderly, self.read_aloud, self.finish]
        if portrait:
            for widget in nav:
                self._nav.addWidget(widget)
            self._nav.addStretch(1)
            self._nav.addWidget(self.finish)
            for widget in settings[:-1]:
                self._settings.addWidget(widget)
        else:
            for widget in nav:
                self._nav.addWidget(widget)
            self._nav.addStretch(1)
            for widget in settings:
                self._nav.addWidget(widget)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the bar's strings in the current language."""
        self.home.setText(self.tr("⌂ 首页"))
        self.back.setText(self.tr("‹ 返回"))
        self.read_aloud.setText(self.tr("朗读"))
        self.finish.setText(self.tr("结束办理"))
        self._show_elderly()

    def _show_elderly(self) -> None:
        on = self.elderly.property("active") == "true"
        # The text says the state too: colour is never the only cue.
        self.elderly.setText(self.tr("长辈版 ✓") if on else self.tr("长辈版"))

    def show_state(self, language: str, elderly: bool, title: str, can_go_back: bool) -> None:
        """Mark the current language and mode, and the screen's title."""
        for code, widget in self.languages.items():
            widget.setProperty("active", "true" if code == language else "false")
            widget.setText(("✓ " if code == language else "") + LANGUAGE_LABELS[code])
            restyle(widget)
        self.elderly.setProperty("active", "true" if elderly else "false")
        restyle(self.elderly)
        self._show_elderly()
        self.title.setText(title)
        self.back.setEnabled(can_go_back)
