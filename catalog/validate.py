"""Validate the catalog source: every error names the file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalog.model import (
    AUDIENCES,
    CHANNELS,
    FORM_FIELD_KINDS,
    ITEM_TYPES,
    MATERIAL_FORMS,
    Department,
    FormField,
    Item,
    Material,
)
from catalog.problems import CatalogInvalid, SourceProblem
from catalog.source_files import (
    MANIFEST,
    SourceEntry,
    SourceFormatError,
    read_departments,
    read_item_files,
    read_manifest,
)

REQUIRED_TEXT = ("id", "code", "name", "name_hant", "type", "audience", "fee_standard", "where", "phone")
REQUIRED_LISTS = ("themes", "channels", "materials", "steps", "legal_basis")
OPTIONAL_LISTS = ("keywords", "synonyms", "form")
COUNT_KEYS = ("total", "self_service", "post_office_personal", "post_office_enterprise")


@dataclass
class ValidatedSource:
    """A source tree that passed validation, ready to compile."""

    version: str
    note: str
    departments: list[Department]
    items: list[Item]


def _text(entry: SourceEntry, key: str, problems: list[SourceProblem], required: bool = True) -> str:
    value = entry.data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        problems.append(SourceProblem(entry.where(key), key, f"must be text, got {type(value).__name__}"))
        return ""
    if required and not value.strip():
        problems.append(SourceProblem(entry.where(key), key, "is required"))
    return value.strip()


def _list(entry: SourceEntry, key: str, problems: list[SourceProblem], required: bool) -> list[Any]:
    value = entry.data.get(key)
    if value is None:
        value = []
    if not isinstance(value, list):
        problems.append(SourceProblem(entry.where(key), key, "must be a list"))
        return []
    if required and not value:
        problems.append(SourceProblem(entry.where(key), key, "must not be empty"))
    return value


def _days(entry: SourceEntry, key: str, problems: list[SourceProblem]) -> int:
    value = entry.data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        problems.append(
            SourceProblem(entry.where(key), key, f"must be a whole number of working days >= 0, got {value!r}")
        )
        return 0
    return value


def _materials(entry: SourceEntry, raw: list[Any], problems: list[SourceProblem]) -> tuple[Material, ...]:
    out = []
    for n, m in enumerate(raw):
        field = f"materials[{n}]"
        if not isinstance(m, dict) or not str(m.get("name", "")).strip():
            problems.append(SourceProblem(entry.where("materials"), field, "needs a name"))
            continue
        if m.get("form") not in MATERIAL_FORMS:
            problems.append(
                SourceProblem(
                    entry.where("materials"),
                    f"{field}.form",
                    f"must be one of {', '.join(MATERIAL_FORMS)}, got {m.get('form')!r}",
                )
            )
        copies = m.get("copies", 1)
        if not isinstance(copies, int) or copies < 1:
            problems.append(SourceProblem(entry.where("materials"), f"{field}.copies", "must be a whole number >= 1"))
            copies = 1
        out.append(
            Material(
                str(m["name"]), str(m.get("form", "")), copies, bool(m.get("required", True)), str(m.get("note", ""))
            )
        )
    return tuple(out)


def _form(entry: SourceEntry, raw: list[Any], problems: list[SourceProblem]) -> tuple[FormField, ...]:
    out, keys = [], set()
    for n, f in enumerate(raw):
        field = f"form[{n}]"
        if not isinstance(f, dict) or not f.get("key") or not f.get("label"):
            problems.append(SourceProblem(entry.where("form"), field, "needs a key and a label"))
            continue
        if f["key"] in keys:
            problems.append(SourceProblem(entry.where("form"), f"{field}.key", f"duplicate key {f['key']!r}"))
        keys.add(f["key"])
        if f.get("kind") not in FORM_FIELD_KINDS:
            problems.append(
                SourceProblem(
                    entry.where("form"),
                    f"{field}.kind",
                    f"must be one of {', '.join(FORM_FIELD_KINDS)}, got {f.get('kind')!r}",
                )
            )
        choices = tuple(str(c) for c in f.get("choices", ()) or ())
        if f.get("kind") == "choice" and not choices:
            problems.append(SourceProblem(entry.where("form"), f"{field}.choices", "a choice field needs choices"))
        out.append(
            FormField(
                str(f["key"]),
                str(f["label"]),
                str(f.get("kind")),
                bool(f.get("required", False)),
                str(f.get("prefill", "")),
                choices,
            )
        )
    return tuple(out)


def item_from_entry(entry: SourceEntry, department: str, problems: list[SourceProblem]) -> Item | None:
    """Check one raw item record (from YAML or a table row) and build it; None when it has problems."""
    if "__invalid__" in entry.data:
        problems.append(SourceProblem(f"{entry.path}", "items", "each item must be a mapping"))
        return None
    before = len(problems)
    text = {key: _text(entry, key, problems) for key in REQUIRED_TEXT}
    lists = {key: _list(entry, key, problems, True) for key in REQUIRED_LISTS}
    lists.update({key: _list(entry, key, problems, False) for key in OPTIONAL_LISTS})
    if text["type"] and text["type"] not in ITEM_TYPES:
        problems.append(SourceProblem(entry.where("type"), "type", f"unknown item type {text['type']!r}"))
    if text["audience"] and text["audience"] not in AUDIENCES:
        problems.append(
            SourceProblem(
                entry.where("audience"), "audience", f"must be one of {', '.join(AUDIENCES)}, got {text['audience']!r}"
            )
        )
    bad_channels = [c for c in lists["channels"] if c not in CHANNELS]
    if bad_channels:
        problems.append(SourceProblem(entry.where("channels"), "channels", f"unknown channel(s) {bad_channels}"))
    legal, promised = _days(entry, "legal_days", problems), _days(entry, "promised_days", problems)
    if legal and promised > legal:
        problems.append(
            SourceProblem(
                entry.where("promised_days"),
                "promised_days",
                f"promised {promised} days exceeds the legal limit of {legal}",
            )
        )
    materials = _materials(entry, lists["materials"], problems)
    form = _form(entry, lists["form"], problems)
    if "self_service" in lists["channels"] and not form:
        problems.append(SourceProblem(entry.where("channels"), "form", "a self-service item needs a form"))
    popularity = entry.data.get("popularity", 0)
    if not isinstance(popularity, int) or not 0 <= popularity <= 100:
        problems.append(SourceProblem(entry.where("popularity"), "popularity", "must be a whole number 0..100"))
        popularity = 0
    if len(problems) > before:
        return None
    return Item(
        id=text["id"],
        code=text["code"],
        name=text["name"],
        type=text["type"],
        department=department,
        audience=text["audience"],
        themes=tuple(map(str, lists["themes"])),
        channels=tuple(lists["channels"]),
        legal_days=legal,
        promised_days=promised,
        fee_charged=bool(entry.data.get("fee_charged", False)),
        fee_standard=text["fee_standard"],
        materials=materials,
        steps=tuple(map(str, lists["steps"])),
        where=text["where"],
        phone=text["phone"],
        legal_basis=tuple(map(str, lists["legal_basis"])),
        keywords=tuple(map(str, lists["keywords"])),
        synonyms=tuple(map(str, lists["synonyms"])),
        form=form,
        name_hant=text["name_hant"],
        name_en=str(entry.data.get("name_en") or "").strip(),
        popularity=popularity,
        source=str(entry.data.get("source", "")),
    )


def departments_from_entries(entries: list[SourceEntry], problems: list[SourceProblem]) -> list[Department]:
    """Check raw department records and build the departments, reporting duplicate ids."""
    out: dict[str, Department] = {}
    for entry in entries:
        values = {k: _text(entry, k, problems) for k in ("id", "name", "short_name", "hall", "phone")}
        if values["id"] in out:
            problems.append(SourceProblem(entry.where("id"), "id", f"duplicate department id {values['id']!r}"))
        if all(values.values()):
            out[values["id"]] = Department(**values, source=str(entry.data.get("source", "")))
    return list(out.values())


def check_unique(
    item: Item,
    where: Callable[[str], str],
    first_seen: dict[tuple[str, str], str],
    problems: list[SourceProblem],
) -> None:
    """Report an id, code or name that an earlier item already has; `first_seen` carries over between calls."""
    for key, value in (("id", item.id), ("code", item.code), ("name", item.name)):
        at = where(key)
        if (key, value) in first_seen:
            problems.append(SourceProblem(at, key, f"duplicate {key} {value!r} (first at {first_seen[key, value]})"))
        else:
            first_seen[key, value] = at


def _check_counts(source: Path, expected: Any, items: list[Item], problems: list[SourceProblem]) -> None:
    actual = {
        "total": len(items),
        "self_service": sum(i.self_service for i in items),
        "post_office_personal": sum(i.post_office and i.audience == "personal" for i in items),
        "post_office_enterprise": sum(i.post_office and i.audience == "enterprise" for i in items),
    }
    if not isinstance(expected, dict):
        problems.append(SourceProblem(str(source / MANIFEST), "expected", "the manifest needs an [expected] table"))
        return
    for key in COUNT_KEYS:
        if key in expected and expected[key] != actual[key]:
            problems.append(
                SourceProblem(
                    str(source / MANIFEST),
                    f"expected.{key}",
                    f"manifest expects {expected[key]}, the items give {actual[key]}",
                )
            )


def validate_source(source: Path) -> ValidatedSource:
    """Read and check a whole source tree; raise CatalogInvalid listing every problem."""
    problems: list[SourceProblem] = []
    try:
        manifest = read_manifest(source)
        dept_entries = read_departments(source)
        files = read_item_files(source)
    except SourceFormatError as exc:
        raise CatalogInvalid([SourceProblem(str(exc).split(": ", 1)[0], "file", str(exc).split(": ", 1)[-1])]) from exc
    version = manifest.get("version")
    if not isinstance(version, str) or not version.strip():
        problems.append(SourceProblem(str(source / MANIFEST), "version", "is required"))
        version = ""
    departments = departments_from_entries(dept_entries, problems)
    known = {d.id for d in departments}
    items: list[Item] = []
    first_seen: dict[tuple[str, str], str] = {}
    for path, dept, dept_line, entries in files:
        if dept not in known:
            problems.append(SourceProblem(f"{path}:{dept_line}", "department", f"unknown department {dept!r}"))
            continue
        for entry in entries:
            item = item_from_entry(entry, dept, problems)
            if item is None:
                continue
            check_unique(item, entry.where, first_seen, problems)
            items.append(item)
    if not items and not problems:
        problems.append(SourceProblem(str(source), "items", "the catalog has no items"))
    _check_counts(source, manifest.get("expected"), items, problems)
    if problems:
        raise CatalogInvalid(problems)
    return ValidatedSource(version, str(manifest.get("note", "")), departments, items)
