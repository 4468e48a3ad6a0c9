"""Applying for an item at the terminal (no Qt): who applies, the materials, the form, the signature, and the
submission put into the durable outbox before the resident is told it is sent.

Everything here is personal data and lives only in this object (and, sealed, in the outbox): `wipe()` drops the
values, pictures and strokes when the session ends.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import random
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from kiosk.forms import check_field, delivery_method

if TYPE_CHECKING:
    from catalog.model import FormField, Item, Material
    from kiosk.audit import AuditLog
    from kiosk.flows.document import DocumentFlow
    from kiosk.flows.face import FaceFlow
    from kiosk.outbox import Outbox

log = logging.getLogger("kiosk.flows.application")

STEPS = ("identity", "materials", "form", "sign", "review")
PHASES = ("idle", "filling", "submitted", "failed")
IMAGE_MAX_SIDE = 1600  # px: an A4 page stays legible for a clerk; a dozen pages stay a few MB
JPEG_QUALITY = 85
CHINA = dt.timezone(dt.timedelta(hours=8))


@dataclass
class MaterialSlot:
    """One material the item asks for, and how the resident provided it."""

    key: str  # the DocumentFlow key its picture is kept under
    name: str
    kind: str  # id_card_front, business_license (read by OCR) or page (kept as a picture)
    required: bool
    form: str
    copies: int
    note: str = ""
    own_card: bool = False  # the applicant's own ID card: the card reader's read stands for it
    on_form: bool = False  # the item's application form (申请表): the terminal's form and signature are it
    by_post: bool = False  # the resident will send it by post (the clerk asks for it if needed)


@dataclass(frozen=True)
class Submitted:
    """What the receipt says about a submission kept in the outbox (no personal data but the masked address)."""

    tracking_no: str
    status_code: str
    key: str
    item_id: str
    item_name: str
    promised_days: int
    due: str  # YYYY-MM-DD: the promised time limit counted in working days
    delivery: str  # "ems" or "collect"
    masked_address: str
    submitted_at: str


def material_kind(material: Material) -> str:
    """How the terminal takes a material: read by OCR (ID card, business licence) or kept as a picture."""
    if "营业执照" in material.name:
        return "business_license"
    if "身份证" in material.name and "委托" not in material.name and "复印" not in material.note:
        return "id_card_front"
    return "page"  # a power of attorney with an agent's card copy is one paper: photographed as it is


def material_slots(item: Item) -> list[MaterialSlot]:
    """The item's materials as slots; the first ID card that is not someone else's is the applicant's own."""
    slots: list[MaterialSlot] = []
    used: set[str] = set()
    own_taken = False
    for index, material in enumerate(item.materials):
        kind = material_kind(material)
        key = kind if kind != "page" and kind not in used else f"m{index}"
        used.add(key)
        own = (
            kind == "id_card_front" and not own_taken and not any(w in material.name for w in ("法定代表人", "代办人"))
        )
        own_taken = own_taken or own
        slot = MaterialSlot(key, material.name, kind, material.required, material.form, material.copies, material.note)
        slot.own_card, slot.on_form = own, kind == "page" and material.name.endswith("申请表")
        slots.append(slot)
    return slots


def working_days_after(start: dt.date, days: int) -> dt.date:
    """The date `days` working days (Monday to Friday) after `start`; 0 days is the same day."""
    current = start
    while days > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def mask_address(address: str) -> str:
    """An address as a receipt shows it: the district and street kept, the house number hidden."""
    if len(address) <= 8:
        return address[:2] + "*" * max(len(address) - 2, 0)
    return address[:-6] + "****"


def jpeg_b64(image: np.ndarray) -> str:
    """A picture as base64 JPEG, at most IMAGE_MAX_SIDE px on its long side."""
    scale = IMAGE_MAX_SIDE / max(image.shape[:2])
    if scale < 1:
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ValueError("a picture could not be encoded")
    return base64.b64encode(data.tobytes()).decode("ascii")


class ApplicationFlow:
    """One application: the item, its material slots, the form's values, the signature, then the submission."""

    def __init__(self) -> None:
        self.item: Item | None = None
        self.slots: list[MaterialSlot] = []
        self.values: dict[str, str] = {}
        self.touched: set[str] = set()  # fields the resident typed: prefilling never overwrites them
        self.signature: Any = None  # kiosk.signature.Signature
        self.key = ""
        self.phase = "idle"
        self.result: Submitted | None = None
        self.error = ""

    # -- starting -------------------------------------------------------------------------------------
    def start(self, item: Item) -> None:
        """Begin applying for `item` (again from scratch if it is another item)."""
        if not item.self_service:
            raise ValueError(f"{item.id} cannot be submitted at the terminal")
        if self.item is not None and self.item.id == item.id and self.phase == "filling":
            return  # back to the checklist of the same application: keep what was done
        self.wipe()
        self.item = item
        self.slots = material_slots(item)
        self.key = str(uuid.uuid4())  # one per application: a retried tap or a crash never sends it twice
        self.phase = "filling"

    # -- identity and materials -----------------------------------------------------------------------
    @staticmethod
    def identity(face: FaceFlow, documents: DocumentFlow) -> dict[str, str]:
        """Who applies: the ID card chip's text, else the ID card read by the document camera."""
        card = getattr(face, "card", None)
        if card:
            return dict(card)
        read = documents.documents.get("id_card_front")
        return dict(read.fields) if read is not None else {}

    def provided(self, slot: MaterialSlot, face: FaceFlow, documents: DocumentFlow) -> str:
        """How a slot is provided: "card_reader", "form", "captured", "by_post" or "" (not yet)."""
        if slot.own_card and getattr(face, "card", None):
            return "card_reader"
        if slot.on_form:
            return "form"
        if slot.key in documents.documents:
            return "captured"
        return "by_post" if slot.by_post else ""

    def set_by_post(self, key: str, on: bool) -> None:
        """The resident will send a paper material by post instead (a drawing too big for the camera)."""
        slot = self.slot(key)
        if slot.kind != "page":
            raise ValueError("documents the terminal reads are read, not posted")
        slot.by_post = on

    def slot(self, key: str) -> MaterialSlot:
        """One material slot by key."""
        for slot in self.slots:
            if slot.key == key:
                return slot
        raise KeyError(f"no material {key!r}")

    def missing(self, face: FaceFlow, documents: DocumentFlow) -> list[str]:
        """What still stops the application, in order: "identity", then the keys of required materials."""
        left = [] if face.verified else ["identity"]
        return left + [s.key for s in self.slots if s.required and not self.provided(s, face, documents)]

    # -- the form -------------------------------------------------------------------------------------
    @property
    def fields(self) -> tuple[FormField, ...]:
        """The item's form."""
        return self.item.form if self.item is not None else ()

    def prefill(self, face: FaceFlow, documents: DocumentFlow) -> None:
        """Fill untouched fields from the ID card and the documents read."""
        identity = self.identity(face, documents)
        sources = {"id_card": identity}
        if "business_license" in documents.documents:
            sources["business_license"] = documents.documents["business_license"].fields
        for spec in self.fields:
            if spec.key in self.touched or not spec.prefill:
                continue
            source, _, name = spec.prefill.partition(".")
            value = sources.get(source, {}).get(name, "")
            if value:
                self.values[spec.key] = check_field(spec, value)[0]
        for spec in self.fields:  # a single choice needs no asking; EMS first: results go out by post
            if spec.kind == "choice" and spec.choices and spec.key not in self.values:
                self.values[spec.key] = spec.choices[0]

    def set_value(self, key: str, value: str) -> str:
        """The resident's value for a field; returns a reason code ("" when accepted; kept either way)."""
        spec = next((f for f in self.fields if f.key == key), None)
        if spec is None:
            raise KeyError(f"no field {key!r}")
        text, reason = check_field(spec, value)
        self.values[key] = text
        self.touched.add(key)
        return reason

    def problems(self) -> dict[str, str]:
        """Every field that cannot be submitted as it is, with its reason code."""
        out = {}
        for spec in self.fields:
            _, reason = check_field(spec, self.values.get(spec.key, ""))
            if not reason and self.required(spec) and not self.values.get(spec.key):
                reason = "required"
            if reason:
                out[spec.key] = reason
        return out

    def required(self, spec: FormField) -> bool:
        """Whether a field must be filled: the item says so, or the result is mailed and it is the address."""
        return spec.required or (spec.kind == "address" and self.needs_address())

    def delivery(self) -> str:
        """How the result will arrive: "ems" or "collect"."""
        choice = next((self.values.get(f.key, "") for f in self.fields if f.kind == "choice"), "")
        return delivery_method(choice) if choice else "collect"

    def needs_address(self) -> bool:
        """Mailing the result needs an address."""
        return self.delivery() == "ems"

    # -- the signature --------------------------------------------------------------------------------
    def set_signature(self, signature: Any) -> str:
        """Keep the resident's signature; returns its problem code ("" when it is a signature)."""
        problem = signature.problem() or ""
        if problem:
            return problem
        if self.signature is not None and self.signature is not signature:
            self.signature.wipe()
        self.signature = signature
        return ""

    # -- submitting -----------------------------------------------------------------------------------
    def ready(self, face: FaceFlow, documents: DocumentFlow) -> list[str]:
        """Everything still missing before submitting (steps and keys); empty when it can be submitted."""
        left = self.missing(face, documents)
        left += [f"form:{key}" for key in self.problems()]
        if self.signature is None:
            left.append("signature")
        return left

    def payload(
        self,
        face: FaceFlow,
        documents: DocumentFlow,
        language: str,
        tracking_no: str,
        status_code: str,
        now: dt.datetime,
    ) -> dict[str, Any]:
        """The submission as the hub's API takes it (docs/hub-api.md)."""
        assert self.item is not None and self.signature is not None
        identity = self.identity(face, documents)
        materials = []
        for slot in self.slots:
            read = documents.documents.get(slot.key)
            if read is None or read.image is None:
                continue
            kind = slot.kind if slot.kind != "page" else "other"
            materials.append(
                {"name": slot.name, "kind": kind, "fields": dict(read.fields), "image_jpeg_b64": jpeg_b64(read.image)}
            )
        name = self.values.get("agent_name") or self.values.get("applicant_name") or identity.get("name", "")
        phone = next((self.values[f.key] for f in self.fields if f.kind == "phone" and self.values.get(f.key)), "")
        address = next((self.values[f.key] for f in self.fields if f.kind == "address" and self.values.get(f.key)), "")
        return {
            "tracking_no": tracking_no,
            "status_code": status_code,
            "item": {
                "id": self.item.id,
                "code": self.item.code,
                "name": self.item.name,
                "promised_days": self.item.promised_days,
            },
            "applicant": {
                "name": identity.get("name", name),
                "id_number": identity.get("id_number", ""),
                "verified": "face" if face.verified else ("card" if identity else "none"),
            },
            "form": dict(self.values),
            "delivery": {"method": self.delivery(), "recipient": name, "phone": phone, "address": address},
            "materials": materials,
            "by_post": [slot.name for slot in self.slots if slot.by_post],
            "signature": {
                "png_b64": base64.b64encode(self.signature.to_png()).decode("ascii"),
                "strokes": self.signature.to_json()["strokes"],
            },
            "submitted_at": now.isoformat(timespec="seconds"),
            "language": language,
        }

    def submit(
        self,
        face: FaceFlow,
        documents: DocumentFlow,
        outbox: Outbox,
        audit: AuditLog | None,
        language: str,
        now: dt.datetime | None = None,
        rng: random.Random | None = None,
    ) -> Submitted:
        """Put the application into the outbox; only when that returned is it "submitted". Raises OutboxError
        (nothing kept: the resident is told) or ValueError (something is missing)."""
        from kiosk.tracking import make_status_code, make_tracking_no

        if self.result is not None:
            return self.result  # a second tap on 提交 after it went through
        left = self.ready(face, documents)
        if left:
            raise ValueError(f"not ready to submit: {', '.join(left)}")
        assert self.item is not None
        now = now or dt.datetime.now(CHINA)
        rng = rng or random.SystemRandom()
        tracking_no, status_code = make_tracking_no(now.date(), rng), make_status_code(rng)
        payload = self.payload(face, documents, language, tracking_no, status_code, now)
        outbox.put("submission", payload, self.key, ref=tracking_no)
        # From here the submission is kept and will reach the hub: whatever happens to the audit record, the
        # resident is told "submitted" (telling them it failed would make them submit it twice).
        if audit is not None:
            try:
                audit.record(
                    "submitted",
                    item=self.item.id,
                    tracking_no=tracking_no,
                    applicant=audit.pseudonym(payload["applicant"]["id_number"] or "unknown"),
                    verified=payload["applicant"]["verified"],
                    materials=len(payload["materials"]),
                    by_post=len(payload["by_post"]),
                )
            except Exception as exc:  # AuditError, a full disk: the messages name no person
                log.error("audit record of a kept submission not written: %s", exc)
        address = payload["delivery"]["address"]
        self.result = Submitted(
            tracking_no,
            status_code,
            self.key,
            self.item.id,
            self.item.name,
            self.item.promised_days,
            working_days_after(now.date(), self.item.promised_days).isoformat(),
            payload["delivery"]["method"],
            mask_address(address) if payload["delivery"]["method"] == "ems" else "",
            payload["submitted_at"],
        )
        self.phase = "submitted"
        payload.clear()
        return self.result

    # -- forgetting -----------------------------------------------------------------------------------
    def wipe(self) -> None:
        """Forget the application: values, signature strokes, slots (the outbox keeps the sealed copy)."""
        self.values.clear()
        self.touched.clear()
        if self.signature is not None:
            self.signature.wipe()
        self.signature = None
        self.item = None
        self.slots = []
        self.key = ""
        self.phase = "idle"
        self.result = None
        self.error = ""

    def summary(self) -> dict[str, Any]:
        """Counts only, never values: safe for logs."""
        return {
            "item": self.item.id if self.item else "",
            "phase": self.phase,
            "slots": len(self.slots),
            "values": len(self.values),
            "signed": self.signature is not None,
        }


def receipt_qr_text(submitted: Submitted) -> str:
    """What the receipt's QR code holds: enough for any terminal to show the status, nothing personal."""
    from kiosk.flows.status import receipt_qr

    return receipt_qr(submitted.tracking_no, submitted.status_code)


def submission_receipt(submitted: Submitted, site: str, language: str):
    """The printed receipt (受理回执): tracking number, item, time limit, how the result comes, the status QR."""
    from devices.printer.receipt import Receipt
    from kiosk.content import in_script
    from kiosk.tracking import grouped

    days = "即办" if submitted.promised_days == 0 else f"{submitted.promised_days}个工作日"
    how = f"EMS邮寄至 {submitted.masked_address}" if submitted.delivery == "ems" else "办结后凭本回执到窗口领取"
    lines = [
        f"办件编号：{grouped(submitted.tracking_no)}",
        f"查询码：{submitted.status_code}",
        f"办理事项：{submitted.item_name}",
        f"提交时间：{submitted.submitted_at[:16].replace('T', ' ')}",
        f"承诺时限：{days}（预计{submitted.due}前办结）",
        f"结果送达：{how}",
        f"受理网点：{site}",
    ]
    script = "zh_CN" if language == "en" else language
    return Receipt(
        title=in_script("政务服务申请受理回执", script),
        lines=tuple(in_script(line, script) for line in lines),
        qr=receipt_qr_text(submitted),
        footer=(in_script("扫码或拨打12345查询进度 · 请妥善保管本回执", script),),
    )
