"""The terminal as a PyInstaller one-folder bundle (kiosk.spec): how it starts itself again, and how the system's
programs it runs (tesseract, espeak-ng, gcc, lp) keep the system's own libraries (no Qt)."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping


def is_frozen() -> bool:
    """Whether this process is the bundled binary rather than Python running the sources."""
    return bool(getattr(sys, "frozen", False))


def kiosk_command() -> list[str]:
    """The command line that runs `kiosk` in a child process: the bundle's own binary, or `python -m kiosk`."""
    return [sys.executable] if is_frozen() else [sys.executable, "-m", "kiosk"]


def restore_system_library_path(environ: MutableMapping[str, str] = os.environ) -> None:
    """Give child processes the library path the terminal was started with.

    The bundle's loader puts its own folder first on LD_LIBRARY_PATH (keeping the original in LD_LIBRARY_PATH_ORIG)
    so that Python finds the bundled libraries; a system program started with that path would load the bundle's copies
    (an older libstdc++, another libtiff) instead of its own and may fail to start. This process is not affected: the
    dynamic loader read the path when it started. The bundle's own children (the local hub, Chromium's
    QtWebEngineProcess) find their libraries through the bundle's loader and their run paths.
    """
    if not is_frozen():
        return
    original = environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        environ["LD_LIBRARY_PATH"] = original
    else:
        environ.pop("LD_LIBRARY_PATH", None)
