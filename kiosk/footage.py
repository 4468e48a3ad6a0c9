"""Footage for the simulated document camera: a synthetic document brought into view and held still.

`kiosk prepare` writes it to `<data_dir>/sim/document-camera/`, the image sequence devices/registry.py plays in
sim mode, so `kiosk run --devices sim` shows a resident bringing an ID card to the camera. The document is made
up (kiosk.ocr.synth): a terminal's disk never holds a real one.
"""

from __future__ import annotations

from pathlib import Path

import cv2

FOOTAGE_FOLDER = "document-camera"
FRAMES = 45  # three seconds at 15 fps: enough to come into view, settle, and hold for the auto-capture
SIZE = (1280, 960)  # the document camera's preview size
JPEG_QUALITY = 85


def footage_dir(sim_dir: Path) -> Path:
    """Where the simulated document camera finds its footage (devices/registry.py reads the same folder)."""
    return sim_dir / FOOTAGE_FOLDER


def has_footage(folder: Path) -> bool:
    """Whether the folder holds any images already."""
    return folder.is_dir() and any(p.suffix.lower() in (".jpg", ".jpeg", ".png") for p in folder.iterdir())


def write_approach_footage(
    folder: Path,
    kind: str = "id_card_front",
    seed: int = 1,
    frames: int = FRAMES,
    size: tuple[int, int] = SIZE,
    quality: int = JPEG_QUALITY,
) -> tuple[list[Path], dict[str, str]]:
    """Write an approach sequence of a synthetic document as numbered JPEGs; the files and the document's truth."""
    from kiosk.ocr.synth import photo
    from kiosk.ocr.synth.dataset import make_flat

    flat, truth, _extra = make_flat(kind, seed)
    pictures, _corners = photo.approach_sequence(flat.image, frames, seed, mask=flat.mask)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, picture in enumerate(pictures):
        if picture.shape[1::-1] != size:
            picture = cv2.resize(picture, size, interpolation=cv2.INTER_AREA)
        path = folder / f"{kind}-{n:03d}.jpg"
        if not cv2.imwrite(str(path), picture, [cv2.IMWRITE_JPEG_QUALITY, quality]):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written, truth
