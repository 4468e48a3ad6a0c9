"""The idle privacy reset: after a quiet spell ask "are you still there?", then end the session."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class IdleState(StrEnum):
    """Where the countdown stands."""

    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdleStatus:
    """The state and, while warning, the whole seconds left."""

    state: IdleState
    remaining: int = 0


class IdleMonitor:
    """Counts quiet time since the last touch; the UI ticks it and touches it on every input event."""

    def __init__(self, idle_seconds: int, warning_seconds: int, clock: Callable[[], float] = time.monotonic):
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self.clock = clock
        self.last_touch = clock()

    def touch(self) -> None:
        """The resident did something: start counting again."""
        self.last_touch = self.clock()

    def status(self) -> IdleStatus:
        """The current state of the countdown."""
        quiet = self.clock() - self.last_touch
        if quiet < self.idle_seconds:
            return IdleStatus(IdleState.ACTIVE)
        left = self.idle_seconds + self.warning_seconds - quiet
        if left > 0:
            return IdleStatus(IdleState.WARNING, int(left + 0.999))
        return IdleStatus(IdleState.EXPIRED)
