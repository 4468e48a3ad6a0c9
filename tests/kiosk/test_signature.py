"""The signature model: what counts as a signature, undo/clear, JSON with every check, the PNG, wipe; and the
synthetic handwriting the tests write with."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk import signature as signature_module
from kiosk.signature import (
    MAX_POINTS,
    MAX_STROKES,
    PEN_WIDTH,
    PNG_MARGIN,
    Point,
    Signature,
    SignatureError,
    smooth_stroke,
    stroke_width,
)
from kiosk.signature_synth import SAMPLE_HZ, SLIGHT_KINDS, synth_name, synth_signature, synth_slight, synth_strokes

W, H = 1000, 360  # the pad on the portrait terminal


def line(x0: float, y0: float, x1: float, y1: float, n: int = 20, pressure: float = 1.0) -> list[Point]:
    """A straight stroke sampled n times, 8 ms apart."""
    return [Point(x0 + (x1 - x0) * k / (n - 1), y0 + (y1 - y0) * k / (n - 1), 8.0 * k, pressure) for k in range(n)]


def decode(png: bytes) -> np.ndarray:
    """PNG bytes to a grayscale array."""
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image is not None and image.ndim == 2 and image.dtype == np.uint8
    return image


# -- what counts as a signature ---------------------------------------------------------------------------------
def test_an_empty_pad_is_empty():
    assert Signature(W, H).problem() == "empty"


@pytest.mark.parametrize("seed", range(60))
def test_synthetic_names_pass(seed):
    signature = synth_signature(seed, W, H)
    assert signature.problem() is None, synth_name(seed)


@pytest.mark.parametrize("seed", range(0, 200, 5))
def test_names_written_small_still_pass(seed):
    # 20% of the pad's height (18 mm on the terminal) is about as small as a finger writes a name.
    assert synth_signature(seed, W, H, size=0.2).problem() is None, synth_name(seed)


@pytest.mark.parametrize(("width", "height"), [(1700, 400), (600, 300), (1016, 500)])
def test_names_pass_on_other_pad_shapes(width, height):
    for seed in range(15):
        assert synth_signature(seed, width, height).problem() is None, (width, height, synth_name(seed))


@pytest.mark.parametrize("kind", SLIGHT_KINDS)
def test_taps_dots_ticks_and_short_lines_fail(kind):
    problems = {synth_slight(kind, seed, W, H).problem() for seed in range(50)}
    assert problems <= {"too_small", "too_short"}
    if kind in ("tap", "dot"):
        assert problems == {"too_small"}


@pytest.mark.parametrize(
    ("stroke", "problem"),
    [
        ([Point(500, 200, 0)], "too_small"),  # a tap
        (line(100, 200, 900, 205), "too_small"),  # one long horizontal line: no height
        (line(500, 20, 505, 340), "too_small"),  # one vertical line: no width
        (line(100, 300, 700, 60), "too_short"),  # one long slanted line: big box, no more ink than its diagonal
        ([*line(300, 150, 350, 220, 8), *line(350, 220, 480, 60, 12)[1:]], "too_short"),  # a large tick
    ],
)
def test_slight_marks_get_their_reason(stroke, problem):
    assert Signature(W, H, [stroke]).problem() == problem


def test_a_large_scribble_of_enough_ink_passes():
    # The check cannot tell a name from a determined scribble; it only refuses marks too slight to be either.
    zigzag = [Point(150 + 40 * k, 100 if k % 2 else 260, 20.0 * k) for k in range(16)]
    assert Signature(W, H, [zigzag]).problem() is None


def test_width_is_judged_against_three_times_the_height_on_very_wide_pads():
    wide = Signature(3000, 300)
    assert wide.reach() == 900
    assert Signature(W, H).reach() == W


# -- building, undo, clear, wipe --------------------------------------------------------------------------------
def test_strokes_are_built_point_by_point():
    signature = Signature(W, H)
    first = signature.start_stroke(10.5, 20.25, 0, 0.5)
    assert first == Point(10.5, 20.25, 0.0, 0.5)
    signature.add_point(12, 22, 8)
    signature.end_stroke()
    signature.add_point(100, 100, 300)  # with no stroke open, a point starts one
    signature.add_point(110, 104, 308)
    assert signature.stroke_count == 2
    assert signature.point_count == 4
    assert signature.strokes[1] == (Point(100, 100, 300, 1.0), Point(110, 104, 308, 1.0))
    assert signature.tail(1) == (Point(110, 104, 308, 1.0),)
    assert signature.ink_length() == pytest.approx(math.hypot(1.5, 1.75) + math.hypot(10, 4))
    assert signature.duration_ms() == 308
    assert signature.bounds() == (10.5, 20.25, 110, 104)


def test_points_are_kept_on_the_canvas_and_in_order():
    signature = Signature(W, H)
    signature.start_stroke(-5, 400, 100, 1.3)  # a finger sliding off the pad keeps its stroke at the edge
    signature.add_point(1005, -1, 90, -0.2)  # a timestamp a millisecond back is held, not refused
    assert signature.strokes[0] == (Point(0, H, 100, 1.0), Point(W, 0, 100, 0.0))


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "1", None, True])
def test_non_numbers_are_refused(bad):
    signature = Signature(W, H)
    with pytest.raises(SignatureError, match="finite numbers"):
        signature.start_stroke(bad, 10, 0)
    signature.start_stroke(1, 1, 0)
    with pytest.raises(SignatureError, match="finite numbers"):
        signature.add_point(2, 2, bad)
    assert signature.point_count == 1


@pytest.mark.parametrize("size", [(0, H), (W, -1), (math.nan, H), (W, math.inf), ("100", H), (True, H), (W, 1e6)])
def test_a_canvas_needs_a_sensible_size(size):
    with pytest.raises(SignatureError, match=r"width|height"):
        Signature(*size)


def test_strokes_and_points_are_capped():
    signature = Signature(W, H)
    for k in range(MAX_STROKES):
        signature.add_stroke([(k, k, k)])
    with pytest.raises(SignatureError, match=f"more than {MAX_STROKES} strokes"):
        signature.start_stroke(1, 1, 1)
    signature = Signature(W, H)
    signature.add_stroke([(k % W, 1, k) for k in range(MAX_POINTS)])
    with pytest.raises(SignatureError, match=f"more than {MAX_POINTS} points"):
        signature.add_point(1, 1, MAX_POINTS)
    signature.undo()
    signature.add_point(1, 1, 1)  # room again after an undo
    assert signature.point_count == 1


def test_a_stroke_needs_whole_points():
    with pytest.raises(SignatureError, match="x, y, t_ms"):
        Signature(W, H, [[(1, 2)]])


def test_undo_removes_the_last_stroke_and_clear_all():
    signature = Signature(W, H, [line(10, 10, 50, 50), line(60, 60, 90, 90), line(100, 100, 120, 120)])
    assert signature.undo() is True
    assert signature.stroke_count == 2
    assert signature.strokes[-1][-1].x == 90
    signature.clear()
    assert signature.is_empty() and signature.problem() == "empty"
    assert signature.undo() is False
    assert (signature.width, signature.height) == (W, H)  # the canvas stays


def test_wipe_forgets_every_point_and_a_repr_never_shows_any():
    signature = synth_signature(1, W, H)
    text = repr(signature)
    assert str(round(signature.strokes[0][0].x, 1)) not in text and "strokes" in text
    copy = signature.copy()
    assert copy == signature and copy is not signature
    signature.wipe()
    assert signature.is_empty() and signature.point_count == 0 and signature.strokes == ()
    assert copy.point_count > 0  # a copy is its holder's to wipe
    copy.wipe()
    assert copy.is_empty()


def test_the_module_neither_logs_nor_writes_files():
    source = Path(signature_module.__file__).read_text(encoding="utf-8")
    for forbidden in ("import logging", "print(", "open(", "imwrite", "write_bytes", "write_text", "tofile"):
        assert forbidden not in source, forbidden


def test_scaling_keeps_the_shape_and_centres_it():
    signature = Signature(1000, 400, [line(100, 100, 300, 300, 3)])
    half = signature.scaled(500, 400)  # the factor is min(0.5, 1.0): shapes never stretch
    assert (half.width, half.height) == (500, 400)
    assert [(p.x, p.y) for p in half.strokes[0]] == [(50, 150), (100, 200), (150, 250)]
    assert [p.t_ms for p in half.strokes[0]] == [p.t_ms for p in signature.strokes[0]]


# -- JSON ---------------------------------------------------------------------------------------------------------
def test_json_round_trip():
    signature = synth_signature(7, W, H)
    data = json.loads(json.dumps(signature.to_json()))
    assert set(data) == {"version", "width", "height", "strokes"} and data["version"] == 1
    back = Signature.from_json(data)
    assert (back.width, back.height, back.stroke_count, back.point_count) == (
        W,
        H,
        signature.stroke_count,
        signature.point_count,
    )
    for got_stroke, want_stroke in zip(back.strokes, signature.strokes, strict=True):
        for got, want in zip(got_stroke, want_stroke, strict=True):
            assert got.x == pytest.approx(want.x, abs=0.005) and got.y == pytest.approx(want.y, abs=0.005)
            assert got.t_ms == pytest.approx(want.t_ms, abs=0.05)
            assert got.pressure == pytest.approx(want.pressure, abs=0.0005)
    assert Signature.from_json(back.to_json()) == back  # stable after the first rounding
    assert back.problem() is None
    assert len(json.dumps(data)) < 60 * signature.point_count  # compact enough to submit


def test_json_accepts_a_point_just_past_the_edge():
    back = Signature.from_json({"width": W, "height": H, "strokes": [[[W + 1.5, -1.0, 0, 0.5]]]})
    assert back.strokes[0][0] == Point(W, 0, 0, 0.5)


def good_json() -> dict:
    """A small valid document to break one value of at a time."""
    return {
        "version": 1,
        "width": W,
        "height": H,
        "strokes": [[[10, 10, 0, 0.5], [20, 25, 8, 0.6]], [[30, 30, 100, 1]]],
    }


def broken(path: tuple, value) -> dict:
    """good_json with the value at `path` replaced (or removed, for value ...)."""
    data = good_json()
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "JSON object"),
        ({**good_json(), "name": "x"}, "unknown keys: name"),
        (broken(("version",), 2), "version must be 1"),
        (broken(("version",), True), "version must be 1"),
        (broken(("width",), ...), "width is missing"),
        (broken(("height",), ...), "height is missing"),
        (broken(("width",), 0), "width must be"),
        (broken(("width",), "1000"), "width must be"),
        (broken(("height",), math.nan), "height must be"),
        (broken(("height",), 1e9), "height must be"),
        (broken(("strokes",), ...), "strokes must be a list"),
        (broken(("strokes",), {"0": []}), "strokes must be a list"),
        (broken(("strokes", 1), []), r"strokes\[1\] must be a non-empty list"),
        (broken(("strokes", 1), "points"), r"strokes\[1\] must be a non-empty list"),
        (broken(("strokes", 0, 1), [20, 25, 8]), r"strokes\[0\]\[1\] must be \[x, y, t_ms, pressure\]"),
        (broken(("strokes", 0, 1), {"x": 1}), r"strokes\[0\]\[1\] must be \[x, y, t_ms, pressure\]"),
        (broken(("strokes", 0, 1, 0), "20"), r"strokes\[0\]\[1\] must hold four finite numbers"),
        (broken(("strokes", 0, 1, 1), None), "four finite numbers"),
        (broken(("strokes", 0, 1, 2), math.inf), "four finite numbers"),
        (broken(("strokes", 0, 1, 3), math.nan), "four finite numbers"),
        (broken(("strokes", 0, 1, 3), False), "four finite numbers"),
        (broken(("strokes", 0, 1, 0), W + 2.5), r"strokes\[0\]\[1\]: x is outside the canvas"),
        (broken(("strokes", 0, 0, 0), -3), r"strokes\[0\]\[0\]: x is outside the canvas"),
        (broken(("strokes", 1, 0, 1), H + 7), r"strokes\[1\]\[0\]: y is outside the canvas"),
        (broken(("strokes", 1, 0, 2), -1), r"strokes\[1\]\[0\]: t_ms is negative"),
        (broken(("strokes", 0, 1, 2), -0.1), r"strokes\[0\]\[1\]: t_ms is negative"),
        (broken(("strokes", 0, 0, 2), 9), r"strokes\[0\]\[1\]: t_ms goes back in time"),
        (broken(("strokes", 0, 1, 3), 1.01), r"strokes\[0\]\[1\]: pressure is outside 0..1"),
        (broken(("strokes", 0, 1, 3), -0.1), "pressure is outside 0..1"),
        (broken(("strokes",), [[[1, 1, 0, 1]]] * (MAX_STROKES + 1)), f"more than {MAX_STROKES} strokes"),
        (broken(("strokes",), [[[1, 1, k, 1] for k in range(MAX_POINTS // 2 + 1)]] * 2), f"more than {MAX_POINTS}"),
    ],
)
def test_json_validation_names_the_problem(data, message):
    with pytest.raises(SignatureError, match=message):
        Signature.from_json(data)


def test_json_errors_never_quote_the_points():
    secret = 987.654321
    for data in (broken(("strokes", 0, 1, 0), secret + W), broken(("strokes", 0, 1, 2), -secret)):
        with pytest.raises(SignatureError) as error:
            Signature.from_json(data)
        assert "987" not in str(error.value)


# -- PNG ----------------------------------------------------------------------------------------------------------
def test_png_is_black_ink_on_white_cropped_to_the_ink():
    signature = synth_signature(3, W, H)
    image = decode(signature.to_png())
    left, top, right, bottom = signature.bounds()
    margin = PNG_MARGIN + PEN_WIDTH / 2
    assert image.shape[1] == pytest.approx(right - left + 2 * margin, abs=1)
    assert image.shape[0] == pytest.approx(bottom - top + 2 * margin, abs=1)
    assert image[:6].min() == 255 and image[-6:].min() == 255  # white margins all round
    assert image[:, :6].min() == 255 and image[:, -6:].min() == 255
    assert image.min() == 0  # solid black ink
    for stroke in signature.strokes:
        for p in stroke:
            x, y = round(p.x - left + margin), round(p.y - top + margin)
            assert image[y - 1 : y + 2, x - 1 : x + 2].min() < 110, (x, y)  # ink at every sample
    # Anti-aliased: grey levels at the strokes' edges, not a hard black/white cut.
    assert ((image > 30) & (image < 225)).sum() > 0.1 * (image < 30).sum()
    # Mostly paper: the ink is thin lines.
    assert (image < 128).mean() < 0.3


def test_png_scales_to_a_requested_width():
    signature = synth_signature(8, W, H)
    native = decode(signature.to_png())
    small = decode(signature.to_png(width=300))
    assert small.shape[1] == 300
    assert small.shape[0] == pytest.approx(native.shape[0] * 300 / native.shape[1], abs=1)
    assert (small < 128).sum() > 0


def test_png_line_width_follows_pressure():
    light = Signature(W, H, [line(100, 100, 700, 220, 60, pressure=0.1)])
    firm = Signature(W, H, [line(100, 100, 700, 220, 60, pressure=1.0)])
    assert stroke_width(1.0) == PEN_WIDTH and stroke_width(0.1) < 0.5 * PEN_WIDTH
    light_ink = (255 - decode(light.to_png()).astype(int)).sum() / 255
    firm_ink = (255 - decode(firm.to_png()).astype(int)).sum() / 255
    length = math.hypot(600, 120)
    assert firm_ink / length == pytest.approx(stroke_width(1.0), rel=0.15)
    assert light_ink / length == pytest.approx(stroke_width(0.1), rel=0.15)


def test_png_of_a_tap_is_a_dot_and_of_nothing_an_error():
    dot = decode(Signature(W, H, [[Point(500, 200, 0)]]).to_png())
    assert dot.min() == 0 and dot.shape[0] == dot.shape[1]
    with pytest.raises(SignatureError, match="empty"):
        Signature(W, H).to_png()
    with pytest.raises(SignatureError, match="width"):
        synth_signature(1).to_png(width=0)
    with pytest.raises(SignatureError, match="width"):
        synth_signature(1).to_png(width=12.5)


def test_smoothing_passes_near_every_sample():
    stroke = line(0, 0, 100, 0, 5)
    stroke[2] = stroke[2]._replace(y=20)  # one corner
    smooth = smooth_stroke(stroke)
    assert smooth[0] == stroke[0] and smooth[-1] == stroke[-1]
    assert max(p.y for p in smooth) == pytest.approx(15, abs=0.5)  # the 20 px corner rounded, 5 px inside it
    assert all(b.t_ms >= a.t_ms for a, b in itertools.pairwise(smooth))


# -- synthetic handwriting ----------------------------------------------------------------------------------------
def test_synthetic_signatures_are_deterministic_and_varied():
    assert synth_strokes(42) == synth_strokes(42)
    assert synth_strokes(42) != synth_strokes(43)
    names = {synth_name(seed) for seed in range(40)}
    assert len(names) > 30
    assert all(2 <= len(name) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in name) for name in names)


@pytest.mark.parametrize("seed", range(0, 100, 7))
def test_synthetic_strokes_look_like_touch_input(seed):
    strokes = synth_strokes(seed, W, H)
    points = [p for stroke in strokes for p in stroke]
    assert strokes[0][0].t_ms == 0
    assert 4 <= len(strokes) <= 60
    assert all(0 <= p.x <= W and 0 <= p.y <= H for p in points)
    assert all(0 < p.pressure <= 1 for p in points)
    assert len({round(p.pressure, 2) for p in points}) > 10  # pressure swells and tapers
    times = [p.t_ms for p in points]
    assert times == sorted(times)  # strokes follow one another, each in time order
    steps = [b.t_ms - a.t_ms for stroke in strokes for a, b in itertools.pairwise(stroke)]
    assert 7 <= float(np.median(steps)) <= 10  # ~120 Hz
    assert pytest.approx(8.33, abs=0.01) == 1000 / SAMPLE_HZ
    gaps = [b[0].t_ms - a[-1].t_ms for a, b in itertools.pairwise(strokes)]
    assert min(gaps) >= 50  # a finger lifting and landing again takes time
    assert 1_500 <= times[-1] <= 30_000
    assert all(t == int(t) for t in times)  # whole milliseconds, as Qt's event timestamps


def test_synthetic_signatures_without_pressure_and_with_a_given_name():
    strokes = synth_strokes(5, W, H, name="王", pressure=False)
    assert all(p.pressure == 1.0 for stroke in strokes for p in stroke)
    assert 3 <= len(strokes) <= 6  # 王: three horizontals and a vertical, some joined or split at crossings


def test_the_slight_marks_know_their_kinds():
    with pytest.raises(ValueError, match="kind"):
        synth_slight("circle", 1)
