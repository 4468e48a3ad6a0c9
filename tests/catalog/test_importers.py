"""Catalog import from CSV and XLSX: round trips, official-looking exports, and every problem at its cell."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from catalog.importers import (
    AUDIENCE_ZH,
    CHANNEL_ZH,
    MATERIAL_FORM_ZH,
    read_catalog,
    write_csv,
    write_xlsx,
)
from catalog.model import Department, Item
from catalog.problems import CatalogInvalid, SourceProblem
from catalog.sample.rules import form_for
from catalog.source_files import write_source
from catalog.validate import ValidatedSource, validate_source

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "catalog" / "source"


@pytest.fixture(scope="module")
def source() -> ValidatedSource:
    """The bundled catalog as `kiosk catalog build` reads it."""
    return validate_source(SOURCE)


@pytest.fixture(scope="module")
def reference(source: ValidatedSource) -> tuple[list[Item], list[Department]]:
    """The bundled catalog as the importer's reference (ids by code, departments)."""
    return source.items, source.departments


def sample(source: ValidatedSource, count: int = 24) -> list[Item]:
    """A few items of every kind: self-service personal and enterprise, window-only, charged."""
    chosen: dict[str, Item] = {}
    kinds = [
        lambda i: i.self_service and i.audience == "personal",
        lambda i: i.self_service and i.audience == "enterprise",
        lambda i: i.self_service and i.audience == "both",
        lambda i: not i.self_service,
        lambda i: i.fee_charged,
        lambda i: i.legal_days == 0,
    ]
    for test in kinds:
        for item in [i for i in source.items if test(i)][: count // len(kinds)]:
            chosen[item.id] = item
    return list(chosen.values())


def problems_of(path: Path, **kwargs) -> list[SourceProblem]:
    """The problems read_catalog reports (it must reject the file), also shown in the exception's text."""
    with pytest.raises(CatalogInvalid) as caught:
        read_catalog(path, **kwargs)
    problems = caught.value.problems
    assert problems
    for problem in problems[:50]:
        assert str(problem) in str(caught.value)
    return problems


def at(problems: list[SourceProblem], where: str, column: str, words: str = "") -> SourceProblem:
    """The single problem at `where` in `column` (whose message contains `words`)."""
    found = [p for p in problems if p.where == where and p.field == column and words in p.message]
    assert len(found) == 1, f"no single problem at {where} {column} {words!r} among:\n" + "\n".join(map(str, problems))
    return found[0]


# --- round trips ---------------------------------------------------------------------------------------------


def test_a_source_folder_reads_as_kiosk_catalog_build_reads_it(tmp_path: Path, source: ValidatedSource) -> None:
    items = sample(source)
    write_source(tmp_path, source.departments, items, version="test", note="subset")
    validated = validate_source(tmp_path)
    assert read_catalog(tmp_path) == (validated.items, validated.departments)


def test_the_whole_bundled_catalog_round_trips_through_xlsx(tmp_path: Path, source: ValidatedSource) -> None:
    path = tmp_path / "catalog.xlsx"
    started = time.perf_counter()
    write_xlsx(source.items, source.departments, path)
    written = time.perf_counter()
    items, departments = read_catalog(path)
    took = time.perf_counter() - written
    print(f"\n1,304 items: write_xlsx {written - started:.2f} s, read_catalog {took:.2f} s")
    assert len(items) == 1304
    assert items == source.items
    assert departments == source.departments
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["事项", "申请材料", "表单", "部门"]
    book.close()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_the_whole_bundled_catalog_round_trips_through_csv(
    tmp_path: Path, source: ValidatedSource, encoding: str
) -> None:
    path = tmp_path / "清单.csv"
    write_csv(source.items, source.departments, path, encoding=encoding)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    assert siblings == ["清单.csv", "清单.申请材料.csv", "清单.表单.csv", "清单.部门.csv"]
    data = path.read_bytes()
    if encoding == "utf-8-sig":
        assert data.startswith(b"\xef\xbb\xbf")
    else:
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")  # really GB18030, not UTF-8 in disguise
    assert read_catalog(path) == (source.items, source.departments)


def test_without_ids_an_item_keeps_the_current_id_of_its_code_and_a_new_one_gets_the_next(
    tmp_path: Path, source: ValidatedSource, reference
) -> None:
    items = sample(source, 6)
    new = replace(items[0], id="", code="44C9999001-440112000000-000-TEST-1-00", name="测试新事项")
    path = tmp_path / "ids.xlsx"
    write_xlsx([replace(i, id="") for i in items] + [new], source.departments, path)
    read, _ = read_catalog(path, reference=reference)
    assert [i.id for i in read[:-1]] == [i.id for i in items]
    highest = max(int(i.id.removeprefix("hp-")) for i in source.items)
    assert read[-1].id == f"hp-{highest + 1:05d}"


# --- official-looking exports --------------------------------------------------------------------------------

OFFICIAL_HEADERS = [
    "序号",
    " 事项名称 ",
    "*实施编码",
    "事项类型",
    "行使层级",  # a portal column the terminal does not use
    "实施机构",
    "服务对象",
    "法定办结时限（工作日）",
    "承诺办结时限(工作日)",
    "是否收费",
    "收费标准",
    "办理地点",
    "咨询电话",
    "设定依据",
    "办理流程",
    "面向自然人事项主题分类",
    "面向法人事项主题分类",
    "办理渠道",
    "英文名称",
    "关键词",
    "俗称",
    "热度",
    "来源",
]


def official_row(n: int, item: Item, departments: dict[str, Department]) -> list[object]:
    """An item as a provincial export writes it: Excel numbers, TRUE/FALSE, 即办, short department names."""
    dept = departments[item.department]
    days = [float(item.legal_days), f"{item.promised_days}个工作日" if item.promised_days else "即办"]
    personal = item.themes if item.audience != "enterprise" else ()
    enterprise = item.themes if item.audience == "enterprise" else ()
    return [
        n,
        item.name,
        item.code,
        item.type,
        "县级",
        dept.short_name if n % 2 else dept.name,
        AUDIENCE_ZH[item.audience],
        *days,
        item.fee_charged,
        item.fee_standard if item.fee_charged else None,  # 不收费 is the default
        item.where,
        item.phone,
        "\n".join(item.legal_basis),
        "\n".join(item.steps),
        "、".join(personal),
        "、".join(enterprise),
        "、".join(CHANNEL_ZH[c] for c in item.channels),
        item.name_en,
        "；".join(item.keywords),
        "；".join(item.synonyms),
        float(item.popularity),
        item.source,
    ]


def official_workbook(path: Path, items: list[Item], departments: list[Department]) -> None:
    """A workbook with a title row, variant headers, no ids, no 繁体名称, no 表单 and no 部门 sheet."""
    by_id = {d.id: d for d in departments}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "事项清单"
    sheet.append(["广州市黄埔区政务服务事项实施清单（2026年版）"])
    sheet.append(OFFICIAL_HEADERS)
    for n, item in enumerate(items, start=1):
        sheet.append(official_row(n, item, by_id))
    materials = book.create_sheet("申请材料")
    materials.append(["序号", "实施编码", "事项名称", "材料名称", "材料形式", "份数", "必要性", "备注"])
    for item in items:
        for m in item.materials:
            form = MATERIAL_FORM_ZH[m.form]
            required = "必要" if m.required else "非必要"
            materials.append([None, item.code, item.name, m.name, form, float(m.copies), required, m.note or None])
    book.save(path)


def test_an_official_export_with_header_variants_imports_to_the_same_items(
    tmp_path: Path, source: ValidatedSource, reference
) -> None:
    items = sample(source)
    path = tmp_path / "official.xlsx"
    official_workbook(path, items, source.departments)
    read, departments = read_catalog(path, reference=reference)
    # The forms come from the sample rules, the Traditional names from OpenCC, ids and departments from the
    # current catalog: all as the bundled source has them.
    assert read == items
    assert departments == source.departments
    assert all(i.form == form_for(i.name, i.audience) for i in read if i.self_service)


def test_a_gbk_csv_without_bom_from_chinese_excel_imports(tmp_path: Path, source: ValidatedSource, reference) -> None:
    items = sample(source)
    written = tmp_path / "written.csv"
    write_csv(items, source.departments, written)
    # Excel on a Chinese system saves CSV in GBK without a BOM; no 终端编号 or 繁体名称 column, no 部门 file.
    for suffix, drop in ((".csv", ("终端编号", "繁体名称")), (".申请材料.csv", ()), (".表单.csv", ())):
        rows = (written.parent / f"written{suffix}").read_text(encoding="utf-8-sig").splitlines(keepends=True)
        text = "".join(rows)
        if drop:
            import csv
            import io

            table = list(csv.reader(io.StringIO(text, newline="")))
            keep = [n for n, h in enumerate(table[0]) if h not in drop]
            out = io.StringIO(newline="")
            csv.writer(out).writerows([[r[n] for n in keep] for r in table])
            text = out.getvalue()
        (tmp_path / f"gbk{suffix}").write_bytes(text.encode("gbk"))
    assert read_catalog(tmp_path / "gbk.csv", reference=reference) == (items, source.departments)


def test_excel_numbers_dates_and_booleans_are_read_as_their_text(tmp_path: Path, source: ValidatedSource) -> None:
    items = sample(source, 6)
    path = tmp_path / "cells.xlsx"
    write_xlsx(items, source.departments, path)
    book = openpyxl.load_workbook(path)
    sheet, materials = book["事项"], book["申请材料"]
    sheet.cell(row=2, column=column_of(sheet, "咨询电话")).value = 12345
    sheet.cell(row=2, column=column_of(sheet, "热度")).value = 55.0
    sheet.cell(row=2, column=column_of(sheet, "是否收费")).value = False
    sheet.cell(row=2, column=column_of(sheet, "收费标准")).value = None
    materials.cell(row=2, column=column_of(materials, "备注")).value = dt.datetime(2026, 1, 5)
    materials.cell(row=2, column=column_of(materials, "份数")).value = 2.0
    book.save(path)
    first = read_catalog(path)[0][0]
    assert (first.phone, first.popularity, first.fee_charged, first.fee_standard) == ("12345", 55, False, "不收费")
    assert (first.materials[0].note, first.materials[0].copies) == ("2026-01-05", 2)

    sheet.cell(row=3, column=column_of(sheet, "法定办结时限")).value = dt.datetime(1900, 1, 20)  # 20 typed as a date
    book.save(path)
    assert "(a date cell)" in at(problems_of(path), f"{path}[事项]:3", "法定办结时限").message


# --- problems ------------------------------------------------------------------------------------------------


def column_of(sheet, header: str) -> int:
    """The 1-based column of a header in a sheet's first row."""
    return next(c.column for c in sheet[1] if c.value == header)


def test_every_problem_names_file_row_and_column_and_all_come_together(tmp_path: Path, source: ValidatedSource) -> None:
    items = sample(source, 12)
    path = tmp_path / "bad.xlsx"
    write_xlsx(items, source.departments, path)
    book = openpyxl.load_workbook(path)
    sheet, materials = book["事项"], book["申请材料"]

    def put(row: int, header: str, value: object, ws=sheet) -> None:
        ws.cell(row=row, column=column_of(ws, header)).value = value

    put(2, "实施主体", "黄埔区不存在局")
    put(3, "事项类型", "行政许可类")
    put(4, "法定办结时限", "二十天")
    put(5, "承诺办结时限", "abc")
    code_6 = sheet.cell(row=6, column=column_of(sheet, "实施编码")).value
    put(7, "实施编码", code_6)  # a duplicate; its own materials now belong to no item
    put(8, "办理地点", None)
    put(9, "服务对象", "个体户")
    put(10, "办理渠道", "自助终端、传真")
    put(2, "实施编码", "NO-SUCH-ITEM", ws=materials)
    put(3, "材料形式", "扫描件", ws=materials)
    book.save(path)

    problems = problems_of(path)
    items_at, materials_at = f"{path}[事项]", f"{path}[申请材料]"
    assert "unknown department '黄埔区不存在局'" in at(problems, f"{items_at}:2", "实施主体").message
    assert "unknown item type '行政许可类'" in at(problems, f"{items_at}:3", "事项类型").message
    assert "'二十天'" in at(problems, f"{items_at}:4", "法定办结时限").message
    assert "working days" in at(problems, f"{items_at}:5", "承诺办结时限").message
    duplicate = at(problems, f"{items_at}:7", "实施编码", "duplicate code")
    assert f"(first at {items_at}:6)" in duplicate.message
    assert at(problems, f"{items_at}:8", "办理地点").message == "is required (empty cell)"
    assert "自然人" in at(problems, f"{items_at}:9", "服务对象").message  # the accepted Chinese words
    assert "传真" in at(problems, f"{items_at}:10", "办理渠道").message
    assert "NO-SUCH-ITEM" in at(problems, f"{materials_at}:2", "实施编码").message
    assert "原件" in at(problems, f"{materials_at}:3", "材料形式").message


def test_csv_problems_name_the_line_a_row_starts_on(tmp_path: Path, source: ValidatedSource) -> None:
    items = sample(source, 12)
    path = tmp_path / "清单.csv"
    write_csv(items, source.departments, path)
    text = path.read_text(encoding="utf-8-sig")
    victim = items[5]
    # Steps and legal basis span lines inside quoted cells, so the row's line is not its record number.
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if victim.code in t)
    assert line > 7
    lines = text.split("\n")
    days = f",{victim.legal_days},{victim.promised_days},"
    assert days in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(days, ",20,30,", 1)
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    problem = at(problems_of(path), f"{path}:{line}", "承诺办结时限")
    assert "exceeds the legal limit of 20" in problem.message


def test_a_material_row_for_an_unknown_item_in_a_csv_sibling(tmp_path: Path, source: ValidatedSource) -> None:
    items = sample(source, 6)
    path = tmp_path / "c.csv"
    write_csv(items, source.departments, path)
    materials = tmp_path / "c.申请材料.csv"
    lines = materials.read_text(encoding="utf-8-sig").splitlines()
    lines.append("XX-1,没有的事项,身份证,原件,1,是,")
    materials.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    problem = at(problems_of(path), f"{materials}:{len(lines)}", "实施编码")
    assert problem.message == f"no item with 实施编码 'XX-1' in {path}"


def test_an_item_without_material_rows_is_named(tmp_path: Path, source: ValidatedSource) -> None:
    items = sample(source, 6)
    path = tmp_path / "c.csv"
    write_csv([items[0], replace(items[1], materials=()), *items[2:]], source.departments, path)
    text = path.read_text(encoding="utf-8-sig")
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if items[1].code in t)
    assert "every item needs at least one material" in at(problems_of(path), f"{path}:{line}", "申请材料").message


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", b"PK\x03\x04 truncated zip", b""],
    ids=["garbage", "truncated", "empty"],
)
def test_a_corrupt_workbook_is_one_problem_not_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    problems = problems_of(path)
    assert "not a readable XLSX workbook" in at(problems, str(path), "file").message
    assert len(problems) == 1  # not also "sheet missing" for a workbook that could not be opened


def test_a_workbook_cut_short_is_one_problem(tmp_path: Path, source: ValidatedSource) -> None:
    path = tmp_path / "cut.xlsx"
    write_xlsx(sample(source, 6), source.departments, path)
    path.write_bytes(path.read_bytes()[:-200])  # the zip's directory is at the end
    assert "not a readable XLSX workbook" in at(problems_of(path), str(path), "file").message


def test_missing_columns_sheets_and_files_are_named(tmp_path: Path, source: ValidatedSource) -> None:
    items = sample(source, 6)
    path = tmp_path / "cols.xlsx"
    write_xlsx(items, source.departments, path)
    book = openpyxl.load_workbook(path)
    sheet = book["事项"]
    sheet.delete_cols(column_of(sheet, "事项类型"))
    del book["申请材料"]
    book.save(path)
    problems = problems_of(path)
    assert at(problems, f"{path}[事项]:1", "事项类型").message == "required column missing"
    assert "every item needs its materials" in at(problems, str(path), "申请材料").message
    assert len(problems) == 2  # the rows would only repeat the missing column

    assert at(problems_of(tmp_path / "nothing.xlsx"), str(tmp_path / "nothing.xlsx"), "file").message == "not found"
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert "save it as .xlsx" in at(problems_of(tmp_path / "old.xls"), str(tmp_path / "old.xls"), "file").message


def test_a_department_sheet_is_checked_and_used(tmp_path: Path, source: ValidatedSource) -> None:
    items = sample(source, 6)
    used = {i.department for i in items}
    departments = [d for d in source.departments if d.id in used]
    path = tmp_path / "depts.xlsx"
    write_xlsx(items, departments, path)
    assert read_catalog(path) == (items, departments)  # no reference needed: ids and departments given
    book = openpyxl.load_workbook(path)
    book["部门"].cell(row=2, column=column_of(book["部门"], "部门简称")).value = None
    book.save(path)
    problems = problems_of(path)
    assert at(problems, f"{path}[部门]:2", "部门简称").message == "is required"
    # The department that failed is unknown to its items, named with the sheet it was looked for in.
    assert all(f"{path}[部门]" in p.message for p in problems if p.field == "实施主体")
