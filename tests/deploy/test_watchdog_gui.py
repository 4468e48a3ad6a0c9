"""ui/watchdog.py pings from the GUI thread: while a slot blocks the event loop no WATCHDOG=1 leaves the process,
and the pings resume when the loop does; a window that is gone stops them too. A real notification socket and a
real QApplication; the blocking slot is the frozen screen systemd must restart."""

from __future__ import annotations

import time

from kiosk.watchdog import ServiceNotifier
from ui.qt import QTimer, QWidget
from ui.watchdog import ServiceWatchdog

PERIOD_USEC = 200_000  # a 0.2 s watchdog: a ping every 0.1 s


def pings(messages) -> int:
    """How many of `messages` are watchdog pings."""
    return sum(1 for m in messages if m.fields.get("WATCHDOG") == "1")


def received_pings(listener) -> int:
    """Watchdog pings received so far (reading what is waiting first)."""
    listener.drain()
    return listener.count("WATCHDOG")


def test_a_blocked_event_loop_sends_no_pings_and_they_resume_after(qapp, qtbot, notify_listener):
    listener = notify_listener()
    watchdog = ServiceWatchdog(ServiceNotifier(listener.address, PERIOD_USEC))
    watchdog.ready("terminal ready")
    assert listener.wait_for(lambda m: "READY" in m.fields, timeout=5).fields["STATUS"] == "terminal ready"
    assert watchdog.timer.interval() == 100
    qtbot.waitUntil(lambda: received_pings(listener) >= 3, timeout=5000)

    frozen: dict[str, list] = {}

    def freeze() -> None:
        # On the GUI thread: whatever was sent before is queued by now (sendto returned); then block the loop for
        # five ping intervals, as a hung screen would, and look at what arrived meanwhile.
        frozen["before"] = listener.drain()
        time.sleep(5 * watchdog.timer.interval() / 1000)
        frozen["during"] = listener.drain()

    QTimer.singleShot(0, freeze)
    qtbot.waitUntil(lambda: "during" in frozen, timeout=10000)
    assert pings(frozen["during"]) == 0, "a ping left the process while the GUI thread was blocked"

    resumed = received_pings(listener)
    qtbot.waitUntil(lambda: received_pings(listener) >= resumed + 2, timeout=5000)
    watchdog.stopping()
    assert listener.wait_for(lambda m: "STOPPING" in m.fields, timeout=5).fields["STOPPING"] == "1"
    assert not watchdog.timer.isActive()


def test_no_pings_once_the_window_is_gone(qapp, qtbot, notify_listener):
    listener = notify_listener()
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    checks: list[bool] = []

    def healthy() -> bool:
        checks.append(window.isVisible())
        return checks[-1]

    watchdog = ServiceWatchdog(ServiceNotifier(listener.address, PERIOD_USEC), healthy)
    watchdog.ready()
    qtbot.waitUntil(lambda: received_pings(listener) >= 2, timeout=5000)

    window.hide()
    listener.drain()
    sent = watchdog.pings
    consulted = len(checks)
    qtbot.waitUntil(lambda: len(checks) >= consulted + 3, timeout=5000)  # the timer fired three more times
    assert checks[consulted:] == [False] * (len(checks) - consulted)
    assert watchdog.pings == sent and pings(listener.drain()) == 0

    window.show()
    qtbot.waitUntil(lambda: watchdog.pings > sent, timeout=5000)
    watchdog.stopping()


def test_without_a_watchdog_period_nothing_is_scheduled(qapp, notify_listener):
    listener = notify_listener()
    watchdog = ServiceWatchdog(ServiceNotifier(listener.address, None))
    watchdog.ready()
    assert not watchdog.timer.isActive()
    assert [m.fields.get("READY") for m in listener.drain()] == ["1"]
    watchdog.stopping()
