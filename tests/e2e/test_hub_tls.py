"""Personal data leaves the terminal only over TLS: the real hub served over https (`kiosk hub serve --tls-cert
--tls-key`), the terminal's delivery trusting the deployment's CA (hub.ca_file), and what happens when the
certificate is not one it trusts (nothing sent, the submission kept, a plain reason for the technician)."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

import pytest
import requests

from kiosk.audit import AuditLog
from kiosk.config import ConfigError, load_config
from kiosk.delivery import Delivery
from kiosk.diagnostics import hub_reachability
from kiosk.hub_client import HubClient, HubError, read_token
from kiosk.outbox import Outbox
from tests.conftest import HubProcess


@pytest.fixture(scope="module")
def tls_hub(tmp_path_factory: pytest.TempPathFactory, mqtt_pki, bundle_path: Path):
    """The real hub as a subprocess, serving https:// with the test CA's certificate for 127.0.0.1."""
    hub = HubProcess(tmp_path_factory.mktemp("tls-hub"), bundle_path, pki=mqtt_pki)
    yield hub
    hub.stop()


def test_the_hub_speaks_tls_only(tls_hub: HubProcess, mqtt_pki) -> None:
    assert tls_hub.url.startswith("https://")
    with socket.create_connection(("127.0.0.1", tls_hub.port), timeout=5) as raw:
        context = ssl.create_default_context(cafile=str(mqtt_pki.ca_file))
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            assert tls.version() in ("TLSv1.2", "TLSv1.3")
            assert tls.getpeercert()["subject"][0][0][1] == "127.0.0.1"
    with pytest.raises(requests.RequestException):  # plain http to the TLS port gets no answer
        requests.get(f"http://127.0.0.1:{tls_hub.port}/api/v1/health", timeout=5)


def test_delivery_over_https_with_the_deployments_ca(tls_hub: HubProcess, mqtt_pki, make_submission, tmp_path) -> None:
    client = HubClient(tls_hub.url, token_path=tls_hub.token_file, ca_file=str(mqtt_pki.ca_file))
    with Outbox(tmp_path / "outbox.sqlite3") as outbox:
        body = make_submission()
        outbox.put("submission", body)
        delivery = Delivery(outbox, lambda: client, AuditLog(tmp_path / "audit.jsonl"))
        assert delivery.run_once() == 1
        assert outbox.depth() == 0
    status = client.status(body["tracking_no"], body["status_code"])
    assert status["tracking_no"] == body["tracking_no"]


def test_an_untrusted_certificate_sends_nothing_and_keeps_the_submission(
    tls_hub: HubProcess, mqtt_pki, make_submission, tmp_path
) -> None:
    impostor = HubClient(tls_hub.url, read_token(tls_hub.token_file), ca_file=str(mqtt_pki.other_ca_file))
    system_cas = HubClient(tls_hub.url, read_token(tls_hub.token_file))  # the test CA is in no system store
    for client in (impostor, system_cas):
        with pytest.raises(HubError, match="certificate is not trusted") as caught:
            client.health()
        assert caught.value.retryable  # a certificate put right on the hub needs no restart here
    with Outbox(tmp_path / "outbox.sqlite3") as outbox:
        outbox.put("submission", make_submission())
        delivery = Delivery(outbox, lambda: impostor, AuditLog(tmp_path / "audit.jsonl"))
        assert delivery.run_once() == 0
        assert outbox.depth() == 1
        assert "certificate is not trusted" in outbox.stats()["last_error"]
    found = hub_reachability(tls_hub.url, ca_file=str(mqtt_pki.other_ca_file))
    assert not found["reachable"] and "certificate" in found["detail"]
    assert hub_reachability(tls_hub.url, ca_file=str(mqtt_pki.ca_file))["reachable"]


def _config(tmp_path: Path, text: str):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, environ={})


def test_plain_http_is_refused_for_a_hub_on_another_machine(tmp_path: Path, mqtt_pki) -> None:
    with pytest.raises(ConfigError, match="must be https:// for a hub on another machine"):
        _config(tmp_path, '[hub]\nurl = "http://hub.huangpu.example:8700"\n')
    with pytest.raises(ConfigError, match="must be https://"):
        _config(tmp_path, '[hub]\nurl = "http://10.20.0.5:8700"\n')
    for local in ("http://127.0.0.1:8700", "http://localhost:8700", "http://[::1]:8700"):
        assert _config(tmp_path, f'[hub]\nurl = "{local}"\n').hub.url == local
    remote = _config(tmp_path, f'[hub]\nurl = "https://hub.huangpu.example"\nca_file = "{mqtt_pki.ca_file}"\n')
    assert HubClient.from_config(remote).verify == str(mqtt_pki.ca_file)
    with pytest.raises(ConfigError, match=r"hub\.ca_file"):
        _config(tmp_path, '[hub]\nurl = "https://hub.huangpu.example"\nca_file = "/nonexistent/ca.pem"\n')


def test_a_remote_broker_needs_tls(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"mqtt\.tls must be true"):
        _config(tmp_path, '[mqtt]\nenabled = true\nhost = "mqtt.huangpu.example"\n')
    assert _config(tmp_path, '[mqtt]\nenabled = true\nhost = "mqtt.huangpu.example"\ntls = true\n').mqtt.tls
    assert not _config(tmp_path, '[mqtt]\nenabled = true\nhost = "127.0.0.1"\n').mqtt.tls


def _join_queue(hub: HubProcess, ca_file: str) -> tuple[str, list[dict]]:
    """A terminal's consult link to the TLS hub joins the queue: why the link ended, and what it heard."""
    import asyncio

    from kiosk.consult.signalling import Signalling

    async def run() -> tuple[str, list[dict]]:
        got: list[dict] = []
        signalling = Signalling(hub.url, read_token(hub.token_file), got.append, ca_file=ca_file)
        link = asyncio.ensure_future(signalling.run())
        try:
            await asyncio.wait_for(signalling.opened.wait(), 10)
        except TimeoutError:
            return await asyncio.wait_for(link, 30), got
        await signalling.send({"type": "join", "language": "zh_CN", "elderly": False, "item": None})
        for _ in range(100):
            if any(m.get("type") == "queued" for m in got):
                break
            await asyncio.sleep(0.1)
        await signalling.close()
        return await asyncio.wait_for(link, 10), got

    return asyncio.run(run())


def test_the_consultation_link_is_wss_with_the_same_ca(tls_hub: HubProcess, mqtt_pki) -> None:
    outcome, got = _join_queue(tls_hub, str(mqtt_pki.ca_file))
    assert outcome == "closed" and [m["type"] for m in got if m["type"] == "queued"] == ["queued"]
    outcome, got = _join_queue(tls_hub, str(mqtt_pki.other_ca_file))
    assert outcome == "unreachable" and got == []  # an untrusted certificate: no link, nothing sent
