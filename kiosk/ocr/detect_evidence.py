"""What an outline holds: cheap visual evidence, predicted by the layouts, that it is one of the documents.

Every kind prints something a plain sheet (the commonest false outline on a desk) lacks, at a known place: the
ID card's front a portrait at ID_PHOTO_BOX and blue labels down its left, its back the red emblem at
ID_EMBLEM_BOX, the licence its QR code at LICENSE_QR_BOX and a red seal bottom right. Each is measured on a
small patch of the document warped straight out of the frame (a fraction of a millisecond all told), for the
document as found and turned a half turn, with brightness and colour taken relative to the document's own paper
so a dim or overexposed picture measures like a good one. find_document weighs its outlines with it;
reader.classify orders its hypotheses by it and settles the half turn with it.
"""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.ocr.layouts import ID_EMBLEM_BOX, ID_PHOTO_BOX, LAYOUTS, LICENSE_QR_BOX

DOC_MM = {"card": (85.6, 54.0), "a4": (297.0, 210.0)}
KINDS_OF = {"card": ("id_card_front", "id_card_back"), "a4": ("business_license",)}
# The front's blue labels 姓名 性别 出生 住址 (公民身份号码 runs on to the right), and the blank between them (mm).
LABEL_BOXES = ((5.0, 5.5, 13.5, 10.5), (5.0, 12.5, 13.5, 17.0), (5.0, 19.0, 13.5, 23.5), (5.0, 25.5, 13.5, 30.0),
               (5.0, 44.5, 13.5, 49.5))  # fmt: skip
LABEL_GAP = (5.0, 32.0, 13.5, 42.5)
ID_NUMBER_BOX = LAYOUTS["id_card_front"].field("id_number").box
SEAL_BOX = (212.0, 140.0, 276.0, 194.0)  # the registration authority's red seal on the licence (mm)
VIEW_PPM = {"card": 2.0, "a4": 1.5}  # pixels per mm the outline is looked into at
Box = tuple[float, float, float, float]


def _ramp(value: float, low: float, high: float) -> float:
    return float(np.clip((value - low) / (high - low), 0.0, 1.0))


def _quantile(values: np.ndarray, q: float) -> float:
    """The q-quantile (0..1) of an array: np.partition, several times cheaper than np.percentile here."""
    step = max(1, int((values.size / 4000) ** 0.5))  # a few thousand values tell a quantile well enough
    flat = (values[::step, ::step] if values.ndim == 2 else values).ravel()
    k = min(len(flat) - 1, max(0, round(q * (len(flat) - 1))))
    return float(np.partition(flat, k)[k])


def _shrink(box: Box, by: float) -> Box:
    return (box[0] + by, box[1] + by, box[2] - by, box[3] - by)


class DocumentView:
    """A document outline in an image, rectified once at a few pixels per mm and looked into box by box."""

    def __init__(self, image: np.ndarray, points: np.ndarray, aspect: str, white: float | None = None) -> None:
        """`white`: the frame's own white (grey level); paper much darker than it is not a document's."""
        self.size = DOC_MM[aspect]
        self.ppm = ppm = VIEW_PPM[aspect]
        w, h = round(self.size[0] * ppm), round(self.size[1] * ppm)
        corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32) - 0.5
        matrix = cv2.getPerspectiveTransform(np.asarray(points, np.float32).reshape(4, 2), corners)
        flat = cv2.warpPerspective(image, matrix, (w, h), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)
        self.ycc = cv2.cvtColor(flat, cv2.COLOR_BGR2YCrCb).astype(np.float32)
        self.paper = max(_quantile(cv2.GaussianBlur(self.ycc[:, :, 0], (0, 0), 1.5), 0.9), 8.0)
        # A document is among the lightest things in view: a dark mat or a phone has no paper to speak of.
        self.lit = 1.0 if white is None else _ramp(self.paper / max(white, 8.0), 0.4, 0.6)
        self.neutral = np.array([_quantile(self.ycc[:, :, c], 0.5) for c in (1, 2)], np.float32)

    def patch(self, box: Box, turned: bool = False) -> np.ndarray:
        """The box (mm, document upright) as (h, w, 3) YCrCb; `turned`: the document lies a half turn round
        (the patch comes out turned too, which no measure here minds)."""
        x0, y0, x1, y1 = box
        if turned:
            w, h = self.size
            x0, y0, x1, y1 = w - x1, h - y1, w - x0, h - y0
        s = self.ppm
        return self.ycc[max(0, round(y0 * s)) : round(y1 * s), max(0, round(x0 * s)) : round(x1 * s)]

    def grey(self, box: Box, turned: bool = False) -> np.ndarray:
        """The box's brightness as a share of the paper's."""
        return self.patch(box, turned)[:, :, 0] * np.float32(1.0 / self.paper)

    def ink(self, box: Box, turned: bool, channel: int, level: float) -> float:
        """The share of a box printed in colour: Cr (channel 0) or Cb (1) `level` above the paper's own, scaled
        as if the paper were lit to 230, and darker than the paper (a yellow note is redder than white paper too)."""
        ycc = self.patch(box, turned)
        away = (ycc[:, :, 1 + channel] - self.neutral[channel]) * np.float32(230.0 / self.paper)
        return float(((away > level) & (ycc[:, :, 0] < 0.85 * self.paper)).mean())

    # ---- the features, each 0..1 ----------------------------------------------------------------------------

    def portrait(self, turned: bool) -> float:
        """A large dark, busy block where the front's photo is (hair, eyes, clothes; not rows of text), with
        blank paper just below it (not a phone or a mug lying there)."""
        grey = self.grey(_shrink(ID_PHOTO_BOX, 3.0), turned)
        dark = 1.0 - _quantile(cv2.GaussianBlur(grey, (0, 0), 2.0), 0.25)
        x0, _, x1, y1 = ID_PHOTO_BOX
        blank = _ramp(_quantile(self.grey((x0 + 2, y1 + 1.0, x1 - 2, y1 + 5.0), turned), 0.5), 0.75, 0.9)
        return _ramp(dark, 0.22, 0.36) * _ramp(float(grey.std()), 0.08, 0.14) * blank

    def blue_labels(self, turned: bool) -> float:
        """Blue print in the label boxes down the front's left side, and none in the blank between them (a blue
        pen or a blue desk colours that too)."""
        shares = [self.ink(box, turned, 1, 8) for box in LABEL_BOXES]
        gap = self.ink(LABEL_GAP, turned, 1, 8)
        return _ramp(sum(share > 0.03 for share in shares), 2, 4) * (1.0 - _ramp(gap, 0.01, 0.04))

    def number_ink(self, turned: bool) -> float:
        """Black print along the front's ID number line (a desk or a phone there has none)."""
        darkest = _quantile(self.grey(ID_NUMBER_BOX, turned), 0.05)
        return _ramp(1.0 - darkest, 0.45, 0.6)

    def emblem(self, turned: bool) -> float:
        """Strong red where the back's emblem is (a portrait's skin is far less red)."""
        return _ramp(self.ink(ID_EMBLEM_BOX, turned, 0, 40), 0.03, 0.10)

    def qr_code(self, turned: bool) -> float:
        """About half dark, in small squares both ways, where the licence's QR code is."""
        grey = self.grey(_shrink(LICENSE_QR_BOX, 2.0), turned)
        dark = 1.0 - float(grey.mean())
        busy = min(float(np.abs(np.diff(grey, axis=0)).mean()), float(np.abs(np.diff(grey, axis=1)).mean()))
        return _ramp(dark, 0.18, 0.30) * (1.0 - _ramp(dark, 0.72, 0.88)) * _ramp(busy, 0.04, 0.08)

    def frame(self) -> float:
        """The licence's printed frame: a thin rule the same few mm inside all four sides (either way up)."""
        grey = self.ycc[:, :, 0] * np.float32(1.0 / self.paper)
        s, (w, h) = self.ppm, self.size
        inset = np.arange(round(3 * s), round(18 * s))
        along_x, along_y = slice(round(20 * s), round((w - 20) * s)), slice(round(20 * s), round((h - 20) * s))
        profiles = (
            grey[inset, along_x].mean(1),
            grey[grey.shape[0] - 1 - inset, along_x].mean(1),
            grey[along_y, inset].mean(0),
            grey[along_y, grey.shape[1] - 1 - inset].mean(0),
        )
        depths, places = [], []
        for profile in profiles:
            at = int(np.argmin(profile))
            level = float(np.median(profile))
            depth = level - float(profile[at])
            beside = profile[[max(0, at - 3), min(len(profile) - 1, at + 3)]]
            narrow = bool((beside >= profile[at] + 0.6 * depth).all())  # a rule, not the edge of a text block
            depths.append(depth if narrow else 0.0)
            places.append(at)
        same_place = np.ptp(places) <= 2
        return _ramp(min(depths), 0.1, 0.25) if same_place else 0.0

    def seal(self, turned: bool) -> float:
        """Red where the licence's seal is stamped."""
        return _ramp(self.ink(SEAL_BOX, turned, 0, 30), 0.005, 0.02)

    def scores(self, kinds: tuple[str, ...]) -> dict[tuple[str, int], float]:
        """Evidence (0..1) for each kind lying upright (0) or a half turn round (180)."""
        out = {}
        for kind in kinds:
            for turn in (0, 180):
                turned = turn == 180
                if kind == "id_card_front":
                    blue = self.blue_labels(turned)
                    score = max(self.portrait(turned) * (0.6 + 0.4 * blue), 0.7 * blue)
                    score *= 0.4 + 0.6 * self.number_ink(turned)
                elif kind == "id_card_back":
                    score = self.emblem(turned)
                else:
                    seal = self.seal(turned)
                    score = max(self.qr_code(turned) * (0.6 + 0.4 * seal), 0.7 * self.frame() * (0.5 + 0.5 * seal))
                out[(kind, turn)] = score * self.lit
        return out


def evidence(image: np.ndarray, points: np.ndarray, aspect: str, white: float | None = None) -> float:
    """How sure (0..1) the outline holds a document of this aspect, either way up, from what is printed in it."""
    return max(DocumentView(image, points, aspect, white).scores(KINDS_OF[aspect]).values())


def visible_evidence(image: np.ndarray, points: np.ndarray, white: float | None = None) -> float:
    """For a document running out of the frame, where the layout cannot be placed: strongly coloured print
    (blue labels, a red emblem or seal) or a large dark block (a portrait, a QR code) in the part that shows,
    which rows of black text alone never give."""
    size = (96, 64)
    corners = np.array([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]], np.float32)
    matrix = cv2.getPerspectiveTransform(np.asarray(points, np.float32).reshape(4, 2), corners)
    patch = cv2.warpPerspective(image, matrix, size, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)
    grey = cv2.GaussianBlur(cv2.cvtColor(patch, cv2.COLOR_BGR2GRAY), (0, 0), 2.0).astype(np.float32)
    paper = max(float(np.percentile(grey, 90)), 8.0)
    lit = 1.0 if white is None else _ramp(paper / max(white, 8.0), 0.4, 0.6)
    dark = 1.0 - float(np.percentile(grey, 2)) / paper
    ycc = cv2.cvtColor(patch, cv2.COLOR_BGR2YCrCb).reshape(-1, 3).astype(np.float32)
    chroma = np.hypot(*(ycc[:, 1:] - np.median(ycc[:, 1:], axis=0)).T) * (230.0 / paper)
    return lit * max(_ramp(float((chroma > 40).mean()), 0.01, 0.03), _ramp(dark, 0.45, 0.6))


def page_evidence(image: np.ndarray, points: np.ndarray, white: float | None = None) -> float:
    """For a plain paper (a contract, a certificate): a sheet lighter than what lies around it, with some print
    on it (text, lines) but not dark all over, which the desk, a hand or a screen are."""
    size = (128, 180)
    corners = np.array([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]], np.float32)
    matrix = cv2.getPerspectiveTransform(np.asarray(points, np.float32).reshape(4, 2), corners)
    patch = cv2.warpPerspective(image, matrix, size, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)
    grey = cv2.cvtColor(patch, cv2.COLOR_BGR2GRAY).astype(np.float32)
    paper = max(float(np.percentile(grey, 75)), 8.0)
    lit = 1.0 if white is None else _ramp(paper / max(white, 8.0), 0.4, 0.6)
    bright = _ramp(paper, 90.0, 140.0)
    ink = float((grey < 0.65 * paper).mean())
    printed = _ramp(ink, 0.003, 0.015) * (1.0 - _ramp(ink, 0.35, 0.5))
    return lit * bright * printed
