"""OCR engines: both read rendered field lines, honour whitelists, stay loaded, and fail clearly on bad input."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from kiosk.ocr import engines
from kiosk.ocr.engines import CharChoice, EngineRegistry, EngineUnavailable, Reading

CJK_FONT = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC")
MONO_FONT = ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "DejaVu Sans Mono")
ID_NUMBER = "44011219900203172X"
NAME = "张伟明"
ENGINE_NAMES = ("tesseract", "rapidocr")

pytestmark = pytest.mark.skipif(not Path(CJK_FONT[0]).exists(), reason="needs fonts-noto-cjk")


@cache
def font(path: str, family: str, size: int) -> ImageFont.FreeTypeFont:
    for index in range(12):  # the SC face's index inside the .ttc collection
        try:
            face = ImageFont.truetype(path, size, index=index)
        except OSError:
            break
        if face.getname()[0] == family:
            return face
    return ImageFont.truetype(path, size)


def render(lines: str | list[str], face: tuple[str, str] = CJK_FONT, size: int = 40) -> np.ndarray:
    """Clean black-on-white BGR text, one line per item, with a field-box margin."""
    lines = [lines] if isinstance(lines, str) else lines
    f = font(*face, size)
    width = max(int(f.getlength(line)) for line in lines) + 2 * size
    image = Image.new("L", (width, size * (len(lines) * 3 + 1) // 2), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((size, size // 2 + i * size * 3 // 2), line, font=f, fill=0)
    return cv2.cvtColor(np.asarray(image), cv2.COLOR_GRAY2BGR)


@pytest.fixture(scope="module", params=ENGINE_NAMES)
def engine(request: pytest.FixtureRequest) -> engines.Engine:
    try:
        return engines.get_engine(request.param)
    except EngineUnavailable as exc:
        pytest.skip(str(exc))


def assert_well_formed(reading: Reading) -> None:
    assert 0.0 <= reading.confidence <= 1.0
    if reading.chars:
        assert "".join(c.best for c in reading.chars) == reading.text
    for c in reading.chars:
        assert 0.0 <= c.confidence <= 1.0
        assert all(0.0 <= p <= 1.0 and alt for alt, p in c.alternatives)
        assert [p for _, p in c.alternatives] == sorted((p for _, p in c.alternatives), reverse=True)


def test_both_engines_load_here():
    assert engines.available_engines() == {"tesseract": True, "rapidocr": True}


def test_reads_a_clean_id_number_exactly(engine):
    reading = engine.read_line(render(ID_NUMBER, MONO_FONT), charset="0123456789X")
    assert reading.text == ID_NUMBER
    assert reading.confidence > 0.8
    assert_well_formed(reading)


def test_reads_a_clean_chinese_name_exactly(engine):
    reading = engine.read_line(render(NAME))
    assert reading.text == NAME
    assert reading.confidence > 0.8
    assert_well_formed(reading)


def test_whitelist_keeps_other_characters_out(engine):
    digits = engine.read_line(render(ID_NUMBER, MONO_FONT), charset="0123456789")
    assert digits.text and set(digits.text) <= set("0123456789")
    assert all(alt in "0123456789" for c in digits.chars for alt, _ in c.alternatives)
    assert_well_formed(digits)
    name_as_digits = engine.read_line(render(NAME), charset="0123456789")
    assert set(name_as_digits.text) <= set("0123456789")


def test_stacked_lines_are_read_top_to_bottom(engine):
    reading = engine.read_line(render(["广州市黄埔区", "香雪大道中85号"]))
    assert reading.text == "广州市黄埔区香雪大道中85号"


def test_a_page_is_read_as_lines_with_boxes(engine):
    page = render(["姓名 张伟明", "民族 汉", "住址 广州市黄埔区"])
    lines = engine.read_block(page)
    assert [ln.text.replace(" ", "") for ln in lines] == ["姓名张伟明", "民族汉", "住址广州市黄埔区"]
    height, width = page.shape[:2]
    for ln in lines:
        x0, y0, x1, y1 = ln.box
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        assert 0.0 <= ln.confidence <= 1.0
    assert [ln.box[1] for ln in lines] == sorted(ln.box[1] for ln in lines)


@pytest.mark.parametrize(
    "blank",
    [
        np.full((60, 300, 3), 255, np.uint8),
        np.full((60, 300), 128, np.uint8),
        np.clip(np.random.default_rng(1).normal(235, 8, (60, 300)), 0, 255).astype(np.uint8),
        np.zeros((2, 2), np.uint8),
    ],
    ids=["white", "grey", "paper-noise", "tiny"],
)
def test_nothing_printed_reads_as_empty_with_zero_confidence(engine, blank):
    assert engine.read_line(blank) == Reading("", 0.0)
    assert engine.read_block(blank) == []


@pytest.mark.parametrize(
    "bad, message",
    [
        (np.zeros((40, 200), np.float32), "uint8"),
        (np.zeros((0, 0), np.uint8), "empty"),
        (np.zeros((40, 0, 3), np.uint8), "empty"),
        (np.zeros((40, 200, 2), np.uint8), "shape"),
        (np.zeros((2, 40, 200, 3), np.uint8), "shape"),
        ([[0, 255], [255, 0]], "numpy"),
    ],
)
def test_malformed_images_raise_a_clear_value_error(engine, bad, message):
    with pytest.raises(ValueError, match=message):
        engine.read_line(bad)
    with pytest.raises(ValueError, match=message):
        engine.read_block(bad)


def test_an_empty_whitelist_is_refused(engine):
    with pytest.raises(ValueError, match="charset"):
        engine.read_line(render(NAME), charset="")


def test_engines_are_process_wide_singletons():
    for name in ENGINE_NAMES:
        assert engines.get_engine(name) is engines.get_engine(name)
        assert engines.engine_registry().get(name) is engines.get_engine(name)
    assert engines.engine_registry() is engines.engine_registry()


def test_the_registry_loads_each_engine_once_even_under_concurrent_first_use():
    loads = []

    class Slow:
        name = "slow"

        def __init__(self) -> None:
            loads.append(1)

    registry = EngineRegistry({"slow": Slow})
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(registry.get("slow"))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1 and len({id(g) for g in got}) == 1


def test_an_engine_that_cannot_load_reports_why_and_is_not_retried():
    attempts = []

    def broken() -> engines.Engine:
        attempts.append(1)
        raise EngineUnavailable("no model here")

    registry = EngineRegistry({"broken": broken})
    status = registry.status("broken")
    assert not status.available and status.reason == "no model here"
    with pytest.raises(EngineUnavailable, match="no model here"):
        registry.get("broken")
    assert len(attempts) == 1
    with pytest.raises(KeyError, match="unknown OCR engine"):
        registry.get("nonesuch")


def test_concurrent_reads_on_one_engine_agree():
    engine = engines.get_engine("rapidocr")
    image = render(ID_NUMBER, MONO_FONT)
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(engine.read_line(image, charset="0123456789X").text))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [ID_NUMBER] * 4


HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><body>
<span class='ocr_line' id='line_1_1' title="bbox 0 0 90 40">
 <span class='ocrx_word' id='word_1_1' title='bbox 0 0 40 40; x_wconf 90'>
  <span class='ocrx_cinfo' title='x_bboxes 0 0 20 40; x_conf 98.5'>4</span>
  <span class='ocrx_cinfo' id='lstm_choices_1_1_1'>
   <span class='ocrx_cinfo' id='choice_1_1_1' title='x_confs 93.0'>4</span>
   <span class='ocrx_cinfo' id='choice_1_1_2' title='x_confs 0'>1</span></span>
  <span class='ocrx_cinfo' title='x_bboxes 20 0 40 40; x_conf 95.5'>9</span>
  <span class='ocrx_cinfo' id='lstm_choices_1_1_2'>
   <span class='ocrx_cinfo' id='choice_1_1_3' title='x_confs 86.9'>9</span>
   <span class='ocrx_cinfo' id='choice_1_1_4' title='x_confs 51.1'>6</span>
   <span class='ocrx_cinfo' id='choice_1_1_5' title='x_confs 20.0'>G</span></span>
 </span>
 <span class='ocrx_word' id='word_1_2' title='bbox 50 0 90 40; x_wconf 97'>
  <span class='ocrx_cinfo' title='x_bboxes 50 0 90 40; x_conf 99.0'>张</span>
  <span class='ocrx_cinfo' id='lstm_choices_1_2_1'>
   <span class='ocrx_cinfo' id='choice_1_2_1' title='x_confs 93.6'>人</span></span>
 </span>
</span></body></html>"""


def test_tesseract_hocr_choices_become_character_alternatives():
    chars = engines._parse_hocr(HOCR, charset=None)
    assert [c.best for c in chars] == ["4", "9", " ", "张"]
    assert chars[0] == CharChoice("4", 0.93, ())  # the lower of the symbol's and the choice's score
    assert chars[1] == CharChoice("9", 0.869, (("6", 0.511), ("G", 0.2)))
    # chi_sim's choices for a CJK symbol belong to one code step of several: not alternatives of the character
    assert chars[3] == CharChoice("张", 0.99, ())
    digits_only = engines._parse_hocr(HOCR, charset="0123456789")
    assert digits_only[1].alternatives == (("6", 0.511),)
