"""A virtual serial scanner on a pty: `scan(code)` sends the code as a scanner would, with optional noise."""

from __future__ import annotations

import os
import pty
import tty

from devices.sim_pty import close_ends


class ScannerSimulator:
    """The far end of a pty that a SerialScanner opens like a real port."""

    def __init__(self, terminator: bytes = b"\r\n"):
        self._master, self._slave = pty.openpty()
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self.terminator = terminator

    def scan(self, code: str) -> None:
        """A code read by the scanner."""
        os.write(self._master, code.encode("utf-8") + self.terminator)

    def send_raw(self, data: bytes) -> None:
        """Arbitrary bytes on the wire (fault injection)."""
        os.write(self._master, data)

    def close(self) -> None:
        """Unplug."""
        fds, self._master, self._slave = (self._master, self._slave), -1, -1
        close_ends(*fds)
