"""The durable outbox: a submission is written here, encrypted, before the resident is told it is sent, and stays
until the hub acknowledges it (no Qt).

SQLite in WAL mode with synchronous=FULL: once `put` returns, the submission survives a crash or a power cut.
Each submission carries an idempotency key made when it is put, so delivering it twice (a crash between the
hub's answer and `delivered`) is harmless: the hub keeps one. Payloads are sealed with AES-256-GCM under a key
kept in a separate file (0600) beside the database; the row id and idempotency key are the associated data, so
a payload moved to another row does not open. Once delivered, the payload is erased and only the receipt (id,
key, the hub's reference, when) remains, for 办件查询 and the audit log.
"""

from __future__ import annotations

import functools
import json
import os
import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
BACKOFF_S = (5, 15, 60, 300, 900)  # then every 15 minutes: a hub down for hours is retried, never hammered

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,           -- idempotency key: the hub keeps one submission per key
    kind TEXT NOT NULL,                 -- what it is (a submission, an appointment ...): safe to show and log
    sealed BLOB,                        -- nonce + AES-GCM ciphertext; NULL once delivered
    created REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    delivered REAL,                     -- when the hub acknowledged it
    hub_ref TEXT NOT NULL DEFAULT '',   -- the hub's reference (tracking number)
    ref TEXT NOT NULL DEFAULT ''        -- the terminal's own reference (tracking number): no personal data
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (delivered, next_try);
"""
INDEXES = "CREATE INDEX IF NOT EXISTS outbox_ref ON outbox (ref);"


class OutboxError(RuntimeError):
    """The outbox cannot keep a submission (disk full, unreadable key): the resident must not be told it is sent."""


@dataclass(frozen=True)
class Pending:
    """A submission waiting for the hub: its row, idempotency key, kind, attempts so far and the opened payload."""

    id: int
    key: str
    kind: str
    attempts: int
    payload: dict[str, Any]


def load_key(path: Path) -> bytes:
    """The outbox key, made on first use (readable by the terminal's user only)."""
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = secrets.token_bytes(KEY_BYTES)
        # O_EXCL: two processes starting at once must not each write a different key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return load_key(path)
        with os.fdopen(fd, "wb") as f:
            f.write(key)
            f.flush()
            os.fsync(f.fileno())
        return key
    if len(key) != KEY_BYTES:
        raise OutboxError(f"{path}: the outbox key must be {KEY_BYTES} bytes, not {len(key)}")
    return key


T = TypeVar("T")


def serialized(method: Callable[..., T]) -> Callable[..., T]:
    """Run an Outbox method holding its lock: the screens and the delivery thread share one connection, and on one
    connection a statement of one thread runs inside the other's transaction (it would read a half-written row)."""

    @functools.wraps(method)
    def locked(self: Outbox, *args: Any, **kwargs: Any) -> T:
        with self.lock:
            return method(self, *args, **kwargs)

    return locked


class Outbox:
    """Submissions waiting for the hub, encrypted at rest; safe to use from several threads and processes."""

    def __init__(self, path: Path, key_path: Path | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.aead = AESGCM(load_key(key_path or self.path.with_suffix(".key")))
        # Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database file's mode.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        for part in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            if part.exists() and part.stat().st_mode & 0o077:
                os.chmod(part, 0o600)  # an outbox made before this rule
        self.lock = threading.RLock()
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")  # a put that returned is on the disk
        self.db.executescript(SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(outbox)")}
        if "ref" not in columns:  # an outbox from before references were kept: its rows keep working
            self.db.execute("ALTER TABLE outbox ADD COLUMN ref TEXT NOT NULL DEFAULT ''")
        self.db.executescript(INDEXES)

    @serialized
    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _seal(self, row_id: int, key: str, payload: dict[str, Any]) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
        return nonce + self.aead.encrypt(nonce, data, f"{row_id}:{key}".encode())

    def _open(self, row_id: int, key: str, sealed: bytes) -> dict[str, Any]:
        data = self.aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], f"{row_id}:{key}".encode())
        return json.loads(data)

    @serialized
    def put(self, kind: str, payload: dict[str, Any], key: str | None = None, ref: str = "") -> tuple[int, str]:
        """Keep a submission until the hub has it; returns (row id, idempotency key). Raises OutboxError when it
        could not be kept (then nothing is kept, and the resident must be told)."""
        key = key or str(uuid.uuid4())
        now = time.time()
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                existing = self.db.execute("SELECT id FROM outbox WHERE key = ?", (key,)).fetchone()
                if existing is not None:  # put again with the same key (a retried tap): one submission
                    self.db.execute("COMMIT")
                    return int(existing[0]), key
                cursor = self.db.execute(
                    "INSERT INTO outbox (key, kind, sealed, created, next_try, ref) VALUES (?, ?, x'', ?, ?, ?)",
                    (key, kind, now, now, ref),
                )
                row_id = int(cursor.lastrowid or 0)
                self.db.execute("UPDATE outbox SET sealed = ? WHERE id = ?", (self._seal(row_id, key, payload), row_id))
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:  # SQLite rolls back by itself on a full disk
                    self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:  # disk full, read-only file system, locked for too long
            raise OutboxError(f"the submission could not be kept: {exc}") from None
        return row_id, key

    @serialized
    def due(self, now: float | None = None, limit: int = 20) -> list[Pending]:
        """Submissions whose next delivery attempt is due, oldest first."""
        now = time.time() if now is None else now
        rows = self.db.execute(
            "SELECT id, key, kind, attempts, sealed FROM outbox WHERE delivered IS NULL AND next_try <= ? "
            "ORDER BY id LIMIT ?",
            (now, limit),
        ).fetchall()
        return [Pending(r[0], r[1], r[2], r[3], self._open(r[0], r[1], r[4])) for r in rows]

    @serialized
    def delivered(self, row_id: int, hub_ref: str = "") -> None:
        """The hub acknowledged it: the payload is erased, the receipt kept."""
        self.db.execute(
            "UPDATE outbox SET delivered = ?, sealed = NULL, hub_ref = ?, last_error = '' WHERE id = ?",
            (time.time(), hub_ref, row_id),
        )

    @serialized
    def failed(self, row_id: int, error: str, now: float | None = None) -> float:
        """A delivery attempt failed (the error says how, never what was sent); returns when to try again."""
        now = time.time() if now is None else now
        (attempts,) = self.db.execute("SELECT attempts FROM outbox WHERE id = ?", (row_id,)).fetchone()
        wait = BACKOFF_S[min(attempts, len(BACKOFF_S) - 1)]
        wait *= 1 + secrets.randbelow(200) / 1000  # jitter: a fleet coming back online does not retry in step
        self.db.execute(
            "UPDATE outbox SET attempts = attempts + 1, next_try = ?, last_error = ? WHERE id = ?",
            (now + wait, error[:200], row_id),
        )
        return now + wait

    @serialized
    def depth(self) -> int:
        """How many submissions wait for the hub (for the heartbeat and diagnostics)."""
        return int(self.db.execute("SELECT COUNT(*) FROM outbox WHERE delivered IS NULL").fetchone()[0])

    @serialized
    def stats(self, now: float | None = None) -> dict[str, Any]:
        """Counts and ages for diagnostics and `kiosk outbox status` (nothing a submission holds)."""
        now = time.time() if now is None else now
        waiting, oldest = self.db.execute(
            "SELECT COUNT(*), MIN(created) FROM outbox WHERE delivered IS NULL"
        ).fetchone()
        delivered = self.db.execute("SELECT COUNT(*) FROM outbox WHERE delivered IS NOT NULL").fetchone()[0]
        error = self.db.execute(
            "SELECT last_error FROM outbox WHERE delivered IS NULL AND last_error != '' ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return {
            "waiting": int(waiting),
            "delivered": int(delivered),
            "oldest_waiting_s": round(now - oldest) if oldest is not None else 0,
            "last_error": error[0] if error else "",
        }

    @serialized
    def receipt(self, key: str = "", ref: str = "") -> dict[str, Any] | None:
        """What the terminal knows of a submission by its key (or its reference, the tracking number): when made,
        delivered or not, the hub's reference."""
        column, value = ("ref", ref) if ref else ("key", key)
        row = self.db.execute(
            f"SELECT id, kind, created, attempts, delivered, hub_ref, last_error FROM outbox WHERE {column} = ?",
            (value,),
        ).fetchone()
        if row is None:
            return None
        names = ("id", "kind", "created", "attempts", "delivered", "hub_ref", "last_error")
        return dict(zip(names, row, strict=True))
