"""The synthetic document generator: deterministic, well-formed truth, corners that warp back to the document."""

from __future__ import annotations

import json
import random
import re
from datetime import date

import cv2
import numpy as np
import pytest

from catalog.codes import CREDIT_CHARSET, credit_code_check, id_check_digit, org_code_check
from kiosk.ocr import gazetteer
from kiosk.ocr.layouts import KINDS, LAYOUTS, LICENSE_QR_BOX, REPORTED_FIELDS
from kiosk.ocr.synth import identities, photo, render
from kiosk.ocr.synth.__main__ import main as synth_main
from kiosk.ocr.synth.dataset import (
    TRUTH_FILE,
    keep_clear_boxes,
    make_flat,
    make_sample,
    make_truth,
    protected_boxes,
    write_dataset,
)
from kiosk.ocr.vocab import COMPANY_TYPES, ETHNIC_GROUPS

CAPITAL = re.compile(r"^(人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(整|（人民币）)?$")


def _warp_back(image: np.ndarray, corners: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The document cut out of a photograph by its corners, at its flat size."""
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), photo.flat_corners(size))
    return cv2.warpPerspective(image, matrix, size, flags=cv2.INTER_LINEAR)


def _check_front(fields: dict[str, str]) -> None:
    number = fields["id_number"]
    assert re.fullmatch(r"\d{17}[\dX]", number)
    assert id_check_digit(number[:17]) == number[17]
    birth = date.fromisoformat(fields["birth_date"])
    assert number[6:14] == f"{birth:%Y%m%d}"
    assert int(number[16]) % 2 == (1 if fields["sex"] == "男" else 0)
    assert fields["sex"] in ("男", "女")
    assert fields["ethnicity"] in ETHNIC_GROUPS
    assert 2 <= len(fields["name"]) <= 8
    parts = gazetteer.parse_address(fields["address"])
    assert parts is not None, fields["address"]
    assert parts.province == "广东省" and parts.known_road and parts.number
    assert parts.area_code == number[:6]  # the number's area code is where the holder lives
    assert len(fields["address"]) <= identities.ADDRESS_MAX_CHARS


def _check_back(fields: dict[str, str], birth: date) -> None:
    valid_from = date.fromisoformat(fields["valid_from"])
    assert birth < valid_from <= identities.REFERENCE_DATE
    years = identities.validity_years(identities.age_on(birth, valid_from))
    if years is None:
        assert fields["valid_until"] == "长期"
    else:
        until = date.fromisoformat(fields["valid_until"])
        assert until == identities.add_years(valid_from, years)
    assert re.fullmatch(r"(广东省)?[\u4e00-\u9fff]+市公安局([\u4e00-\u9fff]+分局)?", fields["issuing_authority"])


def _check_licence(fields: dict[str, str]) -> None:
    code = fields["credit_code"]
    assert len(code) == 18 and all(ch in CREDIT_CHARSET for ch in code)
    assert code[:2] == "91" and gazetteer.district_of_code(code[2:8]) is not None
    assert org_code_check(code[8:16]) == code[16]
    assert credit_code_check(code[:17]) == code[17]
    established = date.fromisoformat(fields["established_date"])
    assert established <= identities.REFERENCE_DATE
    assert fields["business_term"].startswith(f"{established:%Y年%m月%d日}至")
    end = fields["business_term"].split("至")[1]
    assert end == "长期" or re.fullmatch(r"\d{4}年\d{2}月\d{2}日", end)
    assert fields["company_type"] in COMPANY_TYPES
    assert CAPITAL.match(fields["registered_capital"]), fields["registered_capital"]
    parts = gazetteer.parse_address(fields["address"])
    assert parts is not None and parts.city == "广州市" and parts.known_road
    assert "广州" in fields["name"] and 2 <= len(fields["legal_representative"]) <= 8
    assert fields["business_scope"].endswith("经营活动）")


def test_truth_is_well_formed_over_many_seeds() -> None:
    for seed in range(300):
        person = identities.make_person(random.Random(seed))
        _check_front(person.front_fields())
        _check_back(person.back_fields(), person.birth_date)
        _check_licence(identities.make_company(random.Random(seed)).fields())


def test_truth_has_the_reported_fields_and_both_sides_agree() -> None:
    for kind in KINDS:
        fields, _ = make_truth(kind, 3)
        assert set(REPORTED_FIELDS[kind]) <= set(fields)
        assert all(isinstance(v, str) and v for v in fields.values())
    front, _ = make_truth("id_card_front", 3)
    back, extra = make_truth("id_card_back", 3)
    assert extra["area_code"] == front["id_number"][:6]
    _check_back(back, date.fromisoformat(front["birth_date"]))


def test_truth_draws_vary() -> None:
    people = [identities.make_person(random.Random(seed)) for seed in range(400)]
    assert {p.sex for p in people} == {"男", "女"}
    assert len({p.ethnicity for p in people}) > 5
    assert any(p.valid_until is None for p in people) and any(p.valid_until for p in people)
    assert any(len(p.name) == 2 for p in people) and any(p.name[:2] in ("欧阳", "司徒", "上官") for p in people)
    assert sum(p.id_number.startswith("440112") for p in people) > 150  # mostly Huangpu residents
    assert len({p.address.split("市")[0] for p in people}) > 3


def test_chinese_amounts() -> None:
    assert identities.chinese_amount(5_000_000) == "伍佰万"
    assert identities.chinese_amount(10_050_000) == "壹仟零伍万"
    assert identities.chinese_amount(150_000_000) == "壹亿伍仟万"
    assert identities.chinese_amount(100_000) == "壹拾万"


def test_gazetteer_tables() -> None:
    assert len(gazetteer.CITIES) == 21 and len(gazetteer.GUANGZHOU_DISTRICTS) == 11
    assert gazetteer.area_code("广州市", "黄埔区") == "440112"
    assert "大沙街道" in gazetteer.HUANGPU_STREETS
    parts = gazetteer.parse_address("广东省广州市黄埔区大沙街道大沙地东路88号501房")
    assert parts is not None and (parts.street, parts.road, parts.number, parts.rest) == (
        "大沙街道",
        "大沙地东路",
        "88号",
        "501房",
    )
    assert gazetteer.parse_address("北京市东城区东长安街1号") is None


def test_same_seed_same_sample_and_different_seeds_differ() -> None:
    a = make_sample("id_card_front", "camera", 11)
    b = make_sample("id_card_front", "camera", 11)
    assert a.encoded == b.encoded and a.truth == b.truth and np.array_equal(a.corners, b.corners)
    assert a.meta == b.meta
    assert make_truth("id_card_front", 12)[0] != a.truth


@pytest.mark.parametrize("kind", KINDS)
def test_scan_corners_warp_back_to_the_flat_document(kind: str) -> None:
    layout = LAYOUTS[kind]
    sample = make_sample(kind, "scan", 5)
    flat, truth, _ = make_flat(kind, 5)
    assert sample.truth == truth
    assert sample.image.shape[1::-1] == photo.scan_size(layout.size)
    h, w = sample.image.shape[:2]
    assert ((sample.corners >= 0) & (sample.corners <= [w, h])).all()
    back = _warp_back(sample.image, sample.corners, layout.size)
    inside = cv2.erode(flat.mask, np.ones((9, 9), np.uint8)) > 0
    diff = np.abs(back.astype(np.int16) - flat.image.astype(np.int16)).mean(axis=2)[inside]
    assert diff.mean() < 8, diff.mean()
    assert sample.meta["fonts"] and all(sample.meta["fonts"].values())


@pytest.mark.parametrize(("kind", "tier"), [("id_card_front", "hard"), ("business_license", "camera")])
def test_photographs_fill_the_frame_with_the_document(kind: str, tier: str) -> None:
    sample = make_sample(kind, tier, 8)
    w, h = photo.A4_FRAME_SIZE if kind == "business_license" else photo.FRAME_SIZE
    assert sample.image.shape == (h, w, 3)
    assert ((sample.corners >= 0) & (sample.corners <= [w, h])).all()
    x, y = sample.corners[:, 0], sample.corners[:, 1]
    assert np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)) > 0  # clockwise on screen (y points down)
    assert 0.3 <= photo.quad_area(sample.corners) / (w * h) <= 0.8
    quality = sample.meta["photo"]["jpeg_quality"]
    assert (50 <= quality <= 70) if tier == "hard" else (70 <= quality <= 90)
    # The cut-out still resembles the document (lighting and blur change it, the layout stays).
    flat, _, _ = make_flat(kind, 8)
    back = cv2.cvtColor(_warp_back(sample.image, sample.corners, LAYOUTS[kind].size), cv2.COLOR_BGR2GRAY)
    gray = cv2.cvtColor(flat.image, cv2.COLOR_BGR2GRAY)
    small = (LAYOUTS[kind].size[0] // 4, LAYOUTS[kind].size[1] // 4)
    a, b = (cv2.resize(img, small, interpolation=cv2.INTER_AREA).astype(np.float32).ravel() for img in (back, gray))
    assert np.corrcoef(a, b)[0, 1] > 0.5


@pytest.mark.parametrize("kind", KINDS)
def test_values_print_inside_their_layout_boxes(kind: str) -> None:
    # Same print run (same random source), other values: every changed pixel must lie in a field's box.
    layout = LAYOUTS[kind]
    first, _ = make_truth(kind, 1)
    second, _ = make_truth(kind, 2)
    options = {"registration_date": date(2020, 1, 2)} if kind == "business_license" else {}
    a = render.render(kind, first, random.Random(7), **options).image
    b = render.render(kind, second, random.Random(7), **options).image
    changed = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2) > 30
    allowed = photo.keep_clear_mask(layout.size, [layout.to_px(spec.box) for spec in layout.fields], 0) > 0
    if kind == "business_license":  # the QR code encodes the credit code
        x0, y0, x1, y1 = layout.to_px(LICENSE_QR_BOX)
        allowed[y0:y1, x0:x1] = True
    assert changed.any()
    assert not (changed & ~allowed).any()


@pytest.mark.parametrize("kind", KINDS)
def test_glare_and_clutter_keep_off_the_fields(kind: str) -> None:
    size = LAYOUTS[kind].size
    keep = photo.keep_clear_mask(size, keep_clear_boxes(kind), 0)
    for seed in range(6):
        rng = np.random.default_rng(seed)
        found = photo.glare_spot(size, rng, protected_boxes(kind))
        assert found is not None
        for x0, y0, x1, y1 in protected_boxes(kind):
            assert found[0][y0:y1, x0:x1].max() < 0.02
        pad = int(0.3 * max(size))
        occluder = photo.margin_occluder(size, rng, photo.keep_clear_mask(size, keep_clear_boxes(kind), 6), pad)
        if occluder is not None:
            on_doc = occluder[1][pad : pad + size[1], pad : pad + size[0]]
            assert not (on_doc & keep).any()


def test_approach_sequence_enters_settles_and_holds() -> None:
    flat, _, _ = make_flat("id_card_back", 2)
    frames, corners = photo.approach_sequence(flat.image, 10, seed=4, mask=flat.mask)
    assert len(frames) == len(corners) == 10
    assert all(f.shape == (960, 1280, 3) and f.dtype == np.uint8 for f in frames)
    w, h = photo.FRAME_SIZE

    def inside(quad: np.ndarray) -> bool:
        return bool(((quad >= 0) & (quad <= [w, h])).all())

    assert not inside(corners[0])
    assert all(inside(q) for q in corners[6:])
    steps = [float(np.abs(corners[i] - corners[i - 1]).max()) for i in range(7, 10)]
    assert max(steps) < 6  # held by hand: a pixel or two of jitter, no more
    assert steps != [0.0] * 3


def test_write_dataset_and_command_line(tmp_path) -> None:
    truth = write_dataset(tmp_path / "ds", kinds=["id_card_back"], tiers=["scan"], n=2, seed=1)
    lines = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    assert [line["image"] for line in lines] == ["id_card_back_scan_0000.jpg", "id_card_back_scan_0001.jpg"]
    for line in lines:
        assert set(line) == {"image", "kind", "tier", "fields", "corners", "meta"}
        image = cv2.imread(str(tmp_path / "ds" / line["image"]))
        assert image is not None and image.shape[1::-1] == photo.scan_size(LAYOUTS["id_card_back"].size)
        assert len(line["corners"]) == 4
    assert (
        synth_main([str(tmp_path / "cli"), "--n", "1", "--seed", "1", "--kinds", "id_card_back", "--tiers", "scan"])
        == 0
    )
    assert (tmp_path / "cli" / TRUTH_FILE).read_text(encoding="utf-8") == truth.read_text(encoding="utf-8").split("\n")[
        0
    ] + "\n"
