"""Start the Qt application over the kiosk core."""

from __future__ import annotations

import sys

from catalog.store import CatalogStore
from kiosk.catalog_browser import CatalogBrowser
from kiosk.config import Config
from ui.qt import QApplication, QFont, QFontDatabase
from ui.search_window import SearchWindow

CJK_FONT = "Noto Sans CJK SC"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the kiosk's font (CJK text must not fall back to a random font)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    if CJK_FONT in QFontDatabase.families():
        app.setFont(QFont(CJK_FONT, 14))
    return app


def build_main_window(config: Config, store: CatalogStore) -> SearchWindow:
    """The window the terminal shows."""
    return SearchWindow(CatalogBrowser(store), config.terminal.site)


def run_app(config: Config, store: CatalogStore, windowed: bool = False) -> int:
    """Show the terminal window and run the event loop until it closes."""
    app = make_application()
    window = build_main_window(config, store)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        # Without a window manager showFullScreen alone leaves a small window: take the whole screen.
        window.setGeometry(app.primaryScreen().geometry())
        window.showFullScreen()
    code = app.exec()
    store.close()
    return code
