"""Realistic finger-written signatures for tests: Chinese names traced from a font's glyph skeletons.

Each character of a plausible name is rendered with Noto Sans CJK, thinned to a one-pixel skeleton and traced
into pen strokes (top-left first, straight through crossings, as a hand goes); the strokes are then slanted,
wobbled, laid out side by side with some pen-up moves joined into cursive links, and sampled at ~120 Hz with a
minimum-jerk speed profile, pressure that swells and tapers, and sensor jitter. Everything follows from the
seed, so a test failure replays exactly. Also the slight marks a signature check must refuse (tap, dot, tick,
short line).
"""

from __future__ import annotations

import itertools
import math
import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw

from kiosk.signature import Point, Signature

SAMPLE_HZ = 120.0
GLYPH_PX = 128  # render size for skeletons: strokes ~9 px thick, thin cleanly and trace in a millisecond

# Common surnames and given-name characters (the most frequent in China's household register), a mix of simple
# and complex shapes so the tests meet both 王 and 黄.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志文红梅萍燕林海亮飞春晓云峰凤玲辉宇鹏德成"

_OFFSETS = ((0, -1), (1, 0), (0, 1), (-1, 0), (1, -1), (1, 1), (-1, 1), (-1, -1))  # 4-neighbours first


def synth_name(seed: int) -> str:
    """A plausible two- or three-character Chinese name."""
    rng = random.Random(f"name-{seed}")
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


@lru_cache(maxsize=1)
def _font():
    # Imported here: the receipt printer module finds the Noto CJK font through fontconfig.
    from devices.printer.receipt import cjk_font

    return cjk_font(int(GLYPH_PX * 0.86))


def _thin(ink: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning of a 0/1 image to one-pixel-wide lines."""
    img = ink.astype(np.uint8).copy()
    while True:
        changed = False
        for step in (0, 1):
            p = np.pad(img, 1)
            p2, p3, p4, p5 = p[:-2, 1:-1], p[:-2, 2:], p[1:-1, 2:], p[2:, 2:]
            p6, p7, p8, p9 = p[2:, 1:-1], p[2:, :-2], p[1:-1, :-2], p[:-2, :-2]
            ring = (p2, p3, p4, p5, p6, p7, p8, p9, p2)
            neighbours = sum(n.astype(np.int32) for n in ring[:8])
            transitions = sum(((ring[i] == 0) & (ring[i + 1] == 1)).astype(np.int32) for i in range(8))
            keep = (p2 * p4 * p6 == 0) & (p4 * p6 * p8 == 0) if step == 0 else (p2 * p4 * p8 == 0) & (p2 * p6 * p8 == 0)
            remove = (img == 1) & (neighbours >= 2) & (neighbours <= 6) & (transitions == 1) & keep
            if remove.any():
                img[remove] = 0
                changed = True
        if not changed:
            return img


def _trace(skeleton: np.ndarray) -> list[list[tuple[float, float]]]:
    """Pen paths over a skeleton: from the top-left-most free end, always taking the straightest way on."""
    ys, xs = np.nonzero(skeleton)
    pixels = set(zip(xs.tolist(), ys.tolist(), strict=True))
    free = set(pixels)
    paths: list[list[tuple[float, float]]] = []

    def around(p: tuple[int, int], pool: set[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(p[0] + dx, p[1] + dy) for dx, dy in _OFFSETS if (p[0] + dx, p[1] + dy) in pool]

    while free:
        ends = [p for p in free if len(around(p, free)) <= 1]
        start = min(ends or free, key=lambda p: (p[1] + 0.35 * p[0], p[0]))
        free.discard(start)
        path = [start]
        joined = [q for q in around(start, pixels) if q not in free]
        if joined:
            path.insert(0, joined[0])  # an arm leaving a crossing already drawn starts on it, as the pen would
        while True:
            here = path[-1]
            options = around(here, free)
            if not options:
                back = [q for q in around(here, pixels) if q not in free and q not in path[-4:]]
                if back:
                    path.append(back[0])  # run into the line already drawn instead of stopping a pixel short
                break
            ref = path[max(0, len(path) - 5)]
            heading = (here[0] - ref[0], here[1] - ref[1])

            def straightness(q: tuple[int, int], heading: tuple[int, int] = heading, here=here) -> float:
                step = (q[0] - here[0], q[1] - here[1])
                norm = math.hypot(*step) * (math.hypot(*heading) or 1.0)
                return (step[0] * heading[0] + step[1] * heading[1]) / norm

            nxt = max(options, key=straightness)
            free.discard(nxt)
            path.append(nxt)
        if len(path) >= 6:  # shorter runs are thinning spurs and staircase leftovers, not strokes
            paths.append([(float(x), float(y)) for x, y in path])
    return paths


def _simplify(path: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Pixel staircase to a smooth line: keep every third pixel, then two rounds of Chaikin corner cutting."""
    pts = [*path[::3], path[-1]] if len(path) > 3 else list(path)
    for _ in range(2):
        if len(pts) < 3:
            break
        cut = [pts[0]]
        for (ax, ay), (bx, by) in itertools.pairwise(pts):
            cut += [(0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by), (0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by)]
        pts = [*cut, pts[-1]]
    return pts


@lru_cache(maxsize=256)
def glyph_strokes(char: str) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The pen paths of one character, in a 0..1 box (x right, y down), in writing order."""
    image = Image.new("L", (GLYPH_PX, GLYPH_PX), 0)
    ImageDraw.Draw(image).text((GLYPH_PX / 2, GLYPH_PX / 2), char, font=_font(), fill=255, anchor="mm")
    ink = (np.asarray(image) > 127).astype(np.uint8)
    paths = [_simplify(path) for path in _trace(_thin(ink))]
    return tuple(tuple((x / GLYPH_PX, y / GLYPH_PX) for x, y in path) for path in paths)


def _place(
    rng: random.Random, name: str, width: float, height: float, size: float | None
) -> list[tuple[list[tuple[float, float]], bool]]:
    """Every stroke of the name in canvas pixels, each with whether the pen stays down into the next one."""
    slant = rng.uniform(0.05, 0.35)  # forward lean, as most right hands write
    wobble = [(rng.uniform(0.01, 0.035), rng.uniform(3, 7), rng.uniform(0, 2 * math.pi)) for _ in range(2)]
    strokes: list[tuple[list[tuple[float, float]], bool]] = []
    x0, drift = 0.0, 0.0
    for index, char in enumerate(name):
        em = rng.uniform(0.85, 1.1) * (1.0 if index == 0 else rng.uniform(0.8, 1.0))  # the surname often larger
        angle = math.radians(rng.gauss(0, 3))
        cos, sin = math.cos(angle), math.sin(angle)
        drift += rng.gauss(0, 0.04)  # the line wanders up or down a little from character to character
        char_paths = glyph_strokes(char)
        for s, path in enumerate(char_paths):
            out = []
            for gx, gy in path:
                # Low-frequency wobble: a hand never reproduces the font's straight strokes.
                wx = gx + sum(a * math.sin(f * gy + ph) for a, f, ph in wobble)
                wy = gy + sum(a * math.sin(f * gx + ph + 1.3) for a, f, ph in wobble)
                cx, cy = (wx - 0.5) * em, (wy - 0.5) * em
                rx, ry = cx * cos - cy * sin, cx * sin + cy * cos
                out.append((x0 + rx - slant * ry, drift + ry))
            last_of_name = index == len(name) - 1 and s == len(char_paths) - 1
            strokes.append((out, False if last_of_name else rng.random() < 0.35))
        x0 += em * rng.uniform(0.78, 0.98)  # characters crowd together in a signature
    # Scale and place: the ink 30-55% of the pad's height unless told, starting in its left part, above mid-height.
    xs = [x for path, _ in strokes for x, _ in path]
    ys = [y for path, _ in strokes for _, y in path]
    min_x, min_y = min(xs), min(ys)
    box_w, box_h = max(xs) - min_x, max(ys) - min_y
    scale = min(height * (size or rng.uniform(0.3, 0.55)) / box_h, width * 0.8 / box_w)
    left = rng.uniform(0.08, max(0.08, 0.92 - box_w * scale / width)) * width
    top = height * rng.uniform(0.22, 0.3)
    top = min(top, height * 0.92 - box_h * scale)
    return [
        ([(left + (x - min_x) * scale, top + (y - min_y) * scale) for x, y in path], linked) for path, linked in strokes
    ]


def _resample(path: list[tuple[float, float]], seconds: float) -> list[tuple[float, float, float]]:
    """Positions at 120 Hz along the path with a minimum-jerk speed profile: (x, y, seconds from the start)."""
    seg = [math.hypot(bx - ax, by - ay) for (ax, ay), (bx, by) in itertools.pairwise(path)]
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    total = float(cum[-1])
    count = max(2, round(seconds * SAMPLE_HZ) + 1)
    tau = np.linspace(0.0, 1.0, count)
    along = total * (10 * tau**3 - 15 * tau**4 + 6 * tau**5)
    xs = np.interp(along, cum, [p[0] for p in path])
    ys = np.interp(along, cum, [p[1] for p in path])
    return list(zip(xs.tolist(), ys.tolist(), (tau * seconds).tolist(), strict=True))


def synth_strokes(
    seed: int,
    width: float = 1000.0,
    height: float = 360.0,
    name: str | None = None,
    pressure: bool = True,
    size: float | None = None,
) -> list[list[Point]]:
    """The strokes of a plausible finger-written signature of `name` (else a seeded name) on a width x height pad.

    The ink is `size` of the pad's height tall (else 30-55%). Times are whole milliseconds from the first touch at
    ~120 Hz; pressure swells and tapers along strokes (all 1.0 with `pressure=False`, as capacitive screens report).
    """
    rng = random.Random(seed)
    placed = _place(rng, name or synth_name(seed), width, height, size)
    speed = rng.uniform(0.45, 0.9)  # px per ms on average: an unhurried finger on a large screen
    strokes: list[list[Point]] = []
    current: list[Point] = []
    clock = 0.0
    previous_end: tuple[float, float] | None = None
    link_pending = False
    for path, linked in placed:
        if link_pending and previous_end is not None:
            path = [previous_end, *path]  # the pen stays down: a cursive link joins the two strokes
        length = sum(math.hypot(bx - ax, by - ay) for (ax, ay), (bx, by) in itertools.pairwise(path))
        seconds = max(0.06, length / (speed * rng.uniform(0.8, 1.25)) / 1000 * 1.4)
        base = rng.uniform(0.45, 0.7)
        samples = _resample(path, seconds)
        for k, (x, y, t) in enumerate(samples):
            if k == 0 and link_pending:
                continue  # the joining point is the last point already written
            tau = k / max(1, len(samples) - 1)
            # Sample clock jitter: touch controllers deliver ~120 Hz, never exactly.
            t_ms = round((clock + t) * 1000 + rng.uniform(-0.8, 0.8))
            t_ms = max(t_ms, current[-1].t_ms if current else t_ms)
            p = base + 0.3 * math.sin(math.pi * tau) + rng.gauss(0, 0.03) if pressure else 1.0
            current.append(
                Point(
                    min(width, max(0.0, x + rng.gauss(0, 0.35))),
                    min(height, max(0.0, y + rng.gauss(0, 0.35))),
                    float(t_ms),
                    round(min(1.0, max(0.05, p)), 3),
                )
            )
        clock += seconds
        previous_end = path[-1]
        link_pending = linked
        if not linked:
            strokes.append(current)
            current = []
            clock += rng.uniform(0.08, 0.3)  # pen up, moving to the next stroke
    if current:
        strokes.append(current)
    start = strokes[0][0].t_ms
    return [[p._replace(t_ms=p.t_ms - start) for p in stroke] for stroke in strokes]


def synth_signature(
    seed: int,
    width: float = 1000.0,
    height: float = 360.0,
    name: str | None = None,
    pressure: bool = True,
    size: float | None = None,
) -> Signature:
    """synth_strokes as a Signature on a width x height canvas."""
    return Signature(width, height, synth_strokes(seed, width, height, name, pressure, size))


SLIGHT_KINDS = ("tap", "dot", "tick", "line")


def synth_slight(kind: str, seed: int, width: float = 1000.0, height: float = 360.0) -> Signature:
    """A mark too slight to be a signature: a tap, a small dot, a tick, or one short straight line."""
    rng = random.Random(f"{kind}-{seed}")
    cx, cy = rng.uniform(0.2, 0.8) * width, rng.uniform(0.3, 0.7) * height
    if kind == "tap":
        path = [(cx, cy), (cx + rng.uniform(-1, 1), cy + rng.uniform(-1, 1))]
    elif kind == "dot":
        r = rng.uniform(2, 10)
        path = [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in np.linspace(0, 4 * math.pi, 12)]
    elif kind == "tick":
        size = rng.uniform(0.1, 0.3) * height
        path = [(cx - size * 0.4, cy), (cx, cy + size * 0.5), (cx + size * 0.8, cy - size * 0.6)]
    elif kind == "line":
        length = rng.uniform(0.1, 0.45) * min(width, 3 * height)
        angle = math.radians(rng.uniform(-35, 35))
        path = [(cx, cy), (cx + length * math.cos(angle), cy - length * math.sin(angle))]
    else:
        raise ValueError(f"kind must be one of {', '.join(SLIGHT_KINDS)}")
    samples = _resample(path, max(0.05, 0.002 * len(path) * 30))
    stroke = [
        (min(width, max(0.0, x)), min(height, max(0.0, y)), round(t * 1000), rng.uniform(0.4, 0.9))
        for x, y, t in samples
    ]
    return Signature(width, height, [stroke])
