"""The terminal's installed catalog bundles: a pointer file naming the current and the previous bundle, swapped
atomically, so that a power cut or a kill at any moment leaves a catalog that opens.

Layout of `bundles_dir`:
    <version>-<sha256[:12]>.sqlite   one file per installed bundle, never changed once in place
    current.json                    {"version", "file", "sha256", "installed_at", "previous": {...} or null}

Order of an install (each step durable before the next): the new bundle's bytes are fsynced under a temporary
name and renamed to its final name; the pointer is written to a temporary file, fsynced and renamed over
current.json; the directory is fsynced; only then are bundles that the pointer no longer names deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalog.store import CatalogBundleError, CatalogStore

log = logging.getLogger(__name__)

POINTER = "current.json"
KEEP = 2  # the current bundle and the one before it
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class InstalledBundle:
    """One bundle named by the pointer."""

    version: str
    file: str
    sha256: str
    path: Path

    def as_json(self) -> dict[str, str]:
        """The pointer's record of this bundle."""
        return {"version": self.version, "file": self.file, "sha256": self.sha256}


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def bundle_file_name(version: str, sha256: str) -> str:
    """`<version>-<sha256[:12]>.sqlite`, with characters unsafe in a file name replaced."""
    safe = _UNSAFE.sub("_", version).strip("._") or "catalog"
    return f"{safe[:64]}-{sha256[:12]}.sqlite"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_durably(path: Path, data: bytes) -> None:
    """Temporary file, fsync, rename over `path`, fsync the directory."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def read_pointer(bundles_dir: Path) -> dict[str, Any] | None:
    """The pointer file's content, or None when it is missing or unreadable."""
    try:
        data = json.loads((Path(bundles_dir) / POINTER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _entry(bundles_dir: Path, record: Any) -> InstalledBundle | None:
    if not isinstance(record, dict):
        return None
    try:
        version, file, sha = str(record["version"]), str(record["file"]), str(record["sha256"])
    except KeyError:
        return None
    if "/" in file or file.startswith("."):  # the pointer only ever names files in bundles_dir
        return None
    return InstalledBundle(version, file, sha, Path(bundles_dir) / file)


def _usable(bundle: InstalledBundle, check_hash: bool = True) -> bool:
    """The file is there, has the recorded bytes and opens as a catalog of the recorded version."""
    try:
        if check_hash and sha256_file(bundle.path) != bundle.sha256:
            log.warning("catalog bundle %s does not match its recorded hash", bundle.path)
            return False
        with CatalogStore(bundle.path) as store:
            return store.version == bundle.version
    except (OSError, CatalogBundleError) as exc:
        log.warning("catalog bundle %s is not usable: %s", bundle.path, exc)
        return False


def current(bundles_dir: Path) -> InstalledBundle | None:
    """The bundle the pointer names as current (not checked: see `resolve`)."""
    pointer = read_pointer(bundles_dir)
    return _entry(bundles_dir, pointer) if pointer else None


def resolve_bundle(bundles_dir: Path) -> InstalledBundle | None:
    """The current bundle if it opens and its hash matches, else the previous one, else the newest intact
    bundle file in the folder (a pointer lost to a damaged disk), else None."""
    bundles_dir = Path(bundles_dir)
    pointer = read_pointer(bundles_dir)
    named = [_entry(bundles_dir, pointer), _entry(bundles_dir, pointer.get("previous"))] if pointer else []
    for bundle in named:
        if bundle is not None and _usable(bundle):
            return bundle
    # Last resort: a file whose name carries the start of its own hash is one this module wrote whole.
    try:
        files = sorted(bundles_dir.glob("*-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        files = []
    for path in files:
        stem_hash = path.stem.rsplit("-", 1)[-1]
        try:
            sha = sha256_file(path)
            if not sha.startswith(stem_hash):
                continue
            with CatalogStore(path) as store:
                log.warning("catalog pointer unusable: falling back to %s", path.name)
                return InstalledBundle(store.version, path.name, sha, path)
        except (OSError, CatalogBundleError):
            continue
    return None


def resolve(bundles_dir: Path) -> Path | None:
    """The path of the bundle the terminal should open (see `resolve_bundle`), or None."""
    bundle = resolve_bundle(bundles_dir)
    return bundle.path if bundle else None


def copy_atomically(src: Path, dest: Path) -> None:
    """Copy `src` to `dest` through a temporary file beside it: `dest` is whole, on disk, or not there at all."""
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}-", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as f:
            shutil.copyfileobj(f, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _place(bundles_dir: Path, new_file: Path, name: str, move: bool) -> Path:
    """Put `new_file` at bundles_dir/name with its bytes on disk before the name appears."""
    dest = bundles_dir / name
    if move:
        with open(new_file, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(new_file, 0o644)
        os.replace(new_file, dest)
    else:
        copy_atomically(new_file, dest)
    _fsync_dir(bundles_dir)
    return dest


def install(
    bundles_dir: Path, new_file: Path, version: str, *, sha256: str | None = None, move: bool = False
) -> InstalledBundle:
    """Make `new_file` (a verified bundle of `version`) the current bundle, keeping the one before as previous.

    The file is copied (or, with `move`, renamed: it must then be on the same file system, e.g. a download
    into bundles_dir). Bundles the pointer no longer names are deleted afterwards.
    """
    bundles_dir = Path(bundles_dir)
    bundles_dir.mkdir(parents=True, exist_ok=True)
    sha = sha256 or sha256_file(new_file)
    name = bundle_file_name(version, sha)
    old = resolve_bundle(bundles_dir)
    if old is not None and old.file == name:
        if move:
            Path(new_file).unlink(missing_ok=True)
        return old  # already current: nothing to swap
    dest = _place(bundles_dir, Path(new_file), name, move)
    new = InstalledBundle(version, name, sha, dest)
    pointer = {
        **new.as_json(),
        "installed_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "previous": old.as_json() if old is not None else None,
    }
    _write_durably(bundles_dir / POINTER, json.dumps(pointer, ensure_ascii=False, indent=1).encode())
    prune(bundles_dir)
    return new


def prune(bundles_dir: Path) -> list[str]:
    """Delete bundle and temporary files the pointer does not name; the names deleted."""
    pointer = read_pointer(bundles_dir)
    if pointer is None:
        return []  # without a readable pointer nothing is known to be unused: delete nothing
    keep = {POINTER}
    for record in (pointer, pointer.get("previous")):  # KEEP bundles: the current one and the one before
        entry = _entry(bundles_dir, record)
        if entry is not None:
            keep.add(entry.file)
    removed = []
    for path in Path(bundles_dir).iterdir():
        if path.name in keep or not path.is_file():
            continue
        if path.suffix == ".sqlite" or path.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path.name)
    return removed


def seed(bundles_dir: Path, builtin: Path) -> InstalledBundle:
    """On first start, install the terminal's built-in bundle so that there is always a catalog to fall back to;
    an existing usable installation is kept as it is."""
    found = resolve_bundle(bundles_dir)
    if found is not None:
        return found
    with CatalogStore(builtin) as store:
        version = store.version
    return install(bundles_dir, builtin, version)
