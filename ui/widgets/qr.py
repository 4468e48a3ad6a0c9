"""A QR code drawn as vector squares from segno's matrix (sharp at any size, and in PDFs)."""

from __future__ import annotations

import segno

from ui.qt import QColor, QPainter, QRectF, QSize, Qt, QWidget


def qr_matrix(text: str) -> list[list[bool]]:
    """The module matrix of `text` as a QR code, UTF-8 encoded, with its quiet zone."""
    code = segno.make(text, encoding="utf-8", error="m", micro=False)
    return [[bool(cell) for cell in row] for row in code.matrix_iter(scale=1, border=4)]


def paint_qr(painter: QPainter, matrix: list[list[bool]], area: QRectF) -> None:
    """Draw `matrix` into `area` (square), black on white."""
    size = min(area.width(), area.height())
    cell = size / len(matrix)
    painter.fillRect(QRectF(area.left(), area.top(), size, size), QColor("white"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(QRectF(area.left() + x * cell, area.top() + y * cell, cell + 0.01, cell + 0.01))


class QrCode(QWidget):
    """Shows one QR code, square."""

    def __init__(self, text: str = "", side: int = 280):
        super().__init__()
        self.setObjectName("qrCode")
        self.side = side
        self.matrix: list[list[bool]] = []
        self.text = ""
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Encode another text."""
        self.text = text
        self.matrix = qr_matrix(text) if text else []
        self.update()

    def sizeHint(self) -> QSize:
        """Square."""
        return QSize(self.side, self.side)

    def minimumSizeHint(self) -> QSize:
        """Never smaller than the set side: phones need the modules big enough."""
        return QSize(self.side, self.side)

    def paintEvent(self, _event) -> None:
        """Draw the code centred."""
        if not self.matrix:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        left = (self.width() - side) / 2
        paint_qr(painter, self.matrix, QRectF(left, 0, side, side))
        painter.end()
