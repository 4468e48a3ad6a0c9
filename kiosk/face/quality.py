"""Is this live frame good enough to compare? One face, big enough, in the middle, roughly frontal, sharp and
well lit; otherwise the one thing the resident should fix first, as a guidance key the UI translates and speaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from kiosk.face.landmarks import Face, Measures, measure

# Guidance keys in the order they are checked: the first that applies is the one to tell the resident.
GUIDANCE = {
    "no_face": "Please look at the screen: no face is seen",
    "several_faces": "Only one person in front of the camera, please",
    "move_closer": "Please move closer",
    "move_back": "Please move back a little",
    "centre": "Please move to the middle of the picture",
    "look_at_screen": "Please look straight at the screen",
    "more_light": "The face is too dark: please step into the light",
    "too_bright": "Too much light on the face",
    "hold_still": "Please hold still: the picture is blurred",
    "ok": "",
}


@dataclass(frozen=True)
class QualitySettings:
    """Where each piece of guidance starts (set on the shared faces in simulated frames; see the tests)."""

    min_face_px: int = 120  # narrower: move closer (the detector's floor is 80; the screen check needs 120)
    max_face_share: float = 0.7  # face box wider than this share of the frame: move back
    edge_margin: float = 0.02  # face box closer to an edge than this share of the frame: centre
    other_face_share: float = 0.45  # a second face at least this share of the first's width: several faces
    max_yaw: float = 0.4  # |yaw proxy|
    pitch_range: tuple[float, float] = (0.1, 0.5)  # pitch proxy of a face looking roughly at the camera
    max_roll: float = 20.0  # degrees
    dark: float = 55.0  # mean grey of the face below this: too dark
    bright: float = 215.0  # above this: too bright
    min_sharpness: float = 0.095  # normalised Laplacian energy of the face at a standard size


@dataclass(frozen=True)
class Verdict:
    """The guidance key (ok when usable), the face it is about, and the numbers behind it."""

    guidance: str
    face: Face | None = None
    measures: Measures | None = None
    numbers: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the frame can be used for comparing."""
        return self.guidance == "ok"


def face_crop(gray: np.ndarray, face: Face, width: int = 128) -> np.ndarray:
    """The face box (landmark extent) of a grey frame, scaled to a standard width."""
    h, w = gray.shape[:2]
    x0, y0 = np.clip(np.floor(face.points.min(axis=0)).astype(int), 0, [w - 1, h - 1])
    x1, y1 = np.clip(np.ceil(face.points.max(axis=0)).astype(int) + 1, 1, [w, h])
    crop = gray[y0:y1, x0:x1]
    if crop.size == 0:
        return np.zeros((width, width), np.uint8)
    scale = width / crop.shape[1]
    return cv2.resize(crop, (width, max(1, round(crop.shape[0] * scale))), interpolation=cv2.INTER_AREA)


def sharpness(crop: np.ndarray) -> float:
    """Laplacian energy over gradient energy: grows as edges narrow, whatever the contrast."""
    g = cv2.GaussianBlur(crop, (3, 3), 0.8).astype(np.float32)
    lap = cv2.Laplacian(g, cv2.CV_32F, ksize=3)
    gx = cv2.Sobel(g, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(g, cv2.CV_32F, 0, 1, ksize=3)
    grad = float((gx * gx + gy * gy).mean())
    return float(lap.var()) / grad if grad > 1.0 else 0.0


def assess(frame: np.ndarray, faces: list[Face], settings: QualitySettings | None = None) -> Verdict:
    """The guidance for one BGR frame and the faces found in it (largest first)."""
    s = settings or QualitySettings()
    if not faces:
        return Verdict("no_face")
    face = faces[0]
    if len(faces) > 1 and faces[1].width >= s.other_face_share * face.width:
        return Verdict("several_faces", face)
    h, w = frame.shape[:2]
    m = measure(face.points)
    numbers = {"width": float(face.width), "yaw": m.yaw, "pitch": m.pitch, "roll": m.roll}
    if face.width < s.min_face_px:
        return Verdict("move_closer", face, m, numbers)
    if face.width > s.max_face_share * w:
        return Verdict("move_back", face, m, numbers)
    mx, my = s.edge_margin * w, s.edge_margin * h
    left, top, right, bottom = face.box
    if left < mx or top < my or right > w - mx or bottom > h - my:
        return Verdict("centre", face, m, numbers)
    if abs(m.yaw) > s.max_yaw or not s.pitch_range[0] <= m.pitch <= s.pitch_range[1] or abs(m.roll) > s.max_roll:
        return Verdict("look_at_screen", face, m, numbers)
    crop = face_crop(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), face)
    numbers["brightness"] = float(crop.mean())
    if numbers["brightness"] < s.dark:
        return Verdict("more_light", face, m, numbers)
    if numbers["brightness"] > s.bright:
        return Verdict("too_bright", face, m, numbers)
    numbers["sharpness"] = sharpness(crop)
    if numbers["sharpness"] < s.min_sharpness:
        return Verdict("hold_still", face, m, numbers)
    return Verdict("ok", face, m, numbers)
