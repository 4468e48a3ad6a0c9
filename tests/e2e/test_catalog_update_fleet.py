"""A catalog update reaches a terminal end to end through real parts: `kiosk catalog publish --nudge` validates
the admin's source, builds and signs the bundle into a TUF repository served over HTTP on 127.0.0.1 and leaves a
retained nudge on a real Mosquitto broker; the terminal (its window and services as the app builds them) hears
the nudge over MQTT, verifies and downloads with python-tuf, installs atomically and swaps the catalog in while
the attract screen shows: the new item is searchable. Its heartbeats go out over MQTT meanwhile."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from catalog import tuf_repo
from catalog.store import CatalogStore
from kiosk.config import load_config
from kiosk.session import Screen
from ui.app import build_services, build_window
from ui.qt import QApplication

REPO_ROOT = Path(__file__).resolve().parents[2]
NEW_ITEM = "黄埔区新就业形态人员社保补贴申领"


def source_with_a_new_item(folder: Path, version: str) -> Path:
    """The bundled source plus one new item (a new subsidy, online only), the manifest's counts and version
    updated as an admin's export would be."""
    shutil.copytree(REPO_ROOT / "catalog" / "source", folder)
    items_file = folder / "items" / "hp-bgs.yaml"
    data = yaml.safe_load(items_file.read_text(encoding="utf-8"))
    new = dict(data["items"][0])
    new.update(id="hp-09001", name=NEW_ITEM, name_hant="黃埔區新就業形態人員社保補貼申領", name_en="")
    new.update(channels=["online"], keywords=["新就业补贴"])
    new["code"] = new["code"].replace("-1-00", "-9-01")
    data["items"].append(new)
    items_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    manifest = folder / "manifest.toml"
    text = manifest.read_text(encoding="utf-8").replace('version = "2026.11.26"', f'version = "{version}"')
    manifest.write_text(text.replace("total = 1304", "total = 1305"), encoding="utf-8")
    return folder


@pytest.fixture
def repository(tmp_path: Path, bundle_path: Path, serve_folder):
    """Keys, a repository publishing the built-in catalog, served on 127.0.0.1."""
    keys, repo = tmp_path / "keys", tmp_path / "repo"
    tuf_repo.init_keys(keys)
    tuf_repo.init_repo(repo, keys)
    tuf_repo.publish_bundle(repo, keys, bundle_path)
    return keys, repo, serve_folder(repo)


def test_publish_nudge_verify_swap_and_the_new_item_is_found(qtbot, tmp_path, bundle_path, repository, mosquitto):
    keys, repo, url = repository
    broker = mosquitto()
    trusted = tmp_path / "trusted-root.json"
    shutil.copyfile(repo / "metadata" / "1.root.json", trusted)  # shipped with the terminal
    environ = {
        "KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_CATALOG_BUNDLE": str(bundle_path),
        "KIOSK_CATALOG_UPDATE_URL": url,
        "KIOSK_CATALOG_TRUSTED_ROOT": str(trusted),
        "KIOSK_CATALOG_CHECK_SECONDS": "3600",  # only the nudge can bring the update within the test
        "KIOSK_MQTT_ENABLED": "true",
        "KIOSK_MQTT_HOST": broker.host,
        "KIOSK_MQTT_PORT": str(broker.port),
        "KIOSK_MQTT_HEARTBEAT_SECONDS": "5",
        "KIOSK_HUB_SERVE_LOCAL": "false",
    }
    config = load_config(environ=environ)
    store = CatalogStore(bundle_path)
    services = build_services(config, store, background=False)
    services.pop("voice", None)
    window = build_window(config, store, services)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    updates, fleet = services["catalog_updates"], services["fleet"]
    heard: list[dict] = []
    watcher = subprocess.Popen(
        ["mosquitto_sub", "-h", broker.host, "-p", str(broker.port), "-t", "kiosk/v1/terminals/+/heartbeat", "-C", "1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        updates.start()
        fleet.start()
        qtbot.waitUntil(lambda: updates.last is not None, timeout=20_000)
        assert updates.last.status == "current", updates.last  # the repository holds what the terminal has
        heard.append(json.loads(watcher.communicate(timeout=30)[0]))
        assert heard[0]["catalog_version"] == "2026.11.26" and "outbox_depth" in heard[0]

        source = source_with_a_new_item(tmp_path / "source", "2026.11.28")
        env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        env.update({k: v for k, v in environ.items() if k.startswith("KIOSK_MQTT_")})
        env["KIOSK_TERMINAL_DATA_DIR"] = str(tmp_path / "admin")
        command = ["catalog", "publish", str(source), "--repo", str(repo), "--keys", str(keys), "--nudge"]
        published = subprocess.run(
            [sys.executable, "-m", "kiosk", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert published.returncode == 0, published.stderr
        assert "2026.11.28" in published.stdout and "1" in published.stdout  # the change summary: one added
        nudged_at = time.monotonic()
        assert window.session.screen == Screen.ATTRACT
        qtbot.waitUntil(lambda: window.ctx.store.version == "2026.11.28", timeout=10_000)
        live_after = time.monotonic() - nudged_at
        assert updates.last.trigger == "nudge" and updates.last.status == "installed"
        window.session.go("start")
        window.session.open_module("search")
        window.browse.search.setText("新就业补贴")
        QApplication.processEvents()
        assert NEW_ITEM in [row.title for row in window.ctx.browser.state.rows]
        assert live_after < 10.0, f"live {live_after:.1f} s after the nudge"
        # The next start opens the installed catalog, not the built-in one.
        from kiosk.catalog_service import catalog_in_use

        assert CatalogStore(catalog_in_use(config)).version == "2026.11.28"
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.communicate()
        fleet.stop()
        updates.stop()
        window.allow_close = True
        services["devices"].close()
        services["outbox"].close()
