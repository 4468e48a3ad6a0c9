"""Frame sequences built from still photos, for tests, the benchmark and the camera simulator.

A live resident is a photo animated in 3-D: each of the 68 landmarks gets a generic depth (nose tip ahead of the
eyes, jaw and temples behind), the head turns and nods about a pivot behind the face, the eyelids close onto
the lower lids, and the picture follows through a piecewise-affine warp of the landmark mesh (with a ring of
head points moving with the face and the background staying put). So the landmarks a detector finds in these
frames move as they do when a person blinks, turns or nods: differently at different depths, not as one plane.

An attack is the same photo printed (paper tone, a white margin, lower contrast) and moved as a rigid sheet:
shifted, rotated and tilted in perspective (one homography per frame), trying to imitate the challenge by
tilting. A replay on a phone adds the screen's sub-pixel grid and a glare patch to any frame.
"""

from __future__ import annotations

import functools
import math
import random
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

import cv2
import numpy as np

from kiosk.face.landmarks import EYE_LEFT, EYE_RIGHT, find_faces
from kiosk.face.models import FaceModels
from kiosk.face.warp import triangulate, warp_mesh

FRAME_SIZE = (640, 480)
# Depth of each landmark towards the camera, in eye distances, for an average adult face (eye plane at 0).
DEPTH = np.array(
    [
        *(-0.55, -0.5, -0.42, -0.32, -0.2, -0.06, 0.08, 0.18, 0.22, 0.18, 0.08, -0.06, -0.2, -0.32, -0.42, -0.5, -0.55),
        *(-0.1, 0.04, 0.12, 0.15, 0.15, 0.15, 0.15, 0.12, 0.04, -0.1),  # brows
        *(0.15, 0.28, 0.42, 0.55),  # nose bridge to tip
        *(0.28, 0.35, 0.42, 0.35, 0.28),  # nostrils
        *(-0.08, 0.0, 0.0, 0.0, -0.02, -0.02, 0.0, 0.0, 0.0, -0.08, -0.02, -0.02),  # eyes
        *(0.15, 0.25, 0.3, 0.32, 0.3, 0.25, 0.15, 0.25, 0.28, 0.3, 0.28, 0.25),  # outer lips
        *(0.17, 0.27, 0.29, 0.27, 0.17, 0.26, 0.28, 0.26),  # inner lips
    ],
    np.float32,
)
HEAD_RING = 20  # points around the head (hair, ears, neck) moving with it
PIVOT_DEPTH = -1.2  # the neck's pivot behind the eyes, in eye distances
LID_GROW, LID_SOFT, LASH_SHADE, LASH_WIDTH = (1.25, 1.25), 0.04, 0.75, 0.03  # a closed eye as dlib reads it
LIDS = ((37, 41), (38, 40), (43, 47), (44, 46))  # upper lid point, the lower lid point it closes onto


class NoFaceInPhoto(ValueError):
    """The photo has no face to animate."""


@dataclass
class Portrait:
    """A still photo placed in a camera frame, with its landmarks and the mesh used to animate it."""

    image: np.ndarray  # BGR frame-sized
    points: np.ndarray  # (68, 2) landmarks in the frame
    controls: np.ndarray  # landmarks, head ring, outer ring, frame border
    depth: np.ndarray  # depth of every control point in pixels (outer points: 0, they stay)
    weight: np.ndarray  # how much each control point follows the head (1 face, 0 background)
    triangles: np.ndarray
    iod: float
    pivot: np.ndarray = field(default_factory=lambda: np.zeros(3, np.float32))


def place(photo: np.ndarray, models: FaceModels, size: tuple[int, int] = FRAME_SIZE, iod: float = 72.0) -> Portrait:
    """The photo's largest face scaled to `iod` pixels between the eyes, centred a little above the frame's middle."""
    rgb = cv2.cvtColor(photo, cv2.COLOR_BGR2RGB)
    faces = find_faces(rgb, models, upsample=1) or find_faces(rgb, models, upsample=2)
    if not faces:
        raise NoFaceInPhoto("no face found in the photo")
    pts = faces[0].points
    left, right = pts[EYE_LEFT].mean(axis=0), pts[EYE_RIGHT].mean(axis=0)
    angle = math.atan2(right[1] - left[1], right[0] - left[0])
    scale = iod / float(np.linalg.norm(right - left))
    mid = (left + right) / 2
    width, height = size
    m = cv2.getRotationMatrix2D((float(mid[0]), float(mid[1])), math.degrees(angle), scale)
    m[:, 2] += (width / 2 - mid[0], height * 0.42 - mid[1])
    image = cv2.warpAffine(
        photo, m, size, flags=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    points = (pts @ m[:, :2].T + m[:, 2]).astype(np.float32)
    return _mesh(image, points)


def _mesh(image: np.ndarray, points: np.ndarray) -> Portrait:
    h, w = image.shape[:2]
    left, right = points[EYE_LEFT].mean(axis=0), points[EYE_RIGHT].mean(axis=0)
    iod = float(np.linalg.norm(right - left))
    centre = np.array([(left[0] + right[0]) / 2, (left[1] + right[1]) / 2 + 0.45 * iod], np.float32)
    angles = np.linspace(0, 2 * np.pi, HEAD_RING, endpoint=False)
    ring = centre + np.stack([1.55 * iod * np.cos(angles), 1.95 * iod * np.sin(angles)], axis=1)
    outer = centre + np.stack([2.6 * iod * np.cos(angles), 2.9 * iod * np.sin(angles)], axis=1)
    border = np.array(
        [(x, y) for x in (0, w / 2, w - 1) for y in (0, h / 2, h - 1) if (x, y) != (w / 2, h / 2)], np.float32
    )
    controls = np.concatenate([points, ring, outer, border]).astype(np.float32)
    depth = np.concatenate([DEPTH * iod, np.full(HEAD_RING, -0.7 * iod), np.zeros(len(outer) + len(border))])
    # The ring below the chin is the neck: it follows the head only partly.
    ring_weight = np.where(np.sin(angles) > 0.6, 0.35, 1.0)
    weight = np.concatenate([np.ones(68), ring_weight, np.zeros(len(outer) + len(border))]).astype(np.float32)
    pivot = np.array([centre[0], centre[1], PIVOT_DEPTH * iod], np.float32)
    return Portrait(
        image, points, controls, depth.astype(np.float32), weight, triangulate(controls, (w, h)), iod, pivot
    )


def posed_controls(
    p: Portrait,
    yaw: float = 0.0,
    pitch: float = 0.0,
    blink: float = 0.0,
    shift: tuple[float, float] = (0.0, 0.0),
    roll: float = 0.0,
) -> np.ndarray:
    """Control points after turning (yaw, degrees; > 0 towards the resident's left), nodding (pitch, degrees;
    > 0 down), tilting (roll), closing the eyes (blink 0..1) and moving (shift, pixels)."""
    src = p.controls.copy()
    for upper, lower in LIDS:
        src[upper] = src[upper] + 0.92 * blink * (src[lower] - src[upper])
    x, y, z = src[:, 0] - p.pivot[0], src[:, 1] - p.pivot[1], p.depth - p.pivot[2]
    ya, pa, ra = math.radians(yaw), math.radians(pitch), math.radians(roll)
    x1 = x * math.cos(ya) + z * math.sin(ya)
    z1 = -x * math.sin(ya) + z * math.cos(ya)
    y1 = y * math.cos(pa) + z1 * math.sin(pa)
    x2 = x1 * math.cos(ra) - y1 * math.sin(ra)
    y2 = x1 * math.sin(ra) + y1 * math.cos(ra)
    moved = np.stack([x2 + p.pivot[0] + shift[0], y2 + p.pivot[1] + shift[1]], axis=1)
    w = p.weight[:, None]
    out = w * moved + (1 - w) * src  # the face moves fully, the neck partly, the background not at all
    return out.astype(np.float32)


def render(
    p: Portrait,
    yaw: float = 0.0,
    pitch: float = 0.0,
    blink: float = 0.0,
    shift: tuple[float, float] = (0.0, 0.0),
    roll: float = 0.0,
) -> np.ndarray:
    """One camera frame of the portrait in this pose."""
    dst = posed_controls(p, yaw, pitch, blink, shift, roll)
    frame = warp_mesh(p.image, p.controls, dst, p.triangles)
    if blink > 0.3:
        _close_eyes(frame, posed_controls(p, yaw, pitch, 0.0, shift, roll)[:68], _smooth((blink - 0.3) / 0.7))
    return frame


def _close_eyes(frame: np.ndarray, open_points: np.ndarray, amount: float) -> None:
    """Cover each eye's opening with eyelid skin (the colour just below the eye) and draw the closed lashes."""
    iod = float(np.linalg.norm(open_points[EYE_LEFT].mean(axis=0) - open_points[EYE_RIGHT].mean(axis=0)))
    h, w = frame.shape[:2]
    for eye in (EYE_LEFT, EYE_RIGHT):
        outline = open_points[eye]
        lower = outline[[3, 4, 5, 0]]  # inner corner .. lower lid .. outer corner (for either eye's order)
        centre = outline.mean(axis=0)
        below = centre + np.array([0.0, 0.32 * iod])
        x, y = int(below[0]), int(below[1])
        r = max(2, int(0.06 * iod))
        patch = frame[max(y - r, 0) : min(y + r, h), max(x - r, 0) : min(x + r, w)]
        if patch.size == 0:
            continue
        skin = np.median(patch.reshape(-1, 3), axis=0).astype(np.float32) * 0.93  # a lid is a shade darker
        mask = np.zeros((h, w), np.float32)
        grown = centre + (outline - centre) * np.array(LID_GROW, np.float32)
        cv2.fillPoly(mask, [np.round(grown).astype(np.int32)], 1.0)
        mask = cv2.GaussianBlur(mask, (0, 0), max(1.0, LID_SOFT * iod)) * amount
        frame[:] = (frame * (1 - mask[..., None]) + skin * mask[..., None]).astype(np.uint8)
        lashes = np.round(np.vstack([outline[[0]], lower[::-1][:-1], outline[[3]]])).astype(np.int32)
        shade = (frame.astype(np.float32) * (1 - LASH_SHADE * amount)).astype(np.uint8)
        line = np.zeros((h, w), np.uint8)
        cv2.polylines(line, [lashes], False, 255, max(1, round(LASH_WIDTH * iod)), cv2.LINE_AA)
        frame[line > 0] = shade[line > 0]


def sheet_homography(
    size: tuple[int, int],
    yaw: float = 0.0,
    pitch: float = 0.0,
    roll: float = 0.0,
    shift: tuple[float, float] = (0.0, 0.0),
    scale: float = 1.0,
    focal: float = 600.0,
) -> np.ndarray:
    """The homography of a flat sheet filling a width x height frame, turned (degrees) about its centre, moved and
    scaled, as a pinhole camera with this focal length (pixels) sees it."""
    width, height = size
    ya, pa, ra = (math.radians(a) for a in (yaw, pitch, roll))
    ry = np.array([[math.cos(ya), 0, math.sin(ya)], [0, 1, 0], [-math.sin(ya), 0, math.cos(ya)]])
    rx = np.array([[1, 0, 0], [0, math.cos(pa), -math.sin(pa)], [0, math.sin(pa), math.cos(pa)]])
    rz = np.array([[math.cos(ra), -math.sin(ra), 0], [math.sin(ra), math.cos(ra), 0], [0, 0, 1]])
    rot = rz @ rx @ ry
    corners = (
        np.array(
            [
                [-width / 2, -height / 2, 0],
                [width / 2, -height / 2, 0],
                [width / 2, height / 2, 0],
                [-width / 2, height / 2, 0],
            ]
        )
        * scale
    )
    world = corners @ rot.T + np.array([0, 0, focal])
    projected = focal * world[:, :2] / world[:, 2:3] + np.array([width / 2 + shift[0], height / 2 + shift[1]])
    flat = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    return cv2.getPerspectiveTransform(flat, projected.astype(np.float32))


def printed(image: np.ndarray, margin: int = 14, seed: int = 0) -> np.ndarray:
    """A photo as an inkjet print: less contrast, a warm paper tone, a little blur and grain, a white margin."""
    rng = np.random.default_rng(seed)
    out = cv2.GaussianBlur(image, (0, 0), 0.8).astype(np.float32) * 0.82 + 28
    out *= np.array([0.95, 0.99, 1.03], np.float32)  # BGR: a touch warmer
    out += rng.normal(0, 3.0, out.shape[:2])[..., None]
    out = np.clip(out, 0, 255).astype(np.uint8)
    return cv2.copyMakeBorder(out, margin, margin, margin, margin, cv2.BORDER_CONSTANT, value=(236, 238, 240))


def backdrop(size: tuple[int, int] = FRAME_SIZE, seed: int = 0) -> np.ndarray:
    """A plain, softly lit room behind the person or the sheet held up."""
    width, height = size
    rng = np.random.default_rng(seed)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    base = 150 + 40 * (xs / width) - 30 * (ys / height)
    room = np.stack([base * 0.95, base, base * 1.02], axis=2) + rng.normal(0, 2.0, (height, width, 1))
    return np.clip(room, 0, 255).astype(np.uint8)


def on_screen(
    frame: np.ndarray, pitch: float = 2.6, angle: float = 3.0, depth: float = 0.3, glare: bool = True
) -> np.ndarray:
    """A frame as a camera sees it replayed on a phone held up: the screen's RGB sub-pixel stripes resampled by the
    camera into a fine pattern (pixel pitch `pitch` camera pixels, grid turned by `angle` degrees, the lens leaving
    `depth` of its contrast), a bluish cast, and a soft glare patch from the room's light on the glass."""
    h, w = frame.shape[:2]
    seen = frame.astype(np.float32) * _screen_pattern(w, h, pitch, angle, depth)
    seen = seen * np.array([1.06, 1.0, 0.92], np.float32)  # screens are bluer than skin under room light
    if glare:
        seen = seen + 255 * 0.9 * _glare_spot(w, h)[..., None]
    return np.clip(seen, 0, 255).astype(np.uint8)


@functools.lru_cache(maxsize=8)
def _screen_pattern(w: int, h: int, pitch: float, angle: float, depth: float) -> np.ndarray:
    """The sub-pixel grid drawn at four times the camera's resolution and averaged down to it, as the camera's
    pixels integrate it (the moiré is this aliasing); the picture on the screen is smooth at that scale."""
    k = 4
    ys, xs = np.mgrid[0 : h * k, 0 : w * k].astype(np.float32)
    a = math.radians(angle)
    u = (xs * math.cos(a) + ys * math.sin(a)) / (pitch * k)  # screen pixel coordinates
    v = (-xs * math.sin(a) + ys * math.cos(a)) / (pitch * k)
    sub = np.floor((u % 1.0) * 3).astype(np.int32)  # which sub-pixel column: 0 red, 1 green, 2 blue
    mask = np.zeros((h * k, w * k, 3), np.float32)
    for channel, bgr_index in ((0, 2), (1, 1), (2, 0)):
        mask[..., bgr_index] = sub == channel
    mask *= ((v % 1.0) < 0.85)[..., None]  # the black matrix between rows
    pattern = (1 - depth) + depth * mask * 3.4  # the stripes average to about one
    return cv2.resize(pattern, (w, h), interpolation=cv2.INTER_AREA)


@functools.lru_cache(maxsize=8)
def _glare_spot(w: int, h: int) -> np.ndarray:
    gy, gx = np.mgrid[0:h, 0:w].astype(np.float32)
    return np.exp(-(((gx - 0.56 * w) / (0.07 * w)) ** 2 + ((gy - 0.36 * h) / (0.05 * h)) ** 2))


def _smooth(x: float) -> float:
    """0 before 0, 1 after 1, a smooth step between."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def _bump(t: float, rise: float, hold: float, fall: float) -> float:
    """0 -> 1 over `rise` seconds, 1 for `hold`, back to 0 over `fall`; 0 outside."""
    if t <= 0:
        return 0.0
    if t < rise:
        return _smooth(t / rise)
    if t < rise + hold:
        return 1.0
    return 1.0 - _smooth((t - rise - hold) / fall)


class Scripted(ABC):
    """Something in front of the camera that reacts to the challenge shown: `respond` tells it, `frame` films it."""

    def __init__(self, seed: int = 0, reaction: float = 0.8, noise: float = 2.0, size: tuple[int, int] = FRAME_SIZE):
        self.rng = random.Random(seed)
        self.reaction = reaction
        self.challenge: str | None = None
        self.challenge_at = 0.0
        self.size = size
        grain = np.random.default_rng(seed)
        self._noise = [grain.normal(0, noise, (size[1], size[0], 1)).astype(np.float32) for _ in range(4)]
        self._n = 0
        self.phase = self.rng.uniform(0, 2 * math.pi)

    def respond(self, challenge: str | None, at: float) -> None:
        """The challenge shown on screen at time `at` (None: nothing asked)."""
        self.challenge, self.challenge_at = challenge, at

    def action(self, t: float) -> float:
        """How far into the asked action the subject is at time t (0 none, 1 fully), after the reaction time."""
        if self.challenge is None:
            return 0.0
        since = t - self.challenge_at - self.reaction
        if self.challenge == "blink":
            return _bump(since, 0.12, 0.3, 0.15)  # asked to blink, people blink slowly
        if self.challenge == "nod":
            return _bump(since, 0.35, 0.15, 0.35)
        return _bump(since, 0.45, 0.5, 0.45)

    def grain(self, frame: np.ndarray) -> np.ndarray:
        """Sensor noise (from a small bank, so it costs little per frame)."""
        self._n += 1
        return np.clip(frame.astype(np.float32) + self._noise[self._n % len(self._noise)], 0, 255).astype(np.uint8)

    @abstractmethod
    def frame(self, t: float) -> np.ndarray:
        """What the camera sees at time t."""


class Resident(Scripted):
    """A cooperative resident made from one photo: sways a little, and does what is asked after a reaction time
    (blinks, turns about 25 degrees and back, nods about 18 degrees and back)."""

    def __init__(
        self, portrait: Portrait, seed: int = 0, reaction: float = 0.8, turn: float = 25.0, nod: float = 18.0, **kwargs
    ):
        super().__init__(seed, reaction, size=(portrait.image.shape[1], portrait.image.shape[0]), **kwargs)
        self.portrait = portrait
        self.turn, self.nod = turn, nod

    def pose(self, t: float) -> dict:
        """Head pose at time t: a slow natural sway plus the asked action."""
        ph = self.phase
        pose = {
            "yaw": 1.5 * math.sin(2 * math.pi * 0.31 * t + ph),
            "pitch": 1.0 * math.sin(2 * math.pi * 0.23 * t + 2 * ph),
            "roll": 0.8 * math.sin(2 * math.pi * 0.17 * t + 3 * ph),
            "shift": (3.0 * math.sin(2 * math.pi * 0.21 * t + ph), 2.0 * math.sin(2 * math.pi * 0.27 * t)),
            "blink": 0.0,
        }
        a = self.action(t)
        if self.challenge == "blink":
            pose["blink"] = a
        elif self.challenge in ("turn_left", "turn_right"):
            pose["yaw"] += (1 if self.challenge == "turn_left" else -1) * self.turn * a
        elif self.challenge == "nod":
            pose["pitch"] += self.nod * a
        return pose

    def frame(self, t: float) -> np.ndarray:
        """The camera frame at time t."""
        return self.grain(render(self.portrait, **self.pose(t)))


class PhotoAttack(Scripted):
    """A printed photo of the resident held up to the camera: moved only as a rigid sheet (a hand's tremor, or
    nothing at all when `still`), and tilted or turned to imitate whatever is asked."""

    def __init__(
        self, photo: np.ndarray, seed: int = 0, reaction: float = 0.8, still: bool = False, scale: float = 0.9, **kwargs
    ):
        size = (photo.shape[1], photo.shape[0])
        super().__init__(seed, reaction, size=size, **kwargs)
        sheet = printed(photo, seed=seed)
        self.sheet = cv2.resize(sheet, size, interpolation=cv2.INTER_AREA)
        self.room = backdrop(size, seed)
        self.still, self.scale = still, scale

    def homography(self, t: float) -> np.ndarray:
        """Where the sheet is at time t."""
        ph = self.phase
        yaw = pitch = roll = 0.0
        shift = (0.0, 0.0)
        if not self.still:
            yaw = 3.0 * math.sin(2 * math.pi * 0.4 * t + ph)
            pitch = 3.0 * math.sin(2 * math.pi * 0.33 * t + 2 * ph)
            roll = 1.5 * math.sin(2 * math.pi * 0.5 * t)
            shift = (5.0 * math.sin(2 * math.pi * 0.6 * t + ph), 4.0 * math.sin(2 * math.pi * 0.45 * t))
            a = self.action(t)
            if self.challenge == "turn_left":
                yaw += 35 * a
            elif self.challenge == "turn_right":
                yaw -= 35 * a
            elif self.challenge == "nod":
                pitch += 30 * a
            elif self.challenge == "blink":
                pitch += 50 * a  # tilting the sheet back squashes the eyes: the classic fake blink
        return sheet_homography(self.size, yaw, pitch, roll, shift, self.scale)

    def frame(self, t: float) -> np.ndarray:
        """The camera frame at time t."""
        h = self.homography(t)
        out = self.room.copy()
        warped = cv2.warpPerspective(self.sheet, h, self.size, flags=cv2.INTER_LINEAR)
        mask = cv2.warpPerspective(np.full(self.sheet.shape[:2], 255, np.uint8), h, self.size)
        out[mask > 127] = warped[mask > 127]
        return self.grain(out)


class ScreenReplay(Scripted):
    """Another subject's frames replayed on a phone held up to the camera (moiré, bluish light, glare)."""

    def __init__(self, subject: Scripted, pitch: float = 2.6, angle: float = 3.0):
        super().__init__(reaction=subject.reaction, size=subject.size)
        self.subject, self.pitch, self.angle = subject, pitch, angle

    def respond(self, challenge: str | None, at: float) -> None:
        """Pass the challenge on to the replayed subject (the strongest case: a video that obeys)."""
        self.subject.respond(challenge, at)

    def frame(self, t: float) -> np.ndarray:
        """The camera frame at time t."""
        return on_screen(self.subject.frame(t), self.pitch, self.angle)
