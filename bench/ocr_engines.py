"""Which OCR engine reads which field: exact-match rate and ms per line on rendered, mildly degraded field lines.

Run: uv run python -m bench.ocr_engines [--per-cell 10] [--seed 7]
Lines are rendered with Pillow in the installed CJK fonts (Noto Sans/Serif CJK SC) and a Latin mono font for
numbers, at ~36 px and ~20 px text height, then blurred, noised and JPEG-compressed a little. Each engine reads
every line with the field's whitelist (none for names and addresses). The same lines go to every engine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein

from catalog.codes import CREDIT_CHARSET, credit_code_check, id_check_digit, org_code_check
from kiosk.ocr import engines
from kiosk.ocr.vocab import ETHNIC_GROUPS

FONT_FILES = {
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    "mono": ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "DejaVu Sans Mono"),
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁沈钟谭陆"
COMPOUND_SURNAMES = ("欧阳", "司徒", "上官", "诸葛", "司马")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉兰华建国志红梅文辉鹏飞婷雪琳晓宇浩然俊嘉欣怡子轩梓涵思源博"
CITIES = ("广州市", "深圳市", "佛山市", "东莞市", "珠海市", "中山市", "惠州市", "江门市", "汕头市", "肇庆市")
DISTRICTS = ("黄埔区", "天河区", "越秀区", "海珠区", "番禺区", "白云区", "南山区", "福田区", "顺德区", "南海区")
ROADS = ("香雪大道中", "科学大道", "开创大道", "体育西路", "中山三路", "环市东路", "黄埔东路", "新港东路", "丰乐北路")
VILLAGES = ("长洲街道", "萝岗街道", "联和街道", "大沙街道", "夏港街道", "鱼珠街道", "永和街道", "九龙镇")
PLACES = ("东区", "新村", "花园", "社区", "西街", "南苑")
AREAS = ("440112", "440106", "440104", "440305", "440604", "441900", "440402", "442000", "440115", "440111")


@dataclass(frozen=True)
class FieldKind:
    """A field type: how to make a value, which font prints it, and the whitelist the reader passes."""

    name: str
    make: Callable[[np.random.Generator], str]
    fonts: tuple[str, ...]
    charset: str | None


def _name(rng: np.random.Generator) -> str:
    if rng.random() < 0.15:
        return str(rng.choice(COMPOUND_SURNAMES)) + "".join(rng.choice(list(GIVEN), size=int(rng.integers(1, 3))))
    return str(rng.choice(list(SURNAMES))) + "".join(rng.choice(list(GIVEN), size=int(rng.integers(1, 3))))


def _address(rng: np.random.Generator) -> str:
    city, district = str(rng.choice(CITIES)), str(rng.choice(DISTRICTS))
    head = ("广东省" if rng.random() < 0.6 else "") + city + district
    shape = rng.integers(0, 3)
    if shape == 0:
        tail = f"{rng.choice(ROADS)}{rng.integers(1, 999)}号"
    elif shape == 1:
        tail = f"{rng.choice(VILLAGES)}{rng.choice(PLACES)}{rng.integers(1, 60)}巷{rng.integers(1, 30)}号"
    else:
        tail = f"{rng.choice(ROADS)}{rng.integers(1, 300)}号{rng.integers(1, 20)}栋{rng.integers(101, 2600)}房"
    return (head + tail)[:25]


def _id_number(rng: np.random.Generator) -> str:
    want_x = rng.random() < 0.3  # X is 1 in 11 in life; over-sampled because it is the hard character
    while True:
        birth = f"{rng.integers(1950, 2011)}{rng.integers(1, 13):02d}{rng.integers(1, 29):02d}"
        first17 = str(rng.choice(AREAS)) + birth + f"{rng.integers(0, 1000):03d}"
        check = id_check_digit(first17)
        if (check == "X") == want_x:
            return first17 + check


def _credit_code(rng: np.random.Generator) -> str:
    letters = [c for c in CREDIT_CHARSET if c.isalpha()]
    while True:
        org = "MA" + "".join(rng.choice(list(CREDIT_CHARSET), size=5)) + str(rng.choice(letters))
        org_check = org_code_check(org)
        if org_check in CREDIT_CHARSET:
            body = str(rng.choice(["91", "92", "93", "12"])) + str(rng.choice(AREAS)) + org + org_check
            return body + credit_code_check(body)


def _date_cn(rng: np.random.Generator) -> str:
    return f"{rng.integers(1950, 2011)} 年 {rng.integers(1, 13)} 月 {rng.integers(1, 29)} 日"


def _validity(rng: np.random.Generator) -> str:
    year, month, day = int(rng.integers(2005, 2025)), int(rng.integers(1, 13)), int(rng.integers(1, 29))
    span = int(rng.choice([5, 10, 20]))
    return f"{year}.{month:02d}.{day:02d}-{year + span}.{month:02d}.{day:02d}"


def _ethnicity(rng: np.random.Generator) -> str:
    return str(rng.choice(ETHNIC_GROUPS))


FIELDS = (
    FieldKind("name", _name, ("sans", "serif"), None),
    FieldKind("address", _address, ("sans", "serif"), None),
    FieldKind("id_number", _id_number, ("mono",), "0123456789X"),
    FieldKind("credit_code", _credit_code, ("mono", "sans"), CREDIT_CHARSET),
    FieldKind("date_cn", _date_cn, ("sans", "serif"), "0123456789年月日"),
    FieldKind("validity", _validity, ("mono", "sans"), "0123456789.-"),
    FieldKind("ethnicity", _ethnicity, ("sans", "serif"), "".join(sorted(set("".join(ETHNIC_GROUPS))))),
)


def load_font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    """The named face at a pixel size (the face index inside a .ttc found by its family name)."""
    path, family = FONT_FILES[kind]
    for index in range(12):
        try:
            font = ImageFont.truetype(path, size, index=index)
        except OSError:
            break
        if font.getname()[0] == family:
            return font
    return ImageFont.truetype(path, size)


def render_line(text: str, font_kind: str, text_height: int, rng: np.random.Generator, degrade: bool = True):
    """A BGR crop of one printed line whose ink is ~text_height px tall, with a generous field-box margin.

    Drawn at 4x and reduced (as a camera's optics would average it), then blurred, noised and JPEG-compressed.
    """
    probe = load_font(font_kind, 100)
    x0, y0, x1, y1 = probe.getbbox(text)
    size = max(6, round(100 * text_height * 4 / max(1, y1 - y0)))
    font = load_font(font_kind, size)
    x0, y0, x1, y1 = font.getbbox(text)
    unit = text_height * 4
    left, right = rng.uniform(0.3, 1.0) * unit, rng.uniform(0.3, 1.5) * unit
    top, bottom = rng.uniform(0.3, 0.6) * unit, rng.uniform(0.3, 0.6) * unit
    paper = int(rng.integers(225, 250)) if degrade else 255
    ink = int(rng.integers(15, 60)) if degrade else 0
    width, height = round(x1 - x0 + left + right), round(y1 - y0 + top + bottom)
    big = Image.new("L", (width, height), paper)
    ImageDraw.Draw(big).text((left - x0, top - y0), text, font=font, fill=ink)
    small = cv2.resize(np.asarray(big), (max(1, width // 4), max(1, height // 4)), interpolation=cv2.INTER_AREA)
    bgr = cv2.cvtColor(small, cv2.COLOR_GRAY2BGR)
    if not degrade:
        return bgr
    tint = rng.uniform(-6, 6, size=3)  # paper is never quite grey
    bgr = np.clip(bgr.astype(np.float32) + tint, 0, 255)
    bgr = cv2.GaussianBlur(bgr, (0, 0), rng.uniform(0.4, 0.9))
    bgr = np.clip(bgr + rng.normal(0, rng.uniform(4, 9), bgr.shape), 0, 255).astype(np.uint8)
    ok, jpeg = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(70, 90))])
    return cv2.imdecode(jpeg, cv2.IMREAD_COLOR) if ok else bgr


def normalise(text: str) -> str:
    """How readings are compared: no spaces, half-width forms."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass
class Cell:
    """Results of one engine on one field type at one text height."""

    right: int = 0
    total: int = 0
    char_errors: int = 0
    chars: int = 0
    ms: list[float] = field(default_factory=list)
    conf_right: list[float] = field(default_factory=list)
    conf_wrong: list[float] = field(default_factory=list)
    misses: list[tuple[str, str]] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    """Measure every available engine on every field type and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-cell", type=int, default=12, help="lines per field type and text height")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--heights", default="36,20", help="text heights in px")
    parser.add_argument("--misses", action="store_true", help="print the first wrong readings of each cell")
    args = parser.parse_args(argv)
    missing = [path for path, _ in FONT_FILES.values() if not Path(path).exists()]
    if missing:
        print(f"fonts missing (Debian: fonts-noto-cjk fonts-dejavu-core): {missing}", file=sys.stderr)
        return 2

    heights = [int(h) for h in args.heights.split(",")]
    rng = np.random.default_rng(args.seed)
    samples = []  # (field, height, text, image)
    for kind in FIELDS:
        for height in heights:
            for i in range(args.per_cell):
                text = kind.make(rng)
                samples.append((kind, height, text, render_line(text, kind.fonts[i % len(kind.fonts)], height, rng)))

    loaded: dict[str, engines.Engine] = {}
    print("engine        load s   first line ms   status")
    for name in engines.ENGINE_FACTORIES:
        started = time.perf_counter()
        try:
            engine = engines.get_engine(name)
        except engines.EngineUnavailable as exc:
            print(f"{name:12s}  {'-':>6s}   {'-':>13s}   unavailable: {exc}")
            continue
        load = time.perf_counter() - started
        started = time.perf_counter()
        engine.read_line(samples[0][3])  # the first call pays for lazy initialisation; report it apart
        first = (time.perf_counter() - started) * 1000
        print(f"{name:12s}  {load:6.2f}   {first:13.0f}   loaded")
        loaded[name] = engine

    variants = [(name, True) for name in loaded] + [(name, False) for name in loaded]
    cells: dict[tuple[str, bool, str, int], Cell] = {}
    for kind, height, text, image in samples:
        for name, whitelist in variants:
            if not whitelist and kind.charset is None:
                continue
            cell = cells.setdefault((name, whitelist, kind.name, height), Cell())
            charset = kind.charset if whitelist else None
            started = time.perf_counter()
            reading = loaded[name].read_line(image, charset=charset)
            cell.ms.append((time.perf_counter() - started) * 1000)
            truth, got = normalise(text), normalise(reading.text)
            cell.total += 1
            cell.chars += len(truth)
            cell.char_errors += Levenshtein.distance(truth, got)
            if got == truth:
                cell.right += 1
                cell.conf_right.append(reading.confidence)
            else:
                cell.conf_wrong.append(reading.confidence)
                cell.misses.append((truth, got))

    print()
    print(f"{args.per_cell} lines per cell; exact = whole field right; chars = 1 - character error rate")
    header = f"{'field':12s} {'px':>3s}  {'engine':26s} {'exact':>6s} {'chars':>6s} {'ms/line':>8s} "
    print(header + f"{'conf ok':>8s} {'conf bad':>8s}")
    for kind in FIELDS:
        for height in heights:
            for name, whitelist in variants:
                cell = cells.get((name, whitelist, kind.name, height))
                if cell is None:
                    continue
                label = name + (" +whitelist" if whitelist and kind.charset else "")
                ok = statistics.mean(cell.conf_right) if cell.conf_right else float("nan")
                bad = statistics.mean(cell.conf_wrong) if cell.conf_wrong else float("nan")
                print(
                    f"{kind.name:12s} {height:3d}  {label:26s} {cell.right / cell.total:6.0%} "
                    f"{1 - cell.char_errors / max(1, cell.chars):6.1%} {statistics.median(cell.ms):8.0f} "
                    f"{ok:8.2f} {bad:8.2f}"
                )
                if args.misses:
                    for truth, got in cell.misses[:3]:
                        print(f"{'':18s}  want {truth}  got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
