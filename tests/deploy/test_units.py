"""The deployment's systemd files as systemd itself reads them: the kiosk unit verifies, keeps the terminal coming
back (notify, watchdog, restart without limit), runs it unprivileged with its data closed to others, and rates
"OK" in systemd's own exposure review; the journal drop-in uses only settings journald knows, with values
systemd parses; the PAM service names modules that exist; the example settings load as the terminal loads them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.config import FaceConfig, load_config
from tests.deploy.conftest import DEPLOY, unit_settings

UNIT = DEPLOY / "systemd" / "kiosk.service"
JOURNALD = DEPLOY / "journald" / "kiosk.conf"
PAM = DEPLOY / "pam" / "kiosk"
EXAMPLE = DEPLOY / "kiosk.toml.example"

needs_systemd_analyze = pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd is not installed")
needs_cage = pytest.mark.skipif(
    not shutil.which("cage"), reason="cage is not installed (scripts/debian-packages.txt): verify checks ExecStart"
)


def analyze(*args: str) -> subprocess.CompletedProcess:
    """systemd-analyze with these arguments."""
    return subprocess.run(["systemd-analyze", *args], capture_output=True, text=True, timeout=60)


def seconds(timespan: str) -> float:
    """A systemd time span ("30", "1min", "3month") as systemd parses it."""
    result = analyze("timespan", timespan)
    assert result.returncode == 0, result.stderr
    usec = re.search(r"μs:\s*(\d+)", result.stdout)
    assert usec, result.stdout
    return int(usec.group(1)) / 1e6


@needs_systemd_analyze
@needs_cage
def test_the_kiosk_unit_verifies():
    result = analyze("verify", "--man=no", str(UNIT))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr  # not even a warning


@needs_systemd_analyze
@needs_cage
def test_the_kiosk_unit_rates_ok_in_systemds_exposure_review():
    # --threshold=40: exit non-zero when the overall exposure is above 4.0 (systemd's "OK" band ends at 4.9).
    result = analyze("security", "--offline=true", "--threshold=40", str(UNIT))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert re.search(r"Overall exposure level for kiosk\.service: [0-3]\.\d OK", result.stdout), result.stdout[-300:]


@needs_systemd_analyze
def test_the_unit_keeps_the_terminal_coming_back():
    unit = unit_settings(UNIT)
    service = unit["Service"]
    assert service["Type"] == ["notify"]
    assert service["NotifyAccess"] == ["all"]  # the terminal is cage's child, not the main process systemd forked
    assert service["Restart"] == ["always"]
    assert unit["Unit"]["StartLimitIntervalSec"] == ["0"]  # never gives up restarting
    assert seconds(service["RestartSec"][0]) <= 10
    watchdog = seconds(service["WatchdogSec"][0])
    assert 0 < watchdog <= 60
    assert seconds(service["TimeoutStartSec"][0]) >= 60  # the first start compiles the catalog
    assert service["KillMode"] == ["mixed"]  # SIGTERM to the terminal (main once it says MAINPID=), not to cage
    exec_start = service["ExecStart"][0].split()
    assert exec_start[:2] == ["/usr/bin/cage", "-d"] and "-s" not in exec_start  # no VT switching
    assert exec_start[exec_start.index("--") + 1 :] == ["/usr/bin/env", "-u", "WATCHDOG_PID", "/opt/kiosk/kiosk", "run"]
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]
    assert "network-online.target" not in " ".join(unit["Unit"].get("Wants", []) + unit["Unit"]["After"])


@needs_systemd_analyze
def test_the_unit_runs_unprivileged_with_its_data_closed_to_others():
    service = unit_settings(UNIT)["Service"]
    assert service["User"] == ["kiosk"] and service["Group"] == ["kiosk"]
    assert service["StateDirectory"] == ["kiosk"] and service["StateDirectoryMode"] == ["0700"]
    assert service["ConfigurationDirectory"] == ["kiosk"]
    assert service["UMask"] == ["0077"]
    assert service["LimitCORE"] == ["0"]  # no core dump with a resident's data in it
    assert service["NoNewPrivileges"] == ["yes"] and service["ProtectSystem"] == ["strict"]
    assert service["CapabilityBoundingSet"] == [""]
    assert service["PrivateTmp"] == ["yes"]
    assert "PrivateDevices" not in service  # cameras, serial readers, the GPU
    assert "ProtectHome" not in service  # it would hide /run/user, the session's Wayland and audio sockets
    assert service["InaccessiblePaths"] == ["-/home -/root"]
    assert set(service["SupplementaryGroups"][0].split()) >= {"video", "dialout", "audio", "lp", "plugdev"}
    assert service["PAMName"] == ["kiosk"] and service["TTYPath"] == ["/dev/tty1"]
    assert service["StandardOutput"] == ["journal"] and service["StandardError"] == ["journal"]


def test_the_units_environment_is_one_the_terminal_accepts():
    env = dict(line.split("=", 1) for line in unit_settings(UNIT)["Service"]["Environment"])
    assert env["KIOSK_TERMINAL_DATA_DIR"] == "/var/lib/kiosk"
    assert env["KIOSK_CONFIG"] == "/etc/kiosk/kiosk.toml"
    assert env["QT_QPA_PLATFORM"] == "wayland"
    # Every KIOSK_* variable must be a setting the terminal knows: a misspelt one stops its start.
    ours = {k: v for k, v in env.items() if k.startswith("KIOSK_") and k != "KIOSK_CONFIG"}
    config = load_config(EXAMPLE, environ=ours)
    assert config.data_dir == Path("/var/lib/kiosk")


@needs_systemd_analyze
def test_the_journal_drop_in_caps_the_journal_with_settings_journald_knows():
    settings = unit_settings(JOURNALD)
    assert list(settings) == ["Journal"]
    journal = {key: values[-1] for key, values in settings["Journal"].items()}
    journald = next((p for p in (Path("/lib/systemd/systemd-journald"), Path("/usr/lib/systemd/systemd-journald"))
                     if p.exists()), None)  # fmt: skip
    if journald is not None:  # its configuration table is compiled in: every key it parses is there
        table = journald.read_bytes()
        unknown = [key for key in journal if f"Journal.{key}\0".encode() not in table]
        assert not unknown, f"journald does not know {unknown}"
    assert journal["Storage"] == "persistent"
    size = re.compile(r"^\d+[KMGT]$")
    for key in ("SystemMaxUse", "SystemKeepFree", "SystemMaxFileSize", "RuntimeMaxUse"):
        assert size.match(journal[key]), f"{key}={journal[key]}"
    assert journal["SystemMaxUse"].endswith("M") and int(journal["SystemMaxUse"][:-1]) <= 1024  # a real cap
    for key in ("MaxRetentionSec", "MaxFileSec", "SyncIntervalSec"):
        assert seconds(journal[key]) > 0
    assert seconds(journal["MaxRetentionSec"]) <= 100 * 86400


def test_the_pam_service_opens_a_logind_session_with_modules_that_exist():
    lines = [line.split() for line in PAM.read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert {kind for kind, *_ in lines} == {"auth", "account", "session"}
    assert ["session", "required", "pam_systemd.so"] in lines  # the logind session cage needs for its seat
    assert "pam_permit.so" not in {module for *_, module in lines}
    folders = [p for pattern in ("/lib/*/security", "/usr/lib/*/security") for p in Path("/").glob(pattern[1:])]
    if not folders:
        pytest.skip("no PAM module folder on this machine")
    missing = [m for _kind, _control, m, *_ in lines if not any((folder / m).exists() for folder in folders)]
    assert not missing, f"PAM modules not installed: {missing}"


def test_the_example_settings_load_as_a_real_terminals():
    config = load_config(EXAMPLE, environ={})
    assert config.origin == str(EXAMPLE)
    assert config.devices.mode == "real"
    assert config.hub.serve_local is False and config.hub.url.startswith("https://")
    assert config.hub_token_path == Path("/etc/kiosk/hub-token")
    assert config.face.threshold == FaceConfig().threshold
    assert config.ui.show_cursor is False


@needs_systemd_analyze
def test_the_nightly_restart_verifies_and_runs_at_a_closed_hour():
    timer = UNIT.with_name("kiosk-nightly-restart.timer")
    service = UNIT.with_name("kiosk-nightly-restart.service")
    result = analyze("verify", "--man=no", str(timer), str(service))
    assert result.returncode == 0, result.stderr
    text = timer.read_text()
    assert "OnCalendar=*-*-* 03:30:00" in text and "Persistent=false" in text
    assert "ExecStart=/usr/bin/systemctl try-restart kiosk.service" in service.read_text()
    nights = analyze("calendar", "--iterations=2", "*-*-* 03:30:00")
    assert nights.returncode == 0 and nights.stdout.count("03:30:00") >= 2, nights.stdout
