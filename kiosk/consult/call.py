"""One resident's video call with a clerk: the queue, the offer once a clerk accepts (ICE gathered first, no
trickle), the media both ways, the clerk's pushes and recording request, hang-up, and a resume after a dropped
link. It runs its own asyncio loop in its own thread; every public method may be called from any thread and
returns at once (except `close`). What happens is told to `on_event(dict)` from that thread.

Events (dicts with a "type"): queued {call_id, position, expected_wait_s}, queue {position, expected_wait_s},
accepted {clerk}, connected, push {kind, item_id | title, text}, record_request, mute {audio, video} (the clerk's),
reconnecting, hangup {reason} (the clerk ended it), error {detail}, ended {reason} (always last).

A media path that does not connect within `media_timeout` has failed (aiortc itself would wait about a minute):
it is renegotiated, MEDIA_RETRIES times in a call that had media, once in a call that never had any (no route
between the two sides, e.g. no TURN server where both are behind NAT), then the resident is told (error "media").
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import numpy as np
from aiortc import RTCConfiguration, RTCIceServer, RTCPeerConnection, RTCSessionDescription

from kiosk.consult.closing import close_peer
from kiosk.consult.media import (
    CameraVideoTrack,
    Degrader,
    Microphone,
    MicrophoneTrack,
    RateMeter,
    RemoteVideo,
    RungEncoder,
    SpeakerPlayer,
    hold_to_rungs,
    ladder,
    link_reading,
    restart_remote_video,
    send_keyframe,
    with_start_bitrate,
)
from kiosk.consult.signalling import Signalling

log = logging.getLogger("kiosk.consult.call")

STATS_EVERY_S = 2.0
PICTURE_STALL_S = 1.5  # no frame of the clerk's for this long on a connected call: restart the picture
MEDIA_RETRIES = 3  # a failed media path is renegotiated this many times before the call is given up
FIRST_MEDIA_RETRIES = 1  # ... and this many times in a call whose media never connected (no route: retries won't help)
MEDIA_CONNECT_S = 15.0  # a new media path not connected by then has failed (through TURN it takes a second or two)
# Error details the screen words for the resident (the hub's own error texts go to the log only).
UNREACHABLE, UNAUTHORIZED, LOST, REFUSED, MEDIA = "unreachable", "unauthorized", "lost", "refused", "media"
ACTIVE = ("joining", "queued", "connecting", "in_call", "reconnecting")


def ice_servers(servers: list[dict[str, Any]]) -> list[RTCIceServer]:
    """The hub's RTCIceServer dicts (already validated by the signalling) for aiortc."""
    return [RTCIceServer(s["urls"], s.get("username"), s.get("credential")) for s in servers]


class ConsultClient:
    """A call from this terminal. `camera` is an opened camera driver (latest() frames; its owner opens and closes
    it); `audio` has `input` and `output` PortAudio devices (None: no sound devices, silence is sent)."""

    def __init__(
        self,
        hub_url: str,
        token: str | Callable[[], str],
        camera: Any | None = None,
        audio: Any | None = None,
        on_event: Callable[[dict[str, Any]], None] | None = None,
        on_remote_frame: Callable[[np.ndarray], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        resume_window: float | None = None,
        site: str = "",
        media_timeout: float = MEDIA_CONNECT_S,
        ca_file: str = "",
    ):
        self.hub_url = hub_url
        self.ca_file = ca_file  # the CA of a wss hub's certificate (hub.ca_file)
        self.site = site  # the service point's name, for the clerk's waiting list
        self.token = token
        self.camera = camera
        self.audio = audio
        self.on_event = on_event or (lambda _event: None)
        self.on_remote_frame = on_remote_frame
        self.clock = clock
        self.resume_window = resume_window
        self.media_timeout = media_timeout
        self.phase = "idle"
        self.call_id = ""
        self.clerk = ""
        self.muted = (False, False)
        self.accepted_at: float | None = None
        self.ice: list[RTCIceServer] = []
        self.signalling: Signalling | None = None
        self.pc: RTCPeerConnection | None = None
        self.video: CameraVideoTrack | None = None  # the current connection's tracks
        self.encoder: RungEncoder | None = None  # ... and the video's encoder (None: aiortc's own)
        self.mic: MicrophoneTrack | None = None
        self.microphone: Microphone | None = None  # the devices, kept for the whole call
        self.player: SpeakerPlayer | None = None
        self.video_meter = RateMeter()  # what the call sent, over every connection it had
        self.audio_meter = RateMeter()
        self.remote = RemoteVideo(on_remote_frame, clock)
        self.degrader = Degrader(ladder(float(getattr(camera, "fps", 15) or 15)))
        self.media_failures = 0
        self.had_media = False  # this call's media connected at least once
        self.clerk_video_muted = False
        self.resume_to = "queued"  # the phase a resumed link returns to
        self.queue_place: tuple[int, float] = (0, 0.0)  # the last position and expected wait heard
        self.reading: dict[str, Any] = {}
        self._tasks: set[asyncio.Task] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- the loop's thread ----------------------------------------------------------------------------
    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()

                def run() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(ready.set)
                    loop.run_forever()
                    pending = asyncio.all_tasks(loop)
                    for task in pending:
                        task.cancel()
                    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                    loop.run_until_complete(loop.shutdown_asyncgens())
                    loop.run_until_complete(loop.shutdown_default_executor())
                    loop.close()

                self._thread = threading.Thread(target=run, name="consult-call", daemon=True)
                self._thread.start()
                ready.wait(5)
                self._loop = loop
            return self._loop

    def _submit(self, coro) -> Future | None:
        loop = self._loop
        if loop is None or loop.is_closed():
            coro.close()
            return None
        return asyncio.run_coroutine_threadsafe(coro, loop)

    def _spawn(self, coro) -> asyncio.Task:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _emit(self, name: str, /, **data: Any) -> None:
        try:
            self.on_event({"type": name, **data})
        except Exception:
            log.exception("the consult event listener failed on %s", name)

    # -- the public API (any thread) ------------------------------------------------------------------
    def start(self, language: str, elderly: bool = False, item: dict[str, str] | None = None) -> None:
        """Join the queue: language and mode for the clerk's list, and the item asked about ({id, name} or None)."""
        self._ensure_loop()
        self._submit(self._start(language, elderly, item))

    def leave(self) -> None:
        """Leave the queue (or hang up if a clerk has already accepted)."""
        self._submit(self._leave())

    def hang_up(self) -> None:
        """End the call from the resident's side."""
        self._submit(self._hang_up("resident"))

    def set_muted(self, audio: bool, video: bool) -> None:
        """Mute the microphone and/or the camera (silence and a black picture are sent); the clerk is told."""
        self._submit(self._set_muted(audio, video))

    def answer_record_request(self, granted: bool) -> None:
        """The resident's answer to the clerk's recording request (False also withdraws an earlier yes)."""
        self._submit(self._send_call({"type": "record_consent", "granted": bool(granted)}))

    def stats(self) -> dict[str, Any]:
        """Frames and rates each way, time to the first remote frame after accept, bitrate, loss, RTT, rung."""
        player, remote = self.player, self.remote
        first = None
        if remote.first_at is not None and self.accepted_at is not None:
            first = round((remote.first_at - self.accepted_at) * 1000)
        level = self.degrader.level
        signalling = self.signalling
        return {
            "phase": self.phase,
            "frames_sent": self.video_meter.count,
            "frames_received": remote.frames_received,
            "fps_sent": round(self.video_meter.rate(), 1),
            "fps_received": round(remote.meter.rate(), 1),
            "audio_frames_sent": self.audio_meter.count,
            "audio_frames_received": player.frames_received if player else 0,
            "first_remote_frame_ms": first,
            "remote_size": f"{remote.size[0]}x{remote.size[1]}",
            "level": f"{level.width}x{level.height}@{level.fps:g}",
            "invalid_messages": signalling.invalid if signalling else 0,
            "reconnects": signalling.reconnects if signalling else 0,
            **self.reading,
        }

    def close(self, timeout: float = 10.0) -> None:
        """End any call, release the microphone and speaker, and stop the thread (blocks until done)."""
        future = self._submit(self._shutdown())
        if future is not None:
            try:
                future.result(timeout)
            except Exception as exc:
                log.warning("consult shutdown: %s", type(exc).__name__)
        loop, thread = self._loop, self._thread
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(timeout)

    # -- the call (event loop) ------------------------------------------------------------------------
    async def _start(self, language: str, elderly: bool, item: dict[str, str] | None) -> None:
        if self.phase in ACTIVE:
            return
        self.phase, self.call_id, self.clerk, self.accepted_at = "joining", "", "", None
        self.remote = RemoteVideo(self.on_remote_frame, self.clock)
        self.video = self.mic = self.microphone = self.player = None
        self.video_meter, self.audio_meter = RateMeter(), RateMeter()
        self.reading = {}
        self.media_failures = 0
        self.had_media = False
        self.clerk_video_muted = False
        self.degrader = Degrader(self.degrader.levels)  # every call starts at the top rung
        join = {"type": "join", "language": language, "elderly": bool(elderly), "item": item}
        if self.site:
            join["site"] = self.site
        kwargs = {} if self.resume_window is None else {"resume_window": self.resume_window}
        self.signalling = Signalling(
            self.hub_url,
            self.token,
            self._on_message,
            lambda state: self._on_link(state, join),
            self.clock,
            ca_file=self.ca_file,
            **kwargs,
        )
        self._spawn(self._run_link(self.signalling))

    async def _run_link(self, signalling: Signalling) -> None:
        outcome = await signalling.run()
        if signalling is not self.signalling or self.phase not in ACTIVE:
            return
        detail = {"unauthorized": UNAUTHORIZED, "unreachable": UNREACHABLE, "lost": LOST}.get(outcome, REFUSED)
        self._emit("error", detail=detail)
        await self._finish(detail if detail == LOST else "error")

    def _on_link(self, state: str, join: dict[str, Any]) -> None:
        if state == "open" and self.phase == "joining" and self.signalling is not None:
            self._spawn(self.signalling.send(join))
        elif state == "reconnecting" and self.phase != "reconnecting" and self.phase in ACTIVE:
            self.resume_to = "queued" if self.phase in ("joining", "queued") else "connecting"
            self.phase = "reconnecting"
            self._emit("reconnecting")

    async def _on_message(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if self.call_id and message.get("call_id", self.call_id) != self.call_id:
            log.info("ignored %s of another call", kind)
            return
        handler = getattr(self, f"_on_{kind}", None)
        if handler is not None:
            await handler(message)

    async def _on_queued(self, message: dict[str, Any]) -> None:
        if self.phase not in ("joining", "queued"):
            return
        self.call_id = message["call_id"]
        assert self.signalling is not None
        self.signalling.call_id = self.call_id  # from now on a dropped link is resumed
        self.phase = "queued"
        self.queue_place = (message["position"], message["expected_wait_s"])
        self._emit("queued", call_id=self.call_id, position=message["position"], expected_wait_s=self.queue_place[1])

    async def _on_queue(self, message: dict[str, Any]) -> None:
        if self.phase in ("queued", "reconnecting") and self.accepted_at is None:
            self.queue_place = (message["position"], message["expected_wait_s"])
            self._emit("queue", position=message["position"], expected_wait_s=message["expected_wait_s"])

    async def _on_accepted(self, message: dict[str, Any]) -> None:
        if self.phase not in ("queued", "reconnecting") or self.accepted_at is not None:
            return
        self.call_id = message["call_id"]
        self.clerk = message["clerk"]
        self.ice = ice_servers(message["ice_servers"])
        self.accepted_at = self.clock()
        self.phase = "connecting"
        self._emit("accepted", clerk=self.clerk)
        await self._open_devices()
        self._spawn(self._offer())
        self._spawn(self._watch_link())
        self._spawn(self._watch_picture())

    async def _open_devices(self) -> None:
        if self.microphone is None:
            self.microphone = Microphone(getattr(self.audio, "input", None), use_device=self.audio is not None)
            await self.microphone.open()
        if self.player is None:
            self.player = SpeakerPlayer(getattr(self.audio, "output", None), use_device=self.audio is not None)

    async def _offer(self) -> None:
        """A new peer connection and its offer once ICE gathering is complete (also after a resume: aiortc
        cannot restart ICE on a connection, so new ICE credentials come with a new connection)."""
        try:
            await self._make_offer()
        except Exception as exc:  # the call ended meanwhile (the connection closed under us), or aiortc failed
            if self.phase in ACTIVE:
                log.error("offer failed: %s", type(exc).__name__)
                self._emit("error", detail=MEDIA)
                await self._hang_up("error")

    async def _make_offer(self) -> None:
        old, self.pc = self.pc, None
        if old is not None:
            await close_peer(old)
        pc = RTCPeerConnection(RTCConfiguration(iceServers=self.ice))
        self.pc = pc
        # New tracks for a new connection: aiortc stops a connection's tracks when it closes.
        self.mic = MicrophoneTrack(self.microphone, self.audio_meter)
        self.video = CameraVideoTrack(self.camera, self.degrader.level, self.video_meter)
        self.mic.muted, self.video.muted = self.muted
        pc.addTransceiver(self.mic, direction="sendrecv")
        self.encoder = hold_to_rungs(pc.addTransceiver(self.video, direction="sendrecv"), self.video)
        pc.on("track", self._on_track)
        pc.on("connectionstatechange", lambda: self._spawn(self._on_connection(pc)))
        self._spawn(self._media_deadline(pc))
        await pc.setLocalDescription(await pc.createOffer())  # returns once ICE gathering is complete
        if pc is not self.pc or self.signalling is None:
            return
        offer = with_start_bitrate(pc.localDescription.sdp)  # the clerk's picture at 640x480 from the start
        await self.signalling.send({"type": "offer", "call_id": self.call_id, "sdp": offer})

    def _on_track(self, track) -> None:
        if track.kind == "video":
            self.remote.close()
            self.remote.start(track)
        elif self.player is not None:
            player = self.player
            if player.task is not None:
                player.task.cancel()
            self._spawn(player.start(track))

    async def _on_connection(self, pc: RTCPeerConnection) -> None:
        if pc is not self.pc:
            return
        state = pc.connectionState
        if state == "connected" and self.phase in ("connecting", "reconnecting"):
            self.phase = "in_call"
            self.media_failures = 0
            self.had_media = True
            self._emit("connected")
        elif state == "failed":
            await self._media_failed(pc)

    async def _media_deadline(self, pc: RTCPeerConnection) -> None:
        await asyncio.sleep(self.media_timeout)
        if pc is self.pc and pc.connectionState not in ("connected", "closed"):
            log.warning("media path not connected after %g s", self.media_timeout)
            await self._media_failed(pc)

    async def _media_failed(self, pc: RTCPeerConnection) -> None:
        """The current media path failed (or never connected): a new one, or the end of the call."""
        if pc is not self.pc or self.phase not in ("connecting", "in_call", "reconnecting"):
            return
        if self.signalling is None or self.signalling.ws is None:
            return  # the signalling link is down too: resuming it renegotiates
        self.media_failures += 1
        if self.media_failures > (MEDIA_RETRIES if self.had_media else FIRST_MEDIA_RETRIES):
            log.error("media path failed %s times; giving up", self.media_failures)
            self._emit("error", detail=MEDIA)
            await self._hang_up("error")
            return
        log.warning("media path failed; renegotiating (%s)", self.media_failures)
        self.pc = None  # no second verdict on this one while the next is made
        if self.had_media and self.phase != "reconnecting":
            self.phase = "reconnecting"
            self.resume_to = "connecting"
            self._emit("reconnecting")
        self._spawn(self._offer_after(pc))

    async def _offer_after(self, failed: RTCPeerConnection) -> None:
        await close_peer(failed)
        if self.phase in ACTIVE:
            await self._offer()

    async def _on_answer(self, message: dict[str, Any]) -> None:
        pc = self.pc
        if pc is None or pc.signalingState != "have-local-offer":
            log.info("ignored an answer with no offer outstanding")
            return
        await pc.setRemoteDescription(RTCSessionDescription(message["sdp"], "answer"))

    async def _on_offer(self, message: dict[str, Any]) -> None:
        # The contract has the terminal offer; an offer from the clerk's side is answered all the same.
        pc = self.pc
        if pc is None or pc.signalingState != "stable" or self.signalling is None:
            return
        await pc.setRemoteDescription(RTCSessionDescription(message["sdp"], "offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        await self.signalling.send({"type": "answer", "call_id": self.call_id, "sdp": pc.localDescription.sdp})

    async def _on_push(self, message: dict[str, Any]) -> None:
        fields = {k: message[k] for k in ("kind", "item_id", "title", "text") if k in message}
        self._emit("push", **fields)

    async def _on_record_request(self, _message: dict[str, Any]) -> None:
        self._emit("record_request")

    async def _on_mute(self, message: dict[str, Any]) -> None:
        self.clerk_video_muted = bool(message["video"])
        self._emit("mute", audio=message["audio"], video=message["video"])

    async def _on_hangup(self, message: dict[str, Any]) -> None:
        self._emit("hangup", reason=message["reason"])
        await self._finish(message["reason"])

    async def _on_resumed(self, message: dict[str, Any]) -> None:
        if self.phase != "reconnecting":
            return
        if "ice_servers" in message:  # fresh TURN credentials from the hub
            self.ice = ice_servers(message["ice_servers"])
        if self.resume_to == "queued" or self.accepted_at is None:
            self.phase = "queued"  # the hub kept the place
            self._emit("queue", position=self.queue_place[0], expected_wait_s=self.queue_place[1])
            return
        self.phase = "connecting"
        self._spawn(self._offer())

    async def _on_error(self, message: dict[str, Any]) -> None:
        log.warning("the hub reported an error (%s)", message["detail"][:120])
        if self.phase == "joining":  # the join itself was refused: nothing will come of waiting
            self._emit("error", detail=REFUSED)
            await self._finish("error")

    async def _set_muted(self, audio: bool, video: bool) -> None:
        self.muted = (bool(audio), bool(video))
        if self.mic is not None:
            self.mic.muted = self.muted[0]
        if self.video is not None:
            self.video.muted = self.muted[1]
        if self.accepted_at is not None:
            await self._send_call({"type": "mute", "audio": self.muted[0], "video": self.muted[1]})

    async def _send_call(self, message: dict[str, Any]) -> bool:
        if self.signalling is None or not self.call_id or self.phase not in ACTIVE:
            return False
        return await self.signalling.send({**message, "call_id": self.call_id})

    async def _watch_link(self) -> None:
        """Every couple of seconds: RTCP loss and RTT, the clerk's bandwidth estimate and the video's bitrate to the
        picture ladder; bitrates for stats."""
        last: tuple[float, int, int, int] | None = None
        while self.phase in ACTIVE:
            await asyncio.sleep(STATS_EVERY_S)
            pc = self.pc
            if pc is None or pc.connectionState != "connected":
                continue
            try:
                reading = link_reading(await pc.getStats())
            except Exception as exc:  # stats are advisory: never let them end a call
                log.warning("stats unavailable: %s", type(exc).__name__)
                continue
            now = self.clock()
            figures = dict(self.reading)
            video_kbps = None
            if last is not None and now > last[0]:
                span = now - last[0]
                figures["kbps_sent"] = round(max(0, reading.bytes_sent - last[1]) * 8 / span / 1000)
                figures["kbps_received"] = round(max(0, reading.bytes_received - last[2]) * 8 / span / 1000)
                video_kbps = max(0, reading.video_bytes_sent - last[3]) * 8 / span / 1000
                figures["kbps_video"] = round(video_kbps)
            last = (now, reading.bytes_sent, reading.bytes_received, reading.video_bytes_sent)
            budget = self.encoder.budget_kbps if self.encoder is not None else None
            figures["kbps_budget"] = None if budget is None else round(budget)
            figures["loss"] = reading.loss
            figures["rtt_ms"] = None if reading.rtt is None else round(reading.rtt * 1000)
            self.reading = figures  # replaced whole: stats() may read it from another thread
            self.apply_reading(reading.loss, reading.rtt, budget, video_kbps)

    async def _watch_picture(self) -> None:
        """After a lost stretch (a short outage) aiortc would keep the clerk's picture frozen for ten seconds and
        more (see restart_remote_video): restart it as soon as it stalls on a connected call instead, at most once
        per PICTURE_STALL_S. When it comes back, the clerk has surely lost some of ours too: a keyframe goes at
        once rather than when the browser asks again (its first request is often lost while its side of the path
        is still being checked, and it asks again only seconds later)."""
        asked, stalled = 0.0, False
        while self.phase in ACTIVE:
            await asyncio.sleep(PICTURE_STALL_S / 2)
            pc, last, now = self.pc, self.remote.last_at, self.clock()
            if pc is None or pc.connectionState != "connected" or last is None or self.clerk_video_muted:
                continue
            try:
                if now - last < PICTURE_STALL_S:
                    if stalled and send_keyframe(pc):
                        log.info("the clerk's picture is back; sent a keyframe")
                    stalled = False
                elif now - asked >= PICTURE_STALL_S:
                    asked, stalled = now, True
                    if await restart_remote_video(pc):
                        log.info("the clerk's picture stalled; asked for a keyframe")
            except Exception as exc:  # the connection closed meanwhile
                log.warning("restarting the picture failed: %s", type(exc).__name__)

    def apply_reading(
        self, loss: float | None, rtt: float | None, budget: float | None = None, sent: float | None = None
    ) -> None:
        """Feed one link reading to the ladder (loss, RTT in s, the clerk's estimate and the video's bitrate in
        kbit/s); a new rung goes to the camera track (size, rate and bitrate) at once."""
        level = self.degrader.observe(loss, rtt, budget, sent)
        if level is not None and self.video is not None:
            log.info(
                "picture now %sx%s at %g fps, %s kbit/s (loss %s, rtt %s, estimate %s, video %s kbit/s)",
                level.width, level.height, level.fps, level.kbps, loss, rtt,
                None if budget is None else round(budget), None if sent is None else round(sent),
            )  # fmt: skip
            self.video.set_level(level)

    # -- ending ---------------------------------------------------------------------------------------
    async def _leave(self) -> None:
        if self.accepted_at is not None:
            await self._hang_up("resident")
            return
        if self.phase in ACTIVE and self.signalling is not None:
            await self.signalling.send({"type": "leave"})
        await self._finish("left")

    async def _hang_up(self, reason: str) -> None:
        if self.phase not in ACTIVE:
            return
        if self.accepted_at is None:
            await self._leave()
            return
        await self._send_call({"type": "hangup", "reason": reason})
        await self._finish(reason)

    async def _finish(self, reason: str) -> None:
        if self.phase not in ACTIVE:
            return
        self.phase = "ended"
        try:
            await self._close_media()
            signalling = self.signalling
            if signalling is not None:
                await signalling.close()
        finally:  # whatever failed in letting go, the screen must learn that the call is over
            self._emit("ended", reason=reason)

    async def _close_media(self) -> None:
        pc, self.pc = self.pc, None
        if pc is not None:
            await close_peer(pc)
        self.remote.close()
        for part in (self.mic, self.video):
            if part is not None:
                part.stop()
        if self.microphone is not None:
            self.microphone.close()
        if self.player is not None:
            self.player.close()  # kept (closed) until the next call: stats() still reads its counters

    async def _shutdown(self) -> None:
        if self.phase in ACTIVE:
            await self._leave()
        await self._close_media()
        tasks = [t for t in self._tasks if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
