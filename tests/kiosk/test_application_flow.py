"""The application flow without Qt: slots from an item's materials, prefill, checks, and the submission kept in
a real outbox (SQLite file, sealed) with an audit record that holds nothing personal."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from kiosk.audit import AuditLog, verify
from kiosk.flows.application import (
    ApplicationFlow,
    mask_address,
    material_slots,
    receipt_qr_text,
    submission_receipt,
    working_days_after,
)
from kiosk.flows.document import DocumentFlow, ReadDocument
from kiosk.flows.face import FaceFlow, FaceOutcome
from kiosk.flows.status import parse_receipt_qr
from kiosk.ocr.synth.identities import make_company, make_person
from kiosk.outbox import Outbox, OutboxError
from kiosk.signature_synth import synth_signature
from kiosk.tracking import grouped, status_code_valid, tracking_no_valid

NOW = dt.datetime(2026, 11, 26, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def enterprise_item(store):
    """A self-service enterprise item that asks for the licence, ID cards and another paper."""
    for record in store.records():
        item = store.item(record["id"])
        names = " ".join(m.name for m in item.materials)
        kinds = {f.kind for f in item.form}
        other = any("营业执照" not in m.name and "身份证" not in m.name and m.required for m in item.materials)
        if item.self_service and "营业执照" in names and "法定代表人" in names and "credit_code" in kinds and other:
            return item
    raise AssertionError("no such item in the catalog")


@pytest.fixture
def resident():
    person, company = make_person(random.Random(11)), make_company(random.Random(12))
    face = FaceFlow()
    face.set_card({**person.front_fields(), **person.back_fields()})
    face.outcome = FaceOutcome(True, "match", "chip", 1, 0.31, 0.59, "blink", "passed")
    documents = DocumentFlow()
    picture = np.full((600, 900, 3), 235, np.uint8)
    documents.documents["business_license"] = ReadDocument("business_license", company.fields(), picture.copy())
    return person, company, face, documents


def provide_everything(flow: ApplicationFlow, documents: DocumentFlow) -> None:
    for slot in flow.slots:
        if slot.key not in documents.documents and not slot.own_card:
            documents.documents[slot.key] = ReadDocument(slot.kind, {}, np.full((1754, 1240, 3), 250, np.uint8))


def filled(store, face: FaceFlow, documents: DocumentFlow, delivery: str = "") -> ApplicationFlow:
    """An application with every material, the form prefilled and a phone number: all but the signature."""
    item = enterprise_item(store)
    flow = ApplicationFlow()
    flow.start(item)
    provide_everything(flow, documents)
    flow.prefill(face, documents)
    flow.set_value("phone", "13800138000")
    if delivery:
        flow.set_value(next(f.key for f in item.form if f.kind == "choice"), delivery)
    return flow


def test_slots_know_what_the_terminal_reads_and_whose_card_it_is(store):
    item = enterprise_item(store)
    slots = material_slots(item)
    kinds = {s.name: s.kind for s in slots}
    licence = next(s for s in slots if "营业执照" in s.name)
    assert licence.kind == "business_license" and licence.key == "business_license"
    legal = next(s for s in slots if "法定代表人" in s.name)
    assert legal.kind == "id_card_front" and not legal.own_card  # someone else's card: photographed
    assert sum(s.own_card for s in slots) <= 1
    assert "page" in kinds.values() and len({s.key for s in slots}) == len(slots)


def test_the_items_application_form_is_the_terminals_form(store):
    """A material named …申请表 is what the terminal's form and signature make: nothing to photograph."""
    item = next(store.item(r["id"]) for r in store.records() if r["name"] == "社会保障卡申领")
    slots = material_slots(item)
    form = next(s for s in slots if s.name.endswith("申请表"))
    assert form.on_form and ApplicationFlow().provided(form, FaceFlow(), DocumentFlow()) == "form"
    assert not any(s.on_form for s in slots if not s.name.endswith("申请表"))


def test_missing_then_prefilled_then_checked(store, resident):
    person, company, face, documents = resident
    item = enterprise_item(store)
    flow = ApplicationFlow()
    flow.start(item)
    bare = FaceFlow()
    assert flow.missing(bare, DocumentFlow())[0] == "identity"
    left = flow.missing(face, documents)
    assert left and "identity" not in left and "business_license" not in left
    provide_everything(flow, documents)
    assert flow.missing(face, documents) == []
    flow.prefill(face, documents)
    by_prefill = {f.prefill: flow.values.get(f.key) for f in item.form if f.prefill}
    assert by_prefill.get("business_license.credit_code") == company.credit_code
    assert by_prefill.get("id_card.id_number") == person.id_number
    problems = flow.problems()
    assert problems.get("phone") == "required"
    assert flow.set_value("phone", "1380013800") == "phone"
    assert flow.set_value("phone", "138 0013 8000") == "" and flow.values["phone"] == "13800138000"
    # What the resident typed survives a second prefill (returning to the form).
    assert flow.values["company_name"] == company.name
    flow.set_value("company_name", "改过的名称有限公司")
    flow.prefill(face, documents)
    assert flow.values["company_name"] == "改过的名称有限公司"
    # Mailing the result makes the address required.
    delivery = next(f for f in item.form if f.kind == "choice")
    flow.set_value(delivery.key, "EMS邮寄")
    address = next(f for f in item.form if f.kind == "address")
    flow.set_value(address.key, "")
    assert flow.problems().get(address.key) == "required"
    flow.set_value(delivery.key, "窗口自取")
    assert address.key not in flow.problems()


def test_submit_keeps_it_sealed_once_and_audits_without_personal_data(store, resident, tmp_path):
    person, company, face, documents = resident
    item = enterprise_item(store)
    flow = filled(store, face, documents, "EMS邮寄")
    address = next(f for f in item.form if f.kind == "address")
    flow.set_value(address.key, "广州市黄埔区香雪大道中85号3栋1201")
    with pytest.raises(ValueError, match="signature"):
        flow.submit(face, documents, Outbox(tmp_path / "o.sqlite3"), None, "zh_CN", NOW)
    assert flow.set_signature(synth_signature(4)) == ""
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    audit = AuditLog(tmp_path / "audit.jsonl")
    submitted = flow.submit(face, documents, outbox, audit, "zh_CN", NOW, random.Random(1))
    assert tracking_no_valid(submitted.tracking_no) and status_code_valid(submitted.status_code)
    assert submitted.delivery == "ems" and submitted.masked_address.endswith("****")
    assert "1201" not in submitted.masked_address
    assert submitted.due == working_days_after(NOW.date(), item.promised_days).isoformat()
    # A second tap is the same submission; the outbox holds one.
    assert flow.submit(face, documents, outbox, audit, "zh_CN", NOW) is submitted
    assert outbox.depth() == 1
    assert outbox.receipt(ref=submitted.tracking_no)["delivered"] is None  # 办件查询 finds it while it waits
    [pending] = outbox.due(now=NOW.timestamp() + 1e9)
    body = pending.payload
    assert pending.key == flow.key and body["tracking_no"] == submitted.tracking_no
    assert body["applicant"] == {"name": person.name, "id_number": person.id_number, "verified": "face"}
    assert body["delivery"]["method"] == "ems" and body["delivery"]["phone"] == "13800138000"
    licence = next(m for m in body["materials"] if m["kind"] == "business_license")
    assert licence["fields"]["credit_code"] == company.credit_code
    assert base64.b64decode(licence["image_jpeg_b64"])[:2] == b"\xff\xd8"
    assert base64.b64decode(body["signature"]["png_b64"])[:4] == b"\x89PNG" and body["signature"]["strokes"]
    pages = [m for m in body["materials"] if m["kind"] == "other"]
    assert pages and all(m["fields"] == {} for m in pages)
    # Sealed at rest: neither the ID number nor the name is in the database file.
    raw = (tmp_path / "outbox.sqlite3").read_bytes()
    assert person.id_number.encode() not in raw and person.name.encode("utf-8") not in raw
    sealed = sqlite3.connect(tmp_path / "outbox.sqlite3").execute("SELECT sealed FROM outbox").fetchone()[0]
    assert person.id_number.encode() not in sealed
    log = (tmp_path / "audit.jsonl").read_text(encoding="utf-8")
    assert person.id_number not in log and person.name not in log and submitted.tracking_no in log
    assert verify(tmp_path / "audit.jsonl").ok
    record = json.loads(log.splitlines()[-1])
    assert record["action"] == "submitted"


def test_receipt_and_its_qr_code(store, resident, tmp_path):
    _, _, face, documents = resident
    flow = filled(store, face, documents, "窗口自取")
    flow.set_signature(synth_signature(5))
    submitted = flow.submit(face, documents, Outbox(tmp_path / "o.sqlite3"), None, "zh_HK", NOW)
    assert parse_receipt_qr(receipt_qr_text(submitted)) == (submitted.tracking_no, submitted.status_code)
    receipt = submission_receipt(submitted, "黄埔区邮政网点", "zh_HK")
    text = "\n".join(receipt.lines)
    assert grouped(submitted.tracking_no) in text and "窗口領取" in text and receipt.title == "政務服務申請受理回執"


def test_a_full_disk_keeps_the_application_on_screen(store, resident, tmp_path):
    _, _, face, documents = resident
    flow = filled(store, face, documents)
    flow.set_signature(synth_signature(6))

    class FullOutbox:
        def put(self, *_args, **_kwargs):
            raise OutboxError("the submission could not be kept: database or disk is full")

    with pytest.raises(OutboxError):
        flow.submit(face, documents, FullOutbox(), None, "zh_CN", NOW)
    assert flow.result is None and flow.phase == "filling" and flow.values["phone"] == "13800138000"


def test_slight_signatures_refused_and_wipe_forgets(store, resident):
    from kiosk.signature_synth import synth_slight

    _, _, face, documents = resident
    flow = ApplicationFlow()
    flow.start(enterprise_item(store))
    assert flow.set_signature(synth_slight("tap", 1)) in ("too_small", "too_short", "empty")
    assert flow.signature is None
    signature = synth_signature(7)
    flow.set_signature(signature)
    flow.prefill(face, documents)
    flow.wipe()
    assert flow.values == {} and flow.signature is None and flow.item is None and signature.is_empty()


def test_working_days_and_masks():
    friday = dt.date(2026, 11, 27)
    assert working_days_after(friday, 1) == dt.date(2026, 11, 30)
    assert working_days_after(friday, 0) == friday
    assert mask_address("广州市黄埔区香雪大道中85号") == "广州市黄埔区香雪****"


def test_a_licence_read_by_ocr_fills_the_company_fields(store, resident):
    """The real reader on a synthetic licence scan (kiosk.ocr.synth): what it reads is what the form gets."""
    from kiosk.ocr.reader import extract
    from kiosk.ocr.synth.dataset import make_flat

    _, _, face, _ = resident
    flat, truth, _extra = make_flat("business_license", 21)
    extraction = extract(flat.image, "business_license")
    documents = DocumentFlow()
    fields = {name: result.value for name, result in extraction.fields.items()}
    documents.documents["business_license"] = ReadDocument("business_license", fields, extraction.rectified)
    flow = ApplicationFlow()
    item = enterprise_item(store)
    flow.start(item)
    flow.prefill(face, documents)
    assert flow.values["credit_code"] == truth["credit_code"]
    assert flow.values["company_name"] == truth["name"]
    assert flow.values["legal_representative"] == truth["legal_representative"]
    assert "credit_code" not in flow.problems()


def test_a_kept_submission_is_reported_submitted_even_when_its_audit_record_cannot_be_written(
    store, resident, tmp_path, caplog
):
    """Once the outbox holds it, it will reach the hub: an audit log that cannot take the record (a full disk, a
    folder gone) must not make the resident believe it failed and submit it again."""
    person, _company, face, documents = resident
    item = enterprise_item(store)
    flow = filled(store, face, documents, "EMS邮寄")
    address = next(f for f in item.form if f.kind == "address")
    flow.set_value(address.key, "广州市黄埔区香雪大道中85号3栋1201")
    assert flow.set_signature(synth_signature(4)) == ""
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    blocked = tmp_path / "audit"
    blocked.mkdir()
    audit = AuditLog(blocked / "audit.jsonl")
    blocked.chmod(0o500)  # the log's file cannot be created
    try:
        if os.access(blocked, os.W_OK):
            audit.path = Path("/proc/kiosk-audit-unwritable/audit.jsonl")  # root writes anywhere: a path no one can
        submitted = flow.submit(face, documents, outbox, audit, "zh_CN", NOW, random.Random(2))
    finally:
        blocked.chmod(0o700)
    assert flow.phase == "submitted" and outbox.depth() == 1
    assert outbox.receipt(ref=submitted.tracking_no)["delivered"] is None
    assert "audit record of a kept submission not written" in caplog.text
    assert person.id_number not in caplog.text and person.name not in caplog.text
