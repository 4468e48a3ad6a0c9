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
