"""An item's guide: everything a resident needs to act, as titled sections of plain lines."""

from __future__ import annotations

from dataclasses import dataclass

from catalog.model import Department, Item

FORM_LABELS = {"original": "原件", "copy": "复印件", "electronic": "电子版"}
CHANNEL_LABELS = {
    "self_service": "本机自助办理",
    "post_office": "邮政网点窗口",
    "online": "网上办理（广东政务服务网、粤省事）",
    "centre_window": "政务服务中心窗口",
    "door_pickup": "预约邮政人员上门收件",
}
AUDIENCE_LABELS = {"personal": "个人", "enterprise": "企业", "both": "个人和企业"}


@dataclass(frozen=True)
class GuideSection:
    """One titled part of the guide."""

    title: str
    lines: tuple[str, ...]


def _days(days: int) -> str:
    return "即办" if days == 0 else f"{days}个工作日"


def item_guide(item: Item, department: Department | None) -> list[GuideSection]:
    """The guide's sections in the order a resident reads them."""
    materials = tuple(
        f"{n}. {m.name}（{FORM_LABELS.get(m.form, m.form)}{m.copies}份{'' if m.required else '，视情况提供'}）"
        + (f"：{m.note}" if m.note else "")
        for n, m in enumerate(item.materials, start=1)
    )
    return [
        GuideSection(
            "基本信息",
            (
                f"事项类型：{item.type}",
                f"服务对象：{AUDIENCE_LABELS.get(item.audience, item.audience)}",
                f"实施部门：{department.name if department else item.department}",
            ),
        ),
        GuideSection("办理渠道", tuple(CHANNEL_LABELS.get(c, c) for c in item.channels)),
        GuideSection("申请材料", materials),
        GuideSection("办理时限", (f"法定时限：{_days(item.legal_days)}", f"承诺时限：{_days(item.promised_days)}")),
        GuideSection("收费", (item.fee_standard,)),
        GuideSection("办理流程", tuple(f"{n}. {s}" for n, s in enumerate(item.steps, start=1))),
        GuideSection("办理地点", (item.where,)),
        GuideSection("咨询电话", (item.phone,)),
        GuideSection("设定依据", item.legal_basis),
    ]
