"""Publishing catalog bundles as signed targets of a TUF repository (python-tuf's Metadata API), served by any
static HTTP host or object store.

Keys (`init_keys`), in `keys_dir`:
    keys.json                         roles, thresholds, public keys and where each private key lives
    offline/root-<n>.pem              root keys: meant to live off this machine (only init and rotation use them)
    online/<role>-<n>.pem             targets, snapshot and timestamp keys (publishing and re-signing)
Files 0600, folders 0700. Private keys are PEM/PKCS#8 ed25519, unencrypted: protect the folder.

Repository (`init_repo`, `publish_bundle`), in `repo_dir`, consistent snapshots on:
    metadata/<n>.root.json, root.json  every root version (terminals step through them); root.json the newest
    metadata/<n>.targets.json          the catalog target, custom {"version", "items"}
    metadata/<n>.snapshot.json
    metadata/timestamp.json            the only file rewritten in place (by rename), and always last
    targets/<sha256>.catalog.sqlite    the bundle under its hash
Every new file is written to a temporary name and renamed, new versions under new names and timestamp.json
last, so a static server never serves half a publication. The last KEEP_VERSIONS versions stay for terminals
that are in the middle of an update.

Lifetimes (see `Lifetimes`): root 365 days, targets and snapshot 30 days, timestamp 1 day. The timestamp must be
re-signed by a scheduler (`resign_timestamp`, e.g. hourly): a terminal that sees an expired timestamp keeps its
catalog and reports a freeze, so the timestamp's lifetime is how long an attacker can hide new catalogs. The
re-signing also renews targets and snapshot when they have less than a week left, so a quiet month without
publications does not darken the fleet.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner, Key
from tuf.api.metadata import Metadata, MetaFile, Root, Snapshot, TargetFile, Targets, Timestamp

from catalog.installed import copy_atomically, sha256_file
from catalog.store import CatalogBundleError, CatalogStore

TARGET_NAME = "catalog.sqlite"
ONLINE_ROLES = ("targets", "snapshot", "timestamp")
ROLES = ("root", *ONLINE_ROLES)
KEYS_MANIFEST = "keys.json"
KEEP_VERSIONS = 3
_VERSIONED = re.compile(r"^(\d+)\.(root|targets|snapshot)\.json$")


class PublishError(RuntimeError):
    """Publishing cannot go on; the message says why in plain words."""


@dataclass(frozen=True)
class Lifetimes:
    """How long each role's metadata stays valid after signing."""

    root: timedelta = timedelta(days=365)
    targets: timedelta = timedelta(days=30)
    snapshot: timedelta = timedelta(days=30)
    timestamp: timedelta = timedelta(days=1)

    def of(self, role: str) -> timedelta:
        """The lifetime of `role`."""
        return getattr(self, role)


@dataclass(frozen=True)
class Published:
    """What a publication produced."""

    version: str  # the catalog bundle's version
    items: int
    sha256: str
    targets_version: int
    snapshot_version: int
    timestamp_version: int
    took_ms: float


@dataclass(frozen=True)
class Resigned:
    """What a re-signing produced."""

    timestamp_version: int
    expires: datetime
    renewed: tuple[str, ...]  # targets/snapshot when they were near expiry


# -- keys ------------------------------------------------------------------------------------------------------
def _private_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _write_manifest(keys_dir: Path, manifest: dict[str, Any]) -> None:
    tmp = keys_dir / f".{KEYS_MANIFEST}.tmp"
    tmp.unlink(missing_ok=True)
    _private_write(tmp, json.dumps(manifest, indent=1).encode())
    os.replace(tmp, keys_dir / KEYS_MANIFEST)


def _new_key(keys_dir: Path, role: str) -> dict[str, Any]:
    """Generate one ed25519 key for `role`: its private PEM file and its manifest entry."""
    signer = CryptoSigner.generate_ed25519()
    folder = "offline" if role == "root" else "online"
    n = 1
    while (keys_dir / folder / f"{role}-{n}.pem").exists() or (keys_dir / "retired" / f"{role}-{n}.pem").exists():
        n += 1
    relative = f"{folder}/{role}-{n}.pem"
    _private_write(keys_dir / relative, signer.private_bytes)
    return {"keyid": signer.public_key.keyid, "public": signer.public_key.to_dict(), "private": relative}


def init_keys(
    keys_dir: Path,
    root_threshold: int = 1,
    role_keys: int = 1,
    *,
    root_keys: int | None = None,
    thresholds: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """Generate ed25519 keys for the four roles into `keys_dir` and return its manifest.

    Root gets `root_keys` keys (default: `root_threshold`) and needs `root_threshold` signatures; targets,
    snapshot and timestamp get `role_keys` keys each and need `thresholds[role]` signatures (default 1).
    """
    keys_dir = Path(keys_dir)
    if (keys_dir / KEYS_MANIFEST).exists():
        raise PublishError(f"{keys_dir} already holds keys ({KEYS_MANIFEST}); refusing to replace them")
    wanted = {"root": root_threshold, **{role: 1 for role in ONLINE_ROLES}, **(thresholds or {})}
    counts = {"root": max(root_keys or root_threshold, wanted["root"])}
    counts.update({role: max(role_keys, wanted[role]) for role in ONLINE_ROLES})
    for role in ROLES:
        if role not in wanted or wanted[role] < 1:
            raise PublishError(f"the threshold of {role} must be at least 1")
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(keys_dir, 0o700)
    manifest = {role: {"threshold": wanted[role], "keys": [_new_key(keys_dir, role) for _ in range(counts[role])]}
                for role in ROLES}  # fmt: skip
    _write_manifest(keys_dir, manifest)
    return manifest


def read_keys(keys_dir: Path) -> dict[str, Any]:
    """The keys manifest of `keys_dir`."""
    try:
        return json.loads((Path(keys_dir) / KEYS_MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PublishError(f"{keys_dir} holds no keys: run `kiosk catalog keys-init --keys {keys_dir}`") from None
    except (OSError, ValueError) as exc:
        raise PublishError(f"{Path(keys_dir) / KEYS_MANIFEST} is unreadable: {exc}") from exc


def _public_keys(manifest: dict[str, Any], role: str) -> list[Key]:
    return [Key.from_dict(entry["keyid"], dict(entry["public"])) for entry in manifest[role]["keys"]]


def load_signers(keys_dir: Path, role: str) -> list[CryptoSigner]:
    """The private keys of `role` present in `keys_dir` (root keys may be absent: they live offline)."""
    keys_dir = Path(keys_dir)
    signers = []
    for entry in read_keys(keys_dir)[role]["keys"]:
        path = keys_dir / entry["private"]
        if path.is_file():
            signers.append(CryptoSigner(load_pem_private_key(path.read_bytes(), None)))
    return signers


# -- repository files ------------------------------------------------------------------------------------------
def _write_atomically(path: Path, data: bytes) -> None:
    """Temporary file in the same folder, fsync, rename: readers see the old file or the new one, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # served by a web server running as another user
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _locked(repo_dir: Path) -> Iterator[None]:
    """One publisher at a time on this repository folder (a lock on the folder itself: no file to serve)."""
    fd = os.open(repo_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _expiry(lifetime: timedelta) -> datetime:
    return datetime.now(UTC) + lifetime


def _sign(md: Metadata, root: Root, keys_dir: Path, role: str, extra: list[CryptoSigner] | None = None) -> None:
    """Sign with every key of `role` that root trusts and this machine holds; enough of them or PublishError."""
    allowed = set(root.roles[role].keyids)
    signers = [s for s in load_signers(keys_dir, role) + (extra or []) if s.public_key.keyid in allowed]
    threshold = root.roles[role].threshold
    if len({s.public_key.keyid for s in signers}) < threshold:
        raise PublishError(
            f"{role} needs {threshold} signature(s) but only {len(signers)} of its keys are in {keys_dir}"
        )
    md.signatures.clear()
    for signer in signers:
        md.sign(signer, append=True)


def _metadata_dir(repo_dir: Path) -> Path:
    return Path(repo_dir) / "metadata"


def _versions(repo_dir: Path, role: str) -> list[int]:
    folder = _metadata_dir(repo_dir)
    found = (_VERSIONED.match(p.name) for p in folder.iterdir()) if folder.is_dir() else iter(())
    return sorted(int(m.group(1)) for m in found if m and m.group(2) == role)


def _load_root(repo_dir: Path) -> Metadata[Root]:
    versions = _versions(repo_dir, "root")
    if not versions:
        raise PublishError(f"{repo_dir} is not a catalog repository yet (no metadata/1.root.json)")
    return Metadata[Root].from_file(str(_metadata_dir(repo_dir) / f"{versions[-1]}.root.json"))


def _load_current(repo_dir: Path) -> tuple[Metadata[Root], Metadata[Targets], Metadata[Snapshot], Metadata[Timestamp]]:
    folder = _metadata_dir(repo_dir)
    root = _load_root(repo_dir)
    timestamp = Metadata[Timestamp].from_file(str(folder / "timestamp.json"))
    snapshot = Metadata[Snapshot].from_file(str(folder / f"{timestamp.signed.snapshot_meta.version}.snapshot.json"))
    targets_version = snapshot.signed.meta["targets.json"].version
    targets = Metadata[Targets].from_file(str(folder / f"{targets_version}.targets.json"))
    return root, targets, snapshot, timestamp


def _write_chain(
    repo_dir: Path,
    keys_dir: Path,
    root: Root,
    targets: Metadata[Targets] | None,
    snapshot: Metadata[Snapshot],
    timestamp: Metadata[Timestamp],
    lifetimes: Lifetimes,
) -> None:
    """Bump, sign and write (targets,) snapshot and timestamp, in that order: timestamp.json last."""
    folder = _metadata_dir(repo_dir)
    if targets is not None:
        targets.signed.version += 1
        targets.signed.expires = _expiry(lifetimes.targets)
        _sign(targets, root, keys_dir, "targets")
        snapshot.signed.meta["targets.json"] = MetaFile(version=targets.signed.version)
    snapshot.signed.version += 1
    snapshot.signed.expires = _expiry(lifetimes.snapshot)
    _sign(snapshot, root, keys_dir, "snapshot")
    timestamp.signed.snapshot_meta = MetaFile(version=snapshot.signed.version)
    timestamp.signed.version += 1
    timestamp.signed.expires = _expiry(lifetimes.timestamp)
    _sign(timestamp, root, keys_dir, "timestamp")
    if targets is not None:
        _write_atomically(folder / f"{targets.signed.version}.targets.json", targets.to_bytes())
    _write_atomically(folder / f"{snapshot.signed.version}.snapshot.json", snapshot.to_bytes())
    _write_atomically(folder / "timestamp.json", timestamp.to_bytes())


def init_repo(repo_dir: Path, keys_dir: Path, lifetimes: Lifetimes = Lifetimes()) -> Path:
    """Create the four roles (root version 1, consistent snapshots, no catalog yet); returns the root file that
    terminals must ship with as their trusted root."""
    repo_dir, keys_dir = Path(repo_dir), Path(keys_dir)
    folder = _metadata_dir(repo_dir)
    if (folder / "1.root.json").exists():
        raise PublishError(f"{repo_dir} is already a catalog repository")
    folder.mkdir(parents=True, exist_ok=True)
    (repo_dir / "targets").mkdir(exist_ok=True)
    manifest = read_keys(keys_dir)
    root = Root(expires=_expiry(lifetimes.root), consistent_snapshot=True)
    for role in ROLES:
        for key in _public_keys(manifest, role):
            root.add_key(key, role)
        root.roles[role].threshold = int(manifest[role]["threshold"])
    root_md = Metadata(root)
    _sign(root_md, root, keys_dir, "root")
    with _locked(repo_dir):
        targets, snapshot, timestamp = Metadata(Targets()), Metadata(Snapshot()), Metadata(Timestamp())
        for md in (targets, snapshot, timestamp):
            md.signed.version = 0  # _write_chain bumps each to version 1
        _write_atomically(folder / "1.root.json", root_md.to_bytes())
        _write_atomically(folder / "root.json", root_md.to_bytes())
        _write_chain(repo_dir, keys_dir, root, targets, snapshot, timestamp, lifetimes)
    return folder / "1.root.json"


def published_target(repo_dir: Path) -> tuple[Path, dict[str, Any]] | None:
    """The bundle file the repository serves now and its custom info, or None before the first publication."""
    _, targets, _, _ = _load_current(Path(repo_dir))
    target = targets.signed.targets.get(TARGET_NAME)
    if target is None:
        return None
    return Path(repo_dir) / "targets" / f"{target.hashes['sha256']}.{TARGET_NAME}", dict(target.custom or {})


def _prune(repo_dir: Path) -> None:
    """Keep the last KEEP_VERSIONS targets and snapshot versions and the bundles they name."""
    folder = _metadata_dir(repo_dir)
    for role in ("targets", "snapshot"):
        for version in _versions(repo_dir, role)[:-KEEP_VERSIONS]:
            (folder / f"{version}.{role}.json").unlink(missing_ok=True)
    named = set()
    for version in _versions(repo_dir, "targets"):
        md = Metadata[Targets].from_file(str(folder / f"{version}.targets.json"))
        named.update(f"{t.hashes['sha256']}.{t.path}" for t in md.signed.targets.values())
    for path in (Path(repo_dir) / "targets").iterdir():
        if path.is_file() and path.name not in named and not path.name.startswith("."):
            path.unlink(missing_ok=True)


def publish_bundle(repo_dir: Path, keys_dir: Path, bundle_path: Path, lifetimes: Lifetimes = Lifetimes()) -> Published:
    """Add or replace the catalog target with `bundle_path` and sign new targets, snapshot and timestamp."""
    started = time.perf_counter()
    repo_dir, keys_dir = Path(repo_dir), Path(keys_dir)
    try:
        with CatalogStore(Path(bundle_path)) as store:
            version = store.version
            items = int(store.meta.get("item_count") or store.stats()["total"])
    except CatalogBundleError as exc:
        raise PublishError(f"refusing to publish: {exc}") from exc
    sha = sha256_file(Path(bundle_path))
    with _locked(repo_dir):
        root, targets, snapshot, timestamp = _load_current(repo_dir)
        old = targets.signed.targets.get(TARGET_NAME)
        if old is not None and (old.custom or {}).get("version") == version and old.hashes["sha256"] != sha:
            raise PublishError(
                f"catalog version {version} is already published with other content: give the new catalog a "
                "new version (manifest.toml) so that terminals can tell them apart"
            )
        stored = repo_dir / "targets" / f"{sha}.{TARGET_NAME}"
        if not stored.exists():
            copy_atomically(Path(bundle_path), stored)
        target = TargetFile.from_file(TARGET_NAME, str(stored), ["sha256"])
        target.unrecognized_fields["custom"] = {"version": version, "items": items}
        targets.signed.targets = {TARGET_NAME: target}
        _write_chain(repo_dir, keys_dir, root.signed, targets, snapshot, timestamp, lifetimes)
        _prune(repo_dir)
    return Published(
        version,
        items,
        sha,
        targets.signed.version,
        snapshot.signed.version,
        timestamp.signed.version,
        (time.perf_counter() - started) * 1000,
    )


def resign_timestamp(
    repo_dir: Path,
    keys_dir: Path,
    expires_in: timedelta = timedelta(days=1),
    renew_within: timedelta = timedelta(days=7),
    lifetimes: Lifetimes = Lifetimes(),
) -> Resigned:
    """Sign a new timestamp valid for `expires_in` (for a scheduler); targets and snapshot are renewed too when
    they expire within `renew_within`."""
    repo_dir, keys_dir = Path(repo_dir), Path(keys_dir)
    lifetimes = Lifetimes(lifetimes.root, lifetimes.targets, lifetimes.snapshot, expires_in)
    soon = datetime.now(UTC) + renew_within
    with _locked(repo_dir):
        root, targets, snapshot, timestamp = _load_current(repo_dir)
        renew_targets = targets.signed.expires <= soon
        renewed: tuple[str, ...] = ()
        if renew_targets or snapshot.signed.expires <= soon:
            renewed = ("targets", "snapshot") if renew_targets else ("snapshot",)
            _write_chain(repo_dir, keys_dir, root.signed, targets if renew_targets else None, snapshot, timestamp,
                         lifetimes)  # fmt: skip
            _prune(repo_dir)
        else:
            timestamp.signed.version += 1
            timestamp.signed.expires = _expiry(expires_in)
            _sign(timestamp, root.signed, keys_dir, "timestamp")
            _write_atomically(_metadata_dir(repo_dir) / "timestamp.json", timestamp.to_bytes())
    return Resigned(timestamp.signed.version, timestamp.signed.expires, renewed)


def rotate_keys(
    repo_dir: Path, keys_dir: Path, roles: tuple[str, ...] = ("root",), lifetimes: Lifetimes = Lifetimes()
) -> int:
    """Replace the keys of `roles` with new ones: a new root version signed by the old root keys and the new
    ones (so terminals trusting the old root accept it), then targets, snapshot and timestamp re-signed.
    Retired private keys move to keys_dir/retired/. Returns the new root version."""
    repo_dir, keys_dir = Path(repo_dir), Path(keys_dir)
    manifest = read_keys(keys_dir)
    for role in roles:
        if role not in ROLES:
            raise PublishError(f"unknown role {role!r} (known: {', '.join(ROLES)})")
    with _locked(repo_dir):
        root_md, targets, snapshot, timestamp = _load_current(repo_dir)
        old_root = root_md.signed
        old_signers = [s for s in load_signers(keys_dir, "root") if s.public_key.keyid in old_root.roles["root"].keyids]
        if len(old_signers) < old_root.roles["root"].threshold:
            raise PublishError(
                f"rotating keys needs {old_root.roles['root'].threshold} of the current root keys in {keys_dir}"
            )
        new_root = Root.from_dict(old_root.to_dict())
        retired: list[dict[str, Any]] = []
        for role in roles:
            count = len(manifest[role]["keys"])
            for keyid in list(new_root.roles[role].keyids):
                new_root.revoke_key(keyid, role)
            retired += manifest[role]["keys"]
            manifest[role]["keys"] = [_new_key(keys_dir, role) for _ in range(count)]
            for key in _public_keys(manifest, role):
                new_root.add_key(key, role)
        new_root.version += 1
        new_root.expires = _expiry(lifetimes.root)
        new_md = Metadata(new_root)
        _write_manifest(keys_dir, manifest)  # the new keys are now the ones _sign finds
        # The new root must satisfy both the old root's threshold (trust moves on) and its own.
        _sign(new_md, new_root, keys_dir, "root", extra=old_signers)
        for signer in old_signers:
            if signer.public_key.keyid not in {s.keyid for s in new_md.signatures.values()}:
                new_md.sign(signer, append=True)
        folder = _metadata_dir(repo_dir)
        _write_atomically(folder / f"{new_root.version}.root.json", new_md.to_bytes())
        _write_atomically(folder / "root.json", new_md.to_bytes())
        _write_chain(repo_dir, keys_dir, new_root, targets, snapshot, timestamp, lifetimes)
        _prune(repo_dir)
    retired_dir = keys_dir / "retired"
    retired_dir.mkdir(exist_ok=True, mode=0o700)
    for entry in retired:
        path = keys_dir / entry["private"]
        if path.exists():
            os.replace(path, retired_dir / path.name)
    return new_root.version
