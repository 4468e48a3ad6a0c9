"""The audio driver on PulseAudio null sinks: tone through the speaker, level meter, loopback."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from devices.audio.sounddevice_audio import SoundDeviceAudio, dominant_frequency, level_dbfs, tone


def pulse_running() -> bool:
    return bool(shutil.which("pactl")) and subprocess.run(["pactl", "info"], capture_output=True).returncode == 0


needs_pulse = pytest.mark.skipif(
    not pulse_running(), reason="no PulseAudio server (scripts/bootstrap.sh test starts one)"
)


def test_signal_helpers():
    wave = tone(440, 0.5, 48000)
    assert abs(dominant_frequency(wave, 48000) - 440) < 5
    assert -20 < level_dbfs(wave) < -10
    assert level_dbfs(np.zeros(100, np.float32)) == -120.0


@needs_pulse
def test_loopback_hears_the_tone_through_the_speaker_monitor(monkeypatch):
    monkeypatch.setenv("PULSE_SOURCE", "speaker.monitor")  # the null sink's monitor stands in for air + mic
    audio = SoundDeviceAudio()
    assert audio.self_test().ok
    heard, frequency, level = audio.loopback(1000)
    assert heard, (frequency, level)


@needs_pulse
def test_level_meter_reads_silence_on_a_quiet_microphone(monkeypatch):
    monkeypatch.setenv("PULSE_SOURCE", "mic")  # the virtual microphone: nothing plays into micfeed
    assert SoundDeviceAudio().level(0.3) < -60


@needs_pulse
def test_level_meter_follows_a_tone_while_it_plays(monkeypatch):
    import threading
    import time

    monkeypatch.setenv("PULSE_SOURCE", "speaker.monitor")
    audio = SoundDeviceAudio()
    audio.start_meter()
    try:
        time.sleep(0.3)
        quiet = audio.meter_level()
        player = threading.Thread(target=audio.play_tone, args=(800, 3.0))
        player.start()
        loudest = -120.0
        deadline = time.monotonic() + 3.0  # a loaded machine starts streams late: watch the whole tone
        while time.monotonic() < deadline and loudest <= -30:
            loudest = max(loudest, audio.meter_level())
            time.sleep(0.05)
        player.join()
    finally:
        audio.close()
    assert quiet < -60 and loudest > -30, (quiet, loudest)
    assert audio.meter_level() == -120.0
