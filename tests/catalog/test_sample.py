"""The committed sample source is exactly what the generator makes from ../shared/data, and it holds up."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from catalog.codes import credit_code_check, org_code_check
from catalog.sample.generate import generate_source

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"


@pytest.mark.skipif(not (SHARED / "catalog").is_dir(), reason="../shared/data is not beside the checkout")
def test_generator_reproduces_the_committed_source(tmp_path):
    generate_source(SHARED, tmp_path)
    committed = sorted(p.relative_to(REPO / "catalog" / "source") for p in (REPO / "catalog" / "source").rglob("*.*"))
    generated = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.*"))
    assert generated == committed
    for rel in committed:
        assert (tmp_path / rel).read_bytes() == (REPO / "catalog" / "source" / rel).read_bytes(), rel


@pytest.mark.skipif(not (SHARED / "catalog").is_dir(), reason="../shared/data is not beside the checkout")
def test_catalog_keeps_the_real_items(store):
    with (SHARED / "catalog" / "real_items_sichuan_guangan.csv").open(encoding="utf-8") as fh:
        real = list(csv.DictReader(fh))
    sources = [r["source"] for r in store.records()]
    assert sum(s.startswith("real:") for s in sources) >= len(real) - 5  # a few exact repeats are merged


def test_every_item_is_complete(store):
    records = list(store.records())
    assert len(records) == 1304
    for r in records:
        for key in (
            "id",
            "code",
            "name",
            "name_hant",
            "type",
            "department",
            "audience",
            "fee_standard",
            "where",
            "phone",
        ):
            assert r[key], (r["id"], key)
        for key in ("themes", "channels", "materials", "steps", "legal_basis"):
            assert r[key], (r["id"], key)
        assert all(m["form"] in ("original", "copy", "electronic") and m["copies"] >= 1 for m in r["materials"])
        if "self_service" in r["channels"]:
            assert r["form"], r["id"]
        assert "四川" not in r["name"] and "成都" not in r["name"], r["name"]
    assert sum(bool(r["name_en"]) for r in records) >= 200


def test_colloquial_words_residents_use(store):
    by_name = {r["name"]: r for r in store.records()}
    assert "社保卡" in by_name["社会保障卡申领"]["synonyms"]
    assert "开公司" in by_name["企业设立登记"]["synonyms"]
    assert "失业金" in by_name["失业保险金申领"]["synonyms"]
    assert "公积金" in by_name["提取住房公积金（租房）"]["synonyms"]


def test_department_credit_codes_carry_valid_check_characters(store):
    codes = {r["code"].split("-")[-3] for r in store.records() if r["code"].count("-") >= 4}
    huangpu = [c for c in codes if c.startswith("11440112")]
    assert huangpu
    for code in huangpu:
        assert org_code_check(code[8:16]) == code[16]
        assert credit_code_check(code[:17]) == code[17]
