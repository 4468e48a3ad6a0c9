"""What an imported catalog changes against the current one, as an admin reads it before publishing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from catalog.model import Item

# Field names as the admin's tables and the guide say them, with the English beside.
FIELD_LABELS = {
    "code": "实施编码 code",
    "name": "事项名称 name",
    "type": "事项类型 type",
    "department": "实施主体 department",
    "audience": "服务对象 audience",
    "themes": "主题分类 themes",
    "channels": "办理渠道 channels",
    "legal_days": "法定时限 legal days",
    "promised_days": "承诺时限 promised days",
    "fee_charged": "是否收费 fee charged",
    "fee_standard": "收费标准 fee standard",
    "materials": "申请材料 materials",
    "steps": "办理流程 steps",
    "where": "办理地点 where",
    "phone": "咨询电话 phone",
    "legal_basis": "设定依据 legal basis",
    "keywords": "关键词 keywords",
    "synonyms": "俗称 synonyms",
    "form": "表单 form",
    "name_hant": "繁体名称 Traditional name",
    "name_en": "英文名称 English name",
    "popularity": "热度 popularity",
    "source": "来源 source",
    "extra": "其他 extra",
}
COUNT_LABELS = {"self_service": "自助终端可办 / self-service", "post_office": "邮政网点可办 / post office"}
COMPARED = tuple(f.name for f in fields(Item) if f.name != "id")


@dataclass(frozen=True)
class ItemChange:
    """One item present before and after, with the fields that differ as (old, new) record values."""

    id: str
    code: str
    name: str
    fields: dict[str, tuple[Any, Any]]


@dataclass(frozen=True)
class Changes:
    """Items added, removed and changed between two catalogs (matched by item id)."""

    added: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    unchanged: int = 0
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def field_counts(self) -> Counter[str]:
        """How many changed items changed each field."""
        return Counter(name for change in self.changed for name in change.fields)

    def summary(self, limit: int = 20) -> str:
        """Plain Chinese and English lines: totals, then up to `limit` items per section."""
        before, after = self.counts.get("total", (0, 0))
        lines = [f"事项 {before:,} → {after:,} 项 / items {before:,} → {after:,}"]
        if not self:
            return "\n".join([*lines, "没有变化 / no changes"])
        if self.added:
            lines.append(f"新增 {len(self.added)} 项 / added {len(self.added)}:")
            lines += _listed([f"  + {i.id} {i.name} ({i.code})" for i in self.added], limit)
        if self.removed:
            lines.append(f"删除 {len(self.removed)} 项 / removed {len(self.removed)}:")
            lines += _listed([f"  - {i.id} {i.name} ({i.code})" for i in self.removed], limit)
        if self.changed:
            counted = ", ".join(f"{FIELD_LABELS.get(k, k)} ({n})" for k, n in self.field_counts().most_common())
            lines.append(f"修改 {len(self.changed)} 项 / changed {len(self.changed)}: {counted}")
            details = [
                f"  * {c.id} {c.name}: " + "; ".join(_describe(k, *v) for k, v in c.fields.items())
                for c in self.changed
            ]
            lines += _listed(details, limit)
        lines.append(f"未变 {self.unchanged:,} 项 / unchanged {self.unchanged:,}")
        # The terminal's own figures (the manifest's expected counts) are what a publish most often trips over.
        for key, label in COUNT_LABELS.items():
            old, new = self.counts.get(key, (0, 0))
            if old != new:
                lines.append(f"{label}: {old:,} → {new:,}")
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        """The changes as a JSON-ready dict (for `json.dumps`)."""

        def brief(item: Item) -> dict[str, str]:
            return {"id": item.id, "code": item.code, "name": item.name, "department": item.department}

        return {
            "added": [brief(i) for i in self.added],
            "removed": [brief(i) for i in self.removed],
            "changed": [
                {
                    "id": c.id,
                    "code": c.code,
                    "name": c.name,
                    "fields": {k: {"old": old, "new": new} for k, (old, new) in c.fields.items()},
                }
                for c in self.changed
            ],
            "unchanged": self.unchanged,
            "field_counts": dict(self.field_counts().most_common()),
            "counts": {k: {"old": old, "new": new} for k, (old, new) in self.counts.items()},
        }


def _listed(lines: list[str], limit: int) -> list[str]:
    if len(lines) <= limit:
        return lines
    more = len(lines) - limit
    return [*lines[:limit], f"  … 另有 {more:,} 项 / and {more:,} more"]


def _short(value: Any, width: int = 24) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe(name: str, old: Any, new: Any) -> str:
    """One changed field in a few words: old → new for values, +added −removed for lists."""
    label = FIELD_LABELS.get(name, name)
    if not isinstance(old, list) or not isinstance(new, list):
        return f"{label} {_short(old)} → {_short(new)}"
    key = {"materials": "name", "form": "key"}.get(name)
    names_old = [v[key] if key else v for v in old]
    names_new = [v[key] if key else v for v in new]
    parts = [f"+{_short(v)}" for v in names_new if v not in names_old]
    parts += [f"−{_short(v)}" for v in names_old if v not in names_new]
    if key:  # same entry, other details (a material's copies, a field's kind ...)
        before = {v[key]: v for v in old}
        parts += [f"~{_short(v[key])}" for v in new if v[key] in before and before[v[key]] != v]
    return f"{label} {' '.join(parts) if parts else '顺序调整 / reordered'}"


def _counts(items: list[Item]) -> dict[str, int]:
    return {
        "total": len(items),
        "self_service": sum(i.self_service for i in items),
        "post_office": sum(i.post_office for i in items),
    }


def compare(old: list[Item], new: list[Item]) -> Changes:
    """The changes from `old` to `new`, items matched by id (the terminal's identity of an item)."""
    old_by_id = {i.id: i for i in old}
    new_ids = {i.id for i in new}
    added, changed, unchanged = [], [], 0
    for item in new:
        before = old_by_id.get(item.id)
        if before is None:
            added.append(item)
            continue
        if before == item:
            unchanged += 1
            continue
        # Records, not objects: the values stay JSON-ready and materials compare as plain dicts.
        old_record, new_record = before.to_record(), item.to_record()
        diff = {k: (old_record[k], new_record[k]) for k in COMPARED if old_record[k] != new_record[k]}
        changed.append(ItemChange(item.id, item.code, item.name, diff))
    removed = [i for i in old if i.id not in new_ids]
    before_counts, after_counts = _counts(old), _counts(new)
    counts = {k: (before_counts[k], after_counts[k]) for k in before_counts}
    return Changes(added, removed, changed, unchanged, counts)
