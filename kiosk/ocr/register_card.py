"""Registering an ID card on its printed layout, for when its edges mislead or cannot be seen.

A white sheet, a thumb or a white desk under an overexposed card moves or hides the card's edges; the print is
still where the layout puts it. The card is looked at straightened by the outline found (or the whole frame,
when none was), with a margin for that outline's error; the recogniser's detection model finds the text lines,
each is read, and the lines that begin with a field's printed label (姓名, 性别 ... on the front, 签发机关 and
有效期限 on the back), the back's centred titles (中华人民共和国, 居民身份证), or a value told by its shape (ID
number digits, a date, an address starting with a Guangdong city) give points whose place on the card is
known: a label's or value's first ink, a title's middle, each at its row's centre. A homography fitted through
those points and along the lines themselves (the rows of a card are parallel: where its lines converge tells
the perspective that points standing mostly in one column cannot), wrong matches dropped, gives the card's
corners; sides with a clear edge close by are then put on it. A fit through too few lines, or with lines off
it, gives nothing: the outline found stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import cv2
import numpy as np

from catalog.codes import CREDIT_CHARSET
from kiosk.ocr import engines, gazetteer, rules
from kiosk.ocr.layouts import LAYOUTS


@dataclass(frozen=True)
class View:
    """How a document is looked at: pixels per mm (its labels ~15-18 px high, where the detection model does
    best), the margin for the outline's error each side (mm), the detection input's long side (px), and how
    far (mm) an anchor may lie off the fit (print places a value to half a millimetre on a card, a little
    more on the licence's larger sheet)."""

    px_per_mm: float
    margin_mm: float
    detect_side: int
    max_residual_mm: float


VIEWS = {"card": View(7.0, 14.0, 800, 1.0), "a4": View(3.5, 20.0, 1216, 1.5)}
PX_PER_MM = VIEWS["card"].px_per_mm
MARGIN_MM = VIEWS["card"].margin_mm
MIN_ANCHORS = 3
MIN_LIKENESS = 0.5  # a row's first characters against a label: half of a two-character label, at least
MIN_LONG_LIKENESS = 0.6  # and more than half of a longer one
MIN_SPREAD_MM = 15.0  # anchors must span this much down the card (and half of it across, for a homography)
SNAP_MM = 2.5  # how far from where the print puts a side its edge is looked for
MIN_EDGE_SUPPORT = 0.6  # share of a side's samples on one straight edge for it to count
MAX_SNAP_TURN = 0.08  # radians: the print places a side's direction to within five degrees


@dataclass(frozen=True)
class Anchor:
    """Something printed at a known place on the card, and how to tell the line it begins: a label (its text),
    a value (its shape: ID number digits, a date, an address that starts with a province or city), or a
    centred title (the whole line read, and its middle taken rather than its first ink)."""

    word: str
    x_mm: float
    y_mm: float
    centred: bool = False
    value: str = ""  # a value's field name: the line is told by what it holds, not by a label
    label_x_mm: float = 0.0  # a value's label's left end: the line's first ink when the label was not read
    end: bool = False  # the point is the line's last ink (a value of fixed length in fixed-pitch type)

    def point(self, row: Row) -> tuple[float, np.ndarray] | None:
        """Where on the card (x mm) the row's anchor point is, and that point on the canvas."""
        if self.centred:
            return self.x_mm, row.middle
        if self.end:
            return self.x_mm, row.right
        if not self.value:
            return self.x_mm, row.left
        # The line's first ink is its value's, or its label's where the recogniser read no label (small,
        # spread-out print): told by where the value's first character is, a label's width further on or not.
        start = _value_start(self.value, row.text)
        place = next((at for ch, at in row.places if start is not None and ch == row.text[start]), None)
        if place is None:
            return None
        far = float(np.linalg.norm(place - row.left)) > 1.5 * row.height
        if not far:
            return self.x_mm, row.left
        # A label read whole puts the line's first ink at the label's left end; one read in part (its faint
        # first characters lost: 身份号码 for 公民身份号码) says nothing of where it began, so the value's own
        # first character is the point.
        label = rules.to_halfwidth(self.word)
        if row.text[:start].endswith(label) or rules._similarity(row.text[:start], label) >= 0.8:
            return self.label_x_mm, row.left
        return self.x_mm, place

    def likeness(self, text: str) -> float:
        """How surely a line read as `text` is this anchor's (0..1)."""
        if not self.value:
            return rules._similarity(text if self.centred else text[: len(self.word)], self.word)
        digits = sum(ch.isdigit() for ch in text)
        if self.end:  # all 18 characters read, so the line's last ink is the check character's
            return 1.0 if re.search(r"(?<!\d)\d{17}[\dX]$", text) else 0.0
        if self.value == "id_number":
            # The number's run of digits, after whatever part of its label was read.
            return 1.0 if re.search(r"\d{15,17}[\dXx]?$", text) and len(text) <= 24 else 0.0
        if self.value == "birth_date":
            return 1.0 if digits >= 4 and ("年" in text or "月" in text) else 0.0
        if self.value == "sex":
            # 男/女 first, or after the label's second character (性 is faint and often lost).
            return 1.0 if len(text) <= 6 and (text[:1] in "男女" or text[:2] in ("别男", "别女")) else 0.0
        if self.value == "address":
            return 1.0 if text.startswith((gazetteer.PROVINCE, *gazetteer.CITIES)) else 0.0
        if self.value == "issuing_authority":
            return 1.0 if "公安局" in text and not text.startswith(self.word[:2]) else 0.0
        if self.value == "validity":
            return 1.0 if digits >= 12 and text[:1].isdigit() else 0.0
        if self.value == "credit_code":
            return 1.0 if sum(ch in CREDIT_CHARSET for ch in text) >= 15 and digits >= 8 and len(text) <= 20 else 0.0
        if self.value == "established_date":
            return 1.0 if digits >= 6 and text.count("年") == 1 and "至" not in text else 0.0
        if self.value == "business_term":
            return 1.0 if digits >= 6 and "至" in text else 0.0
        if self.value == "registered_capital":
            return 1.0 if text.endswith(("元", "元整", "）", ")")) and ("万" in text or "人民币" in text) else 0.0
        return 0.0


def _value_start(value: str, text: str) -> int | None:
    """Where in a line read as `text` the value of that field begins (None: not to be found)."""
    for i, ch in enumerate(text):
        if value in ("id_number", "birth_date", "validity", "established_date", "business_term") and ch.isdigit():
            return i
        if value == "credit_code" and ch in CREDIT_CHARSET:
            return i
        if value == "registered_capital" and (ch in "人壹贰叁肆伍陆柒捌玖拾" or ch.isdigit()):
            return i
        if value == "sex" and ch in "男女":
            return i
        if value in ("address", "issuing_authority") and text[i:].startswith((gazetteer.PROVINCE, *gazetteer.CITIES)):
            return i
    return None


VALUE_INSET_MM = 0.5  # values start about this far inside their boxes' left edges
# The fields whose lines are told by what they hold (Anchor.likeness).
SHAPED_VALUES = (
    "id_number", "birth_date", "sex", "address", "issuing_authority", "validity",
    "credit_code", "established_date", "business_term", "registered_capital",
)  # fmt: skip


def anchors(kind: str) -> list[Anchor]:
    """The words and values a document of this kind is registered by (kiosk.ocr.layouts): its printed labels
    (a line beginning with one: the front's 民族, mid-row, only when the detector splits it off), the ID card
    back's centred titles (the licence's title box also holds （副本）, so its middle is not the title's), and the
    values whose lines can be told by their shape, at their box's left and its first line; on the front, also the
    ID number's right end."""
    layout = LAYOUTS[kind]
    out = [
        Anchor(spec.label, spec.label_box[0], (spec.label_box[1] + spec.label_box[3]) / 2)
        for spec in layout.fields
        if spec.label_box
    ]
    labels = {spec.label for spec in layout.fields}
    if kind != "business_license":
        out += [
            Anchor(word, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2, True)
            for word, b in layout.landmarks
            if word not in labels
        ]
    for spec in layout.fields:
        if spec.name in SHAPED_VALUES:
            x0, y0, _, y1 = spec.box
            middle = y0 + (y1 - y0) / (2 * spec.lines)  # the first line's middle
            label_x = spec.label_box[0] if spec.label_box else x0
            out.append(Anchor(spec.label, x0 + VALUE_INSET_MM, middle, value=spec.name, label_x_mm=label_x))
    if kind == "id_card_front":
        # The only anchor far right: without it the fit extrapolates from the labels' column to the card's
        # right side, and a little perspective error there is a centimetre.
        number = layout.field("id_number").box
        out.append(Anchor("", ID_NUMBER_END_MM, (number[1] + number[3]) / 2, value="id_number", end=True))
    return out


# The ID number is 18 characters of fixed-pitch type (OCR-B, 11 pt, tracked), so its last ink always lies at one
# place: 79.2 mm from the card's left edge in this reader's layout (kiosk/ocr/layouts.py), 79.0-79.4 mm on the
# synthetic cards in all four of their monospace faces. Like every box of the layout, to be confirmed on real cards.
ID_NUMBER_END_MM = 79.2


@dataclass
class Row:
    """A text line found on the canvas: what it reads, and its ink's left end, middle and right end at its centre
    line."""

    text: str
    left: np.ndarray  # (2,) canvas px
    middle: np.ndarray
    right: np.ndarray
    direction: np.ndarray  # unit vector along the line, canvas px
    height: float  # the ink's height, canvas px
    crop: np.ndarray  # the line straightened, grey, and the map from its pixels back to the canvas
    back: np.ndarray

    @cached_property
    def places(self) -> list[tuple[str, np.ndarray]]:
        """Each character the model reads and where its frames begin (canvas px): asked only of the lines
        that may hold a value, since it reads the line once more."""
        engine = engines.get_engine("rapidocr")
        located = engine.locate_characters(self.crop) if hasattr(engine, "locate_characters") else []
        if not located:
            return []
        h = self.crop.shape[0]
        xy = np.array([[(x0, h / 2) for _, x0, _ in located]], np.float32)
        at = cv2.perspectiveTransform(xy, self.back)[0]
        return [(rules.to_halfwidth(ch) or ch, p) for (ch, _, _), p in zip(located, at, strict=True)]


def _rows(canvas: np.ndarray, detect_side: int = VIEWS["card"].detect_side) -> list[Row]:
    """Every text line the detection model finds on the canvas, read and measured."""
    from kiosk.ocr.fields import denoise, enhance

    engine = engines.get_engine("rapidocr")
    if not hasattr(engine, "find_lines"):
        return []
    rows = []
    for quad in engine.find_lines(canvas, detect_side):
        w = round(float(np.linalg.norm(quad[1] - quad[0])))
        h = round(float(np.linalg.norm(quad[3] - quad[0])))
        if w < 8 or h < 6 or w < h:
            continue
        flat = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
        to_crop = cv2.getPerspectiveTransform(quad, flat)
        crop = cv2.warpPerspective(canvas, to_crop, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        clean = enhance(denoise(crop))
        reading = engine.read_line(clean)
        if not reading.text:
            continue
        gray = clean if clean.ndim == 2 else cv2.cvtColor(clean, cv2.COLOR_BGR2GRAY)
        _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        # Columns with ink in the line's middle half (specks above and below the text do not count).
        cols = np.flatnonzero((ink[h // 4 : h - h // 4] > 0).sum(axis=0) >= 2)
        if cols.size == 0:
            continue
        lines = np.flatnonzero((ink > 0).sum(axis=1) >= 2)
        back = np.linalg.inv(to_crop)
        ends = np.array([[(cols[0], h / 2), ((cols[0] + cols[-1] + 1) / 2, h / 2), (cols[-1] + 1, h / 2)]], np.float32)
        left, middle, right = cv2.perspectiveTransform(ends, back)[0]
        along = (quad[1] + quad[2] - quad[0] - quad[3]) / 2
        direction = along / max(float(np.linalg.norm(along)), 1e-6)
        height = float(lines[-1] - lines[0] + 1) if lines.size else h / 2.0
        rows.append(Row(rules.to_halfwidth(reading.text), left, middle, right, direction, height, gray, back))
    return rows


def _match(rows: list[Row], kind: str) -> list[tuple[float, float, np.ndarray, np.ndarray]]:
    """(x mm, y mm, canvas point, line direction) for each anchor found, from the row that reads most like it
    (a row serves one anchor)."""
    pairs = []
    used: set[int] = set()
    for anchor in anchors(kind):
        # Half of a long label is another one's half too (营业执照 is half 营业期限): those need more.
        best, best_score = None, MIN_LIKENESS if len(anchor.word) <= 2 or anchor.value else MIN_LONG_LIKENESS
        for i, row in enumerate(rows):
            if i in used and not anchor.end:  # a line's end is a second point of the line its start served
                continue
            score = anchor.likeness(row.text)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = i, score
        if best is not None:
            point = anchor.point(rows[best])
            if point is not None:
                used.add(best)
                pairs.append((point[0], anchor.y_mm, point[1], rows[best].direction))
    return pairs


def _similarity_fit(mm: np.ndarray, px: np.ndarray) -> np.ndarray:
    """The 2x3 similarity (scale, turn, shift) taking mm points onto px points, least squares."""
    n = len(mm)
    a = np.zeros((2 * n, 4))
    a[0::2] = np.column_stack([mm[:, 0], -mm[:, 1], np.ones(n), np.zeros(n)])
    a[1::2] = np.column_stack([mm[:, 1], mm[:, 0], np.zeros(n), np.ones(n)])
    (c, s, tx, ty), *_ = np.linalg.lstsq(a, px.reshape(-1), rcond=None)
    return np.array([[c, -s, tx], [s, c, ty]])


def _column_fit(mm: np.ndarray, px: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """The affine map (as 3x3) for anchors standing in one column: the document's rows run along the text lines'
    mean direction and are scaled as its columns are (a page is not stretched one way), the column's direction
    and scale and the shift fitted to the anchors by least squares. A similarity would keep the rows square to
    the column, which an outline sheared by a wrong side does not."""
    along = directions.mean(axis=0)
    along /= max(float(np.linalg.norm(along)), 1e-9)
    scale = float(np.hypot(*_similarity_fit(mm, px)[:, 0]))
    for _ in range(2):  # the rows' scale is the column's, which the fit gives
        target = px - np.outer(mm[:, 0] * scale, along)
        a = np.column_stack([np.ones(len(mm)), mm[:, 1]])
        (ox, vx), *_ = np.linalg.lstsq(a, target[:, 0], rcond=None)
        (oy, vy), *_ = np.linalg.lstsq(a, target[:, 1], rcond=None)
        scale = float(np.hypot(vx, vy))
    return np.array([[along[0] * scale, vx, ox], [along[1] * scale, vy, oy], [0, 0, 1]])


def _homography_fit(mm: np.ndarray, px: np.ndarray, points: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """The 3x3 homography taking card mm onto canvas px (direct linear transform): the anchors' points onto
    theirs, and each anchor's row (y = its y_mm) onto its text line (through `points` along `directions`);
    the lines' convergence gives the perspective the anchors, mostly in one column, cannot."""

    # Conditioned: both sides centred and scaled to unit size.
    def norm(xy: np.ndarray) -> np.ndarray:
        centre, size = xy.mean(axis=0), max(float(np.abs(xy - xy.mean(axis=0)).mean()), 1e-6)
        return np.array([[1 / size, 0, -centre[0] / size], [0, 1 / size, -centre[1] / size], [0, 0, 1]])

    t_mm, t_px = norm(mm), norm(np.vstack([px, points]))
    equations = []
    for (x, y), (u, v) in zip(mm, px, strict=True):
        x, y, _ = t_mm @ (x, y, 1)
        u, v, _ = t_px @ (u, v, 1)
        equations.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u])
        equations.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    for (_, y), p, d in zip(mm, points, directions, strict=True):
        a = t_px @ (p[0], p[1], 1)
        b = t_px @ (p[0] + d[0] * 50, p[1] + d[1] * 50, 1)
        line = np.cross(a, b)
        line /= max(float(np.hypot(line[0], line[1])), 1e-12)
        for q in (t_mm @ (1.0, 0.0, 0.0), t_mm @ (0.0, y, 1.0)):  # the row's direction, and its point at x = 0
            equations.append([line[0] * q[0], line[0] * q[1], line[0] * q[2],
                              line[1] * q[0], line[1] * q[1], line[1] * q[2],
                              line[2] * q[0], line[2] * q[1], line[2] * q[2]])  # fmt: skip
    _, _, vt = np.linalg.svd(np.array(equations, np.float64))
    h = np.linalg.inv(t_px) @ vt[-1].reshape(3, 3) @ t_mm
    return h / h[2, 2]


def _affine_fit(mm: np.ndarray, px: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """The affine map (as 3x3) taking mm points onto px points with the document's rows running along the
    text lines (a11 dy - a21 dx = 0 for each line's direction, weighed as a line 20 mm long); least squares."""
    equations, rhs = [], []
    for (x, y), (u, v) in zip(mm, px, strict=True):
        equations += [[x, y, 1, 0, 0, 0], [0, 0, 0, x, y, 1]]
        rhs += [u, v]
    for dx, dy in directions:
        equations.append([20.0 * dy, 0, 0, -20.0 * dx, 0, 0])
        rhs.append(0.0)
    solution, *_ = np.linalg.lstsq(np.array(equations, np.float64), np.array(rhs, np.float64), rcond=None)
    return np.vstack([solution.reshape(2, 3), [0, 0, 1]])


def _apply(matrix: np.ndarray, mm: np.ndarray) -> np.ndarray:
    out = np.column_stack([mm, np.ones(len(mm))]) @ matrix.T
    return out[:, :2] / out[:, 2:3]


def fit(
    pairs: list[tuple[float, float, np.ndarray, np.ndarray]], px_per_mm: float, max_residual_mm: float = 1.0
) -> tuple[np.ndarray, int] | None:
    """The map from card mm to canvas px through the anchors, the worst dropped while any lies off it: affine
    where the anchors spread across the card (the shear and stretch a wrong outline leaves come out), a
    similarity where they stand in one column. None when fewer than MIN_ANCHORS agree, they do not spread down
    the card, or the fit's scale is not near the canvas's."""
    mm = np.array([(x, y) for x, y, _, _ in pairs], np.float64).reshape(-1, 2)
    px = np.array([p for _, _, p, _ in pairs], np.float64).reshape(-1, 2)
    directions = np.array([d for _, _, _, d in pairs], np.float64).reshape(-1, 2)
    keep = np.ones(len(pairs), bool)
    while keep.sum() >= MIN_ANCHORS:
        if np.ptp(mm[keep, 1]) < MIN_SPREAD_MM:
            return None  # rows too close together to fix the scale and the turn
        # A similarity where the anchors stand in one column; else a homography (the shear, stretch and
        # perspective a wrong outline leaves), or where that does not fit them all an affine map, whose
        # fewer unknowns a wrong match pulls less far.
        if np.ptp(mm[keep, 0]) < MIN_SPREAD_MM / 2:
            fits = [_column_fit(mm[keep], px[keep], directions[keep])]
        else:
            fits = [
                _homography_fit(mm[keep], px[keep], px[keep], directions[keep]),
                _affine_fit(mm[keep], px[keep], directions[keep]),
            ]
        for matrix in fits:
            centre = np.array([[40.0, 27.0], [41.0, 27.0], [40.0, 28.0]])  # the scale near the card's middle
            c = _apply(matrix, centre)
            (ax, ay), (bx, by) = c[1] - c[0], c[2] - c[0]
            scale = float(np.sqrt(abs(ax * by - ay * bx)))
            residual = np.linalg.norm(_apply(matrix, mm) - px, axis=1) / max(scale, 1e-6)
            worst = int(np.argmax(np.where(keep, residual, -1)))
            if residual[worst] <= max_residual_mm:
                if not 0.75 <= scale / px_per_mm <= 1.33:
                    return None
                return matrix, int(keep.sum())
        keep[worst] = False
    return None


def register_card(frame: np.ndarray, points: np.ndarray | None, kind: str) -> tuple[np.ndarray, int] | None:
    """The card's corners (clockwise from its top-left as read, frame pixels) placed by its printed layout, and
    how many anchors agreed; `points` is the outline found with its first corner the card's top-left (None:
    the whole frame is looked at, twice: the second time straightened by the first answer). None when the
    print does not settle it."""
    layout = LAYOUTS[kind]
    view = VIEWS["a4" if kind == "business_license" else "card"]
    if points is None and kind == "business_license":
        return None  # a licence fills a 5 MP frame: its print, looked at whole, is too small to find
    w_mm, h_mm = layout.width_mm, layout.height_mm
    card = np.array([[0, 0], [w_mm, 0], [w_mm, h_mm], [0, h_mm]], np.float64)
    result = None
    # Straightened by an outline, the print's perspective is small and one look does; the whole frame is
    # looked at again straightened by the first answer.
    for _ in range(1 if points is not None else 2):
        if points is None:
            scale = min(1.0, 1280 / max(frame.shape[:2]))
            to_canvas = np.diag([scale, scale, 1.0])
            size = (round(frame.shape[1] * scale), round(frame.shape[0] * scale))
            px_per_mm = None
        else:
            s, m = view.px_per_mm, view.margin_mm
            nominal = ((card + m) * s - 0.5).astype(np.float32)
            to_canvas = cv2.getPerspectiveTransform(np.asarray(points, np.float32).reshape(4, 2), nominal)
            size = (round((w_mm + 2 * m) * s), round((h_mm + 2 * m) * s))
            px_per_mm = s
        canvas = cv2.warpPerspective(frame, to_canvas, size, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)
        pairs = _match(_rows(canvas, view.detect_side), kind)
        if px_per_mm is None:  # the whole frame: the card's scale is whatever the anchors say
            if len(pairs) < MIN_ANCHORS:
                return result
            mm = np.array([(x, y) for x, y, _, _ in pairs], np.float64)
            guess = _similarity_fit(mm, np.array([p for _, _, p, _ in pairs], np.float64))
            px_per_mm = float(np.hypot(guess[0, 0], guess[1, 0]))
        fitted = fit(pairs, px_per_mm, view.max_residual_mm)
        if fitted is None:
            return result
        matrix, agreed = fitted
        on_canvas = _apply(matrix, card)
        back = np.linalg.inv(to_canvas)
        points = cv2.perspectiveTransform(on_canvas[None].astype(np.float64), back)[0].astype(np.float32)
        result = (points, agreed)
    if result is None or not plausible(result[0], w_mm / h_mm):
        return None
    points = result[0]
    if kind == "business_license":
        # The licence's printed frame runs along all four sides (kiosk.ocr.register): it places the sides
        # far from the text lines (the QR code's corner) better than the fit's extrapolation does.
        from kiosk.ocr import register

        points = register.register_licence(frame, points)[0]
    return snap_to_edges(frame, points, kind), result[1]


MAX_SIDE_RATIO = 1.4  # a document held under the camera never shows one side 40 % longer than its opposite


def plausible(points: np.ndarray, aspect: float) -> bool:
    """Whether four corners (clockwise) can be a document of this width/height seen by the camera: convex, opposite
    sides of like length, and their mean ratio within a quarter of the document's."""
    p = np.asarray(points, np.float64).reshape(4, 2)
    sides = [float(np.linalg.norm(p[(i + 1) % 4] - p[i])) for i in range(4)]
    if min(sides) < 1e-6 or not cv2.isContourConvex(p.astype(np.float32).reshape(-1, 1, 2)):
        return False
    if any(max(a, b) / min(a, b) > MAX_SIDE_RATIO for a, b in ((sides[0], sides[2]), (sides[1], sides[3]))):
        return False
    seen = (sides[0] + sides[2]) / (sides[1] + sides[3])
    return abs(seen / aspect - 1) <= 0.25


def snap_to_edges(frame: np.ndarray, points: np.ndarray, kind: str) -> np.ndarray:
    """The card's sides moved onto its own edges where a clear one runs within SNAP_MM of where the print puts
    them (the print places a side to a millimetre or so, an edge to a pixel); sides without one stay."""
    from kiosk.ocr import detect_lines

    pts = np.asarray(points, np.float32).reshape(4, 2)
    layout = LAYOUTS[kind]
    px_per_mm = float(np.linalg.norm(pts[1] - pts[0]) + np.linalg.norm(pts[2] - pts[3])) / (2 * layout.width_mm)
    gray = cv2.GaussianBlur(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame, (0, 0), 1.0)
    gray = gray.astype(np.float32)
    lines = []
    for k in range(4):
        a, b = pts[k], pts[(k + 1) % 4]
        fitted = detect_lines.fit_side(gray, a, b, SNAP_MM * px_per_mm)
        side = (b - a) / max(float(np.linalg.norm(b - a)), 1e-6)
        # An edge across the side's line (a sheet's behind a white card) is not the card's own.
        parallel = fitted is not None and abs(float(side[0] * fitted[1][1] - side[1] * fitted[1][0])) < MAX_SNAP_TURN
        if fitted is not None and fitted[2] >= MIN_EDGE_SUPPORT and parallel:
            lines.append(fitted[:2])
        else:
            lines.append((a, (b - a) / max(float(np.linalg.norm(b - a)), 1e-6)))
    out = pts.copy()
    for k in range(4):
        (p1, d1), (p2, d2) = lines[(k - 1) % 4], lines[k]
        m = np.array([[d1[0], -d2[0]], [d1[1], -d2[1]]], np.float64)
        if abs(np.linalg.det(m)) < 1e-6:
            return pts
        out[k] = p1 + np.linalg.solve(m, (p2 - p1).astype(np.float64))[0] * d1
    if np.abs(out - pts).max() > 2 * SNAP_MM * px_per_mm:
        return pts  # the edges found disagree with each other: keep the print's placing
    return out
