"""Faces in a frame with their 68 landmarks (dlib's layout), and the pose and eye measures taken from them.

The 68 points: jaw 0-16 (from the image's left), brows 17-26, nose bridge 27-30 (30 is the tip), nostrils 31-35,
the eye on the image's left 36-41, the other 42-47, lips 48-67. Measures are taken in the face's own frame (along
and across the line between the eyes) so that a tilted head does not read as a turn or a nod.
"""

from __future__ import annotations

from dataclasses import dataclass

import dlib
import numpy as np

from kiosk.face.models import FaceModels

EYE_LEFT = slice(36, 42)  # on the image's left: the resident's right eye
EYE_RIGHT = slice(42, 48)
NOSE_TIP, CHIN = 30, 8
CHEEK_LEFT, CHEEK_RIGHT = 2, 14  # jaw contour at about the height of the nose


@dataclass
class Face:
    """One face found in a frame: its detector box (left, top, right, bottom), landmarks and detector score."""

    box: tuple[int, int, int, int]
    points: np.ndarray  # (68, 2) float32, frame pixels
    score: float = 0.0

    @property
    def width(self) -> int:
        """Box width in pixels."""
        return self.box[2] - self.box[0]

    @property
    def height(self) -> int:
        """Box height in pixels."""
        return self.box[3] - self.box[1]

    @property
    def centre(self) -> tuple[float, float]:
        """Box centre in frame pixels."""
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2

    def rectangle(self) -> dlib.rectangle:
        """The box as dlib's rectangle."""
        return dlib.rectangle(*self.box)

    def shape(self) -> dlib.full_object_detection:
        """The landmarks as dlib's detection object (what the descriptor network takes)."""
        return dlib.full_object_detection(
            self.rectangle(), [dlib.point(round(float(x)), round(float(y))) for x, y in self.points]
        )


def landmarks_for(rgb: np.ndarray, box: tuple[int, int, int, int], models: FaceModels) -> np.ndarray:
    """The 68 landmarks inside a box as a (68, 2) float32 array."""
    shape = models.landmarks(rgb, dlib.rectangle(*box))
    return np.array([(p.x, p.y) for p in shape.parts()], np.float32)


def find_faces(rgb: np.ndarray, models: FaceModels, upsample: int = 0, min_score: float = -0.2) -> list[Face]:
    """Every face the HOG detector finds in an RGB image, with landmarks, largest first."""
    rects, scores, _ = models.detector.run(rgb, upsample, min_score)
    h, w = rgb.shape[:2]
    faces = []
    for rect, score in zip(rects, scores, strict=True):
        box = (max(rect.left(), -w), max(rect.top(), -h), min(rect.right(), 2 * w), min(rect.bottom(), 2 * h))
        faces.append(Face(box, landmarks_for(rgb, box, models), float(score)))
    faces.sort(key=lambda f: f.width * f.height, reverse=True)
    return faces


@dataclass(frozen=True)
class Measures:
    """What the landmarks say about one frame's face: eye opening, turn, nod, tilt and scale."""

    ear: float  # eye aspect ratio, both eyes averaged: about 0.25-0.35 open, under 0.15 closed
    yaw: float  # -1..1: 0 frontal, > 0 nose towards the image's right (the resident turned to their left)
    pitch: float  # nose tip's depth below the eyes over the chin's: about 0.45 frontal, larger looking down
    roll: float  # degrees: the line between the eyes against the horizontal
    iod: float  # distance between the eye centres in pixels


def eye_aspect_ratio(eye: np.ndarray) -> float:
    """(|p2-p6| + |p3-p5|) / (2 |p1-p4|) for one eye's six points (Soukupová and Čech, 2016)."""
    vertical = np.linalg.norm(eye[1] - eye[5]) + np.linalg.norm(eye[2] - eye[4])
    horizontal = 2.0 * np.linalg.norm(eye[0] - eye[3])
    return float(vertical / horizontal) if horizontal > 0 else 0.0


def face_axes(points: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """The face's frame: eye midpoint, unit vector along the eyes, unit vector down the face, and the eye distance."""
    left, right = points[EYE_LEFT].mean(axis=0), points[EYE_RIGHT].mean(axis=0)
    along = right - left
    iod = float(np.linalg.norm(along))
    u = along / iod if iod > 0 else np.array([1.0, 0.0], np.float32)
    v = np.array([-u[1], u[0]], np.float32)  # image y grows downwards, so this points down the face
    return (left + right) / 2, u, v, iod


def measure(points: np.ndarray) -> Measures:
    """Eye opening, turn, nod and tilt proxies of one set of 68 landmarks."""
    mid, u, v, iod = face_axes(points)
    rel = points - mid
    along, down = rel @ u, rel @ v
    to_left = along[NOSE_TIP] - along[CHEEK_LEFT]
    to_right = along[CHEEK_RIGHT] - along[NOSE_TIP]
    span = to_left + to_right
    yaw = float((to_left - to_right) / span) if span > 0 else 0.0
    chin = down[CHIN]
    pitch = float(down[NOSE_TIP] / chin) if chin > 0 else 0.0
    ear = (eye_aspect_ratio(points[EYE_LEFT]) + eye_aspect_ratio(points[EYE_RIGHT])) / 2
    roll = float(np.degrees(np.arctan2(u[1], u[0])))
    return Measures(ear=ear, yaw=yaw, pitch=pitch, roll=roll, iod=iod)
