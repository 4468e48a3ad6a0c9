"""A4 printing through a real CUPS scheduler (private, on 127.0.0.1) to an AppSocket printer that records jobs."""

from __future__ import annotations

import time

import pytest

from devices.base import DeviceError
from devices.printer.cups_a4 import CupsA4Printer


def wait_for_job(cups, count: int = 1, timeout: float = 20.0) -> bytes:
    deadline = time.monotonic() + timeout
    while len(cups.jobs) < count:
        assert time.monotonic() < deadline, "the printer received nothing"
        time.sleep(0.1)
    return cups.jobs[count - 1]


def test_a_pdf_goes_through_cups_to_the_printer_unchanged(private_cups, tmp_path):
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a guide\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    printer = CupsA4Printer("kiosk-a4", private_cups.server)
    assert printer.self_test().ok
    job = printer.print_pdf(pdf, "办事指南")
    assert job.startswith("kiosk-a4-")
    printer.wait(job)
    assert wait_for_job(private_cups) == pdf.read_bytes()


def test_an_unknown_queue_and_a_missing_scheduler_are_clear_errors(private_cups, tmp_path):
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(DeviceError, match="CUPS"):
        CupsA4Printer("no-such-queue", private_cups.server).print_pdf(pdf)
    check = CupsA4Printer("no-such-queue", private_cups.server).self_test()
    assert not check.ok
    nobody = CupsA4Printer("kiosk-a4", "127.0.0.1:9")
    assert not nobody.self_test().ok
    with pytest.raises(DeviceError, match="CUPS"):
        nobody.print_pdf(pdf)
    with pytest.raises(DeviceError, match="does not exist"):
        CupsA4Printer("kiosk-a4", private_cups.server).print_pdf(tmp_path / "missing.pdf")
