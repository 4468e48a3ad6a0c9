"""The session's face flow without Qt: reference, attempts up to three, the outcome kept, and the wipe."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from kiosk.face.models import load_models
from kiosk.face.reference import chip_style
from kiosk.face.verify import Result
from kiosk.flows.face import MAX_TRIES, FaceFlow, chip_photo_reference
from kiosk.session import Screen, Session

PHOTO = Path(__file__).resolve().parents[3] / "shared" / "data" / "faces" / "images" / "img1.jpg"


@pytest.fixture(scope="module")
def chip():
    return chip_style(cv2.imread(str(PHOTO)), load_models())


def failed(reason: str = "not_live") -> Result:
    return Result(False, reason, True, 0.3, 0.5, "blink", "flat", 3, 4.0, None)


def test_three_failed_attempts_exhaust_the_flow_and_the_outcome_holds_nothing_biometric(chip):
    flow = FaceFlow()
    generation = flow.start()
    assert flow.phase == "waiting_card"
    reference = chip_photo_reference(chip)
    assert flow.set_reference(reference, "chip", generation)
    for attempt in range(1, MAX_TRIES + 1):
        verifier = flow.begin_attempt()
        assert verifier.reference is reference and flow.tries == attempt
        outcome = flow.finish(failed())
        assert not outcome.verified and flow.verifier is None
        assert reference.encoding.any()  # kept for the next attempt
    assert flow.phase == "exhausted" and flow.tries_left == 0
    with pytest.raises(RuntimeError):
        flow.begin_attempt()
    assert set(vars(flow.outcome)) == {
        "verified", "reason", "source", "tries", "distance", "threshold", "challenge", "liveness"
    }  # fmt: skip
    flow.wipe()
    assert not reference.encoding.any() and flow.reference is None and flow.outcome is None


def test_a_late_reference_for_an_abandoned_attempt_is_wiped_not_kept(chip):
    flow = FaceFlow()
    generation = flow.start()
    flow.abandon()  # the resident left while the photo was being prepared
    reference = chip_photo_reference(chip)
    assert not flow.set_reference(reference, "chip", generation)
    assert not reference.encoding.any() and flow.reference is None


def test_the_face_screen_is_reached_from_an_item_and_leaving_it_drops_the_attempt(chip):
    session = Session()
    session.go("start")
    session.open_module("search")
    session.go("open_item", item_id="x")
    session.go("verify_face")
    assert session.screen == Screen.FACE
    flow = session.data.face
    flow.set_reference(chip_photo_reference(chip), "chip", flow.start())
    flow.begin_attempt()
    session.go("back")
    assert session.screen == Screen.ITEM and flow.verifier is None and flow.tries == 1
    session.end("finish")
    assert session.data.face.reference is None
