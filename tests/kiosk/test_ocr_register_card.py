"""Registering an ID card on its printed layout: an outline several millimetres off, or none at all, is put back
where the card's labels, titles and values say it is; a picture without a card gives nothing; and the reader
uses it when a card's outline spoiled its reading."""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.ocr import register_card
from kiosk.ocr.fields import authority_problems
from kiosk.ocr.reader import extract
from kiosk.ocr.synth.dataset import make_sample


def card_photo(kind: str, seed: int, tier: str = "camera"):
    sample = make_sample(kind, tier, seed)
    return cv2.imdecode(np.frombuffer(sample.encoded, np.uint8), cv2.IMREAD_COLOR), sample


def px_per_mm(corners: np.ndarray) -> float:
    return float(np.linalg.norm(corners[1] - corners[0])) / 85.6


def test_the_words_a_card_is_registered_by_come_from_its_layout():
    front = {a.word: a for a in register_card.anchors("id_card_front") if not a.value}
    assert set(front) == {"姓名", "性别", "民族", "出生", "住址", "公民身份号码"}
    assert front["姓名"].x_mm == 5.0 and front["民族"].x_mm == 23.0 and not any(a.centred for a in front.values())
    back = register_card.anchors("id_card_back")
    assert {a.word for a in back if a.centred} == {"中华人民共和国", "居民身份证"}
    licence = register_card.anchors("business_license")
    assert not any(a.centred for a in licence)  # its title box also holds （副本）: the title's middle is not known
    assert {a.value for a in licence if a.value} >= {"credit_code", "established_date", "business_term", "address"}
    number = next(a for a in register_card.anchors("id_card_front") if a.value == "id_number")
    assert number.likeness("440112197806238435") == 1.0 and number.likeness("广东省广州市") == 0.0


def test_an_outline_several_millimetres_off_goes_back_onto_the_card():
    for kind, seed in (("id_card_back", 1003), ("id_card_front", 1004)):
        image, sample = card_photo(kind, seed)
        truth = sample.corners
        mm = px_per_mm(truth)
        off = truth.copy()
        off[0] += (-7 * mm, -4 * mm)  # the top-left corner out onto the desk (a sheet under the card)
        off[3] += (-6 * mm, 3 * mm)
        placed = register_card.register_card(image, off, kind)
        assert placed is not None, kind
        points, agreed = placed
        assert agreed >= 3
        error = np.linalg.norm(points - truth, axis=1) / mm
        # Within a millimetre or so, from up to 8 mm off; the front's print all lies in its left half (labels,
        # values, the ID number's start), so its far corners are placed by extrapolation, to a few mm.
        assert error[[0, 3]].max() < 1.5, (kind, error)
        assert error.max() < (1.5 if kind == "id_card_back" else 5.0), (kind, error)


def test_with_no_outline_the_card_is_found_by_its_print_alone():
    image, sample = card_photo("id_card_back", 1001)
    placed = register_card.register_card(image, None, "id_card_back")
    assert placed is not None
    assert np.abs(placed[0] - sample.corners).max() < 2.0 * px_per_mm(sample.corners)


def test_a_picture_without_a_card_gives_nothing():
    rng = np.random.default_rng(3)
    desk = np.clip(rng.normal(150, 25, (960, 1280, 3)), 0, 255).astype(np.uint8)
    corners = np.array([[300, 250], [980, 250], [980, 680], [300, 680]], np.float32)
    assert register_card.register_card(desk, corners, "id_card_front") is None
    assert register_card.register_card(desk, None, "id_card_back") is None


def test_the_reader_reads_a_card_from_where_its_print_puts_it_when_its_outline_misled():
    # Hard photo 2000 of the back: a sheet beside the card draws the outline 9 mm to the left, so the 签发机关
    # label was read into the authority ("机关广州市…", a problem now) and the card is registered and read again.
    image, sample = card_photo("id_card_back", 2000, "hard")
    extraction = extract(image, "auto")
    assert extraction.kind == "id_card_back"
    assert extraction.as_json()["fields"] == sample.truth
    assert np.abs(np.array(extraction.corners) - sample.corners).max() < 2.0 * px_per_mm(sample.corners)


def test_an_issuing_authority_is_a_public_security_bureau_without_its_label():
    assert authority_problems("广州市公安局黄埔分局") == []
    assert authority_problems("机关广州市公安局黄埔分局")  # the label read into the value
    assert authority_problems("凯关广州市公安局黄埔分局")  # a misread label before the city
    assert authority_problems("广州市黄埔区市场监督管理局")  # not a public security bureau


def test_a_licence_outline_pulled_off_by_a_pen_goes_back_onto_the_sheet():
    image, sample = card_photo("business_license", 1002)
    truth = sample.corners
    mm = float(np.linalg.norm(truth[1] - truth[0])) / 297.0
    off = truth.copy()
    off[0] += (-12 * mm, 0)  # the left side slanted out along a pen lying across the sheet's corner
    off[3] += (-4 * mm, 2 * mm)
    placed = register_card.register_card(image, off, "business_license")
    assert placed is not None
    assert np.linalg.norm(placed[0] - truth, axis=1).max() < 2.5 * mm  # from 12 mm off
    assert register_card.register_card(image, None, "business_license") is None  # too small to find whole


def test_an_overexposed_card_on_white_paper_with_no_edges_found_is_read_from_its_print():
    # Hard photo 1006 of the front: overexposed, on white sheets; no outline is found at all. Its print, looked
    # for in the whole frame, places it, and the edges of the sheets around it (not parallel to the sides the
    # print puts) are not taken for the card's.
    image, sample = card_photo("id_card_front", 1006, "hard")
    placed = register_card.register_card(image, None, "id_card_front")
    assert placed is not None
    assert np.linalg.norm(placed[0] - sample.corners, axis=1).max() < 2.0 * px_per_mm(sample.corners)
    extraction = extract(image, "auto")
    assert extraction.kind == "id_card_front" and "no_document_edges" not in extraction.warnings
    assert extraction.as_json()["fields"] == sample.truth


def test_lines_whose_labels_were_read_in_part_still_anchor_the_card():
    front = register_card.anchors("id_card_front")
    number = next(a for a in front if a.value == "id_number" and not a.end)
    end = next(a for a in front if a.end)
    sex = next(a for a in front if a.value == "sex")
    # 公民 faint and lost: the number's line still is the number's.
    assert number.likeness("身份号码44011219400803360X") == 1.0
    assert end.x_mm == register_card.ID_NUMBER_END_MM and end.likeness("身份号码44011219400803360X") == 1.0
    assert end.likeness("4401121940080336") == 0.0  # not all 18 read: its last ink is not the check character's
    assert sex.likeness("别女") == 1.0 and sex.likeness("男") == 1.0 and sex.likeness("出生1940年") == 0.0
    # Half of a long label is another's half too: the licence title is not its 营业期限.
    term = next(a for a in register_card.anchors("business_license") if a.word == "营业期限" and not a.value)
    assert term.likeness("营业执照") < register_card.MIN_LONG_LIKENESS <= term.likeness("营业期")


def test_an_outline_from_print_must_look_like_a_document():
    card = np.array([[100, 100], [956, 100], [956, 640], [100, 640]], np.float32)
    assert register_card.plausible(card, 85.6 / 54.0)
    tilted = np.array([[120, 120], [930, 90], [960, 640], [90, 610]], np.float32)
    assert register_card.plausible(tilted, 85.6 / 54.0)
    # Three anchors bent a fit into this: one side half its opposite.
    assert not register_card.plausible(np.array([[143, 375], [716, 266], [1390, 822], [152, 951]]), 85.6 / 54.0)
    assert not register_card.plausible(card[[0, 2, 1, 3]], 85.6 / 54.0)  # crossed
    square = np.array([[100, 100], [640, 100], [640, 640], [100, 640]], np.float32)
    assert not register_card.plausible(square, 85.6 / 54.0)  # no card seen from above is square


def test_anchors_in_one_column_place_a_sheared_sheet_by_its_rows():
    # The map a wrong top side leaves: the sheet's rows slope 14 degrees, its columns stand upright.
    truth = np.array([[3.5 * np.cos(0.25), 3.5, 80.0], [3.5 * np.sin(0.25), 3.5 * 0.02, 40.0], [0, 0, 1]])
    mm = np.array([[20.0, 33.0], [20.5, 42.5], [24.0, 90.5], [24.0, 114.5], [24.0, 126.5]])
    px = register_card._apply(truth, mm)
    along = truth[:2, 0] / np.linalg.norm(truth[:2, 0])
    directions = np.repeat(along[None], len(mm), axis=0)
    fitted = register_card._column_fit(mm, px, directions)
    corners = np.array([[0, 0], [297, 0], [297, 210], [0, 210]], np.float64)
    error = np.linalg.norm(register_card._apply(fitted, corners) - register_card._apply(truth, corners), axis=1)
    assert error.max() < 0.02 * 3.5 * 297  # within 2 % of the sheet's width, from anchors 4 mm apart across it
    similarity = np.vstack([register_card._similarity_fit(mm, px), [0, 0, 1]])
    assert np.linalg.norm(register_card._apply(similarity, corners)[1] - register_card._apply(truth, corners)[1]) > 100


def test_a_card_filling_an_overexposed_frame_is_read_from_its_print_though_labels_are_lost():
    # Hard photo 2007 of the front: overexposed, the card's top against white paper, no outline found; the
    # faint labels 姓名, 性 and 公民 are lost, so its lines are told by what they hold (the number's 18
    # characters, whose last ink places the card's right side), and its address lines, set tight, are read apart.
    image, sample = card_photo("id_card_front", 2007, "hard")
    extraction = extract(image, "auto")
    assert extraction.kind == "id_card_front"
    assert extraction.as_json()["fields"] == sample.truth


def test_a_licence_half_under_a_sheet_gets_its_credit_code_read_from_where_its_print_puts_it():
    # Hard photo 1006 of the licence: a sheet over its top, the outline found runs along the sheet; the labels in
    # its left column place it, their rows giving the slope a similarity would miss.
    image, sample = card_photo("business_license", 1006, "hard")
    extraction = extract(image, "auto")
    assert extraction.fields["credit_code"].value == sample.truth["credit_code"]


def test_a_licence_taken_for_a_card_is_read_as_the_licence_its_print_says_it_is():
    # Hard photo 3002 of the licence: dim, a sheet along its left side; the outline takes in the sheet, and the
    # landmarks, looked for the wrong way up, say an ID card, unsure. Its print, looked at either way up, is a
    # licence's: it is registered and read as one.
    image, sample = card_photo("business_license", 3002, "hard")
    extraction = extract(image, "auto")
    assert extraction.kind == "business_license" and "kind_uncertain" not in extraction.warnings
    fields = extraction.as_json()["fields"]
    assert fields["credit_code"] == sample.truth["credit_code"] and fields["name"] == sample.truth["name"]
    assert np.abs(np.array(extraction.corners) - sample.corners).max() < 0.01 * 2592
