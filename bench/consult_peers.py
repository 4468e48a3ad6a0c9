"""The child processes of bench/consult.py, each driven by JSON lines on stdin and answering on stdout: the
terminal (kiosk.consult.ConsultClient with the OpenCV camera driver on the camera simulator's stream, and audio
devices or none), and either side of the baseline (a bare aiortc RTCPeerConnection with synthetic frames).

Run by the bench: python -m bench.consult_peers terminal|bare-terminal|bare-clerk [options]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
import time
from typing import Any

import numpy as np

SITE = "黄埔邮政大沙地网点"
ITEM = {"id": "440112-0001", "name": "城乡居民基本养老保险参保登记"}


# -- media of the bare baseline -------------------------------------------------------------------------------------
def scene_frames(fps: float, seconds: float = 4.0) -> list[np.ndarray]:
    """The camera simulator's generated 640x480 scene, frame by frame, as the terminal's camera shows it."""
    from devices.camera.sim import CameraSimulator

    sim = CameraSimulator(640, 480, fps)
    try:
        return [sim.scene(n) for n in range(max(1, int(fps * seconds)))]
    finally:
        sim.close()


def bar_frames() -> list[np.ndarray]:
    """A second of a bar moving across 640x480 (BGR) at 30 fps: the bare clerk's picture."""
    frames = []
    for n in range(30):
        image = np.full((480, 640, 3), 40, np.uint8)
        image[:, n * 20 : n * 20 + 40] = (0, 200, 255)
        frames.append(image)
    return frames


def paced_video(frames: list[np.ndarray], fps: float) -> Any:
    """A VideoStreamTrack sending `frames` in a loop at `fps`, stamped from its pacing clock."""
    from aiortc.mediastreams import VIDEO_TIME_BASE, VideoStreamTrack
    from av import VideoFrame

    class PacedVideo(VideoStreamTrack):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            self.start: float | None = None

        async def recv(self) -> VideoFrame:
            now = time.monotonic()
            if self.start is None:
                self.start = now
            else:
                wait = self.start + self.count / fps - now
                if wait > 0:
                    await asyncio.sleep(wait)
                elif wait < -0.2:  # far behind (a busy CPU): restart the pacing rather than send a burst
                    self.start = now - self.count / fps
            frame = VideoFrame.from_ndarray(frames[self.count % len(frames)], format="bgr24")
            frame.pts, frame.time_base = int(self.count / fps * 90000), VIDEO_TIME_BASE
            self.count += 1
            return frame

    return PacedVideo()


def loopback_ice() -> None:
    """aioice leaves 127.0.0.1 out of its host candidates; the bench's peers meet on it (Chromium with
    --allow-loopback-in-peer-connection), as tests/hub/test_consult_browser.py has them do."""
    import aioice.ice

    aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]


# -- the child processes (the terminal, the bare peers) -------------------------------------------------------------
class Reporter:
    """JSON lines to the bench on the child's original stdout; anything else written to stdout goes to stderr."""

    def __init__(self) -> None:
        self.out = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
        os.dup2(2, 1)
        self.lock = threading.Lock()

    def send(self, **message: Any) -> None:
        """One message (from any thread)."""
        with self.lock:
            self.out.write(json.dumps(message, ensure_ascii=False) + "\n")
            self.out.flush()


def commands() -> Any:
    """The bench's commands, one JSON object a line on stdin, until it closes stdin."""
    for line in sys.stdin:
        if line.strip():
            yield json.loads(line)


class FrameCounter:
    """The remote picture's frames as they are decoded: how many, when the newest came, how many of each size."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """A new call."""
        with self.lock:
            self.count, self.first, self.last = 0, 0.0, 0.0
            self.sizes: dict[str, int] = {}

    def tick(self, width: int, height: int) -> bool:
        """One frame decoded now; True for the call's first."""
        now = time.monotonic()
        with self.lock:
            self.count += 1
            self.last = now
            self.first = self.first or now
            size = f"{width}x{height}"
            self.sizes[size] = self.sizes.get(size, 0) + 1
            return self.count == 1

    def reading(self) -> dict[str, Any]:
        """What a snapshot reports."""
        with self.lock:
            return {"video_in": self.count, "last_in": self.last, "sizes_in": dict(self.sizes)}


def run_terminal_child(hub_url: str, camera_url: str, fps: float, audio: bool) -> None:
    """The terminal: ConsultClient with the OpenCV camera driver on the simulator's stream, one call per command."""
    from devices.camera.opencv_camera import OpenCvCamera
    from kiosk.config import AudioDeviceConfig
    from kiosk.consult.call import ConsultClient

    reporter = Reporter()
    loopback_ice()
    camera = OpenCvCamera(camera_url, 640, 480, fps)
    camera.open()
    deadline = time.monotonic() + 15
    while camera.latest() is None:
        if time.monotonic() > deadline:
            raise SystemExit("no frames from the camera simulator")
        time.sleep(0.05)
    token = os.environ["KIOSK_BENCH_TOKEN"]
    client: ConsultClient | None = None
    ended = threading.Event()
    seen = FrameCounter()  # the clerk's frames

    def on_event(event: dict[str, Any]) -> None:
        if event["type"] == "ended":
            ended.set()
        elif event["type"] == "error":
            reporter.send(kind="error", detail=event["detail"])
        reporter.send(kind="event", t=time.monotonic(), event=event["type"])

    def on_remote_frame(frame: np.ndarray) -> None:  # the window would take the picture here
        if seen.tick(frame.shape[1], frame.shape[0]):
            reporter.send(kind="first_frame", t=seen.first)

    reporter.send(kind="ready", pid=os.getpid())
    for command in commands():
        name = command["cmd"]
        if name == "call":
            ended.clear()
            seen.reset()
            client = ConsultClient(
                hub_url,
                token,
                camera=camera,
                audio=AudioDeviceConfig() if audio else None,
                on_event=on_event,
                on_remote_frame=on_remote_frame,
                site=SITE,
            )
            started = time.monotonic()
            client.start("zh_CN", item=ITEM)
            reporter.send(kind="call", t=started)
        elif name == "snapshot" and client is not None:
            stats = client.stats()
            mic, speaker = client.microphone, client.player
            reporter.send(
                kind="snapshot",
                t=time.monotonic(),
                **seen.reading(),
                video_out=stats["frames_sent"],
                audio_in=stats["audio_frames_received"],
                audio_out=stats["audio_frames_sent"],
                level=stats["level"],
                microphone="open" if mic is not None and mic.stream is not None else (mic.failed if mic else ""),
                speaker="open"
                if speaker is not None and speaker.stream is not None
                else (speaker.failed if speaker else ""),
            )
        elif name == "hangup" and client is not None:
            client.hang_up()
            done = ended.wait(15)
            client.close()
            client = None
            reporter.send(kind="hangup", ended=done)
        elif name == "quit":
            break
    if client is not None:
        client.close()
    camera.close()


class BarePeer:
    """One side of the baseline: a bare aiortc RTCPeerConnection sending paced synthetic frames and silence, and
    counting what it receives."""

    def __init__(self, role: str, fps: float, reporter: Reporter):
        self.role = role
        self.fps = fps if role == "terminal" else 30.0
        self.frames = scene_frames(fps) if role == "terminal" else bar_frames()
        self.reporter = reporter
        self.pc: Any = None
        self.video: Any = None  # the track sending this side's picture
        self.tasks: list[asyncio.Task] = []
        self.seen = FrameCounter()
        self.audio_in = 0

    def _new(self) -> Any:
        from aiortc import RTCConfiguration, RTCPeerConnection

        self.seen.reset()
        self.audio_in = 0
        pc = self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        pc.on("track", lambda track: self.tasks.append(asyncio.ensure_future(self._consume(track))))
        return pc

    async def _consume(self, track: Any) -> None:
        from aiortc.mediastreams import MediaStreamError

        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if track.kind == "video":
                if self.seen.tick(frame.width, frame.height):
                    self.reporter.send(kind="first_frame", t=self.seen.first)
            else:
                self.audio_in += 1

    async def offer(self) -> str:
        """The terminal's side: a new connection, audio and video sendrecv, offered once ICE is gathered."""
        from aiortc.mediastreams import AudioStreamTrack

        pc = self._new()
        pc.addTransceiver(AudioStreamTrack(), direction="sendrecv")
        self.video = paced_video(self.frames, self.fps)
        pc.addTransceiver(self.video, direction="sendrecv")
        await pc.setLocalDescription(await pc.createOffer())
        return pc.localDescription.sdp

    async def answer_offer(self, sdp: str) -> str:
        """The clerk's side: answer an offer, sending its own picture and silence back."""
        from aiortc import RTCSessionDescription
        from aiortc.mediastreams import AudioStreamTrack

        pc = self._new()
        await pc.setRemoteDescription(RTCSessionDescription(sdp, "offer"))
        pc.addTrack(AudioStreamTrack())
        self.video = paced_video(self.frames, self.fps)
        pc.addTrack(self.video)
        await pc.setLocalDescription(await pc.createAnswer())
        return pc.localDescription.sdp

    async def take_answer(self, sdp: str) -> None:
        """The terminal's side: the clerk's answer."""
        from aiortc import RTCSessionDescription

        await self.pc.setRemoteDescription(RTCSessionDescription(sdp, "answer"))

    async def close(self) -> None:
        """End the connection and the receiving."""
        if self.pc is not None:
            await self.pc.close()
            self.pc = None
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        self.tasks = []


def run_bare_child(role: str, fps: float) -> None:
    """One bare peer of the baseline, its event loop in a thread, driven by the bench's commands."""
    reporter = Reporter()
    loopback_ice()
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="bare-peer", daemon=True)
    thread.start()

    def do(coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, loop).result(30)

    import aiortc  # noqa: F401  (imported before "ready", as the terminal's process has it: not in the call's time)

    peer = BarePeer(role, fps, reporter)
    reporter.send(kind="ready", pid=os.getpid())
    for command in commands():
        name = command["cmd"]
        if name == "offer":
            reporter.send(kind="offer", sdp=do(peer.offer()))
        elif name == "answer_offer":
            reporter.send(kind="answer_offer", sdp=do(peer.answer_offer(command["sdp"])))
        elif name == "take_answer":
            do(peer.take_answer(command["sdp"]))
            reporter.send(kind="take_answer")
        elif name == "snapshot":
            sent = peer.video.count if peer.video is not None else 0
            reporter.send(
                kind="snapshot", t=time.monotonic(), **peer.seen.reading(), audio_in=peer.audio_in, video_out=sent
            )
        elif name == "hangup":
            do(peer.close())
            reporter.send(kind="hangup")
        elif name == "quit":
            break
    do(peer.close())
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()


def main(argv: list[str] | None = None) -> None:
    """One child process, as the bench starts it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", choices=["terminal", "bare-terminal", "bare-clerk"])
    parser.add_argument("--hub", help="the hub's base URL (the terminal; its token in $KIOSK_BENCH_TOKEN)")
    parser.add_argument("--camera", help="the camera simulator's MJPEG URL (the terminal)")
    parser.add_argument("--camera-fps", type=float, default=15.0)
    parser.add_argument("--audio", action=argparse.BooleanOptionalAction, default=False, help="use audio devices")
    args = parser.parse_args(argv)
    if args.role == "terminal":
        run_terminal_child(args.hub, args.camera, args.camera_fps, args.audio)
    else:
        run_bare_child(args.role.removeprefix("bare-"), args.camera_fps)


if __name__ == "__main__":
    main()
