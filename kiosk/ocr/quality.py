"""Is this picture of a document good enough to read? Per-frame measurements and warnings (numpy + OpenCV, no Qt).

`assess(frame, quad, kind)` measures where the document sits in the frame, how sharp, evenly lit and glare-free
its rectified image is, whether it is smeared by motion (kiosk.ocr.deblur: a hand that moved while the picture
was taken, though the outline may not have moved between frames), whether it is tilted, and two fraud hints: a
black-and-white copy (no coloured print where real documents have blue labels, a red emblem or seal, a colour
photo) and a photo of a screen (a moiré or sub-pixel pattern: a sharp peak in the spectrum at periods of 2 to 8
pixels). Warnings carry a code the UI translates and a short English message; the numbers behind them stay on
the Assessment for logs and tuning.
The fraud hints are tuned to stay silent on genuine documents: a missed copy is cheaper than accusing a resident.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from kiosk.ocr import deblur, detect
from kiosk.ocr.layouts import LAYOUTS
from kiosk.spectrum import periodic_peak

MESSAGES = {
    "no_document": "No document found",
    "cut_off": "Part of the document is outside the picture",
    "too_far": "The document is too small in the picture: bring it closer",
    "too_close": "The document is too close: move it back",
    "blurred": "The picture is blurred",
    "glare": "Glare on the document",
    "too_dark": "The picture is too dark",
    "too_bright": "The picture is too bright",
    "tilted": "The document is tilted: hold it flat",
    "photocopy": "This looks like a black-and-white copy, not the original",
    "screen": "This looks like a photo of a screen, not the original",
}
# Rectified for measuring at this many pixels per mm: enough for text strokes, cheap to warp every frame.
WORK_PX_PER_MM = {"card": 6.0, "a4": 3.0}
DOC_MM = {"card": (85.6, 54.0), "a4": (297.0, 210.0)}


@dataclass(frozen=True)
class Thresholds:
    """Where each warning starts; the defaults were set on synthetic frames (see tests/kiosk/test_ocr_capture.py)."""

    margin: float = 0.005  # corners closer to the frame's edge than this share of its short side are cut off
    min_size: tuple[float, float] = (0.40, 0.60)  # card, A4: document extent / frame extent below this is too far
    max_size: float = 0.985  # filling more than this of the frame (or cut on opposite sides) is too close
    min_sharpness: float = 0.10  # normalised Laplacian energy (see sharpness()); below is blurred
    # A linear motion blur this sure (deblur.measure_motion) is warned of as blurred. Above deblur.CONFIDENT (from
    # which the reader reads a deblurred copy as well, which costs only time): held frames of the simulated
    # document camera's footage (kiosk.footage) measure up to 9, still camera-tier photographs under 7, and
    # camera-tier ones smeared 4 px or more 8 to 20 (most above 11).
    motion_confidence: float = 10.0
    # Live capture holds a frame back only for a surer smear: a card or licence smeared 4-9 px by a trembling
    # hand measures 15 and more.
    live_motion_confidence: float = 12.0
    min_motion_px: float = 3.8  # shorter smears (in frame pixels) do not harm 25 px print
    glare_level: int = 248  # all three channels at or above this are blown out
    glare_min_share: float = 0.0015  # a glare blob smaller than this share of the document is a speck
    dark_mean: float = 60.0
    # card, A4: share of the document blown out; a licence is mostly white paper, which clips more readily
    bright_clipped_share: tuple[float, float] = (0.25, 0.45)
    max_skew_deg: float = 22.0  # largest corner angle away from 90 degrees
    min_colour_share: float = 0.0008  # below this share of coloured pixels the document is a greyscale copy
    colour_distance: float = 20.0  # chroma distance (YCrCb) from the document's own median that counts as colour
    screen_peak: float = 6.5  # log power of the strongest high-frequency peak over its surroundings


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class QualityWarning:
    """One problem: a stable code for the UI to translate, an English message, and details (sides, fields)."""

    code: str
    message: str
    detail: tuple[str, ...] = ()


@dataclass
class Assessment:
    """Every measurement of one frame, and the warnings they gave."""

    found: bool
    fully_in_frame: bool = False
    cut_sides: tuple[str, ...] = ()
    size: float = 0.0  # document extent / frame extent, the larger of across and down
    sharpness: float = 0.0  # normalised: about 0.3-1 sharp, under 0.1 blurred
    laplacian_var: float = 0.0  # raw variance of the Laplacian of the rectified document (for logs)
    motion: deblur.MotionBlur | None = None  # the likeliest motion blur, when it was measured (see note_motion)
    glare_share: float = 0.0  # share of the document blown out in blobs
    glare_fields: tuple[str, ...] = ()  # fields a glare blob covers part of
    brightness: float = 0.0  # mean grey level of the document
    clipped_share: float = 0.0
    skew_deg: float = 0.0
    colour_share: float = 0.0
    screen_score: float = 0.0
    warnings: list[QualityWarning] = field(default_factory=list)

    @property
    def codes(self) -> tuple[str, ...]:
        """The warning codes, in the order found."""
        return tuple(w.code for w in self.warnings)

    def has(self, code: str) -> bool:
        """Whether a warning with this code was raised."""
        return any(w.code == code for w in self.warnings)

    def warning(self, code: str) -> QualityWarning | None:
        """The warning with this code, if raised."""
        return next((w for w in self.warnings if w.code == code), None)


def _warn(code: str, detail: tuple[str, ...] = ()) -> QualityWarning:
    return QualityWarning(code, MESSAGES[code], detail)


def aspect_for(kind: str | None, quad: detect.Quad) -> str:
    """The aspect ("card" or "a4") of a layout kind, or the one the detector matched."""
    return detect.KIND_ASPECT.get(kind or "", quad.aspect if quad.aspect in DOC_MM else "card")


def work_scale(quad: detect.Quad, aspect: str) -> float:
    """Pixels per mm to measure at: the camera's own, capped at WORK_PX_PER_MM.

    Never enlarged: upsampling a far document would make a focused picture look blurred.
    """
    native = max(quad.width, quad.height) / DOC_MM[aspect][0]
    return float(min(WORK_PX_PER_MM[aspect], max(native, 1.0)))


def work_image(frame: np.ndarray, quad: detect.Quad, aspect: str, scale: float) -> np.ndarray:
    """The document rectified at `scale` pixels per mm."""
    w_mm, h_mm = DOC_MM[aspect]
    size = (round(w_mm * scale), round(h_mm * scale))
    dst = np.array([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]], np.float32) - 0.5
    matrix = cv2.getPerspectiveTransform(quad.points.astype(np.float32), dst)
    return cv2.warpPerspective(frame, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def cut_sides(points: np.ndarray, shape: tuple[int, ...], margin: float) -> tuple[str, ...]:
    """The frame sides ("left", "right", "top", "bottom") a corner comes within `margin` pixels of."""
    h, w = shape[:2]
    sides = []
    if points[:, 0].min() < margin:
        sides.append("left")
    if points[:, 0].max() > w - 1 - margin:
        sides.append("right")
    if points[:, 1].min() < margin:
        sides.append("top")
    if points[:, 1].max() > h - 1 - margin:
        sides.append("bottom")
    return tuple(sides)


def sharpness(gray: np.ndarray) -> tuple[float, float]:
    """(normalised sharpness, raw Laplacian variance) of a rectified grey document.

    The Laplacian's energy over the gradient's grows as edges narrow and does not change with contrast or with how
    much text there is, so one threshold serves dark and bright frames, busy and sparse documents.
    """
    # A light blur first: sensor noise is the sharpest thing in a dim frame and would pass for detail.
    g = cv2.GaussianBlur(gray, (3, 3), 0.8).astype(np.float32)
    lap = cv2.Laplacian(g, cv2.CV_32F, ksize=3)
    gx = cv2.Sobel(g, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(g, cv2.CV_32F, 0, 1, ksize=3)
    grad = float((gx * gx + gy * gy).mean())
    lap_var = float(lap.var())
    return (lap_var / grad if grad > 1.0 else 0.0), lap_var


def field_boxes(kind: str | None, scale: float) -> dict[str, tuple[int, int, int, int]]:
    """The layout's field boxes in pixels of an image at `scale` px/mm (empty when the kind is unknown)."""
    layout = LAYOUTS.get(kind or "")
    if layout is None:
        return {}
    return {f.name: tuple(round(v * scale) for v in f.box) for f in layout.fields}  # type: ignore[misc]


def glare(image: np.ndarray, boxes: dict[str, tuple[int, int, int, int]], t: Thresholds) -> tuple[float, tuple]:
    """(share of the document under glare blobs, names of the fields a blob covers part of).

    A glare blob is blown out (all channels near 255) on paper that is not (the caller checks the paper's own
    level); white print inside dark or coloured ink (the emblem's star, a QR code's gaps) is not glare.
    """
    b, g, r = cv2.split(image)
    lightest = cv2.min(cv2.min(b, g), r)
    blown = (lightest >= t.glare_level).astype(np.uint8)
    # Opening drops single hot pixels and the bright rims of print; glare is a patch.
    blown = cv2.morphologyEx(blown, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(blown, connectivity=8)
    area = image.shape[0] * image.shape[1]
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    saturation = cv2.cvtColor(image, cv2.COLOR_BGR2HSV)[:, :, 1]
    ring_width = max(3, round(0.02 * max(image.shape[:2])))
    keep = []
    for i in range(1, count):
        if stats[i, cv2.CC_STAT_AREA] < t.glare_min_share * area:
            continue
        x, y, w, h = stats[i, :4]
        x0, y0 = max(0, x - ring_width), max(0, y - ring_width)
        x1, y1 = min(image.shape[1], x + w + ring_width), min(image.shape[0], y + h + ring_width)
        blob = (labels[y0:y1, x0:x1] == i).astype(np.uint8)
        ring = cv2.dilate(blob, np.ones((2 * ring_width + 1,) * 2, np.uint8)) > blob
        if not ring.any():
            continue
        around = float(np.median(gray[y0:y1, x0:x1][ring]))
        inked = float((saturation[y0:y1, x0:x1][ring] > 80).mean())
        # Glare fades into lit paper; white print (the emblem's star, a QR code's gaps) sits in dark or coloured ink.
        if around > t.glare_level - 70 and inked < 0.2:
            keep.append(i)
    if not keep:
        return 0.0, ()
    mask = np.isin(labels, keep).astype(np.uint8)
    # Where the blob closes over print that still shows (paper lit to clipping around legible text), nothing is
    # hidden; glare washes the print out with the paper. Closing spans the gaps between strokes.
    stroke = max(5, round(0.015 * max(image.shape[:2]))) | 1
    covered = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((stroke, stroke), np.uint8)) > 0
    ink = gray < t.glare_level - 25  # print still standing out of the blown paper, however washed
    hit = []
    for name, (x0, y0, x1, y1) in boxes.items():
        over = covered[y0:y1, x0:x1]
        area = int(over.sum())
        # A few pixels grazing a box do not hide a character; a tenth of it, or a glyph's worth, may.
        if area >= min(0.1 * (x1 - x0) * (y1 - y0), 150) and ink[y0:y1, x0:x1][over].mean() < 0.01:
            hit.append(name)
    return float(mask.mean()), tuple(hit)


def colour_share(image: np.ndarray, t: Thresholds) -> float:
    """Share of the document printed in colour, measured against its own median tint (a colour cast cancels)."""
    small = cv2.GaussianBlur(image, (5, 5), 0)  # averages colour noise and demosaicing fringes away
    ycc = cv2.cvtColor(small, cv2.COLOR_BGR2YCrCb).astype(np.float32)
    lit = ycc[:, :, 0] > 40  # chroma of near-black pixels is noise
    if lit.sum() < 100:
        return 0.0
    cr, cb = ycc[:, :, 1][lit], ycc[:, :, 2][lit]
    distance = np.hypot(cr - np.median(cr), cb - np.median(cb))
    # Chroma shrinks with exposure: judged against the paper's brightness, a dim picture keeps its colours.
    paper = max(float(np.percentile(ycc[:, :, 0], 90)), 40.0)
    return float((distance * (220.0 / paper) > t.colour_distance).mean())


def screen_score(frame: np.ndarray, quad: detect.Quad) -> float:
    """How strongly the document's inside shows a periodic fine pattern (moiré, sub-pixels, scan lines)."""
    # At the camera's own resolution: rectifying would resample the very pattern looked for.
    centre = quad.points.mean(axis=0)
    inner = centre + 0.6 * (quad.points - centre)  # well inside the document, clear of its border
    x0, y0 = np.floor(inner.min(axis=0)).astype(int)
    x1, y1 = np.ceil(inner.max(axis=0)).astype(int)
    h, w = frame.shape[:2]
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
    side = min(x1 - x0, y1 - y0)
    n = 1 << int(np.log2(max(side, 1)))
    n = min(n, 256)
    if n < 64:
        return 0.0
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    patch = frame[cy - n // 2 : cy + n // 2, cx - n // 2 : cx + n // 2].astype(np.float32)
    if patch.shape[:2] != (n, n):
        return 0.0
    gray = patch.mean(axis=2)
    # Sub-pixel stripes cancel in grey (R, G and B take turns) but not in red minus blue.
    chroma = patch[:, :, 2] - patch[:, :, 0]
    return max(periodic_peak(gray), periodic_peak(chroma))


def smeared(blur: deblur.MotionBlur | None, thresholds: Thresholds = DEFAULT_THRESHOLDS, *, live: bool = False) -> bool:
    """Whether a motion blur measurement (deblur.measure_motion) is a smear worth a warning (`live`: worth
    holding a live capture back for, see Thresholds.live_motion_confidence)."""
    if blur is None or blur.length < thresholds.min_motion_px:
        return False
    return blur.confidence >= (thresholds.live_motion_confidence if live else thresholds.motion_confidence)


def note_motion(
    result: Assessment, blur: deblur.MotionBlur | None, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> None:
    """Record a motion blur measurement on an assessment, and warn "blurred" (detail "motion") if it is one.

    Separate from assess() so that a caller that measures the blur anyway (the reader, to undo it) does so once.
    """
    result.motion = blur
    if not smeared(blur, thresholds) or result.brightness < thresholds.dark_mean:
        return  # too dark is said first, and the measurement is of noise there
    result.warnings[:] = [w for w in result.warnings if w.code != "blurred"]
    result.warnings.append(_warn("blurred", ("motion",)))


def check_motion(
    result: Assessment, frame: np.ndarray, quad: detect.Quad, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> None:
    """Measure the frame's motion blur inside the outline and note it on the assessment (a few tens of ms)."""
    note_motion(result, deblur.measure_motion(frame, quad.points), thresholds)


def assess(
    frame: np.ndarray,
    quad: detect.Quad | None,
    kind: str | None = None,
    *,
    still: bool = False,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    fraud_checks: bool = True,
    motion_check: bool | None = None,
) -> Assessment:
    """Measure one frame (or still image) with the document's outline; `kind` is a layout kind, if known.

    `motion_check` (by default: for a still of a known layout) adds the motion blur measurement (check_motion),
    the costliest check after the fraud hints; live capture makes it only on the frame it is about to keep. It
    was tuned on the ID card's and licence's print: on other papers (ruled lines, a form's grid) evenly spaced
    strokes can pass for a blur's dips, so they are not measured unless asked.
    """
    t = thresholds
    if quad is None:
        return Assessment(found=False, warnings=[_warn("no_document")])
    frame = frame if frame.ndim == 3 else cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    h, w = frame.shape[:2]
    pts = quad.points
    result = Assessment(found=True)
    warnings = result.warnings
    aspect = aspect_for(kind, quad)

    # Where it sits. A scan that is the document (full_image) is neither cut off nor too close.
    full_image = quad.method == "full_image"
    # A live frame needs room for the hand to wander; a still only has to contain the corners.
    margin = 2.0 if still else t.margin * min(h, w)
    result.cut_sides = () if full_image else cut_sides(pts, frame.shape, margin)
    result.fully_in_frame = not result.cut_sides
    extent = pts.max(axis=0) - pts.min(axis=0)
    result.size = float(max(extent[0] / w, extent[1] / h))
    opposite = {"left", "right"} <= set(result.cut_sides) or {"top", "bottom"} <= set(result.cut_sides)
    if not full_image and not still and (opposite or result.size > t.max_size):
        warnings.append(_warn("too_close"))
    elif result.cut_sides:
        warnings.append(_warn("cut_off", result.cut_sides))
    if not still and result.size < t.min_size[0 if aspect == "card" else 1]:
        warnings.append(_warn("too_far"))
    angles = detect._corner_angles(pts)
    result.skew_deg = float(np.abs(angles - 90).max())
    if not result.cut_sides and result.skew_deg > t.max_skew_deg:
        warnings.append(_warn("tilted"))

    # What it looks like, front-on.
    scale = work_scale(quad, aspect)
    image = work_image(frame, quad, aspect, scale)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    result.brightness = float(gray.mean())
    result.clipped_share = float((gray >= 250).mean())
    result.sharpness, result.laplacian_var = sharpness(gray)
    if result.brightness < t.dark_mean:
        warnings.append(_warn("too_dark"))
    elif result.clipped_share > t.bright_clipped_share[0 if aspect == "card" else 1]:
        warnings.append(_warn("too_bright"))
    if result.sharpness < t.min_sharpness and result.brightness >= t.dark_mean:
        warnings.append(_warn("blurred"))
    if (still and kind in LAYOUTS) if motion_check is None else motion_check:
        check_motion(result, frame, quad, t)
    # Glare is a patch brighter than the paper around it; paper blown out all over is overexposure instead.
    boxes = field_boxes(kind, scale)
    if float(np.median(gray)) < t.glare_level - 10:
        result.glare_share, result.glare_fields = glare(image, boxes, t)
    # Glare off every field harms nothing; with no layout known, any glare may hide something.
    if result.glare_fields or (not boxes and result.glare_share > 0):
        warnings.append(_warn("glare", result.glare_fields))

    if fraud_checks and result.fully_in_frame and t.dark_mean <= result.brightness:
        result.colour_share = colour_share(image, t)
        # Blown-out light bleaches print too: no verdict on a copy from an overexposed picture.
        if result.colour_share < t.min_colour_share and not result.has("too_bright"):
            warnings.append(_warn("photocopy"))
        result.screen_score = screen_score(frame, quad)
        if result.screen_score > t.screen_peak:
            warnings.append(_warn("screen"))
    return result
