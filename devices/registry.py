"""Build the terminal's devices from config: real drivers, or real drivers against their simulators.

`devices.mode = "sim"` starts each simulator (a pty for serial devices, a 127.0.0.1 server for the printer,
a gcc-built SDK library for the finger-vein scanner) and points the real driver at it, so the code path is the
one a real device takes. Third-party drivers plug in through the entry-point group `kiosk.devices` with names
"<kind>:<driver>" (a factory taking the kind's config section and returning a driver).
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from devices.base import CheckResult, DeviceError

log = logging.getLogger("kiosk.devices")
KINDS = ("idcard", "printer", "scanner", "camera", "doccamera", "audio", "fingervein")


@dataclass
class DeviceSet:
    """The drivers in use, the simulators behind them (sim mode), and which kinds are required."""

    drivers: dict[str, Any] = field(default_factory=dict)
    simulators: dict[str, Any] = field(default_factory=dict)
    required: dict[str, bool] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)

    def states(self) -> dict[str, str]:
        """Each device's state in a word (ready, busy, error, disconnected; unavailable when it could not be
        set up): the fleet's health summary, nothing else."""
        states = {kind: "unavailable" for kind in self.problems}
        for kind, driver in self.drivers.items():
            state = getattr(driver, "state", None)
            states[kind] = getattr(state, "value", str(state)) if state is not None else "unknown"
        return states

    def checks(self, settle: float = 0.0) -> list[CheckResult]:
        """Every device's self-test; with `settle`, failing ones are retried that many seconds (a camera
        needs its first frames)."""
        deadline = time.monotonic() + settle
        results = self._checks_once()
        while not all(r.ok for r in results) and time.monotonic() < deadline:
            time.sleep(0.2)
            results = self._checks_once()
        return results

    def _checks_once(self) -> list[CheckResult]:
        results = [CheckResult(kind, False, problem) for kind, problem in self.problems.items()]
        for kind, driver in self.drivers.items():
            try:
                results.append(driver.self_test())
            except Exception as exc:
                results.append(CheckResult(kind, False, f"self-test failed: {type(exc).__name__}"))
        return sorted(results, key=lambda r: KINDS.index(r.device) if r.device in KINDS else 99)

    def close(self) -> None:
        """Release drivers, then stop simulators."""
        for driver in self.drivers.values():
            close = getattr(driver, "close", None)
            if close:
                close()
        for sim in self.simulators.values():
            sim.close()


def is_usable(kind: str, settings: Any) -> tuple[bool, str]:
    """Whether a real device can be tried at all: its port exists (serial), a host is set (network) or its
    vendor library is installed (SDK)."""
    port = getattr(settings, "port", None)
    if kind in ("idcard", "scanner"):
        return (os.path.exists(port), f"port {port} " + ("present" if os.path.exists(port) else "not found"))
    if kind == "printer" and settings.driver == "network":
        return (bool(settings.host), f"printer at {settings.host}:{settings.port}")
    if kind == "printer" and settings.driver == "serial":
        present = os.path.exists(settings.serial_port)
        return (present, f"printer port {settings.serial_port} " + ("present" if present else "not found"))
    if kind == "printer" and settings.driver == "usb":
        return _real(kind, settings).usable()
    if kind in ("camera", "doccamera") and settings.source.startswith("/"):
        return (os.path.exists(settings.source), f"camera {settings.source}")
    if kind == "fingervein" and settings.driver == "sdk":
        from devices.fingervein.sdk_driver import DEFAULT_LIBRARY

        library = settings.library or DEFAULT_LIBRARY
        if not os.path.isfile(library):
            return (False, f"finger-vein SDK not installed: {library} not found")
        return (True, f"finger-vein SDK {library}")
    return (True, "")


def _plugin(kind: str, driver: str):
    for entry in entry_points(group="kiosk.devices"):
        if entry.name == f"{kind}:{driver}":
            return entry.load()
    return None


def _real(kind: str, settings: Any):
    from devices.audio.sounddevice_audio import SoundDeviceAudio
    from devices.camera.opencv_camera import OpenCvCamera
    from devices.fingervein.sdk_driver import FingerVeinSdk
    from devices.idcard.reader import SerialIdCardReader
    from devices.printer.escpos_network import NetworkReceiptPrinter
    from devices.printer.escpos_serial import SerialReceiptPrinter
    from devices.printer.escpos_usb import UsbReceiptPrinter
    from devices.scanner.serial_scanner import SerialScanner

    builtin = {
        ("audio", "sounddevice"): lambda s: SoundDeviceAudio(s.output or None, s.input or None),
        ("camera", "opencv"): lambda s: OpenCvCamera(
            int(s.source) if s.source.isdigit() else s.source, s.width, s.height, s.fps
        ),
        ("doccamera", "opencv"): lambda s: OpenCvCamera(
            int(s.source) if s.source.isdigit() else s.source, s.width, s.height, s.fps, kind="doccamera"
        ),
        ("idcard", "serial"): lambda s: SerialIdCardReader(s.port, s.baudrate, wlt_library=s.wlt_library),
        ("printer", "network"): lambda s: NetworkReceiptPrinter(s.host, s.port),
        ("printer", "serial"): lambda s: SerialReceiptPrinter(s.serial_port, s.baudrate),
        ("printer", "usb"): lambda s: UsbReceiptPrinter(int(s.usb_vendor, 16), int(s.usb_product, 16)),
        ("scanner", "serial"): lambda s: SerialScanner(s.port, s.baudrate),
        ("fingervein", "sdk"): lambda s: FingerVeinSdk(s.library, s.device_index, s.match_threshold),
    }
    factory = builtin.get((kind, settings.driver)) or _plugin(kind, settings.driver)
    if factory is None:
        raise DeviceError(
            f"no driver {settings.driver!r} for {kind} (built in: "
            f"{', '.join(d for k, d in builtin if k == kind)}; plug-ins: entry points kiosk.devices)"
        )
    return factory(settings)


def build_devices(
    config: Any, mode: str | None = None, sim_dir: Path | None = None, start: tuple[str, ...] = KINDS
) -> DeviceSet:
    """The devices the config names; in sim mode each real driver talks to its simulator.

    Kinds not in `start` are built but not opened: the terminal starts the camera only when a flow needs it
    (decoding frames all day would cost CPU for nothing).
    """
    mode = mode or config.devices.mode
    devices = DeviceSet()
    for kind in KINDS:
        settings = getattr(config, f"device_{kind}")
        devices.required[kind] = settings.required
        try:
            if mode == "sim":
                driver, sim = _simulated(kind, sim_dir or config.data_dir / "sim", settings)
                devices.simulators[kind] = sim
            else:
                usable, why = is_usable(kind, settings)
                if not usable:
                    devices.problems[kind] = why
                    continue
                driver = _real(kind, settings)
            if hasattr(driver, "open") and kind in start:
                driver.open()
            devices.drivers[kind] = driver
        except DeviceError as exc:
            devices.problems[kind] = str(exc)
            log.warning("%s unavailable: %s", kind, exc)
    return devices


def _simulated(kind: str, sim_dir: Path, settings: Any = None):
    from devices.idcard.reader import SerialIdCardReader
    from devices.idcard.sim import IdCardSimulator, sample_card
    from devices.printer.escpos_network import NetworkReceiptPrinter
    from devices.printer.sim import PrinterSimulator
    from devices.scanner.serial_scanner import SerialScanner
    from devices.scanner.sim import ScannerSimulator

    if kind == "idcard":
        sim = IdCardSimulator(card=sample_card("王小明", "男", "1985-06-15", 23))
        # Simulated cards may carry a flagged test JPEG in the photo slot; a real reader's never would.
        return SerialIdCardReader(sim.port, accept_test_photo=True), sim
    if kind == "printer" and getattr(settings, "driver", "") == "serial":
        from devices.printer.escpos_serial import SerialReceiptPrinter

        sim = PrinterSimulator(sim_dir / "receipts", transport="serial")
        return SerialReceiptPrinter(str(sim.port)), sim
    if kind == "printer":  # network, and USB (no virtual USB bus here: its simulator is the network one)
        sim = PrinterSimulator(sim_dir / "receipts")
        return NetworkReceiptPrinter("127.0.0.1", sim.port), sim
    if kind == "audio":
        from devices.audio.sounddevice_audio import SoundDeviceAudio

        return SoundDeviceAudio(), _NullSinkNote()  # PulseAudio null sinks stand in for the hardware
    if kind == "doccamera":
        from devices.camera.opencv_camera import OpenCvCamera
        from devices.camera.sim import CameraSimulator

        # What lies under the document camera: an image sequence prepared in the sim folder (`kiosk prepare`
        # writes synthetic documents being brought into view there), else the generated scene.
        footage = sim_dir / "document-camera"  # kiosk/footage.py writes here (`kiosk prepare`)
        width, height = (settings.width, settings.height) if settings is not None else (1280, 960)
        has_footage = footage.is_dir() and any(footage.iterdir())
        sim = CameraSimulator(width, height, fps=15, source=footage if has_footage else None)
        return OpenCvCamera(sim.url, width, height, 15, kind="doccamera"), sim
    if kind == "camera":
        from devices.camera.opencv_camera import OpenCvCamera
        from devices.camera.sim import CameraSimulator

        sim = CameraSimulator()
        return OpenCvCamera(sim.url), sim
    if kind == "fingervein":
        from devices.fingervein.sdk_driver import FingerVeinSdk
        from devices.fingervein.sim import FingerVeinSimulator

        # The simulator is a vendor SDK built from C: the real ctypes driver loads it by path. A resident's
        # finger rests on it, as the ID card simulator holds a card.
        sim = FingerVeinSimulator(sim_dir / "fingervein", finger=1)
        return FingerVeinSdk(sim.library), sim
    sim = ScannerSimulator()
    return SerialScanner(sim.port), sim


class _NullSinkNote:
    """Audio has no simulator process of its own: PulseAudio null sinks (set up by the test command) are it."""

    def close(self) -> None:
        """Nothing to stop."""
