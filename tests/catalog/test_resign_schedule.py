"""The timestamp is re-signed on a schedule: the systemd units verify, and the command they run keeps a repository
fresh (a terminal accepts it after the old timestamp would have expired)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from catalog import tuf_repo
from catalog.updater import CatalogUpdater

UNITS = Path(__file__).resolve().parents[2] / "deploy" / "systemd"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_the_units_verify():
    units = [UNITS / "kiosk-catalog-resign.service", UNITS / "kiosk-catalog-resign.timer"]
    result = subprocess.run(["systemd-analyze", "verify", *map(str, units)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    service = units[0].read_text(encoding="utf-8")
    assert "kiosk catalog resign-timestamp --repo ${KIOSK_REPO} --keys ${KIOSK_KEYS}" in service
    assert "OnCalendar=hourly" in units[1].read_text(encoding="utf-8")


def test_the_scheduled_command_renews_an_expiring_timestamp(tmp_path: Path, bundle_path: Path, serve_folder):
    keys, repo = tmp_path / "keys", tmp_path / "repo"
    tuf_repo.init_keys(keys)
    tuf_repo.init_repo(repo, keys)
    lifetimes = tuf_repo.Lifetimes(timestamp=timedelta(seconds=2))
    tuf_repo.publish_bundle(repo, keys, bundle_path, lifetimes)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "catalog", "resign-timestamp", "--repo", str(repo), "--keys", str(keys)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    time.sleep(2.5)  # the published timestamp would have expired by now; the re-signed one lasts a day
    root = (repo / "metadata" / "1.root.json").read_bytes()
    check = CatalogUpdater(tmp_path / "tuf", serve_folder(repo), tmp_path / "bundles", root, timeout=10).check()
    assert check.status == "installed", check.error
