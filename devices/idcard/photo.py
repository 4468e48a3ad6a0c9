"""The card's photo: 1,024 bytes of WLT that only the vendor's library decodes, or a flagged simulator test JPEG.

A photo is either decoded for real or reported unavailable with a reason; it is never made up, because the photo
is what a face check compares the resident against. The reason strings are safe to log and show (no personal data).

The vendor library is loaded by path with ctypes. The widely deployed ABI (libwlt.so, WltRS.dll) is
`int unpack(char *wlt, char *bmp, int bmp_save)`: 1,024 bytes in, a 38,862-byte 24-bit BMP of 102 x 126 pixels
out, 1 on success. devices/idcard/sim/wltsim.c is a simulated library with that ABI (see devices.idcard.sim).

Simulators may instead put a test JPEG in the photo slot, flagged by a magic prefix (`test_photo_slot`); it is
decoded only when the reader was told it talks to a simulator (`accept_test_photo`), never on a real terminal.
"""

from __future__ import annotations

import ctypes
import logging
import os
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from devices.base import DeviceError
from devices.idcard.protocol import PHOTO_BYTES

log = logging.getLogger("kiosk.devices.idcard")

PHOTO_WIDTH, PHOTO_HEIGHT = 102, 126  # the card photo's size in pixels (GA 467)
BMP_HEADER_BYTES = 54  # BITMAPFILEHEADER (14) + BITMAPINFOHEADER (40)
BMP_STRIDE = (PHOTO_WIDTH * 3 + 3) & ~3  # rows of 24-bit pixels are padded to 4 bytes: 308
BMP_BYTES = BMP_HEADER_BYTES + BMP_STRIDE * PHOTO_HEIGHT  # 38,862: what unpack writes
# Spare room after the BMP: a vendor build that writes more than the documented size (another photo layout)
# scribbles here instead of over Python's heap, and is then reported instead of silently accepted.
_OVERRUN_GUARD = 4096
_GUARD_BYTE = 0xA5

SOURCE_VENDOR = "vendor-wlt"
SOURCE_TEST_JPEG = "simulator-test-jpeg"

TEST_PHOTO_MAGIC = b"KIOSK-SIM-JPEG\0"
_TEST_HEADER_BYTES = len(TEST_PHOTO_MAGIC) + 2  # magic, then the JPEG's length (2 bytes, big-endian)
TEST_PHOTO_CAPACITY = PHOTO_BYTES - _TEST_HEADER_BYTES  # 1,007 bytes of JPEG at most

# Vendor decoders keep global state and are not thread-safe; instances loaded from the same path share one
# dlopen handle, so a single process-wide lock serialises every call (a decode takes milliseconds).
_VENDOR_LOCK = threading.Lock()


@dataclass(frozen=True)
class CardPhoto:
    """The card's photo as a BGR image, or None with the reason it is unavailable."""

    # Kept out of repr: a face must never reach a log line through a formatted CardPhoto.
    image: np.ndarray | None = field(repr=False, compare=False)
    source: str = ""  # SOURCE_VENDOR, SOURCE_TEST_JPEG, or "" when unavailable
    reason: str = ""  # why it is unavailable; safe to log and show

    @property
    def available(self) -> bool:
        """Whether there is an image."""
        return self.image is not None


def _unavailable(reason: str) -> CardPhoto:
    return CardPhoto(None, "", reason)


class WltDecoder:
    """The vendor's WLT library loaded by path; `error` says why it cannot decode (empty when loaded)."""

    def __init__(self, library_path: str | os.PathLike[str]):
        self.library_path = str(library_path)
        self.error = ""
        self._unpack: Callable[..., int] | None = None
        # Loading never raises: the reader stays usable for the card's text, and the reason shows in its self-test.
        try:
            self._unpack = self._load()
        except DeviceError as exc:
            self.error = str(exc)

    def _load(self) -> Callable[..., int]:
        path = self.library_path
        # A bare name ("libwlt.so") is left to the dynamic linker's search path; a path must exist.
        if os.sep in path and not os.path.isfile(path):
            raise DeviceError(f"WLT decoder not installed: {path} not found")
        try:
            library = ctypes.CDLL(path)
        except OSError as exc:
            raise DeviceError(f"WLT decoder {path} cannot be loaded: {exc}") from exc
        try:
            unpack = library.unpack
        except AttributeError as exc:
            raise DeviceError(f"WLT decoder {path} has no unpack function (not a WLT library?)") from exc
        unpack.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]
        unpack.restype = ctypes.c_int
        return unpack

    @property
    def loaded(self) -> bool:
        """Whether the library was loaded and can be asked to decode."""
        return self._unpack is not None

    def decode(self, wlt: bytes) -> np.ndarray:
        """The 102 x 126 BGR image in a card's 1,024 WLT bytes; DeviceError if the library or its output fails."""
        if self._unpack is None:
            raise DeviceError(self.error)
        if len(wlt) != PHOTO_BYTES:
            raise DeviceError(f"WLT photo of {len(wlt)} bytes, expected {PHOTO_BYTES}")
        source = ctypes.create_string_buffer(bytes(wlt), PHOTO_BYTES)  # a copy: the library gets a writable char*
        output = ctypes.create_string_buffer(bytes([_GUARD_BYTE]) * (BMP_BYTES + _OVERRUN_GUARD))
        with _VENDOR_LOCK:
            code = self._unpack(source, output, 0)  # 0: no zp.bmp in the working directory, the photo stays in memory
        if code != 1:
            raise DeviceError(f"WLT decoder rejected the photo (unpack returned {code})")
        raw = output.raw
        if raw[BMP_BYTES : BMP_BYTES + _OVERRUN_GUARD] != bytes([_GUARD_BYTE]) * _OVERRUN_GUARD:
            raise DeviceError(f"WLT decoder wrote past the {BMP_BYTES}-byte BMP it documents (a different version?)")
        return _bmp_image(raw[:BMP_BYTES])


def _bmp_image(bmp: bytes) -> np.ndarray:
    """The image in the decoder's BMP, after checking the header is exactly the documented one."""
    magic, file_size, _reserved, offset = struct.unpack_from("<2sI4sI", bmp, 0)
    dib_size, width, height, planes, bits, compression = struct.unpack_from("<IiiHHI", bmp, 14)
    if magic != b"BM":
        raise DeviceError("WLT decoder output is not a BMP")
    expected = (BMP_BYTES, BMP_HEADER_BYTES, 40, PHOTO_WIDTH, PHOTO_HEIGHT, 1, 24, 0)
    found = (file_size, offset, dib_size, width, abs(height), planes, bits, compression)
    if found != expected:
        raise DeviceError(
            "WLT decoder output is not the expected 102x126 24-bit BMP "
            f"(size {file_size}, offset {offset}, header {dib_size}, {width}x{height}, {bits} bits, "
            f"compression {compression})"
        )
    image = cv2.imdecode(np.frombuffer(bmp, np.uint8), cv2.IMREAD_COLOR)
    if image is None or image.shape != (PHOTO_HEIGHT, PHOTO_WIDTH, 3):
        raise DeviceError("WLT decoder output could not be decoded as a BMP image")
    return image


# -- simulator test photos -----------------------------------------------------------------------------
_QUALITIES = (75, 50, 35, 25, 18, 12, 8, 5)
_SCALES = (1.0, 0.8, 0.6, 0.4)


def test_photo_slot(image_bgr: np.ndarray) -> bytes:
    """A 1,024-byte photo slot carrying `image_bgr` (BGR or grey) as a flagged test JPEG, for simulators only.

    The image is first scaled down to fit the card photo (102 x 126); then JPEG quality, colour (grey when colour
    does not fit) and finally size are lowered until it fits, so the highest quality that fits wins.
    """
    if not isinstance(image_bgr, np.ndarray) or image_bgr.dtype != np.uint8 or image_bgr.ndim not in (2, 3):
        raise ValueError("a test photo is a uint8 BGR or greyscale image")
    colour = image_bgr if image_bgr.ndim == 3 and image_bgr.shape[2] == 3 else None
    grey = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2GRAY) if colour is not None else image_bgr.reshape(image_bgr.shape[:2])
    height, width = grey.shape
    fit = min(1.0, PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
    for scale in _SCALES:
        size = (max(1, round(width * fit * scale)), max(1, round(height * fit * scale)))
        variants = [cv2.resize(grey, size, interpolation=cv2.INTER_AREA)]
        if colour is not None:
            variants.insert(0, cv2.resize(colour, size, interpolation=cv2.INTER_AREA))
        for quality in _QUALITIES:
            for variant in variants:
                params = [cv2.IMWRITE_JPEG_QUALITY, quality, cv2.IMWRITE_JPEG_OPTIMIZE, 1]
                ok, encoded = cv2.imencode(".jpg", variant, params)
                if ok and len(encoded) <= TEST_PHOTO_CAPACITY:
                    body = TEST_PHOTO_MAGIC + len(encoded).to_bytes(2, "big") + encoded.tobytes()
                    return body.ljust(PHOTO_BYTES, b"\0")
    raise ValueError(f"the test photo does not fit into {TEST_PHOTO_CAPACITY} bytes of JPEG")


test_photo_slot.__test__ = False  # type: ignore[attr-defined]  # not a test, though pytest collects test_* names


def is_test_photo_slot(data: bytes) -> bool:
    """Whether a photo slot is a simulator's flagged test JPEG (and not WLT)."""
    return len(data) == PHOTO_BYTES and data.startswith(TEST_PHOTO_MAGIC)


def _test_photo_image(data: bytes) -> np.ndarray:
    length = int.from_bytes(data[len(TEST_PHOTO_MAGIC) : _TEST_HEADER_BYTES], "big")
    if not 0 < length <= TEST_PHOTO_CAPACITY:
        raise DeviceError(f"simulator test photo claims {length} bytes of JPEG")
    jpeg = np.frombuffer(data, np.uint8, count=length, offset=_TEST_HEADER_BYTES)
    image = cv2.imdecode(jpeg, cv2.IMREAD_COLOR)  # always BGR, also for a grey JPEG
    if image is None:
        raise DeviceError("simulator test photo is not a readable JPEG")
    return image


def decode_photo(photo_wlt: bytes, decoder: WltDecoder | None, accept_test_photo: bool) -> CardPhoto:
    """The card's photo decoded, or unavailable with a reason; never a made-up photo."""
    if is_test_photo_slot(photo_wlt):
        if not accept_test_photo:
            # A real reader never sends this: something is feeding the terminal simulated cards.
            log.warning("a simulator test photo arrived outside simulation; refused")
            return _unavailable("simulator test photo refused outside simulation")
        try:
            return CardPhoto(_test_photo_image(photo_wlt), SOURCE_TEST_JPEG)
        except DeviceError as exc:
            return _unavailable(f"photo unavailable: {exc}")
    if decoder is None:
        return _unavailable("photo unavailable: no WLT decoder configured")
    try:
        return CardPhoto(decoder.decode(photo_wlt), SOURCE_VENDOR)
    except DeviceError as exc:
        log.warning("card photo not decoded: %s", exc)  # the message carries codes and paths, not the photo
        return _unavailable(f"photo unavailable: {exc}")
