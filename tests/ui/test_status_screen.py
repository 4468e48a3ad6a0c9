"""办件查询 through the real window, offscreen: a real hub subprocess, the scanner simulator on a pty, the document
camera simulator, the receipt printer simulator, the touch keyboard."""

from __future__ import annotations

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from kiosk.face.verify import Result
from kiosk.flows.status import receipt_qr
from kiosk.session import Screen
from ui.qt import QApplication, Qt

ID_NUMBER = "440112199203150017"


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown(win) -> bool:
    return win.session.screen == Screen.STATUS and win.session.data.status.phase not in ("idle", "asking")


def test_a_receipt_scanned_on_the_home_screen_shows_its_status_and_prints(qtbot, hub_window, clipped):
    win = hub_window
    body = win.hub.submit()
    win.hub.move(
        body["tracking_no"],
        "accepted",
        "in_review",
        "supplement_requested",
        supplement={"materials": ["房屋租赁合同复印件"], "mail_to": "广州市黄埔区香雪大道中85号"},
    )
    win.session.go("start")
    code = receipt_qr(body["tracking_no"], body["status_code"])
    win.devices.simulators["scanner"].scan(code)
    qtbot.waitUntil(lambda: shown(win), timeout=15_000)
    screen = win.lookup.status
    assert win.session.data.status.phase == "shown"
    assert screen.headline.text() == "需要补充材料" and screen.headline.isVisible()
    assert "房屋租赁合同复印件" in screen.supplement_list.text()
    assert "香雪大道" in screen.supplement_mail.text() and screen.supplement_frame.isVisible()
    assert screen.item_label.text() == "人民防空工程平时使用备案"
    assert "3 个工作日" in screen.facts.text() and body["tracking_no"] in screen.facts.text()
    steps = [w.text() for w in screen.timeline_frame.findChildren(type(screen.headline)) if w.objectName()]
    assert steps[0] == "办理进度" and steps[1].startswith("✓  已提交")
    assert any(s.startswith("●  需要补充材料") for s in steps) and steps[-1].startswith("○  寄出办理结果")
    assert win.bar.title.text() == "办件查询"
    assert clipped(win) == []
    win.grab().save(str(win.config.data_dir / "status-supplement.png"))

    click(qtbot, screen.print_button)
    printer = win.devices.simulators["printer"]
    qtbot.waitUntil(lambda: len(printer.printed) == 1 and "取走" in screen.print_status.text(), timeout=15_000)
    image = np.array(Image.open(printer.printed[0]).convert("L"))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [code]  # the receipt's QR looks it up again
    # Back leads to where the resident was: a scan from the home screen returns there.
    win.session.go("back")
    assert win.session.screen == Screen.HOME


def test_the_tracking_number_and_code_typed_on_the_keyboard(qtbot, hub_window, touch_type):
    win = hub_window
    body = win.hub.submit()
    win.hub.move(body["tracking_no"], "accepted", "in_review", "approved", "result_mailed", mail_no="EA123456789CN")
    win.session.go("start")
    win.session.open_module("status")
    assert win.session.screen == Screen.STATUS
    screen = win.lookup.status
    click(qtbot, screen.type_button)
    keyboard = win.ctx.services["keyboard"]
    assert keyboard.isVisible() and keyboard.target() is screen.number_field and keyboard.mode() == "123"
    wrong = body["tracking_no"][2:-1] + str((int(body["tracking_no"][-1]) + 1) % 10)
    touch_type(keyboard, wrong)
    click(qtbot, screen.code_field)
    assert keyboard.target() is screen.code_field
    touch_type(keyboard, body["status_code"])
    click(qtbot, screen.type_submit)
    assert "有一位不对" in screen.type_problem.text()  # the check digit caught the slip; nothing was asked
    assert win.session.data.status.phase == "idle"
    screen.number_field.clear()
    click(qtbot, screen.number_field)
    touch_type(keyboard, body["tracking_no"][2:])
    click(qtbot, screen.type_submit)
    qtbot.waitUntil(lambda: shown(win), timeout=15_000)
    assert screen.headline.text() == "结果已寄出"
    assert screen.mail_label.text() == "EMS 邮件号：EA123456789CN"
    assert not keyboard.isVisibleTo(screen)  # given back to the search screen
    click(qtbot, screen.again)
    assert screen.pages.currentWidget() is screen.ask_page and win.session.data.status.phase == "idle"


def test_hub_down_says_so_plainly_and_what_this_terminal_holds(qtbot, hub_window):
    win = hub_window
    body = win.hub.submit()
    win.lookup.set_local_lookup(lambda t: {"delivered": None} if t == body["tracking_no"] else None)
    win.hub.stop()
    win.session.go("start")
    win.devices.simulators["scanner"].scan(receipt_qr(body["tracking_no"], body["status_code"]))
    qtbot.waitUntil(lambda: shown(win), timeout=20_000)
    screen = win.lookup.status
    assert win.session.data.status.phase == "offline"
    assert screen.headline.text() == "暂时连不上办件系统"
    assert "已经登记好" in screen.local_label.text() and screen.local_label.isVisible()
    assert screen.retry.isVisible() and not screen.print_button.isVisible()
    win.hub.start()
    click(qtbot, screen.retry)
    qtbot.waitUntil(lambda: win.session.data.status.phase == "shown", timeout=15_000)
    assert screen.headline.text() == "已提交，等待受理" and not screen.local_label.isVisible()
    win.session.end("finish")
    assert win.session.data.status.local_lookup is not None  # the hook survives the wipe for the next resident


def test_id_card_and_face_list_the_persons_submissions(qtbot, hub_window):
    win = hub_window
    body = win.hub.submit(applicant={"name": "赵六", "id_number": ID_NUMBER, "verified": "face"})
    win.session.go("start")
    win.session.open_module("status")
    screen = win.lookup.status
    win.face.card_timer.setInterval(60_000)  # the face check itself is tested in test_face_screen
    click(qtbot, screen.face_button)
    assert win.session.screen == Screen.FACE
    face = win.session.data.face
    face.card = {"name": "赵六", "id_number": ID_NUMBER}  # what the reader read (FaceFlow.card)
    face.finish(Result(True, "match", True, 0.3, 0.59, "blink", "live", 30, 4.0, 1.5))
    win.session.go("verified")
    assert win.session.screen == Screen.STATUS
    qtbot.waitUntil(lambda: shown(win), timeout=15_000)
    assert screen.headline.text() == "您本人共有 1 件办件"
    assert win.lookup.status.findChild(type(screen.timeline_frame), f"summary_{body['tracking_no']}") is not None


def test_a_face_check_without_the_cards_number_says_what_to_do(qtbot, hub_window):
    win = hub_window
    win.session.go("start")
    win.session.open_module("status")
    screen = win.lookup.status
    win.face.card_timer.setInterval(60_000)
    click(qtbot, screen.face_button)
    win.session.data.face.finish(Result(True, "match", True, 0.3, 0.59, "blink", "live", 30, 4.0, 1.5))
    win.session.go("verified")
    assert win.session.screen == Screen.STATUS and win.session.data.status.phase == "error"
    assert screen.headline.text() == "没有读到身份证号码" and not screen.retry.isVisible()
    click(qtbot, screen.again)
    assert screen.pages.currentWidget() is screen.ask_page


def test_the_document_camera_reads_a_receipt_held_under_it(qtbot, hub_window):
    win = hub_window
    body = win.hub.submit()
    win.session.go("start")
    win.session.open_module("status")
    camera = win.devices.drivers["doccamera"]
    qtbot.waitUntil(lambda: camera.running and win.lookup.camera_scanner is not None, timeout=15_000)
    win.devices.simulators["doccamera"].hold_up_qr(receipt_qr(body["tracking_no"], body["status_code"]))
    qtbot.waitUntil(lambda: shown(win), timeout=20_000)
    assert win.session.data.status.status["tracking_no"] == body["tracking_no"]
    qtbot.waitUntil(lambda: win.lookup.camera_scanner is None and not camera.running, timeout=15_000)


@pytest.mark.parametrize("code", ["HPSTATUS:HP123:ABCDEF", "https://www.gdzwfw.gov.cn/"])
def test_other_codes_and_the_technicians_screens_are_left_alone(qtbot, hub_window, code):
    win = hub_window
    win.session.go("start")
    win.devices.simulators["scanner"].scan(code)
    qtbot.wait(600)
    assert win.session.screen == Screen.HOME
    body = win.hub.submit()
    win.session.go("technician")
    win.devices.simulators["scanner"].scan(receipt_qr(body["tracking_no"], body["status_code"]))
    qtbot.wait(600)
    assert win.session.screen == Screen.PIN  # the technician testing the scanner is not thrown out


@pytest.mark.parametrize(
    ("language", "elderly", "size"),
    [
        ("zh_CN", True, (1920, 1080)),
        ("zh_CN", True, (1080, 1920)),
        ("zh_HK", True, (1920, 1080)),
        ("zh_HK", True, (1080, 1920)),
        ("en", True, (1920, 1080)),
        ("en", True, (1080, 1920)),
        ("en", False, (1920, 1080)),
        ("en", False, (1080, 1920)),
    ],
)
def test_every_status_and_pickup_page_fits(qtbot, store, tmp_path, ime_dictionary, clipped, language, elderly, size):
    """The tour's pages of both screens: no text cut off, and no page taller than the screen leaves it."""
    from dataclasses import replace
    from pathlib import Path

    from kiosk.config import load_config
    from kiosk.ime.engine import PinyinIME
    from ui import tour
    from ui.app import build_window
    from ui.widgets.keyboard import TouchKeyboard

    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")})
    config = replace(config, ui=replace(config.ui, language=language, elderly_default=elderly))
    ime = PinyinIME(ime_dictionary)
    win = build_window(config, store, {"keyboard": TouchKeyboard(ime)})
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    problems: dict[str, list[str]] = {}

    def check(app, window, folder, name) -> Path:
        tour.settle(app)
        screen = window.stack.currentWidget()
        room = window.height() - window.bar.height()
        page = screen.pages.currentWidget()
        need = page.heightForWidth(window.width()) if page.hasHeightForWidth() else page.minimumSizeHint().height()
        found = clipped(window) + ([f"needs {need}px of {room}px"] if need > room else [])
        if found:
            problems[name] = found
        return folder / name

    win.session.go("start")
    original = tour.shoot
    tour.shoot = check
    try:
        tour.lookup_shots(QApplication.instance(), win, store, tmp_path)
    finally:
        tour.shoot = original
        win.session.end("finish")
        win.lookup.close()
        qtbot.waitUntil(lambda: win.capture.camera_jobs.idle(), timeout=10_000)
        win.allow_close = True
        ime.close()
    assert problems == {}
