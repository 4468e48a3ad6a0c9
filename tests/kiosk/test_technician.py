"""The technician PIN: hashing, attempt counting, growing lockouts that survive restarts, damaged files."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest

from kiosk.config import Config, TechnicianConfig
from kiosk.technician import MAX_LOCK_SECONDS, TechnicianLock, VerifyResult, set_pin_interactive

PIN = "730914"


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "technician.json"


@pytest.fixture
def lock(path: Path, clock: Clock) -> TechnicianLock:
    technician = TechnicianLock(path, lockout_seconds=30, clock=clock)
    technician.set_pin(PIN)
    return technician


def fail_five(lock: TechnicianLock) -> VerifyResult:
    results = [lock.verify("0000") for _ in range(5)]
    assert [r.attempts_left for r in results[:4]] == [4, 3, 2, 1]
    return results[-1]


def test_set_and_verify(path: Path, clock: Clock):
    technician = TechnicianLock(path, 30, clock)
    assert not technician.is_configured()
    assert technician.verify(PIN) == VerifyResult(False, 0.0, 0)  # no PIN yet: nobody gets in
    technician.set_pin(PIN)
    assert technician.is_configured()
    assert technician.verify(PIN) == VerifyResult(True, 0.0, 5)
    assert technician.verify(PIN).ok


def test_wrong_pins_count_down_and_a_right_one_resets(lock: TechnicianLock):
    assert lock.verify("1111") == VerifyResult(False, 0.0, 4)
    assert lock.verify("73091") == VerifyResult(False, 0.0, 3)
    assert lock.verify("") == VerifyResult(False, 0.0, 2)
    assert lock.verify(PIN).ok
    assert lock.verify("1111").attempts_left == 4


def test_five_wrong_pins_lock_and_locks_grow(lock: TechnicianLock, clock: Clock, path: Path):
    assert fail_five(lock) == VerifyResult(False, 30.0, 0)
    # While locked even the right PIN is refused, and nothing is counted.
    clock.now += 10
    assert lock.verify(PIN) == VerifyResult(False, 20.0, 0)
    clock.now += 20
    assert lock.verify(PIN).ok  # a success clears the failures, not the lockout count
    assert fail_five(lock).locked_for == 60.0
    clock.now += 60
    assert fail_five(lock).locked_for == 120.0
    assert json.loads(path.read_text())["lockouts"] == 3


def test_lock_time_is_capped_at_a_day(path: Path, clock: Clock):
    technician = TechnicianLock(path, lockout_seconds=30_000, clock=clock)
    technician.set_pin(PIN)
    lengths = []
    for _ in range(3):
        lengths.append(fail_five(technician).locked_for)
        clock.now += lengths[-1]
    assert lengths == [30_000, 60_000, MAX_LOCK_SECONDS]


def test_lock_survives_a_restart(lock: TechnicianLock, path: Path, clock: Clock):
    lock.verify("1111")
    lock.verify("2222")
    assert TechnicianLock(path, 30, clock).verify("3333").attempts_left == 2
    TechnicianLock(path, 30, clock).verify("4444")
    TechnicianLock(path, 30, clock).verify("5555")
    clock.now += 5
    assert TechnicianLock(path, 30, clock).verify(PIN) == VerifyResult(False, 25.0, 0)


def test_a_clock_set_back_never_locks_longer_than_a_day(lock: TechnicianLock, clock: Clock):
    fail_five(lock)
    clock.now -= 365 * 24 * 3600
    assert lock.verify(PIN).locked_for == MAX_LOCK_SECONDS


def test_file_is_private_and_holds_no_pin(lock: TechnicianLock, path: Path):
    lock.verify("1111")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = path.read_text()
    assert PIN not in text
    data = json.loads(text)
    assert data["scrypt"]["n"] == 2**14 and data["scrypt"]["r"] == 8 and data["scrypt"]["p"] == 1
    assert len(bytes.fromhex(data["scrypt"]["salt"])) >= 16 and len(bytes.fromhex(data["scrypt"]["hash"])) == 32
    assert (data["failures"], data["locked_until"], data["lockouts"]) == (1, 0, 0)
    assert [p.name for p in path.parent.iterdir()] == [path.name], "a temporary file was left behind"


def test_same_pin_gets_a_new_salt(lock: TechnicianLock, path: Path):
    before = json.loads(path.read_text())["scrypt"]
    lock.set_pin(PIN)
    after = json.loads(path.read_text())["scrypt"]
    assert before["salt"] != after["salt"] and before["hash"] != after["hash"]


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", " 1234", "1234\n", "１２３４", "١٢٣٤"])
def test_invalid_pins_are_rejected(path: Path, pin: str):
    with pytest.raises(ValueError, match="4 to 8 digits"):
        TechnicianLock(path, 30).set_pin(pin)
    assert not path.exists()


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "",
        "[]",
        '{"scrypt": {"n": 16384}}',
        json.dumps(
            {
                "scrypt": {"n": 2**40, "r": 8, "p": 1, "salt": "00" * 16, "hash": "00" * 32},
                "failures": 0,
                "locked_until": 0,
                "lockouts": 0,
            }
        ),
    ],
    ids=["text", "empty", "list", "partial", "huge-cost"],
)
def test_damaged_file_refuses_entry(lock: TechnicianLock, path: Path, caplog: pytest.LogCaptureFixture, content: str):
    path.write_text(content)
    with caplog.at_level(logging.ERROR, logger="kiosk.technician"):
        assert not lock.is_configured()
        assert lock.verify(PIN) == VerifyResult(False, 0.0, 0)
        assert lock.verify(PIN) == VerifyResult(False, 0.0, 0)
    assert len(caplog.records) == 1 and "damaged" in caplog.text
    lock.set_pin(PIN)  # setting the PIN again repairs it
    assert lock.verify(PIN).ok


def test_unreadable_file_refuses_entry(lock: TechnicianLock, path: Path, caplog: pytest.LogCaptureFixture):
    path.write_bytes(b"\xff\xfe\x00garbage")
    with caplog.at_level(logging.ERROR, logger="kiosk.technician"):
        assert not lock.is_configured()
        assert not lock.verify(PIN).ok
    assert "cannot be read" in caplog.text


def test_pin_path_comes_from_config(tmp_path: Path):
    config = Config(technician=TechnicianConfig(pin_file=str(tmp_path / "pin.json"), lockout_seconds=45))
    technician = TechnicianLock(config.pin_path, config.technician.lockout_seconds)
    technician.set_pin("1234")
    assert (tmp_path / "pin.json").is_file() and technician.verify("1234").ok


def answers(*values: str):
    """A fake getpass: returns the given answers in order and records the prompts."""
    prompts: list[str] = []
    queue = list(values)

    def read(prompt: str) -> str:
        prompts.append(prompt)
        if not queue:
            raise EOFError
        return queue.pop(0)

    read.prompts = prompts  # type: ignore[attr-defined]
    return read


def test_set_pin_interactive(path: Path, capsys: pytest.CaptureFixture[str]):
    technician = TechnicianLock(path, 30)
    read = answers("2468", "2468")
    assert set_pin_interactive(technician, read) == 0
    assert len(read.prompts) == 2
    assert technician.verify("2468").ok
    out, err = capsys.readouterr()
    assert "2468" not in out + err


@pytest.mark.parametrize(
    ("typed", "message"),
    [(("2468", "2469"), "do not match"), (("24a8",), "4 to 8 digits"), (("12",), "4 to 8 digits"), ((), "no PIN")],
)
def test_set_pin_interactive_refuses(path: Path, capsys: pytest.CaptureFixture[str], typed, message: str):
    technician = TechnicianLock(path, 30)
    assert set_pin_interactive(technician, answers(*typed)) == 2
    assert message in capsys.readouterr().err
    assert not path.exists()


def test_an_attempt_that_cannot_be_recorded_is_refused(
    lock: TechnicianLock, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    def read_only_disk(*_args):
        raise OSError(30, "Read-only file system")

    with monkeypatch.context() as patch, caplog.at_level(logging.ERROR, logger="kiosk.technician"):
        patch.setattr("os.replace", read_only_disk)
        # Even the right PIN: an attempt that is not counted on disk would be a free guess.
        assert lock.verify(PIN) == VerifyResult(False, 0.0, 0)
    assert "cannot be written" in caplog.text
    assert lock.verify(PIN).ok
