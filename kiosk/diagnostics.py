"""The technician's report: device checks and system facts, as JSON (and PDF through the UI), plus the log of
every technician action. No personal data goes into either."""

from __future__ import annotations

import json
import os
import platform
import shutil
import time
from pathlib import Path
from typing import Any

from devices.base import CheckResult

SOFTWARE_VERSION = "0.1.0"


def _meminfo() -> dict[str, int]:
    try:
        rows = Path("/proc/meminfo").read_text().splitlines()
    except OSError:
        return {}
    return {r.split(":")[0]: int(r.split()[1]) for r in rows if r.split()[1:2] and r.split()[1].isdigit()}


def _cpu_temperature() -> float | None:
    for zone in sorted(Path("/sys/class/thermal").glob("thermal_zone*/temp")):
        try:
            return int(zone.read_text().strip()) / 1000
        except (OSError, ValueError):
            continue
    return None


def system_facts(data_dir: Path) -> dict[str, Any]:
    """Disk, memory, CPU temperature where present, uptime and versions."""
    disk = shutil.disk_usage(data_dir if data_dir.exists() else Path("/"))
    mem = _meminfo()
    try:
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        uptime = None
    return {
        "disk_free_gb": round(disk.free / 2**30, 1),
        "disk_total_gb": round(disk.total / 2**30, 1),
        "memory_available_mb": round(mem.get("MemAvailable", 0) / 1024),
        "memory_total_mb": round(mem.get("MemTotal", 0) / 1024),
        "cpu_temperature_c": _cpu_temperature(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "uptime_s": uptime,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "software": SOFTWARE_VERSION,
    }


def hub_reachability(url: str, timeout: float = 2.0, ca_file: str = "") -> dict[str, Any]:
    """Whether the service hub answers its health check, and how fast (never raises)."""
    import requests

    from kiosk.hub_client import tls_verify

    if not url:
        return {"url": "", "reachable": False, "detail": "no hub configured"}
    started = time.monotonic()
    try:
        reply = requests.get(url.rstrip("/") + "/api/v1/health", timeout=timeout, verify=tls_verify(ca_file))
    except requests.exceptions.SSLError:
        return {"url": url, "reachable": False, "detail": "certificate not trusted (check hub.ca_file)"}
    except requests.RequestException as exc:
        return {"url": url, "reachable": False, "detail": f"unreachable ({type(exc).__name__})"}
    took = round((time.monotonic() - started) * 1000)
    if reply.status_code != 200:
        return {"url": url, "reachable": False, "detail": f"HTTP {reply.status_code}", "ms": took}
    return {"url": url, "reachable": True, "detail": f"answers in {took} ms", "ms": took}


def build_report(
    terminal_id: str,
    catalog: dict[str, Any],
    checks: list[CheckResult],
    required: dict[str, bool],
    data_dir: Path,
    hub: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything a technician or the help desk needs to see at once."""
    from kiosk.catalog_service import last_update

    catalog = {**catalog, "last_update": last_update(data_dir)}
    return {
        "terminal": terminal_id,
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "ok": all(c.ok for c in checks if required.get(c.device, False)),
        "devices": [
            {
                "device": c.device,
                "ok": c.ok,
                "required": required.get(c.device, False),
                "summary": c.summary,
                "details": c.details,
            }
            for c in checks
        ],
        "catalog": catalog,
        "hub": hub or {"url": "", "reachable": False, "detail": "not checked"},
        "system": system_facts(data_dir),
    }


def write_report(report: dict[str, Any], folder: Path) -> Path:
    """The report as JSON in `folder` (a USB stick's mount point, for instance)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"diagnostics-{report['terminal']}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def update_text(record: dict[str, Any] | None) -> str:
    """The last catalog check in a few words: when, and what came of it."""
    if not record:
        return "never checked"
    when = time.strftime("%m-%d %H:%M", time.localtime(float(record.get("at", 0))))
    outcome = {"current": "up to date", "installed": "installed"}.get(str(record.get("status")), "failed")
    detail = record.get("version") or ""
    if outcome == "failed":
        detail = str(record.get("error", ""))[:120]
    return f"{when} {outcome} {detail}".strip()


def report_html(report: dict[str, Any]) -> str:
    """The report as simple HTML for the PDF."""
    from html import escape

    rows = "".join(
        f"<tr><td>{escape(d['device'])}</td><td>{'OK' if d['ok'] else 'FAIL'}</td>"
        f"<td>{'required' if d['required'] else 'optional'}</td><td>{escape(d['summary'])}</td></tr>"
        for d in report["devices"]
    )
    facts = "".join(f"<tr><td>{escape(k)}</td><td>{escape(str(v))}</td></tr>" for k, v in report["system"].items())
    return (
        f"<h2>Terminal {escape(report['terminal'])} · {escape(report['created_at'])}</h2>"
        f"<p>Overall: {'OK' if report['ok'] else 'a required device fails'} · catalog "
        f"{escape(str(report['catalog'].get('version', '')))} (last update: "
        f"{escape(update_text(report['catalog'].get('last_update')))}) · "
        f"hub {escape(str(report['hub'].get('url', '')))}: "
        f"{escape(str(report['hub'].get('detail', '')))}</p>"
        f"<h3>Devices</h3><table border='1' cellpadding='4'>{rows}</table>"
        f"<h3>System</h3><table border='1' cellpadding='4'>{facts}</table>"
    )


class ActionLog:
    """Appends every technician action as one JSON line (what and when, never personal data)."""

    def __init__(self, path: Path):
        self.path = path

    def record(self, action: str, **details: str | int | bool) -> None:
        """One action."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "action": action, **details}
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def entries(self) -> list[dict[str, Any]]:
        """Everything recorded so far."""
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]
