"""The hidden technician entry's PIN: scrypt hash on disk, failed-attempt counting and growing lockouts."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_FAILURES = 5
MAX_LOCK_SECONDS = 24 * 3600
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
PIN_PATTERN = re.compile(r"[0-9]{4,8}")  # ASCII only: str.isdigit() would also accept "١٢٣٤" or full-width digits


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of one PIN attempt."""

    ok: bool
    locked_for: float  # seconds until the next attempt is checked at all; 0 when not locked
    attempts_left: int  # wrong PINs allowed before the next lock


def check_pin_format(pin: str) -> None:
    """Raise ValueError unless the PIN is 4 to 8 ASCII digits."""
    if not PIN_PATTERN.fullmatch(pin):
        raise ValueError("the technician PIN must be 4 to 8 digits (0-9), nothing else")


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=HASH_BYTES)


def _valid_state(data: Any) -> bool:
    """A state file as set_pin writes it, with scrypt costs bounded so a tampered file cannot exhaust memory."""
    try:
        kdf = data["scrypt"]
        n, r, p = kdf["n"], kdf["r"], kdf["p"]
        counters = (data["failures"], data["lockouts"])
        numbers_ok = all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p, *counters))
        locked_until = data["locked_until"]
        return (
            numbers_ok
            and isinstance(locked_until, int | float)
            and 2**10 <= n <= 2**20
            and n & (n - 1) == 0
            and 1 <= r <= 32
            and 1 <= p <= 16
            and min(counters) >= 0
            and len(bytes.fromhex(kdf["salt"])) >= SALT_BYTES
            and len(bytes.fromhex(kdf["hash"])) == HASH_BYTES
        )
    except (TypeError, KeyError, ValueError, AttributeError):
        return False


class TechnicianLock:
    """The technician PIN with failed-attempt counting; its state survives restarts in one JSON file."""

    def __init__(self, path: Path, lockout_seconds: int, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.lockout_seconds = lockout_seconds
        # Wall clock, not monotonic: a lock must outlast a reboot, and monotonic time restarts at boot.
        self._clock = clock
        self._lock = threading.Lock()
        self._last_problem = ""

    def is_configured(self) -> bool:
        """Whether a usable PIN is stored."""
        with self._lock:
            return self._load() is not None

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (4 to 8 digits), clearing failures and lockouts."""
        check_pin_format(pin)
        salt = os.urandom(SALT_BYTES)
        digest = _hash(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        state = {
            "scrypt": {"n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(), "hash": digest.hex()},
            "failures": 0,
            "locked_until": 0,
            "lockouts": 0,
        }
        with self._lock:
            self._save(state)
            self._last_problem = ""

    def verify(self, pin: str) -> VerifyResult:
        """Check a PIN attempt: refused without checking while locked; the 5th wrong PIN in a row locks."""
        with self._lock:
            state = self._load()
            if state is None:
                return VerifyResult(False, 0.0, 0)
            now = self._clock()
            locked_for = self._remaining_lock(state, now)
            if locked_for > 0:
                return VerifyResult(False, locked_for, 0)
            # Count the attempt as failed on disk before checking it (as smart cards do): cutting the power
            # mid-check, or a disk that refuses writes, never buys an extra free guess.
            state["failures"] += 1
            if not self._try_save(state):
                return VerifyResult(False, 0.0, 0)
            kdf = state["scrypt"]
            expected = bytes.fromhex(kdf["hash"])
            well_formed = PIN_PATTERN.fullmatch(pin) is not None  # anything else cannot be the PIN: skip the hash
            given = _hash(pin, bytes.fromhex(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"]) if well_formed else b""
            if hmac.compare_digest(given, expected):
                state["failures"] = 0  # the lockout count stays: the next lock after a success is still longer
                self._try_save(state)
                return VerifyResult(True, 0.0, MAX_FAILURES)
            if state["failures"] < MAX_FAILURES:
                return VerifyResult(False, 0.0, MAX_FAILURES - state["failures"])
            duration = self._lock_duration(state["lockouts"])
            state.update(failures=0, lockouts=state["lockouts"] + 1, locked_until=now + duration)
            self._try_save(state)
            log.warning("technician PIN locked for %d s after %d wrong attempts", duration, MAX_FAILURES)
            return VerifyResult(False, float(duration), 0)

    def _lock_duration(self, lockouts: int) -> int:
        # 30 s, 60 s, 120 s ... with the default; the exponent is bounded so the number stays small.
        return min(self.lockout_seconds * 2 ** min(lockouts, 32), MAX_LOCK_SECONDS)

    def _remaining_lock(self, state: dict[str, Any], now: float) -> float:
        remaining = float(state["locked_until"]) - now
        if remaining > MAX_LOCK_SECONDS:
            # The wall clock went backwards (an RTC reset): never lock for longer than the longest lock.
            remaining = MAX_LOCK_SECONDS
            state["locked_until"] = now + remaining
            self._try_save(state)
        return max(remaining, 0.0)

    def _load(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._problem(f"technician PIN file {self.path} cannot be read ({type(exc).__name__}): entry refused")
            return None
        if not _valid_state(data):
            self._problem(f"technician PIN file {self.path} is damaged: entry refused until the PIN is set again")
            return None
        return data

    def _save(self, state: dict[str, Any]) -> None:
        parent = self.path.parent
        if not parent.is_dir():
            parent.mkdir(parents=True, exist_ok=True)
            parent.chmod(0o700)  # mkdir's mode is filtered by the umask
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{self.path.name}.", suffix=".tmp")  # created 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(state, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:
            dir_fd = os.open(parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)  # make the rename itself durable across a power cut
        except OSError:
            pass
        finally:
            os.close(dir_fd)

    def _try_save(self, state: dict[str, Any]) -> bool:
        try:
            self._save(state)
        except OSError as exc:
            self._problem(f"technician PIN file {self.path} cannot be written ({exc.strerror or exc}): entry refused")
            return False
        return True

    def _problem(self, message: str) -> None:
        # The technician screen may ask many times a minute: log each distinct problem once.
        if message != self._last_problem:
            self._last_problem = message
            log.error(message)


def set_pin_interactive(lock: TechnicianLock, read: Callable[[str], str]) -> int:
    """Ask for a new PIN twice (read is getpass.getpass in production) and store it; 0 on success, 2 on bad input."""
    try:
        first = read("New technician PIN (4-8 digits): ")
        try:
            check_pin_format(first)
        except ValueError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return 2
        second = read("Repeat the PIN: ")
    except EOFError:
        print("kiosk: no PIN entered", file=sys.stderr)
        return 2
    if first != second:
        print("kiosk: the two PINs do not match; nothing was changed", file=sys.stderr)
        return 2
    try:
        lock.set_pin(first)
    except OSError as exc:
        print(f"kiosk: cannot write {lock.path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"technician PIN set ({lock.path})")
    return 0
