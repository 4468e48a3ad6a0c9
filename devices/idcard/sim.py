"""A virtual ID card reader on the far end of a pty: answers the same GA/T 467 frames from test cards.

Faults can be switched on to test the driver: no card, card removed mid-read, bad check bytes, silence
(timeout), garbage bytes before an answer, and unplugging (the pty closes).
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import threading
import tty
from dataclasses import dataclass, field

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

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of an 18-digit citizen identity number."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


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
    photo: bytes = b"\x00" * PHOTO_BYTES  # simulators carry no real WLT photo

    def __post_init__(self) -> None:
        self._master, slave = pty.openpty()
        tty.setraw(slave)
        self.port = os.ttyname(slave)
        self._slave = slave  # kept open so the device path stays valid while the driver reconnects
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="idcard-sim", daemon=True)
        self._thread.start()
        self.requests: list[tuple[int, int]] = []

    def close(self) -> None:
        """Stop answering and close the pty."""
        self._stop.set()
        self._thread.join(timeout=2)
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):  # already closed
                os.close(fd)

    def _serve(self) -> None:
        frames = FrameReader()
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
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
