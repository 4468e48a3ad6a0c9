"""The hub's database: one SQLAlchemy Core schema for SQLite (WAL, foreign keys) and PostgreSQL, and its engine."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

DB_ENV = "KIOSK_HUB_DB"


class UtcDateTime(sa.TypeDecorator):
    """An aware datetime stored as UTC (timestamptz on PostgreSQL, a sortable UTC text on SQLite)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the hub stores only aware datetimes")
        value = value.astimezone(UTC)
        # SQLite keeps text: the same zone for every row keeps comparisons and ordering right.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = sa.MetaData()

terminals = sa.Table(
    "terminals",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("token_sha256", sa.String(64), nullable=False),  # of the secret part; the secret is 256 random bits
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("rotated_at", UtcDateTime, nullable=False),
)

clerks = sa.Table(
    "clerks",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("password_hash", sa.String(400), nullable=False),  # scrypt, with its salt and costs (hub.passwords)
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", UtcDateTime, nullable=True),
)

clerk_sessions = sa.Table(
    "clerk_sessions",
    metadata,
    sa.Column("id_sha256", sa.String(64), primary_key=True),  # the cookie holds the id; a leaked table does not
    sa.Column("clerk", sa.ForeignKey("clerks.name", ondelete="CASCADE"), nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False),
)

submissions = sa.Table(
    "submissions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tracking_no", sa.String(32), nullable=False, unique=True),
    sa.Column("terminal_id", sa.ForeignKey("terminals.id"), nullable=False),
    sa.Column("idempotency_key", sa.String(128), nullable=False),
    sa.Column("body_sha256", sa.String(64), nullable=False),
    sa.Column("item_id", sa.String(64), nullable=False),
    sa.Column("item_code", sa.String(128), nullable=False),
    sa.Column("item_name", sa.String(200), nullable=False),
    sa.Column("promised_days", sa.Integer, nullable=True),
    sa.Column("applicant_hmac", sa.String(64), nullable=False, index=True),  # HMAC-SHA256 of the ID number
    sa.Column("status_code_hmac", sa.String(64), nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),  # the body less its images (kept in submission_images)
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("supplement", sa.JSON, nullable=True),
    sa.Column("mail_no", sa.String(32), nullable=True),
    sa.Column("submitted_at", UtcDateTime, nullable=False),
    sa.Column("received_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False, index=True),
    sa.UniqueConstraint("terminal_id", "idempotency_key", name="submissions_terminal_key"),
)

submission_images = sa.Table(
    "submission_images",
    metadata,
    sa.Column("submission_id", sa.ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("slot", sa.String(32), primary_key=True),  # "material-<n>" or "signature"
    sa.Column("mime", sa.String(32), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

status_history = sa.Table(
    "status_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("submission_id", sa.ForeignKey("submissions.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("note", sa.String(2000), nullable=False, server_default=""),
    sa.Column("actor", sa.String(64), nullable=False),  # "terminal:<id>" or "clerk:<name>"
)

slot_bookings = sa.Table(
    "slot_bookings",
    metadata,
    sa.Column("slot_start", UtcDateTime, primary_key=True),
    sa.Column("booked", sa.Integer, nullable=False),
)

appointments = sa.Table(
    "appointments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("appointment_no", sa.String(32), nullable=False, unique=True),
    sa.Column("terminal_id", sa.ForeignKey("terminals.id"), nullable=False),
    sa.Column("idempotency_key", sa.String(128), nullable=False),
    sa.Column("body_sha256", sa.String(64), nullable=False),
    sa.Column("item_id", sa.String(64), nullable=False),
    sa.Column("item_name", sa.String(200), nullable=False),
    sa.Column("contact_name", sa.String(64), nullable=False),
    sa.Column("phone", sa.String(20), nullable=False),
    sa.Column("address", sa.String(200), nullable=False),
    sa.Column("slot_start", sa.ForeignKey("slot_bookings.slot_start"), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("terminal_id", "idempotency_key", name="appointments_terminal_key"),
)

heartbeats = sa.Table(
    "heartbeats",
    metadata,
    sa.Column("terminal_id", sa.ForeignKey("terminals.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("received_at", UtcDateTime, nullable=False),
    sa.Column("app_version", sa.String(64), nullable=False),
    sa.Column("catalog_version", sa.String(64), nullable=False),
    sa.Column("outbox_depth", sa.Integer, nullable=False),
    sa.Column("devices", sa.JSON, nullable=False),
)

# A terminal's MQTT presence (hub.fleet_mqtt): its retained status, "online" or "offline" (said on a clean stop, or
# the broker's last will for a lost connection). A table of its own rather than columns on heartbeats: presence
# can come before any heartbeat, and create_all adds a missing table to an existing database but never a column.
terminal_presence = sa.Table(
    "terminal_presence",
    metadata,
    sa.Column("terminal_id", sa.ForeignKey("terminals.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("state", sa.String(16), nullable=False),  # "online" | "offline"
    sa.Column("reason", sa.String(16), nullable=False, server_default=""),  # offline: "lost" | "stopped"
    sa.Column("changed_at", UtcDateTime, nullable=False),  # when the hub received it
)


def default_db_url(environ: dict[str, str] | None = None) -> str:
    """$KIOSK_HUB_DB, else SQLite at <kiosk data_dir>/hub.sqlite3."""
    environ = os.environ if environ is None else environ
    if environ.get(DB_ENV):
        return environ[DB_ENV]
    from kiosk.config import load_config

    return sqlite_url(load_config(environ=dict(environ)).data_dir / "hub.sqlite3")


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file."""
    return f"sqlite:///{Path(path).resolve()}"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is switched off so that "begin" below decides how to begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across crashes of the process
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        # A writer takes the write lock at BEGIN: two deferred transactions that both read and then write would
        # otherwise deadlock, and one would fail at once with "database is locked" instead of waiting.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("hub_write") else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for `url` (sqlite:///FILE or postgresql+psycopg://...), with the schema created if missing.

    hide_parameters: a database error's message never carries the row's values (names, ID numbers) into a log.
    """
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        if not path or path == ":memory:":
            raise ValueError("the hub needs an SQLite file (sqlite:///PATH), not an in-memory database")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30}, hide_parameters=True, pool_size=8, max_overflow=16)
        _sqlite_setup(engine)
    else:
        engine = sa.create_engine(url, hide_parameters=True, pool_size=8, max_overflow=16, pool_pre_ping=True)
    create_schema(engine)
    return engine


def create_schema(engine: Engine) -> None:
    """Create the tables that do not exist yet (safe when several processes start at once)."""
    try:
        metadata.create_all(engine)
    except (sa.exc.IntegrityError, sa.exc.ProgrammingError):
        # Another process created the same table between the check and the CREATE (PostgreSQL's catalog race).
        metadata.create_all(engine)


def writer(engine: Engine) -> Engine:
    """The engine for transactions that write (on SQLite they begin IMMEDIATE)."""
    return engine.execution_options(hub_write=True)


def insert_for(conn: Connection, table: sa.Table) -> Any:
    """The dialect's INSERT, which has on_conflict_do_nothing / on_conflict_do_update on both backends."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)
