"""The terminal's consult signalling and call client against a scripted hub on 127.0.0.1 (a real WebSocket server
speaking the contract's terminal side, with an aiortc clerk answering offers): message checks, the token, pings,
a dropped link resumed within the window (with a new offer), a lost one, and a whole call's events."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack
from av import VideoFrame
from websockets.asyncio.server import ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Response

from kiosk.consult.call import ConsultClient
from kiosk.consult.media import RemoteVideo
from kiosk.consult.signalling import PATH, Signalling, SignallingError, encode, parse, ws_url

TOKEN = "hp-test-01.secret"


class Pattern(VideoStreamTrack):
    """The clerk's camera: a plain orange picture at 30 fps."""

    async def recv(self) -> VideoFrame:
        pts, time_base = await self.next_timestamp()
        frame = VideoFrame.from_ndarray(np.full((240, 320, 3), (30, 140, 230), np.uint8), format="bgr24")
        frame.pts, frame.time_base = pts, time_base
        return frame


class ScriptedHub:
    """A WebSocket server with the hub's terminal endpoint: queues on join, resumes on resume, and its clerk (aiortc)
    answers every offer with a new connection; anything else the test sends itself."""

    def __init__(self, answer_offers: bool = True):
        self.answer_offers = answer_offers
        self.received: list[dict[str, Any]] = []
        self.auth: list[str] = []
        self.connections: list[ServerConnection] = []
        self.accepting = True
        self.close_code: int | None = None  # close every new connection at once with this code
        self.refuse_join = False
        self.clerk_pc: RTCPeerConnection | None = None
        self.clerk_video = RemoteVideo(None)
        self.offers = 0
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = self.run(self._start())
        self.url = f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"

    def run(self, coro, timeout: float = 10.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    async def _start(self):
        return await serve(self._handle, "127.0.0.1", 0, process_request=self._check, compression=None)

    def _check(self, connection: ServerConnection, request) -> Response | None:
        self.auth.append(request.headers.get("Authorization", ""))
        if request.path != PATH:
            return connection.respond(404, "no such endpoint\n")
        if not self.accepting:
            return Response(503, "Service Unavailable", Headers(), b"")
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return connection.respond(401, "a valid terminal token is required\n")
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        self.connections.append(ws)
        if self.close_code is not None:
            await ws.close(self.close_code, "refused")
            return
        with contextlib.suppress(ConnectionClosed):  # the tests drop connections on purpose
            async for raw in ws:
                message = json.loads(raw)
                self.received.append(message)
                await self._auto(ws, message)

    async def _auto(self, ws: ServerConnection, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "join" and self.refuse_join:
            await ws.send(json.dumps({"type": "error", "detail": "already in the queue or a call"}))
        elif kind == "join":
            await ws.send(json.dumps({"type": "queued", "call_id": "call-0001", "position": 2, "expected_wait_s": 360}))
        elif kind == "resume":
            await ws.send(json.dumps({"type": "resumed", "call_id": message["call_id"]}))
        elif kind == "offer" and self.answer_offers:
            self.offers += 1
            sdp = await self._clerk_answer(message["sdp"])
            await ws.send(json.dumps({"type": "answer", "call_id": message["call_id"], "sdp": sdp}))

    async def _clerk_answer(self, offer: str) -> str:
        if self.clerk_pc is not None:
            await self.clerk_pc.close()  # a resumed terminal offers from a new connection: so does the clerk
        pc = self.clerk_pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))

        @pc.on("track")
        def on_track(track) -> None:
            if track.kind == "video":
                self.clerk_video.close()
                self.clerk_video.start(track)
                pc.addTrack(Pattern())
            else:
                pc.addTrack(AudioStreamTrack())

        await pc.setRemoteDescription(RTCSessionDescription(offer, "offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        return pc.localDescription.sdp

    def send(self, **message: Any) -> None:
        """Send to the terminal's newest connection."""
        self.run(self.connections[-1].send(json.dumps(message)))

    def send_raw(self, text: str) -> None:
        """Send a frame as is (to break the contract on purpose)."""
        self.run(self.connections[-1].send(text))

    def drop(self) -> None:
        """The network goes: every connection is cut without a closing handshake."""
        for ws in self.connections:
            self.loop.call_soon_threadsafe(ws.transport.abort)

    def wait_for(self, kind: str, count: int = 1, timeout: float = 10.0) -> dict[str, Any]:
        """The `count`-th message of `kind` from the terminal."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [m for m in self.received if m["type"] == kind]
            if len(found) >= count:
                return found[count - 1]
            time.sleep(0.02)
        raise AssertionError(f"no {kind} #{count}; got {[m['type'] for m in self.received]}")

    def close(self) -> None:
        async def stop() -> None:
            if self.clerk_pc is not None:
                await self.clerk_pc.close()
            self.clerk_video.close()
            self.server.close()
            await self.server.wait_closed()

        self.run(stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def hub():
    scripted = ScriptedHub()
    yield scripted
    scripted.close()


class Events:
    """What a call client told its listener, with waiting."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    def __call__(self, event: dict[str, Any]) -> None:
        self.seen.append(event)

    def types(self) -> list[str]:
        return [e["type"] for e in self.seen]

    def wait_for(self, kind: str, count: int = 1, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [e for e in list(self.seen) if e["type"] == kind]
            if len(found) >= count:
                return found[count - 1]
            time.sleep(0.02)
        raise AssertionError(f"no {kind} #{count}; got {self.types()}")


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)


# -- the contract's messages --------------------------------------------------------------------------------------
def test_messages_are_checked_before_they_are_believed():
    assert parse('{"type": "queued", "call_id": "c1", "position": 1, "expected_wait_s": 120}')["position"] == 1
    assert parse('{"type": "push", "call_id": "c1", "kind": "clear"}')["kind"] == "clear"
    accepted = '{"type":"accepted","call_id":"c1","clerk":"王*","ice_servers":[{"urls":["stun:s:3478"]},' \
        '{"urls":"turn:t:3478","username":"u","credential":"p"}]}'  # fmt: skip
    assert parse(accepted)["clerk"] == "王*"
    fresh = {"urls": "turn:t", "username": "1:c1", "credential": "p"}
    resumed = json.dumps({"type": "resumed", "call_id": "c1", "ice_servers": [fresh]})
    assert parse(resumed)["ice_servers"][0]["username"] == "1:c1"  # fresh TURN credentials with a resume
    bad = [
        b'{"type": "ping"}',  # binary
        "not json",
        "[1, 2]",
        '{"kind": "guide"}',
        '{"type": "queued", "call_id": "c1", "position": true, "expected_wait_s": 1}',  # a flag is not a position
        '{"type": "queued", "call_id": "c1", "position": -1, "expected_wait_s": 1}',
        '{"type": "queue", "position": 1}',
        '{"type": "accepted", "call_id": "c1", "clerk": "王*", "ice_servers": [{"urls": []}]}',
        '{"type": "accepted", "call_id": "c1", "clerk": "王*", "ice_servers": [{"urls": "stun:s", "username": 1}]}',
        '{"type": "resumed", "call_id": "c1", "ice_servers": [{"urls": "turn:t", "credential": 5}]}',
        '{"type": "push", "kind": "guide"}',  # no item
        '{"type": "push", "kind": "document", "title": "t"}',  # no text
        '{"type": "push", "kind": "video"}',
        '{"type": "mute", "audio": 1, "video": false}',
        '{"type": "answer", "call_id": "c1"}',
        '{"type": "surprise"}',
        json.dumps({"type": "error", "detail": "x" * 70000}),
    ]
    for raw in bad:
        with pytest.raises(SignallingError):
            parse(raw)
    with pytest.raises(SignallingError):
        encode({"type": "accept"})  # a clerk's message
    with pytest.raises(SignallingError):
        encode({"type": "offer", "call_id": "c1", "sdp": "v=0\r\n" * 20000})
    assert json.loads(encode({"type": "join", "language": "zh_CN", "elderly": True, "item": None}))["elderly"]
    assert ws_url("https://hub.example.gov.cn/") == "wss://hub.example.gov.cn/api/v1/consult/ws"
    assert ws_url("http://127.0.0.1:8700") == "ws://127.0.0.1:8700/api/v1/consult/ws"


# -- the link -----------------------------------------------------------------------------------------------------
def run_link(hub, script: Callable[..., Any], token: str = TOKEN, ends: bool = False, **kwargs: Any):
    """Run a Signalling to the hub on a loop of its own while `script(signalling, got, links, loop)` runs in this
    thread; then close it, unless it `ends` by itself."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    got: list[dict[str, Any]] = []
    links: list[str] = []
    signalling = Signalling(hub.url, token, got.append, links.append, **kwargs)
    outcome = asyncio.run_coroutine_threadsafe(signalling.run(), loop)
    try:
        script(signalling, got, links, loop)
    finally:
        if not ends and not outcome.done():
            asyncio.run_coroutine_threadsafe(signalling.close(), loop).result(5)
        result = outcome.result(15)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
    return result, got, links


def test_the_link_carries_the_token_answers_pings_and_drops_broken_messages(hub):
    def script(signalling, got, links, loop):
        wait_until(lambda: links == ["open"])
        hub.send(type="ping")
        assert hub.wait_for("pong") == {"type": "pong"}
        hub.send_raw('{"type": "queue", "position": "first", "expected_wait_s": 60}')
        hub.send_raw('{"type": "teleport"}')
        assert hub.wait_for("error")["detail"].startswith("unknown message type")
        hub.send(type="queue", position=1, expected_wait_s=60)
        wait_until(lambda: got)
        assert got == [{"type": "queue", "position": 1, "expected_wait_s": 60}]
        assert signalling.invalid == 2

    outcome, _, _ = run_link(hub, script)
    assert outcome == "closed"
    assert hub.auth[0] == f"Bearer {TOKEN}"


def test_a_wrong_token_or_no_hub_ends_the_link_with_a_reason(hub):
    outcome, _, links = run_link(hub, lambda *_: None, token="hp-test-01.wrong", ends=True)
    assert outcome == "unauthorized" and links == []
    hub.close_code = 4401
    outcome, _, _ = run_link(hub, lambda *_: None, ends=True)
    assert outcome == "unauthorized"
    outcome, _, _ = run_link(ScriptedHubAddress("http://127.0.0.1:9"), lambda *_: None, ends=True)
    assert outcome == "unreachable"


class ScriptedHubAddress:
    """Only an address (nothing listens there)."""

    def __init__(self, url: str):
        self.url = url


def test_a_dropped_link_is_resumed_with_the_call_id(hub):
    def script(signalling, got, links, loop):
        wait_until(lambda: links == ["open"])
        signalling.call_id = "call-0001"  # queued: from now on the link is kept
        hub.drop()
        resume = hub.wait_for("resume")
        assert resume == {"type": "resume", "call_id": "call-0001"}
        wait_until(lambda: got and got[-1]["type"] == "resumed")
        assert links[:3] == ["open", "reconnecting", "resuming"]
        assert signalling.reconnects == 1

    outcome, _, _ = run_link(hub, script)
    assert outcome == "closed"


def test_a_link_not_back_within_the_window_is_lost(hub):
    def script(signalling, got, links, loop):
        wait_until(lambda: links == ["open"])
        signalling.call_id = "call-0001"
        hub.accepting = False  # the hub stays out of reach
        hub.drop()

    started = time.monotonic()
    outcome, _, links = run_link(hub, script, ends=True, resume_window=1.0)
    assert outcome == "lost" and "reconnecting" in links
    assert time.monotonic() - started < 5


# -- the call client ----------------------------------------------------------------------------------------------
def test_a_whole_call_queue_accept_media_push_record_mute_hang_up(hub):
    events = Events()
    frames: list[tuple[int, ...]] = []
    client = ConsultClient(hub.url, TOKEN, on_event=events, on_remote_frame=lambda f: frames.append(f.shape))
    try:
        client.start("zh_CN", True, {"id": "hp-00001", "name": "社会保障卡申领"})
        join = hub.wait_for("join")
        assert join == {"type": "join", "language": "zh_CN", "elderly": True,
                        "item": {"id": "hp-00001", "name": "社会保障卡申领"}}  # fmt: skip
        assert events.wait_for("queued") == {"type": "queued", "call_id": "call-0001", "position": 2,
                                             "expected_wait_s": 360}  # fmt: skip
        hub.send(type="queue", position=1, expected_wait_s=180)
        assert events.wait_for("queue")["position"] == 1
        hub.send(type="accepted", call_id="call-0001", clerk="王*", ice_servers=[])
        assert events.wait_for("accepted") == {"type": "accepted", "clerk": "王*"}
        offer = hub.wait_for("offer")
        assert offer["call_id"] == "call-0001"
        assert "a=candidate" in offer["sdp"] and "m=audio" in offer["sdp"] and "m=video" in offer["sdp"]
        events.wait_for("connected")
        wait_until(lambda: len(frames) >= 5 and hub.clerk_video.frames_received >= 5)
        assert frames[0] == (240, 320, 3)
        stats = client.stats()
        assert stats["phase"] == "in_call" and stats["first_remote_frame_ms"] is not None
        assert stats["frames_sent"] >= 5 and stats["audio_frames_sent"] > 0

        hub.send(type="push", call_id="call-0001", kind="document", title="须知", text="请带身份证")
        assert events.wait_for("push") == {"type": "push", "kind": "document", "title": "须知", "text": "请带身份证"}
        hub.send(type="push", call_id="other-call", kind="clear")  # another call's message is not ours
        hub.send(type="mute", call_id="call-0001", audio=True, video=False)
        assert events.wait_for("mute") == {"type": "mute", "audio": True, "video": False}
        assert events.types().count("push") == 1
        hub.send(type="record_request", call_id="call-0001")
        events.wait_for("record_request")
        client.answer_record_request(False)
        assert hub.wait_for("record_consent") == {"type": "record_consent", "granted": False, "call_id": "call-0001"}
        client.set_muted(True, True)
        assert hub.wait_for("mute") == {"type": "mute", "audio": True, "video": True, "call_id": "call-0001"}

        client.hang_up()
        assert hub.wait_for("hangup") == {"type": "hangup", "reason": "resident", "call_id": "call-0001"}
        assert events.wait_for("ended") == {"type": "ended", "reason": "resident"}
        assert events.types()[-1] == "ended"
    finally:
        client.close()
    assert not client._thread.is_alive()


def test_a_call_survives_a_dropped_link_with_a_new_offer(hub):
    events = Events()
    client = ConsultClient(hub.url, TOKEN, on_event=events)
    try:
        client.start("en")
        events.wait_for("queued")
        hub.send(type="accepted", call_id="call-0001", clerk="李*", ice_servers=[])
        events.wait_for("connected")
        hub.drop()
        events.wait_for("reconnecting")
        assert hub.wait_for("resume")["call_id"] == "call-0001"
        second = hub.wait_for("offer", count=2)
        first = hub.wait_for("offer")
        # New ICE credentials: aiortc restarts ICE by a new connection.
        ufrag = next(line for line in second["sdp"].splitlines() if line.startswith("a=ice-ufrag"))
        assert ufrag not in first["sdp"]
        events.wait_for("connected", count=2)
        received = hub.clerk_video.frames_received
        wait_until(lambda: hub.clerk_video.frames_received > received + 3)
        assert client.stats()["reconnects"] == 1
        hub.send(type="hangup", call_id="call-0001", reason="done")
        assert events.wait_for("hangup") == {"type": "hangup", "reason": "done"}
        assert events.wait_for("ended")["reason"] == "done"
    finally:
        client.close()


def test_a_queue_place_survives_a_drop_and_leaving_is_said(hub):
    events = Events()
    client = ConsultClient(hub.url, TOKEN, on_event=events)
    try:
        client.start("zh_HK")
        events.wait_for("queued")
        hub.drop()
        assert hub.wait_for("resume")["call_id"] == "call-0001"
        assert events.wait_for("queue")["position"] == 2  # the place kept
        client.leave()
        assert hub.wait_for("leave") == {"type": "leave"}
        assert events.wait_for("ended")["reason"] == "left"
    finally:
        client.close()


def test_a_lost_link_ends_the_call_and_says_why(hub):
    events = Events()
    client = ConsultClient(hub.url, TOKEN, on_event=events, resume_window=1.0)
    try:
        client.start("zh_CN")
        events.wait_for("queued")
        hub.send(type="accepted", call_id="call-0001", clerk="王*", ice_servers=[])
        events.wait_for("connected")
        hub.accepting = False
        hub.drop()
        assert events.wait_for("error", timeout=8)["detail"] == "lost"
        assert events.wait_for("ended")["reason"] == "lost"
    finally:
        client.close()


def test_media_that_never_connects_is_tried_once_more_then_the_resident_is_told():
    """No route between the two sides (both behind NAT, no TURN server): here the clerk never answers. Each media
    path gets `media_timeout` (aiortc alone would wait about a minute); a call that never had media renegotiates
    once, then ends with error "media" and tells the clerk, without a "reconnecting" in between."""
    hub = ScriptedHub(answer_offers=False)
    events = Events()
    client = ConsultClient(hub.url, TOKEN, on_event=events, media_timeout=1.0)
    try:
        client.start("zh_CN")
        events.wait_for("queued")
        hub.send(type="accepted", call_id="call-0001", clerk="王*", ice_servers=[])
        first = hub.wait_for("offer")
        second = hub.wait_for("offer", count=2, timeout=10)
        assert first["sdp"] != second["sdp"]  # a new connection, new ICE credentials
        assert events.wait_for("error", timeout=10)["detail"] == "media"
        assert events.wait_for("ended")["reason"] == "error"
        assert hub.wait_for("hangup") == {"type": "hangup", "reason": "error", "call_id": "call-0001"}
        assert [m["type"] for m in hub.received].count("offer") == 2
        assert "connected" not in events.types() and "reconnecting" not in events.types()
    finally:
        client.close()
        hub.close()


def test_a_refused_token_or_join_is_an_error_not_a_hang(hub):
    events = Events()
    client = ConsultClient(hub.url, "hp-test-01.wrong", on_event=events)
    try:
        client.start("zh_CN")
        assert events.wait_for("error")["detail"] == "unauthorized"
        assert events.wait_for("ended")["reason"] == "error"
        hub.refuse_join = True
        client.token = TOKEN
        client.start("zh_CN")  # the same client calls again
        assert events.wait_for("error", count=2)["detail"] == "refused"
        assert events.wait_for("ended", count=2)["reason"] == "error"
    finally:
        client.close()
