"""The sheet's own edges when what was found is the business licence's printed frame, a margin inside them.

The licence's frame is a band of fine line work between rules, 7 mm inside the sheet's edges (FRAME_MARGIN_MM).
Each side steps outward over strips of paper, rule by rule, to where the sheet ends; where nothing beyond
the paper can be seen (a white desk, another sheet, overexposure) a side found on a rule moves out by the
margin instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from kiosk.ocr import detect_lines

FRAME_MARGIN_MM = 7.0  # the licence's printed frame: its outer rule lies this far inside the sheet's edges


def sheet_around_frame(points: np.ndarray) -> np.ndarray:
    """Where the sheet's corners are if `points` (clockwise, long side first) are the licence's printed frame.

    The frame's outer rule runs FRAME_MARGIN_MM inside each edge: the frame's rectangle grown by the margin in
    the document's own plane, so perspective places the margins as it does everything else.
    """
    margin = FRAME_MARGIN_MM
    fw, fh = 297.0 - 2 * margin, 210.0 - 2 * margin
    frame = np.array([[0, 0], [fw, 0], [fw, fh], [0, fh]], np.float32)
    matrix = cv2.getPerspectiveTransform(frame, np.asarray(points, np.float32).reshape(4, 2))
    sheet = np.array([[-margin, -margin], [fw + margin, -margin], [fw + margin, fh + margin], [-margin, fh + margin]])
    return cv2.perspectiveTransform(sheet.astype(np.float32)[None], matrix)[0]


def edge_beyond(gray: np.ndarray, a: np.ndarray, b: np.ndarray, reach: float) -> float | None:
    """How far outside side a-b the paper ends, if a strip of paper lies between it and something else."""
    d = b - a
    length = float(np.linalg.norm(d))
    normal = np.array([d[1], -d[0]], np.float32) / max(length, 1e-6)  # outward for clockwise corners
    t = np.linspace(0.15, 0.85, 48, dtype=np.float32)[:, None]
    offsets = np.arange(0, reach, 1.0, dtype=np.float32)
    grid = (a + t * d)[:, None, :] + offsets[None, :, None] * normal
    h, w = gray.shape[:2]
    in_image = ((grid[..., 0] >= 0) & (grid[..., 0] <= w - 1) & (grid[..., 1] >= 0) & (grid[..., 1] <= h - 1)).mean(0)
    values = cv2.remap(gray, grid[..., 0], grid[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    profile = np.median(values, axis=0)[: int(np.argmin(in_image >= 0.5)) if in_image.min() < 0.5 else None]
    if len(profile) < 8:
        return None
    inside = float(np.median(cv2.remap(gray, *(a + t * d - 6 * normal).T[:, :, None], cv2.INTER_LINEAR)))
    head = profile[: max(4, len(profile) // 3)]
    start = int(np.argmax(head >= head.max() - 4))  # past the printed rule, onto the margin's paper
    paper = float(profile[start : start + 4].max())
    if abs(paper - inside) > 25 or paper < 120:  # not a margin of the same paper but the desk: no frame here
        return None
    step = np.abs(profile[start:] - paper)
    # The paper ends where the profile leaves the margin's level: for 2 px running, or sharply for 1 (the thin
    # shadow line a sheet's edge draws on a scanner bed as light as the paper).
    hits = np.flatnonzero(((step[:-1] >= 5) & (step[1:] >= 5)) | (step[:-1] >= 10))
    return float(start + hits[0]) if hits.size else None


def rule_near(gray: np.ndarray, a: np.ndarray, b: np.ndarray, mm: float, reach: float) -> float | None:
    """How far outward (px) of side a-b, within `reach` mm, one of the frame's rules runs with paper either side.

    Where the desk beyond the sheet is as white as the paper (overexposed, or another sheet), the sheet's edge
    cannot be seen; the frame still can, and the edge lies a known margin outside it. A sheet's own edge shows
    no such line: at most a faint one (its shadow on a scanner bed) or a lopsided one (on a desk, its shadow
    falls off slowly).
    """
    d = b - a
    normal = np.array([d[1], -d[0]], np.float32) / max(float(np.linalg.norm(d)), 1e-6)
    t = np.linspace(0.15, 0.85, 32, dtype=np.float32)[:, None]
    offsets = np.arange(-(reach + 3) * mm, (reach + 3) * mm + 0.5, 0.5, dtype=np.float32)
    grid = (a + t * d)[:, None, :] + offsets[None, :, None] * normal
    values = cv2.remap(gray, grid[..., 0], grid[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    profile = np.median(values, axis=0)
    near = np.flatnonzero(np.abs(offsets) <= max(reach * mm, 1.5))
    at = int(near[np.argmin(profile[near])])
    rule = float(profile[at])
    away = offsets - offsets[at]
    # Paper either side, flat from 1.6 mm on (the inner rules are a pair 1.2 mm apart).
    sides = [profile[(k * away >= 1.6 * mm) & (k * away <= 3.0 * mm)] for k in (1, -1)]  # outside, inside
    if min(len(v) for v in sides) < 3:
        return None
    outside, inside = (float(np.median(v)) for v in sides)
    level = min(outside, inside)
    depth = level - rule
    dark = profile < (rule + level) / 2
    # Half widths of the dip either side of its bottom: a printed line is as steep on both.
    left = at - int(np.flatnonzero(~dark[: at + 1])[-1]) if (~dark[: at + 1]).any() else at
    right = int(np.flatnonzero(~dark[at:])[0]) if (~dark[at:]).any() else len(dark) - at
    flat = max(float(np.ptp(v)) for v in sides) <= 0.35 * depth
    if (
        depth > max(6.0, 0.15 * level)
        and (left + right) * 0.5 <= 1.6 * mm
        and max(left, right) <= 1.5 * min(left, right) + 1
        and outside >= 0.85 * inside
        and flat
    ):
        return float(offsets[at])
    return None


def expand_to_paper(gray: np.ndarray, points: np.ndarray, keep: Sequence = ()) -> np.ndarray:
    """The sheet's own edges when the outline found is the licence's printed frame, a margin inside them.

    Each side steps outward over strips of paper, rule by rule (the licence's frame is two rules with a band
    between), until what lies beyond is not paper, and not further in all than a frame is wide (6 % of the
    diagonal: 21 mm of the licence's 364). A side left on the frame's outer rule with paper beyond it but no edge
    to be seen (a white desk, overexposure) moves out by the frame's margin (FRAME_MARGIN_MM).
    """
    pts = np.asarray(points, np.float32)
    diagonal = float(np.linalg.norm(pts[2] - pts[0]))
    lengths = np.linalg.norm(np.roll(pts, -1, axis=0) - pts, axis=1)
    long_first = lengths[0] + lengths[2] >= lengths[1] + lengths[3]
    frame_mm = [297.0 - 2 * FRAME_MARGIN_MM, 210.0 - 2 * FRAME_MARGIN_MM]
    shifts = np.zeros(4, np.float32)
    unseen = [False] * 4  # sides placed by the frame's margin alone, with no edge to polish them on
    normals = []
    for k in range(4):
        d = pts[(k + 1) % 4] - pts[k]
        normal = np.array([d[1], -d[0]], np.float32) / max(float(np.linalg.norm(d)), 1e-6)
        normals.append(normal)
        for _ in range(0 if (keep and keep[k]) else 3):
            a, b = pts[k] + shifts[k] * normal, pts[(k + 1) % 4] + shifts[k] * normal
            gap = edge_beyond(gray, a, b, 0.05 * diagonal)
            if gap is None or gap < 3 or shifts[k] + gap > 0.06 * diagonal:
                break
            shifts[k] += gap
        mm = float(lengths[k]) / frame_mm[(k % 2) ^ (not long_first)]  # pixels per mm along this side
        for step in range(2 if shifts[k] < 3 and not (keep and keep[k]) else 0):  # inner rule, outer, edge
            a, b = pts[k] + shifts[k] * normal, pts[(k + 1) % 4] + shifts[k] * normal
            rule = rule_near(gray, a, b, mm, 0.7 if step == 0 else 1.5)
            if rule is None:
                break
            shifts[k] += rule + FRAME_MARGIN_MM * mm
            unseen[k] = True
    if shifts.max() <= 0:
        return pts
    out = pts.copy()
    for k in range(4):
        p1, d1 = pts[(k - 1) % 4] + shifts[(k - 1) % 4] * normals[(k - 1) % 4], pts[k] - pts[(k - 1) % 4]
        p2, d2 = pts[k] + shifts[k] * normals[k], pts[(k + 1) % 4] - pts[k]
        m = np.array([[d1[0], -d2[0]], [d1[1], -d2[1]]], np.float64)
        s = np.linalg.solve(m, (p2 - p1).astype(np.float64))
        out[k] = p1 + s[0] * d1
    h, w = gray.shape[:2]
    sides = detect_lines.frame_sides(out, (h, w), tol=3.0)
    fixed = [side or ("unseen" if unseen[k] or (keep and keep[k]) else None) for k, side in enumerate(sides)]
    return detect_lines.refine_quad(gray, out, radius=4.0, cut=fixed)
