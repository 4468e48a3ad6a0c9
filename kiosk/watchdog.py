"""The service manager's notification protocol (sd_notify) and its watchdog, in the standard library only.

Under systemd (deploy/systemd/kiosk.service, Type=notify) the terminal says when it is ready, what it is doing
(STATUS=) and that it is stopping, and it proves it is alive with WATCHDOG=1 at half the unit's WatchdogSec=.
The pings are sent by the GUI thread (ui/watchdog.py), so a frozen event loop stops them and systemd restarts the
terminal. Outside systemd (no $NOTIFY_SOCKET) every call does nothing.

The protocol, as sd_notify(3) and sd_watchdog_enabled(3) describe it: newline-separated VAR=value assignments in one
datagram to the AF_UNIX socket named by $NOTIFY_SOCKET (a path, or an abstract name written with a leading "@");
$WATCHDOG_USEC is the watchdog period, and it applies to this process only when $WATCHDOG_PID is unset or names it.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import MutableMapping

log = logging.getLogger("kiosk.watchdog")

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"
WATCHDOG_PID = "WATCHDOG_PID"
SEND_TIMEOUT_S = 1.0  # systemd reads its socket at once; never let a stuck manager hold the GUI thread for long


def socket_address(value: str) -> str | None:
    """The address to send to for a $NOTIFY_SOCKET value: a path as it is, "@name" as the abstract "\\0name";
    None for anything else (empty, relative, or a transport this module does not speak, such as vsock)."""
    if value.startswith("@") and len(value) > 1:
        return "\0" + value[1:]
    if value.startswith("/"):
        return value
    return None


def expected_watchdog_usec(environ: MutableMapping[str, str], pid: int) -> int | None:
    """The watchdog period in microseconds if the manager expects pings from process `pid`, else None."""
    raw = environ.get(WATCHDOG_USEC, "")
    if not raw.isdigit() or int(raw) == 0:
        return None
    owner = environ.get(WATCHDOG_PID)
    if owner is not None and (not owner.isdigit() or int(owner) != pid):
        return None  # the pings are expected from another process (e.g. the compositor that started this one)
    return int(raw)


def _one_line(text: str) -> str:
    return " ".join(text.split())  # a STATUS= value ends at the newline: keep it one line


class ServiceNotifier:
    """Sends sd_notify messages to the service manager; a no-op when there is none."""

    def __init__(self, address: str | None, watchdog_usec: int | None = None, pid: int | None = None):
        self.address = address
        self.watchdog_usec = watchdog_usec if address is not None else None
        self.pid = os.getpid() if pid is None else pid
        self._socket: socket.socket | None = None
        self._failed = False

    @classmethod
    def from_environment(cls, environ: MutableMapping[str, str] | None = None, unset: bool = True) -> ServiceNotifier:
        """The notifier for this process from $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID. With `unset` the
        three are removed from the environment, so child processes (the local hub, speech, printing, QtWebEngine)
        neither inherit the socket (NotifyAccess=all would let them report for the terminal) nor the watchdog."""
        env = os.environ if environ is None else environ
        pid = os.getpid()
        raw = env.get(NOTIFY_SOCKET, "")
        address = socket_address(raw)
        if raw and address is None:
            log.warning("NOTIFY_SOCKET %r is not an AF_UNIX socket this terminal can use; not notifying", raw)
        usec = expected_watchdog_usec(env, pid)
        if unset:
            for name in (NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID):
                env.pop(name, None)
        return cls(address, usec, pid)

    @property
    def enabled(self) -> bool:
        """Whether a service manager listens."""
        return self.address is not None

    @property
    def ping_interval(self) -> float | None:
        """Seconds between watchdog pings (half the period, as sd_watchdog_enabled(3) recommends), or None when
        no watchdog expects this process."""
        return self.watchdog_usec / 2_000_000 if self.watchdog_usec else None

    def send(self, *assignments: str) -> bool:
        """Send VAR=value assignments in one datagram; True if the manager's socket took it. Never raises: a
        terminal must keep serving residents if the manager cannot be told."""
        if self.address is None or not assignments:
            return False
        message = "\n".join(assignments).encode("utf-8")
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)  # close-on-exec (PEP 446)
                self._socket.settimeout(SEND_TIMEOUT_S)
            self._socket.sendto(message, self.address)
        except OSError as exc:
            if not self._failed:  # once: a missing manager must not flood the journal every ping
                log.warning("cannot notify the service manager: %s", exc.strerror or exc)
            self._failed = True
            return False
        if self._failed:
            log.info("notifying the service manager again")
            self._failed = False
        return True

    def ready(self, status: str = "") -> bool:
        """READY=1, with this process as the unit's main process (MAINPID=): the terminal runs as a child of the
        kiosk compositor, and naming it main makes systemd stop it first and aim the watchdog's signal at it."""
        lines = ["READY=1", f"MAINPID={self.pid}"]
        if status:
            lines.append(f"STATUS={_one_line(status)}")
        return self.send(*lines)

    def status(self, text: str) -> bool:
        """STATUS=: one line for `systemctl status kiosk`."""
        return self.send(f"STATUS={_one_line(text)}")

    def ping(self) -> bool:
        """WATCHDOG=1: this process is alive (only when a watchdog expects it)."""
        if self.watchdog_usec is None:
            return False
        return self.send("WATCHDOG=1")

    def stopping(self, status: str = "") -> bool:
        """STOPPING=1: a clean stop has begun."""
        lines = ["STOPPING=1"]
        if status:
            lines.append(f"STATUS={_one_line(status)}")
        return self.send(*lines)

    def close(self) -> None:
        """Close the socket (a later send opens a new one)."""
        if self._socket is not None:
            self._socket.close()
            self._socket = None
