"""The outbox keeps every confirmed submission, encrypted, until the hub has it: across SIGKILL at any moment,
a full disk, retries with backoff, and a payload moved between rows."""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag

from kiosk.outbox import BACKOFF_S, Outbox, OutboxError, load_key

PERSON = {"name": "王小明", "id_number": "440112198506150012", "phone": "13800138000", "item": "11440112MB2C93"}


def test_a_submission_waits_encrypted_and_only_its_receipt_outlives_delivery(tmp_path: Path):
    with Outbox(tmp_path / "outbox.sqlite") as box:
        row, key = box.put("submission", PERSON)
        assert box.depth() == 1
        [pending] = box.due()
        assert (pending.id, pending.key, pending.payload) == (row, key, PERSON)
        raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("outbox.sqlite"))
        for value in PERSON.values():
            assert value.encode() not in raw  # nothing personal in the database or its WAL
        box.delivered(row, hub_ref="HP20261126-0001")
        assert box.depth() == 0 and box.due() == []
        receipt = box.receipt(key)
        assert receipt["hub_ref"] == "HP20261126-0001" and receipt["delivered"]
        assert box.db.execute("SELECT sealed FROM outbox WHERE id = ?", (row,)).fetchone()[0] is None
    assert (tmp_path / "outbox.key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "outbox.sqlite").stat().st_mode & 0o777 == 0o600


def test_putting_again_with_the_same_key_keeps_one_submission(tmp_path: Path):
    with Outbox(tmp_path / "outbox.sqlite") as box:
        first = box.put("submission", PERSON, key="k-1")
        assert box.put("submission", PERSON, key="k-1") == first
        assert box.depth() == 1


def test_a_failed_delivery_waits_longer_each_time(tmp_path: Path):
    with Outbox(tmp_path / "outbox.sqlite") as box:
        row, _ = box.put("submission", PERSON)
        now = time.time()
        waits = [box.failed(row, "hub down", now) - now for _ in range(len(BACKOFF_S) + 1)]
        assert all(b > a for a, b in itertools.pairwise(waits[: len(BACKOFF_S)]))  # growing, up to the cap
        assert BACKOFF_S[0] <= waits[0] <= BACKOFF_S[0] * 1.2 and waits[-1] <= BACKOFF_S[-1] * 1.2
        assert box.due(now) == [] and len(box.due(now + waits[-1] + 1)) == 1
        assert box.receipt(box.due(now + 10_000)[0].key)["last_error"] == "hub down"


def test_a_payload_moved_to_another_row_does_not_open(tmp_path: Path):
    with Outbox(tmp_path / "outbox.sqlite") as box:
        a, _ = box.put("submission", PERSON)
        b, _ = box.put("submission", {"name": "someone else"})
        sealed = box.db.execute("SELECT sealed FROM outbox WHERE id = ?", (a,)).fetchone()[0]
        box.db.execute("UPDATE outbox SET sealed = ? WHERE id = ?", (sealed, b))
        with pytest.raises(InvalidTag):
            box.due()


def test_a_damaged_key_file_is_refused_with_a_message(tmp_path: Path):
    (tmp_path / "outbox.key").write_bytes(b"short")
    with pytest.raises(OutboxError, match="32 bytes"):
        load_key(tmp_path / "outbox.key")


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.outbox import Outbox

    box = Outbox(Path(sys.argv[1]))
    n = int(sys.argv[2])
    while True:
        n += 1
        _, key = box.put("submission", {"n": n, "name": "王小明" * 50})
        print(key, flush=True)  # the terminal shows "submitted" only now
    """
)


def test_every_confirmed_submission_survives_sigkill_at_random_moments_exactly_once(tmp_path: Path):
    path = tmp_path / "outbox.sqlite"
    confirmed: list[str] = []
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for round_ in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(round_ * 100_000)], stdout=subprocess.PIPE, env=env
        )
        time.sleep(0.6 + rng.random() * 0.5)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        confirmed += out.decode().split()
    assert len(confirmed) > 20
    with Outbox(path) as box:
        keys = [row[0] for row in box.db.execute("SELECT key FROM outbox")]
        pending = {p.key: p.payload for p in box.due(limit=100_000)}
    assert set(confirmed) <= set(keys) and len(keys) == len(set(keys))
    assert all(pending[key]["name"].startswith("王小明") for key in confirmed)  # every one still opens


def test_a_full_disk_refuses_the_submission_and_keeps_the_earlier_ones(tmp_path: Path):
    path = tmp_path / "outbox.sqlite"
    with Outbox(path) as box:
        box.put("submission", PERSON)
    script = textwrap.dedent(
        """
        import resource, signal, sys
        from pathlib import Path
        from kiosk.outbox import Outbox, OutboxError

        box = Outbox(Path(sys.argv[1]))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail like a full disk
        limit = Path(sys.argv[1]).stat().st_size + 64 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            box.put("submission", {"scan": "x" * 4_000_000})
        except OutboxError as exc:
            print("refused:", exc)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, env=env)
    assert "refused: the submission could not be kept" in result.stdout, result.stdout + result.stderr
    with Outbox(path) as box:
        assert [p.payload for p in box.due()] == [PERSON]
        assert box.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_database_stays_in_wal_mode(tmp_path: Path):
    Outbox(tmp_path / "outbox.sqlite").close()
    assert sqlite3.connect(tmp_path / "outbox.sqlite").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_outbox_from_before_references_opens_and_keeps_its_rows(tmp_path):
    """A terminal updated with submissions still waiting: the older table gains the column, nothing is lost."""
    import sqlite3

    path = tmp_path / "outbox.sqlite3"
    with Outbox(path) as outbox:
        _, key = outbox.put("submission", {"n": 1})
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE old AS SELECT id, key, kind, sealed, created, attempts, next_try, last_error, delivered,"
        " hub_ref FROM outbox"
    )
    db.execute("DROP TABLE outbox")
    db.execute("ALTER TABLE old RENAME TO outbox")
    db.commit()
    db.close()
    with Outbox(path) as outbox:
        assert [p.payload for p in outbox.due(now=1e12)] == [{"n": 1}]
        outbox.put("submission", {"n": 2}, ref="HP2611260142857316")
        assert outbox.receipt(ref="HP2611260142857316")["delivered"] is None and outbox.receipt(key) is not None


def test_the_outbox_and_its_journal_files_are_private_whatever_the_umask(tmp_path: Path, make_submission):
    old = os.umask(0o022)
    try:
        with Outbox(tmp_path / "outbox.sqlite3") as outbox:
            outbox.put("submission", make_submission())
            files = sorted(tmp_path.glob("outbox*"))
            assert {p.name for p in files} >= {"outbox.sqlite3", "outbox.sqlite3-wal", "outbox.key"}
            assert {p.name: oct(p.stat().st_mode & 0o777) for p in files} == {p.name: "0o600" for p in files}
    finally:
        os.umask(old)


def test_the_terminal_and_the_delivery_thread_share_one_outbox_safely(tmp_path: Path):
    """The screens put submissions while the delivery thread reads, acknowledges and counts them, on one
    connection: nothing may fail, be lost or be delivered twice."""
    import threading

    rounds = 400
    failures: list[str] = []
    acknowledged: list[str] = []
    done = threading.Event()
    with Outbox(tmp_path / "outbox.sqlite") as box:

        def deliver() -> None:
            while not (done.is_set() and box.depth() == 0):
                try:
                    for pending in box.due():
                        box.delivered(pending.id, hub_ref=f"HP-{pending.id}")
                        acknowledged.append(pending.key)
                    box.stats()
                except Exception as exc:
                    failures.append(f"delivery: {type(exc).__name__}: {exc}")
                    return

        thread = threading.Thread(target=deliver)
        thread.start()
        keys = []
        try:
            for n in range(rounds):
                keys.append(box.put("submission", {**PERSON, "n": n})[1])
                box.depth()
        except Exception as exc:
            failures.append(f"put: {type(exc).__name__}: {exc}")
        finally:
            done.set()
            thread.join(60)
        assert failures == []
        assert sorted(acknowledged) == sorted(keys) and box.depth() == 0
