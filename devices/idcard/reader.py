"""The ID card reader driver: GA/T 467 frames over a serial port (pyserial), find, select, read."""

from __future__ import annotations

import logging
import termios
import threading
import time
from dataclasses import dataclass

import serial

from devices.base import CheckResult, DeviceError, DeviceState, DeviceTimeout, EventSource
from devices.idcard.photo import CardPhoto, WltDecoder, decode_photo
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
    """One card: its text, and its photo as WLT bytes (decoded by `SerialIdCardReader.photo`)."""

    text: CardText
    photo_wlt: bytes


class SerialIdCardReader(EventSource):
    """A desktop ID card reader on a serial port (or a simulator on a pty: the same bytes)."""

    kind = "idcard"

    def __init__(
        self,
        port: str,
        baudrate: int = 115200,
        timeout: float = 2.0,
        retries: int = 2,
        wlt_library: str = "",
        accept_test_photo: bool = False,
    ):
        self.port = port
        self.baudrate = baudrate
        self.timeout = timeout
        self.retries = retries
        # Loaded now so that a missing vendor library shows in the self-test; it never raises here, because the
        # card's text is useful without the photo.
        self.wlt_decoder = WltDecoder(wlt_library) if wlt_library else None
        # Only a simulated reader may hand over flagged test JPEGs; a real terminal refuses them.
        self.accept_test_photo = accept_test_photo
        self.state = DeviceState.DISCONNECTED
        self._serial: serial.Serial | None = None
        self._frames = FrameReader()
        # One conversation at a time: a self-test from the diagnostics screen may arrive during a card read.
        self._lock = threading.RLock()
        self._watching = threading.Event()
        self._watcher: threading.Thread | None = None
        self.card_present = False

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
        if threading.current_thread() is not self._watcher:
            self._watching.clear()
        if self._serial is not None:
            self._serial.close()
            self._serial = None
        self.state = DeviceState.DISCONNECTED

    def _exchange(self, command: tuple[int, int]) -> Response:
        """Send one request and wait for its response, resending after a garbled answer."""
        with self._lock:
            return self._exchange_locked(command)

    def _exchange_locked(self, command: tuple[int, int]) -> Response:
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
        with self._lock:
            return self._read_card_locked()

    def _read_card_locked(self) -> CardRead:
        self.state = DeviceState.BUSY
        try:
            if not self.find_card():
                raise NoCard("no card on the reader")
            if self._exchange(CMD_SELECT_CARD).status != Status.OK:
                raise CardRemoved("the card could not be selected (moved or removed)")
            response = self._exchange(CMD_READ_BASE)
            if response.status != Status.OK:
                raise CardRemoved("the card was removed while it was being read")
            card = self._parse_base(response.data)
            self.emit("card_read")  # the card itself goes back to the caller only
            return card
        finally:
            if self.state == DeviceState.BUSY:
                self.state = DeviceState.READY

    def photo(self, card: CardRead) -> CardPhoto:
        """The card's photo decoded (vendor WLT library, or a simulator's test JPEG), or unavailable with a reason."""
        return decode_photo(card.photo_wlt, self.wlt_decoder, self.accept_test_photo)

    def watch(self, interval: float = 0.5) -> None:
        """Ask the reader for a card every `interval` seconds; emit card_placed / card_removed on changes."""
        if self._watcher is not None and self._watcher.is_alive():
            return
        self._watching.set()
        self._watcher = threading.Thread(target=self._watch, args=(interval,), name="idcard-watch", daemon=True)
        self._watcher.start()

    def stop_watching(self) -> None:
        """Stop asking for cards."""
        self._watching.clear()
        if self._watcher is not None:
            self._watcher.join(timeout=self.timeout + 1)
            self._watcher = None

    def _watch(self, interval: float) -> None:
        delay = interval
        while self._watching.is_set():
            try:
                present = self.find_card()
                delay = interval
            except DeviceError:
                present = False
                delay = min(delay * 2, 5.0)  # the reader is away: ask less often until it answers again
            if present != self.card_present:
                self.card_present = present
                self.emit("card_placed" if present else "card_removed")
            time.sleep(delay)

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
        summary = "SAM module ready" if ok else f"SAM module status 0x{status:02X}"
        details = {"port": self.port, "photo_decoder": "not configured"}
        if self.wlt_decoder is not None:
            details["photo_decoder"] = self.wlt_decoder.error or f"loaded from {self.wlt_decoder.library_path}"
            if self.wlt_decoder.error:
                # Cards still read (text), so the reader passes; the technician sees why photos are missing.
                summary += f"; {self.wlt_decoder.error}"
        return CheckResult(self.kind, ok, summary, details)
