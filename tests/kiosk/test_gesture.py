"""The hidden technician gesture: five quick taps in the top-right corner."""

from __future__ import annotations

import pytest

from kiosk.gesture import CornerTapDetector

W, H = 1920, 1080
CORNER = (1900, 20)


def tap_run(detector: CornerTapDetector, times: list[float], where: tuple[float, float] = CORNER) -> list[bool]:
    return [detector.feed(*where, W, H, t) for t in times]


def test_five_quick_corner_taps_fire_once():
    detector = CornerTapDetector()
    assert tap_run(detector, [0.0, 0.5, 1.0, 1.5, 2.0]) == [False, False, False, False, True]
    # After firing it starts over: one more tap is not a new gesture.
    assert tap_run(detector, [2.2]) == [False]


def test_the_region_edges_count():
    detector = CornerTapDetector(taps=2)
    assert detector.feed(W * 0.9, H * 0.1, W, H, 0.0) is False
    assert detector.feed(W - 1, 0, W, H, 0.1) is True
    assert not detector.in_corner(W * 0.9 - 1, 0, W, H)
    assert not detector.in_corner(W - 1, H * 0.1 + 1, W, H)


def test_too_slow_does_not_fire():
    detector = CornerTapDetector()
    assert not any(tap_run(detector, [0.0, 1.0, 2.0, 3.0, 4.0]))


def test_the_last_five_taps_count_a_slow_start_is_forgotten():
    detector = CornerTapDetector()
    assert tap_run(detector, [0.0, 2.0, 2.5, 3.0, 3.5, 4.0]) == [False] * 5 + [True]


def test_exactly_the_window_still_fires():
    assert tap_run(CornerTapDetector(window=3.0), [10.0, 11.0, 12.0, 12.5, 13.0])[-1] is True


def test_a_tap_elsewhere_starts_over():
    detector = CornerTapDetector()
    tap_run(detector, [0.0, 0.3, 0.6, 0.9])
    assert detector.feed(960, 540, W, H, 1.0) is False
    assert tap_run(detector, [1.1]) == [False]
    assert tap_run(detector, [1.2, 1.3, 1.4, 1.5]) == [False, False, False, True]


@pytest.mark.parametrize(
    "where",
    [(10, 10), (10, H - 10), (W - 10, H - 10), (W / 2, 10)],
    ids=["top-left", "bottom-left", "bottom-right", "top-middle"],
)
def test_other_corners_never_fire(where: tuple[float, float]):
    assert not any(tap_run(CornerTapDetector(), [0.0, 0.1, 0.2, 0.3, 0.4, 0.5], where))


def test_corner_size_and_tap_count_are_settings():
    detector = CornerTapDetector(taps=3, window=1.0, corner=0.2)
    assert tap_run(detector, [0.0, 0.4, 0.8], (W * 0.85, H * 0.15)) == [False, False, True]


def test_time_running_backwards_starts_over():
    detector = CornerTapDetector()
    tap_run(detector, [5.0, 5.1, 5.2, 5.3])
    assert tap_run(detector, [1.0]) == [False]
    assert tap_run(detector, [1.1, 1.2, 1.3, 1.4]) == [False, False, False, True]


def test_reset_and_bad_settings():
    detector = CornerTapDetector()
    tap_run(detector, [0.0, 0.1, 0.2, 0.3])
    detector.reset()
    assert tap_run(detector, [0.4]) == [False]
    for bad in ({"taps": 0}, {"window": 0}, {"corner": 0}, {"corner": 1.5}):
        with pytest.raises(ValueError):
            CornerTapDetector(**bad)
