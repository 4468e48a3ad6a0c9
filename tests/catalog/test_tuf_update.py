"""The terminal's catalog updates against a real HTTP server on 127.0.0.1 serving a real signed repository:
install, nothing new, a new version with the old one kept, root rotation, thresholds, the `kiosk catalog update`
command and its configuration."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from catalog import installed, tuf_repo
from catalog.store import CatalogStore
from catalog.updater import CatalogUpdater

RENAMED = "建设项目人防工程竣工验收（2026年修订）"


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Path]:
    """Keys and an initialised repository without a catalog."""
    keys, repo_dir = tmp_path / "keys", tmp_path / "repo"
    tuf_repo.init_keys(keys)
    tuf_repo.init_repo(repo_dir, keys)
    return repo_dir, keys


@pytest.fixture
def url(repo, serve_folder) -> str:
    """The repository served over HTTP on 127.0.0.1."""
    return serve_folder(repo[0])


def terminal(tmp_path: Path, url: str, repo_dir: Path, name: str = "terminal") -> CatalogUpdater:
    """A terminal that ships with the repository's first root."""
    root = (repo_dir / "metadata" / "1.root.json").read_bytes()
    return CatalogUpdater(tmp_path / name / "tuf", url, tmp_path / name / "bundles", root, timeout=10)


def item_named(path: Path, name: str) -> dict | None:
    with CatalogStore(path) as store:
        return next((r for r in store.records() if r["name"] == name), None)


def test_the_first_check_installs_and_the_next_finds_nothing_new(tmp_path: Path, repo, url: str, bundle_path: Path):
    repo_dir, keys = repo
    updater = terminal(tmp_path, url, repo_dir)
    nothing = updater.check()
    assert nothing.status == "failed" and "no catalog published yet" in nothing.error
    tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    first = updater.check()
    assert (first.status, first.version, first.previous, first.error) == ("installed", "2026.11.26", "", "")
    assert first.took_ms > 0 and Path(first.path) == installed.resolve(updater.bundles_dir)
    assert Path(first.path).read_bytes() == bundle_path.read_bytes()
    again = updater.check()
    assert (again.status, again.version, again.previous, again.path) == (
        "current",
        "2026.11.26",
        "2026.11.26",
        first.path,
    )
    pointer = json.loads((updater.bundles_dir / "current.json").read_text())
    assert pointer["file"] == Path(first.path).name and pointer["previous"] is None
    assert {"timestamp.json", "snapshot.json", "targets.json", "root.json"} <= {
        p.name for p in updater.metadata_dir.iterdir()
    }


def test_a_new_version_is_installed_and_the_old_one_kept(
    tmp_path: Path, repo, url: str, bundle_path: Path, bundle_v2: Path
):
    repo_dir, keys = repo
    updater = terminal(tmp_path, url, repo_dir)
    installed.seed(updater.bundles_dir, bundle_path)  # first start: the terminal's built-in catalog
    tuf_repo.publish_bundle(repo_dir, keys, bundle_v2)
    result = updater.check()
    assert (result.status, result.version, result.previous) == ("installed", "2026.11.27", "2026.11.26")
    assert item_named(Path(result.path), RENAMED)["promised_days"] == 2
    pointer = json.loads((updater.bundles_dir / "current.json").read_text())
    assert pointer["version"] == "2026.11.27" and pointer["previous"]["version"] == "2026.11.26"
    assert (updater.bundles_dir / pointer["previous"]["file"]).read_bytes() == bundle_path.read_bytes()
    assert updater.check().status == "current"


def test_the_terminal_follows_a_root_rotation(tmp_path: Path, repo, url: str, bundle_path: Path, bundle_v2: Path):
    repo_dir, keys = repo
    tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    updater = terminal(tmp_path, url, repo_dir)
    assert updater.check().status == "installed"
    assert tuf_repo.rotate_keys(repo_dir, keys, ("root", "timestamp")) == 2
    assert (keys / "retired" / "root-1.pem").exists() and (keys / "offline" / "root-2.pem").exists()
    tuf_repo.publish_bundle(repo_dir, keys, bundle_v2)
    result = updater.check()
    assert (result.status, result.version) == ("installed", "2026.11.27"), result.error
    assert (updater.metadata_dir / "root_history" / "2.root.json").exists()
    fresh = terminal(tmp_path, url, repo_dir, "fresh")  # a terminal shipped with root 1 steps through to root 2
    assert fresh.check().status == "installed"


def test_several_keys_per_role_and_thresholds(tmp_path: Path, bundle_path: Path, serve_folder):
    keys, repo_dir = tmp_path / "keys", tmp_path / "repo"
    tuf_repo.init_keys(keys, root_threshold=2, role_keys=2, thresholds={"targets": 2, "timestamp": 2})
    tuf_repo.init_repo(repo_dir, keys)
    tuf_repo.publish_bundle(repo_dir, keys, bundle_path)
    result = terminal(tmp_path, serve_folder(repo_dir), repo_dir).check()
    assert (result.status, result.version) == ("installed", "2026.11.26"), result.error


def test_a_missing_or_broken_trusted_root_is_reported(tmp_path: Path, repo, url: str):
    missing = CatalogUpdater(tmp_path / "tuf", url, tmp_path / "bundles", tmp_path / "no-root.json").check()
    assert missing.status == "failed" and "no-root.json cannot be read" in missing.error
    broken = CatalogUpdater(tmp_path / "tuf", url, tmp_path / "bundles", b'{"signed": {}}').check()
    assert broken.status == "failed" and "trusted root is not valid root metadata" in broken.error


def clean_env(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("KIOSK_"):
            monkeypatch.delenv(name)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_update_command_seeds_checks_and_reports(
    tmp_path: Path, repo, url: str, bundle_path: Path, bundle_v2: Path, monkeypatch, capsys
):
    from kiosk.cli import main

    repo_dir, keys = repo
    tuf_repo.publish_bundle(repo_dir, keys, bundle_v2)
    data = tmp_path / "data"
    clean_env(monkeypatch, KIOSK_TERMINAL_DATA_DIR=str(data), KIOSK_CATALOG_BUNDLE=str(bundle_path))
    assert main(["catalog", "update", "--once"]) == 2
    assert "catalog updates are off" in capsys.readouterr().err
    monkeypatch.setenv("KIOSK_CATALOG_UPDATE_URL", url)
    assert main(["catalog", "update", "--once"]) == 2
    assert "trusted-root.json is missing" in capsys.readouterr().err
    (data / "catalog").mkdir(parents=True)
    shutil.copyfile(repo_dir / "metadata" / "1.root.json", data / "catalog" / "trusted-root.json")
    assert main(["catalog", "update", "--once"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["status"], result["version"], result["previous"]) == ("installed", "2026.11.27", "2026.11.26")
    assert Path(result["path"]).parent == data / "catalog" / "bundles" and (data / "catalog" / "tuf").is_dir()
    assert main(["catalog", "update", "--once", "--repo-url", url]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "current"


def test_update_settings_are_validated(tmp_path: Path):
    from kiosk.config import ConfigError, load_config

    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path)})
    assert (config.catalog.update_url, config.catalog.check_seconds) == ("", 900)
    assert config.trusted_root_path == tmp_path / "catalog" / "trusted-root.json"
    assert config.catalog_bundles_dir == tmp_path / "catalog" / "bundles"
    assert config.catalog_metadata_dir == tmp_path / "catalog" / "tuf"
    custom = load_config(environ={"KIOSK_CATALOG_TRUSTED_ROOT": "/etc/kiosk/root.json",
                                  "KIOSK_CATALOG_UPDATE_URL": "https://updates.example.org/catalog/"})  # fmt: skip
    assert custom.trusted_root_path == Path("/etc/kiosk/root.json")
    with pytest.raises(ConfigError, match=r"catalog\.update_url"):
        load_config(environ={"KIOSK_CATALOG_UPDATE_URL": "ftp://updates.example.org/"})
    with pytest.raises(ConfigError, match=r"catalog\.check_seconds must be between"):
        load_config(environ={"KIOSK_CATALOG_CHECK_SECONDS": "1"})
