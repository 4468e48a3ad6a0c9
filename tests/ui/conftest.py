"""What the UI tests ask of any window: the texts its widgets hold, and which texts do not fit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ui.qt import QComboBox, QLabel, QLineEdit, QPushButton, QTextBrowser, QWidget


def widget_text(widget: QWidget) -> str:
    """What one text widget holds, visible or not (a line edit's hint included)."""
    if isinstance(widget, QLineEdit):
        return widget.text() + "\n" + widget.placeholderText()
    if isinstance(widget, QTextBrowser):
        return widget.toPlainText()
    return widget.text() if isinstance(widget, QLabel | QPushButton) else ""


def window_texts(root: QWidget) -> str:
    """Every text any widget of the window holds, visible or not."""
    return "\n".join(text for widget in root.findChildren(QWidget) if (text := widget_text(widget)))


def clipped_texts(root: QWidget) -> list[str]:
    """Visible buttons and one-line labels whose text does not fit their width."""
    bad = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 1:
            continue
        if isinstance(widget, QPushButton) and widget.text() and not widget.property("wraps"):
            need = max(widget.fontMetrics().horizontalAdvance(line) for line in widget.text().split("\n"))
            if need > widget.width() - 8:
                bad.append(f"{widget.objectName()}: {widget.text()!r} needs {need}px, has {widget.width()}")
        elif isinstance(widget, QComboBox) and widget.currentText():
            need = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 40  # frame and arrow
            if need > widget.width():
                bad.append(f"{widget.objectName()}: {widget.currentText()!r} needs {need}px, has {widget.width()}")
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            need = widget.fontMetrics().horizontalAdvance(widget.text())
            if need > widget.width() + 1:
                bad.append(f"{widget.objectName()}: {widget.text()!r} needs {need}px, has {widget.width()}")
    return bad


@pytest.fixture
def text_of() -> Callable[[QWidget], str]:
    """widget_text, for tests that look at widgets one by one."""
    return widget_text


@pytest.fixture
def all_texts() -> Callable[[QWidget], str]:
    """window_texts: to prove something is (or no longer is) anywhere in a window."""
    return window_texts


@pytest.fixture
def clipped() -> Callable[[QWidget], list[str]]:
    """clipped_texts: the fit check every screen must pass in every language, mode and orientation."""
    return clipped_texts


class VoiceRecorder:
    """Stands in for the voice guide: records what the terminal would say (the real VoiceGuide is tested on a
    PulseAudio sink)."""

    available = True

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def say(self, text: str, language: str) -> None:
        self.said.append((text, language))


@pytest.fixture
def voice() -> VoiceRecorder:
    """A voice guide that records (text, language) instead of speaking."""
    return VoiceRecorder()
