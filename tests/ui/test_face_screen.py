"""Face verification at the terminal, offscreen, end to end: the ID card reader simulator carries a chip-style
photo of one of the shared faces, the real serial driver reads it, the real OpenCV camera driver watches its
MJPEG simulator, in front of which a scripted resident made from another photo of the same person does what the
screen asks (or a printed photo is held up), and the real dlib models decide in background jobs.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from devices.idcard.photo import test_photo_slot
from devices.registry import build_devices
from kiosk.config import load_config
from kiosk.face.models import load_models
from kiosk.face.reference import chip_style
from kiosk.face.synth import PhotoAttack, Resident, place
from kiosk.flows.face import MAX_TRIES
from kiosk.session import Screen
from ui.app import build_window
from ui.qt import QApplication, QPushButton, Qt


@pytest.fixture
def rig(qtbot, store, tmp_path: Path, voice):
    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")})
    devices = build_devices(config, mode="sim", sim_dir=tmp_path / "sim", start=("idcard",))
    win = build_window(config, store, {"devices": devices, "voice": voice})
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    win.voice_heard = voice.said  # for the tests: what the terminal said aloud
    yield win, devices
    win.session.end("finish")
    qtbot.waitUntil(lambda: win.face.camera_jobs.idle(), timeout=10_000)
    win.allow_close = True
    devices.close()


def open_face_screen(qtbot, win, store) -> None:
    item_id = next(r["id"] for r in store.records() if store.item(r["id"]).self_service)
    win.session.go("start")
    win.session.open_module("search")
    win.session.go("open_item", item_id=item_id)
    QApplication.processEvents()
    button = win.item.document_buttons["face"]
    assert button.isVisible() and "刷脸" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.session.screen == Screen.FACE


def test_a_cooperative_resident_is_verified_against_the_card_photo(
    qtbot, rig, store, tmp_path, face_photos, face_actor
):
    win, devices = rig
    photos = face_photos("id01")
    models = load_models()
    devices.simulators["idcard"].photo = test_photo_slot(chip_style(photos[0], models))
    open_face_screen(qtbot, win, store)
    flow = win.session.data.face
    qtbot.waitUntil(lambda: flow.phase == "verifying" and flow.source == "chip", timeout=20_000)
    camera = devices.drivers["camera"]
    qtbot.waitUntil(lambda: camera.running, timeout=5_000)
    face_actor(win, devices.simulators["camera"], Resident(place(photos[1], models, size=(640, 480)), seed=3))
    # The screen shows the challenge the verifier asks for (both come with the same update).
    qtbot.waitUntil(lambda: win.face.view.challenge is not None, timeout=30_000)
    challenge = win.face.view.challenge
    assert challenge in ("blink", "turn_left", "turn_right", "nod")
    assert win.face.guidance.text() == win.face.guidance_text(challenge)
    # The challenge is read out at once, in standard mode too: the resident may be looking away while turning.
    qtbot.waitUntil(lambda: (win.face.guidance_text(challenge), "zh_CN") in win.voice_heard, timeout=5_000)
    win.grab().save(str(tmp_path / "face-challenge.png"))
    qtbot.waitUntil(lambda: flow.phase in ("verified", "failed", "exhausted"), timeout=40_000)
    assert flow.phase == "verified", flow.summary()
    assert flow.outcome.verified and flow.outcome.source == "chip" and flow.outcome.liveness == "live"
    assert win.face.done.isVisible() and not win.face.retry.isVisible()
    qtbot.mouseClick(win.face.done, Qt.MouseButton.LeftButton)
    assert win.session.screen == Screen.ITEM
    assert "身份已核验" in win.item.documents_status.text()
    # Leaving the screen closed the camera it opened; ending the session zeroes the reference.
    qtbot.waitUntil(lambda: not camera.running and win.face.camera_jobs.idle(), timeout=10_000)
    reference = flow.reference
    win.session.end("finish")
    assert not reference.encoding.any()
    assert win.session.data.face.outcome is None


def test_a_printed_photo_fails_and_after_three_tries_a_clerk_takes_over(qtbot, rig, store, face_photos, face_actor):
    win, devices = rig
    photos = face_photos("id01")
    models = load_models()
    devices.simulators["idcard"].photo = test_photo_slot(chip_style(photos[0], models))
    open_face_screen(qtbot, win, store)
    flow = win.session.data.face
    qtbot.waitUntil(lambda: flow.phase == "verifying", timeout=20_000)
    attack = cv2.resize(photos[1], (640, 480)) if photos[1].shape[1] > 640 else photos[1]
    face_actor(win, devices.simulators["camera"], PhotoAttack(place(attack, models, size=(640, 480)).image))
    for attempt in range(1, MAX_TRIES + 1):
        qtbot.waitUntil(lambda: flow.phase in ("failed", "exhausted", "verified"), timeout=60_000)
        assert flow.phase != "verified"
        assert flow.outcome.reason in ("not_live", "timeout", "screen"), flow.summary()
        assert flow.tries == attempt
        if attempt < MAX_TRIES:
            assert win.face.retry.isVisible()
            qtbot.mouseClick(win.face.retry, Qt.MouseButton.LeftButton)
            assert flow.phase == "verifying"
    assert flow.phase == "exhausted"
    assert not win.face.retry.isVisible() and not win.face.done.isVisible()
    assert "人工窗口" in win.face.status.text()


@pytest.mark.parametrize("language", ["zh_CN", "zh_HK", "en"])
@pytest.mark.parametrize("elderly", [False, True])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_face_screen_fits_every_language_mode_and_orientation(
    qtbot, store, tmp_path, language, elderly, size, clipped, face_photos
):
    from dataclasses import replace

    from kiosk.face.verify import Phase, Update

    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")})
    config = replace(config, ui=replace(config.ui, language=language, elderly_default=elderly))
    win = build_window(config, store, {})
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    QApplication.processEvents()
    item_id = next(r["id"] for r in store.records() if store.item(r["id"]).self_service)
    win.session.go("start")
    win.session.open_module("search")
    win.session.go("open_item", item_id=item_id)
    win.session.go("verify_face")
    QApplication.processEvents()
    problems = {"waiting": clipped(win)}
    flow = win.session.data.face
    frame = cv2.resize(face_photos("id01")[1], (640, 480))
    win.face.view.set_frame(frame)
    flow.phase = "verifying"
    generation = flow.generation
    win.face.attempt = (flow, generation)
    win.face.on_update(
        Update(Phase.CHALLENGE, "turn_left", "turn_left", 0.4, 7.2, (200, 120, 400, 360)), flow, generation
    )
    QApplication.processEvents()
    problems["challenge"] = clipped(win)
    assert win.face.view.challenge == "turn_left" and "8" in win.face.status.text()  # 7.2 s: counted up
    for phase in ("failed", "exhausted", "verified"):
        flow.phase, flow.tries = phase, 1
        win.face.show_phase()
        QApplication.processEvents()
        problems[phase] = clipped(win)
    small = [(b.objectName(), b.height()) for b in win.findChildren(QPushButton) if b.isVisible() and b.height() < 90]
    assert small == []
    win.allow_close = True
    assert {k: v for k, v in problems.items() if v} == {}
