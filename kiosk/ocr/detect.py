"""Find a document in a camera frame or a scan and rectify it to its canonical size (numpy + OpenCV, no Qt).

Candidates come from several places, all on a copy downscaled to about 640 px (detect_lines): edge contours
(Canny on grey, faint grey and colour, closed; each contour's hull cut to four corners, and its four longest
straight runs, which survive clutter touching the document), regions of light colourless paper (Otsu on the
darkest channel), and, only when those find nothing convincing, straight lines: HoughLinesP on the edges, and a
Hough transform voted by the gradient's own direction, which finds borders a few grey levels deep in a dim
frame; their lines make quads four at a time, and three at a time with the fourth side placed by the document's
ratio (for a side under clutter or white on white). Each is scored by how much of its outline lies on an edge or
steps the same way all along, the contrast across it (relative to the frame's white), its corner angles, its
area and its aspect ratio once perspective is undone (ID card 85.6/54, A4 297/210, either way round). The best
few are polished onto the edges (a point-by-point fit, and a search for the straight border covering most of
each side), then weighed by what they hold (detect_evidence: the portrait, emblem, QR code, seal or printed
frame the layouts put at known places; a sheet of paper has the outline of a document but none of its print).
The winner's sides are located to sub-pixel at full resolution and intersected, which also gives the sharp
corners of the ID card's rounded ones. A licence found by its printed frame is widened to the sheet's edges
(detect_paper); a side that turns out to be the edge of a sheet or thumb over the document is placed by the
document's ratio from the other three. `track_document` follows a document from frame to frame in a few
milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.ocr import detect_evidence, detect_lines, detect_paper, register
from kiosk.ocr.detect_lines import refine_quad

ASPECTS = {"card": 85.6 / 54.0, "a4": 297.0 / 210.0}
# Layout kinds (kiosk.ocr.layouts.KINDS) and the aspect names themselves map to the aspect to look for.
KIND_ASPECT = {
    "id_card_front": "card",
    "id_card_back": "card",
    "business_license": "a4",
    "card": "card",
    "a4": "a4",
    "page": "a4",  # any other paper an application needs: an A4 sheet holding print, no layout expected
}
WORK_SIDE = 640  # detection runs on a copy no longer than this: 1280x960 frames are searched at 640x480
MIN_AREA = 0.02  # smallest document worth reporting, as a share of the frame (smaller is "no document")
MIN_CONFIDENCE = 0.3
FOCAL = 0.8  # assumed focal length in frame widths (a 64 degree wide document camera) for undoing perspective
HIDDEN = "hidden"  # in a candidate's sides: placed by the document's shape, under clutter
EVIDENCE_FLOOR = 0.3  # a candidate holding nothing printed like a document keeps this share of its confidence
EVIDENCE_CHECKS = 6  # how many of the best candidates are looked into
# A side is taken for clutter's edge (_uncover) only when the outline's ratio, perspective undone, is off the
# document's by more than this (log ratio): with a guessed focal length it is itself 2-3 % off on a tilted card.
UNCOVER_RATIO = 0.025
CLIPPED = 250  # a frame whose white (95th percentile grey) reaches this is overexposed: a white desk looks like paper
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
        # A step across a side counts as an edge from this many grey levels: above the blurred noise of a
        # difference (the 5x5 Gaussian leaves about 0.3 sigma), and lower in a dim frame, whose borders are too.
        self.step = max(2.0, 1.2 * noise, 6.0 * float(np.clip(self.light / 230.0, 0.3, 1.0)))


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
    sides = detect_lines.frame_sides(pts, scene.shape, tol=2.5)
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
    near = np.clip(1.0 - scene.distance[yi[:m], xi[:m]] / 4.0, 0.0, 1.0)
    # A faint border Canny missed still steps the same way all along: count that too.
    step = scene.gray[yi[m : 2 * m], xi[m : 2 * m]].astype(np.float32) - scene.gray[yi[2 * m :], xi[2 * m :]]
    sign = np.sign(np.sign(step).sum(axis=1, keepdims=True))  # the way most of the side steps
    supports = np.maximum(near, np.clip(sign * step / scene.step - 0.5, 0.0, 1.0)).mean(axis=1)
    diff = scene.colour[yi[2 * m :], xi[2 * m :]] - scene.colour[yi[m : 2 * m], xi[m : 2 * m]]
    # Capped, so a few samples over clutter or print cannot carry a side (a cheap stand-in for the median).
    contrasts = np.minimum(np.sqrt((diff * diff).sum(axis=2)), 60.0).mean(axis=1)
    # Paper and cards are light: a dark inside (a phone, a mug, a dark folder) is not a document.
    inner = line[:, ::4] - 12 * normal[:, None, :]
    ix = np.clip(np.round(inner[..., 0]).astype(np.int32), 0, w - 1)
    iy = np.clip(np.round(inner[..., 1]).astype(np.int32), 0, h - 1)
    if float(np.median(scene.gray[iy, ix])) < 0.5 * scene.light:
        return 0.0, 0.0, "", []
    support = float(supports.mean()) * min(1.0, (float(supports.min()) + 0.1) / 0.5)
    # Saturating slowly: the paper's edge against the desk beats a line printed on the paper.
    # Relative to the frame's white: a dim picture's borders are as much weaker as its paper is darker.
    relative = float(contrasts.mean()) * 230.0 / max(scene.light, 60.0)
    contrast = 1.0 - float(np.exp(-(relative + 3.0) / 25.0))
    skew = max(0.0, float(np.abs(angles - 90).max()) - 12.0)
    shape_fit = float(np.exp(-((skew / 20.0) ** 2)))
    confidence = support**1.5 * np.sqrt(fit) * contrast * shape_fit
    # Among good outlines the larger one wins (the paper, not the licence's printed frame inside it).
    return float(confidence * share**0.25), float(confidence), name, sides


def _reshape(
    scene: _Scene, pts: np.ndarray, kind_hint: str | None, factor: float
) -> tuple[np.ndarray, str, list, float] | None:
    """An outline holding little of a document's print, completed over one side into one that holds much more:
    (corners, aspect, sides with the placed one marked HIDDEN, evidence factor), or None.

    A sheet lying over a licence's lower third leaves a visible part shaped like a card, and so on: each side
    in turn is moved out to where either document's ratio puts it (detect_lines.complete_side).
    """
    h, w = scene.shape
    diagonal = float(np.linalg.norm(pts[2] - pts[0]))
    names = [KIND_ASPECT[kind_hint]] if kind_hint in KIND_ASPECT else list(ASPECTS)
    best = None
    for name in names:
        for k in range(4):
            moved = detect_lines.complete_side(pts, k, ASPECTS[name], FOCAL * w, scene.shape)
            if moved is None or moved.min() < 0 or (moved[:, 0] > w - 1).any() or (moved[:, 1] > h - 1).any():
                continue
            a, b = pts[k], pts[(k + 1) % 4]
            normal = np.array([b[1] - a[1], a[0] - b[0]], np.float32) / max(float(np.linalg.norm(b - a)), 1e-6)
            shift = (moved[[k, (k + 1) % 4]] - pts[[k, (k + 1) % 4]]) @ normal
            if shift.min() < -0.02 * diagonal or shift.max() < 0.03 * diagonal:
                continue
            found = _evidence_factor(scene.small, moved, name, [], kind_hint, scene.light)
            # A side placed, not seen, costs: the completed outline must hold clearly more.
            if found * 0.9 > factor + 0.25 and (best is None or found > best[3]):
                best = (moved, name, [HIDDEN if j == k else None for j in range(4)], found * 0.9)
    return best


def _uncover(scene: _Scene, pts: np.ndarray, aspect: str, kind_hint: str | None) -> int | None:
    """The side of an outline that is the edge of clutter lying over the document (a sheet, a thumb, a pen
    along its margin), not the document's own edge; or None.

    Such a side leaves the outline short: placed where the document's ratio puts it (given the other three,
    detect_lines.complete_side), it moves out by a good share of the document, over something unlike the
    desk seen round the other sides, and what the outline holds stays as much a document's.
    """
    pts = order_corners(pts)
    h, w = scene.shape
    if abs(np.log(document_ratio(pts, scene.shape) / ASPECTS[aspect])) < UNCOVER_RATIO:
        return None  # already the document's shape: no side is short of it
    diagonal = float(np.linalg.norm(pts[2] - pts[0]))
    t = np.linspace(0.1, 0.9, 16, dtype=np.float32)[:, None]

    def colours(points: np.ndarray) -> np.ndarray:
        inside = (points[:, 0] >= 0) & (points[:, 0] <= w - 1) & (points[:, 1] >= 0) & (points[:, 1] <= h - 1)
        xy = np.round(points[inside]).astype(np.int32)
        return scene.colour[xy[:, 1], xy[:, 0]]

    outside = []
    for k in range(4):
        a, b = pts[k], pts[(k + 1) % 4]
        normal = np.array([b[1] - a[1], a[0] - b[0]], np.float32) / max(float(np.linalg.norm(b - a)), 1e-6)
        outside.append(colours(a + t * (b - a) + 8 * normal))
    base = None
    best: tuple[float, int] | None = None
    for k in range(4):
        moved = detect_lines.complete_side(pts, k, ASPECTS[aspect], FOCAL * w, scene.shape)
        if moved is None or moved.min() < 0 or (moved[:, 0] > w - 1).any() or (moved[:, 1] > h - 1).any():
            continue
        a, b = pts[k], pts[(k + 1) % 4]
        normal = np.array([b[1] - a[1], a[0] - b[0]], np.float32) / max(float(np.linalg.norm(b - a)), 1e-6)
        shift = (moved[[k, (k + 1) % 4]] - pts[[k, (k + 1) % 4]]) @ normal
        # Short of the document's shape by more than its ratio's own uncertainty (about 2 %) at one end at least
        # (clutter's edge runs at an angle to the document's).
        if shift.min() < -0.02 * diagonal or shift.max() < 0.02 * diagonal or shift.max() > 0.4 * diagonal:
            continue
        near, far = a + t * (b - a), moved[k] + t * (moved[(k + 1) % 4] - moved[k])
        wide = (shift[0] + t[:, 0] * (shift[1] - shift[0])) > 0.015 * diagonal  # where the strip is some width
        strip = np.concatenate([colours((near + f * (far - near))[wide]) for f in (0.35, 0.55, 0.75)])
        desk = np.concatenate([outside[j] for j in range(4) if j != k])
        if len(strip) < 12 or len(desk) < 12:
            continue
        unlike = float(np.linalg.norm(np.median(strip, axis=0) - np.median(desk, axis=0)))
        if unlike < 25:
            continue  # the desk goes on there: the side is the document's edge
        if base is None:
            base = _evidence_factor(scene.small, pts, aspect, [], kind_hint, scene.light)
        if _evidence_factor(scene.small, moved, aspect, [], kind_hint, scene.light) < base - 0.05:
            continue
        if best is None or unlike > best[0]:
            best = (unlike, k)
    return None if best is None else best[1]


def _evidence_factor(
    small: np.ndarray, pts: np.ndarray, aspect: str, sides: list, kind_hint: str | None, white: float | None = None
) -> float:
    """What a candidate's confidence is multiplied by: EVIDENCE_FLOOR with no sign of a document's print, 1 with.

    A document running out of the frame across one side is completed beyond it by its shape, so the layout's
    boxes that show can be looked into; it is never fully sure.
    """
    if kind_hint == "page":  # no layout to look for: a light sheet with something printed on it will do
        return EVIDENCE_FLOOR + (1.0 - EVIDENCE_FLOOR) * detect_evidence.page_evidence(small, pts, white)
    kinds = (kind_hint,) if kind_hint in detect_evidence.KINDS_OF["card"] + detect_evidence.KINDS_OF["a4"] else None
    cut = [k for k, side in enumerate(sides) if side]
    if not cut:
        upright = reading_order(pts)
        view = detect_evidence.DocumentView(small, upright, aspect, white)
        found = max(view.scores(kinds or detect_evidence.KINDS_OF[aspect]).values())
        if aspect == "a4" and found < 0.9 and white is not None and white >= CLIPPED:
            # The outline may be the licence's printed frame (an overexposed sheet's edges are gone, the frame's
            # rules stay): its print then lies a margin further out than this outline puts it. Only where the
            # frame's white is clipped: elsewhere the sheet's edges show, and a frame-sized outline is more often
            # the sheet cut short by clutter along a side.
            sheet = detect_paper.sheet_around_frame(upright)
            view = detect_evidence.DocumentView(small, sheet, aspect, white)
            found = max(found, *view.scores(kinds or detect_evidence.KINDS_OF[aspect]).values())
        return EVIDENCE_FLOOR + (1.0 - EVIDENCE_FLOOR) * found
    found = 0.5 * detect_evidence.visible_evidence(small, pts, white)
    names = [KIND_ASPECT[kind_hint]] if kind_hint in KIND_ASPECT else list(ASPECTS)
    for name in names if len(cut) == 1 else ():
        whole = detect_lines.complete_side(pts, cut[0], ASPECTS[name], FOCAL * small.shape[1], small.shape)
        if whole is not None:
            view = detect_evidence.DocumentView(small, reading_order(whole), name, white)
            found = max(found, 0.8 * max(view.scores(kinds or detect_evidence.KINDS_OF[name]).values()))
    return EVIDENCE_FLOOR + (1.0 - EVIDENCE_FLOOR) * found


def _gradient_quads(scene: _Scene, min_area: float, kind_hint: str | None) -> list[np.ndarray]:
    """Quads of the lines a gradient-voted Hough transform finds in the half-size frame (detect_lines)."""
    h, w = scene.shape
    half = cv2.resize(scene.gray, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    half = cv2.GaussianBlur(half.astype(np.float32), (0, 0), 1.0)
    names = [KIND_ASPECT[kind_hint]] if kind_hint in KIND_ASPECT else list(ASPECTS)
    aspects = tuple(ASPECTS[name] for name in names)
    return detect_lines.line_quads(half, scene.gray, scene.distance, scene.step, min_area, FOCAL, aspects)


def _outermost(best: _Candidate, scored: list[_Candidate]) -> _Candidate:
    """The paper around a printed frame: a good outline just outside the best one, of the same shape, wins."""
    inner = best.points
    diag = float(np.linalg.norm(inner[2] - inner[0]))
    chosen = best
    for candidate in scored:
        outer = candidate.points
        if candidate.confidence < 0.6 * best.confidence or cv2.contourArea(outer) <= cv2.contourArea(chosen.points):
            continue
        gaps = np.linalg.norm(outer - inner, axis=1)
        if gaps.max() > 0.12 * diag or gaps.min() < 0.01 * diag:
            continue
        if all(cv2.pointPolygonTest(outer.reshape(-1, 1, 2), (float(x), float(y)), False) > 0 for x, y in inner):
            chosen = candidate
    return chosen


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
    pts, _ = detect_lines.refine(gray, prior.points - shift, reach)
    pts, supports = detect_lines.refine(gray, pts, 3.0)
    pts = pts + shift
    if min(supports) < 0.4 or np.mean(supports) < 0.7 or float(np.abs(pts - prior.points).max()) > 2 * reach:
        return None
    if (
        any(detect_lines.frame_sides(pts, (h, w), tol=2.0))
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


@dataclass
class _Candidate:
    """One outline in the detection frame, scored: rank (confidence, larger outlines a little ahead) and 0..1
    confidence, its aspect, how it was found, and its sides' frame sides (or HIDDEN: placed, not seen)."""

    rank: float
    confidence: float
    points: np.ndarray
    aspect: str
    method: str
    sides: list

    @property
    def standing(self) -> float:
        """The rank to beat: the document already followed is kept unless something clearly better shows."""
        return self.rank * (1.1 if self.method == "prior" else 1.0)

    def weighed(self, factor: float) -> _Candidate:
        rank, confidence = self.rank * factor, self.confidence * factor
        return _Candidate(rank, confidence, self.points, self.aspect, self.method, self.sides)


def _scored(items: list[tuple[np.ndarray, str]], scene: _Scene, kind_hint: str | None, still: bool) -> list[_Candidate]:
    """The outlines worth anything, best first, the few best polished onto the edges."""
    scored: list[_Candidate] = []
    seen = set()
    for pts, method in items:
        pts = order_corners(pts)
        key = tuple(np.round(pts.ravel() / 3).astype(int))  # near-identical outlines come in twos and threes
        if key not in seen:
            seen.add(key)
            rank, confidence, aspect, sides = _score(pts, scene, kind_hint, still)
            if confidence > 0.02:
                scored.append(_Candidate(rank, confidence, pts, aspect, method, sides))
    scored.sort(key=lambda c: -c.rank)
    gray = scene.gray.astype(np.float32)
    # Outlines from regions and runs can sit some px off, which the strict score punishes; a side still
    # unconvincing after that may be faint, or partly under clutter a point-by-point fit follows (snap_quad).
    for i, c in enumerate(scored[:4]):
        tries = [refine_quad(gray, c.points, radius=6.0, cut=c.sides)]
        if i < 2 and c.confidence < 0.7:
            tries.append(detect_lines.snap_quad(gray, c.points, 8.0, 1.0, scene.step, keep=tuple(c.sides)))
        for polished in map(order_corners, tries):
            rank, confidence, aspect, sides = _score(polished, scene, kind_hint, still)
            if confidence > scored[i].confidence:
                scored[i] = _Candidate(rank, confidence, polished, aspect, c.method, sides)
    scored.sort(key=lambda c: -c.rank)
    return scored


def _choose(scored: list[_Candidate], scene: _Scene, kind_hint: str | None, still: bool) -> _Candidate | None:
    """The best outline once the best few are weighed by what they hold (a plain sheet has the outline of a
    document but none of its print): best first, until none left could win even were its print perfect."""
    best, best_factor = None, 1.0
    for c in scored[:EVIDENCE_CHECKS]:
        if best is not None and c.standing <= best.standing:
            break
        factor = _evidence_factor(scene.small, c.points, c.aspect, c.sides, kind_hint, scene.light)
        if factor >= 0.7 and c.confidence < 0.5:
            # Surely a document, but its outline unconvincing: look for its faint sides near this one.
            snapped = order_corners(
                detect_lines.snap_quad(scene.gray.astype(np.float32), c.points, 8.0, 1.0, scene.step)
            )
            rank, confidence, aspect, sides = _score(snapped, scene, kind_hint, still)
            if confidence > c.confidence and aspect == c.aspect:
                c = _Candidate(rank, confidence, snapped, aspect, c.method, sides)
        if factor < 0.6 and not any(c.sides) and c.confidence >= 0.4:
            # What shows may be the part of a document not under clutter: the whole, placed by its shape.
            reshaped = _reshape(scene, c.points, kind_hint, factor)
            if reshaped is not None:
                points, aspect, sides, factor = reshaped
                c = _Candidate(c.rank, c.confidence, points, aspect, c.method, sides)
        weighed = c.weighed(factor)
        if weighed.confidence >= MIN_CONFIDENCE and (best is None or weighed.standing > best.standing):
            best, best_factor = weighed, factor
    if best is None:
        return None
    # The sheet around a licence's printed frame holds the same print: weighed as the best one was.
    return _outermost(best, [w for c in scored if (w := c.weighed(best_factor)).confidence >= MIN_CONFIDENCE])


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
        candidates += [(q, "edges") for q in detect_lines.hull_quads(edges, min_area)]
    # Cheap, and right where an edge contour merges with clutter touching the document.
    candidates += [(q, "segments") for q in detect_lines.segment_quads(scene.small, min_area)]
    if prior is not None:
        candidates.append((prior.points / np.float32(scale), "prior"))
    best = _choose(_scored(candidates, scene, kind_hint, still), scene, kind_hint, still)
    if best is None or best.confidence < 0.55:
        # Only when nothing convincing showed: this costs more, and finds more false outlines.
        lines = detect_lines.hough_quads(scene.maps[0] | scene.maps[1]) + _gradient_quads(scene, min_area, kind_hint)
        other = _choose(_scored([(q, "lines") for q in lines], scene, kind_hint, still), scene, kind_hint, still)
        if other is not None and (best is None or other.rank > best.rank):
            best = other
    if best is None:
        return _full_image(frame, kind_hint) if still else None
    sides = [None if side == HIDDEN else side for side in best.sides]
    hidden = best.sides.index(HIDDEN) if HIDDEN in best.sides else None
    if hidden is None and not any(sides):
        hidden = _uncover(scene, best.points, best.aspect, kind_hint)
    keep = [HIDDEN if k == hidden else side for k, side in enumerate(sides)]
    # At full resolution: the sides seen located to sub-pixel, a licence's widened to the sheet, a hidden one
    # placed again from them.
    gray = cv2.GaussianBlur(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), (0, 0), 1.0).astype(np.float32)
    full = refine_quad(gray, best.points * np.float32(scale), radius=3 * scale + 4, cut=keep)
    full = refine_quad(gray, full, radius=3.0, cut=keep)
    if best.aspect == "a4" and not any(sides):
        full = detect_paper.expand_to_paper(gray, full, keep)
    if hidden is not None:
        placed = detect_lines.complete_side(full, hidden, ASPECTS[best.aspect], FOCAL * frame.shape[1], frame.shape)
        full = full if placed is None else placed
    points = reading_order(full)
    if best.aspect == "a4":
        # A licence's printed frame puts each side where the sheet's edge is, when the edge itself is hidden.
        points = reading_order(register.register_licence(frame, points)[0])
    if still and _is_the_whole_image(frame, points, kind_hint):
        return _full_image(frame, kind_hint, best.confidence)
    aspect = aspect_of(document_ratio(points, frame.shape), kind_hint)[0]
    cut = tuple(s for s in detect_lines.frame_sides(points, frame.shape[:2], tol=2.5 * scale) if s)
    return Quad(points, aspect, round(float(min(1.0, best.confidence)), 3), best.method, cut)


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
