"""Liveness on real landmarks: synthetic residents who really blink, turn and nod pass their challenge; a printed
photo moved as a rigid sheet (even tilted to imitate the challenge), a still photo and a phone screen do not."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.face import synth
from kiosk.face.landmarks import find_faces, measure
from kiosk.face.liveness import (
    CHALLENGES,
    ChallengeTracker,
    LivenessSettings,
    MotionCheck,
    Status,
    face_aspect,
    lid_shift,
    parallax,
    pick_challenge,
)
from kiosk.face.models import load_models
from kiosk.face.screen import screen_cues

FACES = Path(__file__).resolve().parents[3] / "shared" / "data" / "faces" / "images"
FPS = 15.0


@pytest.fixture(scope="module")
def models():
    return load_models()


@pytest.fixture(scope="module")
def portraits(models):
    # Small frames keep the suite fast; the face is still 130 px wide, as a resident at arm's length.
    return {
        n: synth.place(cv2.imread(str(FACES / n)), models, (480, 360), 54) for n in ("img29.jpg", "obama_obama.jpg")
    }


def points(frame: np.ndarray, models) -> np.ndarray | None:
    faces = find_faces(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), models)
    return faces[0].points if faces else None


def track(subject: synth.Scripted, challenge: str, models, limit: float = 3.0, settings=None):
    """Show the challenge at t=0 and follow the subject's frames until the tracker decides; (tracker, motion)."""
    tracker = ChallengeTracker(challenge, 0.0, settings or LivenessSettings(time_limit=limit))
    motion = MotionCheck()
    subject.respond(challenge, 0.0)
    t = 0.0
    while tracker.status is Status.ACTING:
        found = points(subject.frame(t), models)
        if found is not None:
            motion.add(found)
        tracker.feed(found, t)
        t += 1 / FPS
    return tracker, motion


def test_challenges_are_drawn_by_the_given_rng_from_the_allowed_ones():
    draws = [pick_challenge(random.Random(seed)) for seed in range(40)]
    assert set(draws) == set(CHALLENGES)
    assert draws == [pick_challenge(random.Random(seed)) for seed in range(40)]
    assert pick_challenge(random.Random(1), ("nod", "sneeze")) == "nod"
    with pytest.raises(ValueError):
        pick_challenge(random.Random(1), ("sneeze",))


@pytest.mark.parametrize(("name", "challenge"), [*(("img29.jpg", c) for c in CHALLENGES), ("obama_obama.jpg", "blink")])
def test_a_cooperative_resident_passes_each_challenge(portraits, models, name, challenge):
    tracker, motion = track(synth.Resident(portraits[name], seed=2), challenge, models)
    assert tracker.status is Status.PASSED and tracker.progress == 1.0
    assert motion.verdict(LivenessSettings()) == "live"
    if challenge != "blink":
        assert tracker.peak_parallax >= LivenessSettings().parallax  # the nose left the plane: a head
    else:
        assert tracker.peak_lid_shift >= LivenessSettings().lid_shift


@pytest.mark.parametrize("challenge", CHALLENGES)
def test_a_printed_photo_tilted_to_imitate_the_challenge_fails(portraits, models, challenge):
    attack = synth.PhotoAttack(synth.render(portraits["img29.jpg"]), seed=2)
    tracker, motion = track(attack, challenge, models, limit=2.5)  # the sheet is back by 2.2 s
    assert tracker.status is Status.TIMED_OUT
    assert motion.motion > LivenessSettings().min_motion  # it did move ...
    assert motion.verdict(LivenessSettings()) == "flat"  # ... but only ever as one plane


def test_a_still_photo_neither_passes_nor_moves(portraits, models):
    still = synth.PhotoAttack(synth.render(portraits["obama_obama.jpg"]), seed=1, still=True)
    tracker, motion = track(still, "turn_left", models, limit=1.5)
    assert tracker.status is Status.TIMED_OUT
    assert motion.verdict(LivenessSettings()) == "still"


def test_a_head_turn_leaves_the_plane_a_turned_sheet_does_not(portraits, models):
    portrait = portraits["img29.jpg"]
    anchor = points(synth.render(portrait), models)
    head = points(synth.render(portrait, yaw=20), models)
    attack = synth.PhotoAttack(synth.render(portrait), seed=0, still=True)
    sheet_anchor = points(attack.frame(0.0), models)
    attack.still = False
    attack.respond("turn_left", -attack.reaction - 1.0)  # fully turned: 35 degrees
    sheet = points(attack.frame(0.0), models)
    assert parallax(anchor, head) > 0.035 > parallax(sheet_anchor, sheet)
    assert measure(head).yaw - measure(anchor).yaw > 0.15  # the head turned enough ...
    assert abs(measure(sheet).yaw - measure(sheet_anchor).yaw) < 0.15  # ... a turned sheet reads as no turn


def test_a_sheet_tilted_back_squashes_the_eyes_without_closing_them(portraits, models):
    portrait = portraits["img29.jpg"]
    attack = synth.PhotoAttack(synth.render(portrait), seed=0, still=True)
    anchor = points(attack.frame(0.0), models)
    tilted = synth.PhotoAttack(synth.render(portrait), seed=0)
    tilted.respond("blink", -tilted.reaction - 0.15)  # at the fully tilted moment of its fake blink
    squashed = points(tilted.frame(0.0), models)
    assert measure(squashed).ear < 0.8 * measure(anchor).ear  # a plain eye-aspect test would be fooled
    assert face_aspect(squashed) < face_aspect(anchor)  # but the whole face was squashed with them
    assert lid_shift(anchor, squashed) < LivenessSettings().lid_shift
    blink = points(synth.render(portrait, blink=1.0), models)
    assert lid_shift(points(synth.render(portrait), models), blink) > LivenessSettings().lid_shift


def test_a_mirrored_camera_swaps_left_and_right(portraits, models):
    class Mirrored(synth.Resident):
        def frame(self, t):
            return cv2.flip(super().frame(t), 1)

    settings = LivenessSettings(time_limit=3.0, mirrored=True)
    tracker, _ = track(Mirrored(portraits["img29.jpg"], seed=1), "turn_right", models, settings=settings)
    assert tracker.status is Status.PASSED
    wrong = LivenessSettings(time_limit=1.8)  # the turn is full from 1.25 s to 1.75 s
    tracker, _ = track(Mirrored(portraits["img29.jpg"], seed=1), "turn_right", models, settings=wrong)
    assert tracker.status is Status.TIMED_OUT


def test_a_face_shown_on_a_phone_screen_shows_moire(models):
    for name in ("img29.jpg", "obama_obama.jpg"):
        portrait = synth.place(cv2.imread(str(FACES / name)), models)  # the camera's 640x480
        frame = synth.Resident(portrait, seed=3).frame(0.0)
        for shown, expected in ((frame, False), (synth.on_screen(frame), True)):
            jpeg = cv2.imdecode(cv2.imencode(".jpg", shown, [cv2.IMWRITE_JPEG_QUALITY, 90])[1], cv2.IMREAD_COLOR)
            face = find_faces(cv2.cvtColor(jpeg, cv2.COLOR_BGR2RGB), models)[0]
            assert screen_cues(jpeg, face).screen is expected
