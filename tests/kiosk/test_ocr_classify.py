"""Telling the kind and the way up of a found document: synth photographs (camera and hard tiers), turned a half
turn, and things that are none of the kinds (a blank sheet, a page of text).

reader.classify weighs the layouts' visual evidence (portrait, blue labels, emblem, QR code, seal) and reads the
printed landmark words, and where those read poorly a code that settles it (ID number, validity, QR code).
"""

from __future__ import annotations

import time

import cv2
import numpy as np
import pytest

from kiosk.ocr import detect, engines, reader
from kiosk.ocr.layouts import LAYOUTS
from kiosk.ocr.synth import dataset

KINDS = ("id_card_front", "id_card_back", "business_license")

pytestmark = pytest.mark.skipif(
    engines.available_engines().get("rapidocr") is not True, reason="classification reads landmarks with RapidOCR"
)


def same_way_up(upright: np.ndarray, frame: np.ndarray, corners: np.ndarray, kind: str) -> bool:
    """Whether `upright` shows the document as the true corners rectify it, rather than a half turn round."""
    truth = detect.rectify(frame, corners, LAYOUTS[kind].size)
    a, b = (cv2.resize(cv2.cvtColor(x, cv2.COLOR_BGR2GRAY), (64, 40)).astype(float).ravel() for x in (upright, truth))
    turned = cv2.resize(cv2.cvtColor(truth[::-1, ::-1], cv2.COLOR_BGR2GRAY), (64, 40)).astype(float).ravel()
    return np.corrcoef(a, b)[0, 1] > np.corrcoef(a, turned)[0, 1]


@pytest.fixture(scope="module")
def camera_samples() -> list:
    return [(kind, dataset.make_sample(kind, "camera", seed)) for kind in KINDS for seed in (1000, 1001)]


def test_camera_photographs(camera_samples):
    times = []
    for kind, sample in camera_samples:
        found = detect.find_document(sample.image)
        started = time.perf_counter()
        got, upright, score = reader.classify(sample.image, found)
        times.append((time.perf_counter() - started) * 1000)
        assert (got, score >= 0.5) == (kind, True), (kind, got, score)
        assert same_way_up(upright, sample.image, sample.corners, kind), kind
    print(f"classify on camera photographs: median {np.median(times):.0f} ms, worst {max(times):.0f} ms")  # bench/ocr


def test_upside_down(camera_samples):
    for kind, sample in camera_samples[::2]:
        image = cv2.rotate(sample.image, cv2.ROTATE_180)
        h, w = image.shape[:2]
        corners = np.float32([w - 1, h - 1]) - sample.corners  # the same corners, turned with the picture
        got, upright, score = reader.classify(image, detect.find_document(image))
        assert (got, score >= 0.5) == (kind, True), (kind, got, score)
        assert same_way_up(upright, image, corners, kind), kind


@pytest.mark.parametrize(("kind", "seed"), [("id_card_front", 1000), ("id_card_front", 1007), ("id_card_back", 1001)])
def test_faint_landmarks_in_hard_photographs(kind, seed):
    # Dim pictures where the front's blue 公民身份号码 barely reads: the portrait, and the ID number read with
    # its check digit, settle it.
    sample = dataset.make_sample(kind, "hard", seed)
    found = detect.find_document(sample.image)
    got, upright, score = reader.classify(sample.image, found)
    assert (got, score >= 0.5) == (kind, True), (got, score)
    assert same_way_up(upright, sample.image, sample.corners, kind)


def test_what_is_none_of_the_kinds_is_not_claimed():
    rng = np.random.default_rng(5)
    desk = np.full((960, 1280, 3), (70, 95, 130), np.uint8)
    corners = np.float32([[300, 250], [1000, 260], [990, 700], [310, 690]])
    blank = desk.copy()
    cv2.fillPoly(blank, [corners.astype(np.int32)], (236, 238, 238))
    text = blank.copy()
    for y in range(290, 670, 22):  # a page of text, as the desks' sheets have
        x = 340
        while x < 900:
            word = int(rng.integers(20, 70))
            cv2.line(text, (x, y), (x + word, y), (110, 105, 100), 2)
            x += word + 12
    for page in (blank, text):
        page = np.clip(page + rng.normal(0, 3, page.shape), 0, 255).astype(np.uint8)
        for aspect in ("card", "a4"):
            kind, _, score = reader.classify(page, detect.Quad(corners, aspect, 1.0))
            assert score < 0.5, (aspect, kind, score)
        assert reader.classify(page, None)[2] < 0.5


def test_the_other_side_of_the_card_is_reported_as_such():
    import cv2
    import numpy as np

    from kiosk.ocr.reader import extract
    from kiosk.ocr.synth.dataset import make_sample

    back = make_sample("id_card_back", "camera", 21)
    result = extract(cv2.imdecode(np.frombuffer(back.encoded, np.uint8), cv2.IMREAD_COLOR), "id_card_front")
    assert result.kind == "id_card_back" and "wrong_side" in result.warnings
    licence = make_sample("business_license", "scan", 22)
    result = extract(cv2.imdecode(np.frombuffer(licence.encoded, np.uint8), cv2.IMREAD_COLOR), "id_card_front")
    assert result.kind == "business_license" and "wrong_document" in result.warnings
