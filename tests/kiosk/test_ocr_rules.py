"""The documents' own rules: dates, validity periods, ID numbers, credit codes, and choosing among readings."""

from __future__ import annotations

import pytest

from catalog.codes import make_credit_code
from devices.idcard.sim import sample_card
from kiosk.ocr import rules
from kiosk.ocr.vocab import ETHNIC_GROUPS

NUMBER = sample_card("李四", "女", "1990-02-03", 7).id_number
CODE = make_credit_code("91", "440112", "MA5D1234")


def test_there_are_56_ethnic_groups_and_misreadings_snap_to_them():
    assert len(ETHNIC_GROUPS) == len(set(ETHNIC_GROUPS)) == 56
    assert rules.snap("汉族", ETHNIC_GROUPS) == ("汉", 1.0)
    assert rules.snap("维吾儿", ETHNIC_GROUPS)[0] == "维吾尔"


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("1990年2月3日", "1990-02-03"),
        ("1990 年 02 月 03 日", "1990-02-03"),
        ("1990.02.03", "1990-02-03"),
        ("19900203", "1990-02-03"),
        ("l990年2月3日", "1990-02-03"),  # a lower-case L read for the 1
        ("1990年2月30日", None),  # no such day
        ("", None),
    ],
)
def test_dates_are_normalised_and_must_exist(printed, expected):
    assert rules.normalise_date(printed) == expected


def test_validity_periods_split_and_follow_the_law():
    assert rules.split_validity("2019.03.15-2039.03.15") == ("2019-03-15", "2039-03-15")
    assert rules.split_validity("2019.03.15—长期") == ("2019-03-15", "长期")
    assert rules.split_validity("2019.03.15 2039.03.15") == ("2019-03-15", "2039-03-15")
    assert rules.validity_problems("2019-03-15", "2039-03-15") == []
    assert rules.validity_problems("2019-03-15", "2038-03-15")  # 19 years: no such period
    assert rules.validity_problems("2019-03-15", "2039-03-15", birth_date="1985-01-01") == []  # 34: 20 years
    assert rules.validity_problems("2019-03-15", "2029-03-15", birth_date="1985-01-01")  # 34 gets 20, not 10
    assert rules.validity_problems("2019-03-15", "长期", birth_date="1960-01-01") == []
    assert rules.validity_problems("2019-03-15", "长期", birth_date="1990-01-01")


def test_id_numbers_are_checked_against_themselves_and_the_card():
    assert rules.id_number_problems(NUMBER) == []
    assert rules.id_number_problems("11010519491231002X") == []  # the standard's own example
    assert rules.id_number_problems(NUMBER, birth_date="1990-02-03", sex="女") == []
    assert "sex digit differs from the printed sex" in rules.id_number_problems(NUMBER, sex="男")
    assert "embedded birth date differs from the printed one" in rules.id_number_problems(NUMBER, "1990-02-04")
    broken = NUMBER[:10] + str((int(NUMBER[10]) + 1) % 10) + NUMBER[11:]
    assert "check digit does not match" in rules.id_number_problems(broken)
    assert rules.id_number_problems("12345") == ["not 17 digits and a check character"]


def test_credit_codes_and_their_embedded_organisation_codes():
    assert rules.credit_code_problems(CODE) == []
    assert rules.credit_code_problems("11511301008778183N") == []  # a real government department's code
    assert "check character does not match" in rules.credit_code_problems(CODE[:17] + ("0" if CODE[17] != "0" else "1"))
    assert rules.credit_code_problems("91440112MA5D1234I0")  # I is not in the GB 32100 set


def test_confusable_characters_are_coerced_into_closed_sets():
    assert rules.coerce("44O112 l99OO2O3 OO2x", "id_number") == "440112199002030" + "02X"
    assert rules.coerce("9l44O112MA5DI234XS", "credit_code") == "91440112MA5D1234X5"


def test_the_rules_choose_the_recognisers_alternative_that_is_right():
    position = 15  # in the sequence code, where any digit is a possible one
    wrong = NUMBER[:position] + ("8" if NUMBER[position] != "8" else "3") + NUMBER[position + 1 :]
    chars = [(ch, 0.95, ()) for ch in wrong]
    chars[position] = (wrong[position], 0.55, ((NUMBER[position], 0.40),))  # the engine's second choice
    value, confidence, problems = rules.choose(rules.expand(chars), rules.id_number_problems)
    assert value == NUMBER and problems == [] and 0 < confidence < 0.95


def test_without_a_right_alternative_nothing_is_guessed_and_the_problems_are_said():
    wrong = NUMBER[:15] + ("8" if NUMBER[15] != "8" else "3") + NUMBER[16:]
    value, confidence, problems = rules.choose([(wrong, 0.9)], rules.id_number_problems)
    assert value == wrong and problems == ["check digit does not match"] and confidence <= 0.45


def test_expand_keeps_the_beam_small_and_ordered():
    chars = [("1", 0.6, (("7", 0.3),))] * 30
    candidates = rules.expand(chars, beam=16)
    assert len(candidates) == 16 and candidates[0][0] == "1" * 30
    assert [c for _, c in candidates] == sorted((c for _, c in candidates), reverse=True)


def test_a_dropped_rare_character_leaves_a_tie_that_is_not_hidden():
    words, similarity = rules.snap_all("佬", ETHNIC_GROUPS)
    assert set(words) == {"仫佬", "仡佬"} and similarity == 0.5


def test_a_credit_code_with_one_misread_character_is_repaired_only_when_the_repair_is_telling():
    from kiosk.ocr import gazetteer
    from kiosk.ocr.engines import Reading
    from kiosk.ocr.fields import interpret
    from kiosk.ocr.layouts import BUSINESS_LICENSE

    spec = BUSINESS_LICENSE.field("credit_code")
    known = lambda area: gazetteer.district_of_code(area) is not None  # noqa: E731
    # A 4 read as 0 in the area code: the only repair with a Guangdong area code and both checks right.
    assert rules.credit_code_repairs("91400116MA9RKUC72D", known) == ["91440116MA9RKUC72D"]
    fixed = interpret(spec, [Reading("91400116MA9RKUC72D", 0.95)], {})
    assert fixed.value == "91440116MA9RKUC72D" and fixed.flagged and "91400116MA9RKUC72D" in fixed.alternatives
    # A Q read as 0: several single repairs pass the checks, one is a look-alike.
    assert interpret(spec, [Reading("9144010699025691X0", 0.95)], {}).value == "9144010699025691XQ"
    # D for C is no look-alike pair and other repairs pass too: left as read, flagged, never guessed.
    kept = interpret(spec, [Reading("91440101798817705D", 0.95)], {})
    assert kept.value == "91440101798817705D" and kept.flagged


def test_a_credit_code_read_a_character_short_gets_its_lost_first_or_last_character_back():
    from kiosk.ocr import gazetteer

    known = lambda area: gazetteer.district_of_code(area) is not None  # noqa: E731
    assert rules.credit_code_repairs("14401060533540480", known) == ["914401060533540480"]  # the 9 lost
    assert rules.credit_code_repairs("91440101MA9FDCAG5", known) == ["91440101MA9FDCAG58"]  # the check lost
    assert rules.credit_code_repairs("1440101MA9FDCAG58", known) == ["91440101MA9FDCAG58"]
    assert rules.credit_code_repairs("91440101MA9FDCG58", known) == []  # one lost in the middle: not guessed
