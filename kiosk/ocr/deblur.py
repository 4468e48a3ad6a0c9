"""Linear motion blur: tell it from a photograph of a document, and take it out again (numpy + OpenCV, no Qt).

A hand or a camera that moves while the picture is exposed smears every point along a short straight line: the
picture is the sharp one convolved with a line kernel of some length and direction, the same all over the
frame. Such a kernel multiplies the picture's spectrum by a sinc along the motion, whose zeros are straight
lines perpendicular to it, 1/length apart; nothing else on a document puts evenly spaced dark lines there.

`measure_motion` finds them: the power spectrum averaged over the document's busiest tiles, with JPEG's 8x8
block lines taken out, is projected onto every direction (the motion's zeros stay sharp only along the
motion), and the deepest narrow dip of those profiles, measured against the same dip at every other angle (what
all directions share is the text's own spectrum falling off, not blur), gives the direction, the dip's place
the length and its depth the confidence. `deblur` undoes the kernel with a Wiener filter. The reader reads a
surely blurred document's fields deblurred, and as photographed too where that reading is unsure or breaks a
rule, and the rules choose (kiosk.ocr.reader); the quality checks ask the resident to hold still
(kiosk.ocr.quality, kiosk.ocr.capture).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

TILE = 256  # spectra per tile: fine enough to place a 12 px blur's first zero within a few per cent
TILES = 24  # the busiest tiles averaged: fewer leave the spectrum too noisy to see a dip in
MIN_TILES = 4  # with fewer (a document under about 400 px) the blur is not measured
# Confidence (dip depth over the spread of dips at all angles) from which a blur counts. Measured on synthetic
# photographs (bench/ocr.py prints it per tier): still scans and camera photos stay under 6.5 and hard ones
# (JPEG 50-70, heavy noise) under 7.6; camera photos blurred 4 px or more score 8 to 19, hard ones 4 to 20.
CONFIDENT = 8.0
MIN_LENGTH, MAX_LENGTH = 3.8, 13.0  # the lengths looked for, in frame pixels
DIP_WIDTH = 0.35  # the dip is compared with the profile this share of its frequency on either side
ANGLE_STEP = 2.0
# Hard photos with a sure blur: fields right 78, 79, 80, 79 of 106 at 0.02, 0.04, 0.08, 0.15; a Laplacian
# regulariser in its place (constrained least squares) read 77.
WIENER_NSR = 0.08


@dataclass(frozen=True)
class MotionBlur:
    """A linear motion blur: its length in frame pixels, its direction in degrees (0-180, x right, y down),
    and how sure the measurement is (dip depth; CONFIDENT and above counts as blurred)."""

    length: float
    angle: float
    confidence: float = 0.0

    @property
    def confident(self) -> bool:
        """Whether this is a blur worth acting on."""
        return self.confidence >= CONFIDENT


def motion_kernel(length: float, angle: float, size: int | None = None) -> np.ndarray:
    """A normalised line kernel of `length` pixels at `angle` degrees, anti-aliased, with sub-pixel length.

    The line runs through the kernel's centre; samples along it are spread bilinearly, so lengths between whole
    pixels give kernels between theirs and the first zero of its spectrum lies at 1/length.
    """
    size = size or max(3, math.ceil(length) + 2) | 1
    c = size // 2
    kernel = np.zeros((size, size), np.float32)
    n = max(2, math.ceil(length * 8))
    t = (np.arange(n) + 0.5) / n - 0.5
    dx, dy = math.cos(math.radians(angle)) * length, math.sin(math.radians(angle)) * length
    xs, ys = c + t * dx, c + t * dy
    x0, y0 = np.floor(xs).astype(int), np.floor(ys).astype(int)
    fx, fy = (xs - x0).astype(np.float32), (ys - y0).astype(np.float32)
    for ox, oy, w in ((0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)):
        np.add.at(kernel, (np.clip(y0 + oy, 0, size - 1), np.clip(x0 + ox, 0, size - 1)), w)
    return kernel / kernel.sum()


# ---- measuring ---------------------------------------------------------------------------------------------


def _gray(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _busiest_tiles(gray: np.ndarray, points: np.ndarray | None, n: int) -> list[np.ndarray]:
    """Up to `n` TILE-sized squares wholly inside the document, most print first."""
    h, w = gray.shape
    if points is None:
        x0, y0, x1, y1 = 0, 0, w, h
    else:
        x0, y0 = np.clip(np.floor(points.min(axis=0)).astype(int), 0, None)
        x1, y1 = np.minimum(np.ceil(points.max(axis=0)).astype(int), (w, h))
    # Tiles are ranked on a quarter-size copy: enough to tell print from bare paper, sixteen times cheaper.
    q = 4
    small = cv2.resize(gray[y0:y1, x0:x1], ((x1 - x0) // q, (y1 - y0) // q), interpolation=cv2.INTER_AREA)
    if small.size == 0:
        return []
    inside = np.ones(small.shape, np.uint8)
    if points is not None:
        inside[:] = 0
        cv2.fillPoly(inside, [np.round((points - (x0, y0)) / q).astype(np.int32)], 1)
        # Off the document's own edge: its outline (and the desk beyond) is not what the blur is read from.
        inside = cv2.erode(inside, np.ones((5, 5), np.uint8))
    g = small.astype(np.float32)
    energy = cv2.Sobel(g, cv2.CV_32F, 1, 0) ** 2 + cv2.Sobel(g, cv2.CV_32F, 0, 1) ** 2
    sums = cv2.integral(energy, sdepth=cv2.CV_64F)
    outside = cv2.integral(1 - inside, sdepth=cv2.CV_32S)
    # Three-quarters overlapping: an ID card 700 px wide still gives a dozen tiles (correlated, but each adds).
    side, step = TILE // q, TILE // q // 4
    scored = []
    for y in range(0, small.shape[0] - side + 1, step):
        for x in range(0, small.shape[1] - side + 1, step):
            y1s, x1s = y + side, x + side
            if outside[y1s, x1s] - outside[y, x1s] - outside[y1s, x] + outside[y, x]:
                continue
            scored.append((sums[y1s, x1s] - sums[y, x1s] - sums[y1s, x] + sums[y, x], y * q + y0, x * q + x0))
    scored.sort(reverse=True)
    # Tiles overlapping by more than half repeat each other's noise: take those apart first, and close ones only
    # to make up a handful on a small document.
    apart: list[tuple[int, int]] = []
    close: list[tuple[int, int]] = []
    for _, y, x in scored:
        if len(apart) == n:
            break
        spaced = all(abs(y - y2) >= TILE // 2 or abs(x - x2) >= TILE // 2 for y2, x2 in apart)
        (apart if spaced else close).append((y, x))
    chosen = apart + close[: max(0, MIN_TILES * 3 - len(apart))]
    return [gray[y : y + TILE, x : x + TILE].astype(np.float32) for y, x in chosen]


def _power(tiles: list[np.ndarray]) -> np.ndarray:
    """The tiles' mean power spectrum (Hann window, DC centred), with JPEG's block frequencies interpolated over."""
    window = np.outer(np.hanning(TILE), np.hanning(TILE)).astype(np.float32)
    power = np.zeros((TILE, TILE), np.float64)
    for tile in tiles:
        spectrum = cv2.dft((tile - tile.mean()) * window, flags=cv2.DFT_COMPLEX_OUTPUT)
        power += cv2.magnitude(spectrum[..., 0], spectrum[..., 1]) ** 2
    power = np.fft.fftshift(power / len(tiles))
    # 8x8 JPEG blocks put energy on whole rows and columns at multiples of 1/8 cycle per pixel: bridge them
    # (one bin either side too) from their neighbours, or their edges pass for the blur's dips near 0 and 90 deg.
    c, block = TILE // 2, TILE // 8
    for k in range(-3, 4):
        if k == 0:
            continue
        lo, hi = c + k * block - 2, c + k * block + 2
        t = ((np.arange(lo + 1, hi) - lo) / (hi - lo))[:, None]
        power[lo + 1 : hi, :] = (1 - t) * power[lo, :] + t * power[hi, :]
        power[:, lo + 1 : hi] = ((1 - t) * power[:, lo][None, :] + t * power[:, hi][None, :]).T
    return power


def _profiles(logp: np.ndarray, angles: np.ndarray, half: int) -> np.ndarray:
    """For each angle, the log spectrum averaged across a band along that direction, folded at DC: (angles, TILE//2)."""
    c = TILE // 2
    out = np.empty((len(angles), c), np.float64)
    for i, angle in enumerate(angles):
        # Turn the spectrum so the direction lies along x and average a band of rows around it (only the band is
        # computed: the turn is shifted up by the rows above it).
        turn = cv2.getRotationMatrix2D((c, c), float(angle), 1.0)
        turn[1, 2] -= c - half
        band = cv2.warpAffine(logp, turn, (TILE, 2 * half + 1), flags=cv2.INTER_LINEAR)
        row = band.mean(axis=0)
        out[i] = 0.5 * (row[c:] + row[c::-1][:c])
    return out


def _dips(profiles: np.ndarray, where: np.ndarray) -> np.ndarray:
    """How far each profile dips at each frequency `where` (bins) below its values DIP_WIDTH away on both sides."""
    bins = np.arange(profiles.shape[1], dtype=np.float64)
    width = np.maximum(2.0, DIP_WIDTH * where)
    out = np.empty((profiles.shape[0], where.size))
    for i, profile in enumerate(profiles):
        at = np.interp(where, bins, profile)
        out[i] = at - 0.5 * (np.interp(where - width, bins, profile) + np.interp(where + width, bins, profile))
    return out


def _first_zero(profile: np.ndarray, guess: float) -> float:
    """The bin of the profile's lowest point near `guess`, to a fraction of a bin (parabola through three)."""
    lo, hi = max(1, math.floor(guess * 0.8)), min(len(profile) - 2, math.ceil(guess * 1.25))
    i = lo + int(np.argmin(profile[lo : hi + 1]))
    a, b, c = profile[i - 1], profile[i], profile[i + 1]
    curve = a - 2 * b + c
    return i + (float(np.clip(0.5 * (a - c) / curve, -0.5, 0.5)) if curve > 1e-9 else 0.0)


def measure_motion(image: np.ndarray, points: np.ndarray | None = None) -> MotionBlur | None:
    """The likeliest linear motion blur of the document inside `points` (its corners in the frame; None: the
    whole image), whatever its confidence; None when the document has too little print to tell."""
    gray = _gray(image)
    tiles = _busiest_tiles(gray, points, TILES)
    if len(tiles) < MIN_TILES:
        return None
    power = _power(tiles)
    yy, xx = np.mgrid[0:TILE, 0:TILE] - TILE // 2
    radius = np.hypot(xx, yy) / TILE
    noise = float(np.median(power[(radius > 0.40) & (radius < 0.5)]))
    if noise <= 0:
        return None
    logp = np.log(power + 0.1 * noise).astype(np.float32)
    # Only frequencies where print stands out of the noise carry the dips: the band reaches as far as that.
    rings = np.bincount(np.minimum((radius * TILE).astype(int), TILE).ravel(), power.ravel())
    rings /= np.maximum(np.bincount(np.minimum((radius * TILE).astype(int), TILE).ravel()), 1)
    faint = np.nonzero(rings[2:] < 3 * noise)[0]
    reach = int(faint[0] + 2) if faint.size else TILE // 2
    half = max(2, int(min(reach * 1.2, TILE // 2 - 2)) // 2)
    where = np.arange(TILE / MAX_LENGTH, TILE / MIN_LENGTH, 0.25)

    angles = np.arange(0.0, 180.0, ANGLE_STEP)
    dips = _dips(_profiles(logp, angles, half), where)
    common = np.median(dips, axis=0, keepdims=True)  # the text's own spectrum, the same at every angle
    spread = float(np.median(np.abs(dips - common))) or 1e-6
    i, _ = np.unravel_index(int(np.argmin(dips - common)), dips.shape)
    fine = (angles[i] + np.arange(-ANGLE_STEP, ANGLE_STEP + 1e-9, ANGLE_STEP / 4)) % 180
    fine_profiles = _profiles(logp, fine, half)
    fine_dips = _dips(fine_profiles, where) - common
    i, j = np.unravel_index(int(np.argmin(fine_dips)), fine_dips.shape)
    zero = _first_zero(fine_profiles[i], float(where[j]))
    return MotionBlur(round(TILE / zero, 2), round(float(fine[i]), 1), round(-float(fine_dips[i, j]) / spread, 2))


def estimate_motion(image: np.ndarray, points: np.ndarray | None = None) -> MotionBlur | None:
    """The document's linear motion blur when it surely has one (see measure_motion), else None."""
    blur = measure_motion(image, points)
    return blur if blur is not None and blur.confident else None


# ---- undoing -----------------------------------------------------------------------------------------------


def wiener(gray: np.ndarray, kernel: np.ndarray, nsr: float) -> np.ndarray:
    """The grey image deconvolved by `kernel` with a Wiener filter of noise-to-signal ratio `nsr` (float32).

    The image is mirrored at its borders first, so the crop's edges do not ring.
    """
    h, w = gray.shape[:2]
    k = kernel.shape[0]
    pad = k
    big_h, big_w = cv2.getOptimalDFTSize(h + 2 * pad), cv2.getOptimalDFTSize(w + 2 * pad)
    padded = cv2.copyMakeBorder(
        gray.astype(np.float32), pad, big_h - h - pad, pad, big_w - w - pad, cv2.BORDER_REFLECT_101
    )
    psf = np.zeros((big_h, big_w), np.float32)
    psf[:k, :k] = kernel
    psf = np.roll(psf, (-(k // 2), -(k // 2)), axis=(0, 1))
    transfer = np.fft.rfft2(psf)
    # Scaled so that flat areas keep their level: a constant noise-to-signal term would dim the paper by 1 + nsr.
    restore = np.conj(transfer) * ((1 + nsr) / (np.abs(transfer) ** 2 + nsr))
    out = np.fft.irfft2(np.fft.rfft2(padded) * restore, s=(big_h, big_w))
    return out[pad : pad + h, pad : pad + w].astype(np.float32)


def deblur(
    image: np.ndarray,
    blur: MotionBlur,
    nsr: float = WIENER_NSR,
    region: tuple[int, int, int, int] | None = None,
) -> np.ndarray:
    """A grey copy of `image` (BGR or grey uint8) with the blur taken out, as BGR uint8; only inside `region`
    (x0, y0, x1, y1) if given (the rest is the grey picture as it was)."""
    gray = _gray(image)
    out = gray.copy()
    h, w = gray.shape
    x0, y0, x1, y1 = region or (0, 0, w, h)
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    if x1 > x0 and y1 > y0:
        sharp = wiener(gray[y0:y1, x0:x1], motion_kernel(blur.length, blur.angle), nsr)
        out[y0:y1, x0:x1] = np.clip(sharp, 0, 255).astype(np.uint8)
    return cv2.cvtColor(out, cv2.COLOR_GRAY2BGR)
