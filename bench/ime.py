"""Pinyin input speed: building the dictionary, and per-keystroke candidate latency over every prefix of the 100
most frequent 2-4 syllable words (as full pinyin and as initials).

Run: uv run python -m bench.ime
Baseline, same dictionary file and keystrokes in the same run: one plain SQL prefix query per keystroke
(`pinyin LIKE 'prefix%'` over the indexed table, most frequent first), without the engine's segmentation,
initials and ranking.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from kiosk.ime import PinyinIME, build_dictionary

TARGET_P99_MS = 5.0  # a keystroke's candidates well inside a frame at 60 Hz... and far under what a finger notices
TARGET_BUILD_S = 15.0


def prefixes(path: Path, words: int = 100) -> list[str]:
    """Every prefix of the most frequent words' pinyin and initials, each once (the engine's cache never answers)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT pinyin, initials FROM words WHERE syllables BETWEEN 2 AND 4 ORDER BY freq DESC LIMIT ?", (words,)
        ).fetchall()
    return sorted({text[:n] for row in rows for text in row for n in range(1, len(text) + 1)})


def p99_ms(query, keys: list[str]) -> tuple[float, float]:
    """Median and 99th percentile of `query(key)` over `keys`, in ms."""
    times = []
    for key in keys:
        started = time.perf_counter()
        query(key)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99)]


def main() -> None:
    """Build, then time the engine and the baseline on the same keystrokes."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ime.sqlite"
        started = time.perf_counter()
        build_dictionary(path, [("社保卡", 1e6)])
        build_s = time.perf_counter() - started
        keys = prefixes(path, args.words)
        engine = PinyinIME(path)
        conn = sqlite3.connect(path)
        try:

            def plain(key: str) -> list:
                return conn.execute(
                    "SELECT word FROM words WHERE pinyin LIKE ? ORDER BY freq DESC LIMIT 12", (key + "%",)
                ).fetchall()

            med, p99 = p99_ms(engine.candidates, keys)
            base_med, base_p99 = p99_ms(plain, keys)
        finally:
            engine.close()
            conn.close()
    print(f"dictionary build {build_s:.2f} s (target {TARGET_BUILD_S:g} s)")
    print(f"{len(keys)} keystrokes: engine median {med:.2f} ms, p99 {p99:.2f} ms (target {TARGET_P99_MS:g} ms)")
    print(f"baseline plain prefix query: median {base_med:.2f} ms, p99 {base_p99:.2f} ms")
    print(f"ratio p99 engine / baseline: {p99 / base_p99:.2f}x")


if __name__ == "__main__":
    main()
