"""预约上门 through the real window, offscreen: a real hub subprocess, the receipt printer simulator, the keyboard."""

from __future__ import annotations

import requests

from kiosk.face.verify import Result
from kiosk.flows.pickup import CST
from kiosk.session import Screen
from ui.qt import QApplication, Qt


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def door_pickup_item(store) -> str:
    return next(r["id"] for r in store.records() if "door_pickup" in r["channels"])


def open_pickup(qtbot, win, store) -> None:
    """From the item's guide, as a resident does."""
    win.session.go("start")
    win.session.open_module("search")
    win.session.go("open_item", item_id=door_pickup_item(store))
    QApplication.processEvents()
    click(qtbot, win.item.pickup_button)
    assert win.session.screen == Screen.PICKUP


def places(win, day, hour: int) -> int:
    reply = requests.get(
        win.hub.url + "/api/v1/appointments/slots",
        params={"date": day.isoformat()},
        headers=win.hub.headers,
        timeout=10,
    )
    return next(s["available"] for s in reply.json()["slots"] if s["start"][11:13] == f"{hour:02d}")


def choose(qtbot, win, day_index: int, slot_index: int):
    """Tap a day, wait for its slots, tap one of them and go on; the slot chosen."""
    screen = win.lookup.pickup
    flow = win.session.data.pickup
    day = flow.days()[day_index]
    click(qtbot, screen.day_buttons[day])
    qtbot.waitUntil(lambda: flow.phase == "choosing" and bool(flow.slots), timeout=15_000)
    qtbot.waitUntil(lambda: screen.slot_buttons[slot_index].isVisible(), timeout=5_000)
    click(qtbot, screen.slot_buttons[slot_index])
    assert flow.slot is not None and screen.slot_buttons[slot_index].text().startswith("✓ ")
    click(qtbot, screen.next_button)
    assert screen.pages.currentWidget() is screen.who_page
    return flow.slot


def fill(qtbot, win, touch_type, name=True) -> None:
    """Name, mobile number and address, one field at a time with the touch keyboard."""
    screen = win.lookup.pickup
    keyboard = win.ctx.services["keyboard"]
    entries = [
        ("phone", ["13912345678"]),
        ("address", [("kai", "开"), ("fa", "发"), ("da", "大"), ("dao", "道"), "188", ("hao", "号")]),
    ]
    if name:
        entries.insert(0, ("contact_name", [("zhang", "张"), ("san", "三")]))
    for field, parts in entries:
        click(qtbot, screen.field_rows[field])
        assert screen.pages.currentWidget() is screen.edit_page and keyboard.target() is screen.editor
        touch_type(keyboard, *parts)
        click(qtbot, screen.edit_save)
        assert screen.pages.currentWidget() is screen.who_page, screen.edit_problem.text()


def test_booking_from_the_items_guide_with_the_keyboard_and_printing(qtbot, hub_window, store, touch_type, clipped):
    win = hub_window
    open_pickup(qtbot, win, store)
    screen = win.lookup.pickup
    assert win.bar.title.text() == "预约上门"
    flow = win.session.data.pickup
    qtbot.waitUntil(lambda: flow.phase == "choosing", timeout=15_000)
    assert len(screen.day_buttons) == 7 and screen.day_buttons[flow.day].text().startswith("✓ ")
    assert flow.open_slots()  # today, or tomorrow when today's hours have passed
    slot = choose(qtbot, win, 1, 2)
    before = places(win, slot.start.date(), slot.start.hour)
    click(qtbot, screen.confirm_button)  # nothing typed yet: the first missing field opens
    assert screen.pages.currentWidget() is screen.edit_page and "联系人" in screen.edit_problem.text()
    click(qtbot, screen.edit_cancel)
    fill(qtbot, win, touch_type)
    assert screen.field_rows["address"].text().startswith("上门地址：广州市黄埔区开发大道188号")
    click(qtbot, screen.confirm_button)
    screen.confirm_button.click()  # a second tap while booking does nothing
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.done_page, timeout=15_000)
    assert places(win, slot.start.date(), slot.start.hour) == before - 1  # booked once
    visit = f"{slot.start.astimezone(CST).hour + 1:02d}:00"
    assert screen.promise.text() == f"邮政人员将在 {visit} 前上门"
    assert "张三" in screen.done_details.text() and "139****5678" in screen.done_details.text()
    assert flow.booking.appointment_no in screen.done_details.text()
    assert clipped(win) == []
    click(qtbot, screen.print_button)
    printer = win.devices.simulators["printer"]
    qtbot.waitUntil(lambda: len(printer.printed) == 1 and "取走" in screen.print_status.text(), timeout=15_000)
    click(qtbot, screen.home_button)
    assert win.session.screen == Screen.HOME


def test_the_name_comes_from_the_verified_id_card(qtbot, hub_window, store, touch_type):
    win = hub_window
    win.session.go("start")
    face = win.session.data.face
    face.card = {"name": "王小明", "id_number": "440112198506150011"}
    face.finish(Result(True, "match", True, 0.3, 0.59, "blink", "live", 30, 4.0, 1.5))
    win.session.open_module("search")
    win.session.go("open_item", item_id=door_pickup_item(store))
    click(qtbot, win.item.pickup_button)
    choose(qtbot, win, 2, 0)
    assert win.lookup.pickup.field_rows["contact_name"].text().startswith("联系人：王小明")


def test_hub_down_books_nothing_and_says_whom_to_call(qtbot, hub_window, store, touch_type):
    win = hub_window
    open_pickup(qtbot, win, store)
    screen = win.lookup.pickup
    slot = choose(qtbot, win, 3, 1)
    before = places(win, slot.start.date(), slot.start.hour)
    fill(qtbot, win, touch_type)
    win.hub.stop()
    click(qtbot, screen.confirm_button)
    qtbot.waitUntil(lambda: screen.who_notice.isVisible(), timeout=20_000)
    assert "没有预约成功" in screen.who_notice.text() and "11183" in screen.who_notice.text()
    assert win.session.data.pickup.booking is None and screen.pages.currentWidget() is screen.who_page
    win.hub.start()
    assert places(win, slot.start.date(), slot.start.hour) == before  # nothing was booked
    click(qtbot, screen.confirm_button)  # try again: now it works, with the same key
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.done_page, timeout=15_000)
    assert places(win, slot.start.date(), slot.start.hour) == before - 1


def test_a_slot_taken_meanwhile_is_refused_and_the_times_shown_again(qtbot, hub_window, store, touch_type):
    win = hub_window
    open_pickup(qtbot, win, store)
    screen = win.lookup.pickup
    slot = choose(qtbot, win, 4, 3)
    fill(qtbot, win, touch_type)
    for n in range(slot.available):  # other terminals take the last places while the resident types
        body = {"item_id": "hp-1", "item_name": "x", "contact_name": "某", "phone": "13800138000",
                "address": "广州市黄埔区开创大道1号", "slot_start": slot.text}  # fmt: skip
        reply = win.hub.client().book(f"other-terminal-{n}-{slot.start:%d%H}", body)
        assert reply["status"] == "confirmed"
    click(qtbot, screen.confirm_button)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.when_page, timeout=15_000)
    flow = win.session.data.pickup
    qtbot.waitUntil(lambda: flow.phase == "choosing" and bool(flow.slots), timeout=15_000)
    assert "约满" in screen.when_notice.text() and flow.slot is None and flow.booking is None
    full = next(b for b in screen.slot_buttons if b.objectName() == f"slot_{slot.start.astimezone(CST):%H%M}")
    assert not full.isEnabled() and "已约满" in full.text()


def test_a_screen_that_only_goes_to_pickup_books_for_the_sessions_item(qtbot, hub_window, store):
    win = hub_window
    item_id = door_pickup_item(store)
    win.session.go("start")
    win.session.open_module("search")
    win.session.go("open_item", item_id=item_id)
    win.session.go("pickup")  # as the done screen does after a submission
    flow = win.session.data.pickup
    assert flow.item_id == item_id and flow.item_name == store.item(item_id).name
    qtbot.waitUntil(lambda: flow.phase == "choosing", timeout=15_000)
    assert flow.notice == "" and win.lookup.pickup.item_label.text() == flow.item_name
    assert flow.open_slots()  # the first day with a free hour (today's may all have passed)
    assert flow.day in flow.days()[:2]
