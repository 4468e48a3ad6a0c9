"""Form fields: every kind checked and normalised, with the reason code the view explains."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from catalog.model import FormField
from kiosk.forms import check_field, delivery_method
from kiosk.ocr.synth.identities import make_company, make_person


def spec(kind: str, required: bool = True, choices: tuple[str, ...] = ()) -> FormField:
    return FormField("f", "字段", kind, required, "", choices)


def test_id_numbers_need_their_check_digit():
    person = make_person(random.Random(3))
    assert check_field(spec("id_number"), person.id_number) == (person.id_number, "")
    # Typed with spaces, a lower-case x or full-width digits: normalised, not refused.
    spaced = " ".join(person.id_number[i : i + 6] for i in range(0, 18, 6)).replace("X", "x")
    assert check_field(spec("id_number"), spaced)[1] == ""
    wrong = person.id_number[:-1] + ("0" if person.id_number[-1] != "0" else "1")
    assert check_field(spec("id_number"), wrong)[1] == "check_digit"
    assert check_field(spec("id_number"), person.id_number[:15])[1] == "id_number_format"


def test_credit_codes_need_their_check_character():
    company = make_company(random.Random(5))
    assert check_field(spec("credit_code"), company.credit_code.lower()) == (company.credit_code, "")
    code = company.credit_code
    broken = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert check_field(spec("credit_code"), broken)[1] == "credit_code"


@pytest.mark.parametrize(
    ("value", "expected", "reason"),
    [
        ("13800138000", "13800138000", ""),
        ("138 0013 8000", "13800138000", ""),
        ("+8613800138000", "13800138000", ""),
        ("020-82112345", "020-82112345", ""),
        ("12800138000", "12800138000", "phone"),
        ("1380013800", "1380013800", "phone"),
    ],
)
def test_phone_numbers(value: str, expected: str, reason: str):
    assert check_field(spec("phone"), value) == (expected, reason)


def test_dates_real_and_not_in_the_future():
    today = dt.date(2026, 11, 26)
    assert check_field(spec("date"), "2024年5月1日", today) == ("2024-05-01", "")
    assert check_field(spec("date"), "2024-02-30", today)[1] == "not_date"
    assert check_field(spec("date"), "2027-01-01", today)[1] == "future_date"


def test_required_empty_choices_lengths_and_control_characters():
    assert check_field(spec("text"), "   ") == ("", "required")
    assert check_field(spec("text", required=False), "") == ("", "")
    assert check_field(spec("choice", choices=("EMS邮寄", "窗口自取")), "窗口自取")[1] == ""
    assert check_field(spec("choice", choices=("EMS邮寄", "窗口自取")), "快递")[1] == "choice"
    assert check_field(spec("text"), "字" * 61)[1] == "too_long"
    assert check_field(spec("address"), "广州市黄埔区")[1] == "address_short"
    assert check_field(spec("address"), "广州市黄埔区香雪大道中85号")[1] == ""
    assert check_field(spec("text"), "张三\u202e")[1] == "bad_characters"
    assert check_field(spec("number"), "1,200.50") == ("1200.50", "")
    assert check_field(spec("number"), "十二")[1] == "number"
    # Full-width letters and digits from a Chinese input method are the same text.
    assert check_field(spec("text"), "ＡＢＣ１２３") == ("ABC123", "")
    # ... but an official name keeps its full-width brackets, as printed on the licence.
    assert check_field(spec("text"), "广州百川物流合伙企业（有限合伙）")[0] == "广州百川物流合伙企业（有限合伙）"


def test_delivery_choices():
    assert delivery_method("EMS邮寄") == "ems" and delivery_method("窗口自取") == "collect"
