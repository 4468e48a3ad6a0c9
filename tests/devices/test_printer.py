"""The real ESC/POS drivers against the printer simulator: receipts, QR, status, unplugging.

One contract, run over every transport the simulator speaks: the network driver against it on 127.0.0.1 and
the serial driver against it on a pty. USB has no simulator (no virtual USB bus here): its missing-device
path is checked on its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from devices.base import DeviceError, DeviceState
from devices.printer.escpos_driver import EscPosReceiptPrinter
from devices.printer.escpos_network import NetworkReceiptPrinter
from devices.printer.escpos_serial import SerialReceiptPrinter
from devices.printer.escpos_usb import UsbReceiptPrinter
from devices.printer.receipt import Receipt
from devices.printer.sim import PrinterSimulator

RECEIPT = Receipt(
    title="黄埔区政务服务 · 办件回执",
    lines=("事项：社会保障卡申领", "受理编号：HP-20261126-0001", "承诺时限：5个工作日", "结果送达：EMS邮寄"),
    qr="https://example.invalid/status/HP-20261126-0001",
    footer=("扫码查询办理进度 · 咨询电话 12345",),
)
DRIVERS: dict[str, Callable[[PrinterSimulator, float], EscPosReceiptPrinter]] = {
    "tcp": lambda sim, timeout: NetworkReceiptPrinter("127.0.0.1", int(sim.port), timeout=timeout),
    "serial": lambda sim, timeout: SerialReceiptPrinter(str(sim.port), timeout=timeout),
}


@pytest.fixture(params=sorted(DRIVERS))
def sim(request: pytest.FixtureRequest, tmp_path: Path):
    simulator = PrinterSimulator(tmp_path / "receipts", transport=request.param)
    yield simulator
    simulator.close()


@pytest.fixture
def printer(sim: PrinterSimulator) -> EscPosReceiptPrinter:
    return DRIVERS[sim.transport](sim, 3)


def wait_for_receipt(sim: PrinterSimulator, count: int = 1) -> Path:
    deadline = time.monotonic() + 5
    while len(sim.printed) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(sim.printed) >= count
    return sim.printed[count - 1]


def assert_is_the_receipt(path: Path) -> Image.Image:
    image = Image.open(path)
    assert image.width == 576 and image.height > 300
    pixels = np.array(image.convert("L"))
    assert (pixels < 128).mean() > 0.01  # ink on paper
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(pixels)
    assert text == RECEIPT.qr
    return image


def test_prints_a_receipt_with_chinese_text_and_a_readable_qr(printer, sim):
    printer.print_receipt(RECEIPT)
    image = assert_is_the_receipt(wait_for_receipt(sim))
    assert printer.state == DeviceState.READY
    board = Path(__file__).resolve().parents[2] / "build" / "screens"
    board.mkdir(parents=True, exist_ok=True)
    image.save(board / "receipt.png")


def test_status_paper_and_cover(printer, sim):
    assert printer.status().can_print and printer.self_test().ok
    sim.faults.paper = "low"
    assert printer.status().paper == "low" and printer.status().can_print
    sim.faults.paper = "out"
    assert printer.status().paper == "out" and printer.state == DeviceState.ERROR
    with pytest.raises(DeviceError, match="out of paper"):
        printer.print_receipt(RECEIPT)
    sim.faults.paper = "ok"
    sim.faults.cover_open = True
    with pytest.raises(DeviceError, match="cover is open"):
        printer.print_receipt(RECEIPT)
    check = printer.self_test()
    assert not check.ok and "cover open" in check.summary
    time.sleep(0.2)
    assert sim.printed == []
    sim.faults.cover_open = False
    assert printer.self_test().ok and printer.state == DeviceState.READY


def test_a_silent_printer_is_offline(sim):
    printer = DRIVERS[sim.transport](sim, 0.3)
    sim.faults.silent = True
    status = printer.status()
    assert not status.online and not status.can_print
    with pytest.raises(DeviceError, match="is offline"):
        printer.print_receipt(RECEIPT)
    assert not printer.self_test().ok and printer.state == DeviceState.DISCONNECTED
    sim.faults.silent = False
    assert printer.self_test().ok


def test_unplug_and_replug_recovers(printer, sim):
    printer.print_receipt(RECEIPT)
    wait_for_receipt(sim)
    sim.unplug()
    with pytest.raises(DeviceError, match=r"unreachable|not found"):
        printer.print_receipt(RECEIPT)
    assert printer.state == DeviceState.DISCONNECTED
    check = printer.self_test()
    assert not check.ok and printer.describe() in check.summary
    sim.replug()
    assert printer.self_test().ok and printer.state == DeviceState.READY
    printer.print_receipt(RECEIPT)
    assert_is_the_receipt(wait_for_receipt(sim, 2))


def test_unreachable_network_printer_is_a_clear_error():
    printer = NetworkReceiptPrinter("127.0.0.1", 9, timeout=1)
    with pytest.raises(DeviceError, match="unreachable"):
        printer.status()
    assert not printer.self_test().ok and printer.state == DeviceState.DISCONNECTED


def test_missing_serial_printer_is_a_clear_error(tmp_path):
    port = str(tmp_path / "ttyNoPrinter")
    printer = SerialReceiptPrinter(port, timeout=1)
    with pytest.raises(DeviceError, match=f"serial receipt printer {port} not found"):
        printer.status()
    assert printer.usable() == (False, f"port {port} not found")
    assert not printer.self_test().ok and printer.state == DeviceState.DISCONNECTED


def test_missing_usb_printer_is_a_clear_error():
    """Whatever this machine has (no libusb, or libusb and no such printer), the message names the device."""
    printer = UsbReceiptPrinter(0x0416, 0x5011, timeout=1)
    with pytest.raises(DeviceError, match="USB receipt printer 0416:5011 not found"):
        printer.print_receipt(RECEIPT)
    check = printer.self_test()
    assert not check.ok and check.summary.startswith("USB receipt printer 0416:5011 not found")
    assert printer.state == DeviceState.DISCONNECTED
    usable, why = printer.usable()
    assert not usable and why.startswith("USB receipt printer 0416:5011 not found")


def test_usb_printer_not_on_the_bus(monkeypatch):
    """With a working USB backend that finds nothing: the unplugged message, not a traceback."""
    import usb.core

    monkeypatch.setattr(usb.core, "find", lambda **_criteria: None)
    printer = UsbReceiptPrinter(0x0416, 0x5011)
    with pytest.raises(DeviceError, match=r"USB receipt printer 0416:5011 not found \(unplugged"):
        printer.status()
    assert printer.usable() == (False, "USB receipt printer 0416:5011 not found")
