"""The document-reading flow without Qt: the attempt's phases, flagged fields, corrections, confirming, wiping."""

from __future__ import annotations

import numpy as np
import pytest

from catalog.model import Item, Material
from kiosk.flows.document import DocumentFlow, check_value, documents_for, reason_code
from kiosk.ocr.fields import FieldResult
from kiosk.ocr.reader import Extraction

TRUTH = {
    "name": "陶丽涵",
    "sex": "男",
    "ethnicity": "汉",
    "birth_date": "1963-12-03",
    "address": "广东省广州市黄埔区东鹏大道258号2707房",
    "id_number": "440112196312036070",
}


def extraction(flagged: dict[str, FieldResult] | None = None, warnings: list[str] | None = None) -> Extraction:
    fields = {name: FieldResult(value, 0.99) for name, value in TRUTH.items()}
    fields.update(flagged or {})
    image = np.full((648, 1027, 3), 200, np.uint8)
    return Extraction("id_card_front", fields, warnings or [], 500.0, None, image)


def reading(flow: DocumentFlow, result: Extraction, warnings: tuple[str, ...] = ()) -> None:
    flow.start("id_card_front")
    generation = flow.begin_capture()
    flow.captured(np.full((960, 1280, 3), 120, np.uint8), warnings)
    assert flow.set_extraction(result, generation)


def test_a_clean_reading_needs_nothing_and_is_kept_on_confirm():
    flow = DocumentFlow()
    reading(flow, extraction())
    assert flow.phase == "review" and flow.needs_attention() == []
    assert flow.confirmed_fields() == TRUTH
    document = flow.confirm()
    assert document.fields == TRUTH and document.image is not None
    assert flow.phase == "done" and flow.fields == {} and flow.image is None
    assert flow.documents["id_card_front"] is document


def test_flagged_fields_must_be_confirmed_or_corrected_before_the_document():
    flow = DocumentFlow()
    result = extraction(
        {
            "name": FieldResult("陶丽洒", 0.55, [], ["陶丽涵", "陶丽洒", "陶丽涵"]),
            "id_number": FieldResult("440112196312036071", 0.9, ["check digit does not match"]),
        }
    )
    reading(flow, result)
    assert flow.needs_attention() == ["name", "id_number"]
    assert flow.field("name").reason == "unsure" and flow.field("id_number").reason == "check_digit"
    assert flow.field("name").alternatives == ["陶丽涵"]  # duplicates and the reading itself are not offered
    assert "name" not in flow.confirmed_fields()
    with pytest.raises(ValueError, match="2 field"):
        flow.confirm()
    # A typed number that cannot be an ID number is refused, and nothing changes.
    assert flow.correct("id_number", "4401121963120360") == "id_number_format"
    assert flow.field("id_number").status == "check"
    assert flow.correct("id_number", " 44011219631203607０ ") == ""
    assert flow.field("id_number").status == "corrected" and flow.field("id_number").value == TRUTH["id_number"]
    flow.confirm_field("name")
    assert flow.field("name").status == "confirmed" and flow.needs_attention() == []
    assert flow.confirm().fields["id_number"] == TRUTH["id_number"]


def test_typing_back_the_reading_confirms_it_and_dates_are_normalised():
    flow = DocumentFlow()
    reading(flow, extraction({"birth_date": FieldResult("1963-12-08", 0.6)}))
    assert flow.correct("birth_date", "1963-12-08") == ""
    assert flow.field("birth_date").status == "confirmed"
    assert flow.correct("birth_date", "1963年12月3日") == ""
    assert flow.field("birth_date").value == "1963-12-03" and flow.field("birth_date").status == "corrected"
    assert flow.correct("birth_date", "tomorrow") == "not_date"
    assert flow.correct("sex", "M") == "not_sex"
    assert flow.correct("address", "  ") == "empty"


def test_capture_and_reader_warnings_are_merged_for_the_review():
    flow = DocumentFlow()
    reading(flow, extraction(warnings=["glare", "kind_uncertain"]), warnings=("photocopy",))
    assert flow.warnings == ("photocopy", "glare")


def test_a_late_reading_of_an_abandoned_attempt_is_dropped():
    flow = DocumentFlow()
    flow.start("id_card_front")
    old = flow.begin_capture()
    flow.captured(np.zeros((4, 4, 3), np.uint8))
    flow.retake()
    assert flow.phase == "capturing" and flow.image is None
    assert flow.set_extraction(extraction(), old) is False
    assert flow.fields == {}
    with pytest.raises(ValueError):
        flow.start("passport")


def test_wipe_scrubs_every_picture_and_forgets_every_value():
    flow = DocumentFlow()
    reading(flow, extraction())
    kept = flow.confirm()
    picture = kept.image
    reading(flow, extraction())
    captured, rectified = flow.image, flow.extraction.rectified
    flow.wipe()
    assert not picture.any() and not captured.any() and not rectified.any()
    assert flow.documents == {} and flow.fields == {} and flow.extraction is None and flow.kind == ""
    assert kept.fields == {}
    assert "陶" not in repr(flow.summary())


def test_documents_offered_follow_the_items_materials_and_audience():
    def item(audience: str, channels: tuple[str, ...], *materials: str) -> Item:
        return Item(
            "x", "c", "n", "公共服务", "d", audience, (), channels, 1, 1, False, "",
            tuple(Material(m, "original", 1, True) for m in materials), (), "", "", (),
        )  # fmt: skip

    assert documents_for(item("personal", ("self_service",), "申请人居民身份证")) == ("id_card_front",)
    assert documents_for(item("enterprise", ("self_service",), "营业执照（副本）", "法定代表人居民身份证")) == (
        "business_license",
        "id_card_front",
    )
    assert documents_for(item("personal", ("post_office",), "申请人居民身份证")) == ()
    assert documents_for(item("personal", ("self_service",), "户口簿")) == ()


def test_reason_codes_and_checks():
    assert reason_code([], "", 0.9) == "empty"
    assert reason_code(["sex digit differs from the printed sex"], "x", 0.9) == "sex_mismatch"
    assert reason_code([], "x", 0.5) == "unsure"
    assert reason_code([], "x", 0.95) == ""
    # The reader's newer problems, each with its own words on the review screen (the exact texts it produces).
    from kiosk.ocr.engines import Reading
    from kiosk.ocr.fields import interpret
    from kiosk.ocr.layouts import BUSINESS_LICENSE

    expected = {
        ("established_date", "3023年08月09日"): "future_date",
        ("name", "入老SHE7全，生计有二全放"): "company_name",
        ("name", "广州南下下区万象慷变革备王作究"): "company_name",
        ("legal_representative", "使太儿"): "surname",
        ("address", "广州市黄埔区光训中路177号9栋"): "street_road",
        ("address", "广州市黄埔区光谱中路177号"): "",
        ("address", "广州市黄埔区光谱中路177号1807"): "address_cut",
    }
    for (field, text), code in expected.items():
        result = interpret(BUSINESS_LICENSE.field(field), [Reading(text, 0.95)], {})
        assert reason_code(result.problems, result.value, result.confidence) == code, (field, text, result)
    assert check_value("business_license", "credit_code", "91440101MA5CXXXX00")[1] == "credit_code"
    assert check_value("id_card_back", "valid_until", "长期") == ("长期", "")


def test_prepare_writes_the_footage_the_simulated_document_camera_plays(tmp_path, capsys):
    import cv2

    from devices.registry import build_devices
    from kiosk.cli import _prepare_document_camera_footage
    from kiosk.config import load_config
    from kiosk.footage import FRAMES

    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")})
    _prepare_document_camera_footage(config)
    frames = sorted((config.data_dir / "sim" / "document-camera").glob("*.jpg"))
    assert len(frames) == FRAMES and "wrote 45 frames" in capsys.readouterr().out
    assert cv2.imread(str(frames[0])).shape == (960, 1280, 3)
    assert sum(p.stat().st_size for p in frames) < 8_000_000  # small enough to keep beside the terminal's data
    _prepare_document_camera_footage(config)  # a second prepare keeps what is there
    assert "footage ready" in capsys.readouterr().out
    devices = build_devices(config, mode="sim", start=())  # sim_dir defaults to <data_dir>/sim
    try:
        assert len(devices.simulators["doccamera"].recorded) == FRAMES
    finally:
        devices.close()
