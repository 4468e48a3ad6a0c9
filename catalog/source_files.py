"""Read and write the catalog's readable source: a manifest, departments and one YAML file per department."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from catalog.model import Department, Item

MANIFEST = "manifest.toml"
DEPARTMENTS = "departments.yaml"
ITEMS_DIR = "items"
# Fields written per item, in this order; `department` is the file's, not the item's.
ITEM_FIELDS = (
    "id",
    "code",
    "name",
    "name_hant",
    "name_en",
    "type",
    "audience",
    "themes",
    "channels",
    "legal_days",
    "promised_days",
    "fee_charged",
    "fee_standard",
    "materials",
    "steps",
    "where",
    "phone",
    "legal_basis",
    "keywords",
    "synonyms",
    "form",
    "popularity",
    "source",
)


@dataclass
class SourceEntry:
    """One raw record as read from a source file, with where each of its keys stands."""

    path: Path
    line: int
    data: dict[str, Any]
    lines: dict[str, int]

    def where(self, key: str | None = None) -> str:
        """`file:line` of the record, or of one of its keys."""
        line = self.lines.get(key, self.line) if key else self.line
        return f"{self.path}:{line}"


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line of every mapping key."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__lines__"] = {k.value: k.start_mark.line + 1 for k, _ in node.value}
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in ("__lines__", "__line__")}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _entry(path: Path, raw: Any) -> SourceEntry:
    if not isinstance(raw, dict):
        return SourceEntry(path, 0, {"__invalid__": raw}, {})
    return SourceEntry(path, raw.get("__line__", 0), _strip_lines(raw), raw.get("__lines__", {}))


class SourceFormatError(ValueError):
    """A source file that is not even well-formed."""


def load_yaml(path: Path) -> Any:
    """Parse one YAML source file, keeping line numbers on mappings."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SourceFormatError(f"{path}: not valid YAML: {exc}") from exc


def read_manifest(source: Path) -> dict[str, Any]:
    """The manifest: version, note and expected counts."""
    path = source / MANIFEST
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourceFormatError(f"{path}: missing (the catalog source needs a manifest)") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourceFormatError(f"{path}: not valid TOML: {exc}") from exc


def read_departments(source: Path) -> list[SourceEntry]:
    """Department records with their locations."""
    path = source / DEPARTMENTS
    raw = load_yaml(path)
    if not isinstance(raw, list):
        raise SourceFormatError(f"{path}: expected a list of departments")
    return [_entry(path, r) for r in raw]


def read_item_files(source: Path) -> list[tuple[Path, str | None, int, list[SourceEntry]]]:
    """(path, department id, department line, item records) for every item file."""
    result = []
    for path in sorted((source / ITEMS_DIR).glob("*.yaml")):
        raw = load_yaml(path)
        if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
            raise SourceFormatError(f"{path}: expected `department:` and a list under `items:`")
        dept = raw.get("department")
        dept_line = raw.get("__lines__", {}).get("department", 1)
        result.append(
            (path, dept if isinstance(dept, str) else None, dept_line, [_entry(path, r) for r in raw["items"]])
        )
    return result


def _item_dict(item: Item) -> dict[str, Any]:
    record = item.to_record()
    out = {key: record[key] for key in ITEM_FIELDS}
    out["materials"] = [{k: v for k, v in m.items() if v != ""} for m in out["materials"]]
    out["form"] = [{k: v for k, v in f.items() if v not in ("", [])} for f in out["form"]]
    return {k: v for k, v in out.items() if v not in ("", [], None) or k in ("name_en",)}


def write_source(target: Path, departments: list[Department], items: list[Item], version: str, note: str) -> None:
    """Write a complete source tree (used by the sample generator and the admin importer)."""
    from collections import Counter

    (target / ITEMS_DIR).mkdir(parents=True, exist_ok=True)
    for old in (target / ITEMS_DIR).glob("*.yaml"):
        old.unlink()
    counts = {
        "total": len(items),
        "self_service": sum(i.self_service for i in items),
        "post_office_personal": sum(i.post_office and i.audience == "personal" for i in items),
        "post_office_enterprise": sum(i.post_office and i.audience == "enterprise" for i in items),
    }
    manifest = [f'version = "{version}"', f'note = """{note}"""', "", "[expected]"]
    manifest += [f"{k} = {v}" for k, v in counts.items()]
    (target / MANIFEST).write_text("\n".join(manifest) + "\n", encoding="utf-8")
    dump = dict(allow_unicode=True, sort_keys=False, width=4096, default_flow_style=None)
    (target / DEPARTMENTS).write_text(yaml.safe_dump([asdict(d) for d in departments], **dump), encoding="utf-8")
    per_dept = Counter(i.department for i in items)
    for dept in departments:
        if not per_dept[dept.id]:
            continue
        records = [_item_dict(i) for i in items if i.department == dept.id]
        text = f"# {dept.name}: {len(records)} items\n" + yaml.safe_dump(
            {"department": dept.id, "items": records}, **dump
        )
        (target / ITEMS_DIR / f"{dept.id}.yaml").write_text(text, encoding="utf-8")
