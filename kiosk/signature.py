"""A resident's handwritten signature: strokes of timed points on a canvas, judged, serialised and rendered.

A signature is personal data. This module never logs points and never writes them anywhere: `to_json` and
`to_png` hand bytes to the caller (the submission, which the outbox encrypts), error messages name where a
value is wrong but never the value, and `wipe()` drops every point when the session ends.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import cv2
import numpy as np

FORMAT_VERSION = 1
MAX_STROKES = 200  # a long three-character name written by finger has 10-40
MAX_POINTS = 20_000  # ~170 s of ink at 120 Hz: far beyond any signature, small enough to validate quickly
MAX_CANVAS = 10_000.0  # pixels a side; a 4K screen is 3840
EDGE_TOLERANCE = 2.0  # px outside the canvas allowed in JSON: rounding and a finger sliding off the edge

# What problem() refuses, as fractions of the canvas. The pad is much wider than tall, and people size their
# writing by the pad's height, so widths are judged against min(width, 3 x height) ("reach") rather than the
# raw width: on a very wide landscape pad a name does not grow with the pad.
MIN_HEIGHT = 0.15  # ink under 15% of the pad's height tall is a dot, a tick or a horizontal line
MIN_WIDTH = 0.12  # ink under 12% of the reach wide is a dot, a tick or a vertical line; a little below the height's
# 15% because two characters written small (20% of the height) on a portrait pad are only ~15% of its width
MIN_INK = 0.4  # total ink under 40% of the reach is a tap, a tick or a short line (于兰 written 20% of the
# pad's height tall, about the smallest a finger writes, has 0.48)
MIN_INK_PER_DIAGONAL = 2.2  # ink under 2.2 x its box's diagonal is one line, tick or curve (a circle is 2.2)

PEN_WIDTH = 6.0  # canvas px at full pressure: ~1.5 mm on the terminal's 21.5" 1080x1920 screen
PNG_MARGIN = 16.0  # canvas px of white around the cropped ink
_SUPERSAMPLE = 4  # draw at 4x and average down: anti-aliased edges without per-primitive AA quirks
_MAX_RENDER_PIXELS = 40_000_000  # supersampled area cap (bytes of uint8) for an oversized request


class SignatureError(ValueError):
    """A signature that cannot be built, read or rendered; the message says where, never the personal data."""


class Point(NamedTuple):
    """One sample of the pen: canvas pixels, milliseconds since the signature's first touch, pressure 0..1."""

    x: float
    y: float
    t_ms: float
    pressure: float = 1.0


def stroke_width(pressure: float, base: float = PEN_WIDTH) -> float:
    """The ink's width at this pressure: 40% of `base` at no pressure, `base` at full (and for devices without)."""
    return base * (0.4 + 0.6 * min(1.0, max(0.0, pressure)))


def _is_number(value: object) -> bool:
    # bool is an int subclass; True as a coordinate is a bug upstream, not a 1.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class Signature:
    """Strokes on a width x height canvas; the view adds points, the flow judges and stores the result."""

    def __init__(self, width: float, height: float, strokes: Iterable[Iterable[Point | Sequence[float]]] = ()):
        for name, value in (("width", width), ("height", height)):
            if not _is_number(value) or not 0 < value <= MAX_CANVAS:
                raise SignatureError(f"{name} must be a number of pixels between 0 and {MAX_CANVAS:g}")
        self.width = float(width)
        self.height = float(height)
        self._strokes: list[list[Point]] = []
        self._open = False  # whether add_point extends the last stroke
        self._count = 0  # points in all strokes, kept so the MAX_POINTS check stays O(1) per point
        for stroke in strokes:
            self.add_stroke(stroke)

    # -- building ---------------------------------------------------------------------------------------------
    def _point(self, x: float, y: float, t_ms: float, pressure: float, previous: Point | None) -> Point:
        if not all(_is_number(v) for v in (x, y, t_ms, pressure)):
            raise SignatureError("a point needs finite numbers for x, y, t_ms and pressure")
        if self._count >= MAX_POINTS:
            raise SignatureError(f"more than {MAX_POINTS} points")
        # A finger sliding off the pad keeps its stroke at the edge; devices sometimes report pressure slightly
        # outside 0..1; timestamps from two sources can step back a millisecond. None of that is worth a refusal.
        x = min(self.width, max(0.0, float(x)))
        y = min(self.height, max(0.0, float(y)))
        t = max(float(t_ms), previous.t_ms if previous else 0.0)
        return Point(x, y, t, min(1.0, max(0.0, float(pressure))))

    def start_stroke(self, x: float, y: float, t_ms: float, pressure: float = 1.0) -> Point:
        """Begin a new stroke where the pen touched down; returns the point as stored (clamped to the canvas)."""
        if len(self._strokes) >= MAX_STROKES:
            raise SignatureError(f"more than {MAX_STROKES} strokes")
        point = self._point(x, y, t_ms, pressure, None)
        self._strokes.append([point])
        self._count += 1
        self._open = True
        return point

    def add_point(self, x: float, y: float, t_ms: float, pressure: float = 1.0) -> Point:
        """Extend the stroke in progress (or start one); returns the point as stored."""
        if not self._open or not self._strokes:
            return self.start_stroke(x, y, t_ms, pressure)
        stroke = self._strokes[-1]
        point = self._point(x, y, t_ms, pressure, stroke[-1])
        stroke.append(point)
        self._count += 1
        return point

    def end_stroke(self) -> None:
        """The pen lifted: the next point starts a new stroke."""
        self._open = False

    def add_stroke(self, points: Iterable[Point | Sequence[float]]) -> None:
        """Append a whole stroke of (x, y, t_ms[, pressure]) points."""
        self.end_stroke()
        started = False
        for raw in points:
            values = tuple(raw)
            if len(values) not in (3, 4):
                raise SignatureError("a point is (x, y, t_ms) or (x, y, t_ms, pressure)")
            if started:
                self.add_point(*values)
            else:
                self.start_stroke(*values)
                started = True
        self.end_stroke()

    def undo(self) -> bool:
        """Remove the last stroke; False when there was none."""
        self._open = False
        if not self._strokes:
            return False
        self._count -= len(self._strokes.pop())
        return True

    def clear(self) -> None:
        """Remove every stroke (the canvas stays)."""
        self._strokes.clear()
        self._count = 0
        self._open = False

    def wipe(self) -> None:
        """Forget every point: the session is over (a signature is personal data)."""
        for stroke in self._strokes:
            stroke.clear()  # drop the point objects even if someone still holds a stroke list
        self.clear()

    # -- reading ----------------------------------------------------------------------------------------------
    @property
    def strokes(self) -> tuple[tuple[Point, ...], ...]:
        """The strokes as immutable tuples."""
        return tuple(tuple(stroke) for stroke in self._strokes)

    def tail(self, count: int = 3) -> tuple[Point, ...]:
        """The last `count` points of the last stroke: what a view drawing incrementally needs, without copying all."""
        return tuple(self._strokes[-1][-count:]) if self._strokes else ()

    @property
    def stroke_count(self) -> int:
        """How many strokes."""
        return len(self._strokes)

    @property
    def point_count(self) -> int:
        """How many points in all strokes."""
        return self._count

    def is_empty(self) -> bool:
        """No ink at all."""
        return self.point_count == 0

    def bounds(self) -> tuple[float, float, float, float] | None:
        """The ink's box (left, top, right, bottom) in canvas pixels, or None when empty."""
        if self.is_empty():
            return None
        xs = [p.x for stroke in self._strokes for p in stroke]
        ys = [p.y for stroke in self._strokes for p in stroke]
        return min(xs), min(ys), max(xs), max(ys)

    def ink_length(self) -> float:
        """Total length of all strokes in canvas pixels."""
        return sum(math.hypot(b.x - a.x, b.y - a.y) for stroke in self._strokes for a, b in itertools.pairwise(stroke))

    def duration_ms(self) -> float:
        """Time from the first touch to the last point."""
        times = [p.t_ms for stroke in self._strokes for p in stroke]
        return max(times) - min(times) if times else 0.0

    def reach(self) -> float:
        """The width writing is judged against: the canvas width, but no more than three times its height."""
        return min(self.width, 3 * self.height)

    def problem(self) -> str | None:
        """Why this is too slight to accept as a signature: "empty", "too_small", "too_short"; None when fine."""
        box = self.bounds()
        if box is None:
            return "empty"
        box_w, box_h = box[2] - box[0], box[3] - box[1]
        if box_w < MIN_WIDTH * self.reach() or box_h < MIN_HEIGHT * self.height:
            return "too_small"
        ink = self.ink_length()
        if ink < MIN_INK * self.reach() or ink < MIN_INK_PER_DIAGONAL * math.hypot(box_w, box_h):
            return "too_short"
        return None

    def scaled(self, width: float, height: float) -> Signature:
        """The same ink on a width x height canvas: scaled uniformly to fit and centred, so shapes never distort."""
        factor = min(width / self.width, height / self.height)
        dx = (width - self.width * factor) / 2
        dy = (height - self.height * factor) / 2
        out = Signature(width, height)
        for stroke in self._strokes:
            out.add_stroke((p.x * factor + dx, p.y * factor + dy, p.t_ms, p.pressure) for p in stroke)
        return out

    def copy(self) -> Signature:
        """An independent copy (the caller wipes it when done)."""
        return Signature(self.width, self.height, self._strokes)

    def __repr__(self) -> str:
        # Counts only: a repr can end up in a log or a traceback.
        return f"<Signature {self.width:g}x{self.height:g} {self.stroke_count} strokes {self.point_count} points>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Signature):
            return NotImplemented
        return (self.width, self.height, self._strokes) == (other.width, other.height, other._strokes)

    __hash__ = None  # mutable

    # -- serialising ------------------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: {"version", "width", "height", "strokes": [[[x, y, t_ms, pressure], ...], ...]}."""
        return {
            "version": FORMAT_VERSION,
            "width": self.width,
            "height": self.height,
            # 0.01 px and 0.1 ms are below any touch screen's resolution; rounding keeps submissions small.
            "strokes": [
                [[round(p.x, 2), round(p.y, 2), round(p.t_ms, 1), round(p.pressure, 3)] for p in stroke]
                for stroke in self._strokes
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> Signature:
        """Read what to_json wrote, checking every value; raises SignatureError naming the first bad place."""
        if not isinstance(data, dict):
            raise SignatureError("a signature is a JSON object")
        unknown = set(data) - {"version", "width", "height", "strokes"}
        if unknown:
            raise SignatureError(f"unknown keys: {', '.join(sorted(map(str, unknown)))}")
        if data.get("version", FORMAT_VERSION) != FORMAT_VERSION or isinstance(data.get("version"), bool):
            raise SignatureError(f"version must be {FORMAT_VERSION}")
        for key in ("width", "height"):
            if key not in data:
                raise SignatureError(f"{key} is missing")
        signature = cls(data["width"], data["height"])
        strokes = data.get("strokes")
        if not isinstance(strokes, list):
            raise SignatureError("strokes must be a list")
        if len(strokes) > MAX_STROKES:
            raise SignatureError(f"more than {MAX_STROKES} strokes")
        total = 0
        for s, stroke in enumerate(strokes):
            if not isinstance(stroke, list) or not stroke:
                raise SignatureError(f"strokes[{s}] must be a non-empty list of points")
            total += len(stroke)
            if total > MAX_POINTS:
                raise SignatureError(f"more than {MAX_POINTS} points")
            previous_t = -math.inf
            for i, point in enumerate(stroke):
                where = f"strokes[{s}][{i}]"
                if not isinstance(point, list | tuple) or len(point) != 4:
                    raise SignatureError(f"{where} must be [x, y, t_ms, pressure]")
                if not all(_is_number(v) for v in point):
                    raise SignatureError(f"{where} must hold four finite numbers")
                x, y, t, pressure = point
                if not -EDGE_TOLERANCE <= x <= signature.width + EDGE_TOLERANCE:
                    raise SignatureError(f"{where}: x is outside the canvas (0..{signature.width:g})")
                if not -EDGE_TOLERANCE <= y <= signature.height + EDGE_TOLERANCE:
                    raise SignatureError(f"{where}: y is outside the canvas (0..{signature.height:g})")
                if t < 0:
                    raise SignatureError(f"{where}: t_ms is negative")
                if t < previous_t:
                    raise SignatureError(f"{where}: t_ms goes back in time within the stroke")
                if not 0 <= pressure <= 1:
                    raise SignatureError(f"{where}: pressure is outside 0..1")
                previous_t = t
            signature.add_stroke(stroke)
        return signature

    # -- rendering --------------------------------------------------------------------------------------------
    def to_png(self, width: int | None = None) -> bytes:
        """Black ink on white, anti-aliased, width following pressure, cropped to the ink with a margin.

        At the canvas's own scale unless `width` (pixels) is given; the height follows the ink's aspect.
        """
        box = self.bounds()
        if box is None:
            raise SignatureError("nothing to render: the signature is empty")
        if width is not None and (not isinstance(width, int) or isinstance(width, bool) or not 8 <= width <= 8000):
            raise SignatureError("width must be a whole number of pixels between 8 and 8000")
        margin = PNG_MARGIN + PEN_WIDTH / 2
        left, top = box[0] - margin, box[1] - margin
        crop_w, crop_h = box[2] - box[0] + 2 * margin, box[3] - box[1] + 2 * margin
        scale = width / crop_w if width else 1.0
        out_w, out_h = max(1, round(crop_w * scale)), max(1, round(crop_h * scale))
        ss = _SUPERSAMPLE
        while ss > 1 and out_w * out_h * ss * ss > _MAX_RENDER_PIXELS:
            ss //= 2
        ink = np.zeros((out_h * ss, out_w * ss), np.uint8)
        factor = scale * ss
        for stroke in self._strokes:
            path = smooth_stroke(stroke)
            xy = [((p.x - left) * factor, (p.y - top) * factor) for p in path]
            radii = [stroke_width(p.pressure) * factor / 2 for p in path]
            _fill_stroke(ink, xy, radii)
        if ss > 1:
            ink = cv2.resize(ink, (out_w, out_h), interpolation=cv2.INTER_AREA)
        ok, encoded = cv2.imencode(".png", 255 - ink)
        if not ok:  # pragma: no cover - OpenCV fails only without memory
            raise SignatureError("PNG encoding failed")
        return encoded.tobytes()


def smooth_stroke(stroke: Sequence[Point], steps: int = 4) -> list[Point]:
    """The stroke as drawn on screen: quadratic curves through the midpoints of successive samples.

    Touch samples are a polyline with visible corners at 120 Hz; the midpoint curve passes near every sample
    and has no corners, and the pad draws the same curve, so the PNG looks like what the resident saw.
    """
    if len(stroke) < 3:
        return list(stroke)
    out = [stroke[0]]
    for i in range(1, len(stroke) - 1):
        a, c, b = stroke[i - 1], stroke[i], stroke[i + 1]
        # The first curve starts at the first sample; later ones at the midpoint where the previous one ended.
        sx, sy, sp = (
            (a.x, a.y, a.pressure) if i == 1 else ((a.x + c.x) / 2, (a.y + c.y) / 2, (a.pressure + c.pressure) / 2)
        )
        ex, ey, ep = (c.x + b.x) / 2, (c.y + b.y) / 2, (c.pressure + b.pressure) / 2
        for k in range(1, steps + 1):
            u = k / steps
            w0, w1, w2 = (1 - u) ** 2, 2 * u * (1 - u), u * u
            out.append(Point(w0 * sx + w1 * c.x + w2 * ex, w0 * sy + w1 * c.y + w2 * ey, c.t_ms, sp + (ep - sp) * u))
    out.append(stroke[-1])
    return out


_SHIFT = 4  # OpenCV fixed-point bits: sub-pixel positions on the supersampled raster


def _fill_stroke(ink: np.ndarray, xy: list[tuple[float, float]], radii: list[float]) -> None:
    """Paint a variable-width stroke: a disc at each point and the tangent quadrilateral between neighbours."""
    one = 1 << _SHIFT
    for (x, y), r in zip(xy, radii, strict=True):
        cv2.circle(ink, (round(x * one), round(y * one)), max(1, round(r * one)), 255, -1, cv2.LINE_8, _SHIFT)
    for (ax, ay), (bx, by), ra, rb in zip(xy, xy[1:], radii, radii[1:], strict=False):
        length = math.hypot(bx - ax, by - ay)
        if length < 1e-6:
            continue
        nx, ny = -(by - ay) / length, (bx - ax) / length
        quad = np.array(
            [
                (ax + nx * ra, ay + ny * ra),
                (bx + nx * rb, by + ny * rb),
                (bx - nx * rb, by - ny * rb),
                (ax - nx * ra, ay - ny * ra),
            ]
        )
        cv2.fillConvexPoly(ink, np.round(quad * one).astype(np.int32), 255, cv2.LINE_8, _SHIFT)
