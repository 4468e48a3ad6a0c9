"""The signature pad driven by real events: touch sequences, a pen, the mouse; what it captures and what it shows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.signature import Point
from kiosk.signature_synth import synth_strokes
from ui.qt import (
    QApplication,
    QEvent,
    QEventPoint,
    QImage,
    QInputDevice,
    QMouseEvent,
    QObject,
    QPoint,
    QPointF,
    QPointingDevice,
    Qt,
    QTabletEvent,
    QTouchEvent,
    qt_test,
)
from ui.widgets.signature import MIN_HEIGHT, SignaturePad

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"
PAD_W, PAD_H = 1016, 400  # the pad on the 1080x1920 portrait terminal, inside the screen's margins
PLACEHOLDER = "请在此处签名"


@pytest.fixture(scope="module")
def touch_screen(qapp) -> QPointingDevice:
    """A touch screen as the terminal's (position only: capacitive screens report no pressure)."""
    return QPointingDevice(
        "test touch screen",
        4201,
        QInputDevice.DeviceType.TouchScreen,
        QPointingDevice.PointerType.Finger,
        QInputDevice.Capability.Position | QInputDevice.Capability.Area,
        10,
        0,
    )


@pytest.fixture(scope="module")
def stylus(qapp) -> QPointingDevice:
    """A pen tablet with pressure."""
    return QPointingDevice(
        "test pen",
        4202,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )


@pytest.fixture
def pad(qtbot) -> SignaturePad:
    """A pad shown at the terminal's size."""
    widget = SignaturePad(PLACEHOLDER)
    qtbot.addWidget(widget)
    widget.resize(PAD_W, PAD_H)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def send_touch(
    pad: SignaturePad, device: QPointingDevice, kind: QEvent.Type, state: QEventPoint.State, at: QPointF, t: int
) -> bool:
    """One touch event with one point at `at` (pad coordinates) and time t ms, delivered like Qt delivers it."""
    scene = pad.mapTo(pad.window(), at)
    point = QEventPoint(1, state, scene, pad.mapToGlobal(at))
    event = QTouchEvent(kind, device, Qt.KeyboardModifier.NoModifier, [point])
    event.setTimestamp(t)
    delivered = QApplication.sendEvent(pad, event)
    return delivered and event.isAccepted()


def touch_stroke(pad: SignaturePad, device: QPointingDevice, stroke: Sequence[Point], t0: int = 100_000) -> None:
    """A finger down at the stroke's first point, moving through the rest, lifting at the last."""
    last = len(stroke) - 1
    for i, p in enumerate(stroke):
        at, t = QPointF(p.x, p.y), t0 + round(p.t_ms)
        if i == 0:
            assert send_touch(pad, device, QEvent.Type.TouchBegin, QEventPoint.State.Pressed, at, t)
        elif i < last:
            send_touch(pad, device, QEvent.Type.TouchUpdate, QEventPoint.State.Updated, at, t)
        else:
            send_touch(pad, device, QEvent.Type.TouchEnd, QEventPoint.State.Released, at, t)
    if last == 0:
        send_touch(pad, device, QEvent.Type.TouchEnd, QEventPoint.State.Released, QPointF(stroke[0].x, stroke[0].y), t0)


def send_mouse(pad: SignaturePad, kind: QEvent.Type, at: QPointF, device: QPointingDevice | None = None) -> None:
    """A mouse event from `device` (the system's mouse by default; a touch screen for one synthesized from touch)."""
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
    global_at = pad.mapToGlobal(at)
    if device is None:
        device = QPointingDevice.primaryPointingDevice()
    event = QMouseEvent(kind, at, at, global_at, button, held, Qt.KeyboardModifier.NoModifier, device)
    QApplication.sendEvent(pad, event)


def gray(image: QImage) -> np.ndarray:
    """A grab as a grayscale array."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return array[:, : image.width()].copy()


def grab(pad: SignaturePad) -> np.ndarray:
    """What the pad shows now."""
    return gray(pad.grab().toImage())


def assert_same_points(captured: Sequence[Point], sent: Sequence[Point], t_offset: float = 0.0) -> None:
    """Same number of points, each within 1 px, times as sent and never going back."""
    assert len(captured) == len(sent)
    for got, want in zip(captured, sent, strict=True):
        assert abs(got.x - want.x) <= 1 and abs(got.y - want.y) <= 1
        assert got.t_ms == pytest.approx(round(want.t_ms) + t_offset)
    times = [p.t_ms for p in captured]
    assert times == sorted(times)


def test_the_pad_is_a_large_white_writing_area(pad):
    assert pad.objectName() == "signaturePad"
    assert pad.minimumHeight() >= MIN_HEIGHT >= 300
    assert pad.sizeHint().width() >= 900
    assert pad.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    assert pad.signature().is_empty()
    assert (pad.signature().width, pad.signature().height) == (PAD_W, PAD_H)
    shown = grab(pad)
    assert np.median(shown) == 255  # white paper
    assert hint_pixels(shown) > 500  # the faint "sign here" hint ...
    assert (shown[int(PAD_H * 0.3) : int(PAD_H * 0.65)] < 100).sum() == 0  # ... never as dark as ink


def hint_pixels(shown: np.ndarray) -> int:
    """Grey pixels (the hint's colour) where the "sign here" hint is drawn."""
    middle = shown[int(PAD_H * 0.3) : int(PAD_H * 0.65), int(PAD_W * 0.3) : int(PAD_W * 0.7)]
    return int(((middle > 120) & (middle < 220)).sum())


def test_the_placeholder_goes_as_soon_as_the_finger_lands(qtbot, pad, touch_screen):
    assert pad.placeholder() == PLACEHOLDER and hint_pixels(grab(pad)) > 500
    painted = []

    class PaintSpy(QObject):
        def eventFilter(self, _obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())
            return False

    spy = PaintSpy()
    pad.installEventFilter(spy)
    try:
        send_touch(pad, touch_screen, QEvent.Type.TouchBegin, QEventPoint.State.Pressed, QPointF(80, 340), 1000)
        QApplication.processEvents()
    finally:
        pad.removeEventFilter(spy)
    assert pad.is_drawing()
    assert any(rect == pad.rect() for rect in painted)  # repainted whole, not just around the dot
    assert hint_pixels(grab(pad)) == 0
    send_touch(pad, touch_screen, QEvent.Type.TouchEnd, QEventPoint.State.Released, QPointF(80, 340), 1010)
    assert not pad.is_drawing()
    pad.clear()
    pad.set_placeholder("Please sign here")
    assert pad.placeholder() == "Please sign here" and hint_pixels(grab(pad)) > 200


def test_touch_strokes_are_captured_at_touch_resolution(qtbot, pad, touch_screen):
    strokes = synth_strokes(seed=11, width=PAD_W, height=PAD_H)
    changes = []
    pad.changed.connect(lambda: changes.append(pad.signature().stroke_count))
    for stroke in strokes[:4]:
        touch_stroke(pad, touch_screen, stroke)
    captured = pad.signature()
    assert captured.stroke_count == 4
    assert changes == [1, 2, 3, 4]  # changed() after each stroke's end, not on every point
    for got, sent in zip(captured.strokes, strokes[:4], strict=True):
        assert_same_points(got, sent)
        assert all(p.pressure == 1.0 for p in got)  # this screen has no pressure sensor
    assert captured.strokes[0][0].t_ms == 0  # times count from the first touch
    # Sub-pixel positions are kept, not rounded to whole pixels.
    assert any(abs(p.x - round(p.x)) > 0.05 for p in captured.strokes[0])


def test_a_whole_signature_by_touch_matches_what_was_written(qtbot, pad, touch_screen):
    strokes = synth_strokes(seed=5, width=PAD_W, height=PAD_H)
    for stroke in strokes:
        touch_stroke(pad, touch_screen, stroke)
    captured = pad.signature()
    assert captured.stroke_count == len(strokes)
    for got, sent in zip(captured.strokes, strokes, strict=True):
        assert_same_points(got, sent)
    assert captured.problem() is None
    qtbot.wait(1)
    shown = grab(pad)
    for stroke in strokes:
        for p in stroke[:: max(1, len(stroke) // 5)]:
            x, y = round(p.x), round(p.y)
            assert shown[y - 2 : y + 3, x - 2 : x + 3].min() < 80, (x, y)  # ink under every sampled point


def test_touch_is_not_doubled_by_mouse_events_synthesized_from_it(qtbot, pad, touch_screen):
    # A platform that also delivers the touch as mouse events marks them with the touch screen as their device.
    touch_stroke(pad, touch_screen, [Point(100, 100, 0), Point(150, 120, 8), Point(200, 140, 17)])
    for kind, x in (
        (QEvent.Type.MouseButtonPress, 100),
        (QEvent.Type.MouseMove, 150),
        (QEvent.Type.MouseButtonRelease, 200),
    ):
        send_mouse(pad, kind, QPointF(x, 120), device=touch_screen)
    assert pad.signature().stroke_count == 1
    # While a finger is down, a mouse cannot start a second stroke either.
    assert send_touch(pad, touch_screen, QEvent.Type.TouchBegin, QEventPoint.State.Pressed, QPointF(300, 200), 500)
    send_mouse(pad, QEvent.Type.MouseButtonPress, QPointF(600, 200))
    send_mouse(pad, QEvent.Type.MouseButtonRelease, QPointF(600, 200))
    send_touch(pad, touch_screen, QEvent.Type.TouchEnd, QEventPoint.State.Released, QPointF(320, 210), 520)
    strokes = pad.signature().strokes
    assert len(strokes) == 2
    assert [(p.x, p.y) for p in strokes[1]] == [(300, 200), (320, 210)]


def test_touch_through_the_window_system_is_captured_once(qtbot, pad):
    # QTest's touch sequence goes the way a real screen's events go (QWindowSystemInterface), where Qt would
    # synthesize mouse events for a touch the widget did not accept.
    qtest = qt_test()
    device = qtest.createTouchDevice()
    mouse_events = []

    class Spy(QObject):
        def eventFilter(self, _obj, event) -> bool:
            if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
                mouse_events.append(event.type())
            return False

    spy = Spy()
    pad.installEventFilter(spy)
    try:
        qtest.touchEvent(pad, device).press(0, QPoint(120, 150), pad).commit()
        for x in range(140, 400, 20):
            qtest.touchEvent(pad, device).move(0, QPoint(x, 150 + x // 10), pad).commit()
        qtest.touchEvent(pad, device).release(0, QPoint(400, 190), pad).commit()
        qtbot.wait(10)
    finally:
        pad.removeEventFilter(spy)
    strokes = pad.signature().strokes
    assert len(strokes) == 1
    assert [(round(p.x), round(p.y)) for p in strokes[0]] == [
        (120, 150),
        *((x, 150 + x // 10) for x in range(140, 400, 20)),
        (400, 190),
    ]
    assert mouse_events == []  # the touch was accepted: no mouse copy of it reached the pad


def test_the_mouse_draws_as_a_fallback(qtbot, pad):
    path = [QPoint(200, 150), QPoint(260, 180), QPoint(330, 170), QPoint(400, 220)]
    with qtbot.waitSignal(pad.changed):
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=path[0])
        for at in path[1:]:
            qtbot.mouseMove(pad, at)
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=path[-1])
    strokes = pad.signature().strokes
    assert len(strokes) == 1
    assert [(round(p.x), round(p.y)) for p in strokes[0]] == [(at.x(), at.y()) for at in path]
    times = [p.t_ms for p in strokes[0]]
    assert times == sorted(times) and times[0] == 0
    # Moving without a button down draws nothing.
    qtbot.mouseMove(pad, QPoint(500, 300))
    assert pad.signature().point_count == len(path)


def test_a_pen_draws_with_its_pressure(qtbot, pad, stylus):
    def pen(kind: QEvent.Type, x: float, y: float, pressure: float, t: int) -> None:
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
        at = QPointF(x, y)
        event = QTabletEvent(
            kind, stylus, at, pad.mapToGlobal(at), pressure, 0, 0, 0, 0, 0,
            Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, held,
        )  # fmt: skip
        event.setTimestamp(t)
        QApplication.sendEvent(pad, event)

    pen(QEvent.Type.TabletPress, 100.25, 200.5, 0.2, 1000)
    pen(QEvent.Type.TabletMove, 180.5, 210.75, 0.6, 1008)
    pen(QEvent.Type.TabletMove, 260.0, 190.0, 0.9, 1017)
    pen(QEvent.Type.TabletRelease, 300.0, 180.0, 0.4, 1025)
    (stroke,) = pad.signature().strokes
    assert [(p.x, p.y, p.t_ms) for p in stroke] == [
        (100.25, 200.5, 0),
        (180.5, 210.75, 8),
        (260.0, 190.0, 17),
        (300.0, 180.0, 25),
    ]
    assert [p.pressure for p in stroke] == pytest.approx([0.2, 0.6, 0.9, 0.4])


def test_undo_and_clear_emit_changed_and_update_the_ink(qtbot, pad, touch_screen):
    strokes = synth_strokes(seed=3, width=PAD_W, height=PAD_H)
    for stroke in strokes[:3]:
        touch_stroke(pad, touch_screen, stroke)
    before = grab(pad)
    last = strokes[2]
    with qtbot.waitSignal(pad.changed):
        pad.undo()
    assert pad.signature().stroke_count == 2
    for got, sent in zip(pad.signature().strokes, strokes[:2], strict=True):
        assert_same_points(got, sent)
    after = grab(pad)
    assert (after < 80).sum() < (before < 80).sum()  # the undone stroke's ink is gone ...
    shared = {(round(p.x), round(p.y)) for s in strokes[:2] for p in s}
    lonely = [p for p in last if all(abs(round(p.x) - x) > 12 or abs(round(p.y) - y) > 12 for x, y in shared)]
    for p in lonely:
        assert after[round(p.y), round(p.x)] > 200  # ... where it did not cross the other strokes
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.signature().is_empty()
    assert (grab(pad) < 80).sum() == 0
    # Undo on an empty pad is harmless and still tells the screen.
    with qtbot.waitSignal(pad.changed):
        pad.undo()
    assert pad.signature().is_empty()


def test_wipe_forgets_the_points_and_the_pixels(qtbot, pad, touch_screen):
    for stroke in synth_strokes(seed=9, width=PAD_W, height=PAD_H):
        touch_stroke(pad, touch_screen, stroke)
    held = pad.signature()
    with qtbot.waitSignal(pad.changed):
        pad.wipe()
    assert pad.signature().is_empty()
    assert (grab(pad) < 80).sum() == 0
    assert held.point_count > 0  # a copy handed out earlier is the caller's to wipe
    held.wipe()
    assert held.is_empty()


def test_ink_is_painted_incrementally(qtbot, pad, touch_screen):
    painted: list[int] = []

    class PaintSpy(QObject):
        def eventFilter(self, _obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect().width() * event.rect().height())
            return False

    stroke = max(synth_strokes(seed=21, width=PAD_W, height=PAD_H), key=len)
    assert len(stroke) > 40
    touch_stroke(pad, touch_screen, stroke[:2])  # one stroke first: the placeholder goes with a full repaint
    qtbot.wait(1)
    spy = PaintSpy()
    pad.installEventFilter(spy)
    try:
        last = len(stroke) - 1
        for i, p in enumerate(stroke):
            kind, state = (
                (QEvent.Type.TouchBegin, QEventPoint.State.Pressed)
                if i == 0
                else (QEvent.Type.TouchUpdate, QEventPoint.State.Updated)
            )
            if i < last:
                send_touch(pad, touch_screen, kind, state, QPointF(p.x, p.y), 200_000 + round(p.t_ms))
                QApplication.processEvents()
    finally:
        pad.removeEventFilter(spy)
    assert len(painted) >= len(stroke) // 2  # the ink follows the finger sample by sample ...
    assert max(painted) < PAD_W * PAD_H * 0.05  # ... and each sample repaints only a few pixels around it


def test_resizing_keeps_the_ink_scaled(qtbot, pad, touch_screen):
    stroke = synth_strokes(seed=2, width=PAD_W, height=PAD_H)[0]
    touch_stroke(pad, touch_screen, stroke)
    changes = []
    pad.changed.connect(lambda: changes.append(1))
    pad.resize(PAD_W // 2, PAD_H)
    qtbot.wait(1)
    resized = pad.signature()
    assert (resized.width, resized.height) == (PAD_W // 2, PAD_H)
    factor = (PAD_W // 2) / PAD_W
    for got, sent in zip(resized.strokes[0], stroke, strict=True):
        assert got.x == pytest.approx(sent.x * factor, abs=0.01)
        assert got.y == pytest.approx(sent.y * factor + (PAD_H - PAD_H * factor) / 2, abs=0.01)
    shown = grab(pad)
    p = resized.strokes[0][len(stroke) // 2]
    assert shown[round(p.y) - 2 : round(p.y) + 3, round(p.x) - 2 : round(p.x) + 3].min() < 80
    assert changes == []  # the resident did nothing


def test_the_pad_with_a_signature_looks_like_one(qtbot, pad, touch_screen):
    strokes = synth_strokes(seed=4, width=PAD_W, height=PAD_H, name="黄桂英")
    for stroke in strokes:
        touch_stroke(pad, touch_screen, stroke)
    qtbot.wait(1)
    image = pad.grab().toImage()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SHOTS / "signature_pad.png"))
    shown = cv2.imread(str(SHOTS / "signature_pad.png"), cv2.IMREAD_GRAYSCALE)
    assert shown.shape == (PAD_H, PAD_W)
    ink = shown < 80
    box = pad.signature().bounds()
    ys, xs = np.nonzero(ink)
    assert xs.min() >= box[0] - 8 and xs.max() <= box[2] + 8  # ink only where the strokes went
    assert ys.min() >= box[1] - 8 and ys.max() <= box[3] + 8
    assert (ink.sum() / (PAD_W * PAD_H)) > 0.01
    # Anti-aliased: the strokes' edges have grey levels between ink and paper.
    left, top, right, bottom = (round(v) for v in box)
    inside = shown[top - 4 : bottom + 5, left - 4 : right + 5]
    assert ((inside > 60) & (inside < 200)).sum() > ink.sum() * 0.08
    # The placeholder has gone with the first stroke.
    assert pad.signature().problem() is None
