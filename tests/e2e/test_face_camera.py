"""Face verification through the real camera path: the camera simulator films a scripted subject (an MJPEG
stream on 127.0.0.1), the OpenCV camera driver reads it, the worker thread runs the verifier on the newest frame.
A cooperative resident is verified within 6 s of the challenge; a printed photo moved in front of the camera fails."""

from __future__ import annotations

import random
import time
from dataclasses import replace
from pathlib import Path

import cv2
import pytest

from devices.camera.opencv_camera import OpenCvCamera
from devices.camera.sim import CameraSimulator
from kiosk.face import synth
from kiosk.face.liveness import LivenessSettings
from kiosk.face.verify import FaceVerifier, Phase, VerifierSettings
from kiosk.face.worker import FaceWorker

FACES = Path(__file__).resolve().parents[3] / "shared" / "data" / "faces" / "images"


class FilmingCamera(CameraSimulator):
    """The simulated camera filming a subject live: every frame is the subject as it is at that moment."""

    def __init__(self, subject: synth.Scripted, **kwargs):
        self.subject = subject
        super().__init__(**kwargs)

    def scene(self, n: int):
        """The subject now."""
        return self.subject.frame(time.monotonic())


@pytest.fixture(scope="module")
def portrait(models):
    return synth.place(cv2.imread(str(FACES / "img6.jpg")), models)


def verify_through_camera(subject: synth.Scripted, reference, models, settings: VerifierSettings, seed: int):
    """Film the subject, read the stream with the OpenCV driver, verify in the worker; (result, seconds from the
    challenge shown to the result, worker)."""
    sim = FilmingCamera(subject, fps=15)
    camera = OpenCvCamera(sim.url, fps=15, backoff=(0.1, 0.5))
    shown: dict[str, float] = {}

    def on_update(update) -> None:
        if update.phase is Phase.CHALLENGE and "at" not in shown:
            shown["at"] = time.monotonic()
            subject.respond(update.challenge, shown["at"])  # the resident reads the screen and reacts

    verifier = FaceVerifier(
        replace(reference, encoding=reference.encoding.copy()), settings, random.Random(seed), models
    )
    worker = FaceWorker(verifier, on_update).start()
    camera.subscribe(worker.offer)
    camera.open()
    try:
        result = worker.wait(timeout=settings.liveness.time_limit + 15)
        finished = time.monotonic()
    finally:
        camera.close()
        worker.stop()
        sim.close()
    assert camera.frames_read > 10 and worker.offered > len(worker.step_ms) > 10
    verifier.wipe()
    return result, (finished - shown["at"]) if "at" in shown else None, worker


def test_a_cooperative_resident_in_front_of_the_camera_is_verified(reference, portrait, models):
    challenge = "blink"  # the briefest movement: it has to survive the stream's JPEG and dropped frames
    settings = VerifierSettings(challenges=(challenge,))
    result, seconds, _worker = verify_through_camera(synth.Resident(portrait, seed=1), reference, models, settings, 1)
    assert result is not None and result.verified, result
    assert result.challenge == challenge and result.liveness == "live"
    assert seconds is not None  # decided after the challenge was shown (its speed: bench/face)


def test_a_printed_photo_moved_in_front_of_the_camera_fails(reference, portrait, models):
    settings = VerifierSettings(challenges=("turn_right",), liveness=LivenessSettings(time_limit=3.0))
    attack = synth.PhotoAttack(synth.render(portrait), seed=2)
    result, _, _ = verify_through_camera(attack, reference, models, settings, 2)
    assert result is not None and not result.verified
    assert result.match  # the photo is of the right person: only liveness stops it
    assert result.reason in ("not_live", "timeout") and result.liveness in ("flat", "not_done")
