"""The terminal shell offscreen: every screen and transition, languages, elderly mode, idle reset, lockdown."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.session import Screen
from ui.app import build_services, build_window, ime_path
from ui.main_window import RELEASE_AFTER_MS
from ui.qt import (
    QApplication,
    QEvent,
    QKeyEvent,
    QPushButton,
    Qt,
    QWidget,
)

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"
SECRET = "张三丰"


@pytest.fixture
def config(tmp_path: Path):
    return load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"),
            "KIOSK_SESSION_IDLE_SECONDS": "10",
            "KIOSK_SESSION_WARNING_SECONDS": "5",
        }
    )


def services_for(config, store, ime_dictionary) -> dict:
    """The real services (keyboard with its dictionary, technician lock, gesture) without the voice."""
    ime_path(config).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ime_dictionary, ime_path(config))
    services = build_services(config, store, background=False)
    services.pop("voice")
    services.pop("devices").close()  # printing through the simulated printer is tested in test_shell_services
    return services


@pytest.fixture
def window(qtbot, config, store, ime_dictionary):
    win = build_window(config, store, services_for(config, store, ime_dictionary))
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.allow_close = True


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def visible_buttons(root: QWidget) -> list[QPushButton]:
    return [b for b in root.findChildren(QPushButton) if b.isVisibleTo(root) and b.isVisible()]


def test_attract_touch_home_and_only_modules_whose_flow_exists(qtbot, window):
    assert window.stack.currentWidget() is window.attract
    assert not window.bar.isVisible()
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.HOME
    assert set(window.home.tiles) == {
        "search",
        "self_service",
        "status",
        "pickup",
        "social_insurance",
        "consult",
        "portal_gba",
        "portal_gdzwfw",
        "portal_market",
        "portal_yss",
    }
    small = [(b.objectName(), b.text(), b.height()) for b in visible_buttons(window) if b.height() < 90]
    assert small == []


def test_search_result_guide_and_back(qtbot, window):
    window.session.go("start")
    qtbot.mouseClick(window.home.tiles["search"], Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.BROWSE
    qtbot.keyClicks(window.browse.search, "shebaoka")
    settle()
    first = window.browse.result_buttons[0]
    assert first.text().startswith("社会保障卡")
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.ITEM
    text = window.item.body.toPlainText()
    for heading in ("需要带的材料", "去哪里办", "多久办好", "收费", "可以怎么办", "办理步骤", "咨询电话"):
        assert heading in text
    assert window.item.qr.text.startswith("社会保障卡")
    qtbot.mouseClick(window.bar.back, Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.BROWSE
    qtbot.mouseClick(window.bar.home, Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.HOME


def test_module_filters_apply(window, store):
    window.session.go("start")
    window.session.open_module("self_service")
    settle()
    rows = window.browse.browser.state.rows
    assert rows and all(store.item(r.id).self_service for r in rows)
    window.session.go("home")
    window.session.open_module("social_insurance")
    settle()
    assert all("社保" in store.item(r.id).themes for r in window.browse.browser.state.rows)


@pytest.mark.parametrize(
    ("language", "home_title", "tile"),
    [
        ("en", "Welcome to the government service terminal", "Find a service"),
        ("zh_HK", "歡迎使用政務服務自助終端", "事項查詢"),
    ],
)
def test_language_switch_on_every_screen(qtbot, window, language, home_title, tile):
    window.session.go("start")
    qtbot.mouseClick(window.bar.languages[language], Qt.MouseButton.LeftButton)
    settle()
    assert window.home.heading.text() == home_title
    assert window.home.tiles["search"].text().startswith(tile)
    window.session.open_module("search")
    window.browse.search.setText("社保卡")
    settle()
    window.session.go("open_item", item_id=window.browse.browser.state.rows[0].id)
    settle()
    expected = {"en": "Apply for a social security card", "zh_HK": "社會保障卡申領"}[language]
    assert window.item.title.text() == expected
    assert ("What to bring" if language == "en" else "需要帶的材料") in window.item.body.toPlainText()
    qtbot.mouseClick(window.bar.languages["zh_CN"], Qt.MouseButton.LeftButton)
    settle()
    assert window.item.title.text() == "社会保障卡申领"


def test_elderly_mode_is_larger_fewer_and_one_touch_away(qtbot, window):
    window.session.go("start")
    normal = window.home.heading.fontInfo().pixelSize()
    qtbot.mouseClick(window.bar.elderly, Qt.MouseButton.LeftButton)
    settle()
    assert window.session.elderly
    assert window.home.heading.fontInfo().pixelSize() >= 1.5 * normal - 1
    assert len(window.home.tiles) == 4 and window.home.more.isVisible()
    assert "✓" in window.bar.elderly.text()  # not colour alone
    window.session.open_module("search")
    window.browse.search.setText("补贴")
    settle(10)
    assert 0 < len(window.browse.browser.state.rows) <= 5
    small = [(b.objectName(), b.text(), b.height()) for b in visible_buttons(window) if b.height() < 90]
    assert small == []
    qtbot.mouseClick(window.bar.elderly, Qt.MouseButton.LeftButton)
    assert not window.session.elderly


def test_idle_warning_continue_and_timeout_wipe_everything(qtbot, window, config, all_texts):
    clock = [0.0]
    window.idle.clock = lambda: clock[0]
    window.idle.touch()
    window.session.go("start")
    window.session.open_module("search")
    window.browse.search.setText(SECRET)
    window.session.set_language("en")
    settle()
    assert SECRET in all_texts(window)
    clock[0] = 11
    window.tick()
    assert window.overlay.isVisible() and "seconds" in window.overlay.countdown.text()
    qtbot.mouseClick(window.overlay.continue_button, Qt.MouseButton.LeftButton)
    assert not window.overlay.isVisible() and window.session.screen == Screen.BROWSE
    clock[0] += 16
    window.tick()
    settle()
    assert window.session.screen == Screen.ATTRACT
    assert window.session.language == "zh_CN" and window.session.data.query == ""
    assert SECRET not in all_texts(window)
    assert list((config.data_dir / "session-tmp").iterdir()) == []


def test_finish_wipes_what_was_typed_and_printed(qtbot, window, config, all_texts):
    window.session.go("start")
    window.session.open_module("search")
    window.browse.search.setText(SECRET)
    window.browse.search.setText("社保卡")
    settle()
    window.session.go("open_item", item_id=window.browse.browser.state.rows[0].id)
    with qtbot.waitSignal(window.bridge.a4_printed, timeout=30000):
        qtbot.mouseClick(window.item.print_button, Qt.MouseButton.LeftButton)
    assert "二维码" in window.item.print_status.text()  # no printer here: the QR alternative is offered
    pdf = sorted((config.data_dir / "printouts").glob("*.pdf"))
    assert pdf and pdf[0].read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(window.bar.finish, Qt.MouseButton.LeftButton)
    settle()
    assert window.session.screen == Screen.ATTRACT
    assert SECRET not in all_texts(window)
    assert window.item.item is None and window.item.title.text() == "" and window.item.body.toPlainText() == ""
    assert window.browse.search.text() == "" and window.item.qr.text == ""


def test_each_session_end_gives_the_allocators_freed_pages_back(qtbot, window, monkeypatch):
    released = []
    monkeypatch.setattr("ui.main_window.release_free", lambda: released.append(window.session.screen))
    window.session.go("start")
    window.session.open_module("search")
    qtbot.mouseClick(window.bar.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: released == [Screen.ATTRACT], timeout=5000)  # later, on the attract screen
    window.session.go("start")
    window.session.open_module("search")
    window.session.end("timeout")
    qtbot.waitUntil(lambda: len(released) == 2, timeout=5000)
    window.session.set_language("en")  # a switch is not an end
    qtbot.wait(2 * RELEASE_AFTER_MS)
    assert len(released) == 2


@pytest.mark.parametrize(
    "combo",
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ],
)
def test_no_shortcut_leaves_and_close_is_refused(window, combo):
    event = QKeyEvent(QEvent.Type.KeyPress, combo[0], combo[1])
    assert window.eventFilter(window, event) is True
    window.close()
    assert window.isVisible()


def test_context_menus_are_swallowed(window):
    assert window.eventFilter(window.browse.search, QEvent(QEvent.Type.ContextMenu)) is True


def test_unexpected_error_shows_calm_screen_and_a_storm_asks_for_restart(window, all_texts):
    window.session.go("start")
    window.session.open_module("search")
    window.browse.search.setText(SECRET)
    assert window.unexpected_error() is False
    assert window.session.screen == Screen.ERROR and SECRET not in all_texts(window)
    assert window.error.again.isVisible()
    window.error.again.click()
    assert window.session.screen == Screen.ATTRACT
    storms = [window.unexpected_error() for _ in range(5)]
    assert storms[-1] is True


@pytest.mark.parametrize("language", ["zh_CN", "zh_HK", "en"])
@pytest.mark.parametrize("elderly", [False, True])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_no_screen_clips_text_or_outgrows_the_screen(
    qtbot, config, store, ime_dictionary, language, elderly, size, clipped
):
    cfg = replace(config, ui=replace(config.ui, language=language, elderly_default=elderly))
    win = build_window(cfg, store, services_for(cfg, store, ime_dictionary))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    settle()
    assert win.size().toTuple() == size and win.minimumSizeHint().width() <= size[0]
    problems = {"attract": clipped(win)}
    win.session.go("start")
    settle()
    problems["home"] = clipped(win)
    win.session.open_module("search")
    win.browse.search.setText("社保卡")
    settle(10)
    problems["browse"] = clipped(win)
    assert win.minimumSizeHint().height() <= size[1] and win.size().toTuple() == size
    win.session.go("open_item", item_id=win.browse.browser.state.rows[0].id)
    settle()
    problems["item"] = clipped(win)
    win.session.go("technician")
    settle()
    problems["pin"] = clipped(win)
    win.session.go("error")
    settle()
    problems["error"] = clipped(win)
    win.allow_close = True
    assert {k: v for k, v in problems.items() if v} == {}


def test_a_print_still_running_when_the_session_ends_does_not_lock_the_next_residents_print_buttons(window):
    """The print's answer is dropped for a session that ended (it is someone else's now); the screens' reset must
    give the next resident working print buttons."""
    buttons = [window.lookup.status.print_button, window.lookup.pickup.print_button, window.journey.done.print_button]
    window.lookup.status.show_printing()
    window.lookup.pickup.show_printing()
    window.journey.done.print_button.setEnabled(False)
    assert not any(button.isEnabled() for button in buttons)
    window.session.end("timeout")
    assert all(button.isEnabled() for button in buttons)
