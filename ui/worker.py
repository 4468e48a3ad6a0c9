"""Run blocking work (device I/O, probes) off the GUI thread and hand the result back on it."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from devices.base import DeviceError
from kiosk.hub_client import HubError
from ui.qt import QObject, Signal

log = logging.getLogger("kiosk.ui.worker")


class Worker(QObject):
    """Named background jobs; a name runs once at a time, and its callback runs on the GUI thread."""

    delivered = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.running: set[str] = set()
        self.delivered.connect(self._deliver)

    def run(self, name: str, job: Callable[[], Any], callback: Callable[[Any], None]) -> bool:
        """Start `job` in a thread unless `name` is still running; `callback(result)` follows on the GUI thread.

        A job that raises delivers the exception as its result: the callback decides what the technician sees.
        """
        if name in self.running:
            return False
        self.running.add(name)

        def work() -> None:
            try:
                result = job()
            except DeviceError as exc:  # unplugged, timed out, out of paper: expected, and the screen says so
                log.warning("background job %s: device failed: %s", name, type(exc).__name__)
                result = exc
            except HubError as exc:  # the hub down or unreachable is expected too (the screen says offline); a
                # refusal the contract does not foresee is not
                level = logging.WARNING if exc.retryable else logging.ERROR
                log.log(level, "background job %s: the hub failed: %s (HTTP %s)", name, type(exc).__name__, exc.status)
                result = exc
            except Exception as exc:  # anything else is a bug, but it must not take the terminal down
                log.error("background job %s failed: %s", name, type(exc).__name__)
                result = exc
            with contextlib.suppress(RuntimeError):  # the screen went away meanwhile: nobody to tell
                self.delivered.emit((name, callback, result))

        threading.Thread(target=work, name=f"job-{name}", daemon=True).start()
        return True

    def busy(self, name: str) -> bool:
        """Whether a job of that name is still running."""
        return name in self.running

    def _deliver(self, payload: tuple[str, Callable[[Any], None], Any]) -> None:
        name, callback, result = payload
        self.running.discard(name)
        callback(result)
