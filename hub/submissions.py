"""Submissions: storing them once per idempotency key, reading them back for terminals and clerks, moving status."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hub import clock
from hub.db import status_history, submission_images, submissions, writer
from hub.keys import id_number_hmac, status_code_hmac
from hub.models import Submission, decode_image_b64, image_mime
from hub.statuses import Status, can_move, label

MAIL_NO_PATTERN = re.compile(r"^([A-Z]{2}[0-9]{9}[A-Z]{2}|[0-9]{13})$")  # EMS: international or domestic form
KEY_REUSED = "idempotency key reused with a different body"
TRACKING_TAKEN = "tracking number taken"


class Conflict(Exception):
    """The submission cannot be stored: its key or tracking number is used by another one."""


class MoveRefused(Exception):
    """A clerk's status move that is not allowed or lacks what it needs."""


@dataclass(frozen=True)
class Stored:
    """The outcome of storing a submission."""

    tracking_no: str
    received_at: datetime
    duplicate: bool


def _shown(value: datetime) -> datetime:
    return value.astimezone(clock.HUB_TZ).replace(microsecond=0)


def _existing(conn: Connection, terminal_id: str, key: str) -> sa.Row | None:
    query = sa.select(submissions.c.tracking_no, submissions.c.received_at, submissions.c.body_sha256).where(
        submissions.c.terminal_id == terminal_id, submissions.c.idempotency_key == key
    )
    return conn.execute(query).first()


def _replay(row: sa.Row, body_sha256: str) -> Stored:
    if not hmac.compare_digest(row.body_sha256, body_sha256):
        raise Conflict(KEY_REUSED)
    return Stored(row.tracking_no, _shown(row.received_at), duplicate=True)


def store_submission(
    engine: Engine, hub_key: bytes, terminal_id: str, idempotency_key: str, body: bytes, sub: Submission
) -> Stored:
    """Store a submission once: the same key and body again is a duplicate; Conflict for a reused key or number."""
    body_sha256 = hashlib.sha256(body).hexdigest()
    with engine.connect() as conn:
        row = _existing(conn, terminal_id, idempotency_key)
    if row is not None:
        return _replay(row, body_sha256)

    payload = sub.model_dump(mode="json")
    payload.pop("status_code")  # kept only as an HMAC
    images: list[tuple[str, bytes]] = []
    for n, material in enumerate(payload["materials"]):
        images.append((f"material-{n}", decode_image_b64(material.pop("image_jpeg_b64"))))
        material["image"] = f"material-{n}"
    images.append(("signature", decode_image_b64(payload["signature"].pop("png_b64"))))
    payload["signature"]["image"] = "signature"

    received = clock.now()
    values = {
        "tracking_no": sub.tracking_no,
        "terminal_id": terminal_id,
        "idempotency_key": idempotency_key,
        "body_sha256": body_sha256,
        "item_id": sub.item.id,
        "item_code": sub.item.code,
        "item_name": sub.item.name,
        "promised_days": sub.item.promised_days,
        "applicant_hmac": id_number_hmac(hub_key, sub.applicant.id_number),
        "status_code_hmac": status_code_hmac(hub_key, sub.tracking_no, sub.status_code),
        "payload": payload,
        "status": Status.SUBMITTED.value,
        "submitted_at": sub.submitted_at,
        "received_at": received,
        "updated_at": received,
    }
    try:
        with writer(engine).begin() as conn:
            submission_id = conn.execute(sa.insert(submissions).values(values)).inserted_primary_key[0]
            conn.execute(
                sa.insert(status_history).values(
                    submission_id=submission_id,
                    status=Status.SUBMITTED.value,
                    at=received,
                    note="",
                    actor=f"terminal:{terminal_id}",
                )
            )
            conn.execute(
                sa.insert(submission_images),
                [{"submission_id": submission_id, "slot": s, "mime": image_mime(d), "data": d} for s, d in images],
            )
    except sa.exc.IntegrityError:
        # A concurrent request with the same key (or another submission with this number) committed first.
        with engine.connect() as conn:
            row = _existing(conn, terminal_id, idempotency_key)
        if row is not None:
            return _replay(row, body_sha256)
        raise Conflict(TRACKING_TAKEN) from None
    return Stored(sub.tracking_no, _shown(received), duplicate=False)


def _summary(row: Any) -> dict[str, Any]:
    return {
        "tracking_no": row.tracking_no,
        "item_name": row.item_name,
        "status": row.status,
        "updated_at": _shown(row.updated_at),
    }


def _history(conn: Connection, submission_id: int) -> list[dict[str, Any]]:
    query = (
        sa.select(status_history.c.status, status_history.c.at, status_history.c.note, status_history.c.actor)
        .where(status_history.c.submission_id == submission_id)
        .order_by(status_history.c.id)
    )
    return [{"status": r.status, "at": _shown(r.at), "note": r.note, "actor": r.actor} for r in conn.execute(query)]


def _status(conn: Connection, row: Any) -> dict[str, Any]:
    """The Status reply: no applicant, no form, no delivery address."""
    return {
        **_summary(row),
        "promised_days": row.promised_days,
        "history": [{k: h[k] for k in ("status", "at", "note")} for h in _history(conn, row.id)],
        "supplement": row.supplement if row.status == Status.SUPPLEMENT_REQUESTED else None,
        "mail_no": row.mail_no,
    }


def summaries_since(engine: Engine, terminal_id: str, since: datetime | None) -> list[dict[str, Any]]:
    """This terminal's submissions changed after `since` (all without it), oldest change first."""
    query = sa.select(submissions).where(submissions.c.terminal_id == terminal_id)
    if since is not None:
        query = query.where(submissions.c.updated_at > since)
    with engine.connect() as conn:
        return [_summary(r) for r in conn.execute(query.order_by(submissions.c.updated_at, submissions.c.id))]


def detail_for_terminal(engine: Engine, terminal_id: str, tracking_no: str) -> dict[str, Any] | None:
    """One of this terminal's submissions (None for another terminal's, so numbers cannot be probed)."""
    query = sa.select(submissions).where(
        submissions.c.tracking_no == tracking_no, submissions.c.terminal_id == terminal_id
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
        if row is None:
            return None
        reply = _status(conn, row)
    payload = row.payload
    reply["delivery"] = payload["delivery"]
    reply["materials"] = [{"name": m["name"], "kind": m["kind"]} for m in payload["materials"]]
    return reply


def status_by_code(engine: Engine, hub_key: bytes, tracking_no: str, code: str) -> dict[str, Any] | None:
    """The status of a submission whose receipt code matches (None for a wrong code or number)."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(submissions).where(submissions.c.tracking_no == tracking_no)).first()
        expected = row.status_code_hmac if row is not None else "0" * 64
        ok = hmac.compare_digest(status_code_hmac(hub_key, tracking_no, code), expected)
        return _status(conn, row) if ok and row is not None else None


def summaries_of_person(engine: Engine, hub_key: bytes, id_number: str) -> list[dict[str, Any]]:
    """Every submission of the person with this ID number, from any terminal, newest first."""
    query = (
        sa.select(submissions)
        .where(submissions.c.applicant_hmac == id_number_hmac(hub_key, id_number))
        .order_by(submissions.c.received_at.desc(), submissions.c.id.desc())
    )
    with engine.connect() as conn:
        return [_summary(r) for r in conn.execute(query)]


def clerk_list(engine: Engine, status: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Submissions for the console, newest first, optionally of one status."""
    query = sa.select(
        submissions.c.tracking_no,
        submissions.c.item_name,
        submissions.c.status,
        submissions.c.terminal_id,
        submissions.c.received_at,
        submissions.c.updated_at,
    )
    if status:
        query = query.where(submissions.c.status == status)
    query = query.order_by(submissions.c.received_at.desc(), submissions.c.id.desc()).limit(limit).offset(offset)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def clerk_detail(engine: Engine, tracking_no: str) -> dict[str, Any] | None:
    """Everything about a submission for the clerk: the stored body, status, history with who made each move."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(submissions).where(submissions.c.tracking_no == tracking_no)).first()
        if row is None:
            return None
        return {
            **_status(conn, row),
            "history": _history(conn, row.id),
            "terminal_id": row.terminal_id,
            "received_at": _shown(row.received_at),
            "submitted_at": _shown(row.submitted_at),
            "payload": row.payload,
            "supplement": row.supplement,
        }


def image(engine: Engine, tracking_no: str, slot: str) -> tuple[str, bytes] | None:
    """(mime, bytes) of one of a submission's images."""
    query = (
        sa.select(submission_images.c.mime, submission_images.c.data)
        .select_from(submission_images.join(submissions))
        .where(submissions.c.tracking_no == tracking_no, submission_images.c.slot == slot)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return (row.mime, bytes(row.data)) if row is not None else None


def move(
    engine: Engine,
    tracking_no: str,
    target: str,
    clerk: str,
    note: str = "",
    mail_no: str = "",
    supplement: dict[str, Any] | None = None,
) -> None:
    """A clerk's status move; MoveRefused when it is not an allowed move or misses its mail number or list."""
    note = note.strip()
    if len(note) > 2000:
        raise MoveRefused("备注过长（最多 2000 字）")
    changes: dict[str, Any] = {"status": target, "supplement": None}
    if target == Status.RESULT_MAILED:
        mail_no = mail_no.strip().upper()
        if not MAIL_NO_PATTERN.match(mail_no):
            raise MoveRefused("请填写正确的 EMS 邮件号（13 位数字，或如 EA123456789CN）")
        changes["mail_no"] = mail_no
    if target == Status.SUPPLEMENT_REQUESTED:
        materials = [m.strip() for m in (supplement or {}).get("materials", []) if m.strip()]
        mail_to = str((supplement or {}).get("mail_to", "")).strip()
        if not materials or len(materials) > 20 or any(len(m) > 100 for m in materials):
            raise MoveRefused("请列出需要补正的材料（1 至 20 项，每项最多 100 字）")
        if not mail_to or len(mail_to) > 200:
            raise MoveRefused("请填写补正材料的寄送地址")
        changes["supplement"] = {"materials": materials, "note": note, "mail_to": mail_to}
    at = clock.now()
    with writer(engine).begin() as conn:
        row = conn.execute(
            sa.select(submissions.c.id, submissions.c.status).where(submissions.c.tracking_no == tracking_no)
        ).first()
        if row is None:
            raise MoveRefused("没有这个办件")
        if not can_move(row.status, target):
            raise MoveRefused(f"不能从“{label(row.status)}”改为“{label(target)}”")
        # Guarded by the status read: a second clerk's concurrent move of the same submission changes nothing.
        done = conn.execute(
            sa.update(submissions)
            .where(submissions.c.id == row.id, submissions.c.status == row.status)
            .values(**changes, updated_at=at)
        ).rowcount
        if done != 1:
            raise MoveRefused("办件状态已被他人更改，请刷新")
        conn.execute(
            sa.insert(status_history).values(
                submission_id=row.id, status=target, at=at, note=note, actor=f"clerk:{clerk}"
            )
        )
