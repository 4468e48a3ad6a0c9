"""Personal data that slips into a log message is masked before it reaches the file or the screen."""

from __future__ import annotations

import logging

import pytest

from devices.idcard.sim import sample_card
from kiosk.logs import recent_lines, redact, setup_logging


@pytest.fixture
def kiosk_logging(tmp_path):
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield setup_logging(tmp_path / "logs")
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_redact_masks_id_numbers_credit_codes_and_mobile_numbers():
    number = sample_card("李四", "女", "1990-02-03", 7).id_number
    text = f"reader said {number}; firm 91440112MA5D1234XK; call 13812345678; order 12345; port 9100"
    cleaned = redact(text)
    assert number not in cleaned and "91440112MA5D1234XK" not in cleaned and "13812345678" not in cleaned
    assert "order 12345" in cleaned and "port 9100" in cleaned


def test_a_logged_id_number_never_reaches_the_file_or_the_recent_log(kiosk_logging, tmp_path):
    number = sample_card("李四", "女", "1990-02-03", 7).id_number
    logging.getLogger("kiosk.test").warning("unexpected card %s from the reader", number)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert number not in kiosk_logging.read_text(encoding="utf-8")
    lines = recent_lines(tmp_path / "logs", 5)
    assert lines and "[redacted]" in lines[-1] and "unexpected card" in lines[-1]


def test_recent_lines_of_a_missing_log_is_empty(tmp_path):
    assert recent_lines(tmp_path / "nowhere") == []


def test_library_chatter_on_the_root_logger_stays_out_but_its_warnings_stay_in(kiosk_logging):
    logging.info("Closing Network connection to printer 127.0.0.1")
    logging.warning("something a library needs us to know")
    logging.getLogger("kiosk.test").info("our own news")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = kiosk_logging.read_text(encoding="utf-8")
    assert "Closing Network" not in text and "needs us to know" in text and "our own news" in text
