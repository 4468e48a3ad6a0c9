"""The tests a technician runs on each device from the diagnostics screen, without Qt.

Each test takes the driver, does one real thing with it (read a card, print a page, play a tone) and returns a
CheckResult whose summary is safe to show and to log: card contents are masked, scanned codes shortened.
They block (a card read takes a second, a scan waits for the technician): the screen runs them in a worker.
"""

from __future__ import annotations

import time
from typing import Any

import cv2
import numpy as np

from devices.base import CheckResult, DeviceError
from devices.printer.receipt import Receipt

SCAN_WAIT_S = 15.0


def camera_figures(frame: np.ndarray) -> dict[str, float]:
    """Brightness (mean grey, 0-255) and focus (variance of the Laplacian: higher is sharper) of a frame."""
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame
    return {"brightness": float(gray.mean()), "focus": float(cv2.Laplacian(gray, cv2.CV_64F).var())}


def camera_verdict(figures: dict[str, float]) -> str:
    """What the figures mean for a technician adjusting the camera ("" when all is well)."""
    if figures["brightness"] < 50:
        return "too dark"
    if figures["brightness"] > 210:
        return "too bright"
    if figures["focus"] < 60:
        return "out of focus"
    return ""


def mask_name(name: str) -> str:
    """The first character and a star per other one: enough to see the right card was read."""
    return name[:1] + "*" * max(0, len(name) - 1)


def mask_id_number(number: str) -> str:
    """First four and last four characters of an ID number; the rest hidden."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def card_read(reader: Any) -> CheckResult:
    """Read the card lying on the reader and report it masked."""
    started = time.monotonic()
    try:
        card = reader.read_card()
    except DeviceError as exc:
        return CheckResult("idcard", False, str(exc))
    seconds = time.monotonic() - started
    text = card.text
    summary = f"{mask_name(text.name)} · {mask_id_number(text.id_number)} · {seconds:.1f} s"
    return CheckResult(
        "idcard", True, summary, {"photo_bytes": str(len(card.photo_wlt)), "valid_until": text.valid_until}
    )


def test_page(terminal_id: str, site: str) -> Receipt:
    """A test page: who printed it and when, Chinese text in both scripts, a QR code, and a cut."""
    return Receipt(
        title="打印机测试页 Printer test",
        lines=(
            f"终端 Terminal: {terminal_id}",
            site,
            time.strftime("%Y-%m-%d %H:%M:%S"),
            "简体：政务服务 社会保险 营业执照",
            "繁體：政務服務 社會保險 營業執照",
            "English: government services",
            "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "█" * 20,  # every heating element of the head, in one solid bar
        ),
        qr=f"KIOSK-TEST:{terminal_id}",
        footer=("扫描二维码应得到 KIOSK-TEST:" + terminal_id,),
    )


def printer_test_page(printer: Any, terminal_id: str, site: str) -> CheckResult:
    """Print the test page; the printer's status problems come back as the summary."""
    try:
        printer.print_receipt(test_page(terminal_id, site))
    except DeviceError as exc:
        return CheckResult("printer", False, str(exc))
    return CheckResult("printer", True, "test page printed")


def scanner_read(scanner: Any, timeout: float = SCAN_WAIT_S) -> CheckResult:
    """Wait for the technician to scan any code; show its start (a code may carry anything)."""
    try:
        code = scanner.read_code(timeout)
    except DeviceError as exc:
        return CheckResult("scanner", False, str(exc))
    shown = code if len(code) <= 12 else code[:12] + "…"
    return CheckResult("scanner", True, f"read {len(code)} characters: {shown}")


def speaker_tone(audio: Any, frequency: float = 1000.0, seconds: float = 1.0) -> CheckResult:
    """Play a test tone the technician should hear."""
    try:
        audio.play_tone(frequency, seconds)
    except DeviceError as exc:
        return CheckResult("audio", False, str(exc))
    return CheckResult("audio", True, f"played {frequency:.0f} Hz for {seconds:.1f} s")


def audio_loopback(audio: Any) -> CheckResult:
    """Play a tone and listen for it with the microphone."""
    try:
        heard, frequency, level = audio.loopback()
    except DeviceError as exc:
        return CheckResult("audio", False, str(exc))
    summary = f"heard {frequency:.0f} Hz at {level:.0f} dBFS" if heard else f"tone not heard ({level:.0f} dBFS)"
    return CheckResult("audio", heard, summary)


def fingervein_capture(scanner: Any, timeout: float = SCAN_WAIT_S) -> CheckResult:
    """Capture the finger resting on the scanner, then verify it against itself: both halves of the module's
    work. The template is biometric data: it lives in this function only."""
    try:
        template = scanner.enrol(samples=1, timeout=timeout)
        matched, score = scanner.verify(template, timeout=timeout)
    except DeviceError as exc:
        return CheckResult("fingervein", False, str(exc))
    if not matched:
        return CheckResult("fingervein", False, f"a second capture of the same finger did not match (score {score})")
    return CheckResult("fingervein", True, f"captured and matched (score {score}); nothing kept")
