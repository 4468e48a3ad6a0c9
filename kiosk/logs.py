"""Logging: to stderr (the journal under systemd) and to a size-capped file; never personal data."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the terminal's logs to stderr and to log_dir/kiosk.log (1 MB x 5 files)."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / "kiosk.log"
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    stream = logging.StreamHandler()
    for handler in (file_handler, stream):
        handler.setFormatter(logging.Formatter(FORMAT))
        handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path
