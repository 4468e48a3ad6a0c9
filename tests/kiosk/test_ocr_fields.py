"""Reading single fields: finding the lines in a box, contrast for glare, and the rules per field class."""

from __future__ import annotations

import subprocess

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from kiosk.ocr import glyphs
from kiosk.ocr.engines import CharChoice, Reading, get_engine
from kiosk.ocr.fields import denoise, enhance, interpret, noise_level, text_rows
from kiosk.ocr.layouts import BUSINESS_LICENSE, ID_CARD_FRONT


def serif_line(text: str, size: int = 40) -> np.ndarray:
    """A line in Noto Serif CJK: a different face from the Sans the glyph comparison draws with."""
    path = subprocess.run(["fc-match", "-f", "%{file}", "Noto Serif CJK SC"], capture_output=True, text=True).stdout
    font = ImageFont.truetype(path, size)
    image = Image.new("L", (size * (len(text) + 2), size * 2), 255)
    ImageDraw.Draw(image).text((size, size // 2), text, font=font, fill=0)
    return cv2.cvtColor(np.array(image), cv2.COLOR_GRAY2BGR)


def test_an_address_block_yields_every_line_even_a_single_last_character():
    block = np.full((180, 440, 3), 255, np.uint8)
    for n, text in enumerate(["广东省广州市黄埔区长洲", "街道金洲北路193号402", "房"]):
        line = serif_line(text)
        block[n * 58 + 5 : n * 58 + 5 + 45, : min(440, line.shape[1])] = line[15:60, :440]
    assert len(text_rows(block, 3)) == 3


def test_glare_is_stretched_and_good_contrast_left_alone():
    line = serif_line("钟坚")
    washed = (255 - (255 - line) // 8).astype(np.uint8)  # ink only a few grey levels below paper
    stretched = enhance(washed)
    assert int(stretched.max()) - int(stretched.min()) > 200
    assert enhance(line) is line


def dim_noisy(line: np.ndarray, seed: int = 7) -> np.ndarray:
    """A line as a dim, high-ISO camera sees it: paper at grey 85, ink at 55, sensor noise of 8 levels."""
    rng = np.random.default_rng(seed)
    wide = cv2.copyMakeBorder(line, 0, 0, 0, 400, cv2.BORDER_CONSTANT, value=(255, 255, 255))  # empty box beyond
    dim = 55 + wide.astype(np.float32) * (30 / 255)
    return np.clip(dim + rng.normal(0, 8, dim.shape[:2])[..., None], 0, 255).astype(np.uint8)


def test_a_dim_noisy_line_is_flattened_cut_to_its_text_and_read():
    line = serif_line("广州海川生物医药有限公司")
    noisy = dim_noisy(line)
    assert noise_level(cv2.cvtColor(noisy, cv2.COLOR_BGR2GRAY)) > 4
    # Unsmoothed, noise specks pass for ink all the way across the empty part of the box.
    assert text_rows(noisy, 1)[0].shape[1] > line.shape[1]
    clean = denoise(noisy)
    assert clean.ndim == 2 and np.percentile(clean, 50) > 200 and np.percentile(clean, 1) < 60
    rows = text_rows(clean, 1)
    assert len(rows) == 1 and rows[0].shape[1] < line.shape[1]
    assert get_engine("rapidocr").read_line(enhance(rows[0])).text == "广州海川生物医药有限公司"


def test_a_clean_line_is_not_touched_by_the_denoiser():
    line = serif_line("钟坚")
    assert denoise(line) is line


def test_drawing_tells_look_alike_ethnic_groups_apart():
    assert glyphs.closest(serif_line("仡佬"), ["仫佬", "仡佬"]) == "仡佬"
    assert glyphs.closest(serif_line("仫佬"), ["仫佬", "仡佬"]) == "仫佬"
    # Blurred, the words as wholes are within a few hundredths; compared where they differ, they are not.
    blurred = cv2.GaussianBlur(serif_line("仡佬"), (0, 0), 4.5)
    assert glyphs.closest(blurred, ["仫佬", "仡佬"]) == "仡佬"
    assert abs(glyphs.likeness(blurred, "仡佬") - glyphs.likeness(blurred, "仫佬")) < 0.04


def test_an_ethnicity_read_with_a_dropped_character_is_flagged_not_guessed():
    result = interpret(ID_CARD_FRONT.field("ethnicity"), [Reading("佬", 0.99)], {})
    assert result.flagged and result.value in ("仫佬", "仡佬")


def test_company_types_snap_to_the_registered_list_and_commas_are_fixed():
    spec = BUSINESS_LICENSE.field("company_type")
    assert (
        interpret(spec, [Reading("有限责任公司(外商投资丶非独资)", 0.97)], {}).value
        == "有限责任公司（外商投资、非独资）"
    )
    odd = interpret(spec, [Reading("某种奇怪的类型", 0.97)], {})
    assert odd.flagged
    # The best reading is no type, another reading is one: shown, but marked for the resident to check.
    runner_up = interpret(spec, [Reading("其人多角银费任2.册", 0.9), Reading("其他有限责任公司", 0.6)], {})
    assert (
        runner_up.value == "其他有限责任公司" and runner_up.flagged and "其人多角银费任2.册" in runner_up.alternatives
    )


def test_id_number_uses_the_recognisers_second_choice_when_the_first_breaks_the_check():
    from devices.idcard.sim import sample_card

    number = sample_card("王五", "男", "1970-05-06", 9).id_number
    wrong = number[:15] + ("8" if number[15] != "8" else "3") + number[16:]
    chars = tuple(CharChoice(ch, 0.97, ()) for ch in wrong)
    chars = (*chars[:15], CharChoice(wrong[15], 0.6, ((number[15], 0.35),)), *chars[16:])
    result = interpret(ID_CARD_FRONT.field("id_number"), [Reading(wrong, 0.95, chars)], {"sex": "男"})
    assert result.value == number and not result.problems


def test_addresses_are_checked_against_the_gazetteer_and_a_misread_district_is_mended():
    spec = ID_CARD_FRONT.field("address")
    good = interpret(spec, [Reading("广东省广州市黄埔区大沙街道大沙地东路88号501房", 0.97)], {})
    assert good.value == "广东省广州市黄埔区大沙街道大沙地东路88号501房" and not good.flagged
    mended = interpret(spec, [Reading("广东省广州市黄浦区大沙街道大沙地东路88号501房", 0.97)], {})
    assert mended.value.startswith("广东省广州市黄埔区") and mended.alternatives[0].startswith("广东省广州市黄浦区")
    licence = interpret(BUSINESS_LICENSE.field("address"), [Reading("广州市黄埔区科学大道176号1401房", 0.97)], {})
    assert not licence.flagged
    foreign = interpret(spec, [Reading("北京市海淀区中关村大街1号", 0.97)], {})
    assert foreign.flagged and "gazetteer" in foreign.problems[0]


def test_a_district_one_character_from_two_names_is_settled_by_its_streets():
    spec = BUSINESS_LICENSE.field("address")
    result = interpret(spec, [Reading("广州市黄城区大沙街道怡园路105号2408房", 0.97)], {})
    assert result.value == "广州市黄埔区大沙街道怡园路105号2408房"  # 大沙街道 is in 黄埔区, not 增城区


def test_an_address_missing_its_first_character_gets_it_back():
    spec = ID_CARD_FRONT.field("address")
    result = interpret(spec, [Reading("东省广州市黄埔区丰乐北路312号9栋", 0.95)], {})
    assert result.value == "广东省广州市黄埔区丰乐北路312号9栋" and not result.problems


def test_birth_date_and_sex_follow_an_id_number_that_passes_its_check():
    from kiosk.ocr.fields import FieldResult
    from kiosk.ocr.reader import _agree_with_id_number

    number = "440112197806238435"  # check digit right; born 1978-06-23; odd 17th digit: 男
    results = {
        "birth_date": FieldResult("1978-06-28", 0.9),
        "sex": FieldResult("男", 0.99),
        "id_number": FieldResult(number, 0.97, ["embedded birth date differs from the printed one"]),
    }
    _agree_with_id_number(results)
    assert results["birth_date"].value == "1978-06-23" and results["birth_date"].flagged
    assert "1978-06-28" in results["birth_date"].alternatives
    assert results["sex"].value == "男" and not results["sex"].flagged
    assert results["id_number"].problems == []
    # A number that fails its own check proves nothing: the printed fields stay as read.
    broken = {"birth_date": FieldResult("1978-06-28", 0.9), "id_number": FieldResult(number[:-1] + "0", 0.97)}
    _agree_with_id_number(broken)
    assert broken["birth_date"].value == "1978-06-28"


def test_an_establishment_date_not_read_comes_from_the_business_term_and_a_differing_one_is_marked():
    from kiosk.ocr.fields import FieldResult
    from kiosk.ocr.reader import _agree_with_business_term

    term = FieldResult("2016年08月22日至2036年08月21日", 0.93)
    missing = {"established_date": FieldResult("", 0.0, ["nothing read"]), "business_term": term}
    _agree_with_business_term(missing)
    assert missing["established_date"].value == "2016-08-22" and missing["established_date"].flagged
    differing = {"established_date": FieldResult("2018-08-22", 0.95), "business_term": term}
    _agree_with_business_term(differing)
    assert differing["established_date"].value == "2018-08-22" and differing["established_date"].flagged
    assert "2016-08-22" in differing["established_date"].alternatives


def test_a_registered_capital_keeps_to_the_capital_numerals_grammar():
    from kiosk.ocr import rules

    for printed in ("人民币伍佰万元整", "叁拾万元（人民币）", "壹仟零伍万元", "人民币壹亿零伍佰万元", "500万元人民币"):
        assert rules.capital_problems(printed) == [], printed
    for misread in ("人民币壹仟伍值万元整", "伍佰伍佰万元", "人民币贰拾万元条", "和民握系芭三三本"):
        assert rules.capital_problems(misread), misread
    assert rules.capital_amount("壹亿零伍佰万") == 105_000_000 and rules.capital_amount("佰伍") is None
    spec = BUSINESS_LICENSE.field("registered_capital")
    # 佰 read as 值, the recogniser's runner-up for it being 佰: the grammar chooses the runner-up.
    chars = tuple(CharChoice(c, 0.95, (("佰", 0.3),) if c == "值" else ()) for c in "人民币壹仟伍值万元整")
    result = interpret(spec, [Reading("人民币壹仟伍值万元整", 0.95, chars)], {})
    assert result.value == "人民币壹仟伍佰万元整" and not result.problems
    # No reading keeps to it: shown as read, flagged for the resident.
    broken = interpret(spec, [Reading("人民币壹仟伍值万元整", 0.95)], {})
    assert broken.value == "人民币壹仟伍值万元整" and broken.flagged


def test_a_credit_code_a_character_short_is_repaired_from_a_full_length_runner_up():
    spec = BUSINESS_LICENSE.field("credit_code")
    # Best: a character lost (17); the runner-up has all 18 with one misread (4 read as 0): the two check
    # characters and the Guangdong area code leave one repair of it, shown but marked.
    readings = [Reading("9140016MA9RKUC72D", 0.9), Reading("91400116MA9RKUC72D", 0.6)]
    result = interpret(spec, readings, {})
    assert result.value == "91440116MA9RKUC72D" and result.flagged
    # With only the short reading there is nothing to repair: it stays as read, flagged.
    short = interpret(spec, readings[:1], {})
    assert short.value == "9140016MA9RKUC72D" and short.flagged


def test_address_lines_set_close_stay_apart():
    # Three lines on a 33 px pitch: the gaps between their ink are less than a third of a line, as on a card
    # whose address is set tight, but two lines together would be taller than a line's share of the box.
    block = np.full((100, 440, 3), 255, np.uint8)
    for n, text in enumerate(["广东省广州市黄埔区萝岗", "街道香雪大道中自编37", "号3302房"]):
        line = serif_line(text)
        block[n * 33 + 1 : n * 33 + 34, : min(440, line.shape[1])] = line[30:63, :440]
    rows = text_rows(block, 3)
    assert len(rows) == 3 and all(r.shape[0] < 45 for r in rows)


def test_a_name_without_a_known_surname_gives_way_to_a_reading_with_one_and_is_marked():
    spec = ID_CARD_FRONT.field("name")
    chosen = interpret(spec, [Reading("使太儿", 0.84), Reading("邵宏诺", 0.3)], {})
    assert chosen.value == "邵宏诺" and chosen.flagged and "使太儿" in chosen.alternatives
    assert not interpret(spec, [Reading("邵宏诺", 0.93)], {}).flagged
    kept = interpret(spec, [Reading("使太儿", 0.93)], {})  # nothing better offered: left as read, marked
    assert kept.value == "使太儿" and kept.flagged
    assert not interpret(spec, [Reading("欧阳娜娜", 0.9)], {}).flagged  # a compound surname
    legal = interpret(BUSINESS_LICENSE.field("legal_representative"), [Reading("囊伟欣", 0.9)], {})
    assert legal.flagged  # the licence's legal representative is a person's name too


def test_a_company_names_bracketed_place_is_mended_to_the_place_it_looks_like():
    spec = BUSINESS_LICENSE.field("name")
    # 厂州 is a character from 广州, 惠州, 潮州, 梅州 ...: 厂 drawn looks like 广, not like the others.
    mended = interpret(spec, [Reading("万象（厂州）物流有限公司", 0.9)], {})
    assert mended.value == "万象（广州）物流有限公司" and "万象（厂州）物流有限公司" in mended.alternatives
    assert interpret(spec, [Reading("盈泰（深训）餐饮管理有限公司", 0.9)], {}).value == "盈泰（深圳）餐饮管理有限公司"
    # A trade name is free: 广发 stays, though it is a character from 广州; a real place is left alone.
    assert interpret(spec, [Reading("广发证券有限公司", 0.9)], {}).value == "广发证券有限公司"
    assert interpret(spec, [Reading("凯晟（广州）文化传播有限公司", 0.9)], {}).value == "凯晟（广州）文化传播有限公司"


def test_an_address_loses_its_labels_characters_and_gets_its_districts_street_and_road_back():
    spec = ID_CARD_FRONT.field("address")
    # 址 of the label 住址 read into the value, and 挂绿路 (a road of 增城区) read 桂绿路.
    read = interpret(spec, [Reading("址广东省广州市增城区桂绿路271号602房", 0.93)], {})
    assert read.value == "广东省广州市增城区挂绿路271号602房" and read.flagged  # a mended road is shown marked
    street = interpret(spec, [Reading("广州市黄埔区夏港街通开发大道348号1407房", 0.93)], {})
    assert street.value == "广州市黄埔区夏港街道开发大道348号1407房"
    road = interpret(spec, [Reading("广州市黄埔区光训中路177号9栋", 0.93)], {})
    assert road.value == "广州市黄埔区光谱中路177号9栋" and "广州市黄埔区光训中路177号9栋" in road.alternatives
    # 黄埔大道东 is a character from the street 黄埔街道, but a road read right is no misread street.
    avenue = interpret(spec, [Reading("广东省广州市黄埔区黄埔大道东37号3栋606房", 0.93)], {})
    assert avenue.value == "广东省广州市黄埔区黄埔大道东37号3栋606房" and not avenue.flagged
    # A road the gazetteer does not know, and nothing like one it does, is left as read and not marked.
    other = interpret(spec, [Reading("广州市黄埔区大沙街道新港东路88号501房", 0.93)], {})
    assert other.value == "广州市黄埔区大沙街道新港东路88号501房" and not other.flagged


def test_a_company_name_starting_with_a_misread_district_gets_it_back():
    spec = BUSINESS_LICENSE.field("name")
    # 黄城区 is a character from both 黄埔区 and 增城区: 城 drawn looks like 埔, 黄 not like 增.
    read = interpret(spec, [Reading("广州市黄城区万象智能装备工作室", 0.9)], {})
    assert read.value == "广州市黄埔区万象智能装备工作室"
    assert interpret(spec, [Reading("广州华创新材料有限公司", 0.9)], {}).value == "广州华创新材料有限公司"


def test_readings_no_registered_name_date_or_address_could_be_are_marked():
    name = BUSINESS_LICENSE.field("name")
    for garbled in ("广儿下这穆鱼新会履全会《误笋会娄）", "入老SHE7全，生计有二全放", "广州南下下区万象慷变革备王作究"):
        assert interpret(name, [Reading(garbled, 0.9)], {}).flagged, garbled
    for real in (
        "广州恒达新材料合伙企业（有限合伙）",
        "广州市黄埔区万象智能装备工作室",
        "广州粤信智能装备股份有限公司",
    ):
        assert not interpret(name, [Reading(real, 0.95)], {}).flagged, real
    established = BUSINESS_LICENSE.field("established_date")
    future = interpret(established, [Reading("3023年08月09日", 0.95)], {})
    assert future.flagged and future.problems == ["a date in the future"]
    # Among the recognisers' readings, one that is a possible date is taken over one that is not.
    assert interpret(established, [Reading("3023年08月09日", 0.95), Reading("2023年08月09日", 0.6)], {}).value == (
        "2023-08-09"
    )
    address = ID_CARD_FRONT.field("address")
    cut = interpret(address, [Reading("广东省广州市黄埔区永和街道永顺大道138号1807", 0.99)], {})
    assert cut.flagged and "bare number" in cut.problems[0]
    assert not interpret(address, [Reading("广东省广州市黄埔区永和街道永顺大道138号1807房", 0.99)], {}).flagged


def test_a_name_the_print_looks_unlike_as_read_takes_the_recognisers_runner_up_it_looks_like():
    spec = ID_CARD_FRONT.field("name")
    readings = [Reading("余建天", 0.95), Reading("佘建天", 0.5)]  # the model prefers the common character
    drawn = interpret(spec, readings, {}, serif_line("佘建天"))
    assert drawn.value == "佘建天" and drawn.flagged and "余建天" in drawn.alternatives
    kept = interpret(spec, readings, {}, serif_line("余建天"))
    assert kept.value == "余建天" and not kept.flagged
    # A line too blurred to look much like either is not drawn against.
    blurred = cv2.GaussianBlur(serif_line("佘建天"), (0, 0), 6)
    assert interpret(spec, readings, {}, blurred).value == "余建天"
    # Without the runner-up among the readings nothing is drawn: rules only choose among what was read.
    assert interpret(spec, [Reading("余建天", 0.95)], {}, serif_line("佘建天")).value == "余建天"
