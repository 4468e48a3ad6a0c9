"""The signature pad (electronic whiteboard): a white writing area that captures strokes at touch resolution.

Touch screens, pen tablets and the mouse all draw; mouse events that Qt or the system synthesize from touch or
pen are ignored, so a stroke is never captured twice. Ink is drawn incrementally into a backing image (each new
sample repaints only the few pixels around it, so a long signature stays smooth) with the same midpoint curves
and pressure widths the saved PNG uses (kiosk.signature). Buttons (清除 / 撤销 / 确认) belong to the screen
around the pad; the pad only captures and shows.

Resizing keeps what was drawn, scaled uniformly to fit the new size and centred (kiosk.signature.Signature.scaled),
without a changed() signal: the resident did nothing.
"""

from __future__ import annotations

from kiosk.signature import Point, Signature, SignatureError, stroke_width
from ui.qt import (
    QColor,
    QEvent,
    QEventPoint,
    QFont,
    QImage,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointF,
    QRectF,
    QResizeEvent,
    QSize,
    QSizePolicy,
    Qt,
    QTabletEvent,
    QTouchEvent,
    QWidget,
    Signal,
)

MIN_HEIGHT = 300  # px: room for a name in an elderly hand on the 1080x1920 terminal
DEFAULT_SIZE = QSize(1000, 360)
INK = QColor("#111111")
PAPER = QColor("#ffffff")
GUIDE = QColor("#c8d0db")  # baseline and frame: visible, but never mistaken for ink
PLACEHOLDER = QColor("#9aa3ad")
BASELINE = 0.72  # of the height: names sit on it with room above for tall characters
_PEN_DEVICES = (
    QInputDevice.DeviceType.TouchScreen,
    QInputDevice.DeviceType.Stylus,
    QInputDevice.DeviceType.Airbrush,
    QInputDevice.DeviceType.Puck,
)
_TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)


class SignaturePad(QWidget):
    """A white writing area with a baseline and a faint placeholder; emits changed() after each stroke/undo/clear."""

    changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        # Every pixel is painted here: Qt need not clear the background before each small incremental update.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(MIN_HEIGHT)
        self._placeholder = placeholder
        self._signature = Signature(max(1, self.width()), max(1, self.height()))
        self._ink = QImage()
        self._pointer: tuple[str, int] | None = None  # ("touch", id), ("tablet", 0) or ("mouse", 0) while drawing
        self._t0 = 0.0  # event time of the signature's first touch
        self._stroke_length = 0  # points in the stroke being drawn
        self._new_ink_image()

    # -- public ---------------------------------------------------------------------------------------------------
    def signature(self) -> Signature:
        """A copy of what is drawn, on a canvas the widget's size (the caller wipes it when done)."""
        return self._signature.copy()

    def undo(self) -> None:
        """Take back the last stroke."""
        self._signature.end_stroke()
        self._pointer = None
        self._signature.undo()
        self._redraw()
        self.changed.emit()

    def clear(self) -> None:
        """Remove all ink."""
        self._pointer = None
        self._signature.clear()
        self._redraw()
        self.changed.emit()

    def wipe(self) -> None:
        """Forget every point and overwrite the ink image (the session is over)."""
        self._pointer = None
        self._signature.wipe()
        self._redraw()
        self.changed.emit()

    def set_placeholder(self, text: str) -> None:
        """Change the faint hint (on a language switch)."""
        self._placeholder = text
        self.update()

    def placeholder(self) -> str:
        """The faint hint shown while the pad is empty."""
        return self._placeholder

    def is_drawing(self) -> bool:
        """Whether a finger, pen or mouse is down on the pad now."""
        return self._pointer is not None

    def sizeHint(self) -> QSize:
        """Wide and tall enough for a name in large writing."""
        return QSize(DEFAULT_SIZE)

    def minimumSizeHint(self) -> QSize:
        """Never too small for a finger to write in."""
        return QSize(400, MIN_HEIGHT)

    # -- input ----------------------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Touch events arrive here (QWidget has no touchEvent handler)."""
        if event.type() in _TOUCH_EVENTS:
            self._touch(event)
            # Accepting TouchBegin makes this widget receive the sequence and tells Qt not to synthesize mouse
            # events from it.
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        has_pressure = bool(event.device() and event.device().capabilities() & QInputDevice.Capability.Pressure)
        for point in event.points():
            # The widget position comes from the global one: Qt fills it for real events, and it is the only
            # position a QEventPoint built by hand (tests, the end-to-end journey) can carry.
            pos = self.mapFromGlobal(point.globalPosition())
            # Controllers without a pressure sensor may still report 0 for a finger that is plainly touching.
            pressure = point.pressure() if has_pressure and point.pressure() > 0 else 1.0
            key = ("touch", point.id())
            state = point.state()
            if state == QEventPoint.State.Pressed and self._pointer is None:
                self._begin(key, pos, event.timestamp(), pressure)
            elif key == self._pointer and state == QEventPoint.State.Updated:
                self._extend(pos, event.timestamp(), pressure)
            elif key == self._pointer and state == QEventPoint.State.Released:
                self._finish(pos, event.timestamp(), pressure)
        ended = event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
        if ended and self._pointer is not None and self._pointer[0] == "touch":
            self._finish(None, event.timestamp(), 1.0)  # the system took the touch away: keep what was drawn

    def tabletEvent(self, event: QTabletEvent) -> None:
        """A pen: position and pressure at the tablet's resolution."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress and self._pointer is None:
            self._begin(("tablet", 0), event.position(), event.timestamp(), event.pressure())
        elif kind == QEvent.Type.TabletMove and self._pointer == ("tablet", 0):
            self._extend(event.position(), event.timestamp(), event.pressure())
        elif kind == QEvent.Type.TabletRelease and self._pointer == ("tablet", 0):
            self._finish(event.position(), event.timestamp(), event.pressure())
        event.accept()  # no synthesized mouse events for the pen

    @staticmethod
    def _synthesized(event: QMouseEvent) -> bool:
        # Mouse events made from touch or pen carry that device: the touch or tablet handler has the real thing.
        device = event.pointingDevice()
        return device is not None and device.type() in _PEN_DEVICES

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The mouse draws too (technicians, and touch frames that present themselves as a mouse)."""
        if event.button() != Qt.MouseButton.LeftButton or self._synthesized(event) or self._pointer is not None:
            event.ignore()
            return
        self._begin(("mouse", 0), event.position(), event.timestamp(), 1.0)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Extend the mouse's stroke."""
        if self._pointer == ("mouse", 0) and not self._synthesized(event):
            self._extend(event.position(), event.timestamp(), 1.0)
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """End the mouse's stroke."""
        if self._pointer == ("mouse", 0) and event.button() == Qt.MouseButton.LeftButton:
            self._finish(event.position(), event.timestamp(), 1.0)
            event.accept()
        else:
            event.ignore()

    # -- strokes --------------------------------------------------------------------------------------------------
    def _begin(self, key: tuple[str, int], pos: QPointF, timestamp: int, pressure: float) -> None:
        first = self._signature.is_empty()
        if first:
            self._t0 = float(timestamp)
        try:
            point = self._signature.start_stroke(pos.x(), pos.y(), timestamp - self._t0, pressure)
        except SignatureError:
            return  # past MAX_STROKES: scribbling, not signing; the screen's check will say so
        self._pointer = key
        self._stroke_length = 1
        area = _draw_dot(self._ink, point)
        if first:
            self.update()  # all of it: the placeholder goes as soon as the finger lands
        else:
            self._update(area)

    def _extend(self, pos: QPointF, timestamp: int, pressure: float) -> None:
        last = self._signature.tail(1)[-1]
        if abs(pos.x() - last.x) < 0.01 and abs(pos.y() - last.y) < 0.01:
            return  # a repeated sample adds nothing but points
        try:
            self._signature.add_point(pos.x(), pos.y(), timestamp - self._t0, pressure)
        except SignatureError:
            self._finish(None, timestamp, pressure)  # past MAX_POINTS: the stroke ends here
            return
        self._stroke_length += 1
        if self._stroke_length >= 3:
            a, c, b = self._signature.tail(3)
            self._update(_draw_curve(self._ink, a, c, b, from_start=self._stroke_length == 3))

    def _finish(self, pos: QPointF | None, timestamp: int, pressure: float) -> None:
        if pos is not None:
            self._extend(pos, timestamp, pressure)
        if self._pointer is None:
            return
        self._pointer = None
        self._signature.end_stroke()
        if self._stroke_length >= 2:
            a, c = self._signature.tail(2)
            self._update(_draw_end(self._ink, a, c, from_start=self._stroke_length == 2))
        self.changed.emit()

    # -- drawing --------------------------------------------------------------------------------------------------
    def _new_ink_image(self) -> None:
        ratio = self.devicePixelRatioF()
        size = self.size() * ratio
        self._ink = QImage(max(1, size.width()), max(1, size.height()), QImage.Format.Format_ARGB32_Premultiplied)
        self._ink.setDevicePixelRatio(ratio)
        self._ink.fill(Qt.GlobalColor.transparent)

    def _redraw(self) -> None:
        """Repaint the whole ink image from the strokes (after undo, clear, wipe or a resize)."""
        self._ink.fill(Qt.GlobalColor.transparent)  # overwrites the old pixels too: wipe leaves no ink behind
        strokes = self._signature.strokes
        for index, stroke in enumerate(strokes):
            _draw_dot(self._ink, stroke[0])
            for i in range(1, len(stroke) - 1):
                _draw_curve(self._ink, stroke[i - 1], stroke[i], stroke[i + 1], from_start=i == 1)
            open_stroke = self._pointer is not None and index == len(strokes) - 1
            if len(stroke) >= 2 and not open_stroke:
                _draw_end(self._ink, stroke[-2], stroke[-1], from_start=len(stroke) == 2)
        self.update()

    def _update(self, area: QRectF) -> None:
        # Only the pixels around the new piece: a long signature never costs a full repaint per sample.
        self.update(area.toAlignedRect().adjusted(-2, -2, 2, 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paper, frame, baseline, the hint while empty, then the ink (only the region Qt asks for)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(event.rect(), PAPER)
        w, h = self.width(), self.height()
        painter.setPen(QPen(GUIDE, 2))
        painter.drawRect(QRectF(1, 1, w - 2, h - 2))
        left, right, base = w * 0.06, w * 0.94, round(h * BASELINE)  # whole pixels: a crisp 2 px line
        painter.drawLine(QPointF(left, base), QPointF(right, base))
        # The "×" that marks where to sign on paper forms, at the baseline's start.
        cross = max(10.0, h * 0.035)
        cx, cy = left + cross, base - cross * 1.6
        painter.setPen(QPen(PLACEHOLDER, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(cx - cross / 2, cy - cross / 2), QPointF(cx + cross / 2, cy + cross / 2))
        painter.drawLine(QPointF(cx - cross / 2, cy + cross / 2), QPointF(cx + cross / 2, cy - cross / 2))
        if self._placeholder and self._signature.is_empty():
            font = QFont(self.font())
            font.setPixelSize(max(24, round(h * 0.1)))
            painter.setFont(font)
            painter.setPen(PLACEHOLDER)
            text_box = QRectF(left, base - h * 0.42, right - left, h * 0.36)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, self._placeholder)
        ratio = self._ink.devicePixelRatio()
        target = QRectF(event.rect())
        source = QRectF(target.x() * ratio, target.y() * ratio, target.width() * ratio, target.height() * ratio)
        painter.drawImage(target, self._ink, source)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the ink, scaled uniformly into the new size; the canvas is always the widget's size."""
        width, height = max(1, self.width()), max(1, self.height())
        if (width, height) != (self._signature.width, self._signature.height):
            old = self._signature
            self._signature = old.scaled(width, height)
            old.wipe()
            self._pointer = None  # a stroke in progress ends at the resize: its points moved under the finger
        self._new_ink_image()
        self._redraw()
        super().resizeEvent(event)


# The pieces of a stroke, drawn as samples arrive; together they make the midpoint curve of
# kiosk.signature.smooth_stroke, so the screen shows what the saved PNG will.
def _painter(image: QImage) -> QPainter:
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    return painter


def _draw_dot(image: QImage, p: Point) -> QRectF:
    """The round start of a stroke (all there is of a tap)."""
    radius = stroke_width(p.pressure) / 2
    painter = _painter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK)
    painter.drawEllipse(QPointF(p.x, p.y), radius, radius)
    painter.end()
    return QRectF(p.x - radius, p.y - radius, 2 * radius, 2 * radius)


def _stroke_path(image: QImage, path: QPainterPath, pressure: float) -> QRectF:
    width = stroke_width(pressure)
    painter = _painter(image)
    painter.setPen(QPen(INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.end()
    return path.controlPointRect().adjusted(-width, -width, width, width)


def _draw_curve(image: QImage, a: Point, c: Point, b: Point, from_start: bool) -> QRectF:
    """The curve around sample c: from a (the stroke's first) or the a-c midpoint, to the c-b midpoint."""
    path = QPainterPath(QPointF(a.x, a.y) if from_start else QPointF((a.x + c.x) / 2, (a.y + c.y) / 2))
    path.quadTo(QPointF(c.x, c.y), QPointF((c.x + b.x) / 2, (c.y + b.y) / 2))
    return _stroke_path(image, path, (a.pressure + 2 * c.pressure + b.pressure) / 4)


def _draw_end(image: QImage, a: Point, c: Point, from_start: bool) -> QRectF:
    """The last half-segment, into the point where the pen lifted."""
    path = QPainterPath(QPointF(a.x, a.y) if from_start else QPointF((a.x + c.x) / 2, (a.y + c.y) / 2))
    path.lineTo(c.x, c.y)
    return _stroke_path(image, path, (a.pressure + 3 * c.pressure) / 4)
