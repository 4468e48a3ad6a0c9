"""Read the official catalog that departments send (CSV or XLSX with GB/T 39046 columns) and write that layout.

`read_catalog(path)` takes a source folder (validated as by `kiosk catalog build`), a `.csv` file or a `.xlsx`
workbook, and returns the items and departments, or raises CatalogInvalid listing every problem with its file,
row and column. The tables (docs/catalog-import.md has the full column list):

- items: sheet "事项" (else the first other sheet) or the CSV itself, one row per item; the header row may sit
  under title rows. Columns 事项名称, 实施编码, 事项类型, 实施主体, 服务对象, 法定办结时限, 承诺办结时限, 是否收费,
  办理地点, 咨询电话, 设定依据, 办理流程, 主题分类, 办理渠道 are required; 基本编码, 收费标准, 繁体名称, 英文名称,
  关键词, 俗称, 热度, 终端编号 (the terminal's item id), 来源 optional; 序号 and any other column are ignored.
  Lists: 设定依据 and 办理流程 one entry a line; 主题分类, 办理渠道 split on lines, 、 , ; |; 关键词 and 俗称 on
  lines, ; and | (keywords may contain 、).
- materials: sheet "申请材料" or `<stem>.申请材料.csv`: 实施编码, 材料名称, 材料形式 (原件/复印件/电子版), 份数,
  是否必需, 备注; one row per material, in order.
- forms: sheet "表单" or `<stem>.表单.csv` (optional): 实施编码, 字段键, 字段名称, 字段类型, 是否必填, 预填来源,
  选项. A self-service item without rows gets the form the sample catalog's rules make.
- departments: sheet "部门" or `<stem>.部门.csv` (optional): 部门编号, 部门名称, 部门简称, 办事大厅, 咨询电话, 来源;
  without it 实施主体 is looked up in the reference catalog's departments (by id, name or short name).

Without 终端编号 an item keeps the id the reference catalog (default: the bundled source) gives its 实施编码,
else gets the next free `hp-NNNNN`. Headers may carry spaces, `*` marks and (full-width) bracketed notes; CSV
may be UTF-8 (with or without BOM) or GBK/GB18030; Excel numbers and dates are accepted as cells. Every item
then passes the same checks as a YAML source entry (catalog/validate.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from catalog.model import Department, Item
from catalog.problems import CatalogInvalid, SourceProblem
from catalog.sample.rules import form_for
from catalog.source_files import SourceEntry
from catalog.validate import check_unique, departments_from_entries, item_from_entry, validate_source

BUNDLED_SOURCE = Path(__file__).resolve().parent / "source"
ITEMS, MATERIALS, FORMS, DEPARTMENTS = "事项", "申请材料", "表单", "部门"
ID_PREFIX = "hp-"
Catalog = tuple[list[Item], list[Department]]


@dataclass(frozen=True)
class Column:
    """One column of a table: the model key it fills, the header the writers use and accepted variants."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


def _columns(*specs: tuple[Any, ...]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


# Provincial exports split themes by audience; both columns feed the item's themes.
THEME_ALIASES = ("面向自然人事项主题分类", "面向法人事项主题分类", "面向自然人主题分类", "面向法人主题分类")
ITEM_COLUMNS = _columns(
    ("id", "终端编号", ("终端事项编号", "终端id", "id")),
    ("name", "事项名称", ("实施清单名称", "事项名", "name"), True),
    ("basic_code", "基本编码", ("事项基本编码", "事项编码", "基本目录编码")),
    ("code", "实施编码", ("事项实施编码", "实施清单编码", "code"), True),
    ("type", "事项类型", ("事项类别", "type"), True),
    ("department", "实施主体", ("实施机构", "实施主体名称", "实施部门", "department"), True),
    ("audience", "服务对象", ("audience",), True),
    ("legal_days", "法定办结时限", ("法定时限", "legal_days"), True),
    ("promised_days", "承诺办结时限", ("承诺时限", "promised_days"), True),
    ("fee_charged", "是否收费", ("fee_charged",), True),
    ("fee_standard", "收费标准", ("收费标准及依据", "fee_standard")),
    ("where", "办理地点", ("where",), True),
    ("phone", "咨询电话", ("咨询方式", "phone"), True),
    ("legal_basis", "设定依据", ("legal_basis",), True),
    ("steps", "办理流程", ("steps",), True),
    ("themes", "主题分类", THEME_ALIASES, True),
    ("channels", "办理渠道", ("channels",), True),
    ("name_hant", "繁体名称", ("繁體名稱", "name_hant")),
    ("name_en", "英文名称", ("name_en",)),
    ("keywords", "关键词", ("keywords",)),
    ("synonyms", "俗称", ("别称", "synonyms")),
    ("popularity", "热度", ("popularity",)),
    ("source", "来源", ("数据来源", "source")),
)
MATERIAL_COLUMNS = _columns(
    ("code", "实施编码", ("事项实施编码",), True),
    ("item_name", "事项名称"),
    ("name", "材料名称", (), True),
    ("form", "材料形式", ("材料类型",), True),
    ("copies", "份数", ("材料份数", "纸质材料份数")),
    ("required", "是否必需", ("是否必要", "是否必须", "必要性", "材料必要性")),
    ("note", "备注", ("说明", "填报须知")),
)
FORM_COLUMNS = _columns(
    ("code", "实施编码", ("事项实施编码",), True),
    ("item_name", "事项名称"),
    ("key", "字段键", ("字段代码", "字段标识"), True),
    ("label", "字段名称", (), True),
    ("kind", "字段类型", (), True),
    ("required", "是否必填", ("是否必需",)),
    ("prefill", "预填来源", ("预填",)),
    ("choices", "选项", ("可选值",)),
)
DEPARTMENT_COLUMNS = _columns(
    ("id", "部门编号", ("部门id", "部门代码"), True),
    ("name", "部门名称", (), True),
    ("short_name", "部门简称", ("简称",), True),
    ("hall", "办事大厅", ("办理大厅",), True),
    ("phone", "咨询电话", (), True),
    ("source", "来源", ()),
)
# The column that tells a header row from title rows above it.
ANCHORS = {ITEMS: "name", MATERIALS: "name", FORMS: "label", DEPARTMENTS: "name"}
TABLE_COLUMNS = {ITEMS: ITEM_COLUMNS, MATERIALS: MATERIAL_COLUMNS, FORMS: FORM_COLUMNS, DEPARTMENTS: DEPARTMENT_COLUMNS}

AUDIENCE_WORDS = {
    **dict.fromkeys(("自然人", "个人", "居民", "公民", "personal"), "personal"),
    **dict.fromkeys(("法人", "企业", "企业法人", "事业法人", "事业单位法人", "社会组织法人"), "enterprise"),
    **dict.fromkeys(("非法人企业", "非法人组织", "其他组织", "行政机关", "单位", "组织", "enterprise"), "enterprise"),
    "both": "both",
}
AUDIENCE_ZH = {"personal": "自然人", "enterprise": "法人", "both": "自然人、法人"}
CHANNEL_ZH = {
    "self_service": "自助终端",
    "post_office": "邮政网点",
    "online": "网上办理",
    "centre_window": "政务服务中心窗口",
    "door_pickup": "邮政上门收件",
}
CHANNEL_WORDS = {**{v: k for k, v in CHANNEL_ZH.items()}, **{k: k for k in CHANNEL_ZH}, "窗口办理": "centre_window"}
MATERIAL_FORM_ZH = {"original": "原件", "copy": "复印件", "electronic": "电子版"}
MATERIAL_FORM_WORDS = {
    **{v: k for k, v in MATERIAL_FORM_ZH.items()},
    **{k: k for k in MATERIAL_FORM_ZH},
    **dict.fromkeys(("纸质原件", "原件核验"), "original"),
    **dict.fromkeys(("复印件（加盖公章）", "复印"), "copy"),
    **dict.fromkeys(("电子件", "电子材料", "电子文件", "电子证照"), "electronic"),
}
KIND_ZH = {
    "text": "文本",
    "id_number": "身份证号码",
    "credit_code": "统一社会信用代码",
    "phone": "电话",
    "date": "日期",
    "address": "地址",
    "number": "数字",
    "choice": "选项",
}
KIND_WORDS = {**{v: k for k, v in KIND_ZH.items()}, **{k: k for k in KIND_ZH}, "联系电话": "phone", "单选": "choice"}
TRUE_WORDS = {"是", "必需", "必要", "必须", "必填", "必交", "收费", "y", "yes", "true", "1", "√"}
FALSE_WORDS = {"否", "非必需", "非必要", "不必需", "容缺", "可选", "选填", "非必填", "不收费", "免费"}
FALSE_WORDS |= {"n", "no", "false", "0", "×"}
# The validator speaks model values; an admin's table speaks Chinese, so its messages get the Chinese words too.
HINTS = {
    "audience": "write 自然人, 法人 or 自然人、法人",
    "channels": "write " + ", ".join(CHANNEL_ZH.values()),
    "form": "write " + ", ".join(MATERIAL_FORM_ZH.values()),
    "kind": "write " + ", ".join(KIND_ZH.values()),
    "legal_days": "write a number of working days, N个工作日 or 即办",
    "promised_days": "write a number of working days, N个工作日 or 即办",
}
_DAYS = re.compile(r"^(\d+)\s*(个)?(工作日|日|天)?$")
_INSTANT = ("即办", "即时办结", "当场办结", "当场办理")
_BRACKETED_NOTE = re.compile(r"\([^()]*\)$")
_NESTED = re.compile(r"^(materials|form)\[(\d+)\](?:\.(\w+))?$")
SEPARATORS = {"line": r"\n", "list": r"[\n、,，;；|]", "words": r"[\n;；|]"}


@dataclass
class Row:
    """One data row: its line (CSV) or row number (XLSX) and its cells by column key."""

    line: int
    cells: dict[str, Any]


@dataclass
class Table:
    """One sheet or CSV file, read: where it is, the headers as written there and its data rows."""

    label: str
    headers: dict[str, str]
    rows: list[Row] = field(default_factory=list)

    def where(self, row: Row | int) -> str:
        """`file:row` (CSV) or `file[sheet]:row` (XLSX) of a row."""
        return f"{self.label}:{row if isinstance(row, int) else row.line}"

    def column(self, key: str, columns: tuple[Column, ...]) -> str:
        """The header of a column as the file writes it (the standard name when the file lacks it)."""
        return self.headers.get(key) or next(c.header for c in columns if c.key == key)


def _header_key(text: Any) -> str:
    """A header compared loosely: full-width folded, no spaces or * marks, no trailing bracketed note."""
    folded = re.sub(r"[\s\ufeff]+", "", unicodedata.normalize("NFKC", str(text))).strip("*")
    return _BRACKETED_NOTE.sub("", folded).lower() or folded.lower()


def _match_key(text: str) -> str:
    """A department name compared loosely (full-width brackets and spaces vary between exports)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _cell_text(value: Any) -> str:
    """A cell as text: Excel numbers without `.0`, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _cell_int(value: Any, days: bool = False) -> Any:
    """A whole number from a cell, or the cell as text for the validator to reject (None when empty)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.date | dt.time):
        return f"{_cell_text(value)} (a date cell)"
    text = unicodedata.normalize("NFKC", _cell_text(value))
    if not text:
        return None
    if days and text in _INSTANT:
        return 0
    match = _DAYS.match(text) if days else re.fullmatch(r"\d+", text)
    return int(match.group(1) if days else text) if match else text


def _cell_bool(value: Any) -> bool | None:
    """是/否 and their variants; None when the cell says neither."""
    if isinstance(value, bool):
        return value
    text = _cell_text(value).lower()
    return True if text in TRUE_WORDS else False if text in FALSE_WORDS else None


def _split(value: Any, kind: str) -> list[str]:
    return [part.strip() for part in re.split(SEPARATORS[kind], _cell_text(value)) if part.strip()]


# --- reading files into tables -------------------------------------------------------------------------------


def _table(label: str, grid: Iterable[tuple[int, list[Any]]], name: str, problems: list[SourceProblem]) -> Table:
    """Find the header row (title rows above it are skipped), map its columns and collect the data rows."""
    columns = TABLE_COLUMNS[name]
    lookup = {_header_key(alias): c.key for c in columns for alias in (c.header, *c.aliases)}
    rows = iter(grid)
    line, cells, keys = 0, [], []
    for line, cells in rows:
        keys = [lookup.get(_header_key(cell)) if cell is not None else None for cell in cells]
        if ANCHORS[name] in keys or line >= 20:
            break
    if ANCHORS[name] not in keys:
        anchor = next(c.header for c in columns if c.key == ANCHORS[name])
        problems.append(SourceProblem(label, anchor, f"no header row with {anchor} in the first 20 rows"))
        return Table(label, {})
    table = Table(label, {})
    positions: dict[str, list[int]] = {}
    for n, key in enumerate(keys):
        if key is None:
            continue  # 序号 and columns the terminal does not use
        if key in table.headers and key != "themes":
            problems.append(SourceProblem(table.where(line), _cell_text(cells[n]), f"duplicate column (as {key})"))
            continue
        table.headers.setdefault(key, _cell_text(cells[n]))
        positions.setdefault(key, []).append(n)
    missing = [c.header for c in columns if c.required and c.key not in table.headers]
    for header in missing:
        problems.append(SourceProblem(table.where(line), header, "required column missing"))
    if missing:
        return table
    for row_line, row_cells in rows:
        if all(_cell_text(c) == "" for c in row_cells):
            continue
        values: dict[str, Any] = {}
        for key, at in positions.items():
            found = [row_cells[n] for n in at if n < len(row_cells) and _cell_text(row_cells[n]) != ""]
            values[key] = "\n".join(map(_cell_text, found)) if len(found) > 1 else (found[0] if found else None)
        table.rows.append(Row(row_line, values))
    return table


def _decode(data: bytes) -> str | None:
    """UTF-8 (a BOM is dropped) or, as Chinese Excel saves CSV, GBK/GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _csv_grid(path: Path, problems: list[SourceProblem]) -> list[tuple[int, list[Any]]] | None:
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        problems.append(SourceProblem(str(path), "file", f"cannot be read: {exc.strerror or exc}"))
        return None
    if text is None:
        problems.append(SourceProblem(str(path), "file", "is neither UTF-8 nor GBK/GB18030 text"))
        return None
    head = text[:4096]
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid, start = [], 1
    try:
        for cells in reader:
            grid.append((start, cells))
            start = reader.line_num + 1  # a quoted cell may span lines: report where its row starts
    except csv.Error as exc:
        problems.append(SourceProblem(f"{path}:{reader.line_num}", "file", f"not valid CSV: {exc}"))
        return None
    return grid


def _csv_tables(path: Path, problems: list[SourceProblem]) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name in (ITEMS, MATERIALS, FORMS, DEPARTMENTS):
        file = path if name == ITEMS else path.with_name(f"{path.stem}.{name}.csv")
        if name != ITEMS and not file.exists():
            continue
        grid = _csv_grid(file, problems)
        if grid is not None:
            tables[name] = _table(str(file), grid, name, problems)
    return tables


def _xlsx_tables(path: Path, problems: list[SourceProblem]) -> dict[str, Table]:
    import openpyxl  # only an import of workbooks pays for it

    tables: dict[str, Table] = {}
    try:
        # openpyxl warns about styles and extensions it does not read; they do not touch cell values.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged workbook fails in zipfile, XML or openpyxl code alike
        problems.append(SourceProblem(str(path), "file", f"not a readable XLSX workbook: {exc or type(exc).__name__}"))
        return tables
    try:
        names = list(book.sheetnames)
        others = [n for n in names if n not in (MATERIALS, FORMS, DEPARTMENTS)]
        chosen = {ITEMS: ITEMS if ITEMS in names else (others[0] if others else None)}
        chosen.update({n: n if n in names else None for n in (MATERIALS, FORMS, DEPARTMENTS)})
        for name, sheet in chosen.items():
            if sheet is None:
                continue
            worksheet = book[sheet]
            worksheet.reset_dimensions()  # some exporters write a wrong <dimension>, which would cut rows off
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    grid = [(n, list(r)) for n, r in enumerate(worksheet.iter_rows(min_row=1, values_only=True), 1)]
            except Exception as exc:  # the sheet's XML is read lazily, so damage shows here
                problems.append(SourceProblem(f"{path}[{sheet}]", "file", f"sheet cannot be read: {exc}"))
                continue
            tables[name] = _table(f"{path}[{sheet}]", grid, name, problems)
    finally:
        book.close()
    return tables


# --- tables into items ---------------------------------------------------------------------------------------


@dataclass
class _Context:
    """What item rows are checked against: departments, ids, and the material and form rows by 实施编码."""

    tables: dict[str, Table]
    departments: list[Department]
    department_source: str
    ids_by_code: dict[str, str]
    materials: dict[str, list[Row]] = field(default_factory=dict)
    forms: dict[str, list[Row]] = field(default_factory=dict)
    _by_name: dict[str, str] = field(default_factory=dict)

    def department_id(self, text: str) -> str | None:
        """The department an 实施主体 cell names by id, full name or short name."""
        if not self._by_name:
            for dept in reversed(self.departments):  # the first department wins a name two of them share
                self._by_name.update({_match_key(n): dept.id for n in (dept.short_name, dept.name, dept.id)})
        return self._by_name.get(_match_key(text))


def _reference(reference: Path | Catalog | None) -> Catalog:
    if isinstance(reference, tuple):
        return reference
    return read_catalog(reference or BUNDLED_SOURCE)


def _departments(tables: dict[str, Table], problems: list[SourceProblem]) -> list[Department]:
    table = tables[DEPARTMENTS]
    entries = []
    for row in table.rows:
        data = {k: _cell_text(v) for k, v in row.cells.items()}
        entries.append(SourceEntry(Path(table.label), row.line, data, {}))
    found: list[SourceProblem] = []
    departments = departments_from_entries(entries, found)
    lines = {f"{Path(table.label)}:{row.line}": row.line for row in table.rows}
    for p in found:
        line = lines.get(p.where, 0)
        problems.append(SourceProblem(table.where(line), table.column(p.field, DEPARTMENT_COLUMNS), p.message))
    return departments


def _group(
    table: Table | None, items: Table, columns: tuple[Column, ...], problems: list[SourceProblem]
) -> dict[str, list[Row]]:
    """Rows of a materials or forms table by 实施编码; rows naming no item of the items table are problems."""
    grouped: dict[str, list[Row]] = {}
    if table is None:
        return grouped
    codes = {_cell_text(r.cells.get("code")) for r in items.rows}
    for row in table.rows:
        code = _cell_text(row.cells.get("code"))
        if not code:
            problems.append(SourceProblem(table.where(row), table.column("code", columns), "is required"))
        elif code not in codes:
            problems.append(
                SourceProblem(
                    table.where(row), table.column("code", columns), f"no item with 实施编码 {code!r} in {items.label}"
                )
            )
        else:
            grouped.setdefault(code, []).append(row)
    return grouped


def _material(row: Row, table: Table, own: list[SourceProblem]) -> dict[str, Any]:
    required = _cell_bool(row.cells.get("required")) if _cell_text(row.cells.get("required")) else True
    if required is None:
        own.append(SourceProblem(table.where(row), table.column("required", MATERIAL_COLUMNS), "write 是 or 否"))
    copies = _cell_int(row.cells.get("copies"))
    form = _cell_text(row.cells.get("form"))
    return {
        "name": _cell_text(row.cells.get("name")),
        "form": MATERIAL_FORM_WORDS.get(form, form),
        "copies": 1 if copies is None else copies,
        "required": bool(required),
        "note": _cell_text(row.cells.get("note")),
    }


def _form_field(row: Row, table: Table, own: list[SourceProblem]) -> dict[str, Any]:
    required = _cell_bool(row.cells.get("required")) if _cell_text(row.cells.get("required")) else False
    if required is None:
        own.append(SourceProblem(table.where(row), table.column("required", FORM_COLUMNS), "write 是 or 否"))
    kind = _cell_text(row.cells.get("kind"))
    return {
        "key": _cell_text(row.cells.get("key")),
        "label": _cell_text(row.cells.get("label")),
        "kind": KIND_WORDS.get(kind, kind),
        "required": bool(required),
        "prefill": _cell_text(row.cells.get("prefill")),
        "choices": _split(row.cells.get("choices"), "list"),
    }


ITEM_KEYS_TEXT = ("id", "code", "name", "name_hant", "name_en", "type", "fee_charged", "fee_standard", "where")
ITEM_KEYS_TEXT += ("phone", "source", "basic_code", "department")
_hant: Callable[[str], str] | None = None


def _to_hant(text: str) -> str:
    """繁體 for an item the table gives no 繁体名称 (OpenCC s2hk, as the sample catalog)."""
    global _hant
    if _hant is None:
        import opencc

        _hant = opencc.OpenCC("s2hk").convert
    return _hant(text)


def _audience(value: Any) -> str:
    text = _cell_text(value)
    words = {AUDIENCE_WORDS.get(w) for w in _split(value, "list") for w in re.split(r"[/\s]+", w) if w}
    if not words or None in words:
        return text  # rejected by the validator with the accepted words
    return "both" if "both" in words or words == {"personal", "enterprise"} else words.pop()


def _item_data(row: Row, table: Table, ctx: _Context, own: list[SourceProblem]) -> dict[str, Any]:
    """A table row in the shape of a YAML item record, converted as far as the cells allow."""
    cells = row.cells
    text = {key: _cell_text(cells.get(key)) for key in ITEM_KEYS_TEXT}
    for c in ITEM_COLUMNS:
        if c.required and _cell_text(cells.get(c.key)) == "":
            own.append(SourceProblem(table.where(row), table.column(c.key, ITEM_COLUMNS), "is required (empty cell)"))
    charged = _cell_bool(cells.get("fee_charged"))
    if charged is None and text["fee_charged"]:
        own.append(SourceProblem(table.where(row), table.column("fee_charged", ITEM_COLUMNS), "write 是 or 否"))
    channels = [CHANNEL_WORDS.get(c, c) for c in _split(cells.get("channels"), "list")]
    materials = [_material(r, ctx.tables[MATERIALS], own) for r in ctx.materials.get(text["code"], ())]
    form = [_form_field(r, ctx.tables[FORMS], own) for r in ctx.forms.get(text["code"], ())]
    if not form and "self_service" in channels:
        # The same rule-made form the sample catalog gives its self-service items.
        form = [asdict(f) for f in form_for(text["name"], _audience(cells.get("audience")))]
    popularity = _cell_int(cells.get("popularity"))
    name_hant = text["name_hant"] or (_to_hant(text["name"]) if text["name"] else "")
    themes = list(dict.fromkeys(_split(cells.get("themes"), "list")))  # two theme columns may repeat one
    return {
        "id": text["id"],
        "code": text["code"],
        "name": text["name"],
        "name_hant": name_hant,
        "name_en": text["name_en"],
        "type": text["type"],
        "audience": _audience(cells.get("audience")),
        "themes": themes,
        "channels": channels,
        "legal_days": _cell_int(cells.get("legal_days"), days=True),
        "promised_days": _cell_int(cells.get("promised_days"), days=True),
        "fee_charged": bool(charged),
        "fee_standard": text["fee_standard"] or ("" if charged else "不收费"),
        "materials": materials,
        "steps": _split(cells.get("steps"), "line"),
        "where": text["where"],
        "phone": text["phone"],
        "legal_basis": _split(cells.get("legal_basis"), "line"),
        "keywords": _split(cells.get("keywords"), "words"),
        "synonyms": _split(cells.get("synonyms"), "words"),
        "form": form,
        "popularity": 0 if popularity is None else popularity,
        "source": text["source"],
    }


def _hinted(key: str, message: str) -> str:
    """A validator message about a value it did not understand, with the words a table may use."""
    understood = not message.startswith(("must be", "unknown"))
    return message if understood or key not in HINTS else f"{message}; {HINTS[key]}"


def _relabel(
    problem: SourceProblem, row: Row, table: Table, ctx: _Context, code: str, materials: bool
) -> SourceProblem:
    """A validator problem (model field names) moved to the table's row and column it came from."""
    nested = _NESTED.match(problem.field)
    if nested:
        kind, index, sub = nested.group(1), int(nested.group(2)), nested.group(3)
        name, columns = (MATERIALS, MATERIAL_COLUMNS) if kind == "materials" else (FORMS, FORM_COLUMNS)
        rows = (ctx.materials if kind == "materials" else ctx.forms).get(code, [])
        sub_table = ctx.tables.get(name)
        key = sub or ("name" if kind == "materials" else "label")
        message = _hinted(sub or "", problem.message)
        if sub_table is not None and index < len(rows):
            return SourceProblem(sub_table.where(rows[index]), sub_table.column(key, columns), message)
        return SourceProblem(table.where(row), f"{name}.{key}", message)  # a rule-made form: cannot happen
    if problem.field == "materials" and not materials:
        message = f"no rows in {MATERIALS} for 实施编码 {code!r} (every item needs at least one material)"
        return SourceProblem(table.where(row), MATERIALS, message)
    if problem.field == "form":
        return SourceProblem(table.where(row), FORMS, problem.message)
    message = _hinted(problem.field, problem.message)
    return SourceProblem(table.where(row), table.column(problem.field, ITEM_COLUMNS), message)


def _assign_ids(table: Table, ctx: _Context) -> dict[int, str]:
    """Ids for rows without 终端编号: the reference's id for the 实施编码, else the next free one."""
    given = {_cell_text(r.cells.get("id")) for r in table.rows} - {""}
    taken = given | set(ctx.ids_by_code.values())
    numbers = [int(m.group(1)) for i in taken if (m := re.fullmatch(rf"{ID_PREFIX}(\d+)", i))]
    next_number = max(numbers, default=0) + 1
    assigned: dict[int, str] = {}
    for row in table.rows:
        if _cell_text(row.cells.get("id")):
            continue
        known = ctx.ids_by_code.get(_cell_text(row.cells.get("code")))
        if known and known not in given:
            assigned[row.line] = known
            given.add(known)
        else:
            assigned[row.line] = f"{ID_PREFIX}{next_number:05d}"
            next_number += 1
    return assigned


def _items(ctx: _Context, problems: list[SourceProblem]) -> list[Item]:
    table = ctx.tables[ITEMS]
    ctx.materials = _group(ctx.tables.get(MATERIALS), table, MATERIAL_COLUMNS, problems)
    ctx.forms = _group(ctx.tables.get(FORMS), table, FORM_COLUMNS, problems)
    ids = _assign_ids(table, ctx)
    items: list[Item] = []
    first_seen: dict[tuple[str, str], str] = {}
    for row in table.rows:
        own: list[SourceProblem] = []
        data = _item_data(row, table, ctx, own)
        data["id"] = data["id"] or ids[row.line]
        dept_text = _cell_text(row.cells.get("department"))
        department = ctx.department_id(dept_text) if dept_text else None
        if dept_text and department is None:
            message = f"unknown department {dept_text!r} (no id, name or short name in {ctx.department_source})"
            own.append(SourceProblem(table.where(row), table.column("department", ITEM_COLUMNS), message))
        found: list[SourceProblem] = []
        item = item_from_entry(SourceEntry(Path(table.label), row.line, data, {}), department or "", found)
        # One problem per cell: an empty cell is not also reported as "is required" by the validator.
        seen = {(p.where, p.field) for p in own}
        for p in found:
            moved = _relabel(p, row, table, ctx, data["code"], bool(data["materials"]))
            if (moved.where, moved.field) not in seen:
                own.append(moved)
        problems.extend(own)
        if item is None or own:
            continue
        basic_code = _cell_text(row.cells.get("basic_code"))
        if basic_code:
            item = replace(item, extra={**item.extra, "basic_code": basic_code})
        found = []
        check_unique(item, lambda _key, r=row: table.where(r), first_seen, found)
        problems.extend(SourceProblem(p.where, table.column(p.field, ITEM_COLUMNS), p.message) for p in found)
        items.append(item)
    if not table.rows:
        problems.append(SourceProblem(table.label, "items", "the table has no item rows"))
    return items


def _from_tables(
    path: Path, tables: dict[str, Table], reference: Path | Catalog | None, problems: list[SourceProblem]
) -> Catalog:
    csv_file = path.suffix.lower() == ".csv"
    if ITEMS not in tables and not problems:
        problems.append(SourceProblem(str(path), ITEMS, "no items sheet"))
    if ITEMS in tables and MATERIALS not in tables:
        where = path.with_name(f"{path.stem}.{MATERIALS}.csv") if csv_file else path
        what = "file" if csv_file else "sheet"
        problems.append(SourceProblem(str(where), MATERIALS, f"{what} missing: every item needs its materials"))
    if problems:  # an unreadable file or a table without its required columns: its rows would only repeat that
        raise CatalogInvalid(problems)
    items_table = tables[ITEMS]
    need_ids = any(not _cell_text(r.cells.get("id")) for r in items_table.rows)
    ref = _reference(reference) if need_ids or DEPARTMENTS not in tables else ([], [])
    if DEPARTMENTS in tables:
        departments, department_source = _departments(tables, problems), f"{tables[DEPARTMENTS].label}"
    else:
        departments, department_source = ref[1], "the current catalog's departments"
    ctx = _Context(tables, departments, department_source, {i.code: i.id for i in ref[0]})
    items = _items(ctx, problems)
    if problems:
        raise CatalogInvalid(_in_file_order(problems, tables))
    return items, departments


def _in_file_order(problems: list[SourceProblem], tables: dict[str, Table]) -> list[SourceProblem]:
    """Problems table by table (items first), row by row, as the admin goes through the file."""
    order = {table.label: n for n, table in enumerate(tables.values())}

    def key(problem: SourceProblem) -> tuple[int, int]:
        label, _, line = problem.where.rpartition(":")
        return (order.get(label, len(order)), int(line)) if line.isdigit() else (order.get(problem.where, -1), 0)

    return sorted(problems, key=key)


def read_catalog(path: Path, reference: Path | Catalog | None = None) -> Catalog:
    """Items and departments from a source folder, a CSV file or an XLSX workbook; CatalogInvalid lists problems.

    `reference` (default: the bundled source) gives ids by 实施编码 to rows without 终端编号 and the departments
    when the tables have none; it is read only when needed.
    """
    path = Path(path)
    if path.is_dir():
        validated = validate_source(path)
        return validated.items, validated.departments
    problems: list[SourceProblem] = []
    suffix = path.suffix.lower()
    if not path.exists():
        problems.append(SourceProblem(str(path), "file", "not found"))
    elif suffix == ".csv":
        return _from_tables(path, _csv_tables(path, problems), reference, problems)
    elif suffix in (".xlsx", ".xlsm"):
        return _from_tables(path, _xlsx_tables(path, problems), reference, problems)
    elif suffix == ".xls":
        problems.append(SourceProblem(str(path), "file", "old .xls workbooks are not read: save it as .xlsx"))
    else:
        problems.append(SourceProblem(str(path), "file", "expected a source folder, a .csv file or a .xlsx workbook"))
    raise CatalogInvalid(problems)


# --- writing the layout --------------------------------------------------------------------------------------


def _join(values: Iterable[str], separator: str) -> str:
    """Values in one cell; a value holding the separator sends the whole cell to one value a line."""
    values = list(values)
    return ("\n" if any(separator in v for v in values) else separator).join(values)


def _sheets(items: list[Item], departments: list[Department]) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """The documented layout as header and rows per table."""
    dept_names = {d.id: d.name for d in departments}
    yes_no = {True: "是", False: "否"}
    item_rows, material_rows, form_rows = [], [], []
    for n, i in enumerate(items, start=1):
        cells = {
            **{k: v for k, v in i.__dict__.items() if k in ITEM_KEYS_TEXT},
            "basic_code": str(i.extra.get("basic_code", "")),
            "department": dept_names.get(i.department, i.department),
            "audience": AUDIENCE_ZH.get(i.audience, i.audience),
            "legal_days": i.legal_days,
            "promised_days": i.promised_days,
            "fee_charged": yes_no[i.fee_charged],
            "legal_basis": _join(i.legal_basis, "\n"),
            "steps": _join(i.steps, "\n"),
            "themes": _join(i.themes, "、"),
            "channels": _join((CHANNEL_ZH.get(c, c) for c in i.channels), "、"),
            "keywords": _join(i.keywords, "；"),
            "synonyms": _join(i.synonyms, "；"),
            "popularity": i.popularity,
        }
        item_rows.append([n, *(cells[c.key] for c in ITEM_COLUMNS)])
        for m in i.materials:
            cells = {**m.__dict__, "form": MATERIAL_FORM_ZH.get(m.form, m.form), "required": yes_no[m.required]}
            material_rows.append([i.code, i.name, *(cells[c.key] for c in MATERIAL_COLUMNS[2:])])
        for f in i.form:
            cells = {**f.__dict__, "required": yes_no[f.required], "choices": _join(f.choices, "、")}
            form_rows.append([i.code, i.name, *(cells[c.key] for c in FORM_COLUMNS[2:])])
    dept_rows = [[d.__dict__[c.key] for c in DEPARTMENT_COLUMNS] for d in departments]
    return {
        ITEMS: (["序号", *(c.header for c in ITEM_COLUMNS)], item_rows),
        MATERIALS: ([c.header for c in MATERIAL_COLUMNS], material_rows),
        FORMS: ([c.header for c in FORM_COLUMNS], form_rows),
        DEPARTMENTS: ([c.header for c in DEPARTMENT_COLUMNS], dept_rows),
    }


def write_xlsx(items: list[Item], departments: list[Department], path: Path) -> None:
    """Write items and departments as one workbook in the documented layout (sheets 事项, 申请材料, 表单, 部门)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, (header, rows) in _sheets(items, departments).items():
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A2"
        head = []
        for text in header:
            cell = WriteOnlyCell(sheet, text)
            cell.font = bold
            head.append(cell)
        sheet.append(head)
        for row in rows:
            cells: list[Any] = []
            for value in row:
                if isinstance(value, str) and value.startswith("="):
                    cell = WriteOnlyCell(sheet, value)
                    cell.data_type = "s"  # text that looks like a formula stays text
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    book.save(Path(path))


def write_csv(items: list[Item], departments: list[Department], path: Path, encoding: str = "utf-8-sig") -> None:
    """Write the items CSV at `path` and its `<stem>.申请材料/表单/部门.csv` siblings (UTF-8 with BOM by default)."""
    path = Path(path)
    for name, (header, rows) in _sheets(items, departments).items():
        target = path if name == ITEMS else path.with_name(f"{path.stem}.{name}.csv")
        with target.open("w", encoding=encoding, newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
