"""预约上门 without Qt: days, slots filtered by an injected clock, contact checks, the idempotent booking key,
full slots, offline, the confirmation and forgetting."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kiosk.flows.pickup import CST, PickupFlow, address_detail, problems
from kiosk.hub_client import HubConflict, HubError

NOW = datetime(2026, 11, 26, 13, 20, tzinfo=CST)  # a Thursday afternoon


def slots_of(day: date, available: dict[int, int] | None = None) -> list[dict]:
    """The hub's 09:00-18:00 hourly slots of a day; `available` overrides places per hour (default 2)."""
    available = available or {}
    out = []
    for hour in range(9, 18):
        start = datetime(day.year, day.month, day.day, hour, tzinfo=CST)
        out.append(
            {
                "start": start.isoformat(),
                "end": (start + timedelta(hours=1)).isoformat(),
                "available": available.get(hour, 2),
            }
        )
    return out


def ready_flow(clock=lambda: NOW) -> PickupFlow:
    flow = PickupFlow(clock)
    flow.start("hp-00009", "人民防空工程平时使用备案")
    day = flow.days()[1]
    flow.slots_answer(flow.choose_day(day), slots_of(day))
    flow.choose_slot(flow.open_slots()[0].start)
    flow.set_field("contact_name", "张三")
    flow.set_field("phone", "138 0013 8000")
    flow.set_field("address", "开发大道188号3栋502房")
    return flow


def test_seven_days_from_today_weekends_included():
    flow = PickupFlow(lambda: NOW)
    days = flow.days()
    assert days[0] == date(2026, 11, 26) and days[-1] == date(2026, 12, 2) and len(days) == 7
    assert {d.weekday() for d in days} == set(range(7))
    # Just after midnight UTC it is already morning in Guangzhou: today is Guangzhou's today.
    early = PickupFlow(lambda: datetime(2026, 11, 26, 17, 30, tzinfo=CST).astimezone(CST) + timedelta(hours=7))
    assert early.days()[0] == date(2026, 11, 27)
    with pytest.raises(ValueError):
        flow.choose_day(date(2026, 12, 3))


def test_only_future_slots_are_shown_and_only_those_with_places_can_be_booked():
    clock = [NOW]
    flow = PickupFlow(lambda: clock[0])
    flow.start("hp-1", "事项")
    generation = flow.choose_day(flow.days()[0])
    assert flow.phase == "loading"
    flow.slots_answer(generation, slots_of(NOW.date(), {15: 0}))
    starts = [s.start.hour for s in flow.slots]
    assert starts == [14, 15, 16, 17]  # 13:00 has started already
    assert [s.start.hour for s in flow.open_slots()] == [14, 16, 17]  # 15:00 is full
    with pytest.raises(ValueError):
        flow.choose_slot(flow.slots[1].start)  # the full one
    flow.choose_slot(flow.slots[0].start)
    clock[0] = NOW.replace(hour=14, minute=1)
    assert [s.start.hour for s in flow.open_slots()] == [16, 17]  # time moves on while the screen shows
    with pytest.raises(ValueError):
        flow.choose_slot(flow.slots[0].start)


def test_slots_of_another_day_or_malformed_ones_are_not_believed():
    flow = PickupFlow(lambda: NOW)
    flow.start("hp-1", "事项")
    day = flow.days()[2]
    flow.slots_answer(flow.choose_day(day), slots_of(day) + slots_of(flow.days()[3]))
    assert {s.start.date() for s in flow.slots} == {day}
    flow.slots_answer(flow.choose_day(day), [{"start": "tomorrow", "end": "later", "available": 1}])
    assert flow.notice == "slots_error" and flow.slots == []
    flow.slots_answer(flow.choose_day(day), [{"start": "2026-11-28T09:00:00", "end": "x", "available": 1}])
    assert flow.notice == "slots_error"  # a time without its offset


def test_a_late_slot_answer_for_another_day_is_dropped():
    flow = PickupFlow(lambda: NOW)
    flow.start("hp-1", "事项")
    first = flow.choose_day(flow.days()[1])
    second = flow.choose_day(flow.days()[2])
    assert not flow.slots_answer(first, slots_of(flow.days()[1]))
    assert flow.slots_answer(second, slots_of(flow.days()[2]))
    assert flow.slots[0].start.date() == flow.days()[2]


def test_slots_offline_is_a_notice_not_a_crash():
    flow = PickupFlow(lambda: NOW)
    flow.start("hp-1", "事项")
    flow.slots_answer(flow.choose_day(flow.days()[0]), HubError("pickup slots: the hub did not answer"))
    assert flow.notice == "slots_offline" and flow.slots == [] and flow.phase == "choosing"
    flow.slots_answer(flow.choose_day(flow.days()[0]), slots_of(NOW.date()))
    assert flow.notice == ""


@pytest.mark.parametrize(
    ("name", "phone", "address", "expected"),
    [
        ("张三", "13800138000", "开发大道188号", {}),
        ("张三", "+86 138-0013-8000", "广州市黄埔区开发大道188号", {}),
        ("", "", "", {"contact_name": "empty", "phone": "empty", "address": "empty"}),
        ("张三", "12800138000", "开发大道188号", {"phone": "format"}),
        ("张三", "1380013800", "开发大道188号", {"phone": "format"}),
        ("张三", "138001380001", "开发大道188号", {"phone": "format"}),
        ("张三", "13800138000", "大沙地", {"address": "too_short"}),
        ("张三", "13800138000", "黄埔区大沙地", {"address": "too_short"}),
        ("张三", "13800138000", "天河区天河路385号", {"address": "other_district"}),
        ("张" * 31, "13800138000", "开发大道188号", {"contact_name": "too_long"}),
    ],
)
def test_contact_details_are_checked(name, phone, address, expected):
    assert problems(name, phone, address) == expected


def test_the_address_is_in_huangpu_once():
    assert address_detail("广东省广州市黄埔区 开发大道 188号") == "开发大道188号"
    flow = ready_flow()
    assert flow.full_address == "广州市黄埔区开发大道188号3栋502房"
    assert flow.body()["phone"] == "13800138000"


def test_the_name_comes_from_a_verified_card_unless_typed():
    flow = PickupFlow(lambda: NOW)
    flow.start("hp-1", "事项", {"name": "王小明", "id_number": "x"})
    assert flow.contact_name == "王小明"
    flow.set_field("contact_name", "王大明")
    flow.start("hp-1", "事项", {"name": "王小明"})
    assert flow.contact_name == "王大明"  # the same item again keeps what was typed
    flow.start("hp-2", "另一事项", None)
    assert flow.contact_name == "" and flow.item_id == "hp-2"


def test_one_key_per_attempt_so_a_retry_never_books_twice():
    flow = ready_flow()
    generation = flow.begin_booking()
    key = flow.key
    assert key.startswith("pickup-") and 8 <= len(key) <= 128
    with pytest.raises(RuntimeError):
        flow.begin_booking()  # a second tap while booking does nothing
    flow.book_answer(generation, HubError("pickup booking: the hub did not answer"))
    assert flow.notice == "offline" and flow.booking is None and flow.phase == "choosing"
    flow.begin_booking()
    assert flow.key == key  # the retry carries the same key: the hub books once
    flow.book_answer(flow.generation, HubError("pickup booking: HTTP 502", 502))
    flow.set_field("phone", "13900139000")
    flow.begin_booking()
    assert flow.key != key  # changed details are another booking


def test_the_job_books_under_the_key(monkeypatch):
    calls = []

    class Hub:
        def book(self, key, body):
            calls.append((key, body))
            return {"appointment_no": "A1", "status": "confirmed", "slot_start": body["slot_start"], "visit_by": ""}

    flow = ready_flow()
    flow.begin_booking()
    flow.book_job(Hub())()
    assert calls == [(flow.key, flow.body())]
    assert set(calls[0][1]) == {"item_id", "item_name", "contact_name", "phone", "address", "slot_start"}
    with pytest.raises(HubError):
        flow.book_job(None)()


def test_a_confirmed_booking_promises_the_visit_within_an_hour():
    flow = ready_flow()
    generation = flow.begin_booking()
    start = flow.slot.start
    reply = {
        "appointment_no": "YY20261127001",
        "status": "confirmed",
        "slot_start": flow.slot.text,
        "visit_by": (start + timedelta(hours=1)).isoformat(),
    }
    assert flow.book_answer(generation, reply)
    assert flow.phase == "booked" and flow.booking.appointment_no == "YY20261127001"
    assert flow.visit_by_text() == "10:00"  # tomorrow's first slot is 09:00
    assert flow.booking.address.startswith("广州市黄埔区") and flow.key == ""


def test_a_full_slot_asks_for_another_and_nothing_is_booked():
    flow = ready_flow()
    generation = flow.begin_booking()
    flow.book_answer(generation, HubConflict("pickup booking: slot_full", 409))
    assert flow.notice == "slot_full" and flow.slot is None and flow.booking is None
    assert flow.problems() == {"slot": "none"}
    with pytest.raises(ValueError):
        flow.begin_booking()


def test_a_slot_gone_meanwhile_and_odd_replies():
    flow = ready_flow()
    flow.book_answer(flow.begin_booking(), HubError("pickup booking: HTTP 422", 422))
    assert flow.notice == "slot_gone" and flow.slot is None
    flow = ready_flow()
    flow.book_answer(flow.begin_booking(), {"appointment_no": "A", "status": "pending"})
    assert flow.notice == "error" and flow.booking is None
    flow = ready_flow()
    other = flow.slots[-1].text
    flow.book_answer(flow.begin_booking(), {"appointment_no": "A", "status": "confirmed", "slot_start": other})
    assert flow.notice == "error" and flow.booking is None  # the hub booked another hour: not believed


def test_wipe_forgets_the_resident():
    flow = ready_flow()
    flow.book_answer(
        flow.begin_booking(),
        {
            "appointment_no": "A1",
            "status": "confirmed",
            "slot_start": flow.slot.text,
            "visit_by": (flow.slot.start + timedelta(hours=1)).isoformat(),
        },
    )
    flow.wipe()
    assert (flow.contact_name, flow.phone, flow.address, flow.booking, flow.key) == ("", "", "", None, "")
    assert flow.phase == "idle" and flow.slots == []


def test_number_and_a_huangpu_address_come_from_the_application_just_made():
    flow = PickupFlow(lambda: NOW)
    flow.start("hp-1", "事项", None, "138-0013-8000", "广州市黄埔区开创大道1号")
    assert (flow.phone, flow.address) == ("13800138000", "开创大道1号")
    other = PickupFlow(lambda: NOW)
    other.start("hp-1", "事项", None, "02012345678", "广州市天河区天河路385号")
    assert (other.phone, other.address) == ("", "")  # a landline cannot take the officer's call; not Huangpu
    flow.set_field("phone", "13912345678")
    flow.start("hp-1", "事项", None, "13800138000", "")
    assert flow.phone == "13912345678"
