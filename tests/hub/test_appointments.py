"""Home pickups through a real hub (SQLite and PostgreSQL): slots, capacity under concurrency, idempotency."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, timedelta

import requests
import sqlalchemy as sa

from hub.clock import HUB_TZ
from hub.db import appointments, slot_bookings

API = "/api/v1/appointments"


def hub_today() -> date:
    return datetime.now(HUB_TZ).date()


def booking(slot: datetime, **changes) -> dict:
    body = {
        "item_id": "hp-00009",
        "item_name": "人民防空工程平时使用备案",
        "contact_name": "张三",
        "phone": "13800138000",
        "address": "广州市黄埔区开创大道 1 号",
        "slot_start": slot.isoformat(),
    }
    return {**body, **changes}


def test_slots_are_hourly_from_9_to_18_every_day_weekends_too(hub):
    _, auth = hub.terminal()
    today = hub_today()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    for day in (saturday, saturday + timedelta(days=1), saturday + timedelta(days=2)):
        reply = hub.get(f"{API}/slots", auth, params={"date": day.isoformat()})
        assert reply.status_code == 200
        slots = reply.json()["slots"]
        starts = [datetime.fromisoformat(s["start"]) for s in slots]
        assert [s.hour for s in starts] == list(range(9, 18))
        assert all(s.utcoffset() == timedelta(hours=8) and s.date() == day for s in starts)
        assert all(
            datetime.fromisoformat(s["end"]) - datetime.fromisoformat(s["start"]) == timedelta(hours=1) for s in slots
        )
        assert all(s["available"] == 2 for s in slots)
    past = hub.get(f"{API}/slots", auth, params={"date": (today - timedelta(days=1)).isoformat()}).json()["slots"]
    assert [s["available"] for s in past] == [0] * 9
    assert hub.get(f"{API}/slots", auth, params={"date": "tomorrow"}).status_code == 422
    assert hub.get(f"{API}/slots", auth).status_code == 422
    assert hub.get(f"{API}/slots", {}, params={"date": today.isoformat()}).status_code == 401


def test_booking_confirms_and_fills_the_slot(hub, fresh_slot):
    _, auth = hub.terminal()
    slot = fresh_slot()
    first = hub.post(API, auth, "appt-key-0001", json=booking(slot))
    assert first.status_code == 201, first.text
    reply = first.json()
    assert reply["status"] == "confirmed" and reply["appointment_no"].startswith("AP")
    assert datetime.fromisoformat(reply["slot_start"]) == slot
    assert datetime.fromisoformat(reply["visit_by"]) == slot + timedelta(hours=1)

    again = hub.post(API, auth, "appt-key-0001", json=booking(slot))
    assert again.status_code == 200 and again.json() == reply
    other = hub.post(API, auth, "appt-key-0001", json=booking(slot, contact_name="李四"))
    assert other.status_code == 409 and other.json() == {"detail": "idempotency key reused with a different body"}

    slots = hub.get(f"{API}/slots", auth, params={"date": slot.date().isoformat()}).json()["slots"]
    assert next(s for s in slots if datetime.fromisoformat(s["start"]) == slot)["available"] == 1
    assert hub.post(API, auth, "appt-key-0002", json=booking(slot)).status_code == 201
    full = hub.post(API, auth, "appt-key-0003", json=booking(slot))
    assert full.status_code == 409 and full.json() == {"detail": "slot_full"}
    # A repeat of a booking that got in is still its confirmation, even now the slot is full.
    assert hub.post(API, auth, "appt-key-0001", json=booking(slot)).json() == reply


def test_concurrent_bookings_for_the_last_place(hub, fresh_slot):
    _, auth = hub.terminal()
    for round_ in range(3):
        slot = fresh_slot()
        assert hub.post(API, auth, f"appt-first-{round_}", json=booking(slot)).status_code == 201
        start = threading.Barrier(6)
        codes: list[int] = []

        def book(n: int, slot=slot, start=start, round_=round_, codes=codes) -> None:
            start.wait()
            headers = {**auth, "Idempotency-Key": f"appt-race-{round_}-{n}"}
            codes.append(requests.post(hub.url + API, json=booking(slot), headers=headers, timeout=60).status_code)

        threads = [threading.Thread(target=book, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(codes) == [201] + [409] * 5
        with hub.engine.connect() as conn:
            booked = conn.execute(sa.select(slot_bookings.c.booked).where(slot_bookings.c.slot_start == slot)).scalar()
            rows = conn.execute(
                sa.select(sa.func.count()).select_from(appointments).where(appointments.c.slot_start == slot)
            ).scalar()
        assert booked == rows == 2


def test_concurrent_identical_bookings_are_one(hub, fresh_slot):
    _, auth = hub.terminal()
    slot = fresh_slot()
    start = threading.Barrier(5)
    replies: list[requests.Response] = []

    def book() -> None:
        start.wait()
        headers = {**auth, "Idempotency-Key": "appt-same-key"}
        replies.append(requests.post(hub.url + API, json=booking(slot), headers=headers, timeout=60))

    threads = [threading.Thread(target=book) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in replies) == [200] * 4 + [201]
    assert len({r.json()["appointment_no"] for r in replies}) == 1


def test_bad_slots_are_422(hub):
    _, auth = hub.terminal()
    tomorrow = hub_today() + timedelta(days=1)
    bad = [
        datetime.combine(hub_today() - timedelta(days=1), time(10), HUB_TZ),  # past
        datetime.combine(tomorrow, time(9, 30), HUB_TZ),  # off the grid
        datetime.combine(tomorrow, time(18), HUB_TZ),  # after the last slot
        datetime.combine(tomorrow, time(8), HUB_TZ),  # before the first
        datetime.combine(hub_today() + timedelta(days=90), time(10), HUB_TZ),  # too far ahead
    ]
    for n, slot in enumerate(bad):
        reply = hub.post(API, auth, f"appt-bad-{n}", json=booking(slot))
        assert reply.status_code == 422, slot
    # 10:00 in Beijing is 02:00 UTC: the same instant written with another offset is on the grid.
    utc = datetime.combine(tomorrow, time(10), HUB_TZ).astimezone(UTC)
    reply = hub.post(API, auth, "appt-other-offset", json=booking(utc))
    assert reply.status_code == 201 and reply.json()["slot_start"].endswith("T10:00:00+08:00")
    for n, changes in enumerate(({"phone": "call me"}, {"contact_name": ""}, {"slot_start": "2026-12-01T10:00:00"})):
        slot = datetime.combine(tomorrow, time(11), HUB_TZ)
        assert hub.post(API, auth, f"appt-badbody-{n}", json=booking(slot, **changes)).status_code == 422
    assert hub.post(API, auth, None, json=booking(datetime.combine(tomorrow, time(11), HUB_TZ))).status_code == 422
