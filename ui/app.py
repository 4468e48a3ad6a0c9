"""Start the Qt application over the kiosk core."""

from __future__ import annotations

import signal
import sys
import traceback

from catalog.store import CatalogStore
from kiosk.catalog_browser import CatalogBrowser
from kiosk.config import Config
from ui.qt import QApplication, QFont, QFontDatabase, QTimer
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


def _keep_running(exc_type, exc, tb) -> None:
    # An error in one event handler must not take the terminal down to the desktop; the traceback holds
    # code locations only, never what the resident typed.
    sys.stderr.write("kiosk: unexpected error, the terminal keeps running:\n")
    sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb, limit=8)))


def _quit_on_signals(app: QApplication) -> QTimer:
    """Quit cleanly on SIGTERM/SIGINT (systemd stop, Ctrl+C) although Qt's loop runs in C++."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        # Queued, not direct: a signal that lands before the loop starts must still end it.
        signal.signal(sig, lambda *_: QTimer.singleShot(0, app.quit))
    timer = QTimer()
    timer.start(200)  # gives the interpreter a chance to run the Python signal handlers
    timer.timeout.connect(lambda: None)
    return timer


def run_app(config: Config, store: CatalogStore, windowed: bool = False) -> int:
    """Show the terminal window and run the event loop until it closes."""
    app = make_application()
    sys.excepthook = _keep_running
    ticker = _quit_on_signals(app)
    window = build_main_window(config, store)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        # Without a window manager showFullScreen alone leaves a small window: take the whole screen.
        window.setGeometry(app.primaryScreen().geometry())
        window.showFullScreen()

    def announce() -> None:
        size = window.size()
        print(f"kiosk: terminal ready ({size.width()}x{size.height()}, catalog {store.version})", file=sys.stderr,
              flush=True)

    QTimer.singleShot(0, announce)  # runs once the event loop is up
    code = app.exec()
    ticker.stop()
    store.close()
    return code
