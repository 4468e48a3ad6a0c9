"""The tour's pass through the application journey: checklist, form (with a mistake shown), signing, the
confirmation and the done screen, for a made-up resident (kiosk.ocr.synth); nothing goes into the outbox."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kiosk.flows.application import Submitted, receipt_qr_text, working_days_after
from kiosk.flows.document import ReadDocument
from kiosk.flows.face import FaceOutcome
from kiosk.tracking import make_tracking_no
from ui.qt import QApplication, QElapsedTimer, QEvent, QEventPoint, QPointF, QPointingDevice, Qt, QTouchEvent

if TYPE_CHECKING:
    from kiosk.signature import Signature
    from ui.main_window import KioskWindow
    from ui.widgets.signature import SignaturePad

DEMO_SEED = 3


def touch_device() -> QPointingDevice:
    """A touch screen, as the terminal's."""
    return QPointingDevice(
        "kiosk touch screen",
        1,
        QPointingDevice.DeviceType.TouchScreen,
        QPointingDevice.PointerType.Finger,
        QPointingDevice.Capability.Position,
        1,
        0,
    )


def sign_with_touch(pad: SignaturePad, signature: Signature, device: QPointingDevice | None = None) -> None:
    """Write `signature` on the pad with a finger: real touch events through Qt, scaled to the pad's size."""
    device = device or touch_device()
    sx, sy = pad.width() / signature.width, pad.height() / signature.height
    scale = min(sx, sy)
    for stroke in signature.strokes:
        last = len(stroke) - 1
        for i, point in enumerate(stroke):
            at = QPointF(point.x * scale, point.y * scale)
            if i == 0:
                kind, state = QEvent.Type.TouchBegin, QEventPoint.State.Pressed
            elif i < last:
                kind, state = QEvent.Type.TouchUpdate, QEventPoint.State.Updated
            else:
                kind, state = QEvent.Type.TouchEnd, QEventPoint.State.Released
            event = QTouchEvent(
                kind,
                device,
                Qt.KeyboardModifier.NoModifier,
                [QEventPoint(1, state, pad.mapTo(pad.window(), at), pad.mapToGlobal(at))],
            )
            event.setTimestamp(10_000 + round(point.t_ms))
            QApplication.sendEvent(pad, event)
            if last == 0:
                end = QTouchEvent(
                    QEvent.Type.TouchEnd,
                    device,
                    Qt.KeyboardModifier.NoModifier,
                    [QEventPoint(1, QEventPoint.State.Released, pad.mapTo(pad.window(), at), pad.mapToGlobal(at))],
                )
                QApplication.sendEvent(pad, end)


def demo_resident(window: KioskWindow) -> None:
    """The made-up resident's card read and face verified; every paper material photographed (blank pages)."""
    from kiosk.ocr.synth.identities import make_person

    person = make_person(random.Random(DEMO_SEED))
    data = window.session.data
    data.face.set_card({**person.front_fields(), **person.back_fields()})
    data.face.outcome = FaceOutcome(True, "match", "chip", 1, 0.31, 0.59, "blink", "live")
    for slot in data.application.slots:
        if slot.kind == "page" and slot.required:
            page = np.full((1754, 1240, 3), 245, np.uint8)
            data.document.documents[slot.key] = ReadDocument("page", {}, page)


def journey_shots(app: QApplication, window: KioskWindow, folder: Path, shoot) -> list[Path]:
    """Screens 40-45 of the journey for the item on show."""
    from kiosk.signature_synth import synth_signature

    session = window.session
    item = window.item.item
    if item is None or not item.self_service:
        return []
    session.data.application.start(item)
    session.go("apply")
    shots = [shoot(app, window, folder, "40-apply")]
    demo_resident(window)
    window.journey.apply.render()
    shots.append(shoot(app, window, folder, "41-apply-ready"))
    session.go("fill_form")
    phone = next((f.key for f in item.form if f.kind == "phone"), "")
    if phone:
        window.journey.form.boxes[phone].edit.setText("1380013800")  # one digit short: the mistake shown
    window.journey.form.go_on()
    shots.append(shoot(app, window, folder, "42-form"))
    if phone:
        window.journey.form.boxes[phone].edit.setText("13800138000")
    window.journey.form.go_on()
    sign = window.journey.sign
    QApplication.processEvents()
    sign_with_touch(sign.pad, synth_signature(DEMO_SEED, 1000, 360, "黄桂英"))
    shots.append(shoot(app, window, folder, "43-sign"))
    sign.confirm()
    shots.append(shoot(app, window, folder, "44-confirm"))
    today = dt.date(2026, 11, 26)
    submitted = Submitted(
        make_tracking_no(today, random.Random(DEMO_SEED)),
        "K7Q2MX",
        "tour",
        item.id,
        item.name,
        item.promised_days,
        working_days_after(today, item.promised_days).isoformat(),
        "ems",
        "广州市黄埔区香雪大道中****",
        "2026-11-26T14:05:00+08:00",
    )
    window.journey.done.show_submitted(submitted, receipt_qr_text(submitted))
    session.go("submitted")
    shots += printed_receipt(app, window, folder)
    shots.append(shoot(app, window, folder, "45-done"))
    session.go("home")
    return shots


def printed_receipt(app: QApplication, window: KioskWindow, folder: Path) -> list[Path]:
    """The receipt as the (simulated) receipt printer printed it: 46-receipt.png, when there is one."""
    import shutil

    devices = window.ctx.services.get("devices")
    printer = getattr(devices, "simulators", {}).get("printer") if devices is not None else None
    if printer is None:
        window.journey.done.show_print_result(False)
        return []
    before = len(printer.printed)
    window.journey.print_receipt()
    timer = QElapsedTimer()
    timer.start()
    while (len(printer.printed) == before or not window.journey.done.print_status.text()) and timer.elapsed() < 15000:
        app.processEvents()
    if len(printer.printed) == before:
        return []
    out = folder / "46-receipt.png"
    shutil.copyfile(printer.printed[-1], out)
    return [out]
