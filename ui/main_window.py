"""The terminal's one window: frameless, fullscreen, locked down; a view over kiosk.session."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from devices.printer.cups_a4 import CupsA4Printer
from kiosk.config import Config
from kiosk.flows.guide import guide_receipt
from kiosk.idle import IdleMonitor, IdleState
from kiosk.malloc import release_free
from kiosk.session import Screen, Session
from ui.chrome import TopBar
from ui.consult import install_consult
from ui.i18n import Translations
from ui.journey import install_journey
from ui.lookup import install_lookup
from ui.printing import print_receipt_in_background
from ui.qt import (
    QCloseEvent,
    QEvent,
    QKeyEvent,
    QObject,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.attract import AttractScreen
from ui.screens.base import Context, ScreenBase
from ui.screens.browse import BrowseScreen
from ui.screens.capture import CaptureScreen
from ui.screens.diagnostics import DiagnosticsScreen
from ui.screens.face import FaceScreen
from ui.screens.home import HomeScreen
from ui.screens.item import ItemScreen
from ui.screens.review import ReviewScreen
from ui.screens.service import ErrorScreen, PinScreen
from ui.theme import style_sheet
from ui.widgets.idle_overlay import IdleOverlay
from ui.worker import Worker

RELEASE_AFTER_MS = 1500  # after the attract screen is up and the session's workers have finished

log = logging.getLogger("kiosk.ui")
INPUT_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}
# Keys that would leave or disturb a kiosk on a desktop: swallowed before any widget sees them.
BLOCKED_KEYS = {
    Qt.Key.Key_Escape,
    Qt.Key.Key_F11,
    Qt.Key.Key_F4,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
    Qt.Key.Key_Meta,
    Qt.Key.Key_Menu,
}
BLOCKED_WITH_CTRL = {Qt.Key.Key_Q, Qt.Key.Key_W, Qt.Key.Key_N, Qt.Key.Key_T, Qt.Key.Key_P, Qt.Key.Key_O, Qt.Key.Key_S}
HOT_CORNER = 48  # px: the top-right square where five quick taps open the technician's PIN pad
ERROR_STORM = 5  # this many unexpected errors within a minute: exit non-zero and let the supervisor restart


class KioskWindow(QWidget):
    """Top bar, the screens in a stack, and the idle overlay; every change comes from the session."""

    def __init__(self, ctx: Context, translations: Translations | None = None):
        super().__init__()
        self.ctx = ctx
        self.session: Session = ctx.session
        self.config: Config = ctx.config
        self.translations = translations or Translations()
        self.setObjectName("kioskWindow")
        self.setWindowTitle("政务服务自助终端")
        self.allow_close = False
        self.portrait = False
        self.target_width = 0  # the width being set: layouts fit it before the window takes it
        self.errors: list[float] = []
        self.idle = IdleMonitor(self.config.session.idle_seconds, self.config.session.warning_seconds)
        gesture = ctx.services.get("gesture")
        self.gesture = gesture

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.bar = TopBar()
        self.bar.action.connect(self.on_bar_action)
        self.bar.language_chosen.connect(self.session.set_language)
        self.stack = QStackedWidget()
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)

        keyboard = ctx.services.get("keyboard")
        self.screens: dict[Screen, ScreenBase] = {}
        self.attract = self._add(Screen.ATTRACT, AttractScreen(ctx))
        self.home = self._add(Screen.HOME, HomeScreen(ctx))
        self.browse = self._add(Screen.BROWSE, BrowseScreen(ctx, keyboard))
        self.item = self._add(Screen.ITEM, ItemScreen(ctx))
        self.capture = self._add(Screen.CAPTURE, CaptureScreen(ctx))
        self.review = self._add(Screen.REVIEW, ReviewScreen(ctx, keyboard))
        self.face = self._add(Screen.FACE, FaceScreen(ctx))
        self.pin = self._add(Screen.PIN, PinScreen(ctx))
        self.diagnostics = self._add(Screen.DIAGNOSTICS, DiagnosticsScreen(ctx))
        self.error = self._add(Screen.ERROR, ErrorScreen(ctx))
        self.portal = None  # created on first use: QtWebEngine is heavy
        if keyboard is not None and hasattr(keyboard, "attach"):
            keyboard.attach(self.browse.search)
        self.review.loan.home = self.browse.claim_keyboard  # the editor borrows the one keyboard

        self.attract.start.connect(lambda: self.session.go("start"))
        self.home.open_module.connect(self.session.open_module)
        self.browse.open_item.connect(lambda item_id: self.session.go("open_item", item_id=item_id))
        self.item.print_requested.connect(self.print_guide)
        self.item.read_document.connect(self.session.read_document)
        self.capture.cancelled.connect(lambda: self.session.go("back"))
        self.capture.read.connect(lambda: self.session.go("captured"))
        self.review.retake.connect(lambda: self.session.go("retake"))
        self.review.confirmed.connect(self.confirm_document)
        self.item.verify_face.connect(lambda: self.session.go("verify_face"))
        self.face.cancelled.connect(lambda: self.session.go("back"))
        self.face.verified.connect(lambda: self.session.go("verified"))
        self.pin.accepted.connect(lambda: self.session.go("pin_ok"))
        self.pin.cancelled.connect(lambda: self.session.go("home"))
        self.diagnostics.leave.connect(lambda: self.session.go("home"))
        self.error.restart.connect(lambda: self.session.end("restart"))
        self.lookup = install_lookup(self)
        self.journey = install_journey(self)  # after the lookup: it tells 办件查询 about its outbox
        self.consult = install_consult(self)

        self.bridge = _Bridge(self)
        self.worker = Worker(self)
        self.bridge.printed.connect(self.on_printed)
        self.bridge.catalog_ready.connect(self.offer_catalog)
        self.pending_catalog = ""  # an installed update waiting for the terminal to be free
        self.overlay = IdleOverlay(self)
        self.overlay.keep_going.connect(self.keep_going)
        self.overlay.finish.connect(lambda: self.session.end("finish"))
        self.ticker = QTimer(self)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start(1000)

        self.session.on_change(self.on_session)
        self.session.on_wipe(self.on_wipe)
        # Input is filtered at the native window, where every touch, click and key arrives first. An
        # application-wide Python event filter would also see QtWebEngine's internal objects, and PySide6 6.12
        # crashes wrapping them (focus moving into a web view segfaults).
        self.winId()
        self.windowHandle().installEventFilter(self)
        self.on_session(self.session, "start-up")

    def _add(self, screen: Screen, widget: ScreenBase) -> ScreenBase:
        self.screens[screen] = widget
        self.stack.addWidget(widget)
        return widget

    # -- the session drives the view ------------------------------------------------------------------
    def on_session(self, session: Session, reason: str) -> None:
        """Show the session's screen in its language and mode."""
        if reason == "language":
            self.translations.use(session.language)
            self.browse.browser.set_presentation(session.language, session.elderly)
            self.item.render()
        if reason in ("elderly", "timeout", "finish", "restart", "start-up"):
            self.apply_mode()
        if reason in ("timeout", "finish", "restart") and self.translations.language != session.language:
            self.translations.use(session.language)
        if reason in ("timeout", "finish", "restart") and self.pending_catalog:
            self.swap_catalog()  # the resident has gone: the update goes live before the next one
        screen = self.current_screen()
        if session.screen == Screen.BROWSE and reason == "open_browse":
            self.browse.reset()
            self.browse.browser.reset(session.data.filters)
        if session.screen == Screen.ITEM and reason == "open_item":
            item = self.ctx.store.item(session.data.item_id)
            if item is not None:
                self.item.show_item(item)
        if session.screen == Screen.PORTAL and reason == "open_portal":
            self.open_portal(session.data.portal)
        previous = self.stack.currentWidget()
        if previous is not screen and isinstance(previous, ScreenBase):
            previous.left()
        self.stack.setCurrentWidget(screen)
        self.bar.setVisible(session.screen != Screen.ATTRACT)
        self.bar.show_state(
            session.language,
            session.elderly,
            self.title_for(session.screen),
            bool(session.stack) or session.screen not in (Screen.HOME, Screen.ATTRACT),
        )
        if reason not in ("language", "elderly"):
            self.overlay.hide()
            if hasattr(screen, "entered"):
                screen.entered()
        if session.elderly and reason not in ("language",):
            self.speak(screen)
        if reason in ("timeout", "finish", "restart"):
            # Once the screens have let go of the resident's pictures: the allocator's freed pages go back.
            QTimer.singleShot(RELEASE_AFTER_MS, release_free)

    def current_screen(self) -> QWidget:
        """The widget of the session's screen."""
        if self.session.screen == Screen.PORTAL:
            return self.ensure_portal()
        return self.screens[self.session.screen]

    def title_for(self, screen: Screen) -> str:
        """The bar's title for a screen."""
        return {
            Screen.HOME: self.tr("首页"),
            Screen.BROWSE: self.tr("事项查询"),
            Screen.ITEM: self.tr("办事指南"),
            Screen.CAPTURE: self.tr("证件识别"),
            Screen.REVIEW: self.tr("核对信息"),
            Screen.FACE: self.tr("身份核验"),
            Screen.PORTAL: self.tr("网上服务"),
            Screen.PIN: self.tr("技术人员入口"),
            Screen.DIAGNOSTICS: self.tr("终端诊断"),
            Screen.ERROR: "",
            Screen.STATUS: self.tr("办件查询"),
            Screen.PICKUP: self.tr("预约上门"),
            **self.journey.titles(),
            **self.consult.titles(),
        }.get(screen, "")

    def on_bar_action(self, action: str) -> None:
        """The top bar's buttons."""
        if action == "toggle_elderly":
            self.session.set_elderly(not self.session.elderly)
        elif action == "read_aloud":
            screen = self.current_screen()
            self.speak(screen)
            if isinstance(screen, ScreenBase):
                screen.read_aloud()
        elif action in ("home", "back", "finish"):
            if self.session.screen == Screen.CONSULT and self.session.data.consult.in_call:
                self.consult.screen.ask_leave(action)  # leaving hangs up: the resident says so first
                return
            self.session.go(action)

    def speak(self, screen: QWidget) -> None:
        """Read the screen's instruction aloud (off the GUI thread: the voice guide has its own)."""
        voice = self.ctx.services.get("voice")
        text = screen.instruction() if hasattr(screen, "instruction") else ""
        if voice is not None and text:
            voice.say(text, self.session.language)

    def apply_mode(self) -> None:
        """Style sheet and layouts for elderly mode and the screen's orientation."""
        self.setStyleSheet(style_sheet(self.session.elderly))  # the window's: it cascades to every child
        self.bar.set_layout(self.portrait, compact=self.session.elderly and not self.portrait)
        for screen in self.screens.values():
            screen.apply_mode(self.session.elderly, self.portrait)
        if self.portal is not None:
            self.portal.setProperty("elderly", self.session.elderly)

    def resize(self, *size) -> None:
        """Choose the orientation's layouts first: a landscape layout's minimum width would refuse a portrait
        size."""
        width, height = size if len(size) == 2 else (size[0].width(), size[0].height())
        self.target_width = width
        self._orient(height > width)
        super().resize(*size)

    def setGeometry(self, *rect) -> None:
        """As `resize`: the screen's shape decides the layouts before the size is taken."""
        geometry = rect[0] if len(rect) == 1 else None
        width, height = (geometry.width(), geometry.height()) if geometry is not None else rect[2:4]
        self.target_width = width
        self._orient(height > width)
        super().setGeometry(*rect)

    def _orient(self, portrait: bool) -> None:
        if portrait != self.portrait:
            self.portrait = portrait
            self.apply_mode()

    def resizeEvent(self, event) -> None:
        """A portrait screen (or window) gets the portrait layouts."""
        self._orient(self.height() > self.width())
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())
        super().resizeEvent(event)

    def confirm_document(self) -> None:
        """The resident confirmed the document read: it is kept for the session, and the guide shows again."""
        flow = self.session.data.document
        if flow.phase != "review" or flow.needs_attention():
            return
        flow.confirm()
        log.info("document confirmed: %s", flow.summary())  # counts and kinds only, never a value
        self.session.go("confirm")

    # -- catalog updates ------------------------------------------------------------------------------
    def offer_catalog(self, path: str) -> None:
        """A new catalog is installed: live at once when nobody is using the terminal, else when the session ends
        (never under a resident: their search results and item guide stay as they are)."""
        self.pending_catalog = path
        if self.session.screen == Screen.ATTRACT:
            self.swap_catalog()

    def swap_catalog(self) -> bool:
        """Open the pending bundle and show it from now on; the current one stays when it does not open."""
        from catalog.store import CatalogBundleError, CatalogStore

        path, self.pending_catalog = self.pending_catalog, ""
        if not path:
            return False
        try:
            store = CatalogStore(Path(path))
            store.search.search("社保", limit=1)  # the index answers before residents rely on it
        except (CatalogBundleError, OSError) as exc:
            log.warning("new catalog not used (%s); keeping %s", type(exc).__name__, self.ctx.store.version)
            return False
        old, self.ctx.store = self.ctx.store, store
        self.ctx.services["store"] = store  # heartbeats report the version now live
        self.ctx.browser.use_store(store)
        self.browse.fill_filters()
        log.info("catalog %s live (was %s)", store.version, old.version)
        old.close()
        return True

    # -- portals --------------------------------------------------------------------------------------
    def ensure_portal(self) -> QWidget:
        """The embedded browser view, created on first use."""
        if self.portal is None:
            from ui.portal import PortalView

            self.portal = PortalView(keyboard=self.ctx.services.get("keyboard"))  # the page's fields borrow it
            self.portal.typing.loan.home = self.browse.claim_keyboard
            self.portal.setProperty("elderly", self.session.elderly)
            self.portal.home_requested.connect(lambda: self.session.go("home"))
            self.stack.addWidget(self.portal)
        return self.portal

    def open_portal(self, module: str) -> None:
        """Open a portal module's start page."""
        view = self.ensure_portal()
        view.open(self.home.titles()[module][0], self.config.portal(module))

    # -- printing -------------------------------------------------------------------------------------
    def print_guide(self) -> None:
        """Print the guide on the receipt printer (off the GUI thread); without one, a PDF to CUPS or kept."""
        if self.item.item is None:
            return
        devices = self.ctx.services.get("devices")
        printer = devices.drivers.get("printer") if devices is not None else None
        if printer is None:
            self.print_pdf()
            return
        receipt = guide_receipt(self.item.item, self.session.language)
        self.item.print_button.setEnabled(False)
        self.item.print_status.setText(self.tr("正在打印，请稍候……"))

        print_receipt_in_background(printer, receipt, self.bridge.printed.emit, "print-guide")

    def on_printed(self, ok: bool) -> None:
        """The receipt printer finished (or failed: then the PDF path and the QR code remain)."""
        self.item.print_button.setEnabled(True)
        if ok:
            self.item.show_print_result(True)
        else:
            self.print_pdf()

    def a4_printer(self) -> CupsA4Printer | None:
        """The configured CUPS queue, if A4 printing is on."""
        settings = self.config.a4_printer
        return CupsA4Printer(settings.destination, settings.server) if settings.enabled else None

    def print_pdf(self) -> None:
        """The guide as an A4 PDF to CUPS (off the GUI thread), or kept as a PDF without a printer."""
        from ui.printing import guide_pdf, send_to_cups

        pdf = guide_pdf(self.item.guide_html(), self.item.qr.text, self.config.data_dir / "printouts")
        printer = self.a4_printer()
        self.item.print_button.setEnabled(False)
        wipes = self.session.ended_count
        self.worker.run("print-a4", lambda: send_to_cups(pdf, printer), lambda r: self.on_a4_printed(r, wipes))

    def on_a4_printed(self, result, wipes: int) -> None:
        """CUPS took the guide, or refused it (the QR code and the kept PDF remain)."""
        printed = not isinstance(result, Exception) and result.printed
        log.info("guide print: %s", result.message if not isinstance(result, Exception) else type(result).__name__)
        if wipes == self.session.ended_count:  # the resident who asked is still there
            self.item.print_button.setEnabled(True)
            self.item.show_print_result(printed)
        self.bridge.a4_printed.emit(printed)

    # -- idle privacy reset ---------------------------------------------------------------------------
    def tick(self) -> None:
        """Once a second: warn, then end an unattended session."""
        if self.session.screen == Screen.ATTRACT:
            self.idle.touch()
            return
        if self.session.data.consult.in_call:
            self.idle.touch()  # talking with a clerk is activity, though nothing is touched
        status = self.idle.status()
        if status.state == IdleState.ACTIVE:
            self.overlay.hide()
        elif status.state == IdleState.WARNING:
            self.overlay.show_remaining(status.remaining)
        else:
            log.info("session ended after %s s without a touch", self.config.session.idle_seconds)
            self.session.end("timeout")

    def keep_going(self) -> None:
        """The resident is still there."""
        self.idle.touch()
        self.overlay.hide()

    def on_wipe(self) -> None:
        """Every screen forgets the session; the browser profile is wiped with it."""
        for screen in self.screens.values():
            screen.reset()
        if self.portal is not None:
            self.portal.wipe()
        keyboard = self.ctx.services.get("keyboard")
        if keyboard is not None:
            keyboard.clear()
        self.idle.touch()

    # -- lockdown -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """At the native window: input resets the idle clock; shortcuts, context menus, the technician gesture."""
        kind = event.type()
        if kind in INPUT_EVENTS:
            self.idle.touch()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and self.blocked(event):
            return True
        if kind == QEvent.Type.MouseButtonPress:
            if event.button() != Qt.MouseButton.LeftButton:
                return True  # a touch screen has one button; right presses would open context menus
            if self.gesture is not None:
                return self.technician_gesture(event.position().x(), event.position().y())
        return False

    def technician_gesture(self, x: float, y: float) -> bool:
        """Feed a tap to the five-taps gesture; True (swallowed) for taps in the small hot corner."""
        lock = self.ctx.services.get("technician")
        if lock is None or not lock.is_configured():
            return False
        # The detector works in fractions of a frame; this frame makes its corner HOT_CORNER px square.
        frame = HOT_CORNER / self.gesture.corner
        in_corner = self.width() - x <= HOT_CORNER and y <= HOT_CORNER
        if self.gesture.feed(frame - (self.width() - x), y, frame, frame, time.monotonic()):
            self.session.go("technician")
        return in_corner

    @staticmethod
    def blocked(event: QKeyEvent) -> bool:
        """Keys and combinations that must not reach a kiosk's widgets."""
        key = event.key()
        mods = event.modifiers()
        if key in BLOCKED_KEYS or mods & Qt.KeyboardModifier.AltModifier:
            return True
        return bool(mods & Qt.KeyboardModifier.ControlModifier and key in BLOCKED_WITH_CTRL)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Only the supervisor (SIGTERM) closes the terminal."""
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

    def unexpected_error(self) -> bool:
        """Show the calm error screen after wiping; True when errors come so fast that a restart is better."""
        now = time.monotonic()
        self.errors = [t for t in self.errors if now - t < 60] + [now]
        if len(self.errors) >= ERROR_STORM:
            return True
        self.session.wipe()
        self.session.go("error")
        return False


class _Bridge(QObject):
    """Signals from worker threads back to the GUI thread."""

    printed = Signal(bool)
    a4_printed = Signal(bool)
    catalog_ready = Signal(str)  # the path of a verified, installed catalog bundle


def temp_dir_for(config: Config) -> Path:
    """The session's private folder for temporary files, emptied on every wipe."""
    path = config.data_dir / "session-tmp"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
