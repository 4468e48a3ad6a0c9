"""Qt's glyph caches: what drawing every character a resident can be shown costs the terminal's heap, and that it is
paid once.

Qt keeps each font's drawn glyphs for as long as a widget uses the font, so a terminal's memory grows the first
time each character of each item guide is drawn in each of the screens' fonts, and stops growing once all have been.
This benchmark draws every character of the bundled catalog (names in three languages, guides, departments) and of
the translations, in every font size and weight the style sheets give, in normal and elderly mode, twice. The second
pass is the baseline: it draws the same text and must cost nothing, so "ratio" is second pass / first pass.

    uv run python -m bench.glyph_cache
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.soak_rig import REPO, native_heap_mb, rss_kinds_mb

LINE = 120  # characters drawn per line: a guide paragraph's width at the smaller sizes


def catalog_text(bundle: Path) -> set[str]:
    """Every character an item page, a search result or a department can show."""
    from catalog.store import CatalogStore

    seen: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            seen.update(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    with CatalogStore(bundle) as store:
        for record in store.records():
            walk(record)
        for department in store.departments:
            walk([department.name, department.short_name])
    return seen


def translation_text() -> set[str]:
    """Every character of the screens' own texts (the sources are Chinese, the translations the rest)."""
    seen: set[str] = set()
    for ts in sorted((REPO / "assets" / "i18n").glob("*.ts")):
        for element in ET.parse(ts).iter():
            if element.tag in ("source", "translation") and element.text:
                seen.update(element.text)
    return seen


def shown_characters(bundle: Path, extra: str = "") -> list[str]:
    """The characters drawn as glyphs: the catalog's, the translations' and `extra`, spaces and controls left out."""
    characters = catalog_text(bundle) | translation_text() | set(extra)
    return sorted(c for c in characters if c.isprintable() and not c.isspace())


def style_fonts() -> list[tuple[int, bool]]:
    """(pixel size, bold) of every style-sheet rule that sets a size, in normal and elderly mode."""
    from ui.theme import style_sheet

    fonts = set()
    for elderly in (False, True):
        for rule in re.findall(r"\{([^{}]*)\}", style_sheet(elderly)):
            size = re.search(r"font-size:\s*(\d+)px", rule)
            if size:
                fonts.add((int(size.group(1)), "bold" in rule))
    return sorted(fonts)


def draw_all(text: list[str], fonts: list[tuple[int, bool]]) -> float:
    """Draw the characters in each font on an image, as the raster engine draws a widget; seconds taken."""
    from ui.qt import QFont, QImage, QPainter, QRect, Qt
    from ui.theme import CJK_FONT

    image = QImage(1920, 120, QImage.Format.Format_ARGB32_Premultiplied)
    lines = ["".join(text[i : i + LINE]) for i in range(0, len(text), LINE)]
    start = time.perf_counter()
    for size, bold in fonts:
        font = QFont(CJK_FONT)
        font.setPixelSize(size)
        font.setBold(bold)
        for line in lines:
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.setFont(font)
            painter.drawText(QRect(0, 0, 1920, 120), Qt.AlignmentFlag.AlignLeft, line)
            painter.end()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Measure both passes and print the figures (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", help="a built catalog bundle (else the bundled source is built)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from catalog.build import build_from_source
    from ui.qt import QApplication

    with tempfile.TemporaryDirectory(prefix="glyphs-") as tmp:
        bundle = Path(args.bundle) if args.bundle else Path(tmp) / "catalog.sqlite"
        if not args.bundle:
            build_from_source(REPO / "catalog" / "source", bundle)
        text = shown_characters(bundle)
    fonts = style_fonts()
    app = QApplication.instance() or QApplication([])
    draw_all(["0"], fonts)  # the fonts themselves loaded, so that the first pass counts glyphs only
    heaps = [native_heap_mb()[0]]
    anon = [rss_kinds_mb()["anon"]]
    seconds = []
    for _ in range(2):
        seconds.append(draw_all(text, fonts))
        app.processEvents()
        heaps.append(native_heap_mb()[0])
        anon.append(rss_kinds_mb()["anon"])
    first, second = heaps[1] - heaps[0], heaps[2] - heaps[1]
    figures = {
        "characters": len(text),
        "cjk_characters": sum(1 for c in text if ord(c) >= 0x2E80),
        "fonts": len(fonts),
        "glyphs": len(text) * len(fonts),
        "first_pass_heap_mb": round(first, 2),
        "second_pass_heap_mb": round(second, 2),
        "first_pass_anon_rss_mb": round(anon[1] - anon[0], 2),
        "second_pass_anon_rss_mb": round(anon[2] - anon[1], 2),
        "kb_per_glyph": round(first * 1000 / max(1, len(text) * len(fonts)), 2),
        "seconds": [round(s, 2) for s in seconds],
        "ratio": round(second / first, 4) if first > 0 else None,
    }
    if args.json:
        print(json.dumps(figures))
    print(
        f"glyph caches: {figures['characters']} characters ({figures['cjk_characters']} CJK) x {figures['fonts']} "
        f"fonts = {figures['glyphs']} glyphs | first pass: heap +{first:.1f} MB (anonymous RSS "
        f"+{figures['first_pass_anon_rss_mb']:.1f} MB, {figures['kb_per_glyph']:.2f} kB a glyph) in "
        f"{seconds[0]:.1f} s | second pass (baseline, the same text again): heap {second:+.2f} MB in "
        f"{seconds[1]:.1f} s | ratio {figures['ratio']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
