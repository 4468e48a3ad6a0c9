"""The card photo through the real reader over a pty: no decoder, flagged test JPEGs, and the simulated vendor
WLT library (C, compiled with gcc) loaded by path with ctypes, including its failures."""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.base import DeviceError
from devices.idcard import photo as photo_module
from devices.idcard.photo import (
    BMP_BYTES,
    PHOTO_HEIGHT,
    PHOTO_WIDTH,
    SOURCE_TEST_JPEG,
    SOURCE_VENDOR,
    CardPhoto,
    WltDecoder,
    decode_photo,
    is_test_photo_slot,
)
from devices.idcard.protocol import PHOTO_BYTES
from devices.idcard.reader import SerialIdCardReader
from devices.idcard.sim import (
    WLT_SIM_HEIGHT,
    WLT_SIM_WIDTH,
    IdCardSimulator,
    build_wlt_library,
    sample_card,
    wlt_sim_slot,
)

CARD = sample_card("陈美玲", "女", "1976-05-08", 31)
FACE_IMAGE = Path("/work/shared/data/faces/images/img1.jpg")  # a public figure, see /work/shared/data/README.md
ZEROS = b"\0" * PHOTO_BYTES


@pytest.fixture(scope="module")
def face() -> np.ndarray:
    """A head-and-shoulders crop of a real face at the card photo's 102 x 126."""
    image = cv2.imread(str(FACE_IMAGE))
    assert image is not None, f"missing test image {FACE_IMAGE}"
    crop = image[10:455, 130:490]  # 360 x 445: the card photo's aspect, face centred
    return cv2.resize(crop, (PHOTO_WIDTH, PHOTO_HEIGHT), interpolation=cv2.INTER_AREA)


@pytest.fixture(scope="module")
def wlt_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The simulated vendor library, compiled once for this module."""
    return build_wlt_library(tmp_path_factory.mktemp("wltsim-cache"))


ReadPhoto = Callable[..., CardPhoto]


@pytest.fixture
def read_photo() -> Iterator[ReadPhoto]:
    """Put a card with `photo` in its slot on a simulated reader, read it with the real driver, decode its photo."""
    opened: list[tuple[IdCardSimulator, SerialIdCardReader]] = []

    def read(photo: bytes, **reader_options: object) -> CardPhoto:
        simulator = IdCardSimulator(card=CARD, photo=photo)
        reader = SerialIdCardReader(simulator.port, timeout=0.5, **reader_options)  # type: ignore[arg-type]
        opened.append((simulator, reader))
        card = reader.read_card()
        assert card.text == CARD and card.photo_wlt == photo
        return reader.photo(card)

    yield read
    for simulator, reader in opened:
        reader.close()
        simulator.close()


def test_zero_photo_without_decoder_is_unavailable_with_a_reason(read_photo: ReadPhoto) -> None:
    photo = read_photo(ZEROS)
    assert not photo.available and photo.image is None and photo.source == ""
    assert photo.reason == "photo unavailable: no WLT decoder configured"


def test_flagged_test_jpeg_decodes_only_in_simulation(read_photo: ReadPhoto, face: np.ndarray, caplog) -> None:
    slot = photo_module.test_photo_slot(face)
    assert len(slot) == PHOTO_BYTES and is_test_photo_slot(slot)
    photo = read_photo(slot, accept_test_photo=True)
    assert photo.available and photo.source == SOURCE_TEST_JPEG and photo.reason == ""
    assert photo.image is not None and photo.image.shape == (PHOTO_HEIGHT, PHOTO_WIDTH, 3)
    # A heavily compressed JPEG, but the same picture: close on average to the face it was made from.
    assert np.abs(photo.image.astype(int) - face.astype(int)).mean() < 20

    with caplog.at_level(logging.WARNING, logger="kiosk.devices.idcard"):
        refused = read_photo(slot)  # a real terminal: accept_test_photo defaults to False
    assert not refused.available and refused.source == ""
    assert refused.reason == "simulator test photo refused outside simulation"
    assert "refused" in caplog.text


def test_wlt_payload_decodes_through_the_compiled_vendor_library(
    read_photo: ReadPhoto, face: np.ndarray, wlt_library: Path
) -> None:
    photo = read_photo(wlt_sim_slot(face), wlt_library=str(wlt_library))
    assert photo.available and photo.source == SOURCE_VENDOR and photo.reason == ""
    image = photo.image
    assert image is not None and image.shape == (PHOTO_HEIGHT, PHOTO_WIDTH, 3) and image.dtype == np.uint8
    assert (image[:, :, 0] == image[:, :, 1]).all() and (image[:, :, 1] == image[:, :, 2]).all()  # grey
    grey = cv2.cvtColor(face, cv2.COLOR_BGR2GRAY)
    small = cv2.resize(grey, (WLT_SIM_WIDTH, WLT_SIM_HEIGHT), interpolation=cv2.INTER_AREA)
    expected = np.repeat(np.repeat(small, 3, axis=0), 3, axis=1)  # each source pixel a 3 x 3 block
    # 16 levels 17 apart: rounding moves a pixel by at most 8 (the BMP is bottom-up; rows must come out right).
    assert np.abs(image[:, :, 0].astype(int) - expected.astype(int)).max() <= 8
    assert image[:, :, 0].std() > 20  # a real picture, not a flat grey


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        (lambda slot: ZEROS, -2),  # not a simulator payload: a real decoder's view of garbage
        (lambda slot: slot[:100] + bytes([slot[100] ^ 0x10]) + slot[101:], -3),  # a flipped bit: checksum fails
        (lambda slot: slot[:-1] + b"\x01", -4),  # junk after the payload
    ],
)
def test_corrupt_payload_is_a_device_error_with_the_decoders_code(
    face: np.ndarray, wlt_library: Path, damage: Callable[[bytes], bytes], code: int
) -> None:
    decoder = WltDecoder(wlt_library)
    assert decoder.loaded and decoder.error == ""
    with pytest.raises(DeviceError, match=rf"^WLT decoder rejected the photo \(unpack returned {code}\)$"):
        decoder.decode(damage(wlt_sim_slot(face)))
    photo = decode_photo(damage(wlt_sim_slot(face)), decoder, accept_test_photo=True)
    assert not photo.available and photo.reason.startswith("photo unavailable: WLT decoder rejected the photo")


def test_wrong_sized_photo_is_refused_before_the_library_sees_it(wlt_library: Path) -> None:
    with pytest.raises(DeviceError, match="WLT photo of 1023 bytes, expected 1024"):
        WltDecoder(wlt_library).decode(b"\0" * 1023)


def test_missing_library_never_breaks_the_reader_and_says_not_installed(read_photo: ReadPhoto, tmp_path: Path) -> None:
    missing = tmp_path / "vendor" / "libwlt.so"
    decoder = WltDecoder(missing)
    assert not decoder.loaded and decoder.error == f"WLT decoder not installed: {missing} not found"
    with pytest.raises(DeviceError, match="not installed"):
        decoder.decode(ZEROS)

    photo = read_photo(ZEROS, wlt_library=str(missing))  # the reader was built and read the card's text
    assert not photo.available and photo.reason == f"photo unavailable: WLT decoder not installed: {missing} not found"


def test_self_test_names_the_photo_decoder(tmp_path: Path, wlt_library: Path) -> None:
    simulator = IdCardSimulator(card=CARD)
    try:
        plain = SerialIdCardReader(simulator.port, timeout=0.5)
        missing = SerialIdCardReader(simulator.port, timeout=0.5, wlt_library=str(tmp_path / "libwlt.so"))
        loaded = SerialIdCardReader(simulator.port, timeout=0.5, wlt_library=str(wlt_library))
        results = []
        for reader in (plain, missing, loaded):
            results.append(reader.self_test())
            reader.close()
    finally:
        simulator.close()
    assert results[0].ok and results[0].details["photo_decoder"] == "not configured"
    assert results[1].ok and "WLT decoder not installed" in results[1].summary  # text still reads: reader passes
    assert results[2].ok and results[2].details["photo_decoder"] == f"loaded from {wlt_library}"


def test_unloadable_files_and_libraries_without_unpack_say_so(tmp_path: Path) -> None:
    not_elf = tmp_path / "libwlt.so"
    not_elf.write_text("not a shared library")
    assert WltDecoder(not_elf).error.startswith(f"WLT decoder {not_elf} cannot be loaded: ")
    assert WltDecoder("libm.so.6").error == "WLT decoder libm.so.6 has no unpack function (not a WLT library?)"


def test_the_simulated_library_exports_only_unpack(wlt_library: Path) -> None:
    library = ctypes.CDLL(str(wlt_library))
    assert hasattr(library, "unpack")
    assert not hasattr(library, "crc32_ieee")  # built with hidden visibility, like a vendor's stripped library


def _fake_unpack(output: bytes, code: int = 1) -> Callable[..., int]:
    """A stand-in for a vendor build whose output differs from the documented BMP."""

    def unpack(_source: object, buffer: ctypes.Array, _save: int) -> int:
        ctypes.memmove(buffer, output, len(output))
        return code

    return unpack


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda bmp: b"\x80" * (PHOTO_WIDTH * PHOTO_HEIGHT * 3), "WLT decoder output is not a BMP"),  # raw BGR
        (lambda bmp: bmp[:28] + (32).to_bytes(2, "little") + bmp[30:], "not the expected 102x126 24-bit BMP"),
        (lambda bmp: bmp + b"\0" * 16, "wrote past the 38862-byte BMP"),
    ],
)
def test_decoder_output_is_checked_before_it_is_trusted(
    face: np.ndarray, wlt_library: Path, make: Callable[[bytes], bytes], message: str
) -> None:
    good = ctypes.create_string_buffer(BMP_BYTES)
    assert ctypes.CDLL(str(wlt_library)).unpack(wlt_sim_slot(face), good, 0) == 1
    decoder = WltDecoder(wlt_library)
    decoder._unpack = _fake_unpack(make(good.raw))
    with pytest.raises(DeviceError, match=message):
        decoder.decode(ZEROS)


def test_concurrent_decodes_are_serialised_and_agree(face: np.ndarray, wlt_library: Path) -> None:
    decoder = WltDecoder(wlt_library)
    slot = wlt_sim_slot(face)
    first = decoder.decode(slot)
    with ThreadPoolExecutor(8) as pool:
        images = list(pool.map(lambda _: decoder.decode(slot), range(64)))
    assert all(np.array_equal(image, first) for image in images)


def test_test_photo_slot_fits_any_image(face: np.ndarray) -> None:
    grey = cv2.cvtColor(face, cv2.COLOR_BGR2GRAY)
    noise = np.random.default_rng(7).integers(0, 256, (600, 500, 3), dtype=np.uint8)  # incompressible, too big
    for image in (face, grey, cv2.imread(str(FACE_IMAGE)), noise):
        slot = photo_module.test_photo_slot(image)
        assert len(slot) == PHOTO_BYTES and is_test_photo_slot(slot)
        decoded = decode_photo(slot, None, accept_test_photo=True).image
        assert decoded is not None and decoded.shape[0] <= PHOTO_HEIGHT and decoded.shape[1] <= PHOTO_WIDTH
    assert not is_test_photo_slot(wlt_sim_slot(face)) and not is_test_photo_slot(ZEROS)
    with pytest.raises(ValueError, match="uint8"):
        photo_module.test_photo_slot(np.zeros((126, 102), np.float32))


def test_a_damaged_test_jpeg_is_unavailable_not_invented(face: np.ndarray) -> None:
    slot = bytearray(photo_module.test_photo_slot(face))
    slot[17:60] = b"\xff" * 43  # the JPEG's header gone
    photo = decode_photo(bytes(slot), None, accept_test_photo=True)
    assert not photo.available and photo.reason == "photo unavailable: simulator test photo is not a readable JPEG"


def test_simulator_photo_slot_is_exactly_1024_bytes(face: np.ndarray) -> None:
    with pytest.raises(ValueError, match="exactly 1024 bytes, not 1000"):
        IdCardSimulator(card=CARD, photo=b"\0" * 1000)
    simulator = IdCardSimulator(card=CARD)
    try:
        simulator.photo = bytearray(wlt_sim_slot(face))  # swapped between reads, as a test would
        assert isinstance(simulator.photo, bytes)
        with pytest.raises(ValueError, match="not 1025"):
            simulator.photo = b"\0" * 1025
    finally:
        simulator.close()


def test_card_photo_keeps_the_face_out_of_its_repr(face: np.ndarray) -> None:
    assert repr(CardPhoto(face, SOURCE_TEST_JPEG)) == "CardPhoto(source='simulator-test-jpeg', reason='')"
