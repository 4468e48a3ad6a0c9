"""The consult screen offscreen, driven by a call client's events (a stand-in client records what the screen asks
of it; the real client against a real hub is tests/e2e/test_consult_call.py): the ways in, the queue, the call,
pushes, the recording question, reconnecting, the end, leaving, the idle rule during a call, frames from another
thread, and every page fitting in every language, mode and orientation."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kiosk.config import load_config
from kiosk.session import Screen
from ui.app import build_window
from ui.qt import QApplication, Qt


class StubClient:
    """Stands in for kiosk.consult.call.ConsultClient: records calls; the test plays the events."""

    def __init__(self, on_event, on_remote_frame) -> None:
        self.on_event = on_event
        self.on_remote_frame = on_remote_frame
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.closed = threading.Event()

    def start(self, *args: Any) -> None:
        self.calls.append(("start", args))

    def leave(self) -> None:
        self.calls.append(("leave", ()))

    def hang_up(self) -> None:
        self.calls.append(("hang_up", ()))

    def set_muted(self, audio: bool, video: bool) -> None:
        self.calls.append(("set_muted", (audio, video)))

    def answer_record_request(self, granted: bool) -> None:
        self.calls.append(("answer_record_request", (granted,)))

    def close(self) -> None:
        self.closed.set()

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


class Factory:
    """services["consult"]: makes stand-in clients and keeps them."""

    def __init__(self) -> None:
        self.clients: list[StubClient] = []

    def __call__(self, on_event, on_remote_frame) -> StubClient:
        self.clients.append(StubClient(on_event, on_remote_frame))
        return self.clients[-1]

    @property
    def client(self) -> StubClient:
        return self.clients[-1]


@pytest.fixture
def config(tmp_path: Path):
    return load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"),
            "KIOSK_SESSION_IDLE_SECONDS": "10",
            "KIOSK_SESSION_WARNING_SECONDS": "5",
        }
    )


@pytest.fixture
def factory() -> Factory:
    return Factory()


def make_window(qtbot, config, store, services: dict, size=(1920, 1080)):
    win = build_window(config, store, services)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, config, store, factory):
    win = make_window(qtbot, config, store, {"consult": factory})
    yield win
    win.allow_close = True


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def picture(value: int) -> np.ndarray:
    return np.full((480, 640, 3), value, np.uint8)


def self_service_item(store) -> str:
    return next(r["id"] for r in store.records() if store.item(r["id"]).self_service)


def test_the_home_tile_queues_then_leaving_says_so_and_done_goes_back(qtbot, window, factory):
    window.session.go("start")
    qtbot.mouseClick(window.home.tiles["consult"], Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.CONSULT and window.bar.title.text() == "视频咨询"
    client = factory.client
    assert client.calls == [("start", ("zh_CN", False, None))]  # from home: about no item
    screen, flow = window.consult.screen, window.session.data.consult
    assert screen.pages.currentWidget() is screen.queue_page and "正在连接服务中心" in screen.wait.text()
    client.on_event({"type": "queued", "call_id": "c1", "position": 3, "expected_wait_s": 400})
    assert flow.phase == "queued" and screen.place.text() == "您排在第 3 位" and "7 分钟" in screen.wait.text()
    client.on_event({"type": "queue", "position": 1, "expected_wait_s": 60})
    assert screen.place.text() == "您排在第 1 位" and "1 分钟" in screen.wait.text()
    qtbot.mouseClick(screen.leave_button, Qt.MouseButton.LeftButton)
    assert client.names()[-1] == "leave"
    client.on_event({"type": "ended", "reason": "left"})
    assert screen.pages.currentWidget() is screen.end_page and screen.end_text.text() == "您已退出排队。"
    assert client.closed.wait(5) and window.consult.client is None
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.HOME


def test_a_call_from_an_item_guide(qtbot, window, factory, store, text_of):
    item_id = self_service_item(store)
    window.session.go("start")
    window.session.open_module("search")
    window.session.go("open_item", item_id=item_id)
    settle()
    assert window.item.consult_button.isVisible()
    qtbot.mouseClick(window.item.consult_button, Qt.MouseButton.LeftButton)
    client = factory.client
    name = store.item(item_id).name
    assert client.calls[0] == ("start", ("zh_CN", False, {"id": item_id, "name": name}))
    screen, flow = window.consult.screen, window.session.data.consult
    client.on_event({"type": "queued", "call_id": "c1", "position": 1, "expected_wait_s": 180})
    assert name in screen.queue_item.text()
    client.on_event({"type": "accepted", "clerk": "王*"})
    assert screen.pages.currentWidget() is screen.call_page and screen.clerk_label.text() == "工作人员 王*"
    assert "正在接通" in screen.call_status.text()
    client.on_event({"type": "connected"})
    assert flow.phase == "in_call" and "已接通" in screen.call_status.text()

    # The clerk's frames come from the client's thread: a GUI that is behind gets only the newest.
    sender = threading.Thread(target=lambda: [client.on_remote_frame(picture(v)) for v in range(40, 100)])
    sender.start()
    sender.join()
    assert window.consult.relay.dropped >= 58
    settle()
    assert screen.remote_view.image is not None and screen.remote_view.image.pixel(5, 5) & 0xFF == 99

    # The resident's toggles.
    qtbot.mouseClick(screen.mic_button, Qt.MouseButton.LeftButton)
    assert client.calls[-1] == ("set_muted", (True, False)) and screen.mic_button.text() == "打开麦克风"
    qtbot.mouseClick(screen.camera_button, Qt.MouseButton.LeftButton)
    assert client.calls[-1] == ("set_muted", (True, True)) and screen.camera_button.text() == "打开摄像头"
    qtbot.mouseClick(screen.mic_button, Qt.MouseButton.LeftButton)
    assert client.calls[-1] == ("set_muted", (False, True))
    client.on_event({"type": "mute", "audio": True, "video": False})
    assert screen.call_status.text() == "工作人员暂时关闭了麦克风"

    # A pushed document over the call; a tap on its text closes it.
    client.on_event({"type": "push", "kind": "document", "title": "须知", "text": "第一行\n第二行"})
    assert screen.stage.currentWidget() is screen.push_panel and screen.push_title.text() == "须知"
    assert "第二行" in text_of(screen.push_body) and screen.small_caption.text() == "工作人员"
    viewport = screen.push_body.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    assert flow.pushed is None and screen.stage.currentWidget() is screen.remote_view
    client.on_event({"type": "push", "kind": "guide", "item_id": item_id})
    assert screen.push_title.text() == name and "需要带的材料" in text_of(screen.push_body)
    client.on_event({"type": "push", "kind": "clear"})
    assert screen.stage.currentWidget() is screen.remote_view

    # Recording: asked, granted, then withdrawn.
    client.on_event({"type": "record_request"})
    assert screen.record_overlay.isVisible() and screen.record_yes.text() == "同意录像"
    qtbot.mouseClick(screen.record_yes, Qt.MouseButton.LeftButton)
    assert client.calls[-1] == ("answer_record_request", (True,)) and not screen.record_overlay.isVisible()
    assert screen.recording.isVisible() and screen.stop_recording.isVisible()
    qtbot.mouseClick(screen.stop_recording, Qt.MouseButton.LeftButton)
    assert client.calls[-1] == ("answer_record_request", (False,)) and not screen.recording.isVisible()

    # Reconnecting, back, then the clerk ends the call.
    client.on_event({"type": "reconnecting"})
    assert screen.call_status.property("role") == "warning" and "重新连接" in screen.call_status.text()
    assert screen.remote_view.image is None  # no frozen clerk pretending the call goes on
    client.on_event({"type": "connected"})
    assert screen.call_status.property("role") == "instruction"
    client.on_event({"type": "hangup", "reason": "done"})
    client.on_event({"type": "ended", "reason": "done"})
    assert screen.pages.currentWidget() is screen.end_page and "感谢" in screen.end_text.text()
    assert client.closed.wait(5)
    qtbot.mouseClick(screen.again_button, Qt.MouseButton.LeftButton)
    assert len(factory.clients) == 2 and factory.client.calls[0][0] == "start"
    factory.client.on_event({"type": "ended", "reason": "left"})
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.ITEM


def test_a_clerk_by_video_after_the_last_face_try(qtbot, window, factory, store):
    window.session.go("start")
    window.session.open_module("search")
    window.session.go("open_item", item_id=self_service_item(store))
    window.session.go("verify_face")
    window.face.card_timer.stop()
    window.session.data.face.phase = "exhausted"
    window.face.show_phase()
    assert window.face.to_clerk.isVisible() and window.face.to_clerk.text() == "视频连线工作人员"
    qtbot.mouseClick(window.face.to_clerk, Qt.MouseButton.LeftButton)
    assert window.session.screen == Screen.CONSULT
    assert factory.client.calls[0][1][2]["id"] == window.session.data.item_id


def test_leaving_the_screen_or_the_session_ending_leaves_the_queue_or_hangs_up(qtbot, window, factory):
    window.session.go("start")
    window.session.open_module("consult")
    client = factory.client
    client.on_event({"type": "queued", "call_id": "c1", "position": 1, "expected_wait_s": 60})
    qtbot.mouseClick(window.bar.home, Qt.MouseButton.LeftButton)
    assert client.names()[-1] == "leave" and client.closed.wait(5)
    late = {"type": "accepted", "clerk": "王*"}
    client.on_event(late)  # a late event of a call given up changes nothing
    assert window.session.data.consult.phase == "ended" and window.consult.client is None

    window.session.open_module("consult")
    second = factory.client
    second.on_event({"type": "queued", "call_id": "c2", "position": 1, "expected_wait_s": 60})
    second.on_event({"type": "accepted", "clerk": "王*"})
    second.on_event({"type": "connected"})
    window.session.end("timeout")
    assert second.names()[-1] == "leave" and second.closed.wait(5)  # leave hangs up once accepted
    assert window.session.data.consult.phase == "idle"


def test_home_or_back_during_a_call_asks_before_hanging_up(qtbot, window, factory):
    window.session.go("start")
    window.session.open_module("consult")
    client = factory.client
    for event in ({"type": "queued", "call_id": "c1", "position": 1, "expected_wait_s": 60},
                  {"type": "accepted", "clerk": "王*"}, {"type": "connected"}):  # fmt: skip
        client.on_event(event)
    settle()
    screen = window.consult.screen
    qtbot.mouseClick(window.bar.home, Qt.MouseButton.LeftButton)
    assert screen.leave_overlay.isVisible() and window.session.screen == Screen.CONSULT
    assert screen.leave_overlay.question.text() == "结束与工作人员的通话？"
    assert "hang_up" not in client.names() and "leave" not in client.names()
    assert screen.instruction().startswith("结束与工作人员的通话？")  # read aloud, as every question is
    qtbot.mouseClick(screen.leave_overlay.yes, Qt.MouseButton.LeftButton)  # keep talking
    assert not screen.leave_overlay.isVisible() and window.session.data.consult.in_call
    assert "leave" not in client.names()

    qtbot.mouseClick(window.bar.back, Qt.MouseButton.LeftButton)
    assert screen.leave_overlay.isVisible()
    client.on_event({"type": "hangup", "reason": "clerk"})  # the clerk ends it meanwhile: nothing left to ask
    client.on_event({"type": "ended", "reason": "clerk"})
    settle()
    assert not screen.leave_overlay.isVisible() and window.session.screen == Screen.CONSULT
    qtbot.mouseClick(window.bar.home, Qt.MouseButton.LeftButton)  # no call: no question
    assert window.session.screen == Screen.HOME and not screen.leave_overlay.isVisible()

    window.session.open_module("consult")
    second = factory.client
    for event in ({"type": "queued", "call_id": "c2", "position": 1, "expected_wait_s": 60},
                  {"type": "accepted", "clerk": "王*"}, {"type": "connected"}):  # fmt: skip
        second.on_event(event)
    settle()
    qtbot.mouseClick(window.bar.home, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.leave_overlay.no, Qt.MouseButton.LeftButton)  # hang up and leave
    assert window.session.screen == Screen.HOME
    assert second.names()[-1] == "leave" and second.closed.wait(5)


def test_the_idle_reset_waits_while_a_clerk_talks_and_resumes_after(qtbot, window, factory):
    now = [1000.0]
    window.idle.clock = lambda: now[0]
    window.session.go("start")
    window.session.open_module("consult")
    window.idle.touch()
    client = factory.client
    client.on_event({"type": "queued", "call_id": "c1", "position": 1, "expected_wait_s": 60})
    now[0] += 12  # waiting in the queue: the usual rules (the resident may have walked away)
    window.tick()
    assert window.overlay.isVisible()
    window.keep_going()
    client.on_event({"type": "accepted", "clerk": "王*"})
    client.on_event({"type": "connected"})
    for _ in range(30):  # ten minutes of talking, nothing touched
        now[0] += 20
        window.tick()
    assert window.session.screen == Screen.CONSULT and not window.overlay.isVisible()
    client.on_event({"type": "hangup", "reason": "done"})
    client.on_event({"type": "ended", "reason": "done"})
    now[0] += 12
    window.tick()
    assert window.overlay.isVisible()
    now[0] += 10
    window.tick()
    assert window.session.screen == Screen.ATTRACT


def test_without_the_service_the_screen_says_so(qtbot, config, store):
    win = make_window(qtbot, config, store, {})
    win.session.go("start")
    win.session.open_module("consult")
    screen = win.consult.screen
    assert screen.pages.currentWidget() is screen.end_page
    assert screen.end_text.text() == "本机暂未开通视频咨询。" and not screen.again_button.isVisible()
    win.allow_close = True


@pytest.mark.parametrize(
    ("language", "elderly", "size"),
    [
        ("zh_CN", False, (1920, 1080)),
        ("zh_CN", True, (1080, 1920)),
        ("zh_HK", True, (1920, 1080)),
        ("zh_HK", False, (1080, 1920)),
        ("en", True, (1920, 1080)),
        ("en", True, (1080, 1920)),
    ],
)
def test_every_consult_page_fits(qtbot, config, store, factory, clipped, language, elderly, size):
    cfg = replace(config, ui=replace(config.ui, language=language, elderly_default=elderly))
    win = make_window(qtbot, cfg, store, {"consult": factory}, size)
    win.session.go("start")
    win.session.open_module("search")
    win.session.go("open_item", item_id=self_service_item(store))
    settle()
    problems = {"item": clipped(win)}
    win.session.go("consult")
    client = factory.client
    steps = [
        ("queue", {"type": "queued", "call_id": "c1", "position": 12, "expected_wait_s": 2000}),
        ("call", {"type": "accepted", "clerk": "欧阳*"}),
        ("connected", {"type": "connected"}),
        ("push", {"type": "push", "kind": "document", "title": "材料清单", "text": "居民身份证原件\n" * 30}),
        ("record", {"type": "record_request"}),
        ("reconnecting", {"type": "reconnecting"}),
        ("end", {"type": "ended", "reason": "lost"}),
    ]
    for name, event in steps:
        client.on_event(event)
        win.consult.screen.set_remote_frame(picture(90))
        settle()
        problems[name] = clipped(win)
        assert win.size().toTuple() == size, name
        assert win.minimumSizeHint().height() <= size[1] and win.minimumSizeHint().width() <= size[0], name
    win.allow_close = True
    assert {k: v for k, v in problems.items() if v} == {}
