"""What every device kind shares: a state, events, a self-test result and one error type."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

_log = logging.getLogger("kiosk.devices")


class DeviceState(StrEnum):
    """Where a device stands."""

    DISCONNECTED = "disconnected"
    READY = "ready"
    BUSY = "busy"
    ERROR = "error"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of a device's self-test, for the technician and `kiosk diagnose`."""

    device: str
    ok: bool
    summary: str
    details: dict[str, str] = field(default_factory=dict)


class DeviceError(RuntimeError):
    """A device did not do what was asked; the message says what and is safe to log (no personal data)."""


class DeviceTimeout(DeviceError):
    """The device did not answer in time."""


@dataclass(frozen=True)
class DeviceEvent:
    """Something a device did: its state changed, it was lost or came back, a card was read, a code scanned.

    `data` may hold what a resident presented (a scanned code): listeners keep it in the session, never in logs.
    """

    device: str
    name: str
    data: dict[str, object] = field(default_factory=dict)


class EventSource:
    """A driver's state with change events; every driver inherits it.

    Listeners run in the thread that changed the state (a device thread): they must return quickly and hand
    anything slow to a worker, exactly as camera frame subscribers do.
    """

    kind = "device"
    _state: DeviceState = DeviceState.DISCONNECTED

    @property
    def state(self) -> DeviceState:
        """Where the device stands now."""
        return self._state

    @state.setter
    def state(self, new: DeviceState) -> None:
        old, self._state = self._state, new
        if new == old:
            return
        self.emit("state", old=old.value, new=new.value)
        if new == DeviceState.DISCONNECTED and old in (DeviceState.READY, DeviceState.BUSY):
            self.emit("device_lost")
        elif new == DeviceState.READY and old in (DeviceState.DISCONNECTED, DeviceState.ERROR) and self._was_up:
            self.emit("device_back")
        if new == DeviceState.READY:
            self._was_up = True

    _was_up = False

    def on_event(self, callback: Callable[[DeviceEvent], None]) -> None:
        """Call `callback(event)` for every event of this device."""
        self.__dict__.setdefault("_listeners", []).append(callback)

    def emit(self, name: str, **data: object) -> None:
        """Tell every listener; one failing listener never stops the device or the others."""
        for callback in list(self.__dict__.get("_listeners", ())):
            try:
                callback(DeviceEvent(self.kind, name, dict(data)))
            except Exception:
                _log.exception("a %s event listener failed on %s", self.kind, name)
