"""A fine periodic pattern in a picture (the moiré a camera makes of a screen's pixel grid): how far the strongest
peak of its spectrum stands over its surroundings. Used against photos of screens, of documents and of faces."""

from __future__ import annotations

import cv2
import numpy as np


def periodic_peak(patch: np.ndarray, jpeg_margin: int = 3) -> float:
    """Log power of the strongest spectral peak at periods of 2.2-8 px over its neighbourhood's median, for a
    square grey patch whose side is a power of two; `jpeg_margin` bins around JPEG's 8x8 block frequencies are
    left out (every camera frame has peaks there)."""
    n = patch.shape[0]
    p = patch.astype(np.float32)
    p = p - cv2.GaussianBlur(p, (0, 0), 4)  # content is low frequency; a screen's pattern is not
    window = np.outer(np.hanning(n), np.hanning(n)).astype(np.float32)
    spectrum = np.fft.fftshift(np.abs(np.fft.fft2(p * window)) ** 2).astype(np.float32)
    # A windowed sinusoid fills about 3x3 bins, a chance high bin one: summing 3x3 keeps the first, tames the second.
    logp = np.log(cv2.boxFilter(spectrum, -1, (3, 3)) + 1e-6)
    # The background is the median over a wide neighbourhood (4x4 cells, 5x5 of them): a peak's lobe is too small to
    # lift it, while the slow fall of content energy with frequency is followed.
    coarse = cv2.resize(logp, (n // 4, n // 4), interpolation=cv2.INTER_AREA)
    background = cv2.resize(cv2.medianBlur(coarse, 5), (n, n), interpolation=cv2.INTER_LINEAR)
    yy, xx = np.mgrid[0:n, 0:n] - n // 2
    radius = np.hypot(xx, yy)
    # Periods of 2.2 to 8 px; the very highest frequencies carry the sensor's and demosaicing's own patterns.
    ring = (radius >= n / 8) & (radius <= n / 2.2)
    # JPEG's 8x8 blocks put peaks at multiples of n/8 on both axes of every camera frame: not a screen.
    block = n // 8
    near_x = np.minimum(np.abs(xx) % block, block - np.abs(xx) % block) <= jpeg_margin
    near_y = np.minimum(np.abs(yy) % block, block - np.abs(yy) % block) <= jpeg_margin
    excess = (logp - background)[ring & ~(near_x & near_y)]
    return float(excess.max()) if excess.size else 0.0
