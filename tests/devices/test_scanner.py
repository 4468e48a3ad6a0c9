"""The serial scanner driver against its pty simulator: codes, noise, unplugging."""

from __future__ import annotations

import time

import pytest

from devices.base import DeviceState, DeviceTimeout
from devices.scanner.serial_scanner import SerialScanner
from devices.scanner.sim import ScannerSimulator


@pytest.fixture
def pair():
    sim = ScannerSimulator()
    scanner = SerialScanner(sim.port)
    scanner.open()
    yield scanner, sim
    scanner.close()
    sim.close()


def test_codes_arrive_in_order(pair):
    scanner, sim = pair
    sim.scan("HP-20261126-0001")
    sim.scan("https://example.invalid/status?id=HP-20261126-0001&k=办件")
    assert scanner.read_code(2) == "HP-20261126-0001"
    assert scanner.read_code(2).endswith("k=办件")
    assert scanner.self_test().ok


def test_noise_is_dropped_and_reading_goes_on(pair):
    scanner, sim = pair
    sim.send_raw(b"\xff\xfe\x80\r\n\x01\x02\x07\n")
    sim.scan("after-noise")
    assert scanner.read_code(2) == "after-noise"
    assert scanner.dropped == 2
    with pytest.raises(DeviceTimeout):
        scanner.read_code(0.2)


def test_unplugging_marks_the_scanner_disconnected(pair):
    scanner, sim = pair
    sim.close()
    deadline = time.monotonic() + 3
    while scanner.state != DeviceState.DISCONNECTED and time.monotonic() < deadline:
        time.sleep(0.05)
    assert scanner.state == DeviceState.DISCONNECTED


def test_unplug_and_replug_at_the_same_path_reconnects(tmp_path):
    """A USB scanner comes back at the same device path; the pty behind a symlink plays that part."""
    port = tmp_path / "ttyScanner"
    sim = ScannerSimulator()
    port.symlink_to(sim.port)
    scanner = SerialScanner(str(port))
    scanner.open()
    try:
        sim.scan("before")
        assert scanner.read_code(2) == "before"
        sim.close()
        deadline = time.monotonic() + 3
        while scanner.state != DeviceState.DISCONNECTED and time.monotonic() < deadline:
            time.sleep(0.05)
        assert scanner.state == DeviceState.DISCONNECTED and not scanner.self_test().ok
        sim = ScannerSimulator()
        port.unlink()
        port.symlink_to(sim.port)
        deadline = time.monotonic() + 10
        while scanner.state != DeviceState.READY and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)
        sim.scan("after")
        assert scanner.read_code(3) == "after" and scanner.reconnects >= 1
    finally:
        scanner.close()
        sim.close()
