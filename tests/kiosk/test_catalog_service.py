"""When the terminal checks for catalog updates, and what it remembers of the last check."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.catalog_service import CatalogService, last_update, record_path
from kiosk.diagnostics import build_report, update_text


@dataclass(frozen=True)
class Result:
    status: str
    version: str = ""
    error: str = ""


class Repository:
    """Answers checks as a repository would over time: nothing new, then a new version, then a bad one."""

    def __init__(self, answers: list[Result]):
        self.answers = answers
        self.calls = 0
        self.called = threading.Event()

    def check(self) -> Result:
        answer = self.answers[min(self.calls, len(self.answers) - 1)]
        self.calls += 1
        self.called.set()
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_checks_record_their_outcome_and_hand_on_installed_bundles(tmp_path: Path):
    repo = Repository([Result("current", "v1"), Result("installed", "v2"), Result("failed", "", "metadata expired")])
    installed: list[Result] = []
    service = CatalogService(repo.check, installed.append, record=record_path(tmp_path))
    assert service.run_once("start").status == "current" and installed == []
    assert service.run_once("nudge").status == "installed" and [r.version for r in installed] == ["v2"]
    record = service.run_once("timer")
    assert record.status == "failed" and record.error == "metadata expired"
    kept = last_update(tmp_path)
    assert kept["status"] == "failed" and kept["trigger"] == "timer" and "expired" in update_text(kept)
    report = build_report("hp-test", {"version": "v2"}, [], {}, tmp_path)
    assert report["catalog"]["last_update"]["error"] == "metadata expired"


def test_a_crashing_check_is_recorded_and_the_thread_keeps_going(tmp_path: Path):
    repo = Repository([RuntimeError("boom"), Result("current", "v1")])
    service = CatalogService(repo.check, lambda _r: None, interval_s=3600, record=record_path(tmp_path))
    assert service.run_once().status == "failed" and "boom" in service.last.error
    assert service.run_once().status == "current"


def test_a_nudge_checks_at_once_instead_of_waiting_for_the_timer(tmp_path: Path):
    repo = Repository([Result("current", "v1")])
    service = CatalogService(repo.check, lambda _r: None, interval_s=3600)
    service.start()
    try:
        assert repo.called.wait(5)  # the check at start
        repo.called.clear()
        service.nudge({"version": "v2"})
        assert repo.called.wait(5) and service.last.trigger == "nudge"
    finally:
        service.stop()
    assert last_update(tmp_path) is None and update_text(None) == "never checked"
