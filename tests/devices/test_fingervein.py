"""The finger-vein ctypes driver against the simulator SDK (C, compiled with gcc): enrol, verify, faults, unplug."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from devices.base import DeviceError, DeviceState, DeviceTimeout
from devices.fingervein import sim as sim_module
from devices.fingervein.sdk_driver import (
    SCORE_MAX,
    STATUS_FINGER,
    STATUS_READY,
    TEMPLATE_MAX,
    BadTemplate,
    Code,
    DeviceLost,
    FingerVeinEvent,
    FingerVeinSdk,
    PoorQuality,
    SamplesDisagree,
)
from devices.fingervein.sim import Fault, FingerVeinSimulator, build_library
from devices.registry import is_usable
from kiosk.config import ConfigError, load_config

HEADER = Path(sim_module.__file__).resolve().parent / "sdk.h"


@pytest.fixture(scope="session")
def sim_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The simulator library compiled once for the session."""
    cache = tmp_path_factory.mktemp("fvsim-cache")
    build_library(cache)
    return cache


@pytest.fixture
def sim(sim_cache: Path):
    simulator = FingerVeinSimulator(sim_cache)
    yield simulator
    simulator.fault(Fault.NONE)  # ends a hang a failed test may have left
    simulator.close()


@pytest.fixture
def scanner(sim: FingerVeinSimulator):
    driver = FingerVeinSdk(sim.library, poll_interval=0.02, backoff=(0.02, 0.2), call_grace=0.2)
    driver.open()
    yield driver
    driver.close()


def wait_for(predicate: Callable[[], bool], timeout: float = 2.0) -> bool:
    """Whether `predicate` became true within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


def test_header_return_codes_are_the_drivers() -> None:
    text = HEADER.read_text(encoding="utf-8")
    pattern = r"#define FV_(?:ERR_)?(\w+) \(?(-?(?:0x[0-9A-Fa-f]+|\d+))\)?"
    defined = {name: int(value, 0) for name, value in re.findall(pattern, text)}
    assert {code.name: code.value for code in Code} == {name: defined[name] for name in Code.__members__}
    assert (defined["TEMPLATE_MAX"], defined["SCORE_MAX"]) == (TEMPLATE_MAX, SCORE_MAX)
    assert (defined["STATUS_READY"], defined["STATUS_FINGER"]) == (STATUS_READY, STATUS_FINGER)


def test_enrol_then_verify_same_finger_matches_other_finger_does_not(scanner, sim, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.devices.fingervein")
    sim.place_finger(7)
    steps: list[tuple[int, int]] = []
    template = scanner.enrol(samples=3, timeout=1.0, progress=lambda done, total: steps.append((done, total)))
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert 0 < len(template) <= TEMPLATE_MAX
    ok, score = scanner.verify(template, timeout=1.0)
    assert ok and score >= scanner.match_threshold
    sim.place_finger(8)
    ok, score = scanner.verify(template, timeout=1.0)
    assert not ok and score < scanner.match_threshold
    assert scanner.state == DeviceState.READY
    # Biometric data stays out of the log: a normal enrolment and verification log nothing at all.
    assert [r for r in caplog.records if r.name == "kiosk.devices.fingervein"] == []


def test_no_finger_times_out_with_a_clear_message(scanner) -> None:
    started = time.monotonic()
    with pytest.raises(DeviceTimeout, match=r"no finger was placed on the finger-vein scanner within 0\.2 s"):
        scanner.enrol(samples=1, timeout=0.2)
    assert time.monotonic() - started < 1.0
    assert scanner.state == DeviceState.READY


def test_bad_quality_is_reported_then_the_next_try_works(scanner, sim) -> None:
    sim.place_finger(3)
    sim.fault(Fault.BAD_QUALITY, 1)
    with pytest.raises(PoorQuality, match="place the finger flat and still"):
        scanner.enrol(samples=2, timeout=0.5)
    assert len(scanner.enrol(samples=2, timeout=0.5)) > 0


def test_samples_of_different_fingers_do_not_make_an_enrolment(scanner, sim) -> None:
    sim.place_finger(1)
    with pytest.raises(SamplesDisagree, match="do not match each other"):
        scanner.enrol(samples=3, timeout=0.5, progress=lambda done, _total: sim.place_finger(1 + done))


def test_malformed_captures_are_dropped_and_retaken(scanner, sim, caplog) -> None:
    sim.place_finger(4)
    template = scanner.enrol(samples=1, timeout=0.5)
    sim.fault(Fault.GARBAGE, 1)
    assert scanner.verify(template, timeout=0.5)[0]
    sim.fault(Fault.BAD_LENGTH, 1)
    assert scanner.verify(template, timeout=0.5)[0]
    assert scanner.dropped == 2
    assert "dropped" in caplog.text
    sim.fault(Fault.GARBAGE)
    with pytest.raises(DeviceError, match="keeps returning malformed captures"):
        scanner.verify(template, timeout=0.5)
    sim.fault(Fault.NONE)
    assert scanner.state == DeviceState.READY


def test_a_garbage_stored_template_is_rejected(scanner, sim) -> None:
    sim.place_finger(5)
    template = scanner.enrol(samples=1, timeout=0.5)
    corrupted = template[:100] + bytes([template[100] ^ 0xFF]) + template[101:]
    with pytest.raises(BadTemplate, match="stored template is not a valid finger-vein template"):
        scanner.verify(corrupted, timeout=0.5)
    for bad in (b"", b"\x00" * (TEMPLATE_MAX + 1)):
        with pytest.raises(BadTemplate, match="1 to 2048 bytes"):
            scanner.verify(bad, timeout=0.5)


def test_unplug_disconnects_and_replug_reconnects_with_backoff(scanner, sim) -> None:
    events: list[FingerVeinEvent] = []
    scanner.subscribe(events.append)
    assert scanner.self_test().ok
    sim.unplug()
    assert wait_for(lambda: scanner.state == DeviceState.DISCONNECTED)
    check = scanner.self_test()
    assert not check.ok and "not connected" in check.summary
    with pytest.raises(DeviceError, match="not connected"):
        scanner.enrol(samples=1, timeout=0.2)
    attempts = sim.open_attempts
    time.sleep(0.6)
    # Backoff 0.02 s doubling to 0.2 s: a handful of attempts in 0.6 s, not one per 0.02 s poll.
    assert 2 <= sim.open_attempts - attempts <= 8
    sim.replug()
    assert wait_for(lambda: scanner.state == DeviceState.READY)
    assert scanner.reconnects == 1
    assert wait_for(lambda: FingerVeinEvent.DEVICE_RECONNECTED in events)
    assert events[:2] == [FingerVeinEvent.DEVICE_LOST, FingerVeinEvent.DEVICE_RECONNECTED]
    assert scanner.self_test().ok


def test_unplug_during_a_capture_in_a_worker_ends_it(scanner, sim) -> None:
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(scanner.enrol, 1, 2.0)
        assert wait_for(lambda: scanner.state == DeviceState.BUSY)
        sim.unplug()
        with pytest.raises(DeviceLost, match="reconnecting"):
            pending.result(timeout=2)
    assert scanner.state == DeviceState.DISCONNECTED
    sim.replug()
    assert wait_for(lambda: scanner.state == DeviceState.READY)


def test_finger_events_follow_the_sensor(scanner, sim) -> None:
    events: list[FingerVeinEvent] = []
    scanner.subscribe(events.append)
    sim.place_finger(2)
    assert wait_for(lambda: events == [FingerVeinEvent.FINGER_PLACED]) and scanner.finger_present()
    sim.remove_finger()
    assert wait_for(lambda: events == [FingerVeinEvent.FINGER_PLACED, FingerVeinEvent.FINGER_REMOVED])


def test_a_wedged_sdk_call_costs_a_timeout_not_a_hang(scanner, sim) -> None:
    sim.place_finger(6)
    sim.fault(Fault.HANG)
    started = time.monotonic()
    with pytest.raises(DeviceTimeout, match="did not return from FV_Capture"):
        scanner.enrol(samples=1, timeout=0.1)
    assert time.monotonic() - started < 1.0
    assert scanner.state == DeviceState.ERROR
    assert not scanner.self_test().ok
    sim.fault(Fault.NONE)  # the vendor library finally returns
    assert wait_for(lambda: scanner.state == DeviceState.READY)
    assert len(scanner.enrol(samples=1, timeout=0.5)) > 0


def test_undocumented_status_codes_are_logged_and_dropped(scanner, sim, caplog) -> None:
    sim.fault(Fault.BAD_STATUS, 3)
    assert wait_for(lambda: scanner.dropped >= 3)
    assert scanner.state == DeviceState.READY
    assert "undocumented finger-vein SDK code -77" in caplog.text


def test_self_test_reports_the_module(scanner, sim) -> None:
    sim.place_finger(1)
    check = scanner.self_test()
    assert check.ok and check.device == "fingervein" and check.summary == "ready"
    assert check.details["version"].startswith("FVSIM") and check.details["finger"] == "present"


def test_a_missing_sdk_is_stated_plainly_and_never_raised_at_startup(tmp_path) -> None:
    path = tmp_path / "libfvsdk.so"
    scanner = FingerVeinSdk(str(path))
    scanner.open()
    try:
        assert scanner.state == DeviceState.DISCONNECTED
        check = scanner.self_test()
        assert not check.ok and check.summary == f"finger-vein SDK not installed: {path} not found"
        with pytest.raises(DeviceError, match="finger-vein SDK not installed"):
            scanner.enrol(samples=1, timeout=0.1)
        path.write_bytes(b"not a shared library")
        assert "cannot be loaded" in FingerVeinSdk(str(path)).self_test().summary
    finally:
        scanner.close()


def test_building_the_simulator_without_gcc_says_so(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sim_module.shutil, "which", lambda _name: None)
    with pytest.raises(DeviceError, match="needs gcc"):
        build_library(tmp_path / "cache")


def test_config_and_usability(tmp_path) -> None:
    config = load_config(environ={"KIOSK_DEVICE_FINGERVEIN_LIBRARY": str(tmp_path / "absent.so")})
    usable, why = is_usable("fingervein", config.device_fingervein)
    assert not usable and why == f"finger-vein SDK not installed: {tmp_path / 'absent.so'} not found"
    assert load_config(environ={}).device_fingervein.match_threshold == 60
    with pytest.raises(ConfigError, match=r"device_fingervein\.match_threshold must be between 1 and 100"):
        load_config(environ={"KIOSK_DEVICE_FINGERVEIN_MATCH_THRESHOLD": "101"})
