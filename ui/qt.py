"""The one place that imports the Qt binding; the rest of ui/ imports Qt names from here."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QApplication",
    "QColor",
    "QComboBox",
    "QEvent",
    "QFont",
    "QFontDatabase",
    "QFontMetrics",
    "QFrame",
    "QGuiApplication",
    "QHBoxLayout",
    "QKeySequence",
    "QLabel",
    "QLineEdit",
    "QListWidget",
    "QListWidgetItem",
    "QMainWindow",
    "QObject",
    "QPalette",
    "QPoint",
    "QPushButton",
    "QScrollArea",
    "QShortcut",
    "QSize",
    "QSizePolicy",
    "QTextBrowser",
    "QTimer",
    "QUrl",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
]


# Shell, screens, printing and translation.
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QMarginsF, QPointF, QRect, QRectF, QTranslator
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QCursor,
    QEventPoint,
    QImage,
    QInputDevice,
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPdfWriter,
    QPen,
    QPixmap,
    QPointingDevice,
    QPolygonF,
    QResizeEvent,
    QTabletEvent,
    QTextDocument,
    QTouchEvent,
)
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QGridLayout, QPlainTextEdit, QProgressBar, QStackedWidget

__all__ += [
    "QBoxLayout",
    "QBrush",
    "QButtonGroup",
    "QCloseEvent",
    "QCoreApplication",
    "QCursor",
    "QElapsedTimer",
    "QGridLayout",
    "QImage",
    "QKeyEvent",
    "QMarginsF",
    "QMouseEvent",
    "QPageLayout",
    "QPageSize",
    "QPaintEvent",
    "QPainter",
    "QPdfWriter",
    "QPen",
    "QPixmap",
    "QPlainTextEdit",
    "QPointF",
    "QPolygonF",
    "QProgressBar",
    "QRectF",
    "QResizeEvent",
    "QStackedWidget",
    "QTextDocument",
    "QTranslator",
]
# Pointer input: the signature pad reads touch, tablet and mouse events at full resolution.
__all__ += ["QEventPoint", "QInputDevice", "QPainterPath", "QPointingDevice", "QRect", "QTabletEvent", "QTouchEvent"]
# Typing into embedded web pages (ui/portal_keyboard.py): commit and composing text, as an input method sends it.
__all__ += ["QInputMethodEvent"]


def _keep_none_alive() -> None:
    """Work around a PySide6 6.12 refcount bug on CPython 3.11.

    Some QPainter calls (drawRect, fillRect, ...) return None without taking a reference, so every call
    drops None's count by one; a long-running terminal would end in "deallocating None" and abort.
    CPython 3.12 makes None immortal; here we give it a reference count no process can exhaust.
    """
    import ctypes
    import sys

    if sys.implementation.name == "cpython" and sys.version_info < (3, 12):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_keep_none_alive()


def web_engine():
    """QtWebEngine's core and widgets modules, imported on first use: they are heavy and only portals need them."""
    import os

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses its sandbox as root; terminals run as an unprivileged user, tests often as root.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6 import QtWebEngineCore, QtWebEngineWidgets

    return QtWebEngineCore, QtWebEngineWidgets


def _keep_bools_alive() -> None:
    """Work around a second PySide6 6.12 refcount bug on CPython 3.11: Signal.emit() returns True unowned.

    Every emit of a Python-declared signal (the touch keyboard's composing_changed on each key, for one)
    drops True's count by one, so a terminal in use for hours would abort with "deallocating True or False".
    Like None above: give both bools a reference count no process can exhaust (immortal from CPython 3.12).
    """
    import ctypes
    import sys

    if sys.implementation.name == "cpython" and sys.version_info < (3, 12):
        for value in (True, False):
            ctypes.c_ssize_t.from_address(id(value)).value += 1 << 40


_keep_bools_alive()


def qt_test():
    """QtTest's QTest, imported on first use: only tests drive widgets through it."""
    from PySide6.QtTest import QTest

    return QTest
