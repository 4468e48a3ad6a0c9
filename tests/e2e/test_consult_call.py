"""A video consultation end to end: the terminal's window (its consult screen, the call client, the face camera
simulator behind the real OpenCV driver) calls through a real hub on 127.0.0.1, and a clerk peer (aiortc over the
clerk's WebSocket, logged in through the console) accepts. Video and audio flow both ways, a pushed guide reaches
the screen, the resident refuses recording, and hanging up leaves nothing behind: no call on the hub, no peer
connection, the camera closed. A network cut in the middle of a call (a TCP relay between the terminal and the hub
drops every connection) is resumed within the hub's grace with a new offer, and the picture comes back.

The hub is served in-process with uvicorn's WebSocket protocol on, as tests/hub does (hub/server.py configures
ws="none", so `kiosk hub serve` does not accept WebSockets yet)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import requests
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack
from av import VideoFrame
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from hub.app import create_app
from hub.clerks import add_clerk
from hub.consult_ws import ConsultSettings
from hub.server import ServerThread
from hub.terminals import add_terminal
from kiosk.config import load_config
from kiosk.consult.media import RemoteVideo, SpeakerPlayer
from kiosk.session import Screen
from ui.app import build_services, build_window, ime_path
from ui.qt import QApplication, Qt

CLERK, PASSWORD = "王晓明", "consult password 1"
TERMINAL = "hp-consult-01"


@pytest.fixture
def consult_hub(tmp_path: Path, bundle_path: Path) -> Iterator[tuple[str, Any]]:
    """The real hub (consult desk, clerk console) with one clerk: (base URL, app)."""
    app = create_app(
        f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        key_path=tmp_path / "hub.key",
        catalog_bundle=bundle_path,
        consult=ConsultSettings(recordings_dir=tmp_path / "recordings"),
    )
    add_clerk(app.fastapi.state.hub.engine, CLERK, PASSWORD)
    server = ServerThread(app)
    server.server.config.ws = "websockets-sansio"  # see the module's docstring
    url = server.start()
    try:
        yield url, app
    finally:
        server.stop()


class Relay:
    """A TCP relay on 127.0.0.1 in front of the hub whose connections can all be cut at once (the network drops)."""

    def __init__(self, upstream: str):
        host, port = upstream.removeprefix("http://").split(":")
        self.upstream = (host, int(port))
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.upstream)
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, target: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                target.sendall(chunk)
        except OSError:
            pass
        for sock in (source, target):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        """Drop every connection, as a network outage does (new ones go through again)."""
        with self.lock:
            sockets, self.sockets = self.sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self.listener.close()
        self.cut()


class Pattern(VideoStreamTrack):
    """The clerk's camera: a plain picture at 30 fps."""

    async def recv(self) -> VideoFrame:
        pts, time_base = await self.next_timestamp()
        frame = VideoFrame.from_ndarray(np.full((480, 640, 3), (40, 120, 200), np.uint8), format="bgr24")
        frame.pts, frame.time_base = pts, time_base
        return frame


class Clerk:
    """A clerk's browser reduced to its protocol: the console login, the clerk WebSocket (the hub's own Origin and
    the session cookie), and an aiortc peer answering the terminal's offers."""

    def __init__(self, url: str):
        web = requests.Session()
        form = web.get(url + "/clerk/login", timeout=10).text
        csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        reply = web.post(url + "/clerk/login", data={"name": CLERK, "password": PASSWORD, "csrf": csrf}, timeout=10)
        assert reply.url.endswith("/clerk/"), reply.text
        self.url, self.cookie = url, web.cookies["hub_session"]
        self.inbox: list[dict[str, Any]] = []
        self.pc: RTCPeerConnection | None = None
        self.video = RemoteVideo(None)
        self.audio = SpeakerPlayer(use_device=False)
        self.playing: asyncio.Future | None = None
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.run(self._connect())

    def run(self, coro, timeout: float = 20.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    async def _connect(self) -> None:
        self.ws = await connect(
            self.url.replace("http://", "ws://") + "/clerk/consult/ws",
            additional_headers={"Cookie": f"hub_session={self.cookie}"},
            origin=self.url,
            proxy=None,
        )
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                message = json.loads(raw)
                self.inbox.append(message)
                if message["type"] == "ping":
                    await self.ws.send(json.dumps({"type": "pong"}))
                elif message["type"] == "offer":
                    await self._answer(message)
        except ConnectionClosed:
            pass

    async def _answer(self, offer: dict[str, Any]) -> None:
        if self.pc is not None:
            await self.pc.close()
        pc = self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))

        @pc.on("track")
        def on_track(track) -> None:
            if track.kind == "video":
                self.video.start(track)
                pc.addTrack(Pattern())
            else:
                self.playing = asyncio.ensure_future(self.audio.start(track))
                pc.addTrack(AudioStreamTrack())

        await pc.setRemoteDescription(RTCSessionDescription(offer["sdp"], "offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        await self.ws.send(json.dumps({"type": "answer", "call_id": offer["call_id"], "sdp": pc.localDescription.sdp}))

    def send(self, **message: Any) -> None:
        self.run(self.ws.send(json.dumps(message, ensure_ascii=False)))

    def got(self, kind: str, **fields: Any) -> dict[str, Any] | None:
        """The first message of this type (with these field values) so far."""
        for message in list(self.inbox):
            if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
                return message
        return None

    def close(self) -> None:
        async def stop() -> None:
            self.video.close()
            self.audio.close()
            if self.pc is not None:
                await self.pc.close()
            await self.ws.close()
            await asyncio.gather(self.reader, return_exceptions=True)

        self.run(stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def clerk(consult_hub) -> Iterator[Clerk]:
    """The clerk, logged in with the consult page's socket open."""
    peer = Clerk(consult_hub[0])
    yield peer
    peer.close()


@pytest.fixture
def relay(consult_hub) -> Iterator[Relay]:
    """The network between the terminal and the hub."""
    network = Relay(consult_hub[0])
    yield network
    network.close()


@pytest.fixture
def terminal(qtbot, consult_hub, relay, store, ime_dictionary: Path, tmp_path: Path):
    """The terminal's window as the app builds it (its services, simulated devices), reaching the hub through the
    relay."""
    app = consult_hub[1]
    token_file = tmp_path / "hub-token"
    token_file.write_text(add_terminal(app.fastapi.state.hub.engine, TERMINAL))
    config = load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"),
            "KIOSK_HUB_URL": relay.url,
            "KIOSK_HUB_TOKEN_FILE": str(token_file),
            "KIOSK_HUB_SERVE_LOCAL": "false",
        }
    )
    ime_path(config).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ime_dictionary, ime_path(config))  # built once per session, not for every test
    services = build_services(config, store, background=False)
    services.pop("voice", None)
    win = build_window(config, store, services)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.end("finish")
    qtbot.waitUntil(lambda: win.face.camera_jobs.idle(), timeout=10_000)
    win.allow_close = True
    services["devices"].close()
    services["outbox"].close()


def wait(qtbot, predicate: Callable[[], Any], timeout: int = 15_000) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)


def test_a_resident_talks_with_a_clerk_through_the_hub(qtbot, terminal, clerk, consult_hub, store):
    win, app = terminal, consult_hub[1]
    desk = app.fastapi.state.consult
    item_id = next(r["id"] for r in store.records() if store.item(r["id"]).self_service)
    win.session.go("start")
    win.session.open_module("search")
    win.session.go("open_item", item_id=item_id)
    QApplication.processEvents()
    assert win.item.consult_button.isVisible()
    qtbot.mouseClick(win.item.consult_button, Qt.MouseButton.LeftButton)
    assert win.session.screen == Screen.CONSULT
    screen, flow = win.consult.screen, win.session.data.consult

    # In the queue: the clerk sees the terminal waiting, with the item asked about.
    wait(qtbot, lambda: flow.phase == "queued")
    assert screen.pages.currentWidget() is screen.queue_page and "1" in screen.place.text()
    wait(qtbot, lambda: [m for m in clerk.inbox if m["type"] == "waiting" and m["calls"]])
    waiting = [m for m in clerk.inbox if m["type"] == "waiting" and m["calls"]][-1]["calls"][0]
    assert waiting["terminal_id"] == TERMINAL and waiting["item"]["id"] == item_id
    wait(qtbot, lambda: screen.preview.image is not None)  # the resident sees the camera's picture meanwhile

    # Accepted: the offer goes through the hub, the media flows both ways.
    accepted_at = time.monotonic()
    clerk.send(type="accept")
    wait(qtbot, lambda: flow.phase == "in_call")
    assert screen.pages.currentWidget() is screen.call_page and "王*" in screen.clerk_label.text()
    client = win.consult.client
    wait(qtbot, lambda: screen.remote_view.image is not None)
    first_frame_s = time.monotonic() - accepted_at
    wait(qtbot, lambda: clerk.video.frames_received >= 15 and client.stats()["frames_received"] >= 15)
    wait(qtbot, lambda: clerk.audio.frames_received >= 25 and client.stats()["audio_frames_received"] >= 25)
    assert clerk.video.size == (640, 480)  # the face camera simulator's picture, as the driver reads it
    stats = client.stats()
    assert stats["first_remote_frame_ms"] is not None  # a first frame was timed; its speed: bench/consult
    call_id = clerk.got("assigned")["call_id"]

    # A guide pushed by the clerk shows over the call; a tap closes it.
    clerk.send(type="push", call_id=call_id, kind="guide", item_id=item_id)
    wait(qtbot, lambda: screen.stage.currentWidget() is screen.push_panel)
    assert screen.push_title.text() == store.item(item_id).name
    assert "需要带的材料" in screen.push_body.toPlainText()
    qtbot.mouseClick(screen.push_close, Qt.MouseButton.LeftButton)
    assert screen.stage.currentWidget() is screen.remote_view and flow.pushed is None

    # The clerk asks to record; the resident says no; the hub knows there is no consent.
    clerk.send(type="record_request", call_id=call_id)
    wait(qtbot, lambda: screen.record_overlay.isVisible())
    qtbot.mouseClick(screen.record_no, Qt.MouseButton.LeftButton)
    assert not screen.record_overlay.isVisible() and flow.record_granted is False
    wait(qtbot, lambda: clerk.got("record_consent"))
    assert clerk.got("record_consent")["granted"] is False
    assert desk.call(call_id).consent is False

    # Hanging up: the clerk is told, the hub ends the call, the terminal lets go of everything.
    pc = client.pc
    qtbot.mouseClick(screen.hangup_button, Qt.MouseButton.LeftButton)
    wait(qtbot, lambda: clerk.got("hangup"))
    assert clerk.got("hangup")["reason"] == "resident"
    wait(qtbot, lambda: flow.phase == "ended")
    assert screen.pages.currentWidget() is screen.end_page
    wait(qtbot, lambda: desk.live_calls() == 0)
    assert win.consult.client is None and pc.connectionState == "closed"
    wait(qtbot, lambda: win.face.camera_jobs.idle() and not win.consult.camera().running)
    assert desk.records[-1].reason == "resident" and desk.records[-1].handled_s is not None
    print(
        f"\nconsult e2e: accept -> first clerk frame on screen {first_frame_s * 1000:.0f} ms "
        f"(client {stats['first_remote_frame_ms']} ms); fps clerk->terminal {stats['fps_received']}, "
        f"terminal->clerk {stats['fps_sent']}"
    )
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert win.session.screen == Screen.ITEM


def test_a_call_survives_a_network_cut(qtbot, terminal, clerk, relay, consult_hub):
    win, desk = terminal, consult_hub[1].fastapi.state.consult
    win.session.go("start")
    win.session.open_module("consult")
    screen, flow = win.consult.screen, win.session.data.consult
    wait(qtbot, lambda: flow.phase == "queued")
    clerk.send(type="accept")
    wait(qtbot, lambda: flow.phase == "in_call")
    wait(qtbot, lambda: clerk.video.frames_received >= 5)
    call_id = clerk.got("assigned")["call_id"]

    cut_at = time.monotonic()
    relay.cut()
    wait(qtbot, lambda: flow.phase == "reconnecting")
    assert screen.call_status.property("role") == "warning"
    wait(qtbot, lambda: clerk.got("peer_back"))  # the terminal came back with resume, within the grace
    wait(qtbot, lambda: flow.phase == "in_call")
    offers = [m for m in clerk.inbox if m["type"] == "offer"]
    assert len(offers) == 2 and all(m["call_id"] == call_id for m in offers)
    received = clerk.video.frames_received
    wait(qtbot, lambda: clerk.video.frames_received > received + 10)
    wait(qtbot, lambda: screen.remote_view.image is not None)
    back_s = time.monotonic() - cut_at
    assert desk.call(call_id) is not None and win.consult.client.stats()["reconnects"] == 1
    print(f"\nconsult e2e: network cut -> clerk on screen again in {back_s * 1000:.0f} ms")
    clerk.send(type="hangup", call_id=call_id, reason="done")
    wait(qtbot, lambda: flow.phase == "ended")
    assert "感谢" in screen.end_text.text()
    wait(qtbot, lambda: desk.live_calls() == 0)
