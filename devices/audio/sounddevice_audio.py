"""Speaker and microphone through sounddevice: a test tone, a level meter, and a loopback check.

On a terminal the loopback goes speaker -> air -> microphone; on a machine without sound hardware a PulseAudio
null sink and its monitor stand in (PULSE_SOURCE picks the monitor), so the same code path runs.
"""

from __future__ import annotations

import logging
import os

import numpy as np

from devices.base import CheckResult, DeviceError, DeviceState, EventSource

log = logging.getLogger("kiosk.devices.audio")


def _sd():
    try:
        import sounddevice as sd  # PortAudio is loaded here, not at import of the kiosk
    except OSError as exc:
        raise DeviceError(f"PortAudio is not available: {exc}") from exc
    return sd


def tone(frequency: float, seconds: float, rate: int, volume: float = 0.3) -> np.ndarray:
    """A sine tone with short fades (no clicks)."""
    t = np.arange(int(seconds * rate)) / rate
    wave = volume * np.sin(2 * np.pi * frequency * t)
    fade = min(len(wave) // 10, int(0.01 * rate))
    if fade:
        ramp = np.linspace(0, 1, fade)
        wave[:fade] *= ramp
        wave[-fade:] *= ramp[::-1]
    return wave.astype(np.float32)


def level_dbfs(samples: np.ndarray) -> float:
    """RMS level in dB relative to full scale (-120 for silence)."""
    if samples.size == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(np.square(samples.astype(np.float64)))))
    return 20 * np.log10(rms) if rms > 1e-6 else -120.0


def dominant_frequency(samples: np.ndarray, rate: int) -> float:
    """The strongest frequency in a recording."""
    if samples.size < 16:
        return 0.0
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
    return float(np.fft.rfftfreq(samples.size, 1 / rate)[int(np.argmax(spectrum[1:])) + 1])


class SoundDeviceAudio(EventSource):
    """The default (or named) output and input devices."""

    kind = "audio"

    def __init__(self, output: str | int | None = None, input_device: str | int | None = None, rate: int = 48000):
        self.output, self.input, self.rate = output, input_device, rate
        self._meter = None
        self._meter_level = -120.0

    def start_meter(self) -> None:
        """Keep measuring the microphone level in PortAudio's own thread (read it with `meter_level`)."""
        if self._meter is not None:
            return
        sd = _sd()

        def measure(indata: np.ndarray, _frames: int, _time, _status) -> None:
            self._meter_level = level_dbfs(indata[:, 0])

        try:
            stream = sd.InputStream(
                samplerate=self.rate,
                channels=1,
                dtype="float32",
                device=self.input,
                blocksize=self.rate // 20,
                latency="low",  # a meter that lags the sound it shows is no use for aiming a microphone
                callback=measure,
            )
            stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            raise DeviceError(f"microphone: {exc}") from exc
        self._meter = stream

    def meter_level(self) -> float:
        """The latest microphone level in dBFS (-120 when the meter is off or silent)."""
        return self._meter_level if self._meter is not None else -120.0

    def stop_meter(self) -> None:
        """Stop the level meter."""
        stream, self._meter = self._meter, None
        if stream is not None:
            stream.stop()
            stream.close()
        self._meter_level = -120.0

    def close(self) -> None:
        """Release the microphone."""
        self.stop_meter()

    def play_tone(self, frequency: float = 1000.0, seconds: float = 0.5) -> None:
        """The speaker test."""
        sd = _sd()
        try:
            sd.play(tone(frequency, seconds, self.rate), self.rate, device=self.output, blocking=True)
        except sd.PortAudioError as exc:
            raise DeviceError(f"speaker: {exc}") from exc

    def record(self, seconds: float) -> np.ndarray:
        """Samples from the microphone."""
        sd = _sd()
        try:
            data = sd.rec(
                int(seconds * self.rate),
                samplerate=self.rate,
                channels=1,
                dtype="float32",
                device=self.input,
                blocking=True,
            )
        except sd.PortAudioError as exc:
            raise DeviceError(f"microphone: {exc}") from exc
        return data[:, 0]

    def level(self, seconds: float = 0.3) -> float:
        """The microphone level meter, in dBFS."""
        return level_dbfs(self.record(seconds))

    def loopback(self, frequency: float = 1000.0, seconds: float = 0.6) -> tuple[bool, float, float]:
        """Play a tone while recording; (heard, dominant frequency, level) of what came back."""
        sd = _sd()
        signal = tone(frequency, seconds, self.rate)
        try:
            recorded = sd.playrec(
                signal,
                samplerate=self.rate,
                channels=1,
                dtype="float32",
                blocking=True,
                device=(self.input, self.output),
            )[:, 0]
        except sd.PortAudioError as exc:
            raise DeviceError(f"audio loopback: {exc}") from exc
        found, level = dominant_frequency(recorded, self.rate), level_dbfs(recorded)
        return abs(found - frequency) < 30 and level > -50, found, level

    def self_test(self) -> CheckResult:
        """Output and input devices exist (the technician runs the tone and meter tests on screen)."""
        try:
            sd = _sd()
            out, inp = sd.query_devices(self.output, "output"), sd.query_devices(self.input, "input")
        except (DeviceError, ValueError, Exception) as exc:  # PortAudio reports missing devices its own way
            self.state = DeviceState.DISCONNECTED
            return CheckResult(self.kind, False, f"no audio device: {exc}")
        self.state = DeviceState.READY
        details = {"output": out["name"], "input": inp["name"], "pulse_source": os.environ.get("PULSE_SOURCE", "")}
        return CheckResult(self.kind, True, "speaker and microphone present", details)
