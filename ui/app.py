"""Start the Qt application over the kiosk core."""

from __future__ import annotations

import contextlib
import logging
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from catalog.store import CatalogStore
from kiosk.config import Config
from kiosk.flows.browse import CatalogBrowser
from kiosk.session import Session
from ui.i18n import Translations
from ui.main_window import KioskWindow, temp_dir_for
from ui.qt import QApplication, QCoreApplication, QCursor, QEvent, QFont, QFontDatabase, Qt, QTimer
from ui.screens.base import Context
from ui.theme import CJK_FONT

log = logging.getLogger("kiosk.app")
EXIT_CRASH = 70  # non-zero: the supervisor restarts the terminal


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the kiosk's font (CJK text must not fall back to a random font)."""
    existing = QApplication.instance()
    if existing is not None:
        return existing
    # QtWebEngine (the portals) needs shared GL contexts, set before the application exists.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    if CJK_FONT in QFontDatabase.families():
        app.setFont(QFont(CJK_FONT, 14))
    return app


def ime_path(config: Config) -> Path:
    """Where the pinyin input dictionary lives."""
    return config.data_dir / "ime" / "pinyin.sqlite"


def build_services(config: Config, store: CatalogStore, background: bool = True) -> dict[str, object]:
    """Voice, technician lock, tap gesture and the touch keyboard (its dictionary built off the GUI thread)."""
    from devices.registry import build_devices
    from kiosk.audit import AuditLog
    from kiosk.catalog_service import CatalogService, record_path, terminal_updater
    from kiosk.delivery import Delivery
    from kiosk.gesture import CornerTapDetector
    from kiosk.hub_client import HubClient
    from kiosk.outbox import Outbox
    from kiosk.recovery import private_folder
    from kiosk.technician import TechnicianLock
    from kiosk.voice import VoiceGuide
    from ui.widgets.keyboard import TouchKeyboard

    private_folder(config.data_dir)  # the outbox, the audit log and the session folder live here
    outbox = Outbox(config.outbox_path)
    audit = AuditLog(config.audit_path)
    hub = HubClient.from_config(config)
    services: dict[str, object] = {
        "store": store,  # the catalog in use (a swapped-in update replaces it)
        "devices": build_devices(config, start=("idcard", "printer", "scanner")),
        "outbox": outbox,
        "audit": audit,
        "hub": hub,
        "voice": VoiceGuide(config.voice),
        "technician": TechnicianLock(config.pin_path, config.technician.lockout_seconds),
        "gesture": CornerTapDetector(),
    }
    heartbeat = heartbeat_of(services)
    services["delivery"] = Delivery(outbox, lambda: hub, audit, heartbeat)
    services["consult"] = consult_factory(config, services["devices"])
    updater = terminal_updater(config)
    if updater is not None:  # signed catalog updates; an installed one goes live between sessions (build_window)
        services["catalog_updates"] = CatalogService(
            updater.check, lambda _result: None, config.catalog.check_seconds, record=record_path(config.data_dir)
        )
    if config.mqtt.enabled:  # the fleet's broker: heartbeats with a last will, and catalog update nudges
        from kiosk.fleet import FleetLink

        def nudged(payload: dict) -> None:
            updates = services.get("catalog_updates")
            if updates is not None:
                updates.nudge(payload)

        services["fleet"] = FleetLink(config.mqtt, config.terminal.id, heartbeat, nudged)
    path = ime_path(config)
    ime = _open_ime(path)
    keyboard = TouchKeyboard(ime)
    services["keyboard"] = keyboard
    if ime is not None:
        services["ime"] = ime
    else:

        def build() -> None:
            from kiosk.ime.dictionary import build_dictionary, catalog_extra_words

            try:
                build_dictionary(path, catalog_extra_words(store.records()))
            except Exception:
                log.exception("pinyin dictionary build failed; the keyboard offers letters only")
                return
            # Hand the dictionary to the keyboard on the GUI thread; if the window has closed meanwhile (a short
            # run such as --smoke on a first start), the next start opens the dictionary built here.
            with contextlib.suppress(RuntimeError):  # libshiboken: the keyboard's C++ object is already deleted
                QTimer.singleShot(0, keyboard, lambda: _attach_ime(services, keyboard, path))

        if background:
            threading.Thread(target=build, name="ime-build", daemon=True).start()
        else:
            build()
            _attach_ime(services, keyboard, path)
    return services


def consult_factory(config: Config, devices) -> Callable[..., object]:
    """What makes one video consultation's call client: the configured hub and token file (read at each call:
    enrolling needs no restart), the face camera driver and the audio devices."""
    from kiosk.consult.call import ConsultClient
    from kiosk.hub_client import read_token

    def make(on_event: Callable[[dict], None], on_remote_frame: Callable[[object], None]) -> ConsultClient:
        return ConsultClient(
            config.hub.url,
            lambda: read_token(config.hub_token_path),
            camera=devices.drivers.get("camera") if devices is not None else None,
            audio=config.device_audio,
            on_event=on_event,
            on_remote_frame=on_remote_frame,
            site=config.terminal.site,
            ca_file=config.hub.ca_file,
        )

    return make


def heartbeat_of(services: dict[str, object]):
    """What this terminal tells the fleet (HTTP to the hub, MQTT to the broker): versions, device states, outbox
    depth; nothing personal. Reads the services at each beat: the catalog may have been swapped meanwhile."""
    from kiosk import __version__

    def heartbeat() -> dict[str, object]:
        devices = services.get("devices")
        outbox = services.get("outbox")
        return {
            "app_version": __version__,
            "catalog_version": services["store"].version,
            "devices": devices.states() if devices is not None else {},
            "outbox_depth": outbox.depth() if outbox is not None else 0,
        }

    return heartbeat


def _open_ime(path: Path):
    from kiosk.ime.engine import PinyinIME

    if not path.exists():
        return None
    try:
        return PinyinIME(path)
    except Exception:
        log.exception("pinyin dictionary unreadable; rebuilding")
        path.unlink(missing_ok=True)
        return None


def _attach_ime(services: dict[str, object], keyboard, path: Path) -> None:
    ime = _open_ime(path)
    if ime is not None:
        services["ime"] = ime
        keyboard.set_ime(ime)


def build_window(config: Config, store: CatalogStore, services: dict[str, object] | None = None) -> KioskWindow:
    """The terminal window over a fresh session."""
    session = Session(config.ui.language, config.ui.elderly_default, temp_dir_for(config))
    browser = CatalogBrowser(store, config.ui.language, config.ui.elderly_default)
    translations = Translations()
    translations.use(config.ui.language)
    ctx = Context(config, session, store, browser, services if services is not None else {})
    window = KioskWindow(ctx, translations)
    updates = ctx.services.get("catalog_updates")
    if updates is not None:  # from the update thread to the GUI thread: the window swaps between sessions
        updates.on_installed = lambda result: window.bridge.catalog_ready.emit(str(result.path))
    return window


def _quit_on_signals(app: QApplication, window: KioskWindow) -> QTimer:
    """Quit cleanly on SIGTERM/SIGINT (systemd stop, Ctrl+C) although Qt's loop runs in C++."""

    def stop(*_args: object) -> None:
        window.allow_close = True
        QTimer.singleShot(0, app.quit)  # queued: a signal landing before the loop starts must still end it

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)
    timer = QTimer()
    timer.start(200)  # gives the interpreter a chance to run the Python signal handlers
    timer.timeout.connect(lambda: None)
    return timer


def run_app(config: Config, store: CatalogStore, windowed: bool = False, smoke: bool = False) -> int:
    """Show the terminal window and run the event loop until the supervisor stops it (with `smoke`, until
    ui.smoke has checked the home screen and the search, and reported)."""
    from ui.watchdog import ServiceWatchdog

    app = make_application()
    # Before the services start: it takes systemd's notify variables out of the environment children inherit.
    watchdog = ServiceWatchdog.from_environment()
    services = build_services(config, store)
    window = build_window(config, store, services)
    watchdog.healthy = window.isVisible  # no pings once the window is gone: systemd restarts the terminal
    crashed = []

    def on_error(exc_type, exc, tb) -> None:
        # The traceback names code locations only; the resident's input never goes into log messages.
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb, limit=12)))
        try:
            storm = window.unexpected_error()
        except Exception:
            storm = True
        if storm:
            crashed.append(True)
            window.allow_close = True
            app.exit(EXIT_CRASH)

    sys.excepthook = on_error
    ticker = _quit_on_signals(app, window)
    if not config.ui.show_cursor:
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    if windowed:
        window.resize(min(config.ui.width, 1600), min(config.ui.height, 900))
        window.show()
    else:
        # No window manager on a terminal: frameless, on top, and the geometry set to the whole screen.
        window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        window.setGeometry(app.primaryScreen().geometry())
        window.showFullScreen()

    def announce() -> None:
        size = window.size()
        print(
            f"kiosk: terminal ready ({size.width()}x{size.height()}, catalog {store.version})",
            file=sys.stderr,
            flush=True,
        )
        watchdog.ready(f"terminal ready, catalog {store.version}")  # READY=1, then pings from this (GUI) thread

    QTimer.singleShot(0, announce)  # runs once the event loop is up
    if smoke:
        from ui.smoke import SmokeCheck

        def smoke_done(code: int) -> None:
            window.allow_close = True
            app.exit(code)

        SmokeCheck(window, smoke_done).start()
    background = [services[name] for name in ("delivery", "fleet", "catalog_updates") if name in services]
    for service in background:
        service.start()
    code = app.exec()
    watchdog.stopping()
    ticker.stop()
    for service in background:
        service.stop()
    window.session.wipe()
    # Delete the window (and any web view) while the application still exists: QtWebEngine crashes otherwise.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    voice = services.get("voice")
    if voice is not None:
        voice.close()
    services["devices"].close()
    services["outbox"].close()
    store.close()
    return EXIT_CRASH if crashed else code
