"""The real ID card reader driver against the simulator over a pty: reads, faults, recovery."""

from __future__ import annotations

import pytest

from devices.base import DeviceError, DeviceState, DeviceTimeout
from devices.idcard.protocol import (
    CMD_FIND_CARD,
    FrameError,
    FrameReader,
    encode_request,
    encode_response,
    encode_text,
    parse_text,
)
from devices.idcard.reader import CardRemoved, NoCard, SerialIdCardReader
from devices.idcard.sim import IdCardSimulator, id_check_digit, sample_card

CARD = sample_card("李晓梅", "女", "1958-03-21", 12, "壮")


@pytest.fixture
def sim():
    simulator = IdCardSimulator(card=CARD)
    yield simulator
    simulator.close()


@pytest.fixture
def reader(sim):
    driver = SerialIdCardReader(sim.port, timeout=0.5)
    driver.open()
    yield driver
    driver.close()


def test_frames_match_the_published_bytes():
    assert encode_request(CMD_FIND_CARD).hex(" ") == "aa aa aa 96 69 00 03 20 01 22"
    assert encode_response(0x9F).hex(" ") == "aa aa aa 96 69 00 04 00 00 9f 9b"


def test_text_block_round_trip_and_id_check_digit():
    assert parse_text(encode_text(CARD)) == CARD
    assert CARD.id_number[-1] == id_check_digit(CARD.id_number[:17])
    assert id_check_digit("11010519491231002") == "X"  # the standard's own example


def test_frame_reader_resynchronises_after_garbage():
    frames = FrameReader()
    frames.feed(b"\x00\xff noise" + encode_response(0x90) + b"\x01")
    assert frames.next_frame() == b"\x00\x00\x90"
    assert frames.dropped == 8
    broken = bytearray(encode_response(0x90))
    broken[-1] ^= 0x01
    frames.feed(bytes(broken))
    with pytest.raises(FrameError):
        frames.next_frame()


def test_reads_a_card(reader, sim):
    card = reader.read_card()
    assert card.text == CARD
    assert card.text.sex == "女" and card.text.ethnicity == "壮" and card.text.birth_date == "1958-03-21"
    assert len(card.photo_wlt) == 1024
    assert reader.state == DeviceState.READY
    assert reader.self_test().ok


def test_no_card(reader, sim):
    sim.faults.no_card = True
    assert reader.find_card() is False
    with pytest.raises(NoCard):
        reader.read_card()


def test_card_removed_mid_read(reader, sim):
    sim.faults.remove_mid_read = True
    with pytest.raises(CardRemoved):
        reader.read_card()
    sim.faults.remove_mid_read = False
    assert reader.read_card().text == CARD


def test_bad_check_byte_is_retried(reader, sim):
    sim.faults.bad_check = 1
    assert reader.read_card().text == CARD
    sim.faults.bad_check = 10
    with pytest.raises(DeviceError, match="malformed"):
        reader.read_card()


def test_garbage_bytes_before_answers_are_skipped(reader, sim):
    sim.faults.garbage = b"\xde\xad\xbe\xef\xaa\xaa"
    assert reader.read_card().text == CARD


def test_silence_times_out_and_the_reader_recovers(reader, sim):
    sim.faults.silent = True
    with pytest.raises(DeviceTimeout):
        reader.read_card()
    assert not reader.self_test().ok
    sim.faults.silent = False
    assert reader.read_card().text == CARD


def test_a_missing_port_is_a_clear_error():
    driver = SerialIdCardReader("/dev/does-not-exist")
    with pytest.raises(DeviceError, match="cannot open"):
        driver.open()
    assert driver.state == DeviceState.DISCONNECTED


def test_unplug_and_replug_at_the_same_path(tmp_path):
    port = tmp_path / "ttyIdCard"
    sim = IdCardSimulator(card=CARD)
    port.symlink_to(sim.port)
    reader = SerialIdCardReader(str(port), timeout=0.5)
    reader.open()
    try:
        assert reader.read_card().text == CARD
        sim.close()
        with pytest.raises(DeviceError):
            reader.read_card()
        assert reader.state == DeviceState.DISCONNECTED
        sim = IdCardSimulator(card=CARD)
        port.unlink()
        port.symlink_to(sim.port)
        assert reader.read_card().text == CARD  # reopened on the next request
    finally:
        reader.close()
        sim.close()


def test_closing_a_simulator_twice_leaves_a_newer_pty_alone():
    """A second close() must not close whatever pty has since been given the same descriptor numbers."""
    old = IdCardSimulator(card=CARD)
    old.close()
    new = IdCardSimulator(card=CARD)
    try:
        old.close()
        reader = SerialIdCardReader(new.port, timeout=2.0)
        try:
            assert reader.read_card().text == CARD
        finally:
            reader.close()
    finally:
        new.close()
