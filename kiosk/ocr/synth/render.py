"""Rendering flat documents (ID card front and back, business licence 副本) at their layout's canonical pixel size.

Every value is printed inside its field box from kiosk/ocr/layouts.py, so the reader's crops and the generator's
prints agree by construction. Output is BGR (OpenCV's order) with a mask of the document's outline.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import segno
from PIL import Image, ImageDraw

from kiosk.ocr.layouts import (
    BUSINESS_LICENSE,
    ID_CARD_BACK,
    ID_CARD_FRONT,
    ID_EMBLEM_BOX,
    ID_PHOTO_BOX,
    LICENSE_QR_BOX,
    LICENSE_TITLE_BOX,
    Layout,
)
from kiosk.ocr.synth import drawing, fonts

ID_CORNER_RADIUS_MM = 3.18  # GA 448-2013
PT_MM = 25.4 / 72  # one typographic point in mm
LICENSE_URL = "http://www.gsxt.gov.cn"


@dataclass
class FlatDocument:
    """A rendered document: BGR image at the layout's size, its outline mask, and what was used to print it."""

    image: np.ndarray
    mask: np.ndarray  # uint8, 255 on the document (the ID card's rounded corners are 0)
    fonts: dict[str, str] = field(default_factory=dict)  # role -> font family used
    portrait: str | None = None  # the face photograph's file name (ID front)


def pt_px(layout: Layout, points: float) -> int:
    """A font size in points as pixels of the rectified document."""
    return round(points * PT_MM * layout.px_per_mm)


def _to_bgr(image: Image.Image) -> np.ndarray:
    """Pillow RGB to an OpenCV BGR array."""
    return np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])


def _label_face(rng: random.Random) -> tuple[fonts.FontFace, fonts.FontFace]:
    """The sans faces for labels (bold where available) and values of one sample."""
    return fonts.pick("sans", rng, bold=True), fonts.pick("sans", rng)


# ---- ID card ------------------------------------------------------------------------------------------------


def _card_background(layout: Layout, rng: random.Random, warm: bool) -> np.ndarray:
    """The card's pale printed background with security line work (RGB float)."""
    if warm:  # the emblem side: cream to pale peach with a faint wall
        base = drawing.gradient(layout.size, drawing.jitter_color(rng, (247, 243, 232), 4), (250, 236, 224))
        colors = [(236, 196, 150), (226, 180, 170), (210, 200, 160)]
    else:  # the photo side: pale blue-grey to pale pink
        base = drawing.gradient(layout.size, drawing.jitter_color(rng, (238, 243, 247), 4), (246, 238, 236))
        colors = [(170, 200, 230), (220, 190, 200), (190, 215, 210)]
    return drawing.guilloche(base, rng, colors, strength=rng.uniform(0.28, 0.4))


def _great_wall(draw: ImageDraw.ImageDraw, layout: Layout, rng: random.Random) -> None:
    """A faint line drawing of a wall with watchtowers over hills (the back's background motif)."""
    s = layout.px_per_mm
    color = drawing.jitter_color(rng, (228, 200, 170), 6)
    x = np.linspace(4 * s, 82 * s, 300)
    # Kept between the title (ends ~27 mm) and the labels (from 36 mm).
    ridge = 32.5 * s - 2.0 * s * np.sin(x / (14 * s) + rng.uniform(0, 3)) - 0.8 * s * np.sin(x / (5 * s))
    hills = list(zip(x, ridge + 1.8 * s, strict=True))
    draw.line(hills, fill=color, width=2)
    top = list(zip(x, ridge, strict=True))
    draw.line(top, fill=color, width=max(2, int(s * 0.35)))
    for i in range(0, len(x) - 4, 6):  # battlements
        draw.rectangle((x[i], ridge[i] - 0.8 * s, x[i + 2], ridge[i]), fill=color)
    for i in rng.sample(range(20, len(x) - 20), 3):  # towers
        draw.rectangle((x[i] - 1.8 * s, ridge[i] - 2.5 * s, x[i] + 1.8 * s, ridge[i]), outline=color, width=2)


def render_id_front(fields: dict[str, str], rng: random.Random) -> FlatDocument:
    """The photo side: blue labels, black values, birth date with printed 年月日, portrait, ID number."""
    layout = ID_CARD_FRONT
    s = layout.px_per_mm
    img = Image.fromarray(np.clip(_card_background(layout, rng, warm=False), 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    label_face, value_face = _label_face(rng)
    mono = fonts.pick("mono", rng, bold=True)
    blue = drawing.jitter_color(rng, (40, 115, 190), 14)
    black = drawing.jitter_color(rng, (24, 24, 28), 6)
    label_font = fonts.load(label_face, pt_px(layout, 7.5))
    value_px = pt_px(layout, 9)
    value_font = fonts.load(value_face, value_px)

    for spec in layout.fields:
        x0, y0, x1, y1 = layout.to_px(spec.label_box)  # type: ignore[arg-type]
        baseline = drawing.baseline_for(label_font, y0, y1)
        # Two-character labels are spaced out (姓　名); the long one fills its box.
        right = x1 - s * 0.5 if len(spec.label) > 2 else x0 + label_font.size * 3
        drawing.spread(draw, spec.label, x0, right, baseline, label_font, blue)

    def value_line(name: str, text: str, font, tracking: float = 0.0) -> None:
        """One value on one line at the left of its box, centred vertically."""
        bx0, by0, _bx1, by1 = layout.to_px(layout.field(name).box)
        drawing.draw_text(draw, (bx0 + s * 0.5, drawing.baseline_for(font, by0, by1)), text, font, black, tracking)

    name_size = drawing.fit_size(lambda px: fonts.load(value_face, px), fields["name"], pt_px(layout, 11), 36 * s)
    value_line("name", fields["name"], fonts.load(value_face, name_size))
    value_line("sex", fields["sex"], value_font)
    value_line("ethnicity", fields["ethnicity"], value_font)

    # Birth date: black digits before 年 月 日 printed in the label blue at fixed places.
    year, month, day = (int(p) for p in fields["birth_date"].split("-"))
    _bx0, by0, _bx1, by1 = layout.to_px(layout.field("birth_date").box)
    baseline = drawing.baseline_for(value_font, by0, by1)
    unit_font = fonts.load(label_face, pt_px(layout, 8))
    digit_font = fonts.load(value_face, value_px)
    slots = ((str(year), 14.5, 22.8), (str(month), 24.5, 31.0), (str(day), 32.7, 39.2))
    for (digits, start_mm, unit_mm), unit in zip(slots, "年月日", strict=True):
        width = drawing.text_width(digit_font, digits)
        x = start_mm * s if len(digits) == 4 else unit_mm * s - s * 0.8 - width
        drawing.draw_text(draw, (x, baseline), digits, digit_font, black)
        draw.text((unit_mm * s, baseline), unit, font=unit_font, fill=blue, anchor="ls")

    # Address: at most 11 full-width characters a line (digits count half), up to 3 lines.
    ax0, ay0, _ax1, ay1 = layout.to_px(layout.field("address").box)
    lines = drawing.wrap_by_width(fields["address"], value_font, value_font.getlength("国") * 11 + 1)
    pitch = min(12 * PT_MM * s * 1.05, (ay1 - ay0) / max(3, len(lines)))
    for i, line in enumerate(lines[:3]):
        top = ay0 + i * pitch
        drawing.draw_text(
            draw, (ax0 + s * 0.5, drawing.baseline_for(value_font, top, top + pitch)), line, value_font, black
        )

    # The ID number: OCR-B-like bold monospace, slightly tracked, larger than the other values.
    ix0, iy0, ix1, iy1 = layout.to_px(layout.field("id_number").box)
    num_px = pt_px(layout, 11.5)
    num_font = fonts.load(mono, num_px)
    tracking = num_px * 0.08
    while drawing.text_width(num_font, fields["id_number"], tracking) > (ix1 - ix0) - s and num_px > 10:
        num_px -= 1
        num_font, tracking = fonts.load(mono, num_px), num_px * 0.08
    num_base = (iy0 + iy1) / 2 + num_px * 0.36
    drawing.draw_text(draw, (ix0 + s * 0.8, num_base), fields["id_number"], num_font, black, tracking)

    # Portrait: printed into the card, edges blending into the background.
    px0, py0, px1, py1 = layout.to_px(ID_PHOTO_BOX)
    face, source = drawing.portrait((px1 - px0, py1 - py0), rng)
    feather = Image.new("L", face.size, 0)
    ImageDraw.Draw(feather).rectangle((3, 3, face.size[0] - 4, face.size[1] - 4), fill=235)
    feather = Image.fromarray(np.asarray(feather.resize(face.size)))
    img.paste(face, (px0, py0), feather)

    mask = drawing.rounded_mask(layout.size, round(ID_CORNER_RADIUS_MM * s))
    used = {"label": label_face.label, "value": value_face.label, "number": mono.label}
    return FlatDocument(_to_bgr(img), mask, used, source)


def format_validity(valid_from: str, valid_until: str) -> str:
    """The back's 有效期限 as printed: 2015.03.12-2035.03.12 or 2015.03.12-长期."""
    until = valid_until if valid_until == "长期" else valid_until.replace("-", ".")
    return f"{valid_from.replace('-', '.')}-{until}"


def render_id_back(fields: dict[str, str], rng: random.Random) -> FlatDocument:
    """The emblem side: red emblem motif, titles, 签发机关 and 有效期限."""
    layout = ID_CARD_BACK
    s = layout.px_per_mm
    img = Image.fromarray(np.clip(_card_background(layout, rng, warm=True), 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    _great_wall(draw, layout, rng)
    drawing.emblem(draw, layout.to_px(ID_EMBLEM_BOX), drawing.jitter_color(rng, (205, 35, 40), 10))

    serif_face = fonts.pick("serif", rng, bold=True)
    label_face, value_face = _label_face(rng)
    black = drawing.jitter_color(rng, (22, 22, 26), 6)
    titles = (("中华人民共和国", 14, 44.0), ("居民身份证", 22, 50.0))
    for (text, points, span_mm), (_, box) in zip(titles, layout.landmarks, strict=True):
        x0, y0, x1, y1 = layout.to_px(box)
        font = fonts.load(serif_face, pt_px(layout, points))
        left = (x0 + x1) / 2 - span_mm * s / 2
        drawing.spread(draw, text, left, left + span_mm * s, drawing.baseline_for(font, y0, y1), font, black)

    label_font = fonts.load(label_face, pt_px(layout, 7.5))
    for spec in layout.fields:
        x0, y0, x1, y1 = layout.to_px(spec.label_box)  # type: ignore[arg-type]
        drawing.spread(draw, spec.label, x0, x1 - s, drawing.baseline_for(label_font, y0, y1), label_font, black)
    values = {
        "issuing_authority": fields["issuing_authority"],
        "validity": format_validity(fields["valid_from"], fields["valid_until"]),
    }
    for name, text in values.items():
        x0, y0, x1, y1 = layout.to_px(layout.field(name).box)
        size = drawing.fit_size(lambda px: fonts.load(value_face, px), text, pt_px(layout, 10.5), x1 - x0 - s)
        font = fonts.load(value_face, size)
        drawing.draw_text(draw, (x0 + s * 0.5, drawing.baseline_for(font, y0, y1)), text, font, black)

    mask = drawing.rounded_mask(layout.size, round(ID_CORNER_RADIUS_MM * s))
    used = {"title": serif_face.label, "label": label_face.label, "value": value_face.label}
    return FlatDocument(_to_bgr(img), mask, used)


# ---- business licence --------------------------------------------------------------------------------------


def _licence_border(canvas: np.ndarray, layout: Layout, rng: random.Random) -> np.ndarray:
    """The decorative frame: a band of fine line work between two rules, as on the 2019 licence."""
    h, w = canvas.shape[:2]
    s = layout.px_per_mm
    band = drawing.guilloche(
        np.full_like(canvas, 255.0), rng, [(196, 150, 100), (210, 120, 90), (190, 160, 110)], strength=0.9
    )
    outer, inner = round(7 * s), round(14 * s)
    in_band = np.zeros((h, w), bool)
    in_band[outer : h - outer, outer : w - outer] = True
    in_band[inner : h - inner, inner : w - inner] = False
    tint = np.asarray(drawing.jitter_color(rng, (236, 214, 180), 8), np.float32)
    canvas = canvas.copy()
    canvas[in_band] = band[in_band] * 0.55 + tint * 0.45
    img = Image.fromarray(np.clip(canvas, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    rule = drawing.jitter_color(rng, (150, 100, 60), 10)
    for inset, width in ((outer, 3), (inner, 2), (inner + round(1.2 * s), 1)):
        draw.rectangle((inset, inset, w - 1 - inset, h - 1 - inset), outline=rule, width=width)
    return np.asarray(img, np.float32)


def _qr(data: str, side: int) -> Image.Image:
    """A QR code of `data` scaled to `side` pixels (nearest neighbour keeps modules sharp)."""
    matrix = np.asarray(list(segno.make(data, error="m", micro=False).matrix_iter(scale=1, border=1)), np.uint8)
    img = Image.fromarray(np.where(matrix > 0, 20, 255).astype(np.uint8))
    return img.resize((side, side), Image.Resampling.NEAREST).convert("RGB")


def render_business_license(
    fields: dict[str, str],
    rng: random.Random,
    *,
    registration_authority: str = "广州市黄埔区市场监督管理局",
    registration_date: date | None = None,
) -> FlatDocument:
    """The 副本: frame, emblem motif, 营业执照 title, credit code, QR code, label/value rows, seal and date."""
    layout = BUSINESS_LICENSE
    s = layout.px_per_mm
    paper = drawing.gradient(layout.size, drawing.jitter_color(rng, (252, 250, 244), 3), (249, 246, 238))
    paper = drawing.guilloche(paper, rng, [(232, 214, 190), (236, 208, 200)], strength=0.12)
    img = Image.fromarray(np.clip(_licence_border(paper, layout, rng), 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    title_face = fonts.pick("serif", rng, bold=True)
    label_face, _ = _label_face(rng)
    value_face = fonts.pick(rng.choice(("serif", "sans")), rng)
    black = drawing.jitter_color(rng, (20, 20, 24), 6)
    red = drawing.jitter_color(rng, (206, 30, 36), 10)

    # Emblem motif above the title, title and (副 本).
    tx0, ty0, tx1, ty1 = layout.to_px(LICENSE_TITLE_BOX)
    cx = (tx0 + tx1) / 2
    drawing.emblem(draw, (round(cx - 9 * s), round(9 * s), round(cx + 9 * s), round(27 * s)), red, (236, 190, 60))
    title_font = fonts.load(title_face, round(13.5 * s))
    drawing.spread(draw, "营业执照", tx0 + 6 * s, tx1 - 6 * s, ty0 + 15 * s, title_font, black)
    sub_font = fonts.load(title_face, round(4.5 * s))
    drawing.spread(draw, "（副本）", cx - 13 * s, cx + 13 * s, ty1 - 2 * s, sub_font, black)

    label_font = fonts.load(label_face, pt_px(layout, 12))
    value_font = fonts.load(value_face, pt_px(layout, 12))
    # Credit code: label, then the code below it (as on the 2019 licence).
    spec = layout.field("credit_code")
    x0, y0, _, y1 = layout.to_px(spec.label_box)  # type: ignore[arg-type]
    drawing.spread(draw, spec.label, x0, x0 + 34.2 * s, drawing.baseline_for(label_font, y0, y1), label_font, black)
    x0, y0, _, y1 = layout.to_px(spec.box)
    code_font = fonts.load(value_face, pt_px(layout, 13))
    drawing.draw_text(
        draw, (x0, drawing.baseline_for(code_font, y0, y1)), fields["credit_code"], code_font, black, s * 0.15
    )

    qx0, qy0, qx1, qy1 = layout.to_px(LICENSE_QR_BOX)
    img.paste(_qr(f"{LICENSE_URL}/index?uniscid={fields['credit_code']}", qx1 - qx0), (qx0, qy0))
    small = fonts.load(label_face, round(2.3 * s))
    caption = "扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。"
    for i, line in enumerate(drawing.wrap_by_width(caption, small, qx1 - qx0 + 4 * s)[:3]):
        draw.text((qx0 - 2 * s, qy1 + (2.5 + 3 * i) * s + small.size), line, font=small, fill=black, anchor="ls")

    # Labels justified to a four-character width (名　　称 lines up with 法定代表人's first four).
    four = label_font.getlength("国") * 4 + s * 2
    for spec in layout.fields:
        if spec.name == "credit_code":
            continue
        x0, y0, _x1, y1 = layout.to_px(spec.label_box)  # type: ignore[arg-type]
        right = x0 + (four * 1.28 if len(spec.label) == 5 else four)
        label_bottom = y0 + (y1 - y0) if spec.lines == 1 else y0 + 9 * s
        drawing.spread(
            draw, spec.label, x0, right, drawing.baseline_for(label_font, y0, label_bottom), label_font, black
        )
        bx0, by0, bx1, by1 = layout.to_px(spec.box)
        text = fields.get(spec.name, "")
        if spec.charset == "date":  # stored as YYYY-MM-DD, printed as 2019年03月15日
            text = f"{date.fromisoformat(text):%Y年%m月%d日}"
        if spec.lines == 1:
            size = drawing.fit_size(lambda px: fonts.load(value_face, px), text, value_font.size, bx1 - bx0 - s)
            font = fonts.load(value_face, size)
            drawing.draw_text(draw, (bx0 + s, drawing.baseline_for(font, by0, by1)), text, font, black)
            continue
        # Multi-line values shrink until they fit their box (long business scopes do on real licences).
        size = value_font.size
        while True:
            font = fonts.load(value_face, size)
            lines = drawing.wrap_by_width(text, font, bx1 - bx0 - 2 * s)
            pitch = max(font.size * 1.45, 9 * s) if spec.lines <= 2 else font.size * 1.45
            if len(lines) * pitch <= by1 - by0 or size <= 12:
                break
            size -= 1
        for i, line in enumerate(lines):
            top = by0 + i * pitch
            bottom = top + (9 * s if spec.lines <= 2 else pitch)
            drawing.draw_text(draw, (bx0 + s, drawing.baseline_for(font, top, bottom)), line, font, black)

    # Registration authority, date and seal (bottom right); seal overlaps the authority line as stamped.
    regdate = registration_date or date.fromisoformat(fields["established_date"])
    auth_font = fonts.load(label_face, pt_px(layout, 12))
    draw.text((205 * s, 158 * s), "登记机关", font=auth_font, fill=black, anchor="ls")
    date_text = f"{regdate.year} 年 {regdate.month:02d} 月 {regdate.day:02d} 日"
    draw.text((205 * s, 182 * s), date_text, font=value_font, fill=black, anchor="ls")
    seal_font = fonts.pick(rng.choice(("serif", "kai")), rng)
    stamp = drawing.seal(round(40 * s), registration_authority, rng, lambda px: fonts.load(seal_font, px), red)
    stamp = stamp.rotate(rng.uniform(-12, 12), resample=Image.Resampling.BICUBIC)
    # Stamped over the authority line and the date, as registration offices do.
    img.paste(stamp, (round((212 + rng.uniform(-4, 4)) * s), round((146 + rng.uniform(-2, 2)) * s)), stamp)

    foot = fonts.load(label_face, round(3.0 * s))
    draw.text((20 * s, 190 * s), f"国家企业信用信息公示系统网址：{LICENSE_URL}", font=foot, fill=black, anchor="ls")
    notice = "市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。"
    draw.text((20 * s, 185 * s), notice, font=foot, fill=black, anchor="ls")
    draw.text((283 * s, 208.3 * s), "国家市场监督管理总局监制", font=foot, fill=black, anchor="rs")

    used = {"title": title_face.label, "label": label_face.label, "value": value_face.label, "seal": seal_font.label}
    return FlatDocument(_to_bgr(img), np.full(img.size[::-1], 255, np.uint8), used)


def render(kind: str, fields: dict[str, str], rng: random.Random, **extra: object) -> FlatDocument:
    """Render one document kind from its ground-truth fields (licence extras: registration authority and date)."""
    if kind == "id_card_front":
        return render_id_front(fields, rng)
    if kind == "id_card_back":
        return render_id_back(fields, rng)
    if kind == "business_license":
        return render_business_license(fields, rng, **extra)  # type: ignore[arg-type]
    raise ValueError(f"unknown document kind: {kind}")
