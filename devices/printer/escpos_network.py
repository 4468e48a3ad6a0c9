"""The receipt printer on the network: ESC/POS through python-escpos to TCP port 9100."""

from __future__ import annotations

import socket

from escpos.printer import Network

from devices.base import DeviceError
from devices.printer.escpos_driver import DLE_EOT_OFFLINE, DLE_EOT_PAPER, EscPosReceiptPrinter, PrinterStatus

__all__ = ["DLE_EOT_OFFLINE", "DLE_EOT_PAPER", "NetworkReceiptPrinter", "PrinterStatus"]


class NetworkReceiptPrinter(EscPosReceiptPrinter):
    """An 80 mm ESC/POS printer on the network."""

    def __init__(self, host: str, port: int = 9100, timeout: float = 5.0):
        super().__init__(timeout)
        self.host = host
        self.port = port

    def describe(self) -> str:
        """The printer in messages."""
        return f"receipt printer {self.host}:{self.port}"

    def details(self) -> dict[str, str]:
        """Where the printer is."""
        return {"address": f"{self.host}:{self.port}"}

    def usable(self) -> tuple[bool, str]:
        """Whether there is anything to try: a host is set."""
        return bool(self.host), f"printer at {self.host}:{self.port}"

    def _open(self) -> Network:
        # The socket is ours: python-escpos's own open() leaks it when the connection fails.
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            raise DeviceError(f"{self.describe()} unreachable: {exc}") from exc
        printer = Network(self.host, self.port, timeout=self.timeout)
        printer.device = sock
        return printer
