"""A catalog update goes live between sessions, never under a resident: the window keeps the catalog a resident
is using and swaps at the end of the session (or at once on the attract screen); a bundle that does not open
is not used."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.store import CatalogStore
from kiosk.config import load_config
from kiosk.session import Screen
from ui.app import build_window
from ui.qt import QApplication

NEW_NAME = "建设项目人防工程竣工验收（2026年修订）"  # bundle_v2 (tests/conftest.py)


@pytest.fixture
def window(qtbot, bundle_path: Path, tmp_path: Path):
    config = load_config(environ={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data")})
    store = CatalogStore(bundle_path)
    win = build_window(config, store, {})
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    yield win
    win.allow_close = True
    win.ctx.store.close()


def names(win) -> list[str]:
    return [row.title for row in win.ctx.browser.state.rows]


def test_an_update_waits_for_the_resident_to_finish(window, bundle_v2):
    win = window
    win.session.go("start")
    win.session.open_module("search")
    win.browse.search.setText("人防工程竣工验收")
    QApplication.processEvents()
    before = names(win)
    assert "建设项目人防工程竣工验收" in before
    win.bridge.catalog_ready.emit(str(bundle_v2))  # as the update thread does
    QApplication.processEvents()
    assert win.ctx.store.version == "2026.11.26" and names(win) == before  # not under the resident
    win.session.end("finish")
    assert win.ctx.store.version == "2026.11.27" and win.pending_catalog == ""
    win.session.go("start")
    win.session.open_module("search")
    win.browse.search.setText("2026年修订")
    QApplication.processEvents()
    assert NEW_NAME in names(win)
    assert win.browse.department.count() > 1  # the filters come from the new catalog


def test_on_the_attract_screen_it_goes_live_at_once(window, bundle_v2):
    assert window.session.screen == Screen.ATTRACT
    window.offer_catalog(str(bundle_v2))
    assert window.ctx.store.version == "2026.11.27"


def test_a_bundle_that_does_not_open_is_not_used(window, tmp_path):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    window.offer_catalog(str(broken))
    assert window.ctx.store.version == "2026.11.26" and window.pending_catalog == ""
    window.session.go("start")
    window.session.open_module("search")
    window.browse.search.setText("社保")
    QApplication.processEvents()
    assert names(window)
