"""Keeping the terminal's catalog current (no Qt): check the signed repository now and then and at once when
nudged (MQTT), and hand a verified, installed bundle to the application, which swaps it in between sessions.

The checking itself (TUF verification, download, atomic install) is catalog.updater's; this module only decides
when to check, never checks twice at once, and remembers the last result for diagnostics.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.catalog")


@dataclass(frozen=True)
class CheckRecord:
    """The last check, as the technician sees it: when, what came of it, why not (never personal)."""

    at: float
    status: str  # "current", "installed" or "failed"
    version: str
    error: str
    took_ms: float
    trigger: str  # "start", "timer" or "nudge"


def record_path(data_dir: Path) -> Path:
    """Where the last check is kept for diagnostics (`kiosk diagnose` runs in another process)."""
    return Path(data_dir) / "catalog" / "last-update.json"


def last_update(data_dir: Path) -> dict[str, Any] | None:
    """The last check as recorded, or None (never checked, or the record unreadable)."""
    try:
        data = json.loads(record_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


class CatalogService:
    """One background thread: checks at start, every `interval_s`, and when nudged."""

    def __init__(
        self,
        check: Callable[[], Any],
        on_installed: Callable[[Any], None],
        interval_s: float = 900.0,
        clock: Callable[[], float] = time.time,
        record: Path | None = None,
    ):
        self.check = check  # catalog.updater.CatalogUpdater.check: -> UpdateResult(status, version, error ...)
        self.on_installed = on_installed
        self.interval_s = interval_s
        self.clock = clock
        self.record = record
        self.last: CheckRecord | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._trigger = "start"
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def run_once(self, trigger: str = "timer") -> CheckRecord:
        """Check now (callers in any thread; one check at a time)."""
        with self._lock:
            started = time.perf_counter()
            try:
                result = self.check()
                status, version = str(result.status), str(getattr(result, "version", "") or "")
                error = str(getattr(result, "error", "") or "")
            except Exception as exc:  # a bug in checking must not stop the terminal: say so, keep the catalog
                log.exception("catalog check failed")
                result, status, version, error = None, "failed", "", f"{type(exc).__name__}: {exc}"
            record = CheckRecord(self.clock(), status, version, error, (time.perf_counter() - started) * 1000, trigger)
            self.last = record
            self._keep(record)
        if status == "installed":
            log.info("catalog %s installed (%s); it goes live between sessions", version, trigger)
            self.on_installed(result)
        elif status == "failed":
            log.warning("catalog update failed (%s): %s", trigger, error)
        return record

    def _keep(self, record: CheckRecord) -> None:
        if self.record is None:
            return
        try:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            temp = self.record.with_suffix(".tmp")
            temp.write_text(json.dumps(asdict(record), ensure_ascii=False), encoding="utf-8")
            os.replace(temp, self.record)
        except OSError as exc:  # diagnostics lose a line; the catalog itself is unaffected
            log.warning("could not record the catalog check: %s", exc)

    def nudge(self, payload: dict[str, Any] | None = None) -> None:
        """A new catalog was published (the fleet's MQTT nudge): check now rather than at the next round."""
        self._trigger = "nudge"
        self._wake.set()

    def start(self) -> None:
        """Check in the background until `stop`."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="catalog-updates", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread (a check in flight finishes or times out first)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            trigger, self._trigger = self._trigger, "timer"
            self.run_once(trigger)
            self._wake.wait(self.interval_s)
            self._wake.clear()


def terminal_updater(config: Any):
    """The terminal's verified updater (catalog.updater) from its config, the bundles folder seeded with the
    built-in catalog on first use so there is always one to fall back to; None when updates are off."""
    from catalog import installed
    from catalog.store import CatalogBundleError
    from catalog.updater import CatalogUpdater

    if not config.catalog.update_url:
        return None
    bundles = config.catalog_bundles_dir
    if installed.resolve(bundles) is None and config.bundle_path.is_file():
        try:
            installed.seed(bundles, config.bundle_path)
        except CatalogBundleError as exc:
            log.warning("the built-in catalog cannot seed %s: %s", bundles, exc)
    return CatalogUpdater(config.catalog_metadata_dir, config.catalog.update_url, bundles, config.trusted_root_path)


def catalog_in_use(config: Any) -> Path:
    """The bundle the terminal opens: the installed update (or the one before it, if it does not open), else the
    built-in bundle."""
    from catalog import installed

    if config.catalog.update_url:
        found = installed.resolve(config.catalog_bundles_dir)
        if found is not None:
            return found
    return config.bundle_path
