"""The call's media: the camera track over the real OpenCV driver reading its MJPEG simulator, two aiortc peers in
one process exchanging video and audio through the terminal's tracks, the microphone and speaker on PulseAudio
null sinks, the picture ladder driven by synthetic RTCP figures and bandwidth estimates, and the video encoder
held to each rung's bitrate (real libvpx on a noisy picture)."""

from __future__ import annotations

import asyncio
import datetime
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from fractions import Fraction

import numpy as np
import pytest
from aiortc import RTCConfiguration, RTCPeerConnection
from aiortc.codecs.vpx import Vp8Encoder
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack
from aiortc.stats import (
    RTCOutboundRtpStreamStats,
    RTCRemoteInboundRtpStreamStats,
    RTCStatsReport,
    RTCTransportStats,
)
from av import AudioFrame, AudioResampler, VideoFrame

from devices.audio.sounddevice_audio import dominant_frequency, tone
from devices.camera.opencv_camera import OpenCvCamera
from devices.camera.sim import CameraSimulator
from kiosk.consult.call import ConsultClient
from kiosk.consult.media import (
    MIN_VIDEO_KBPS,
    RETARGET_S,
    STARVED_LONG,
    CameraVideoTrack,
    Degrader,
    Level,
    Microphone,
    MicrophoneTrack,
    RemoteVideo,
    RungEncoder,
    SpeakerPlayer,
    fit_frame,
    hold_to_rungs,
    ladder,
    link_reading,
    restart_remote_video,
    send_keyframe,
)


def pulse_running() -> bool:
    return bool(shutil.which("pactl")) and subprocess.run(["pactl", "info"], capture_output=True).returncode == 0


needs_pulse = pytest.mark.skipif(
    not pulse_running(), reason="no PulseAudio server (scripts/bootstrap.sh test starts one)"
)


@pytest.fixture(scope="module")
def camera():
    """The real OpenCV driver on the camera simulator's MJPEG stream (its generated scene, 15 fps)."""
    sim = CameraSimulator(640, 480, 15)
    driver = OpenCvCamera(sim.url, 640, 480, 15)
    driver.open()
    deadline = time.monotonic() + 10
    while driver.latest() is None:
        assert time.monotonic() < deadline, "no frames from the camera simulator"
        time.sleep(0.05)
    yield driver
    driver.close()
    sim.close()


def run(coro):
    """Run a coroutine on a fresh event loop (closed after)."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()


async def until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        await asyncio.sleep(0.02)


# -- the camera track ---------------------------------------------------------------------------------------------
def test_camera_track_sends_the_drivers_frames_paced_and_stamped(camera):
    async def main() -> None:
        track = CameraVideoTrack(camera, Level(640, 480, 15))
        started = time.monotonic()
        frames = [await track.recv() for _ in range(16)]
        elapsed = time.monotonic() - started
        assert elapsed > 0.9  # paced: 15 frames' worth after the first, not as fast as the driver hands them
        assert all(f.width == 640 and f.height == 480 for f in frames)
        stamps = [f.pts for f in frames]
        assert stamps == sorted(stamps) and abs((stamps[-1] - stamps[0]) / 90000 - 1.0) < 0.05
        picture = frames[-1].to_ndarray(format="bgr24")
        assert 60 < picture.mean() < 200  # the simulator's scene, not black
        track.set_level(Level(320, 240, 8))
        smaller = await track.recv()
        assert (smaller.width, smaller.height) == (320, 240)
        track.muted = True
        dark = await track.recv()
        assert dark.to_ndarray(format="bgr24").max() < 20  # muted: black
        assert track.frames_sent == 18
        track.stop()

    run(main())


def test_frames_are_fitted_never_stretched_nor_enlarged():
    wide = np.zeros((720, 1280, 3), np.uint8)
    assert fit_frame(wide, 640, 480).shape == (360, 640, 3)
    small = np.zeros((240, 320, 3), np.uint8)
    assert fit_frame(small, 640, 480) is small
    odd = np.zeros((481, 641, 3), np.uint8)
    height, width = fit_frame(odd, 640, 480).shape[:2]
    assert height <= 480 and width <= 640 and height % 2 == 0 and width % 2 == 0  # the encoder wants even sides


def test_a_camera_without_frames_sends_black_rather_than_nothing():
    class Blind:
        def latest(self):
            return None

    async def main() -> None:
        track = CameraVideoTrack(Blind(), Level(320, 240, 10))
        frame = await track.recv()
        assert (frame.width, frame.height) == (320, 240)
        track.stop()

    run(main())


# -- two peers ----------------------------------------------------------------------------------------------------
class Pattern(VideoStreamTrack):
    """The clerk's camera: a blue picture at 30 fps."""

    async def recv(self) -> VideoFrame:
        pts, time_base = await self.next_timestamp()
        frame = VideoFrame.from_ndarray(np.full((480, 640, 3), (200, 80, 30), np.uint8), format="bgr24")
        frame.pts, frame.time_base = pts, time_base
        return frame


class Tone(AudioStreamTrack):
    """The clerk's voice: a 440 Hz tone, 48 kHz mono in 20 ms frames."""

    def __init__(self, frequency: float = 440.0) -> None:
        super().__init__()
        self.frequency = frequency
        self.n = 0
        self.started: float | None = None

    async def recv(self) -> AudioFrame:
        if self.started is None:
            self.started = time.monotonic()
        wait = self.started + self.n / 48000 - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        t = (np.arange(960) + self.n) / 48000
        samples = (0.3 * 32767 * np.sin(2 * np.pi * self.frequency * t)).astype(np.int16).reshape(1, -1)
        frame = AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.sample_rate, frame.pts, frame.time_base = 48000, self.n, Fraction(1, 48000)
        self.n += 960
        return frame


class Heard:
    """The clerk's ear: every sample received, 48 kHz mono."""

    def __init__(self) -> None:
        self.samples: list[np.ndarray] = []
        self.task: asyncio.Task | None = None

    def start(self, track) -> None:
        self.task = asyncio.ensure_future(self._run(track))

    async def _run(self, track) -> None:
        resampler = AudioResampler(format="s16", layout="mono", rate=48000)
        while True:
            try:
                frame = await track.recv()
            except Exception:
                return
            for out in resampler.resample(frame):
                self.samples.append(out.to_ndarray().reshape(-1).copy())

    def audio(self, last_seconds: float) -> np.ndarray:
        joined = np.concatenate(self.samples) if self.samples else np.zeros(0, np.int16)
        return joined[-int(last_seconds * 48000) :].astype(np.float32) / 32768


async def connect(terminal: RTCPeerConnection, clerk: RTCPeerConnection) -> None:
    """Offer from the terminal once ICE is gathered (no trickle), the clerk answers, as the contract has it."""
    await terminal.setLocalDescription(await terminal.createOffer())
    await clerk.setRemoteDescription(terminal.localDescription)
    await clerk.setLocalDescription(await clerk.createAnswer())
    await terminal.setRemoteDescription(clerk.localDescription)


async def two_peers(camera, microphone: Microphone | None, speaker: SpeakerPlayer, seconds: float):
    """A terminal (the tracks under test) and a clerk (pattern and tone) in one process, connected for a while."""
    terminal = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    clerk = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    video = CameraVideoTrack(camera, ladder(15)[0])
    mic = MicrophoneTrack(microphone)
    terminal.addTransceiver(mic, direction="sendrecv")
    terminal.addTransceiver(video, direction="sendrecv")
    at_terminal = RemoteVideo(None)
    at_clerk = RemoteVideo(None)
    heard = Heard()
    starting: list[asyncio.Future] = []

    def terminal_track(track) -> None:
        if track.kind == "video":
            at_terminal.start(track)
        else:
            starting.append(asyncio.ensure_future(speaker.start(track)))

    def clerk_track(track) -> None:
        if track.kind == "video":
            at_clerk.start(track)
            clerk.addTrack(Pattern())
        else:
            heard.start(track)
            clerk.addTrack(Tone())

    terminal.on("track", terminal_track)
    clerk.on("track", clerk_track)
    asked = time.monotonic()
    await connect(terminal, clerk)
    await until(lambda: at_terminal.first_at is not None and at_clerk.first_at is not None)
    first_ms = (at_terminal.first_at - asked) * 1000
    await asyncio.sleep(seconds)
    result = {
        "first_ms": first_ms,
        "sent": video.frames_sent,
        "terminal_got": at_terminal.frames_received,
        "terminal_fps": at_terminal.meter.rate(),
        "terminal_size": at_terminal.size,
        "clerk_got": at_clerk.frames_received,
        "clerk_fps": at_clerk.meter.rate(),
        "clerk_size": at_clerk.size,
        "audio_sent": mic.frames_sent,
        "audio_got": speaker.frames_received,
        "heard": heard,
        "speaker": (speaker.failed, speaker.level_dbfs, speaker.stream is not None),
        "reading": link_reading(await terminal.getStats()),
    }
    speaker.close()
    at_terminal.close()
    at_clerk.close()
    if heard.task is not None:
        heard.task.cancel()
    await terminal.close()
    await clerk.close()
    return result


def test_two_peers_exchange_video_and_audio_through_the_terminals_tracks(camera):
    result = run(two_peers(camera, None, SpeakerPlayer(use_device=False), 2.0))
    assert result["first_ms"] < 3000
    assert result["clerk_size"] == (640, 480) and result["terminal_size"] == (640, 480)
    assert result["clerk_got"] >= 20 and result["clerk_fps"] > 10  # the camera's 15 fps
    assert result["terminal_got"] >= 40 and result["terminal_fps"] > 20  # the clerk's 30 fps
    assert result["audio_sent"] >= 80 and result["audio_got"] >= 80  # 20 ms frames both ways
    assert result["reading"].bytes_sent > 0 and result["reading"].bytes_received > 0


@needs_pulse
def test_the_microphone_and_speaker_carry_voices_on_pulseaudio_null_sinks(camera):
    """A tone played into the virtual microphone reaches the clerk; the clerk's tone comes out of the speaker."""
    feed = subprocess.Popen(
        ["pacat", "--playback", "-d", "micfeed", "--format=s16le", "--rate=48000", "--channels=1", "--raw"],
        stdin=subprocess.PIPE,
    )
    record = subprocess.Popen(
        [
            "parec",
            "-d",
            "speaker.monitor",
            "--format=s16le",
            "--rate=48000",
            "--channels=1",
            "--raw",
            "--latency-msec=50",
        ],
        stdout=subprocess.PIPE,
    )
    recorded: list[bytes] = []  # read as it comes: a full pipe would stall the recorder
    reader = threading.Thread(target=lambda: recorded.extend(iter(lambda: record.stdout.read(9600), b"")), daemon=True)
    reader.start()
    try:
        feed.stdin.write((tone(700, 6.0, 48000, 0.5) * 32767).astype("<i2").tobytes())
        feed.stdin.flush()

        async def call():
            microphone = Microphone()
            await microphone.open()
            assert microphone.stream is not None, microphone.failed
            try:
                return await two_peers(camera, microphone, SpeakerPlayer(), 3.0)
            finally:
                microphone.close()

        result = run(call())
        time.sleep(0.3)  # what the speaker played reaches the recorder
    finally:
        feed.stdin.close()
        feed.wait(10)
        record.terminate()
        record.wait(10)
        reader.join(10)
        record.stdout.close()
        played = np.frombuffer(b"".join(recorded), "<i2").astype(np.float32) / 32768
    clerk_heard = result["heard"].audio(1.5)
    assert abs(dominant_frequency(clerk_heard, 48000) - 700) < 30, "the microphone's tone did not reach the clerk"
    loud = np.flatnonzero(np.abs(played) > 0.05)
    assert loud.size > 24000, ("nothing came out of the speaker", result["speaker"], played.size)
    middle = (loud[0] + loud[-1]) // 2
    assert abs(dominant_frequency(played[middle - 12000 : middle + 12000], 48000) - 440) < 30, "not the clerk's tone"


# -- the picture ladder -------------------------------------------------------------------------------------------
def test_a_weak_link_lowers_the_picture_step_by_step_and_a_good_one_raises_it():
    degrader = Degrader(ladder(15))
    assert degrader.level == Level(640, 480, 15)
    assert degrader.observe(0.10, 0.05) is None  # one bad reading is not a weak link
    assert degrader.observe(0.10, 0.05) == Level(480, 360, 15)
    steps = [degrader.observe(0.02, 0.6) for _ in range(10)]  # RTT alone also counts
    assert [s for s in steps if s] == [Level(320, 240, 12), Level(320, 240, 8), Level(160, 120, 5)]
    assert degrader.level == Level(160, 120, 5)  # the floor
    assert degrader.observe(0.03, 0.3) is None and degrader.bad == 0  # in between: hold
    assert degrader.observe(None, None) is None
    ups = [degrader.observe(0.0, 0.05) for _ in range(10)]
    assert [u for u in ups if u] == [Level(320, 240, 8), Level(320, 240, 12)]  # slowly: five good in a row each
    assert [degrader.observe(0.0, None) for _ in range(4)] == [None] * 4


def test_a_starved_rung_steps_down_and_a_climb_waits_for_room():
    """With the clerk's bandwidth estimate: a rung whose bitrate the estimate cannot nearly feed, on a link whose RTT
    stands over the call's lowest (a queue), is bad even without loss (the estimate throttled the encoder); a climb
    waits until the estimate has room for the rung above, the good readings counting meanwhile."""
    degrader = Degrader(ladder(15))
    assert degrader.observe(0.0, 0.02) is None  # the call's lowest RTT: 20 ms
    assert degrader.observe(0.0, 0.15, budget=170, sent=160) is None
    assert degrader.observe(0.0, 0.15, budget=170, sent=160) == Level(480, 360, 15)  # 170 < 0.4 x 600, 130 ms queue
    assert [degrader.observe(0.0, 0.15, budget=170, sent=160) for _ in range(3)] == [None] * 3  # 170 >= 0.4 x 400
    assert degrader.good == 3  # healthy, but no room for 600: 170 < 0.55 x 600
    assert degrader.observe(0.0, 0.05, budget=300, sent=290) is None
    assert degrader.observe(0.0, 0.03, budget=340, sent=330) == Level(640, 480, 15)  # 340 >= 0.55 x 600


def test_an_estimate_that_collapsed_on_a_clear_link_does_not_hold_the_picture_down():
    """The browser's estimate grows only with what it is sent: after a congested spell it can sit far below the
    rung's floor, which the encoder keeps sending, for minutes. If the link carries that floor without a queue
    (RTT back at the call's lowest) and without loss, the rung is not starved and there is room to climb; a still
    picture, not held back by the estimate at all, climbs too."""
    degrader = Degrader(ladder(15))
    for _ in range(4):
        degrader.observe(0.2, 0.02)  # loss: two rungs down
    assert degrader.level == Level(320, 240, 12)
    clear = [degrader.observe(0.0, 0.03, budget=20, sent=100) for _ in range(5)]  # 100: the rung's floor
    assert clear == [None] * 4 + [Level(480, 360, 15)]
    # ... but the same estimate with packets queueing is a starved rung: down, not up.
    assert [degrader.observe(0.0, 0.2, budget=20, sent=160) for _ in range(2)] == [None, Level(320, 240, 12)]
    # Not held back by the estimate: a still picture sends little whatever the estimate allows.
    degrader = Degrader(ladder(15))
    for _ in range(2):
        degrader.observe(0.2, 0.05, budget=120, sent=40)
    assert degrader.level == Level(480, 360, 15)
    assert [degrader.observe(0.0, 0.05, budget=120, sent=40) for _ in range(5)][-1] == Level(640, 480, 15)


def test_a_call_that_begins_on_a_weak_link_still_steps_down():
    """The call's lowest RTT was learnt with the queue already standing, so the RTT looks calm: a rung the estimate
    starves for STARVED_LONG readings with loss bursts among them steps down all the same, and further while the
    estimate keeps starving it; it does not climb back on the untrusted RTT (no see-saw)."""
    degrader = Degrader(ladder(15))
    weak = [(0.0, 0.16)] * 2 + [(0.8, 0.18)] + [(0.0, 0.16)] * STARVED_LONG  # a loss burst now and then
    steps = [degrader.observe(loss, rtt, budget=165, sent=250) for loss, rtt in weak]
    assert [s for s in steps if s] == [Level(480, 360, 15)]
    assert steps.index(Level(480, 360, 15)) == STARVED_LONG  # the run's 6th reading made it bad, the 7th stepped
    assert [degrader.observe(0.0, 0.16, budget=150, sent=150) for _ in range(2)] == [None, Level(320, 240, 12)]
    assert [degrader.observe(0.0, 0.16, budget=150, sent=150) for _ in range(8)] == [None] * 8  # 150 >= 0.4 x 250
    # Without loss, the same starved figures are an estimate that collapsed on a clear link: no step down.
    degrader = Degrader(ladder(15))
    assert [degrader.observe(0.0, 0.16, budget=165, sent=250) for _ in range(12)] == [None] * 12
    # A path well faster than the lowest RTT learnt shows the queue has gone: the RTT is trusted again.
    degrader = Degrader(ladder(15))
    for loss, rtt in weak:
        degrader.observe(loss, rtt, budget=165, sent=250)
    assert not degrader.trust_rtt
    degrader.observe(0.0, 0.03, budget=300, sent=290)
    assert degrader.trust_rtt


class NoisyCamera:
    """A camera driver's latest(): a texture with a sensor's noise in every frame, as real cameras give (the
    simulator's flat scene compresses to next to nothing whatever the bitrate allows)."""

    def __init__(self) -> None:
        rng = np.random.default_rng(3)
        base = np.clip(120 + 30 * rng.normal(0, 1, (60, 80)), 0, 255).astype(np.uint8)
        self.base = np.repeat(np.repeat(base, 8, 0), 8, 1)
        self.rng = rng

    def latest(self) -> tuple[np.ndarray, float]:
        noisy = self.base.astype(np.int16) + self.rng.normal(0, 8, self.base.shape).astype(np.int16)
        gray = np.clip(noisy, 0, 255).astype(np.uint8)
        return np.dstack([gray, gray, gray]), time.monotonic()


def encoded_kbps(encoder: RungEncoder, camera: NoisyCamera, level: Level, seconds: float = 4.0) -> float:
    """kbit/s of what `encoder` makes of `seconds` of the camera at `level` (in media time, not wall time)."""
    count, total = int(seconds * level.fps), 0
    for n in range(count + int(level.fps)):  # the first second (the keyframe, the rate control settling) not counted
        frame = VideoFrame.from_ndarray(fit_frame(camera.latest()[0], level.width, level.height), format="bgr24")
        frame.pts, frame.time_base = int(n * 90000 / level.fps), Fraction(1, 90000)
        payloads, _ = encoder.encode(frame)
        total += sum(len(p) for p in payloads) if n >= level.fps else 0
    return total * 8 / seconds / 1000


def test_the_encoder_spends_the_rungs_bitrate_or_the_estimate_not_aiortcs_fixed_one():
    """A smaller picture alone costs a noisy camera nearly as many bits (aiortc's encoder is constant-bitrate at
    500 kbit/s until the clerk's estimate says otherwise, and never under 250): the rung's bitrate is what lowers
    them, and an estimate below the rung lowers them further, down to the rung's floor."""
    camera = NoisyCamera()
    top, low = ladder(15)[0], ladder(15)[3]  # 640x480 at 600 kbit/s; 320x240 at 8 fps and 160
    plain = encoded_kbps(Vp8Encoder(), camera, low)
    track = CameraVideoTrack(camera, low)
    encoder = RungEncoder(track)
    assert encoder.target_bitrate == low.kbps * 1000  # no estimate yet: the rung's
    held = encoded_kbps(encoder, camera, low)
    assert 0.6 * low.kbps < held < 1.2 * low.kbps and plain > 2 * held, (plain, held)
    track.set_level(top)
    assert encoder.target_bitrate == top.kbps * 1000
    track.set_level(low)
    encoder.target_bitrate = 10_000  # the clerk's REMB: 10 kbit/s
    floor = max(MIN_VIDEO_KBPS * 1000, int(0.4 * low.kbps * 1000))
    assert encoder.target_bitrate == floor  # below the rung's floor it is the ladder's turn, not the encoder's
    throttled = encoded_kbps(encoder, camera, low)
    assert throttled < 1.2 * floor / 1000 and held > 2 * throttled, (held, throttled)


def test_the_bitrate_rises_in_steps_and_falls_at_once():
    """Each new bitrate restarts aiortc's encoder with a keyframe: small moves of the estimate are ignored, rises
    wait RETARGET_S after the last change, a steep fall or a new rung is taken at once."""
    now = [100.0]
    track = CameraVideoTrack(None, Level(480, 360, 15, 400))
    encoder = RungEncoder(track, clock=lambda: now[0])
    encoder.target_bitrate = 300_000
    assert encoder.target_bitrate == 300_000
    encoder.target_bitrate = 330_000  # a tenth more: not worth a keyframe
    assert encoder.target_bitrate == 300_000
    encoder.target_bitrate = 390_000
    now[0] += RETARGET_S - 0.5
    assert encoder.target_bitrate == 300_000  # a rise waits
    now[0] += 0.5
    assert encoder.target_bitrate == 390_000
    encoder.target_bitrate = 200_000  # congestion: down at once
    assert encoder.target_bitrate == 200_000
    track.set_level(Level(320, 240, 8, 160))  # a new rung: its cap at once
    assert encoder.target_bitrate == 160_000


def test_the_call_client_reaches_into_aiortc_where_it_means_to(camera):
    """The rung-held encoder is the one aiortc's sender encodes with, and the keyframe request and keyframe push
    find aiortc's receiver and sender (each falls back quietly if aiortc moved them: this says they have not)."""

    async def main() -> None:
        terminal = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        clerk = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        video = CameraVideoTrack(camera, Level(320, 240, 15, 200))
        terminal.addTransceiver(MicrophoneTrack(None), direction="sendrecv")
        encoder = hold_to_rungs(terminal.addTransceiver(video, direction="sendrecv"), video)
        assert isinstance(encoder, RungEncoder)
        at_terminal, at_clerk = RemoteVideo(None), RemoteVideo(None)
        terminal.on("track", lambda track: at_terminal.start(track) if track.kind == "video" else None)

        def clerk_track(track) -> None:
            if track.kind == "video":
                at_clerk.start(track)
                clerk.addTrack(Pattern())
            else:
                clerk.addTrack(AudioStreamTrack())

        clerk.on("track", clerk_track)
        await connect(terminal, clerk)
        assert "VP8" in terminal.localDescription.sdp and "H264" not in terminal.localDescription.sdp
        await until(lambda: at_clerk.frames_received > 5 and at_terminal.frames_received > 5)
        assert encoder.codec is not None and encoder.codec.bit_rate == 200_000  # aiortc encodes through it
        assert await restart_remote_video(terminal) >= 1  # a PLI to the clerk's video source
        received = at_terminal.frames_received
        await until(lambda: at_terminal.frames_received > received + 5)  # the picture goes on after the flush
        assert send_keyframe(terminal) is True
        for part in (at_terminal, at_clerk):
            part.close()
        await terminal.close()
        await clerk.close()

    run(main())


def test_rtcp_figures_are_read_from_aiortcs_stats():
    now = datetime.datetime.now()
    report = RTCStatsReport()
    common = {"timestamp": now, "ssrc": 1, "transportId": "t"}
    report.add(
        RTCRemoteInboundRtpStreamStats(
            **common, type="remote-inbound-rtp", id="v", kind="video", packetsReceived=90, packetsLost=10,
            jitter=3, roundTripTime=0.32, fractionLost=26,
        )
    )  # fmt: skip
    report.add(
        RTCRemoteInboundRtpStreamStats(
            **common, type="remote-inbound-rtp", id="a", kind="audio", packetsReceived=50, packetsLost=0,
            jitter=1, roundTripTime=0.30, fractionLost=0,
        )
    )  # fmt: skip
    for n, kind in enumerate(("audio", "video")):
        report.add(
            RTCOutboundRtpStreamStats(
                **common, type="outbound-rtp", id=f"o{n}", kind=kind, packetsSent=100, bytesSent=5000, trackId="x"
            )
        )
    report.add(
        RTCTransportStats(
            timestamp=now, type="transport", id="t", packetsSent=200, packetsReceived=180, bytesSent=10000,
            bytesReceived=9000, iceRole="controlling", dtlsState="connected",
        )
    )  # fmt: skip
    reading = link_reading(report)
    assert reading.loss == pytest.approx(26 / 256) and reading.rtt == pytest.approx(0.32)
    assert (reading.bytes_sent, reading.bytes_received) == (10000, 9000)
    assert reading.video_bytes_sent == 5000  # the ladder weighs the video's own bitrate against the estimate


def test_the_client_lowers_only_the_picture_and_the_clerk_then_gets_smaller_frames(camera):
    """Synthetic weak-link readings fed to a call client's ladder shrink the frames the clerk's peer decodes;
    the audio track has no rung to lower."""

    async def main() -> None:
        client = ConsultClient("http://127.0.0.1:9", "t.s", camera=camera)
        terminal = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        clerk = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        client.video = CameraVideoTrack(camera, client.degrader.level, client.video_meter)
        client.mic = MicrophoneTrack(None, client.audio_meter)
        terminal.addTransceiver(client.mic, direction="sendrecv")
        terminal.addTransceiver(client.video, direction="sendrecv")
        at_clerk = RemoteVideo(None)

        def clerk_track(track) -> None:
            if track.kind == "video":
                at_clerk.start(track)
                clerk.addTrack(Pattern())
            else:
                clerk.addTrack(AudioStreamTrack())

        clerk.on("track", clerk_track)
        await connect(terminal, clerk)
        await until(lambda: at_clerk.size == (640, 480))
        for _ in range(4):
            client.apply_reading(0.2, 0.5)  # two rungs down
        assert client.video.level == Level(320, 240, 12)
        await until(lambda: at_clerk.size == (320, 240))
        assert client.stats()["level"] == "320x240@12"
        assert not hasattr(client.mic, "level")
        for _ in range(5):
            client.apply_reading(0.0, 0.02)
        await until(lambda: at_clerk.size == (480, 360))
        at_clerk.close()
        await terminal.close()
        await clerk.close()

    run(main())


def test_the_offer_asks_the_clerks_browser_to_start_at_a_full_picture_rate() -> None:
    from kiosk.consult.media import START_KBPS, with_start_bitrate

    sdp = "\r\n".join([
        "v=0", "m=video 9 UDP/TLS/RTP/SAVPF 97 98 99", "a=rtpmap:97 VP8/90000", "a=rtpmap:98 rtx/90000",
        "a=fmtp:98 apt=97", "a=rtpmap:99 VP8/90000", "a=fmtp:99 max-fr=30", "m=audio 9 UDP/TLS/RTP/SAVPF 111",
        "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10", "",
    ])  # fmt: skip
    out = with_start_bitrate(sdp).split("\r\n")
    assert f"a=fmtp:97 x-google-start-bitrate={START_KBPS}" in out  # added right after its rtpmap
    assert out.index(f"a=fmtp:97 x-google-start-bitrate={START_KBPS}") == out.index("a=rtpmap:97 VP8/90000") + 1
    assert f"a=fmtp:99 max-fr=30;x-google-start-bitrate={START_KBPS}" in out  # appended to its own fmtp
    assert "a=fmtp:98 apt=97" in out and "a=fmtp:111 minptime=10" in out  # rtx and opus untouched
    assert with_start_bitrate(with_start_bitrate(sdp)) == with_start_bitrate(sdp)
