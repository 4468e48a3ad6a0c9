"""What every device kind shares: a state, events, a self-test result and one error type."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
