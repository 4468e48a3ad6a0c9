"""A virtual ID card reader on the far end of a pty: answers the same GA/T 467 frames from test cards.

Faults can be switched on to test the driver: no card, card removed mid-read, bad check bytes, silence
(timeout), garbage bytes before an answer, and unplugging (the pty closes).

The photo slot holds 1,024 bytes: zeros by default (no photo: the driver reports it unavailable), a flagged test
JPEG (devices.idcard.photo.test_photo_slot, decoded only by a reader in simulation), or the payload of the
simulated vendor WLT library (`wlt_sim_slot`, decoded through `build_wlt_library()` like a real libwlt.so).
"""

from __future__ import annotations

import os
import pty
import select
import threading
import tty
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from catalog.codes import id_check_digit
from devices.idcard.protocol import (
    CMD_FIND_CARD,
    CMD_READ_BASE,
    CMD_RESET_SAM,
    CMD_SAM_STATUS,
    CMD_SELECT_CARD,
    PHOTO_BYTES,
    TEXT_BYTES,
    CardText,
    FrameError,
    FrameReader,
    Status,
    encode_response,
    encode_text,
)
from devices.native_build import cache_root, compile_shared_library
from devices.sim_pty import close_ends


def sample_card(name: str, sex: str, birth: str, sequence: int, ethnicity: str = "汉") -> CardText:
    """A made-up but well-formed card for a Huangpu (440112) resident."""
    code = f"440112{birth.replace('-', '')}{sequence:02d}{1 if sex == '男' else 2}"
    return CardText(
        name=name,
        sex=sex,
        ethnicity=ethnicity,
        birth_date=birth,
        address="广东省广州市黄埔区香雪大道中85号",
        id_number=code + id_check_digit(code),
        issuing_authority="广州市公安局黄埔分局",
        valid_from="2020-01-01",
        valid_until="2040-01-01",
    )


# -- the simulated vendor WLT decoder (sim/wltsim.c; the payload layout is documented there) ----------------
WLT_SOURCE = Path(__file__).resolve().parent / "sim" / "wltsim.c"
WLT_SIM_MAGIC = b"KIOSK-SIM-WLT\0"
WLT_SIM_WIDTH, WLT_SIM_HEIGHT = 34, 42  # 4-bit grey, shown 3x larger (102 x 126) by the library


def wlt_sim_slot(image: np.ndarray) -> bytes:
    """The 1,024-byte photo slot that the simulated WLT library decodes to `image` (BGR or grey) in 4-bit grey.

    The image is scaled to 34 x 42 (area average) and quantised to 16 levels; the library's output is each of
    those pixels as a 3 x 3 block of value * 17.
    """
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise ValueError("a WLT simulator image is a uint8 BGR or greyscale image")
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 and image.shape[2] == 3 else image
    grey = grey.reshape(grey.shape[:2])
    small = cv2.resize(grey, (WLT_SIM_WIDTH, WLT_SIM_HEIGHT), interpolation=cv2.INTER_AREA)
    levels = np.rint(small.astype(np.float32) / 17).astype(np.uint8).reshape(-1)
    body = WLT_SIM_MAGIC + ((levels[0::2] << 4) | levels[1::2]).tobytes()  # left pixel in the high nibble
    return (body + zlib.crc32(body).to_bytes(4, "big")).ljust(PHOTO_BYTES, b"\0")


def build_wlt_library(cache_dir: Path | None = None) -> Path:
    """The simulated vendor WLT library (exports only `int unpack(char*, char*, int)`), compiled once per source."""
    return compile_shared_library(
        WLT_SOURCE, "wltsim", cache_dir or cache_root() / "idcard", description="the WLT decoder simulator"
    )


@dataclass
class Faults:
    """Misbehaviour to inject; each flag applies to every request until switched off."""

    no_card: bool = False
    remove_mid_read: bool = False
    bad_check: int = 0  # answer this many next requests with a corrupted check byte
    silent: bool = False
    garbage: bytes = b""  # sent before each answer
    unplugged: bool = False


@dataclass
class IdCardSimulator:
    """Serves one card at a time to whatever opens `port` (the pty's device path)."""

    card: CardText | None = None
    faults: Faults = field(default_factory=Faults)
    photo: bytes = b"\x00" * PHOTO_BYTES  # no real WLT photo: zeros, a test JPEG slot or a WLT-simulator payload

    def __setattr__(self, name: str, value: object) -> None:
        # Checked on every assignment, not only in __init__: a wrong-sized photo would corrupt the answer frame.
        if name == "photo":
            if not isinstance(value, bytes | bytearray | memoryview) or len(value) != PHOTO_BYTES:
                size = len(value) if isinstance(value, bytes | bytearray | memoryview) else type(value).__name__
                raise ValueError(f"the photo slot holds exactly {PHOTO_BYTES} bytes, not {size}")
            value = bytes(value)
        super().__setattr__(name, value)

    def __post_init__(self) -> None:
        self._master, slave = pty.openpty()
        tty.setraw(slave)
        self.port = os.ttyname(slave)
        self._slave = slave  # kept open so the device path stays valid while the driver reconnects
        self._stop = threading.Event()
        self.requests: list[tuple[int, int]] = []  # before the thread starts: it appends from the first frame
        self._thread = threading.Thread(target=self._serve, name="idcard-sim", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop answering and close the pty."""
        self._stop.set()
        self._thread.join(timeout=2)
        fds, self._master, self._slave = (self._master, self._slave), -1, -1
        close_ends(*fds)

    def _serve(self) -> None:
        frames = FrameReader()
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self._master], [], [], 0.05)
            except (OSError, ValueError):  # closed under us (close() gave up waiting for this thread)
                return
            if not ready:
                continue
            try:
                frames.feed(os.read(self._master, 4096))
            except OSError:
                return
            while True:
                try:
                    body = frames.next_frame()
                except FrameError:
                    os.write(self._master, encode_response(Status.CHECKSUM_ERROR))
                    continue
                if body is None:
                    break
                self._answer(body)

    def _answer(self, body: bytes) -> None:
        command = (body[0], body[1]) if len(body) >= 2 else (0, 0)
        self.requests.append(command)
        if self.faults.silent or self.faults.unplugged:
            return
        reply = self._reply(command)
        if self.faults.bad_check:
            self.faults.bad_check -= 1
            reply = reply[:-1] + bytes([reply[-1] ^ 0xFF])
        os.write(self._master, self.faults.garbage + reply)

    def _reply(self, command: tuple[int, int]) -> bytes:
        present = self.card is not None and not self.faults.no_card
        if command in (CMD_SAM_STATUS, CMD_RESET_SAM):
            return encode_response(Status.OK)
        if command == CMD_FIND_CARD:
            return encode_response(Status.FIND_OK if present else Status.NO_CARD)
        if command == CMD_SELECT_CARD:
            return encode_response(Status.OK if present else Status.SELECT_FAILED)
        if command == CMD_READ_BASE:
            if not present or self.faults.remove_mid_read:
                return encode_response(Status.READ_FAILED)
            assert self.card is not None
            data = TEXT_BYTES.to_bytes(2, "big") + PHOTO_BYTES.to_bytes(2, "big")
            return encode_response(Status.OK, data + encode_text(self.card) + self.photo)
        return encode_response(Status.UNKNOWN_COMMAND)
