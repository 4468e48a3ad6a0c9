"""The touch keyboard: pinyin composition with candidates, ABC and 123 modes, big keys, elderly scale."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk.ime import PinyinIME, build_dictionary
from ui.qt import QLineEdit, QPushButton, Qt
from ui.widgets import TouchKeyboard

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"
SCREEN_WIDTH = 1920
MIN_TOUCH = 90


@pytest.fixture(scope="module")
def ime(tmp_path_factory: pytest.TempPathFactory):
    """An input dictionary built once for this module."""
    path = tmp_path_factory.mktemp("ime") / "ime.sqlite"
    build_dictionary(path, [("社保卡", 1e6), ("公积金", 5000.0)])
    engine = PinyinIME(path)
    yield engine
    engine.close()


def make_keyboard(qtbot, ime: PinyinIME | None, scale: float = 1.0) -> tuple[TouchKeyboard, QLineEdit]:
    """A keyboard shown 1920 px wide (the terminal's screen) and typing into a field."""
    field = QLineEdit()
    qtbot.addWidget(field)
    keyboard = TouchKeyboard(ime)
    qtbot.addWidget(keyboard)
    keyboard.set_scale(scale)
    keyboard.attach(field)
    keyboard.resize(SCREEN_WIDTH, keyboard.sizeHint().height())
    keyboard.show()
    qtbot.waitExposed(keyboard)
    return keyboard, field


@pytest.fixture
def board(qtbot, ime: PinyinIME) -> tuple[TouchKeyboard, QLineEdit]:
    """The keyboard with a dictionary, at scale 1."""
    return make_keyboard(qtbot, ime)


def tap(qtbot, keyboard: TouchKeyboard, *names: str) -> None:
    """Click the keys with these objectName suffixes ("a", "space", "mode" ...)."""
    for name in names:
        button = keyboard.findChild(QPushButton, f"key_{name}")
        assert button is not None and button.isVisible(), name
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible_candidates(keyboard: TouchKeyboard) -> list[QPushButton]:
    """The candidate buttons showing on the bar now."""
    buttons = [keyboard.findChild(QPushButton, f"candidate_{n}") for n in range(20)]
    return [b for b in buttons if b is not None and b.isVisible()]


def test_pinyin_letters_go_in_at_once_and_a_candidate_replaces_them(qtbot, board):
    keyboard, field = board
    assert keyboard.objectName() == "touchKeyboard"
    assert keyboard.findChild(QPushButton, "key_mode").text() == "拼音"
    with qtbot.waitSignal(keyboard.composing_changed) as signal:
        tap(qtbot, keyboard, "s")
    assert signal.args == ["s"]
    tap(qtbot, keyboard, "h", "e", "b", "a", "o")
    assert field.text() == "shebao"  # the search sees the pinyin while the resident types
    assert keyboard.composing() == "shebao"
    assert keyboard.findChild(type(keyboard.composing_label), "composingLabel").text() == "she'bao"
    words = [b.text() for b in visible_candidates(keyboard)]
    assert "社保" in words[:3]
    pick = next(b for b in visible_candidates(keyboard) if b.text() == "社保")
    with qtbot.waitSignal(keyboard.composing_changed) as signal:
        qtbot.mouseClick(pick, Qt.MouseButton.LeftButton)
    assert signal.args == [""]
    assert field.text() == "社保"
    assert keyboard.composing() == ""
    assert visible_candidates(keyboard) == []


def test_composition_starts_after_existing_text(qtbot, board):
    keyboard, field = board
    field.setText("广州 ")
    tap(qtbot, keyboard, "j", "u", "z", "h")
    assert field.text() == "广州 juzh"
    pick = next(b for b in visible_candidates(keyboard) if b.text() == "居住")
    qtbot.mouseClick(pick, Qt.MouseButton.LeftButton)
    assert field.text() == "广州 居住"


def test_backspace_removes_letters_then_characters(qtbot, board):
    keyboard, field = board
    tap(qtbot, keyboard, "s", "h", "e", "b")
    tap(qtbot, keyboard, "backspace")
    assert (field.text(), keyboard.composing()) == ("she", "she")
    assert "社" in [b.text() for b in visible_candidates(keyboard)]
    tap(qtbot, keyboard, "backspace", "backspace", "backspace")
    assert (field.text(), keyboard.composing()) == ("", "")
    assert visible_candidates(keyboard) == []
    field.setText("社保")
    tap(qtbot, keyboard, "backspace")
    assert field.text() == "社"
    tap(qtbot, keyboard, "backspace", "backspace")  # on an empty field nothing happens
    assert field.text() == ""


def test_space_commits_letters_as_typed(qtbot, board):
    keyboard, field = board
    tap(qtbot, keyboard, "s", "b", "k")
    assert visible_candidates(keyboard)[0].text() == "社保卡"
    tap(qtbot, keyboard, "space")
    assert (field.text(), keyboard.composing()) == ("sbk", "")
    assert visible_candidates(keyboard) == []
    tap(qtbot, keyboard, "space")
    assert field.text() == "sbk "


def test_clear_and_outside_edits_end_the_composition(qtbot, board):
    keyboard, field = board
    tap(qtbot, keyboard, "g", "j", "j")
    tap(qtbot, keyboard, "clear")
    assert (field.text(), keyboard.composing()) == ("", "")
    tap(qtbot, keyboard, "g", "j")
    field.setText("别的")  # e.g. the field's own clear button or a reset of the screen
    assert keyboard.composing() == ""
    assert visible_candidates(keyboard) == []


def test_the_field_sees_the_run_while_it_changes(qtbot, board):
    keyboard, field = board
    seen = []
    field.textChanged.connect(lambda text: seen.append((text, keyboard.composing())))
    tap(qtbot, keyboard, "g", "j", "backspace")
    assert seen == [("g", "g"), ("gj", "gj"), ("g", "g")]


def test_a_deleted_field_is_forgotten(qtbot, ime):
    keyboard, field = make_keyboard(qtbot, ime)
    tap(qtbot, keyboard, "s")
    field.deleteLater()
    qtbot.waitUntil(lambda: keyboard.target() is None)
    tap(qtbot, keyboard, "h", "backspace", "space", "clear")  # nothing to type into, nothing raises
    assert keyboard.composing() == ""


def test_candidate_pages(qtbot, board):
    keyboard, _field = board
    tap(qtbot, keyboard, "y", "i")
    first = [b.text() for b in visible_candidates(keyboard)]
    more = keyboard.findChild(QPushButton, "candidateMore")
    prev = keyboard.findChild(QPushButton, "candidatePrev")
    assert more.isVisible() and more.isEnabled() and not prev.isEnabled()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    second = [b.text() for b in visible_candidates(keyboard)]
    assert second and not set(first) & set(second)
    assert second[0] == keyboard.candidates()[len(first)]
    qtbot.mouseClick(prev, Qt.MouseButton.LeftButton)
    assert [b.text() for b in visible_candidates(keyboard)] == first


def test_abc_mode_types_letters_straight_in(qtbot, board):
    keyboard, field = board
    signals = []
    keyboard.composing_changed.connect(signals.append)
    tap(qtbot, keyboard, "mode")
    assert keyboard.mode() == "ABC"
    assert keyboard.findChild(QPushButton, "key_mode").text() == "ABC"
    tap(qtbot, keyboard, "g", "j", "j")
    assert field.text() == "gjj"
    assert keyboard.composing() == "" and signals == []
    assert visible_candidates(keyboard) == []
    tap(qtbot, keyboard, "backspace")
    assert field.text() == "gj"


def test_number_mode(qtbot, board):
    keyboard, field = board
    tap(qtbot, keyboard, "s", "h")
    tap(qtbot, keyboard, "mode", "mode")  # leaving 拼音 keeps the letters as typed
    assert keyboard.mode() == "123"
    assert keyboard.findChild(QPushButton, "key_mode").text() == "123"
    assert not keyboard.findChild(QPushButton, "key_q").isVisible()
    tap(qtbot, keyboard, "1", "2", "dash", "0", "space")
    assert field.text() == "sh12-0 "
    assert [keyboard.findChild(QPushButton, f"key_{d}") is not None for d in "0123456789"] == [True] * 10
    tap(qtbot, keyboard, "mode")
    assert keyboard.mode() == "拼音"
    with pytest.raises(ValueError):
        keyboard.set_mode("Klingon")


def test_without_a_dictionary_pinyin_mode_types_letters_until_one_arrives(qtbot, ime):
    keyboard, field = make_keyboard(qtbot, None)
    tap(qtbot, keyboard, "s", "h", "e")
    assert field.text() == "she"
    assert keyboard.composing() == ""
    assert visible_candidates(keyboard) == []
    keyboard.set_ime(ime)  # the background build finished
    tap(qtbot, keyboard, "space", "b", "a", "o")
    assert (field.text(), keyboard.composing()) == ("she bao", "bao")
    assert visible_candidates(keyboard)


def key_buttons(keyboard: TouchKeyboard) -> list[QPushButton]:
    """Every visible touch target: keys, candidates and the pager."""
    return [b for b in keyboard.findChildren(QPushButton) if b.isVisible()]


def assert_nothing_clips(qtbot, keyboard: TouchKeyboard) -> None:
    """The keyboard keeps the screen's width; every button lies inside it, whole text shown, none overlapping."""
    qtbot.wait(20)  # let the posted layout requests run, as the event loop does before painting
    assert keyboard.width() == SCREEN_WIDTH
    areas = []
    for button in key_buttons(keyboard):
        area = button.rect().translated(button.mapTo(keyboard, button.rect().topLeft()))
        assert keyboard.rect().contains(area), button.objectName()
        assert button.width() >= button.sizeHint().width(), button.objectName()
        assert not any(area.intersects(other) for other in areas), button.objectName()
        areas.append(area)


def test_every_key_is_a_big_touch_target_and_nothing_clips(qtbot, board):
    keyboard, _field = board
    tap(qtbot, keyboard, "s", "h", "e", "b", "a", "o")
    buttons = key_buttons(keyboard)
    assert len(buttons) > 30
    for button in buttons:
        assert button.height() >= MIN_TOUCH, button.objectName()
        assert button.width() >= MIN_TOUCH, button.objectName()
    assert_nothing_clips(qtbot, keyboard)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert keyboard.grab().save(str(SHOTS / "keyboard.png"))


def test_elderly_scale_grows_keys_and_fonts(qtbot, board, ime):
    keyboard, _field = board
    before = {b.objectName(): (b.height(), b.font().pixelSize()) for b in key_buttons(keyboard)}
    elderly, _ = make_keyboard(qtbot, ime, scale=1.5)
    assert elderly.scale() == 1.5
    assert elderly.minimumSizeHint().width() <= SCREEN_WIDTH  # still fits the 1920 px screen
    tap(qtbot, elderly, "g", "o", "n", "g", "j", "i", "j", "i", "n")
    assert visible_candidates(elderly)[0].text() == "公积金"
    after = {b.objectName(): (b.height(), b.font().pixelSize()) for b in key_buttons(elderly)}
    for name, (height, pixels) in before.items():
        assert after[name][0] >= 1.5 * height, name
        assert after[name][1] >= 1.5 * pixels - 1, name  # fonts round to whole pixels
    assert_nothing_clips(qtbot, elderly)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert elderly.grab().save(str(SHOTS / "keyboard_elderly.png"))


def test_a_long_day_of_key_presses_cannot_abort_the_terminal(board):
    keyboard, _field = board
    # PySide6 6.12's Signal.emit returns True without a reference; ui/qt.py makes the bools unexhaustible.
    for n in range(50_000):
        keyboard.composing_changed.emit("ab"[n % 2])
    assert sys.getrefcount(True) > 1 << 39
