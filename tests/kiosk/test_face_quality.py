"""Face quality on real frames (the shared faces placed in 640x480 camera frames): what the resident is told."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.face import synth
from kiosk.face.landmarks import find_faces, measure
from kiosk.face.models import load_models
from kiosk.face.quality import GUIDANCE, QualitySettings, assess

FACES = Path(__file__).resolve().parents[3] / "shared" / "data" / "faces" / "images"


@pytest.fixture(scope="module")
def models():
    return load_models()


@pytest.fixture(scope="module")
def portrait(models):
    return synth.place(cv2.imread(str(FACES / "img29.jpg")), models)


def verdict(frame: np.ndarray, models, settings: QualitySettings | None = None):
    return assess(frame, find_faces(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), models), settings)


def test_a_frontal_well_lit_face_is_usable_and_measured(portrait, models):
    v = verdict(synth.render(portrait), models)
    assert v.ok and v.guidance == "ok" and GUIDANCE[v.guidance] == ""
    assert v.face is not None and 150 <= v.face.width <= 220
    assert abs(v.measures.yaw) < 0.3 and abs(v.measures.roll) < 5
    assert v.numbers["sharpness"] > 0.095 and 55 < v.numbers["brightness"] < 215


def test_an_empty_frame_asks_the_resident_to_look_at_the_screen(models):
    assert verdict(synth.backdrop(), models).guidance == "no_face"


def test_a_small_face_is_told_to_come_closer(models):
    far = synth.place(cv2.imread(str(FACES / "img29.jpg")), models, iod=42)
    v = verdict(far.image, models)
    assert v.face is not None and v.face.width < 120
    assert v.guidance == "move_closer"


def test_a_face_filling_the_frame_is_told_to_move_back(models):
    near = synth.place(cv2.imread(str(FACES / "img29.jpg")), models, size=(360, 480), iod=125)
    v = verdict(near.image, models)
    assert v.face is not None and v.face.width > 0.7 * 360
    assert v.guidance == "move_back"


def test_a_face_at_the_edge_is_told_to_move_to_the_middle(portrait, models):
    shifted = cv2.warpAffine(portrait.image, np.float32([[1, 0, 250], [0, 1, 0]]), (640, 480),
                             borderMode=cv2.BORDER_REPLICATE)  # fmt: skip
    assert verdict(shifted, models).guidance == "centre"


def test_a_turned_head_is_told_to_look_at_the_screen(portrait, models):
    v = verdict(synth.render(portrait, yaw=40), models)
    assert v.face is not None and v.measures.yaw > 0.4
    assert v.guidance == "look_at_screen"


def test_dark_and_overexposed_faces_get_light_guidance(portrait, models):
    frame = synth.render(portrait)
    assert verdict((frame * 0.25).astype(np.uint8), models).guidance == "more_light"
    bright = np.clip(frame.astype(np.float32) * 0.35 + 190, 0, 255).astype(np.uint8)
    assert verdict(bright, models).guidance == "too_bright"


def test_a_motion_blurred_face_is_told_to_hold_still(portrait, models):
    kernel = np.zeros((21, 21), np.float32)
    kernel[10, :] = 1 / 21
    v = verdict(cv2.filter2D(synth.render(portrait), -1, kernel), models)
    assert v.guidance == "hold_still" and v.numbers["sharpness"] < 0.095


def test_two_people_in_front_of_the_camera_are_told_only_one(models):
    a = synth.place(cv2.imread(str(FACES / "img29.jpg")), models, size=(320, 480), iod=60).image
    b = synth.place(cv2.imread(str(FACES / "obama_obama.jpg")), models, size=(320, 480), iod=60).image
    v = verdict(np.hstack([a, b]), models)
    assert v.guidance == "several_faces"


def test_measures_follow_a_turn_a_nod_and_a_blink(portrait, models):
    def measured(**pose):
        frame = synth.render(portrait, **pose)
        return measure(find_faces(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), models)[0].points)

    still = measured()
    assert measured(yaw=20).yaw > still.yaw + 0.15  # the resident turned to their left: nose to the image's right
    assert measured(yaw=-20).yaw < still.yaw - 0.15
    assert measured(pitch=15).pitch > still.pitch + 0.04
    assert measured(blink=1.0).ear < 0.65 * still.ear
