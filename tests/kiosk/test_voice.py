"""Spoken guidance: real espeak-ng synthesis, real playback on the PulseAudio null sink, faults that stay quiet."""

from __future__ import annotations

import logging
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import numpy as np
import pytest

from kiosk.config import VoiceConfig
from kiosk.voice import PlaybackReport, SpeechError, VoiceGuide, reads_chinese_as_english, synthesize

MANDARIN = "请把身份证放在感应区，然后按确定。"
CANTONESE = "請將身份證放喺感應區，然後㩒確定。"
ENGLISH = "Please place your ID card on the reader, then press confirm."
SHORT = {"zh_CN": "请按确定。", "zh_HK": "請按確定。", "en": "Press confirm."}
LONG_MANDARIN = "欢迎使用黄埔区政务服务一体机。请选择您要办理的事项，或者在屏幕上方的搜索框中输入事项名称。"
SILENCE_RMS = 200.0  # int16 full scale is 32767; espeak-ng speech is in the thousands


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) if len(samples) else 0.0


def loudest_window(samples: np.ndarray, rate: int, seconds: float = 0.05) -> float:
    size = max(1, int(rate * seconds))
    return max((rms(samples[i : i + size]) for i in range(0, len(samples), size)), default=0.0)


def default_sink() -> str | None:
    """The PulseAudio server's default sink, or None when no server answers."""
    try:
        info = subprocess.run(
            ["pactl", "info"], capture_output=True, text=True, timeout=5, env={**os.environ, "LC_ALL": "C"}
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if info.returncode != 0:
        return None
    return next(
        (line.split(":", 1)[1].strip() for line in info.stdout.splitlines() if line.startswith("Default Sink:")), None
    )


@pytest.fixture(scope="module")
def sink() -> str:
    """The default sink of a reachable PulseAudio server (scripts/bootstrap.sh test starts "speaker")."""
    name = default_sink()
    if not name:
        pytest.skip("no PulseAudio server reachable (pactl info failed): start it as scripts/bootstrap.sh test does")
    return name


class Recorder:
    """Records the default sink's monitor, i.e. what the kiosk's speaker would have played."""

    def __init__(self, rate: int = 48000) -> None:
        import sounddevice as sd

        self.rate = rate
        self._chunks: list[np.ndarray] = []
        self._stream = sd.InputStream(samplerate=rate, channels=1, dtype="int16", callback=self._take)

    def _take(self, indata: np.ndarray, _frames: int, _time: object, _status: object) -> None:
        self._chunks.append(indata[:, 0].copy())

    def __enter__(self) -> Recorder:
        self._stream.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.stop()
        self._stream.close()

    @property
    def samples(self) -> np.ndarray:
        return np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.int16)


@pytest.fixture
def monitor(sink: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[type[Recorder]]:
    # The ALSA pulse plugin reads PULSE_SOURCE when a stream opens: recording streams go to the monitor.
    monkeypatch.setenv("PULSE_SOURCE", f"{sink}.monitor")
    yield Recorder


@pytest.fixture
def reports() -> list[PlaybackReport]:
    return []


@pytest.fixture
def guide(reports: list[PlaybackReport]) -> Iterator[VoiceGuide]:
    with VoiceGuide(VoiceConfig(), on_playback=reports.append) as voice:
        yield voice


def wait_until(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize(
    ("text", "voice"),
    [(MANDARIN, "cmn"), (MANDARIN, "cmn-latn-pinyin"), (CANTONESE, "yue"), (ENGLISH, "en")],
    ids=["mandarin", "mandarin-pinyin", "cantonese", "english"],
)
def test_synthesize_gives_audible_speech_of_plausible_length(text: str, voice: str):
    samples, rate = synthesize(text, voice, 150)
    seconds = len(samples) / rate
    assert samples.dtype == np.int16
    assert rate in (16000, 22050, 24000, 44100, 48000)
    assert 0.3 < seconds < 15, seconds
    assert rms(samples) > SILENCE_RMS


def test_voices_differ_and_speed_changes_length():
    mandarin, _ = synthesize(MANDARIN, "cmn", 150)
    cantonese, _ = synthesize(MANDARIN, "yue", 150)
    fast, _ = synthesize(MANDARIN, "cmn", 300)
    assert len(mandarin) != len(cantonese) or not np.array_equal(mandarin, cantonese)
    assert len(fast) < 0.8 * len(mandarin)


def test_chinese_voices_speak_chinese_not_english_pinyin():
    # espeak-ng 1.51's "cmn" reads 一天 as "yi one tian one"; these two really speak Chinese.
    assert reads_chinese_as_english("cmn-latn-pinyin") is False
    assert reads_chinese_as_english("yue") is False
    assert reads_chinese_as_english("nonexistentvoice") is None


def test_text_is_passed_as_data_not_as_options():
    # As an argument "-h" would print espeak-ng's help; through stdin it is simply read aloud.
    samples, rate = synthesize("-h --version", "en", 150)
    assert len(samples) / rate > 0.3


def test_language_selects_the_configured_voice(caplog: pytest.LogCaptureFixture):
    config = VoiceConfig(mandarin_voice="cmn", cantonese_voice="yue", english_voice="en-gb")
    guide = VoiceGuide(config)
    assert [guide.voice_for(lang) for lang in ("zh_CN", "zh_HK", "en")] == ["cmn", "yue", "en-gb"]
    with caplog.at_level(logging.WARNING, logger="kiosk.voice"):
        assert guide.voice_for("fr") == "cmn"
        guide.voice_for("fr")
    assert len(caplog.records) == 1


def test_say_plays_on_the_default_output(guide: VoiceGuide, reports: list[PlaybackReport], monitor):
    assert guide.available and guide.enabled
    with monitor() as recorder:
        guide.say(SHORT["zh_CN"], "zh_CN")
        still_busy = not guide.wait_idle(timeout=0)  # say() returned before synthesis and playback were done
        assert guide.wait_idle(timeout=15)
        time.sleep(0.2)  # the monitor lags the sink a little
    assert still_busy, "say() must not block on synthesis or playback"
    assert loudest_window(recorder.samples, recorder.rate) > SILENCE_RMS
    [report] = reports
    assert (report.language, report.interrupted) == ("zh_CN", False)
    assert reads_chinese_as_english(report.voice) is False, f"{report.voice} read Mandarin as English pinyin"
    assert report.played == pytest.approx(report.seconds)
    assert report.seconds > 0.3


def test_a_new_utterance_cuts_off_the_one_playing(guide: VoiceGuide, reports: list[PlaybackReport], sink: str):
    guide.say(LONG_MANDARIN, "zh_CN")
    assert wait_until(lambda: guide.speaking), "the first utterance never started"
    time.sleep(0.3)
    guide.say(SHORT["en"], "en")
    assert guide.wait_idle(timeout=15)
    first, second = reports
    assert first.interrupted and first.language == "zh_CN"
    assert first.seconds > 3
    assert first.played < first.seconds
    assert first.ended - first.started < first.seconds, "the first utterance played to its end"
    assert first.ended <= second.started, "two utterances overlapped"
    assert not second.interrupted and second.language == "en" and second.played == pytest.approx(second.seconds)


def test_queued_utterances_are_dropped_latest_wins(guide: VoiceGuide, reports: list[PlaybackReport], sink: str):
    for language, text in SHORT.items():
        guide.say(text, language)
    assert guide.wait_idle(timeout=15)
    assert [r.language for r in reports if not r.interrupted] == ["en"]
    assert len(reports) <= 3


def test_stop_silences_at_once(guide: VoiceGuide, reports: list[PlaybackReport], sink: str):
    guide.say(LONG_MANDARIN, "zh_CN")
    assert wait_until(lambda: guide.speaking)
    asked = time.monotonic()
    guide.stop()
    assert guide.wait_idle(timeout=2)
    assert time.monotonic() - asked < 1.0
    [report] = reports
    assert report.interrupted and report.played < report.seconds
    guide.close()
    guide.say(MANDARIN, "zh_CN")  # after close: ignored, no error
    assert guide.wait_idle(timeout=1) and len(reports) == 1


def test_missing_espeak_makes_it_unavailable_quietly(
    monkeypatch: pytest.MonkeyPatch, tmp_path, caplog: pytest.LogCaptureFixture
):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no espeak-ng anywhere
    reports: list[PlaybackReport] = []
    with (
        caplog.at_level(logging.WARNING, logger="kiosk.voice"),
        VoiceGuide(VoiceConfig(), on_playback=reports.append) as guide,
    ):
        guide.say(MANDARIN, "zh_CN")
        assert guide.wait_idle(timeout=5)
        assert guide.available is False
        guide.say(MANDARIN, "zh_CN")
        assert guide.wait_idle(timeout=5)
    assert reports == []
    assert len(caplog.records) == 1 and "espeak-ng not found" in caplog.text
    assert MANDARIN not in caplog.text
    with pytest.raises(SpeechError, match="not found"):
        synthesize(MANDARIN, "cmn", 150)


def test_an_unknown_binary_name_is_unavailable():
    assert VoiceGuide(VoiceConfig(), binary="no-such-espeak-binary").available is False


def test_disabled_in_config_plays_nothing(monkeypatch: pytest.MonkeyPatch):
    calls: list[str] = []
    monkeypatch.setattr("kiosk.voice.synthesize", lambda *a, **k: calls.append("synthesize"))
    reports: list[PlaybackReport] = []
    with VoiceGuide(replace(VoiceConfig(), enabled=False), on_playback=reports.append) as guide:
        assert guide.enabled is False
        guide.say(MANDARIN, "zh_CN")
        assert guide.wait_idle(timeout=1)
        assert guide._thread is None  # no worker was ever started
    assert calls == [] and reports == []


def test_no_output_device_makes_it_unavailable(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture):
    sd = pytest.importorskip("sounddevice", exc_type=OSError)

    def no_device(*_args, **_kwargs):
        raise sd.PortAudioError("Error querying device -1")

    monkeypatch.setattr(sd, "query_devices", no_device)
    with caplog.at_level(logging.WARNING, logger="kiosk.voice"), VoiceGuide(VoiceConfig()) as guide:
        assert guide.available is False
        guide.say(MANDARIN, "zh_CN")
        assert guide.wait_idle(timeout=1)
    assert len(caplog.records) == 1 and "no audio output device" in caplog.text


def test_a_portaudio_error_while_playing_is_logged_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, sink: str
):
    import sounddevice as sd

    opened = threading.Event()

    def broken_stream(*_args, **_kwargs):
        opened.set()
        raise sd.PortAudioError("Device unavailable", -9985)

    monkeypatch.setattr(sd, "OutputStream", broken_stream)
    with caplog.at_level(logging.WARNING, logger="kiosk.voice"), VoiceGuide(VoiceConfig()) as guide:
        assert guide.available
        guide.say(ENGLISH, "en")
        assert guide.wait_idle(timeout=5) and opened.is_set()
        assert guide.available is False
        guide.say(ENGLISH, "en")  # now a no-op
        assert guide.wait_idle(timeout=1)
    assert len(caplog.records) == 1 and "Device unavailable" in caplog.text
    assert ENGLISH not in caplog.text
