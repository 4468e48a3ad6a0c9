"""Logging: to stderr (the journal under systemd) and to a size-capped file; never personal data.

Code never logs personal data on purpose; the redaction filter is the second line of defence for what slips
through (an exception message quoting a field): ID numbers, credit codes and phone numbers are masked before
any handler sees the record.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from collections import deque
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE = "kiosk.log"

_PERSONAL = (
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),  # resident ID number
    re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])"),  # credit code
    re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"),  # mainland mobile number
)


def redact(text: str) -> str:
    """Mask anything shaped like an ID number, a unified social credit code or a mobile number."""
    for pattern in _PERSONAL:
        text = pattern.sub(lambda m: "[redacted]", text)
    return text


class LibraryChatterFilter(logging.Filter):
    """Drops INFO and below from the root logger: our code logs through named loggers, so those records are
    libraries talking to themselves (python-escpos announces every connection it closes) and would push what
    matters out of the technician's recent-log view."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep everything but the root logger's chatter."""
        return record.name != "root" or record.levelno >= logging.WARNING


class RedactingFilter(logging.Filter):
    """Masks personal data in every record (message and arguments, after formatting)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message; never drops a record."""
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the terminal's logs to stderr and to log_dir/kiosk.log (1 MB x 5 files)."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    stream = logging.StreamHandler()
    for handler in (file_handler, stream):
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(LibraryChatterFilter())
        handler.addFilter(RedactingFilter())  # on the handler: records from every logger pass through it
        handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path


def recent_lines(log_dir: Path, count: int = 12) -> list[str]:
    """The last `count` lines of the terminal's log, redacted again (the file may predate the filter)."""
    path = log_dir / LOG_FILE
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            tail = deque(fh, maxlen=count)
    except OSError:
        return []
    return [redact(line.rstrip("\n")) for line in tail]
