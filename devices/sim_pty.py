"""The pty pairs the serial-device simulators stand behind (card reader, scanner, printer)."""

from __future__ import annotations

import contextlib
import os


def close_ends(*fds: int | None) -> None:
    """Close a simulator's pty ends, skipping those already given up (None or -1).

    The caller forgets the numbers before calling: a descriptor closed twice may by then be another pty's (a later
    test's, a new device's), and closing it would cut that one off.
    """
    for fd in fds:
        if fd is not None and fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
