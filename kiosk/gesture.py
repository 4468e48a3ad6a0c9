"""The hidden technician gesture: a quick run of taps in the screen's top-right corner."""

from __future__ import annotations

from collections import deque


class CornerTapDetector:
    """Fires when the last `taps` taps all landed in the top-right corner within `window` seconds."""

    def __init__(self, taps: int = 5, window: float = 3.0, corner: float = 0.1) -> None:
        if taps < 1:
            raise ValueError("taps must be at least 1")
        if window <= 0:
            raise ValueError("window must be a positive number of seconds")
        if not 0 < corner <= 1:
            raise ValueError("corner must be a fraction of the screen between 0 and 1")
        self.taps = taps
        self.window = window
        self.corner = corner
        self._times: deque[float] = deque(maxlen=taps)

    def in_corner(self, x: float, y: float, width: float, height: float) -> bool:
        """Whether a point lies in the top-right corner region."""
        return width > 0 and height > 0 and x >= width * (1 - self.corner) and y <= height * self.corner

    def feed(self, x: float, y: float, width: float, height: float, t: float) -> bool:
        """Record one tap at (x, y) on a width x height screen at time t (seconds); True when the gesture fires."""
        if not self.in_corner(x, y, width, height):
            self._times.clear()  # a resident using the screen is not the technician's gesture
            return False
        if self._times and t < self._times[-1]:
            self._times.clear()  # time ran backwards (clock change): start over from this tap
        self._times.append(t)  # the deque keeps only the last `taps` taps
        if len(self._times) == self.taps and t - self._times[0] <= self.window:
            self._times.clear()
            return True
        return False

    def reset(self) -> None:
        """Forget the taps seen so far."""
        self._times.clear()
