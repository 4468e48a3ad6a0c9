"""Start-up recovery after a crash or power cut: the interrupted session's files, half-written files, a cut-off
audit record and an unreadable outbox (kiosk.recovery, kiosk.audit.cut_incomplete_tail)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from kiosk.audit import AuditLog, cut_incomplete_tail, verify
from kiosk.outbox import Outbox
from kiosk.recovery import MARKER, mark_clean_stop, outbox_readable, recover


def paths(tmp_path: Path) -> tuple[Path, Path, Path]:
    data = tmp_path / "data"
    return data, data / "outbox.sqlite3", data / "audit.jsonl"


def test_a_first_start_is_clean_and_a_clean_stop_stays_clean(tmp_path: Path) -> None:
    data, outbox, audit = paths(tmp_path)
    first = recover(data, outbox, audit)
    assert not first.unclean and first.notes == []
    assert (data / MARKER).exists()
    assert not audit.exists()  # nothing to record about a clean start
    mark_clean_stop(data)
    assert not recover(data, outbox, audit).unclean


def test_a_run_that_never_stopped_cleanly_is_noticed_and_recorded(tmp_path: Path) -> None:
    data, outbox, audit = paths(tmp_path)
    recover(data, outbox, audit)  # ... and the power goes
    again = recover(data, outbox, audit)
    assert again.unclean and again.last_start is not None
    records = [json.loads(line) for line in audit.read_text().splitlines()]
    assert records[-1]["action"] == "recovered" and records[-1]["details"]["unclean"] is True
    assert verify(audit).ok


def test_a_marker_cut_short_still_means_unclean(tmp_path: Path) -> None:
    data, outbox, audit = paths(tmp_path)
    data.mkdir()
    (data / MARKER).write_text('{"pid": 12')
    found = recover(data, outbox, audit)
    assert found.unclean and found.last_start is None


def test_the_interrupted_sessions_files_and_half_written_files_go(tmp_path: Path) -> None:
    data, outbox, audit = paths(tmp_path)
    session = data / "session-tmp"
    (session / "scan").mkdir(parents=True)
    (session / "scan" / "id-front.jpg").write_bytes(b"\xff\xd8 a resident's card")
    (session / "form.json").write_text('{"name": "王小明"}')
    (data / "catalog").mkdir()
    (data / "catalog" / ".current.sqlite-x1y2.tmp").write_bytes(b"half a bundle")
    (data / ".technician.json.abc.tmp").write_text("{")
    keep = data / "catalog" / "current.sqlite"
    keep.write_bytes(b"the bundle")
    found = recover(data, outbox, audit)
    assert list(session.iterdir()) == []
    assert oct(session.stat().st_mode & 0o777) == "0o700"
    assert [p.name for p in data.rglob(".*.tmp")] == []
    assert keep.read_bytes() == b"the bundle"
    assert any("interrupted session" in note for note in found.notes)
    assert any("half-written" in note for note in found.notes)


def test_a_cut_off_audit_record_is_removed_and_the_chain_goes_on(tmp_path: Path) -> None:
    data, outbox, audit = paths(tmp_path)
    log = AuditLog(audit)
    log.record("session_started")
    log.record("submitted", ref="a1b2c3")
    with open(audit, "a", encoding="utf-8") as f:
        f.write('{"seq": 3, "action": "print')  # the power went mid-write
    assert not verify(audit).ok
    found = recover(data, outbox, audit)
    assert any("audit log" in note for note in found.notes)
    verdict = verify(audit)
    assert verdict.ok and verdict.records == 3  # two records, then "recovered"
    AuditLog(audit).record("session_started")  # a new run appends to a sound chain
    assert verify(audit).ok and verify(audit).records == 4


def test_cut_incomplete_tail_leaves_whole_logs_alone(tmp_path: Path) -> None:
    audit = tmp_path / "audit.jsonl"
    assert cut_incomplete_tail(audit) == 0  # missing
    AuditLog(audit).record("x")
    before = audit.read_bytes()
    assert cut_incomplete_tail(audit) == 0
    assert audit.read_bytes() == before
    audit.write_bytes(b"no newline at all")
    assert cut_incomplete_tail(audit) == len(b"no newline at all")
    assert audit.read_bytes() == b""


def test_an_intact_outbox_is_kept_with_its_submissions(tmp_path: Path, make_submission) -> None:
    data, outbox_path, audit = paths(tmp_path)
    with Outbox(outbox_path) as outbox:
        outbox.put("submission", make_submission())
    recover(data, outbox_path, audit)
    assert outbox_readable(outbox_path) == ""
    with Outbox(outbox_path) as outbox:
        assert outbox.depth() == 1


def test_an_unreadable_outbox_is_set_aside_whole_never_deleted(tmp_path: Path) -> None:
    data, outbox_path, audit = paths(tmp_path)
    data.mkdir()
    damaged = b"SQLite format 3\x00" + os.urandom(4096)
    outbox_path.write_bytes(damaged)
    found = recover(data, outbox_path, audit)
    assert not outbox_path.exists()
    aside = list(data.glob("outbox.damaged-*.sqlite3"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert any("could not be read" in note for note in found.notes)
    with Outbox(outbox_path) as outbox:  # a new outbox takes new submissions
        assert outbox.depth() == 0
    record = json.loads(audit.read_text().splitlines()[-1])
    assert record["details"]["outbox_set_aside"] is True
