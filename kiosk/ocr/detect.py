"""Find a document in a camera frame or a scan and rectify it to its canonical size (numpy + OpenCV, no Qt).

Candidates come from three places, all on a copy downscaled to about 640 px: edge contours (Canny on grey, faint
grey and colour, closed; each contour's hull cut to four corners, and its four longest straight runs, which
survive clutter touching the document), regions of light colourless paper (Otsu on the darkest channel), and,
only when those find nothing convincing, the dominant straight lines (HoughLinesP) paired and intersected.
Each is scored by how much of its outline lies on an edge, the contrast across it, its corner angles, its area
and its aspect ratio once perspective is undone (ID card 85.6/54, A4 297/210, either way round). The best few
are polished onto the edges, the winner's sides are located to sub-pixel at full resolution and intersected,
which also gives the sharp corners of the ID card's rounded ones. A licence found by its printed frame is
widened to the sheet's edges. `track_document` follows a document from frame to frame in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

ASPECTS = {"card": 85.6 / 54.0, "a4": 297.0 / 210.0}
# Layout kinds (kiosk.ocr.layouts.KINDS) and the aspect names themselves map to the aspect to look for.
KIND_ASPECT = {
    "id_card_front": "card",
    "id_card_back": "card",
    "business_license": "a4",
    "card": "card",
    "a4": "a4",
}
WORK_SIDE = 640  # detection runs on a copy no longer than this: 1280x960 frames are searched at 640x480
MIN_AREA = 0.02  # smallest document worth reporting, as a share of the frame (smaller is "no document")
MIN_CONFIDENCE = 0.3
FOCAL = 0.8  # assumed focal length in frame widths (a 64 degree wide document camera) for undoing perspective
ROTATIONS = (0, 180, 90, 270)  # the order upright_candidates() returns them in: the likely ones first

Points = np.ndarray  # (4, 2) float32 corners, clockwise from top-left, image pixels


@dataclass(frozen=True, eq=False)
class Quad:
    """A document's outline in a frame: four corners, which aspect it matched, and how sure the detector is."""

    points: Points  # (4, 2) float32, clockwise from the document's top-left (landscape reading), image pixels
    aspect: str  # "card" (ID card) or "a4" (business licence)
    confidence: float  # 0..1
    method: str = "edges"  # "edges", "lines", "segments", "prior", "tracked" or "full_image"
    cut: tuple[str, ...] = ()  # frame sides ("left", "top", ...) the outline runs along: the document goes on

    @property
    def width(self) -> float:
        """Mean length of the top and bottom sides (pixels)."""
        p = self.points
        return float((np.linalg.norm(p[1] - p[0]) + np.linalg.norm(p[2] - p[3])) / 2)

    @property
    def height(self) -> float:
        """Mean length of the left and right sides (pixels)."""
        p = self.points
        return float((np.linalg.norm(p[3] - p[0]) + np.linalg.norm(p[2] - p[1])) / 2)

    @property
    def ratio(self) -> float:
        """Long side over short side as seen (perspective makes it approximate)."""
        w, h = self.width, self.height
        return max(w, h) / max(min(w, h), 1e-6)

    @property
    def area(self) -> float:
        """Enclosed area in square pixels."""
        return float(cv2.contourArea(self.points.astype(np.float32)))

    def scaled(self, factor: float) -> Quad:
        """The same outline in an image `factor` times as large."""
        return Quad(self.points * np.float32(factor), self.aspect, self.confidence, self.method, self.cut)


def order_corners(points: np.ndarray) -> Points:
    """Four points ordered clockwise (on screen, y down) starting from the one nearest the top-left."""
    pts = np.asarray(points, np.float32).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]
    return np.roll(pts, -int(np.argmin(pts.sum(axis=1))), axis=0)


def reading_order(points: np.ndarray) -> Points:
    """Corners ordered so the first side is a long one: a document held upright (portrait) reads landscape."""
    pts = order_corners(points)
    top = np.linalg.norm(pts[1] - pts[0]) + np.linalg.norm(pts[2] - pts[3])
    side = np.linalg.norm(pts[3] - pts[0]) + np.linalg.norm(pts[2] - pts[1])
    # A document turned a quarter is most often turned clockwise, which puts its top-left at the image's top-right.
    return np.roll(pts, -1, axis=0) if side > top * 1.05 else pts


def document_ratio(points: np.ndarray, frame_shape: tuple[int, ...], focal: float = FOCAL) -> float:
    """The document's true long/short ratio from its outline, undoing perspective (Zhang and He, whiteboard scanning).

    Assumes the principal point at the frame centre and a focal length of `focal` frame widths; a wrong guess
    costs little (0.7 W for a true 0.9 W: 1.3 % mean error, where side lengths alone are off by 4 %).
    """
    h, w = frame_shape[:2]
    (x1, y1), (x2, y2), (x4, y4), (x3, y3) = (np.asarray(points, np.float64).reshape(4, 2) - (w / 2, h / 2)).tolist()

    # m1..m4 = top-left, top-right, bottom-left, bottom-right as (x, y, 1); det3(a, b, c) = (a x b) . c
    def det3(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
        return ax * (by - cy) - ay * (bx - cx) + (bx * cy - by * cx)

    d234 = det3(x2, y2, x4, y4, x3, y3)
    d342 = det3(x3, y3, x4, y4, x2, y2)
    f = focal * w
    ratio = 0.0
    if abs(d234) > 1e-9 and abs(d342) > 1e-9:
        k2 = det3(x1, y1, x4, y4, x3, y3) / d234
        k3 = det3(x1, y1, x4, y4, x2, y2) / d342
        n2 = (k2 * x2 - x1, k2 * y2 - y1, k2 - 1.0)
        n3 = (k3 * x3 - x1, k3 * y3 - y1, k3 - 1.0)
        across = (n2[0] ** 2 + n2[1] ** 2) / f**2 + n2[2] ** 2
        down = (n3[0] ** 2 + n3[1] ** 2) / f**2 + n3[2] ** 2
        if across > 0 and down > 0:
            ratio = float(np.sqrt(across / down))
    if not np.isfinite(ratio) or ratio <= 0:
        top = np.hypot(x2 - x1, y2 - y1) + np.hypot(x4 - x3, y4 - y3)
        side = np.hypot(x3 - x1, y3 - y1) + np.hypot(x4 - x2, y4 - y2)
        ratio = float(top / max(side, 1e-6))
    return max(ratio, 1.0 / max(ratio, 1e-9))


def aspect_of(ratio: float, kind_hint: str | None = None) -> tuple[str, float]:
    """The nearer document aspect to a long/short ratio (restricted by a kind hint) and a 0..1 fit."""
    names = [KIND_ASPECT[kind_hint]] if kind_hint in KIND_ASPECT else list(ASPECTS)
    errors = {name: abs(np.log(ratio / ASPECTS[name])) for name in names}
    name = min(errors, key=errors.get)
    # 0.1 in log ratio: perspective undone with a guessed focal length leaves up to 5 % (Zhang and He).
    return name, float(np.exp(-((errors[name] / 0.1) ** 2)))


def _downscale(image: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    scale = max(image.shape[:2]) / max_side
    if scale <= 1.0:
        return image, 1.0
    size = (round(image.shape[1] / scale), round(image.shape[0] / scale))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA), scale


def _as_bgr(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    return image


def noise_sigma(gray: np.ndarray) -> float:
    """The sensor noise's standard deviation in grey levels (Immerkaer 1996: a Laplacian difference kernel)."""
    kernel = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], np.float32)
    response = cv2.filter2D(gray.astype(np.float32), -1, kernel)[1:-1, 1:-1]
    return float(np.sqrt(np.pi / 2) * np.abs(response).mean() / 6)


class _Scene:
    """The downscaled frame's edge maps and colour planes, shared by every candidate's scoring."""

    def __init__(self, small: np.ndarray) -> None:
        self.shape = small.shape[:2]
        self.small = small
        blurred = cv2.GaussianBlur(small, (5, 5), 0)
        ycc = cv2.cvtColor(blurred, cv2.COLOR_BGR2YCrCb)
        self.gray = np.ascontiguousarray(ycc[:, :, 0])
        self.light = float(np.percentile(self.gray[::4, ::4], 95))  # the frame's white, for "is this paper?"
        # Chroma counts double: a border between equally bright surfaces of other hues is a border too.
        self.colour = ycc.astype(np.float32) * np.array([1.0, 2.0, 2.0], np.float32)
        # Thresholds rise with the sensor noise (Immerkaer's estimate): a dim, grainy frame would otherwise be all
        # edges. Gaussian 5x5 then Sobel leave noise of about 1.4 sigma in Canny's gradient sum.
        noise = noise_sigma(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY))
        strong = cv2.Canny(self.gray, max(40.0, 4 * noise), max(120.0, 10 * noise))
        # Faint borders (a light card on a light desk) and colour-only borders (same brightness, other hue).
        faint = cv2.Canny(self.gray, max(12.0, 2.5 * noise), max(36.0, 5 * noise))
        low, high = max(5.0, 1.2 * noise), max(15.0, 3 * noise)
        colour = cv2.Canny(np.ascontiguousarray(ycc[:, :, 1]), low, high)
        colour |= cv2.Canny(np.ascontiguousarray(ycc[:, :, 2]), low, high)
        kernel = np.ones((3, 3), np.uint8)
        self.maps = [cv2.morphologyEx(m, cv2.MORPH_CLOSE, kernel) for m in (strong, faint | colour)]
        # Distance to the nearest edge: support falls off over a few px, so a candidate slightly out still ranks
        # high enough to be polished onto the edge.
        self.distance = cv2.distanceTransform(255 - (strong | faint | colour), cv2.DIST_L2, 3)


def _frame_sides(pts: np.ndarray, shape: tuple[int, int], tol: float) -> list[str | None]:
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


def _corner_angles(pts: np.ndarray) -> np.ndarray:
    prev = np.roll(pts, 1, axis=0) - pts
    nxt = np.roll(pts, -1, axis=0) - pts
    cos = (prev * nxt).sum(axis=1) / (np.linalg.norm(prev, axis=1) * np.linalg.norm(nxt, axis=1) + 1e-9)
    return np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))


def _score(pts: np.ndarray, scene: _Scene, kind_hint: str | None, still: bool) -> tuple[float, float, str, list]:
    """(ranking score, 0..1 confidence, aspect name, frame sides) of one candidate quad in the small frame."""
    h, w = scene.shape
    area = cv2.contourArea(pts)
    share = area / float(h * w)
    if share < MIN_AREA or share > (0.999 if still else 0.98) or not cv2.isContourConvex(pts.astype(np.int32)):
        return 0.0, 0.0, "", []
    angles = _corner_angles(pts)
    if angles.min() < 45 or angles.max() > 135:
        return 0.0, 0.0, "", []
    sides = _frame_sides(pts, scene.shape, tol=2.5)
    real = [k for k in range(4) if sides[k] is None]
    if len(real) < 2:
        return 0.0, 0.0, "", []
    name, fit = aspect_of(document_ratio(pts, scene.shape), kind_hint)
    if len(real) < 4:
        fit = 0.5  # a cut-off document shows an arbitrary part of itself: its ratio says nothing
    elif fit < 0.02:
        return 0.0, 0.0, "", []
    # Sample every real side at once: on the outline (edge support) and 4 px either side of it (contrast).
    n = 40
    t = np.linspace(0.06, 0.94, n, dtype=np.float32)[None, :, None]  # the ends are corners, often rounded
    a = pts[real][:, None, :]
    b = pts[[(k + 1) % 4 for k in real]][:, None, :]
    line = a + t * (b - a)  # (sides, n, 2)
    d = (b - a)[:, 0, :]
    normal = np.stack([d[:, 1], -d[:, 0]], axis=1) / (np.linalg.norm(d, axis=1, keepdims=True) + 1e-6)
    xy = np.concatenate([line, line + 4 * normal[:, None, :], line - 4 * normal[:, None, :]], axis=0)
    xi = np.clip(np.round(xy[..., 0]).astype(np.int32), 0, w - 1)
    yi = np.clip(np.round(xy[..., 1]).astype(np.int32), 0, h - 1)
    m = len(real)
    supports = np.clip(1.0 - scene.distance[yi[:m], xi[:m]] / 4.0, 0.0, 1.0).mean(axis=1)
    diff = scene.colour[yi[2 * m :], xi[2 * m :]] - scene.colour[yi[m : 2 * m], xi[m : 2 * m]]
    # Capped, so a few samples over clutter or print cannot carry a side (a cheap stand-in for the median).
    contrasts = np.minimum(np.sqrt((diff * diff).sum(axis=2)), 60.0).mean(axis=1)
    # Paper and cards are light: a dark inside (a phone, a mug, a dark folder) is not a document.
    inner = line[:, ::4] - 12 * normal[:, None, :]
    ix = np.clip(np.round(inner[..., 0]).astype(np.int32), 0, w - 1)
    iy = np.clip(np.round(inner[..., 1]).astype(np.int32), 0, h - 1)
    if float(np.median(scene.gray[iy, ix])) < 0.5 * scene.light:
        return 0.0, 0.0, "", []
    support = float(supports.mean()) * min(1.0, float(supports.min()) / 0.4)
    # Saturating slowly: the paper's edge against the desk beats a line printed on the paper.
    contrast = 1.0 - float(np.exp(-(float(contrasts.mean()) + 3.0) / 25.0))
    skew = max(0.0, float(np.abs(angles - 90).max()) - 12.0)
    shape_fit = float(np.exp(-((skew / 20.0) ** 2)))
    confidence = support**1.5 * np.sqrt(fit) * contrast * shape_fit
    # Among good outlines the larger one wins (the paper, not the licence's printed frame inside it).
    return float(confidence * share**0.25), float(confidence), name, sides


def _hull_quads(edges: np.ndarray, min_area: float) -> list[np.ndarray]:
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
        quads += _longest_sides(contour)
    return quads


def _line_quads(edges: np.ndarray, per_direction: int = 5) -> list[np.ndarray]:
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


def _segment_quads(scene: _Scene, min_area: float) -> list[np.ndarray]:
    """Quads around light, colourless regions: paper and cards are whiter than most desks and their clutter."""
    # Half the detection size is plenty for a region; the sides are found exactly later.
    half = cv2.resize(scene.small, (scene.shape[1] // 2, scene.shape[0] // 2), interpolation=cv2.INTER_AREA)
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
                quads += [q * 2 + 0.5 for q in _longest_sides(contour)]
    return quads


def _longest_sides(contour: np.ndarray, spare: int = 1) -> list[np.ndarray]:
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


def _outermost(best: tuple, scored: list[tuple]) -> tuple:
    """The paper around a printed frame: a good outline just outside the best one, of the same shape, wins."""
    inner = best[2]
    diag = float(np.linalg.norm(inner[2] - inner[0]))
    chosen = best
    for candidate in scored:
        outer = candidate[2]
        if candidate[1] < 0.6 * best[1] or cv2.contourArea(outer) <= cv2.contourArea(chosen[2]):
            continue
        gaps = np.linalg.norm(outer - inner, axis=1)
        if gaps.max() > 0.12 * diag or gaps.min() < 0.01 * diag:
            continue
        if all(cv2.pointPolygonTest(outer.reshape(-1, 1, 2), (float(x), float(y)), False) > 0 for x, y in inner):
            chosen = candidate
    return chosen


def _fit_side(
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


def _refine(
    gray: np.ndarray, points: np.ndarray, radius: float, cut: Sequence[str | None] = ()
) -> tuple[Points, list[float]]:
    """refine_quad, also giving each side's support (1.0 for sides left alone along the frame's border)."""
    pts = np.asarray(points, np.float32)
    gray = gray.astype(np.float32) if gray.dtype != np.float32 else gray
    lines, supports = [], []
    for k in range(4):
        a, b = pts[k], pts[(k + 1) % 4]
        fitted = None if (cut and cut[k]) else _fit_side(gray, a, b, radius)
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


def refine_quad(gray: np.ndarray, points: np.ndarray, radius: float, cut: Sequence[str | None] = ()) -> Points:
    """Corners moved to the intersections of the sub-pixel sides found within `radius` px of the given ones."""
    return _refine(gray, points, radius, cut)[0]


def track_document(frame: np.ndarray, prior: Quad, *, kind_hint: str | None = None) -> Quad | None:
    """The document of the previous frame followed into this one: its sides looked for near where they were.

    A few milliseconds instead of a full search; None when it cannot be followed (it moved more than about
    1.5 % of the frame, went partly out of it, or its edges are lost): then call find_document.
    """
    if prior.cut or prior.method == "full_image":
        return None
    frame = _as_bgr(frame)
    h, w = frame.shape[:2]
    reach = 0.015 * max(h, w)
    # Only around the outline: converting and blurring the whole frame would cost as much as the fitting.
    (x0, y0), (x1, y1) = np.floor(prior.points.min(axis=0) - reach - 8), np.ceil(prior.points.max(axis=0) + reach + 8)
    x0, y0, x1, y1 = int(max(0, x0)), int(max(0, y0)), int(min(w, x1)), int(min(h, y1))
    gray = cv2.GaussianBlur(cv2.cvtColor(frame[y0:y1, x0:x1], cv2.COLOR_BGR2GRAY), (0, 0), 1.0).astype(np.float32)
    shift = np.float32([x0, y0])
    pts, _ = _refine(gray, prior.points - shift, reach)
    pts, supports = _refine(gray, pts, 3.0)
    pts = pts + shift
    if min(supports) < 0.4 or np.mean(supports) < 0.7 or float(np.abs(pts - prior.points).max()) > 2 * reach:
        return None
    if (
        any(_frame_sides(pts, (h, w), tol=2.0))
        or pts.min() < 2
        or (pts[:, 0] > w - 3).any()
        or (pts[:, 1] > h - 3).any()
    ):
        return None  # reaching the border: find_document knows how to report a cut-off document
    angles = _corner_angles(pts)
    aspect, fit = aspect_of(document_ratio(pts, frame.shape), kind_hint)
    if angles.min() < 45 or angles.max() > 135 or aspect != prior.aspect or fit < 0.2:
        return None
    confidence = prior.confidence * min(1.0, float(np.mean(supports)) / 0.9)
    return Quad(pts.astype(np.float32), aspect, round(confidence, 3), "tracked")


def find_document(
    frame: np.ndarray,
    *,
    kind_hint: str | None = None,
    still: bool = False,
    prior: Quad | None = None,
    max_side: int = WORK_SIDE,
) -> Quad | None:
    """The document's outline in a camera frame (or, with still=True, a scan or photo file), or None."""
    frame = _as_bgr(frame)
    small, scale = _downscale(frame, max_side)
    scene = _Scene(small)
    h, w = scene.shape
    min_area = MIN_AREA * h * w
    candidates: list[tuple[np.ndarray, str]] = []
    for edges in scene.maps:
        candidates += [(q, "edges") for q in _hull_quads(edges, min_area)]
    # Cheap, and right where an edge contour merges with clutter touching the document.
    candidates += [(q, "segments") for q in _segment_quads(scene, min_area)]
    if prior is not None:
        candidates.append((prior.points / np.float32(scale), "prior"))

    small_gray = scene.gray.astype(np.float32)
    empty: tuple = (0.0, 0.0, np.zeros((4, 2), np.float32), "", "", [])

    def best_of(items: list[tuple[np.ndarray, str]]) -> tuple[float, float, np.ndarray, str, str, list]:
        scored: list[tuple[float, float, np.ndarray, str, str, list]] = []
        seen = set()
        for pts, method in items:
            pts = order_corners(pts)
            key = tuple(np.round(pts.ravel() / 3).astype(int))  # near-identical outlines come in twos and threes
            if key in seen:
                continue
            seen.add(key)
            rank, confidence, aspect, sides = _score(pts, scene, kind_hint, still)
            if confidence > 0.02:
                scored.append((rank, confidence, pts, aspect, method, sides))
        scored.sort(key=lambda c: -c[0])
        # Polish the few best: outlines from regions and runs can sit some px off, which the strict score punishes.
        for i in range(min(4, len(scored))):
            rank, confidence, pts, aspect, method, sides = scored[i]
            polished = order_corners(refine_quad(small_gray, pts, radius=6.0, cut=sides))
            again = _score(polished, scene, kind_hint, still)
            if again[1] > confidence:
                scored[i] = (again[0], again[1], polished, again[2], method, again[3])
        good = [c for c in scored if c[1] >= MIN_CONFIDENCE]
        if not good:
            return empty
        # Stay with the document already followed unless something clearly better shows.
        best = max(good, key=lambda c: c[0] * (1.1 if c[4] == "prior" else 1.0))
        top_confidence[0] = max(top_confidence[0], best[1])
        return _outermost(best, good)

    top_confidence = [0.0]
    best = best_of(candidates)
    if top_confidence[0] < 0.55:
        # Only when nothing convincing showed: this costs more, and finds more false outlines.
        other = best_of([(q, "lines") for q in _line_quads(scene.maps[0] | scene.maps[1])])
        if other[0] > best[0]:
            best = other
    _, confidence, pts, aspect, method, sides = best
    if confidence < MIN_CONFIDENCE:
        return _full_image(frame, kind_hint) if still else None
    gray = cv2.GaussianBlur(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), (0, 0), 1.0).astype(np.float32)
    full = pts * np.float32(scale)
    full = refine_quad(gray, full, radius=3 * scale + 4, cut=sides)
    full = refine_quad(gray, full, radius=3.0, cut=sides)
    if aspect == "a4" and not any(sides):
        full = _expand_to_paper(gray, full)
    points = reading_order(full)
    if still and _is_the_whole_image(frame, points, kind_hint):
        return _full_image(frame, kind_hint, confidence)
    aspect = aspect_of(document_ratio(points, frame.shape), kind_hint)[0]
    cut = tuple(s for s in _frame_sides(points, frame.shape[:2], tol=2.5 * scale) if s)
    return Quad(points, aspect, round(float(min(1.0, confidence)), 3), method, cut)


def _edge_beyond(gray: np.ndarray, a: np.ndarray, b: np.ndarray, reach: float) -> float | None:
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


def _expand_to_paper(gray: np.ndarray, points: np.ndarray) -> Points:
    """The sheet's own edges when the outline found is the licence's printed frame, a margin inside them.

    Each side steps outward over strips of paper, rule by rule (the licence's frame is two rules with a band
    between), until what lies beyond is not paper; all four must step, and not further in all than a frame is
    wide (6 % of the diagonal: 21 mm of the licence's 364).
    """
    pts = np.asarray(points, np.float32)
    diagonal = float(np.linalg.norm(pts[2] - pts[0]))
    shifts = np.zeros(4, np.float32)
    normals = []
    for k in range(4):
        d = pts[(k + 1) % 4] - pts[k]
        normal = np.array([d[1], -d[0]], np.float32) / max(float(np.linalg.norm(d)), 1e-6)
        normals.append(normal)
        for _ in range(3):
            a, b = pts[k] + shifts[k] * normal, pts[(k + 1) % 4] + shifts[k] * normal
            gap = _edge_beyond(gray, a, b, 0.05 * diagonal)
            if gap is None or gap < 3 or shifts[k] + gap > 0.06 * diagonal:
                break
            shifts[k] += gap
    if shifts.min() <= 0:
        return pts
    out = pts.copy()
    for k in range(4):
        p1, d1 = pts[(k - 1) % 4] + shifts[(k - 1) % 4] * normals[(k - 1) % 4], pts[k] - pts[(k - 1) % 4]
        p2, d2 = pts[k] + shifts[k] * normals[k], pts[(k + 1) % 4] - pts[k]
        m = np.array([[d1[0], -d2[0]], [d1[1], -d2[1]]], np.float64)
        s = np.linalg.solve(m, (p2 - p1).astype(np.float64))
        out[k] = p1 + s[0] * d1
    h, w = gray.shape[:2]
    out = refine_quad(gray, out, radius=4.0, cut=_frame_sides(out, (h, w), tol=3.0))
    return out


def _is_the_whole_image(image: np.ndarray, points: np.ndarray, kind_hint: str | None) -> bool:
    """Whether a still shaped like a document is that document, the outline being something printed on it.

    A scan cropped to the sheet has no border to find: what is found is the licence's printed frame (a thin
    even margin inside the image's edges) or some box on the card (a small part of the image).
    """
    h, w = image.shape[:2]
    if aspect_of(max(w, h) / min(w, h), kind_hint)[1] < 0.9:  # the image itself within 3 % of the ratio
        return False
    if cv2.contourArea(points) < 0.3 * w * h:
        return True
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    return float(np.linalg.norm(order_corners(points) - corners, axis=1).max()) < 0.04 * float(np.hypot(w, h))


def _full_image(image: np.ndarray, kind_hint: str | None, confidence: float = 0.5) -> Quad | None:
    """The whole image as the document when its shape fits one (a scan cropped to the document)."""
    h, w = image.shape[:2]
    aspect, fit = aspect_of(max(w, h) / min(w, h), kind_hint)
    if fit < 0.7:  # within about 9 % of the document's ratio
        return None
    points = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32) - 0.5
    return Quad(reading_order(points), aspect, round(float(confidence), 3), "full_image")


def _points_of(quad: Quad | np.ndarray | None, image: np.ndarray) -> np.ndarray:
    if quad is None:
        h, w = image.shape[:2]
        return reading_order(np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32) - 0.5)
    return np.asarray(quad.points if isinstance(quad, Quad) else quad, np.float32).reshape(4, 2)


def _warp(image: np.ndarray, pts: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    w, h = size
    # Corners are the document's outer edges; pixel centres sit half a pixel inside them.
    dst = np.array([[-0.5, -0.5], [w - 0.5, -0.5], [w - 0.5, h - 0.5], [-0.5, h - 0.5]], np.float32)
    matrix = cv2.getPerspectiveTransform(pts.astype(np.float32), dst)
    return cv2.warpPerspective(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def rectify(
    frame: np.ndarray,
    quad: Quad | np.ndarray | None,
    size: tuple[int, int],
    scorer: Callable[[np.ndarray], float] | None = None,
) -> np.ndarray:
    """The document seen front-on at `size` (width, height); None means the whole image is the document.

    The corner order (long side on top) settles all but a half turn; a `scorer` (higher = more upright, e.g. the
    classifier's landmark reading) picks between the two half turns, or among all four quarter turns when the
    outline is nearly square.
    """
    pts = _points_of(quad, frame)
    image = _warp(_as_bgr(frame), pts, size)
    if scorer is None:
        return image
    ratio = Quad(pts, "", 0.0).ratio
    turns = (0, 2) if ratio > 1.2 else (0, 2, 1, 3)
    candidates = [image] + [_warp(_as_bgr(frame), np.roll(pts, -t, axis=0), size) for t in turns[1:]]
    return max(candidates, key=scorer)


def upright_candidates(image: np.ndarray, size: tuple[int, int] | None = None) -> list[np.ndarray]:
    """The image turned by 0, 180, 90 and 270 degrees clockwise (ROTATIONS), each resized to `size` if given.

    Resizing the quarter turns back to the landscape size undoes a rectification that put a short side on top.
    """
    turned = [
        image,
        cv2.rotate(image, cv2.ROTATE_180),
        cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE),
        cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE),
    ]
    if size is None:
        return turned
    return [t if t.shape[1::-1] == tuple(size) else cv2.resize(t, size, interpolation=cv2.INTER_AREA) for t in turned]


def warnings_for(image: np.ndarray, quad: Quad | None, kind: str | None = None) -> list[str]:
    """The quality warning codes (kiosk.ocr.quality) for a still image with its detected outline."""
    from kiosk.ocr import quality  # quality rectifies through this module

    return [w.code for w in quality.assess(image, quad, kind, still=True).warnings]
