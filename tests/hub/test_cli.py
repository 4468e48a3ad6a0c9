"""`kiosk hub add-terminal`, `add-clerk` and `serve` as the installed command, in subprocesses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from catalog.store import CatalogStore

KIOSK = str(Path(sys.executable).with_name("kiosk"))  # the console script `uv run kiosk` runs


def kiosk(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([KIOSK, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)


def test_add_terminal_prints_or_writes_a_token(kiosk_env, tmp_path):
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    printed = kiosk(kiosk_env, "hub", "add-terminal", "hp-demo-01", "--db", db)
    assert printed.returncode == 0, printed.stderr
    token = printed.stdout.strip()
    assert token.startswith("hp-demo-01.") and len(token) > 40

    token_file = tmp_path / "secrets" / "hub-token"
    written = kiosk(kiosk_env, "hub", "add-terminal", "hp-demo-01", "--db", db, "--token-file", str(token_file))
    assert written.returncode == 0 and written.stdout == ""
    assert token_file.stat().st_mode & 0o777 == 0o600
    rotated = token_file.read_text().strip()
    assert rotated.startswith("hp-demo-01.") and rotated != token

    bad = kiosk(kiosk_env, "hub", "add-terminal", "../etc", "--db", db)
    assert bad.returncode == 2 and "terminal ID" in bad.stderr


def test_add_clerk_reads_the_password_from_stdin(kiosk_env, tmp_path):
    from hub.clerks import login
    from hub.db import make_engine

    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    made = kiosk(kiosk_env, "hub", "add-clerk", "王晓明", "--db", db, stdin="a long enough password\n")
    assert made.returncode == 0, made.stderr
    engine = make_engine(db)
    try:
        assert login(engine, "王晓明", "a long enough password").session is not None
        assert login(engine, "王晓明", "a long enough passwor").session is None
    finally:
        engine.dispose()
    short = kiosk(kiosk_env, "hub", "add-clerk", "王晓明", "--db", db, stdin="short\n")
    assert short.returncode == 2 and "at least 8" in short.stderr


def test_serve_answers_and_stops_on_sigterm(kiosk_env, make_submission, bundle_path):
    env = {k: v for k, v in kiosk_env.items() if not k.startswith("KIOSK_HUB_")}
    data_dir = Path(env["KIOSK_TERMINAL_DATA_DIR"])
    token = kiosk(env, "hub", "add-terminal", "hp-demo-01").stdout.strip()  # the default db: <data_dir>/hub.sqlite3
    assert (data_dir / "hub.sqlite3").exists()
    with subprocess.Popen(
        [KIOSK, "hub", "serve", "--port", "0"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            line = proc.stdout.readline()
            assert line.startswith("kiosk hub listening on http://127.0.0.1:"), line + proc.stderr.read()
            url = line.split()[-1]
            assert requests.get(url + "/api/v1/health", timeout=10).json()["status"] == "ok"
            auth = {"Authorization": f"Bearer {token}"}
            with CatalogStore(bundle_path) as store:
                assert requests.get(url + "/api/v1/catalog/version", headers=auth, timeout=10).json()["version"] == (
                    store.version
                )
            body = make_submission()
            posted = requests.post(
                url + "/api/v1/submissions",
                json=body,
                timeout=10,
                headers={**auth, "Idempotency-Key": "cli-serve-0001"},
            )
            assert posted.status_code == 201
            code = body["status_code"]
            status = requests.get(f"{url}/api/v1/status/{body['tracking_no']}", params={"code": code}, headers=auth)
            assert status.status_code == 200
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=15) == 0
            assert time.monotonic() - started < 10
        finally:
            if proc.poll() is None:
                proc.kill()
        log = proc.stderr.read()
    assert "POST /api/v1/submissions 201" in log and f"GET /api/v1/status/{body['tracking_no']} 200" in log
    for secret in (
        code,
        body["applicant"]["id_number"],
        body["applicant"]["name"],
        token.split(".")[1],
        body["delivery"]["address"],
    ):
        assert secret not in log
    assert os.stat(data_dir / "hub.key").st_mode & 0o777 == 0o600
