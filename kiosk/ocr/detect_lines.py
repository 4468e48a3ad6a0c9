"""Candidate outlines for the detector, and the fitting of their sides (numpy + OpenCV; detect.py scores them).

From edge contours (`hull_quads`: each contour's hull cut to four corners, and its four longest straight runs),
from light colourless regions (`segment_quads`), and from straight lines: HoughLinesP on the edge maps
(`hough_quads`), and `gradient_lines`, a Hough transform voted by the gradient's own direction: every pixel
with some gradient votes only for the lines through it that run across that gradient, so a long border a few
grey levels deep (a card on a desk in dim light) collects its votes where Canny, thresholding pixel by pixel,
keeps nothing. `line_quads` pairs the strongest lines into quads, and completes three lines with a fourth side
placed by the document's ratio (`complete_side`: a side under clutter, or white on white), ranking every
combination at once by how much of each side the border actually covers (running sums along each line), how
square its corners are and how well its shape fits a document. Sides are fitted to sub-pixel point by point
(`refine_quad`), or as the straight border covering most of a side (`snap_quad`, robust to clutter over part).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

THETA_STEP = np.radians(1.0)
RHO_STEP = 1.5  # pixels of the half-size frame the lines are found in


def gradient_lines(gray: np.ndarray, count: int = 20) -> np.ndarray:
    """The `count` strongest lines of a (blurred, float32) grey image as rows (theta, rho, votes).

    theta is the direction of the gradient across the line (0..2 pi: a line dark on one side differs from
    the same line dark on the other), and the line is x cos(theta) + y sin(theta) = rho.
    """
    h, w = gray.shape
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3)
    magnitude = cv2.magnitude(gx, gy)
    threshold = float(np.percentile(magnitude[::3, ::3], 75)) + 1e-3
    ys, xs = np.nonzero(magnitude > threshold)
    # Each pixel counts about once however strong: a long faint border must outvote a short bold stroke.
    weight = np.minimum(magnitude[ys, xs] / threshold, 3.0).astype(np.float32)
    bins = round(2 * np.pi / THETA_STEP)
    direction = np.round(np.arctan2(gy[ys, xs], gx[ys, xs]) / THETA_STEP).astype(np.int64) % bins
    span = int(2 * np.hypot(h, w) / RHO_STEP) + 3
    thetas = np.arange(bins) * THETA_STEP
    cos, sin = np.cos(thetas), np.sin(thetas)
    votes = np.zeros(bins * span, np.float32)
    xs, ys = xs.astype(np.float32), ys.astype(np.float32)
    for spread in range(-2, 3):  # the gradient's direction is known to a few degrees
        t = (direction + spread) % bins
        r = np.round((xs * cos[t] + ys * sin[t]) / RHO_STEP).astype(np.int64) + span // 2
        votes += np.bincount(t * span + r, weights=weight, minlength=bins * span).astype(np.float32)
    votes = votes.reshape(bins, span)
    # Local maxima (wrapping round in theta), strongest first.
    padded = np.concatenate([votes[-3:], votes, votes[:3]])
    peaks = (votes >= cv2.dilate(padded, np.ones((7, 7), np.uint8))[3:-3]) & (votes > 0)
    ti, ri = np.nonzero(peaks)
    order = np.argsort(-votes[ti, ri])[:count]
    return np.stack([thetas[ti[order]], (ri[order] - span // 2) * RHO_STEP, votes[ti[order], ri[order]]], axis=1)


def document_ratios(points: np.ndarray, shape: tuple[int, ...], focal: float) -> np.ndarray:
    """detect.document_ratio for many quads at once: (n, 4, 2) corners clockwise from top-left -> (n,)."""
    h, w = shape[:2]
    p = np.asarray(points, np.float64) - (w / 2, h / 2)
    (x1, y1), (x2, y2), (x4, y4), (x3, y3) = (p[:, i].T for i in range(4))

    def det3(ax, ay, bx, by, cx, cy):  # arrays of one shape
        return ax * (by - cy) - ay * (bx - cx) + (bx * cy - by * cx)

    with np.errstate(all="ignore"):
        k2 = det3(x1, y1, x4, y4, x3, y3) / det3(x2, y2, x4, y4, x3, y3)
        k3 = det3(x1, y1, x4, y4, x2, y2) / det3(x3, y3, x4, y4, x2, y2)
        f2 = (focal * w) ** 2
        across = ((k2 * x2 - x1) ** 2 + (k2 * y2 - y1) ** 2) / f2 + (k2 - 1) ** 2
        down = ((k3 * x3 - x1) ** 2 + (k3 * y3 - y1) ** 2) / f2 + (k3 - 1) ** 2
        ratio = np.sqrt(across / down)
        top = np.hypot(x2 - x1, y2 - y1) + np.hypot(x4 - x3, y4 - y3)
        side = np.hypot(x3 - x1, y3 - y1) + np.hypot(x4 - x2, y4 - y2)
        ratio = np.where(np.isfinite(ratio) & (ratio > 0), ratio, top / np.maximum(side, 1e-6))
        return np.maximum(ratio, 1.0 / ratio)


def _profiles(
    lines: np.ndarray, gray: np.ndarray, distance: np.ndarray, step: float, scale: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Running sums along each line of how sure a border runs there (one sample a pixel of the detection frame).

    A sample counts fully when an edge pixel lies within a pixel or two of it, or when the grey 3 px either
    side of the line differs by 1.5 `step` or more. Returns (origins (n, 2), directions (n, 2), sums
    (n, L + 1)), sample j lying at origin + j * direction.
    """
    h, w = gray.shape
    length = int(np.hypot(h, w)) + 2
    theta, rho = lines[:, 0], lines[:, 1] * scale
    normal = np.stack([np.cos(theta), np.sin(theta)], axis=1)
    direction = np.stack([-normal[:, 1], normal[:, 0]], axis=1)
    # Start from the foot of the perpendicular from the frame's centre, half a diagonal back.
    centre = np.array([w / 2, h / 2])
    foot = centre + (rho - normal @ centre)[:, None] * normal
    origins = foot - direction * (length / 2)
    xy = origins[:, None, :] + np.arange(length, dtype=np.float64)[None, :, None] * direction[:, None, :]
    inside = (xy[..., 0] >= 0) & (xy[..., 0] <= w - 1) & (xy[..., 1] >= 0) & (xy[..., 1] <= h - 1)

    def at(points: np.ndarray, image: np.ndarray) -> np.ndarray:
        xi = np.clip(np.round(points[..., 0]).astype(np.int32), 0, w - 1)
        yi = np.clip(np.round(points[..., 1]).astype(np.int32), 0, h - 1)
        return image[yi, xi].astype(np.float32)

    near = np.clip(1.0 - at(xy, distance) / 3.0, 0.0, 1.0)
    offset = 3.0 * normal[:, None, :]
    contrast = np.abs(at(xy + offset, gray) - at(xy - offset, gray))
    values = np.where(inside, np.maximum(near, np.clip(contrast / step - 0.5, 0.0, 1.0)), 0.0)
    sums = np.concatenate([np.zeros((len(lines), 1)), np.cumsum(values, axis=1)], axis=1)
    return origins, direction, sums


def _meet(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Where homogeneous lines meet (or the line through homogeneous points): (..., 3) x (..., 3)."""
    a, b = np.asarray(first, np.float64), np.asarray(second, np.float64)
    return np.stack(
        [
            a[..., 1] * b[..., 2] - a[..., 2] * b[..., 1],
            a[..., 2] * b[..., 0] - a[..., 0] * b[..., 2],
            a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0],
        ],
        axis=-1,
    )


def _point(homogeneous: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        return homogeneous[..., :2] / homogeneous[..., 2:3]


def _completed(
    lines: np.ndarray, i: np.ndarray, j: np.ndarray, c: np.ndarray, focal: float, ratios: tuple[float, ...]
) -> np.ndarray:
    """Quads with sides on lines i, c and j and a fourth side placed so the shape is a document's.

    For a border that cannot be seen (white paper on white, or clutter lying along it). Lines are homogeneous
    and centred on the principal point; the camera's focal length (pixels) makes the construction metric:
    i and j meet at their vanishing point V; the fourth side meets c at the vanishing point of the direction
    square to V's on the document's plane; it lies `ratio` times the c side's true length along i from it,
    either way. Returns (m, 4, 2) corners: on (i, c), (j, c), (j, new), (i, new), centred.
    """
    conic = np.array([1 / focal**2, 1 / focal**2, 1.0])  # the image of the absolute conic (diagonal)
    li, lj, lc = lines[i], lines[j], lines[c]
    v = _meet(li, lj)
    vc = _meet(lc, conic * v)
    horizon = _meet(v, vc)
    normal = horizon * np.array([focal, focal, 1.0])  # the plane's normal, K^T horizon
    with np.errstate(all="ignore"):
        normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
    p1, p2 = _meet(li, lc), _meet(lj, lc)

    def lift(points: np.ndarray) -> np.ndarray:  # image points (homogeneous) onto the plane n . X = 1
        rays = np.stack([points[..., 0] / focal, points[..., 1] / focal, points[..., 2]], axis=-1)
        with np.errstate(all="ignore"):
            return rays / (rays * normal).sum(-1, keepdims=True)

    x1, x2 = lift(p1), lift(p2)
    direction = v * np.array([1 / focal, 1 / focal, 1.0])
    with np.errstate(all="ignore"):
        direction /= np.linalg.norm(direction, axis=-1, keepdims=True)
        width = np.linalg.norm(x1 - x2, axis=-1, keepdims=True)
    quads = []
    for ratio in ratios:
        for sign in (1.0, -1.0):
            xq = x1 + sign * ratio * width * direction
            q = np.stack([focal * xq[:, 0], focal * xq[:, 1], xq[:, 2]], axis=-1)
            p3 = _meet(_meet(q, vc), lj)
            corners = np.stack([_point(p1), _point(p2), _point(p3), _point(q)], axis=1)
            # Behind the camera, or on the wrong side of it: not a document.
            ahead = (np.sign(xq[:, 2]) == np.sign(x1[:, 2])) & (np.abs(q[:, 2]) > 1e-9 * np.abs(q).max(axis=-1))
            quads.append(np.where(ahead[:, None, None], corners, np.nan))
    return np.concatenate(quads)


def line_quads(
    gray_half: np.ndarray,
    gray: np.ndarray,
    distance: np.ndarray,
    step: float,
    min_area: float,
    focal: float,
    aspects: tuple[float, ...],
    count: int = 20,
    keep: int = 12,
) -> list[np.ndarray]:
    """The `keep` best quads of the strongest `count` lines, in the detection frame's coordinates.

    Quads of four lines, and of three with the fourth side placed by the document's shape (`_completed`).
    `gray_half` is the grey frame at half the detection size (blurred: the lines are found in it); `gray`,
    `distance` (to the nearest edge pixel) and `step` (grey levels a border steps by) are the detection
    frame's; `focal` is the camera's focal length in frame widths; `aspects` are the long/short ratios of
    the documents looked for.
    """
    lines = gradient_lines(gray_half, count)
    if len(lines) < 4:
        return []
    scale = gray.shape[1] / gray_half.shape[1]
    h, w = gray.shape
    origins, directions, sums = _profiles(lines, gray, distance, step, scale)
    theta, rho = lines[:, 0], lines[:, 1] * scale
    centre = np.array([w / 2, h / 2])
    # Homogeneous lines about the frame's centre: x cos t + y sin t = rho - centre . (cos t, sin t).
    normals = np.stack([np.cos(theta), np.sin(theta)], axis=1)
    homogeneous = np.concatenate([normals, -(rho - normals @ centre)[:, None]], axis=1)
    orientation = theta % np.pi
    apart = np.abs(orientation[:, None] - orientation[None, :])
    apart = np.minimum(apart, np.pi - apart)
    # Opposite sides: within 25 degrees of parallel (perspective) and some way apart.
    signed = np.where(np.abs(theta[:, None] - theta[None, :]) % (2 * np.pi) < np.pi / 2, 1.0, -1.0)
    gap = np.abs(rho[:, None] - signed * rho[None, :])
    i, j = np.nonzero(np.triu((apart < np.radians(25)) & (gap > 0.1 * min(h, w)), 1))
    if len(i) == 0:
        return []
    mean = orientation[i] + 0.5 * np.angle(np.exp(2j * (orientation[j] - orientation[i])))
    # Four lines: two pairs 60..90 degrees apart (doubled angles: 120..180).
    p, q = np.triu_indices(len(i), 1)
    across = np.abs(np.angle(np.exp(2j * (mean[p] - mean[q]))))
    p, q = p[across > np.radians(120)], q[across > np.radians(120)]
    a, b, c, d = i[p], j[p], i[q], j[q]
    four = _point(_meet(homogeneous[np.stack([a, a, b, b], 1)], homogeneous[np.stack([c, d, d, c], 1)]))
    four_lines = np.stack([a, d, b, c], axis=1)  # the line each side (corner k to corner k + 1) lies on
    # Three lines: a pair and one across it; the fourth side from the shape (-1: no line of its own).
    k = np.arange(len(lines))
    pk, kk = np.nonzero(np.abs(np.angle(np.exp(2j * (mean[:, None] - orientation[None, :])))) > np.radians(120))
    ratios = tuple(sorted({r for aspect in aspects for r in (aspect, 1 / aspect)}))
    three = _completed(homogeneous, i[pk], j[pk], k[kk], focal * w, ratios)
    repeat = len(three) // max(len(pk), 1)
    three_lines = np.tile(np.stack([kk, j[pk], np.full(len(pk), -1), i[pk]], axis=1), (repeat, 1))
    corners = np.concatenate([four, three]) + centre
    line_of = np.concatenate([four_lines, three_lines]).astype(np.int64)
    completed = np.concatenate([np.zeros(len(four), bool), np.ones(len(three), bool)])
    margin = 0.02 * max(h, w)
    ok = np.isfinite(corners).all(axis=(1, 2))
    with np.errstate(invalid="ignore"):
        ok &= (corners[..., 0] > -margin).all(1) & (corners[..., 0] < w + margin).all(1)
        ok &= (corners[..., 1] > -margin).all(1) & (corners[..., 1] < h + margin).all(1)
    corners, line_of, completed = corners[ok], line_of[ok], completed[ok]
    if len(corners) == 0:
        return []
    # Convex, corners of 50..130 degrees, large enough.
    prev = np.roll(corners, 1, axis=1) - corners
    nxt = np.roll(corners, -1, axis=1) - corners
    cosines = (prev * nxt).sum(2) / (np.linalg.norm(prev, axis=2) * np.linalg.norm(nxt, axis=2) + 1e-9)
    turn = prev[..., 0] * nxt[..., 1] - prev[..., 1] * nxt[..., 0]
    convex = (np.sign(turn) == np.sign(turn[:, :1])).all(1)
    x, y = corners[..., 0], corners[..., 1]
    signed_area = 0.5 * (x * np.roll(y, -1, 1) - y * np.roll(x, -1, 1)).sum(1)  # > 0: clockwise on screen
    area = np.abs(signed_area)
    ok = convex & (np.abs(cosines) < np.cos(np.radians(50))).all(1) & (area >= min_area)
    corners, line_of, completed, area, signed_area = (v[ok] for v in (corners, line_of, completed, area, signed_area))
    if len(corners) == 0:
        return []
    # How much of each side is border: the running sums between its two corners along its line; a completed
    # side, on no line, by the edge pixels near it.
    ends = np.stack([corners, np.roll(corners, -1, axis=1)], axis=2)  # (m, 4, 2 ends, 2)
    on = np.maximum(line_of, 0)
    along = ((ends - origins[on][:, :, None, :]) * directions[on][:, :, None, :]).sum(3)
    lo = np.clip(np.round(along.min(2)).astype(np.int64), 0, sums.shape[1] - 1)
    hi = np.clip(np.round(along.max(2)).astype(np.int64), 0, sums.shape[1] - 1)
    covered = (sums[on, hi] - sums[on, lo]) / np.maximum(hi - lo, 1)
    t = np.linspace(0.1, 0.9, 16)[None, :, None]
    free = ends[:, 2, 0][:, None, :] + t * (ends[:, 2, 1] - ends[:, 2, 0])[:, None, :]  # the side from corner 2
    xi = np.clip(np.round(free[..., 0]).astype(np.int32), 0, w - 1)
    yi = np.clip(np.round(free[..., 1]).astype(np.int32), 0, h - 1)
    covered[:, 2] = np.where(completed, np.clip(1.0 - distance[yi, xi] / 3.0, 0, 1).mean(1), covered[:, 2])
    worst = covered.min(1)
    support = (covered.sum(1) - worst) / 3 * (0.55 + 0.45 * np.minimum(1.0, (worst + 0.1) / 0.5))
    # Clockwise from the top-left, then the shape: how near a document's ratio.
    clockwise = np.where((signed_area > 0)[:, None, None], corners, corners[:, ::-1])
    start = np.argmin(clockwise.sum(2), axis=1)
    clockwise = np.take_along_axis(clockwise, ((start[:, None] + np.arange(4)) % 4)[:, :, None], axis=1)
    shape_ratios = document_ratios(clockwise, (h, w), focal)
    misfit = np.min(np.abs(np.log(shape_ratios[:, None] / np.asarray(aspects)[None, :])), axis=1)
    rank = support * np.exp(-((misfit / 0.1) ** 2)) * (area / (h * w)) ** 0.25 * np.where(completed, 0.85, 1.0)
    best = np.argsort(-rank)[:keep]
    return [clockwise[k].astype(np.float32) for k in best if rank[k] > 0]


def search_side(
    gray: np.ndarray, a: np.ndarray, b: np.ndarray, reach: float, step: float, threshold: float, samples: int = 32
) -> tuple[np.ndarray, np.ndarray, float] | None:
    """The straight border nearest side a-b (within `reach` px at either end) that steps the same way along most
    of its length: (new a, new b, the share of the side it covers), or None.

    Every line between offsets of the two ends (a grid of `step` px) is tried at once on a strip of the blurred
    grey image sampled along the side; a line counts where the grey 1.5 px either side of it differs by
    `threshold` or more in the line's majority direction. Finds borders a few grey levels deep, and keeps to the
    document's edge where a pen or a thumb covers part of it (a per-point fit follows the clutter there).
    """
    d = b - a
    length = float(np.linalg.norm(d))
    if length < 8:
        return None
    normal = np.array([d[1], -d[0]], np.float32) / length  # outward for clockwise corners
    t = np.linspace(0.08, 0.92, samples, dtype=np.float32)
    grid = np.arange(-reach, reach + step / 2, step, dtype=np.float32)
    lean = max(1, round(1.5 / step))
    offsets = np.arange(-reach - lean * step, reach + (lean + 0.5) * step, step, dtype=np.float32)
    points = (a + t[:, None] * d)[:, None, :] + offsets[None, :, None] * normal
    strip = cv2.remap(gray, points[..., 0], points[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    across = strip[:, 2 * lean :] - strip[:, : -2 * lean]  # (samples, len(grid)): outside minus inside
    ends = np.stack(np.meshgrid(grid, grid, indexing="ij"), axis=-1).reshape(-1, 2)  # offset at a, at b
    along = ends[:, :1] + (ends[:, 1:] - ends[:, :1]) * t[None, :]  # (lines, samples)
    index = np.clip(np.round((along + reach) / step).astype(np.int64), 0, len(grid) - 1)
    values = across[np.arange(samples)[None, :], index]
    sign = np.sign(np.median(values, axis=1, keepdims=True))
    covered = np.clip(sign * values / threshold - 0.5, 0.0, 1.0).mean(axis=1)
    strength = np.abs(np.median(values, axis=1)) / (4 * threshold)
    best = int(np.argmax(covered + 0.1 * np.minimum(strength, 1.0)))
    if covered[best] < 0.3:
        return None
    o0, o1 = ends[best]
    return a + o0 * normal, b + o1 * normal, float(covered[best])


def snap_quad(
    gray: np.ndarray, points: np.ndarray, reach: float, step: float, threshold: float, keep: tuple = ()
) -> np.ndarray:
    """Corners where the sides found by search_side meet (sides marked in `keep`, or not found, stay)."""
    pts = np.asarray(points, np.float32)
    lines = []
    for k in range(4):
        a, b = pts[k], pts[(k + 1) % 4]
        found = None if (keep and keep[k]) else search_side(gray, a, b, reach, step, threshold)
        lines.append((a, b) if found is None else found[:2])
    out = pts.copy()
    for k in range(4):
        (p1, q1), (p2, q2) = lines[(k - 1) % 4], lines[k]
        d1, d2 = q1 - p1, q2 - p2
        m = np.array([[d1[0], -d2[0]], [d1[1], -d2[1]]], np.float64)
        if abs(np.linalg.det(m)) < 1e-6:
            continue
        s = np.linalg.solve(m, (p2 - p1).astype(np.float64))
        corner = p1 + s[0] * d1
        if np.linalg.norm(corner - pts[k]) <= 3 * reach:
            out[k] = corner
    return out


def complete_side(
    points: np.ndarray, side: int, aspect: float, focal: float, shape: tuple[int, ...]
) -> np.ndarray | None:
    """The quad with side `side` (corner k to k + 1) moved to where the document's ratio puts it, given the
    other three sides (see _completed); `focal` in pixels. None when the construction fails."""
    h, w = shape[:2]
    pts = np.asarray(points, np.float64) - (w / 2, h / 2)
    ends = [(pts[k], pts[(k + 1) % 4]) for k in range(4)]
    lines = _meet(np.array([[*a, 1.0] for a, _ in ends]), np.array([[*b, 1.0] for _, b in ends]))
    across, first, second = (side + 2) % 4, (side + 3) % 4, (side + 1) % 4
    length = [float(np.linalg.norm(b - a)) for a, b in ends]
    ratio = 1.0 / aspect if length[across] + length[side] > length[first] + length[second] else aspect
    # _completed's corners lie on (i, c), (j, c), (j, new), (i, new): with i the side after the new one,
    # those are corners side + 2, side + 3, side, side + 1.
    quads = _completed(lines, np.array([second]), np.array([first]), np.array([across]), focal, (ratio,))
    best = None
    for quad in quads:
        if not np.isfinite(quad).all():
            continue
        out = np.empty((4, 2))
        out[[(side + 2) % 4, (side + 3) % 4, side, (side + 1) % 4]] = quad
        gap = float(np.linalg.norm(out - pts, axis=1).sum())
        if best is None or gap < best[0]:
            best = (gap, out)
    return None if best is None else (best[1] + (w / 2, h / 2)).astype(np.float32)


# ---- outlines from edge contours, segments and Hough lines, and sides fitted to sub-pixel -----------------------


def frame_sides(pts: np.ndarray, shape: tuple[int, int], tol: float) -> list[str | None]:
    """For each quad side, the frame side it runs along (None when it is a real edge)."""
    h, w = shape
    result: list[str | None] = []
    for k in range(4):
        a, b = pts[k], pts[(k + 1) % 4]
        side = None
        if a[0] <= tol and b[0] <= tol:
            side = "left"
        elif a[0] >= w - 1 - tol and b[0] >= w - 1 - tol:
            side = "right"
        elif a[1] <= tol and b[1] <= tol:
            side = "top"
        elif a[1] >= h - 1 - tol and b[1] >= h - 1 - tol:
            side = "bottom"
        result.append(side)
    return result


def hull_quads(edges: np.ndarray, min_area: float) -> list[np.ndarray]:
    """Quads from the edge map's contours: each hull cut to four corners, and runs along the longest sides."""
    contours, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    quads = []
    for contour in contours:
        if len(contour) < 4:
            continue
        hull = cv2.convexHull(contour)
        if cv2.contourArea(hull) < min_area:
            continue
        quad = cv2.approxPolyN(hull, 4, epsilon_percentage=-1, ensure_convex=True).reshape(-1, 2)
        if len(quad) == 4:
            quads.append(quad.astype(np.float32))
        quads += longest_sides(contour)
    return quads


def hough_quads(edges: np.ndarray, per_direction: int = 5) -> list[np.ndarray]:
    """Quads from pairs of pairs of the strongest straight lines (for borders broken by clutter)."""
    # At half size: a quarter of the cost, and the winner is polished onto the edges afterwards anyway.
    half = (cv2.resize(edges, (edges.shape[1] // 2, edges.shape[0] // 2), interpolation=cv2.INTER_AREA) > 0).astype(
        np.uint8
    )
    short = min(half.shape)
    segments = cv2.HoughLinesP(half, 1, np.pi / 180, 25, minLineLength=short * 0.12, maxLineGap=5)
    if segments is None:
        return []
    segments = segments * 2
    h, w = edges.shape
    short = min(h, w)
    lines: list[list[float]] = []  # theta, rho, summed length, first and last position along the line
    segs = segments.reshape(-1, 4).astype(np.float64)
    lengths = np.hypot(segs[:, 2] - segs[:, 0], segs[:, 3] - segs[:, 1])
    for i in np.argsort(-lengths)[:60]:  # the longest are the ones that matter; text gives hundreds of short ones
        x1, y1, x2, y2 = segs[i]
        theta = np.arctan2(x2 - x1, -(y2 - y1)) % np.pi  # the normal's direction
        rho = x1 * np.cos(theta) + y1 * np.sin(theta)
        for line in lines:
            dt = abs(theta - line[0])
            same = dt < np.radians(3) and abs(rho - line[1]) < 6
            flipped = np.pi - dt < np.radians(3) and abs(rho + line[1]) < 6
            if same or flipped:
                break
        else:
            line = [theta, rho, 0.0, np.inf, -np.inf]
            lines.append(line)
        along = (-np.sin(line[0]), np.cos(line[0]))
        ends = (x1 * along[0] + y1 * along[1], x2 * along[0] + y2 * along[1])
        line[2] += lengths[i]
        line[3], line[4] = min(line[3], *ends), max(line[4], *ends)

    def weight(line: list[float]) -> float:
        # A row of text gives many overlapping segments on one line: count the stretch covered, not their sum.
        return min(line[2], line[4] - line[3])

    lines.sort(key=lambda line: -weight(line))
    if not lines:
        return []
    # The strongest few of each direction: text rows all run one way and would crowd out the document's ends.
    first = lines[0][0]
    across = [ln for ln in lines if min(abs(ln[0] - first), np.pi - abs(ln[0] - first)) >= np.radians(30)]
    along_first = [ln for ln in lines if min(abs(ln[0] - first), np.pi - abs(ln[0] - first)) < np.radians(30)]
    groups = (along_first[:per_direction], across[:per_direction])
    chosen = groups[0] + groups[1]
    theta = np.array([ln[0] for ln in chosen])
    rho = np.array([ln[1] for ln in chosen])
    # Every pair's crossing at once: (cos t, sin t) . p = rho for both lines.
    with np.errstate(all="ignore"):
        det = np.sin(theta[None, :] - theta[:, None])
        cross_x = (rho[:, None] * np.sin(theta[None, :]) - rho[None, :] * np.sin(theta[:, None])) / det
        cross_y = (rho[None, :] * np.cos(theta[:, None]) - rho[:, None] * np.cos(theta[None, :])) / det
    pairs: tuple[list, list] = ([], [])  # index pairs of near-parallel lines some way apart, per direction
    offset = 0
    for g, group in enumerate(groups):
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                dt = abs(group[i][0] - group[j][0])
                if min(dt, np.pi - dt) < np.radians(20):
                    rho_j = group[j][1] if dt < np.pi / 2 else -group[j][1]
                    if abs(group[i][1] - rho_j) > short * 0.1:
                        pairs[g].append((offset + i, offset + j))
        offset += len(group)
    quads = []
    for i, j in pairs[0]:
        for k, m in pairs[1]:
            corners = np.array([[cross_x[a, b], cross_y[a, b]] for a, b in ((i, k), (i, m), (j, m), (j, k))])
            if not np.isfinite(corners).all():
                continue
            if corners[:, 0].min() < -w * 0.02 or corners[:, 1].min() < -h * 0.02:
                continue
            if corners[:, 0].max() > w * 1.02 or corners[:, 1].max() > h * 1.02:
                continue
            quads.append(np.clip(corners, 0, [w - 1, h - 1]).astype(np.float32))
    return quads


def segment_quads(small: np.ndarray, min_area: float) -> list[np.ndarray]:
    """Quads around light, colourless regions: paper and cards are whiter than most desks and their clutter."""
    # Half the detection size is plenty for a region; the sides are found exactly later.
    half = cv2.resize(small, (small.shape[1] // 2, small.shape[0] // 2), interpolation=cv2.INTER_AREA)
    # The darkest channel is high only where all three are: white and grey, not yellow or green things.
    b, g, r = cv2.split(half)
    whiteness = cv2.min(cv2.min(b, g), r)
    # Dividing by the heavily blurred frame evens out light falling off across the desk.
    tiny = cv2.resize(whiteness, (whiteness.shape[1] // 8, whiteness.shape[0] // 8), interpolation=cv2.INTER_AREA)
    background = cv2.resize(cv2.GaussianBlur(tiny, (0, 0), max(tiny.shape) / 8), whiteness.shape[::-1])
    flat = cv2.divide(whiteness, background, scale=128)
    quads = []
    for image in (whiteness, flat):
        _, mask = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        for size in (3, 9):  # the larger opening parts a document from a light thing it touches
            kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
            opened = cv2.morphologyEx(cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel), cv2.MORPH_CLOSE, kernel)
            contours, _ = cv2.findContours(opened, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
            for contour in contours:
                if cv2.contourArea(contour) * 4 < min_area:
                    continue
                hull = cv2.convexHull(contour)
                quad = cv2.approxPolyN(hull, 4, epsilon_percentage=-1, ensure_convex=True).reshape(-1, 2)
                if len(quad) == 4:
                    quads.append(quad.astype(np.float32) * 2 + 0.5)
                quads += [q * 2 + 0.5 for q in longest_sides(contour)]
    return quads


def longest_sides(contour: np.ndarray, spare: int = 1) -> list[np.ndarray]:
    """Quads on the contour's longest straight runs: a document's sides outlast the things touching it.

    The runs are taken one per line (an edge contour runs along both sides of a thin edge), the longest
    4 + `spare` of them, and every four of those in their order around the contour make a quad.
    """
    poly = cv2.approxPolyDP(contour, 2.0, True).reshape(-1, 2).astype(np.float64)
    if len(poly) < 4:
        return []
    ends = np.roll(poly, -1, axis=0)
    runs = np.linalg.norm(ends - poly, axis=1)
    chosen: list[tuple[np.ndarray, np.ndarray]] = []  # (point, unit direction)
    for i in np.argsort(-runs):
        if runs[i] < 12 or len(chosen) == 4 + spare:
            break
        a, d = poly[i], (ends[i] - poly[i]) / runs[i]
        mid = (poly[i] + ends[i]) / 2
        duplicate = any(
            abs(d[0] * e[1] - d[1] * e[0]) < 0.09 and abs((mid - p)[0] * e[1] - (mid - p)[1] * e[0]) < 4
            for p, e in chosen
        )
        if not duplicate:
            chosen.append((a, d))
    if len(chosen) < 4:
        return []
    quads = []
    for skip in [None] if len(chosen) == 4 else range(len(chosen)):
        lines = [c for k, c in enumerate(chosen) if k != skip][:4]
        centre = np.mean([p for p, _ in lines], axis=0)
        lines.sort(key=lambda c: np.arctan2(c[0][1] - centre[1], c[0][0] - centre[0]))
        corners = []
        for k in range(4):
            (p1, d1), (p2, d2) = lines[k - 1], lines[k]
            m = np.array([[d1[0], -d2[0]], [d1[1], -d2[1]]])
            if abs(np.linalg.det(m)) < 0.2:  # consecutive lines nearly parallel: not a corner
                break
            t = np.linalg.solve(m, p2 - p1)
            corners.append(p1 + t[0] * d1)
        if len(corners) == 4:
            quads.append(np.array(corners, np.float32))
    return quads


def fit_side(
    gray: np.ndarray, a: np.ndarray, b: np.ndarray, radius: float
) -> tuple[np.ndarray, np.ndarray, float] | None:
    """The side between corners a and b located to sub-pixel: (a point on it, its direction, the share of samples
    lying on it within a pixel), or None."""
    d = b - a
    length = float(np.linalg.norm(d))
    if length < 8:
        return None
    u = d / length
    normal = np.array([u[1], -u[0]], np.float32)
    m = int(np.clip(length / 6, 12, 80))
    t = np.linspace(0.1, 0.9, m, dtype=np.float32)[:, None]  # clear of rounded corners
    step = 0.5
    offsets = np.arange(-radius, radius + step, step, dtype=np.float32)
    base = a + t * d  # (m, 2)
    grid = base[:, None, :] + offsets[None, :, None] * normal  # (m, k, 2)
    values = cv2.remap(gray, grid[..., 0], grid[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    deriv = np.zeros_like(values)
    deriv[:, 1:-1] = values[:, 2:] - values[:, :-2]
    peaks = np.abs(deriv).argmax(axis=1)
    sign = np.sign(deriv[np.arange(m), peaks].sum())  # the side is one transition, e.g. light card to desk
    g = deriv * (sign or 1.0)
    idx = np.clip(g.argmax(axis=1), 1, len(offsets) - 2)
    rows = np.arange(m)
    y0, y1, y2 = g[rows, idx - 1], g[rows, idx], g[rows, idx + 1]
    denom = y0 - 2 * y1 + y2
    delta = np.where(np.abs(denom) > 1e-6, 0.5 * (y0 - y2) / np.where(denom == 0, 1, denom), 0.0)
    offset = offsets[idx] + np.clip(delta, -0.5, 0.5) * step
    strength = y1
    middle = float(np.partition(strength, m // 2)[m // 2])
    good = (strength > max(4.0, 0.35 * middle)) & (idx > 1) & (idx < len(offsets) - 2)
    if good.sum() < max(5, m // 3):
        return None
    located = base + offset[:, None] * normal
    vx, vy, x0, y0_ = cv2.fitLine(located[good].astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
    off_line = np.abs((located[:, 0] - x0) * vy - (located[:, 1] - y0_) * vx)
    support = float((good & (off_line < 1.0)).mean())
    return np.array([x0, y0_], np.float32), np.array([vx, vy], np.float32), support


def refine(
    gray: np.ndarray, points: np.ndarray, radius: float, cut: Sequence[str | None] = ()
) -> tuple[np.ndarray, list[float]]:
    """refine_quad, also giving each side's support (1.0 for sides left alone along the frame's border)."""
    pts = np.asarray(points, np.float32)
    gray = gray.astype(np.float32) if gray.dtype != np.float32 else gray
    lines, supports = [], []
    for k in range(4):
        a, b = pts[k], pts[(k + 1) % 4]
        fitted = None if (cut and cut[k]) else fit_side(gray, a, b, radius)
        if fitted is None:
            lines.append((a, (b - a) / max(float(np.linalg.norm(b - a)), 1e-6)))
            supports.append(1.0 if (cut and cut[k]) else 0.0)
        else:
            lines.append(fitted[:2])
            supports.append(fitted[2])
    out = pts.copy()
    for k in range(4):
        (p1, d1), (p2, d2) = lines[(k - 1) % 4], lines[k]
        m = np.array([[d1[0], -d2[0]], [d1[1], -d2[1]]], np.float64)
        if abs(np.linalg.det(m)) < 1e-6:
            continue
        s = np.linalg.solve(m, (p2 - p1).astype(np.float64))
        corner = p1 + s[0] * d1
        if np.linalg.norm(corner - pts[k]) <= radius * 2:  # a wild intersection means a side was misread
            out[k] = corner
    return out, supports


def refine_quad(gray: np.ndarray, points: np.ndarray, radius: float, cut: Sequence[str | None] = ()) -> np.ndarray:
    """Corners moved to the intersections of the sub-pixel sides found within `radius` px of the given ones."""
    return refine(gray, points, radius, cut)[0]
