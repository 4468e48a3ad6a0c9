"""The real ESC/POS driver against the network printer simulator on 127.0.0.1: receipts, QR, status."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from devices.base import DeviceError
from devices.printer.escpos_network import NetworkReceiptPrinter
from devices.printer.receipt import Receipt
from devices.printer.sim import PrinterSimulator

RECEIPT = Receipt(
    title="黄埔区政务服务 · 办件回执",
    lines=("事项：社会保障卡申领", "受理编号：HP-20261126-0001", "承诺时限：5个工作日", "结果送达：EMS邮寄"),
    qr="https://example.invalid/status/HP-20261126-0001",
    footer=("扫码查询办理进度 · 咨询电话 12345",),
)


@pytest.fixture
def sim(tmp_path: Path):
    simulator = PrinterSimulator(tmp_path / "receipts")
    yield simulator
    simulator.close()


@pytest.fixture
def printer(sim):
    return NetworkReceiptPrinter("127.0.0.1", sim.port, timeout=3)


def wait_for_receipt(sim, count: int = 1) -> Path:
    import time

    deadline = time.monotonic() + 5
    while len(sim.printed) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(sim.printed) >= count
    return sim.printed[count - 1]


def test_prints_a_receipt_with_chinese_text_and_a_readable_qr(printer, sim):
    printer.print_receipt(RECEIPT)
    path = wait_for_receipt(sim)
    image = Image.open(path)
    assert image.width == 576 and image.height > 300
    pixels = np.array(image.convert("L"))
    assert (pixels < 128).mean() > 0.01  # ink on paper
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(pixels)
    assert text == RECEIPT.qr
    board = Path(__file__).resolve().parents[2] / "build" / "screens"
    board.mkdir(parents=True, exist_ok=True)
    image.save(board / "receipt.png")


def test_status_paper_and_cover(printer, sim):
    assert printer.status().can_print and printer.self_test().ok
    sim.faults.paper = "low"
    assert printer.status().paper == "low" and printer.status().can_print
    sim.faults.paper = "out"
    assert printer.status().paper == "out"
    with pytest.raises(DeviceError, match="out of paper"):
        printer.print_receipt(RECEIPT)
    sim.faults.paper = "ok"
    sim.faults.cover_open = True
    with pytest.raises(DeviceError, match="cover is open"):
        printer.print_receipt(RECEIPT)
    assert not printer.self_test().ok
    assert sim.printed == []


def test_unreachable_printer_is_a_clear_error():
    printer = NetworkReceiptPrinter("127.0.0.1", 9, timeout=1)
    with pytest.raises(DeviceError, match="unreachable"):
        printer.status()
    assert not printer.self_test().ok
