"""`catalog build`: validate a source tree and compile it; keep the default bundle in step with its source."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from catalog.bundle import BundleInfo, build_bundle
from catalog.store import CatalogBundleError, CatalogStore
from catalog.validate import validate_source


def source_digest(source: Path) -> str:
    """A SHA-256 over every source file's path and bytes: changes whenever the source does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in source.rglob("*") if p.is_file() and p.suffix in (".yaml", ".toml")):
        digest.update(str(path.relative_to(source)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build_from_source(source: Path, out: Path) -> BundleInfo:
    """Validate `source` (raising CatalogInvalid with every problem) and compile it to `out`."""
    validated = validate_source(source)
    info = build_bundle(validated.version, validated.note, validated.departments, validated.items, out)
    # Record which source the bundle came from, so a stale default bundle is rebuilt on start.
    conn = sqlite3.connect(out)
    try:
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('source_digest', ?)", (source_digest(source),))
        conn.commit()
    finally:
        conn.close()
    return info


def ensure_bundle(source: Path, bundle: Path) -> BundleInfo | None:
    """Build `bundle` from `source` when it is missing, unreadable or built from another version of it.

    Returns the build's info, or None when the existing bundle was already current.
    """
    if bundle.exists():
        try:
            with CatalogStore(bundle) as store:
                if store.meta.get("source_digest") == source_digest(source):
                    return None
        except CatalogBundleError:
            pass  # rebuilt below; the message would only repeat what the rebuild fixes
    return build_from_source(source, bundle)
