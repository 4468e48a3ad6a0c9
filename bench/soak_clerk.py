"""The soak's clerk: a child process that logs in to the hub's console like a clerk's browser, keeps the consult
WebSocket open, accepts every resident waiting, answers the terminal's offers with an aiortc peer (a plain picture
and silence), pushes the item's guide once the call is up, and logs in again after the hub went away (an outage).

Run by bench.soak: python -m bench.soak_clerk URL NAME PASSWORD_FILE (stops on SIGTERM). One line per call on
stdout ("accepted CALL", "ended CALL") so the soak's log says what the clerk did; nothing personal.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import signal
import sys
from pathlib import Path
from typing import Any

import numpy as np
import requests
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, MediaStreamError, VideoStreamTrack
from av import VideoFrame
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

RETRY_S = 0.5  # a hub that went away is asked again this often


class Pattern(VideoStreamTrack):
    """The clerk's camera: a plain picture (15 fps is plenty for the soak)."""

    def __init__(self) -> None:
        super().__init__()
        self.frame = np.full((240, 320, 3), (40, 120, 200), np.uint8)

    async def recv(self) -> VideoFrame:
        """The next frame."""
        pts, time_base = await self.next_timestamp()
        frame = VideoFrame.from_ndarray(self.frame, format="bgr24")
        frame.pts, frame.time_base = pts, time_base
        return frame


async def drain(track) -> None:
    """Read the resident's media and drop it, as a browser does with frames it has shown."""
    with contextlib.suppress(MediaStreamError, asyncio.CancelledError):
        while True:
            await track.recv()


def login(url: str, name: str, password: str) -> str:
    """The console's login form (CSRF token, then the session cookie)."""
    web = requests.Session()
    form = web.get(url + "/clerk/login", timeout=10).text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form)
    if csrf is None:
        raise RuntimeError("no login form")
    reply = web.post(url + "/clerk/login", data={"name": name, "password": password, "csrf": csrf.group(1)}, timeout=10)
    if not reply.url.endswith("/clerk/"):
        raise RuntimeError("login refused")
    return web.cookies["hub_session"]


class Desk:
    """One clerk at the consult desk: one call at a time."""

    def __init__(self, url: str, name: str, password: str):
        self.url, self.name, self.password = url, name, password
        self.pc: RTCPeerConnection | None = None
        self.drains: list[asyncio.Task] = []
        self.pushed: set[str] = set()
        self.items: dict[str, str] = {}  # call id -> the item asked about
        self.stopping = asyncio.Event()

    async def run(self) -> None:
        """Log in and serve the desk until stopped; a lost hub is tried again."""
        while not self.stopping.is_set():
            try:
                cookie = await asyncio.to_thread(login, self.url, self.name, self.password)
                async with connect(
                    self.url.replace("http://", "ws://") + "/clerk/consult/ws",
                    additional_headers={"Cookie": f"hub_session={cookie}"},
                    origin=self.url,
                    proxy=None,
                ) as ws:
                    print("connected", flush=True)
                    await self.serve(ws)
            except (
                OSError,
                requests.RequestException,
                RuntimeError,
                ConnectionClosed,
                InvalidHandshake,
                InvalidStatus,
            ):
                pass
            await self.close_call()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stopping.wait(), RETRY_S)

    async def serve(self, ws) -> None:
        """Answer the hub's messages until the socket closes or the clerk stops."""
        reader = asyncio.ensure_future(self.read(ws))
        stop = asyncio.ensure_future(self.stopping.wait())
        await asyncio.wait({reader, stop}, return_when=asyncio.FIRST_COMPLETED)
        for task in (reader, stop):
            task.cancel()
        await asyncio.gather(reader, stop, return_exceptions=True)

    async def read(self, ws) -> None:
        """Every message of the clerk's socket."""
        async for raw in ws:
            message = json.loads(raw)
            kind = message.get("type")
            if kind == "ping":
                await ws.send(json.dumps({"type": "pong"}))
            elif kind == "waiting" and message.get("calls") and self.pc is None:
                await ws.send(json.dumps({"type": "accept"}))
            elif kind == "assigned":
                call_id = message.get("call_id", "")
                item = message.get("item") or {}
                self.items[call_id] = item.get("id", "") if isinstance(item, dict) else ""
                print(f"accepted {call_id}", flush=True)
            elif kind == "offer":
                await self.answer(ws, message)
            elif kind == "hangup":
                print(f"ended {message.get('call_id', '')}", flush=True)
                await self.close_call()

    async def answer(self, ws, offer: dict[str, Any]) -> None:
        """A new peer connection for the offer (a resumed call makes a new one too)."""
        await self.close_call()
        pc = self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        call_id = offer["call_id"]

        @pc.on("track")
        def on_track(track) -> None:
            pc.addTrack(Pattern() if track.kind == "video" else AudioStreamTrack())
            self.drains.append(asyncio.ensure_future(drain(track)))

        @pc.on("connectionstatechange")
        async def on_state() -> None:
            if pc.connectionState == "connected" and call_id not in self.pushed:
                self.pushed.add(call_id)
                item_id = self.items.get(call_id, "")
                push = {"type": "push", "call_id": call_id}
                if item_id:
                    push.update(kind="guide", item_id=item_id)
                else:
                    push.update(kind="document", title="办事须知", text="请带齐身份证原件。")
                with contextlib.suppress(ConnectionClosed):
                    await ws.send(json.dumps(push, ensure_ascii=False))

        await pc.setRemoteDescription(RTCSessionDescription(offer["sdp"], "offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        await ws.send(json.dumps({"type": "answer", "call_id": call_id, "sdp": pc.localDescription.sdp}))

    async def close_call(self) -> None:
        """Let go of the peer connection and its readers."""
        pc, self.pc = self.pc, None
        drains, self.drains = self.drains, []
        for task in drains:
            task.cancel()
        await asyncio.gather(*drains, return_exceptions=True)
        if pc is not None:
            await pc.close()


async def main_async(url: str, name: str, password: str) -> None:
    """Serve until SIGTERM."""
    desk = Desk(url, name, password)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, desk.stopping.set)
    await desk.run()


def main() -> int:
    """The clerk's process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("name")
    parser.add_argument("password_file", type=Path)
    args = parser.parse_args()
    asyncio.run(main_async(args.url, args.name, args.password_file.read_text(encoding="utf-8").strip()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
