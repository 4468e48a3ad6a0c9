"""Reading one field from a rectified document: crop, find the text, recognise, normalise, validate, repair.

Every field has a closed or open character class (layouts.FieldSpec.charset). Closed ones (ID numbers, credit
codes, dates, sex, ethnicity) are read with a whitelist and snapped onto their rules; when the first reading
breaks a rule, the other engine's reading and the per-character alternatives compete, and the rules choose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import cv2
import numpy as np

from kiosk.ocr import gazetteer, glyphs, rules
from kiosk.ocr.layouts import FieldSpec, Layout
from kiosk.ocr.vocab import (
    CHARSETS,
    COMMON_SURNAMES,
    COMPANY_TYPES,
    COMPOUND_SURNAMES,
    ETHNIC_GROUPS,
    RARE_SURNAMES,
    SEXES,
)

CONFIDENT = 0.80  # below this a field is shown to the resident to confirm
SURNAMES = frozenset(COMMON_SURNAMES + RARE_SURNAMES)
REPAIR_TRIES = 4  # credit-code readings (the best and its full-length runners-up) tried for a one-character repair


@dataclass
class FieldResult:
    """What was read for one field, how sure the reader is, and why it may be wrong."""

    value: str
    confidence: float
    problems: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)  # other readings, for the review screen

    @property
    def flagged(self) -> bool:
        """Whether the resident must look at it: unsure, or a rule is broken."""
        return bool(self.problems) or self.confidence < CONFIDENT or not self.value


def crop(image: np.ndarray, layout: Layout, box_mm: tuple[float, float, float, float]) -> np.ndarray:
    """The part of the rectified document inside a box given in mm (clipped to the image)."""
    x0, y0, x1, y1 = layout.to_px(box_mm)
    h, w = image.shape[:2]
    return image[max(0, y0) : min(h, y1), max(0, x0) : min(w, x1)]


def noise_level(gray: np.ndarray) -> float:
    """The sensor noise's standard deviation in grey levels, from the median residual to a blur.

    A median, unlike detect.noise_sigma's mean: in a field's crop print edges are many, and would count as noise.
    """
    g = gray.astype(np.float32)
    return 1.4826 * float(np.median(np.abs(g - cv2.GaussianBlur(g, (0, 0), 1.5))))


def denoised_variants(region: np.ndarray) -> list[np.ndarray]:
    """A dim, noisy or unevenly lit field crop flattened to dark ink on white paper, twice: with the faintest
    quarter of the ink depth cut to white (guilloche and leftover noise gone: clean lines to find and read) and
    with only a tenth cut (thin strokes kept: a name's fine print); none for a clean crop.

    Stretching a dim line's contrast for the recogniser stretches its noise too, and noise specks pass for ink
    when the line is cut to its text; non-local means keeps stroke edges where a blur would soften them. The
    paper's own level (a max filter wider than any stroke) is then divided out, so shade across a line goes too.
    """
    if region.size == 0:
        return []
    gray = cv2.cvtColor(region, cv2.COLOR_BGR2GRAY) if region.ndim == 3 else region
    noise = noise_level(gray)
    if noise < 2.5:  # a well-lit or washed-out crop: enhance() stretches it, nothing to smooth
        return []
    gray = cv2.fastNlMeansDenoising(gray, None, h=float(noise * 1.2), templateWindowSize=7, searchWindowSize=21)
    k = max(9, min(gray.shape[:2]) // 3) | 1
    paper = cv2.GaussianBlur(cv2.dilate(gray, np.ones((k, k), np.uint8)), (0, 0), k / 2).astype(np.float32)
    ink = np.clip(paper - gray.astype(np.float32), 0, None)
    depth = float(np.percentile(ink, 99.5))
    if depth < 4 * max(noise / 3, 1.0):  # nothing printed here stands out of the noise
        return []
    return [
        np.clip(255 - (ink - cut * depth) * (255.0 / ((1 - cut) * depth)), 0, 255).astype(np.uint8)
        for cut in (0.25, 0.1)
    ]


def denoise(region: np.ndarray) -> np.ndarray:
    """The crop flattened with guilloche and noise cut away (denoised_variants' first), or itself when clean."""
    variants = denoised_variants(region)
    return variants[0] if variants else region


def text_rows(region: np.ndarray, max_lines: int) -> list[np.ndarray]:
    """The text lines inside a field's box, tightened to their ink (horizontal projection of a binarised copy).

    Boxes are generous; tight crops are what recognisers read best, and multi-line fields (addresses) are read
    a line at a time.
    """
    if region.size == 0:
        return []
    gray = cv2.cvtColor(region, cv2.COLOR_BGR2GRAY) if region.ndim == 3 else region
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    profile = (ink > 0).mean(axis=1)
    # Low: a last address line may hold a single character, a few per cent of the row's width.
    rows = profile > max(0.004, profile.max() * 0.02)
    spans, start = [], None
    for y, on in enumerate(np.append(rows, False)):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if y - start >= max(4, region.shape[0] // 40):  # specks are not lines
                spans.append((start, y))
            start = None
    if not spans:
        return []
    # Merge fragments of one line (a CJK character's separated strokes) closer than a third of a line height,
    # unless together they would stand taller than a line's share of the box: two lines set close (an address's).
    pitch = region.shape[0] / max_lines
    merged = [spans[0]]
    for s, e in spans[1:]:
        one_line = e - merged[-1][0] <= 1.2 * pitch
        if one_line and s - merged[-1][1] < (merged[-1][1] - merged[-1][0]) / 3:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    tallest = max(e - s for s, e in merged)
    lines = [(s, e) for s, e in merged if e - s >= tallest * 0.45][:max_lines]
    out = []
    for s, e in lines:
        pad = max(2, (e - s) // 4)
        band = region[max(0, s - pad) : min(region.shape[0], e + pad)]
        cols = np.where((ink[s:e] > 0).any(axis=0))[0]
        if cols.size:
            band = band[:, max(0, cols[0] - pad) : min(region.shape[1], cols[-1] + pad + 1)]
        out.append(band)
    return out


def enhance(row: np.ndarray) -> np.ndarray:
    """A washed-out or dark line (glare, shadow) stretched to full contrast; a well-exposed one unchanged.

    Recognisers are trained on dark ink on light paper: text under glare spans only a few grey levels.
    """
    gray = cv2.cvtColor(row, cv2.COLOR_BGR2GRAY) if row.ndim == 3 else row
    lo, hi = np.percentile(gray, 2), np.percentile(gray, 98)
    if hi - lo >= 120 or hi - lo < 8:  # already contrasty, or nothing there to stretch
        return row
    return np.clip((gray.astype(np.float32) - lo) * 255.0 / (hi - lo), 0, 255).astype(np.uint8)


def _candidates(readings) -> list[tuple[str, float]]:
    """Whole-string candidates from engine readings: each reading, and its per-character alternatives."""
    found: dict[str, float] = {}
    for reading in readings:
        if reading is None:
            continue
        found[reading.text] = max(found.get(reading.text, 0.0), reading.confidence)
        if reading.chars:
            chars = [(c.best, c.confidence, c.alternatives) for c in reading.chars]
            for text, score in rules.expand(chars, beam=32):
                found[text] = max(found.get(text, 0.0), score * 0.98)
    return list(found.items())


def interpret(spec: FieldSpec, readings, context: dict[str, str], line: np.ndarray | None = None) -> FieldResult:
    """Turn the engines' readings of one field into a validated value (context: fields already read; `line`:
    the printed line, to break ties between look-alike words of a closed vocabulary)."""
    candidates = _candidates(readings)
    if not candidates:
        return FieldResult("", 0.0, ["nothing read"])
    best_text, best_conf = max(candidates, key=lambda c: c[1])
    others = [t for t, _ in sorted(candidates, key=lambda c: -c[1]) if t != best_text][:3]
    if spec.charset == "id_number":
        coerced = [(rules.coerce(t, "id_number"), c) for t, c in candidates]
        value, conf, problems = rules.choose(
            coerced,
            lambda n: rules.id_number_problems(n, context.get("birth_date"), context.get("sex")),
        )
        return FieldResult(value, conf, problems, [t for t, _ in coerced if t != value][:3])
    if spec.charset == "credit_code":
        coerced = [(rules.coerce(t, "credit_code"), c) for t, c in candidates]
        value, conf, problems = rules.choose(coerced, rules.credit_code_problems)
        if problems:
            # One misread character, or one lost at the crop's edge, found by the two check characters and the
            # Guangdong area code: shown repaired, but marked for the resident to compare with the licence. The
            # best reading and the recogniser's next few of 17 or 18 characters are each tried: the best may be
            # two characters off where its runner-up is one.
            def known(area: str) -> bool:
                return gazetteer.district_of_code(area) is not None

            tried = [value] + [t for t, _ in sorted(coerced, key=lambda c: -c[1]) if len(t) in (17, 18) and t != value]
            repairs, sources = [], {}
            for text in dict.fromkeys(tried[:REPAIR_TRIES]):
                for repair in rules.credit_code_repairs(text, known):
                    if repair not in sources:
                        repairs.append(repair)
                        sources[repair] = text
            if len(repairs) > 1:  # several places could be wrong: only a look-alike character's repair is telling
                repairs = [
                    r
                    for r in repairs
                    if len(sources[r]) == 18
                    and any(a != b and rules.look_alike(a, b) for a, b in zip(r, sources[r], strict=True))
                ]
            if len(repairs) == 1:
                why = ["check character did not match as read: one character repaired"]
                return FieldResult(repairs[0], conf, why, [value, *(t for t, _ in coerced if t != value)][:3])
        return FieldResult(value, conf, problems, [t for t, _ in coerced if t != value][:3])
    if spec.charset == "sex":
        value, similarity = rules.snap(best_text, SEXES)
        return FieldResult(value, best_conf * similarity, [] if similarity >= 1 else ["not 男 or 女 as read"])
    if spec.charset == "ethnicity":
        # Every reading votes for the group it is closest to; groups differ by one rare character (仫佬/仡佬),
        # so a close runner-up means the resident must look.
        votes: dict[str, float] = {}
        for text, conf in candidates:
            words, similarity = rules.snap_all(text, ETHNIC_GROUPS)
            if similarity >= 0.5:
                for word in words:
                    votes[word] = votes.get(word, 0.0) + conf * similarity / len(words)
        if not votes:
            return FieldResult(rules.snap(best_text, ETHNIC_GROUPS)[0], 0.3, ["not one of the 56 ethnic groups"])
        ranked = sorted(votes.items(), key=lambda v: -v[1])
        close = [w for w, v in ranked if v > 0.25 * ranked[0][1]]
        if len(close) > 1 and line is not None:
            drawn = glyphs.closest(line, close)
            if drawn is not None:  # the drawing settles it: the rival keeps only a token vote
                return FieldResult(drawn, best_conf * 0.9, [], [w for w in close if w != drawn])
        value, score = ranked[0]
        total = sum(votes.values())
        problems = [f"could also be {ranked[1][0]}"] if len(ranked) > 1 and ranked[1][1] > 0.25 * score else []
        return FieldResult(value, min(1.0, score / max(total, 1e-6)) * best_conf, problems, [w for w, _ in ranked[1:3]])
    if spec.name == "validity":
        for text, conf in sorted(candidates, key=lambda c: -c[1]):
            split = rules.split_validity(text)
            if split is not None:
                problems = rules.validity_problems(*split, birth_date=context.get("birth_date"))
                return FieldResult(f"{split[0]}|{split[1]}", conf, problems, others)
        return FieldResult(best_text, best_conf * 0.5, ["not a validity period"], others)
    if spec.charset == "date":
        dates = [(rules.normalise_date(t) or "", c) for t, c in candidates]
        value, conf, problems = rules.choose(dates, _date_problems)
        return FieldResult(value, conf, problems, others)
    # Free text: CJK names, addresses, company names. Spaces are artefacts of the recogniser, not the print.
    # Digits and Latin letters are printed half-width, brackets full-width (as Chinese typesetting has them);
    # 丶 is the radical recognisers return for the enumeration comma.
    value = rules.to_halfwidth(best_text).replace("(", "（").replace(")", "）").replace("丶", "、").replace(",", "，")
    if spec.name == "address":
        return _checked_address(value, best_conf, others)
    if spec.name == "issuing_authority":
        return FieldResult(value, best_conf, authority_problems(value, spec.label), others)
    if spec.name == "registered_capital":
        # Capital numerals run by a grammar (伍佰万, never 伍值万): a reading that breaks it gives way to one
        # of the recognisers' others that keeps it, else it is flagged.
        def printed(text: str) -> str:
            return rules.to_halfwidth(text).replace("(", "（").replace(")", "）")

        value, conf, problems = rules.choose([(printed(t), c) for t, c in candidates], rules.capital_problems)
        return FieldResult(value, conf, problems, [printed(t) for t in others if printed(t) != value][:3])
    if spec.name == "company_type":
        # The registration authority prints one of a fixed set of types: snap a near miss onto it.
        canonical, similarity = rules.snap(value, COMPANY_TYPES)
        if similarity >= 0.85:
            return FieldResult(canonical, best_conf * (1.0 if similarity == 1 else 0.95), [], others)
        # The best reading is no type; the most confident of the recognisers' other readings that is one is
        # shown, marked for the resident to check (a runner-up, not what the recogniser preferred).
        for text, conf in sorted(candidates, key=lambda c: -c[1]):
            other, close = rules.snap(rules.to_halfwidth(text), COMPANY_TYPES)
            if close >= 0.85:
                why = ["not a registered company type as best read: one of the recogniser's other readings"]
                return FieldResult(other, min(conf, 0.79), why, [value, *others][:3])
        return FieldResult(value, best_conf * 0.7, ["not a registered company type"], [canonical, *others][:3])
    if spec.name == "legal_representative" or (spec.name == "name" and spec.charset == "cjk"):
        return _person_name(value, best_conf, candidates, others, line)
    if spec.name == "name":
        mended = _company_region(value)
        alternatives = [value, *others][:3] if mended != value else others
        confidence = best_conf * (0.9 if mended != value else 1.0)
        return FieldResult(mended, confidence, company_name_problems(mended), alternatives)
    return FieldResult(value, best_conf, [], others)


def _date_problems(value: str) -> list[str]:
    """Why a birth or establishment date as read cannot be right: none read, or a day yet to come."""
    if not value:
        return ["not a date"]
    if value > dt.date.today().isoformat():
        return ["a date in the future"]
    return []


# How a registered name ends: its organisation form (the 2019 licence's names, the forms the registration rules
# allow for companies, partnerships, sole proprietorships and individual businesses).
ORGANISATION_FORMS = (
    "有限公司", "有限责任公司", "分公司", "合伙企业", "（有限合伙）", "（普通合伙）", "个人独资企业", "合作社",
    "事务所", "工作室", "中心", "商行", "经营部", "门市部", "店", "厂", "场", "馆", "社", "院", "部",
)  # fmt: skip


def company_name_problems(name: str) -> list[str]:
    """Why a company name as read cannot be right: it must end with an organisation form (有限公司, 合伙企业 ...)
    and hold only Chinese characters, Latin letters, digits, brackets and the enumeration comma."""
    if re.search(r"[^\u4e00-\u9fffA-Za-z0-9（）、·]", name):
        return ["characters no registered name holds"]
    if not name.endswith(ORGANISATION_FORMS):
        return ["does not end with an organisation form (有限公司, 合伙企业 ...)"]
    return []


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """Places a company name may carry in brackets (万象（广州）物流有限公司): Guangdong, its cities and districts,
    without 省/市/区."""
    words = {gazetteer.PROVINCE[:-1]}
    for city, districts in gazetteer.DISTRICTS.items():
        words.add(city[:-1])
        words.update(district[:-1] for district in districts if len(district) > 2)
    return frozenset(words)


def _company_region(name: str) -> str:
    """A company name whose bracketed place (（厂州） -> （广州）) or leading city and district (广州市黄城区 ->
    广州市黄埔区) is one character from a Guangdong place name, mended, when one place is that close or one of
    several clearly looks like it: the registration rules put only a place there. Nothing else in a name is
    touched: its trade name is free, and 广发 is as good a one as 广州."""
    if not name.startswith(_admin_prefixes()):
        prefix = _one_character_off(name, [p for p in _admin_prefixes() if len(p) >= 5 and p.endswith(("市", "区"))])
        if prefix:
            return prefix + name[len(prefix) :]
    start = name.find("（")
    end = name.find("）", start + 1)
    if start < 0 or end < 0:
        return name
    inside = name[start + 1 : end]
    if inside in _region_words():
        return name
    place = _one_character_off(inside, [w for w in _region_words() if len(w) == len(inside)])
    return name[: start + 1] + place + name[end:] if place else name


def _one_apart(a: str, b: str) -> bool:
    """Whether two strings of one length differ in exactly one character."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _one_character_off(text: str, words: list[str] | tuple[str, ...]) -> str | None:
    """The word `text` begins with but for one misread character, when one word is that close, or one of several
    clearly looks like what was read (厂州 is a character from 广州, 惠州, 潮州 ...: 厂 drawn looks like 广)."""
    close = [w for w in words if _one_apart(w, text[: len(w)])]
    if len(close) > 1:
        # How much the character read, drawn, looks like each word's character in its place.
        drawn = {
            w: glyphs.character_likeness(*next((a, b) for a, b in zip(text, w, strict=False) if a != b)) for w in close
        }
        ranked = sorted(close, key=drawn.__getitem__, reverse=True)
        close = ranked[:1] if drawn[ranked[0]] - drawn[ranked[1]] >= 0.1 else []
    return close[0] if len(close) == 1 else None


def known_surname(name: str) -> bool:
    """Whether a person's name begins with a surname of the vocabulary (frequent, regional or compound)."""
    return name[:2] in COMPOUND_SURNAMES or (name[:1] in SURNAMES and len(name) >= 2)


def _person_name(
    value: str,
    confidence: float,
    candidates: list[tuple[str, float]],
    others: list[str],
    line: np.ndarray | None = None,
) -> FieldResult:
    """A person's name, whose first character should be a surname: a best reading that starts otherwise gives way
    to the most confident of the recognisers' other readings that is a name (two to four Chinese characters) and
    starts with one, marked for the resident to check; with none, it stays, marked. A surname outside the
    vocabulary is rare, never impossible, so nothing is corrected unmarked. A recogniser's runner-up a character
    away that the printed `line` clearly looks more like, drawn, is taken, marked (佘 read 余: the model, trained on
    running text, prefers the common character)."""
    if known_surname(value):
        rivals = [text for text, _ in sorted(candidates, key=lambda c: -c[1]) if _one_apart(text, value)]
        rivals = [t for t in dict.fromkeys(rivals) if known_surname(t)][:3]
        # Only a clean print is drawn against (a blurred or glared line's characters look like anything).
        drawn = glyphs.closest(line, [value, *rivals], least=0.8) if rivals and line is not None else None
        if drawn is not None and drawn != value:
            why = [f"read as {value}; drawn, the print looks like {drawn}"]
            return FieldResult(drawn, min(confidence, 0.79), why, [value, *others][:3])
        return FieldResult(value, confidence, [], others)
    named = [
        (text, conf)
        for text, conf in sorted(candidates, key=lambda c: -c[1])
        if 2 <= len(text) <= 4 and known_surname(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)
    ]
    if named:  # any of the recogniser's own readings, however unsure: it is marked, and the best is no name
        why = ["surname as best read is not a known one: one of the recogniser's other readings"]
        return FieldResult(named[0][0], min(named[0][1], 0.79), why, [value, *others][:3])
    return FieldResult(value, min(confidence, 0.79), ["does not begin with a known surname"], others)


@lru_cache(maxsize=1)
def _admin_prefixes() -> tuple[str, ...]:
    """Every province+city+district (and city+district) prefix an address in the gazetteer may start with."""
    prefixes = []
    for city, districts in gazetteer.DISTRICTS.items():
        for district in districts or {"": ""}:
            prefixes += [gazetteer.PROVINCE + city + district, city + district]
    return tuple(sorted(prefixes, key=len, reverse=True))


ADDRESS_LABEL_CHARACTERS = "住址所"  # the labels 住址 (ID card) and 住所 (licence), read into the value


def _checked_address(value: str, confidence: float, others: list[str]) -> FieldResult:
    """An address checked against the Guangdong gazetteer (_checked_district), without its label's characters
    read into it, and with a street or road a character from one the gazetteer has in that district mended."""
    start = next((i for i in (1, 2) if value[:i].strip(ADDRESS_LABEL_CHARACTERS) == ""), 0)
    if start and gazetteer.parse_address(value[start:]) is not None:
        others, value = [value, *others][:3], value[start:]
    result = _checked_district(value, confidence, others)
    parts = gazetteer.parse_address(result.value) if not result.problems else None
    if parts is None:
        return result
    mended = _mended_street_and_road(result.value, parts)
    if mended == result.value:
        return result
    # The gazetteer does not list every street and road: a mended one is shown marked, for the resident to check.
    why = ["street or road not in the gazetteer as read: mended to the district's own"]
    return FieldResult(mended, result.confidence * 0.9, why, [result.value, *result.alternatives][:3])


def _mended_street_and_road(value: str, parts: gazetteer.AddressParts) -> str:
    """The address with a street (街道/镇) and a road not in the gazetteer mended onto the district's own one a
    character away (夏港街通 -> 夏港街道, 光训中路 -> 光谱中路), when one is clearly that close."""
    key = parts.city + (parts.district or "")
    at = len(parts.province or "") + len(parts.city) + len(parts.district or "")
    streets = gazetteer.STREETS.get(key, ())
    if parts.street not in streets and not parts.known_road:
        street = _one_character_off(value[at:], streets)
        mended = value[:at] + street + value[at + len(street) :] if street else value
        again = gazetteer.parse_address(mended)
        # A road read right is no misread street (黄埔大道东 is a character from 黄埔街道 too).
        if again is not None and (again.road or not parts.road):
            value, parts = mended, again
    if parts.street:
        at += len(parts.street)
    if not parts.known_road:
        road = _one_character_off(value[at:], gazetteer.ROADS.get(key, ()))
        if road:
            value = value[:at] + road + value[at + len(road) :]
    return value


def _checked_district(value: str, confidence: float, others: list[str]) -> FieldResult:
    """An address checked against the Guangdong gazetteer; a misread character in the city or district name is
    mended when exactly one gazetteer name is that close, otherwise the address is flagged."""
    if gazetteer.parse_address(value) is not None:
        # An address ends with its house, building or room (号, 栋, 房, 室 ...), never a bare number: one that does
        # has lost its last character at the crop's edge.
        lost = ["ends in a bare number: its last character may be lost"] if value[-1:].isdigit() else []
        return FieldResult(value, confidence, lost, others)
    # The line's first character lost at the crop's edge (东省广州市... for 广东省广州市...): put it back when the
    # rest starts exactly as a gazetteer name does.
    for prefix in _admin_prefixes():
        if len(prefix) >= 4 and value.startswith(prefix[1:]) and gazetteer.parse_address(prefix[0] + value):
            return FieldResult(prefix[0] + value, confidence * 0.9, [], [value, *others][:3])
    scored: list[tuple[float, str]] = []
    for prefix in _admin_prefixes():
        similarity = rules._similarity(value[: len(prefix)], prefix)
        if similarity >= 0.8 and value[: len(prefix)] != prefix:
            scored.append((similarity, prefix))
    # Among the closest names, the one whose streets and roads the rest of the address names wins (黄城区 is one
    # character from both 黄埔区 and 增城区; 大沙街道 is in 黄埔区).
    closest = [prefix for similarity, prefix in scored if similarity == max((x for x, _ in scored), default=0)]
    fits = []
    for prefix in closest:
        mended = prefix + value[len(prefix) :]
        parts = gazetteer.parse_address(mended)
        if parts is not None:
            key = parts.city + (parts.district or "")
            fits.append((int(parts.street in gazetteer.STREETS.get(key, ())) + int(parts.known_road), mended))
    fits.sort(reverse=True)
    if fits and (len(fits) == 1 or fits[0][0] > fits[1][0]):
        return FieldResult(fits[0][1], confidence * 0.9, [], [value, *others][:3])
    return FieldResult(value, confidence * 0.8, ["city or district not found in the Guangdong gazetteer"], others)


def authority_problems(value: str, label: str = "签发机关") -> list[str]:
    """Why an ID card's 签发机关 as read cannot be right: it is always a public security bureau (XX市公安局,
    XX县公安局, XX市公安局XX分局), and it begins with its place, never with part of its printed label (which a
    crop reaching too far left picks up) nor with anything before a Guangdong city's name."""
    if "公安" not in value:
        return ["not a public security bureau"]
    if any(value.startswith(label[i : i + 2]) for i in range(len(label) - 1)):
        return ["part of the label 签发机关 read into the value"]
    if any(0 < value.find(city) <= 4 for city in gazetteer.CITIES):
        return ["something read before the city's name"]
    return []


def allowed_characters(spec: FieldSpec) -> str | None:
    """The whitelist a recogniser may use for this field (None: open text)."""
    return CHARSETS.get(spec.charset) if spec.charset in ("id_number", "credit_code", "digits") else None
