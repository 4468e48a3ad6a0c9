"""A serial line scanner: each scanned code arrives as one line (CR or LF terminated)."""

from __future__ import annotations

import logging
import queue
import threading

import serial

from devices.base import CheckResult, DeviceError, DeviceState, DeviceTimeout, EventSource

log = logging.getLogger("kiosk.devices.scanner")
MAX_CODE = 4096  # longer "lines" are noise on the wire, not codes
BACKOFF = (0.1, 5.0)  # seconds between attempts to reopen an unplugged port, doubling up to the maximum


class SerialScanner(EventSource):
    """Reads codes in a background thread; `read_code` waits for the next one."""

    kind = "scanner"

    def __init__(self, port: str, baudrate: int = 9600):
        self.port = port
        self.baudrate = baudrate
        self.state = DeviceState.DISCONNECTED
        self.codes: queue.Queue[str] = queue.Queue()
        self.dropped = 0
        self.reconnects = 0
        self._serial: serial.Serial | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self) -> None:
        """Open the port and start listening; after an unplug the listener reopens it with backoff."""
        self._connect()
        if self._serial is None:
            raise DeviceError(f"cannot open scanner port {self.port}")
        self._stop.clear()
        self._thread = threading.Thread(target=self._listen, name="scanner", daemon=True)
        self._thread.start()

    def _connect(self) -> None:
        try:
            self._serial = serial.Serial(self.port, self.baudrate, timeout=0.1)
            self.state = DeviceState.READY
        except (serial.SerialException, OSError):
            self._serial = None
            self.state = DeviceState.DISCONNECTED

    def close(self) -> None:
        """Stop listening and release the port."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        if self._serial is not None:
            self._serial.close()
            self._serial = None
        self.state = DeviceState.DISCONNECTED

    def _listen(self) -> None:
        buffer = bytearray()
        delay = BACKOFF[0]
        while not self._stop.is_set():
            if self._serial is None:
                self._connect()
                if self._serial is None:
                    self._stop.wait(delay)
                    delay = min(delay * 2, BACKOFF[1])
                    continue
                delay = BACKOFF[0]
                buffer.clear()
            try:
                chunk = self._serial.read(256)
            except (serial.SerialException, OSError):
                # Unplugged: forget the port and keep trying to reopen it.
                self._serial.close()
                self._serial = None
                self.state = DeviceState.DISCONNECTED
                self.reconnects += 1
                continue
            buffer.extend(chunk)
            while True:
                end = next((i for i, b in enumerate(buffer) if b in (0x0A, 0x0D)), -1)
                if end < 0:
                    if len(buffer) > MAX_CODE:
                        self.dropped += len(buffer)
                        buffer.clear()
                    break
                line, buffer = bytes(buffer[:end]), buffer[end + 1 :]
                self._accept(line)

    def _accept(self, line: bytes) -> None:
        if not line:
            return
        try:
            code = line.decode("utf-8")
        except UnicodeDecodeError:
            self.dropped += 1
            log.warning("scanner sent a line that is not UTF-8; dropped")  # the content stays out of logs
            return
        if not code.isprintable():
            self.dropped += 1
            log.warning("scanner sent control characters; dropped")
            return
        self.codes.put(code)
        self.emit("code_scanned", code=code)

    def read_code(self, timeout: float) -> str:
        """The next scanned code."""
        try:
            return self.codes.get(timeout=timeout)
        except queue.Empty:
            raise DeviceTimeout(f"nothing scanned within {timeout:.0f} s") from None

    def self_test(self) -> CheckResult:
        """The port is open and the listener alive (a scan proves the rest: the technician scans a code)."""
        alive = self._thread is not None and self._thread.is_alive() and self.state == DeviceState.READY
        return CheckResult(self.kind, alive, "listening" if alive else "not connected", {"port": self.port})
