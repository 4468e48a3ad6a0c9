"""The embedded portal view against real local HTTP servers: one allowed, one forbidden that must never be reached."""

from __future__ import annotations

import json
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.allowlist import AllowList, AllowListError
from kiosk.config import PortalConfig
from ui.portal import PortalView, _drop_remote_debugging, _encoded, _engine
from ui.qt import QPoint, Qt, QUrl

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"
WAIT_MS = 10_000


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, site: Site):
        self.site = site
        super().__init__(("127.0.0.1", 0), _Handler)

    def verify_request(self, request, client_address) -> bool:
        with self.site.lock:
            self.site.connections += 1  # every TCP connection counts, even one that never sends a request
        return True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args) -> None:  # quiet test output
        pass

    def _serve(self) -> None:
        site: Site = self.server.site
        path = self.path.split("?")[0]
        with site.lock:
            site.requests.append((self.command, path, dict(self.headers.items())))
        status, headers, body = site.routes.get(path, (404, {"Content-Type": "text/plain"}, b"not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        if "Cache-Control" not in headers:
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _serve


class Site:
    """A real HTTP server on an ephemeral 127.0.0.1 port serving generated pages and recording what it saw."""

    def __init__(self):
        self.lock = threading.Lock()
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.connections = 0
        self.server = _Server(self)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}{path}"

    def page(self, path: str, title: str, body: str = "", headers: dict[str, str] | None = None) -> None:
        html = f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body>"
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8", **(headers or {})}, html.encode())

    def route(self, path: str, body: bytes, content_type: str, status: int = 200, **headers: str) -> None:
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, body)

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _, path, _ in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def allowed():
    site = Site()
    site.page("/", "allowed", "<h1>允许的页面</h1><p>本页面来自允许的主机。</p>")
    site.page("/other", "other", "<p>同一主机的另一页</p>")
    yield site
    site.close()


@pytest.fixture
def forbidden():
    site = Site()
    site.page("/", "forbidden", "<p>must never load</p>")
    site.route("/x.js", b"document.title = 'forbidden script ran';", "text/javascript")
    site.route("/x.png", b"", "image/png")
    yield site
    site.close()


@pytest.fixture
def view(qtbot):
    widget = PortalView()
    gone = []
    widget.destroyed.connect(lambda: gone.append(True))
    qtbot.addWidget(widget, before_close_func=PortalView.wipe)  # a session end, as in the terminal
    widget.resize(1280, 800)
    widget.show()
    yield widget
    # pytest-qt has wiped, closed and deleteLater()'d it: let the loop delete it now (page before profile) rather
    # than at interpreter exit, where Qt warns about the order.
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT_MS)


def open_portal(qtbot, view: PortalView, site: Site, path: str = "/", title: str | None = None) -> None:
    with qtbot.waitSignal(view.load_finished, timeout=WAIT_MS) as finished:
        view.open("测试门户", PortalConfig(site.url(path), (site.host,)))
    assert finished.args == [True]
    if title is not None:
        qtbot.waitUntil(lambda: view.page.title() == title, timeout=WAIT_MS)


def js(qtbot, view: PortalView, script: str):
    """Run a script in the page and return its result."""
    box = []
    wrapped = f"(r => r === undefined ? 'null' : JSON.stringify(r))(eval({json.dumps(script)}))"
    view.page.runJavaScript(wrapped, 0, box.append)  # Qt turns arrays and null into '': go through JSON
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return json.loads(box[0])


def wait_js(qtbot, view: PortalView, script: str) -> None:
    """Wait until a script in the page evaluates to true."""
    qtbot.waitUntil(lambda: js(qtbot, view, script) is True, timeout=WAIT_MS)


def click_element(qtbot, view: PortalView, element_id: str) -> None:
    """A real mouse click (a user gesture, unlike element.click()) on an element of the page."""
    # Input sent before the renderer has painted a frame can be dropped: wait for two animation frames.
    js(qtbot, view, "window.painted = false; requestAnimationFrame(() => requestAnimationFrame(() => painted = true))")
    wait_js(qtbot, view, "window.painted === true")
    rect = js(
        qtbot,
        view,
        f"(() => {{ const r = document.getElementById('{element_id}').getBoundingClientRect();"
        " return [r.left + r.width / 2, r.top + r.height / 2]; })()",
    )
    target = view.web.focusProxy()
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(int(rect[0]), int(rect[1])))


def settle(qtbot, ms: int = 400) -> None:
    """Let anything still in flight reach a server (it must not) before counting."""
    qtbot.wait(ms)


# -- the allow-list, without Qt -------------------------------------------------------------------------------


def test_allow_list_matches_hosts_and_ports():
    allow = AllowList.parse(["www.gdzwfw.gov.cn", "127.0.0.1:8123", "Example.ORG.", "[::1]:9000"])
    assert allow.allows_navigation("https://www.gdzwfw.gov.cn/portal/gba/")
    assert allow.allows_navigation("http://WWW.GDZWFW.GOV.CN:8443/x")  # a hostname entry allows any port
    assert allow.allows_navigation("http://127.0.0.1:8123/")
    assert not allow.allows_navigation("http://127.0.0.1:8124/")  # host:port allows that port only
    assert not allow.allows_navigation("http://127.0.0.1/")
    assert allow.allows_navigation("https://example.org./")
    assert allow.allows_navigation("http://[::1]:9000/")
    assert not allow.allows_navigation("http://[::1]:9001/")
    assert not allow.allows_navigation("https://gdzwfw.gov.cn/")  # no implicit subdomains or parents
    assert not allow.allows_navigation("https://evil.www.gdzwfw.gov.cn/")
    assert not allow.allows_navigation("https://www.gdzwfw.gov.cn.evil.com/")
    assert not allow.allows_navigation("https://www.gdzwfw.gov.cn@evil.com/")
    assert allow.allows_navigation("about:blank")
    for url in (
        "file:///etc/passwd",
        "data:text/html,hi",
        "javascript:alert(1)",
        "ftp://www.gdzwfw.gov.cn/",
        "ws://www.gdzwfw.gov.cn/",
        "http://127.0.0.1:99999/",
        "",
        "about:config",
    ):
        assert not allow.allows_navigation(url), url
    assert allow.allows_request("wss://www.gdzwfw.gov.cn/socket")
    assert allow.allows_request("data:image/png;base64,AAAA")
    assert not allow.allows_request("https://evil.com/x.js")
    assert not allow.allows_request("file:///etc/passwd")
    assert not AllowList().allows_navigation("https://www.gdzwfw.gov.cn/")


def test_allow_list_reads_chinese_domains_and_bare_ipv6():
    allow = AllowList.parse(["广东政务.中国", "::1"])
    assert allow.allows_navigation(_encoded(QUrl("https://广东政务.中国/")))  # as QUrl hands it to the check
    assert allow.allows_navigation("http://[::1]:8080/")


def test_remote_debugging_switches_are_dropped():
    env = {
        "QTWEBENGINE_REMOTE_DEBUGGING": "9222",
        "QTWEBENGINE_CHROMIUM_FLAGS": "--foo --remote-debugging-port=9222 --remote-debugging-address=0.0.0.0",
    }
    _drop_remote_debugging(env)
    assert env == {"QTWEBENGINE_CHROMIUM_FLAGS": "--foo"}


@pytest.mark.parametrize(
    "entry", ["https://www.gdzwfw.gov.cn", "host/path", "host:0", "host:http", "", "[::1", "[::1]x", "[host]", "a:b:c"]
)
def test_allow_list_rejects_malformed_entries(entry):
    with pytest.raises(AllowListError):
        AllowList.parse([entry])


# -- the view -------------------------------------------------------------------------------------------------


def test_allowed_page_loads_with_the_bar_above_it(qtbot, view, allowed):
    open_portal(qtbot, view, allowed, title="allowed")
    assert view.objectName() == "portalView"
    assert view.web.objectName() == "portalWeb"
    assert view.title.objectName() == "portalTitle" and view.title.text() == "测试门户"
    assert view.home.objectName() == "portalHome" and view.home.text() == "返回首页"
    assert view.home.isVisible() and view.home.height() >= 64
    assert view.back.objectName() == "portalBack"
    assert view.notice.objectName() == "portalNotice" and not view.notice.isVisible()
    assert allowed.paths()[0] == "/"
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitUntil(lambda: "允许的页面" in js(qtbot, view, "document.body.innerText"), timeout=WAIT_MS)
    qtbot.wait(300)  # let the compositor paint the loaded page before the grab
    assert view.grab().save(str(SHOTS / "portal.png"))


def test_back_button_walks_in_page_history(qtbot, view, allowed):
    allowed.page("/", "allowed", "<a id='next' href='/other'>next</a>")
    open_portal(qtbot, view, allowed, title="allowed")
    assert not view.back.isEnabled()
    js(qtbot, view, "document.getElementById('next').click()")
    qtbot.waitUntil(lambda: view.page.title() == "other", timeout=WAIT_MS)
    qtbot.waitUntil(view.back.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(view.back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.page.title() == "allowed", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not view.back.isEnabled(), timeout=WAIT_MS)


def test_navigation_to_a_forbidden_host_is_refused(qtbot, view, allowed, forbidden):
    allowed.page(
        "/",
        "allowed",
        f"<a id='out' href='{forbidden.url()}'>去别处</a>"
        f"<form id='f' action='{forbidden.url()}' method='post'><input name='q'></form>",
    )
    open_portal(qtbot, view, allowed, title="allowed")
    click_element(qtbot, view, "out")  # a real click on a link
    qtbot.waitUntil(view.notice.isVisible, timeout=WAIT_MS)
    assert view.notice.text() == "该网页不在本服务范围内"
    for script in (
        f"location.href = '{forbidden.url()}'",
        f"location.replace('{forbidden.url('/r')}')",
        "document.getElementById('f').submit()",
    ):
        before = view.page.refused_navigations
        js(qtbot, view, script)
        qtbot.waitUntil(lambda before=before: view.page.refused_navigations > before, timeout=WAIT_MS)
    settle(qtbot)
    assert view.page.title() == "allowed"
    assert view.page.url().toString() == allowed.url("/")
    assert forbidden.connections == 0 and forbidden.requests == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert view.grab().save(str(SHOTS / "portal_refused.png"))


def test_opening_another_portal_switches_the_allow_list(qtbot, view, allowed):
    second = Site()
    try:
        second.page("/", "second")
        allowed.page("/", "allowed", f"<a id='next' href='{second.url()}'>second</a>")
        open_portal(qtbot, view, allowed, title="allowed")
        with qtbot.waitSignal(view.load_finished, timeout=WAIT_MS):
            view.open("第二个门户", PortalConfig(second.url(), (second.host,)))
        assert view.page.title() == "second" and view.title.text() == "第二个门户"
        assert not view.back.isEnabled()  # a fresh history per portal
        js(qtbot, view, f"location.href = '{allowed.url('/other')}'")  # the first portal's host is not allowed here
        qtbot.waitUntil(view.notice.isVisible, timeout=WAIT_MS)
        settle(qtbot)
        assert "/other" not in allowed.paths()
        assert view.page.title() == "second"
    finally:
        second.close()


def test_redirect_to_a_forbidden_host_is_stopped_before_it_leaves(qtbot, view, allowed, forbidden):
    allowed.route("/jump", b"", "text/plain", status=302, Location=forbidden.url("/"))
    allowed.page("/", "allowed", "<a id='jump' href='/jump'>jump</a>")
    open_portal(qtbot, view, allowed, title="allowed")
    js(qtbot, view, "document.getElementById('jump').click()")
    qtbot.waitUntil(lambda: "/jump" in allowed.paths(), timeout=WAIT_MS)
    qtbot.waitUntil(view.notice.isVisible, timeout=WAIT_MS)
    settle(qtbot)
    assert view.page.title() != "forbidden"
    assert forbidden.connections == 0 and forbidden.requests == []


def test_subresources_on_a_forbidden_host_never_reach_it(qtbot, view, allowed, forbidden):
    far = forbidden.url
    allowed.route("/own.js", b"window.ownScript = true;", "text/javascript")
    allowed.route("/own.json", b'{"ok": true}', "application/json")
    allowed.route("/own.png", _PNG, "image/png")
    allowed.page("/frame", "frame", "<p>frame</p>")
    allowed.page(
        "/",
        "allowed",
        f"""
        <link rel="stylesheet" href="{far("/x.css")}">
        <link rel="dns-prefetch" href="{far("/")}">
        <link rel="prefetch" href="{far("/prefetch")}">
        <img id="own" src="/own.png"><img id="far" src="{far("/x.png")}">
        <script src="/own.js"></script><script src="{far("/x.js")}"></script>
        <iframe id="ownframe" src="/frame"></iframe><iframe src="{far("/")}"></iframe>
        <a ping="{far("/ping")}" id="ping" href="#here">ping</a>
        <script>
          window.results = {{}};
          fetch('/own.json').then(r => r.json()).then(j => results.ownFetch = j.ok, () => results.ownFetch = false);
          fetch('{far("/x.json")}').then(() => results.farFetch = 'reached', () => results.farFetch = 'blocked');
          const x = new XMLHttpRequest(); x.open('GET', '{far("/xhr")}');
          x.onload = () => results.xhr = 'reached'; x.onerror = () => results.xhr = 'blocked'; x.send();
          const ws = new WebSocket('{far("/ws").replace("http", "ws")}');
          ws.onopen = () => results.ws = 'reached'; ws.onerror = () => results.ws = 'blocked';
          navigator.sendBeacon('{far("/beacon")}', 'x');
          new Image().src = '{far("/pixel.gif")}';
        </script>""",
    )
    open_portal(qtbot, view, allowed, title="allowed")
    wait_js(
        qtbot,
        view,
        "results.ownFetch === true && results.farFetch !== undefined && results.xhr !== undefined"
        " && results.ws !== undefined",
    )
    assert js(qtbot, view, "[results.farFetch, results.xhr, results.ws]") == ["blocked", "blocked", "blocked"]
    assert js(qtbot, view, "window.ownScript === true")
    assert js(qtbot, view, "document.getElementById('own').naturalWidth") == 1
    assert js(qtbot, view, "document.getElementById('far').naturalWidth") == 0
    wait_js(qtbot, view, "document.getElementById('ownframe').contentDocument.title === 'frame'")
    js(qtbot, view, "document.getElementById('ping').click()")
    settle(qtbot, 800)
    assert view.page.title() == "allowed"  # the forbidden script never ran
    assert {"/", "/own.js", "/own.json", "/own.png", "/frame"} <= set(allowed.paths())
    assert view.interceptor.blocked >= 8
    assert forbidden.connections == 0 and forbidden.requests == []


def test_a_subresource_redirect_to_a_forbidden_host_never_reaches_the_page(qtbot, view, allowed, forbidden):
    # Known limit (Qt's request proxy): for a subresource redirect Qt lets the network service follow the redirect
    # and only then asks the interceptor, which fails the load. The forbidden server may therefore see that one
    # request, but its answer never reaches the page. Top-level and frame redirects are refused beforehand by
    # acceptNavigationRequest (see test_redirect_to_a_forbidden_host_is_stopped_before_it_leaves).
    allowed.route("/bounce.js", b"", "text/plain", status=302, Location=forbidden.url("/x.js"))
    allowed.page(
        "/",
        "allowed",
        "<script>window.outcome = 'pending';</script><script src='/bounce.js'"
        " onload=\"outcome = 'loaded'\" onerror=\"outcome = 'blocked'\"></script>",
    )
    open_portal(qtbot, view, allowed, title="allowed")
    wait_js(qtbot, view, "window.outcome !== 'pending'")
    assert js(qtbot, view, "window.outcome") == "blocked"
    assert view.page.title() == "allowed"  # the forbidden script did not run
    assert view.interceptor.blocked >= 1


def test_a_preconnect_hint_sends_no_request(qtbot, view, allowed, forbidden):
    # Known limit: Chromium opens a bare socket for <link rel=preconnect> without asking the request interceptor
    # or any other QtWebEngine hook (and --host-resolver-rules has no effect in this build), so the forbidden
    # server may see a TCP connection; it never receives a request. Egress filtering on the terminal closes this.
    allowed.page(
        "/",
        "allowed",
        f"<link rel='preconnect' href='{forbidden.url()}'><link rel='preconnect' href='{forbidden.url()}' crossorigin>",
    )
    open_portal(qtbot, view, allowed, title="allowed")
    settle(qtbot, 800)
    assert forbidden.requests == []


def test_no_pop_ups_or_new_windows(qtbot, view, allowed, forbidden):
    allowed.page(
        "/",
        "allowed",
        f"""
        <a id="blank" target="_blank" href="/other" style="font-size:40px">new window</a><br>
        <button id="open" style="font-size:40px" onclick="window.popup = window.open('/other')">open</button><br>
        <button id="far" style="font-size:40px" onclick="window.open('{forbidden.url()}')">far</button>""",
    )
    open_portal(qtbot, view, allowed, title="allowed")
    assert js(qtbot, view, "window.open('/other') === null")  # without a user gesture
    click_element(qtbot, view, "blank")  # with one: Qt asks createWindow, which refuses
    qtbot.waitUntil(lambda: view.page.refused_windows >= 1, timeout=WAIT_MS)
    click_element(qtbot, view, "open")
    qtbot.waitUntil(lambda: view.page.refused_windows >= 2, timeout=WAIT_MS)
    click_element(qtbot, view, "far")
    settle(qtbot)
    assert js(qtbot, view, "window.popup === null || window.popup.closed")  # Chromium hands back a closed one
    assert view.page.title() == "allowed"
    assert view.page.url().toString() == allowed.url("/")
    assert "/other" not in allowed.paths()
    assert forbidden.connections == 0
    assert view.findChildren(type(view.web)) == [view.web]  # still the one web view
    settings = view.page.settings()
    attribute = _engine().core.QWebEngineSettings.WebAttribute
    for name in (
        "JavascriptCanOpenWindows",
        "FullScreenSupportEnabled",
        "PluginsEnabled",
        "LocalContentCanAccessRemoteUrls",
        "PdfViewerEnabled",
    ):
        assert not settings.testAttribute(getattr(attribute, name)), name
    assert view.web.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert view.page.devToolsPage() is None


def test_downloads_are_cancelled_and_nothing_is_written(qtbot, view, allowed):
    allowed.route(
        "/report.txt",
        b"secret contents\n",
        "application/octet-stream",
        **{"Content-Disposition": 'attachment; filename="portal-download-test.txt"'},
    )
    allowed.page("/", "allowed", "<a id='dl' href='/report.txt'>get</a> <a id='dl2' href='/report.txt' download>x</a>")
    open_portal(qtbot, view, allowed, title="allowed")
    folder = Path(view.profile.downloadPath())
    before = set(folder.iterdir()) if folder.is_dir() else set()
    seen = []
    view.profile.downloadRequested.connect(seen.append)
    click_element(qtbot, view, "dl")
    qtbot.waitUntil(lambda: view.refused_downloads == 1, timeout=WAIT_MS)
    js(qtbot, view, "document.getElementById('dl2').click()")
    qtbot.waitUntil(lambda: view.refused_downloads == 2, timeout=WAIT_MS)
    settle(qtbot)
    cancelled = _engine().core.QWebEngineDownloadRequest.DownloadState.DownloadCancelled
    assert [download.state() for download in seen] == [cancelled, cancelled]
    after = set(folder.iterdir()) if folder.is_dir() else set()
    assert after == before
    assert not any(path.name.startswith("portal-download-test") for path in after)
    assert view.notice.isVisible() and view.notice.text() == "本机不提供文件下载"
    assert view.page.title() == "allowed"


def test_file_inputs_never_open_a_picker(qtbot, view, allowed):
    allowed.page("/", "allowed", "<input id='file' type='file' style='width:400px;height:80px'>")
    open_portal(qtbot, view, allowed, title="allowed")
    click_element(qtbot, view, "file")
    qtbot.waitUntil(lambda: view.page.refused_pickers == 1, timeout=WAIT_MS)
    assert js(qtbot, view, "document.getElementById('file').files.length") == 0
    mode = _engine().core.QWebEnginePage.FileSelectionMode
    assert view.page.chooseFiles(mode.FileSelectOpen, ["/etc/passwd"], []) == []
    assert view.page.chooseFiles(mode.FileSelectOpenMultiple, [], ["image/*"]) == []
    assert js(qtbot, view, "typeof window.showOpenFilePicker === 'function' ? 'api' : 'none'") in ("api", "none")


def test_permissions_are_denied(qtbot, view, allowed):
    allowed.page(
        "/",
        "allowed",
        """<script>
        window.results = {};
        navigator.geolocation.getCurrentPosition(() => results.geo = 'granted', e => results.geo = e.code);
        Notification.requestPermission().then(p => results.notify = p);
        navigator.mediaDevices.getUserMedia({video: true, audio: true})
          .then(() => results.media = 'granted', e => results.media = e.name);
    </script>""",
    )
    open_portal(qtbot, view, allowed, title="allowed")
    wait_js(qtbot, view, "'geo' in results && 'notify' in results && 'media' in results")
    assert js(qtbot, view, "results.geo") == 1  # PERMISSION_DENIED
    assert js(qtbot, view, "results.notify") == "denied"
    assert js(qtbot, view, "results.media") != "granted"


def test_wipe_forgets_cookies_storage_cache_and_history(qtbot, view, allowed):
    script = "<script src='/cached.js'></script>"
    allowed.route("/cached.js", b"window.cached = true;", "text/javascript", **{"Cache-Control": "max-age=3600"})
    allowed.page(
        "/login",
        "login",
        script + "<script>localStorage.setItem('who', 'resident');</script>",
        headers={"Set-Cookie": "sid=resident-1; Path=/"},
    )
    allowed.page("/echo", "echo", script)
    open_portal(qtbot, view, allowed, "/login", title="login")
    js(qtbot, view, "location.href = '/echo'")
    qtbot.waitUntil(lambda: view.page.title() == "echo", timeout=WAIT_MS)
    echo = [headers for _, path, headers in allowed.requests if path == "/echo"]
    assert echo[-1].get("Cookie") == "sid=resident-1"  # the cookie did work before the wipe
    assert allowed.paths().count("/cached.js") == 1  # and the second page took the script from the cache
    assert view.page.history().count() == 2
    old_profile = view.profile
    seen_before = len(allowed.requests)

    view.wipe()
    assert view.profile is not old_profile and view.profile.isOffTheRecord()
    assert view.page.history().count() <= 1 and not view.back.isEnabled()
    assert view.title.text() == ""
    assert not view.profile.visitedLinksContainsUrl(QUrl(allowed.url("/echo")))
    open_portal(qtbot, view, allowed, "/echo", title="echo")
    after = allowed.requests[seen_before:]
    assert "/echo" in [path for _, path, _ in after]
    # The old page's favicon fetch can still be in flight after the wipe (Chromium asks for it after the load), with
    # the old profile's cookie; what the new profile sends must carry none.
    sent = [(path, "Cookie" in headers) for _, path, headers in after if path != "/favicon.ico"]
    assert not any(cookie for _, cookie in sent), sent
    assert allowed.paths().count("/cached.js") == 2  # the HTTP cache went too
    assert js(qtbot, view, "localStorage.getItem('who')") is None
    assert not view.back.isEnabled()


def test_home_button_asks_for_home(qtbot, view, allowed):
    open_portal(qtbot, view, allowed, title="allowed")
    with qtbot.waitSignal(view.home_requested, timeout=WAIT_MS):
        qtbot.mouseClick(view.home, Qt.MouseButton.LeftButton)


def test_profile_is_off_the_record(qtbot, view):
    assert view.profile.isOffTheRecord()
    assert view.profile.storageName() == ""
    assert view.profile.persistentStoragePath() == "" or not Path(view.profile.persistentStoragePath()).exists()
    assert view.page.profile() is view.profile


def test_non_web_schemes_are_refused(qtbot, view, allowed):
    allowed.page("/", "allowed", "<a id='file' href='file:///etc/passwd'>f</a> <a id='data' href='data:,x'>d</a>")
    open_portal(qtbot, view, allowed, title="allowed")
    page_type = _engine().core.QWebEnginePage
    for url in (
        "file:///etc/passwd",
        "data:text/html,<title>data</title>",
        "javascript:document.title='js'",
        "chrome://settings",
        "view-source:" + allowed.url(),
    ):
        assert not view.page.acceptNavigationRequest(QUrl(url), page_type.NavigationType.NavigationTypeTyped, True)
    for element in ("file", "data"):
        js(qtbot, view, f"document.getElementById('{element}').click()")
    settle(qtbot)
    assert view.page.title() == "allowed"
    for url in ("file:///etc/passwd", "data:text/html,<title>data</title>", "javascript:document.title='js'"):
        view.notice.hide()
        view.open("测试门户", PortalConfig(url, (allowed.host,)))
        assert view.notice.isVisible() and view.notice.text() == "该网页不在本服务范围内"
        settle(qtbot, 200)
        assert view.page.url().toString() in ("", "about:blank")
        assert view.page.title() not in ("data", "js")


def _png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\0\0\0\0\0")  # one filter byte, one RGBA pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


_PNG = _png()
