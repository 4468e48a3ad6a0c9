"""The touch keyboard for an embedded portal's text fields, against real pages served on 127.0.0.1: the page's own
scripts read what the keyboard typed, the keyboard comes and goes with the field's focus, and pages cannot open it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk.config import PortalConfig
from kiosk.ime import PinyinIME
from tests.ui.test_portal import WAIT_MS, Site, js, open_portal, wait_js
from ui.portal import PortalView, _engine
from ui.portal_keyboard import FOCUS_SCRIPT, SCRIPT_NAME, FieldFocus, parse_report
from ui.qt import QPoint, QPushButton, Qt, QUrl
from ui.widgets.keyboard import TouchKeyboard

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"

# Records what the page's own scripts see: every input event with its type, whether composing, and the value.
RECORDER = """<script>
window.seen = [];
document.addEventListener('input', e => seen.push([e.target.id, e.inputType, e.isComposing, e.target.value]), true);
</script>"""
FORM = (
    "<form id='f' action='/found' method='get'>"
    "<input id='q' name='q' style='font-size:28px;width:600px;height:56px'></form>"
    "<p id='away' style='height:200px;font-size:28px'>别处</p>" + RECORDER
)


@pytest.fixture(scope="module")
def ime(ime_dictionary: Path):
    """The terminal's pinyin dictionary (the catalog's words included)."""
    engine = PinyinIME(ime_dictionary)
    yield engine
    engine.close()


@pytest.fixture
def site():
    server = Site()
    yield server
    server.close()


@pytest.fixture
def keyboard(qtbot, ime) -> TouchKeyboard:
    """The window's one touch keyboard, with its dictionary; the portal borrows it."""
    board = TouchKeyboard(ime)
    qtbot.addWidget(board)
    return board


@pytest.fixture
def view(qtbot, keyboard):
    widget = PortalView(keyboard=keyboard)
    gone = []
    widget.destroyed.connect(lambda: gone.append(True))
    qtbot.addWidget(widget, before_close_func=PortalView.wipe)
    widget.resize(1280, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    keyboard.setParent(None)  # the keyboard outlives the view, as in the terminal
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT_MS)


def apart(qtbot, view: PortalView, script: str):
    """Run a script in a world of its own (neither the page's nor the focus script's) and return its result."""
    box = []
    world = _engine().core.QWebEngineScript.ScriptWorldId.UserWorld
    wrapped = f"(r => r === undefined ? 'null' : JSON.stringify(r))(eval({json.dumps(script)}))"
    view.page.runJavaScript(wrapped, world, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return json.loads(box[0])


def painted(qtbot, view: PortalView) -> None:
    """Wait until the renderer has drawn two frames: input sent before that can be dropped."""
    js(qtbot, view, "window.painted = false; requestAnimationFrame(() => requestAnimationFrame(() => painted = true))")
    wait_js(qtbot, view, "window.painted === true")


def tap_at(qtbot, view: PortalView, x: float, y: float) -> None:
    """A real tap (mouse press and release: a user gesture) on the page at CSS pixel (x, y)."""
    qtbot.mouseClick(view.web.focusProxy(), Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))


def center(qtbot, view: PortalView, selector: str) -> tuple[float, float]:
    """The middle of an element of the page, in the view's coordinates."""
    rect = js(
        qtbot,
        view,
        f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
        " return [r.left + r.width / 2, r.top + r.height / 2]; })()",
    )
    return rect[0], rect[1]


def tap(qtbot, view: PortalView, selector: str, until: str) -> None:
    """Tap an element until `until` (a script) is true. The first input a fresh view gets can be dropped by the
    renderer (see tests/ui/test_portal.py click_element): then the tap is repeated."""
    painted(qtbot, view)
    for _ in range(3):
        tap_at(qtbot, view, *center(qtbot, view, selector))
        try:
            qtbot.waitUntil(lambda: js(qtbot, view, until) is True, timeout=3000)
            return
        except qtbot.TimeoutError:
            continue
    raise AssertionError(f"tapping {selector} never made {until} true")


def focus(qtbot, view: PortalView, element_id: str) -> None:
    """Tap a field of the page and wait until it has focus."""
    tap(qtbot, view, f"#{element_id}", f"document.activeElement && document.activeElement.id === '{element_id}'")


def press(qtbot, keyboard: TouchKeyboard, *names: str) -> None:
    """Tap the keys with these objectName suffixes ("a", "space", "backspace", "enter" ...)."""
    for name in names:
        button = keyboard.findChild(QPushButton, f"key_{name}")
        assert button is not None and button.isVisible(), name
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def candidate(keyboard: TouchKeyboard, word: str) -> QPushButton:
    """The candidate bar's button showing `word`."""
    buttons = [keyboard.findChild(QPushButton, f"candidate_{n}") for n in range(20)]
    return next(b for b in buttons if b is not None and b.isVisible() and b.text() == word)


def value(qtbot, view: PortalView, element_id: str) -> str:
    """A field's value as the page's scripts read it."""
    return js(qtbot, view, f"document.getElementById('{element_id}').value")


def wait_value(qtbot, view: PortalView, element_id: str, expected: str) -> None:
    """Wait until the page reads `expected` in the field (the keyboard's events reach the renderer
    asynchronously)."""
    qtbot.waitUntil(lambda: value(qtbot, view, element_id) == expected, timeout=WAIT_MS)


def shown(view: PortalView, keyboard: TouchKeyboard) -> bool:
    """The keyboard is docked under the page, visible, typing into the page."""
    return view.typing.showing() and keyboard.isVisible() and keyboard.parentWidget() is view


def hidden(view: PortalView, keyboard: TouchKeyboard) -> bool:
    """The keyboard is not on the portal (and types into nothing of it)."""
    return not keyboard.isVisible() and not view.typing.showing() and keyboard.target() is not view.typing.sink


# -- the focus reports, without a page -------------------------------------------------------------------------------


def test_reports_are_parsed_strictly():
    focus_report = {"f": "ab12", "e": "focus", "n": 3, "k": "numeric", "s": True, "m": False}
    assert parse_report(json.dumps(focus_report)) == FieldFocus("ab12", 3, "numeric", True, False)
    assert parse_report(json.dumps({"f": "ab12", "e": "blur"})) == "ab12"
    for bad in (
        "",
        "not json",
        "[1, 2]",
        json.dumps({"e": "focus", "n": 1, "k": "text"}),  # no frame
        json.dumps({**focus_report, "k": "anything"}),
        json.dumps({**focus_report, "n": "1"}),
        json.dumps({**focus_report, "e": "open"}),
        json.dumps({**focus_report, "pad": "x" * 600}),
    ):
        assert parse_report(bad) is None, bad
    # The script reports the kind of field only: it never reads a value.
    assert ".value" not in FOCUS_SCRIPT and "textContent" not in FOCUS_SCRIPT and "innerText" not in FOCUS_SCRIPT


# -- typing into a page ----------------------------------------------------------------------------------------------


def test_a_tapped_field_gets_the_keyboard_and_the_page_reads_what_it_types(qtbot, view, keyboard, site):
    site.page("/", "form", FORM)
    site.page("/found", "found", "<p>结果</p>")
    open_portal(qtbot, view, site, title="form")
    assert hidden(view, keyboard)
    height_before = view.web.height()
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    assert keyboard.mode() == "拼音"
    assert keyboard.findChild(QPushButton, "key_enter").isVisible()
    assert keyboard.findChild(QPushButton, "key_enter").text() == "确定"
    assert view.web.height() < height_before  # the page got shorter, the keyboard docks under it
    assert keyboard.geometry().top() >= view.web.geometry().bottom()
    assert keyboard.width() == view.width()

    # Pinyin: the letters show in the field as composing text, the chosen word replaces them.
    press(qtbot, keyboard, "s", "h", "e", "b", "a", "o")
    wait_value(qtbot, view, "q", "shebao")
    assert keyboard.composing() == "shebao"
    assert ["q", "insertCompositionText", True, "shebao"] in js(qtbot, view, "seen")
    qtbot.mouseClick(candidate(keyboard, "社保"), Qt.MouseButton.LeftButton)
    wait_value(qtbot, view, "q", "社保")
    assert keyboard.composing() == ""

    # Letters straight in (ABC), backspace, space.
    press(qtbot, keyboard, "mode")
    assert keyboard.mode() == "ABC"
    press(qtbot, keyboard, "c", "a", "r", "d")
    wait_value(qtbot, view, "q", "社保card")
    press(qtbot, keyboard, "backspace", "backspace")
    wait_value(qtbot, view, "q", "社保ca")
    press(qtbot, keyboard, "space", "k")
    wait_value(qtbot, view, "q", "社保ca k")
    seen = js(qtbot, view, "seen")
    assert ["q", "insertText", False, "社保ca k"] in seen
    assert ["q", "deleteContentBackward", False, "社保ca"] in seen

    # Enter submits the form; the navigation puts the keyboard away.
    press(qtbot, keyboard, "enter")
    qtbot.waitUntil(lambda: view.page.title() == "found", timeout=WAIT_MS)
    assert QUrl(view.page.url()).query(QUrl.ComponentFormattingOption.FullyDecoded) == "q=社保ca+k"
    qtbot.waitUntil(lambda: hidden(view, keyboard), timeout=WAIT_MS)
    assert keyboard.mode() == "拼音"  # the loan gives back the mode it found


def test_backspace_in_pinyin_takes_letters_then_characters_and_clear_empties(qtbot, view, keyboard, site):
    site.page("/", "form", FORM)
    open_portal(qtbot, view, site, title="form")
    js(qtbot, view, "document.getElementById('q').value = '广州'")
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    js(qtbot, view, "(q => q.setSelectionRange(q.value.length, q.value.length))(document.getElementById('q'))")
    press(qtbot, keyboard, "j", "u", "z")
    wait_value(qtbot, view, "q", "广州juz")
    press(qtbot, keyboard, "backspace")
    wait_value(qtbot, view, "q", "广州ju")
    assert keyboard.composing() == "ju"
    press(qtbot, keyboard, "backspace", "backspace")
    wait_value(qtbot, view, "q", "广州")  # the composition is gone ...
    assert keyboard.composing() == ""
    press(qtbot, keyboard, "backspace")
    wait_value(qtbot, view, "q", "广")  # ... and backspace now deletes what was there
    press(qtbot, keyboard, "x", "clear")
    wait_value(qtbot, view, "q", "")
    assert keyboard.composing() == ""


def test_field_kinds_choose_the_mode_and_a_password_is_never_composed(qtbot, view, keyboard, site):
    site.page(
        "/",
        "kinds",
        "<input id='tel' type='tel' style='font-size:28px'><br>"
        "<input id='num' type='number' style='font-size:28px'><br>"
        "<input id='code' inputmode='numeric' style='font-size:28px'><br>"
        "<input id='mail' type='email' style='font-size:28px'><br>"
        "<input id='pw' type='password' style='font-size:28px'><br>"
        "<textarea id='note' style='font-size:28px'></textarea><br>"
        "<div id='rich' contenteditable='true' style='font-size:28px;width:400px;height:60px;border:1px solid'></div>"
        "<input id='box' type='checkbox'>" + RECORDER,
    )
    open_portal(qtbot, view, site, title="kinds")
    focus(qtbot, view, "tel")
    qtbot.waitUntil(lambda: keyboard.mode() == "123" and shown(view, keyboard), timeout=WAIT_MS)
    press(qtbot, keyboard, "1", "3", "8")
    wait_value(qtbot, view, "tel", "138")
    for element_id in ("num", "code"):
        focus(qtbot, view, element_id)
        qtbot.waitUntil(lambda: view.typing.field is not None and view.typing.field.kind == "numeric", timeout=WAIT_MS)
        assert keyboard.mode() == "123" and shown(view, keyboard)
    press(qtbot, keyboard, "4", "2")
    wait_value(qtbot, view, "code", "42")
    focus(qtbot, view, "mail")
    qtbot.waitUntil(lambda: keyboard.mode() == "ABC", timeout=WAIT_MS)

    focus(qtbot, view, "pw")
    qtbot.waitUntil(lambda: view.typing.sink.secret, timeout=WAIT_MS)
    assert keyboard.mode() == "ABC"
    press(qtbot, keyboard, "mode", "mode")  # even in 拼音 a password's letters go straight in
    assert keyboard.mode() == "拼音"
    press(qtbot, keyboard, "s", "e", "c")
    wait_value(qtbot, view, "pw", "sec")
    assert keyboard.composing() == "" and keyboard.candidates() == []
    label = keyboard.findChild(type(keyboard.composing_label), "composingLabel").text()
    assert "sec" not in label and label == "字母、数字直接输入"
    assert all(not composing for _, _, composing, _ in js(qtbot, view, "seen.filter(s => s[0] === 'pw')"))

    focus(qtbot, view, "note")
    qtbot.waitUntil(lambda: keyboard.findChild(QPushButton, "key_enter").text() == "换行", timeout=WAIT_MS)
    assert keyboard.mode() == "拼音" and not view.typing.sink.secret
    press(qtbot, keyboard, "mode", "o", "k", "enter", "n")
    wait_value(qtbot, view, "note", "ok\nn")  # Enter in a textarea is a new line
    tap(qtbot, view, "#rich", "document.activeElement.id === 'rich'")
    qtbot.waitUntil(lambda: view.typing.field is not None and view.typing.field.multiline, timeout=WAIT_MS)
    press(qtbot, keyboard, "g", "d")
    qtbot.waitUntil(lambda: js(qtbot, view, "document.getElementById('rich').textContent") == "gd", timeout=WAIT_MS)

    tap(qtbot, view, "#box", "document.activeElement.id === 'box'")  # a checkbox is no text field
    qtbot.waitUntil(lambda: hidden(view, keyboard), timeout=WAIT_MS)


def test_focus_leaving_the_field_hides_the_keyboard_and_forgets_the_composition(qtbot, view, keyboard, site):
    site.page("/", "form", FORM + "<input id='other' style='font-size:28px'>")
    open_portal(qtbot, view, site, title="form")
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    press(qtbot, keyboard, "s", "h")
    wait_value(qtbot, view, "q", "sh")
    tap(qtbot, view, "#away", "document.activeElement === document.body")
    qtbot.waitUntil(lambda: hidden(view, keyboard), timeout=WAIT_MS)
    assert keyboard.composing() == ""
    assert value(qtbot, view, "q") == "sh"  # Chromium keeps the letters typed so far, as with any input method

    # Focus moving from one field to the next keeps the keyboard up; the letters stay with the first field.
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    press(qtbot, keyboard, "a")
    wait_value(qtbot, view, "q", "sha")
    focus(qtbot, view, "other")
    qtbot.waitUntil(lambda: keyboard.composing() == "" and view.typing.field.number >= 3, timeout=WAIT_MS)
    press(qtbot, keyboard, "b")
    qtbot.waitUntil(lambda: value(qtbot, view, "other") == "b", timeout=WAIT_MS)
    assert value(qtbot, view, "q") == "sha"
    assert shown(view, keyboard)


def test_wipe_hides_the_keyboard_and_the_next_page_gets_no_leftover_text(qtbot, view, keyboard, site):
    site.page("/", "form", FORM)
    open_portal(qtbot, view, site, title="form")
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    press(qtbot, keyboard, "z", "h", "a", "n", "g")
    wait_value(qtbot, view, "q", "zhang")
    assert keyboard.composing() == "zhang"

    view.wipe()  # the session ends with letters still being composed
    assert hidden(view, keyboard)
    assert keyboard.composing() == "" and keyboard.candidates() == []
    open_portal(qtbot, view, site, title="form")
    assert value(qtbot, view, "q") == ""
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    press(qtbot, keyboard, "l")
    wait_value(qtbot, view, "q", "l")
    assert keyboard.composing() == "l"
    assert js(qtbot, view, "seen.map(s => s[3])") == ["l"]  # nothing of the last resident arrived first


def test_the_back_button_and_leaving_the_portal_put_the_keyboard_away(qtbot, view, keyboard, site):
    site.page("/", "start", "<a id='next' href='/form'>next</a>")
    site.page("/form", "form", FORM)
    open_portal(qtbot, view, site, title="start")
    js(qtbot, view, "setTimeout(() => document.getElementById('next').click(), 0)")  # navigate after answering
    qtbot.waitUntil(lambda: view.page.title() == "form", timeout=WAIT_MS)
    qtbot.waitUntil(view.back.isEnabled, timeout=WAIT_MS)
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    press(qtbot, keyboard, "x")
    with qtbot.waitSignal(view.load_finished, timeout=WAIT_MS):
        qtbot.mouseClick(view.back, Qt.MouseButton.LeftButton)
        assert hidden(view, keyboard) and keyboard.composing() == ""
    qtbot.waitUntil(lambda: view.page.title() == "start", timeout=WAIT_MS)
    # The title comes with the head; a click before the body is parsed (or the load finished) would be lost.
    wait_js(qtbot, view, "document.readyState === 'complete' && !!document.getElementById('next')")

    js(qtbot, view, "setTimeout(() => document.getElementById('next').click(), 0)")  # navigate after answering
    qtbot.waitUntil(lambda: view.page.title() == "form", timeout=WAIT_MS)
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    given_back = []
    view.typing.loan.home = lambda: given_back.append(keyboard.parentWidget())
    view.hide()  # the session moved to another screen
    assert hidden(view, keyboard) and given_back == [view]


def test_the_focused_field_is_scrolled_above_the_keyboard(qtbot, view, keyboard, site):
    site.page(
        "/",
        "long",
        "<div style='height:600px'>页首</div><input id='low' style='font-size:28px;height:56px'>"
        "<div style='height:1500px'>页尾</div>",
    )
    open_portal(qtbot, view, site, title="long")
    bottom = js(qtbot, view, "document.getElementById('low').getBoundingClientRect().bottom")
    assert bottom < js(qtbot, view, "innerHeight")  # visible before the keyboard comes
    focus(qtbot, view, "low")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    assert view.web.height() < bottom  # where the field was is now under the keyboard
    wait_js(qtbot, view, "innerHeight < 600")  # the page has the new, shorter viewport ...
    # ... and the field was scrolled back into it.
    wait_js(qtbot, view, "(r => r.top >= 0 && r.bottom <= innerHeight)(low.getBoundingClientRect())")
    press(qtbot, keyboard, "mode", "o", "k")
    wait_value(qtbot, view, "low", "ok")


def test_a_field_in_a_frame_from_another_origin(qtbot, view, keyboard, site):
    other = Site()
    try:
        other.page(
            "/login",
            "login",
            "<style>body{margin:0}</style>"
            "<input id='user' style='position:absolute;left:0;top:0;width:300px;height:60px;font-size:28px'>"
            "<script>user.addEventListener('input', () => parent.postMessage(user.value, '*'));</script>",
        )
        site.page(
            "/",
            "framed",
            f"<iframe id='frame' src='{other.url('/login')}' style='border:0;width:400px;height:100px'></iframe>"
            "<script>window.fromFrame = null; addEventListener('message', e => fromFrame = e.data);</script>",
        )
        with qtbot.waitSignal(view.load_finished, timeout=WAIT_MS):
            view.open("测试门户", PortalConfig(site.url(), (site.host, other.host)))
        qtbot.waitUntil(lambda: view.page.title() == "framed", timeout=WAIT_MS)
        painted(qtbot, view)
        left, top = js(qtbot, view, "(r => [r.left, r.top])(document.getElementById('frame').getBoundingClientRect())")
        for _ in range(3):
            tap_at(qtbot, view, left + 150, top + 30)
            try:
                qtbot.waitUntil(lambda: shown(view, keyboard), timeout=3000)
                break
            except qtbot.TimeoutError:
                continue
        frame = view.typing.field.frame
        press(qtbot, keyboard, "mode", "g", "b", "a")
        qtbot.waitUntil(lambda: js(qtbot, view, "window.fromFrame") == "gba", timeout=WAIT_MS)
        js(qtbot, view, "document.body.tabIndex = -1; document.body.focus()")  # focus leaves the frame
        qtbot.waitUntil(lambda: hidden(view, keyboard), timeout=WAIT_MS)
        assert re.fullmatch(r"[0-9a-f]{16}", frame)
    finally:
        other.close()


# -- pages cannot open the keyboard ----------------------------------------------------------------------------------


def test_a_page_cannot_forge_a_focus_report_or_see_the_script(qtbot, view, keyboard, site):
    forged = json.dumps({"f": "0000000000000000", "e": "focus", "n": 1, "k": "text", "s": False, "m": False})
    named = f"console.log('{'0' * 32} ' + {json.dumps(forged)})\n//# sourceURL=userscript:{SCRIPT_NAME}"
    site.page(
        "/",
        "hostile",
        FORM
        + f"""<script>
        // Guessed nonces, one with the user script's own source name, and a report without a nonce.
        for (let i = 0; i < 200; i++) console.log(i.toString(16).padStart(32, '0') + ' ' + {json.dumps(forged)});
        eval({json.dumps(named)});
        console.log({json.dumps(forged)});
        // Synthetic focus events, and focus the page gives without a tap (as autofocus does).
        const q = document.getElementById('q');
        q.dispatchEvent(new FocusEvent('focusin', {{bubbles: true}}));
        q.dispatchEvent(new FocusEvent('focus'));
        q.focus();
        // What the page can see of the script: nothing. And it cannot break it by replacing what it uses.
        document.body.dataset.probe = [typeof NONCE, typeof frame, typeof send, typeof describe].join();
        console.log = () => {{}};
        JSON.stringify = () => '{{}}';
        EventTarget.prototype.addEventListener = () => {{}};
        window.done = true;
        </script>""",
    )
    reports = []
    open_portal(qtbot, view, site, title="hostile")
    view.page.focus_reported.connect(reports.append)
    # The page broke JSON.stringify for its own world, so the checks run in a third one (the DOM is shared).
    qtbot.waitUntil(lambda: apart(qtbot, view, "document.body.dataset.probe || ''") != "", timeout=WAIT_MS)
    assert apart(qtbot, view, "document.activeElement.id") == "q"  # focused by the page's script ...
    assert apart(qtbot, view, "document.body.dataset.probe") == ",".join(["undefined"] * 4)
    assert view.page.focus_nonce not in apart(qtbot, view, "document.documentElement.outerHTML")
    assert re.fullmatch(r"[0-9a-f]{32}", view.page.focus_nonce)
    apart(qtbot, view, "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert hidden(view, keyboard)  # ... which opens no keyboard, and nothing forged got through
    assert reports == []

    # The resident taps the (already focused) field: the isolated script still reports, through its own console
    # and JSON, which the page's replacements do not reach.
    for _ in range(3):  # as tap(), in the third world
        where = (
            "(r => [r.left + r.width / 2, r.top + r.height / 2])(document.getElementById('q').getBoundingClientRect())"
        )
        rect = apart(qtbot, view, where)
        tap_at(qtbot, view, *rect)
        try:
            qtbot.waitUntil(lambda: shown(view, keyboard), timeout=3000)
            break
        except qtbot.TimeoutError:
            continue
    assert shown(view, keyboard)
    assert len(reports) == 1 and isinstance(parse_report(reports[0]), FieldFocus)
    assert view.page.focus_nonce not in reports[0]
    press(qtbot, keyboard, "mode", "o", "k")
    qtbot.waitUntil(lambda: apart(qtbot, view, "document.getElementById('q').value") == "ok", timeout=WAIT_MS)

    # Every page has its own nonce.
    before = view.page.focus_nonce
    open_portal(qtbot, view, site, title="hostile")
    assert view.page.focus_nonce != before


def test_the_page_console_never_reaches_the_logs(qtbot, view, keyboard, site, qtlog, caplog, capfd):
    secret = "440112199003070025"  # what a careless portal might print about the resident
    site.page(
        "/",
        "chatty",
        FORM + f"<script>console.error('居民 {secret}'); console.log('typed {secret}'); window.done = 1;</script>",
    )
    open_portal(qtbot, view, site, title="chatty")
    wait_js(qtbot, view, "window.done === 1")
    # A focus report comes from the same renderer after the page's messages: once it is here, they are too.
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    assert not any(secret in record.message for record in qtlog.records)
    assert secret not in caplog.text
    out, err = capfd.readouterr()
    assert secret not in out + err


# -- in the terminal's window: fit, elderly mode, portrait, and what it looks like -----------------------------------

# A stand-in for a provincial service portal's start page: a search box near the top, a login form lower down.
PORTAL_PAGE = """
<style>
  body { margin: 0; font-family: 'Noto Sans CJK SC', sans-serif; color: #1f2d3d; background: #f3f6fa; }
  input, button { font-family: inherit; }
  header { background: #c8161d; color: white; padding: 18px 40px; font-size: 30px; font-weight: bold; }
  main { padding: 24px 40px; }
  .search { display: flex; gap: 12px; }
  .search input { flex: 1; font-size: 26px; padding: 12px 18px; border: 2px solid #c8161d; border-radius: 8px; }
  .search button, form button { font-size: 26px; padding: 0 28px; color: white; background: #c8161d;
    border: none; border-radius: 8px; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; margin: 24px 0; }
  .tiles div { background: white; border-radius: 10px; padding: 26px; font-size: 24px; text-align: center; }
  form { background: white; border-radius: 10px; padding: 20px 24px; font-size: 24px; }
  form input { font-size: 24px; padding: 8px 12px; margin: 8px 0 16px; width: 90%; }
</style>
<header>粤省事 · 广东政务服务（测试页）</header>
<main>
  <form class="search" action="/search"><input id="q" name="q" placeholder="搜索服务，如：社保、公积金">
    <button>搜索</button></form>
  <div class="tiles"><div>社保查询</div><div>公积金</div><div>出入境</div><div>居住证</div><div>不动产</div>
    <div>税务</div><div>婚姻登记</div><div>医保</div></div>
  <form action="/login"><div>手机号</div><input id="phone" type="tel"><div>密码</div><input id="pw" type="password">
    <button>登录</button></form>
</main>"""


@pytest.fixture
def portal_window(qtbot, store, ime_dictionary, tmp_path, site):
    """The terminal's window as the app builds it, its 粤省事 module pointing at the local test portal."""
    import shutil

    from kiosk.config import load_config
    from ui.app import build_services, build_window, ime_path

    site.page("/", "粤省事", PORTAL_PAGE)
    config = load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"),
            "KIOSK_PORTAL_YSS_URL": site.url("/"),
            "KIOSK_PORTAL_YSS_HOSTS": site.host,
        }
    )
    ime_path(config).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ime_dictionary, ime_path(config))
    services = build_services(config, store, background=False)
    services.pop("voice")
    services.pop("devices").close()
    win = build_window(config, store, services)
    gone = []
    win.destroyed.connect(lambda: gone.append(True))
    qtbot.addWidget(win)
    yield win
    win.allow_close = True
    win.session.end("finish")  # wipes the portal: its pages go before their profiles
    win.close()
    win.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT_MS)  # now, not at interpreter exit where Qt warns


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_keyboard_fits_the_portal_in_every_mode(qtbot, portal_window, clipped, size, elderly):
    win = portal_window
    keyboard = win.ctx.services["keyboard"]
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.session.go("start")
    win.session.set_elderly(elderly)
    win.session.open_module("portal_yss")
    view = win.portal
    qtbot.waitUntil(lambda: view.page.title() == "粤省事", timeout=WAIT_MS)
    assert view.elderly is elderly and view.portrait is (size[1] > size[0])  # what fitting_scale reads
    focus(qtbot, view, "q")
    qtbot.waitUntil(lambda: shown(view, keyboard), timeout=WAIT_MS)
    press(qtbot, keyboard, "s", "h", "e", "b", "a", "o")
    wait_value(qtbot, view, "q", "shebao")
    qtbot.wait(50)  # let the posted layout requests run, as the event loop does before painting

    width, portrait = size[0], size[1] > size[0]

    def expected_scale(elderly: bool) -> float:
        """Elderly portrait: as large as the width allows, up to 1.5x; else 1x (as KeyboardLoan.fitting_scale)."""
        natural = keyboard.minimumSizeHint().width() / keyboard.scale()
        return max(1.0, min(1.5, (width - 8) / natural)) if elderly and portrait else 1.0

    assert keyboard.width() == width and keyboard.minimumSizeHint().width() <= width
    assert keyboard.scale() == pytest.approx(expected_scale(elderly), abs=0.01)
    assert keyboard.scale() > 1.0 if elderly and portrait else keyboard.scale() == 1.0
    area = keyboard.rect()
    for button in (b for b in keyboard.findChildren(QPushButton) if b.isVisible()):
        inside = button.rect().translated(button.mapTo(keyboard, button.rect().topLeft()))
        assert area.contains(inside), button.objectName()
        assert button.height() >= 90 and button.width() >= 90, button.objectName()  # big touch targets
    assert keyboard.mapTo(win, keyboard.rect().bottomLeft()).y() < win.height()
    assert view.home.isVisible() and view.web.height() > 200  # the page keeps room, the way home stays
    assert clipped(win) == []
    wait_js(qtbot, view, "(r => r.top >= 0 && r.bottom <= innerHeight)(q.getBoundingClientRect())")

    painted(qtbot, view)
    qtbot.wait(200)  # let the compositor paint the page at its new height before the grab
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"portal_keyboard_{'portrait' if portrait else 'landscape'}{'_elderly' if elderly else ''}.png"
    assert win.grab().save(str(SHOTS / name))

    # The keys' labels fit in the other languages too.
    for language, enter in (("zh_HK", "確定"), ("en", "Enter")):
        win.session.set_language(language)
        qtbot.wait(50)
        assert keyboard.findChild(QPushButton, "key_enter").text() == enter
        assert shown(view, keyboard) and clipped(win) == [], language
    win.session.set_language("zh_CN")
    # Elderly mode switched with the keyboard up: the keys follow.
    win.session.set_elderly(not elderly)
    assert shown(view, keyboard) and keyboard.scale() == pytest.approx(expected_scale(not elderly), abs=0.01)
    win.session.set_elderly(elderly)
    assert keyboard.scale() == pytest.approx(expected_scale(elderly), abs=0.01)

    # Leaving the portal gives the keyboard back to the search screen, in its own mode and typing into its box.
    win.session.go("home")
    assert hidden(view, keyboard)
    assert keyboard.composing() == ""
    win.session.open_module("search")
    assert keyboard.parentWidget() is win.browse and keyboard.target() is win.browse.search


def test_a_view_of_its_own_knows_its_orientation_and_elderly_mode(qtbot, view):
    view.resize(600, 900)
    assert view.portrait and not view.elderly
    view.setProperty("elderly", True)  # as the window sets it
    assert view.elderly
    view.resize(900, 600)
    assert not view.portrait
