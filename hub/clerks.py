"""Clerks: their scrypt passwords, logins with a growing delay after failures, and their console sessions."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from hub import clock
from hub.db import clerk_sessions, clerks, insert_for, writer
from hub.keys import DUMMY_PASSWORD_HASH, check_password, hash_password

CLERK_NAME_PATTERN = re.compile(r"^[\w.-]{1,64}$")  # \w takes Chinese names too
MIN_PASSWORD = 8
FREE_FAILURES = 3  # wrong passwords before the first wait
FIRST_WAIT_S = 5
MAX_WAIT = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=8)


@dataclass(frozen=True)
class Session:
    """A logged-in clerk: who, and the CSRF token every form of this session carries."""

    clerk: str
    csrf: str


@dataclass(frozen=True)
class LoginResult:
    """A login attempt: the new session's cookie id and session, or how long to wait before trying again."""

    session_id: str | None = None
    session: Session | None = None
    wait_seconds: int = 0


def add_clerk(engine: Engine, name: str, password: str) -> None:
    """Create a clerk or set a clerk's password (and clear their lock)."""
    if not CLERK_NAME_PATTERN.match(name):
        raise ValueError("a clerk name is 1-64 letters, digits, '.', '-' or '_'")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a clerk password has at least {MIN_PASSWORD} characters")
    values = {"password_hash": hash_password(password), "failed_logins": 0, "locked_until": None}
    with writer(engine).begin() as conn:
        stmt = insert_for(conn, clerks).values(name=name, created_at=clock.now(), **values)
        conn.execute(stmt.on_conflict_do_update(index_elements=["name"], set_=values))


def _wait_after(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES)), MAX_WAIT)


def login(engine: Engine, name: str, password: str) -> LoginResult:
    """Check a clerk's password; after FREE_FAILURES wrong ones each next try waits twice as long as the last."""
    now = clock.now()
    with engine.connect() as conn:
        row = conn.execute(sa.select(clerks).where(clerks.c.name == name)).first()
    if row is not None and row.locked_until is not None and row.locked_until > now:
        return LoginResult(wait_seconds=max(1, int((row.locked_until - now).total_seconds() + 0.999)))
    # Unknown names cost the same scrypt as known ones, so timing does not tell which names exist.
    ok = check_password(password, row.password_hash if row is not None else DUMMY_PASSWORD_HASH)
    if row is None:
        return LoginResult()
    with writer(engine).begin() as conn:
        if not ok:
            failures = conn.execute(
                sa.update(clerks)
                .where(clerks.c.name == name)
                .values(failed_logins=clerks.c.failed_logins + 1)
                .returning(clerks.c.failed_logins)
            ).scalar_one()
            wait = _wait_after(failures)
            if wait:
                conn.execute(sa.update(clerks).where(clerks.c.name == name).values(locked_until=now + wait))
            return LoginResult(wait_seconds=int(wait.total_seconds()))
        conn.execute(sa.update(clerks).where(clerks.c.name == name).values(failed_logins=0, locked_until=None))
        conn.execute(sa.delete(clerk_sessions).where(clerk_sessions.c.expires_at < now))
        session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        conn.execute(
            sa.insert(clerk_sessions).values(
                id_sha256=_sha256(session_id), clerk=name, csrf=csrf, created_at=now, expires_at=now + SESSION_LIFETIME
            )
        )
    return LoginResult(session_id=session_id, session=Session(name, csrf))


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def session(engine: Engine, session_id: str, now: datetime | None = None) -> Session | None:
    """The live session with this id, else None."""
    now = now or clock.now()
    query = sa.select(clerk_sessions.c.clerk, clerk_sessions.c.csrf).where(
        clerk_sessions.c.id_sha256 == _sha256(session_id), clerk_sessions.c.expires_at > now
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return Session(row.clerk, row.csrf) if row is not None else None


def logout(engine: Engine, session_id: str) -> None:
    """End a session (its cookie stops working at once)."""
    with writer(engine).begin() as conn:
        conn.execute(sa.delete(clerk_sessions).where(clerk_sessions.c.id_sha256 == _sha256(session_id)))
