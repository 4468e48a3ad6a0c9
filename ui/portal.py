"""The embedded portal view: one government web portal in a locked-down, off-the-record QtWebEngine page.

Each portal module (粤港澳大湾区政务, 省政务服务网黄埔区分厅, 网上中介超市, 粤省事) opens its start page here. Only
http(s) URLs on the module's allowed hosts load, checked twice: every navigation (top level and frames, redirects
included) in ``acceptNavigationRequest``, and every network request (images, scripts, styles, frames, fetch/XHR,
WebSockets, beacons, pings) in a request interceptor on the profile. There are no pop-ups, new windows, downloads,
file pickers, devtools, context menu, full screen or permissions. The profile is off-the-record (nothing on disk)
and ``wipe()`` throws it away with the page, so the next resident starts with no cookies, storage, cache or
history. The home button in the bar above the page is always visible. The page's text fields are typed into with
the terminal's touch keyboard, docked under the page while one has focus (ui/portal_keyboard.py); the page's own
console messages are dropped, since a portal may print what a resident typed.

Two leaks QtWebEngine offers no hook for (tests/ui/test_portal.py shows both): ``<link rel=preconnect>`` opens a
bare socket to the named host (no request is sent), and for a *subresource* redirect Qt follows the redirect before
asking the interceptor (the request can reach the forbidden host; its answer never reaches the page). Egress
filtering on the terminal is the complete answer.
"""

from __future__ import annotations

import functools
import os
import secrets
from types import SimpleNamespace

from kiosk.allowlist import AllowList
from kiosk.config import PortalConfig
from ui.portal_keyboard import PortalKeyboard, focus_script
from ui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTimer,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
    web_engine,
)

NOTICE_MS = 8000
ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9,en;q=0.5"

STYLE = """
QWidget#portalBar { background: #0b5394; }
QPushButton#portalHome {
    min-height: 76px; min-width: 220px; padding: 0 30px; font-size: 30px; font-weight: bold;
    color: #0b5394; background: white; border: none; border-radius: 14px;
}
QPushButton#portalHome:pressed { background: #dbe8f7; }
QPushButton#portalBack {
    min-height: 64px; padding: 0 24px; font-size: 24px; color: white; background: transparent;
    border: 2px solid #9fc3ea; border-radius: 12px;
}
QPushButton#portalBack:pressed { background: #0a467e; }
QPushButton#portalBack:disabled { color: #6f97c2; border-color: #3f74aa; }
QLabel#portalTitle { color: white; font-size: 30px; font-weight: bold; }
QLabel#portalNotice {
    color: #5a4300; background: #fff3cd; border-radius: 12px; padding: 10px 22px; font-size: 24px;
}
"""


def _encoded(url) -> str:
    """A QUrl as the fully encoded string urlsplit reads unambiguously (punycode host, escaped path)."""
    return bytes(url.toEncoded()).decode("ascii", "replace")


def _drop_remote_debugging(environ) -> None:
    """Devtools must be unreachable: remote debugging is switched on only by these, read at engine start."""
    environ.pop("QTWEBENGINE_REMOTE_DEBUGGING", None)
    flags = environ.get("QTWEBENGINE_CHROMIUM_FLAGS")
    if flags and "remote-debugging" in flags:
        kept = [flag for flag in flags.split() if "remote-debugging" not in flag]
        environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(kept)


@functools.cache
def _engine() -> SimpleNamespace:
    """QtWebEngine and the page and interceptor subclasses, built on first use (importing the engine is slow)."""
    _drop_remote_debugging(os.environ)
    core, widgets = web_engine()
    page_base, info_type = core.QWebEnginePage, core.QWebEngineUrlRequestInfo

    class GuardedPage(page_base):
        """A page that navigates only within its allow-list and never opens windows or file pickers."""

        navigation_blocked = Signal(bool)  # True when the top-level page was refused
        leaving = Signal()  # the top-level page is about to be replaced
        focus_reported = Signal(str)  # a report of the focus script (ui/portal_keyboard.py), nonce removed

        def __init__(self, profile, allow: AllowList, parent=None):
            super().__init__(profile, parent)
            self.allow = allow
            self.refused_windows = 0
            self.refused_pickers = 0
            self.refused_navigations = 0
            # Known only to the focus script's isolated world and to us: the page cannot forge a report.
            self.focus_nonce = secrets.token_hex(16)
            self.scripts().insert(focus_script(core, self.focus_nonce))

        def acceptNavigationRequest(self, url, navigation_type, is_main_frame):
            if self.allow.allows_navigation(_encoded(url)):
                if is_main_frame:
                    self.leaving.emit()
                return True
            self.refused_navigations += 1
            self.navigation_blocked.emit(bool(is_main_frame))
            return False

        def createWindow(self, window_type):
            self.refused_windows += 1
            return None

        def chooseFiles(self, mode, old_files, accepted_mime_types):
            self.refused_pickers += 1
            return []

        def javaScriptConsoleMessage(self, level, message, line, source):
            # The focus script's reports go on; the page's own messages are dropped, never logged.
            prefix = self.focus_nonce + " "
            if secrets.compare_digest(message[: len(prefix)].encode(), prefix.encode()):  # any text, in constant time
                self.focus_reported.emit(message[len(prefix) :])

    class Interceptor(core.QWebEngineUrlRequestInterceptor):
        """Blocks every network request, of any kind, to a host outside the allow-list."""

        main_frame_blocked = Signal()

        def __init__(self, allow: AllowList, parent=None):
            super().__init__(parent)
            self.allow = allow
            self.blocked = 0

        def interceptRequest(self, info):
            if self.allow.allows_request(_encoded(info.requestUrl())):
                return
            info.block(True)
            self.blocked += 1
            if info.resourceType() == info_type.ResourceType.ResourceTypeMainFrame:
                self.main_frame_blocked.emit()

    return SimpleNamespace(core=core, widgets=widgets, Page=GuardedPage, Interceptor=Interceptor)


class PortalView(QWidget):
    """A bar with the home button, back button, title and notices, above the portal's web page; the touch keyboard
    docks under the page while one of its text fields has focus."""

    home_requested = Signal()
    load_finished = Signal(bool)  # the current page finished loading (True) or failed (False)

    def __init__(self, parent: QWidget | None = None, keyboard: QWidget | None = None):
        """`keyboard` is the window's touch keyboard, borrowed while a field has focus (without one the view
        makes its own, letters only)."""
        super().__init__(parent)
        self._engine = _engine()
        self.setObjectName("portalView")
        self.setStyleSheet(STYLE)
        self.allow = AllowList()
        self.refused_downloads = 0

        bar = QFrame()
        bar.setObjectName("portalBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(20, 12, 20, 12)
        row.setSpacing(18)
        self.home = QPushButton(self.tr("返回首页"))
        self.home.setObjectName("portalHome")
        self.home.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.home.clicked.connect(self.home_requested)
        row.addWidget(self.home)
        self.back = QPushButton(self.tr("上一页"))
        self.back.setObjectName("portalBack")
        self.back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back.setEnabled(False)
        self.back.clicked.connect(self._go_back)
        row.addWidget(self.back)
        self.title = QLabel()
        self.title.setObjectName("portalTitle")
        row.addWidget(self.title, 1)
        self.notice = QLabel()
        self.notice.setObjectName("portalNotice")
        self.notice.hide()
        row.addWidget(self.notice)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.notice.hide)

        # The web view is created before any profile so that, as children of this widget, the view and its
        # page are destroyed before the profile they use.
        self.web = self._engine.widgets.QWebEngineView(self)
        self.web.setObjectName("portalWeb")
        self.web.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.web.setAcceptDrops(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.web, 1)
        self.keyboard_slot = QVBoxLayout()
        self.keyboard_slot.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.keyboard_slot)
        if keyboard is None:
            from ui.widgets.keyboard import TouchKeyboard

            keyboard = TouchKeyboard(parent=self)
            keyboard.hide()
        self.typing = PortalKeyboard(self, self.web, keyboard, self.keyboard_slot)

        self.profile = None
        self.page = None
        self.interceptor = None
        self._new_profile()
        self._new_page()

    # -- public ---------------------------------------------------------------------------------------------

    def open(self, title: str, settings: PortalConfig) -> None:
        """Show one portal: a fresh page (empty history) on this session's profile, at the portal's start URL."""
        self.allow = AllowList.parse(settings.hosts)
        self.interceptor.allow = self.allow
        self.title.setText(title)
        self._hide_notice()
        self._new_page()
        url = QUrl(settings.url)
        if not self.allow.allows_navigation(_encoded(url)) or url.isEmpty():
            self._show_notice(self.tr("该网页不在本服务范围内"))
            return
        self.page.load(url)

    @property
    def elderly(self) -> bool:
        """Elderly mode, as the window sets it (the "elderly" property)."""
        return bool(self.property("elderly"))

    @property
    def portrait(self) -> bool:
        """Whether the screen is upright: the window's orientation, or this view's shape on its own."""
        window = self.window()
        if window is not self and hasattr(window, "portrait"):
            return bool(window.portrait)
        return self.height() > self.width()

    def wipe(self) -> None:
        """End the session: cookies, cache, visited links, storage and history go, with the profile and page."""
        self.typing.hide()
        old_page, old_profile = self.page, self.profile
        old_page.history().clear()
        old_profile.cookieStore().deleteAllCookies()
        old_profile.clearHttpCache()
        old_profile.clearAllVisitedLinks()
        self.allow = AllowList()
        self._new_profile()
        self._new_page()
        self.title.clear()
        self._hide_notice()
        # The page must go before its profile (Qt warns and may crash otherwise); destroyed() is emitted even
        # though the page's signals are blocked.
        old_page.destroyed.connect(old_profile.deleteLater)
        old_page.deleteLater()

    # -- set-up ---------------------------------------------------------------------------------------------

    def _new_profile(self) -> None:
        core = self._engine.core
        profile = core.QWebEngineProfile(self)  # no storage name: off the record, nothing written to disk
        profile.setPersistentCookiesPolicy(core.QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
        profile.setPersistentPermissionsPolicy(core.QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime)
        profile.setHttpAcceptLanguage(ACCEPT_LANGUAGE)
        profile.setSpellCheckEnabled(False)
        profile.setPushServiceEnabled(False)
        _lock_down(profile.settings(), core.QWebEngineSettings.WebAttribute)
        self.interceptor = self._engine.Interceptor(self.allow, profile)
        self.interceptor.main_frame_blocked.connect(self._on_blocked_main_frame)
        profile.setUrlRequestInterceptor(self.interceptor)
        profile.downloadRequested.connect(self._refuse_download)
        self.profile = profile

    def _new_page(self) -> None:
        core = self._engine.core
        old = self.page
        page = self._engine.Page(self.profile, self.allow, self.web)
        _lock_down(page.settings(), core.QWebEngineSettings.WebAttribute)
        page.navigation_blocked.connect(self._on_navigation_blocked)
        page.leaving.connect(self.typing.hide)
        page.focus_reported.connect(self.typing.report)
        page.urlChanged.connect(self._update_back)
        page.loadFinished.connect(self._update_back)
        page.loadFinished.connect(self.load_finished)
        if hasattr(page, "permissionRequested"):  # Qt 6.8+
            page.permissionRequested.connect(lambda permission: permission.deny())
        else:  # pragma: no cover - older Qt
            denied = core.QWebEnginePage.PermissionPolicy.PermissionDeniedByUser
            page.featurePermissionRequested.connect(
                lambda origin, feature, page=page: page.setFeaturePermission(origin, feature, denied)
            )
        page.fileSystemAccessRequested.connect(lambda request: request.reject())
        page.fullScreenRequested.connect(lambda request: request.reject())
        page.registerProtocolHandlerRequested.connect(lambda request: request.reject())
        page.desktopMediaRequested.connect(lambda request: request.cancel())
        page.webAuthUxRequested.connect(lambda request: request.cancel())
        page.selectClientCertificate.connect(lambda selection: selection.selectNone())
        self.typing.hide()
        self.web.setPage(page)
        self.page = page
        self._update_back()
        if old is not None:
            old.blockSignals(True)  # a late loadFinished of the old page must not look like the new page's
            if old.profile() is self.profile:
                old.deleteLater()

    # -- reactions ------------------------------------------------------------------------------------------

    def _refuse_download(self, download) -> None:
        download.cancel()
        self.refused_downloads += 1
        self._show_notice(self.tr("本机不提供文件下载"))

    def _on_navigation_blocked(self, main_frame: bool) -> None:
        if main_frame:
            self._show_notice(self.tr("该网页不在本服务范围内"))

    def _on_blocked_main_frame(self) -> None:
        # Normally acceptNavigationRequest refuses first (redirects included); this is the second line.
        self._show_notice(self.tr("该网页不在本服务范围内"))

    def _go_back(self) -> None:
        self.typing.hide()
        history = self.page.history()
        if history.canGoBack():
            history.back()

    def _update_back(self, *_args) -> None:
        self.back.setEnabled(self.page is not None and self.page.history().canGoBack())

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        self._notice_timer.start()

    def _hide_notice(self) -> None:
        self._notice_timer.stop()
        self.notice.hide()

    # -- Qt events ------------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Elderly mode switched while the keyboard is up: resize its keys."""
        if event.type() == QEvent.Type.DynamicPropertyChange and bytes(event.propertyName()) == b"elderly":
            self.typing.refit()
        return super().event(event)

    def resizeEvent(self, event) -> None:
        """A turned screen refits the keyboard."""
        super().resizeEvent(event)
        self.typing.refit()

    def hideEvent(self, event) -> None:
        """Leaving the portal gives the keyboard back to the screens."""
        self.typing.hide()
        super().hideEvent(event)


def _lock_down(settings, attribute) -> None:
    """No windows, full screen, plugins, PDF viewer, local-file reach, clipboard, or speculative DNS."""
    for name in (
        "JavascriptCanOpenWindows",
        "FullScreenSupportEnabled",
        "PluginsEnabled",
        "PdfViewerEnabled",
        "LocalContentCanAccessRemoteUrls",
        "LocalContentCanAccessFileUrls",
        "JavascriptCanAccessClipboard",
        "JavascriptCanPaste",
        "AllowWindowActivationFromJavaScript",
        "ScreenCaptureEnabled",
        "NavigateOnDropEnabled",
        "DnsPrefetchEnabled",
        "HyperlinkAuditingEnabled",
        "AllowRunningInsecureContent",
        "AllowGeolocationOnInsecureOrigins",
    ):
        settings.setAttribute(getattr(attribute, name), False)
