"""预约上门: book a postal officer to collect an item's materials at the resident's home (no Qt).

The resident chooses a day (today and the next six, weekends too) and an hourly slot from the hub's
/appointments/slots, gives a contact name (from the ID card when verified), a mobile number and an address in
Huangpu district, and books. The booking's idempotency key is made once per attempt and kept while the details
stay the same, so a second tap or a retry after a lost reply never books twice. Name, number and address are
personal data: they live only here and `wipe()` forgets them.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from kiosk.hub_client import HubConflict, HubError

CST = timezone(timedelta(hours=8), "CST")  # the terminals stand in Guangzhou; the hub's times carry +08:00
DAYS = 7  # today and the next six days
VISIT_WITHIN = timedelta(hours=1)  # the promise: the officer comes before the slot's start + 1 hour
CHINA_POST_PHONE = "11183"
DISTRICT = "广州市黄埔区"  # shown before the address field: the resident types the street and number
# Guangzhou's other districts: an address naming one of them is outside the service area.
OTHER_DISTRICTS = ("越秀", "海珠", "荔湾", "天河", "白云", "番禺", "花都", "南沙", "从化", "增城")
MIN_ADDRESS_DETAIL = 6  # street and number, e.g. 开发大道1号
MAX_ADDRESS = 100
MAX_NAME = 30
PHONE = re.compile(r"^1[3-9]\d{9}$")
NOTICES = ("", "slot_full", "slot_gone", "offline", "error", "slots_offline", "slots_error")
PHASES = ("idle", "loading", "choosing", "booking", "booked")


class BadReply(HubError):
    """The hub answered, but not as the contract says: asking again would not help."""

    @property
    def retryable(self) -> bool:
        """Never: the same question gets the same odd answer."""
        return False


def now_cst() -> datetime:
    """The time in Guangzhou."""
    return datetime.now(CST)


def _parse_time(value: Any) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadReply("pickup: a time that is not ISO 8601") from None
    if parsed.tzinfo is None:
        raise BadReply("pickup: a time without its offset")
    return parsed


@dataclass(frozen=True)
class Slot:
    """One hourly visit slot and the places left in it."""

    start: datetime
    end: datetime
    available: int
    text: str  # the start as the hub wrote it: sent back unchanged when booking

    @property
    def bookable(self) -> bool:
        """Whether the slot still has a place."""
        return self.available > 0


@dataclass(frozen=True)
class Booking:
    """A confirmed home pickup."""

    appointment_no: str
    slot_start: datetime
    visit_by: datetime
    item_name: str
    contact_name: str
    phone: str
    address: str


def normalise_phone(text: str) -> str:
    """A typed mobile number without spaces, dashes or a +86 prefix."""
    digits = re.sub(r"[\s\-]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    return digits


def address_detail(text: str) -> str:
    """The typed address without the district the screen already shows (residents often type it again)."""
    detail = "".join(text.split())
    for prefix in ("广东省", "广州市", "黄埔区"):
        if detail.startswith(prefix):
            detail = detail[len(prefix) :]
    return detail


def problems(contact_name: str, phone: str, address: str) -> dict[str, str]:
    """What is wrong with the contact details, field by field ({} when they can be booked)."""
    found: dict[str, str] = {}
    name = contact_name.strip()
    if not name:
        found["contact_name"] = "empty"
    elif len(name) > MAX_NAME:
        found["contact_name"] = "too_long"
    number = normalise_phone(phone)
    if not number:
        found["phone"] = "empty"
    elif not PHONE.match(number):
        found["phone"] = "format"
    detail = address_detail(address)
    if not detail:
        found["address"] = "empty"
    elif any(district in detail for district in OTHER_DISTRICTS):
        found["address"] = "other_district"
    elif len(detail) < MIN_ADDRESS_DETAIL:
        found["address"] = "too_short"
    elif len(detail) > MAX_ADDRESS:
        found["address"] = "too_long"
    return found


class PickupFlow:
    """One resident's home-pickup booking: item, day, slot, contact details, the key, the outcome."""

    def __init__(self, clock: Callable[[], datetime] = now_cst):
        self.clock = clock
        self.generation = 0
        self.phase = "idle"
        self.notice = ""  # the last problem to tell the resident (slot full, offline ...), "" when none
        self.problem = ""  # a hub error's message for the log (never personal data)
        self.item_id = ""
        self.item_name = ""
        self.contact_name = ""
        self.phone = ""
        self.address = ""  # what the resident typed after the district shown
        self.day: date | None = None
        self.slots: list[Slot] = []  # the chosen day's future slots, full ones included (shown disabled)
        self.slot: Slot | None = None
        self.key = ""
        self._key_body = ""
        self.booking: Booking | None = None

    # -- starting -------------------------------------------------------------------------------------
    def start(
        self, item_id: str, item_name: str, card: dict[str, Any] | None = None, phone: str = "", address: str = ""
    ) -> None:
        """Book for an item (a new item starts afresh). The name comes from a verified ID card, the number and a
        Huangpu address from the application just made, when there are any; typed values are never replaced."""
        if item_id != self.item_id or self.phase == "booked":
            self.clear()
        self.item_id, self.item_name = item_id, item_name
        name = card.get("name") if isinstance(card, dict) else None
        if isinstance(name, str) and name.strip() and not self.contact_name:
            self.contact_name = name.strip()
        if phone and not self.phone and "phone" not in problems("x", phone, DISTRICT + "x" * MIN_ADDRESS_DETAIL):
            self.phone = normalise_phone(phone)
        if address and not self.address and "address" not in problems("x", "13800138000", address):
            self.address = address_detail(address)
        if self.phase == "idle":
            self.phase = "choosing"

    def days(self) -> list[date]:
        """The days a visit can be booked: today and the next six, weekends included."""
        today = self.clock().astimezone(CST).date()
        return [today + timedelta(days=n) for n in range(DAYS)]

    # -- slots ----------------------------------------------------------------------------------------
    def choose_day(self, day: date) -> int:
        """Show a day's slots (they are fetched); the generation of this fetch."""
        if day not in self.days():
            raise ValueError("a day outside the booking window")
        if day != self.day:
            self.slot = None
        self.day = day
        self.slots = []
        self.phase = "loading"
        self.generation += 1
        return self.generation

    def slots_job(self, hub: Any) -> Callable[[], Any]:
        """The hub call fetching the chosen day's slots, to run off the GUI thread."""
        day = self.day
        if day is None:
            raise RuntimeError("no day chosen")

        def run() -> Any:
            if hub is None:
                raise HubError("no hub configured")
            return hub.slots(day.isoformat())

        return run

    def slots_answer(self, generation: int, result: Any) -> bool:
        """The fetched slots (or the error raised); False when a newer fetch or step made it moot."""
        if generation != self.generation or self.phase != "loading" or self.day is None:
            return False
        self.phase = "choosing"
        if isinstance(result, Exception):
            self._failed(result, "slots_")
            self.slot = None
            return True
        try:
            slots = [self._slot(raw) for raw in result]
        except HubError as exc:
            self._failed(exc, "slots_")
            return True
        now = self.clock()
        # Only slots still ahead, on the day asked; full ones stay (shown disabled, with no places left).
        self.slots = sorted(
            (s for s in slots if s.start > now and s.start.astimezone(CST).date() == self.day), key=lambda s: s.start
        )
        if self.slot is not None:
            self.slot = next((s for s in self.slots if s.start == self.slot.start and s.bookable), None)
        if self.notice in ("slots_offline", "slots_error"):
            self.notice = ""
        return True

    @staticmethod
    def _slot(raw: Any) -> Slot:
        if not isinstance(raw, dict) or not isinstance(raw.get("available"), int):
            raise BadReply("pickup: a malformed slot")
        start, end = _parse_time(raw.get("start")), _parse_time(raw.get("end"))
        if end <= start:
            raise BadReply("pickup: a slot that ends before it starts")
        return Slot(start, end, max(0, raw["available"]), raw["start"])

    def open_slots(self) -> list[Slot]:
        """The slots that can be booked now: ahead of the clock and with a place left."""
        now = self.clock()
        return [s for s in self.slots if s.bookable and s.start > now]

    def choose_slot(self, start: datetime) -> None:
        """The resident tapped a slot; ValueError for a full or past one."""
        slot = next((s for s in self.open_slots() if s.start == start), None)
        if slot is None:
            raise ValueError("that slot cannot be booked")
        self.slot = slot
        if self.notice in ("slot_full", "slot_gone"):
            self.notice = ""

    # -- contact details ------------------------------------------------------------------------------
    def set_field(self, name: str, value: str) -> None:
        """Keep what the resident typed into one field (contact_name, phone or address)."""
        if name not in ("contact_name", "phone", "address"):
            raise ValueError(f"unknown field {name!r}")
        setattr(self, name, value)

    def problems(self) -> dict[str, str]:
        """What still stops the booking, by field (and "slot" when none is chosen)."""
        found = problems(self.contact_name, self.phone, self.address)
        if self.slot is None:
            found["slot"] = "none"
        return found

    @property
    def full_address(self) -> str:
        """The address as the officer reads it: the district, then what the resident typed."""
        return DISTRICT + address_detail(self.address)

    def body(self) -> dict[str, Any]:
        """The booking request (docs/hub-api.md POST /appointments)."""
        if self.slot is None:
            raise RuntimeError("no slot chosen")
        return {
            "item_id": self.item_id,
            "item_name": self.item_name,
            "contact_name": self.contact_name.strip(),
            "phone": normalise_phone(self.phone),
            "address": self.full_address,
            "slot_start": self.slot.text,
        }

    # -- booking --------------------------------------------------------------------------------------
    def begin_booking(self) -> int:
        """Start booking: the same key as the last attempt if nothing changed, else a new one; ValueError when
        something is missing."""
        if self.phase == "booking":
            raise RuntimeError("already booking")
        if self.problems():
            raise ValueError("the booking is not complete")
        body = json.dumps(self.body(), ensure_ascii=False, sort_keys=True)
        if not self.key or body != self._key_body:
            self.key, self._key_body = "pickup-" + secrets.token_hex(12), body
        self.phase = "booking"
        self.notice = ""
        self.generation += 1
        return self.generation

    def book_job(self, hub: Any) -> Callable[[], Any]:
        """The hub call making the booking under this attempt's key, to run off the GUI thread."""
        key, body = self.key, self.body()

        def run() -> Any:
            if hub is None:
                raise HubError("no hub configured")
            return hub.book(key, body)

        return run

    def book_answer(self, generation: int, result: Any) -> bool:
        """The hub's reply to the booking (or the error raised); False when it is moot."""
        if generation != self.generation or self.phase != "booking" or self.slot is None:
            return False
        self.phase = "choosing"
        if isinstance(result, HubConflict) and "slot_full" in str(result):
            self.notice, self.slot, self.key = "slot_full", None, ""
        elif isinstance(result, HubError) and result.status == 422:
            self.notice, self.slot, self.key = "slot_gone", None, ""  # past or off the grid meanwhile
        elif isinstance(result, Exception):
            # Offline: the key stays, so trying again cannot make a second booking if the hub did get this one.
            self._failed(result)
        else:
            try:
                self.booking = self._booking(result)
            except HubError as exc:
                self._failed(exc)
                return True
            self.phase, self.key, self._key_body = "booked", "", ""
        return True

    def _booking(self, reply: Any) -> Booking:
        if not isinstance(reply, dict) or not isinstance(reply.get("appointment_no"), str):
            raise BadReply("pickup: a malformed booking reply")
        if reply.get("status") != "confirmed" or not reply["appointment_no"]:
            raise BadReply("pickup: the booking was not confirmed")
        assert self.slot is not None
        start = _parse_time(reply.get("slot_start"))
        if start != self.slot.start:
            raise BadReply("pickup: the hub booked another slot")
        visit_by = _parse_time(reply.get("visit_by"))
        return Booking(
            reply["appointment_no"],
            start,
            visit_by,
            self.item_name,
            self.contact_name.strip(),
            normalise_phone(self.phone),
            self.full_address,
        )

    def _failed(self, exc: Exception, step: str = "") -> None:
        retryable = isinstance(exc, HubError) and exc.retryable
        self.notice = step + ("offline" if retryable else "error")
        self.problem = str(exc) if isinstance(exc, HubError) else type(exc).__name__

    def visit_by_text(self) -> str:
        """HH:MM by which the officer comes (slot start + 1 hour, as the hub promised)."""
        if self.booking is None:
            return ""
        return self.booking.visit_by.astimezone(CST).strftime("%H:%M")

    # -- forgetting -----------------------------------------------------------------------------------
    def clear(self) -> None:
        """Start a new booking: nothing chosen, typed or booked."""
        self.generation += 1
        self.phase = "idle"
        self.notice = self.problem = ""
        self.item_id = self.item_name = ""
        self.contact_name = self.phone = self.address = ""
        self.day, self.slots, self.slot = None, [], None
        self.key = self._key_body = ""
        self.booking = None

    def wipe(self) -> None:
        """Forget the resident's details and booking."""
        self.clear()

    def summary(self) -> dict[str, object]:
        """Phase and notice only: safe for logs."""
        return {"phase": self.phase, "notice": self.notice, "slots": len(self.slots), "booked": bool(self.booking)}
