"""An item's application form: each field's value checked and normalised, with a reason code the view translates
(no Qt). The same rules the document reader uses: ID number and credit-code check digits, real dates."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from catalog.model import FormField
from kiosk.ocr import rules

# Reason codes, each with one plain sentence in the view.
REASONS = (
    "required",
    "id_number_format",
    "check_digit",
    "credit_code",
    "phone",
    "not_date",
    "future_date",
    "number",
    "choice",
    "too_long",
    "address_short",
    "bad_characters",
)
MAX_LENGTH = {"address": 120, "text": 60}
MIN_ADDRESS = 8  # characters: 广州市黄埔区 alone is not an address a postman can find
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")  # 020-82112345: companies often give a landline


# Full-width letters and digits (an input method's) as ASCII; full-width punctuation stays: official names write
# 有限公司（分公司） with full-width brackets, and the clerk compares them with the licence.
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code).isalnum()} | {0x3000: 0x20}


def _clean(value: str) -> str:
    text = unicodedata.normalize("NFC", value).translate(_HALFWIDTH).strip()
    return re.sub(r"\s+", " ", text)


def check_field(spec: FormField, value: str, today: dt.date | None = None) -> tuple[str, str]:
    """`value` normalised for `spec`, and a reason code ("" when it is acceptable)."""
    text = _clean(value)
    if not text:
        return "", "required" if spec.required else ""
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") for c in text):
        return text, "bad_characters"
    kind = spec.kind
    if kind == "id_number":
        text = rules.coerce(text.replace(" ", ""), "id_number")
        problems = rules.id_number_problems(text)
        if not problems:
            return text, ""
        return text, "check_digit" if any("check digit" in p for p in problems) else "id_number_format"
    if kind == "credit_code":
        text = rules.coerce(text.replace(" ", "").upper(), "credit_code")
        return text, "credit_code" if rules.credit_code_problems(text) else ""
    if kind == "phone":
        digits = text.replace(" ", "").replace("+86", "", 1)
        ok = _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits)
        return digits, "" if ok else "phone"
    if kind == "date":
        date = rules.normalise_date(text)
        if date is None:
            return text, "not_date"
        if dt.date.fromisoformat(date) > (today or dt.date.today()):
            return date, "future_date"
        return date, ""
    if kind == "number":
        number = text.replace(",", "")
        return number, "" if re.fullmatch(r"\d+(\.\d+)?", number) else "number"
    if kind == "choice":
        return text, "" if text in spec.choices else "choice"
    if len(text) > MAX_LENGTH.get(kind, MAX_LENGTH["text"]):
        return text, "too_long"
    if kind == "address" and len(text) < MIN_ADDRESS:
        return text, "address_short"
    return text, ""


def delivery_method(choice: str) -> str:
    """The hub's delivery method for the form's 结果领取方式 choice."""
    return "ems" if "邮寄" in choice or "EMS" in choice.upper() else "collect"
