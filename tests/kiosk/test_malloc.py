"""Capping glibc's malloc arenas (kiosk.malloc): threads that allocate no longer get an arena each."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys, threading
from kiosk.malloc import arenas_in_use, limit_arenas
if sys.argv[1] == "capped":
    assert limit_arenas(2)
def work():
    blocks = [bytearray(200_000) for _ in range(20)]
    event.wait()
event = threading.Event()
threads = [threading.Thread(target=work) for _ in range(12)]
for t in threads: t.start()
import time; time.sleep(0.5)
print(arenas_in_use())
event.set()
for t in threads: t.join()
"""


def arenas(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, timeout=60, check=True)
    return int(out.stdout.strip())


def test_twelve_allocating_threads_share_two_arenas_once_capped() -> None:
    assert arenas("capped") <= 2
    assert arenas("default") > 2  # the check can tell: uncapped, the threads spread over more arenas


TRIM_SCRIPT = """
import sys
from kiosk.malloc import release_free
def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20
blocks = [bytes(2000) + bytes([n % 251]) for n in range(60_000)]  # ~120 MB in malloc'd blocks
kept = blocks[::100]  # one in a hundred stays: the heap cannot shrink from its top
del blocks
before = rss_mb()
assert release_free()
print(before, rss_mb())
"""


def test_release_free_gives_back_what_fragments_hold() -> None:
    out = subprocess.run([sys.executable, "-c", TRIM_SCRIPT], capture_output=True, text=True, timeout=60, check=True)
    before, after = (float(x) for x in out.stdout.split())
    assert before - after > 60, (before, after)  # ~120 MB freed among live blocks; most of it went back
