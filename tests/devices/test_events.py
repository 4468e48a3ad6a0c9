"""Device events through the real drivers: cards placed and removed, codes scanned, devices lost and back."""

from __future__ import annotations

import threading
import time

from devices.base import DeviceEvent, DeviceState, EventSource
from devices.idcard.reader import SerialIdCardReader
from devices.idcard.sim import IdCardSimulator, sample_card
from devices.scanner.serial_scanner import SerialScanner
from devices.scanner.sim import ScannerSimulator

CARD = sample_card("陈大文", "男", "1949-10-01", 3)


class Recorder:
    def __init__(self) -> None:
        self.events: list[DeviceEvent] = []
        self.changed = threading.Condition()

    def __call__(self, event: DeviceEvent) -> None:
        with self.changed:
            self.events.append(event)
            self.changed.notify_all()

    def names(self) -> list[str]:
        return [e.name for e in self.events if e.name != "state"]

    def wait_for(self, name: str, timeout: float = 5.0) -> DeviceEvent:
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                found = [e for e in self.events if e.name == name]
                if found:
                    return found[-1]
                left = deadline - time.monotonic()
                assert left > 0, f"no {name} event; got {self.names()}"
                self.changed.wait(left)


def test_state_changes_are_events_and_a_failing_listener_harms_no_one():
    source = EventSource()
    seen = Recorder()
    source.on_event(lambda _event: 1 / 0)
    source.on_event(seen)
    source.state = DeviceState.READY
    source.state = DeviceState.READY  # no change, no event
    source.state = DeviceState.DISCONNECTED
    source.state = DeviceState.READY
    assert [(e.name, e.data.get("new")) for e in seen.events] == [
        ("state", "ready"),
        ("state", "disconnected"),
        ("device_lost", None),
        ("state", "ready"),
        ("device_back", None),
    ]


def test_the_reader_reports_cards_placed_read_and_removed():
    sim = IdCardSimulator(card=None)
    reader = SerialIdCardReader(sim.port, timeout=0.5)
    seen = Recorder()
    reader.on_event(seen)
    reader.open()
    reader.watch(interval=0.05)
    try:
        time.sleep(0.2)
        assert "card_placed" not in seen.names()
        sim.card = CARD
        seen.wait_for("card_placed")
        assert reader.read_card().text == CARD
        seen.wait_for("card_read")
        assert all(CARD.id_number not in str(e.data) for e in seen.events)  # events carry no card contents
        sim.card = None
        seen.wait_for("card_removed")
    finally:
        reader.stop_watching()
        reader.close()
        sim.close()


def test_the_scanner_reports_codes_and_its_loss_and_return(tmp_path):
    port = tmp_path / "ttyScanner"
    sim = ScannerSimulator()
    port.symlink_to(sim.port)
    scanner = SerialScanner(str(port))
    seen = Recorder()
    scanner.on_event(seen)
    scanner.open()
    try:
        sim.scan("HP-20261126-0007")
        assert seen.wait_for("code_scanned").data == {"code": "HP-20261126-0007"}
        sim.close()
        seen.wait_for("device_lost")
        sim = ScannerSimulator()
        port.unlink()
        port.symlink_to(sim.port)
        seen.wait_for("device_back", timeout=10)
    finally:
        scanner.close()
        sim.close()


def test_the_finger_vein_scanner_reports_fingers_through_the_common_events(tmp_path):
    from devices.fingervein.sdk_driver import FingerVeinSdk
    from devices.fingervein.sim import FingerVeinSimulator

    sim = FingerVeinSimulator(tmp_path / "fv")
    scanner = FingerVeinSdk(str(sim.library), poll_interval=0.05)
    seen = Recorder()
    scanner.on_event(seen)
    scanner.open()
    try:
        sim.place_finger(4)
        seen.wait_for("finger_placed")
        sim.remove_finger()
        seen.wait_for("finger_removed")
    finally:
        scanner.close()
        sim.close()
