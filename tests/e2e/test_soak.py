"""A short soak (bench.soak --quick) in its own process: two simulated hours of residents at the terminal's window
through every flow (browse and guide, applications with the real face check and document capture and with reused
results, 办件查询, 预约上门, a video call with an aiortc clerk, the technician's diagnostics), with the card reader
unplugged, the printer out of paper and the document camera's stream lost mid-session, the hub stopped for a
simulated hour and a catalog update published and swapped in between sessions.

What is asserted does not depend on speed: nothing uncaught, no session that could not be completed, every
submission and booking at the hub exactly once (its SQLite database read here, against the soak's own list), the
outbox empty, the update live on the terminal and reported to the hub, and threads, file descriptors and Qt
top-level widgets back at their values after the first hour once the sessions are over."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_a_short_soak_loses_nothing_and_leaks_nothing(tmp_path: Path, bundle_path: Path, ime_dictionary: Path):
    work, out = tmp_path / "work", tmp_path / "soak"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    command = [sys.executable, "-m", "bench.soak", "--quick", "--quiet", "--work", str(work), "--out", str(out)]
    command += ["--bundle", str(bundle_path), "--ime", str(ime_dictionary)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert (tmp_path / "soak.json").exists(), done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads((tmp_path / "soak.json").read_text(encoding="utf-8"))

    # No crash, nothing uncaught, every resident's session completed.
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert report["uncaught"] == []
    assert report["script_errors"] == []
    for flow in ("browse", "apply", "status", "pickup", "consult", "technician"):
        assert report["flows"].get(flow, 0) >= 1, (flow, report["flows"])
    assert report["consult_calls"] >= 1 and report["full_applications"] >= 1
    for fault in ("card_reader_unplugged", "printer_paper_out", "document_camera_lost"):
        assert report["faults"].get(fault) == 1, (fault, report["faults"])

    # Nothing lost: the hub's own database against the soak's list, each once.
    made = json.loads((work / "submitted.json").read_text(encoding="utf-8"))
    db = sqlite3.connect(f"file:{work / 'hub' / 'hub.sqlite3'}?mode=ro", uri=True)
    try:
        at_hub = dict(db.execute("SELECT tracking_no, COUNT(*) FROM submissions GROUP BY tracking_no"))
        booked = dict(db.execute("SELECT appointment_no, COUNT(*) FROM appointments GROUP BY appointment_no"))
        (catalog_seen,) = db.execute("SELECT catalog_version FROM heartbeats").fetchone()
    finally:
        db.close()
    assert made["submitted"] and sorted(at_hub) == sorted(made["submitted"])
    assert set(at_hub.values()) == {1}
    assert sorted(booked) == sorted(made["booked"]) and set(booked.values()) <= {1}
    outage = [e for e in report["events"] if e["kind"] == "hub_up"]
    assert outage and outage[0]["waiting"] >= 1  # submissions waited in the outbox while the hub was down
    end = report["samples"][-1]
    assert end["outbox_depth"] == 0 and end["delivered"] == len(made["submitted"])

    # The catalog update went live between sessions, and the hub hears the terminal runs it.
    assert report["catalog_published"] == report["catalog_live"] == ["2026.11.27"]
    assert end["catalog"] == "2026.11.27" and catalog_seen == "2026.11.27"

    # Once the sessions are over, the terminal holds what it held after its first hour.
    warm = next(s for s in report["samples"] if s["extra"].get("hour_end") == 1)
    assert abs(end["fds"] - warm["fds"]) <= 2, (warm["fds"], end["fds"], report["figures"]["fd_kinds_end"])
    assert abs(end["threads"] - warm["threads"]) <= 1, (warm["threads"], end["threads"])
    assert abs(end["os_threads"] - warm["os_threads"]) <= 2, (warm["os_threads"], end["os_threads"])
    assert end["widgets"] == warm["widgets"]
    # Memory is told apart by kind (a leak is anonymous memory), and the peak is at least every sample.
    assert all(0 < s["rss_anon_mb"] < s["rss_mb"] and 0 < s["rss_file_mb"] < s["rss_mb"] for s in report["samples"])
    assert report["figures"]["rss_peak_mb"] >= max(s["rss_mb"] for s in report["samples"])
