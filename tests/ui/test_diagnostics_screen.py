"""The technician's diagnostics screen against the real drivers and their simulators, offscreen.

Every test button runs a real device operation in the background: a card read over the pty, a test page to the
printer simulator (its PNG is decoded), a code through the serial scanner, the live camera preview from the
MJPEG simulator, the microphone meter on the PulseAudio null sink, and a hub health check over HTTP.
"""

from __future__ import annotations

import http.server
import json
import logging
import shutil
import subprocess
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from devices.registry import build_devices
from kiosk.config import load_config
from kiosk.diagnostics import ActionLog
from kiosk.logs import setup_logging
from ui.app import build_window


def pulse_running() -> bool:
    return bool(shutil.which("pactl")) and subprocess.run(["pactl", "info"], capture_output=True).returncode == 0


class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b'{"ok": true}' if self.path == "/api/v1/health" else b"{}"
        self.send_response(200 if self.path == "/api/v1/health" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def hub():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def rig(qtbot, store, tmp_path: Path, hub: str):
    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"), "KIOSK_HUB_URL": hub})
    devices = build_devices(config, mode="sim", sim_dir=tmp_path / "sim", start=("idcard", "printer", "scanner"))
    win = build_window(config, store, {"devices": devices})
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    win.session.go("start")
    win.session.go("technician")
    win.session.go("pin_ok")
    yield win, devices, config
    win.session.go("home")
    devices.close()


def wait_idle(qtbot, screen, name: str, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: not screen.worker.busy(name), timeout=timeout)


def test_every_device_shows_its_state_and_the_hub_answers(qtbot, rig):
    win, _devices, config = rig
    screen = win.diagnostics
    wait_idle(qtbot, screen, "checks")
    wait_idle(qtbot, screen, "hub")
    assert screen.rows["idcard"].state.property("ok") == "true"
    assert "SAM" in screen.rows["idcard"].summary.text()
    assert screen.rows["printer"].state.property("ok") == "true"
    assert "answers in" in screen.facts.text() + screen.more_facts.text()
    assert config.hub.url in screen.facts.text() + screen.more_facts.text()


def test_card_read_is_shown_masked_and_never_in_full(qtbot, rig):
    win, devices, _config = rig
    screen = win.diagnostics
    card = devices.simulators["idcard"].card
    screen.rows["idcard"].buttons["read"].click()
    wait_idle(qtbot, screen, "test-idcard")
    summary = screen.rows["idcard"].summary.text()
    assert summary.startswith(card.name[0] + "*") and card.id_number[-4:] in summary
    assert card.name not in summary and card.id_number not in summary
    assert screen.rows["idcard"].state.property("ok") == "true"


def test_no_card_fails_with_the_readers_words(qtbot, rig):
    win, devices, _config = rig
    devices.simulators["idcard"].faults.no_card = True
    win.diagnostics.rows["idcard"].buttons["read"].click()
    wait_idle(qtbot, win.diagnostics, "test-idcard")
    assert win.diagnostics.rows["idcard"].state.property("ok") == "false"
    assert "no card" in win.diagnostics.rows["idcard"].summary.text()


def test_printer_test_page_comes_out_with_a_readable_qr(qtbot, rig):
    win, devices, config = rig
    screen = win.diagnostics
    screen.rows["printer"].buttons["print"].click()
    wait_idle(qtbot, screen, "test-printer")
    assert screen.rows["printer"].state.property("ok") == "true", screen.rows["printer"].summary.text()
    sim = devices.simulators["printer"]
    qtbot.waitUntil(lambda: len(sim.printed) == 1, timeout=5000)
    pixels = np.array(Image.open(sim.printed[0]).convert("L"))
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(pixels)
    assert text == f"KIOSK-TEST:{config.terminal.id}"


def test_scanner_read_waits_for_a_code(qtbot, rig):
    win, devices, _config = rig
    screen = win.diagnostics
    screen.rows["scanner"].buttons["scan"].click()
    assert not screen.rows["scanner"].buttons["scan"].isEnabled()  # one scan at a time
    devices.simulators["scanner"].scan("HP-TEST-42")
    wait_idle(qtbot, screen, "test-scanner")
    assert "HP-TEST-42" in screen.rows["scanner"].summary.text()
    assert screen.rows["scanner"].buttons["scan"].isEnabled()


def test_camera_preview_shows_frames_with_focus_and_brightness_and_stops_on_leaving(qtbot, rig):
    win, devices, _config = rig
    screen = win.diagnostics
    camera = devices.drivers["camera"]
    screen.rows["camera"].buttons["preview"].click()
    qtbot.waitUntil(lambda: screen.frames_shown >= 3, timeout=15_000)
    assert not screen.preview.pixmap().isNull()
    assert "亮度" in screen.figures.text() and "清晰度" in screen.figures.text()
    win.session.go("home")  # leaving the screen stops the preview and the camera it started
    assert not screen.preview_timer.isActive()
    qtbot.waitUntil(lambda: camera._thread is None or not camera._thread.is_alive(), timeout=10_000)


def test_document_camera_preview_switches_from_the_face_camera(qtbot, rig):
    win, _devices, _config = rig
    screen = win.diagnostics
    screen.rows["camera"].buttons["preview"].click()
    qtbot.waitUntil(lambda: screen.frames_shown >= 1, timeout=15_000)
    screen.rows["doccamera"].buttons["preview"].click()
    assert screen.preview_kind == "doccamera" and screen.rows["camera"].buttons["preview"].property("active") == "false"
    qtbot.waitUntil(lambda: screen.frames_shown >= 2, timeout=15_000)
    assert "1280x960" in screen.figures.text()


@pytest.mark.skipif(not pulse_running(), reason="no PulseAudio server (scripts/bootstrap.sh test starts one)")
def test_microphone_meter_moves_while_the_test_tone_plays(qtbot, rig, monkeypatch):
    monkeypatch.setenv("PULSE_SOURCE", "speaker.monitor")  # the speaker's monitor stands in for air + mic
    win, _devices, _config = rig
    screen = win.diagnostics
    screen.rows["audio"].buttons["meter"].click()
    qtbot.waitUntil(screen.meter_timer.isActive, timeout=5000)
    screen.rows["audio"].buttons["tone"].click()
    peak = []
    qtbot.waitUntil(lambda: peak.append(screen.meter.value()) or max(peak) > 50, timeout=5000)
    wait_idle(qtbot, screen, "test-audio")
    assert screen.rows["audio"].state.property("ok") == "true"
    screen.rows["audio"].buttons["meter"].click()
    assert screen.meter.value() == 0


def test_recent_log_is_on_screen_without_personal_data(qtbot, rig):
    win, devices, config = rig
    root = logging.getLogger()
    before = list(root.handlers)
    setup_logging(config.data_dir / "logs")
    try:
        number = devices.simulators["idcard"].card.id_number
        logging.getLogger("kiosk.test").warning("reader sent %s unexpectedly", number)
        for handler in root.handlers:
            handler.flush()
        win.diagnostics.recheck.click()
        wait_idle(qtbot, win.diagnostics, "checks")
        shown = win.diagnostics.log_view.toPlainText()
        assert "reader sent [redacted] unexpectedly" in shown and number not in shown
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_export_writes_json_and_pdf_and_every_action_is_recorded(qtbot, rig):
    win, _devices, config = rig
    screen = win.diagnostics
    screen.rows["idcard"].buttons["read"].click()
    wait_idle(qtbot, screen, "test-idcard")
    screen.export.click()
    wait_idle(qtbot, screen, "export")
    reports = sorted((config.data_dir / "reports").glob("*.json"))
    assert len(reports) == 1 and reports[0].with_suffix(".pdf").exists()
    report = json.loads(reports[0].read_text(encoding="utf-8"))
    assert report["hub"]["reachable"] and {d["device"] for d in report["devices"]} >= {"idcard", "printer"}
    assert reports[0].name in screen.export_status.text()
    entries = ActionLog(config.data_dir / "technician-actions.jsonl").entries()
    assert [e["action"] for e in entries] == ["open_diagnostics", "device_test", "export_report"]
    assert entries[1]["device"] == "idcard" and entries[1]["ok"] is True
    assert not any(devices_value in json.dumps(entries, ensure_ascii=False) for devices_value in ("王小明",))


def test_finger_vein_capture_through_the_simulated_vendor_sdk(qtbot, rig, monkeypatch):
    from kiosk import device_tests

    monkeypatch.setattr(device_tests, "SCAN_WAIT_S", 2.0)  # the technician gets 15 s; the test need not wait
    win, devices, _config = rig
    screen = win.diagnostics
    screen.rows["fingervein"].buttons["capture"].click()
    wait_idle(qtbot, screen, "test-fingervein")
    assert screen.rows["fingervein"].state.property("ok") == "true", screen.rows["fingervein"].summary.text()
    assert "matched" in screen.rows["fingervein"].summary.text()
    devices.simulators["fingervein"].remove_finger()
    screen.rows["fingervein"].buttons["capture"].click()
    wait_idle(qtbot, screen, "test-fingervein")
    assert screen.rows["fingervein"].state.property("ok") == "false"
    assert "no finger" in screen.rows["fingervein"].summary.text()
