"""Pinyin candidates for the on-screen keyboard, from the dictionary `kiosk.ime.dictionary` builds.

Every lookup is a handful of indexed SQLite range queries (well under a millisecond typically), so the
keyboard can call it on the GUI thread for every key press.
"""

from __future__ import annotations

import re
import sqlite3
from collections import OrderedDict
from pathlib import Path

from catalog.textfeatures import PinyinSegmenter
from kiosk.ime.dictionary import SCHEMA_VERSION

MAX_LETTERS = 40  # longer than any phrase a candidate bar could offer; more is garbage or a stuck key
LETTERS = re.compile(r"[a-z]+")
CACHE_SIZE = 256  # backspacing and retyping revisit the same prefixes
END = "{"  # sorts after "z": letters + END bounds a prefix range


class DictionaryError(RuntimeError):
    """A file that is not a readable input dictionary of this version."""


class PinyinIME:
    """Candidate words for letters typed so far, read from an input dictionary file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise DictionaryError(f"input dictionary {self.path} does not exist")
        try:
            # immutable: the dictionary is replaced by renaming a new file into place, never changed in place.
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            meta = dict(self.conn.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            raise DictionaryError(f"{self.path} is not an input dictionary: {exc}") from exc
        if meta.get("schema") != str(SCHEMA_VERSION):
            self.conn.close()
            raise DictionaryError(f"{self.path} has dictionary schema {meta.get('schema')!r}, not {SCHEMA_VERSION}")
        self.segmenter = PinyinSegmenter(meta["syllables"].split())
        self.longest_word = self.conn.execute("SELECT max(syllables) FROM words").fetchone()[0] or 0
        self._cache: OrderedDict[tuple[str, int], list[str]] = OrderedDict()

    def close(self) -> None:
        """Release the database."""
        self.conn.close()

    @staticmethod
    def clean(letters: object) -> str:
        """The letters usable for lookup, or "" for anything that is not a short run of a-z."""
        if not isinstance(letters, str):
            return ""
        text = letters.strip().lower().replace("'", "")
        if not text or len(text) > MAX_LETTERS or LETTERS.fullmatch(text) is None:
            return ""
        return text

    def segment_hint(self, letters: str) -> str:
        """The letters split into syllables for display ("shebao" -> "she'bao"); as typed if not pinyin."""
        text = self.clean(letters)
        if not text:
            return ""
        split = self.segmenter.split(text)
        return "'".join(split[0]) if split else text

    def candidates(self, letters: str, limit: int = 12) -> list[str]:
        """Words for `letters`, best first, at most `limit` and never the same word twice."""
        # Order: exact pinyin; words the letters spell (last syllable unfinished) merged with initials matches;
        # longer words starting so; single characters of the first syllable. Each group by frequency.
        text = self.clean(letters)
        if not text or limit < 1:
            return []
        key = (text, limit)
        found = self._cache.get(key)
        if found is None:
            found = self._lookup(text, limit)
            self._cache[key] = found
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return list(found)

    def _lookup(self, text: str, limit: int) -> list[str]:
        split = self.segmenter.split(text)
        typed = len(split[0]) if split else 1  # syllables the letters spell (the last may be unfinished)
        q = self.conn.execute
        exact = q("SELECT word, freq FROM words WHERE pinyin = ? ORDER BY freq DESC LIMIT ?", (text, limit)).fetchall()
        # One range scan serves both "spells exactly these syllables" and "longer words starting so".
        prefixed = q(
            "SELECT word, freq, syllables FROM words WHERE pinyin > ? AND pinyin < ? "
            "ORDER BY syllables > ?, freq DESC, syllables LIMIT ?",
            (text, text + END, typed, 2 * limit),
        ).fetchall()
        spelled = [(w, f) for w, f, n in prefixed if n <= typed]
        longer = [w for w, _, n in prefixed if n > typed]
        if 2 <= len(text) <= self.longest_word:
            spelled += q(
                "SELECT word, freq FROM words WHERE initials = ? AND syllables = ? ORDER BY freq DESC LIMIT ?",
                (text, len(text), limit),
            ).fetchall()
            spelled.sort(key=lambda pair: -pair[1])
        if len(text) == 1:
            # A lone letter is a start, not a choice of the rare syllables "a", "e", "n", "m": rank by use.
            spelled = sorted([*exact, *spelled], key=lambda pair: -pair[1])
            exact = []
        ranked = [w for w, _ in exact] + [w for w, _ in spelled] + longer
        if len(dict.fromkeys(ranked)) < limit:
            ranked += self._first_syllable_chars(text, split, limit)
        return list(dict.fromkeys(ranked))[:limit]

    def _first_syllable_chars(self, text: str, split: tuple[list[str], bool] | None, limit: int) -> list[str]:
        """Single characters read as the first syllable (or starting with it while it is unfinished)."""
        if split and (len(split[0]) > 1 or not split[1]):
            rows = self.conn.execute(
                "SELECT word FROM words WHERE syllables = 1 AND pinyin = ? ORDER BY freq DESC LIMIT ?",
                (split[0][0], limit),
            )
        else:
            start = split[0][0] if split else text[0]
            rows = self.conn.execute(
                "SELECT word FROM words WHERE syllables = 1 AND pinyin >= ? AND pinyin < ? ORDER BY freq DESC LIMIT ?",
                (start, start + END, limit),
            )
        return [w for (w,) in rows]
