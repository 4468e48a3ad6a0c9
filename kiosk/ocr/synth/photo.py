"""Turning a flat document into a photograph of it: a scan, a camera shot on a desk, or a hard shot.

Tiers:
- "scan": flat on a white bed, rotated at most 1 degree, mild noise; the frame is the document plus 8 % a side.
- "camera": on a cluttered desk, the document's bounding box spanning 35-80 % of a 1280x960 frame (in its
  tighter dimension), perspective tilt up to ~12 degrees, rotation up to 10 degrees, mild blur, noise, uneven
  light, JPEG quality 70-90.
- "hard": tilt up to ~20 degrees, stronger blur, low light or overexposure, a glare spot kept off the protected
  boxes (ID number, credit code), shadows, clutter over the margins but never over a field, JPEG 50-70.
Corners are the document's four outer corners in frame pixels, clockwise from its top-left; the flat image's
corners (0,0), (w,0), (w,h), (0,h) map onto them, so warping them back gives the flat document again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

FRAME_SIZE = (1280, 960)  # the document camera's preview size: enough for an ID card
# A4 under a document camera is photographed at its full 5 MP: at 1280x960 a licence's 12 pt text would be
# about 14 px high, below what any recogniser reads reliably; terminals capture documents at full resolution.
A4_FRAME_SIZE = (2592, 1944)


def frame_size_for(flat_size: tuple[int, int]) -> tuple[int, int]:
    """The camera frame a flat document of this size is photographed in (A4 at full resolution)."""
    aspect = flat_size[0] / flat_size[1]
    return A4_FRAME_SIZE if abs(aspect - 297 / 210) < abs(aspect - 85.6 / 54) else FRAME_SIZE


TIERS = ("scan", "camera", "hard")
SCAN_MARGIN = 0.08
Box = tuple[int, int, int, int]


@dataclass
class Photo:
    """A photographed document: the decoded image, its encoded file bytes, the corners and how it was made."""

    image: np.ndarray  # BGR uint8, exactly what `encoded` decodes to
    corners: np.ndarray  # (4, 2) float32: top-left, top-right, bottom-right, bottom-left of the document
    encoded: bytes
    ext: str
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Pose:
    """Where the document lies in the frame: centre, size of its bounding box, in-plane and out-of-plane angles."""

    cx: float
    cy: float
    extent: float  # the longest side of the projected quad's bounding box, in pixels
    rotation: float  # degrees, in the image plane
    tilt_x: float  # degrees, about the document's horizontal axis
    tilt_y: float  # degrees, about its vertical axis


def scan_size(flat_size: tuple[int, int]) -> tuple[int, int]:
    """The frame a scan of a document this size comes out as (the document plus a margin)."""
    w, h = flat_size
    return round(w * (1 + 2 * SCAN_MARGIN)), round(h * (1 + 2 * SCAN_MARGIN))


def flat_corners(size: tuple[int, int]) -> np.ndarray:
    """The flat document's corners in the order photographs report them."""
    w, h = size
    return np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)


def quad_for(size: tuple[int, int], pose: Pose) -> np.ndarray:
    """The document's corners under a pose: a pinhole projection of the tilted card, scaled and placed."""
    w, h = size
    pts = np.array([[-w / 2, -h / 2, 0], [w / 2, -h / 2, 0], [w / 2, h / 2, 0], [-w / 2, h / 2, 0]], np.float64)
    ax, ay, az = (math.radians(v) for v in (pose.tilt_x, pose.tilt_y, pose.rotation))
    rx = np.array([[1, 0, 0], [0, math.cos(ax), -math.sin(ax)], [0, math.sin(ax), math.cos(ax)]])
    ry = np.array([[math.cos(ay), 0, math.sin(ay)], [0, 1, 0], [-math.sin(ay), 0, math.cos(ay)]])
    rz = np.array([[math.cos(az), -math.sin(az), 0], [math.sin(az), math.cos(az), 0], [0, 0, 1]])
    # A camera about 1.5 document widths away: perspective as strong as a kiosk or phone camera gives.
    distance = 1.5 * max(w, h)
    cam = pts @ (rz @ ry @ rx).T + np.array([0, 0, distance])
    proj = cam[:, :2] * (distance / cam[:, 2:3])
    proj -= (proj.min(axis=0) + proj.max(axis=0)) / 2
    span = (proj.max(axis=0) - proj.min(axis=0)).max()
    return (proj * (pose.extent / span) + np.array([pose.cx, pose.cy])).astype(np.float32)


def _ease(t: float) -> float:
    """Ease-out cubic: fast approach, gentle arrival (how a hand brings a card to a camera)."""
    return 1 - (1 - t) ** 3


# ---- backgrounds -------------------------------------------------------------------------------------------


def _smooth_noise(rng: np.random.Generator, size: tuple[int, int], cells: tuple[int, int]) -> np.ndarray:
    """Low-frequency noise in [0, 1] (random cells, bicubic upsampled)."""
    small = rng.random((cells[1], cells[0])).astype(np.float32)
    return np.clip(cv2.resize(small, size, interpolation=cv2.INTER_CUBIC), 0, 1)


def _surface(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    """A desk surface: wood, laminate, cutting mat or counter top (BGR float32)."""
    w, h = size
    kind = rng.choice(["wood", "laminate", "mat", "counter"])
    if kind == "wood":
        base = np.array(rng.choice([[60, 95, 140], [45, 70, 110], [90, 130, 170], [40, 55, 80]]), np.float32)
        # Grain: gently waving bands along x, and fibres (noise stretched along x).
        yy = np.arange(h, dtype=np.float32)[:, None] + _smooth_noise(rng, size, (5, 4)) * h * 0.08
        grain = 0.5 + 0.5 * np.sin(yy * rng.uniform(0.08, 0.2))
        fibres = cv2.resize(rng.random((h, 12)).astype(np.float32), size, interpolation=cv2.INTER_LINEAR)
        tone = 0.78 + 0.16 * grain + 0.14 * fibres + 0.1 * _smooth_noise(rng, size, (3, 3))
        img = base * tone[..., None]
    elif kind == "laminate":
        base = np.array(rng.choice([[228, 230, 232], [200, 205, 210], [215, 222, 226]]), np.float32)
        img = base * (0.95 + 0.08 * _smooth_noise(rng, size, (5, 4))[..., None])
    elif kind == "mat":
        base = np.array(rng.choice([[70, 110, 50], [60, 60, 60], [120, 80, 40]]), np.float32)
        img = np.broadcast_to(base, (h, w, 3)).copy()
        step = int(rng.integers(15, 30))
        line = base * 1.5 + 20
        img[::step, :] = line
        img[:, ::step] = line
    else:
        base = np.array(rng.choice([[150, 150, 150], [110, 115, 120], [180, 175, 170]]), np.float32)
        img = base * (0.9 + 0.15 * _smooth_noise(rng, size, (12, 9))[..., None])
    return img + rng.normal(0, 3, (h, w, 1)).astype(np.float32)


def _drop_shadow(img: np.ndarray, mask: np.ndarray, rng: np.random.Generator, strength: float = 0.35) -> None:
    """Darken the image under a shape's soft, offset shadow (in place)."""
    dx, dy = rng.uniform(2, 9, 2)
    moved = cv2.warpAffine(mask, np.float32([[1, 0, dx], [0, 1, dy]]), mask.shape[::-1])
    soft = cv2.GaussianBlur(moved, (0, 0), rng.uniform(4, 9))
    img *= (1 - np.float32(strength / 255.0) * soft.astype(np.float32))[..., None]


def _clutter_shape(rng: np.random.Generator, size: tuple[int, int], k: float) -> tuple[np.ndarray, np.ndarray]:
    """One desk object as (colour layer BGR float32, mask uint8): paper, sticky note, pen, coin, phone or mug.

    `k` scales object sizes (the desk is drawn at reduced resolution).
    """
    w, h = size
    layer = np.zeros((h, w, 3), np.float32)
    mask = np.zeros((h, w), np.uint8)
    kind = rng.choice(["paper", "paper", "note", "pen", "coin", "phone", "mug"])
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    angle = rng.uniform(0, 180)
    if kind in ("paper", "note", "phone"):
        dims = {"paper": (rng.uniform(300, 600), rng.uniform(400, 800)), "note": (90, 90), "phone": (170, 340)}[kind]
        dims = (dims[0] * k, dims[1] * k)
        box = cv2.boxPoints(((cx, cy), dims, angle)).astype(np.int32)
        color = {"paper": (240, 242, 242), "note": (120, 235, 250), "phone": (30, 30, 34)}[kind]
        cv2.fillPoly(mask, [box], 255, cv2.LINE_AA)
        layer[:] = color
        if kind == "paper":  # lines of "words" on the sheet: distracting edges for the document finder
            lines = np.zeros_like(mask)
            a = math.radians(angle)
            along, across = np.array([math.cos(a), math.sin(a)]), np.array([-math.sin(a), math.cos(a)])
            pitch = 20 * k
            for i in range(3, int(dims[1] / pitch) - 2):
                u = -dims[0] / 2 + 30 * k
                end_u = u + rng.uniform(0.4, 0.85) * (dims[0] - 60 * k)
                while u < end_u:
                    word = rng.uniform(20, 70) * k
                    start = np.array([cx, cy]) + along * u + across * (-dims[1] / 2 + i * pitch)
                    stop = start + along * min(word, end_u - u)
                    cv2.line(lines, tuple(start.astype(int)), tuple(stop.astype(int)), 255, 1, cv2.LINE_AA)
                    u += word + 10 * k
            layer[lines > 0] = (110, 105, 100)
        if kind == "phone":
            inner = cv2.boxPoints(((cx, cy), (dims[0] - 16 * k, dims[1] - 40 * k), angle)).astype(np.int32)
            screen = np.zeros_like(mask)
            cv2.fillPoly(screen, [inner], 255)
            layer[screen > 0] = (70, 60, 50)
    elif kind == "pen":
        length, a = rng.uniform(250, 420) * k, math.radians(angle)
        p0 = (int(cx - math.cos(a) * length / 2), int(cy - math.sin(a) * length / 2))
        p1 = (int(cx + math.cos(a) * length / 2), int(cy + math.sin(a) * length / 2))
        cv2.line(mask, p0, p1, 255, max(2, int(rng.integers(12, 18) * k)), cv2.LINE_AA)
        layer[:] = rng.choice([[160, 60, 20], [20, 20, 20], [30, 30, 170], [220, 220, 220]])
    else:
        radius = int((rng.uniform(28, 40) if kind == "coin" else rng.uniform(90, 130)) * k)
        cv2.circle(mask, (int(cx), int(cy)), radius, 255, -1, cv2.LINE_AA)
        layer[:] = (150, 170, 185) if kind == "coin" else rng.choice([[235, 235, 235], [60, 40, 150], [40, 40, 40]])
        if kind == "mug":
            cv2.circle(layer, (int(cx), int(cy)), int(radius * 0.8), (30, 45, 70), -1, cv2.LINE_AA)
    return layer, mask


def desk(rng: np.random.Generator, size: tuple[int, int] = FRAME_SIZE, objects: int = 5) -> np.ndarray:
    """A cluttered desk seen from above (BGR float32): surface plus paper, pens, a phone, a mug ...

    Drawn at half resolution and scaled up: four times cheaper, and the desk is a little out of focus anyway.
    """
    small = (size[0] // 2, size[1] // 2)
    img = _surface(rng, small)
    for _ in range(objects):
        layer, mask = _clutter_shape(rng, small, 0.5)
        _drop_shadow(img, mask, rng)
        alpha = mask.astype(np.float32)[..., None] * np.float32(1 / 255)
        img += (layer - img) * alpha
    return cv2.resize(img, size, interpolation=cv2.INTER_LINEAR)


# ---- compositing -------------------------------------------------------------------------------------------


def _place(
    background: np.ndarray,
    flat: np.ndarray,
    mask: np.ndarray,
    quad: np.ndarray,
    rng: np.random.Generator,
    shadow: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Warp the document onto the background with a soft shadow; returns the image and the warped mask."""
    h, w = background.shape[:2]
    matrix = cv2.getPerspectiveTransform(flat_corners(flat.shape[1::-1]), quad)
    warped = cv2.warpPerspective(flat, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    wmask = cv2.warpPerspective(mask, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    img = background.astype(np.float32, copy=True)
    if shadow:
        _drop_shadow(img, wmask, rng, strength=float(rng.uniform(0.2, 0.4)))
    alpha = (wmask.astype(np.float32) / 255.0)[..., None]
    return img * (1 - alpha) + warped.astype(np.float32) * alpha, wmask


def _lighting(size: tuple[int, int], rng: np.random.Generator, slope: float, vignette: float) -> np.ndarray:
    """A per-pixel gain (h, w, 1): a linear gradient from a lamp to one side and a vignette."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    theta = rng.uniform(0, 2 * math.pi)
    ramp = ((xx - w / 2) * math.cos(theta) + (yy - h / 2) * math.sin(theta)) / max(w, h)
    r2 = ((xx - w / 2) ** 2 + (yy - h / 2) ** 2) / ((w / 2) ** 2 + (h / 2) ** 2)
    return ((1 + slope * ramp) * (1 - vignette * r2))[..., None]


def _motion_kernel(length: float, angle: float) -> np.ndarray:
    """A normalised line kernel for linear motion blur."""
    size = max(3, math.ceil(length) | 1)
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    dx, dy = math.cos(math.radians(angle)) * length / 2, math.sin(math.radians(angle)) * length / 2
    cv2.line(kernel, (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy)), 1.0, 1, cv2.LINE_AA)
    return kernel / kernel.sum()


def _blur(img: np.ndarray, rng: np.random.Generator, sigma: float, motion: float) -> np.ndarray:
    """Defocus (Gaussian) and, if `motion` > 0, linear motion blur of that many pixels."""
    if sigma > 0:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    if motion > 1:
        img = cv2.filter2D(img, -1, _motion_kernel(motion, rng.uniform(0, 180)))
    return img


def _encode(img: np.ndarray, quality: int) -> tuple[np.ndarray, bytes]:
    """JPEG round trip: the bytes to write and the image a reader decoding them sees."""
    ok, buf = cv2.imencode(".jpg", np.clip(img, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(buf, cv2.IMREAD_COLOR), buf.tobytes()


def _fits(quad: np.ndarray, size: tuple[int, int], margin: float) -> bool:
    """Whether a quad lies inside the frame with a margin."""
    w, h = size
    return bool((quad[:, 0] >= margin).all() and (quad[:, 0] <= w - margin).all()) and bool(
        (quad[:, 1] >= margin).all() and (quad[:, 1] <= h - margin).all()
    )


def quad_area(quad: np.ndarray) -> float:
    """The area of a quadrilateral (shoelace formula)."""
    x, y = quad[:, 0].astype(np.float64), quad[:, 1].astype(np.float64)
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def random_pose(
    rng: np.random.Generator, flat_size: tuple[int, int], frame: tuple[int, int], tilt: float, rotation: float
) -> tuple[Pose, np.ndarray, float]:
    """A pose with the document wholly in frame, covering 35-80 % of the frame's area; and the fill it got.

    A large fill of a rotated card may not fit the frame; the fill is then lowered until it does.
    """
    fw, fh = frame
    for _ in range(50):
        fill = rng.uniform(0.35, 0.8)
        pose = Pose(0, 0, 1000, rng.uniform(-rotation, rotation), rng.uniform(-tilt, tilt), rng.uniform(-tilt, tilt))
        unit = quad_for(flat_size, pose)
        scale = math.sqrt(fill * fw * fh / quad_area(unit))
        bw, bh = (unit.max(axis=0) - unit.min(axis=0)) * scale
        shrink = min(1.0, (fw - 20) / bw, (fh - 20) / bh)
        scale, bw, bh = scale * shrink, bw * shrink, bh * shrink
        cx = rng.uniform(bw / 2 + 10, fw - bw / 2 - 10)
        cy = rng.uniform(bh / 2 + 10, fh - bh / 2 - 10)
        pose = Pose(float(cx), float(cy), 1000 * scale, pose.rotation, pose.tilt_x, pose.tilt_y)
        quad = quad_for(flat_size, pose)
        if _fits(quad, frame, 4) and quad_area(quad) >= 0.3 * fw * fh:
            return pose, quad, quad_area(quad) / (fw * fh)
    raise RuntimeError("no pose fits the frame")  # pragma: no cover - 50 draws always find one


# ---- hard-tier effects ---------------------------------------------------------------------------------------


def _box_distance(x: float, y: float, box: Box) -> float:
    """Distance from a point to a box (0 inside)."""
    dx = max(box[0] - x, 0, x - box[2])
    dy = max(box[1] - y, 0, y - box[3])
    return math.hypot(dx, dy)


def glare_spot(
    flat_size: tuple[int, int], rng: np.random.Generator, protect: list[Box]
) -> tuple[np.ndarray, tuple[float, float, float]] | None:
    """A specular highlight in document coordinates (float mask 0..1), centred well away from protected boxes."""
    w, h = flat_size
    radius = rng.uniform(0.08, 0.16) * w
    for _ in range(100):
        x, y = rng.uniform(0.05 * w, 0.95 * w), rng.uniform(0.05 * h, 0.95 * h)
        # Beyond 1.7 radii the Gaussian (sigma = radius / 2) has fallen below 0.4 %: the box stays readable.
        if all(_box_distance(x, y, box) > 1.7 * radius for box in protect):
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            d2 = ((xx - x) ** 2 + ((yy - y) * rng.uniform(1.0, 1.8)) ** 2) / (radius / 2) ** 2
            glare = np.exp(-d2 / 2) * rng.uniform(0.6, 0.95)
            return glare.astype(np.float32), (float(x), float(y), float(radius))
    return None


def margin_occluder(
    flat_size: tuple[int, int], rng: np.random.Generator, keep_clear: np.ndarray, pad: int
) -> tuple[np.ndarray, np.ndarray, str] | None:
    """Something over the document's margin (a thumb, a pen, another sheet) that touches no field.

    Drawn in document coordinates padded by `pad`; it slides outward until the part on the document misses
    every kept box (a real thumb or sheet keeps its size and just covers less).
    """
    w, h = flat_size
    kind = str(rng.choice(["thumb", "pen", "sheet"]))
    side = int(rng.integers(4))
    t = rng.uniform(0.15, 0.85)
    edge = np.array([(t * w, 0), (w, t * h), (t * w, h), (0, t * h)][side], np.float64) + pad
    out = np.array([(0, -1), (1, 0), (0, 1), (-1, 0)][side], np.float64)
    along = np.array([-out[1], out[0]])
    color = {
        "thumb": rng.choice([[150, 175, 215], [120, 150, 200], [100, 130, 180]]),
        "pen": rng.choice([[20, 20, 20], [160, 60, 20]]),
        "sheet": [236, 238, 238],
    }[kind]
    size = min(w, h) * rng.uniform(0.3, 0.4)
    tilt = math.radians(rng.uniform(-20, 20))
    direction = along * math.cos(tilt) + out * math.sin(tilt)
    for step in range(40):
        intrusion = size * (0.5 - step * 0.05)  # how far past the edge the object reaches
        mask = np.zeros((h + 2 * pad, w + 2 * pad), np.uint8)
        if kind == "thumb":
            center = edge + out * (size * 0.9 - intrusion)
            axes = (size * 0.45, size * 0.9)  # across, along the outward direction
            angle = math.degrees(math.atan2(out[1], out[0])) + math.degrees(tilt)
            cv2.ellipse(mask, (int(center[0]), int(center[1])), (int(axes[1]), int(axes[0])), angle, 0, 360, 255, -1)
        elif kind == "pen":
            mid = edge - out * intrusion * 0.4
            p0, p1 = mid - direction * size * 2.5, mid + direction * size * 2.5
            cv2.line(mask, tuple(p0.astype(int)), tuple(p1.astype(int)), 255, max(6, int(size * 0.1)), cv2.LINE_AA)
        else:
            center = edge + out * (size * 1.5 - intrusion)
            box = cv2.boxPoints(((center[0], center[1]), (size * 5, size * 3), 0))
            rot = cv2.getRotationMatrix2D((float(center[0]), float(center[1])), math.degrees(tilt) * 0.4, 1.0)
            cv2.fillPoly(mask, [cv2.transform(box[None], rot)[0].astype(np.int32)], 255, cv2.LINE_AA)
        on_doc = mask[pad : pad + h, pad : pad + w]
        if not on_doc.any():
            return None  # slid off the document entirely: nothing to draw over it
        if not (on_doc & keep_clear).any():
            layer = np.zeros((*mask.shape, 3), np.float32)
            layer[:] = color
            return layer, mask, kind
    return None


def keep_clear_mask(flat_size: tuple[int, int], boxes: list[Box], grow: int) -> np.ndarray:
    """A mask of the boxes no occluder may touch, grown by a few pixels."""
    w, h = flat_size
    mask = np.zeros((h, w), np.uint8)
    for x0, y0, x1, y1 in boxes:
        mask[max(0, y0 - grow) : y1 + grow, max(0, x0 - grow) : x1 + grow] = 255
    return mask


# ---- the tiers -----------------------------------------------------------------------------------------------


def _finish(img: np.ndarray, rng: np.random.Generator, noise: float) -> np.ndarray:
    """Sensor noise: per-pixel luminance plus coarser colour noise (as demosaicing leaves it); then clipping."""
    h, w = img.shape[:2]
    luma = rng.standard_normal((h, w, 1), dtype=np.float32) * np.float32(noise)
    chroma = rng.standard_normal((h // 2, w // 2, 3), dtype=np.float32) * np.float32(noise * 0.6)
    return np.clip(img + luma + cv2.resize(chroma, (w, h)), 0, 255)


def _scan(flat: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, dict]:
    """A flatbed scan: white bed, the document nearly square to it."""
    size = scan_size(flat.shape[1::-1])
    bed = np.full((size[1], size[0], 3), rng.uniform(246, 254), np.float32)
    bed += rng.normal(0, 1.0, bed.shape[:2]).astype(np.float32)[..., None]
    h, w = flat.shape[:2]
    angle = float(rng.uniform(-1, 1))
    scale = float(rng.uniform(0.98, 1.02))
    center = (size[0] / 2 + rng.uniform(-0.03, 0.03) * w, size[1] / 2 + rng.uniform(-0.03, 0.03) * h)
    rot = cv2.getRotationMatrix2D((0, 0), angle, scale)
    quad = (flat_corners((w, h)) - np.float32([w / 2, h / 2])) @ rot[:, :2].T + np.float32(center)
    img, _ = _place(bed, flat, mask, quad.astype(np.float32), rng, shadow=False)  # the lid presses it flat
    img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.3, 0.5)))  # scanner optics
    img = _finish(img, rng, float(rng.uniform(1.0, 2.0)))
    return img, quad.astype(np.float32), {"rotation": angle, "scale": scale, "jpeg_quality": int(rng.integers(92, 97))}


def photograph(
    flat: np.ndarray,
    tier: str,
    seed: int,
    *,
    mask: np.ndarray | None = None,
    keep_clear: list[Box] | tuple[Box, ...] = (),
    protect: list[Box] | tuple[Box, ...] = (),
) -> Photo:
    """Photograph a flat BGR document in one tier (see the module docstring); deterministic from the seed.

    `keep_clear` are boxes (flat pixels) no clutter may cover; `protect` are boxes the glare must stay off.
    """
    if tier not in TIERS:
        raise ValueError(f"unknown tier: {tier}")
    rng = np.random.default_rng(seed)
    if mask is None:
        mask = np.full(flat.shape[:2], 255, np.uint8)
    flat_size = flat.shape[1::-1]
    if tier == "scan":
        img, quad, meta = _scan(flat, mask, rng)
        image, encoded = _encode(img, meta["jpeg_quality"])
        return Photo(image, quad, encoded, ".jpg", {"tier": tier, **meta})

    hard = tier == "hard"
    frame = frame_size_for(flat_size)
    pose, quad, fill = random_pose(rng, flat_size, frame, tilt=20 if hard else 12, rotation=10)
    pose_meta = {k: round(float(v), 2) for k, v in pose.__dict__.items()}
    meta: dict = {"tier": tier, "fill": round(fill, 3), "pose": pose_meta}
    background = desk(rng, frame, objects=int(rng.integers(3, 8)))
    img, wmask = _place(background, flat, mask, quad, rng)
    matrix = cv2.getPerspectiveTransform(flat_corners(flat_size), quad)

    if hard:
        doc_alpha = (wmask.astype(np.float32) / 255.0)[..., None]
        found = glare_spot(flat_size, rng, list(protect))
        if found is not None:
            glare, (gx, gy, gr) = found
            warped = cv2.warpPerspective(glare, matrix, frame)[..., None] * doc_alpha
            img = img + (255 - img) * warped
            meta["glare"] = {"x": round(gx, 1), "y": round(gy, 1), "radius": round(gr, 1)}
        pad = int(0.3 * max(flat_size))
        occluder = margin_occluder(flat_size, rng, keep_clear_mask(flat_size, list(keep_clear), 6), pad)
        if occluder is not None:
            layer, omask, kind = occluder
            shifted = matrix @ np.array([[1, 0, -pad], [0, 1, -pad], [0, 0, 1]], np.float64)
            wl = cv2.warpPerspective(layer, shifted, frame)
            wm = cv2.warpPerspective(omask, shifted, frame)
            _drop_shadow(img, wm, rng, 0.45)
            alpha = (wm.astype(np.float32) / 255.0)[..., None]
            img = img * (1 - alpha) + wl * alpha
            meta["occluder"] = kind
        # A soft shadow across part of the frame (a hand or the kiosk's hood).
        shade = np.zeros(frame[::-1], np.uint8)
        pts = rng.uniform([0, 0], frame, (4, 2)).astype(np.int32)
        cv2.fillPoly(shade, [cv2.convexHull(pts)], 255)
        shade_alpha = cv2.GaussianBlur(shade.astype(np.float32) / 255.0, (0, 0), rng.uniform(15, 35))
        img *= (1 - rng.uniform(0.2, 0.35) * shade_alpha)[..., None]
        exposure = float(rng.choice([rng.uniform(0.35, 0.55), rng.uniform(1.2, 1.45)]))
        meta["exposure"] = round(exposure, 2)
        img = img * _lighting(frame, rng, rng.uniform(0.2, 0.5), rng.uniform(0.15, 0.35)) * exposure
        sigma, motion = rng.uniform(0.8, 1.6), rng.uniform(4, 9) if rng.random() < 0.6 else 0.0
        noise = rng.uniform(5, 9) if exposure > 1 else rng.uniform(7, 12)
        quality = int(rng.integers(50, 71))
    else:
        img = img * _lighting(frame, rng, rng.uniform(0.05, 0.3), rng.uniform(0.05, 0.25))
        sigma, motion = rng.uniform(0.3, 0.9), rng.uniform(2, 5) if rng.random() < 0.4 else 0.0
        noise = rng.uniform(2, 5)
        quality = int(rng.integers(70, 91))
    img = img * rng.normal(1.0, 0.03, 3).astype(np.float32)  # colour cast of the light
    img = _finish(_blur(img, rng, float(sigma), float(motion)), rng, float(noise))
    meta.update(blur_sigma=round(float(sigma), 2), motion_blur=round(float(motion), 1), noise=round(float(noise), 1))
    meta["jpeg_quality"] = quality
    image, encoded = _encode(img, quality)
    return Photo(image, quad, encoded, ".jpg", meta)


def approach_sequence(
    flat: np.ndarray, n_frames: int, seed: int, *, mask: np.ndarray | None = None
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Video frames of a document brought into view from off-frame, settling, then held with slight hand jitter.

    Returns the BGR frames (1280x960) and each frame's corners; early frames' corners lie partly or wholly
    outside the frame. About the first 55 % of frames move; the rest hold still but for a pixel or two.
    """
    rng = np.random.default_rng(seed)
    if mask is None:
        mask = np.full(flat.shape[:2], 255, np.uint8)
    flat_size = flat.shape[1::-1]
    fw, fh = FRAME_SIZE
    target, _, _ = random_pose(rng, flat_size, FRAME_SIZE, tilt=8, rotation=6)
    side = int(rng.choice([0, 1, 2, 2, 3]))  # cards come up from below more often than from the sides
    away = [(0, -1), (1, 0), (0, 1), (-1, 0)][side]
    start = Pose(
        target.cx + away[0] * (fw / 2 + target.extent),
        target.cy + away[1] * (fh / 2 + target.extent),
        target.extent * rng.uniform(1.1, 1.3),
        target.rotation + rng.uniform(-20, 20),
        target.tilt_x + rng.uniform(-10, 10),
        target.tilt_y + rng.uniform(-10, 10),
    )
    background = desk(rng, FRAME_SIZE, objects=int(rng.integers(2, 6)))
    light = _lighting(FRAME_SIZE, rng, rng.uniform(0.05, 0.25), rng.uniform(0.05, 0.2))
    lit = np.clip(background * light, 0, 255).astype(np.uint8)
    # Sensor noise, pre-drawn once and shifted per frame (int16 so it adds to uint8 frames cheaply).
    noise_field = (rng.standard_normal((fh + 64, fw + 64, 3), dtype=np.float32) * rng.uniform(2, 4)).astype(np.int16)
    moving = max(2, round(n_frames * 0.55))
    frames, corners = [], []
    jitter = np.zeros(3)
    previous: np.ndarray | None = None
    for i in range(n_frames):
        if i < moving:
            t = _ease(i / (moving - 1))
            values = [a + (b - a) * t for a, b in zip(start.__dict__.values(), target.__dict__.values(), strict=True)]
            pose = Pose(*values)
        else:  # held by hand: a slow random walk of a pixel or so and a fraction of a degree
            jitter = 0.7 * jitter + rng.normal(0, [0.8, 0.8, 0.08])
            pose = Pose(target.cx + jitter[0], target.cy + jitter[1], target.extent, target.rotation + jitter[2],
                        target.tilt_x, target.tilt_y)  # fmt: skip
        quad = quad_for(flat_size, pose)
        speed = float(np.abs(quad - previous).mean()) if previous is not None else 0.0
        kernel = None
        if speed > 2:  # the moving card smears along its path
            direction = (quad - previous).mean(axis=0)  # type: ignore[operator]
            kernel = _motion_kernel(min(speed * 0.5, 25), math.degrees(math.atan2(direction[1], direction[0])))
        previous = quad
        frame = lit.copy()
        _composite_roi(frame, background, light, flat, mask, quad, kernel)
        oy, ox = rng.integers(0, 64, 2)
        noisy = frame.astype(np.int16) + noise_field[oy : oy + fh, ox : ox + fw]
        frames.append(np.clip(noisy, 0, 255).astype(np.uint8))
        corners.append(quad)
    return frames, corners


def _composite_roi(
    frame: np.ndarray,
    background: np.ndarray,
    light: np.ndarray,
    flat: np.ndarray,
    mask: np.ndarray,
    quad: np.ndarray,
    kernel: np.ndarray | None,
) -> None:
    """Draw the document (with its shadow, lit, maybe motion-blurred) into a frame, working only around it."""
    fh, fw = frame.shape[:2]
    margin = 40 + (kernel.shape[0] if kernel is not None else 0)
    x0, y0 = np.floor(quad.min(axis=0)).astype(int) - margin
    x1, y1 = np.ceil(quad.max(axis=0)).astype(int) + margin
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(fw, x1), min(fh, y1)
    if x1 <= x0 or y1 <= y0:
        return  # wholly off-frame
    size = (x1 - x0, y1 - y0)
    matrix = cv2.getPerspectiveTransform(flat_corners(flat.shape[1::-1]), quad - np.float32([x0, y0]))
    doc = cv2.warpPerspective(flat, matrix, size, flags=cv2.INTER_LINEAR).astype(np.float32)
    alpha = cv2.warpPerspective(mask, matrix, size, flags=cv2.INTER_LINEAR).astype(np.float32) * np.float32(1 / 255)
    shadow = cv2.GaussianBlur(np.roll(alpha, (6, 4), axis=(0, 1)), (0, 0), 6)
    roi = background[y0:y1, x0:x1] * (1 - 0.3 * shadow)[..., None]
    roi += (doc - roi) * alpha[..., None]
    if kernel is not None:
        roi = cv2.filter2D(roi, -1, kernel)
    frame[y0:y1, x0:x1] = np.clip(roi * light[y0:y1, x0:x1], 0, 255).astype(np.uint8)
