"""The verifier end to end on synthetic camera frames with the real models: a cooperative resident is verified
against a chip photo made from another photo of them; a printed photo, a phone replay, another person and a
swap after the challenge are not; guidance comes first; everything is wiped."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.config import FaceConfig
from kiosk.face import synth
from kiosk.face.liveness import CHALLENGES, LivenessSettings, pick_challenge
from kiosk.face.matcher import DEFAULT_THRESHOLD
from kiosk.face.verify import REASONS, FaceVerifier, Phase, VerifierSettings, settings_from_config

FACES = Path(__file__).resolve().parents[3] / "shared" / "data" / "faces" / "images"
FPS = 15.0
SETTINGS = VerifierSettings(liveness=LivenessSettings(time_limit=4.0))


@pytest.fixture(scope="module")
def portraits(models):
    return {n: synth.place(cv2.imread(str(FACES / n)), models) for n in ("img6.jpg", "img8.jpg")}


def run(verifier: FaceVerifier, subject: synth.Scripted, limit: float = 12.0):
    """Feed the subject's frames at 15 fps (simulated time) until a result; (result, updates)."""
    updates, t = [], 0.0
    while t < limit:
        update = verifier.feed(subject.frame(t), t)
        updates.append(update)
        if update.phase is Phase.CHALLENGE and subject.challenge is None:
            subject.respond(update.challenge, t)
        if update.result is not None:
            return update.result, updates
        t += 1 / FPS
    raise AssertionError("no result")


def fresh(reference):
    """A copy of the reference (a verifier's wipe zeroes the one it holds)."""
    return replace(reference, encoding=reference.encoding.copy())


def test_a_cooperative_resident_is_verified_against_an_older_photo(reference, portraits, models):
    rng_seed = 5
    verifier = FaceVerifier(fresh(reference), SETTINGS, random.Random(rng_seed), models)
    result, updates = run(verifier, synth.Resident(portraits["img6.jpg"], seed=1))
    assert result.verified and result.reason == "verified" and result.match and result.liveness == "live"
    assert result.challenge == pick_challenge(random.Random(rng_seed), CHALLENGES)
    assert result.distance < result.threshold == DEFAULT_THRESHOLD
    assert result.frames == SETTINGS.frames + 1  # three before the challenge, one confirming after it
    assert result.challenge_seconds < 6.0
    phases = [u.phase for u in updates]
    assert phases[0] is Phase.POSITIONING and Phase.CHALLENGE in phases and phases[-1] is Phase.DONE
    challenge_updates = [u for u in updates if u.phase is Phase.CHALLENGE]
    assert all(u.guidance == result.challenge and u.remaining <= 4.0 for u in challenge_updates)
    assert max(u.progress for u in challenge_updates) > 0.5
    record = result.as_json()
    assert set(record) == {"verified", "reason", "match", "distance", "threshold", "challenge", "liveness", "frames",
                           "seconds", "challenge_seconds"}  # fmt: skip
    assert all(isinstance(v, str | int | float | bool) for v in record.values())  # nothing biometric


def test_a_printed_photo_of_the_resident_is_refused(reference, portraits, models):
    settings = replace(SETTINGS, challenges=("turn_right",), liveness=LivenessSettings(time_limit=3.0))
    verifier = FaceVerifier(fresh(reference), settings, random.Random(0), models)
    result, _ = run(verifier, synth.PhotoAttack(synth.render(portraits["img6.jpg"]), seed=4))
    assert not result.verified
    assert result.match  # it is their face ...
    assert result.reason in ("not_live", "timeout") and result.liveness in ("flat", "still", "not_done")


def test_a_phone_replaying_an_obedient_video_is_refused_for_its_screen(reference, portraits, models):
    settings = replace(SETTINGS, challenges=("nod",), liveness=LivenessSettings(time_limit=2.5))
    verifier = FaceVerifier(fresh(reference), settings, random.Random(0), models)
    result, _ = run(verifier, synth.ScreenReplay(synth.Resident(portraits["img6.jpg"], seed=2)))
    assert not result.verified and result.reason == "screen" and result.liveness == "screen"


def test_another_person_who_does_the_challenge_does_not_match(reference, portraits, models):
    verifier = FaceVerifier(fresh(reference), replace(SETTINGS, challenges=("turn_left",)), random.Random(0), models)
    result, _ = run(verifier, synth.Resident(portraits["img8.jpg"], seed=1))
    assert not result.verified and result.reason == "no_match" and not result.match
    assert result.liveness == "live" and result.distance > DEFAULT_THRESHOLD


def test_somebody_else_stepping_in_after_the_challenge_is_caught(reference, portraits, models):
    class Swap(synth.Resident):
        """The resident does the challenge, then another person takes their place."""

        def frame(self, t):
            if self.challenge is not None and t > self.challenge_at + 2.0:
                return synth.render(portraits["img8.jpg"])
            return super().frame(t)

    verifier = FaceVerifier(fresh(reference), replace(SETTINGS, challenges=("nod",)), random.Random(0), models)
    subject = Swap(portraits["img6.jpg"], seed=1, reaction=1.6)  # the swap comes as the nod ends
    result, _ = run(verifier, subject)
    assert not result.verified and result.reason == "face_changed"


def test_an_accomplice_doing_the_movement_for_a_photo_is_caught(reference, portraits, models):
    class Accomplice(synth.Scripted):
        """A printed photo of the resident for the comparing; for the movement, a quick swap (out of view for a
        moment) to another person who turns, then straight back to the photo for the confirmation."""

        def __init__(self):
            super().__init__(seed=3)
            self.photo = synth.PhotoAttack(synth.render(portraits["img6.jpg"]), seed=3)
            self.other = synth.Resident(portraits["img8.jpg"], seed=3, reaction=0.9)

        def respond(self, challenge, at):
            super().respond(challenge, at)
            self.other.respond(challenge, at)

        def frame(self, t):
            since = t - self.challenge_at if self.challenge else -1.0
            if 0.4 <= since < 0.7 or 1.25 <= since < 1.55:
                return synth.backdrop()
            if 0.7 <= since < 1.25:  # gone the frame after the turn is complete (1.2 s)
                return self.other.frame(t)
            return self.photo.frame(t)

    settings = replace(SETTINGS, challenges=("turn_left",))
    result, _ = run(FaceVerifier(fresh(reference), settings, random.Random(0), models), Accomplice())
    assert not result.verified and result.reason == "face_changed"
    assert result.match  # what was compared before and after the movement was the resident's photo
    # It is the check of the face that did the movement that stops it: without it, the attack would pass.
    unchecked = replace(settings, action_continuity=10.0)
    result, _ = run(FaceVerifier(fresh(reference), unchecked, random.Random(0), models), Accomplice())
    assert result.verified


def test_a_face_gone_for_more_than_a_second_during_the_challenge_ends_the_attempt(reference, portraits, models):
    class Away(synth.Resident):
        def frame(self, t):
            if self.challenge is not None and 0.3 <= t - self.challenge_at < 1.6:
                return synth.backdrop()
            return super().frame(t)

    verifier = FaceVerifier(fresh(reference), replace(SETTINGS, challenges=("nod",)), random.Random(0), models)
    result, _ = run(verifier, Away(portraits["img6.jpg"], seed=1, reaction=2.0))
    assert not result.verified and result.reason == "face_changed"


def test_guidance_comes_before_any_challenge_and_wipe_zeroes_everything(reference, portraits, models):
    class Late(synth.Resident):
        """Nobody for half a second, then a resident too far away, then in place."""

        def frame(self, t):
            if t < 0.5:
                return synth.backdrop()
            if t < 1.0:
                return cv2.resize(super().frame(t), None, fx=0.5, fy=0.5)
            return super().frame(t)

    ref = fresh(reference)
    verifier = FaceVerifier(ref, SETTINGS, random.Random(0), models)
    result, updates = run(verifier, Late(portraits["img6.jpg"], seed=1))
    assert [u.guidance for u in updates[:3]] == ["no_face"] * 3
    assert "move_closer" in [u.guidance for u in updates[:16]]
    assert result.verified and set(REASONS) >= {u.result.reason for u in updates if u.result}
    # The end of the session: every descriptor and landmark is zeroed.
    held = list(verifier.encodings)
    anchor = verifier.tracker.anchor
    assert result.verified and held and anchor is not None and anchor.any()
    verifier.wipe(keep_reference=True)
    assert not any(e.any() for e in held) and not anchor.any() and verifier.encodings == []
    assert ref.encoding.any()  # kept for the session's next attempt
    verifier.wipe()
    assert not ref.encoding.any() and verifier.result is result  # the decision stays: it holds nothing biometric


def test_settings_follow_the_face_config():
    face = FaceConfig(threshold=0.55, liveness_seconds=7, challenges=("blink", "nod"), frames=5, min_face_px=120)
    s = settings_from_config(face)
    assert (s.threshold, s.frames, s.challenges) == (0.55, 5, ("blink", "nod"))
    assert s.liveness.time_limit == 7.0 and s.quality.min_face_px == 120
    assert settings_from_config(FaceConfig()).threshold == DEFAULT_THRESHOLD
    assert np.isclose(VerifierSettings().threshold, FaceConfig().threshold)
