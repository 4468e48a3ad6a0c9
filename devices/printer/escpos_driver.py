"""The receipt printer's ESC/POS logic, once for every transport (network, serial, USB) through python-escpos.

Chinese text goes as a raster image (GS v 0), so no printer code page or font is involved; the QR code is the
printer's own (GS ( k); the paper is cut at the end. Status comes from the real-time DLE EOT queries.

Every operation opens the transport afresh and closes it after, so an unplugged and replugged printer (or one
power-cycled, or one whose network came back) simply works again on the next call; `state` follows: it goes
DISCONNECTED when the transport cannot be opened or drops, and back to READY when it answers again.
"""

from __future__ import annotations

import contextlib
import logging
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass

from escpos.escpos import Escpos

from devices.base import CheckResult, DeviceError, DeviceState, EventSource
from devices.printer.receipt import Receipt, render_text

log = logging.getLogger("kiosk.devices.printer")
DLE_EOT_OFFLINE = b"\x10\x04\x02"  # bit 2: cover open; bit 5: stopped at paper end
DLE_EOT_PAPER = b"\x10\x04\x04"  # bits 5-6: paper end; bits 2-3: near end


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer says about itself."""

    online: bool
    paper: str  # "ok", "low" or "out"
    cover_open: bool

    @property
    def can_print(self) -> bool:
        """Paper in and cover closed."""
        return self.online and self.paper != "out" and not self.cover_open

    @property
    def problem(self) -> str:
        """Why it cannot print, as the end of "receipt printer ..." (empty when it can)."""
        if not self.online:
            return "is offline"
        if self.cover_open:
            return "cover is open"
        return "is out of paper" if self.paper == "out" else ""


class EscPosReceiptPrinter(EventSource, ABC):
    """An 80 mm ESC/POS receipt printer; subclasses only say how to open their transport."""

    kind = "printer"

    def __init__(self, timeout: float = 5.0):
        self.timeout = timeout
        self.state = DeviceState.DISCONNECTED

    @abstractmethod
    def describe(self) -> str:
        """The printer in messages, e.g. "receipt printer 10.0.0.5:9100"."""

    @abstractmethod
    def _open(self) -> Escpos:
        """An opened python-escpos printer; raise DeviceError saying why when the transport is not there."""

    def details(self) -> dict[str, str]:
        """Where the printer is, for the technician's self-test details."""
        return {}

    def usable(self) -> tuple[bool, str]:
        """Whether a real printer can be tried at all (library there, port present), and what was looked at."""
        return True, self.describe()

    def _answer(self, printer: Escpos, command: bytes) -> bytes:
        """The printer's answer to one DLE EOT query; empty when the line is there but the printer is silent."""
        try:
            return printer.query_status(command)
        except TimeoutError:
            return b""

    @contextlib.contextmanager
    def _session(self) -> Iterator[Escpos]:
        try:
            printer = self._open()
        except DeviceError:
            self.state = DeviceState.DISCONNECTED
            raise
        try:
            yield printer
        except OSError as exc:  # socket, pyserial and pyusb errors are all OSErrors
            self.state = DeviceState.DISCONNECTED
            raise DeviceError(f"{self.describe()} dropped the connection: {exc}") from exc
        finally:
            self._close(printer)

    @staticmethod
    def _close(printer: Escpos) -> None:
        try:
            printer.close()
        except Exception:
            # Closing flushes first, which fails on a line that has just gone away; python-escpos would try again
            # from __del__ and complain there, so release the handle here and forget it.
            with contextlib.suppress(Exception):
                printer.device.close()
            printer.device = None

    def _status(self, printer: Escpos) -> PrinterStatus:
        try:
            offline = self._answer(printer, DLE_EOT_OFFLINE)
            paper = self._answer(printer, DLE_EOT_PAPER) if offline else b""  # silent once: do not wait twice
        except OSError as exc:
            self.state = DeviceState.DISCONNECTED
            raise DeviceError(f"{self.describe()} did not answer a status query: {exc}") from exc
        if not offline or not paper:
            # The line is there but nothing answers: the printer is switched off (or the cable is out of it).
            self.state = DeviceState.DISCONNECTED
            return PrinterStatus(False, "out", False)
        level = "out" if paper[0] & 0x60 else ("low" if paper[0] & 0x0C else "ok")
        status = PrinterStatus(True, level, bool(offline[0] & 0x04))
        self.state = DeviceState.READY if status.can_print else DeviceState.ERROR
        return status

    def status(self) -> PrinterStatus:
        """Ask the printer for paper and cover state."""
        with self._session() as printer:
            return self._status(printer)

    def print_receipt(self, receipt: Receipt) -> None:
        """Print one receipt: text as an image, the QR code natively, then cut; refused when it cannot print."""
        image = render_text(receipt)  # before opening: rendering is the slow part and needs no printer
        with self._session() as printer:
            status = self._status(printer)
            if not status.can_print:
                raise DeviceError(f"receipt printer {status.problem}")
            self.state = DeviceState.BUSY
            try:
                printer.hw("INIT")
                printer.image(image, impl="bitImageRaster", center=False)
                if receipt.qr:
                    printer.set(align="center")
                    printer.qr(receipt.qr, size=6, native=True)
                printer.cut()
            finally:
                if self.state == DeviceState.BUSY:
                    self.state = DeviceState.READY

    def self_test(self) -> CheckResult:
        """Reachable, paper in, cover closed."""
        try:
            status = self.status()
        except DeviceError as exc:
            return CheckResult(self.kind, False, str(exc), self.details())
        if status.can_print:
            summary = "ready"
        elif not status.online:
            summary = f"{self.describe()} does not answer (switched off?)"
        else:
            summary = f"paper {status.paper}, cover {'open' if status.cover_open else 'closed'}"
        return CheckResult(self.kind, status.can_print, summary, {"paper": status.paper, **self.details()})

    def close(self) -> None:
        """Nothing is held between operations; here so the registry can close every driver alike."""
        self.state = DeviceState.DISCONNECTED
