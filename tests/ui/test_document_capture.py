"""Reading an ID card at the terminal, offscreen, end to end: the real OpenCV camera driver against its MJPEG
simulator playing a synthetic card brought into view and held, the auto-capture and the reader in background
jobs, the review with the touch keyboard, confirming, and the wipe when the session ends.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import ui.screens.capture as capture_screen
from devices.registry import build_devices
from kiosk.config import load_config
from kiosk.flows.document import documents_for
from kiosk.footage import footage_dir, write_approach_footage
from kiosk.ime.engine import PinyinIME
from kiosk.ocr.fields import FieldResult
from kiosk.ocr.reader import Extraction
from kiosk.session import Screen
from ui.app import build_window
from ui.qt import QApplication, QPushButton, Qt, QWidget
from ui.tour import demo_document
from ui.widgets.keyboard import TouchKeyboard

SEED = 11
FRAMES = 36  # about 2.4 s at 15 fps: the card arrives in the first half and is held in the second


@pytest.fixture(scope="module")
def footage(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A sim folder whose document camera plays a synthetic ID card front being brought into view."""
    sim_dir = tmp_path_factory.mktemp("sim")
    _written, truth = write_approach_footage(footage_dir(sim_dir), "id_card_front", SEED, FRAMES)
    return sim_dir, truth


@pytest.fixture
def rig(qtbot, store, tmp_path: Path, footage, ime_dictionary: Path, voice):
    sim_dir, truth = footage
    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")})
    # The document camera is not started here: the capture screen opens it, as on a terminal.
    devices = build_devices(config, mode="sim", sim_dir=sim_dir, start=())
    keyboard = TouchKeyboard(PinyinIME(ime_dictionary))
    win = build_window(config, store, {"devices": devices, "keyboard": keyboard, "voice": voice})
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    yield win, devices, truth, voice, keyboard
    win.session.end("finish")
    qtbot.waitUntil(lambda: win.capture.camera_jobs.idle(), timeout=10_000)
    win.allow_close = True
    devices.close()


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def holding(root: QWidget, values: list[str], text_of) -> list[str]:
    """The widgets of the window whose text holds any of `values` (as tests/ui/test_shell.py searches)."""
    return [
        f"{type(widget).__name__} {widget.objectName()}"
        for widget in root.findChildren(QWidget)
        if any(value and value in text_of(widget) for value in values)
    ]


def personal_item(store) -> str:
    """A self-service item for residents that asks for the ID card."""
    return next(
        record["id"]
        for record in store.records()
        if documents_for(item := store.item(record["id"])) == ("id_card_front",) and item.audience == "personal"
    )


def open_item(win, item_id: str) -> None:
    win.session.go("start")
    win.session.open_module("search")
    win.session.go("open_item", item_id=item_id)
    settle()


def type_keys(qtbot, keyboard: TouchKeyboard, text: str) -> None:
    for ch in text:
        qtbot.mouseClick(keyboard.keys[ch.lower()], Qt.MouseButton.LeftButton)


def test_an_id_card_is_captured_read_checked_confirmed_and_wiped(qtbot, rig, store, monkeypatch, caplog, text_of):
    win, devices, truth, voice, keyboard = rig
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(capture_screen, "SPEAK_AFTER_S", 0.2)
    open_item(win, personal_item(store))
    read = win.item.document_buttons["id_card_front"]
    assert read.isVisible() and "识别证件" in read.text()
    qtbot.mouseClick(read, Qt.MouseButton.LeftButton)
    assert win.session.screen == Screen.CAPTURE
    camera = devices.drivers["doccamera"]
    qtbot.waitUntil(lambda: camera.running, timeout=5_000)
    qtbot.mouseClick(win.bar.read_aloud, Qt.MouseButton.LeftButton)  # from now on guidance is read out too
    assert voice.said[-1][0].startswith(win.capture.request.text())
    qtbot.waitUntil(lambda: win.capture.view.outline is not None, timeout=15_000)

    # The card comes into view, is held, and the picture is taken and read without a touch.
    qtbot.waitUntil(lambda: win.session.screen == Screen.REVIEW, timeout=30_000)
    guidance = {win.capture.guidance_text(code) for code in GUIDANCE_CODES}
    assert any(text in guidance for text, _ in voice.said[1:]), voice.said
    qtbot.waitUntil(lambda: not camera.running and win.capture.camera_jobs.idle(), timeout=10_000)
    assert camera.latest() is None  # the last frame showed the card: dropped with the camera

    flow = win.session.data.document
    assert flow.manual is False and flow.image is not None
    assert set(flow.fields) == set(truth)
    wrong = {name: f.value for name, f in flow.fields.items() if f.value != truth[name] and not f.flagged}
    assert wrong == {}  # what was read either is the truth or is marked for the resident to check
    assert sum(f.value == truth[name] for name, f in flow.fields.items()) >= 4
    for name, review in flow.fields.items():
        assert win.review.rows[name].value.text() == review.value
        assert win.review.rows[name].mark.isVisible() == review.flagged
    assert win.review.picture.pixmap() is not None and not win.review.picture.pixmap().isNull()

    # The ID number through the touch keyboard: a wrong number is refused, the right one kept.
    qtbot.mouseClick(win.review.rows["id_number"].value, Qt.MouseButton.LeftButton)
    assert win.review.pages.currentWidget() is win.review.edit_page
    assert keyboard.target() is win.review.editor and keyboard.mode() == "123" and keyboard.isVisible()
    qtbot.mouseClick(keyboard.keys["clear"], Qt.MouseButton.LeftButton)
    type_keys(qtbot, keyboard, "440112")
    qtbot.mouseClick(win.review.edit_save, Qt.MouseButton.LeftButton)
    assert win.review.pages.currentWidget() is win.review.edit_page
    assert "位数" in win.review.edit_problem.text()
    qtbot.mouseClick(keyboard.keys["clear"], Qt.MouseButton.LeftButton)
    number = truth["id_number"]
    type_keys(qtbot, keyboard, number[:17])
    if number[17] == "X":
        keyboard.set_mode("ABC")
    type_keys(qtbot, keyboard, number[17])
    qtbot.mouseClick(win.review.edit_save, Qt.MouseButton.LeftButton)
    assert win.review.pages.currentWidget() is win.review.review_page
    assert flow.field("id_number").value == number and flow.field("id_number").resolved

    # Whatever else is marked is confirmed as read; only then may the document be confirmed.
    for name in flow.needs_attention():
        assert not win.review.confirm_button.isEnabled()
        assert "请核对" in win.review.rows[name].mark.text() and "⚠" in win.review.rows[name].mark.text()
        qtbot.mouseClick(win.review.rows[name].confirm, Qt.MouseButton.LeftButton)
    assert win.review.confirm_button.isEnabled()
    accepted = flow.confirmed_fields()
    qtbot.mouseClick(win.review.confirm_button, Qt.MouseButton.LeftButton)
    assert win.session.screen == Screen.ITEM
    assert win.item.documents_status.isVisible() and "已识别并核对" in win.item.documents_status.text()
    document = flow.documents["id_card_front"]
    assert document.fields == accepted and document.fields["id_number"] == number
    assert keyboard.parentWidget() is win.browse and keyboard.target() is win.browse.search
    picture = document.image

    # Ending the session forgets the card: no value in any widget, every picture scrubbed.
    qtbot.mouseClick(win.bar.finish, Qt.MouseButton.LeftButton)
    settle()
    assert win.session.screen == Screen.ATTRACT
    assert holding(win, [truth["name"], number, truth["address"]], text_of) == []
    assert flow.documents == {} and flow.fields == {} and flow.image is None and not picture.any()
    assert win.session.data.document is not flow and win.session.data.document.documents == {}
    assert win.capture.view.image is None and win.review.picture.pixmap().isNull() and win.review.rows == {}
    assert number not in caplog.text and truth["name"] not in caplog.text


GUIDANCE_CODES = (
    "no_document",
    "move_closer",
    "move_back",
    "cut_off_left",
    "cut_off_right",
    "cut_off_top",
    "cut_off_bottom",
    "hold_flat",
    "tilt_for_glare",
    "too_dark",
    "too_bright",
    "blurred",
    "hold_still",
    "holding",
    "ok",
    "reading",
)


def enter_review(win, fields: dict[str, FieldResult], warnings: list[str]) -> None:
    """The review screen over a made-up reading (no camera, no OCR)."""
    win.session.read_document("id_card_front")
    flow = win.session.data.document
    flow.captured(np.full((960, 1280, 3), 128, np.uint8))
    flow.set_extraction(
        Extraction("id_card_front", fields, warnings, 0.0, None, np.full((648, 1027, 3), 200, np.uint8))
    )
    win.session.go("captured")
    settle()


def test_marked_fields_say_why_and_block_confirming_until_checked(qtbot, rig, store):
    win, _devices, truth, _voice, keyboard = rig
    open_item(win, personal_item(store))
    fields = {name: FieldResult(value, 0.99) for name, value in truth.items()}
    fields["name"] = FieldResult("", 0.0, ["nothing read"])
    fields["sex"] = FieldResult("另", 0.4, ["not 男 or 女 as read"])
    fields["address"] = FieldResult(truth["address"] + "1", 0.6, [], [truth["address"]])
    enter_review(win, fields, ["photocopy", "kind_uncertain"])
    review = win.review
    assert "复印件" in review.warnings.text() and review.warnings.isVisible()
    assert not review.confirm_button.isEnabled() and "3" in review.left_note.text()
    row = review.rows["sex"]
    # Colour (the row's state), an icon and words: never colour alone.
    assert row.property("state") == "check" and row.mark.text().startswith("⚠ 请核对：")
    assert "男" in row.mark.text() and row.confirm.isVisible()
    assert review.rows["name"].value.text() == "（没有读出）"
    assert review.rows["id_number"].property("state") == "ok" and not review.rows["id_number"].mark.isVisible()

    # An alternative reading is one tap; 男/女 are offered for the sex.
    qtbot.mouseClick(review.rows["address"].value, Qt.MouseButton.LeftButton)
    assert [b.text() for b in review.alternatives] == [truth["address"]]
    assert keyboard.mode() == "拼音"
    qtbot.mouseClick(review.alternatives[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(review.edit_save, Qt.MouseButton.LeftButton)
    assert win.session.data.document.field("address").status == "corrected"
    assert review.rows["address"].mark.text() == "✎ 已修改"
    qtbot.mouseClick(review.rows["sex"].edit, Qt.MouseButton.LeftButton)
    assert [b.text() for b in review.alternatives] == ["男", "女"]
    qtbot.mouseClick(review.edit_cancel, Qt.MouseButton.LeftButton)
    assert review.rows["sex"].property("state") == "check"

    # The same screen in the resident's other languages.
    win.session.set_language("en")
    settle()
    assert review.rows["name"].caption.text() == "Name" and "Please check" in review.rows["sex"].mark.text()
    assert review.confirm_button.text() == "Confirm" and "photocopy" in review.warnings.text()
    win.session.set_language("zh_HK")
    settle()
    assert review.rows["address"].caption.text() == "住址" and "請核對" in review.rows["sex"].mark.text()
    win.session.set_language("zh_CN")

    qtbot.mouseClick(review.rows["sex"].confirm, Qt.MouseButton.LeftButton)
    assert not review.confirm_button.isEnabled()
    qtbot.mouseClick(review.rows["name"].value, Qt.MouseButton.LeftButton)
    review.editor.setText(truth["name"])  # typed (pinyin typing is tested with the keyboard itself)
    qtbot.mouseClick(review.edit_save, Qt.MouseButton.LeftButton)
    assert review.confirm_button.isEnabled() and "都核对好了" in review.left_note.text()

    # Retake throws the reading away; back from the capture screen returns to the guide.
    qtbot.mouseClick(review.retake_button, Qt.MouseButton.LeftButton)
    assert win.session.screen == Screen.CAPTURE and win.session.data.document.fields == {}
    qtbot.mouseClick(win.capture.cancel, Qt.MouseButton.LeftButton)
    assert win.session.screen == Screen.ITEM and win.session.data.document.phase == "idle"
    assert not win.item.documents_status.isVisible()


def test_the_resident_can_take_the_picture_when_auto_capture_does_not(qtbot, rig, store):
    win, devices, _truth, _voice, _keyboard = rig
    open_item(win, personal_item(store))
    win.capture.manual_after = 0.3
    win.session.read_document("id_card_front")
    qtbot.waitUntil(lambda: win.capture.manual.isVisible(), timeout=10_000)
    assert "立即拍照" in win.capture.status.text()
    qtbot.mouseClick(win.capture.manual, Qt.MouseButton.LeftButton)
    flow = win.session.data.document
    assert flow.phase == "reading" and flow.manual and flow.image is not None
    # Whatever the frame held, the reading ends on the review or asks to place the document again.
    qtbot.waitUntil(
        lambda: win.session.screen == Screen.REVIEW or win.capture.guidance_code == "read_failed", timeout=20_000
    )
    if win.session.screen == Screen.REVIEW:
        win.session.go("retake")
    assert win.session.screen == Screen.CAPTURE and flow.phase == "capturing"
    win.session.go("back")
    camera = devices.drivers["doccamera"]
    qtbot.waitUntil(lambda: not camera.running and win.capture.camera_jobs.idle(), timeout=10_000)


@pytest.mark.parametrize("language", ["zh_CN", "zh_HK", "en"])
@pytest.mark.parametrize("elderly", [False, True])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_document_screens_fit_every_language_mode_and_orientation(
    qtbot, store, tmp_path, language, elderly, size, clipped
):
    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")})
    config = replace(config, ui=replace(config.ui, language=language, elderly_default=elderly))
    keyboard = TouchKeyboard(None)
    win = build_window(config, store, {"keyboard": keyboard})
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    settle()
    open_item(win, personal_item(store))
    problems = {"item": clipped(win)}
    frame, state, extraction = demo_document()
    win.session.read_document("id_card_front")
    win.capture.show_still(frame, state)
    settle()
    problems["capture"] = clipped(win)
    assert win.capture.view.outline is not None and win.capture.progress.isVisible()
    win.session.data.document.captured(frame)
    win.session.data.document.set_extraction(extraction)
    win.session.go("captured")
    settle()
    problems["review"] = clipped(win)
    assert win.review.rows["address"].mark.isVisible()
    win.review.start_edit("address")
    settle()
    problems["edit"] = clipped(win)
    assert win.size().toTuple() == size and win.minimumSizeHint().width() <= size[0]
    assert win.minimumSizeHint().height() <= size[1]
    small = [(b.objectName(), b.height()) for b in win.findChildren(QPushButton) if b.isVisible() and b.height() < 90]
    assert small == []
    win.review.finish_edit()
    win.allow_close = True
    assert {k: v for k, v in problems.items() if v} == {}
