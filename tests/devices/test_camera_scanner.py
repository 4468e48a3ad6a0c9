"""Reading QR codes from camera frames: zxing-cpp on frames of the camera simulator."""

from __future__ import annotations

import pytest

from devices.base import DeviceTimeout
from devices.camera.opencv_camera import OpenCvCamera
from devices.camera.sim import CameraSimulator
from devices.scanner.camera_decoder import CameraScanner, decode


@pytest.fixture
def setup():
    sim = CameraSimulator(fps=15)
    camera = OpenCvCamera(sim.url, fps=15, backoff=(0.1, 0.5))
    camera.open()
    scanner = CameraScanner(camera, every=2)
    scanner.open()
    yield sim, camera, scanner
    scanner.close()
    camera.close()
    sim.close()


def test_a_code_held_up_to_the_camera_is_read_once(setup):
    sim, _camera, scanner = setup
    with pytest.raises(DeviceTimeout):
        scanner.read_code(0.5)  # nothing held up yet
    sim.hold_up_qr("HP-20261126-0001 办件查询")
    assert scanner.read_code(10) == "HP-20261126-0001 办件查询"
    with pytest.raises(DeviceTimeout):
        scanner.read_code(1.0)  # the same code still in view is not reported again
    assert scanner.self_test().ok


def test_decode_on_an_odd_frame_finds_nothing():
    import numpy as np

    assert decode(np.zeros((10, 10, 3), np.uint8)) == []
