"""The systemd watchdog, pinged by a timer on the GUI thread: a frozen event loop stops the pings, and systemd
kills and restarts the terminal (kiosk/watchdog.py speaks the protocol; deploy/systemd/kiosk.service sets the period).

Nothing here keeps pinging on another thread during long work: slow work never runs on the GUI thread in this
application, so a GUI thread that does not come back within the period is a terminal residents cannot use.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
from collections.abc import Callable

from kiosk.watchdog import ServiceNotifier
from ui.qt import QObject, QTimer

log = logging.getLogger("kiosk.watchdog")


class ServiceWatchdog(QObject):
    """Readiness, status and watchdog pings for the service manager, from the GUI thread."""

    def __init__(
        self, notifier: ServiceNotifier, healthy: Callable[[], bool] | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.notifier = notifier
        self.healthy = healthy or (lambda: True)
        self.pings = 0  # WATCHDOG=1 messages the manager's socket took
        self._unhealthy_logged = False
        self.timer = QTimer(self)
        self.timer.setObjectName("serviceWatchdogTimer")
        self.timer.timeout.connect(self.ping)

    @classmethod
    def from_environment(cls, healthy: Callable[[], bool] | None = None) -> ServiceWatchdog:
        """The watchdog of this process as systemd started it (and the notify variables taken out of the
        environment, so no child process inherits them). Under a watchdog, a fatal signal (systemd's SIGABRT when
        the pings stop) first writes every thread's Python stack to stderr, the journal: where the GUI thread hung.
        Code locations only, never data."""
        watchdog = cls(ServiceNotifier.from_environment(), healthy)
        if watchdog.notifier.ping_interval is not None and not faulthandler.is_enabled():
            faulthandler.enable(file=sys.stderr, all_threads=True)
        return watchdog

    def ready(self, status: str = "") -> None:
        """Tell the manager the terminal is up (call once the event loop runs and the window shows) and start
        pinging at half the watchdog period."""
        self.notifier.ready(status)
        interval = self.notifier.ping_interval
        if interval is not None:
            self.timer.start(max(1, round(interval * 1000)))
            log.info("systemd watchdog: pinging every %.1f s from the GUI thread", interval)

    def ping(self) -> None:
        """One WATCHDOG=1, unless the terminal's own check says it is not fit to serve (then systemd restarts it
        when the period runs out)."""
        if not self.healthy():
            if not self._unhealthy_logged:
                log.error("the terminal window is gone: no more watchdog pings, systemd will restart the terminal")
                self._unhealthy_logged = True
            return
        if self.notifier.ping():
            self.pings += 1

    def status(self, text: str) -> None:
        """One line for `systemctl status kiosk`."""
        self.notifier.status(text)

    def stopping(self, status: str = "stopping") -> None:
        """Stop pinging and tell the manager a clean stop has begun."""
        self.timer.stop()
        self.notifier.stopping(status)
        self.notifier.close()
