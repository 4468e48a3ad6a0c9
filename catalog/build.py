"""`catalog build`: validate a source tree and compile it; keep the default bundle in step with its source."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from catalog.bundle import BundleInfo, build_bundle
from catalog.store import CatalogBundleError, CatalogStore


def source_digest(source: Path) -> str:
    """A SHA-256 over every source file's path and bytes: changes whenever the source does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in source.rglob("*") if p.is_file() and p.suffix in (".yaml", ".toml")):
        digest.update(str(path.relative_to(source)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build_from_source(source: Path, out: Path) -> BundleInfo:
    """Validate `source` (raising CatalogInvalid with every problem) and compile it to `out`."""
    from catalog.validate import validate_source  # YAML parsing is only needed when building

    validated = validate_source(source)
    # The source digest lets a stale default bundle be rebuilt on start.
    return build_bundle(
        validated.version,
        validated.note,
        validated.departments,
        validated.items,
        out,
        extra_meta={"source_digest": source_digest(source)},
    )


def ensure_bundle(source: Path, bundle: Path, warn: Callable[[str], None] | None = None) -> BundleInfo | None:
    """Build `bundle` from `source` when it is missing, unreadable or built from another version of it.

    Returns the build's info, or None when the existing bundle is kept. When the changed source does not
    validate but a readable bundle exists, the terminal keeps serving that bundle: with `warn` the problem
    is reported there; without it, CatalogInvalid is raised as by `build_from_source`.
    """
    usable = False
    if bundle.exists():
        try:
            with CatalogStore(bundle) as store:
                if store.meta.get("source_digest") == source_digest(source):
                    return None
                usable = True
        except CatalogBundleError:
            pass  # rebuilt below; the message would only repeat what the rebuild fixes
    from catalog.validate import CatalogInvalid

    try:
        return build_from_source(source, bundle)
    except CatalogInvalid as exc:
        if not (usable and warn):
            raise
        warn(f"the catalog source changed but does not validate; keeping the current bundle.\n{exc}")
        return None
