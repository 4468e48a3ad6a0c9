"""The OpenCV camera driver against the MJPEG-over-HTTP camera simulator: pacing, freezing, reconnecting."""

from __future__ import annotations

import time

import pytest

from devices.base import DeviceState
from devices.camera.opencv_camera import OpenCvCamera
from devices.camera.sim import CameraSimulator


def wait(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def sim():
    camera = CameraSimulator(fps=15)
    yield camera
    camera.close()


@pytest.fixture
def camera(sim):
    driver = OpenCvCamera(sim.url, fps=15, backoff=(0.1, 0.5))
    driver.open()
    yield driver
    driver.close()


def test_frames_reach_subscribers_at_the_configured_rate(camera):
    seen = []
    camera.subscribe(lambda frame, t: seen.append((frame.shape, t)))
    assert wait(lambda: len(seen) >= 10)
    started = len(seen)
    time.sleep(1.0)
    rate = len(seen) - started
    assert 8 <= rate <= 20, rate  # about 15 per second, never the unpaced thousands
    assert seen[-1][0] == (480, 640, 3)
    check = camera.self_test()
    assert check.ok and int(check.details["brightness"]) > 50


def test_a_frozen_picture_is_reported(camera, sim):
    assert wait(lambda: camera.latest() is not None)
    sim.frozen = True
    assert wait(lambda: not camera.self_test().ok, 8)
    assert camera.self_test().summary == "picture frozen"
    sim.frozen = False
    assert wait(lambda: camera.self_test().ok, 8)


def test_unplug_and_replug_reconnects(camera, sim):
    assert wait(lambda: camera.latest() is not None)
    sim.unplug()
    assert wait(lambda: not camera.self_test().ok, 8)
    sim.replug()
    assert wait(lambda: camera.reconnects >= 1 and camera.self_test().ok, 15)
    assert camera.state == DeviceState.READY


def test_a_subscriber_that_fails_does_not_stop_the_camera(camera):
    calls = []

    def broken(frame, t):
        calls.append(t)
        raise RuntimeError("subscriber bug")

    camera.subscribe(broken)
    assert wait(lambda: len(calls) >= 3)
    assert camera.self_test().ok
