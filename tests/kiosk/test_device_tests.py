"""The technician's device tests, without Qt: figures, masking, and what each test reports."""

from __future__ import annotations

import cv2
import numpy as np

from devices.base import DeviceError, DeviceTimeout
from devices.idcard.reader import SerialIdCardReader
from devices.idcard.sim import IdCardSimulator, sample_card
from kiosk import device_tests


def test_camera_figures_tell_sharp_from_blurred_and_dark_from_bright():
    rng = np.random.default_rng(7)
    sharp = (rng.random((240, 320)) > 0.5).astype(np.uint8) * 200 + 20
    blurred = cv2.GaussianBlur(sharp, (31, 31), 10)
    assert device_tests.camera_figures(sharp)["focus"] > 10 * device_tests.camera_figures(blurred)["focus"]
    assert device_tests.camera_verdict(device_tests.camera_figures(blurred)) == "out of focus"
    assert device_tests.camera_verdict(device_tests.camera_figures(np.full((10, 10, 3), 20, np.uint8))) == "too dark"
    assert device_tests.camera_verdict(device_tests.camera_figures(np.full((10, 10), 240, np.uint8))) == "too bright"
    assert device_tests.camera_verdict(device_tests.camera_figures(sharp)) == ""


def test_masks_keep_enough_to_recognise_and_no_more():
    assert device_tests.mask_name("欧阳小明") == "欧***"
    number = sample_card("李四", "女", "1990-02-03", 7).id_number
    masked = device_tests.mask_id_number(number)
    assert masked[:4] == number[:4] and masked[-4:] == number[-4:] and masked[4:14] == "*" * 10
    assert device_tests.mask_id_number("1234") == "****"


def test_card_read_over_the_pty_reports_only_masked_text():
    card = sample_card("陈大文", "男", "1949-10-01", 3)
    sim = IdCardSimulator(card=card)
    reader = SerialIdCardReader(sim.port, timeout=0.5)
    try:
        result = device_tests.card_read(reader)
        assert result.ok and card.name not in result.summary and card.id_number not in str(result)
        sim.card = None
        result = device_tests.card_read(reader)
        assert not result.ok and "no card" in result.summary
    finally:
        reader.close()
        sim.close()


class Failing:
    """A driver whose every operation fails the way drivers fail."""

    def __getattr__(self, name):
        def fail(*_args, **_kwargs):
            raise DeviceTimeout(f"{name} timed out") if name == "read_code" else DeviceError(f"{name} failed")

        return fail


def test_every_test_turns_a_device_error_into_a_failed_result():
    results = [
        device_tests.printer_test_page(Failing(), "hp-01", "site"),
        device_tests.scanner_read(Failing(), 0.1),
        device_tests.speaker_tone(Failing()),
        device_tests.audio_loopback(Failing()),
        device_tests.fingervein_capture(Failing(), 0.1),
    ]
    assert [r.ok for r in results] == [False] * 5
    assert [r.device for r in results] == ["printer", "scanner", "audio", "audio", "fingervein"]


def test_the_test_page_says_who_printed_it_and_carries_a_qr():
    page = device_tests.test_page("hp-01", "黄埔区某网点")
    assert "hp-01" in page.lines[0] and page.qr == "KIOSK-TEST:hp-01"
    assert any("繁體" in line for line in page.lines)
