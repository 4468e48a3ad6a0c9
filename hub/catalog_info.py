"""The version of the catalog bundle the hub serves, re-read when the bundle file is replaced."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

from catalog.store import CatalogBundleError, CatalogStore
from hub.clock import HUB_TZ


class CatalogUnavailable(RuntimeError):
    """The hub has no readable catalog bundle."""


class CatalogInfo:
    """Reads a bundle's version and build time; bundles are replaced by rename, so (inode, mtime) says when to
    read again."""

    def __init__(self, bundle: Path | None):
        self.bundle = bundle
        self._lock = threading.Lock()
        self._seen: tuple[int, int] | None = None
        self._value: tuple[str, datetime | None] | None = None

    def version(self) -> tuple[str, datetime | None]:
        """(version, published_at) of the bundle; CatalogUnavailable when there is none."""
        if self.bundle is None:
            raise CatalogUnavailable("the hub has no catalog bundle configured")
        try:
            stat = self.bundle.stat()
        except OSError as exc:
            raise CatalogUnavailable(f"no catalog bundle at {self.bundle}") from exc
        with self._lock:
            if self._seen != (stat.st_ino, stat.st_mtime_ns) or self._value is None:
                try:
                    with CatalogStore(self.bundle) as store:
                        version, built = store.version, store.meta.get("built_at", "")
                except CatalogBundleError as exc:
                    raise CatalogUnavailable(str(exc)) from exc
                self._value = (version, _parse_built_at(built))
                self._seen = (stat.st_ino, stat.st_mtime_ns)
            return self._value


def _parse_built_at(text: str) -> datetime | None:
    """The bundle's `built_at` (`%Y-%m-%dT%H:%M:%S%z`), None when absent or unreadable."""
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z").astimezone(HUB_TZ)
    except ValueError:
        return None
