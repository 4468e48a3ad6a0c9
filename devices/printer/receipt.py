"""A receipt's content and its rendering to a monochrome raster (Chinese text never depends on printer fonts)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

PAPER_PX = 576  # 80 mm paper at 203 dpi: 72 mm printable
MARGIN = 8


@dataclass(frozen=True)
class Receipt:
    """What a receipt says: a title, lines of text, and an optional QR code printed under them."""

    title: str
    lines: tuple[str, ...] = ()
    qr: str = ""
    footer: tuple[str, ...] = field(default_factory=tuple)


@lru_cache(maxsize=4)
def cjk_font(size: int) -> ImageFont.FreeTypeFont:
    """A Noto CJK font found through fontconfig (Debian's fonts-noto-cjk)."""
    path = subprocess.run(
        ["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True, text=True, check=False
    ).stdout.strip()
    if not path:
        raise RuntimeError("no CJK font: install fonts-noto-cjk")
    return ImageFont.truetype(path, size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if font.getlength(current + ch) > width and current:
            lines.append(current)
            current = ch
        else:
            current += ch
    return [*lines, current] if current else lines


def render_text(receipt: Receipt) -> Image.Image:
    """The receipt's text as a 1-bit image PAPER_PX wide (the QR code is sent as a native printer command)."""
    title_font, body_font = cjk_font(34), cjk_font(24)
    rows: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for line in _wrap(receipt.title, title_font, PAPER_PX - 2 * MARGIN):
        rows.append((line, title_font))
    for text in (*receipt.lines, *receipt.footer):
        rows += [(line, body_font) for line in _wrap(text, body_font, PAPER_PX - 2 * MARGIN) or [""]]
    height = sum(font.size + 10 for _, font in rows) + 2 * MARGIN
    image = Image.new("1", (PAPER_PX, height), 1)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line, font in rows:
        draw.text((MARGIN, y), line, font=font, fill=0)
        y += font.size + 10
    return image
