"""An item's guide: everything a resident needs to act, in the resident's script, plus what this terminal
offers for the item and the essentials a phone takes away by QR code."""

from __future__ import annotations

from dataclasses import dataclass

from catalog.model import Department, Item, Material
from kiosk.content import in_script, item_name

# Actions whose flows this version of the terminal runs; later flows (submission, pickup booking, video
# consultation) add theirs. An action is offered only when its flow runs and the item supports it.
AVAILABLE_ACTIONS: frozenset[str] = frozenset({"submit", "consult"})
# Characters: about 90 keep the code at QR version 10 or below, whose modules stay large enough for any phone
# camera at arm's length on screen and on a receipt.
QR_LIMIT = 90


@dataclass(frozen=True)
class ItemGuide:
    """The guide's content; the view adds translated headings and units."""

    item_id: str
    name: str
    subtitle: str  # the Chinese name under an English title, else ""
    type: str
    audience: str
    department: str
    channels: tuple[str, ...]
    materials: tuple[Material, ...]
    legal_days: int
    promised_days: int
    fee_charged: bool
    fee_standard: str
    steps: tuple[str, ...]
    where: str
    phone: str
    legal_basis: tuple[str, ...]
    actions: tuple[str, ...]


def _localized_material(material: Material, language: str) -> Material:
    return Material(
        in_script(material.name, language),
        material.form,
        material.copies,
        material.required,
        in_script(material.note, language),
    )


def item_actions(item: Item, available: frozenset[str] = AVAILABLE_ACTIONS) -> tuple[str, ...]:
    """What the terminal offers for `item`: submit here, book a pickup, video consultation."""
    actions = []
    if "self_service" in item.channels and "submit" in available:
        actions.append("submit")
    if "door_pickup" in item.channels and "pickup" in available:
        actions.append("pickup")
    if "consult" in available:
        actions.append("consult")
    return tuple(actions)


def item_guide(
    item: Item, department: Department | None, language: str, available: frozenset[str] = AVAILABLE_ACTIONS
) -> ItemGuide:
    """The guide of `item` for `language`."""
    actions = item_actions(item, available)
    name = item_name(item, language)
    return ItemGuide(
        item_id=item.id,
        name=name,
        subtitle=item.name if name != item.name and language == "en" else "",
        type=in_script(item.type, language),
        audience=item.audience,
        department=in_script(department.name if department else item.department, language),
        channels=item.channels,
        materials=tuple(_localized_material(m, language) for m in item.materials),
        legal_days=item.legal_days,
        promised_days=item.promised_days,
        fee_charged=item.fee_charged,
        fee_standard=in_script(item.fee_standard, language),
        steps=tuple(in_script(s, language) for s in item.steps),
        where=in_script(item.where, language),
        phone=in_script(item.phone, language),
        legal_basis=tuple(in_script(b, language) for b in item.legal_basis),
        actions=tuple(actions),
    )


FORM_NAMES = {"original": "原件", "copy": "复印件", "electronic": "电子版"}


def promised_text(item: Item) -> str:
    """The promised time limit in words for printed and phone texts."""
    return "即办" if item.promised_days == 0 else f"{item.promised_days}个工作日"


def qr_text(item: Item, language: str) -> str:
    """The guide's essentials as plain text for a phone: name, time limit, hotline, required materials."""
    days = promised_text(item)
    head = [item_name(item, language), f"时限：{days}；咨询：12345"]
    room = QR_LIMIT - sum(len(line) + 1 for line in head) - 3
    materials = "、".join(m.name for m in item.materials if m.required)
    if len(materials) > room:
        materials = materials[: max(room - 1, 0)] + "…"
    text = "\n".join([*head, f"材料：{materials}"])
    return in_script(text, language) if language == "zh_HK" else text


def guide_receipt(item: Item, language: str):
    """The guide's essentials as a receipt for the receipt printer (title, materials, time, where, QR)."""
    from devices.printer.receipt import Receipt

    days = promised_text(item)
    lines = [
        "需要带的材料：",
        *(f"· {m.name}（{FORM_NAMES.get(m.form, m.form)}×{m.copies}）" for m in item.materials if m.required),
        f"承诺时限：{days}",
        f"办理地点：{item.where}",
    ]
    return Receipt(
        title=item_name(item, "zh_CN" if language == "en" else language),
        lines=tuple(in_script(line, language) for line in lines),
        qr=qr_text(item, language),
        footer=(in_script("扫码把指南存到手机 · 咨询电话 12345", language),),
    )
