"""What every screen shares: translation refresh, mode changes, wiping and its spoken instruction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.qt import QEvent, QLabel, QPushButton, QSize, Qt, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from catalog.store import CatalogStore
    from kiosk.config import Config
    from kiosk.flows.browse import CatalogBrowser
    from kiosk.session import Session


@dataclass
class Context:
    """The core objects the screens observe and drive."""

    config: Config
    session: Session
    store: CatalogStore
    browser: CatalogBrowser
    services: dict[str, object]  # optional helpers: "voice", "ime", "technician", "printer"


def label(text: str = "", role: str = "", name: str = "", wrap: bool = True) -> QLabel:
    """A label with a style role."""
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def button(text: str = "", role: str = "", name: str = "") -> QPushButton:
    """A touch button with a style role."""
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    return widget


class TextButton(QPushButton):
    """A big touch button whose title and detail wrap onto more lines instead of being cut off."""

    def __init__(self, title: str, detail: str = "", role: str = "", name: str = ""):
        super().__init__()
        if role:
            self.setProperty("role", role)
        if name:
            self.setObjectName(name)
        self.setProperty("wraps", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        self.title = label(title, "button-title")
        self.detail = label(detail, "button-detail")
        for part in (self.title, self.detail):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(part)
        self.detail.setVisible(bool(detail))
        if role == "tile":
            for part in (self.title, self.detail):
                part.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_texts(self, title: str, detail: str = "") -> None:
        """Change both lines."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def text(self) -> str:  # what the resident reads, for tests and the voice guide
        """Title and detail, one per line."""
        return "\n".join(t for t in (self.title.text(), self.detail.text()) if t)

    def sizeHint(self) -> QSize:
        """As tall as the wrapped text needs."""
        return self.layout().sizeHint().expandedTo(super().sizeHint())

    def hasHeightForWidth(self) -> bool:
        """Height follows width: narrower buttons wrap onto more lines."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the wrapped text needs at `width`."""
        return max(self.layout().heightForWidth(width), self.minimumHeight())


def clear_layout(layout) -> None:
    """Remove and delete a layout's widgets now (deleteLater alone would leave them painted until then)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ScreenBase(QWidget):
    """A screen: retranslates on language change, adapts to mode and orientation, forgets on wipe."""

    def __init__(self, ctx: Context, name: str):
        super().__init__()
        self.ctx = ctx
        self.setObjectName(name)
        self.elderly = False
        self.portrait = False

    def changeEvent(self, event: QEvent) -> None:
        """Qt tells every widget when the translator changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every visible string again in the current language."""

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Adapt to elderly mode and to a portrait screen."""
        self.elderly, self.portrait = elderly, portrait

    def entered(self) -> None:
        """The session has just moved to this screen."""

    def left(self) -> None:
        """The session has just moved away from this screen (stop what only runs while it shows)."""

    def reset(self) -> None:
        """Forget everything of the session that this screen shows."""

    def read_aloud(self) -> None:
        """The resident pressed 朗读 here (a screen whose guidance changes keeps reading it out from then on)."""

    def instruction(self) -> str:
        """What to do here, in one sentence, for the voice guide and the instruction line."""
        return ""
