"""Registering a business licence on its printed frame, so fields are read from where they are printed.

The outline a detector finds can be several millimetres off where the sheet's edge is hard to see: another
white sheet over it, a white desk, overexposure, a shadow. The 2019 licence prints a frame at known places (an
outer rule 7 mm inside the sheet's edge, a tinted band of line work, a pair of rules at 14 and 15.2 mm): each
side of that frame is found by matching its cross-section at many places along the side, a line is fitted
through the matches robustly (clutter, glare and a pen spoil a few), and the four lines give the sheet's corners.
A side whose frame cannot be found keeps the outline's side.
"""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.ocr.detect_paper import FRAME_MARGIN_MM

SHEET_MM = (297.0, 210.0)
PX_PER_MM = 4.0  # enough to see the 1.2 mm pair of inner rules apart, cheap to warp
SEARCH_MM = 24.0  # how far a side of the outline may be off
SEGMENTS = 18  # matches per side
MIN_SCORE = 0.5  # normalised cross-correlation a match must reach to count
# A side is found when enough matches lie on one line and match well on average: a few clear matches, or many
# fainter ones (overexposure washes the frame out, but a dozen matches in a row are no accident). A shadow's
# ramp or a pen's edge matches faintly and, lying straight, may line up: that is why few faint ones never count.
ACCEPT = ((8, 0.68), (14, 0.6))  # (matches on the line, their mean score)
MIN_INLIERS = min(n for n, _ in ACCEPT)
MAX_SLOPE = 0.15  # a side found may turn up to 8.5 degrees from the outline's side...
STEEP = 0.1  # ... beyond about 6 degrees only with many matches
TOLERANCE_MM = 0.6  # a match this close to the line is on it


def frame_profile(step_mm: float, band: float = 0.85) -> np.ndarray:
    """The frame's cross-section from 3 mm outside its outer rule to 4 mm inside its inner pair (1 = paper);
    `band` is the tinted band's level (1: washed out by overexposure, only the rules left)."""
    u = np.arange(FRAME_MARGIN_MM - 3.0, 19.2, step_mm)
    profile = np.ones_like(u)
    profile[(u >= 7.0) & (u <= 14.0)] = band
    for at, width, depth in ((7.0, 0.5, 0.35), (14.0, 0.35, 0.45), (15.2, 0.2, 0.65)):
        profile[np.abs(u - at - width / 2) <= max(width / 2, step_mm / 2)] = depth
    return profile.astype(np.float32)


def _normalised(x: np.ndarray) -> np.ndarray:
    x = x - x.mean(axis=-1, keepdims=True)
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-6)


def side_offsets(strips: np.ndarray, step_mm: float) -> tuple[np.ndarray, np.ndarray]:
    """For profiles taken inward across one side (rows: places along it; columns: depth in steps), the outer
    rule's depth in mm at each place and how well the frame's cross-section matched there."""
    windows = _normalised(np.lib.stride_tricks.sliding_window_view(strips, frame_profile(step_mm).size, axis=1))
    # The frame as printed, and as overexposure leaves it (the band's tint gone, the rules still there).
    scores = np.maximum(
        *(np.einsum("psn,n->ps", windows, _normalised(frame_profile(step_mm, band))) for band in (0.85, 1.0))
    )
    best = scores.argmax(axis=1)
    return best * step_mm + 3.0, scores[np.arange(len(best)), best]  # the template starts 3 mm outside the rule


def fit_line(t: np.ndarray, offset: np.ndarray, tolerance: float) -> tuple[float, float, np.ndarray] | None:
    """offset = a + b * t through the most matches (every pair tried: there are few), refitted on them."""
    best: np.ndarray | None = None
    for i in range(len(t)):
        for j in range(i + 1, len(t)):
            b = (offset[j] - offset[i]) / (t[j] - t[i])
            if abs(b) > MAX_SLOPE:
                continue
            inliers = np.abs(offset - (offset[i] + b * (t - t[i]))) <= tolerance
            if abs(b) > STEEP and inliers.sum() < max(n for n, _ in ACCEPT):
                continue
            if best is None or inliers.sum() > best.sum():
                best = inliers
    if best is None or best.sum() < MIN_INLIERS:
        return None
    b, a = np.polyfit(t[best], offset[best], 1)
    return float(a), float(b), best


def _strip(canvas: np.ndarray, k: int, centre: int, half: int, depth: np.ndarray) -> np.ndarray:
    """The canvas's grey levels inward across side k (0 top, 1 right, 2 bottom, 3 left) at `centre` pixels
    along it (clockwise), averaged over 2*half pixels along the side."""
    h, w = canvas.shape
    if k == 0:
        return canvas[depth, centre - half : centre + half].mean(axis=1)
    if k == 1:
        return canvas[centre - half : centre + half, w - 1 - depth].mean(axis=0)
    if k == 2:
        return canvas[h - 1 - depth, w - 1 - centre - half : w - 1 - centre + half].mean(axis=1)
    return canvas[h - 1 - centre - half : h - 1 - centre + half, depth].mean(axis=0)


def register_licence(frame: np.ndarray, points: np.ndarray) -> tuple[np.ndarray, int]:
    """The sheet's corners (clockwise from top-left, frame pixels) with each side moved onto the printed frame
    where it can be found, and how many sides were found; sides not found keep the outline given."""
    pts = np.asarray(points, np.float32).reshape(4, 2)
    s, m = PX_PER_MM, SEARCH_MM
    w_mm, h_mm = SHEET_MM
    if np.linalg.norm(pts[1] - pts[0]) < np.linalg.norm(pts[3] - pts[0]):
        w_mm, h_mm = h_mm, w_mm  # the outline starts on a short side: the sheet lies portrait
    size = (round((w_mm + 2 * m) * s), round((h_mm + 2 * m) * s))
    nominal = np.array([[m, m], [m + w_mm, m], [m + w_mm, m + h_mm], [m, m + h_mm]], np.float32) * s - 0.5
    to_canvas = cv2.getPerspectiveTransform(pts, nominal)
    gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    canvas = cv2.warpPerspective(gray, to_canvas, size, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)
    canvas = canvas.astype(np.float32)
    depth = np.arange(0, round((2 * m + FRAME_MARGIN_MM + 12.2) * s))
    half = round(4 * s)  # each match averages 8 mm along the side: noise and a character's strokes average out
    inward = [np.array(v, np.float64) for v in ((0, 1), (-1, 0), (0, -1), (1, 0))]
    along = [np.array(v, np.float64) for v in ((1, 0), (0, 1), (-1, 0), (0, -1))]
    lines = []  # per side: a point on the sheet's edge and its direction, in canvas pixels
    found_sides = 0
    for k in range(4):
        length = w_mm if k % 2 == 0 else h_mm
        places = np.linspace(0.08, 0.92, SEGMENTS) * length
        strips = np.array([_strip(canvas, k, round((m + t) * s), half, depth) for t in places], np.float32)
        rule_depth, scores = side_offsets(strips, 1.0 / s)
        edge = rule_depth - FRAME_MARGIN_MM - m  # where the sheet's edge is, inward of the outline's side (mm)
        good = scores >= MIN_SCORE
        a, b = 0.0, 0.0
        if good.sum() >= MIN_INLIERS:
            fitted = fit_line(places[good], edge[good], TOLERANCE_MM)
            on_line = scores[good][fitted[2]] if fitted is not None else np.zeros(0)
            if any(on_line.size >= n and on_line.mean() >= level for n, level in ACCEPT):
                a, b = fitted[0], fitted[1]  # type: ignore[index]
                found_sides += 1
        corner = nominal[k].astype(np.float64)
        p0 = corner + inward[k] * a * s
        p1 = corner + along[k] * 100 * s + inward[k] * (a + b * 100) * s
        lines.append((p0, p1 - p0))
    if not found_sides:
        return pts, 0
    corners = []
    for k in range(4):
        (p1, d1), (p2, d2) = lines[(k - 1) % 4], lines[k]
        matrix = np.array([[d1[0], -d2[0]], [d1[1], -d2[1]]])
        if abs(np.linalg.det(matrix)) < 1e-9:
            return pts, 0
        corners.append(p1 + np.linalg.solve(matrix, p2 - p1)[0] * d1)
    back = np.linalg.inv(to_canvas)
    out = cv2.perspectiveTransform(np.array(corners, np.float64)[None], back)[0].astype(np.float32)
    return out, found_sides
