"""ui/qt.py guards against PySide6's None refcount bug: painting many times cannot abort the terminal."""

from __future__ import annotations

import sys

from ui.qt import QColor, QImage, QPainter, QRectF


def test_painting_many_rectangles_keeps_none_alive(qapp):
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    rect = QRectF(1, 1, 4, 4)
    before = sys.getrefcount(None)
    for _ in range(50_000):  # without the guard this aborts the interpreter on CPython 3.11
        painter.drawRect(rect)
        painter.fillRect(rect, QColor("black"))
    painter.end()
    assert sys.getrefcount(None) > 1 << 39
    assert before - sys.getrefcount(None) <= 100_000
