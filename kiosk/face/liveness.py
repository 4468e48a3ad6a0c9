"""Liveness: a random challenge (blink, turn left or right, nod) followed on landmarks within a time limit, and
the passive evidence that the face in front of the camera is a head and not a sheet or a screen.

Measures are taken against the challenge's first frames (before anyone can react: the neutral pose), in the
face's own frame of reference:
- blink: the eye opening over the face's height falls below a share of the neutral one and comes back, while the
  face itself is not squashed and the upper eyelids leave the plane of the rest of the face (tilting a photo
  backwards squashes its eyes too, but squashes the whole face with them, and moves nothing off its plane);
- turn: the nose moves along the eye line towards one cheek (yaw proxy) by a set amount, in two frames running;
- nod: the nose moves down towards the chin (pitch proxy) and back.
A turn or a nod must also show parallax: fit the one homography that best carries the anchor's landmarks (all but
the nose) onto the frame's, and the nose must be off it by a share of the eye distance. A flat picture moved,
turned or tilted in any way is a homography of itself, so its nose stays on the plane; a head's nose is ahead of
its eyes and cheeks and does not. Frames whose face proportions changed too much (a sheet turned far away) give
landmarks too poor to judge and count for nothing. MotionCheck applies the same tests across a whole attempt.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import cv2
import numpy as np

from kiosk.face.landmarks import Measures, face_axes, measure

CHALLENGES = ("blink", "turn_left", "turn_right", "nod")
NOSE = list(range(27, 36))
NOT_NOSE = [i for i in range(68) if i not in NOSE and i < 60]  # inner lips left out: they follow speech
UPPER_LIDS = [37, 38, 43, 44]
FORESHORTENED = 0.25  # LivenessSettings.max_foreshortening's default, for the passive check
NOT_EYES = [i for i in range(60) if not 36 <= i < 48]


def pick_challenge(rng: random.Random, allowed: Sequence[str] = CHALLENGES) -> str:
    """A challenge drawn at random from the allowed ones (the caller's RNG: seeded in tests, system RNG live)."""
    choices = [c for c in allowed if c in CHALLENGES]
    if not choices:
        raise ValueError(f"no known challenge among {list(allowed)} (known: {', '.join(CHALLENGES)})")
    return rng.choice(choices)


@dataclass(frozen=True)
class LivenessSettings:
    """Thresholds of the challenge and the passive checks (set on the shared faces animated and printed)."""

    time_limit: float = 10.0  # seconds from showing the challenge to doing it
    closed_ratio: float = 0.65  # eye opening (over face height) below this share of the anchor's: closed
    open_ratio: float = 0.85  # and back above this share: opened again
    turn: float = 0.15  # yaw proxy change of a turn (about 11 degrees)
    nod: float = 0.04  # pitch proxy change of a nod down (about 9 degrees), then back under half of it
    parallax: float = 0.035  # nose off the plane of the rest of the face, in eye distances
    lid_shift: float = 0.05  # upper eyelids off that plane when closed, in eye distances
    max_squash: float = 0.15  # a blink frame's face height over eye distance within this share of the anchor's
    max_foreshortening: float = 0.25  # frames whose face height over eye distance changed more: landmarks unreliable
    baseline_frames: int = 3  # the challenge's first frames, before anyone reacts: the neutral measures
    min_motion: float = 0.02  # landmarks moving less than this (eye distances) all along: a still image
    hold_frames: int = 2  # frames a turn or a nod must be seen in (one frame's landmarks can be off)
    mirrored: bool = False  # the frames are mirror images (then the resident's left is the image's left)


class Status(StrEnum):
    """Where a challenge stands."""

    ACTING = "acting"
    PASSED = "passed"
    TIMED_OUT = "timed_out"


@dataclass(frozen=True)
class ChallengeState:
    """What to show: the challenge, its status, progress 0..1 and the seconds left."""

    kind: str
    status: Status
    progress: float
    remaining: float


def off_plane(anchor: np.ndarray, points: np.ndarray, probe: list[int], fit: list[int]) -> float:
    """How far the probe landmarks are from where the one homography carrying the fit landmarks from the anchor
    frame to this one puts them, in eye distances: about zero for any motion of a flat picture."""
    _, _, _, iod = face_axes(anchor)
    if iod <= 0:
        return 0.0
    homography, _ = cv2.findHomography(anchor[fit].astype(np.float32), points[fit].astype(np.float32), 0)
    if homography is None:
        return 0.0
    predicted = cv2.perspectiveTransform(anchor[None, probe].astype(np.float32), homography)[0]
    return float(np.linalg.norm(predicted - points[probe], axis=1).mean() / iod)


def parallax(anchor: np.ndarray, points: np.ndarray) -> float:
    """The nose off the plane of the rest of the face: a turn or a nod of a head, not of a sheet."""
    return off_plane(anchor, points, NOSE, NOT_NOSE)


def lid_shift(anchor: np.ndarray, points: np.ndarray) -> float:
    """The upper eyelids off the plane of the rest of the face: a blink, not a sheet tilted back."""
    return off_plane(anchor, points, UPPER_LIDS, NOT_EYES)


def eye_opening(m: Measures, aspect: float) -> float:
    """Eye aspect ratio over the face's height-to-width: unchanged when a flat picture is squashed or tilted."""
    return m.ear / aspect if aspect > 0 else 0.0


def face_aspect(points: np.ndarray) -> float:
    """Eye-line-to-chin distance over the eye distance."""
    mid, _, v, iod = face_axes(points)
    return float((points[8] - mid) @ v / iod) if iod > 0 else 0.0


class ChallengeTracker:
    """Follows one challenge frame by frame: feed it each frame's landmarks (None: no face) and their time."""

    def __init__(self, kind: str, started_at: float, settings: LivenessSettings | None = None):
        if kind not in CHALLENGES:
            raise ValueError(f"unknown challenge {kind!r}")
        self.kind = kind
        self.started_at = started_at
        self.settings = settings or LivenessSettings()
        self.anchor: np.ndarray | None = None
        self._baseline: list[tuple[Measures, float, float]] = []  # measures, face aspect, eye opening
        self._neutral: Measures | None = None
        self._anchor_opening = 0.0
        self._anchor_aspect = 0.0
        self._closed = False
        self._down = False
        self._held = 0
        self.peak_parallax = 0.0
        self.peak_lid_shift = 0.0
        self.progress = 0.0
        self.status = Status.ACTING

    def feed(self, points: np.ndarray | None, t: float) -> ChallengeState:
        """Take one frame; the state after it."""
        s = self.settings
        remaining = max(0.0, self.started_at + s.time_limit - t)
        if self.status is Status.ACTING and points is not None:
            self._step(points)
        if self.status is Status.ACTING and remaining <= 0:
            self.status = Status.TIMED_OUT
        return ChallengeState(self.kind, self.status, self.progress, remaining)

    def _step(self, points: np.ndarray) -> None:
        s = self.settings
        m = measure(points)
        if self.anchor is None:
            self.anchor = points.copy()
        if len(self._baseline) < s.baseline_frames:
            aspect = face_aspect(points)
            self._baseline.append((m, aspect, eye_opening(m, aspect)))
            if len(self._baseline) == s.baseline_frames:
                self._neutral = Measures(
                    *(
                        float(np.median([getattr(b[0], f) for b in self._baseline]))
                        for f in Measures.__dataclass_fields__
                    )
                )
                self._anchor_aspect = float(np.median([b[1] for b in self._baseline]))
                self._anchor_opening = float(np.median([b[2] for b in self._baseline]))
            return
        a = self._neutral
        if self.kind == "blink":
            aspect = face_aspect(points)
            ratio = eye_opening(m, aspect) / self._anchor_opening if self._anchor_opening > 0 else 1.0
            if not self._closed:
                self._advance(0.7 * (1 - ratio) / (1 - s.closed_ratio))
                # Closed: the eyes narrowed against the face, the face itself not squashed (a sheet tilted back
                # squashes both), and the lids moved off the plane of the rest of the face.
                squashed = abs(aspect / self._anchor_aspect - 1) > s.max_squash if self._anchor_aspect > 0 else True
                if ratio <= s.closed_ratio and not squashed and self._lids_moved(points):
                    self._closed = True
            else:
                self._advance(0.7 + 0.3 * (ratio - s.closed_ratio) / (s.open_ratio - s.closed_ratio))
                if ratio >= s.open_ratio:
                    self._pass()
            return
        if self.kind in ("turn_left", "turn_right"):
            sign = 1.0 if (self.kind == "turn_left") != s.mirrored else -1.0
            change = sign * (m.yaw - a.yaw)
            self._advance(min(change / s.turn, 1.0) * 0.95)
            self._held = self._held + 1 if change >= s.turn and self._nonplanar(points) else 0
            if self._held >= s.hold_frames:
                self._pass()
            return
        change = m.pitch - a.pitch  # nod
        if not self._down:
            self._advance(0.7 * change / s.nod)
            # Held like a turn: one noisy frame of a tilted photo must not count as a head going down.
            self._held = self._held + 1 if change >= s.nod and self._nonplanar(points) else 0
            if self._held >= s.hold_frames:
                self._down = True
        else:
            self._advance(0.7 + 0.3 * (s.nod - change) / (s.nod / 2))
            if change <= s.nod / 2:
                self._pass()

    def _foreshortened(self, points: np.ndarray) -> bool:
        """The face's proportions changed too much for its landmarks to be trusted (a sheet turned far)."""
        return abs(face_aspect(points) / self._anchor_aspect - 1) > self.settings.max_foreshortening

    def _lids_moved(self, points: np.ndarray) -> bool:
        value = lid_shift(self.anchor, points)
        self.peak_lid_shift = max(self.peak_lid_shift, value)
        return value >= self.settings.lid_shift

    def _nonplanar(self, points: np.ndarray) -> bool:
        if self._foreshortened(points):
            return False
        value = parallax(self.anchor, points)
        self.peak_parallax = max(self.peak_parallax, value)
        return value >= self.settings.parallax

    def _advance(self, progress: float) -> None:
        self.progress = max(self.progress, min(max(progress, 0.0), 0.99))

    def _pass(self) -> None:
        self.status = Status.PASSED
        self.progress = 1.0


@dataclass
class MotionCheck:
    """Across all frames of an attempt: did the face move at all, and did any of that motion leave the plane?"""

    anchor: np.ndarray | None = None
    motion: float = 0.0  # largest mean landmark displacement from the anchor, eye distances
    nonplanar: float = 0.0  # second-largest nose parallax against the anchor (one frame's landmarks can be off)
    lids: float = 0.0  # second-largest eyelid shift against the anchor
    frames: int = 0
    _parallaxes: list[float] = field(default_factory=list)
    _lid_shifts: list[float] = field(default_factory=list)

    def add(self, points: np.ndarray) -> None:
        """Take one frame's landmarks."""
        self.frames += 1
        if self.anchor is None:
            self.anchor = points.copy()
            return
        _, _, _, iod = face_axes(self.anchor)
        self.motion = max(self.motion, float(np.linalg.norm(points - self.anchor, axis=1).mean() / max(iod, 1.0)))
        if abs(face_aspect(points) / max(face_aspect(self.anchor), 1e-6) - 1) > FORESHORTENED:
            return  # a face seen this obliquely gets unreliable landmarks: no evidence either way
        self._parallaxes = sorted([*self._parallaxes, parallax(self.anchor, points)])[-2:]
        self._lid_shifts = sorted([*self._lid_shifts, lid_shift(self.anchor, points)])[-2:]
        if len(self._parallaxes) == 2:
            self.nonplanar, self.lids = self._parallaxes[0], self._lid_shifts[0]

    def verdict(self, settings: LivenessSettings, certified: bool = False) -> str:
        """Still (nothing moved), flat (all motion fits one plane) or live; `certified`: a challenge was passed,
        which itself took motion off the plane (a nose's parallax, eyelids closing on a steady face)."""
        if self.motion < settings.min_motion:
            return "still"
        if not certified and self.nonplanar < settings.parallax and self.lids < settings.lid_shift:
            return "flat"
        return "live"

    def wipe(self) -> None:
        """Forget the landmarks."""
        if self.anchor is not None:
            self.anchor.fill(0)
        self.anchor = None
        self._parallaxes.clear()
        self._lid_shifts.clear()
