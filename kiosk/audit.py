"""The tamper-evident record of what was done at the terminal (no Qt).

One JSON line per action, appended and flushed to disk: its sequence number, time, action, details and the hash
of the line before; its own hash covers all of that, so changing, removing or reordering any line breaks every
hash after it (`kiosk audit verify`). Nothing personal is written in clear: details are checked against the log
redaction patterns (ID numbers, credit codes, mobile numbers) and refused if they match, and a person or
document is named only by a keyed pseudonym (HMAC with the terminal's own secret), which lets an auditor with
the secret link records about the same person without the log holding who it was.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.logs import redact

GENESIS = "0" * 64


class AuditError(ValueError):
    """A record that must not be written (personal data in it), or a log that cannot be read."""


@dataclass(frozen=True)
class Verdict:
    """The result of checking a log: how many records, and the first that does not fit (0 when all do)."""

    records: int
    first_bad: int
    reason: str = ""

    @property
    def ok(self) -> bool:
        """Whether every record is intact and in order."""
        return self.first_bad == 0


def _digest(record: dict[str, Any]) -> str:
    body = json.dumps({k: v for k, v in record.items() if k != "hash"}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(body.encode()).hexdigest()


LETTER_HEX = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


class AuditLog:
    """Appends chained records to a file; one writer per file (the terminal process), safe across its threads."""

    def __init__(self, path: Path, secret_path: Path | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._secret_path = secret_path or self.path.with_suffix(".secret")
        self._lock = threading.Lock()
        last = _last_record(self.path)
        self.seq = last["seq"] if last else 0
        self.head = last["hash"] if last else GENESIS

    def pseudonym(self, value: str) -> str:
        """A keyed, stable stand-in for a person's or document's identifier (16 letters a-p: 64 bits)."""
        if not self._secret_path.exists():
            fd = os.open(self._secret_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(secrets.token_bytes(32))
        digest = hmac.new(self._secret_path.read_bytes(), value.encode(), hashlib.sha256).hexdigest()[:16]
        # Written in letters only: hex digits could run to eleven and look like a mobile number to the personal-data
        # guard, which would then refuse this person's every record (about 1 pseudonym in 2,000 did).
        return digest.translate(LETTER_HEX)

    def record(self, action: str, **details: Any) -> dict[str, Any]:
        """Append one record; AuditError if a detail looks like personal data."""
        text = json.dumps(details, ensure_ascii=False, sort_keys=True)
        if redact(text) != text:
            raise AuditError(f"the {action!r} record holds personal data in clear: name it by a pseudonym")
        with self._lock:
            entry = {"seq": self.seq + 1, "time": round(time.time(), 3), "action": action, "details": details}
            entry["prev"] = self.head
            entry["hash"] = _digest(entry)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
                f.flush()
                os.fsync(f.fileno())  # a record reported written is on the disk
            self.seq, self.head = entry["seq"], entry["hash"]
        return entry


def cut_incomplete_tail(path: Path) -> int:
    """Remove a last record a power cut left half-written (never confirmed to anyone); returns the bytes cut.
    Appending after it would glue the next record onto it and break the chain for good."""
    try:
        with open(path, "rb+") as f:
            data = f.read()
            if not data or data.endswith(b"\n"):
                return 0
            keep = data.rfind(b"\n") + 1
            f.truncate(keep)
            f.flush()
            os.fsync(f.fileno())
            return len(data) - keep
    except FileNotFoundError:
        return 0


def _last_record(path: Path) -> dict[str, Any] | None:
    """The last complete record of a log (a line cut short by a power cut is not one)."""
    if not path.exists():
        return None
    last = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.endswith("\n"):
                try:
                    last = json.loads(line)
                except json.JSONDecodeError:
                    continue
    return last


def verify(path: Path) -> Verdict:
    """Check every record's hash and link to the one before, in order; a last line cut short by a power cut is
    reported too (it was never confirmed to anyone, but the log says so rather than hide it)."""
    previous, count = GENESIS, 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    except OSError as exc:
        raise AuditError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    for number, line in enumerate(lines, start=1):
        if not line.endswith("\n"):
            return Verdict(count, number, "the last record is incomplete (cut off while being written)")
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            return Verdict(count, number, "not a record")
        if entry.get("seq") != number:
            return Verdict(count, number, f"sequence number {entry.get('seq')} where {number} belongs")
        if entry.get("prev") != previous:
            return Verdict(count, number, "does not follow the record before it (removed or reordered)")
        if entry.get("hash") != _digest(entry):
            return Verdict(count, number, "its content was changed after it was written")
        previous, count = entry["hash"], count + 1
    return Verdict(count, 0)
