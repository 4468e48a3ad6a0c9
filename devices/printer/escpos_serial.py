"""The receipt printer on a serial line (RS-232, or a USB-serial adapter): ESC/POS through python-escpos."""

from __future__ import annotations

import os

from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Serial

from devices.base import DeviceError
from devices.printer.escpos_driver import EscPosReceiptPrinter


class SerialReceiptPrinter(EscPosReceiptPrinter):
    """An 80 mm ESC/POS printer on a serial port; DLE EOT status answers come back on the same line."""

    def __init__(self, port: str, baudrate: int = 115200, timeout: float = 5.0):
        super().__init__(timeout)
        self.port = port
        self.baudrate = baudrate

    def describe(self) -> str:
        """The printer in messages."""
        return f"serial receipt printer {self.port}"

    def details(self) -> dict[str, str]:
        """Where the printer is."""
        return {"port": self.port, "baudrate": str(self.baudrate)}

    def usable(self) -> tuple[bool, str]:
        """Whether the port exists."""
        present = os.path.exists(self.port)
        return present, f"port {self.port} " + ("present" if present else "not found")

    def _open(self) -> Serial:
        printer = Serial(self.port, baudrate=self.baudrate, timeout=self.timeout)
        try:
            printer.open()
        except DeviceNotFoundError as exc:
            cause = exc.__context__ or exc
            if not os.path.exists(self.port):
                raise DeviceError(f"{self.describe()} not found (unplugged?)") from cause
            raise DeviceError(f"{self.describe()} cannot be opened: {cause}") from cause
        # Status answers left over from an operation that gave up waiting must not pass for this one's.
        printer.device.reset_input_buffer()
        return printer

    def _answer(self, printer: Serial, command: bytes) -> bytes:
        """The answer to one DLE EOT query; empty when the printer is silent for `timeout` seconds."""
        # python-escpos's query_status reads up to 16 bytes, and pyserial's read(16) waits out the whole
        # timeout for them; a DLE EOT answer is one byte, so ask for exactly that.
        printer.device.write(command)
        return printer.device.read(1)
