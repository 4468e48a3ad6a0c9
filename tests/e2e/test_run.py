"""`kiosk run` end to end: the real command starts the window and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def wait_for_line(proc: subprocess.Popen, stream, needle: str, timeout: float) -> list[str]:
    """Read lines of `stream` until one contains `needle`; all lines read so far."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            if proc.poll() is not None:
                break
            continue
        seen.append(line)
        if needle in line:
            return seen
    raise AssertionError(f"{needle!r} not seen; output:\n{''.join(seen)}")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_kiosk_run_offscreen_starts_and_stops_on_sigterm(kiosk_env):
    with subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", "run"],
        cwd=REPO,
        env=kiosk_env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    ) as proc:
        try:
            lines = wait_for_line(proc, proc.stderr, "terminal ready", 60)
            assert "catalog 2026" in lines[-1]
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=15) == 0
        finally:
            if proc.poll() is None:
                proc.kill()


def test_kiosk_run_on_embedded_defaults_brings_its_own_hub_and_enrols(kiosk_env):
    """No district hub configured: the terminal starts the reference hub here, enrols itself, and stops it."""
    import requests

    url = f"http://127.0.0.1:{free_port()}"
    env = {**kiosk_env, "KIOSK_HUB_SERVE_LOCAL": "true", "KIOSK_HUB_URL": url}
    token = Path(env["KIOSK_TERMINAL_DATA_DIR"]) / "hub-token"
    with subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", "run"], cwd=REPO, env=env, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            wait_for_line(proc, proc.stderr, "terminal ready", 90)
            assert requests.get(url + "/api/v1/health", timeout=5).json()["status"] == "ok"
            assert token.stat().st_mode & 0o777 == 0o600
            terminal = token.read_text().split(".")[0]
            assert terminal == "hp-demo-01"
            reply = requests.get(
                url + "/api/v1/catalog/version", headers={"Authorization": f"Bearer {token.read_text().strip()}"}
            )
            assert reply.status_code in (200, 503)  # enrolled: the token is accepted
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=30) == 0
            with pytest.raises(requests.ConnectionError):
                requests.get(url + "/api/v1/health", timeout=2)
        finally:
            if proc.poll() is None:
                proc.kill()


@pytest.mark.skipif(not shutil.which("Xvfb") or not shutil.which("import"), reason="needs xvfb and imagemagick")
def test_readme_run_command_starts_on_a_virtual_display(tmp_path, bundle_path):
    """The README's first command without a display: Xvfb, the window on it, a screenshot, clean stop."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["KIOSK_TERMINAL_DATA_DIR"] = str(tmp_path / "data")
    env["KIOSK_CATALOG_BUNDLE"] = str(bundle_path)
    env["KIOSK_HUB_URL"] = f"http://127.0.0.1:{free_port()}"  # its own hub, never a port another test may hold
    with subprocess.Popen(
        ["bash", "scripts/bootstrap.sh", "run"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            _check_virtual_display(proc, tmp_path)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)


def _check_virtual_display(proc: subprocess.Popen, tmp_path: Path) -> None:
    """Wait for the window, screenshot the virtual screen, stop the script and check the clean-up."""
    lines = wait_for_line(proc, proc.stdout, "terminal ready", 120)
    display = next(line for line in lines if "virtual display (Xvfb :" in line).split("Xvfb ")[1].split(",")[0]
    shot = tmp_path / "screen.png"
    time.sleep(1.0)  # let the first paint reach the X server
    subprocess.run(["import", "-display", display, "-window", "root", str(shot)], check=True, timeout=30)
    colours = subprocess.run(
        ["identify", "-format", "%k", str(shot)], capture_output=True, text=True, check=True
    ).stdout
    assert int(colours) > 50, "the virtual screen looks blank"
    (REPO / "build" / "screens").mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, REPO / "build" / "screens" / "xvfb_run.png")
    os.kill(proc.pid, signal.SIGTERM)  # as `kill <pid>` from the operator: the script stops the app, then Xvfb
    assert proc.wait(timeout=30) == 0
    rest = proc.stdout.read()
    assert "stopped" in rest


def test_tour_photographs_every_screen_in_every_language_mode_and_orientation(kiosk_env, tmp_path):
    out = tmp_path / "tour"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "run", "--tour", str(out)],
        cwd=REPO,
        env=kiosk_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    folders = sorted(p.name for p in out.iterdir())
    assert len(folders) == 12  # 3 languages x standard/elderly x landscape/portrait
    for folder in out.iterdir():
        names = {p.stem.split("-", 1)[1] for p in folder.glob("*.png")}
        assert {
            "attract",
            "home",
            "browse",
            "browse-results",
            "browse-nothing",
            "item",
            "capture",
            "review",
            "idle-warning",
            "social-insurance",
            "portal",
            "pin",
            "diagnostics",
            "error",
        } <= names, folder.name
    for orientation, expected in (("portrait", "1080x1920"), ("landscape", "1920x1080")):
        # Each PNG's size from its header (IHDR: width and height, big-endian, at bytes 16-24).
        sizes = {
            "{}x{}".format(*struct.unpack(">II", p.read_bytes()[16:24]))
            for p in out.glob(f"*-{orientation}/*.png")
            if "receipt" not in p.name  # the printed receipt: paper, not a screen
        }
        assert sizes == {expected}, orientation  # no screen made the window outgrow the terminal's screen
