"""What an imported catalog changes: added, removed and changed items, and the summary an admin reads."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from catalog.changes import Changes, compare
from catalog.importers import read_catalog, write_xlsx
from catalog.model import Item, Material
from catalog.sample.rules import form_for
from catalog.validate import ValidatedSource, validate_source

SOURCE = Path(__file__).resolve().parents[2] / "catalog" / "source"


@pytest.fixture(scope="module")
def source() -> ValidatedSource:
    """The bundled catalog, the one an import is compared against."""
    return validate_source(SOURCE)


def subsidy_item(template: Item) -> Item:
    """A new self-service subsidy as a department would send it: no terminal id, no 繁體 name, no form rows."""
    return replace(
        template,
        id="",
        code="44G9000999-440112000000-000-11440112MB00000001-1-00",
        name="一次性扩岗补助申领",
        name_hant="",
        name_en="",
        type="行政给付",
        audience="enterprise",
        form=(),
        keywords=("扩岗补助",),
        synonyms=("扩岗补贴",),
        popularity=60,
        source="",
    )


@pytest.fixture(scope="module")
def imported(source: ValidatedSource, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Item], dict[str, Item]]:
    """The bundled catalog through a workbook with a new subsidy, one item removed and three time limits changed."""
    items = list(source.items)
    # Neither at the post office, so that only the self-service figure moves.
    template = next(i for i in items if i.self_service and i.audience == "enterprise" and not i.post_office)
    removed = next(i for i in items if not i.self_service and not i.post_office)
    faster = [i for i in items if i.promised_days >= 5 and i.id not in (template.id, removed.id)][:3]
    shorter = {i.id: replace(i, promised_days=i.promised_days - 2) for i in faster}
    edited = [shorter.get(i.id, i) for i in items if i.id != removed.id] + [subsidy_item(template)]
    path = tmp_path_factory.mktemp("changes") / "update.xlsx"
    write_xlsx(edited, source.departments, path)
    new_items, _ = read_catalog(path, reference=(source.items, source.departments))
    return new_items, {"removed": removed, **{f"faster{n}": i for n, i in enumerate(faster)}}


def test_a_new_subsidy_a_removed_item_and_changed_time_limits(source: ValidatedSource, imported) -> None:
    new_items, known = imported
    changes = compare(source.items, new_items)

    assert [i.name for i in changes.added] == ["一次性扩岗补助申领"]
    added = changes.added[0]
    highest = max(int(i.id.removeprefix("hp-")) for i in source.items)
    assert added.id == f"hp-{highest + 1:05d}"  # the next free id
    assert added.name_hant == "一次性擴崗補助申領"  # made by OpenCC as for the sample catalog
    assert added.form == form_for(added.name, "enterprise")  # the rule-made form, with the bank account
    assert "bank_account" in {f.key for f in added.form}

    assert changes.removed == [known["removed"]]
    faster = [known[f"faster{n}"] for n in range(3)]
    assert [c.id for c in changes.changed] == [i.id for i in faster]
    for change, item in zip(changes.changed, faster, strict=True):
        assert change.fields == {"promised_days": (item.promised_days, item.promised_days - 2)}
    assert changes.unchanged == 1304 - 1 - 3
    assert changes.counts["total"] == (1304, 1304)
    assert changes.counts["self_service"] == (824, 825)


def test_the_summary_says_it_in_chinese_and_english(source: ValidatedSource, imported) -> None:
    new_items, known = imported
    summary = compare(source.items, new_items).summary()
    lines = summary.splitlines()
    assert lines[0] == "事项 1,304 → 1,304 项 / items 1,304 → 1,304"
    assert "新增 1 项 / added 1:" in lines
    assert any("一次性扩岗补助申领" in line and line.startswith("  + hp-") for line in lines)
    assert "删除 1 项 / removed 1:" in lines
    assert f"  - {known['removed'].id} {known['removed'].name} ({known['removed'].code})" in lines
    assert "修改 3 项 / changed 3: 承诺时限 promised days (3)" in lines
    first = known["faster0"]
    assert (
        f"  * {first.id} {first.name}: 承诺时限 promised days {first.promised_days} → {first.promised_days - 2}"
        in lines
    )
    assert "未变 1,300 项 / unchanged 1,300" in lines
    assert "自助终端可办 / self-service: 824 → 825" in lines
    assert not any("post office" in line for line in lines)  # unchanged figures are not repeated


def test_as_json_is_ready_for_json_dumps(source: ValidatedSource, imported) -> None:
    new_items, known = imported
    data = json.loads(json.dumps(compare(source.items, new_items).as_json(), ensure_ascii=False))
    assert [a["name"] for a in data["added"]] == ["一次性扩岗补助申领"]
    assert [r["id"] for r in data["removed"]] == [known["removed"].id]
    first = data["changed"][0]
    assert first["fields"] == {
        "promised_days": {"old": known["faster0"].promised_days, "new": known["faster0"].promised_days - 2}
    }
    assert data["field_counts"] == {"promised_days": 3}
    assert data["unchanged"] == 1300
    assert data["counts"]["self_service"] == {"old": 824, "new": 825}


def test_materials_and_lists_are_described_by_what_came_and_went(source: ValidatedSource) -> None:
    item = next(i for i in source.items if len(i.materials) >= 3 and i.self_service)
    changed_copy = replace(item.materials[1], copies=item.materials[1].copies + 1)
    new = replace(
        item,
        materials=(item.materials[0], changed_copy, *item.materials[3:], Material("居住证明", "copy", 1, True)),
        channels=tuple(c for c in item.channels if c != "self_service"),
        fee_charged=not item.fee_charged,
    )
    changes = compare([item], [new])
    assert set(changes.changed[0].fields) == {"materials", "channels", "fee_charged"}
    line = changes.summary().splitlines()[2]
    assert f"+居住证明 −{item.materials[2].name} ~{item.materials[1].name}" in line
    assert "办理渠道 channels −self_service" in line
    assert f"是否收费 fee charged {'是' if item.fee_charged else '否'} → {'否' if item.fee_charged else '是'}" in line


def test_long_lists_stop_at_the_limit_and_no_change_says_so(source: ValidatedSource) -> None:
    old = source.items[:40]
    new = [replace(i, popularity=(i.popularity + 1) % 101) for i in old]
    changes = compare(old, new)
    lines = changes.summary(limit=5).splitlines()
    assert "修改 40 项 / changed 40: 热度 popularity (40)" in lines
    assert sum(line.startswith("  * ") for line in lines) == 5
    assert "  … 另有 35 项 / and 35 more" in lines

    same = compare(old, list(old))
    assert not same and same == Changes([], [], [], 40, same.counts)
    assert same.summary().splitlines()[-1] == "没有变化 / no changes"
