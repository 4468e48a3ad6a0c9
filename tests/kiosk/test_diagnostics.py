"""The technician's report and action log; `kiosk diagnose --report` writes JSON and PDF."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from devices.base import CheckResult
from kiosk.diagnostics import ActionLog, build_report, write_report

REPO = Path(__file__).resolve().parents[2]


def test_report_and_action_log(tmp_path):
    checks = [CheckResult("printer", True, "ready"), CheckResult("camera", False, "no frames")]
    report = build_report("hp-01", {"version": "v1"}, checks, {"printer": True, "camera": False}, tmp_path)
    assert report["ok"]  # the failing camera is optional here
    assert report["system"]["memory_total_mb"] > 0 and report["system"]["disk_free_gb"] > 0
    path = write_report(report, tmp_path / "usb")
    assert json.loads(path.read_text(encoding="utf-8"))["devices"][1]["summary"] == "no frames"
    log = ActionLog(tmp_path / "actions.jsonl")
    log.record("open_diagnostics")
    log.record("export_report", file=path.name)
    assert [e["action"] for e in log.entries()] == ["open_diagnostics", "export_report"]


def test_kiosk_diagnose_report_writes_json_and_pdf(kiosk_env, tmp_path):
    out = tmp_path / "report"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "diagnose", "--devices", "sim", "--report", str(out)],
        cwd=REPO,
        env=kiosk_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    reports = sorted(out.glob("diagnostics-*.json"))
    assert len(reports) == 1 and reports[0].with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    report = json.loads(reports[0].read_text(encoding="utf-8"))
    assert report["ok"] and report["catalog"]["total"] == 1304
    actions = Path(kiosk_env["KIOSK_TERMINAL_DATA_DIR"]) / "technician-actions.jsonl"
    assert '"diagnose"' in actions.read_text(encoding="utf-8")
