"""Tracking numbers (ISO 7064 MOD 11-10 check digit) and receipt status codes."""

from __future__ import annotations

import random
import sys
from datetime import date

import pytest

from kiosk.tracking import (
    STATUS_CODE_ALPHABET,
    make_status_code,
    make_tracking_no,
    mod11_10_check_digit,
    status_code_valid,
    tracking_no_valid,
)


def test_check_digit_matches_published_examples():
    # Croatian OIB numbers use ISO 7064 MOD 11-10; 69435151530 is the standard's usual worked example.
    assert mod11_10_check_digit("6943515153") == "0"


def test_made_numbers_have_the_documented_shape():
    rng = random.Random(7)
    number = make_tracking_no(date(2026, 11, 26), rng)
    assert len(number) == 19 and number.startswith("HP261126") and number[2:].isdigit()
    assert tracking_no_valid(number)
    assert make_tracking_no(date(2026, 11, 26), random.Random(7)) == number  # reproducible with a seeded rng
    assert tracking_no_valid(make_tracking_no(date.today()))  # the system's random source by default


def test_every_single_digit_error_and_most_adjacent_swaps_are_caught():
    rng = random.Random(11)
    swaps = caught = 0
    for _ in range(200):
        number = make_tracking_no(date(2027, 1, 31), rng)
        digits = number[2:]
        for i in range(len(digits)):
            for d in "0123456789":
                if d != digits[i]:
                    changed = "HP" + digits[:i] + d + digits[i + 1 :]
                    assert not tracking_no_valid(changed), changed
        for i in range(6, len(digits) - 1):  # the random part and the check digit (the date has its own check)
            if digits[i] != digits[i + 1]:
                swaps += 1
                caught += not tracking_no_valid("HP" + digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
    assert caught / swaps > 0.9  # MOD 11-10 catches most, not all, adjacent transpositions


@pytest.mark.parametrize(
    "value",
    [
        "",
        "HP",
        "hp26112601428573160",
        "XX26112601428573160",
        "HP2611260142857316",
        "HP261126014285731600",
        "HP26133201428573160",
        "HP26022901428573160",
        26112601428573160,
        None,
    ],
)
def test_malformed_numbers_are_refused(value):
    # Wrong prefix or length, month 13, 29 February of a common year, not a string.
    if isinstance(value, str) and len(value) == 19 and value.startswith("HP") and value[2:].isdigit():
        body = value[2:-1]
        value = "HP" + body + mod11_10_check_digit(body)  # a right check digit: the date alone must fail it
    assert not tracking_no_valid(value)


def test_status_codes_avoid_look_alikes():
    rng = random.Random(3)
    codes = {make_status_code(rng) for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(c) == 6 and set(c) <= set(STATUS_CODE_ALPHABET) and status_code_valid(c) for c in codes)
    assert not set("IO01") & set(STATUS_CODE_ALPHABET) and len(STATUS_CODE_ALPHABET) == 32
    for bad in ("K7Q2M0", "K7Q2MI", "k7q2mx", "K7Q2M", "K7Q2MXX", None):
        assert not status_code_valid(bad)
    assert status_code_valid(make_status_code())


def test_the_module_needs_neither_qt_nor_the_hub():
    import subprocess

    probe = (
        "import sys, kiosk.tracking; print(sorted({m.split('.')[0] for m in sys.modules} & {'hub', 'PySide6', 'ui'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr
