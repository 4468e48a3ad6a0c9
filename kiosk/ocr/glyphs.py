"""Telling look-alike words apart by drawing them: the printed line is compared with each candidate rendered in
a CJK font. Used only to break ties inside closed vocabularies (仫佬 / 仡佬), where the recognisers' models,
trained on running text, are least sure of rare characters."""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw

from devices.printer.receipt import cjk_font

HEIGHT = 48  # both sides are scaled to this ink height before comparing


def _ink(gray: np.ndarray) -> np.ndarray | None:
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ys, xs = np.nonzero(ink)
    if ys.size == 0:
        return None
    return ink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


@lru_cache(maxsize=256)
def _rendered(word: str) -> np.ndarray | None:
    size = 64
    canvas = Image.new("L", (size * (len(word) + 1), size * 2), 255)
    ImageDraw.Draw(canvas).text((size // 2, size // 2), word, font=cjk_font(size), fill=0)
    return _ink(np.array(canvas))


def likeness(line: np.ndarray, word: str) -> float:
    """How much a printed line looks like `word` drawn in a CJK font (normalised correlation, -1..1)."""
    gray = cv2.cvtColor(line, cv2.COLOR_BGR2GRAY) if line.ndim == 3 else line
    printed, drawn = _ink(gray), _rendered(word)
    if printed is None or drawn is None:
        return 0.0
    width = max(8, round(drawn.shape[1] * HEIGHT / drawn.shape[0]))
    a = cv2.GaussianBlur(cv2.resize(printed, (width, HEIGHT)).astype(np.float32), (0, 0), 2)
    b = cv2.GaussianBlur(cv2.resize(drawn, (width, HEIGHT)).astype(np.float32), (0, 0), 2)
    a -= a.mean()
    b -= b.mean()
    return float((a * b).sum() / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-6))


def _cells_likeness(line: np.ndarray, word: str, where: list[int]) -> float:
    """How much the printed line's characters at positions `where` look like the word's there: the line's ink cut
    into equal cells, one per character (CJK characters are set square, on one advance)."""
    gray = cv2.cvtColor(line, cv2.COLOR_BGR2GRAY) if line.ndim == 3 else line
    printed = _ink(gray)
    if printed is None:
        return 0.0
    width = printed.shape[1] / len(word)
    cells = [255 - printed[:, round(i * width) : max(round((i + 1) * width), round(i * width) + 1)] for i in where]
    return float(np.mean([likeness(cell, word[i]) for cell, i in zip(cells, where, strict=True)]))


def closest(line: np.ndarray, words: list[str], margin: float = 0.04, least: float = -1.0) -> str | None:
    """The word the line looks most like, if it wins by `margin` and looks like it at least `least`; None when the
    drawing cannot tell. Words of one length are compared only where they differ (仡佬 / 仫佬: the first
    character), so what they share does not dilute the difference."""
    if len({len(w) for w in words}) == 1 and len(words) > 1:
        where = [i for i in range(len(words[0])) if len({w[i] for w in words}) > 1]
        scored = sorted(((_cells_likeness(line, w, where), w) for w in words), reverse=True)
    else:
        scored = sorted(((likeness(line, w), w) for w in words), reverse=True)
    if scored[0][0] < least:
        return None
    if len(scored) == 1 or scored[0][0] - scored[1][0] >= margin:
        return scored[0][1]
    return None


def character_likeness(a: str, b: str) -> float:
    """How much two characters look alike drawn in the same font (normalised correlation, -1..1)."""
    drawn = _rendered(a)
    if drawn is None:
        return 0.0
    return likeness(255 - drawn, b)
