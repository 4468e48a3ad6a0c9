"""Spoken guidance read aloud offline: espeak-ng synthesis, sounddevice playback on a worker thread."""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
import threading
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass, replace
from types import ModuleType

import numpy as np

from kiosk.config import VoiceConfig

log = logging.getLogger(__name__)

ESPEAK = "espeak-ng"
SYNTHESIS_TIMEOUT = 30.0
# After the audio's own length, how long the device may take to drain before we call it stuck.
# PulseAudio null sinks buffer up to 2 s, so this is generous.
DRAIN_GRACE = 10.0
# espeak-ng 1.51 (Debian 12) has a broken "cmn": it turns hanzi into pinyin with tone digits and reads those in
# English ("今天" -> "jin one tian one"; espeak-ng issues #1028, #1370). Its "cmn-latn-pinyin" speaks Mandarin.
MANDARIN_FALLBACK = "cmn-latn-pinyin"


class SpeechError(RuntimeError):
    """Synthesis failed: espeak-ng missing, failing or producing no usable WAV."""


def synthesize(text: str, voice: str, speed: int, *, binary: str = ESPEAK) -> tuple[np.ndarray, int]:
    """Speak text with espeak-ng into mono int16 samples; returns (samples, sample rate)."""
    # The text goes through stdin, not argv: no shell, no option injection ("-h ..."), and it never
    # appears in a command line that ps, error messages or logs could show.
    command = [binary, "-v", voice, "-s", str(int(speed)), "--stdout"]
    try:
        result = subprocess.run(
            command,
            input=text.encode("utf-8", errors="replace"),
            capture_output=True,
            timeout=SYNTHESIS_TIMEOUT,
            check=False,
        )
    except FileNotFoundError as exc:
        raise SpeechError(f"{binary} not found") from exc
    except subprocess.TimeoutExpired as exc:
        raise SpeechError(f"{binary} took longer than {SYNTHESIS_TIMEOUT:.0f} s") from exc
    except OSError as exc:
        raise SpeechError(f"{binary} could not be started: {exc.strerror or exc}") from exc
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise SpeechError(f"{binary} -v {voice} exited with {result.returncode}: {detail[-1] if detail else ''}")
    return _decode_wav(result.stdout)


def reads_chinese_as_english(voice: str, *, binary: str = ESPEAK) -> bool | None:
    """Whether an espeak-ng voice switches to English for Chinese characters (the 1.51 "cmn" bug); None if unusable."""
    try:
        result = subprocess.run(
            [binary, "-v", voice, "-q", "-x"], input="一天".encode(), capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0 or not result.stdout.strip():
        return None
    return b"(en)" in result.stdout


def _decode_wav(data: bytes) -> tuple[np.ndarray, int]:
    try:
        with wave.open(io.BytesIO(data), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            # espeak-ng streams to stdout, so its header claims ~2**30 frames: read to the end instead.
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise SpeechError(f"espeak-ng output is not a WAV: {exc}") from exc
    if width != 2:
        raise SpeechError(f"espeak-ng produced {8 * width}-bit audio, expected 16-bit")
    usable = len(frames) - len(frames) % (width * channels)
    samples = np.frombuffer(frames[:usable], dtype="<i2").astype(np.int16)
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return samples, rate


def _resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Linear resampling: enough for speech, and no extra dependency."""
    count = round(len(samples) * target / rate)
    positions = np.linspace(0, len(samples) - 1, count) if count else np.zeros(0)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.int16)


@dataclass(frozen=True)
class PlaybackReport:
    """What one utterance did on the device (never its text: it may one day carry personal data)."""

    language: str
    voice: str
    seconds: float  # length of the synthesized audio
    played: float  # seconds of it the device consumed
    interrupted: bool  # stopped by stop(), close() or a newer say()
    started: float  # time.monotonic() when the output stream started
    ended: float  # time.monotonic() when it ended


@dataclass(frozen=True)
class _Job:
    text: str
    language: str
    voice: str
    generation: int


class VoiceGuide:
    """Reads instructions aloud without blocking the caller; the latest utterance wins."""

    def __init__(
        self,
        config: VoiceConfig,
        *,
        binary: str = ESPEAK,
        on_playback: Callable[[PlaybackReport], None] | None = None,
    ) -> None:
        self._config = config
        self._binary = binary
        self._on_playback = on_playback  # called on the worker thread
        self._cond = threading.Condition()
        self._generation = 0  # bumped by say/stop/close: a job whose number is stale must stop
        self._pending: _Job | None = None  # one slot, not a queue: older utterances are dropped
        self._busy = False
        self._speaking = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self._probe_lock = threading.Lock()
        self._available: bool | None = None
        self._reported: set[str] = set()
        self._spoken_voices: dict[str, str] = {}  # configured Mandarin voice -> the one that really speaks it
        self._report_lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        """Whether the configuration turns spoken guidance on."""
        return self._config.enabled

    @property
    def available(self) -> bool:
        """espeak-ng is installed and an audio output device exists (False after an audio failure)."""
        with self._probe_lock:
            if self._available is None:
                self._available = self._probe()
            return self._available

    @property
    def speaking(self) -> bool:
        """Whether audio is being played right now."""
        with self._cond:
            return self._speaking

    def voice_for(self, language: str) -> str:
        """The espeak-ng voice for a UI language (zh_CN Mandarin, zh_HK Cantonese, en English)."""
        voices = {
            "zh_CN": self._config.mandarin_voice,
            "zh_HK": self._config.cantonese_voice,
            "en": self._config.english_voice,
        }
        if language in voices:
            return voices[language]
        self._report_once(f"language:{language}", "no voice for language %r: using Mandarin", language)
        return self._config.mandarin_voice

    def say(self, text: str, language: str) -> None:
        """Speak text in the background, cutting off whatever is playing; empty text just stops."""
        if not text.strip():
            self.stop()
            return
        if not self._config.enabled or self._available is False:
            return
        voice = self.voice_for(language)
        with self._cond:
            if self._closed:
                return
            self._generation += 1
            self._pending = _Job(text, language, voice, self._generation)
            self._busy = True
            self._cond.notify_all()
            if self._thread is None:
                self._start_worker()

    def stop(self) -> None:
        """Silence the current utterance and drop any waiting one."""
        with self._cond:
            self._generation += 1
            self._pending = None
            self._cond.notify_all()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing is playing or waiting; False if the timeout passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy, timeout)

    def close(self) -> None:
        """Stop speaking and end the worker thread."""
        with self._cond:
            self._closed = True
            self._generation += 1
            self._pending = None
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=DRAIN_GRACE)

    def __enter__(self) -> VoiceGuide:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ worker side

    def _start_worker(self) -> None:
        # Daemon: a guide someone forgot to close must not keep the terminal from exiting.
        thread = threading.Thread(target=self._run, name="voice-guide", daemon=True)
        try:
            thread.start()
        except RuntimeError as exc:
            self._busy = False
            self._pending = None
            self._report_once("thread", "cannot start the voice thread: %s", exc)
            return
        self._thread = thread

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._closed:
                    self._busy = False
                    self._cond.notify_all()
                    self._cond.wait()
                if self._closed:
                    self._busy = False
                    self._cond.notify_all()
                    return
                job, self._pending = self._pending, None
            try:
                self._speak(job)
            except Exception as exc:  # the thread must survive anything, or the kiosk falls silent for good
                # Only the type: an exception message could quote the text.
                self._report_once("unexpected", "voice guidance failed unexpectedly (%s)", type(exc).__name__)
            finally:
                with self._cond:
                    self._speaking = False

    def _stale(self, job: _Job) -> bool:
        return self._closed or job.generation != self._generation

    def _speak(self, job: _Job) -> None:
        if not self.available:
            return
        if job.language == "zh_CN":
            job = replace(job, voice=self._mandarin(job.voice))
        try:
            samples, rate = synthesize(job.text, job.voice, self._config.speed, binary=self._binary)
        except SpeechError as exc:
            if shutil.which(self._binary) is None:
                self._disable("espeak", "%s is gone: spoken guidance is off", self._binary)
            else:
                self._report_once(f"synthesis:{job.voice}", "speech synthesis failed: %s", exc)
            return
        with self._cond:
            if self._stale(job) or len(samples) == 0:
                return
        self._play(job, samples, rate)

    def _mandarin(self, voice: str) -> str:
        if voice not in self._spoken_voices:
            spoken = voice
            broken = reads_chinese_as_english(voice, binary=self._binary)
            if broken and reads_chinese_as_english(MANDARIN_FALLBACK, binary=self._binary) is False:
                spoken = MANDARIN_FALLBACK
                self._report_once(
                    f"voice:{voice}",
                    "espeak-ng voice %r reads Chinese as English: speaking Mandarin with %r",
                    voice,
                    MANDARIN_FALLBACK,
                )
            self._spoken_voices[voice] = spoken
        return self._spoken_voices[voice]

    def _play(self, job: _Job, samples: np.ndarray, rate: int) -> None:
        sd = _sounddevice()
        if sd is None:
            self._disable("portaudio", "PortAudio is not installed: spoken guidance is off")
            return
        try:
            samples, rate = self._fit_device(sd, samples, rate)
        except (sd.PortAudioError, ValueError) as exc:
            self._disable("audio", "no usable audio output: %s", exc)
            return
        position = 0
        finished = False

        def fill(outdata: np.ndarray, frames: int, _time: object, _status: object) -> None:
            nonlocal position
            chunk = samples[position : position + frames]
            outdata[: len(chunk), 0] = chunk
            outdata[len(chunk) :] = 0
            position += len(chunk)
            if len(chunk) < frames:
                raise sd.CallbackStop

        def done() -> None:
            nonlocal finished
            with self._cond:
                finished = True
                self._cond.notify_all()

        seconds = len(samples) / rate
        try:
            stream = sd.OutputStream(samplerate=rate, channels=1, dtype="int16", callback=fill, finished_callback=done)
        except (sd.PortAudioError, ValueError) as exc:
            self._disable("audio", "cannot open the audio output: %s", exc)
            return
        try:
            with self._cond:
                if self._stale(job):
                    return
                self._speaking = True
            started = time.monotonic()
            stream.start()
            with self._cond:
                ended_well = self._cond.wait_for(lambda: finished or self._stale(job), seconds + DRAIN_GRACE)
                interrupted = not finished
            if not ended_well:
                self._disable("stuck", "the audio output stopped consuming audio: spoken guidance is off")
        except sd.PortAudioError as exc:
            self._disable("audio", "audio playback failed: %s", exc)
            return
        finally:
            stream.abort()  # immediate; a no-op when the stream already finished
            stream.close()
        ended = time.monotonic()
        report = PlaybackReport(job.language, job.voice, seconds, position / rate, interrupted, started, ended)
        if self._on_playback is not None:
            self._on_playback(report)

    @staticmethod
    def _fit_device(sd: ModuleType, samples: np.ndarray, rate: int) -> tuple[np.ndarray, int]:
        # espeak-ng speaks at 22,050 Hz; PulseAudio converts, but a bare ALSA device may accept only 48 kHz.
        try:
            sd.check_output_settings(samplerate=rate, channels=1, dtype="int16")
        except sd.PortAudioError:
            target = int(sd.query_devices(kind="output")["default_samplerate"])
            sd.check_output_settings(samplerate=target, channels=1, dtype="int16")
            return _resample(samples, rate, target), target
        return samples, rate

    def _probe(self) -> bool:
        if shutil.which(self._binary) is None:
            self._report_once("espeak", "%s not found: spoken guidance is off", self._binary)
            return False
        sd = _sounddevice()
        if sd is None:
            self._report_once("portaudio", "PortAudio is not installed: spoken guidance is off")
            return False
        try:
            device = sd.query_devices(kind="output")
        except (sd.PortAudioError, ValueError) as exc:
            self._report_once("audio", "no audio output device (%s): spoken guidance is off", exc)
            return False
        if not device or device.get("max_output_channels", 0) < 1:
            self._report_once("audio", "no audio output device: spoken guidance is off")
            return False
        return True

    def _disable(self, key: str, message: str, *args: object) -> None:
        with self._probe_lock:
            self._available = False
        self._report_once(key, message, *args)

    def _report_once(self, key: str, message: str, *args: object) -> None:
        # A kiosk runs for months: one line per kind of failure, not one per screen.
        with self._report_lock:
            if key in self._reported:
                return
            self._reported.add(key)
        log.warning(message, *args)


def _sounddevice() -> ModuleType | None:
    """Import sounddevice lazily: it raises OSError at import when the PortAudio library is missing."""
    try:
        import sounddevice
    except (ImportError, OSError):
        return None
    return sounddevice
