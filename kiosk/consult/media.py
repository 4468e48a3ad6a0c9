"""The call's media for aiortc: the face camera as a paced video track, the microphone as an audio track, the
clerk's audio to the speaker, the clerk's video to a callback, and the ladder that lowers the picture on a weak
link (and raises it again) from RTCP figures. Audio is never degraded: a clerk can help without a picture but not
without a voice.

Everything stays in memory: frames are handed on and dropped, never written anywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from aiortc import MediaStreamTrack, RTCRtpSender, RTCRtpTransceiver
from aiortc.codecs.vpx import MAX_BITRATE, Vp8Encoder
from aiortc.jitterbuffer import JitterBuffer
from aiortc.mediastreams import VIDEO_TIME_BASE, AudioStreamTrack, MediaStreamError, VideoStreamTrack
from av import AudioFrame, AudioResampler, VideoFrame

log = logging.getLogger("kiosk.consult.media")

SAMPLE_RATE = 48000
AUDIO_FRAME_SAMPLES = 960  # 20 ms at 48 kHz: Opus's usual frame
AUDIO_TIME_BASE = fractions.Fraction(1, SAMPLE_RATE)
MIC_QUEUE_FRAMES = 10  # 200 ms: older microphone blocks are dropped rather than delaying speech
SPEAKER_BUFFER_S = 0.3  # more than this waiting for the speaker: the oldest goes (latency over completeness)
MUTED_VIDEO_FPS = 2.0  # a muted camera still sends a black picture, slowly, so the clerk's page keeps its track
BEHIND_S = 0.2  # a video track this late (a busy CPU) restarts its pacing instead of sending a burst


MIN_VIDEO_KBPS = 30  # the encoder's floor (aiortc's own is 250 kbps: more than a weak uplink carries)
RETARGET_STEP = 0.2  # the video's bitrate follows the estimate in steps of at least a fifth ...
RETARGET_S = 4.0  # ... upwards at most this often (each change restarts the encoder with a keyframe)


@dataclass(frozen=True)
class Level:
    """One rung of the picture ladder: capture size, frame rate and the video bitrate it may use (0: whatever the
    receiver's estimate allows). A rung is known by its size and rate; the bitrate goes with it."""

    width: int
    height: int
    fps: float
    kbps: int = field(default=0, compare=False)


def ladder(top_fps: float = 15.0) -> tuple[Level, ...]:
    """The rungs from 640x480 at the camera's rate down to a thumbnail at 5 fps, each with its bitrate: the
    encoder is constant-bitrate, so a smaller picture alone would cost nearly as many bits (a real camera's noise
    fills whatever it is given) and would not relieve a weak link."""
    top = max(1.0, min(top_fps, 30.0))
    # Each rung at most ~1.6 times the one below: a receiver's estimate grows to about 1.5 times what it gets, so
    # the next rung up is always within reach of a link that has room.
    rungs = (
        (640, 480, top, 600),
        (480, 360, top, 400),
        (320, 240, 12.0, 250),
        (320, 240, 8.0, 160),
        (160, 120, 5.0, 100),
    )
    return tuple(Level(w, h, min(fps, top), kbps) for w, h, fps, kbps in rungs)


# The encoder follows the estimate anyway (RungEncoder): these only choose the picture size for the bits there are.
STARVED = 0.4  # the receiver's estimate under this share of the rung's bitrate: the rung is too big for the link
ROOM = 0.55  # ... and at least this share of the next rung up: room to climb (well above STARVED: no see-saw)
QUEUE_S = 0.05  # RTT this much over the call's lowest: packets stand in a queue somewhere (the link is full)
STARVED_LONG = 6  # readings of a starved rung with loss among them: too big, however calm the RTT looks


class Degrader:
    """Lowers the picture one rung after `down_after` bad readings in a row and raises it one rung after `up_after`
    good ones: slow to trust a recovered link, quick to spare a weak one.

    Bad: loss or RTT over the limits, or a starved rung on a queueing link: the clerk's bandwidth estimate (REMB:
    `budget`) well below the rung's bitrate while the video uses what it is allowed (`sent`) and the RTT stands
    over the call's lowest, which is how a congested link looks once the estimate has throttled the encoder and
    the loss is gone. A call that began on the weak link learnt its lowest RTT with the queue already standing, so
    a rung starved for STARVED_LONG readings with loss among them is bad too, and from then on the RTT is not
    trusted to call the link calm until it drops well below that lowest (the queue it stood in has gone).

    Good: loss and RTT low. A climb also needs room for the rung above: an estimate near its bitrate, or a video
    sending well below its estimate (a still picture), or an estimate below the rung's floor on a link that carries
    the floor without queueing (an estimate that collapsed and has not caught up: it grows only with what it is
    sent, so waiting for it could take minutes). The good readings keep counting meanwhile, so the climb comes as
    soon as there is room. Without the estimate (None) only loss and RTT count."""

    def __init__(
        self,
        levels: tuple[Level, ...] | None = None,
        bad_loss: float = 0.05,
        bad_rtt: float = 0.4,
        good_loss: float = 0.01,
        good_rtt: float = 0.25,
        down_after: int = 2,
        up_after: int = 5,
    ):
        self.levels = levels or ladder()
        self.bad_loss, self.bad_rtt = bad_loss, bad_rtt
        self.good_loss, self.good_rtt = good_loss, good_rtt
        self.down_after, self.up_after = down_after, up_after
        self.index = 0
        self.bad = self.good = 0
        self.base_rtt: float | None = None  # the lowest RTT of the call: the path without queues
        self.trust_rtt = True  # False once the lowest RTT proved to include a queue
        self.starved_run = 0  # starved readings in a row, and whether loss came among them
        self.starved_loss = False

    @property
    def level(self) -> Level:
        """The rung in use."""
        return self.levels[self.index]

    def observe(
        self, loss: float | None, rtt: float | None, budget: float | None = None, sent: float | None = None
    ) -> Level | None:
        """One reading (loss as a fraction, RTT in seconds, the estimate and the video's bitrate in kbit/s; None
        when unknown); the new rung if it changed."""
        if loss is None and rtt is None:
            return None
        loss = loss or 0.0
        if rtt is not None:
            if self.base_rtt is not None and rtt < self.base_rtt - QUEUE_S:
                self.trust_rtt = True  # a path well faster than the "lowest": that one had a queue in it
            self.base_rtt = rtt if self.base_rtt is None else min(self.base_rtt, rtt)
        calm = rtt is None or self.base_rtt is None or rtt - self.base_rtt < QUEUE_S
        limited = budget is not None and sent is not None and sent >= 0.7 * budget  # the estimate holds it back
        starved = limited and self.level.kbps > 0 and budget < STARVED * self.level.kbps
        self.starved_run = self.starved_run + 1 if starved else 0
        self.starved_loss = starved and (self.starved_loss or loss > self.bad_loss)
        if self.starved_run >= STARVED_LONG and self.starved_loss:
            self.trust_rtt = False
        calm = calm and self.trust_rtt
        if loss > self.bad_loss or (rtt is not None and rtt > self.bad_rtt) or (starved and not calm):
            self.bad, self.good = self.bad + 1, 0
        elif loss <= self.good_loss and (rtt is None or rtt < self.good_rtt):
            self.bad, self.good = 0, self.good + 1
        else:
            self.bad = self.good = 0  # in between: hold the rung
        if self.bad >= self.down_after and self.index < len(self.levels) - 1:
            self.index += 1
            self.bad = self.starved_run = 0
            self.starved_loss = False
            return self.level
        above = self.levels[self.index - 1] if self.index > 0 else None
        room = above is not None and (not limited or budget >= ROOM * above.kbps or (starved and calm))
        if self.good >= self.up_after and room:
            self.index -= 1
            self.good = 0
            return self.level
        return None


class RungEncoder(Vp8Encoder):
    """aiortc's VP8 encoder held to the rung of a video track: its bitrate is the clerk's receiver estimate (REMB,
    which aiortc sets through `target_bitrate`) but never more than the rung's, nor less than STARVED of it (below
    that the ladder steps down instead: an encoder that follows a falling estimate all the way sends less, is
    estimated lower still, and spirals down to nothing on a link that has recovered). aiortc's own floor is
    250 kbps, more than a weak uplink carries.

    aiortc restarts the encoder, with a keyframe, whenever the bitrate moves by a tenth, which an estimate does
    every second or two while it ramps: a burst of keyframes is the last thing a weak link needs, and the delay it
    causes reads as congestion to the estimator. So a new bitrate is taken only when it differs by RETARGET_STEP,
    a rise at most every RETARGET_S; a steep fall, or a new rung, at once.

    The estimate is the video's own: the browser estimates from the packets that carry send times, which aiortc
    puts on video only; the voice's share of a weak link shows in it as the queueing delay the voice adds."""

    def __init__(self, track: CameraVideoTrack, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.track = track
        self.clock = clock
        self.estimate: int | None = None  # bit/s, the last REMB heard (none yet: the rung alone decides)
        self.held: int | None = None  # the bitrate in use, and since when
        self.held_at = 0.0

    @property
    def target_bitrate(self) -> int:  # type: ignore[override]
        """Bits per second now: the estimate within the track's rung, changed only as the class says."""
        kbps = self.track.level.kbps
        cap = kbps * 1000 or MAX_BITRATE
        floor = max(MIN_VIDEO_KBPS * 1000, int(STARVED * kbps * 1000))
        wanted = max(floor, min(self.estimate or MAX_BITRATE, cap))
        held, now = self.held, self.clock()
        if held is None or not floor <= held <= cap:  # the first frame, or a new rung
            retarget = True
        else:
            steep = wanted < (1 - 2 * RETARGET_STEP) * held
            retarget = abs(wanted - held) > RETARGET_STEP * held and (steep or now - self.held_at >= RETARGET_S)
        if retarget:
            held = wanted
        if held != self.held:
            self.held, self.held_at = held, now
        self._Vp8Encoder__target_bitrate = held  # aiortc sizes the encoder's buffer from its private copy
        return held

    @target_bitrate.setter
    def target_bitrate(self, bitrate: int) -> None:
        self.estimate = int(bitrate)

    @property
    def budget_kbps(self) -> float | None:
        """The clerk's estimate for the video, kbit/s (None before the first)."""
        return None if self.estimate is None else self.estimate / 1000


def hold_to_rungs(transceiver: RTCRtpTransceiver, track: CameraVideoTrack) -> RungEncoder | None:
    """Offer VP8 only on the video transceiver and give its sender a RungEncoder (before the first frame), so
    that each rung down the ladder also lowers the bitrate; None (and the picture still follows the rungs, the
    bitrate the clerk's estimate) if this aiortc keeps its encoder elsewhere."""
    codecs = RTCRtpSender.getCapabilities("video").codecs
    transceiver.setCodecPreferences([c for c in codecs if c.mimeType.lower() in ("video/vp8", "video/rtx")])
    sender = transceiver.sender
    slot = "_RTCRtpSender__encoder"  # aiortc makes the encoder on the first frame only if this is still None
    if getattr(sender, slot, "missing") is not None:
        log.warning("this aiortc has no encoder slot on its sender; the video bitrate follows the clerk's estimate")
        return None
    encoder = RungEncoder(track)
    setattr(sender, slot, encoder)
    return encoder


class RateMeter:
    """Events per second over the last couple of seconds."""

    def __init__(self, window: float = 2.0, clock: Callable[[], float] = time.monotonic):
        self.window = window
        self.clock = clock
        self.times: deque[float] = deque()
        self.count = 0

    def tick(self) -> None:
        """One event now."""
        now = self.clock()
        self.count += 1
        self.times.append(now)
        while self.times and now - self.times[0] > self.window:
            self.times.popleft()

    def rate(self) -> float:
        """Events per second (0 when fewer than two in the window, or the last one is old)."""
        times = list(self.times)
        if len(times) < 2 or self.clock() - times[-1] > self.window:
            return 0.0
        return (len(times) - 1) / max(times[-1] - times[0], 1e-6)


def fit_frame(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """`image` scaled down (never up) to fit width x height, keeping its shape; even sides for the encoder."""
    h, w = image.shape[:2]
    scale = min(width / w, height / h, 1.0)
    size = (max(2, int(w * scale) // 2 * 2), max(2, int(h * scale) // 2 * 2))
    if size == (w, h):
        return image
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


class CameraVideoTrack(VideoStreamTrack):
    """The resident's picture: the camera driver's newest frame at the rung's size and rate, with RTP timestamps
    from the pacing clock. Black frames when muted or before the camera delivers.

    aiortc stops a track when its connection closes: a renegotiated call gets a new track, sharing the `meter`
    that counts what the call sent."""

    kind = "video"

    def __init__(self, camera: Any | None, level: Level | None = None, meter: RateMeter | None = None):
        super().__init__()
        self.camera = camera  # anything with latest() -> (BGR frame, time) | None: the OpenCvCamera driver
        self.level = level or ladder()[0]
        self.muted = False
        self.meter = meter or RateMeter()
        self._start: float | None = None
        self._next = 0.0

    @property
    def frames_sent(self) -> int:
        """Frames handed to the encoder (by every track sharing the meter)."""
        return self.meter.count

    def set_level(self, level: Level) -> None:
        """Change size and rate from the next frame on (the VP8 encoder restarts at the new size)."""
        self.level = level

    async def recv(self) -> VideoFrame:
        """The next frame, paced."""
        if self.readyState != "live":
            raise MediaStreamError
        fps = MUTED_VIDEO_FPS if self.muted else self.level.fps
        now = time.monotonic()
        if self._start is None:
            self._start = self._next = now
        else:
            self._next += 1.0 / fps
            delay = self._next - now
            if delay > 0:
                await asyncio.sleep(delay)
            elif delay < -BEHIND_S:
                self._next = now
        try:
            image = self._image()
        except Exception as exc:  # an exception here would silently stop the sending for good
            log.error("camera frame unusable (%s); sending black", type(exc).__name__)
            image = np.zeros((self.level.height, self.level.width, 3), np.uint8)
        frame = VideoFrame.from_ndarray(image, format="bgr24")
        frame.pts = int((self._next - self._start) * 90000)
        frame.time_base = VIDEO_TIME_BASE
        self.meter.tick()
        return frame

    def _image(self) -> np.ndarray:
        latest = self.camera.latest() if self.camera is not None and not self.muted else None
        if latest is None:
            return np.zeros((self.level.height, self.level.width, 3), np.uint8)
        frame = latest[0]
        if frame.ndim == 2:
            frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
        return np.ascontiguousarray(fit_frame(frame, self.level.width, self.level.height))


def _sounddevice():
    try:
        import sounddevice
    except OSError as exc:  # no PortAudio library: the call goes on without sound devices
        log.warning("no PortAudio: %s", exc)
        return None
    return sounddevice


def open_audio_stream(kind: str, device: Any, callback: Any) -> tuple[Any, str]:
    """A started 48 kHz mono 20 ms sounddevice stream ("InputStream" or "OutputStream"), or (None, why not)."""
    sd = _sounddevice()
    if sd is None:
        return None, "no PortAudio"
    try:
        stream = getattr(sd, kind)(
            samplerate=SAMPLE_RATE,
            channels=1,
            dtype="int16",
            blocksize=AUDIO_FRAME_SAMPLES,
            device=device,
            latency="low",
            callback=callback,
        )
        stream.start()
    except Exception as exc:  # PortAudioError, or ValueError for an unknown device name
        return None, f"{type(exc).__name__}: {exc}"
    return stream, ""


def close_stream(stream: Any, what: str) -> None:
    """Stop and close a PortAudio stream (None: nothing open); a device already gone is only logged."""
    if stream is None:
        return
    try:
        stream.stop()
        stream.close()
    except Exception as exc:
        log.warning("closing the %s: %s", what, type(exc).__name__)


def device_id(value: Any) -> int | str | None:
    """A PortAudio device from config: "" or None for the default, digits for an index, else a name."""
    if value in (None, ""):
        return None
    if isinstance(value, int):
        return value
    return int(value) if str(value).isdigit() else str(value)


class Microphone:
    """The microphone for the whole call: 48 kHz mono int16 in 20 ms blocks from a sounddevice input stream (its
    own thread) into a short queue on the event loop; tracks come and go with peer connections."""

    def __init__(self, device: Any = None, use_device: bool = True):
        self.device = device_id(device)
        self.use_device = use_device
        self.stream = None
        self.failed = ""  # why the microphone did not open ("" when it did, or was not asked for)
        self.queue: asyncio.Queue[np.ndarray] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def open(self) -> None:
        """Open the device (off the event loop: PortAudio can take a moment)."""
        self._loop = asyncio.get_running_loop()
        self.queue = asyncio.Queue(MIC_QUEUE_FRAMES)
        if self.use_device and self.stream is None:
            await self._loop.run_in_executor(None, self._open_stream)

    def _open_stream(self) -> None:
        self.stream, self.failed = open_audio_stream("InputStream", self.device, self._captured)
        if self.failed:
            log.warning("microphone unavailable (%s); sending silence", self.failed)

    def _captured(self, indata: np.ndarray, _frames: int, _time: Any, _status: Any) -> None:
        # PortAudio's thread: hand the block to the event loop and return at once.
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(self._enqueue, indata[:, 0].copy())

    def _enqueue(self, block: np.ndarray) -> None:
        queue = self.queue
        if queue is None:
            return
        if queue.full():
            queue.get_nowait()  # drop the oldest: late speech is worse than a tiny gap
        queue.put_nowait(block)

    async def read(self) -> np.ndarray | None:
        """The next 20 ms block (None when the device stalls a moment)."""
        if self.queue is None:
            return None
        try:
            return await asyncio.wait_for(self.queue.get(), timeout=0.1)
        except TimeoutError:
            return None

    def close(self) -> None:
        """Release the device and forget what it heard."""
        stream, self.stream = self.stream, None
        close_stream(stream, "microphone")
        self.queue = None


class MicrophoneTrack(AudioStreamTrack):
    """The resident's voice as 20 ms frames from the call's Microphone, or paced silence when muted or when no
    microphone opened."""

    kind = "audio"

    def __init__(self, microphone: Microphone | None = None, meter: RateMeter | None = None):
        super().__init__()
        self.microphone = microphone
        self.muted = False
        self.meter = meter or RateMeter()
        self._pts = 0
        self._start: float | None = None

    @property
    def frames_sent(self) -> int:
        """Frames handed to the encoder (by every track sharing the meter)."""
        return self.meter.count

    async def recv(self) -> AudioFrame:
        """The next 20 ms of the microphone (silence when muted or without one)."""
        if self.readyState != "live":
            raise MediaStreamError
        microphone = self.microphone
        if microphone is not None and microphone.stream is not None:
            samples = await microphone.read()  # the device paces the track
        else:
            samples = None
            await self._pace()
        if samples is None or samples.size != AUDIO_FRAME_SAMPLES or self.muted:
            samples = np.zeros(AUDIO_FRAME_SAMPLES, np.int16)
        frame = AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = self._pts
        frame.time_base = AUDIO_TIME_BASE
        self._pts += AUDIO_FRAME_SAMPLES
        self.meter.tick()
        return frame

    async def _pace(self) -> None:
        now = time.monotonic()
        if self._start is None:
            self._start = now
            return
        wait = self._start + self._pts / SAMPLE_RATE - now
        if wait > 0:
            await asyncio.sleep(wait)


class _Ring:
    """Samples waiting for the speaker, bounded: the oldest are dropped when it overflows."""

    def __init__(self, limit: int):
        self.limit = limit
        self.data = np.zeros(0, np.int16)
        self.lock = threading.Lock()

    def write(self, samples: np.ndarray) -> None:
        with self.lock:
            self.data = np.concatenate([self.data, samples])[-self.limit :]

    def read(self, count: int) -> np.ndarray:
        with self.lock:
            out, self.data = self.data[:count], self.data[count:]
        return out if out.size == count else np.concatenate([out, np.zeros(count - out.size, np.int16)])


class SpeakerPlayer:
    """The clerk's voice to the speaker through a sounddevice output stream; without one the frames are still
    received and counted (and dropped)."""

    def __init__(self, device: Any = None, use_device: bool = True):
        self.device = device_id(device)
        self.use_device = use_device
        self.frames_received = 0
        self.meter = RateMeter()
        self.level_dbfs = -120.0  # of the last frame heard: tests and the technician look at it
        self.stream = None
        self.failed = ""
        self.ring = _Ring(int(SPEAKER_BUFFER_S * SAMPLE_RATE))
        self.task: asyncio.Task | None = None

    async def start(self, track: MediaStreamTrack) -> None:
        """Play `track` until it ends."""
        if self.use_device and self.stream is None:
            await asyncio.get_running_loop().run_in_executor(None, self._open_stream)
        self.task = asyncio.ensure_future(self._play(track))

    def _open_stream(self) -> None:
        self.stream, self.failed = open_audio_stream("OutputStream", self.device, self._fill)
        if self.failed:
            log.warning("speaker unavailable (%s)", self.failed)

    def _fill(self, outdata: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        outdata[:, 0] = self.ring.read(frames)

    async def _play(self, track: MediaStreamTrack) -> None:
        resampler = AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            self.frames_received += 1
            self.meter.tick()
            for out in resampler.resample(frame):
                samples = out.to_ndarray().reshape(-1).astype(np.int16, copy=False)
                if samples.size:
                    rms = float(np.sqrt(np.mean(np.square(samples.astype(np.float64))))) / 32768
                    self.level_dbfs = 20 * np.log10(rms) if rms > 1e-6 else -120.0
                if self.stream is not None:
                    self.ring.write(samples)

    def close(self) -> None:
        """Stop playing and release the speaker."""
        if self.task is not None:
            self.task.cancel()
            self.task = None
        stream, self.stream = self.stream, None
        close_stream(stream, "speaker")
        self.ring.read(self.ring.limit)  # nothing of the call stays in memory


class RemoteVideo:
    """The clerk's picture: every decoded frame as a BGR array to `on_frame` (which must return at once)."""

    def __init__(self, on_frame: Callable[[np.ndarray], None] | None, clock: Callable[[], float] = time.monotonic):
        self.on_frame = on_frame
        self.clock = clock
        self.frames_received = 0
        self.first_at: float | None = None
        self.last_at: float | None = None
        self.size = (0, 0)
        self.meter = RateMeter()
        self.task: asyncio.Task | None = None

    def start(self, track: MediaStreamTrack) -> None:
        """Receive `track` until it ends."""
        self.last_at = None  # a new connection's track: not stalled before its first frame
        self.task = asyncio.ensure_future(self._receive(track))

    async def _receive(self, track: MediaStreamTrack) -> None:
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            self.last_at = self.clock()
            if self.first_at is None:
                self.first_at = self.last_at
            self.frames_received += 1
            self.meter.tick()
            self.size = (frame.width, frame.height)
            if self.on_frame is not None:
                try:
                    self.on_frame(frame.to_ndarray(format="bgr24"))
                except Exception:
                    log.exception("the remote frame callback failed")

    def close(self) -> None:
        """Stop receiving."""
        if self.task is not None:
            self.task.cancel()
            self.task = None


async def restart_remote_video(pc: Any) -> int:
    """Get a stalled incoming picture going again: drop what aiortc's video jitter buffer holds and ask the other
    side for a new keyframe (RTCP PLI); how many requests went (0 if this aiortc has no way).

    aiortc hands frames on strictly in sequence, so a hole no retransmission fills (a stretch lost in an outage:
    the sender's history no longer has it) holds back every later frame, and the keyframe asked for with them,
    until 512 packets have piled up behind it: ten seconds and more of a frozen picture at a low bitrate."""
    sent = 0
    for transceiver in pc.getTransceivers():
        receiver = transceiver.receiver
        send = getattr(receiver, "_send_rtcp_pli", None)
        if transceiver.kind != "video" or send is None:
            continue
        buffer = getattr(receiver, "_RTCRtpReceiver__jitter_buffer", None)
        if isinstance(buffer, JitterBuffer) and buffer._origin is not None:
            buffer.remove(buffer.capacity)
            buffer._origin = None  # the next packet starts it afresh
        for source in receiver.getSynchronizationSources():
            await send(source.source)
            sent += 1
    return sent


def send_keyframe(pc: Any) -> bool:
    """Make the next frame of our video a keyframe, as the other side's PLI does (False if this aiortc has no way)."""
    for transceiver in pc.getTransceivers():
        force = getattr(transceiver.sender, "_send_keyframe", None)
        if transceiver.kind == "video" and force is not None:
            force()
            return True
    return False


@dataclass(frozen=True)
class LinkReading:
    """What RTCP says of the link now."""

    loss: float | None  # fraction of video packets the clerk's side lost in its last report
    rtt: float | None  # seconds
    bytes_sent: int
    bytes_received: int
    video_bytes_sent: int = 0


def link_reading(report: Any) -> LinkReading:
    """The figures the degrade ladder and stats need, from an aiortc RTCStatsReport."""
    loss = rtt = None
    audio_rtt = None
    sent = received = video = 0
    for stat in report.values():
        kind = getattr(stat, "type", "")
        if kind == "remote-inbound-rtp":
            if getattr(stat, "kind", "") == "video":
                loss = stat.fractionLost / 256  # RTCP's 8-bit fraction
                rtt = stat.roundTripTime if stat.roundTripTime is not None else rtt
            elif stat.roundTripTime is not None:
                audio_rtt = stat.roundTripTime
        elif kind == "outbound-rtp":
            sent += stat.bytesSent
            video += stat.bytesSent if getattr(stat, "kind", "") == "video" else 0
        elif kind == "transport":
            received = max(received, stat.bytesReceived)
    return LinkReading(loss, rtt if rtt is not None else audio_rtt, sent, received, video)


START_KBPS = 800  # the clerk's browser starts sending at this rate, not its 300 kbit/s default


def with_start_bitrate(sdp: str, kbps: int = START_KBPS) -> str:
    """The offer with Chromium's `x-google-start-bitrate` on every VP8 payload type: without it the clerk's picture
    starts at 480x360 and takes about 20 s to ramp up to 640x480 (bench/consult). Other peers ignore the parameter."""
    lines = sdp.split("\r\n")
    vp8 = {line.split()[0].split(":")[1] for line in lines if line.startswith("a=rtpmap:") and " VP8/" in line}
    out, has_fmtp = [], set()
    for line in lines:
        if line.startswith("a=fmtp:") and line.split()[0].split(":")[1] in vp8:
            has_fmtp.add(line.split()[0].split(":")[1])
            if "x-google-start-bitrate" not in line:
                line += f";x-google-start-bitrate={kbps}"
        out.append(line)
    result = []
    for line in out:
        result.append(line)
        if line.startswith("a=rtpmap:") and " VP8/" in line:
            payload = line.split()[0].split(":")[1]
            if payload not in has_fmtp:
                result.append(f"a=fmtp:{payload} x-google-start-bitrate={kbps}")
    return "\r\n".join(result)
