"""kiosk.spec end to end: the PyInstaller one-folder bundle is built once for this module, then its binary runs the way
a terminal that has only the bundle runs it: from another folder, without the virtualenv on PATH or any PYTHONPATH,
on a fresh home folder, offscreen, on the embedded defaults (the bundled catalog, simulated devices, a local hub)."""

from __future__ import annotations

import csv
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
FACES = REPO.parent / "shared" / "data" / "faces" / "images"
CATALOG_VERSION = tomllib.loads((REPO / "catalog" / "source" / "manifest.toml").read_text(encoding="utf-8"))["version"]
PORTAL_PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>portal</title></head>
<body><h1>\xe6\x94\xbf\xe5\x8a\xa1\xe6\x9c\x8d\xe5\x8a\xa1</h1></body></html>"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """`pyinstaller kiosk.spec` into a temporary folder; the built binary (the folder goes after the module)."""
    out = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), "kiosk.spec"],
        cwd=REPO, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    binary = out / "dist" / "kiosk" / "kiosk"
    assert binary.is_file() and os.access(binary, os.X_OK)
    yield binary
    shutil.rmtree(out, ignore_errors=True)  # about a gigabyte


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def outside_env(root: Path, **extra: str) -> dict[str, str]:
    """A terminal that has only the bundle: no virtualenv or PYTHONPATH, no KIOSK_* settings, an empty config file,
    a fresh home (the data folder is the default one under it), Qt offscreen; audio as this machine has it."""
    venv_bin = Path(sys.executable).parent.resolve()
    dropped = ("KIOSK_", "PYTHON", "QT_", "XDG_DATA_", "XDG_CACHE_", "XDG_CONFIG_", "VIRTUAL_ENV", "LD_LIBRARY_PATH")
    env = {name: value for name, value in os.environ.items() if not name.startswith(dropped)}
    paths = [p for p in env.get("PATH", "/usr/bin:/bin").split(os.pathsep) if p and Path(p).resolve() != venv_bin]
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    (root / "kiosk.toml").write_text("# the embedded defaults\n", encoding="utf-8")
    env.update(
        PATH=os.pathsep.join(paths),
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        QT_QPA_PLATFORM="offscreen",
        KIOSK_CONFIG=str(root / "kiosk.toml"),
    )
    env.update(extra)
    return env


def run(binary: Path, root: Path, env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """The bundle's binary with `args`, from `root` (not the checkout)."""
    return subprocess.run([str(binary), *args], cwd=root, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def portal_site() -> Iterator[str]:
    """A portal's start page served on 127.0.0.1 (the district's portals are not reachable from a test machine)."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PORTAL_PAGE)))
            self.end_headers()
            self.wfile.write(PORTAL_PAGE)

        def log_message(self, *_args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def recording_tesseract(folder: Path, record: Path) -> Path:
    """A folder whose `tesseract` notes the library path it was started with, then runs the system's tesseract."""
    real = shutil.which("tesseract")
    assert real, "tesseract is not installed (scripts/debian-packages.txt)"
    folder.mkdir()
    script = folder / "tesseract"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "${{LD_LIBRARY_PATH-unset}}" >> "{record}"\nexec "{real}" "$@"\n')
    script.chmod(0o755)
    return folder


def test_the_bundle_starts_offscreen_to_the_home_screen_and_its_search_works(bundle, tmp_path, portal_site):
    hub_url = f"http://127.0.0.1:{free_port()}"  # the local hub on a port no other test holds
    record = tmp_path / "tesseract-runs.txt"
    env = outside_env(
        tmp_path,
        KIOSK_HUB_URL=hub_url,
        KIOSK_PORTAL_GBA_URL=f"http://{portal_site}/",
        KIOSK_PORTAL_GBA_HOSTS=portal_site,
    )
    env["PATH"] = f"{recording_tesseract(tmp_path / 'bin', record)}{os.pathsep}{env['PATH']}"
    result = run(bundle, tmp_path, env, "run", "--smoke")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    [line] = [line for line in result.stdout.splitlines() if line.startswith("{")]
    report = json.loads(line)

    # The bundle ran, not the sources: its own binary, frozen, with the files it carries.
    internal = bundle.parent / "_internal"
    assert report["frozen"] is True and report["executable"] == str(bundle)
    assert report["face_models"] == str(internal / "face_recognition_models" / "models")
    # First start on the embedded defaults: the bundled catalog source compiled into the default data folder.
    data = tmp_path / "home" / ".local" / "share" / "kiosk"
    assert f"built catalog bundle {CATALOG_VERSION} (1304 items) at {data / 'catalog'}" in result.stderr
    assert report["catalog"] == CATALOG_VERSION
    # A touch on the attract screen, the home screen, its search tile and a query with results.
    assert report["home"]["shown"] is True and "search" in report["home"]["tiles"]
    search = report["search"]
    assert search["screen"] == "browse" and search["results"] > 0 and search["shown"] > 0
    assert "社会保障卡" in search["first"]["name"]
    assert "kiosk: home screen ready" in result.stderr
    # What shows its trouble only later works too: both OCR engines (tesseract found with its language data), the
    # video consultation's media, the local hub (the bundle starting itself as `kiosk hub serve`), a portal page.
    assert report["ocr"] == {"tesseract": True, "rapidocr": True}
    assert report["consult_media"] is True
    assert report["hub"]["url"] == hub_url and report["hub"]["reachable"] is True
    assert report["portal"] == {"module": "portal_gba", "url": f"http://{portal_site}/", "loaded": True}
    assert report["problems"] == []
    # The system's tesseract was started with the library path the terminal had, not with the bundle's library folder
    # on it (cv2 adds a lib64 folder of its own, which does not exist: harmless, and the same from source).
    runs = record.read_text().splitlines()
    assert runs, "the bundle never ran tesseract"
    for library_path in runs:
        assert internal.resolve() not in {Path(p).resolve() for p in library_path.split(":") if p}, library_path
    # Enrolled with its local hub, which stopped with it.
    assert (data / "hub-token").read_text().startswith("hp-demo-01.")
    with pytest.raises(requests.ConnectionError):
        requests.get(hub_url + "/api/v1/health", timeout=2)


def test_the_bundle_diagnoses_its_simulated_devices(bundle, tmp_path):
    env = outside_env(tmp_path, KIOSK_HUB_URL=f"http://127.0.0.1:{free_port()}")
    result = run(bundle, tmp_path, env, "diagnose", "--json")
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout)
    assert report["mode"] == "sim" and report["ok"] is True
    devices = {d["device"]: d for d in report["devices"]}
    assert {"idcard", "printer", "scanner", "camera", "doccamera", "fingervein"} <= set(devices)
    assert all(d["ok"] for d in devices.values() if d["required"])
    # The finger-vein simulator's C source travels in the bundle and is compiled with the system's gcc at first use.
    assert devices["fingervein"]["ok"] is True, devices["fingervein"]
    assert report["hub"]["reachable"] is False  # diagnose reports the hub; it never starts one

    shown = json.loads(run(bundle, tmp_path, env, "config", "show", "--json").stdout)
    assert shown["catalog"]["source"] == str(bundle.parent / "_internal" / "catalog" / "source")


def test_the_bundle_reads_documents_and_compares_faces(bundle, tmp_path):
    from kiosk.ocr.synth.dataset import make_sample

    env = outside_env(tmp_path)
    sample = make_sample("id_card_front", "scan", 5)  # made up, like every synthetic document
    image = tmp_path / f"id_card_front{sample.ext}"
    image.write_bytes(sample.encoded)
    result = run(bundle, tmp_path, env, "ocr", "extract", "--kind", "auto", str(image), "--json")
    assert result.returncode == 0, result.stderr[-4000:]
    record = json.loads(result.stdout)
    assert record["kind"] == "id_card_front"
    assert record["fields"]["id_number"] == sample.truth["id_number"]
    assert record["fields"]["birth_date"] == sample.truth["birth_date"]

    if not FACES.is_dir():
        pytest.skip(f"the shared face photographs are not here ({FACES})")
    pairs = tmp_path / "pairs.csv"
    with pairs.open("w", newline="") as out:
        csv.writer(out).writerows([("a", "b"), (FACES / "img1.jpg", FACES / "img6.jpg"),
                                   (FACES / "img1.jpg", FACES / "img32.jpg")])  # fmt: skip
    result = run(bundle, tmp_path, env, "face", "verify", "--pairs", str(pairs))
    assert result.returncode == 0, result.stderr[-4000:]
    same, other = (json.loads(line) for line in result.stdout.splitlines())
    assert same["match"] is True and other["match"] is False
    assert same["distance"] < same["threshold"] < other["distance"]
