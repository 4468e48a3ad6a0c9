"""Tracking numbers and status codes of submissions (no Qt, no hub import: the terminal makes them, the hub checks).

A tracking number is `HP` + YYMMDD + 10 random digits + 1 check digit (ISO 7064 MOD 11-10 over the 16 digits
before it), so the receipt can be printed before the hub has the submission and a mistyped digit is caught. The
status code is 6 characters of an alphabet without look-alikes (no I, O, 0, 1); printed in the receipt's QR code,
it lets any terminal show the submission's status.
"""

from __future__ import annotations

import re
import secrets
from datetime import date, datetime
from typing import Protocol

PREFIX = "HP"
RANDOM_DIGITS = 10
TRACKING_NO_LENGTH = len(PREFIX) + 6 + RANDOM_DIGITS + 1
TRACKING_NO_PATTERN = rf"^{PREFIX}\d{{{6 + RANDOM_DIGITS + 1}}}$"
STATUS_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
STATUS_CODE_LENGTH = 6
STATUS_CODE_PATTERN = rf"^[A-HJ-NP-Z2-9]{{{STATUS_CODE_LENGTH}}}$"

_TRACKING_RE = re.compile(TRACKING_NO_PATTERN)
_STATUS_CODE_RE = re.compile(STATUS_CODE_PATTERN)


class RandomSource(Protocol):
    """What the makers need of a random generator (random.Random, secrets.SystemRandom)."""

    def randrange(self, stop: int) -> int: ...


def mod11_10_check_digit(digits: str) -> str:
    """The ISO 7064 MOD 11-10 check digit of a string of decimal digits."""
    product = 10
    for ch in digits:
        total = (product + int(ch)) % 10 or 10
        product = (2 * total) % 11
    return str((11 - product) % 10)


def make_tracking_no(today: date, rng: RandomSource | None = None) -> str:
    """A new tracking number for a submission made on `today` (rng: secrets.SystemRandom by default)."""
    rng = rng or secrets.SystemRandom()
    body = today.strftime("%y%m%d") + "".join(str(rng.randrange(10)) for _ in range(RANDOM_DIGITS))
    return PREFIX + body + mod11_10_check_digit(body)


def tracking_no_valid(s: object) -> bool:
    """True for a well-formed tracking number: prefix, length, a real date and the right check digit."""
    if not isinstance(s, str) or not _TRACKING_RE.match(s):
        return False
    digits = s[len(PREFIX) :]
    try:
        datetime.strptime(digits[:6], "%y%m%d")
    except ValueError:
        return False
    return mod11_10_check_digit(digits[:-1]) == digits[-1]


def make_status_code(rng: RandomSource | None = None) -> str:
    """A new status code for a receipt's QR code (rng: secrets.SystemRandom by default)."""
    rng = rng or secrets.SystemRandom()
    return "".join(STATUS_CODE_ALPHABET[rng.randrange(len(STATUS_CODE_ALPHABET))] for _ in range(STATUS_CODE_LENGTH))


def status_code_valid(s: object) -> bool:
    """True for a well-formed status code (6 characters of the alphabet without I, O, 0 and 1)."""
    return isinstance(s, str) and bool(_STATUS_CODE_RE.match(s))


def grouped(tracking_no: str) -> str:
    """A tracking number in groups of four, as people read it out over the phone (screens and receipts)."""
    return " ".join(tracking_no[i : i + 4] for i in range(0, len(tracking_no), 4))
