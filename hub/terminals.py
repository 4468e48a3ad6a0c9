"""Terminals: their tokens, their heartbeats and the fleet's view of them."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from hub import clock
from hub.db import heartbeats, insert_for, terminals, writer
from hub.keys import make_terminal_token, split_terminal_token, token_secret_sha256

STALE_AFTER = timedelta(minutes=5)


def add_terminal(engine: Engine, terminal_id: str) -> str:
    """Create a terminal, or give an existing one a new token (the old one stops working); returns the token."""
    token, digest = make_terminal_token(terminal_id)
    at = clock.now()
    with writer(engine).begin() as conn:
        stmt = insert_for(conn, terminals).values(id=terminal_id, token_sha256=digest, created_at=at, rotated_at=at)
        conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={"token_sha256": digest, "rotated_at": at}))
    return token


def authenticate(engine: Engine, authorization: str | None) -> str | None:
    """The terminal ID of a valid `Bearer <terminal_id>.<secret>` header, else None."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return None
    parts = split_terminal_token(token.strip())
    if parts is None:
        return None
    terminal_id, secret = parts
    with engine.connect() as conn:
        stored = conn.execute(sa.select(terminals.c.token_sha256).where(terminals.c.id == terminal_id)).scalar()
    # Compared in constant time, and a made-up hash for unknown IDs so both cases take the same path.
    expected = stored or "0" * 64
    ok = hmac.compare_digest(token_secret_sha256(secret), expected)
    return terminal_id if ok and stored else None


def record_heartbeat(engine: Engine, terminal_id: str, beat: dict[str, Any]) -> None:
    """Keep a terminal's latest heartbeat (one row per terminal)."""
    values = {
        "received_at": clock.now(),
        "app_version": beat["app_version"],
        "catalog_version": beat["catalog_version"],
        "outbox_depth": beat["outbox_depth"],
        "devices": beat["devices"],
    }
    with writer(engine).begin() as conn:
        stmt = insert_for(conn, heartbeats).values(terminal_id=terminal_id, **values)
        conn.execute(stmt.on_conflict_do_update(index_elements=["terminal_id"], set_=values))


@dataclass(frozen=True)
class FleetRow:
    """A terminal as the console lists it."""

    terminal_id: str
    created_at: datetime
    last_seen: datetime | None
    app_version: str
    catalog_version: str
    outbox_depth: int | None
    devices: dict[str, str]
    stale: bool


def fleet(engine: Engine, stale_after: timedelta = STALE_AFTER) -> list[FleetRow]:
    """Every terminal with its last heartbeat; stale when none came within `stale_after`."""
    query = (
        sa.select(terminals.c.id, terminals.c.created_at, heartbeats)
        .select_from(terminals.outerjoin(heartbeats, heartbeats.c.terminal_id == terminals.c.id))
        .order_by(terminals.c.id)
    )
    limit = clock.now() - stale_after
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        FleetRow(
            terminal_id=r["id"],
            created_at=r["created_at"],
            last_seen=r["received_at"],
            app_version=r["app_version"] or "",
            catalog_version=r["catalog_version"] or "",
            outbox_depth=r["outbox_depth"],
            devices=dict(r["devices"] or {}),
            stale=r["received_at"] is None or r["received_at"] < limit,
        )
        for r in rows
    ]
