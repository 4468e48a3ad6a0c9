"""Image files handed to the `kiosk` tools (document photos, face photos): read and validated, with a message
that names the file and what is wrong, never what the picture shows."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

MAX_PIXELS = 40_000_000  # a 40 MP image is far beyond any terminal camera: refuse rather than exhaust memory
MAX_BYTES = 50 * 2**20


class ImageError(ValueError):
    """An input that is not a usable image; the message says why (and names the file, never its content)."""


def load_image(path: Path, what: str = "photo", min_side: int = 0) -> np.ndarray:
    """A colour image from a file, validated: it exists, is not huge, decodes, and is at least `min_side`
    pixels on its shorter side (`what` names the kind of picture in messages)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if size > MAX_BYTES:
        raise ImageError(f"{path}: {size / 2**20:.0f} MB is too large for a {what}")
    data = np.fromfile(str(path), np.uint8)  # imread cannot open some non-ASCII paths; this can
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise ImageError(f"{path}: not an image OpenCV can decode")
    if image.shape[0] * image.shape[1] > MAX_PIXELS:
        raise ImageError(f"{path}: {image.shape[1]}x{image.shape[0]} is too large for a {what}")
    if min(image.shape[:2]) < min_side:
        raise ImageError(f"{path}: {image.shape[1]}x{image.shape[0]} is too small to hold a readable {what}")
    return image
