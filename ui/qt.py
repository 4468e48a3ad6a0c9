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
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QMarginsF, QRectF, QTranslator
from PySide6.QtGui import (
    QCloseEvent,
    QCursor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPixmap,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QGridLayout, QStackedWidget

__all__ += [
    "QBoxLayout",
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
    "QPainter",
    "QPdfWriter",
    "QPixmap",
    "QRectF",
    "QResizeEvent",
    "QStackedWidget",
    "QTextDocument",
    "QTranslator",
]


def web_engine():
    """QtWebEngine's core and widgets modules, imported on first use: they are heavy and only portals need them."""
    import os

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses its sandbox as root; terminals run as an unprivileged user, tests often as root.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6 import QtWebEngineCore, QtWebEngineWidgets

    return QtWebEngineCore, QtWebEngineWidgets
