"""Publishing signed catalog bundles (admin side): keys, the repository's layout, thresholds, re-signing, a reader
that never sees half a publication, and the `kiosk catalog` publishing commands."""

from __future__ import annotations

import json
import shutil
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tuf.api.metadata import Metadata, Root, Snapshot, Targets, Timestamp

from catalog import tuf_repo
from catalog.store import CatalogStore

SOURCE = Path(__file__).resolve().parents[2] / "catalog" / "source"
RENAMED = "建设项目人防工程竣工验收（2026年修订）"


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Path]:
    """A fresh repository and its keys, with no catalog yet."""
    keys, repo_dir = tmp_path / "keys", tmp_path / "repo"
    tuf_repo.init_keys(keys)
    tuf_repo.init_repo(repo_dir, keys)
    return repo_dir, keys


def chain(repo_dir: Path) -> tuple[Metadata[Root], Metadata[Targets], Metadata[Snapshot], Metadata[Timestamp]]:
    folder = repo_dir / "metadata"
    root = Metadata[Root].from_file(str(folder / "root.json"))
    timestamp = Metadata[Timestamp].from_file(str(folder / "timestamp.json"))
    snapshot = Metadata[Snapshot].from_file(str(folder / f"{timestamp.signed.snapshot_meta.version}.snapshot.json"))
    targets_file = folder / f"{snapshot.signed.meta['targets.json'].version}.targets.json"
    return root, Metadata[Targets].from_file(str(targets_file)), snapshot, timestamp


def test_keys_are_private_and_root_keys_are_kept_apart(tmp_path: Path):
    keys = tmp_path / "keys"
    manifest = tuf_repo.init_keys(keys)
    assert [k["private"] for k in manifest["root"]["keys"]] == ["offline/root-1.pem"]
    for role in tuf_repo.ONLINE_ROLES:
        assert [k["private"] for k in manifest[role]["keys"]] == [f"online/{role}-1.pem"]
    for path in [keys, *keys.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    with pytest.raises(tuf_repo.PublishError, match="already holds keys"):
        tuf_repo.init_keys(keys)


def test_publish_writes_a_consistent_snapshot_repository(repo, bundle_path: Path, bundle_v2: Path):
    repo_dir, keys = repo
    first = tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    assert (first.version, first.items, first.targets_version, first.timestamp_version) == ("2026.11.26", 1304, 2, 2)
    second = tuf_repo.publish_bundle(repo_dir, keys, bundle_v2)
    assert (second.version, second.targets_version, second.snapshot_version) == ("2026.11.27", 3, 3)
    root, targets, snapshot, timestamp = chain(repo_dir)
    assert root.signed.consistent_snapshot and root.signed.version == 1
    target = targets.signed.targets["catalog.sqlite"]
    assert target.custom == {"version": "2026.11.27", "items": 1304} and target.length == bundle_v2.stat().st_size
    stored = repo_dir / "targets" / f"{target.hashes['sha256']}.catalog.sqlite"
    assert stored.read_bytes() == bundle_v2.read_bytes()
    for role, md in (("targets", targets), ("snapshot", snapshot), ("timestamp", timestamp)):
        root.verify_delegate(role, md)  # raises unless the role's keys signed it
    assert timestamp.signed.expires - datetime.now(UTC) < timedelta(days=1, minutes=1)
    assert timestamp.signed.snapshot_meta.version == snapshot.signed.version
    names = sorted(p.name for p in (repo_dir / "metadata").iterdir())
    assert names == ["1.root.json", "1.snapshot.json", "1.targets.json", "2.snapshot.json", "2.targets.json",
                     "3.snapshot.json", "3.targets.json", "root.json", "timestamp.json"]  # fmt: skip
    assert not [p for p in repo_dir.rglob("*") if p.name.endswith(".tmp")]


def test_a_version_cannot_be_republished_with_other_content(repo, bundle_path: Path, tmp_path: Path):
    repo_dir, keys = repo
    tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    other = tmp_path / "same-version.sqlite"
    shutil.copyfile(bundle_path, other)
    with open(other, "ab") as f:
        f.write(b"\0" * 512)  # other bytes, same meta version
    with pytest.raises(tuf_repo.PublishError, match="already published"):
        tuf_repo.publish_bundle(repo_dir, keys, other)


def test_old_versions_are_pruned_but_the_recent_ones_stay(repo, bundle_path: Path, bundle_v2: Path):
    repo_dir, keys = repo
    for _ in range(3):
        tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
        tuf_repo.publish_bundle(repo_dir, keys, bundle_v2)
    targets_versions = sorted(int(p.name.split(".")[0]) for p in (repo_dir / "metadata").glob("*.targets.json"))
    assert targets_versions == [5, 6, 7]
    assert len(list((repo_dir / "targets").iterdir())) == 2  # both bundles are named by a kept targets version


def test_thresholds_need_enough_keys(tmp_path: Path, bundle_path: Path):
    keys, repo_dir = tmp_path / "keys", tmp_path / "repo"
    manifest = tuf_repo.init_keys(keys, root_threshold=2, role_keys=2, thresholds={"targets": 2})
    assert len(manifest["root"]["keys"]) == 2 and len(manifest["timestamp"]["keys"]) == 2
    tuf_repo.init_repo(repo_dir, keys)
    tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    root, targets, _, timestamp = chain(repo_dir)
    assert root.signed.roles["root"].threshold == 2 and len(root.signatures) == 2
    assert root.signed.roles["targets"].threshold == 2 and len(targets.signatures) == 2
    assert root.signed.roles["timestamp"].threshold == 1 and len(timestamp.signatures) == 2
    (keys / "online" / "targets-2.pem").unlink()
    with pytest.raises(tuf_repo.PublishError, match="targets needs 2 signature"):
        tuf_repo.publish_bundle(repo_dir, keys, bundle_path)


def test_resign_timestamp_bumps_it_and_renews_what_nears_expiry(repo, bundle_path: Path):
    repo_dir, keys = repo
    tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    _, targets, snapshot, timestamp = chain(repo_dir)
    done = tuf_repo.resign_timestamp(repo_dir, keys, expires_in=timedelta(hours=6))
    _, targets2, snapshot2, timestamp2 = chain(repo_dir)
    assert done.renewed == () and timestamp2.signed.version == timestamp.signed.version + 1
    assert targets2.signed.version == targets.signed.version and snapshot2.signed.version == snapshot.signed.version
    assert timedelta(hours=5) < timestamp2.signed.expires - datetime.now(UTC) <= timedelta(hours=6)
    done = tuf_repo.resign_timestamp(repo_dir, keys, renew_within=timedelta(days=60))  # targets expire in 30 days
    _, targets3, _, _ = chain(repo_dir)
    assert done.renewed == ("targets", "snapshot") and targets3.signed.version == targets.signed.version + 1
    assert targets3.signed.targets == targets.signed.targets


def test_a_reader_never_sees_half_a_publication(repo, bundle_path: Path, bundle_v2: Path):
    repo_dir, keys = repo
    tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    stop, problems, reads = threading.Event(), [], [0]

    def read_like_a_static_server() -> None:
        while not stop.is_set():
            try:
                _, targets, _, _ = chain(repo_dir)
                target = targets.signed.targets["catalog.sqlite"]
                assert (
                    repo_dir / "targets" / f"{target.hashes['sha256']}.catalog.sqlite"
                ).stat().st_size == target.length
                reads[0] += 1
            except Exception as exc:  # every failure is a finding
                problems.append(repr(exc))

    reader = threading.Thread(target=read_like_a_static_server)
    reader.start()
    try:
        for n in range(8):
            tuf_repo.publish_bundle(repo_dir, keys, bundle_v2 if n % 2 == 0 else bundle_path)
    finally:
        stop.set()
        reader.join()
    assert problems == [] and reads[0] > 8


def small_source(folder: Path, version: str) -> Path:
    """A valid source with one department's 12 items (quick to validate and compile)."""
    (folder / "items").mkdir(parents=True)
    shutil.copyfile(SOURCE / "departments.yaml", folder / "departments.yaml")
    shutil.copyfile(SOURCE / "items" / "hp-bgs.yaml", folder / "items" / "hp-bgs.yaml")
    (folder / "manifest.toml").write_text(f'version = "{version}"\nnote = "test"\n\n[expected]\n', encoding="utf-8")
    return folder


def test_publish_command_validates_summarises_and_publishes(tmp_path: Path, capsys):
    from kiosk.cli import main

    keys, repo_dir = tmp_path / "keys", tmp_path / "repo"
    assert main(["catalog", "keys-init", "--keys", str(keys), "--root-threshold", "1", "--role-keys", "1"]) == 0
    assert "offline" in capsys.readouterr().out
    # The first publication initialises the repository.
    source = small_source(tmp_path / "source", "2026.12.01")
    assert main(["catalog", "publish", str(source), "--repo", str(repo_dir), "--keys", str(keys)]) == 0
    out = capsys.readouterr().out
    assert f"initialised the repository in {repo_dir}" in out and "1.root.json as its trusted root" in out
    assert "catalog 2026.12.01: 12 items" in out and "first publication: 12 items" in out
    assert "published catalog 2026.12.01 (12 items) as targets version 2" in out
    path, custom = tuf_repo.published_target(repo_dir)
    assert custom == {"version": "2026.12.01", "items": 12}
    with CatalogStore(path) as store:
        assert store.version == "2026.12.01" and store.stats()["total"] == 12
    # Run again on the same source: nothing to publish.
    assert main(["catalog", "publish", str(source), "--repo", str(repo_dir), "--keys", str(keys)]) == 0
    assert "already published with these items: nothing to publish" in capsys.readouterr().out
    assert tuf_repo.published_target(repo_dir)[0] == path
    # A broken source: the same problems as `kiosk catalog build`, exit 2, nothing published.
    items = source / "items" / "hp-bgs.yaml"
    items.write_text(items.read_text(encoding="utf-8").replace("  type: 行政许可\n", "  type: 乱填\n", 1), "utf-8")
    assert main(["catalog", "build", "--source", str(source), "--out", str(tmp_path / "x.sqlite")]) == 2
    build_errors = capsys.readouterr().err
    assert main(["catalog", "publish", str(source), "--repo", str(repo_dir), "--keys", str(keys)]) == 2
    assert capsys.readouterr().err == build_errors and "hp-bgs.yaml" in build_errors and "type" in build_errors
    assert tuf_repo.published_target(repo_dir)[1]["version"] == "2026.12.01"
    # The scheduler's re-signing.
    assert main(["catalog", "resign-timestamp", "--repo", str(repo_dir), "--keys", str(keys)]) == 0
    assert "timestamp version 3 valid until" in capsys.readouterr().out
    timestamp = json.loads((repo_dir / "metadata" / "timestamp.json").read_text())
    assert timestamp["signed"]["version"] == 3


def test_the_change_summary_compares_with_the_published_bundle(repo, bundle_path: Path, bundle_v2: Path):
    from catalog.cli_publish import _change_summary, _published
    from catalog.model import Item

    repo_dir, keys = repo
    with CatalogStore(bundle_v2) as store:
        items = [Item.from_record(r) for r in store.records()]
    assert _published(repo_dir) is None and _change_summary(None, items) == "first publication: 1304 items"
    tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    summary = _change_summary(_published(repo_dir), items)
    assert "2026.11.26" in summary
    try:
        import catalog.changes  # noqa: F401 - written alongside; without it the summary names the replaced version
    except ImportError:
        assert summary == "replaces catalog 2026.11.26 (1304 items)"
    else:
        assert summary.startswith("changes since 2026.11.26: ") and "1,304" in summary


def test_publish_command_reads_a_csv_catalog(tmp_path: Path, capsys):
    importers = pytest.importorskip("catalog.importers")  # written alongside (CSV/XLSX import)
    from kiosk.cli import main

    items, departments = importers.read_catalog(small_source(tmp_path / "source", "unused"))
    table = tmp_path / "official" / "catalog.csv"
    table.parent.mkdir()
    importers.write_csv(items, departments, table)
    keys, repo_dir = tmp_path / "keys", tmp_path / "repo"
    tuf_repo.init_keys(keys)
    command = ["catalog", "publish", str(table), "--repo", str(repo_dir), "--keys", str(keys)]
    assert main([*command, "--version", "2026.12.02"]) == 0
    assert "published catalog 2026.12.02 (12 items)" in capsys.readouterr().out
    assert main(command) == 0  # without --version: the date and time of publishing
    custom = tuf_repo.published_target(repo_dir)[1]
    assert custom["version"].startswith(datetime.now().strftime("%Y.%m.%d.")) and custom["items"] == 12
