"""The shell with its services: voice guidance, technician entry, the QR code, portals and one instance."""

from __future__ import annotations

import http.server
import threading
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.config import PORTALS, PortalConfig, load_config
from kiosk.session import Screen
from kiosk.single_instance import AlreadyRunning, InstanceLock
from kiosk.technician import TechnicianLock
from ui.app import build_window
from ui.qt import QApplication, QImage, QPoint, Qt


@pytest.fixture
def config(tmp_path: Path):
    return load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")})


def make(qtbot, config, store, **services):
    win = build_window(config, store, services)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_first_item(win, query: str) -> None:
    """Search from the home screen and open the best result."""
    win.session.go("start")
    win.session.open_module("search")
    win.browse.search.setText(query)
    QApplication.processEvents()
    win.session.go("open_item", item_id=win.browse.browser.state.rows[0].id)


def test_elderly_mode_reads_each_screen_aloud_in_the_residents_language(qtbot, config, store, voice):
    win = make(qtbot, config, store, voice=voice)
    win.session.go("start")
    assert voice.said == []  # standard mode speaks only on request
    qtbot.mouseClick(win.bar.read_aloud, Qt.MouseButton.LeftButton)
    assert voice.said == [("请选择您要办理的业务", "zh_CN")]
    win.session.set_language("zh_HK")
    win.session.set_elderly(True)
    win.session.open_module("search")
    assert voice.said[-1] == ("請輸入您要辦理的事項，或在下方列表中選擇", "zh_HK")  # Cantonese voice for 繁體


def test_five_taps_in_the_corner_open_the_pin_pad_and_the_pin_opens_diagnostics(qtbot, config, store):
    from kiosk.gesture import CornerTapDetector

    lock = TechnicianLock(config.pin_path, 30)
    lock.set_pin("246810")
    win = make(qtbot, config, store, technician=lock, gesture=CornerTapDetector())
    win.session.go("start")
    for _ in range(5):
        qtbot.mouseClick(win.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(win.width() - 20, 20))
    assert win.session.screen == Screen.PIN
    for key in "123":
        win.pin.press(key)
    win.pin.press("✓")
    assert "4" in win.pin.message.text() and win.session.screen == Screen.PIN
    for key in "246810✓":
        win.pin.press(key)
    assert win.session.screen == Screen.DIAGNOSTICS
    assert "hp-demo-01" in win.diagnostics.facts.text()


def test_no_pin_configured_means_the_gesture_does_nothing(qtbot, config, store):
    from kiosk.gesture import CornerTapDetector

    win = make(qtbot, config, store, technician=TechnicianLock(config.pin_path, 30), gesture=CornerTapDetector())
    win.session.go("start")
    for _ in range(5):
        qtbot.mouseClick(win.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(win.width() - 20, 20))
    assert win.session.screen != Screen.PIN  # the taps reached the button under them (結束 finishes)


def test_the_guide_qr_code_decodes_to_its_essentials(qtbot, config, store):
    win = make(qtbot, config, store)
    win.session.go("start")
    win.session.open_module("search")
    win.browse.search.setText("社保卡")
    QApplication.processEvents()
    win.session.go("open_item", item_id=win.browse.browser.state.rows[0].id)
    QApplication.processEvents()
    image = win.item.qr.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(np.ascontiguousarray(pixels[:, : image.width()]))
    assert text == win.item.qr.text and text.startswith("社会保障卡申领")


def test_portal_opens_and_is_wiped_when_the_session_ends(qtbot, config, store):
    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"<html><body><h1>portal</h1><script>document.cookie='visit=1'</script></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = f"127.0.0.1:{server.server_address[1]}"
    try:
        cfg = replace(config, **{p: PortalConfig(f"http://{host}/", (host,)) for p in PORTALS})
        win = make(qtbot, cfg, store)
        win.session.go("start")
        with qtbot.waitSignal(win.ensure_portal().load_finished, timeout=15000):
            win.session.open_module("portal_yss")
        assert win.stack.currentWidget() is win.portal
        profile = win.portal.profile
        wiped = []
        original = win.portal.wipe
        win.portal.wipe = lambda: (wiped.append(True), original())
        win.session.end("finish")
        assert wiped == [True] and win.portal.profile is not profile
        assert win.session.screen == Screen.ATTRACT
    finally:
        server.shutdown()
        server.server_close()


def test_only_one_terminal_runs_at_a_time(tmp_path):
    first, second = InstanceLock(tmp_path / "kiosk.lock"), InstanceLock(tmp_path / "kiosk.lock")
    first.acquire()
    with pytest.raises(AlreadyRunning):
        second.acquire()
    first.release()
    second.acquire()
    second.release()


def test_print_guide_goes_to_the_receipt_printer_off_the_gui_thread(qtbot, config, store, tmp_path):
    from devices.registry import build_devices

    devices = build_devices(config, mode="sim", sim_dir=tmp_path / "sim")
    try:
        win = make(qtbot, config, store, devices=devices)
        open_first_item(win, "社保卡")
        with qtbot.waitSignal(win.bridge.printed, timeout=10000) as blocker:
            win.item.print_button.click()
            assert not win.item.print_button.isEnabled()  # the GUI goes on while the printer works
        assert blocker.args == [True]
        assert "取走" in win.item.print_status.text()
        receipts = devices.simulators["printer"].printed
        qtbot.waitUntil(lambda: len(receipts) == 1, timeout=5000)  # the printer finishes after the bytes arrive
        from PIL import Image

        image = np.array(Image.open(receipts[0]).convert("L"))
        text, _points, _ = cv2.QRCodeDetector().detectAndDecode(image)
        assert text == win.item.qr.text
        devices.simulators["printer"].faults.paper = "out"
        with qtbot.waitSignals([win.bridge.printed, win.bridge.a4_printed], timeout=30000):
            win.item.print_button.click()
        assert "二维码" in win.item.print_status.text()  # no printer took it: the QR code is the way out
    finally:
        devices.close()


def test_without_a_receipt_printer_the_guide_goes_to_cups_as_an_a4_pdf(qtbot, store, tmp_path, private_cups):
    config = load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"),
            "KIOSK_A4_PRINTER_DESTINATION": "kiosk-a4",
            "KIOSK_A4_PRINTER_SERVER": private_cups.server,
        }
    )
    win = make(qtbot, config, store)
    open_first_item(win, "社保卡")
    with qtbot.waitSignal(win.bridge.a4_printed, timeout=30000) as blocker:
        win.item.print_button.click()
    assert blocker.args == [True]
    qtbot.waitUntil(lambda: len(private_cups.jobs) == 1, timeout=20000)
    kept = sorted((config.data_dir / "printouts").glob("guide-*.pdf"))
    assert len(kept) == 1 and private_cups.jobs[0] == kept[0].read_bytes()
    assert private_cups.jobs[0].startswith(b"%PDF")
