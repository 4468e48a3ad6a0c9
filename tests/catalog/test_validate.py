"""Catalog source validation: every error names the file, the line and the field, and all of them are reported."""

from __future__ import annotations

import re
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from catalog.validate import CatalogInvalid, SourceProblem, validate_source

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "catalog" / "source"
KEY_LINE = re.compile(r"^  ([a-z_]+):(.*)$")


@dataclass
class Block:
    """One item of a source file as text: where it starts and where each of its top-level keys stands."""

    id: str
    line: int
    keys: dict[str, int] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)


def blocks(path: Path) -> list[Block]:
    """The items of one `items/<dept>.yaml` file, read as plain text (1-based line numbers)."""
    found: list[Block] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("- id: "):
            value = line[len("- id: ") :].strip()
            found.append(Block(value, n, {"id": n}, {"id": value}))
        elif found and (m := KEY_LINE.match(line)):
            found[-1].keys[m.group(1)] = n
            found[-1].values[m.group(1)] = m.group(2).strip()
    assert found, f"no items found in {path}"
    return found


def replace_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace `old` by `new` on one line (which must contain `old`)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], f"{path}:{line} does not contain {old!r}: {lines[line - 1]!r}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def delete_line(path: Path, line: int) -> None:
    """Remove one line from a file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[line - 1]
    path.write_text("\n".join(lines), encoding="utf-8")


def problems_of(source: Path) -> list[SourceProblem]:
    """The problems validate_source reports for a tree (it must reject it)."""
    with pytest.raises(CatalogInvalid) as caught:
        validate_source(source)
    problems = caught.value.problems
    assert problems, "CatalogInvalid raised without problems"
    # The exception text lists the problems, so a command-line user sees them too.
    assert f"{len(problems)} error(s)" in str(caught.value)
    for problem in problems[:50]:
        assert str(problem) in str(caught.value)
    return problems


def at(problems: list[SourceProblem], where: str, field_name: str) -> SourceProblem:
    """The single problem reported at `where` for `field_name`."""
    matching = [p for p in problems if p.where == where and p.field == field_name]
    assert len(matching) == 1, f"expected one problem at {where} for {field_name}, got {matching} among:\n" + "\n".join(
        map(str, problems)
    )
    return matching[0]


@pytest.fixture
def source_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled catalog source to break."""
    target = tmp_path / "source"
    shutil.copytree(SOURCE, target)
    return target


def test_bundled_source_is_valid() -> None:
    validated = validate_source(SOURCE)
    manifest = tomllib.loads((SOURCE / "manifest.toml").read_text(encoding="utf-8"))
    assert len(validated.items) == 1304 == manifest["expected"]["total"]
    assert validated.version == manifest["version"]
    assert validated.note == manifest["note"]
    ids = [i.id for i in validated.items]
    codes = [i.code for i in validated.items]
    assert len(set(ids)) == len(ids)
    assert len(set(codes)) == len(codes)
    assert sum(i.self_service for i in validated.items) == manifest["expected"]["self_service"] == 824
    personal = sum(i.post_office and i.audience == "personal" for i in validated.items)
    enterprise = sum(i.post_office and i.audience == "enterprise" for i in validated.items)
    assert (personal, enterprise) == (93, 437)
    # Every item file's department is a known department, and the items carry it.
    dept_ids = {d.id for d in validated.departments}
    item_files = {p.stem for p in (SOURCE / "items").glob("*.yaml")}
    assert item_files <= dept_ids
    assert {i.department for i in validated.items} == item_files
    # Every self-service item has a form.
    assert all(i.form for i in validated.items if i.self_service)


# -- many injected errors, validated in one run ------------------------------------------------------------


@dataclass
class Injected:
    """What was broken, and the problem validation must report for it."""

    source: Path
    expected: dict[str, tuple[str, str]]  # name -> (where, field)
    notes: dict[str, str]  # name -> a text the problem's message must contain
    touched: set[Path]
    problems: list[SourceProblem]


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Injected:
    """One copy of the source with one error per kind, each in its own file, validated once."""
    source = tmp_path_factory.mktemp("broken") / "source"
    shutil.copytree(SOURCE, source)
    items = source / "items"
    expected: dict[str, tuple[str, str]] = {}
    notes: dict[str, str] = {}
    touched: set[Path] = set()

    def file(name: str) -> Path:
        path = items / f"{name}.yaml"
        touched.add(path)
        return path

    # Duplicate id across files: an item of hp-swj takes the id of an item of hp-rsj (read earlier).
    rsj, swj = file("hp-rsj"), file("hp-swj")
    first, second = blocks(rsj)[0], blocks(swj)[0]
    replace_line(swj, second.line, f"id: {second.id}", f"id: {first.id}")
    expected["duplicate id"] = (f"{swj}:{second.line}", "id")
    notes["duplicate id"] = f"{rsj}:{first.line}"

    # Duplicate code within one file.
    gaj = file("hp-gaj")
    one, two = blocks(gaj)[:2]
    replace_line(gaj, two.keys["code"], two.values["code"], one.values["code"])
    expected["duplicate code"] = (f"{gaj}:{two.keys['code']}", "code")
    notes["duplicate code"] = f"{gaj}:{one.keys['code']}"

    # Missing required field: the `where:` line of an item is deleted; the item's first line is named.
    mzj = file("hp-mzj")
    target = blocks(mzj)[2]
    delete_line(mzj, target.keys["where"])
    expected["missing where"] = (f"{mzj}:{target.line}", "where")
    notes["missing where"] = "required"

    # Unknown channel.
    scjg = file("hp-scjg")
    target = blocks(scjg)[0]
    replace_line(scjg, target.keys["channels"], "channels: [", "channels: [teleport, ")
    expected["unknown channel"] = (f"{scjg}:{target.keys['channels']}", "channels")
    notes["unknown channel"] = "teleport"

    # Bad material form in the first material of an item.
    ybj = file("hp-ybj")
    target = blocks(ybj)[0]
    first_material = target.keys["materials"] + 1
    text = ybj.read_text(encoding="utf-8").split("\n")[first_material - 1]
    form = re.search(r"form: (original|copy|electronic)", text)
    assert form, text
    replace_line(ybj, first_material, form.group(0), "form: photocopy")
    expected["bad material form"] = (f"{ybj}:{target.keys['materials']}", "materials[0].form")
    notes["bad material form"] = "photocopy"

    # Promised days beyond the legal limit.
    wjj = file("hp-wjj")
    target = next(b for b in blocks(wjj) if int(b.values["legal_days"]) > 0)
    legal = int(target.values["legal_days"])
    replace_line(wjj, target.keys["promised_days"], target.values["promised_days"], str(legal + 5))
    expected["promised > legal"] = (f"{wjj}:{target.keys['promised_days']}", "promised_days")
    notes["promised > legal"] = str(legal + 5)

    # Negative days.
    jtj = file("hp-jtj")
    target = blocks(jtj)[0]
    replace_line(jtj, target.keys["legal_days"], f"legal_days: {target.values['legal_days']}", "legal_days: -1")
    expected["negative days"] = (f"{jtj}:{target.keys['legal_days']}", "legal_days")
    notes["negative days"] = "-1"

    # A self-service item without a form: self_service added to an item that has no form.
    zjj = file("hp-zjj")
    target = next(b for b in blocks(zjj) if "form" not in b.keys and "self_service" not in b.values["channels"])
    replace_line(zjj, target.keys["channels"], "channels: [", "channels: [self_service, ")
    expected["self-service without form"] = (f"{zjj}:{target.keys['channels']}", "form")
    notes["self-service without form"] = "form"

    # A file for an unknown department.
    tjd = file("hp-tjd")
    dept_line = next(
        n for n, line in enumerate(tjd.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("department:")
    )
    replace_line(tjd, dept_line, "department: hp-tjd", "department: hp-nowhere")
    expected["unknown department"] = (f"{tjd}:{dept_line}", "department")
    notes["unknown department"] = "hp-nowhere"

    # A wrong expected total in the manifest. Six of the items above are rejected and the unknown
    # department's items are skipped, so the items give 1304 minus those.
    manifest = source / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    assert "\ntotal = 1304\n" in text
    manifest.write_text(text.replace("\ntotal = 1304\n", "\ntotal = 9999\n"), encoding="utf-8")
    expected["manifest total"] = (str(manifest), "expected.total")
    notes["manifest total"] = f"manifest expects 9999, the items give {1304 - 6 - len(blocks(tjd))}"

    with pytest.raises(CatalogInvalid) as caught:
        validate_source(source)
    return Injected(source, expected, notes, touched, caught.value.problems)


@pytest.mark.parametrize(
    "kind",
    [
        "duplicate id",
        "duplicate code",
        "missing where",
        "unknown channel",
        "bad material form",
        "promised > legal",
        "negative days",
        "self-service without form",
        "unknown department",
        "manifest total",
    ],
)
def test_injected_error_names_file_line_and_field(injected: Injected, kind: str) -> None:
    where, field_name = injected.expected[kind]
    problem = at(injected.problems, where, field_name)
    assert injected.notes[kind] in problem.message
    assert str(problem).startswith(f"{where}: {field_name}: ")


def test_duplicate_id_mentions_both_lines(injected: Injected) -> None:
    where, _ = injected.expected["duplicate id"]
    problem = at(injected.problems, where, "id")
    # The second occurrence is the problem's place; the first is named in the message.
    assert injected.notes["duplicate id"] in problem.message
    assert "duplicate id" in problem.message


def test_all_errors_of_one_run_are_reported(injected: Injected) -> None:
    manifest = str(injected.source / "manifest.toml")
    reported = {(p.where, p.field) for p in injected.problems if p.where != manifest}
    # Every injected error is reported, and nothing else outside the manifest's counts (which the
    # rejected items necessarily change): no false alarms in untouched files or items.
    assert reported | {(manifest, "expected.total")} == set(injected.expected.values())
    files = {p.where.rsplit(":", 1)[0] for p in injected.problems}
    assert files <= {str(p) for p in injected.touched} | {manifest}
    manifest_fields = {p.field for p in injected.problems if p.where == manifest}
    assert "expected.total" in manifest_fields
    assert manifest_fields <= {
        f"expected.{k}" for k in ("total", "self_service", "post_office_personal", "post_office_enterprise")
    }


# -- whole-file and manifest errors ------------------------------------------------------------------------


def test_missing_manifest(source_copy: Path) -> None:
    (source_copy / "manifest.toml").unlink()
    problems = problems_of(source_copy)
    assert len(problems) == 1
    assert problems[0].where == str(source_copy / "manifest.toml")
    assert "missing" in problems[0].message


def test_manifest_that_is_not_toml(source_copy: Path) -> None:
    (source_copy / "manifest.toml").write_text('version = "2026.1\n[expected\n', encoding="utf-8")
    problems = problems_of(source_copy)
    assert len(problems) == 1
    assert problems[0].where == str(source_copy / "manifest.toml")
    assert "TOML" in problems[0].message


@pytest.mark.parametrize("name", ["items/hp-bgs.yaml", "departments.yaml"])
def test_invalid_yaml_names_the_file_and_line(source_copy: Path, name: str) -> None:
    path = source_copy / name
    lines = path.read_text(encoding="utf-8").split("\n")
    broken = next(n for n, line in enumerate(lines) if line.startswith(("  name:", "- {id:")) and n > 3)
    lines[broken] = "  name: [unclosed" if name.startswith("items") else "- {id: hp-x, name: [unclosed"
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = problems_of(source_copy)
    assert len(problems) == 1
    assert problems[0].where == str(path)
    assert "not valid YAML" in problems[0].message
    assert f"line {broken + 1}," in problems[0].message


def test_items_file_without_items_list(source_copy: Path) -> None:
    path = source_copy / "items" / "hp-bgs.yaml"
    path.write_text("department: hp-bgs\nitems: not-a-list\n", encoding="utf-8")
    problems = problems_of(source_copy)
    assert len(problems) == 1
    assert problems[0].where == str(path)
    assert "items" in problems[0].message
