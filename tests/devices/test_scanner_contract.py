"""One contract for every QR/barcode scanner driver: the serial line scanner on a pty and the camera decoder on
the MJPEG camera simulator. Each presents a code its own way; the driver's answers must be the same."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from devices.base import DeviceEvent, DeviceTimeout
from devices.camera.opencv_camera import OpenCvCamera
from devices.camera.sim import CameraSimulator
from devices.scanner.camera_decoder import CameraScanner
from devices.scanner.serial_scanner import SerialScanner
from devices.scanner.sim import ScannerSimulator


def serial_rig() -> Iterator[tuple[object, Callable[[str], None]]]:
    sim = ScannerSimulator()
    scanner = SerialScanner(sim.port)
    scanner.open()
    yield scanner, sim.scan
    scanner.close()
    sim.close()


def camera_rig() -> Iterator[tuple[object, Callable[[str], None]]]:
    sim = CameraSimulator(fps=15)
    camera = OpenCvCamera(sim.url, fps=15, backoff=(0.1, 0.5))
    camera.open()
    scanner = CameraScanner(camera, every=2)
    scanner.open()
    yield scanner, sim.hold_up_qr
    scanner.close()
    camera.close()
    sim.close()


@pytest.fixture(params=[serial_rig, camera_rig], ids=["serial", "camera"])
def rig(request):
    yield from request.param()


def test_a_presented_code_is_read_once_with_an_event(rig):
    scanner, present = rig
    events: list[DeviceEvent] = []
    scanner.on_event(events.append)
    deadline = time.monotonic() + 10
    while not scanner.self_test().ok:  # the camera needs its first frames
        assert time.monotonic() < deadline
        time.sleep(0.1)
    present("HP-20261126-0042 社保卡")
    assert scanner.read_code(10) == "HP-20261126-0042 社保卡"
    assert [e.data["code"] for e in events if e.name == "code_scanned"] == ["HP-20261126-0042 社保卡"]


def test_nothing_presented_is_a_timeout_that_says_so(rig):
    scanner, _present = rig
    with pytest.raises(DeviceTimeout, match="within"):
        scanner.read_code(0.3)
