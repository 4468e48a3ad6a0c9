"""The receipt printer on USB (printer class, bulk endpoints): ESC/POS through python-escpos and pyusb."""

from __future__ import annotations

from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Usb

from devices.base import DeviceError
from devices.printer.escpos_driver import EscPosReceiptPrinter


class UsbReceiptPrinter(EscPosReceiptPrinter):
    """An 80 mm ESC/POS printer found by its USB vendor and product id (e.g. 0x0416, 0x5011)."""

    def __init__(self, vendor_id: int, product_id: int, timeout: float = 5.0, in_ep: int = 0x82, out_ep: int = 0x01):
        super().__init__(timeout)
        self.vendor_id = vendor_id
        self.product_id = product_id
        self.in_ep = in_ep
        self.out_ep = out_ep

    def describe(self) -> str:
        """The printer in messages."""
        return f"USB receipt printer {self.vendor_id:04x}:{self.product_id:04x}"

    def details(self) -> dict[str, str]:
        """Which device is meant."""
        return {"usb": f"{self.vendor_id:04x}:{self.product_id:04x}"}

    def usable(self) -> tuple[bool, str]:
        """Whether the device is on the bus (and pyusb with a libusb backend is there to see it)."""
        # Only looks: opening would reset the printer, which python-escpos does on every open.
        try:
            import usb.core
        except ImportError:
            return False, f"{self.describe()} not found: pyusb is not installed"
        try:
            found = usb.core.find(idVendor=self.vendor_id, idProduct=self.product_id) is not None
        except usb.core.NoBackendError:
            return False, f"{self.describe()} not found: no USB backend (install libusb-1.0)"
        return found, f"{self.describe()} " + ("present" if found else "not found")

    def _open(self) -> Usb:
        if not Usb.is_usable():
            # Checked before building one: without pyusb, python-escpos's Usb raises even from its __del__.
            raise DeviceError(f"{self.describe()} not found: pyusb is not installed")
        # pyusb's timeouts are in milliseconds.
        printer = Usb(
            self.vendor_id, self.product_id, timeout=int(self.timeout * 1000), in_ep=self.in_ep, out_ep=self.out_ep
        )
        try:
            printer.open()
        except DeviceNotFoundError as exc:
            raise DeviceError(f"{self.describe()} not found (unplugged, or no access to its USB node)") from exc
        except ValueError as exc:  # pyusb's NoBackendError: no libusb on the system
            raise DeviceError(f"{self.describe()} not found: no USB backend (install libusb-1.0)") from exc
        return printer

    def _answer(self, printer: Usb, command: bytes) -> bytes:
        """The answer to one DLE EOT query; empty when the printer is silent."""
        import usb.core  # there: _open got this far

        try:
            return printer.query_status(command)
        except usb.core.USBTimeoutError:  # an OSError, but not a TimeoutError
            return b""
