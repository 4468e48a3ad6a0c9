"""Passive cues that the face is shown on a screen or printed on glossy paper: moiré and glare on the face.

Moiré: a camera looking at a display resamples its sub-pixel grid into a fine periodic pattern, a sharp peak in
the spectrum of the face's skin at periods of 2 to 8 pixels, most of all in red minus blue (the sub-pixels take
turns). Skin and hair have no such peak; JPEG's 8x8 blocks do, at known frequencies, and are left out.
Glare: a blown-out, colourless patch on the face (light on glass or gloss); skin's own highlights are small.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.face.landmarks import Face
from kiosk.spectrum import periodic_peak


@dataclass(frozen=True)
class ScreenSettings:
    """Where the cues start (set on the shared faces through the simulated camera and on simulated replays)."""

    moire_peak: float = 4.5  # log power of the strongest fine-pattern peak over its surroundings
    glare_share: float = 0.15  # blown-out share of the face that reads as glare (skin's highlights stay under 0.09)


@dataclass(frozen=True)
class ScreenCues:
    """One frame's cues: moiré peak strength, glare share of the face, whether either crosses its line, and whether
    the moiré could be looked for at all (a face big enough)."""

    moire: float
    glare: float
    screen: bool
    measured: bool = True


def face_patch(frame: np.ndarray, face: Face, n: int = 64) -> np.ndarray | None:
    """An n x n patch of the face's middle (eye corners to lower lip) at the camera's own resolution, or None when
    the face is too small (under about 120 pixels wide; smaller patches show too little of a pattern to tell)."""
    pts = face.points
    x0, x1 = pts[36, 0], pts[45, 0]
    y0, y1 = pts[[37, 44], 1].min(), pts[57, 1]
    side = int(min(x1 - x0, y1 - y0))
    if side < n:
        return None
    cx, cy = int((x0 + x1) / 2), int((y0 + y1) / 2)
    top, left = cy - n // 2, cx - n // 2
    if top < 0 or left < 0 or top + n > frame.shape[0] or left + n > frame.shape[1]:
        return None
    return frame[top : top + n, left : left + n]


def glare_share(frame: np.ndarray, face: Face) -> float:
    """Share of the face (inside its outline: jaw and brows) that is blown out and colourless."""
    h, w = frame.shape[:2]
    x0, y0 = np.clip(np.floor(face.points.min(axis=0)).astype(int), 0, [w, h])
    x1, y1 = np.clip(np.ceil(face.points.max(axis=0)).astype(int) + 1, 0, [w, h])
    if x1 - x0 < 8 or y1 - y0 < 8:
        return 0.0
    mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
    hull = cv2.convexHull(np.round(face.points[:27] - (x0, y0)).astype(np.int32))
    cv2.fillConvexPoly(mask, hull, 1)
    hsv = cv2.cvtColor(frame[y0:y1, x0:x1], cv2.COLOR_BGR2HSV)
    blown = (hsv[..., 2] >= 245) & (hsv[..., 1] <= 40) & (mask > 0)
    return float(blown.sum() / max(int(mask.sum()), 1))


def screen_cues(frame: np.ndarray, face: Face, settings: ScreenSettings | None = None) -> ScreenCues:
    """Moiré and glare on one frame's face."""
    s = settings or ScreenSettings()
    patch = face_patch(frame, face)
    moire = 0.0
    if patch is not None:
        p = patch.astype(np.float32)
        moire = max(periodic_peak(p.mean(axis=2), 2), periodic_peak(p[..., 2] - p[..., 0], 2))
    glare = glare_share(frame, face)
    return ScreenCues(moire, glare, moire > s.moire_peak or glare > s.glare_share, patch is not None)
