"""Coming back after a crash or a power cut (no Qt): run once at start, before the window exists.

A clean stop removes the run marker; finding it at start means the last run ended without one. Whatever the
last run left, the terminal starts as if nothing had happened to the resident who was at the screen: their
session folder is emptied, half-written files from atomic writes are removed, the audit log loses a record the
power cut left half-written (the log says so in a record of its own), and the outbox is checked before delivery
resumes; an outbox SQLite cannot read is set aside whole, still encrypted, never deleted.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.audit import AuditLog, cut_incomplete_tail

log = logging.getLogger("kiosk.recovery")

MARKER = "running.json"
SESSION_DIR = "session-tmp"
# Atomic writes here name their temporary files ".<target>.<random>.tmp" or ".<target>-<random>.tmp".
STRAY_PATTERN = ".*.tmp"


@dataclass
class Recovery:
    """What the start-up check found and did."""

    unclean: bool = False  # the last run ended without a clean stop
    last_start: float | None = None  # when that run started (epoch seconds), if known
    notes: list[str] = field(default_factory=list)  # one plain sentence per repair, for the log and diagnostics


def _read_marker(path: Path) -> float | None:
    try:
        return float(json.loads(path.read_text(encoding="utf-8"))["started"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a marker cut short by the power cut still says the run did not end cleanly


def _write_marker(path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"pid": os.getpid(), "started": time.time()}, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def _empty_folder(path: Path) -> int:
    """Remove everything inside `path` (kept, 0700); returns how many entries went."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        return 0
    count = 0
    for entry in path.iterdir():
        count += 1
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    os.chmod(path, 0o700)
    return count


def _remove_strays(data_dir: Path) -> int:
    """Temporary files of atomic writes a crash interrupted (their targets are whole: old or new)."""
    count = 0
    for stray in data_dir.rglob(STRAY_PATTERN):
        if stray.is_file():
            stray.unlink(missing_ok=True)
            count += 1
    return count


def outbox_readable(path: Path) -> str:
    """'' when SQLite finds the outbox intact (a missing one is fine), else what it found."""
    if not path.exists():
        return ""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            rows = db.execute("PRAGMA integrity_check").fetchall()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    verdict = "; ".join(str(row[0]) for row in rows)
    return "" if verdict == "ok" else verdict


def _set_aside(path: Path) -> Path:
    """Move a damaged outbox (and its WAL files) out of the way, keeping every byte for a technician."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{target}{suffix}"))
    return target


def private_folder(path: Path) -> Path:
    """Make `path` (and its parents) exist, and keep it for the terminal's user alone (0700) however it was made."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.stat().st_mode & 0o777 != 0o700:
        os.chmod(path, 0o700)
    return path


def recover(data_dir: Path, outbox_path: Path, audit_path: Path) -> Recovery:
    """The start-up check; leaves the run marker in place until `mark_clean_stop`."""
    private_folder(data_dir)
    marker = data_dir / MARKER
    result = Recovery()
    if marker.exists():
        result.unclean = True
        result.last_start = _read_marker(marker)
        result.notes.append("the last run ended without a clean stop (crash or power cut)")
    removed = _empty_folder(data_dir / SESSION_DIR)
    if removed:
        result.notes.append(f"{removed} file(s) of the interrupted session removed")
    strays = _remove_strays(data_dir)
    if strays:
        result.notes.append(f"{strays} half-written temporary file(s) removed")
    cut = cut_incomplete_tail(audit_path)
    if cut:
        result.notes.append(f"the audit log's last record was cut off while being written ({cut} bytes removed)")
    problem = outbox_readable(outbox_path)
    if problem:
        aside = _set_aside(outbox_path)
        result.notes.append(f"the outbox could not be read ({problem}); kept as {aside.name} for a technician")
    if result.unclean or result.notes:
        details = {"unclean": result.unclean, "repairs": len(result.notes)}
        if cut:
            details["audit_bytes_cut"] = cut
        if problem:
            details["outbox_set_aside"] = True
        AuditLog(audit_path).record("recovered", **details)
    for note in result.notes:
        log.warning("start-up recovery: %s", note)
    _write_marker(marker)
    return result


def mark_clean_stop(data_dir: Path) -> None:
    """The run ends cleanly: the next start is not a recovery."""
    (data_dir / MARKER).unlink(missing_ok=True)
