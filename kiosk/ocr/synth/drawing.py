"""Drawing primitives for synthetic documents: security backgrounds, text placement, emblem and seal motifs, portraits.

Images here are RGB (Pillow's order) until render.py hands the finished document over as BGR for OpenCV.
The emblem and seal are simple procedural motifs (stars, rings, teeth), deliberately not copies of the real ones.
"""

from __future__ import annotations

import functools
import math
import os
import random
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

Box = tuple[int, int, int, int]
RGB = tuple[int, int, int]

# The shared face photographs (../shared beside the checkout); KIOSK_SYNTH_FACES points elsewhere.
FACES_DIR = Path(
    os.environ.get("KIOSK_SYNTH_FACES", Path(__file__).resolve().parents[4] / "shared" / "data" / "faces" / "images")
)
# Group photos and mirrored duplicates make poor ID portraits.
SKIP_FACES = ("couple", "selfie", "reflection")


def jitter_color(rng: random.Random, color: RGB, amount: int = 12) -> RGB:
    """A colour varied a little, as ink and print runs vary."""
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in color)  # type: ignore[return-value]


def gradient(size: tuple[int, int], top_left: RGB, bottom_right: RGB) -> np.ndarray:
    """A diagonal two-colour gradient as an RGB float image."""
    w, h = size
    t = (np.linspace(0, 0.6, w, dtype=np.float32)[None, :] + np.linspace(0, 0.4, h, dtype=np.float32)[:, None])[
        ..., None
    ]
    start = np.asarray(top_left, np.float32)
    return start + (np.asarray(bottom_right, np.float32) - start) * t


def guilloche(canvas: np.ndarray, rng: random.Random, colors: list[RGB], strength: float = 0.35) -> np.ndarray:
    """Overlay fine security line work (rosettes and interlaced sine bands) on an RGB float canvas.

    Real cards and licences carry such patterns; they are what makes text segmentation on them non-trivial.
    """
    h, w = canvas.shape[:2]
    layer = np.zeros((h, w), np.uint8)
    scale = min(w, h)
    # Rosettes: a radius modulated by two sines, repeated at growing radii.
    for _ in range(rng.randint(1, 3)):
        cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        k, m = rng.randint(6, 18), rng.randint(20, 48)
        base = rng.uniform(0.15, 0.45) * scale
        t = np.linspace(0, 2 * math.pi, 2400)
        for i in range(rng.randint(5, 10)):
            phase = i * 0.35
            r = base * (1 + 0.012 * i) + 0.06 * scale * np.sin(k * t + phase) + 0.025 * scale * np.sin(m * t)
            pts = np.stack([cx + r * np.cos(t), cy + r * np.sin(t)], axis=1)
            cv2.polylines(layer, [np.round(pts * 4).astype(np.int32)], True, 255, 1, cv2.LINE_AA, shift=2)
    # Interlaced sine bands across the whole area.
    x = np.linspace(0, w, max(200, w // 2))
    period, amp = rng.uniform(0.15, 0.35) * w, rng.uniform(0.02, 0.06) * h
    for j in range(0, h + int(2 * amp), max(4, h // 60)):
        for phase in (0.0, math.pi):
            y = j + amp * np.sin(2 * math.pi * x / period + phase) + 0.3 * amp * np.sin(6 * math.pi * x / period)
            pts = np.stack([x, y], axis=1)
            cv2.polylines(layer, [np.round(pts * 4).astype(np.int32)], False, 160, 1, cv2.LINE_AA, shift=2)
    alpha = layer.astype(np.float32)[..., None] * np.float32(strength / 255.0)
    # Colour drifts across the pattern like rainbow printing (one row of tints, broadcast down).
    tint = np.zeros((1, w, 3), np.float32)
    position = np.linspace(0, len(colors) - 1, w, dtype=np.float32)[None, :, None]
    for i, color in enumerate(colors):
        tint += np.clip(1 - abs(position - i), 0, 1) * np.asarray(color, np.float32)
    canvas = canvas.astype(np.float32, copy=False)
    return canvas + (tint - canvas) * alpha


def text_width(font: ImageFont.FreeTypeFont, text: str, tracking: float = 0.0) -> float:
    """Advance width of a string in pixels with extra spacing between characters."""
    return sum(font.getlength(ch) for ch in text) + tracking * max(0, len(text) - 1)


def draw_text(
    draw: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    font: ImageFont.FreeTypeFont,
    fill: RGB,
    tracking: float = 0.0,
    anchor: str = "ls",
) -> None:
    """Draw a string character by character (so tracking applies) from a left baseline point."""
    x, y = xy
    for ch in text:
        draw.text((x, y), ch, font=font, fill=fill, anchor=anchor)
        x += font.getlength(ch) + tracking


def baseline_for(font: ImageFont.FreeTypeFont, top: float, bottom: float) -> float:
    """The baseline that centres CJK glyphs (about 0.88 em tall above it) vertically between top and bottom."""
    size = font.size
    return (top + bottom) / 2 + size * 0.38


def fit_size(face_loader, text: str, size: int, max_width: float, tracking_em: float = 0.0) -> int:
    """The largest size not above `size` at which `text` fits `max_width` pixels."""
    while size > 6:
        font = face_loader(size)
        if text_width(font, text, tracking_em * size) <= max_width:
            return size
        size -= 1
    return size


def spread(
    draw: ImageDraw.ImageDraw,
    text: str,
    x0: float,
    x1: float,
    baseline: float,
    font: ImageFont.FreeTypeFont,
    fill: RGB,
) -> None:
    """Draw characters spread evenly from x0 to x1, the way document labels are justified (姓　名)."""
    if len(text) == 1:
        draw.text((x0, baseline), text, font=font, fill=fill, anchor="ls")
        return
    widths = [font.getlength(ch) for ch in text]
    gap = max(0.0, (x1 - x0 - sum(widths)) / (len(text) - 1))
    x = x0
    for ch, width in zip(text, widths, strict=True):
        draw.text((x, baseline), ch, font=font, fill=fill, anchor="ls")
        x += width + gap


def wrap_by_width(text: str, font: ImageFont.FreeTypeFont, max_width: float) -> list[str]:
    """Break text into lines no wider than max_width, character by character (Chinese has no spaces)."""
    lines, current = [], ""
    for ch in text:
        if current and font.getlength(current + ch) > max_width:
            lines.append(current)
            current = ch
        else:
            current += ch
    if current:
        lines.append(current)
    return lines


def star_points(cx: float, cy: float, r_outer: float, rotation: float = -math.pi / 2) -> list[tuple[float, float]]:
    """The ten vertices of a five-pointed star."""
    r_inner = r_outer * 0.382
    pts = []
    for i in range(10):
        r = r_outer if i % 2 == 0 else r_inner
        a = rotation + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def emblem(draw: ImageDraw.ImageDraw, box: Box, red: RGB, gold: RGB | None = None) -> None:
    """A procedural red star-and-ring motif standing in for the national emblem (not a copy of it)."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    r = min(x1 - x0, y1 - y0) / 2
    star = gold or red
    # Toothed outer ring (a gear-like rim), then a plain ring inside.
    teeth = 28
    rim = []
    for i in range(teeth * 2):
        a = i * math.pi / teeth
        rr = r * (0.98 if i % 2 == 0 else 0.9)
        rim.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.polygon(rim, fill=red)
    draw.ellipse((cx - r * 0.82, cy - r * 0.82, cx + r * 0.82, cy + r * 0.82), fill=(255, 250, 240))
    draw.ellipse((cx - r * 0.78, cy - r * 0.78, cx + r * 0.78, cy + r * 0.78), outline=red, width=max(1, int(r * 0.04)))
    # Sheaf-like strokes along the lower inner rim.
    for i in range(16):
        a = math.pi * (0.15 + 0.7 * i / 15)
        p0 = (cx + r * 0.62 * math.cos(a), cy + r * 0.62 * math.sin(a))
        p1 = (cx + r * 0.76 * math.cos(a + 0.08), cy + r * 0.76 * math.sin(a + 0.08))
        draw.line([p0, p1], fill=red, width=max(1, int(r * 0.05)))
    big_y = cy - r * 0.1
    draw.polygon(star_points(cx, big_y, r * 0.26), fill=star)
    for degrees in (-66, -22, 22, 66):  # four small stars on an arc above the big one
        a = math.radians(degrees)
        draw.polygon(star_points(cx + r * 0.46 * math.sin(a), big_y - r * 0.46 * math.cos(a), r * 0.09), fill=star)
    # A base band with gate-like battlements.
    band_top, band_bottom = cy + r * 0.22, cy + r * 0.42
    draw.rectangle((cx - r * 0.5, band_top, cx + r * 0.5, band_bottom), fill=red)
    for i in range(5):
        bx = cx - r * 0.45 + i * r * 0.225
        draw.rectangle((bx, band_top - r * 0.08, bx + r * 0.1, band_top), fill=red)


def seal(
    size: int,
    text: str,
    rng: random.Random,
    font_loader,
    red: RGB = (214, 32, 38),
) -> Image.Image:
    """A round red official seal (RGBA): ring, star, the authority's name along the upper arc, uneven ink."""
    img = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(img)
    c = size / 2
    ring = max(2, size // 36)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=255, width=ring)
    draw.polygon(star_points(c, c, size * 0.17), fill=255)
    # Characters around the upper arc, each rotated to face the centre.
    font_size = max(8, int(size * 0.12))
    font = font_loader(font_size)
    span = math.radians(240 if len(text) > 8 else 200)
    radius = c - ring * 2 - font_size * 0.62
    for i, ch in enumerate(text):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / len(text)
        glyph = Image.new("L", (font_size * 2, font_size * 2), 0)
        ImageDraw.Draw(glyph).text((font_size, font_size), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a + math.pi / 2), resample=Image.Resampling.BICUBIC)
        gx, gy = c + radius * math.cos(a), c + radius * math.sin(a)
        img.paste(255, (int(gx - font_size), int(gy - font_size)), glyph)
    ink = np.asarray(img, np.float32) / 255.0
    # Stamped ink is patchy: multiply by smooth noise, knock out a few specks.
    noise = np.random.default_rng(rng.randrange(2**32)).random((size // 8 + 1, size // 8 + 1)).astype(np.float32)
    noise = cv2.resize(noise, (size, size), interpolation=cv2.INTER_CUBIC)
    ink *= np.clip(0.55 + 0.6 * noise, 0, 1)
    alpha = Image.fromarray(np.clip(ink * rng.uniform(0.75, 0.92) * 255, 0, 255).astype(np.uint8))
    out = Image.new("RGBA", (size, size), (*red, 0))
    out.putalpha(alpha)
    return out


@functools.cache
def _face_detector():  # building dlib's detector takes ~0.4 s: once per process
    import dlib

    return dlib.get_frontal_face_detector()


@functools.cache
def face_box(path: str) -> tuple[int, int, int, int] | None:
    """The largest face in an image (left, top, right, bottom), by dlib's HOG detector, or None."""
    try:
        detector = _face_detector()  # dlib is heavy and optional: only the portrait needs it
    except ImportError:
        return None
    image = Image.open(path).convert("RGB")
    scale = 400 / max(image.size)
    small = np.asarray(image.resize((round(image.width * scale), round(image.height * scale))))
    found = detector(small, 1)
    if not found:
        return None
    best = max(found, key=lambda r: r.width() * r.height())
    return tuple(round(v / scale) for v in (best.left(), best.top(), best.right(), best.bottom()))  # type: ignore[return-value]


def face_files() -> list[Path]:
    """The shared face photographs usable as portraits (sorted, so choices are reproducible)."""
    if not FACES_DIR.is_dir():
        return []
    return sorted(p for p in FACES_DIR.glob("*.jpg") if not any(s in p.name for s in SKIP_FACES))


def silhouette(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """A grey head-and-shoulders drawing, used when no face photographs are available."""
    w, h = size
    img = Image.new("RGB", size, (246, 247, 249))
    draw = ImageDraw.Draw(img)
    tone = jitter_color(rng, (120, 110, 105), 20)
    draw.ellipse((w * 0.08, h * 0.68, w * 0.92, h * 1.3), fill=tone)
    draw.ellipse((w * 0.28, h * 0.14, w * 0.72, h * 0.66), fill=jitter_color(rng, (200, 170, 150), 15))
    draw.chord((w * 0.26, h * 0.1, w * 0.74, h * 0.5), 180, 360, fill=(40, 35, 30))
    return img


def portrait(size: tuple[int, int], rng: random.Random) -> tuple[Image.Image, str]:
    """An ID-style portrait (head and shoulders on a light background) and where it came from."""
    w, h = size
    files = face_files()
    for _ in range(4):
        if not files:
            break
        path = files[rng.randrange(len(files))]
        box = face_box(str(path))
        if box is None:
            continue
        image = Image.open(path).convert("RGB")
        left, top, right, bottom = box
        face_w, face_h = right - left, bottom - top
        crop_w = face_w / rng.uniform(0.46, 0.54)
        crop_h = crop_w * h / w
        crop_x = (left + right) / 2 - crop_w / 2
        crop_y = top - face_h * rng.uniform(0.75, 0.9)  # room above the hair, as ID photos leave
        backdrop_rgb = jitter_color(rng, (244, 246, 250), 5)
        # Paste onto a backdrop-coloured canvas: crops reaching past the photo's edge get backdrop, not black.
        canvas = Image.new("RGB", (round(crop_w), round(crop_h)), backdrop_rgb)
        canvas.paste(image, (-round(crop_x), -round(crop_y)))
        crop = canvas.resize(size, Image.Resampling.LANCZOS)
        # Fade to the backdrop outside the head and shoulders: a stand-in for the studio's white backdrop.
        mask = Image.new("L", size, 0)
        md = ImageDraw.Draw(mask)
        sx, sy = w / crop_w, h / crop_h
        fx0, fx1 = (left - crop_x) * sx, (right - crop_x) * sx
        fy0, fy1 = (top - crop_y) * sy, (bottom - crop_y) * sy
        pad = 0.22 * (fx1 - fx0)
        md.ellipse((fx0 - pad, fy0 - 0.75 * (fy1 - fy0), fx1 + pad, fy1 + 0.1 * h), fill=255)
        md.ellipse((0.0 * w, fy1 + 0.04 * h, 1.0 * w, 1.7 * h), fill=255)
        soft = np.asarray(mask, np.float32)[..., None] / 255.0
        soft = cv2.GaussianBlur(soft, (0, 0), w * 0.05)[..., None]
        arr = np.asarray(crop, np.float32)
        gray = arr.mean(axis=2, keepdims=True)
        arr = gray + (arr - gray) * 0.8  # printed portraits are a little desaturated
        backdrop = np.asarray(backdrop_rgb, np.float32)
        out = arr * soft + backdrop * (1 - soft)
        return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)), path.name
    return silhouette(size, rng), "silhouette"


def rounded_mask(size: tuple[int, int], radius: int) -> np.ndarray:
    """A uint8 mask of a rounded rectangle filling `size` (255 inside)."""
    img = Image.new("L", size, 0)
    ImageDraw.Draw(img).rounded_rectangle((0, 0, size[0] - 1, size[1] - 1), radius=radius, fill=255)
    return np.asarray(img)
