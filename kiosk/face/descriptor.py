"""Face descriptors: dlib's 128-D network on the aligned face, optionally averaged over jittered copies."""

from __future__ import annotations

import cv2
import dlib
import numpy as np

from kiosk.face.landmarks import Face
from kiosk.face.models import FaceModels

JITTER_SEED = 6  # jittered copies are drawn from a fixed seed: the same photo always gives the same descriptor


def describe(rgb: np.ndarray, face: Face, models: FaceModels, jitters: int = 1) -> np.ndarray:
    """The 128-D descriptor of a face; with jitters > 1, the mean over that many slightly shifted, scaled, turned
    and mirrored copies of its aligned chip (as dlib's own jitter, but reproducible: dlib's draws from a generator
    that runs on from call to call, so the same photo would get a different descriptor each time)."""
    shape = face.shape()
    if jitters <= 1:
        return np.array(models.encoder.compute_face_descriptor(rgb, shape), np.float64)
    chip = dlib.get_face_chip(rgb, shape, 150, 0.25)  # what the network sees: 150 px, aligned, 25 % margin
    rng = np.random.default_rng(JITTER_SEED)
    copies = [chip]
    for k in range(1, jitters):
        turn = cv2.getRotationMatrix2D((75.0, 75.0), rng.uniform(-3, 3), rng.uniform(0.95, 1.05))
        turn[:, 2] += rng.uniform(-3, 3, 2)
        copy = cv2.warpAffine(chip, turn, (150, 150), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
        copies.append(np.ascontiguousarray(copy[:, ::-1] if k % 2 else copy))
    return np.array(models.encoder.compute_face_descriptor(copies), np.float64).mean(axis=0)
