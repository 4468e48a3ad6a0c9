"""The video consultation bench (bench/consult.py) runs end to end: a real hub on 127.0.0.1, the clerk's page in
headless Chromium, the terminal's ConsultClient in its own process with the camera simulator behind the OpenCV
driver, and the bare aiortc baseline; its figures come out whole and plausible. Speed is the bench's business, not
this test's: nothing here is a timing target."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from bench import consult
from bench.clerk_browser import chromium_available


def test_the_bench_measures_a_real_call_and_its_baseline(capsys):
    if not chromium_available():
        pytest.skip("Chromium is not installed (scripts/debian-packages.txt lists it)")
    result = consult.main(["--quick"])
    printed = capsys.readouterr().out

    (ours,) = result["terminal"]
    (bare,) = result["baseline"]
    assert ours.first_frame_s > ours.accept_first_frame_s > 0  # the call was queued, then accepted
    assert ours.fps_in > 0 and ours.fps_out > 0 and ours.fps_out_received > 0  # pictures both ways
    assert ours.fps_sent > 0 and ours.notes["rung"].startswith("640x480@")
    assert ours.size_out == "640x480"  # the camera simulator's picture, as the clerk's page decodes it
    assert 0 <= ours.full_in <= 1
    assert ours.audio_in > 0 and ours.audio_out > 0 and ours.audio_sent > 0  # audio both ways
    assert ours.cpu_cores > 0 and ours.chromium_cores > 0
    assert ours.queue_empty is True
    assert bare.first_frame_s > 0 and bare.fps_in > 0 and bare.fps_out > 0
    assert bare.audio_in > 0 and bare.audio_out > 0 and bare.cpu_cores > 0
    assert bare.size_out == "640x480" and bare.full_in == 1.0
    for target in ("first remote frame under 2 s", "at least 15 fps each way at 640x480", "terminal CPU under one"):
        assert f"PASS {target}" in printed or f"FAIL {target}" in printed
    assert "ratio" in printed and "baseline" in printed


def test_frame_rates_are_counted_between_frames_not_between_readings():
    before = {"video_in": 10, "last_in": 100.0, "sizes_in": {"640x480": 4, "480x360": 6}}
    after = {"video_in": 160, "last_in": 110.0, "sizes_in": {"640x480": 79, "480x360": 81}}
    assert consult.frame_rate(before, after, "video_in", "last_in") == pytest.approx(15.0)
    assert consult.full_share(before, after) == pytest.approx(0.5)
    assert consult.frame_rate(before, before, "video_in", "last_in") == 0.0  # no frames: no rate, no error


def test_cpu_is_read_per_process_and_children_are_found():
    busy = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end:\n    pass\ntime.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", busy])
    try:
        deadline = time.monotonic() + 20
        while consult.cpu_seconds(child.pid) < 0.25:  # the child's own CPU, not this process's
            assert time.monotonic() < deadline, "the busy child's CPU never showed"
            time.sleep(0.05)
        assert child.pid in consult.descendants(os.getpid())
        assert child.pid not in consult.descendants(os.getpid(), "chrom")
    finally:
        child.kill()
        child.wait()
