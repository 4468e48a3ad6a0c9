"""The resident's whole journey, offscreen, through real parts: the item's guide -> 在本机申请办理 -> the ID card
on the reader simulator (pty, real serial driver) and the face in front of the camera simulator (MJPEG, real
OpenCV driver, real dlib models) -> a paper photographed by the document camera -> the form typed on the touch
keyboard -> a signature written with touch events -> review -> submit into the real outbox -> the receipt from
the ESC/POS printer simulator, its QR code decoded -> delivered through requests to the real hub on 127.0.0.1 ->
a clerk's moves seen by status lookup -> the session ends and forgets everything."""

from __future__ import annotations

import json

import cv2
import numpy as np
import zxingcpp
from PIL import Image

from devices.idcard.photo import test_photo_slot
from devices.idcard.sim import sample_card
from kiosk.audit import verify
from kiosk.face.models import load_models
from kiosk.face.reference import chip_style
from kiosk.face.synth import Resident, place
from kiosk.flows.status import parse_receipt_qr
from kiosk.session import Screen
from kiosk.signature_synth import synth_signature
from tests.conftest import personal_data_on_disk
from ui.qt import QApplication, Qt
from ui.tour_journey import sign_with_touch

ITEM = "居住证办理"  # a personal item: the applicant's ID card and one other paper (proof of residence)


def paper_on_desk(width: int = 1280, height: int = 960) -> np.ndarray:
    """A printed A4 page lying on the document camera's dark desk, slightly turned."""
    desk = np.full((height, width, 3), (58, 62, 66), np.uint8)
    page = np.full((1188, 840, 3), 246, np.uint8)
    cv2.putText(page, "RENTAL CONTRACT", (150, 140), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (30, 30, 30), 3)
    for row in range(14):
        y = 240 + row * 62
        cv2.line(page, (90, y), (750 - (row % 3) * 90, y), (80, 80, 80), 4)
    scale = 0.62
    small = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = small.shape[:2]
    centre = (width / 2, height / 2)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), 4, 1.0)
    matrix[:, 2] += np.array(centre) - (w / 2, h / 2)
    mask = cv2.warpAffine(np.full((h, w), 255, np.uint8), matrix, (width, height))
    turned = cv2.warpAffine(small, matrix, (width, height))
    desk[mask > 0] = turned[mask > 0]
    return desk


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_resident_applies_signs_submits_and_the_hub_gets_it_once(
    qtbot, hub_window, store, face_photos, face_actor, touch_type, tmp_path
):
    win, hub, devices = hub_window, hub_window.hub, hub_window.devices
    services = win.ctx.services
    photos = face_photos("id01")
    models = load_models()
    card = sample_card("李秀英", "女", "1958-03-14", 21)
    sim = devices.simulators["idcard"]
    sim.card = card
    sim.photo = test_photo_slot(chip_style(photos[0], models))
    item = next(store.item(r["id"]) for r in store.records() if r["name"] == ITEM)

    # The guide, and the one button that starts an application.
    win.session.go("start")
    win.session.open_module("search")
    win.session.go("open_item", item_id=item.id)
    QApplication.processEvents()
    click(qtbot, win.item.apply_button)
    apply = win.journey.apply
    assert win.session.screen == Screen.APPLY and not apply.next_button.isEnabled()

    # Identity: the card on the reader, the face in front of the camera.
    click(qtbot, apply.identity_button)
    assert win.session.screen == Screen.FACE
    flow = win.session.data.face
    qtbot.waitUntil(lambda: flow.phase == "verifying" and flow.source == "chip", timeout=30_000)
    assert flow.card["id_number"] == card.id_number
    face_actor(win, devices.simulators["camera"], Resident(place(photos[1], models, size=(640, 480)), seed=3))
    qtbot.waitUntil(lambda: flow.phase in ("verified", "failed", "exhausted"), timeout=60_000)
    assert flow.phase == "verified", flow.summary()
    click(qtbot, win.face.done)
    assert win.session.screen == Screen.APPLY
    assert "李*" in apply.identity_text.text() and card.name not in apply.identity_text.text()

    # The other paper, photographed by the document camera; the ID card is the reader's.
    application = win.session.data.application
    own = next(s for s in application.slots if s.own_card)
    assert not apply.rows[own.key].take.isVisible()
    paper = next(s for s in application.slots if s.kind == "page" and s.required)
    devices.simulators["doccamera"].show(paper_on_desk())
    click(qtbot, apply.rows[paper.key].take)
    assert win.session.screen == Screen.CAPTURE
    qtbot.waitUntil(lambda: win.session.screen == Screen.REVIEW, timeout=30_000)
    qtbot.waitUntil(lambda: win.review.confirm_button.isEnabled(), timeout=5_000)
    click(qtbot, win.review.confirm_button)
    assert win.session.screen == Screen.APPLY
    kept = win.session.data.document.documents[paper.key].image
    assert kept.shape[0] > kept.shape[1]  # an upright page stays upright
    assert "✓" in apply.rows[paper.key].state.text()
    click(qtbot, apply.next_button)

    # The form: filled from the chip; the phone typed on the touch keyboard, a wrong one first.
    form = win.journey.form
    assert win.session.screen == Screen.FORM
    assert form.boxes["name"].value() == card.name and form.boxes["id_number"].value() == card.id_number
    assert form.boxes["mail_address"].value() == card.address
    keyboard = services["keyboard"]
    form.boxes["phone"].edit.setFocus()
    QApplication.processEvents()
    touch_type(keyboard, "1380013800")
    click(qtbot, form.next_button)
    assert win.session.screen == Screen.FORM and form.boxes["phone"].problem.isVisible()
    form.boxes["phone"].edit.setFocus()
    touch_type(keyboard, "0")
    click(qtbot, form.next_button)
    assert win.session.screen == Screen.SIGN

    # A tap is not a signature; a name written with a finger is.
    sign = win.journey.sign
    sign_with_touch(sign.pad, synth_signature(12, 1000, 360, "李秀英"))
    click(qtbot, sign.confirm_button)
    assert win.session.screen == Screen.CONFIRM
    confirm = win.journey.confirm
    summary = confirm.summary.toPlainText()
    assert ITEM in summary and "13800138000" in summary and card.id_number not in summary  # masked there
    win.grab().save(str(tmp_path / "confirm.png"))

    # Submit: "submitted" only once it is in the outbox; the receipt comes out of the printer.
    printer_sim = devices.simulators["printer"]
    printed_before = len(printer_sim.printed)
    click(qtbot, confirm.submit_button)
    qtbot.waitUntil(lambda: win.session.screen == Screen.DONE, timeout=15_000)
    submitted = win.journey.done.submitted
    outbox = services["outbox"]
    assert outbox.receipt(submitted.key)["delivered"] is None and outbox.depth() >= 1
    qtbot.waitUntil(lambda: len(printer_sim.printed) > printed_before, timeout=15_000)
    receipt = np.array(Image.open(printer_sim.printed[-1]).convert("L"))
    codes = [r.text for r in zxingcpp.read_barcodes(receipt)]
    assert [parse_receipt_qr(c) for c in codes] == [(submitted.tracking_no, submitted.status_code)]
    # The printer has the receipt; the screen says so once the driver's job has come back to the GUI thread.
    qtbot.waitUntil(lambda: "✓" in win.journey.done.print_status.text(), timeout=15_000)
    win.grab().save(str(tmp_path / "done.png"))

    # Delivered to the hub, once; the outbox keeps only the receipt.
    services["delivery"].run_once()
    assert outbox.receipt(submitted.key)["delivered"] is not None
    assert outbox.db.execute("SELECT sealed FROM outbox WHERE key = ?", (submitted.key,)).fetchone()[0] is None
    client = hub.client()
    status = client.status(submitted.tracking_no, submitted.status_code)
    assert status["status"] == "submitted" and status["item_name"] == ITEM
    assert [s["tracking_no"] for s in client.submissions()].count(submitted.tracking_no) == 1
    services["delivery"].run_once()  # nothing more to send: still one at the hub
    hub.move(submitted.tracking_no, "accepted", "in_review", "approved", "result_mailed", mail_no="EA123456789CN")
    status = client.status(submitted.tracking_no, submitted.status_code)
    assert status["status"] == "result_mailed" and status["mail_no"] == "EA123456789CN"

    # The audit log says what happened without saying who.
    audit_text = services["audit"].path.read_text(encoding="utf-8")
    actions = [json.loads(line)["action"] for line in audit_text.splitlines()]
    assert "submitted" in actions and "delivered" in actions
    assert card.id_number not in audit_text and card.name not in audit_text and "13800138000" not in audit_text
    assert verify(services["audit"].path).ok

    # Done: the session ends and forgets the application, the signature and the card.
    signature = application.signature
    click(qtbot, win.journey.done.finish_button)
    assert win.session.screen == Screen.ATTRACT
    assert signature.is_empty() and win.session.data.application.values == {}
    assert win.session.data.face.card is None
    assert form.boxes == {} and confirm.summary.toPlainText() == ""

    # Nothing of the resident on the terminal's disk: the outbox held the application encrypted, and dropped it
    # once the hub had it; logs, the audit log and the session folder never held it.
    needles = {
        "name": card.name.encode(),
        "id number": card.id_number.encode(),
        "phone": b"13800138000",
        "address": card.address.encode(),
    }
    data_dir = win.ctx.config.data_dir
    assert personal_data_on_disk(data_dir, needles) == []
    # What is kept is private to the terminal's user: the folder 0700, the outbox, its key and the audit log 0600.
    assert data_dir.stat().st_mode & 0o777 == 0o700
    private = ["outbox.sqlite3", "outbox.sqlite3-wal", "outbox.key", "audit.jsonl", "audit.secret", "session-tmp"]
    modes = {name: oct((data_dir / name).stat().st_mode & 0o777) for name in private if (data_dir / name).exists()}
    assert set(modes) >= {"outbox.sqlite3", "outbox.key", "audit.jsonl", "session-tmp"}
    assert modes == {name: "0o700" if name == "session-tmp" else "0o600" for name in modes}
