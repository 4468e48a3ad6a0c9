"""The reference face: the ID card chip's photo (102 x 126 pixels, often years old) or the portrait cut from a
photographed card, prepared once per session into a descriptor and the face's size in its own pixels.

A small photo is searched enlarged (the HOG detector misses faces under 80 pixels; a chip photo's is about 54),
and its descriptor is the mean over jittered copies (kiosk.face.descriptor), which measurably lowers the distance
to the same person's live face on the shared faces (bench/face.py). Enlarging the photo before describing it too
measured no better there, so by default it is described at its own size. The face's width is kept so that live
frames can be brought down to the same level of detail before comparing (kiosk.face.matcher).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.face.descriptor import describe
from kiosk.face.landmarks import Face, find_faces, landmarks_for
from kiosk.face.models import FaceModels

CHIP_SIZE = (102, 126)  # width, height of the card chip's photo (GA 467)
CARD_MM = (85.6, 54.0)
PORTRAIT_MM = (55.0, 6.0, 81.0, 38.0)  # left, top, right, bottom of the portrait on the card's front


class ReferenceError(ValueError):
    """The reference photo has no single usable face; the message says why (never what it shows)."""


@dataclass(frozen=True)
class ReferenceSettings:
    """How a reference photo is prepared."""

    working_face_px: int = 0  # enlarge (bicubic) so the face is about this wide before describing it; 0: never
    max_upscale: float = 6.0
    jitters: int = 5  # 5 and 10 measure the same on the shared faces (bench/face.py), 1 clearly worse
    dominant: float = 2.0  # the largest face must have this many times the area of the next one


@dataclass
class Reference:
    """A prepared reference: its 128-D descriptor, face width in its own pixels and what it was made from."""

    encoding: np.ndarray
    face_width: float
    source: str = "photo"

    def wipe(self) -> None:
        """Zero the descriptor in place (the session ends)."""
        self.encoding.fill(0.0)
        self.face_width = 0.0


def _detect(image: np.ndarray, models: FaceModels) -> list[Face]:
    """Faces in a reference photo, in its own pixel coordinates: small photos are searched enlarged, and the
    CNN detector is tried when the HOG detector finds nothing."""
    h, w = image.shape[:2]
    scale = 2.0 if max(h, w) < 400 else 1.0
    work = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC) if scale != 1 else image
    rgb = cv2.cvtColor(work, cv2.COLOR_BGR2RGB)
    faces = find_faces(rgb, models, upsample=1)
    if not faces:
        boxes = [(d.rect.left(), d.rect.top(), d.rect.right(), d.rect.bottom()) for d in models.cnn_detector()(rgb, 1)]
        faces = [Face(box, landmarks_for(rgb, box, models)) for box in boxes]
        faces.sort(key=lambda f: f.width * f.height, reverse=True)
    if scale == 1:
        return faces
    return [Face(tuple(round(v / scale) for v in f.box), f.points / scale, f.score) for f in faces]


def main_face(image: np.ndarray, models: FaceModels, dominant: float = 2.0) -> Face:
    """The one face of a reference photo (the largest, if every other is much smaller); ReferenceError if none."""
    faces = _detect(image, models)
    if not faces:
        raise ReferenceError("no face found in the reference photo")
    if len(faces) > 1 and faces[0].width * faces[0].height < dominant * faces[1].width * faces[1].height:
        raise ReferenceError(f"{len(faces)} faces of similar size in the reference photo")
    return faces[0]


def prepare_reference(
    image: np.ndarray, models: FaceModels, settings: ReferenceSettings | None = None, source: str = "photo"
) -> Reference:
    """A reference from a BGR photo: its main face, enlarged when small, described with jitter."""
    s = settings or ReferenceSettings()
    face = main_face(image, models, s.dominant)
    scale = min(max(s.working_face_px / max(face.width, 1), 1.0), s.max_upscale)
    work = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC) if scale > 1 else image
    rgb = cv2.cvtColor(work, cv2.COLOR_BGR2RGB)
    box = tuple(round(v * scale) for v in face.box)
    scaled = Face(box, landmarks_for(rgb, box, models))
    encoding = describe(rgb, scaled, models, s.jitters)
    return Reference(encoding, float(face.width), source)


def chip_style(image: np.ndarray, models: FaceModels, quality: int = 35) -> np.ndarray:
    """An ID-chip-style photo of a picture's main face: a head-and-shoulders crop at 102 x 126, JPEG quality 35
    (as the benchmark and the simulated card reader make references from ordinary photos)."""
    face = main_face(image, models)
    left, top, right, _ = face.box
    cx, width = (left + right) / 2, right - left
    crop_w = 2.0 * width  # the face is about half the photo's width on a card
    crop_h = crop_w * CHIP_SIZE[1] / CHIP_SIZE[0]
    crop_top = top - 0.55 * width
    src = np.float32([[cx - crop_w / 2, crop_top], [cx + crop_w / 2, crop_top], [cx - crop_w / 2, crop_top + crop_h]])
    dst = np.float32([[0, 0], [CHIP_SIZE[0], 0], [0, CHIP_SIZE[1]]])
    shrink = crop_w / CHIP_SIZE[0]
    smooth = cv2.GaussianBlur(image, (0, 0), 0.5 * shrink) if shrink > 1.5 else image  # no aliasing
    chip = cv2.warpAffine(
        smooth, cv2.getAffineTransform(src, dst), CHIP_SIZE, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE
    )
    _, data = cv2.imencode(".jpg", chip, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def portrait_from_card(card: np.ndarray) -> np.ndarray:
    """The portrait region of a rectified photo of an ID card's front (the whole card, any resolution), with a
    small margin; prepare_reference finds the face inside it."""
    h, w = card.shape[:2]
    left, top, right, bottom = PORTRAIT_MM
    mx, my = 1.5, 1.5  # mm of margin: rectification is never exact
    x0 = int(max(0.0, (left - mx) / CARD_MM[0]) * w)
    x1 = int(min(1.0, (right + mx) / CARD_MM[0]) * w)
    y0 = int(max(0.0, (top - my) / CARD_MM[1]) * h)
    y1 = int(min(1.0, (bottom + my) / CARD_MM[1]) * h)
    return card[y0:y1, x0:x1].copy()
