"""Home pickups: hourly slots 09:00-18:00 every day, a capacity per slot kept in one transaction, one booking a key."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hub import clock
from hub.db import appointments, insert_for, slot_bookings, writer
from hub.submissions import KEY_REUSED, Conflict

FIRST_HOUR, LAST_HOUR = 9, 17  # slots start 09:00 ... 17:00 and the last ends at 18:00
SLOT_LENGTH = timedelta(hours=1)
DEFAULT_CAPACITY = 2
BOOKING_HORIZON = timedelta(days=60)
SLOT_FULL = "slot_full"


class SlotFull(Exception):
    """The slot has no place left."""


class BadSlot(ValueError):
    """A slot start that is in the past, off the hourly grid or too far ahead."""


def day_slots(day: date) -> list[datetime]:
    """The starts of a day's slots, in the hub's zone."""
    return [datetime.combine(day, time(hour), clock.HUB_TZ) for hour in range(FIRST_HOUR, LAST_HOUR + 1)]


def check_slot(start: datetime, now: datetime | None = None) -> datetime:
    """The slot start in the hub's zone; BadSlot unless it is on the grid, not begun and within the horizon."""
    now = now or clock.now()
    local = start.astimezone(clock.HUB_TZ)
    if (local.minute, local.second, local.microsecond) != (0, 0, 0) or not FIRST_HOUR <= local.hour <= LAST_HOUR:
        raise BadSlot("slot_start must be a full hour from 09:00 to 17:00 (+08:00)")
    if local <= now:
        raise BadSlot("slot_start is in the past")
    if local > now + BOOKING_HORIZON:
        raise BadSlot(f"slot_start is more than {BOOKING_HORIZON.days} days ahead")
    return local


def slots(engine: Engine, day: date, capacity: int = DEFAULT_CAPACITY) -> list[dict[str, Any]]:
    """A day's slots with the places left (0 for a slot that has begun)."""
    starts = day_slots(day)
    query = sa.select(slot_bookings.c.slot_start, slot_bookings.c.booked).where(
        slot_bookings.c.slot_start >= starts[0], slot_bookings.c.slot_start <= starts[-1]
    )
    with engine.connect() as conn:
        booked = {row.slot_start: row.booked for row in conn.execute(query)}
    now = clock.now()
    return [
        {
            "start": start,
            "end": start + SLOT_LENGTH,
            "available": 0 if start <= now else max(0, capacity - booked.get(start, 0)),
        }
        for start in starts
    ]


def _reply(appointment_no: str, slot_start: datetime) -> dict[str, Any]:
    start = slot_start.astimezone(clock.HUB_TZ)
    visit_by = start + SLOT_LENGTH
    return {"appointment_no": appointment_no, "status": "confirmed", "slot_start": start, "visit_by": visit_by}


def _existing(conn: Connection, terminal_id: str, key: str) -> Any:
    query = sa.select(appointments).where(
        appointments.c.terminal_id == terminal_id, appointments.c.idempotency_key == key
    )
    return conn.execute(query).first()


def _replay(engine: Engine, terminal_id: str, key: str, body_sha256: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = _existing(conn, terminal_id, key)
    if row is None:
        return None
    if not hmac.compare_digest(row.body_sha256, body_sha256):
        raise Conflict(KEY_REUSED)
    return _reply(row.appointment_no, row.slot_start)


def book(
    engine: Engine,
    terminal_id: str,
    key: str,
    body: bytes,
    request: dict[str, Any],
    capacity: int = DEFAULT_CAPACITY,
) -> tuple[dict[str, Any], bool]:
    """Book a pickup: (reply, created). SlotFull when the slot has no room, BadSlot for a bad start, Conflict for
    a key reused with another body. The same key and body again replays the first reply."""
    body_sha256 = hashlib.sha256(body).hexdigest()
    if (replayed := _replay(engine, terminal_id, key, body_sha256)) is not None:
        return replayed, False
    start = check_slot(request["slot_start"])
    for _attempt in range(3):
        number = f"AP{clock.now():%y%m%d}{secrets.randbelow(10**8):08d}"
        try:
            with writer(engine).begin() as conn:
                conn.execute(
                    insert_for(conn, slot_bookings).values(slot_start=start, booked=0).on_conflict_do_nothing()
                )
                # The place is taken by a conditional update of the slot's row: concurrent bookings queue on
                # that row (PostgreSQL) or on the write lock (SQLite), and each sees the count the last one left.
                taken = conn.execute(
                    sa.update(slot_bookings)
                    .where(slot_bookings.c.slot_start == start, slot_bookings.c.booked < capacity)
                    .values(booked=slot_bookings.c.booked + 1)
                ).rowcount
                if taken != 1:
                    raise SlotFull(SLOT_FULL)
                conn.execute(
                    sa.insert(appointments).values(
                        appointment_no=number,
                        terminal_id=terminal_id,
                        idempotency_key=key,
                        body_sha256=body_sha256,
                        item_id=request["item_id"],
                        item_name=request["item_name"],
                        contact_name=request["contact_name"],
                        phone=request["phone"],
                        address=request["address"],
                        slot_start=start,
                        status="confirmed",
                        created_at=clock.now(),
                    )
                )
        except SlotFull:
            # A concurrent request with the same key may have taken the last place: then it is this one's.
            if (replayed := _replay(engine, terminal_id, key, body_sha256)) is not None:
                return replayed, False
            raise
        except sa.exc.IntegrityError:
            if (replayed := _replay(engine, terminal_id, key, body_sha256)) is not None:
                return replayed, False
            continue  # not this key: the random number was taken, so draw another
        return _reply(number, start), True
    raise RuntimeError("could not draw a free appointment number")


def upcoming(engine: Engine, since: datetime | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Appointments from `since` (default: today 00:00) on, by slot."""
    since = since or datetime.combine(clock.now().date(), time(0), clock.HUB_TZ)
    query = (
        sa.select(appointments)
        .where(appointments.c.slot_start >= since)
        .order_by(appointments.c.slot_start, appointments.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [{**r, "slot_start": r["slot_start"].astimezone(clock.HUB_TZ)} for r in rows]
