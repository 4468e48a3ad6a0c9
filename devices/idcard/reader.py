"""The ID card reader driver: GA/T 467 frames over a serial port (pyserial), find, select, read."""

from __future__ import annotations

import logging
import termios
import time
from dataclasses import dataclass

import serial

from devices.base import CheckResult, DeviceError, DeviceState, DeviceTimeout
from devices.idcard.protocol import (
    CMD_FIND_CARD,
    CMD_READ_BASE,
    CMD_SAM_STATUS,
    CMD_SELECT_CARD,
    PHOTO_BYTES,
    TEXT_BYTES,
    CardText,
    FrameError,
    FrameReader,
    Response,
    Status,
    decode_response,
    encode_request,
    parse_text,
)

log = logging.getLogger("kiosk.devices.idcard")


class NoCard(DeviceError):
    """No card lies on the reader."""


class CardRemoved(DeviceError):
    """The card left the reader before it was read completely."""


@dataclass(frozen=True)
class CardRead:
    """One card: its text, and its photo as WLT bytes (decodable only by the vendor library)."""

    text: CardText
    photo_wlt: bytes


class SerialIdCardReader:
    """A desktop ID card reader on a serial port (or a simulator on a pty: the same bytes)."""

    kind = "idcard"

    def __init__(self, port: str, baudrate: int = 115200, timeout: float = 2.0, retries: int = 2):
        self.port = port
        self.baudrate = baudrate
        self.timeout = timeout
        self.retries = retries
        self.state = DeviceState.DISCONNECTED
        self._serial: serial.Serial | None = None
        self._frames = FrameReader()

    # -- connection ---------------------------------------------------------------------------------
    def open(self) -> None:
        """Open the port; DeviceError if it cannot be opened."""
        try:
            self._serial = serial.Serial(self.port, self.baudrate, timeout=0.05)
        except (serial.SerialException, OSError) as exc:
            self.state = DeviceState.DISCONNECTED
            raise DeviceError(f"cannot open ID card reader port {self.port}: {exc}") from exc
        self._frames = FrameReader()
        self.state = DeviceState.READY

    def close(self) -> None:
        """Release the port."""
        if self._serial is not None:
            self._serial.close()
            self._serial = None
        self.state = DeviceState.DISCONNECTED

    def _exchange(self, command: tuple[int, int]) -> Response:
        """Send one request and wait for its response, resending after a garbled answer."""
        if self._serial is None:
            self.open()
        assert self._serial is not None
        last: Exception | None = None
        for _attempt in range(self.retries + 1):
            self._frames = FrameReader()
            try:
                self._serial.reset_input_buffer()
                self._serial.write(encode_request(command))
                return decode_response(self._read_frame())
            except FrameError as exc:
                # Noise on the line or a half-sent answer: logged without content, then asked again.
                log.warning("ID card reader sent a malformed frame (%s); retrying", exc)
                last = exc
            except (serial.SerialException, OSError, termios.error) as exc:  # termios: the tty vanished
                self.close()
                raise DeviceError(f"ID card reader on {self.port} was lost: {exc}") from exc
        raise DeviceError(f"ID card reader keeps answering with malformed frames: {last}")

    def _read_frame(self) -> bytes:
        assert self._serial is not None
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            body = self._frames.next_frame()
            if body is not None:
                return body
            chunk = self._serial.read(4096)
            if chunk:
                self._frames.feed(chunk)
        raise DeviceTimeout(f"ID card reader on {self.port} did not answer within {self.timeout:.1f} s")

    # -- operations ---------------------------------------------------------------------------------
    def find_card(self) -> bool:
        """Whether a card lies on the reader."""
        return self._exchange(CMD_FIND_CARD).status == Status.FIND_OK

    def read_card(self) -> CardRead:
        """Find, select and read the card on the reader."""
        self.state = DeviceState.BUSY
        try:
            if not self.find_card():
                raise NoCard("no card on the reader")
            if self._exchange(CMD_SELECT_CARD).status != Status.OK:
                raise CardRemoved("the card could not be selected (moved or removed)")
            response = self._exchange(CMD_READ_BASE)
            if response.status != Status.OK:
                raise CardRemoved("the card was removed while it was being read")
            return self._parse_base(response.data)
        finally:
            if self.state == DeviceState.BUSY:
                self.state = DeviceState.READY

    @staticmethod
    def _parse_base(data: bytes) -> CardRead:
        if len(data) < 4:
            raise DeviceError("base information too short")
        text_len, photo_len = int.from_bytes(data[:2], "big"), int.from_bytes(data[2:4], "big")
        if text_len != TEXT_BYTES or photo_len != PHOTO_BYTES or len(data) < 4 + text_len + photo_len:
            raise DeviceError(f"unexpected base information layout ({text_len}, {photo_len}, {len(data)})")
        try:
            text = parse_text(data[4 : 4 + text_len])
        except FrameError as exc:
            raise DeviceError(f"card text unreadable: {exc}") from exc
        return CardRead(text, data[4 + text_len : 4 + text_len + photo_len])

    def self_test(self) -> CheckResult:
        """Ask the SAM module for its status."""
        try:
            status = self._exchange(CMD_SAM_STATUS).status
        except DeviceError as exc:
            return CheckResult(self.kind, False, str(exc))
        ok = status == Status.OK
        return CheckResult(
            self.kind, ok, "SAM module ready" if ok else f"SAM module status 0x{status:02X}", {"port": self.port}
        )
