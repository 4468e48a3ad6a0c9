"""The two baselines of bench/ocr: a whole-image recogniser and regular expressions over its text.

This is what a quick integration does (OCR the photo, grep the fields); the terminal's reader is measured
against it on the same photographs in the same run.
"""

from __future__ import annotations

import re

import numpy as np

from kiosk.ocr import rules

_ID = re.compile(r"(\d{17}[\dXx])")
_CODE = re.compile(r"([0-9A-HJ-NPQRTUWXY]{18})")
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _after(label: str, text: str, stop: str = r"\s") -> str:
    match = re.search(re.escape(label) + r"[:：\s]*(.+?)(?:" + stop + r"|$)", text)
    return match.group(1).strip() if match else ""


def fields_from_text(kind: str, text: str) -> dict[str, str]:
    """Fields found in one document's recognised text by regular expressions (DESIGN field names)."""
    flat = " ".join(text.split())
    compact = "".join(text.split())
    out: dict[str, str] = {}
    if kind == "id_card_front":
        out["name"] = _after("姓名", flat)
        sex = re.search(r"性别\s*(男|女)", flat)
        out["sex"] = sex.group(1) if sex else ""
        out["ethnicity"] = _after("民族", flat)
        date = _DATE_CN.search(flat)
        out["birth_date"] = rules.normalise_date(date.group(0)) or "" if date else ""
        address = re.search(r"住址(.+?)公民身份号码", compact)
        out["address"] = address.group(1) if address else ""
        number = _ID.search(compact)
        out["id_number"] = number.group(1).upper() if number else ""
    elif kind == "id_card_back":
        out["issuing_authority"] = _after("签发机关", flat)
        validity = re.search(r"有效期限[:：]?([\d.]+)[-—–]+([\d.]+|长期)", compact)
        if validity:
            out["valid_from"] = rules.normalise_date(validity.group(1)) or ""
            until = validity.group(2)
            out["valid_until"] = until if until == "长期" else rules.normalise_date(until) or ""
        else:
            out["valid_from"] = out["valid_until"] = ""
    else:
        code = _CODE.search(compact)
        out["credit_code"] = code.group(1) if code else ""
        out["name"] = _after("名称", flat)
        out["company_type"] = _after("类型", flat)
        out["legal_representative"] = _after("法定代表人", flat)
        out["registered_capital"] = _after("注册资本", flat)
        date = re.search(r"成立日期[:：]?(\d{4}年\d{1,2}月\d{1,2}日)", compact)
        out["established_date"] = (rules.normalise_date(date.group(1)) or "") if date else ""
        out["address"] = _after("住所", flat)
    return out


def tesseract_text(image: np.ndarray) -> str:
    """Plain pytesseract on the whole image (Simplified Chinese and English, automatic page segmentation)."""
    import pytesseract

    return pytesseract.image_to_string(image, lang="chi_sim+eng")


def rapidocr_text(image: np.ndarray) -> str:
    """Plain RapidOCR on the whole image, lines in reading order."""
    from kiosk.ocr.engines import get_engine

    lines = get_engine("rapidocr").read_block(image)
    return "\n".join(line.text for line in lines)
