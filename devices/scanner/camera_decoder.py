"""QR and barcode reading from camera frames with zxing-cpp (the document camera doubles as a scanner)."""

from __future__ import annotations

import logging
import queue
import threading
import time

import numpy as np
import zxingcpp

from devices.base import CheckResult, DeviceState, DeviceTimeout, EventSource

log = logging.getLogger("kiosk.devices.scanner")


def decode(frame: np.ndarray) -> list[str]:
    """Every code zxing-cpp finds in one frame (BGR or grey)."""
    try:
        return [result.text for result in zxingcpp.read_barcodes(frame) if result.valid and result.text]
    except (ValueError, RuntimeError):  # an odd frame shape: nothing to read in it
        return []


class CameraScanner(EventSource):
    """Subscribes to a camera and reports each newly seen code once (the same code again after a pause)."""

    kind = "scanner"

    def __init__(self, camera, every: int = 3, repeat_after: float = 3.0):
        self.camera = camera
        self.every = every  # decode one frame in `every`: decoding costs more than the camera's frame time
        self.repeat_after = repeat_after
        self.codes: queue.Queue[str] = queue.Queue()
        self._seen: dict[str, float] = {}
        self._count = 0
        self._busy = threading.Lock()

    def open(self) -> None:
        """Start watching frames."""
        self.camera.subscribe(self._on_frame)
        self.state = DeviceState.READY

    def close(self) -> None:
        """Stop watching."""
        self.camera.unsubscribe(self._on_frame)
        self.state = DeviceState.DISCONNECTED

    def _on_frame(self, frame: np.ndarray, now: float) -> None:
        self._count += 1
        if self._count % self.every or not self._busy.acquire(blocking=False):
            return  # skip frames rather than fall behind the camera
        try:
            for code in decode(frame):
                if now - self._seen.get(code, -1e9) > self.repeat_after:
                    self.codes.put(code)
                    self.emit("code_scanned", code=code)
                self._seen[code] = now
        finally:
            self._busy.release()

    def read_code(self, timeout: float) -> str:
        """The next code seen."""
        try:
            return self.codes.get(timeout=timeout)
        except queue.Empty:
            raise DeviceTimeout(f"no code seen within {timeout:.0f} s") from None

    def self_test(self) -> CheckResult:
        """Frames are arriving from the camera it watches."""
        latest = self.camera.latest()
        ok = latest is not None and time.monotonic() - latest[1] < 2.0
        return CheckResult(self.kind, ok, "watching camera frames" if ok else "no camera frames")
