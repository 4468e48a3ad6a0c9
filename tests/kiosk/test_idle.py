"""The idle privacy reset's countdown, on a fake clock."""

from __future__ import annotations

from kiosk.idle import IdleMonitor, IdleState


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_warns_after_idle_then_expires():
    clock = Clock()
    idle = IdleMonitor(60, 20, clock)
    clock.now += 59.9
    assert idle.status().state == IdleState.ACTIVE
    clock.now += 0.2
    status = idle.status()
    assert status.state == IdleState.WARNING and status.remaining == 20
    clock.now += 15
    assert idle.status().remaining == 5
    clock.now += 5
    assert idle.status().state == IdleState.EXPIRED


def test_a_touch_starts_again():
    clock = Clock()
    idle = IdleMonitor(60, 20, clock)
    clock.now += 70
    assert idle.status().state == IdleState.WARNING
    idle.touch()
    assert idle.status().state == IdleState.ACTIVE
    clock.now += 59
    assert idle.status().state == IdleState.ACTIVE
