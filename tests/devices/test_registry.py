"""The registry builds real drivers against simulators; `kiosk diagnose` reports them and fails on required ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from devices.registry import build_devices
from kiosk.config import load_config

REPO = Path(__file__).resolve().parents[2]


def test_sim_mode_runs_every_real_driver_against_its_simulator(tmp_path):
    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path)})
    devices = build_devices(config, mode="sim")
    try:
        assert set(devices.drivers) == {"idcard", "printer", "scanner", "camera", "doccamera", "audio", "fingervein"}
        checks = devices.checks(settle=10)
        # Audio needs a PulseAudio server (CI starts one); every other device must pass everywhere.
        assert all(c.ok for c in checks if c.device != "audio"), checks
        assert devices.drivers["idcard"].read_card().text.name == "王小明"
        devices.simulators["scanner"].scan("HP-1")
        assert devices.drivers["scanner"].read_code(2) == "HP-1"
        fingervein = devices.drivers["fingervein"]
        assert fingervein.verify(fingervein.enrol(samples=2, timeout=1), timeout=1)[0]
    finally:
        devices.close()


def test_real_mode_without_hardware_says_what_is_missing(tmp_path):
    config = load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path),
            "KIOSK_DEVICE_IDCARD_PORT": "/dev/no-reader",
            "KIOSK_DEVICE_PRINTER_HOST": "127.0.0.1",
            "KIOSK_DEVICE_PRINTER_PORT": "9",
            "KIOSK_DEVICE_FINGERVEIN_LIBRARY": str(tmp_path / "libfvsdk.so"),
        }
    )
    devices = build_devices(config, mode="real")
    try:
        checks = {c.device: c for c in devices.checks()}
        assert not checks["idcard"].ok and "/dev/no-reader" in checks["idcard"].summary
        assert not checks["printer"].ok and "unreachable" in checks["printer"].summary
        assert not checks["fingervein"].ok and "finger-vein SDK not installed" in checks["fingervein"].summary
    finally:
        devices.close()


def run(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "diagnose", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_kiosk_diagnose_json_and_exit_codes(kiosk_env):
    ok = run(kiosk_env, "--json", "--devices", "sim")
    assert ok.returncode == 0, ok.stderr
    report = json.loads(ok.stdout)
    assert report["ok"]  # audio is optional by default
    assert {d["device"] for d in report["devices"]} == {
        "idcard",
        "printer",
        "scanner",
        "camera",
        "doccamera",
        "audio",
        "fingervein",
    }
    failing = run({**kiosk_env, "KIOSK_DEVICE_IDCARD_PORT": "/dev/no-reader"}, "--devices", "real")
    assert failing.returncode == 1
    assert "FAIL idcard" in failing.stdout


def test_third_party_drivers_plug_in_through_entry_points(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "kiosk_fake_scanner-1.0.dist-info").mkdir(parents=True)
    (site / "kiosk_fake_scanner-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: kiosk-fake-scanner\nVersion: 1.0\n", encoding="utf-8"
    )
    (site / "kiosk_fake_scanner-1.0.dist-info" / "entry_points.txt").write_text(
        "[kiosk.devices]\nscanner:fake = kiosk_fake_scanner:make\n", encoding="utf-8"
    )
    (site / "kiosk_fake_scanner.py").write_text(
        "from devices.base import CheckResult\n"
        "class Fake:\n"
        "    kind = 'scanner'\n"
        "    def __init__(self, settings):\n"
        "        self.settings = settings\n"
        "    def self_test(self):\n"
        "        return CheckResult('scanner', True, 'fake scanner on ' + self.settings.port)\n"
        "def make(settings):\n"
        "    return Fake(settings)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(site))
    port = tmp_path / "ttyFake"
    port.write_text("")
    config = load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path),
            "KIOSK_DEVICE_SCANNER_DRIVER": "fake",
            "KIOSK_DEVICE_SCANNER_PORT": str(port),
        }
    )
    devices = build_devices(config, mode="real")
    try:
        check = next(c for c in devices.checks() if c.device == "scanner")
        assert check.ok and check.summary == f"fake scanner on {port}"
    finally:
        devices.close()

    unknown = load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path),
            "KIOSK_DEVICE_SCANNER_DRIVER": "nope",
            "KIOSK_DEVICE_SCANNER_PORT": str(port),
        }
    )
    devices = build_devices(unknown, mode="real")
    try:
        assert "no driver 'nope' for scanner" in devices.problems["scanner"]
    finally:
        devices.close()


def test_printer_drivers_by_config_serial_in_sim_and_usb_missing_in_real(tmp_path):
    from devices.printer.escpos_serial import SerialReceiptPrinter
    from devices.printer.receipt import Receipt

    env = {"KIOSK_TERMINAL_DATA_DIR": str(tmp_path), "KIOSK_DEVICE_PRINTER_DRIVER": "serial"}
    devices = build_devices(load_config(environ=env), mode="sim", start=("printer",))
    try:
        printer = devices.drivers["printer"]
        assert isinstance(printer, SerialReceiptPrinter) and printer.self_test().ok
        printer.print_receipt(Receipt("测试", ("串口打印机",)))
    finally:
        devices.close()
    env["KIOSK_DEVICE_PRINTER_DRIVER"] = "usb"
    env["KIOSK_DEVICE_PRINTER_USB_VENDOR"] = "1fff"
    devices = build_devices(load_config(environ=env), mode="real", start=("printer",))
    try:
        check = {c.device: c for c in devices.checks()}["printer"]
        assert not check.ok and "1fff:5011" in check.summary and "not found" in check.summary
    finally:
        devices.close()


def test_a_bad_usb_id_is_refused_by_name(tmp_path):
    import pytest

    from kiosk.config import ConfigError

    with pytest.raises(ConfigError, match="usb_vendor"):
        load_config(environ={"KIOSK_DEVICE_PRINTER_USB_VENDOR": "printer"})
