"""Text recognisers behind one interface: Tesseract (LSTM, via pytesseract) and RapidOCR (PP-OCRv4 on onnxruntime).

`read_line` reads a pre-cropped field (one line, or a few stacked lines read top to bottom); `read_block` finds and
reads every line of a larger crop or a whole page. Engines are process-wide singletons (`get_engine`), so models
load once and stay loaded between documents. bench/ocr_engines.py measures which engine reads which field best.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shlex
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

import cv2
import numpy as np

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "chi_sim"


@dataclass(frozen=True)
class CharChoice:
    """One recognised character, how sure the engine is (0..1), and what else it might be (best first)."""

    best: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Reading:
    """The text of one field; `chars` (when the engine gives them) match `text` one for one."""

    text: str
    confidence: float  # 0..1: the mean of the characters' confidences, 0 when nothing was read
    chars: tuple[CharChoice, ...] = ()


@dataclass(frozen=True)
class Line:
    """One line found on a page: its text, confidence (0..1) and box (x0, y0, x1, y1) in the input's pixels."""

    text: str
    confidence: float
    box: tuple[int, int, int, int]


EMPTY = Reading("", 0.0)


@runtime_checkable
class Engine(Protocol):
    """A recogniser: reads pre-cropped lines (optionally restricted to a charset) and finds lines on a page."""

    name: str

    def read_line(self, image: np.ndarray, charset: str | None = None, language: str = DEFAULT_LANGUAGE) -> Reading:
        """Read one text line (or a small block of stacked lines) from a BGR or grey uint8 crop."""
        ...

    def read_block(self, image: np.ndarray) -> list[Line]:
        """Find and read every text line in a larger crop or a whole page, top to bottom."""
        ...


class EngineUnavailable(RuntimeError):
    """An engine cannot run on this machine (library, binary or language data missing)."""


# -- shared image handling ----------------------------------------------------------------------------------------


def to_grey(image: np.ndarray) -> np.ndarray:
    """A uint8 grey copy of a BGR, BGRA or grey image; ValueError naming the problem for anything else."""
    if not isinstance(image, np.ndarray):
        raise ValueError(f"expected a numpy image array, got {type(image).__name__}")
    if image.dtype != np.uint8:
        raise ValueError(f"expected a uint8 image (0..255), got dtype {image.dtype}")
    if image.size == 0:
        raise ValueError(f"empty image (shape {image.shape})")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 2:
        grey = image
    elif image.ndim == 3 and image.shape[2] in (3, 4):
        grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY if image.shape[2] == 3 else cv2.COLOR_BGRA2GRAY)
    else:
        raise ValueError(f"expected a grey (H, W) or BGR (H, W, 3) image, got shape {image.shape}")
    return np.ascontiguousarray(grey)


@dataclass(frozen=True)
class _Ink:
    """A grey crop normalised to dark text on a light background, with its text mask and background level."""

    grey: np.ndarray
    mask: np.ndarray  # uint8, 255 where ink
    background: int


MIN_CONTRAST = 50  # grey levels between ink and paper; Otsu splits plain noise too, but only ~30 levels apart


def _find_ink(grey: np.ndarray) -> _Ink | None:
    """The ink of a crop, or None when it holds no text (blank, flat or noise only)."""
    if min(grey.shape) < 4:
        return None
    if np.median(grey) < 128:  # light text on a dark ground: recognisers expect dark on light
        grey = 255 - grey
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = mask > 0
    if not ink.any() or ink.all():
        return None
    ink_level, paper_level = float(grey[ink].mean()), float(grey[~ink].mean())
    if paper_level - ink_level < MIN_CONTRAST or ink.mean() > 0.6:
        return None
    # Drop salt specks (1-2 px components) so they neither stretch the crop nor make lines of their own.
    _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    small = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] <= 2)
    small = small[small != 0]
    if small.size:
        mask = mask.copy()
        mask[np.isin(labels, small)] = 0
    if not mask.any():
        return None
    return _Ink(grey, mask, round(paper_level))


def _line_spans(mask: np.ndarray) -> list[tuple[int, int]]:
    """Row ranges [y0, y1) of the text lines in a mask, by horizontal projection."""
    rows = np.append(mask.any(axis=1), False)
    spans: list[tuple[int, int]] = []
    start = None
    for y, on in enumerate(rows):
        if on and start is None:
            start = y
        elif not on and start is not None:
            spans.append((start, y))
            start = None
    if not spans:
        return []
    # Merge a CJK character's separated strokes (二, 三, 兰) into one line: gaps under a third of a line height.
    merged = [spans[0]]
    for s, e in spans[1:]:
        tallest = max(e - s, merged[-1][1] - merged[-1][0])
        if s - merged[-1][1] < tallest / 3:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    tallest = max(e - s for s, e in merged)
    # Underlines, dust and dots far from the text are not lines; short lines are kept (a line of "一" is rare).
    return [(s, e) for s, e in merged if e - s >= tallest * 0.3]


def _line_crops(ink: _Ink) -> list[tuple[np.ndarray, int]]:
    """Tight crops of each text line with a margin of paper around it, and each line's ink height."""
    out = []
    height, width = ink.grey.shape
    for y0, y1 in _line_spans(ink.mask):
        cols = np.flatnonzero(ink.mask[y0:y1].any(axis=0))
        x0, x1 = int(cols[0]), int(cols[-1]) + 1
        text_h = y1 - y0
        margin = max(2, round(text_h * 0.25))
        # Take the margin from the image where it exists (real paper texture), pad with paper where it does not.
        crop = ink.grey[max(0, y0 - margin) : min(height, y1 + margin), max(0, x0 - margin) : min(width, x1 + margin)]
        pads = (
            max(0, margin - y0),
            max(0, y1 + margin - height),
            max(0, margin - x0),
            max(0, x1 + margin - width),
        )
        if any(pads):
            crop = cv2.copyMakeBorder(crop, *pads, cv2.BORDER_CONSTANT, value=ink.background)
        out.append((crop, text_h))
    return out


_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def _has_cjk(text: str) -> bool:
    return re.search(f"[{_CJK}]", text) is not None


def _tidy(chars: list[CharChoice]) -> list[CharChoice]:
    """Drop spaces the recogniser puts beside CJK characters (Chinese print has none), and outer spaces."""
    text = "".join(c.best for c in chars)
    keep = [True] * len(chars)
    for m in _SPACE_NEAR_CJK.finditer(text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    kept = [c for c, k in zip(chars, keep, strict=True) if k]
    while kept and kept[0].best.isspace():
        kept.pop(0)
    while kept and kept[-1].best.isspace():
        kept.pop()
    return kept


def _restrict(chars: list[CharChoice], charset: str) -> list[CharChoice]:
    """Only characters of the charset (full-width forms folded to the half-width ones it names); spaces go too."""
    out = []
    for c in chars:
        folded = unicodedata.normalize("NFKC", c.best)
        best = c.best if c.best in charset else folded if len(folded) == 1 and folded in charset else None
        if best is not None:
            out.append(CharChoice(best, c.confidence, tuple((a, p) for a, p in c.alternatives if a in charset)))
    return out


def _reading(chars: list[CharChoice]) -> Reading:
    """A Reading from characters: text, and the mean confidence (0 when empty)."""
    chars = _tidy(chars)
    if not chars:
        return EMPTY
    confidence = float(np.mean([c.confidence for c in chars]))
    return Reading("".join(c.best for c in chars), min(1.0, max(0.0, confidence)), tuple(chars))


def _join(readings: Iterable[Reading]) -> Reading:
    """Stacked lines of one field read as one text (Chinese wraps without a separator)."""
    chars = [c for r in readings for c in r.chars]
    return _reading(chars)


def _check_charset(charset: str | None) -> str | None:
    """None for open text; a whitelist must hold at least one visible character."""
    if charset is None:
        return None
    if not isinstance(charset, str) or not charset.strip():
        raise ValueError(f"charset must be a non-empty string of allowed characters or None, got {charset!r}")
    return charset


# -- Tesseract --------------------------------------------------------------------------------------------------

TESSERACT_TEXT_HEIGHT = 40  # px; the LSTM models were trained on lines of roughly this size (asked: 32-48)
TESSERACT_DPI = 300  # tells tesseract the scale; without it, it guesses from the (missing) image resolution


def _hocr_title(element: ET.Element) -> dict[str, str]:
    """An hOCR title ("bbox 1 2 3 4; x_conf 93.2") as {"bbox": "1 2 3 4", "x_conf": "93.2"}."""
    out = {}
    for part in (element.get("title") or "").split(";"):
        key, _, value = part.strip().partition(" ")
        if key:
            out[key] = value
    return out


def _parse_hocr(hocr: str, charset: str | None) -> list[CharChoice]:
    """Characters of tesseract's hOCR (hocr_char_boxes + lstm_choice_mode=2), words separated by spaces.

    Each symbol carries its own confidence; the LSTM's per-symbol choices follow it. chi_sim encodes a CJK character
    as several codes, so the choices of a CJK symbol belong to single code steps (their scores are often 0 for the
    very character read): they are used only for other symbols (the digits and letters of IDs and credit codes),
    and only when the list's top entry is the symbol itself.
    """
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", hocr).replace(' xmlns="http://www.w3.org/1999/xhtml"', ""))
    out: list[CharChoice] = []
    for word in root.iter("span"):
        if word.get("class") != "ocrx_word":
            continue
        if out:
            out.append(CharChoice(" ", 1.0))
        word_conf = float(_hocr_title(word).get("x_wconf", "0")) / 100
        symbols: list[list] = []  # [char, confidence, choices]
        for child in word:
            if child.get("class") != "ocrx_cinfo":
                continue
            if (child.get("id") or "").startswith("lstm_choices") and symbols:
                choices = [
                    (c.text or "", round(float(_hocr_title(c).get("x_confs", "0")) / 100, 4))
                    for c in child
                    if c.text is not None
                ]
                symbols[-1][2] = choices
            elif "x_bboxes" in _hocr_title(child) and child.text:
                symbols.append([child.text, round(float(_hocr_title(child).get("x_conf", "0")) / 100, 4), []])
        if not symbols and (word.text or "").strip():  # no per-symbol output: the word's text at its confidence
            symbols = [[ch, word_conf, []] for ch in word.text.strip()]
        for text, conf, choices in symbols:
            alternatives: tuple[tuple[str, float], ...] = ()
            if choices and choices[0][0] == text and not _has_cjk(text):
                # Two views of one symbol: trust the lower, so a close runner-up lowers the character's score.
                conf = min(conf, choices[0][1])
                alternatives = tuple(
                    (c, p) for c, p in choices[1:] if c and c != text and p > 0 and (charset is None or c in charset)
                )
            for ch in text:  # a symbol is normally one character; ligatures are split, sharing its score
                out.append(CharChoice(ch, min(1.0, max(0.0, conf)), alternatives))
    return out


class TesseractEngine:
    """Tesseract 4/5 LSTM through pytesseract: psm 7 for a field (stacked lines side by side), psm 3 for a page.

    Each call runs the tesseract binary, which loads its model again (about 0.1-0.15 s of every call for chi_sim);
    the engine holds no state between calls, so it is safe to use from several threads.
    """

    name = "tesseract"
    line_psm = 7  # single line; psm 13 (raw line) and 8 (word) read 20-40 % fewer fields on the bench
    fallback_psm = 8  # psm 7 sometimes finds no line at all in a short CJK crop (two-character names); 8 does
    text_height = TESSERACT_TEXT_HEIGHT

    def __init__(self, languages: str = "chi_sim+eng") -> None:
        """Check the binary and `languages` (what must be installed, and what read_block reads with)."""
        try:
            import pytesseract
        except ImportError as exc:  # pragma: no cover - a dependency of the project
            raise EngineUnavailable(f"pytesseract is not installed: {exc}") from exc
        self._tess = pytesseract
        try:
            self.version = str(pytesseract.get_tesseract_version())
            installed = set(pytesseract.get_languages(config=""))
        except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError) as exc:
            raise EngineUnavailable(f"the tesseract binary is not installed or not on PATH: {exc}") from exc
        if int(self.version.split(".")[0]) < 4:
            raise EngineUnavailable(f"tesseract {self.version} has no LSTM engine (4.0 or later is needed)")
        self.installed = frozenset(installed)
        missing = sorted(set(languages.split("+")) - self.installed)
        if missing:
            raise EngineUnavailable(f"tesseract language data missing: {', '.join(missing)} (have {sorted(installed)})")
        self.languages = languages
        # OpenMP threads cost more than they give on line-sized images (measured 240 -> 160 ms per line on 2 cores);
        # pytesseract passes os.environ to the child, so this only reaches tesseract (and respects an explicit value).
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    def _language(self, language: str) -> str:
        missing = sorted(set(language.split("+")) - self.installed)
        if missing:
            raise ValueError(f"tesseract has no language data for {', '.join(missing)}")
        return language

    def _config(self, psm: int, charset: str | None, choices: bool) -> str:
        parts = [f"--oem 1 --psm {psm} --dpi {TESSERACT_DPI}"]
        if choices:
            parts.append("-c lstm_choice_mode=2 -c hocr_char_boxes=1")
        # chi_sim spells a CJK character as several recoder codes, and a whitelist naming CJK characters blocks
        # some of them: with the 56 ethnic groups' characters as whitelist 朝鲜 read as 朝 and 藏 as nothing.
        # Such charsets only filter the output; Latin and digit whitelists go to the LSTM's beam search.
        if charset is not None and not _has_cjk(charset):
            parts.append("-c " + shlex.quote(f"tessedit_char_whitelist={charset}"))
        return " ".join(parts)

    def _hocr(self, image: np.ndarray, language: str, psm: int, charset: str | None) -> list[CharChoice]:
        hocr = self._tess.image_to_pdf_or_hocr(
            image, lang=language, config=self._config(psm, charset, choices=True), extension="hocr"
        )
        return _parse_hocr(hocr.decode("utf-8"), charset)

    def _scaled(self, crop: np.ndarray, text_h: int) -> np.ndarray:
        scale = self.text_height / max(1, text_h)
        if 0.85 <= scale <= 1.2:
            return crop
        interpolation = cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA
        return cv2.resize(crop, None, fx=scale, fy=scale, interpolation=interpolation)

    def read_line(self, image: np.ndarray, charset: str | None = None, language: str = DEFAULT_LANGUAGE) -> Reading:
        """Read one text line (stacked lines are read side by side as one) with psm 7 and per-symbol choices."""
        grey = to_grey(image)
        charset = _check_charset(charset)
        language = self._language(language)
        ink = _find_ink(grey)
        if ink is None:
            return EMPTY
        lines = [self._scaled(crop, text_h) for crop, text_h in _line_crops(ink)]
        if not lines:
            return EMPTY
        if len(lines) == 1:
            crop = lines[0]
        else:
            # Stacked lines go side by side into one line: one call (each reloads the model) and psm 7's accuracy;
            # psm 6 on the stack misread clean text that psm 7 read (黄埔 -> 黄博 at 40 px). The gap stays narrow
            # (with the margins, under a character's width): wider ones made the LSTM see a ” in them.
            tallest = max(c.shape[0] for c in lines)
            gap = np.full((tallest, self.text_height // 4), ink.background, np.uint8)
            row = []
            for c in lines:
                top = (tallest - c.shape[0]) // 2
                bottom = tallest - c.shape[0] - top
                row += [cv2.copyMakeBorder(c, top, bottom, 0, 0, cv2.BORDER_CONSTANT, value=ink.background), gap]
            crop = np.hstack(row[:-1])
        # Measured on bench/ocr_engines.py lines: stretching ink to black and paper to white lifts whole-field
        # accuracy (86 -> 98 of 112 lines); hard Otsu binarisation made the LSTM double characters at hard edges.
        crop = _stretch(crop)
        pad = self.text_height // 2  # tesseract reads poorly when ink touches the edge
        crop = cv2.copyMakeBorder(crop, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
        chars = self._hocr(crop, language, self.line_psm, charset)
        if not chars and self.fallback_psm:
            chars = self._hocr(crop, language, self.fallback_psm, charset)
        if charset is not None:  # the whitelist is a hint to the LSTM beam; make sure nothing else gets through
            chars = _restrict(chars, charset)
        return _reading(chars)

    def read_block(self, image: np.ndarray) -> list[Line]:
        """Find and read the lines of a page (psm 3 layout analysis), grouped from image_to_data by line."""
        grey = to_grey(image)
        ink = _find_ink(grey)
        if ink is None:
            return []
        scale = 1.0
        text_h = _typical_text_height(ink.mask)
        if text_h < 20:  # small print: tesseract misses it unless it is at least ~20 px high
            scale = min(4.0, TESSERACT_TEXT_HEIGHT * 0.8 / max(1.0, text_h))
            grey = cv2.resize(ink.grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        else:
            grey = ink.grey
        data = self._tess.image_to_data(
            grey,
            lang=self.languages,
            config=self._config(3, None, choices=False),
            output_type=self._tess.Output.DICT,
        )
        groups: dict[tuple[int, int, int], list[int]] = {}
        for i, word in enumerate(data["text"]):
            if word and word.strip() and float(data["conf"][i]) >= 0:
                groups.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
        lines = []
        for indices in groups.values():
            chars: list[CharChoice] = []
            for i in indices:
                if chars:
                    chars.append(CharChoice(" ", 1.0))
                conf = float(data["conf"][i]) / 100
                chars.extend(CharChoice(ch, conf) for ch in data["text"][i].strip())
            reading = _reading(chars)
            if not reading.text:
                continue
            x0 = min(data["left"][i] for i in indices)
            y0 = min(data["top"][i] for i in indices)
            x1 = max(data["left"][i] + data["width"][i] for i in indices)
            y1 = max(data["top"][i] + data["height"][i] for i in indices)
            box = tuple(round(v / scale) for v in (x0, y0, x1, y1))
            lines.append(Line(reading.text, reading.confidence, box))  # type: ignore[arg-type]
        return _reading_order(lines)


def _reading_order(lines: list[Line]) -> list[Line]:
    """Lines top to bottom, and left to right within a row (a label and its value sit side by side)."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.box[1] + ln.box[3]):
        centre, height = (line.box[1] + line.box[3]) / 2, line.box[3] - line.box[1]
        if rows:
            last = rows[-1][0]
            # Same row when the centres are closer than half the shorter line's height.
            if abs(centre - (last.box[1] + last.box[3]) / 2) < min(height, last.box[3] - last.box[1]) / 2:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda ln: ln.box[0])]


def _stretch(grey: np.ndarray) -> np.ndarray:
    """Ink to black and paper to white, keeping the anti-aliased edges: paper noise and tint go, shapes stay."""
    threshold, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink, paper = grey[grey <= threshold], grey[grey > threshold]
    if ink.size == 0 or paper.size == 0:
        return grey
    lo, hi = float(np.percentile(ink, 50)), float(np.percentile(paper, 10))
    if hi - lo < 10:
        return grey
    return np.clip((grey.astype(np.float32) - lo) * (255.0 / (hi - lo)), 0, 255).astype(np.uint8)


def _typical_text_height(mask: np.ndarray) -> float:
    """The median height of the ink's connected components: a rough character height on a page."""
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    heights = heights[(stats[1:, cv2.CC_STAT_AREA] >= 4) & (heights < mask.shape[0] * 0.5)]
    return float(np.median(heights)) if heights.size else 0.0


# -- RapidOCR ---------------------------------------------------------------------------------------------------

RAPID_THREADS = 2  # the terminal has 2 cores; onnxruntime's default spins one thread per core plus a pool
ALTERNATIVES = 4  # how many runner-up characters to keep per character
MIN_ALTERNATIVE = 0.01  # below this a runner-up is noise


_PATCH_LOCK = threading.Lock()


@contextlib.contextmanager
def _onnx_threads_yield() -> Iterator[None]:
    """While RapidOCR builds its sessions, have onnxruntime's worker threads sleep rather than spin when idle.

    Measured on 2 cores, recognising one line: 2 spinning threads 18 ms idle but 79 ms with the other core busy
    (the GUI, the camera); 2 yielding threads 23 and 44 ms; 1 thread 30 and 60 ms. RapidOCR 1.4 has no option for
    it, so its session-options builder is wrapped for the duration (and left alone if it is ever renamed).
    """
    try:
        from rapidocr_onnxruntime.utils import infer_engine

        original = infer_engine.OrtInferSession._init_sess_opts
    except (ImportError, AttributeError):
        yield
        return

    def yielding(config: dict) -> object:
        options = original(config)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return options

    with _PATCH_LOCK:
        infer_engine.OrtInferSession._init_sess_opts = staticmethod(yielding)
        try:
            yield
        finally:
            infer_engine.OrtInferSession._init_sess_opts = staticmethod(original)


class RapidOcrEngine:
    """RapidOCR (PP-OCRv4 detection + recognition on onnxruntime; the models ship in the wheel).

    Lines are recognised by calling the recognition model directly: its per-frame class probabilities give each
    character's runner-ups and let a charset mask the classes before CTC decoding (PP-OCR has no whitelist of its
    own), so a digit field cannot come back with a 'O' for a '0'. One instance holds the onnxruntime sessions;
    a lock serialises calls (sessions are thread-safe, but the wrapper keeps per-call state).
    """

    name = "rapidocr"

    def __init__(self, threads: int = RAPID_THREADS) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise EngineUnavailable(f"rapidocr-onnxruntime is not installed: {exc}") from exc
        threads = max(1, min(threads, os.cpu_count() or 1))
        started = time.perf_counter()
        try:
            with _onnx_threads_yield():
                self._ocr = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)
        except Exception as exc:  # a missing or corrupt model, an onnxruntime without CPU support
            raise EngineUnavailable(f"RapidOCR could not load its models: {exc}") from exc
        self.load_seconds = time.perf_counter() - started
        self._lock = threading.Lock()
        recogniser = self._ocr.text_rec
        self._classes: list[str] = list(recogniser.postprocess_op.character)  # [0] is the CTC blank
        self._columns: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = {}

    def _charset_columns(self, charset: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """The model classes a charset allows, grouped by the character they stand for (the blank first).

        Full-width forms (Ｘ, ０, －, ．) stand for the half-width characters a whitelist names, and their
        probabilities add up: per frame the classes are exclusive outcomes of one softmax.
        """
        cached = self._columns.get(charset)
        if cached is not None:
            return cached
        groups: dict[str, list[int]] = {}
        for i, ch in enumerate(self._classes[1:], start=1):
            folded = unicodedata.normalize("NFKC", ch)
            spelled = ch if ch in charset else folded if len(folded) == 1 and folded in charset else None
            if spelled is not None:
                groups.setdefault(spelled, []).append(i)
        names = ["", *groups]
        columns = np.array([0] + [i for g in groups.values() for i in g], dtype=np.intp)
        starts = np.cumsum([0, 1] + [len(g) for g in groups.values()])[:-1]
        if len(self._columns) > 64:  # a handful of charsets in practice; never grow without bound
            self._columns.clear()
        self._columns[charset] = (columns, starts, names)
        return columns, starts, names

    def _decode(self, probs: np.ndarray, charset: str | None) -> list[CharChoice]:
        """CTC-decode one line's (frames, classes) probabilities, restricted to the charset's classes."""
        if charset is None:
            spelled = self._classes
        else:
            columns, starts, spelled = self._charset_columns(charset)
            probs = np.add.reduceat(probs[:, columns], starts, axis=1)
        best = probs.argmax(axis=1)
        runs: list[tuple[int, int, int]] = []  # (class, first frame, last frame + 1)
        previous = 0
        for t, k in enumerate(best.tolist()):
            if k != 0 and k == previous:
                runs[-1] = (k, runs[-1][1], t + 1)
            elif k != 0:
                runs.append((k, t, t + 1))
            previous = k
        out = []
        for k, t0, t1 in runs:
            # The character's raw probability, not renormalised over the charset: if the model preferred a
            # character outside the whitelist, the one kept is honestly unsure.
            peak = probs[t0:t1].max(axis=0)
            confidence = float(peak[k])
            peak[[0, k]] = -1.0
            n = min(ALTERNATIVES, peak.size - 1)
            top = np.argpartition(peak, -n)[-n:] if n > 0 else np.array([], dtype=np.intp)
            alternatives = tuple(
                (spelled[j], round(float(peak[j]), 4))
                for j in sorted(top.tolist(), key=lambda j: -peak[j])
                if peak[j] >= MIN_ALTERNATIVE
            )
            out.append(CharChoice(spelled[k], min(1.0, max(0.0, confidence)), alternatives))
        return out

    def _recognise(self, crops: list[np.ndarray]) -> np.ndarray:
        """The recognition model's probabilities for line crops, one batch, as (lines, frames, classes)."""
        recogniser = self._ocr.text_rec
        _, rec_h, rec_w = recogniser.rec_image_shape
        ratio = max([rec_w / rec_h] + [c.shape[1] / c.shape[0] for c in crops])
        batch = np.stack([recogniser.resize_norm_img(cv2.cvtColor(c, cv2.COLOR_GRAY2BGR), ratio) for c in crops])
        return recogniser.session(batch.astype(np.float32))[0]

    def read_line(self, image: np.ndarray, charset: str | None = None, language: str = DEFAULT_LANGUAGE) -> Reading:
        """Read one text line (stacked lines are read one by one and joined); `language` is ignored (zh + en)."""
        grey = to_grey(image)
        charset = _check_charset(charset)
        ink = _find_ink(grey)
        if ink is None:
            return EMPTY
        crops = [crop for crop, _ in _line_crops(ink)]
        if not crops:
            return EMPTY
        with self._lock:
            probs = self._recognise(crops)
        return _join(_reading(self._decode(p, charset)) for p in probs)

    def locate_characters(self, image: np.ndarray) -> list[tuple[str, float, float]]:
        """Each character the model reads on a one-line crop (read as it is, not cut to its ink), with the span
        of the crop's columns (x0, x1) its frames cover: roughly where it is printed."""
        grey = to_grey(image)
        h, w = grey.shape
        with self._lock:
            probs = self._recognise([grey])[0]
        _, rec_h, rec_w = self._ocr.text_rec.rec_image_shape
        input_w = int(rec_h * max(rec_w / rec_h, w / h))
        resized_w = min(input_w, int(np.ceil(rec_h * w / h)))
        per_frame = input_w / probs.shape[0] * w / resized_w  # crop px per output frame
        best = probs.argmax(axis=1).tolist()
        out: list[tuple[str, float, float]] = []
        previous = 0
        for t, k in enumerate(best):
            if k != 0 and k == previous:
                out[-1] = (out[-1][0], out[-1][1], (t + 1) * per_frame)
            elif k != 0:
                out.append((self._classes[k], t * per_frame, (t + 1) * per_frame))
            previous = k
        return out

    def find_lines(self, image: np.ndarray, max_side: int = 736) -> list[np.ndarray]:
        """The text lines the detection model finds, as (4, 2) float32 quads (clockwise from top-left) in the
        image's pixels; the image is looked at no larger than `max_side` (RapidOCR's own call enlarges it to
        736 px on its short side, several times the work for a card's 2.5 mm print)."""
        bgr = image if image.ndim == 3 and image.shape[2] == 3 else cv2.cvtColor(to_grey(image), cv2.COLOR_GRAY2BGR)
        h, w = bgr.shape[:2]
        scale = min(1.0, max_side / max(h, w))
        size = (max(32, round(w * scale / 32) * 32), max(32, round(h * scale / 32) * 32))
        small = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA).astype(np.float32)
        batch = ((small / 255.0 - 0.5) / 0.5).transpose(2, 0, 1)[None].astype(np.float32)
        detector = self._ocr.text_det
        with self._lock:
            preds = detector.infer(batch)[0]
            boxes, _ = detector.postprocess_op(preds, (h, w))
        out = []
        for box in boxes if boxes is not None else []:
            quad = detector.order_points_clockwise(np.asarray(box, np.float32))
            if np.linalg.norm(quad[1] - quad[0]) > 3 and np.linalg.norm(quad[3] - quad[0]) > 3:
                out.append(quad.astype(np.float32))
        return out

    def read_block(self, image: np.ndarray) -> list[Line]:
        """Find the lines with the detection model and read each (no angle classifier: pages come upright)."""
        grey = to_grey(image)
        if _find_ink(grey) is None:
            return []
        bgr = image if image.ndim == 3 and image.shape[2] == 3 else cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
        with self._lock:
            result, _ = self._ocr(np.ascontiguousarray(bgr), use_det=True, use_cls=False, use_rec=True)
        lines = []
        for points, text, score in result or []:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            chars = [CharChoice(ch, float(score)) for ch in text]
            reading = _reading(chars)
            if reading.text:
                box = (int(min(xs)), int(min(ys)), int(np.ceil(max(xs))), int(np.ceil(max(ys))))
                lines.append(Line(reading.text, min(1.0, max(0.0, float(score))), box))
        return _reading_order(lines)


# -- registry -----------------------------------------------------------------------------------------------------

ENGINE_FACTORIES: dict[str, Callable[[], Engine]] = {
    "tesseract": TesseractEngine,
    "rapidocr": RapidOcrEngine,
}


@dataclass(frozen=True)
class EngineStatus:
    """Whether an engine loads here, why not when it does not, and how long loading took."""

    name: str
    available: bool
    reason: str = ""
    load_seconds: float = 0.0


class EngineRegistry:
    """Process-wide engines, each created on first use and kept (models stay loaded between documents)."""

    def __init__(self, factories: dict[str, Callable[[], Engine]]) -> None:
        self._factories = dict(factories)
        self._engines: dict[str, Engine] = {}
        self._status: dict[str, EngineStatus] = {}
        self._lock = threading.Lock()

    @property
    def names(self) -> tuple[str, ...]:
        """Every engine this registry knows, available here or not."""
        return tuple(self._factories)

    def _load(self, name: str) -> EngineStatus:
        if name not in self._factories:
            raise KeyError(f"unknown OCR engine {name!r} (known: {', '.join(self._factories)})")
        with self._lock:
            status = self._status.get(name)
            if status is None:
                started = time.perf_counter()
                try:
                    self._engines[name] = self._factories[name]()
                    status = EngineStatus(name, True, "", time.perf_counter() - started)
                    log.info("OCR engine %s loaded in %.2f s", name, status.load_seconds)
                except EngineUnavailable as exc:
                    # Remembered: a missing binary does not appear between documents, and retrying costs time.
                    status = EngineStatus(name, False, str(exc), time.perf_counter() - started)
                    log.warning("OCR engine %s unavailable: %s", name, exc)
                self._status[name] = status
            return status

    def get(self, name: str) -> Engine:
        """The engine called `name`, loading it the first time; EngineUnavailable if it cannot run here."""
        status = self._load(name)
        if not status.available:
            raise EngineUnavailable(f"OCR engine {name!r} is unavailable: {status.reason}")
        return self._engines[name]

    def status(self, name: str) -> EngineStatus:
        """Load (once) and report one engine's status."""
        return self._load(name)

    def statuses(self) -> dict[str, EngineStatus]:
        """Load (once) and report every engine's status."""
        return {name: self._load(name) for name in self._factories}


_REGISTRY = EngineRegistry(ENGINE_FACTORIES)


def engine_registry() -> EngineRegistry:
    """The process-wide registry."""
    return _REGISTRY


def get_engine(name: str) -> Engine:
    """The process-wide engine called `name` ("tesseract" or "rapidocr"), loaded once and kept."""
    return _REGISTRY.get(name)


def available_engines() -> dict[str, Literal[True] | str]:
    """Each engine's name -> True when it loads here, or the reason it does not."""
    return {name: True if s.available else s.reason for name, s in _REGISTRY.statuses().items()}
