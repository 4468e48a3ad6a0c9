"""The embedded default: with no district hub configured, the terminal starts the reference hub on this machine
(`kiosk hub serve`) and enrols itself, so a fresh machine submits end to end with nothing else set up (no Qt).

Only when `hub.serve_local` is on, the hub URL is a loopback address and nothing answers there; a real
deployment points `hub.url` at the district's hub and turns `hub.serve_local` off.
"""

from __future__ import annotations

import logging
import os
import subprocess
import time
from urllib.parse import urlsplit

import requests

from kiosk.config import Config
from kiosk.frozen import kiosk_command

log = logging.getLogger("kiosk.local_hub")
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def answers(url: str, timeout: float = 1.0) -> bool:
    """Whether a hub answers its health check at `url`."""
    try:
        return requests.get(url.rstrip("/") + "/api/v1/health", timeout=timeout).ok
    except requests.RequestException:
        return False


def start_local_hub(config: Config, wait_s: float = 30.0) -> subprocess.Popen | None:
    """Start the reference hub on the configured loopback port and enrol this terminal, unless not wanted or a hub
    answers already; returns the process (the caller stops it) or None."""
    parts = urlsplit(config.hub.url)
    if not config.hub.serve_local or parts.hostname not in LOOPBACK or answers(config.hub.url):
        return None
    db = config.data_dir / "hub.sqlite3"
    command = [*kiosk_command(), "hub"]  # the bundle's binary when frozen
    # Only the terminal reports to systemd: its hub must not inherit the notify socket (kiosk.watchdog).
    env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}
    if not config.hub_token_path.exists():
        enrol = [*command, "add-terminal", config.terminal.id, "--token-file", str(config.hub_token_path)]
        result = subprocess.run([*enrol, "--db", f"sqlite:///{db}"], capture_output=True, text=True, env=env)
        if result.returncode != 0:
            log.warning("local hub: enrolling this terminal failed: %s", result.stderr.strip()[-200:])
            return None
    port = str(parts.port or 80)
    logs = config.data_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with open(logs / "hub.log", "ab") as out:
        process = subprocess.Popen(
            [*command, "serve", "--host", "127.0.0.1", "--port", port, "--db", f"sqlite:///{db}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.warning("local hub exited at start (code %s): see %s", process.returncode, logs / "hub.log")
            return None
        if answers(config.hub.url, 0.5):
            log.info("local hub serving at %s", config.hub.url)
            return process
        time.sleep(0.2)
    log.warning("local hub did not answer within %s s", wait_s)
    return process


def stop_local_hub(process: subprocess.Popen | None) -> None:
    """Stop a hub started by start_local_hub (SIGTERM, then SIGKILL after 10 s)."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
