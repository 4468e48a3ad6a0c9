"""The documents' own rules, used to validate what was read and to choose between a recogniser's readings.

ID numbers carry a GB 11643 check digit and repeat the birth date and sex; credit codes carry a GB 32100 check
character and an embedded GB 11714 organisation code with its own; dates must exist; an ID card's validity is
5, 10 or 20 years or 长期 by the holder's age at issue. A reading that breaks a rule is never "fixed" by blind
guessing: only readings the recogniser itself offered (alternatives, a second engine) compete, and the rules
pick among them. What no candidate satisfies is flagged for the resident to confirm.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from catalog.codes import CREDIT_CHARSET, credit_code_check, id_check_digit, org_code_check

# Characters a recogniser confuses with the ones a closed field may hold: mapped before validation.
_TO_DIGIT = {
    "O": "0", "o": "0", "D": "0", "Q": "0", "U": "0", "〇": "0",
    "I": "1", "l": "1", "|": "1", "i": "1", "L": "1", "!": "1",
    "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "G": "6", "b": "6", "T": "7", "q": "9", "g": "9",
}  # fmt: skip
_TO_X = {"x": "X", "×": "X", "K": "X", "k": "X", "Y": "X", "χ": "X"}
_TO_CREDIT = {"I": "1", "O": "0", "S": "5", "Z": "2", "V": "U", "o": "0", "l": "1", "i": "1"}
# Province-level codes of GB/T 2260: the first two digits of every ID number and credit-code area.
PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82",
}  # fmt: skip
LONG_TERM = "长期"


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII; spaces removed (fields never need them)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def coerce(text: str, charset: str) -> str:
    """Map confusable characters into a closed field's character set and drop what cannot belong."""
    out = []
    for ch in to_halfwidth(text):
        if charset == "id_number":
            ch = _TO_X.get(ch, _TO_DIGIT.get(ch, ch))
            ch = ch.upper()
            allowed = "0123456789X"
        elif charset == "credit_code":
            ch = _TO_CREDIT.get(ch, ch).upper()
            allowed = CREDIT_CHARSET
        else:
            ch = _TO_DIGIT.get(ch, ch)
            allowed = "0123456789"
        if ch in allowed:
            out.append(ch)
    return "".join(out)


# -- dates ----------------------------------------------------------------------------------------------
_DATE = re.compile(r"(\d{4})\D{0,3}?(\d{1,2})\D{0,3}?(\d{1,2})")


def normalise_date(text: str) -> str | None:
    """'1990年1月2日', '1990 年 01 月 02 日', '1990.01.02' or '19900102' as '1990-01-02'; None if no real date."""
    digits = to_halfwidth(text)
    digits = "".join(_TO_DIGIT.get(ch, ch) if not ("\u4e00" <= ch <= "\u9fff") else ch for ch in digits)
    match = _DATE.search(digits)
    if match is None:
        compact = re.search(r"\d{8}", digits)
        if compact is None:
            return None
        year, month, day = compact.group()[:4], compact.group()[4:6], compact.group()[6:]
    else:
        year, month, day = match.groups()
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def split_validity(text: str) -> tuple[str, str] | None:
    """'2019.03.15-2039.03.15' or '2019.03.15-长期' as (valid_from, valid_until) in DESIGN form."""
    cleaned = to_halfwidth(text).replace("—", "-").replace("–", "-").replace("~", "-").replace("至", "-")
    parts = [p for p in re.split(r"-(?=\d{4}|长|K|长期)", cleaned, maxsplit=1) if p]
    if len(parts) != 2:
        # No separator survived: the first 8 digits are the start, what follows the end.
        digits = re.sub(r"[^0-9长期]", "", cleaned)
        if len(digits) < 10:
            return None
        parts = [digits[:8], digits[8:]]
    start = normalise_date(parts[0])
    end = LONG_TERM if "长" in parts[1] or "期" in parts[1] else normalise_date(parts[1])
    if start is None or end is None:
        return None
    return start, end


def _years_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / 365.2425


def validity_problems(valid_from: str, valid_until: str, birth_date: str | None = None) -> list[str]:
    """Why a validity period is not one the law allows (empty when it is): 5, 10 or 20 years to the day, or
    长期; with the birth date, the length must also suit the holder's age at issue (GA 448 / 居民身份证法 §5)."""
    try:
        start = dt.date.fromisoformat(valid_from)
    except ValueError:
        return ["valid_from is not a date"]
    age = None
    if birth_date:
        try:
            born = dt.date.fromisoformat(birth_date)
            age = start.year - born.year - ((start.month, start.day) < (born.month, born.day))
        except ValueError:
            pass
    if valid_until == LONG_TERM:
        return [] if age is None or age >= 46 else ["长期 validity is only for holders aged 46 or more at issue"]
    try:
        end = dt.date.fromisoformat(valid_until)
    except ValueError:
        return ["valid_until is not a date"]
    years = end.year - start.year
    if (end.month, end.day) != (start.month, start.day) or years not in (5, 10, 20):
        return [f"validity of {_years_between(start, end):.1f} years is not 5, 10 or 20 years to the day"]
    if age is not None:
        expected = 5 if age < 16 else 10 if age <= 25 else 20 if age <= 45 else None
        if expected is None:
            return ["holders aged 46 or more at issue get 长期 validity"]
        if years != expected:
            return [f"a holder aged {age} at issue gets {expected} years, not {years}"]
    return []


# -- codes -----------------------------------------------------------------------------------------------
def id_number_problems(number: str, birth_date: str | None = None, sex: str | None = None) -> list[str]:
    """Why a citizen identity number cannot be right (empty when it can): length, characters, province,
    birth date, check digit, and agreement with the printed birth date and sex when known."""
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        return ["not 17 digits and a check character"]
    problems = []
    if number[:2] not in PROVINCES:
        problems.append("unknown province code")
    embedded = normalise_date(number[6:14])
    if embedded is None or embedded[:4] < "1900" or embedded > dt.date.today().isoformat():
        problems.append("embedded birth date does not exist")
    elif birth_date and embedded != birth_date:
        problems.append("embedded birth date differs from the printed one")
    if id_check_digit(number[:17]) != number[17]:
        problems.append("check digit does not match")
    if sex in ("男", "女") and (int(number[16]) % 2 == 1) != (sex == "男"):
        problems.append("sex digit differs from the printed sex")
    return problems


def credit_code_problems(code: str) -> list[str]:
    """Why a unified social credit code cannot be right (empty when it can)."""
    if len(code) != 18 or any(ch not in CREDIT_CHARSET for ch in code):
        return ["not 18 characters of the GB 32100 set"]
    problems = []
    if code[0] not in "123456789ANY":
        problems.append("unknown registration department")
    if code[2:4] not in PROVINCES:
        problems.append("unknown area code")
    body = code[8:16]
    if all(ch in CREDIT_CHARSET for ch in body) and org_code_check(body) != code[16]:
        problems.append("embedded organisation code check fails")
    if credit_code_check(code[:17]) != code[17]:
        problems.append("check character does not match")
    return problems


# Characters of the credit-code set that recognisers take for one another (print at small sizes, glare, blur).
LOOK_ALIKES = ("0DQ", "CG", "17T", "8B", "6G", "56", "XKY", "MNHW", "EF", "PR", "4A", "UW")


def look_alike(a: str, b: str) -> bool:
    """Whether two characters are a pair recognisers confuse."""
    return any(a in group and b in group for group in LOOK_ALIKES)


def credit_code_repairs(code: str, area_known: Callable[[str], bool] = lambda _code: True) -> list[str]:
    """Every credit code one character away from `code` that breaks no rule and whose area code is known
    (`area_known`: e.g. one of the gazetteer's, for a terminal in Guangdong).

    Two check characters guard the code (the embedded organisation code's and the whole code's), so a single
    misread character has few repairs; exactly one means the misread is found, more means it is not. A code read
    a character short has lost its first or last one at the crop's edge: those are put back.
    """
    if len(code) == 17:
        candidates = [ch + code for ch in CREDIT_CHARSET] + [code + ch for ch in CREDIT_CHARSET]
    elif len(code) == 18:
        candidates = [code[:i] + ch + code[i + 1 :] for i, was in enumerate(code) for ch in CREDIT_CHARSET if ch != was]
    else:
        return []
    return [c for c in candidates if c[2:8].isdigit() and area_known(c[2:8]) and not credit_code_problems(c)]


# -- registered capital ---------------------------------------------------------------------------------
_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL_SMALL = {"拾": 10, "佰": 100, "仟": 1000}
_CAPITAL_LARGE = {"万": 10_000, "亿": 100_000_000}
CURRENCIES = ("美元", "港元", "欧元", "日元", "元")


def capital_amount(numerals: str) -> int | None:
    """An amount in the financial capital numerals licences print (伍佰万 -> 5000000, 壹仟零伍 -> 1005), or
    None when the numerals are not well formed (units out of order, two digits running, a unit without one)."""
    total, section, digit = 0, 0, None
    small_last, large_last = 10_000, 10**12
    for ch in numerals:
        if ch in _CAPITAL_DIGITS[1:]:
            if digit is not None:
                return None
            digit = _CAPITAL_DIGITS.index(ch)
        elif ch == "零":
            if digit is not None:
                return None
        elif ch in _CAPITAL_SMALL:
            unit = _CAPITAL_SMALL[ch]
            if digit is None and not (ch == "拾" and section == 0 and total == 0):  # 拾万: ten, written short
                return None
            if unit >= small_last:
                return None
            section += (1 if digit is None else digit) * unit
            small_last, digit = unit, None
        elif ch in _CAPITAL_LARGE:
            unit = _CAPITAL_LARGE[ch]
            section += digit or 0
            if section == 0 or unit >= large_last:
                return None
            total += section * unit
            section, digit, small_last, large_last = 0, None, 10_000, unit
        else:
            return None
    total += section + (digit or 0)
    return total or None


def capital_problems(text: str) -> list[str]:
    """Why a registered capital as read cannot be one (empty when it can): an amount, in capital numerals
    (伍佰万) or digits (500万), then its currency, with 人民币 before it or after (or （人民币）), 整 at the end."""
    body = text.removeprefix("人民币").removesuffix("（人民币）").removesuffix("人民币").removesuffix("整")
    currency = next((c for c in CURRENCIES if body.endswith(c)), None)
    if currency is None:
        return ["no currency (元) after the amount"]
    amount = body[: -len(currency)]
    if re.fullmatch(r"\d+(\.\d+)?万?", amount) or capital_amount(amount) is not None:
        return []
    return ["not an amount in capital numerals or digits"]


# -- choosing among readings -----------------------------------------------------------------------------
def expand(chars: Sequence[tuple[str, float, Sequence[tuple[str, float]]]], beam: int = 64) -> list[tuple[str, float]]:
    """Whole-string candidates from per-character choices (best, confidence, alternatives), most likely first.

    A beam search: the `beam` best partial strings survive each position, scored by the geometric mean of
    their characters' confidences, so the work stays small however long the string is.
    """
    partial: list[tuple[str, float]] = [("", 0.0)]
    for best, confidence, alternatives in chars:
        options = [(best, confidence), *((alt, c) for alt, c in alternatives if alt != best)]
        partial = sorted(
            ((text + ch, log + math.log(max(c, 1e-4))) for text, log in partial for ch, c in options),
            key=lambda r: -r[1],
        )[:beam]
    if not chars:
        return []
    return [(text, math.exp(log / len(chars))) for text, log in partial]


def choose(
    candidates: Iterable[tuple[str, float]], problems: Callable[[str], list[str]]
) -> tuple[str, float, list[str]]:
    """The most confident candidate that breaks no rule; else the most confident one with its problems.

    Returns (value, confidence, problems). Confidence drops when the winner was not the first reading, since a
    rule rather than the recogniser decided.
    """
    ranked = sorted(dict(candidates).items(), key=lambda r: -r[1])
    if not ranked:
        return "", 0.0, ["nothing read"]
    for n, (text, confidence) in enumerate(ranked):
        if not problems(text):
            return text, confidence * (1.0 if n == 0 else 0.9), []
    text, confidence = ranked[0]
    return text, confidence * 0.5, problems(text)


def snap_all(text: str, vocabulary: Sequence[str]) -> tuple[list[str], float]:
    """Every vocabulary word tied for closest to `text`, and their 0..1 similarity (a dropped rare character
    leaves '佬', equally close to 仫佬 and 仡佬: the caller must not pretend to know which)."""
    cleaned = to_halfwidth(text).removesuffix("族")
    if cleaned in vocabulary:
        return [cleaned], 1.0
    # Compared in the same width: vocabularies print full-width brackets that the reading was normalised from.
    scores = [(word, _similarity(cleaned, to_halfwidth(word))) for word in vocabulary]
    best = max((score for _, score in scores), default=0.0)
    return [word for word, score in scores if score == best and best > 0], best


def snap(text: str, vocabulary: Sequence[str]) -> tuple[str, float]:
    """The vocabulary word closest to `text` and a 0..1 similarity (1 = exact)."""
    cleaned = to_halfwidth(text).removesuffix("族")
    if cleaned in vocabulary or cleaned in map(to_halfwidth, vocabulary):
        return next(w for w in vocabulary if to_halfwidth(w) == cleaned), 1.0
    best, best_score = "", 0.0
    for word in vocabulary:
        score = _similarity(cleaned, to_halfwidth(word))
        if score > best_score:
            best, best_score = word, score
    return best, best_score


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return 1 - previous[-1] / max(len(a), len(b))
