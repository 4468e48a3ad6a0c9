"""Text normalisation and the index features shared by the bundle builder and the search engine.

Chinese stays Chinese in the index; pinyin, initials and letter trigrams are extra features beside it, so
homophones never collide with the characters a resident actually typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+")


def is_han(text: str) -> bool:
    """True when `text` starts with a Han character."""
    return bool(text) and ("\u4e00" <= text[0] <= "\u9fff" or "\u3400" <= text[0] <= "\u4dbf")


def normalize(text: str, t2s: Mapping[str, str] | None = None) -> str:
    """NFKC, lower case, Traditional -> Simplified per character, punctuation to spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    if t2s:
        text = "".join(t2s.get(ch, ch) for ch in text)
    return " ".join(TOKEN.findall(text))


def tokens(text: str) -> list[str]:
    """Han runs and Latin/digit runs of already normalised text."""
    return TOKEN.findall(text)


def trigrams(word: str) -> list[str]:
    """Letter trigrams of a word padded with spaces, so short words and word edges count."""
    padded = f" {word} "
    return [f"t:{padded[i : i + 3]}" for i in range(len(padded) - 2)]


def han_features(run: str) -> list[str]:
    """Character features of a Han run: bigrams, or the single character."""
    if len(run) == 1:
        return [f"u:{run}"]
    return [f"h:{run[i : i + 2]}" for i in range(len(run) - 1)]


def syllable_features(syllables: list[str]) -> list[str]:
    """Pinyin features of a syllable sequence: syllable bigrams, or the single syllable."""
    if len(syllables) == 1:
        return [f"y:{syllables[0]}"]
    return [f"s:{syllables[i]} {syllables[i + 1]}" for i in range(len(syllables) - 1)]


def initials_features(initials: str) -> list[str]:
    """Features of a pinyin-initials string such as "sbk"."""
    if len(initials) == 1:
        return [f"j:{initials}"]
    return [f"i:{initials[i : i + 2]}" for i in range(len(initials) - 1)]


def document_features(text: str, pinyin_of: Callable[[str], list[str]]) -> tuple[set[str], list[str], list[str]]:
    """All index features of one field's text, plus its per-run pinyin and initials strings."""
    features: set[str] = set()
    pinyins: list[str] = []
    initials: list[str] = []
    for token in tokens(normalize(text)):
        if is_han(token):
            features.update(han_features(token))
            features.update(f"u:{ch}" for ch in token)
            syllables = pinyin_of(token)
            features.update(syllable_features(syllables))
            features.update(f"y:{s}" for s in syllables)
            joined = "".join(syllables)
            init = "".join(s[0] for s in syllables if s)
            features.update(trigrams(joined))
            features.update(initials_features(init))
            features.add(f"j:{init[:1]}")
            pinyins.append(joined)
            initials.append(init)
        else:
            features.update(trigrams(token))
    return features, pinyins, initials


class PinyinSegmenter:
    """Split a Latin token into pinyin syllables; the last one may be a prefix still being typed."""

    def __init__(self, syllables: Iterable[str]):
        self.syllables = frozenset(syllables)
        self.prefixes = frozenset(s[:n] for s in self.syllables for n in range(1, len(s) + 1))
        self.longest = max((len(s) for s in self.syllables), default=0)

    def split(self, word: str) -> tuple[list[str], bool] | None:
        """(syllables, last_is_partial) with the fewest syllables, or None when it is not pinyin."""
        n = len(word)
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for i in range(n):
            current = best[i]
            if current is None:
                continue
            for j in range(min(n, i + self.longest), i, -1):
                piece = word[i:j]
                if piece in self.syllables:
                    candidate = [*current, piece]
                    if best[j] is None or len(candidate) < len(best[j] or ()):
                        best[j] = candidate
        if best[n] is not None:
            return best[n], False
        # A trailing prefix: the resident has not finished typing the last syllable.
        for i in range(n - 1, -1, -1):
            if best[i] is not None and word[i:] in self.prefixes:
                return [*(best[i] or []), word[i:]], True
        return None
