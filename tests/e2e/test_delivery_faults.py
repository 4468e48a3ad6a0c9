"""Never lose a submission: the real outbox delivering through requests to the real hub on 127.0.0.1, with the
network failing on purpose in between (a proxy that refuses, cuts uploads, loses replies) and the terminal's
delivery process killed with SIGKILL at random moments. Afterwards every confirmed submission is at the hub
exactly once."""

from __future__ import annotations

import base64
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest
import sqlalchemy as sa

from kiosk.delivery import Delivery
from kiosk.hub_client import HubClient
from kiosk.outbox import BACKOFF_S, Outbox


def hub_rows(hub, numbers: set[str]) -> list[str]:
    """The hub's rows of these tracking numbers, duplicates included (the module's hub holds other tests' too)."""
    engine = sa.create_engine(hub.db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT tracking_no FROM submissions")).all()
    finally:
        engine.dispose()
    return sorted(row[0] for row in rows if row[0] in numbers)


def big_jpeg(seed: int, side: int = 900) -> str:
    """A noisy picture (JPEG compresses it badly): uploads take long enough to be cut or killed part way."""
    import cv2

    noise = np.random.default_rng(seed).integers(0, 255, (side, side, 3), dtype=np.uint8)
    return base64.b64encode(cv2.imencode(".jpg", noise, [cv2.IMWRITE_JPEG_QUALITY, 90])[1].tobytes()).decode()


def fill(outbox: Outbox, make_submission, count: int, heavy: bool = False) -> set[str]:
    """Put `count` submissions into the outbox as the terminal does; their tracking numbers."""
    numbers = set()
    for n in range(count):
        body = make_submission()
        if heavy:
            body["materials"][0]["image_jpeg_b64"] = big_jpeg(n)
        outbox.put("submission", body)
        numbers.add(body["tracking_no"])
    return numbers


class Clock:
    """Time the test moves on by hand: backoff of minutes takes no minutes."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def through(proxy, hub, outbox: Outbox, clock: Clock) -> Delivery:
    """The terminal's delivery, talking to the hub through the faulty proxy."""
    client = HubClient(proxy.url, hub.token, timeout=(2.0, 10.0))
    return Delivery(outbox, lambda: client, clock=clock)


@pytest.fixture
def proxy(live_hub, faulty_proxy_to):
    parts = urlsplit(live_hub.url)
    return faulty_proxy_to((parts.hostname, parts.port))


def test_lost_replies_are_retried_and_the_hub_keeps_one_of_each(live_hub, proxy, make_submission, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    numbers = fill(outbox, make_submission, 5)
    clock = Clock()
    delivery = through(proxy, live_hub, outbox, clock)
    proxy.mode = "lose_reply"  # the hub stores it; the terminal never hears so
    for _ in range(5):
        assert delivery.run_once() == 0  # no answer: the round stops, that one backs off
    assert hub_rows(live_hub, numbers) == sorted(numbers) and outbox.depth() == 5
    proxy.mode = "pass"
    assert delivery.run_once() == 0  # backing off: nothing is due yet
    clock.now += BACKOFF_S[0] * 1.3
    assert delivery.run_once() == 5
    assert hub_rows(live_hub, numbers) == sorted(numbers)  # answered "duplicate", stored once
    assert outbox.depth() == 0 and all(outbox.receipt(k)["delivered"] for k in keys(outbox))


def keys(outbox: Outbox) -> list[str]:
    return [row[0] for row in outbox.db.execute("SELECT key FROM outbox")]


def test_an_upload_cut_part_way_stores_nothing_and_is_sent_again(live_hub, proxy, make_submission, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    numbers = fill(outbox, make_submission, 3, heavy=True)
    clock = Clock()
    delivery = through(proxy, live_hub, outbox, clock)
    proxy.mode, proxy.cut_after = "cut_upload", 50_000
    assert delivery.run_once() == 0 and proxy.faults >= 1
    assert hub_rows(live_hub, numbers) == [] and outbox.depth() == 3
    assert "did not answer" in delivery.last_error
    proxy.mode = "pass"
    clock.now += BACKOFF_S[-1] * 1.3
    assert delivery.run_once() == 3
    assert hub_rows(live_hub, numbers) == sorted(numbers)


def test_a_hub_down_for_minutes_is_not_hammered_and_gets_everything_after(live_hub, proxy, make_submission, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    numbers = fill(outbox, make_submission, 4)
    clock = Clock()
    delivery = through(proxy, live_hub, outbox, clock)
    proxy.mode = "refuse"
    for _ in range(12 * 20):  # 20 minutes of rounds every 5 s
        delivery.run_once()
        clock.now += 5
    # Connection refused stops a round at its first submission; backoff 5 s, 15 s, 1 min, 5 min, 15 min ...
    assert 4 <= proxy.faults <= 4 * 6, proxy.faults  # measured: 20 (5 each: at 0 s, 5 s, 20 s, 80 s, 380 s)
    assert hub_rows(live_hub, numbers) == [] and outbox.depth() == 4
    assert outbox.stats(clock.now)["last_error"]
    proxy.mode = "pass"
    for _ in range(12 * 16):  # within one longest backoff everything arrives
        delivery.run_once()
        clock.now += 5
        if outbox.depth() == 0:
            break
    assert outbox.depth() == 0 and sorted(hub_rows(live_hub, numbers)) == sorted(numbers)


def test_the_delivering_terminal_killed_at_random_moments_loses_and_repeats_nothing(
    live_hub, proxy, make_submission, tmp_path
):
    token_file = live_hub.token_file
    proxy.mode = "slow"  # a slow line: each upload takes a moment, so kills land in the middle of them
    with Outbox(tmp_path / "outbox.sqlite3") as outbox:
        numbers = fill(outbox, make_submission, 16, heavy=True)
    env = {**os.environ, "KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")}
    command = [
        sys.executable,
        "-m",
        "kiosk",
        "outbox",
        "deliver",
        "--outbox",
        str(tmp_path / "outbox.sqlite3"),
        "--hub",
        proxy.url,
        "--token-file",
        str(token_file),
        "--interval",
        "0.05",
        "--timeout",
        "120",
    ]
    rng = random.Random(7)
    kills = 0
    for _ in range(40):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            process.wait(timeout=rng.uniform(1.0, 3.0))  # the interpreter's start-up takes most of a second
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.communicate()
            kills += 1
            continue
        errors = process.communicate()[1].decode()
        assert process.returncode == 0, errors
        break
    assert kills >= 3, "the deliveries were never interrupted: the test proves nothing"
    with Outbox(tmp_path / "outbox.sqlite3") as outbox:
        assert outbox.depth() == 0
    rows = hub_rows(live_hub, numbers)
    assert rows == sorted(numbers) and len(set(rows)) == 16
    # The audit log of the terminal recorded deliveries and still verifies.
    verify = subprocess.run(
        [sys.executable, "-m", "kiosk", "audit", "verify", "--log", str(tmp_path / "data" / "audit.jsonl")],
        env=env,
        capture_output=True,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr


@pytest.mark.parametrize("mode", ["refuse", "lose_reply"])
def test_a_retried_outbox_after_a_restart_is_still_delivered_once(
    live_hub, proxy, make_submission, tmp_path, mode: str
):
    path = tmp_path / "outbox.sqlite3"
    with Outbox(path) as outbox:
        numbers = fill(outbox, make_submission, 2)
        clock = Clock()
        proxy.mode = mode
        through(proxy, live_hub, outbox, clock).run_once()
    proxy.mode = "pass"
    with Outbox(path) as outbox:  # the terminal restarted: a new process, the same outbox file
        clock.now += BACKOFF_S[0] * 1.3
        assert through(proxy, live_hub, outbox, clock).run_once() == 2
    assert hub_rows(live_hub, numbers) == sorted(numbers)


def test_the_token_file_missing_waits_without_losing(live_hub, make_submission, tmp_path: Path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    fill(outbox, make_submission, 1)
    client = HubClient(live_hub.url, token_path=tmp_path / "absent-token")
    delivery = Delivery(outbox, lambda: client)
    assert delivery.run_once() == 0 and "no hub token" in delivery.last_error and outbox.depth() == 1


def test_a_full_disk_refuses_the_new_one_and_the_confirmed_ones_still_arrive_once(
    live_hub, make_submission, tmp_path: Path
):
    """The disk fills while a resident submits: that one is refused (the screen says so, nothing is kept) and the
    submissions confirmed before it are delivered, once each."""
    import json
    import textwrap

    path = tmp_path / "outbox.sqlite3"
    with Outbox(path) as outbox:
        numbers = fill(outbox, make_submission, 3)
    refused = make_submission()
    refused["materials"][0]["image_jpeg_b64"] = big_jpeg(99, side=1400)
    script = textwrap.dedent(
        """
        import json, resource, signal, sys
        from pathlib import Path
        from kiosk.outbox import Outbox, OutboxError

        box = Outbox(Path(sys.argv[1]))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail as on a full disk
        limit = Path(sys.argv[1]).stat().st_size + 64 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            box.put("submission", json.loads(sys.stdin.read()))
        except OutboxError as exc:
            print("refused:", exc)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], input=json.dumps(refused), capture_output=True, text=True
    )
    assert "refused: the submission could not be kept" in result.stdout, result.stdout + result.stderr
    with Outbox(path) as outbox:
        client = HubClient(live_hub.url, live_hub.token)
        assert Delivery(outbox, lambda: client).run_once() == 3 and outbox.depth() == 0
    assert hub_rows(live_hub, numbers | {refused["tracking_no"]}) == sorted(numbers)
