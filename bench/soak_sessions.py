"""The soak's residents: one scripted session per flow, driving the terminal's window as a resident does (taps on
its buttons through QTest, typing on its touch keyboard, a finger's signature with ui.tour_journey.sign_with_touch,
an ID card on the reader simulator, a face in front of the camera simulator, a paper under the document camera, a
receipt held to the scanner). Every pause a resident takes is simulated time (SimClock), so an idle timeout or a
delivery backoff happens after simulated, not real, minutes.

The application's costly parts (dlib's face verification, the document camera's capture) run for real in every
`full_every`-th application; the others reuse the identity and page the last real one produced (a pre-captured
result: card text, the face check's outcome, the rectified page), and everything after them runs as usual.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from PySide6.QtCore import QEventLoop  # a nested event loop: ui/qt.py does not offer it (only tests need one)

from kiosk.session import Screen
from ui.qt import QPoint, Qt, QTimer, qt_test

THINK = (2.0, 9.0)  # simulated seconds between two taps (times Driver.pace)
WALK_AWAY = 0.12  # residents who leave without 结束: the idle timeout ends their session
NOMINAL_S = 100.0  # simulated seconds a session's taps and reading take at pace 1 (measured: 4 h soak)
LANGUAGES = (("zh_CN", 0.8), ("zh_HK", 0.1), ("en", 0.1))
ASCII_QUERIES = ("shebaoka", "jzz", "social security card", "passport", "juzhuzheng", "hukou", "gjj", "retirement")
CHINESE_QUERIES = ("社保卡", "居住证", "公积金提取", "营业执照", "出生登记", "失业金", "残疾人证", "港澳通行证", "护照")


def spin(ms: int) -> None:
    """Run a Qt event loop for `ms` milliseconds (0: until what is pending is done)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class ScriptError(RuntimeError):
    """A step of a resident's script did not happen (a screen that did not come, a button that was not there)."""


class GaveUp(Exception):
    """The resident gave up as residents do (the face check failed three times): the session ends normally."""


@dataclass
class Captured:
    """What the last full application produced, reused by the quick ones: the ID card's text, the face check's
    outcome (decisions and numbers, nothing biometric) and the page the document camera photographed."""

    card: dict[str, str]
    outcome: Any
    page: np.ndarray


@dataclass
class Record:
    """What the soak's residents did, for the totals and the end checks (tracking numbers, no personal data)."""

    submitted: list[tuple[str, str]] = field(default_factory=list)  # (tracking number, status code)
    booked: list[str] = field(default_factory=list)  # appointment numbers
    flows: dict[str, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)
    full_applications: int = 0
    consult_calls: int = 0
    wall: dict[str, list[float]] = field(default_factory=dict)  # wall seconds per session, by flow
    faults: dict[str, int] = field(default_factory=dict)
    script_errors: list[str] = field(default_factory=list)

    def count(self, table: dict[str, int], key: str) -> None:
        """One more of `key`."""
        table[key] = table.get(key, 0) + 1


def paper_on_desk(seed: int, width: int = 1280, height: int = 960) -> np.ndarray:
    """A printed A4 page lying on the document camera's dark desk, slightly turned."""
    rng = random.Random(seed)
    desk = np.full((height, width, 3), (58, 62, 66), np.uint8)
    page = np.full((1188, 840, 3), 246, np.uint8)
    cv2.putText(page, "RENTAL CONTRACT", (150, 140), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (30, 30, 30), 3)
    for row in range(14):
        y = 240 + row * 62
        cv2.line(page, (90, y), (750 - rng.randrange(3) * 90, y), (80, 80, 80), 4)
    small = cv2.resize(page, None, fx=0.62, fy=0.62, interpolation=cv2.INTER_AREA)
    h, w = small.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-5, 5), 1.0)
    matrix[:, 2] += np.array((width / 2, height / 2)) - (w / 2, h / 2)
    mask = cv2.warpAffine(np.full((h, w), 255, np.uint8), matrix, (width, height))
    turned = cv2.warpAffine(small, matrix, (width, height))
    desk[mask > 0] = turned[mask > 0]
    return desk


class FaceActor:
    """A scripted subject (kiosk.face.synth) on the face camera simulator at 15 fps, doing what the verifier on
    screen asks, until stopped."""

    def __init__(self, window, sim, subject) -> None:
        self.window, self.sim, self.subject = window, sim, subject
        self.running = True
        self.seen: str | None = None
        self.thread = threading.Thread(target=self.run, name="soak-face-actor", daemon=True)
        self.thread.start()

    def run(self) -> None:
        """Frames until stopped."""
        start = time.monotonic()
        while self.running:
            t = time.monotonic() - start
            verifier = self.window.session.data.face.verifier
            challenge = verifier.challenge if verifier is not None else None
            if challenge != self.seen:
                self.seen = challenge
                self.subject.respond(challenge, t)
            self.sim.show(self.subject.frame(t))
            time.sleep(1 / 15)

    def stop(self) -> None:
        """Step away from the camera."""
        self.running = False
        self.thread.join(timeout=5)
        self.sim.show(None)


class Driver:
    """Taps, typing and waiting on the terminal's window, with simulated pauses between them."""

    def __init__(self, window, services: dict, clock, rng: random.Random, record: Record):
        self.window, self.services, self.clock, self.rng, self.record = window, services, clock, rng, record
        self.session = window.session
        self.devices = services["devices"]
        self.keyboard = services["keyboard"]
        self.qtest = qt_test()
        self.captured: Captured | None = None
        self.faces: dict[str, Any] = {}
        # Residents' pauses in simulated time are multiplied by this: a busy hour's residents are compressed to fit
        # it (one terminal serves them all). The idle timeout is never compressed: walking away takes its 60 + 20 s.
        self.pace = 1.0

    # -- time and events ------------------------------------------------------------------------------
    def pump(self, ms: int = 0) -> None:
        """Run Qt's event loop for `ms` (0: what is pending), as the terminal's own loop would: timers, queued
        signals from worker threads, and the deferred deletions that processEvents alone never performs."""
        spin(ms)

    def think(self, low: float = THINK[0], high: float = THINK[1]) -> None:
        """The resident reads or thinks: simulated seconds pass (the terminal's 1 s ticker sees them). A long read
        has the resident scroll now and then: input the window's idle clock hears of, as from the touch screen."""
        seconds = self.rng.uniform(low, high) * self.pace
        if self.clock.monotonic() - self.window.idle.last_touch + seconds > 45:
            self.window.idle.touch()
        self.clock.advance(seconds)
        self.pump()

    def until(self, predicate: Callable[[], Any], timeout: float) -> bool:
        """Run the event loop until `predicate()` holds (True) or `timeout` real seconds pass (False)."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                return False
            spin(5)
        return True

    def wait(self, what: str, predicate: Callable[[], Any], timeout: float = 20.0) -> None:
        """Run the event loop until `predicate()` holds; ScriptError naming `what` after `timeout` real seconds."""
        if not self.until(predicate, timeout):
            raise ScriptError(f"{what}: not within {timeout:.0f} s (screen {self.session.screen})")

    def screen_is(self, screen: Screen, what: str = "", timeout: float = 20.0) -> None:
        """Wait for the session to show `screen`."""
        self.wait(what or f"screen {screen}", lambda: self.session.screen == screen, timeout)

    def tap(self, widget, what: str = "", think: tuple[float, float] = THINK) -> None:
        """A finger on a button (through QTest, so the window's input filter sees it and the idle clock restarts)."""
        if widget is None or not widget.isVisible() or not widget.isEnabled():
            name = widget.objectName() if widget is not None else "?"
            raise ScriptError(f"tap {what or name}: not there (screen {self.session.screen})")
        self.click(widget)
        self.think(*think)

    def click(self, widget) -> None:
        """A press and release at the middle of `widget`, delivered to the window as the touch screen's would be
        (through the native window: its input filter sees it, the idle clock restarts, whatever lies on top of the
        widget gets it)."""
        centre = widget.mapTo(self.window, widget.rect().center())
        self.tap_at(centre.x(), centre.y())

    def tap_at(self, x: int, y: int) -> None:
        """A tap at a point of the window."""
        handle = self.window.windowHandle()
        self.qtest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
        self.pump()

    def key(self, name: str) -> None:
        """One key of the touch keyboard."""
        self.click(self.keyboard.keys[name])
        self.clock.advance(self.rng.uniform(0.3, 1.2) * self.pace)

    def to_mode(self, mode: str) -> None:
        """Switch the keyboard to "123", "ABC" or "拼音"."""
        for _ in range(3):
            if self.keyboard.mode() == mode:
                return
            self.key("mode")
        if self.keyboard.mode() != mode:
            raise ScriptError(f"keyboard mode {mode}: not reached")

    def type_text(self, text: str) -> None:
        """Type digits and Latin letters (and spaces) on the touch keyboard."""
        for ch in text:
            if ch == " ":
                self.key("space")
                continue
            self.to_mode("123" if ch.isdigit() else "ABC")
            self.key(ch.lower())
        self.pump()

    def type_pinyin(self, letters: str, word: str) -> None:
        """Type pinyin and tap the candidate showing `word`."""
        self.to_mode("拼音")
        for ch in letters:
            self.key(ch)
        shown = lambda: [b for b in self.keyboard.candidate_buttons if b.isVisible() and b.text()]  # noqa: E731
        self.wait(f"candidates for {len(letters)} letters", shown, 5)
        wanted = [b for b in shown() if b.text() == word]
        self.click((wanted or shown())[0])  # the word, or what the resident takes instead

    # -- the start and the end of a visit -------------------------------------------------------------
    def begin(self, language: str | None = None, elderly: bool | None = None) -> None:
        """Walk up: touch the attract screen, maybe pick a language or elderly mode in the top bar."""
        if self.session.screen != Screen.ATTRACT:
            raise ScriptError(f"begin: the terminal shows {self.session.screen}, not the attract screen")
        self.tap(self.window.attract, "attract")
        self.screen_is(Screen.HOME)
        language = language or self.rng.choices([c for c, _ in LANGUAGES], [w for _, w in LANGUAGES])[0]
        if language != self.session.language:
            self.tap(self.window.bar.languages[language], f"language {language}")
            self.record.count(self.record.flows, "language_switch")
        if elderly if elderly is not None else self.rng.random() < 0.1:
            self.tap(self.window.bar.elderly, "elderly mode")
            self.record.count(self.record.flows, "elderly_switch")

    def end(self, walk_away: bool | None = None) -> None:
        """Leave: 结束 in the top bar, or walk away and let the idle timeout end the session."""
        if self.session.screen == Screen.ATTRACT:
            return
        walk_away = walk_away if walk_away is not None else self.rng.random() < WALK_AWAY
        if walk_away:
            self.walk_away()
            return
        if self.window.overlay.isVisible():
            self.tap(self.window.overlay.finish_button, "idle overlay finish")
        else:
            self.tap(self.window.bar.finish, "finish")
        self.screen_is(Screen.ATTRACT)
        self.record.count(self.record.outcomes, "finished")

    def walk_away(self) -> None:
        """The resident goes without a word: "are you still there?" after the idle time, then the privacy reset."""
        settings, idle = self.window.config.session, self.window.idle
        # The window's 1 s ticker would see these simulated seconds within a real second; its tick is run at once.
        self.clock.advance(max(0.0, settings.idle_seconds + 1 - (self.clock.monotonic() - idle.last_touch)))
        self.window.tick()
        self.wait("idle warning", lambda: self.window.overlay.isVisible(), 10)
        self.clock.advance(settings.warning_seconds + 1)
        self.window.tick()
        self.screen_is(Screen.ATTRACT, "idle timeout", 10)
        self.record.count(self.record.outcomes, "timed_out")

    def home_tile(self, module: str) -> None:
        """A home-screen tile (in elderly mode, on the next page when it is not on the first)."""
        home = self.window.home
        for _ in range(3):
            tile = home.tiles.get(module)
            if tile is not None and tile.isVisible():
                self.tap(tile, f"tile {module}")
                return
            if not home.more.isVisible():
                break
            self.tap(home.more, "more tiles")
        raise ScriptError(f"tile {module}: not on the home screen")

    # -- finding an item ------------------------------------------------------------------------------
    def search(self, query: str, typed: bool) -> None:
        """Type a query in the search box (on the touch keyboard for Latin letters; pasted as a hardware IME would
        for Chinese)."""
        box = self.window.browse.search
        if typed and not self.keyboard.isVisible():
            self.tap(self.window.browse.keyboard_toggle, "keyboard toggle")
        if typed:
            self.click(box)
            self.type_text(query)
        else:
            box.setText(query)
            self.pump()
        self.think(1, 4)

    def open_result(self, index: int = 0) -> None:
        """Tap one of the results on show."""
        buttons = [b for b in self.window.browse.result_buttons if b.isVisible()]
        if not buttons:
            raise ScriptError("no search result to open")
        self.tap(buttons[min(index, len(buttons) - 1)], "result")
        self.screen_is(Screen.ITEM)

    def open_item(self, item, via_tile: bool = True) -> None:
        """From the home screen to an item's guide: the search tile, its name typed, the result tapped."""
        if via_tile:
            self.home_tile("search")
        self.screen_is(Screen.BROWSE)
        self.search(item.name, typed=False)
        for button in self.window.browse.result_buttons:
            if button.isVisible() and button.property("item_id") == item.id:
                self.tap(button, "the item's result")
                self.screen_is(Screen.ITEM)
                return
        # Not on the first page (a common name): straight to it, as a QR code on a leaflet would.
        self.session.go("open_item", item_id=item.id)
        self.pump()


# -- the flows -----------------------------------------------------------------------------------------------------
def browse(d: Driver, new_items: list[str]) -> None:
    """Look an item up (typed on the touch keyboard, or a Chinese query), read its guide, maybe print it or ask for
    the next page of results; after a catalog update, sometimes the day's new item."""
    d.begin()
    d.home_tile("search")
    d.screen_is(Screen.BROWSE)
    roll = d.rng.random()
    if new_items and roll < 0.15:
        d.search(new_items[-1][:6], typed=False)  # the subsidy the district announced
    elif roll < 0.6:
        d.search(d.rng.choice(ASCII_QUERIES), typed=True)
    else:
        d.search(d.rng.choice(CHINESE_QUERIES), typed=False)
    if d.window.browse.next.isVisible() and d.window.browse.next.isEnabled() and d.rng.random() < 0.3:
        d.tap(d.window.browse.next, "next page")
    d.open_result(d.rng.randrange(3))
    for _ in range(d.rng.randrange(1, 4)):
        d.think(10, 40)  # reading the guide
    item = d.window.item
    if d.rng.random() < 0.25 and item.print_button.isVisible():
        d.tap(item.print_button, "print guide")
        d.wait("guide printed", lambda: item.print_button.isEnabled(), 30)
        d.record.count(d.record.flows, "guide_printed")
    if d.rng.random() < 0.2:
        d.tap(d.window.bar.back, "back")
        d.screen_is(Screen.BROWSE)
        d.open_result(d.rng.randrange(2))
        d.think(5, 20)
    d.end()


def self_service_items(store) -> list:
    """Items a resident can apply for here with an ID card (read by the reader) and one or more paper pages."""
    from kiosk.flows.application import material_slots

    found = []
    for record in store.records():
        item = store.item(record["id"])
        if not item.self_service:
            continue
        slots = material_slots(item)
        others = [s for s in slots if s.required and not s.own_card and not s.on_form]
        if any(s.own_card for s in slots) and others and all(s.kind == "page" for s in others):
            found.append(item)
    return found


def pickup_items(store) -> list:
    """Items whose materials a postal officer collects at home."""
    return [store.item(r["id"]) for r in store.records() if "door_pickup" in r["channels"]]


def new_person(seed: int):
    """A made-up resident (kiosk.ocr.synth): name, sex, birth, address, ID number."""
    from kiosk.ocr.synth.identities import make_person

    return make_person(random.Random(seed))


def identify_for_real(d: Driver, seed: int, faults: set[str]) -> None:
    """The ID card on the reader simulator and the face in front of the camera simulator (dlib, liveness):
    the real verification. With "card_unplug", the reader is unplugged as the face screen asks for the card and
    plugged back a little later."""
    from devices.idcard.photo import test_photo_slot
    from devices.idcard.sim import sample_card
    from kiosk.face.reference import chip_style
    from kiosk.face.synth import Resident, place

    photos, models = d.faces["photos"], d.faces["models"]
    reader = d.devices.simulators["idcard"]
    reader.card = sample_card("李秀英", "女", "1958-03-14", 10 + seed % 80)
    reader.photo = d.faces.setdefault("slot", test_photo_slot(chip_style(photos[0], models)))
    if "card_unplug" in faults:
        reader.faults.unplugged = True
    apply = d.window.journey.apply
    d.tap(apply.identity_button, "identity")
    d.screen_is(Screen.FACE)
    flow = d.session.data.face
    if "card_unplug" in faults:
        d.wait("card reader gone", lambda: d.window.face.guidance_code == "card_failed", 30)
        d.think(5, 15)  # the resident calls staff, who plug the reader back in
        reader.faults.unplugged = False
        d.record.count(d.record.faults, "card_reader_unplugged")
    d.wait("card read", lambda: flow.phase == "verifying" and flow.source == "chip", 30)
    actor = FaceActor(d.window, d.devices.simulators["camera"], Resident(place(photos[1], models), seed=seed))
    try:
        d.wait("face verified", lambda: flow.phase in ("verified", "failed", "exhausted"), 60)
        while flow.phase == "failed":  # too slow for the challenge, or looked away: once more
            d.record.count(d.record.outcomes, "face_try_failed")
            d.tap(d.window.face.retry, "face retry")
            d.wait("face verified again", lambda: flow.phase in ("verified", "failed", "exhausted"), 60)
    finally:
        actor.stop()
    if flow.phase == "exhausted":
        d.record.count(d.record.outcomes, "face_exhausted")
        raise GaveUp(str(flow.summary()))  # to the counter: decisions and numbers, nothing biometric
    if flow.phase != "verified":
        raise ScriptError(f"face check: {flow.summary()}")
    d.think(15, 25)
    d.tap(d.window.face.done, "face done")
    d.screen_is(Screen.APPLY)


def photograph_page(d: Driver, slot, seed: int, faults: set[str]) -> np.ndarray:
    """A paper under the document camera, captured automatically, reviewed and confirmed; the kept page. With
    "camera_lost", the camera's stream drops as the capture screen opens and comes back a moment later."""
    camera = d.devices.simulators["doccamera"]
    apply = d.window.journey.apply
    if "camera_lost" in faults:
        camera.unplug()
    else:
        camera.show(paper_on_desk(seed))
    d.tap(apply.rows[slot.key].take, "take a picture")
    d.screen_is(Screen.CAPTURE)
    if "camera_lost" in faults:
        d.wait("no picture", lambda: d.window.capture.camera_state == "no_picture", 30)
        camera.replug()
        camera.show(paper_on_desk(seed))
        d.record.count(d.record.faults, "document_camera_lost")
    d.screen_is(Screen.REVIEW, "page captured", 40)
    d.wait("review ready", lambda: d.window.review.confirm_button.isEnabled(), 10)
    d.tap(d.window.review.confirm_button, "confirm page")
    d.screen_is(Screen.APPLY)
    camera.show(None)
    return d.session.data.document.documents[slot.key].image.copy()


def reuse_identity(d: Driver, seed: int) -> None:
    """A quick application: the card's text of a new made-up resident with the last real face check's outcome,
    and the last real page for each paper (a pre-captured result)."""
    from kiosk.flows.document import ReadDocument

    person = new_person(seed)
    data = d.session.data
    captured = d.captured
    assert captured is not None
    data.face.set_card({**person.front_fields(), **person.back_fields()})
    data.face.outcome = captured.outcome
    for slot in data.application.slots:
        if slot.kind == "page" and slot.required and not slot.on_form:
            data.document.documents[slot.key] = ReadDocument("page", {}, captured.page.copy())
    d.window.journey.apply.render()
    d.think(20, 60)  # the time a real card read, face check and photographs take a resident


def apply(d: Driver, item, seed: int, full: bool, faults: set[str]) -> None:
    """Apply for `item`: identity and papers, the form (phone typed on the touch keyboard), a finger's
    signature, review, submit into the outbox; the receipt from the printer (paper out: staff refill it, the
    resident prints again); sometimes a home pickup is booked from the done screen."""
    from kiosk.signature_synth import synth_signature
    from ui.tour_journey import sign_with_touch

    d.begin(elderly=False if full else None)
    d.open_item(item)
    d.tap(d.window.item.apply_button, "apply")
    d.screen_is(Screen.APPLY)
    application = d.session.data.application
    if full or d.captured is None:
        try:
            identify_for_real(d, seed, faults)
        except GaveUp:
            d.end()
            return
        pages = [s for s in application.slots if s.kind == "page" and s.required and not s.on_form]
        kept = None
        for n, slot in enumerate(pages):
            kept = photograph_page(d, slot, seed + n, faults if n == 0 else set())
        face = d.session.data.face
        if kept is not None and face.card is not None and face.outcome is not None:
            d.captured = Captured(dict(face.card), face.outcome, kept)
        d.record.full_applications += 1
    else:
        reuse_identity(d, seed)
    apply_screen = d.window.journey.apply
    d.wait("checklist complete", lambda: apply_screen.next_button.isEnabled(), 10)
    d.tap(apply_screen.next_button, "checklist next")
    d.screen_is(Screen.FORM)
    form = d.window.journey.form
    for spec in application.fields:
        box = form.boxes.get(spec.key)
        if box is None or box.value():
            continue
        if spec.kind == "phone":
            d.click(box.edit)
            d.type_text(f"139{seed % 100000000:08d}")
        elif spec.kind == "address":
            box.edit.setText("广东省广州市黄埔区香雪大道中85号")
        elif spec.kind == "number":
            box.edit.setText("1")
        elif spec.kind == "date":
            box.edit.setText("2026-11-26")
        else:
            box.edit.setText("自助申请")
    d.think(5, 20)
    d.tap(form.next_button, "form next")
    if d.session.screen == Screen.FORM:
        problems = application.problems()
        raise ScriptError(f"form refused: {sorted(problems.values())}")
    d.screen_is(Screen.SIGN)
    sign = d.window.journey.sign
    name = ("王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "黄敏", "赵军")[seed % 8]
    signature = d.faces.get(name) or d.faces.setdefault(name, synth_signature(seed % 8, 1000, 360, name))
    sign_with_touch(sign.pad, signature)
    d.think(3, 8)
    d.tap(sign.confirm_button, "signature confirm")
    d.screen_is(Screen.CONFIRM)
    d.think(10, 30)  # reading everything once more
    printer = d.devices.simulators["printer"]
    paper_out = "paper_out" in faults
    if paper_out:
        printer.faults.paper = "out"
    done = d.window.journey.done
    d.tap(d.window.journey.confirm.submit_button, "submit")
    d.screen_is(Screen.DONE, "submitted", 30)
    submitted = done.submitted
    d.record.submitted.append((submitted.tracking_no, submitted.status_code))
    d.wait("receipt printed", lambda: bool(done.print_status.text()), 30)
    if paper_out:
        if done.print_status.text().startswith("✓"):
            raise ScriptError("paper out: the receipt printed anyway")
        d.think(20, 60)  # staff refill the paper
        printer.faults.paper = "ok"
        d.wait("print again possible", lambda: done.print_button.isEnabled(), 10)
        done.print_status.clear()
        d.tap(done.print_button, "print again")
        d.wait("receipt printed again", lambda: bool(done.print_status.text()), 30)
        d.record.count(d.record.faults, "printer_paper_out")
    if not done.print_status.text().startswith("✓"):
        raise ScriptError("the receipt did not print")
    if d.rng.random() < 0.1:
        d.tap(done.pickup_button, "pickup from done")
        d.screen_is(Screen.PICKUP)
        book_pickup(d, seed)
    d.end(walk_away=d.rng.random() < 0.1)


def book_pickup(d: Driver, seed: int) -> None:
    """On the pickup screen: the first day with room, an hour, the contact (name in pinyin, phone and address on
    the touch keyboard), 确认预约; the booking noted (or the hub's refusal, e.g. during an outage)."""
    screen = d.window.lookup.pickup
    flow = d.session.data.pickup
    d.wait("slots", lambda: flow.phase != "loading" and not screen.worker.running, 20)
    if flow.notice in ("slots_offline", "slots_error"):
        d.record.count(d.record.outcomes, "pickup_offline")
        return
    buttons = [b for b in screen.slot_buttons if b.isVisible() and b.isEnabled()]
    if not buttons:
        raise ScriptError("pickup: no slot to choose")
    d.tap(d.rng.choice(buttons[:4]), "slot")
    d.tap(screen.next_button, "pickup next")
    for name in ("contact_name", "phone", "address"):
        if getattr(flow, name) and not flow.problems().get(name):
            continue
        d.tap(screen.field_rows[name], f"field {name}")
        if name == "contact_name":
            d.type_pinyin("wang", "王")
            d.type_pinyin("fang", "芳")
        elif name == "phone":
            d.type_text(f"137{seed % 100000000:08d}")
        else:
            screen.editor.setText(f"开发大道{seed % 300 + 1}号")
        d.tap(screen.edit_save, f"save {name}")
    d.tap(screen.confirm_button, "confirm booking")
    d.wait("booked", lambda: flow.phase != "booking", 20)
    if flow.booking is not None:
        d.record.booked.append(flow.booking.appointment_no)
        d.record.count(d.record.outcomes, "booked")
        if d.rng.random() < 0.3:
            d.tap(screen.print_button, "print booking")
            # Waits for the printer's answer: leaving before it leaves the button disabled for the next resident.
            d.wait("booking printed", lambda: screen.print_button.isEnabled(), 20)
    else:
        d.record.count(d.record.outcomes, f"pickup_{flow.notice or 'refused'}")


def pickup(d: Driver, item, seed: int) -> None:
    """预约上门 from an item's guide."""
    d.begin()
    d.open_item(item)
    d.tap(d.window.item.pickup_button, "pickup here")
    d.screen_is(Screen.PICKUP)
    book_pickup(d, seed)
    d.end()


def status(d: Driver, receipt: tuple[str, str] | None) -> None:
    """办件查询: a receipt's QR code held to the scanner (on any screen), or the number and code typed on the touch
    keyboard; the answer shown (or "offline, still on this terminal" during an outage); sometimes printed."""
    from kiosk.flows.status import receipt_qr

    d.begin()
    screen = d.window.lookup.status
    flow_of = lambda: d.session.data.status  # noqa: E731 - the session's flow is replaced on every wipe
    if receipt is not None and d.rng.random() < 0.6:
        d.devices.simulators["scanner"].scan(receipt_qr(*receipt))
        d.screen_is(Screen.STATUS, "scanned receipt")
    else:
        d.home_tile("status")
        d.screen_is(Screen.STATUS)
        d.tap(screen.type_button, "type the number")
        tracking, code = receipt or ("HP2611260000000", "ABCDEF")
        d.click(screen.number_field)
        d.type_text(tracking.removeprefix("HP"))
        d.click(screen.code_field)
        d.type_text(code)
        d.tap(screen.type_submit, "query")
    d.wait("status answer", lambda: flow_of().phase not in ("idle", "asking"), 20)
    d.record.count(d.record.outcomes, f"status_{flow_of().phase}")
    d.think(5, 20)
    if flow_of().phase == "shown" and d.rng.random() < 0.2 and screen.print_button.isVisible():
        d.tap(screen.print_button, "print status")
        d.wait("status printed", lambda: screen.print_button.isEnabled(), 20)
    d.end()


def consult(d: Driver, item, hub_up: bool = True) -> None:
    """视频咨询 from an item's guide: the queue, the clerk (the soak's aiortc clerk) accepts, pictures both ways, the
    guide the clerk pushes, the resident hangs up."""
    d.begin()
    d.open_item(item)
    d.tap(d.window.item.consult_button, "consult")
    d.screen_is(Screen.CONSULT)
    flow = d.session.data.consult
    screen = d.window.consult.screen
    in_call = d.until(lambda: flow.phase in ("in_call", "ended", "failed"), 20 if hub_up else 8)
    if hub_up and not in_call:
        raise ScriptError(f"no clerk within 20 s (call {flow.phase})")
    if flow.phase != "in_call":  # the hub is away (an outage): the resident gives up waiting
        d.record.count(d.record.outcomes, f"consult_{flow.phase}")
        if screen.leave_button.isVisible():
            d.tap(screen.leave_button, "leave the queue")
        d.end()
        return
    d.wait("clerk's picture", lambda: screen.remote_view.image is not None or screen.small_view.image is not None, 20)
    d.wait("guide pushed", lambda: screen.stage.currentWidget() is screen.push_panel, 20)
    d.think(20, 60)
    d.tap(screen.push_close, "close push")
    d.think(30, 50)
    d.tap(screen.hangup_button, "hang up")
    d.wait("call ended", lambda: flow.phase == "ended", 20)
    d.record.consult_calls += 1
    d.record.count(d.record.outcomes, "consult_done")
    d.tap(screen.done_button, "consult done")
    d.end()


def technician(d: Driver, pin: str) -> None:
    """The technician's daily visit: five taps in the hot corner, the PIN, every device's self-test, a test
    receipt and a card read, back home."""
    from ui.qt import QWidget

    if d.session.screen != Screen.ATTRACT:
        raise ScriptError("technician: the terminal is busy")
    d.tap(d.window.attract, "attract")
    d.screen_is(Screen.HOME)
    width = d.window.width()
    for _ in range(5):
        d.tap_at(width - 10, 10)
    d.screen_is(Screen.PIN, "technician gesture", 5)
    for digit in pin:
        d.tap(d.window.pin.findChild(QWidget, f"pin_{digit}"), "pin digit", think=(0.3, 0.8))
    d.tap(d.window.pin.findChild(QWidget, "pin_ok"), "pin ok")
    d.screen_is(Screen.DIAGNOSTICS)
    diagnostics = d.window.diagnostics
    d.wait("checks", lambda: not diagnostics.worker.busy("checks") and not diagnostics.worker.busy("hub"), 60)
    for action in (diagnostics.test_printer, diagnostics.test_card):
        action()
        d.wait("device test", lambda: not any(n.startswith("test-") for n in diagnostics.worker.running), 30)
        d.think(10, 30)
    d.tap(diagnostics.done, "diagnostics done")
    d.screen_is(Screen.HOME)
    d.end(walk_away=False)
