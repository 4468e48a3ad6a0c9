"""From a photograph to fields: find and rectify the document, tell its kind and side, read every field.

`extract(image, kind)` is what `kiosk ocr extract` and the capture flow call. Engines stay loaded between
documents (kiosk.ocr.engines keeps one of each per process).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from kiosk.ocr import deblur, detect, engines, quality, rules
from kiosk.ocr.fields import (
    FieldResult,
    allowed_characters,
    crop,
    denoised_variants,
    enhance,
    interpret,
    text_rows,
)
from kiosk.ocr.layouts import KINDS, LAYOUTS, REPORTED_FIELDS, Layout

# Which engine reads which field first; the other is asked when the first reading breaks a rule or is unsure.
# bench/ocr_engines.py on rendered field lines: RapidOCR is as accurate as tesseract or better on every field
# type and 4-6x faster; tesseract's different mistakes make it the second opinion (README has the table).
PRIMARY = dict.fromkeys(("id_number", "credit_code", "date", "sex", "ethnicity", "cjk", "mixed"), "rapidocr")
CARD_KINDS = ("id_card_front", "id_card_back")


@dataclass
class Extraction:
    """A document's fields as read, with confidences, warnings and timing."""

    kind: str
    fields: dict[str, FieldResult] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    took_ms: float = 0.0
    corners: list[tuple[float, float]] | None = None
    rectified: np.ndarray | None = None  # kept for the review screen; personal data, never written to disk

    def as_json(self) -> dict[str, Any]:
        """The DESIGN contract: {"kind", "fields", "confidence", "warnings", "took_ms"} (plus "flagged")."""
        wanted = REPORTED_FIELDS.get(self.kind, ())
        return {
            "kind": self.kind,
            "fields": {name: self.fields[name].value for name in wanted if name in self.fields},
            "confidence": {name: round(self.fields[name].confidence, 3) for name in wanted if name in self.fields},
            "flagged": [name for name in wanted if name in self.fields and self.fields[name].flagged],
            "warnings": list(self.warnings),
            "took_ms": round(self.took_ms, 1),
        }


def _engine_order(charset: str) -> list[str]:
    names = engines.available_engines()
    usable = [n for n, ok in names.items() if ok is True]
    first = PRIMARY.get(charset, "rapidocr")
    return sorted(usable, key=lambda n: n != first)


def read_field(
    image: np.ndarray, layout: Layout, name: str, context: dict[str, str], sharpened: np.ndarray | None = None
) -> FieldResult:
    """One field of a rectified document, asking the second engine when the first is unsure or wrong.

    `sharpened` is the same document with its motion blur taken out (kiosk.ocr.deblur): its crops are read
    first, and the photograph's own as well when that reading is unsure or breaks a rule; the rules then choose
    among all the readings (deblurring can also invent a stroke).
    """
    spec = layout.field(name)
    groups = []
    for source in (image,) if sharpened is None else (sharpened, image):
        region = crop(source, layout, spec.box)
        # A dim crop is read in two flattenings: the cleaner one's lines, and the one that keeps fine strokes.
        rows = [
            [enhance(row) for row in text_rows(variant, spec.lines)]
            for variant in denoised_variants(region) or [region]
        ]
        groups.append([r for r in rows if r])
    variants = [rows for group in groups for rows in group]
    if not variants:
        return FieldResult("", 0.0, ["nothing printed where this field belongs"])
    readings: list = []
    result = FieldResult("", 0.0, ["nothing read"])
    for engine_name in _engine_order(spec.charset):
        engine = engines.get_engine(engine_name)
        for group in groups:
            for rows in group:
                if spec.lines == 1:
                    readings.append(engine.read_line(rows[0], charset=allowed_characters(spec)))
                else:
                    parts = [engine.read_line(row) for row in rows]
                    readings.append(
                        engines.Reading("".join(p.text for p in parts), min((p.confidence for p in parts), default=0.0))
                    )
            if not readings:
                continue
            rows = variants[0]
            result = interpret(spec, readings, context, rows[0] if spec.lines == 1 else None)
            # Closed vocabularies with look-alike entries get both engines' votes; elsewhere the first sure
            # reading wins.
            if not result.flagged and spec.charset != "ethnicity":
                return result
    return result


def read_document(image: np.ndarray, kind: str, sharpened: np.ndarray | None = None) -> dict[str, FieldResult]:
    """Every field of a rectified, upright document of a known kind (`sharpened`: it deblurred, see read_field)."""
    layout = LAYOUTS[kind]
    context: dict[str, str] = {}
    results: dict[str, FieldResult] = {}
    order = [f.name for f in layout.fields]
    if kind == "id_card_front":
        # Sex and birth date first: the ID number is checked against both.
        order = ["name", "sex", "ethnicity", "birth_date", "address", "id_number"]
    for name in order:
        result = read_field(image, layout, name, context, sharpened)
        results[name] = result
        if not result.problems and result.value:
            context[name] = result.value
    if kind == "id_card_front":
        _agree_with_id_number(results)
    if kind == "business_license":
        _agree_with_business_term(results)
    if "validity" in results:
        validity = results.pop("validity")
        start, _, end = validity.value.partition("|")
        results["valid_from"] = FieldResult(start, validity.confidence, validity.problems, [])
        results["valid_until"] = FieldResult(end, validity.confidence, validity.problems, [])
    return results


def _agree_with_id_number(results: dict[str, FieldResult]) -> None:
    """Birth date and sex as the ID number holds them, where the number passes its own rules (check digit,
    real date) and the printed field was read otherwise: one misread digit always breaks the check digit, so the
    number is the surer reading. The field stays marked for the resident to confirm, the reading kept beside it."""
    number = results.get("id_number")
    if number is None or rules.id_number_problems(number.value):
        return
    birth = rules.normalise_date(number.value[6:14]) or ""
    sex = "男" if int(number.value[16]) % 2 else "女"
    for name, held in (("birth_date", birth), ("sex", sex)):
        read = results.get(name)
        if read is None or read.value == held:
            continue
        problem = "embedded birth date differs" if name == "birth_date" else "sex digit differs"
        why = f"{problem} from the printed one as read: taken from the ID number"
        results[name] = FieldResult(
            held, min(read.confidence, number.confidence), [why], [read.value, *read.alternatives][:3]
        )
    # The number was checked against the misread fields: against what it holds itself it has no problem.
    number.problems = [p for p in number.problems if "differs" not in p]


def _agree_with_business_term(results: dict[str, FieldResult]) -> None:
    """A licence's business term (营业期限) runs from its establishment date: an establishment date not read is
    taken from the term's start, and one that differs from it is marked for the resident to check."""
    established, term = results.get("established_date"), results.get("business_term")
    if established is None or term is None:
        return
    start = rules.normalise_date(term.value.split("至")[0]) if "至" in term.value else None
    if start is None or established.value == start:
        return
    if not established.value or established.problems:
        why = ["establishment date not read: taken from the start of the business term"]
        results["established_date"] = FieldResult(
            start, min(term.confidence, 0.79), why, [established.value, *established.alternatives][:3]
        )
    else:
        established.problems.append("differs from the start of the business term")
        established.alternatives = [start, *established.alternatives][:3]


def _landmark_score(image: np.ndarray, layout: Layout, *, codes: bool = False) -> float:
    """How well the layout's fixed words read where they belong (0..1).

    With `codes`, a code that proves the kind and the way up counts as a perfect reading: the licence's QR code
    (it holds the 国家企业信用信息公示系统 address), or an ID number, credit code or validity period read with
    its character whitelist that passes its rules (the check digit, real dates); printed words may be faint
    or under glare where a bold code still reads.
    """
    if codes:
        if layout.kind == "business_license":
            import zxingcpp  # only classification reads the QR code

            from kiosk.ocr.layouts import LICENSE_QR_BOX

            x0, y0, x1, y1 = LICENSE_QR_BOX
            qr = crop(image, layout, (x0 - 4, y0 - 4, x1 + 4, y1 + 4))
            if any("gsxt.gov.cn" in code.text for code in zxingcpp.read_barcodes(qr)):
                return 1.0
        name = {"id_card_front": "id_number", "id_card_back": "validity", "business_license": "credit_code"}
        spec = layout.field(name[layout.kind])
        rows = text_rows(crop(image, layout, spec.box), 1)
        if rows:
            engine = engines.get_engine(_engine_order(spec.charset)[0])
            reading = engine.read_line(enhance(rows[0]), charset=allowed_characters(spec))
            result = interpret(spec, [reading], {}, rows[0])
            if result.value and not result.problems:
                return 1.0
    engine = engines.get_engine(_engine_order("cjk")[0])
    scores = []
    for word, box in layout.landmarks:
        rows = text_rows(crop(image, layout, box), 1)
        if not rows:
            scores.append(0.0)
            continue
        reading = engine.read_line(enhance(rows[0]))
        scores.append(rules._similarity(rules.to_halfwidth(reading.text), word))
    return sum(scores) / len(scores) if scores else 0.0


def classify(frame: np.ndarray, quad, hint: str = "auto") -> tuple[str, np.ndarray, float]:
    """The kind and side of the document in `frame` and its upright rectified image, with a 0..1 score."""
    kind, upright, score, _ = _classify(frame, quad, hint)
    return kind, upright, score


def _classify(frame: np.ndarray, quad, hint: str = "auto") -> tuple[str, np.ndarray, float, int]:
    """classify(), and which of detect.upright_candidates() the upright image is (its index).

    The kind and side of the document in `frame` and its upright rectified image, with a 0..1 score.

    Cheap visual evidence first (kiosk.ocr.detect_evidence: the portrait and blue labels, the red emblem, the QR
    code and seal where the layouts put them), for every kind and way up; then, best first, the printed
    landmark words, and where those read poorly a code that settles it (_landmark_score with codes). Evidence
    alone never makes a confident answer (a foreign card can have a photo): a blank sheet or another
    document scores under 0.5.
    """
    import cv2

    from kiosk.ocr import detect_evidence

    kinds = [hint] if hint in KINDS else list(KINDS)
    if hint == "auto" and quad is not None and getattr(quad, "aspect", None) in ("card", "a4"):
        kinds = list(CARD_KINDS) if quad.aspect == "card" else ["business_license"]
    # Every way up of every kind, with its visual evidence: (evidence, kind, upright image).
    hypotheses: list[tuple[float, str, np.ndarray, int]] = []
    rectified: dict[tuple[int, int], np.ndarray] = {}
    points = None if quad is None else getattr(quad, "points", quad)
    square = points is None or detect.Quad(np.asarray(points, np.float32).reshape(4, 2), "", 0.0).ratio < 1.2
    for kind in kinds:
        layout = LAYOUTS[kind]
        aspect = detect.KIND_ASPECT[kind]
        if layout.size not in rectified:
            rectified[layout.size] = detect.rectify(frame, quad, layout.size)
        turns = detect.upright_candidates(rectified[layout.size], layout.size)[: 4 if square else 2]
        for turn, upright in enumerate(turns):
            h, w = upright.shape[:2]
            small = cv2.resize(upright, (w // 4, h // 4), interpolation=cv2.INTER_AREA)
            corners = np.array([[0, 0], [w // 4, 0], [w // 4, h // 4], [0, h // 4]], np.float32)
            view = detect_evidence.DocumentView(small, corners, aspect)
            hypotheses.append((view.scores((kind,))[(kind, 0)], kind, upright, turn))
    hypotheses.sort(key=lambda item: -item[0])

    def combined(landmarks: float, evidence: float) -> float:
        # Evidence lifts a faint reading; on its own it stays under 0.5.
        return 1.0 - (1.0 - landmarks) * (1.0 - 0.45 * evidence)

    best = ("", np.zeros((1, 1, 3), np.uint8), -1.0, 0)
    for rank, (evidence, kind, upright, turn) in enumerate(hypotheses):
        if rank >= 3 and evidence < 0.3:
            break  # the rest look like none of the kinds: reading their words would only cost time
        layout = LAYOUTS[kind]
        score = combined(_landmark_score(upright, layout), evidence)
        if score < 0.85 and (evidence >= 0.3 or score >= 0.3):
            score = max(score, combined(_landmark_score(upright, layout, codes=True), evidence))
        if score > best[2]:
            best = (kind, upright, score, turn)
        if score >= 0.85:
            break
    return best


def _sharpened(image: np.ndarray, found: detect.Quad, kind: str, turn: int, blur: deblur.MotionBlur) -> np.ndarray:
    """The upright document with its motion blur taken out.

    The blur is one line kernel in the frame's pixels, so it is undone there, inside the document's outline,
    and the result rectified and turned exactly as the reader's upright image was (`turn`, from _classify).
    """
    size = LAYOUTS[kind].size
    margin = int(blur.length) + 8
    x0, y0 = np.floor(found.points.min(axis=0)).astype(int) - margin
    x1, y1 = np.ceil(found.points.max(axis=0)).astype(int) + margin
    sharp = deblur.deblur(image, blur, region=(int(x0), int(y0), int(x1), int(y1)))
    return detect.upright_candidates(detect.rectify(sharp, found, size), size)[turn]


CHECKED_FIELD = {"id_card_front": "id_number", "id_card_back": "valid_from", "business_license": "credit_code"}
GATE_FIELD = {"id_card_front": "id_number", "id_card_back": "validity", "business_license": "credit_code"}


def _standing(extraction: Extraction) -> tuple[int, int, float]:
    """How well a document read: first whether its checked field (the ID number, the validity period, the
    credit code) passes its own rules, since a misplaced outline cuts its first or last characters and a
    check digit never passes by chance; then its reported fields read without a problem, then their mean
    confidence."""
    wanted = REPORTED_FIELDS.get(extraction.kind, ())
    fields = [extraction.fields[name] for name in wanted if name in extraction.fields]
    checked = extraction.fields.get(CHECKED_FIELD.get(extraction.kind, ""))
    passes = int(checked is not None and bool(checked.value) and not checked.problems)
    clean = sum(1 for f in fields if f.value and not f.problems)
    return passes, clean, sum(f.confidence for f in fields) / max(len(fields), 1)


def _suspect(extraction: Extraction, found: detect.Quad | None) -> bool:
    """Whether an ID card's outline may be what spoiled its reading: none found, the kind unsure, or a reported
    field empty or breaking a rule."""
    if found is None or "kind_uncertain" in extraction.warnings:
        return True
    wanted = REPORTED_FIELDS.get(extraction.kind, ())
    fields = [extraction.fields[name] for name in wanted if name in extraction.fields]
    return any(not f.value or f.problems for f in fields)


def _registered(image: np.ndarray, extraction: Extraction, found: detect.Quad | None, turn: int) -> Extraction | None:
    """The document read again from its outline as its print places it (kiosk.ocr.register_card), when that
    outline differs from the one found by more than REGISTERED_MOVE_MM (or the print says it is another kind than
    the one it was read as), its checked field read from there passes its rules, and the whole reads better;
    None otherwise."""
    from kiosk.ocr import register_card

    kinds = [extraction.kind] if extraction.kind in LAYOUTS else []
    if found is None or "kind_uncertain" in extraction.warnings:
        # Any kind its print may say it is (a licence only within an outline: whole, its print is too small).
        kinds += [k for k in (CARD_KINDS if found is None else KINDS) if k not in kinds]
    upright = None
    if found is not None and turn in (0, 1):
        upright = np.roll(found.points, -2 * turn, axis=0)
    best: tuple[int, np.ndarray, str] | None = None
    for kind in kinds:
        views = [upright]
        if found is not None and kind != extraction.kind:  # the turn was found for another kind: either way up
            views = [found.points, np.roll(found.points, -2, axis=0)]
        for view in views:
            placed = register_card.register_card(image, view, kind)
            if placed is not None and (best is None or placed[1] > best[0]):
                best = (placed[1], placed[0], kind)
    if best is None:
        return None
    _, points, kind = best
    if upright is not None and kind == extraction.kind:
        scale = float(np.linalg.norm(points[1] - points[0])) / LAYOUTS[kind].width_mm
        if float(np.linalg.norm(points - upright, axis=1).max()) < REGISTERED_MOVE_MM[kind] * scale:
            return None  # the edges found agree with the print: theirs is the sharper outline
    aspect = detect.KIND_ASPECT[kind]
    quad = detect.Quad(points.astype(np.float32), aspect, found.confidence if found is not None else 0.5, "print")
    # Reading a whole document again costs seconds (a blurred licence most): first its checked field (the ID
    # number, the validity, the credit code) from where the print puts it, which must pass its rules.
    layout = LAYOUTS[kind]
    checked = read_field(detect.rectify(image, quad, layout.size), layout, GATE_FIELD[kind], {})
    if not checked.value or checked.problems:
        return None
    again = extract(image, kind, quad=quad, _register=False)
    return again if _standing(again) > _standing(extraction) else None


# How far (mm) the print must move an outline for the document to be read again: a card's fields sit within a
# millimetre or two of its labels; the licence's fit is looser (1.5 mm) and its reading costs seconds when blurred.
REGISTERED_MOVE_MM = {"id_card_front": 1.5, "id_card_back": 1.5, "business_license": 3.0}


def extract(
    image: np.ndarray, kind: str = "auto", *, quad: detect.Quad | None = None, _register: bool = True
) -> Extraction:
    """Read a document photograph or scan: kind "id_card_front", "id_card_back", "business_license" or "auto".

    `quad` is the document's outline when it is already known (bench.ocr_outlines gives the true one); otherwise
    it is looked for. An ID card whose reading suggests its outline was wrong (none found, the kind unsure, a
    field empty or breaking a rule) is registered on its printed layout and read again from there, and the
    better reading kept.
    """
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3) or image.size == 0:
        raise ValueError("not an image")
    started = time.perf_counter()
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    found = detect.find_document(image) if quad is None else quad
    warnings: list[str] = []
    if found is None:
        warnings.append("no_document_edges")
    found_kind, upright, score, turn = _classify(image, found, kind)
    if score < 0.5 and kind != "auto":
        # Not the document asked for? Say which it is (the other side of the card, or another document).
        other_kind, other_upright, other_score, other_turn = _classify(image, found, "auto")
        if other_score >= 0.5 and other_kind != kind:
            both_sides = {kind, other_kind} == set(CARD_KINDS)
            warnings.append("wrong_side" if both_sides else "wrong_document")
            found_kind, upright, score, turn = other_kind, other_upright, other_score, other_turn
    if score < 0.5:
        warnings.append("kind_uncertain")
    extraction = Extraction(found_kind or kind, warnings=warnings, rectified=upright)
    sharpened = None
    if found is not None:
        extraction.corners = [tuple(map(float, p)) for p in found.points]
        # The quality checks' motion blur is measured once, here, and also undone for reading when it is sure.
        blur = deblur.measure_motion(image, found.points)
        assessment = quality.assess(image, found, extraction.kind, still=True, motion_check=False)
        quality.note_motion(assessment, blur)
        extraction.warnings += list(assessment.codes)
        if blur is not None and blur.confident and extraction.kind in LAYOUTS:
            sharpened = _sharpened(image, found, extraction.kind, turn, blur)
    extraction.fields = read_document(upright, extraction.kind, sharpened)
    known = extraction.kind in LAYOUTS or (found is None and kind in ("auto", *CARD_KINDS))
    if _register and quad is None and known and _suspect(extraction, found):
        again = _registered(image, extraction, found, turn)
        if again is not None:
            again.warnings = [w for w in again.warnings if w != "no_document_edges"]
            extraction = again
    extraction.took_ms = (time.perf_counter() - started) * 1000
    return extraction
