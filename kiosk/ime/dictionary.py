"""Build the pinyin input dictionary: jieba's word frequencies, pypinyin's readings, the catalog's own words.

Build-time only: pypinyin's tables are imported here, never by the engine, and jieba is read as a text file
(importing jieba is slow and prints to stderr).
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from catalog.textfeatures import HAN_RUN

SCHEMA_VERSION = 1
TOP_WORDS = 60_000
MAX_WORD = 4  # jieba words longer than this are phrases a resident would not pick from a candidate bar
MAX_EXTRA_WORD = 8  # catalog words up to this length stay whole (居民身份证, 港澳通行证); longer runs are split
SECONDARY_SHARE = 0.002  # floor for a character's other readings that no word uses (狼 read as hang)
RARE_CHARACTER = 0.01  # characters outside GB2312 (mostly Traditional and archaic forms) rank this much lower

JIEBA_LINE = re.compile(rf"^([\u3400-\u4dbf\u4e00-\u9fff]{{1,{MAX_WORD}}}) (\d+(?:\.\d+)?)\b", re.MULTILINE)
# A public terminal's candidate bar never offers these, whatever their frequency in jieba's corpus.
BLOCKED_WORDS = frozenset(
    {"性爱", "做爱", "性交", "强奸", "卖淫", "嫖娼", "妓女", "婊子", "色情", "淫荡", "阴茎", "阴道", "鸡巴", "傻逼"}
    | {"操你", "他妈", "他妈的", "妈的", "去死", "贱人", "屌丝"}
)

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE words (pinyin TEXT NOT NULL, initials TEXT NOT NULL, syllables INTEGER NOT NULL,
                    word TEXT NOT NULL, freq REAL NOT NULL);
"""
# Built after the rows are in (faster than maintaining them row by row). Covering indexes: a prefix range on
# pinyin or an exact initials match is answered from the index alone, without touching the table.
INDEXES = """
CREATE INDEX words_pinyin ON words (pinyin, freq, word, syllables);
CREATE INDEX words_initials ON words (initials, freq, word);
CREATE INDEX words_chars ON words (syllables, pinyin, freq, word);
"""


def jieba_dict_path() -> Path:
    """The word-frequency list bundled inside the installed jieba package (found without importing jieba)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the jieba package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def is_han_word(word: str) -> bool:
    """True when every character of `word` is a Han character."""
    return bool(word) and HAN_RUN.fullmatch(word) is not None


@cache
def toneless(syllable: str) -> str:
    """A toned pinyin syllable without its tone mark, ü written as v ("lǜ" -> "lv")."""
    decomposed = unicodedata.normalize("NFD", syllable.strip().lower()).replace("u\u0308", "v")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain if plain.isascii() and plain.isalpha() else ""


class PinyinTables:
    """pypinyin's character and phrase readings, toneless."""

    def __init__(self) -> None:
        from pypinyin.phrases_dict import phrases_dict
        from pypinyin.pinyin_dict import pinyin_dict

        self.phrases: Mapping[str, list[list[str]]] = phrases_dict
        self.chars: Mapping[int, str] = pinyin_dict
        self.longest_phrase = min(MAX_EXTRA_WORD, max(map(len, phrases_dict)))

    def readings(self, ch: str) -> list[str]:
        """Toneless readings of one character, the most common first."""
        raw = self.chars.get(ord(ch), "")
        return [r for r in dict.fromkeys(toneless(s) for s in raw.split(",")) if r]

    def word(self, word: str) -> list[str] | None:
        """Toneless syllables of a word: phrase readings by forward longest match, else each character's first."""
        out: list[str] = []
        i = 0
        while i < len(word):
            for j in range(min(len(word), i + self.longest_phrase), i + 1, -1):
                phrase = self.phrases.get(word[i:j])
                if phrase and len(phrase) == j - i:
                    out.extend(toneless(options[0]) for options in phrase)
                    i = j
                    break
            else:
                first = self.readings(word[i])
                if not first:
                    return None
                out.append(first[0])
                i += 1
        return out if all(out) else None

    def syllables(self) -> list[str]:
        """Every toneless syllable any character can be read as."""
        found = {toneless(s) for raw in self.chars.values() for s in raw.split(",")}
        return sorted(s for s in found if s)


def read_jieba(path: Path) -> dict[str, float]:
    """Han words of 1-4 characters from a jieba dict file with their frequencies."""
    words: dict[str, float] = {}
    # One regular expression over the whole 5 MB file is about ten times faster than splitting line by line.
    for word, freq in JIEBA_LINE.findall(path.read_text(encoding="utf-8")):
        if word in BLOCKED_WORDS:
            continue
        words[word] = max(float(freq), words.get(word, 0.0))
    return words


def select_words(words: Mapping[str, float], top: int = TOP_WORDS) -> dict[str, float]:
    """The `top` most frequent words plus every single character."""
    ranked = sorted(words.items(), key=lambda pair: -pair[1])
    chosen = dict(ranked[:top])
    chosen.update((w, f) for w, f in ranked[top:] if len(w) == 1)
    return chosen


def split_known(run: str, known: Mapping[str, float]) -> list[str]:
    """A long Han run cut into known words by forward longest match (unknown characters are dropped)."""
    out, i = [], 0
    while i < len(run):
        for j in range(min(len(run), i + MAX_WORD), i, -1):
            if j - i > 1 and run[i:j] in known:
                out.append(run[i:j])
                i = j
                break
        else:
            i += 1
    return out


def merge_extra(words: Mapping[str, float], extra_words: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Boosts for the caller's words, summed over repeats; known words inside each run are boosted too."""
    boosts: dict[str, float] = {}
    for text, boost in extra_words:
        for run in HAN_RUN.findall(text if isinstance(text, str) else ""):
            # A run is offered whole when short enough (港澳通行证); the words inside it (公积金 in 住房公积金提取)
            # are what residents type most, so repeats across the catalog add up.
            parts = split_known(run, words)
            if len(run) <= MAX_EXTRA_WORD and run not in parts:
                parts.append(run)
            for part in parts:
                if part in BLOCKED_WORDS:
                    continue
                boosts[part] = boosts.get(part, 0.0) + float(boost)
    return boosts


def character_rows(
    words: Mapping[str, float], tables: PinyinTables, usage: Mapping[tuple[str, str], float]
) -> Iterator[tuple[str, str, float]]:
    """(pinyin, character, freq) for every reading of every single character."""
    for ch, freq in words.items():
        if len(ch) != 1:
            continue
        readings = tables.readings(ch)
        for n, reading in enumerate(readings):
            if n == 0:
                yield reading, ch, freq
                continue
            # Other readings rank by how often words actually use them (长 as chang in 长期, 行 as hang in 银行),
            # so an obscure reading of a common character does not push real ones off the candidate bar.
            seen = usage.get((ch, reading), 0.0)
            total = sum(usage.get((ch, r), 0.0) for r in readings) or 1.0
            yield reading, ch, freq * max(SECONDARY_SHARE, 0.5 * seen / total)


def is_common(word: str) -> bool:
    """True when every character is in GB2312, the everyday Simplified set."""
    try:
        word.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def dictionary_rows(
    words: Mapping[str, float], boosts: Mapping[str, float], tables: PinyinTables
) -> list[tuple[str, str, int, str, float]]:
    """All table rows: one per multi-character word, one per reading of each character."""
    rows: dict[tuple[str, str], float] = {}
    usage: dict[tuple[str, str], float] = {}
    syllables_of: dict[str, list[str]] = {}
    for word in {**words, **boosts}:
        if len(word) < 2:
            continue
        syllables = tables.word(word)
        if syllables is None:
            continue
        syllables_of[word] = syllables
        freq = words.get(word, 0.0)
        for ch, reading in zip(word, syllables, strict=True):
            usage[(ch, reading)] = usage.get((ch, reading), 0.0) + freq
    for word, syllables in syllables_of.items():
        rows[("".join(syllables), word)] = words.get(word, 0.0) + boosts.get(word, 0.0)
    singles = {ch: words.get(ch, 0.0) + boosts.get(ch, 0.0) for ch in {*words, *boosts} if len(ch) == 1}
    for pinyin, ch, freq in character_rows(singles, tables, usage):
        rows[(pinyin, ch)] = max(freq, rows.get((pinyin, ch), 0.0))
    out = []
    for (pinyin, word), freq in rows.items():
        syllables = syllables_of.get(word, [pinyin])
        if not is_common(word):
            freq *= RARE_CHARACTER
        out.append((pinyin, "".join(s[0] for s in syllables), len(syllables), word, freq))
    return out


def build_dictionary(out: Path, extra_words: Iterable[tuple[str, float]] = (), source: Path | None = None) -> None:
    """Write the input dictionary to `out` atomically (temporary file, then rename)."""
    out = Path(out)
    source = source or jieba_dict_path()
    tables = PinyinTables()
    words = select_words(read_jieba(source))
    boosts = merge_extra(words, extra_words)
    rows = dictionary_rows(words, boosts, tables)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
            conn.executemany("INSERT INTO words VALUES (?, ?, ?, ?, ?)", sorted(rows))
            conn.executescript(INDEXES)
            meta = {
                "schema": str(SCHEMA_VERSION),
                "syllables": " ".join(tables.syllables()),
                "words": str(len(rows)),
                "extra_words": str(len(boosts)),
                "source": source.name,
            }
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.commit()
            conn.execute("ANALYZE")  # lets the planner pick the covering index for each query shape
        finally:
            conn.close()
        tmp.chmod(0o644)  # mkstemp makes it private; the terminal may run as another user than the builder
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def catalog_extra_words(records: Iterable[Mapping[str, Any]], boost: float = 300.0) -> list[tuple[str, float]]:
    """(text, boost) pairs from catalog item records (names, synonyms, keywords) for `build_dictionary`.

    One pair per occurrence: a word many items use (公积金, 社保) ends up boosted many times over.
    """
    out: list[tuple[str, float]] = []
    for record in records:
        texts = [record.get("name") or "", *(record.get("synonyms") or ()), *(record.get("keywords") or ())]
        out.extend((run, boost) for text in texts for run in HAN_RUN.findall(str(text)))
    return out
