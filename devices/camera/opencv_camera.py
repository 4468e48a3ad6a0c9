"""A camera through OpenCV (device index, device path, or RTSP/HTTP URL), delivering frames to subscribers.

One thread reads frames; subscribers get each frame in that thread (they must return quickly: hand the frame
to a worker) and anyone can take the latest frame. A lost stream is reopened with backoff.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import cv2
import numpy as np

from devices.base import CheckResult, DeviceState, EventSource

log = logging.getLogger("kiosk.devices.camera")
FROZEN_AFTER_S = 2.0  # identical frames for this long: the camera is stuck


class OpenCvCamera(EventSource):
    """Frames from one source at a configured size and rate."""

    kind = "camera"

    def __init__(
        self,
        source: str | int,
        width: int = 640,
        height: int = 480,
        fps: float = 15.0,
        backoff: tuple[float, float] = (0.2, 5.0),
        kind: str = "camera",
    ):
        self.kind = kind  # "camera" (the face camera) or "doccamera" (the document camera): one driver for both
        self.source = source
        self.width, self.height, self.fps = width, height, fps
        self.backoff = backoff
        self.state = DeviceState.DISCONNECTED
        self.frames_read = 0
        self.reconnects = 0
        self._latest: tuple[np.ndarray, float] | None = None
        self._subscribers: list[Callable[[np.ndarray, float], None]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_change = time.monotonic()
        self._last_digest = b""

    def subscribe(self, callback: Callable[[np.ndarray, float], None]) -> None:
        """Call `callback(frame, timestamp)` for every new frame."""
        with self._lock:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[np.ndarray, float], None]) -> None:
        """Stop calling `callback`."""
        with self._lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def latest(self) -> tuple[np.ndarray, float] | None:
        """The newest frame and when it arrived, if any."""
        return self._latest

    def open(self) -> None:
        """Start reading (connection problems are retried in the background, never raised here)."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        """Whether it is reading: opened and not closed since."""
        return self._thread is not None and self._thread.is_alive() and not self._stop.is_set()

    def close(self) -> None:
        """Stop reading, and drop the last frame (under a document camera it shows a resident's papers)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._latest = None
        self.state = DeviceState.DISCONNECTED

    def _capture(self) -> cv2.VideoCapture | None:
        capture = cv2.VideoCapture(self.source)
        if not capture.isOpened():
            capture.release()
            return None
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        capture.set(cv2.CAP_PROP_FPS, self.fps)
        return capture

    def _run(self) -> None:
        delay = self.backoff[0]
        while not self._stop.is_set():
            capture = self._capture()
            if capture is None:
                self.state = DeviceState.DISCONNECTED
                self._stop.wait(delay)
                delay = min(delay * 2, self.backoff[1])
                continue
            delay = self.backoff[0]
            self.state = DeviceState.READY
            self._read_until_lost(capture)
            capture.release()
            if not self._stop.is_set():
                self.reconnects += 1
                log.warning("camera stream lost; reconnecting")

    def _read_until_lost(self, capture: cv2.VideoCapture) -> None:
        period = 1.0 / self.fps
        next_at = time.monotonic()
        while not self._stop.is_set():
            ok, frame = capture.read()
            if not ok or frame is None:
                return
            now = time.monotonic()
            self._publish(frame, now)
            # Files and generous streams deliver faster than the configured rate: pace them.
            next_at = max(next_at + period, now)
            self._stop.wait(max(0.0, next_at - time.monotonic()))

    def _publish(self, frame: np.ndarray, now: float) -> None:
        digest = cv2.resize(frame, (16, 12)).tobytes()
        if digest != self._last_digest:
            self._last_digest = digest
            self._last_change = now
        self.frames_read += 1
        self._latest = (frame, now)
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(frame, now)
            except Exception:
                log.exception("a camera subscriber failed")

    def frozen(self) -> bool:
        """Whether the picture has not changed for a while although frames arrive."""
        return self._latest is not None and time.monotonic() - self._last_change > FROZEN_AFTER_S

    def self_test(self) -> CheckResult:
        """Frames arriving, not frozen; brightness and focus figures for the technician."""
        latest = self._latest
        if self._thread is None:
            return CheckResult(
                self.kind, False, "not started (opens when a flow needs it)", {"source": str(self.source)}
            )
        if latest is None or time.monotonic() - latest[1] > 2.0:
            return CheckResult(self.kind, False, "no frames", {"source": str(self.source)})
        gray = cv2.cvtColor(latest[0], cv2.COLOR_BGR2GRAY)
        details = {
            "brightness": f"{gray.mean():.0f}",
            "focus": f"{cv2.Laplacian(gray, cv2.CV_64F).var():.0f}",
            "size": f"{gray.shape[1]}x{gray.shape[0]}",
        }
        if self.frozen():
            return CheckResult(self.kind, False, "picture frozen", details)
        return CheckResult(self.kind, True, "frames arriving", details)
