"""Every held document of the simulated document camera is captured within its footage: the footage `kiosk prepare`
writes (kiosk.footage), served by the camera simulator as MJPEG over HTTP, read by the real OpenCV camera driver,
fed to the auto-capture one frame per 1/15 s of footage time (frames are counted, not timed).

The seeds include footages that once never captured: a licence whose tracked outline jumped from the sheet's edge
to its printed frame and back (seeds 2, 5, 6), and cards filling most of the frame whose hand sway broke every hold
measured from the hold's first frame (seed 5).
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from devices.camera.opencv_camera import OpenCvCamera
from devices.camera.sim import CameraSimulator
from kiosk import footage
from kiosk.ocr import capture

FPS = 15.0
CASES = [
    ("business_license", 2, 36),
    ("id_card_front", 5, 45),
    ("id_card_back", 5, 45),
    ("id_card_front", 1, 45),  # `kiosk prepare`'s footage
    ("id_card_front", 11, 36),  # the UI test's
    ("business_license", 5, 45),
    ("business_license", 6, 36),
    ("business_license", 7, 45),
    ("id_card_back", 9, 36),
]


def streamed(tmp_path, kind: str, seed: int, frames: int) -> list[np.ndarray]:
    """One loop of the footage as the driver reads it from the simulator's MJPEG stream."""
    folder = footage.footage_dir(tmp_path)
    footage.write_approach_footage(folder, kind, seed, frames)
    sim = CameraSimulator(*footage.SIZE, fps=FPS, source=folder)
    camera = OpenCvCamera(sim.url, *footage.SIZE, FPS, kind="doccamera")
    got: list[np.ndarray] = []
    done = threading.Event()

    def on_frame(frame: np.ndarray, _timestamp: float) -> None:
        if len(got) < frames:
            got.append(frame.copy())
        if len(got) >= frames:
            done.set()

    camera.subscribe(on_frame)
    try:
        camera.open()
        assert done.wait(60), f"the driver read {len(got)} of {frames} frames"
    finally:
        camera.close()
        sim.close()
    return got


@pytest.mark.parametrize(("kind", "seed", "frames"), CASES)
def test_every_held_document_is_captured_within_its_footage(tmp_path, kind, seed, frames):
    pictures = streamed(tmp_path, kind, seed, frames)
    # Each stream starts at the footage's first frame: the document comes into view, then is held.
    assert len(pictures) == frames
    auto = capture.AutoCapture(kind, skip_when_behind=False)
    states = [auto.feed(picture, i / FPS) for i, picture in enumerate(pictures)]
    captured = [i for i, s in enumerate(states) if s.phase == "captured"]
    assert captured, [s.guidance for s in states[frames // 2 :]]
    done = states[captured[0]]
    assert done.image is not None and done.image_quad is not None and done.guidance == "ok"
    # Not taken while the document was still coming in: the footage moves for its first 55 % of frames.
    assert captured[0] >= round(frames * 0.55)
