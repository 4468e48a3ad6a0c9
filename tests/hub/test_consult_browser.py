"""A real video consultation: the clerk's page in headless Chromium (Debian's, driven by Playwright, fake camera and
microphone) and a terminal peer in Python (aiortc), through a real hub on 127.0.0.1. Frames and audio flow both ways,
a guide is pushed, a consented recording reaches the hub, and hanging up leaves nothing behind. Prints the call's
setup times and frame rates (bench/consult builds on them)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.clerk_browser import chromium_available, launch, log_in
from bench.consult_peers import bar_frames
from hub.app import create_app
from hub.clerks import add_clerk
from hub.consult_ws import ConsultSettings
from hub.server import ServerThread
from hub.terminals import add_terminal

CLERK, PASSWORD = "王晓明", "consult password 1"
ITEM = {"id": "440112-0001", "name": "城乡居民基本养老保险参保登记"}
SITE = "黄埔邮政大沙地网点"
MEASURE_S = 3.0


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """A hub of the test's own with a clerk: (base URL, app)."""
    app = create_app(
        f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        key_path=tmp_path / "hub.key",
        consult=ConsultSettings(recordings_dir=tmp_path / "recordings"),
    )
    add_clerk(app.fastapi.state.hub.engine, CLERK, PASSWORD)
    server = ServerThread(app)
    url = server.start()
    try:
        yield url, app
    finally:
        server.stop()


@pytest.fixture
def loopback_ice(monkeypatch: pytest.MonkeyPatch) -> None:
    """aioice skips 127.0.0.1; both peers meet on it (Chromium with --allow-loopback-in-peer-connection)."""
    import aioice.ice

    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: ["127.0.0.1"])


def _synthetic_video():
    """A VideoStreamTrack of the moving bar at 30 fps (aiortc paces it)."""
    from aiortc import VideoStreamTrack
    from av import VideoFrame

    frames = bar_frames()

    class MovingBar(VideoStreamTrack):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        async def recv(self) -> VideoFrame:
            pts, time_base = await self.next_timestamp()
            frame = VideoFrame.from_ndarray(frames[self.count % len(frames)], format="bgr24")
            frame.pts, frame.time_base = pts, time_base
            self.count += 1
            return frame

    return MovingBar()


class MinimalPeer:
    """A terminal written against the contract alone: joins, offers once ICE gathering is complete (no trickle)
    with a synthetic picture and silence, consents to recording, counts the frames it receives."""

    def __init__(self, hub_url: str, token: str):
        self.url = hub_url.replace("http://", "ws://") + "/api/v1/consult/ws"
        self.token = token
        self.events: list[dict[str, Any]] = []
        self.changed = asyncio.Condition()
        self.pc: Any = None
        self.video_frames = self.audio_frames = 0
        self.joined_at = self.joined_wall = 0.0
        self.first_frame_at: float | None = None
        self.tasks: list[asyncio.Task] = []
        self.ws: Any = None
        self.accepted: dict[str, Any] = {}

    async def _connect(self) -> None:
        from websockets.asyncio.client import connect

        self.ws = await connect(self.url, additional_headers={"Authorization": f"Bearer {self.token}"}, proxy=None)
        self.tasks.append(asyncio.create_task(self._listen()))

    async def start(self) -> None:
        """Connect and join the queue."""
        await self._connect()
        self.joined_at, self.joined_wall = time.monotonic(), time.time()
        await self.send(type="join", language="zh_CN", elderly=True, item=ITEM, site=SITE)

    async def drop_and_resume(self) -> None:
        """The network drops mid-call: media and socket gone; back on a new socket, `resume`, then a new offer
        from a new peer connection (new ICE and DTLS credentials)."""
        old, self.pc = self.pc, None
        await old.close()
        await self.ws.close()
        await self._connect()
        await self.send(type="resume", call_id=self.accepted["call_id"])
        await self.event("resumed")
        await self._offer(self.accepted)

    async def send(self, **message: Any) -> None:
        """One JSON message to the hub."""
        await self.ws.send(json.dumps(message, ensure_ascii=False))

    async def event(self, kind: str, timeout: float = 20.0) -> dict[str, Any]:
        """The first message of this type received so far or soon."""
        async with asyncio.timeout(timeout), self.changed:
            while True:
                found = [e for e in self.events if e["type"] == kind]
                if found:
                    return found[0]
                await self.changed.wait()

    @property
    def media_closed(self) -> bool:
        """The peer connection is closed."""
        return self.pc is not None and self.pc.connectionState == "closed"

    async def _listen(self) -> None:
        from aiortc import RTCSessionDescription

        async for raw in self.ws:
            message = json.loads(raw)
            kind = message["type"]
            if kind == "ping":
                await self.send(type="pong")
                continue
            if kind == "accepted":
                self.accepted = message
                await self._offer(message)
            elif kind == "answer":
                await self.pc.setRemoteDescription(RTCSessionDescription(message["sdp"], "answer"))
            elif kind == "record_request":
                await self.send(type="record_consent", call_id=message["call_id"], granted=True)
            elif kind == "hangup" and self.pc is not None:
                await self.pc.close()
            async with self.changed:
                self.events.append(message)
                self.changed.notify_all()

    async def _offer(self, accepted: dict[str, Any]) -> None:
        from aiortc import AudioStreamTrack, RTCConfiguration, RTCIceServer, RTCPeerConnection

        servers = [RTCIceServer(**server) for server in accepted["ice_servers"]]
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=servers))
        self.pc.addTrack(_synthetic_video())
        self.pc.addTrack(AudioStreamTrack())

        @self.pc.on("track")
        def on_track(track: Any) -> None:
            self.tasks.append(asyncio.create_task(self._consume(track)))

        await self.pc.setLocalDescription(await self.pc.createOffer())  # aiortc gathers every candidate first
        await self.send(type="offer", call_id=accepted["call_id"], sdp=self.pc.localDescription.sdp)

    async def _consume(self, track: Any) -> None:
        from aiortc.mediastreams import MediaStreamError

        while True:
            try:
                await track.recv()
            except MediaStreamError:
                return
            if track.kind == "video":
                self.first_frame_at = self.first_frame_at or time.monotonic()
                self.video_frames += 1
            else:
                self.audio_frames += 1

    async def close(self) -> None:
        """Close the peer connection, the socket and the tasks."""
        if self.pc is not None:
            await self.pc.close()
        if self.ws is not None:
            await self.ws.close()
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


class BarCamera:
    """A camera driver as kiosk.consult wants one: latest() -> (BGR frame, time), here the moving bar."""

    fps = 30

    def __init__(self) -> None:
        self.frames = bar_frames()

    def latest(self) -> tuple[np.ndarray, float]:
        """The frame of this thirtieth of a second."""
        now = time.monotonic()
        return self.frames[int(now * 30) % len(self.frames)], now


class KioskPeer:
    """The terminal's own client (kiosk.consult.ConsultClient: its own thread and loop), seen the same way."""

    def __init__(self, hub_url: str, token: str):
        from kiosk.consult.call import ConsultClient

        self.events: list[dict[str, Any]] = []
        self.client = ConsultClient(hub_url, token, camera=BarCamera(), on_event=self._on_event, site=SITE)
        self.joined_at = self.joined_wall = 0.0

    def _on_event(self, event: dict[str, Any]) -> None:
        if event["type"] == "record_request":
            self.client.answer_record_request(True)  # what the resident's tap on 同意 does
        self.events.append(event)  # list.append is atomic: read from the test's loop

    async def start(self) -> None:
        """Join the queue."""
        self.joined_at, self.joined_wall = time.monotonic(), time.time()
        self.client.start("zh_CN", elderly=True, item=ITEM)

    async def event(self, kind: str, timeout: float = 20.0) -> dict[str, Any]:
        """The first event of this type so far or soon."""
        async with asyncio.timeout(timeout):
            while True:
                found = [e for e in self.events if e["type"] == kind]
                if found:
                    return found[0]
                await asyncio.sleep(0.02)

    @property
    def video_frames(self) -> int:
        """Clerk's frames decoded."""
        return self.client.stats()["frames_received"]

    @property
    def audio_frames(self) -> int:
        """Clerk's audio frames received."""
        return self.client.stats()["audio_frames_received"]

    @property
    def first_frame_at(self) -> float | None:
        """When the clerk's first frame arrived (monotonic)."""
        return self.client.remote.first_at

    @property
    def media_closed(self) -> bool:
        """The call has ended and its peer connection is gone."""
        return self.client.phase == "ended" and self.client.pc is None

    async def close(self) -> None:
        """End everything (blocks its own thread only)."""
        await asyncio.to_thread(self.client.close)


async def _until(check, timeout: float = 20.0, step: float = 0.05) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(step)


@pytest.mark.parametrize("peer", ["kiosk.consult", "minimal"])
def test_a_real_call_between_chromium_and_a_terminal(peer: str, hub, loopback_ice, tmp_path: Path):
    if not chromium_available():
        pytest.skip("Chromium is not installed (scripts/debian-packages.txt lists it)")
    if peer == "kiosk.consult":
        pytest.importorskip("kiosk.consult.call", reason="the terminal's consult client is not there yet")
    make_peer = KioskPeer if peer == "kiosk.consult" else MinimalPeer
    url, app = hub
    desk = app.fastapi.state.consult
    token = add_terminal(app.fastapi.state.hub.engine, "hp-dsd-01")
    metrics: dict[str, float] = {}

    async def scenario() -> None:
        from playwright.async_api import async_playwright

        async with async_playwright() as playwright:
            browser = await launch(playwright)
            terminal = make_peer(url, token)
            try:
                await call(browser, terminal)
            finally:
                await terminal.close()
                await browser.close()

    async def call(browser: Any, terminal: Any) -> None:
        from playwright.async_api import expect

        context = await browser.new_context(locale="zh-CN")
        page = await context.new_page()
        page.set_default_timeout(20_000)
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)

        await log_in(page, url, CLERK, PASSWORD)  # a stranger is sent to the login first
        assert await page.is_disabled("#accept-next")

        await terminal.start()
        queued = await terminal.event("queued")
        assert queued["position"] == 1 and queued["expected_wait_s"] == 180
        row = page.locator(f"#waiting-{queued['call_id']}")
        await row.wait_for()
        assert SITE in await row.inner_text() and ITEM["name"] in await row.inner_text()
        assert "老年人" in await row.inner_text()

        accepted_wall = time.time()
        await page.click("#accept-next")
        accepted = await terminal.event("accepted")
        assert accepted["clerk"] == "王*"
        await expect(page.locator("#call-site")).to_have_text(SITE)  # "assigned" may reach the page a bit later

        # Media both ways: the terminal decodes Chromium's fake camera, the page decodes the synthetic bar.
        await _until(lambda: terminal.video_frames > 0 and terminal.audio_frames > 0)
        await page.wait_for_function("() => window.consult.stats.firstFrameAt > 0 && window.consult.stats.framesIn > 0")
        stats = await page.evaluate("window.consult.stats")
        metrics["terminal_join_to_first_frame_s"] = terminal.first_frame_at - terminal.joined_at
        metrics["clerk_join_to_first_frame_s"] = stats["firstFrameAt"] / 1000 - terminal.joined_wall
        metrics["clerk_accept_to_first_frame_s"] = stats["firstFrameAt"] / 1000 - accepted_wall
        metrics["terminal_accept_to_first_frame_s"] = (
            terminal.first_frame_at - terminal.joined_at - (accepted_wall - terminal.joined_wall)
        )

        started, frames_then = time.monotonic(), terminal.video_frames
        page_then = await page.evaluate("window.consult.stats.framesIn")
        await asyncio.sleep(MEASURE_S)
        elapsed = time.monotonic() - started
        stats = await page.evaluate("window.consult.stats")
        metrics["fps_clerk_to_terminal"] = (terminal.video_frames - frames_then) / elapsed
        metrics["fps_terminal_to_clerk"] = (stats["framesIn"] - page_then) / elapsed
        metrics["fps_clerk_sending"] = stats["fpsOut"]
        assert metrics["fps_clerk_to_terminal"] > 5 and metrics["fps_terminal_to_clerk"] > 5
        assert stats["audioPacketsIn"] > 0 and terminal.audio_frames > 0
        assert (stats["width"], stats["height"]) == (640, 480)
        inbound = await page.evaluate(
            """async () => {
                const found = [];
                (await window.consult.pc.getStats()).forEach(r => {
                    if (r.type === "inbound-rtp") found.push({kind: r.kind, packets: r.packetsReceived});
                });
                return found;
            }"""
        )
        assert {r["kind"] for r in inbound if r["packets"] > 0} == {"audio", "video"}
        assert "fps" in await page.inner_text("#stats")
        await page.screenshot(path=str(tmp_path / "consult-call.png"), full_page=True)

        if isinstance(terminal, MinimalPeer):  # a dropped terminal comes back within the grace, with new media
            frames_before, dropped_wall = terminal.video_frames, time.time()
            await terminal.drop_and_resume()
            await _until(lambda: terminal.video_frames > frames_before + 10)
            await page.wait_for_function("() => window.consult.offers === 2 && window.consult.stats.firstFrameAt > 0")
            metrics["clerk_resume_to_first_frame_s"] = (
                await page.evaluate("window.consult.stats.firstFrameAt") / 1000 - dropped_wall
            )
            assert desk.live_calls() == 1

        # The clerk shows a guide on the terminal.
        await page.fill("#guide-item", "440112-0002")
        await page.click("#push-guide")
        pushed = await terminal.event("push")
        assert (pushed["kind"], pushed["item_id"]) == ("guide", "440112-0002")

        # Recording: asked, consented by the terminal, recorded by the page and uploaded in pieces.
        await page.click("#record-request")
        await terminal.event("record_request")
        await page.wait_for_function("() => window.consult.uploaded > 0", timeout=15_000)

        await page.click("#hangup")
        assert (await terminal.event("hangup"))["reason"] == "clerk"
        await page.wait_for_function("() => window.consult.lastRecording.done === true", timeout=15_000)
        recorded = await page.evaluate("window.consult.lastRecording.bytes")
        (stored,) = (tmp_path / "recordings").iterdir()
        assert stored.name == f"{queued['call_id']}-1.webm"
        assert stored.read_bytes()[:4] == b"\x1a\x45\xdf\xa3" and stored.stat().st_size == recorded  # WebM (EBML)

        assert desk.live_calls() == 0 and desk.records[-1].reason == "clerk"
        assert await page.evaluate("window.consult.pc === null && window.consult.call === null")
        assert await page.is_hidden("#call") and await page.inner_text("#queue-count") == "0"
        await _until(lambda: terminal.media_closed, timeout=5)
        assert problems == []
        await context.close()

    asyncio.run(scenario())
    text = (
        "\nconsult call ({peer} terminal): join -> first remote frame: terminal {terminal_join_to_first_frame_s:.2f} s,"
        " clerk {clerk_join_to_first_frame_s:.2f} s (after accept: terminal {terminal_accept_to_first_frame_s:.2f} s,"
        " clerk {clerk_accept_to_first_frame_s:.2f} s); fps clerk->terminal {fps_clerk_to_terminal:.1f},"
        " terminal->clerk {fps_terminal_to_clerk:.1f} (clerk encoding {fps_clerk_sending:.1f})"
    )
    if "clerk_resume_to_first_frame_s" in metrics:
        text += "; after a dropped link, resumed -> picture again on the page in {clerk_resume_to_first_frame_s:.2f} s"
    print(text.format(peer=peer, **metrics))
