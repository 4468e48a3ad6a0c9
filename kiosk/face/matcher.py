"""Comparing live faces with the reference: descriptors, resolution matching, and the decision over frames.

Resolution matching: a chip photo's face is about 54 pixels wide, a live face 150-250. Comparing the two as they
are asks the network to bridge the gap in detail; blurring the live face down to the reference's level of detail
first (a Gaussian of half the size ratio, the anti-alias filter of that downscale) brings the same person's
descriptors closer together more than it brings different people's (bench/face.py measures both ways).
Several live frames are described and their descriptors averaged before the one comparison with the threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.face.descriptor import describe
from kiosk.face.landmarks import Face
from kiosk.face.models import FaceModels
from kiosk.face.reference import Reference

FACE_RECOGNITION_TOLERANCE = 0.6  # face_recognition's default
# Chosen by bench/face.py's calibration for FMR <= 0.1 % (chip-style references against other live photos of
# the shared faces); kiosk.config's face.threshold default is the same number, and a deployment recalibrates.
DEFAULT_THRESHOLD = 0.59


@dataclass(frozen=True)
class MatchSettings:
    """How live faces are described."""

    jitters: int = 1  # each jitter is another pass of the network (about 75 ms here)
    resolution_matching: bool = True
    min_blur_ratio: float = 1.25  # live faces less than this many times wider than the reference's stay as they are


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """Euclidean distance between two descriptors (dlib's metric: same person under about 0.6)."""
    return float(np.linalg.norm(np.asarray(a, np.float64) - np.asarray(b, np.float64)))


def matched_resolution(rgb: np.ndarray, face: Face, reference_width: float, settings: MatchSettings) -> np.ndarray:
    """The frame with the face's surroundings blurred to the reference's level of detail (a copy; or the frame
    itself when no blur is needed)."""
    if not settings.resolution_matching or reference_width <= 0:
        return rgb
    ratio = face.width / reference_width
    if ratio < settings.min_blur_ratio:
        return rgb
    sigma = 0.5 * ratio
    h, w = rgb.shape[:2]
    pad = int(0.6 * face.width + 3 * sigma)
    x0, y0 = max(face.box[0] - pad, 0), max(face.box[1] - pad, 0)
    x1, y1 = min(face.box[2] + pad, w), min(face.box[3] + pad, h)
    out = rgb.copy()
    out[y0:y1, x0:x1] = cv2.GaussianBlur(rgb[y0:y1, x0:x1], (0, 0), sigma)
    return out


def encode_live(
    rgb: np.ndarray, face: Face, models: FaceModels, reference: Reference | None, settings: MatchSettings | None = None
) -> np.ndarray:
    """The descriptor of a live face, brought to the reference's level of detail first."""
    s = settings or MatchSettings()
    work = matched_resolution(rgb, face, reference.face_width if reference else 0.0, s)
    return describe(work, face, models, s.jitters)


@dataclass(frozen=True)
class Decision:
    """The comparison's outcome: the averaged descriptor's distance against the threshold."""

    match: bool
    distance: float
    threshold: float
    frames: int
    closest_frame: float  # the smallest single-frame distance, for the record


def decide(reference: Reference, encodings: Sequence[np.ndarray], threshold: float) -> Decision:
    """Average the live descriptors and compare the mean with the reference."""
    if not encodings:
        raise ValueError("no live descriptors to compare")
    mean = np.mean(np.stack(encodings), axis=0)
    d = distance(mean, reference.encoding)
    closest = min(distance(e, reference.encoding) for e in encodings)
    return Decision(d <= threshold, d, threshold, len(encodings), closest)
