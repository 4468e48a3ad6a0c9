"""The hub's side of the fleet link: a paho client in a thread that listens to the terminals' heartbeats and
presence over MQTT (kiosk.fleet publishes them) and stores them beside the HTTP heartbeats; and the fleet view
the clerk console shows (catalog version, online / offline / stale, failing devices).

Nothing a message says is trusted: a payload over the size limit, off the schema, shaped like personal data, or
from a terminal ID the hub has not enrolled is dropped and counted, never stored. Which terminal may publish on
which topic is the broker's business (an ACL such as `pattern write kiosk/v1/terminals/%u/#`).
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

import paho.mqtt.client as mqtt
import sqlalchemy as sa
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy.engine import Engine

from hub import clock
from hub.db import insert_for, terminal_presence, terminals, writer
from hub.keys import TERMINAL_ID_PATTERN
from hub.models import Heartbeat
from hub.terminals import STALE_AFTER, FleetRow, fleet, record_heartbeat
from kiosk.config import MqttConfig
from kiosk.fleet import looks_personal, make_client, set_credentials

log = logging.getLogger("hub.fleet_mqtt")

MAX_PAYLOAD_BYTES = 8192  # kiosk.fleet.MAX_HEARTBEAT_BYTES; anything bigger is not one of ours
FAILING_STATES = frozenset({"error", "disconnected"})
TerminalId = Annotated[str, StringConstraints(pattern=TERMINAL_ID_PATTERN)]


class MqttHeartbeat(Heartbeat):
    """A heartbeat as kiosk.fleet sends it: the HTTP heartbeat's fields plus who, how long up, and when."""

    terminal_id: TerminalId
    uptime_s: Annotated[int, Field(ge=0, le=10**10)]
    time: AwareDatetime


class Presence(BaseModel):
    """A terminal's retained status message (its own `online` / `offline`, or the broker's last will)."""

    model_config = ConfigDict(extra="ignore")  # e.g. app_version: allowed, not kept

    state: Literal["online", "offline"]
    terminal_id: TerminalId
    reason: Literal["lost", "stopped"] | None = None
    time: AwareDatetime | None = None


def record_presence(engine: Engine, terminal_id: str, state: str, reason: str = "") -> None:
    """Keep a terminal's latest MQTT presence (one row per terminal)."""
    values = {"state": state, "reason": reason, "changed_at": clock.now()}
    with writer(engine).begin() as conn:
        stmt = insert_for(conn, terminal_presence).values(terminal_id=terminal_id, **values)
        conn.execute(stmt.on_conflict_do_update(index_elements=["terminal_id"], set_=values))


class FleetListener:
    """Subscribes to `<prefix>/terminals/+/heartbeat` and `.../status` and stores what passes the checks.

    Messages are handled on paho's network thread: each is one short database write, and a per-terminal rate
    of one a minute keeps that far from the keepalive's budget.
    """

    def __init__(
        self,
        engine: Engine,
        settings: MqttConfig,
        *,
        reconnect_min: float = 1.0,
        reconnect_max: float = 60.0,
        known_refresh_s: float = 5.0,
    ):
        self.engine = engine
        self.settings = settings
        self.prefix = settings.topic_prefix
        self.reconnect_min, self.reconnect_max = reconnect_min, reconnect_max
        self.known_refresh_s = known_refresh_s
        self.client_id = f"kiosk-hub-{uuid.uuid4().hex[:12]}"  # several hubs may listen at once
        self.stats: Counter[str] = Counter()
        self.last_error = ""
        self._connected = threading.Event()
        self._client: mqtt.Client | None = None
        self._known: frozenset[str] = frozenset()
        self._known_at = float("-inf")
        self._unknown_logged: set[str] = set()

    @property
    def connected(self) -> bool:
        """Whether the listener is connected and subscribed."""
        return self._connected.is_set()

    @property
    def subscriptions(self) -> tuple[str, str]:
        """The two topic filters listened to."""
        return f"{self.prefix}/terminals/+/heartbeat", f"{self.prefix}/terminals/+/status"

    def start(self) -> None:
        """Connect in the background (paho's thread; reconnects with backoff); errors only go to the log."""
        if self._client is not None:
            return
        client = make_client(self.settings, self.client_id)  # unusable TLS files: the hub's start fails, clearly
        client.reconnect_delay_set(self.reconnect_min, self.reconnect_max)  # type: ignore[arg-type]  # floats work
        client.on_connect = self._on_connect
        client.on_connect_fail = self._on_connect_fail
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        client.connect_async(self.settings.host, self.settings.port, keepalive=self.settings.keepalive)
        client.loop_start()
        self._client = client

    def stop(self) -> None:
        """Disconnect and stop the thread."""
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            client.loop_stop()
        self._connected.clear()

    # -- paho callbacks (never raise: suppress_exceptions is on, and each one catches its own) --------------
    def _on_connect(self, client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any, _props: Any) -> None:
        if reason.is_failure:
            self._note(f"refused by the broker: {reason}")
            return
        # Subscribing again at every connect: a clean session forgets subscriptions, and the retained status of
        # every terminal comes again, so presence missed while the hub was away is caught up.
        client.subscribe([(topic, 1) for topic in self.subscriptions])
        self._connected.set()
        self.last_error = ""
        log.info("fleet listener: connected to %s:%s", self.settings.host, self.settings.port)

    def _on_connect_fail(self, client: mqtt.Client, _userdata: Any) -> None:
        self._note(f"cannot reach {self.settings.host}:{self.settings.port}")
        self._refresh_credentials(client)

    def _on_disconnect(self, client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any, _props: Any) -> None:
        if self._connected.is_set():
            self._note(f"connection lost: {reason}")
        self._connected.clear()
        self._refresh_credentials(client)

    def _refresh_credentials(self, client: mqtt.Client) -> None:
        try:
            set_credentials(client, self.settings)
        except OSError as exc:
            self._note(f"cannot read the MQTT password: {exc}")

    def _on_message(self, _client: mqtt.Client, _userdata: Any, message: mqtt.MQTTMessage) -> None:
        try:
            self.handle(message.topic, message.payload)
        except Exception:  # a bug here must not end the listener
            self.stats["errors"] += 1
            log.exception("fleet listener: a message could not be handled")

    # -- one message ------------------------------------------------------------------------------------------
    def handle(self, topic: str, payload: bytes) -> str:
        """Check and store one message; returns what became of it (a `stats` key)."""
        outcome = self._handle(topic, payload)
        self.stats[outcome] += 1
        return outcome

    def _handle(self, topic: str, payload: bytes) -> str:
        levels = topic[len(self.prefix) + 1 :].split("/") if topic.startswith(self.prefix + "/") else []
        if len(levels) != 3 or levels[0] != "terminals" or levels[2] not in ("heartbeat", "status"):
            return "ignored_topic"
        terminal_id, kind = levels[1], levels[2]
        if len(payload) > MAX_PAYLOAD_BYTES:
            return "oversized"
        if not payload:
            return "empty"  # a cleared retained status
        if not self._is_known(terminal_id):
            if terminal_id not in self._unknown_logged and len(self._unknown_logged) < 1000:
                self._unknown_logged.add(terminal_id)
                log.warning("fleet listener: ignoring messages from unknown terminal %r", terminal_id[:64])
            return "unknown_terminal"
        try:
            data = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return self._invalid(terminal_id, kind, "not JSON")
        if looks_personal(data):
            return self._invalid(terminal_id, kind, "shaped like personal data")
        try:
            if kind == "heartbeat":
                beat = MqttHeartbeat.model_validate(data)
            else:
                presence = Presence.model_validate(data)
        except ValidationError as exc:
            fields = ", ".join(sorted({".".join(map(str, e["loc"])) or "(body)" for e in exc.errors()}))[:200]
            return self._invalid(terminal_id, kind, f"off the schema at {fields}")
        if (beat.terminal_id if kind == "heartbeat" else presence.terminal_id) != terminal_id:
            return self._invalid(terminal_id, kind, "names another terminal than its topic")
        try:
            if kind == "heartbeat":
                record_heartbeat(self.engine, terminal_id, beat.model_dump(include=set(Heartbeat.model_fields)))
                return "heartbeats"
            record_presence(self.engine, terminal_id, presence.state, presence.reason or "")
            return "presence"
        except sa.exc.SQLAlchemyError as exc:
            log.error("fleet listener: storing a %s of %s failed: %s", kind, terminal_id, type(exc).__name__)
            return "db_errors"

    def _invalid(self, terminal_id: str, kind: str, why: str) -> str:
        log.warning("fleet listener: dropped a %s of %s: %s", kind, terminal_id, why)  # never the payload
        return "invalid"

    def _is_known(self, terminal_id: str) -> bool:
        # Enrolled terminals, re-read at most every known_refresh_s: a terminal added a moment ago is heard soon,
        # and a flood of made-up IDs costs one query per interval, not one per message.
        if time.monotonic() - self._known_at > self.known_refresh_s:
            with self.engine.connect() as conn:
                self._known = frozenset(conn.execute(sa.select(terminals.c.id)).scalars())
            self._known_at = time.monotonic()
        return terminal_id in self._known

    def _note(self, error: str) -> None:
        if error != self.last_error:
            log.warning("fleet listener: %s", error)
        self.last_error = error


# -- the fleet as the console shows it --------------------------------------------------------------------------
@dataclass(frozen=True)
class FleetStatus:
    """A terminal with its last heartbeat, its MQTT presence and what the console makes of them."""

    row: FleetRow
    state: str  # "online" | "offline" (said so, or the broker's last will) | "stale" (no recent heartbeat)
    reason: str  # offline: "lost" | "stopped"
    since: datetime | None  # offline: when the hub heard it
    failing: tuple[str, ...]  # device kinds in error or disconnected

    @property
    def terminal_id(self) -> str:
        """The terminal's ID."""
        return self.row.terminal_id


def fleet_status(engine: Engine, stale_after: timedelta = STALE_AFTER) -> list[FleetStatus]:
    """Every terminal: offline if its presence says so and no heartbeat came since; else stale if silent."""
    with engine.connect() as conn:
        presence = {r.terminal_id: r for r in conn.execute(sa.select(terminal_presence))}
    out = []
    for row in fleet(engine, stale_after):
        seen = presence.get(row.terminal_id)
        offline = seen is not None and seen.state == "offline"
        if offline and row.last_seen is not None and row.last_seen > seen.changed_at:
            offline = False  # heartbeats (e.g. over HTTP) came after the MQTT link dropped: the terminal is up
        state = "offline" if offline else "stale" if row.stale else "online"
        failing = () if row.last_seen is None else tuple(k for k, v in row.devices.items() if v in FAILING_STATES)
        out.append(
            FleetStatus(row, state, seen.reason if offline else "", seen.changed_at if offline else None, failing)
        )
    return out


def catalog_versions(statuses: list[FleetStatus]) -> list[tuple[str, list[str]]]:
    """Which terminals report which catalog version, the most common first ("" for none reported yet)."""
    groups: dict[str, list[str]] = {}
    for status in statuses:
        groups.setdefault(status.row.catalog_version, []).append(status.terminal_id)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
