"""办件查询 and 预约上门 against the real hub (`kiosk hub serve` in a subprocess over SQLite): the flows ask through
the terminal's HubClient; submissions are posted as a terminal posts them and moved as a clerk moves them."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from kiosk.flows.pickup import PickupFlow
from kiosk.flows.status import StatusFlow, receipt_qr


def ask(flow: StatusFlow, hub) -> StatusFlow:
    """Run the flow's question against the hub as the screen's background job does (again if answered)."""
    generation = flow.generation if flow.phase == "asking" else flow.again()
    job = flow.job(hub)
    try:
        result = job()
    except Exception as exc:
        result = exc
    assert flow.answer(generation, result)
    return flow


def book(flow: PickupFlow, hub) -> PickupFlow:
    """Book as the screen does: begin, run the job, hand over the answer."""
    generation = flow.begin_booking()
    try:
        result = flow.book_job(hub)()
    except Exception as exc:
        result = exc
    assert flow.book_answer(generation, result)
    return flow


def load(flow: PickupFlow, hub, day_index: int) -> PickupFlow:
    """Fetch one day's slots as the screen does."""
    generation = flow.choose_day(flow.days()[day_index])
    try:
        result = flow.slots_job(hub)()
    except Exception as exc:
        result = exc
    assert flow.slots_answer(generation, result)
    return flow


def ready(hub, day_index: int, slot_index: int, name: str = "李四") -> PickupFlow:
    flow = PickupFlow()
    flow.start("hp-00009", "人民防空工程平时使用备案", {"name": name})
    load(flow, hub, day_index)
    flow.choose_slot(flow.open_slots()[slot_index].start)
    flow.set_field("phone", "13912345678")
    flow.set_field("address", "黄埔区香雪大道中85号")
    return flow


def test_a_scanned_receipt_follows_its_submission_from_submitted_to_mailed(live_hub):
    body = live_hub.submit()
    hub = live_hub.client()
    flow = StatusFlow()
    assert flow.ask_scanned(receipt_qr(body["tracking_no"], body["status_code"])) is not None
    ask(flow, hub)
    assert flow.phase == "shown", flow.problem
    assert flow.status["item_name"] == "人民防空工程平时使用备案" and flow.status["status"] == "submitted"
    assert flow.status["promised_days"] == 3
    assert [s.state for s in flow.steps()][:2] == ["current", "todo"]

    live_hub.move(
        body["tracking_no"],
        "accepted",
        "in_review",
        "supplement_requested",
        note="营业执照复印件不清楚",
        supplement={"materials": ["营业执照复印件（加盖公章）"], "mail_to": "广州市黄埔区香雪大道中85号 政务服务中心"},
    )
    ask(flow, hub)
    assert flow.status["status"] == "supplement_requested"
    assert flow.status["supplement"]["materials"] == ["营业执照复印件（加盖公章）"]
    assert "香雪大道" in flow.status["supplement"]["mail_to"]
    assert [(s.status, s.state) for s in flow.steps()][2:4] == [
        ("in_review", "done"),
        ("supplement_requested", "current"),
    ]
    assert all(s.at for s in flow.steps() if s.state != "todo")  # each reached step has its time

    live_hub.move(body["tracking_no"], "in_review", "approved", "result_mailed", mail_no="1234567890123")
    ask(flow, hub)
    assert flow.status["status"] == "result_mailed" and flow.status["mail_no"] == "1234567890123"
    assert all(s.state == "done" for s in flow.steps())


def test_a_wrong_code_finds_nothing_and_reveals_nothing(live_hub):
    body = live_hub.submit()
    flow = StatusFlow()
    flow.ask_receipt(body["tracking_no"], "ABCDEF" if body["status_code"] != "ABCDEF" else "ABCDEG")
    ask(flow, live_hub.client())
    assert flow.phase == "not_found" and flow.status is None


def test_a_verified_person_sees_their_submissions(live_hub):
    first = live_hub.submit(applicant={"name": "陈五", "id_number": "44011219850615001X", "verified": "face"})
    second = live_hub.submit(applicant={"name": "陈五", "id_number": "44011219850615001X", "verified": "face"})
    live_hub.move(second["tracking_no"], "accepted")
    flow = StatusFlow()
    flow.ask_person("44011219850615001X")
    ask(flow, live_hub.client())
    assert flow.phase == "shown"
    statuses = {row["tracking_no"]: row["status"] for row in flow.summaries}
    assert statuses == {first["tracking_no"]: "submitted", second["tracking_no"]: "accepted"}


def test_hub_down_says_offline_and_what_this_terminal_still_holds(live_hub):
    body = live_hub.submit()
    outbox = {body["tracking_no"]: {"created": 1.0, "delivered": None, "attempts": 3}}
    flow = StatusFlow()
    flow.local_lookup = outbox.get
    live_hub.stop()
    flow.ask_receipt(body["tracking_no"], body["status_code"])
    ask(flow, live_hub.client())
    assert flow.phase == "offline" and flow.waiting_here
    live_hub.start()
    flow.ask_receipt(body["tracking_no"], body["status_code"])
    ask(flow, live_hub.client())
    assert flow.phase == "shown"


def test_a_booking_is_made_once_even_when_the_reply_is_lost(live_hub):
    hub = live_hub.client()
    flow = ready(hub, 1, 0)
    assert flow.contact_name == "李四"
    places = flow.slot.available
    generation = flow.begin_booking()
    job = flow.book_job(hub)
    lost = job()  # the hub booked, but the terminal never heard: the resident taps again
    assert flow.book_answer(generation, RuntimeError("reply lost"))
    book(flow, hub)
    assert flow.phase == "booked", flow.notice
    assert flow.booking.appointment_no == lost["appointment_no"]  # the same booking, not a second one
    assert flow.booking.visit_by - flow.booking.slot_start == timedelta(hours=1)
    assert flow.visit_by_text() == f"{flow.booking.slot_start.hour + 1:02d}:00"
    again = load(PickupFlow(), hub, 1)
    assert again.slots[0].start == flow.booking.slot_start and again.slots[0].available == places - 1


def test_a_full_slot_is_refused_and_the_slots_refreshed(live_hub):
    hub = live_hub.client()
    for name in ("甲", "乙"):
        assert book(ready(hub, 2, 1, name), hub).phase == "booked"
    late = ready(hub, 2, 0, "丙")
    late.slot = late.slots[1]  # as if the last place went while the resident was typing
    book(late, hub)
    assert late.notice == "slot_full" and late.booking is None and late.slot is None
    load(late, hub, 2)
    assert not late.slots[1].bookable and late.slots[1] not in late.open_slots()


def test_hub_down_books_nothing(live_hub):
    hub = live_hub.client()
    flow = ready(hub, 3, 4)
    places = flow.slot.available
    live_hub.stop()
    book(flow, hub)
    assert flow.notice == "offline" and flow.booking is None and flow.phase == "choosing"
    load(flow, hub, 3)
    assert flow.notice == "slots_offline" and flow.slots == []
    live_hub.start()
    load(flow, hub, 3)
    assert flow.slots[4].available == places  # nothing was booked


def test_an_off_grid_slot_is_refused_by_the_hub(live_hub):
    flow = ready(live_hub.client(), 4, 0)
    off_grid = (flow.slot.start + timedelta(minutes=30)).isoformat()
    flow.slot = replace(flow.slot, text=off_grid)  # as if a bad time were sent
    book(flow, live_hub.client())
    assert flow.booking is None and flow.notice in ("slot_gone", "error")
