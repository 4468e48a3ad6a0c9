"""`kiosk catalog keys-init | publish | resign-timestamp`: the admin's signed publishing (the terminal's side,
`kiosk catalog update`, lives in kiosk/catalog_service.py). Signing code is imported only when a command runs."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import timedelta
from operator import attrgetter
from pathlib import Path
from typing import Any


def _fail(message: str) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return 2


def cmd_keys_init(args: argparse.Namespace) -> int:
    """Generate the repository's signing keys."""
    from catalog.tuf_repo import PublishError, init_keys

    keys = Path(args.keys)
    try:
        manifest = init_keys(keys, root_threshold=args.root_threshold, role_keys=args.role_keys)
    except PublishError as exc:
        return _fail(str(exc))
    for role, entry in manifest.items():
        files = ", ".join(k["private"] for k in entry["keys"])
        print(f"{role}: {len(entry['keys'])} key(s), {entry['threshold']} signature(s) needed: {files}")
    print(f"keys written to {keys} (0600). After the repository is initialised (the first publish), move "
          f"{keys / 'offline'} off this machine: only key rotation needs it.")  # fmt: skip
    return 0


def _read_input(source: Path, version: str | None) -> tuple[str, str, list, list]:
    """(version, note, departments, items) of a catalog source folder or file; CatalogInvalid lists problems."""
    try:
        from catalog.importers import read_catalog  # CSV/XLSX/folder reader, when present
    except ImportError:
        read_catalog = None
    if read_catalog is None:
        if not source.is_dir():
            raise ValueError(f"{source} is not a catalog source folder (this version publishes folders only)")
        from catalog.validate import validate_source

        validated = validate_source(source)
        return version or validated.version, validated.note, validated.departments, validated.items
    items, departments = read_catalog(source)
    note = ""
    if source.is_dir():
        from catalog.source_files import read_manifest

        manifest = read_manifest(source)
        version = version or str(manifest.get("version") or "")
        note = str(manifest.get("note", ""))
    return version or time.strftime("%Y.%m.%d.%H%M"), note, departments, items


def _published(repo: Path) -> tuple[str, list] | None:
    """The version and items of the bundle the repository serves now (None before the first publication)."""
    from catalog.model import Item
    from catalog.store import CatalogStore
    from catalog.tuf_repo import published_target

    current = published_target(repo) if (repo / "metadata" / "1.root.json").exists() else None
    if current is None:
        return None
    path, custom = current
    with CatalogStore(path) as store:
        return str(custom.get("version")), [Item.from_record(record) for record in store.records()]


def _change_summary(published: tuple[str, list] | None, items: list) -> str:
    """What changes against the bundle the repository serves now (`_published`)."""
    try:
        from catalog.changes import compare
    except ImportError:
        compare = None
    if published is None:
        return f"first publication: {len(items)} items"
    version, old_items = published
    if compare is None:
        return f"replaces catalog {version} ({len(old_items)} items)"
    return f"changes since {version}: {compare(old_items, items).summary()}"


def _unchanged(published: tuple[str, list] | None, version: str, items: list) -> bool:
    """The repository already serves this version with these very items (a publish run twice)."""
    if published is None or published[0] != version:
        return False
    return sorted(published[1], key=attrgetter("id")) == sorted(items, key=attrgetter("id"))


def cmd_publish(args: argparse.Namespace) -> int:
    """Validate a catalog, compile it and publish it as a signed target."""
    from catalog.bundle import build_bundle
    from catalog.problems import CatalogInvalid
    from catalog.store import CatalogBundleError
    from catalog.tuf_repo import Lifetimes, PublishError, init_repo, publish_bundle

    source, repo, keys = Path(args.input), Path(args.repo), Path(args.keys)
    if not source.exists():
        return _fail(f"{source} does not exist")
    if args.expires_days < 1:
        return _fail("--expires-days must be at least 1")
    try:
        version, note, departments, items = _read_input(source, args.version)
    except CatalogInvalid:
        raise  # printed by `kiosk` exactly as `kiosk catalog build` prints it
    except ValueError as exc:
        return _fail(str(exc))
    lifetimes = Lifetimes(targets=timedelta(days=args.expires_days), snapshot=timedelta(days=args.expires_days))
    try:
        if not (repo / "metadata" / "1.root.json").exists():
            repo.mkdir(parents=True, exist_ok=True)
            root = init_repo(repo, keys, lifetimes)
            print(f"initialised the repository in {repo}; every terminal needs {root} as its trusted root "
                  "([catalog] trusted_root)")  # fmt: skip
        print(f"catalog {version}: {len(items)} items")
        try:
            published = _published(repo)
        except CatalogBundleError as exc:
            print(f"kiosk: warning: the published bundle cannot be read to compare: {exc}", file=sys.stderr)
            published = None
        if _unchanged(published, version, items):
            print(f"catalog {version} is already published with these items: nothing to publish")
            return 0
        print(_change_summary(published, items))
        with tempfile.TemporaryDirectory(prefix="kiosk-publish-") as tmp:
            info = build_bundle(version, note, departments, items, Path(tmp) / "catalog.sqlite")
            done = publish_bundle(repo, keys, info.path, lifetimes)
    except PublishError as exc:
        return _fail(str(exc))
    print(f"published catalog {done.version} ({done.items} items) as targets version {done.targets_version} "
          f"in {done.took_ms / 1000:.2f} s")  # fmt: skip
    return 0


def cmd_resign_timestamp(args: argparse.Namespace) -> int:
    """Re-sign the timestamp (and near-expiry targets/snapshot): for a scheduler."""
    from catalog.tuf_repo import PublishError, resign_timestamp

    try:
        done = resign_timestamp(Path(args.repo), Path(args.keys), timedelta(hours=args.expires_hours))
    except PublishError as exc:
        return _fail(str(exc))
    renewed = f"; renewed {' and '.join(done.renewed)}" if done.renewed else ""
    print(f"timestamp version {done.timestamp_version} valid until {done.expires.isoformat()}{renewed}")
    return 0


def _print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False), flush=True)


def add_parser(catalog: argparse._SubParsersAction) -> None:
    """Add the publishing and update commands to the `kiosk catalog` group."""
    keys_init = catalog.add_parser("keys-init", help="generate the update repository's signing keys")
    keys_init.add_argument("--keys", required=True, metavar="DIR", help="folder for the keys (created, 0700)")
    keys_init.add_argument("--root-threshold", type=int, default=1, metavar="N", help="root signatures needed")
    keys_init.add_argument("--role-keys", type=int, default=1, metavar="N", help="keys per online role")
    keys_init.set_defaults(func=cmd_keys_init)

    publish = catalog.add_parser("publish", help="validate, compile and publish a catalog as a signed update")
    publish.add_argument("input", metavar="INPUT", help="catalog source folder (or a CSV/XLSX file)")
    publish.add_argument("--repo", required=True, metavar="DIR", help="the repository folder a web server serves")
    publish.add_argument("--keys", required=True, metavar="DIR", help="the keys folder (kiosk catalog keys-init)")
    publish.add_argument("--expires-days", type=int, default=30, metavar="N", help="targets/snapshot lifetime")
    publish.add_argument("--version", help="catalog version (default: the source's manifest)")
    publish.set_defaults(func=cmd_publish)

    resign = catalog.add_parser("resign-timestamp", help="re-sign the repository's timestamp (run it hourly)")
    resign.add_argument("--repo", required=True, metavar="DIR")
    resign.add_argument("--keys", required=True, metavar="DIR")
    resign.add_argument("--expires-hours", type=float, default=24.0, metavar="H", help="timestamp lifetime")
    resign.set_defaults(func=cmd_resign_timestamp)
