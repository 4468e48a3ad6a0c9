"""The terminal's MQTT fleet link against a real mosquitto on 127.0.0.1: presence, heartbeats, nudges, auth, TLS."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import ConfigError, MqttConfig, load_config
from kiosk.fleet import (
    HEARTBEAT_FIELDS,
    FleetError,
    FleetLink,
    HeartbeatRefused,
    heartbeat_topic,
    looks_personal,
    nudge_topic,
    parse_nudge,
    publish_nudge,
    read_password,
    status_topic,
    validate_heartbeat,
)

ID_NUMBER = "440112199003070025"  # made up (tests/conftest.py's)
PARTS = {"catalog_version": "2026.11.26", "devices": {"id_card": "ready", "printer": "error"}, "outbox_depth": 2}


def wait_until(condition: Callable[[], bool], timeout: float = 10.0, what: str = "condition") -> None:
    """Poll `condition` until true or fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


@pytest.fixture(autouse=True)
def thread_errors() -> Iterator[list[BaseException]]:
    """Fails the test if any thread (paho's, the link's) died of an exception: the link never raises."""
    errors: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    yield errors
    threading.excepthook = previous
    assert errors == []


@pytest.fixture
def links() -> Iterator[Callable[..., FleetLink]]:
    """A factory of started FleetLinks with fast reconnects, stopped after the test."""
    made: list[FleetLink] = []

    def make(settings: MqttConfig, terminal_id: str = "hp-t-01", parts: dict[str, Any] | None = None, nudges=None):
        link = FleetLink(
            settings,
            terminal_id,
            lambda: dict(parts if parts is not None else PARTS),
            (nudges.append if nudges is not None else lambda _n: None),
            reconnect_min=0.1,
            reconnect_max=0.5,
        )
        made.append(link)
        link.start()
        return link

    yield make
    for link in made:
        link.stop()


def settings_for(broker, **changes: Any) -> MqttConfig:
    """The [mqtt] settings of a terminal talking to `broker` (heartbeats every second)."""
    return replace(MqttConfig(enabled=True, host=broker.host, port=broker.port, heartbeat_seconds=1), **changes)


def password_file(tmp_path: Path, password: str, mode: int = 0o600) -> Path:
    """A password file as a deployment writes it."""
    path = tmp_path / "mqtt-password"
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def test_heartbeat_and_presence_arrive(mosquitto, mqtt_watcher, links):
    broker = mosquitto()
    watch = mqtt_watcher(broker)
    link = links(settings_for(broker))
    online = watch.wait_for(status_topic("kiosk/v1", "hp-t-01"), lambda p: p["state"] == "online")
    assert online["terminal_id"] == "hp-t-01" and online["time"]
    first = watch.wait_for(heartbeat_topic("kiosk/v1", "hp-t-01"))
    assert tuple(sorted(first)) == tuple(sorted(HEARTBEAT_FIELDS))
    assert first["terminal_id"] == "hp-t-01" and first["catalog_version"] == "2026.11.26"
    assert first["devices"] == PARTS["devices"] and first["outbox_depth"] == 2 and first["uptime_s"] >= 0
    assert first["app_version"] and first["time"][-6] in "+-"
    assert not looks_personal(first)
    watch.wait_for(heartbeat_topic("kiosk/v1", "hp-t-01"), lambda p: p is not first and p["time"] != first["time"])
    # The broker can hand the beat on before publish() has returned to count it.
    wait_until(lambda: link.stats["heartbeats"] >= 2, what="the second heartbeat counted")
    assert link.connected and link.client_id == "kiosk-hp-t-01"


def test_stop_says_offline_and_leaves_no_last_will(mosquitto, mqtt_watcher, links):
    broker = mosquitto()
    link = links(settings_for(broker, topic_prefix="district/hp"))
    wait_until(lambda: link.connected, what="connect")
    link.stop()
    late = mqtt_watcher(broker)  # joins afterwards: sees the retained state
    state = late.wait_for(status_topic("district/hp", "hp-t-01"))
    assert state["state"] == "offline" and state["reason"] == "stopped"
    time.sleep(0.2)
    assert [p["reason"] for p in late.on(status_topic("district/hp", "hp-t-01"))] == ["stopped"]


def test_heartbeat_with_personal_data_is_refused(mosquitto, mqtt_watcher, links, caplog):
    base = {
        "terminal_id": "hp-t-01",
        "app_version": "0.1.0",
        "uptime_s": 5,
        "time": "2026-11-26T14:05:00+08:00",
        **PARTS,
    }
    assert validate_heartbeat(dict(base)) == base
    for bad in (
        {**base, "catalog_version": ID_NUMBER},
        {**base, "app_version": "call 13800138000"},
        {**base, "id_number": ID_NUMBER},  # not in the schema at all
        {**base, "devices": {"printer": ID_NUMBER}},
        {**base, "outbox_depth": -1},
        {**base, "time": "yesterday"},
    ):
        with pytest.raises(HeartbeatRefused) as refused:
            validate_heartbeat(bad)
        assert ID_NUMBER not in str(refused.value) and "13800138000" not in str(refused.value)

    broker = mosquitto()
    watch = mqtt_watcher(broker)
    caplog.set_level(logging.WARNING, logger="kiosk.fleet")
    link = links(settings_for(broker), "hp-t-02", {**PARTS, "catalog_version": ID_NUMBER})
    watch.wait_for(status_topic("kiosk/v1", "hp-t-02"), lambda p: p["state"] == "online")
    wait_until(lambda: link.stats["heartbeats_refused"] >= 2, what="two refused heartbeats")
    assert watch.on(heartbeat_topic("kiosk/v1", "hp-t-02")) == [] and link.connected
    assert "personal data" in caplog.text and ID_NUMBER not in caplog.text
    assert all(ID_NUMBER.encode() not in payload for _t, payload, _r in watch.messages)


def test_nudges_retained_new_and_garbage(mosquitto, mqtt_watcher, links, caplog):
    broker = mosquitto()
    settings = settings_for(broker)
    before = publish_nudge(settings, "2026.11.27", "2026-11-27T09:00:00+08:00")
    assert before == {"version": "2026.11.27", "published_at": "2026-11-27T09:00:00+08:00"}
    nudges: list[dict[str, str]] = []
    link = links(settings, nudges=nudges)
    wait_until(lambda: nudges == [before], what="the retained nudge")  # published before the terminal connected

    caplog.set_level(logging.WARNING, logger="kiosk.fleet")
    watch = mqtt_watcher(broker)
    topic = nudge_topic("kiosk/v1")
    garbage = [
        b"not json",
        b"\xff\xfe",
        b"[1, 2]",
        b'{"version": 5, "published_at": "2026-11-27T09:00:00+08:00"}',
        b'{"version": "2026.11.28"}',
        b'{"version": "x/../../etc", "published_at": "2026-11-27T09:00:00+08:00"}',
        b'{"version": "2026.11.28", "published_at": "2026-11-27T09:00:00"}',  # no offset
        b"{" + b" " * 5000 + b"}",
    ]
    for payload in garbage:
        watch.publish(topic, payload)
    wait_until(lambda: link.stats["nudges_ignored"] >= len(garbage), what="garbage ignored")
    assert link.connected and nudges == [before] and "malformed catalog nudge" in caplog.text

    newer = publish_nudge(settings, "2026.11.28")
    wait_until(lambda: len(nudges) == 2, what="the new nudge")
    assert nudges[1] == newer and parse_nudge(b'{"version": "v1", "published_at": "2026-11-27T09:00:00Z"}')
    with pytest.raises(FleetError):
        publish_nudge(settings, "no spaces allowed")


def test_nudge_handler_failure_is_contained(mosquitto, links):
    broker = mosquitto()
    settings = settings_for(broker)
    calls: list[dict[str, str]] = []

    class Exploding(list):
        def append(self, item: Any) -> None:
            calls.append(item)
            raise RuntimeError("updater broke")

    publish_nudge(settings, "2026.12.01")
    link = links(settings, nudges=Exploding())
    wait_until(lambda: len(calls) == 1, what="the nudge")
    publish_nudge(settings, "2026.12.02")
    wait_until(lambda: len(calls) == 2, what="the second nudge")
    assert link.connected


def test_password_is_required_and_rotation_is_picked_up(mosquitto, mqtt_watcher, links, tmp_path):
    broker = mosquitto(users={"hp-t-03": "right horse", "hub": "hub pass"})
    watch = mqtt_watcher(broker, "hub", "hub pass")
    secret = password_file(tmp_path, "wrong horse")
    link = links(settings_for(broker, username="hp-t-03", password_file=str(secret)), "hp-t-03")
    wait_until(lambda: link.stats["refused"] >= 3, what="three refused attempts")
    assert not link.connected and "not authorized" in link.last_error.lower()
    assert link._worker is not None and link._worker.is_alive()  # still trying, nothing raised
    assert watch.on(heartbeat_topic("kiosk/v1", "hp-t-03")) == []

    secret.write_text("right horse\n", encoding="utf-8")  # the password is re-read before each attempt
    watch.wait_for(heartbeat_topic("kiosk/v1", "hp-t-03"))
    assert link.connected and link.last_error == ""

    with pytest.raises(PermissionError, match="chmod 600"):
        read_password(password_file(tmp_path, "right horse", 0o644))


def test_tls_with_the_test_ca_and_a_wrong_ca(mosquitto, mqtt_watcher, links):
    broker = mosquitto(tls=True)
    pki = broker.pki
    watch = mqtt_watcher(broker)
    good = links(settings_for(broker, port=broker.tls_port, tls=True, ca_file=str(pki.ca_file)), "hp-t-04")
    watch.wait_for(heartbeat_topic("kiosk/v1", "hp-t-04"))
    assert good.connected

    bad = links(settings_for(broker, port=broker.tls_port, tls=True, ca_file=str(pki.other_ca_file)), "hp-t-05")
    wait_until(lambda: bad.stats["connect_failures"] >= 2, what="failed TLS handshakes")
    assert not bad.connected and "certificate verify failed" in bad.last_error
    missing = links(settings_for(broker, port=broker.tls_port, tls=True, ca_file="/nonexistent/ca.pem"), "hp-t-06")
    wait_until(lambda: "cannot set up" in missing.last_error, what="the missing CA reported")
    assert watch.on(heartbeat_topic("kiosk/v1", "hp-t-05")) == watch.on(heartbeat_topic("kiosk/v1", "hp-t-06")) == []


def test_mutual_tls(mosquitto, mqtt_watcher, links):
    broker = mosquitto(tls=True, require_certificate=True)
    pki = broker.pki
    watch = mqtt_watcher(broker)  # the plain listener
    tls = settings_for(broker, port=broker.tls_port, tls=True, ca_file=str(pki.ca_file))
    with_cert = links(replace(tls, cert_file=str(pki.client_cert), key_file=str(pki.client_key)), "hp-t-07")
    without = links(tls, "hp-t-08")
    watch.wait_for(heartbeat_topic("kiosk/v1", "hp-t-07"))
    wait_until(lambda: without.stats["connect_failures"] + without.stats["refused"] >= 2, what="refusals")
    assert with_cert.connected and not without.connected
    assert "closed the connection" in without.last_error or "TLS" in without.last_error, without.last_error


def test_broker_restart_reconnects_and_heartbeats_resume(mosquitto, mqtt_watcher, links):
    broker = mosquitto()
    link = links(settings_for(broker), "hp-t-09")
    wait_until(lambda: link.stats["heartbeats"] >= 1, what="a heartbeat")
    broker.stop()
    wait_until(lambda: not link.connected, what="the link noticing")
    time.sleep(0.5)  # a few failed attempts while the broker is away
    broker.start()
    watch = mqtt_watcher(broker)
    watch.wait_for(heartbeat_topic("kiosk/v1", "hp-t-09"))
    state = watch.wait_for(status_topic("kiosk/v1", "hp-t-09"))  # retained again after the restart
    assert state["state"] == "online" and link.stats["connects"] == 2 and link.connected


def test_unreachable_broker_and_bad_terminal_id():
    dead = MqttConfig(enabled=True, host="127.0.0.1", port=1)
    with pytest.raises(FleetError, match="cannot reach"):
        publish_nudge(dead, "2026.11.28", timeout=2)
    with pytest.raises(ValueError, match="MQTT topics"):
        FleetLink(dead, "hp/+/#", dict, print)
    link = FleetLink(dead, "hp-t-10", dict, print, reconnect_min=0.1, reconnect_max=0.2)
    link.start()
    wait_until(lambda: link.stats["connect_failures"] >= 2, what="retries")
    assert "cannot reach" in link.last_error
    started = time.monotonic()
    link.stop()
    assert time.monotonic() - started < 3


def test_mqtt_config_section(tmp_path):
    config = load_config(environ={})
    assert config.mqtt == MqttConfig()
    assert not config.mqtt.enabled and config.mqtt.port == 1883 and config.mqtt.heartbeat_seconds == 60
    assert config.as_dict()["mqtt"]["topic_prefix"] == "kiosk/v1"
    toml = tmp_path / "kiosk.toml"
    toml.write_text(
        '[mqtt]\nenabled = true\nhost = "mqtt.example.org"\nport = 8883\ntls = true\nca_file = "/etc/kiosk/ca.pem"\n'
        'username = "hp-01"\npassword_file = "/etc/kiosk/mqtt-password"\nheartbeat_seconds = 30\n',
        encoding="utf-8",
    )
    config = load_config(toml, environ={"KIOSK_MQTT_KEEPALIVE": "45"})
    assert config.mqtt.enabled and config.mqtt.host == "mqtt.example.org" and config.mqtt.port == 8883
    assert config.mqtt.tls and config.mqtt.keepalive == 45 and config.mqtt.heartbeat_seconds == 30
    for environ, message in (
        ({"KIOSK_MQTT_HEARTBEAT_SECONDS": "4"}, "mqtt.heartbeat_seconds must be between 5 and 3600"),
        ({"KIOSK_MQTT_PORT": "70000"}, "mqtt.port must be between 1 and 65535"),
        ({"KIOSK_MQTT_TLS": "maybe"}, "mqtt.tls must be bool"),
        ({"KIOSK_MQTT_TOPIC_PREFIX": "kiosk/#"}, "mqtt.topic_prefix"),
        ({"KIOSK_MQTT_TOPIC_PREFIX": "/kiosk"}, "mqtt.topic_prefix"),
        ({"KIOSK_MQTT_TLS": "true", "KIOSK_MQTT_CERT_FILE": "/c.pem"}, "mqtt.cert_file and mqtt.key_file"),
        ({"KIOSK_MQTT_CA_FILE": "/ca.pem"}, "mqtt.tls is false"),
        ({"KIOSK_MQTT_PASSWORD_FILE": "/p"}, "needs mqtt.username"),
        ({"KIOSK_MQTT_ENABLED": "true", "KIOSK_MQTT_HOST": " "}, "mqtt.host"),
        ({"KIOSK_MQTT_COLOUR": "red"}, "unknown key mqtt.colour"),
    ):
        with pytest.raises(ConfigError, match=message.replace(".", r"\.")):
            load_config(environ=environ)
