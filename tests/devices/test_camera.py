"""The OpenCV camera driver against the MJPEG-over-HTTP camera simulator: pacing, freezing, reconnecting."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import cv2
import numpy as np
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


FACES = Path(__file__).resolve().parents[3] / "shared" / "data" / "faces" / "images"


def similar(a: np.ndarray, b: np.ndarray) -> bool:
    """JPEG on the wire changes pixels a little; a different picture changes them a lot."""
    return float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean()) < 8


def test_an_image_sequence_plays_in_order_through_the_driver(tmp_path):
    folder = tmp_path / "sequence"
    folder.mkdir()
    for n, name in enumerate(["img1.jpg", "img2.jpg", "img10.jpg"]):
        (folder / f"{n:02d}.jpg").write_bytes((FACES / name).read_bytes())
    sim = CameraSimulator(fps=10, source=folder)
    driver = OpenCvCamera(sim.url, fps=10)
    seen: list[np.ndarray] = []
    driver.subscribe(lambda frame, _now: seen.append(frame))
    driver.open()
    try:
        assert wait(lambda: len(seen) >= 6)
    finally:
        driver.close()
        sim.close()
    expected = sim.recorded
    assert len(expected) == 3
    # Each frame received is one of the sequence's pictures, and they follow one another in order.
    indices = [next(i for i, e in enumerate(expected) if similar(frame, e)) for frame in seen[:6]]
    assert all((b - a) % 3 == 1 for a, b in itertools.pairwise(indices)), indices


def test_a_video_file_plays_and_a_still_can_be_held_up(tmp_path):
    video = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (320, 240))
    for n in range(20):
        writer.write(np.full((240, 320, 3), 10 * n, np.uint8))
    writer.release()
    sim = CameraSimulator(width=320, height=240, fps=10, source=video)
    assert len(sim.recorded) == 20
    driver = OpenCvCamera(sim.url, width=320, height=240, fps=10)
    driver.open()
    try:
        assert wait(lambda: driver.latest() is not None)
        still = cv2.imread(str(FACES / "img1.jpg"))
        sim.show(still)
        assert wait(lambda: similar(driver.latest()[0], sim.still))
    finally:
        driver.close()
        sim.close()


def test_a_source_without_pictures_is_refused_clearly(tmp_path):
    with pytest.raises(ValueError, match="no images or video frames"):
        CameraSimulator(source=tmp_path)
