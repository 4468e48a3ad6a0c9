"""Any other paper an application needs (a contract, a drawing, a certificate): found, straightened and kept as
a picture; nothing is read from it."""

from __future__ import annotations

import time

import numpy as np

from kiosk.ocr import detect
from kiosk.ocr.reader import Extraction

A4_LONG, A4_SHORT = 1754, 1240  # px: A4 at 150 dpi, legible for a clerk and a few hundred kB as JPEG


def extract_page(image: np.ndarray) -> Extraction:
    """The page seen front-on (portrait or landscape as it lay); the whole picture when no edges are found."""
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3) or image.size == 0:
        raise ValueError("not an image")
    started = time.perf_counter()
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    found = detect.find_document(image, kind_hint="page", still=True)
    warnings: list[str] = []
    if found is None:
        warnings.append("no_document_edges")
        page = image.copy()
    else:
        pts = detect.order_corners(found.points)  # as it lies: top-left first, not long side first
        width = np.linalg.norm(pts[1] - pts[0]) + np.linalg.norm(pts[2] - pts[3])
        height = np.linalg.norm(pts[3] - pts[0]) + np.linalg.norm(pts[2] - pts[1])
        size = (A4_LONG, A4_SHORT) if width >= height else (A4_SHORT, A4_LONG)
        page = detect.rectify(image, pts, size)
        warnings += detect.warnings_for(image, found, None)
    extraction = Extraction("page", warnings=warnings, rectified=page)
    if found is not None:
        extraction.corners = [tuple(map(float, p)) for p in found.points]
    extraction.took_ms = (time.perf_counter() - started) * 1000
    return extraction
