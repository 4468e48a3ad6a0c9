"""The hub's fleet listener against a real mosquitto and real terminals' links: what it stores, what it drops, the
last will of a killed terminal, `kiosk hub serve --mqtt-*` and the clerk console's fleet page."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from hub.clerks import add_clerk
from hub.db import heartbeats, make_engine, terminal_presence
from hub.fleet_mqtt import FleetListener, fleet_status
from hub.terminals import add_terminal
from kiosk.config import MqttConfig
from kiosk.fleet import FleetLink, heartbeat_topic, publish_nudge, status_topic

REPO = Path(__file__).resolve().parents[2]
ID_NUMBER = "440112199003070025"  # made up (tests/conftest.py's)
TERMINAL_SCRIPT = """
import json, sys, time
from kiosk.config import MqttConfig
from kiosk.fleet import FleetLink
settings = MqttConfig(**json.loads(sys.argv[1]))
parts = {"catalog_version": "2026.11.20", "devices": {"id_card": "ready"}, "outbox_depth": 0}
FleetLink(settings, sys.argv[2], lambda: parts, lambda n: None, reconnect_min=0.1, reconnect_max=0.5).start()
print("started", flush=True)
time.sleep(600)
"""


def wait_until(condition: Callable[[], Any], timeout: float = 10.0, what: str = "condition") -> Any:
    """Poll `condition` until truthy (returned) or fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
    return result


def settings_for(broker, **changes: Any) -> MqttConfig:
    """[mqtt] settings for `broker`'s plain listener, heartbeats every second."""
    return replace(MqttConfig(enabled=True, host=broker.host, port=broker.port, heartbeat_seconds=1), **changes)


@pytest.fixture
def started() -> Iterator[Callable[[Any], Any]]:
    """Starts FleetLinks and FleetListeners and stops them after the test: `started(thing)` returns it."""
    things: list[Any] = []

    def start(thing: Any) -> Any:
        things.append(thing)
        thing.start()
        return thing

    yield start
    for thing in reversed(things):
        thing.stop()


def link(settings: MqttConfig, terminal_id: str, parts: dict[str, Any]) -> FleetLink:
    """A terminal's link reporting `parts`, reconnecting fast."""
    return FleetLink(settings, terminal_id, lambda: dict(parts), lambda _n: None, reconnect_min=0.1, reconnect_max=0.5)


def stored(engine, table: sa.Table, terminal_id: str) -> dict[str, Any] | None:
    """A terminal's row in `table`, if any."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(table).where(table.c.terminal_id == terminal_id)).mappings().first()
    return dict(row) if row else None


def test_listener_stores_heartbeats_and_presence(sqlite_hub, mosquitto, started):
    broker = mosquitto()
    settings = settings_for(broker)
    listener = started(FleetListener(sqlite_hub.engine, settings, reconnect_min=0.1, reconnect_max=0.5))
    terminal_id, _ = sqlite_hub.terminal()
    parts = {"catalog_version": "2026.11.27", "devices": {"printer": "error", "id_card": "ready"}, "outbox_depth": 4}
    started(link(settings, terminal_id, parts))
    beat = wait_until(lambda: stored(sqlite_hub.engine, heartbeats, terminal_id), what="the heartbeat stored")
    assert beat["catalog_version"] == "2026.11.27" and beat["outbox_depth"] == 4
    assert beat["devices"] == parts["devices"] and beat["app_version"]
    assert stored(sqlite_hub.engine, terminal_presence, terminal_id)["state"] == "online"
    (status,) = [s for s in fleet_status(sqlite_hub.engine) if s.terminal_id == terminal_id]
    assert status.state == "online" and status.failing == ("printer",)
    assert listener.connected and listener.stats["heartbeats"] >= 1 and listener.stats["presence"] >= 1


def test_listener_drops_unknown_oversized_and_invalid_messages(sqlite_hub, mosquitto, mqtt_watcher, started):
    broker = mosquitto()
    listener = started(FleetListener(sqlite_hub.engine, settings_for(broker), known_refresh_s=0.0))
    wait_until(lambda: listener.connected, what="the listener")
    known, _ = sqlite_hub.terminal()
    good = {
        "terminal_id": known,
        "app_version": "0.1.0",
        "catalog_version": "2026.11.27",
        "devices": {"printer": "ready"},
        "outbox_depth": 0,
        "uptime_s": 12,
        "time": "2026-11-27T09:00:00+08:00",
    }
    watch = mqtt_watcher(broker)
    beat_topic, state_topic = heartbeat_topic("kiosk/v1", known), status_topic("kiosk/v1", known)
    dropped = [
        (heartbeat_topic("kiosk/v1", "stranger-01"), good | {"terminal_id": "stranger-01"}),  # not enrolled
        (beat_topic, b"{" + b" " * 9000 + b"}"),  # over the size limit
        (beat_topic, b"not json"),
        (beat_topic, good | {"outbox_depth": -1}),
        (beat_topic, good | {"extra": "field"}),
        (beat_topic, good | {"time": "2026-11-27T09:00:00"}),  # no offset
        (beat_topic, good | {"catalog_version": ID_NUMBER}),  # personal data
        (beat_topic, good | {"terminal_id": "someone-else"}),  # speaks for another terminal
        (state_topic, {"state": "sleeping", "terminal_id": known}),
        (state_topic, {"state": "offline", "terminal_id": known, "reason": "call 13800138000"}),
    ]
    for topic, payload in dropped:
        watch.publish(topic, payload if isinstance(payload, bytes) else json.dumps(payload))
    counted = ("unknown_terminal", "oversized", "invalid")
    wait_until(lambda: sum(listener.stats[k] for k in counted) >= len(dropped), what="every message dropped")
    assert listener.stats["unknown_terminal"] == 1 and listener.stats["oversized"] == 1
    assert listener.stats["invalid"] == len(dropped) - 2 and listener.stats["heartbeats"] == 0
    assert stored(sqlite_hub.engine, heartbeats, known) is None
    assert stored(sqlite_hub.engine, terminal_presence, known) is None

    watch.publish(beat_topic, json.dumps(good))  # the valid one after all that garbage is stored
    wait_until(lambda: stored(sqlite_hub.engine, heartbeats, known), what="the good heartbeat")
    assert listener.handle("elsewhere/terminals/x/heartbeat", b"{}") == "ignored_topic"
    assert listener.handle(f"kiosk/v1/terminals/{known}/heartbeat/extra", b"{}") == "ignored_topic"


def test_killed_and_stopped_terminals_on_the_fleet_page(hub, mosquitto, started, console_login, clerk_password):
    broker = mosquitto()
    settings = settings_for(broker)
    started(FleetListener(hub.engine, settings, reconnect_min=0.1, reconnect_max=0.5))
    killed, _ = hub.terminal()
    failing, _ = hub.terminal()
    stopped, _ = hub.terminal()
    silent, _ = hub.terminal()

    process = subprocess.Popen(
        [sys.executable, "-c", TERMINAL_SCRIPT, json.dumps(asdict(settings)), killed],
        cwd=REPO,
        stdout=subprocess.PIPE,
        env={k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")},
    )
    try:
        started(link(settings, failing, {"catalog_version": "2026.11.27", "devices": {"printer": "error"}}))
        goodbye = started(link(settings, stopped, {"catalog_version": "2026.11.27", "devices": {}}))
        for terminal_id in (killed, failing, stopped):
            wait_until(lambda t=terminal_id: stored(hub.engine, heartbeats, t), what=f"{terminal_id}'s heartbeat")
        goodbye.stop()
        process.send_signal(signal.SIGKILL)  # no goodbye: the broker publishes its last will
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        process.stdout.close()
    presence = wait_until(
        lambda: (row := stored(hub.engine, terminal_presence, killed)) and row["state"] == "offline" and row,
        what="the last will",
    )
    assert presence["reason"] == "lost"
    assert stored(hub.engine, terminal_presence, stopped)["reason"] == "stopped"

    add_clerk(hub.engine, "fleet_clerk", clerk_password)
    web, reply = console_login(hub, "fleet_clerk", clerk_password)
    assert reply.status_code == 200
    page = web.get(hub.url + "/clerk/terminals", timeout=30).text

    def row(terminal_id: str) -> str:
        start = page.index(f'id="terminal-{terminal_id}"') - 20
        return page[start : page.index("</tr>", start)]

    assert 'class="offline"' in row(killed) and "离线" in row(killed) and "连接中断" in row(killed)
    assert "2026.11.20" in row(killed)
    assert 'class="offline"' in row(stopped) and "正常关闭" in row(stopped)
    assert 'class="live"' in row(failing) and "在线" in row(failing) and 'class="failing"' in row(failing)
    assert "printer: 故障" in row(failing) and "2026.11.27" in row(failing)
    assert 'class="stale"' in row(silent) and "失联" in row(silent) and "从未" in row(silent)
    assert 'class="failing"' not in row(killed) + row(stopped) + row(silent)
    versions = page[page.index('id="catalog-versions"') : page.index('id="terminals"')]
    assert "2026.11.27" in versions and "2026.11.20" in versions and failing in versions
    assert 'id="fleet-summary"' in page


def test_hub_serve_listens_with_tls_and_a_password(mosquitto, mqtt_watcher, tmp_path: Path, kiosk_env):
    broker = mosquitto(users={"hub": "hub secret", "hp-cli-01": "terminal secret"}, tls=True)
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    engine = make_engine(db)
    add_terminal(engine, "hp-cli-01")
    password = tmp_path / "hub-mqtt-password"
    password.write_text("hub secret\n", encoding="utf-8")
    password.chmod(0o600)
    serve = [sys.executable, "-m", "kiosk", "hub", "serve", "--port", "0", "--db", db, "--mqtt-host", broker.host]
    mqtt_options = [
        "--mqtt-port",
        str(broker.tls_port),
        "--mqtt-tls",
        "--mqtt-ca-file",
        str(broker.pki.ca_file),
        "--mqtt-username",
        "hub",
        "--mqtt-password-file",
        str(password),
    ]
    bad = subprocess.run(
        [*serve, *mqtt_options, "--mqtt-cert-file", "/x.pem"], env=kiosk_env, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "mqtt.cert_file and mqtt.key_file" in bad.stderr

    process = subprocess.Popen(
        [*serve, *mqtt_options], env=kiosk_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().startswith("kiosk hub listening on http://127.0.0.1:")
        terminal_password = tmp_path / "terminal-password"
        terminal_password.write_text("terminal secret\n", encoding="utf-8")
        terminal_password.chmod(0o600)
        settings = settings_for(
            broker,
            port=broker.tls_port,
            tls=True,
            ca_file=str(broker.pki.ca_file),
            username="hp-cli-01",
            password_file=str(terminal_password),
        )
        terminal = link(settings, "hp-cli-01", {"catalog_version": "2026.11.29", "devices": {}})
        terminal.start()
        try:
            beat = wait_until(lambda: stored(engine, heartbeats, "hp-cli-01"), what="the hub storing a heartbeat")
        finally:
            terminal.stop()
        assert beat["catalog_version"] == "2026.11.29"
        publish_nudge(settings, "2026.11.30")  # the admin side on the same broker, same credentials
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=20)
        engine.dispose()
    assert process.returncode == 0, err
    assert f"listening to the fleet at mqtts://127.0.0.1:{broker.tls_port}/kiosk/v1" in err
