"""Registering a licence on its printed frame: an outline a few millimetres off is moved back onto the sheet,
a side whose frame cannot be seen keeps the outline's side, and something that is not a licence is left alone."""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.ocr import register
from kiosk.ocr.synth.dataset import make_sample


def licence_photo(seed: int = 1003, tier: str = "camera"):
    sample = make_sample("business_license", tier, seed)
    return cv2.imdecode(np.frombuffer(sample.encoded, np.uint8), cv2.IMREAD_COLOR), sample.corners


def px_per_mm(corners: np.ndarray) -> float:
    return float(np.linalg.norm(corners[1] - corners[0])) / 297.0


def test_sides_several_millimetres_off_go_back_onto_the_sheet():
    image, truth = licence_photo()
    mm = px_per_mm(truth)
    off = truth.copy()
    off[0] += (-9 * mm, -6 * mm)  # the top-left corner out onto the desk
    off[1] += (0, 10 * mm)  # the top-right corner down into the print
    out, found = register.register_licence(image, off)
    assert found == 4
    assert np.abs(out - truth).max() < 1.5 * mm  # within a millimetre or so, from up to 11 mm off


def test_a_right_outline_stays_right():
    image, truth = licence_photo(1005, "scan")
    out, found = register.register_licence(image, truth)
    assert found >= 3 and np.abs(out - truth).max() < 0.6 * px_per_mm(truth)


def test_where_the_frame_is_hidden_the_outline_keeps_its_side():
    image, truth = licence_photo()
    mm = px_per_mm(truth)
    covered = image.copy()
    # A broad dark band (a sleeve) over the whole top margin and frame.
    top = np.array([truth[0], truth[1], truth[1] + (0, 22 * mm), truth[0] + (0, 22 * mm)], np.int32)
    cv2.fillPoly(covered, [top], (40, 40, 45))
    out, found = register.register_licence(covered, truth)
    assert found == 3
    assert np.abs(out - truth).max() < 1.0 * mm


def test_an_image_without_a_frame_is_left_as_it_was():
    rng = np.random.default_rng(5)
    blank = np.clip(rng.normal(200, 20, (960, 1280, 3)), 0, 255).astype(np.uint8)
    corners = np.array([[200, 150], [1080, 150], [1080, 780], [200, 780]], np.float32)
    out, found = register.register_licence(blank, corners)
    assert found == 0 and np.array_equal(out, corners)


def test_the_frame_profile_has_its_rules_where_the_licence_prints_them():
    profile = register.frame_profile(0.25)
    dips = np.flatnonzero(profile < 0.7)
    at_mm = 4.0 + dips * 0.25
    assert at_mm.min() == 7.0 and 14.0 <= at_mm.max() <= 15.4
