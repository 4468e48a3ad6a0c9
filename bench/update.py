"""Catalog updates: from the admin's publish to the new catalog live on a nudged terminal, on loopback.

Run: uv run python -m bench.update [--rounds 5]
Each round signs a new version of the full bundle into a TUF repository (python-tuf), publishes the retained MQTT
nudge on a private Mosquitto broker, and times until the terminal (FleetLink -> CatalogService -> CatalogUpdater:
refresh, download, verify, atomic install -> the bundle opened and searched, as the window does between
sessions) answers a search from the new version. Target: under 10 s. Baseline in the same run: fetching the same
bundle with a plain HTTP GET, writing it and opening it (no signatures, no nudge, no install) after the same
publish. A one-item change costs the terminal the same as the full catalog: it downloads a prebuilt bundle and
never rebuilds.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sqlite3
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from catalog import tuf_repo
from catalog.store import CatalogStore
from catalog.updater import CatalogUpdater
from kiosk.catalog_service import CatalogService
from kiosk.config import MqttConfig, load_config
from kiosk.fleet import FleetLink, publish_nudge

TARGET_S = 10.0


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def versioned(bundle: Path, version: str, out: Path) -> Path:
    """The bundle under another version (its content otherwise the same): a new publication each round."""
    shutil.copyfile(bundle, out)
    with sqlite3.connect(out) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'version'", (version,))
    return out


def start_broker(folder: Path) -> tuple[subprocess.Popen, int]:
    """A private Mosquitto on 127.0.0.1."""
    port = free_port()
    conf = folder / "mosquitto.conf"
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nuser root\n")
    broker = subprocess.Popen(["mosquitto", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return broker, port
        except OSError:
            time.sleep(0.05)
    raise SystemExit("mosquitto did not start")


def main() -> None:
    """Print publish-to-live times and their ratio to a plain download."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bundle = load_config().bundle_path
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-update-") as tmp:
        folder = Path(tmp)
        keys, repo = folder / "keys", folder / "repo"
        tuf_repo.init_keys(keys)
        tuf_repo.init_repo(repo, keys)
        tuf_repo.publish_bundle(repo, keys, versioned(bundle, "2026.12.00", folder / "v0.sqlite"))
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(repo)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        broker, port = start_broker(folder)
        mqtt = MqttConfig(enabled=True, port=port, heartbeat_seconds=60)
        live = threading.Event()
        wanted = {"version": ""}

        def installed(result) -> None:
            with CatalogStore(Path(result.path)) as store:
                store.search.search("社保卡", limit=5)
                if store.version == wanted["version"]:
                    live.set()

        updater = CatalogUpdater(folder / "tuf", url, folder / "bundles", (repo / "metadata" / "1.root.json"))
        service = CatalogService(updater.check, installed, interval_s=3600)
        heartbeat = {"catalog_version": "", "devices": {}, "outbox_depth": 0, "app_version": "bench"}
        link = FleetLink(mqtt, "bench-01", lambda: heartbeat, service.nudge)
        service.start()
        link.start()
        time.sleep(2.0)  # connected, the first check done
        ours, plain, sizes = [], [], []
        try:
            for n in range(1, args.rounds + 1):
                version = f"2026.12.{n:02d}"
                wanted["version"] = version
                live.clear()
                new = versioned(bundle, version, folder / f"v{n}.sqlite")
                sizes.append(new.stat().st_size)
                started = time.perf_counter()
                tuf_repo.publish_bundle(repo, keys, new)
                publish_nudge(mqtt, version)
                if not live.wait(60):
                    raise SystemExit(f"{version} never went live: {service.last}")
                ours.append(time.perf_counter() - started)
                target, _ = tuf_repo.published_target(repo)
                started = time.perf_counter()
                with urllib.request.urlopen(url + f"targets/{target.name}") as reply:
                    (folder / "plain.sqlite").write_bytes(reply.read())
                with CatalogStore(folder / "plain.sqlite") as store:
                    store.search.search("社保卡", limit=5)
                plain.append(time.perf_counter() - started)
        finally:
            link.stop()
            service.stop()
            broker.terminate()
            broker.wait()
            server.shutdown()
    med, worst, base = statistics.median(ours), max(ours), statistics.median(plain)
    print(f"bundle: {statistics.median(sizes) / 1e6:.1f} MB, {args.rounds} publications")
    print(
        f"publish -> nudge -> verified, installed, live: median {med:.2f} s, worst {worst:.2f} s"
        f" (target {TARGET_S:.0f} s)"
        f" | plain GET + open of the same bundle: {base:.3f} s | ratio {med / base:.1f}x"
    )


if __name__ == "__main__":
    main()
