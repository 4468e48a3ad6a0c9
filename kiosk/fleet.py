"""The terminal's fleet link over MQTT (no Qt): presence, heartbeats and catalog-update nudges.

Topics under the configured prefix (default `kiosk/v1`):
- `<prefix>/terminals/<id>/status`: retained `{"state": "online"|"offline", "terminal_id", "time", ...}`; the
  broker publishes the retained `offline` last will itself when the terminal vanishes without saying goodbye.
- `<prefix>/terminals/<id>/heartbeat`: QoS 1, at connect and every `mqtt.heartbeat_seconds`:
  `{"terminal_id", "app_version", "catalog_version", "devices", "outbox_depth", "uptime_s", "time"}`.
- `<prefix>/fleet/catalog`: retained, QoS 1, published by the admin side (`publish_nudge`):
  `{"version", "published_at"}`; a terminal that connects later still gets the latest one.

Network trouble never reaches the caller: paho's own thread reconnects with backoff, and every failure is kept
in `last_error` and logged once. A heartbeat that looks like it carries personal data is refused, never sent.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import re
import ssl
import stat
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt

from kiosk import __version__
from kiosk.config import MqttConfig
from kiosk.logs import redact

log = logging.getLogger("kiosk.fleet")

TERMINAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")  # hub.keys.TERMINAL_ID_PATTERN: a safe topic level
DEVICE_WORD = re.compile(r"^[a-z][a-z0-9_]{0,31}$")  # device kinds and states, as the hub's Heartbeat model has them
VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+:-]{0,63}$")
HEARTBEAT_FIELDS = ("terminal_id", "app_version", "catalog_version", "devices", "outbox_depth", "uptime_s", "time")
MAX_HEARTBEAT_BYTES = 8192
MAX_NUDGE_BYTES = 1024
QOS = 1


class HeartbeatRefused(ValueError):
    """A heartbeat that breaks the schema or looks like it carries personal data (it is not sent)."""


class FleetError(RuntimeError):
    """The admin side could not publish (publish_nudge)."""


def status_topic(prefix: str, terminal_id: str) -> str:
    """Where a terminal's retained online/offline state lives."""
    return f"{prefix}/terminals/{terminal_id}/status"


def heartbeat_topic(prefix: str, terminal_id: str) -> str:
    """Where a terminal's heartbeats go."""
    return f"{prefix}/terminals/{terminal_id}/heartbeat"


def nudge_topic(prefix: str) -> str:
    """The retained catalog-update nudge every terminal subscribes to."""
    return f"{prefix}/fleet/catalog"


def now_iso() -> str:
    """The current local time, ISO 8601 with its offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _aware_iso(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def looks_personal(value: Any) -> bool:
    """Whether anything in a JSON-able value is shaped like an ID number, credit code or mobile number."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return redact(text) != text  # the log filter's patterns: one definition of "personal" for logs and the wire


def validate_heartbeat(beat: dict[str, Any]) -> dict[str, Any]:
    """The heartbeat if it has exactly the schema's fields, sane values and no personal data; else HeartbeatRefused.

    Messages name the field, never its value (the value may be the personal data being refused).
    """
    if not isinstance(beat, dict):
        raise HeartbeatRefused("a heartbeat is a JSON object")
    unknown = sorted(set(beat) - set(HEARTBEAT_FIELDS))
    if unknown:
        raise HeartbeatRefused(f"unknown heartbeat field(s): {', '.join(k[:32] for k in unknown)}")
    missing = [k for k in HEARTBEAT_FIELDS if k not in beat]
    if missing:
        raise HeartbeatRefused(f"heartbeat lacks {', '.join(missing)}")
    if not isinstance(beat["terminal_id"], str) or not TERMINAL_ID.match(beat["terminal_id"]):
        raise HeartbeatRefused("heartbeat terminal_id is not a terminal ID")
    for key in ("app_version", "catalog_version"):
        if not isinstance(beat[key], str) or len(beat[key]) > 64:
            raise HeartbeatRefused(f"heartbeat {key} must be text of at most 64 characters")
    for key in ("outbox_depth", "uptime_s"):
        value = beat[key]
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10**10:
            raise HeartbeatRefused(f"heartbeat {key} must be a whole number >= 0")
    devices = beat["devices"]
    if not isinstance(devices, dict) or len(devices) > 32:
        raise HeartbeatRefused("heartbeat devices must map at most 32 device kinds to their states")
    for kind, state in devices.items():
        if not (
            isinstance(kind, str) and DEVICE_WORD.match(kind) and isinstance(state, str) and DEVICE_WORD.match(state)
        ):
            raise HeartbeatRefused("heartbeat devices: kinds and states are short lower-case words")
    if not _aware_iso(beat["time"]):
        raise HeartbeatRefused("heartbeat time must be ISO 8601 with an offset")
    if looks_personal(beat):
        raise HeartbeatRefused("heartbeat looks like it carries personal data (an ID, credit code or phone number)")
    if len(json.dumps(beat, ensure_ascii=False).encode()) > MAX_HEARTBEAT_BYTES:
        raise HeartbeatRefused(f"heartbeat over {MAX_HEARTBEAT_BYTES} bytes")
    return beat


def parse_nudge(payload: bytes) -> dict[str, str] | None:
    """`{"version", "published_at"}` from a nudge message, or None for anything else (garbage, oversize, empty)."""
    if not payload or len(payload) > MAX_NUDGE_BYTES:
        return None
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    version, published = data.get("version"), data.get("published_at")
    if not isinstance(version, str) or not VERSION.match(version) or not _aware_iso(published):
        return None
    return {"version": version, "published_at": published}  # only what the schema names goes on


def read_password(path: Path) -> str:
    """The first line of a password file that only its owner can read (mode 0600 or stricter); else OSError."""
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise PermissionError(f"mqtt.password_file {path} is readable by others (chmod 600 it)")
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[0] if lines else ""


def make_client(settings: MqttConfig, client_id: str) -> mqtt.Client:
    """A paho client with TLS and credentials from `settings` (not connected yet); OSError/ValueError if the
    TLS files or the password file cannot be used."""
    client = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=True, protocol=mqtt.MQTTv311
    )
    client.suppress_exceptions = True  # an exception in a callback must not end the network thread
    if settings.tls:
        client.tls_set_context(tls_context(settings))
    set_credentials(client, settings)
    return client


class _ClosingSSLSocket(ssl.SSLSocket):
    """An SSL socket that closes itself when its handshake fails: paho 2.2 drops such a socket unclosed, and a
    terminal retrying against a broker it does not trust would leave one behind per attempt until collected."""

    def do_handshake(self, block: bool = False) -> None:
        try:
            super().do_handshake(block)
        except BaseException:
            self.close()
            raise


def tls_context(settings: MqttConfig) -> ssl.SSLContext:
    """Verify the broker (its certificate and host name) against `ca_file` or the system's CAs; present the
    client certificate for mutual TLS when configured."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # check_hostname and CERT_REQUIRED by default
    if settings.ca_file:
        context.load_verify_locations(cafile=settings.ca_file)
    else:
        context.load_default_certs()
    if settings.cert_file:
        context.load_cert_chain(settings.cert_file, settings.key_file or None)
    context.sslsocket_class = _ClosingSSLSocket
    return context


def set_credentials(client: mqtt.Client, settings: MqttConfig) -> None:
    """Username and the password file's current content (a rotated password is picked up at the next attempt)."""
    if settings.username:
        password = read_password(Path(settings.password_file)) if settings.password_file else None
        client.username_pw_set(settings.username, password)


def _reason(exc: BaseException | None) -> str:
    if exc is None:
        return "connection failed"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate verify failed: {exc.verify_message or exc.reason}"
    return f"{type(exc).__name__}: {exc}"


class FleetLink:
    """One terminal's MQTT link: presence with a last will, periodic heartbeats, catalog nudges to `on_nudge`.

    `heartbeat()` returns the parts only the application knows (`catalog_version`, `devices`, `outbox_depth`,
    optionally `app_version`); the link adds the terminal ID, uptime and time and validates the whole. Both
    callbacks run on the link's worker thread, never on paho's network thread, so a slow one delays no
    keepalive.
    """

    def __init__(
        self,
        settings: MqttConfig,
        terminal_id: str,
        heartbeat: Callable[[], dict[str, Any]],
        on_nudge: Callable[[dict[str, str]], None],
        *,
        reconnect_min: float = 1.0,
        reconnect_max: float = 60.0,
    ):
        if not TERMINAL_ID.match(terminal_id):
            raise ValueError(f"terminal ID {terminal_id!r} cannot name MQTT topics (letters, digits, _ and -)")
        self.settings = settings
        self.terminal_id = terminal_id
        self.heartbeat = heartbeat
        self.on_nudge = on_nudge
        self.reconnect_min, self.reconnect_max = reconnect_min, reconnect_max
        self.client_id = f"kiosk-{terminal_id}"
        self.stats: Counter[str] = Counter()
        self.last_error = ""
        self.last_nudge: dict[str, str] | None = None
        self._started = time.monotonic()
        self._client: mqtt.Client | None = None
        self._connected = threading.Event()
        self._refused = False  # the last CONNACK said no (its disconnect is no news then)
        self._tasks: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._stopping = threading.Event()
        self._worker: threading.Thread | None = None

    # -- topics ---------------------------------------------------------------------------------------------
    @property
    def status_topic(self) -> str:
        """This terminal's status topic."""
        return status_topic(self.settings.topic_prefix, self.terminal_id)

    @property
    def heartbeat_topic(self) -> str:
        """This terminal's heartbeat topic."""
        return heartbeat_topic(self.settings.topic_prefix, self.terminal_id)

    @property
    def connected(self) -> bool:
        """Whether the broker accepted the connection and it is up now."""
        return self._connected.is_set()

    # -- life cycle -----------------------------------------------------------------------------------------
    def start(self) -> None:
        """Connect in the background and keep connected until `stop` (never raises for network trouble)."""
        if self._worker is not None:
            return
        self._worker = threading.Thread(target=self._work, name="fleet-link", daemon=True)
        self._worker.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Say `offline` (retained), disconnect cleanly (no last will then) and stop the threads."""
        self._stopping.set()
        self._tasks.put(("stop", None))
        if self._worker is not None:
            self._worker.join(timeout)
            self._worker = None
        client, self._client = self._client, None
        if client is None:
            return
        try:
            if self._connected.is_set():
                goodbye = {"state": "offline", "terminal_id": self.terminal_id, "reason": "stopped", "time": now_iso()}
                info = client.publish(self.status_topic, json.dumps(goodbye), qos=QOS, retain=True)
                info.wait_for_publish(timeout)
            client.disconnect()
        except (OSError, RuntimeError, ValueError) as exc:
            log.info("fleet link: goodbye not sent: %s", exc)
        finally:
            client.loop_stop()
            self._connected.clear()

    def beat_now(self) -> None:
        """Send a heartbeat as soon as possible (and restart the interval)."""
        self._tasks.put(("beat", None))

    # -- the worker thread: connects, beats, hands nudges over ----------------------------------------------
    def _work(self) -> None:
        interval = max(1, self.settings.heartbeat_seconds)
        next_beat = time.monotonic() + interval
        while not self._stopping.is_set():
            if self._client is None and not self._connect():
                # Unusable TLS or password files: look again later (they may be provisioned after start).
                next_beat = time.monotonic() + min(interval, self.reconnect_max)
            try:
                kind, arg = self._tasks.get(timeout=max(0.0, next_beat - time.monotonic()))
            except queue.Empty:
                kind, arg = "beat", None
            if kind == "stop":
                return
            if kind == "nudge":
                self._hand_over(arg)
            elif kind == "beat":
                next_beat = time.monotonic() + interval
                if self._connected.is_set():
                    self._publish_heartbeat()

    def _connect(self) -> bool:
        try:
            client = make_client(self.settings, self.client_id)
        except (OSError, ValueError, ssl.SSLError) as exc:
            self._note(f"cannot set up the connection: {_reason(exc)}")
            return False
        offline = {"state": "offline", "terminal_id": self.terminal_id, "reason": "lost"}
        client.will_set(self.status_topic, json.dumps(offline), qos=QOS, retain=True)
        client.reconnect_delay_set(self.reconnect_min, self.reconnect_max)  # type: ignore[arg-type]  # floats work
        client.max_queued_messages_set(64)  # heartbeats are not hoarded while the broker is away
        client.on_connect = self._on_connect
        client.on_connect_fail = self._on_connect_fail
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        try:
            client.connect_async(self.settings.host, self.settings.port, keepalive=self.settings.keepalive)
        except ValueError as exc:
            self._note(f"cannot set up the connection: {exc}")
            return False
        client.loop_start()
        self._client = client
        return True

    # -- paho callbacks (network thread: quick, never raise) ------------------------------------------------
    def _on_connect(self, client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any, _props: Any) -> None:
        self.stats["connect_attempts"] += 1
        if reason.is_failure:
            self._connected.clear()
            self.stats["refused"] += 1
            self._refused = True
            self._note(f"refused by the broker: {reason}")
            return
        self.stats["connects"] += 1
        self._connected.set()
        online = {"state": "online", "terminal_id": self.terminal_id, "app_version": __version__, "time": now_iso()}
        client.publish(self.status_topic, json.dumps(online), qos=QOS, retain=True)
        client.subscribe(nudge_topic(self.settings.topic_prefix), qos=QOS)
        self.last_error = ""
        log.info("fleet link: connected to %s:%s", self.settings.host, self.settings.port)
        self._tasks.put(("beat", None))

    def _on_connect_fail(self, client: mqtt.Client, _userdata: Any) -> None:
        # paho calls this inside its `except OSError` block: the exception at hand is the reason.
        self.stats["connect_attempts"] += 1
        self.stats["connect_failures"] += 1
        self._note(f"cannot reach {self.settings.host}:{self.settings.port}: {_reason(sys.exception())}")
        self._refresh_credentials(client)

    def _on_disconnect(self, client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any, _props: Any) -> None:
        was_connected = self._connected.is_set()
        self._connected.clear()
        if was_connected and not self._stopping.is_set():
            self._note(f"connection lost: {reason}")
        elif not was_connected and not self._refused:
            # Closed before any CONNACK: with TLS 1.3 a broker that wants a client certificate says so only here.
            self.stats["connect_failures"] += 1
            self._note(f"the broker closed the connection before accepting it: {reason}")
        self._refused = False
        self._refresh_credentials(client)

    def _refresh_credentials(self, client: mqtt.Client) -> None:
        try:
            set_credentials(client, self.settings)
        except OSError as exc:
            self._note(f"cannot read the MQTT password: {exc}")

    def _on_message(self, _client: mqtt.Client, _userdata: Any, message: mqtt.MQTTMessage) -> None:
        nudge = parse_nudge(message.payload)
        if nudge is None:
            self.stats["nudges_ignored"] += 1
            if message.payload:  # an empty retained message only clears the topic
                log.warning("fleet link: ignored a malformed catalog nudge (%d bytes)", len(message.payload))
            return
        self._tasks.put(("nudge", nudge))

    # -- worker-side work -----------------------------------------------------------------------------------
    def _hand_over(self, nudge: dict[str, str]) -> None:
        if nudge == self.last_nudge:
            return  # the retained nudge again after a reconnect: already handed over
        self.last_nudge = nudge
        self.stats["nudges"] += 1
        try:
            self.on_nudge(dict(nudge))
        except Exception:
            log.exception("fleet link: the catalog nudge handler failed")

    def build_heartbeat(self) -> dict[str, Any]:
        """The next heartbeat: the application's parts plus ID, uptime and time; HeartbeatRefused if invalid."""
        try:
            parts = dict(self.heartbeat())
        except Exception as exc:
            raise HeartbeatRefused(f"the heartbeat source failed: {type(exc).__name__}") from None
        beat = {
            "terminal_id": self.terminal_id,
            "app_version": __version__,
            "outbox_depth": 0,
            "devices": {},
            **parts,
            "uptime_s": int(time.monotonic() - self._started),
            "time": now_iso(),
        }
        return validate_heartbeat(beat)

    def _publish_heartbeat(self) -> None:
        try:
            beat = self.build_heartbeat()
        except HeartbeatRefused as exc:
            self.stats["heartbeats_refused"] += 1
            log.warning("fleet link: heartbeat not sent: %s", exc)
            return
        client = self._client
        if client is None:
            return
        info = client.publish(self.heartbeat_topic, json.dumps(beat, ensure_ascii=False), qos=QOS)
        if info.rc == mqtt.MQTT_ERR_SUCCESS:
            self.stats["heartbeats"] += 1

    def _note(self, error: str) -> None:
        if error != self.last_error:
            log.warning("fleet link: %s", error)
        self.last_error = error


def publish_nudge(
    settings: MqttConfig, version: str, published_at: str | None = None, timeout: float = 10.0
) -> dict[str, str]:
    """Tell every terminal (now and later: retained, QoS 1) that catalog `version` is out; FleetError on failure."""
    nudge = {"version": version, "published_at": published_at or now_iso()}
    if parse_nudge(json.dumps(nudge).encode()) != nudge:
        raise FleetError(f"not a publishable nudge: version {version!r}, published_at {nudge['published_at']!r}")
    try:
        client = make_client(settings, f"kiosk-admin-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    except (OSError, ValueError, ssl.SSLError) as exc:
        raise FleetError(f"cannot set up the MQTT connection: {_reason(exc)}") from None
    accepted = threading.Event()
    refused: list[str] = []

    def on_connect(_c: mqtt.Client, _u: Any, _f: Any, reason: Any, _p: Any) -> None:
        if reason.is_failure:
            refused.append(str(reason))
        accepted.set()

    client.on_connect = on_connect
    try:
        client.connect(settings.host, settings.port, keepalive=settings.keepalive)
    except OSError as exc:
        raise FleetError(f"cannot reach {settings.host}:{settings.port}: {_reason(exc)}") from None
    client.loop_start()
    try:
        if not accepted.wait(timeout) or refused:
            raise FleetError(f"the broker refused the connection: {refused[0] if refused else 'no answer'}")
        info = client.publish(nudge_topic(settings.topic_prefix), json.dumps(nudge), qos=QOS, retain=True)
        try:
            info.wait_for_publish(timeout)
        except (RuntimeError, ValueError) as exc:
            raise FleetError(f"the nudge was not sent: {exc}") from None
        if not info.is_published():
            raise FleetError("the broker did not acknowledge the nudge in time")
    finally:
        client.disconnect()  # also on failure: the network thread then closes the socket before it ends
        client.loop_stop()
    return nudge
