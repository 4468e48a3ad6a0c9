"""A terminal killed mid-session (SIGKILL: a crash or a power cut) comes back clean: the real `kiosk run` is killed
while its outbox holds residents' applications and its session folder holds the interrupted session's files; the
next start wipes the session, keeps the audit chain whole, shows the terminal ready with its catalog, and the
outbox delivers every application to the real hub exactly once."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.audit import verify
from kiosk.outbox import Outbox
from kiosk.recovery import MARKER
from tests.conftest import HubProcess, personal_data_on_disk
from tests.e2e.test_run import REPO, wait_for_line

# A name no dictionary holds (张三, make_submission's, is a word in the pinyin dictionary's public word list).
NAME, ID_NUMBER = "覃语桐", "440112199003070025"


def resident_submission(make_submission) -> dict:
    """make_submission's body for this test's resident."""
    body = make_submission(applicant={"name": NAME, "id_number": ID_NUMBER, "verified": "face"})
    body["delivery"] = {**body["delivery"], "recipient": NAME}
    return body


def start_terminal(env: dict[str, str]) -> tuple[subprocess.Popen, list[str]]:
    """`kiosk run` until it says it is ready; the process and what it printed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run"],
        cwd=REPO,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        return proc, wait_for_line(proc, proc.stderr, "terminal ready", 90)
    except BaseException:
        proc.kill()
        proc.wait()
        raise


def delivered_to(hub: HubProcess, tracking: set[str], timeout: float = 90) -> list[str]:
    """The hub's tracking numbers among `tracking`, once all have arrived (or the timeout passed)."""
    deadline = time.monotonic() + timeout
    while True:
        seen = [s["tracking_no"] for s in hub.client().submissions() if s["tracking_no"] in tracking]
        if set(seen) == tracking or time.monotonic() > deadline:
            return seen
        time.sleep(0.5)


def test_a_terminal_killed_mid_session_comes_back_clean_and_delivers(kiosk_env, tmp_path, bundle_path, make_submission):
    hub = HubProcess(tmp_path / "hub", bundle_path)
    try:
        hub.stop()  # down while the first run takes applications: they wait in the outbox
        data = Path(kiosk_env["KIOSK_TERMINAL_DATA_DIR"])
        env = {**kiosk_env, "KIOSK_HUB_URL": hub.url, "KIOSK_HUB_TOKEN_FILE": str(hub.token_file)}
        tracking: set[str] = set()
        rng = random.Random(20261126)
        for run in range(2):
            with Outbox(data / "outbox.sqlite3") as outbox:  # what this run's residents submitted
                for _ in range(2):
                    body = resident_submission(make_submission)
                    outbox.put("submission", body, ref=body["tracking_no"])
                    tracking.add(body["tracking_no"])
            proc, _ = start_terminal(env)
            # The session at the screen has files of its own (a photographed page, the form being filled).
            session = data / "session-tmp"
            (session / "capture").mkdir(parents=True, exist_ok=True)
            (session / "capture" / "page-1.json").write_text(json.dumps({"name": NAME, "id_number": ID_NUMBER}))
            if run == 1:
                assert hub.process is not None  # up since the first restart: this kill may land mid-delivery
            time.sleep(rng.uniform(0.2, 2.5))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            proc.stderr.close()
            assert (data / MARKER).exists()  # the run never stopped cleanly

            if hub.process is None:
                hub.start()
            proc, lines = start_terminal(env)
            try:
                assert "catalog 2026" in lines[-1]  # the catalog opens and is in use
                assert list(session.iterdir()) == []  # the interrupted session left nothing behind
                log = (data / "logs" / "kiosk.log").read_text(encoding="utf-8")
                assert "start-up recovery: the last run ended without a clean stop" in log
                seen = delivered_to(hub, tracking)
                assert sorted(seen) == sorted(tracking)  # every application, exactly once
                with Outbox(data / "outbox.sqlite3") as outbox:
                    assert outbox.depth() == 0
                verdict = verify(data / "audit.jsonl")
                assert verdict.ok, verdict.reason
                records = [json.loads(line) for line in (data / "audit.jsonl").read_text().splitlines()]
                unclean = [r for r in records if r["action"] == "recovered" and r["details"]["unclean"]]
                assert len(unclean) == run + 1  # each kill, and only the kills, found and recorded
                needles = {"name": NAME.encode(), "id number": ID_NUMBER.encode(), "phone": b"13800138000"}
                assert personal_data_on_disk(data, needles) == []
                proc.send_signal(signal.SIGTERM)
                assert proc.wait(timeout=30) == 0
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                proc.stderr.close()
            assert not (data / MARKER).exists()  # a clean stop: the next start is not a recovery
    finally:
        hub.stop()
