"""deploy/install.sh into a staging root (the real script, useradd and systemctl working on the root's own files):
the kiosk user, the application, settings 0640 root:kiosk, data 0700 kiosk's, the units enabled where systemd
looks for them; a second run changes nothing but keeps the previous application; --remove keeps settings and
data; and it refuses to run without root."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.conftest import DEPLOY, REPO

INSTALL = DEPLOY / "install.sh"
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="install.sh creates a user: run the suite as root (CI does)")
ACCOUNTS = ("passwd", "group", "shadow", "gshadow", "login.defs")


@pytest.fixture
def staging(tmp_path: Path) -> Path:
    """A system root with this machine's accounts database, as a fresh Debian install has one."""
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    for name in ACCOUNTS:
        if Path("/etc", name).exists():
            shutil.copy2(Path("/etc", name), root / "etc" / name)
    return root


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A one-folder application build as PyInstaller lays it out: the executable and its _internal/ folder."""
    folder = tmp_path / "dist" / "kiosk"
    (folder / "_internal").mkdir(parents=True)
    (folder / "kiosk").write_text('#!/bin/sh\necho "kiosk $*"\n')
    (folder / "kiosk").chmod(0o755)
    (folder / "_internal" / "libpython3.11.so.1.0").write_bytes(b"\x7fELF")
    return folder


def install(*args: str, user: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run the install script (as `user`, a command prefix, if given)."""
    return subprocess.run([*(user or []), "bash", str(INSTALL), *args], capture_output=True, text=True, timeout=120)


def account(root: Path, database: str, name: str) -> list[str]:
    """One entry of the staging root's passwd or group file, split at ':'."""
    entries = [line.split(":") for line in (root / "etc" / database).read_text().splitlines()]
    found = [entry for entry in entries if entry[0] == name]
    assert len(found) == 1, f"{name} appears {len(found)} times in {database}"
    return found[0]


def tree(root: Path) -> dict[str, tuple[int, int, int, str]]:
    """Every path under root: mode, owner, group and (files) content or (links) target."""
    out = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        what = os.readlink(path) if path.is_symlink() else path.read_text(errors="replace") if path.is_file() else ""
        out[str(path.relative_to(root))] = (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid, what)
    return out


def mode(path: Path) -> tuple[int, int, int]:
    """Permission bits, owner and group."""
    info = path.stat()
    return stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid


@needs_root
def test_install_into_a_staging_root(staging: Path, bundle: Path):
    host_accounts = {name: Path("/etc", name).read_bytes() for name in ("passwd", "group")}
    result = install("--root", str(staging), "--bundle", str(bundle))
    assert result.returncode == 0, result.stderr + result.stdout

    user = account(staging, "passwd", "kiosk")
    uid, gid = int(user[2]), int(user[3])
    assert 0 < uid < 1000 and user[5] == "/var/lib/kiosk" and user[6] == "/usr/sbin/nologin"  # a system user
    assert account(staging, "group", "kiosk")[2] == str(gid)
    assert account(staging, "shadow", "kiosk")[1] in ("!", "*", "!*")  # no password: nobody logs in as kiosk
    for group in ("video", "render", "dialout", "audio", "lp", "plugdev"):
        assert "kiosk" in account(staging, "group", group)[3].split(",")
    assert {name: Path("/etc", name).read_bytes() for name in host_accounts} == host_accounts  # only the stage

    app = staging / "opt/kiosk"
    assert (app / "kiosk").read_text() == (bundle / "kiosk").read_text()
    assert os.access(app / "kiosk", os.X_OK)
    for path in [app, *app.rglob("*")]:
        bits, owner, _ = mode(path)
        assert owner == 0 and not bits & 0o022, f"{path} is writable by others than root"

    assert mode(staging / "etc/kiosk") == (0o750, 0, gid)
    assert mode(staging / "etc/kiosk/kiosk.toml") == (0o640, 0, gid)
    assert (staging / "etc/kiosk/kiosk.toml").read_text() == (DEPLOY / "kiosk.toml.example").read_text()
    assert mode(staging / "var/lib/kiosk") == (0o700, uid, gid)

    unit = staging / "etc/systemd/system/kiosk.service"
    assert unit.read_text() == (DEPLOY / "systemd/kiosk.service").read_text() and mode(unit) == (0o644, 0, 0)
    assert (staging / "etc/pam.d/kiosk").read_text() == (DEPLOY / "pam/kiosk").read_text()
    assert (staging / "usr/local/share/doc/kiosk/operations.md").exists()
    wants = staging / "etc/systemd/system/multi-user.target.wants/kiosk.service"
    assert os.readlink(wants) == "/etc/systemd/system/kiosk.service"  # enabled
    nightly = staging / "etc/systemd/system/timers.target.wants/kiosk-nightly-restart.timer"
    assert os.readlink(nightly) == "/etc/systemd/system/kiosk-nightly-restart.timer"  # the nightly restart too
    assert os.access(staging / "usr/local/bin/kiosk", os.X_OK)

    if shutil.which("systemd-analyze"):  # journald reads the drop-in from where it was put
        journald = subprocess.run(
            ["systemd-analyze", "cat-config", f"--root={staging}", "systemd/journald.conf"],
            capture_output=True,
            text=True,
        )
        assert "# " + str(staging / "etc/systemd/journald.conf.d/kiosk.conf") in journald.stdout
        assert "SystemMaxUse=" in journald.stdout


@needs_root
def test_the_installed_settings_are_what_the_terminal_loads(staging: Path, bundle: Path):
    assert install("--root", str(staging), "--bundle", str(bundle)).returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_CONFIG"] = str(staging / "etc/kiosk/kiosk.toml")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "config", "show", "--json"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    effective = json.loads(result.stdout)
    assert effective["devices"]["mode"] == "real"
    assert effective["hub"]["token_file"] == "/etc/kiosk/hub-token"


@needs_root
def test_a_second_run_changes_nothing_but_keeps_the_previous_application(staging: Path, bundle: Path):
    assert install("--root", str(staging), "--bundle", str(bundle)).returncode == 0
    config = staging / "etc/kiosk/kiosk.toml"
    edited = config.read_text().replace('id = "hp-demo-01"', 'id = "hp-0123"')
    config.write_text(edited)
    config.chmod(0o644)  # a technician's slip: made readable to everyone
    before = tree(staging)

    (bundle / "kiosk").write_text('#!/bin/sh\necho "kiosk 2 $*"\n')  # the next release
    second = install("--root", str(staging), "--bundle", str(bundle))
    assert second.returncode == 0, second.stderr
    assert "kept the existing /etc/kiosk/kiosk.toml" in second.stdout
    after = tree(staging)

    assert config.read_text() == edited  # the settings are the technician's
    assert stat.S_IMODE(config.stat().st_mode) == 0o640  # but their mode is put right
    assert (staging / "opt/kiosk/kiosk").read_text().startswith('#!/bin/sh\necho "kiosk 2')
    assert (staging / "opt/kiosk.previous/kiosk").read_text() == before["opt/kiosk/kiosk"][3]
    changed = {path for path in before.keys() & after.keys() if before[path] != after[path]}
    changed |= before.keys() ^ after.keys()
    expected = {"etc/kiosk/kiosk.toml", "opt/kiosk/kiosk"}
    expected |= {p for p in after if p.startswith("opt/kiosk.previous")}
    expected |= {
        p for p in before.keys() | after.keys() if p.startswith("etc/") and p.endswith("-")
    }  # useradd's backups
    assert changed <= expected, sorted(changed - expected)


@needs_root
def test_remove_keeps_settings_and_data(staging: Path, bundle: Path):
    assert install("--root", str(staging), "--bundle", str(bundle)).returncode == 0
    (staging / "var/lib/kiosk/outbox.sqlite3").write_bytes(b"waiting submissions")
    result = install("--root", str(staging), "--remove")
    assert result.returncode == 0, result.stderr
    gone = ["opt/kiosk", "etc/systemd/system/kiosk.service", "etc/pam.d/kiosk", "usr/local/bin/kiosk"]
    gone += ["etc/systemd/journald.conf.d/kiosk.conf", "etc/systemd/system/multi-user.target.wants/kiosk.service"]
    gone += ["etc/systemd/system/kiosk-nightly-restart.timer", "etc/systemd/system/kiosk-nightly-restart.service"]
    for path in gone:
        assert not (staging / path).exists() and not (staging / path).is_symlink(), path
    assert (staging / "etc/kiosk/kiosk.toml").exists()
    assert (staging / "var/lib/kiosk/outbox.sqlite3").read_bytes() == b"waiting submissions"
    assert "kept" in result.stdout


@needs_root
def test_it_refuses_a_missing_build_or_a_root_that_is_not_one(staging: Path, tmp_path: Path):
    missing = install("--root", str(staging), "--bundle", str(tmp_path / "nothing"))
    assert missing.returncode != 0 and "no application build" in missing.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    not_root = install("--root", str(empty), "--bundle", str(tmp_path))
    assert not_root.returncode != 0 and "not a system root" in not_root.stderr
    assert list(empty.iterdir()) == []


def test_it_refuses_to_run_without_root(staging: Path, bundle: Path):
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv (util-linux) is needed to run the script as an unprivileged user")
        as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    before = tree(staging)
    result = install("--root", str(staging), "--bundle", str(bundle), user=as_user)
    assert result.returncode != 0
    assert "must run as root" in result.stderr
    assert tree(staging) == before
