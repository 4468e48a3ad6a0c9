"""Running a verifier off the caller's thread on the newest camera frame.

The camera's thread only hands frames over (`offer`, a camera subscriber); a frame that arrives while another is
being processed replaces the waiting one, so the verifier always works on the newest picture and never falls
behind. Updates go to a callback in the worker's thread (a GUI re-emits them as signals through its bridge).
Note for a GUI: dlib's descriptor network holds Python's GIL for its ~75 ms per frame (detection releases it),
so a few frames of the positioning phase briefly hold up Python code in other threads.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import numpy as np

from kiosk.face.verify import FaceVerifier, Result, Update

log = logging.getLogger("kiosk.face")


class FaceWorker:
    """One verification attempt run in a thread of its own on the newest offered frame."""

    def __init__(self, verifier: FaceVerifier, on_update: Callable[[Update], None] | None = None):
        self.verifier = verifier
        self.on_update = on_update
        self.last: Update | None = None
        self.step_ms: list[float] = []  # how long each processed frame took, for the record
        self.offered = 0
        self._pending: tuple[np.ndarray, float] | None = None
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def offer(self, frame: np.ndarray, t: float) -> None:
        """Hand over a frame taken at time t (monotonic seconds); returns at once."""
        with self._lock:
            self._pending = (frame, t)
            self.offered += 1
        self._wake.set()

    def start(self) -> FaceWorker:
        """Start the worker thread."""
        self._thread = threading.Thread(target=self._run, name="face-verifier", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(0.2)
            with self._lock:
                pending, self._pending = self._pending, None
                self._wake.clear()
            if pending is None:
                continue
            started = time.perf_counter()
            try:
                update = self.verifier.feed(*pending)
            except Exception:
                log.exception("face verification step failed")  # the frame, never its content
                continue
            self.step_ms.append((time.perf_counter() - started) * 1000)
            self.last = update
            if self.on_update is not None:
                self.on_update(update)
            if update.result is not None:
                self._done.set()
                return

    def wait(self, timeout: float | None = None) -> Result | None:
        """The result once there is one (None if the time runs out first)."""
        self._done.wait(timeout)
        return self.verifier.result

    def stop(self) -> None:
        """Stop the thread (the verifier keeps its state until wiped)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
