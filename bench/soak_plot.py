"""The soak's curve as a PNG, drawn with Pillow (matplotlib is not a dependency): four panels over the simulated
hours sharing one axis (RSS; open fds and threads; sessions and submissions; the outbox's depth), the idle
baseline shaded grey, hub outages red, catalog updates marked where published (dashed) and where live (solid)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from devices.printer.receipt import cjk_font

WIDTH, HEIGHT = 1800, 1500
LEFT, RIGHT, TOP, BOTTOM = 150, 60, 150, 90
GAP = 40
INK, GRID, AXIS = (30, 30, 30), (225, 225, 225), (90, 90, 90)
OUTAGE, BASELINE = (255, 214, 214), (236, 236, 236)
PUBLISHED, LIVE = (120, 120, 220), (40, 150, 70)
COLOURS = {
    "rss_mb": (200, 60, 40),
    "heap_mb": (220, 130, 20),
    "fds": (40, 90, 200),
    "threads": (40, 150, 70),
    "os_threads": (150, 90, 190),
    "sessions": (40, 90, 200),
    "submitted": (220, 130, 20),
    "outbox_depth": (200, 60, 40),
}


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values spanning [low, high]."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    return [first + i * step for i in range(math.ceil((high - first) / step) + 1)]


def label_of(value: float) -> str:
    """A tick label without needless decimals."""
    return f"{value:.0f}" if abs(value - round(value)) < 1e-6 else f"{value:.1f}"


class Panel:
    """One chart area with its own y axis."""

    def __init__(self, draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], hours: float, title: str):
        self.draw, self.box, self.hours, self.title = draw, box, hours, title
        self.low, self.high = 0.0, 1.0

    def x(self, hour: float) -> float:
        """Pixel column of a simulated hour."""
        left, _, right, _ = self.box
        return left + (right - left) * hour / self.hours

    def y(self, value: float) -> float:
        """Pixel row of a value."""
        _, top, _, bottom = self.box
        return bottom - (bottom - top) * (value - self.low) / (self.high - self.low)

    def scale(self, values: list[float], floor_zero: bool) -> None:
        """Fit the y axis to the values (with some room)."""
        low, high = min(values), max(values)
        if floor_zero:
            low = 0.0
        pad = max((high - low) * 0.1, 1.0)
        ticks = nice_ticks(low - (0 if floor_zero else pad), high + pad)
        self.low, self.high, self.ticks = ticks[0], ticks[-1], ticks

    def frame(self, events: list[dict[str, Any]], baseline_hours: float, font, small) -> None:
        """Grid, shading, markers, axes and the title."""
        left, top, right, bottom = self.box
        if baseline_hours:
            self.draw.rectangle((left, top, self.x(baseline_hours), bottom), fill=BASELINE)
        down = None
        for event in events:
            if event["kind"] == "hub_down":
                down = event["hour"]
            elif event["kind"] == "hub_up" and down is not None:
                self.draw.rectangle((self.x(down), top, self.x(event["hour"]), bottom), fill=OUTAGE)
                down = None
        for tick in self.ticks:
            row = self.y(tick)
            self.draw.line((left, row, right, row), fill=GRID, width=1)
            text = label_of(tick)
            self.draw.text((left - 12 - small.getlength(text), row - 12), text, font=small, fill=AXIS)
        for hour in range(0, int(self.hours) + 1, 2 if self.hours > 12 else 1):
            self.draw.line((self.x(hour), top, self.x(hour), bottom), fill=GRID, width=1)
        for event in events:
            if event["kind"] in ("catalog_published", "catalog_live"):
                colour = PUBLISHED if event["kind"] == "catalog_published" else LIVE
                column = self.x(event["hour"])
                for start in range(top, bottom, 12 if event["kind"] == "catalog_published" else 1000):
                    end = min(start + (6 if event["kind"] == "catalog_published" else bottom - top), bottom)
                    self.draw.line((column, start, column, end), fill=colour, width=2)
        self.draw.rectangle(self.box, outline=AXIS, width=2)
        self.draw.text((left + 10, top + 6), self.title, font=font, fill=INK)

    def line(self, points: list[tuple[float, float]], colour: tuple[int, int, int], width: int = 3) -> None:
        """A polyline of (hour, value) points."""
        pixels = [(self.x(h), self.y(v)) for h, v in points]
        if len(pixels) > 1:
            self.draw.line(pixels, fill=colour, width=width, joint="curve")
        for px, py in pixels if len(pixels) < 60 else []:
            self.draw.ellipse((px - 3, py - 3, px + 3, py + 3), fill=colour)

    def legend(self, entries: list[tuple[str, tuple[int, int, int]]], font) -> None:
        """Colour keys at the panel's top right."""
        _, top, right, _ = self.box
        x = right - 20
        for text, colour in reversed(entries):
            x -= font.getlength(text)
            self.draw.text((x, top + 8), text, font=font, fill=INK)
            x -= 40
            self.draw.line((x, top + 22, x + 30, top + 22), fill=colour, width=4)
            x -= 30


def draw(report: dict[str, Any], path: Path) -> None:
    """Draw the report's samples to `path` (PNG)."""
    samples = report["samples"]
    events = report["events"]
    settings = report["settings"]
    baseline = float(settings["baseline_hours"])
    hours = max(baseline + settings["hours"], max(s["hour"] for s in samples), 1.0)
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    pen = ImageDraw.Draw(image)
    title, font, small = cjk_font(38), cjk_font(26), cjk_font(22)
    f = report["figures"]
    pen.text(
        (LEFT, 28), f"Soak: {settings['hours']} simulated hours, {report['sessions']} sessions", font=title, fill=INK
    )
    pen.text(
        (LEFT, 84),
        f"RSS {f['rss_after_warmup_mb']:.0f} -> {f['rss_end_mb']:.0f} MB after warm-up "
        f"({f['rss_growth_mb_per_1000_sessions']:+.1f} MB per 1000 sessions); "
        f"fds {f['fds_after_warmup']:.0f} -> {f['fds_last_quarter_max']}; threads "
        f"{f['threads_after_warmup']:.0f} -> {f['threads_last_quarter_max']}; submissions {report['submitted']} made, "
        f"{report['hub_submissions']} at the hub; wall {report['wall_s'] / 60:.0f} min",
        font=small,
        fill=AXIS,
    )
    height = (HEIGHT - TOP - BOTTOM - 3 * GAP) // 4
    boxes = [(LEFT, TOP + i * (height + GAP), WIDTH - RIGHT, TOP + i * (height + GAP) + height) for i in range(4)]
    series = {key: [(s["hour"], s[key]) for s in samples if s.get(key, -1) >= 0] for key in COLOURS}
    memory = ["rss_mb", "heap_mb"] if series["heap_mb"] else ["rss_mb"]
    panels = [
        (
            boxes[0],
            "Memory (MB)",
            memory,
            False,
            [("RSS", COLOURS["rss_mb"]), ("glibc heap in use", COLOURS["heap_mb"])][: len(memory)],
        ),
        (
            boxes[1],
            "Open file descriptors and threads",
            ["fds", "threads", "os_threads"],
            True,
            [
                ("fds", COLOURS["fds"]),
                ("Python threads", COLOURS["threads"]),
                ("kernel threads", COLOURS["os_threads"]),
            ],
        ),
        (
            boxes[2],
            "Sessions and submissions (cumulative)",
            ["sessions", "submitted"],
            True,
            [("sessions", COLOURS["sessions"]), ("submissions", COLOURS["submitted"])],
        ),
        (boxes[3], "Outbox depth (waiting for the hub)", ["outbox_depth"], True, [("outbox", COLOURS["outbox_depth"])]),
    ]
    warm = next((s["hour"] for s in samples if s["sessions"] >= f.get("warmup_sessions", 0) > 0), None)
    for box, name, keys, floor_zero, legend in panels:
        panel = Panel(pen, box, hours, name)
        panel.scale([v for key in keys for _, v in series[key]], floor_zero)
        panel.frame(events, baseline, font, small)
        if warm is not None and box is boxes[0]:
            for start in range(box[1], box[3], 8):  # the end of the warm-up, left out of the flatness figures
                pen.line((panel.x(warm), start, panel.x(warm), min(start + 3, box[3])), fill=INK, width=2)
            pen.text((panel.x(warm) + 6, box[3] - 34), "warm-up ends", font=small, fill=INK)
        for key in keys:
            panel.line(series[key], COLOURS[key])
        panel.legend(legend, small)
    bottom = boxes[-1][3]
    axis = Panel(pen, boxes[-1], hours, "")
    for hour in range(0, int(hours) + 1, 2 if hours > 12 else 1):
        text = f"{hour}"
        pen.text((axis.x(hour) - small.getlength(text) / 2, bottom + 8), text, font=small, fill=AXIS)
    caption = "simulated hours (grey: idle baseline, red: hub outage, dashed: catalog published, green: catalog live)"
    pen.text(((WIDTH - font.getlength(caption)) / 2, bottom + 42), caption, font=font, fill=INK)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, optimize=True)


def main() -> None:
    """Redraw a soak's PNG from its JSON: python -m bench.soak_plot docs/soak.json docs/soak.png"""
    import json
    import sys

    report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    draw(report, Path(sys.argv[2]))


if __name__ == "__main__":
    main()
