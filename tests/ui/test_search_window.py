"""The catalog search window: typing, filters and the guide, rendered offscreen."""

from __future__ import annotations

from pathlib import Path

from kiosk.catalog_browser import CatalogBrowser
from ui.qt import Qt
from ui.search_window import SearchWindow

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"


def make_window(qtbot, store) -> SearchWindow:
    window = SearchWindow(CatalogBrowser(store), "测试网点")
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window


def result_names(window: SearchWindow) -> list[str]:
    return [window.results.item(i).text().split("\n")[0] for i in range(window.results.count())]


def test_typing_updates_results_and_choosing_shows_the_guide(qtbot, store):
    window = make_window(qtbot, store)
    assert window.results.count() > 0  # the most used items before anything is typed
    qtbot.keyClicks(window.search, "shebaoka")
    assert result_names(window)[0].startswith("社会保障卡")
    window.results.setCurrentRow(0)
    html = window.guide.toPlainText()
    for heading in ("申请材料", "办理时限", "办理地点", "咨询电话", "办理流程"):
        assert heading in html
    assert "居民身份证" in html
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "search_shebaoka.png"))


def test_filters_narrow_the_list(qtbot, store):
    window = make_window(qtbot, store)
    window.search.setText("补贴")
    before = window.results.count()
    window.channel.setCurrentIndex(window.channel.findData("post_office"))
    after = result_names(window)
    assert 0 < len(after) <= before
    assert all(
        item.post_office
        for item in (
            store.item(window.results.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(window.results.count())
        )
    )


def test_no_results_says_what_to_do(qtbot, store):
    window = make_window(qtbot, store)
    window.search.setText("xqxqxqxq")
    assert window.results.count() == 0
    assert "12345" in window.count.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "search_no_results.png"))
