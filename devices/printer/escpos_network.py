"""The receipt printer driver: ESC/POS through python-escpos to a network printer (port 9100).

Chinese text goes as a raster image (GS v 0), so no printer code page or font is involved; the QR code is the
printer's own (GS ( k); the paper is cut at the end. Status comes from the real-time DLE EOT queries.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass

from escpos.printer import Network

from devices.base import CheckResult, DeviceError, DeviceState
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


class NetworkReceiptPrinter:
    """An 80 mm ESC/POS printer on the network."""

    kind = "printer"

    def __init__(self, host: str, port: int = 9100, timeout: float = 5.0):
        self.host = host
        self.port = port
        self.timeout = timeout
        self.state = DeviceState.DISCONNECTED

    def _connect(self) -> Network:
        # The socket is ours: python-escpos's own open() leaks it when the connection fails.
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            self.state = DeviceState.DISCONNECTED
            raise DeviceError(f"receipt printer {self.host}:{self.port} unreachable: {exc}") from exc
        printer = Network(self.host, self.port, timeout=self.timeout)
        printer.device = sock
        self.state = DeviceState.READY
        return printer

    def _query(self, printer: Network, command: bytes) -> int | None:
        try:
            answer = printer.query_status(command)
        except OSError as exc:
            raise DeviceError(f"receipt printer {self.host}:{self.port} did not answer a status query") from exc
        return answer[0] if answer else None

    def status(self) -> PrinterStatus:
        """Ask the printer for paper and cover state."""
        printer = self._connect()
        try:
            offline, paper = self._query(printer, DLE_EOT_OFFLINE), self._query(printer, DLE_EOT_PAPER)
        finally:
            printer.close()
        if offline is None or paper is None:
            return PrinterStatus(False, "out", False)
        level = "out" if paper & 0x60 else ("low" if paper & 0x0C else "ok")
        return PrinterStatus(True, level, bool(offline & 0x04))

    def print_receipt(self, receipt: Receipt) -> None:
        """Print one receipt: text as an image, the QR code natively, then cut."""
        status = self.status()
        if not status.can_print:
            problem = (
                "cover is open" if status.cover_open else ("is out of paper" if status.paper == "out" else "is offline")
            )
            raise DeviceError(f"receipt printer {problem}")
        self.state = DeviceState.BUSY
        printer = self._connect()
        try:
            printer.hw("INIT")
            printer.image(render_text(receipt), impl="bitImageRaster", center=False)
            if receipt.qr:
                printer.set(align="center")
                printer.qr(receipt.qr, size=6, native=True)
            printer.cut()
        except OSError as exc:
            raise DeviceError(f"receipt printer {self.host}:{self.port} dropped the connection") from exc
        finally:
            printer.close()
            self.state = DeviceState.READY

    def self_test(self) -> CheckResult:
        """Reachable, paper in, cover closed."""
        try:
            status = self.status()
        except DeviceError as exc:
            return CheckResult(self.kind, False, str(exc))
        summary = (
            "ready" if status.can_print else f"paper {status.paper}, cover {'open' if status.cover_open else 'closed'}"
        )
        return CheckResult(
            self.kind, status.can_print, summary, {"paper": status.paper, "address": f"{self.host}:{self.port}"}
        )
