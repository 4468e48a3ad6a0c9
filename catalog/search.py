"""Search residents can use: Chinese in any order, pinyin, initials, typos, Traditional, synonyms, English.

Candidates come from the bundle's posting lists (numpy-vectorised coverage of the query's features over every
item); the best few dozen are then re-ranked with exact checks (whole name, prefix, synonym, pinyin, initials,
fuzzy pinyin) plus a small popularity prior.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from catalog.textfeatures import (
    PinyinSegmenter,
    han_features,
    initials_features,
    is_han,
    normalize,
    syllable_features,
    tokens,
    trigrams,
)

if TYPE_CHECKING:
    from catalog.store import CatalogStore

CANDIDATES = 60
MIN_COVERAGE = 0.2  # absolute floor; candidates must also reach RELATIVE_COVERAGE of the best item
RELATIVE_COVERAGE = 0.45
STRONG_MATCH = 0.8  # below this best coverage, a Latin token is also tried with typo corrections
CHANNEL_COLUMNS = ("self_service", "post_office")
_EMPTY = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


@dataclass(frozen=True)
class SearchFilters:
    """Narrow results by audience, channel, department and theme (None means any)."""

    audience: str | None = None  # personal or enterprise; items for both match either
    channel: str | None = None  # self_service or post_office
    department: str | None = None  # department id, short name or full name
    theme: str | None = None


@dataclass(frozen=True)
class Hit:
    """One search result."""

    id: str
    code: str
    name: str
    department: str
    score: float
    name_hant: str = ""
    name_en: str = ""

    def as_json(self) -> dict[str, object]:
        """The DESIGN's result record."""
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "department": self.department,
            "score": round(self.score, 4),
        }


class SearchError(ValueError):
    """A query or filter the engine cannot use (the message says why)."""


class SearchEngine:
    """In-process search over one opened bundle."""

    def __init__(self, store: CatalogStore):
        self.store = store
        conn = store.conn
        cols = np.array(
            conn.execute(
                "SELECT department_idx, audience, self_service, post_office, popularity, theme_mask FROM items "
                "ORDER BY idx"
            ).fetchall(),
            dtype=np.int64,
        ).reshape(-1, 6)
        self.size = len(cols)
        self.department_idx = cols[:, 0].astype(np.int16)
        self.audience = cols[:, 1].astype(np.int8)
        self.channel = {"self_service": cols[:, 2].astype(bool), "post_office": cols[:, 3].astype(bool)}
        self.prior = (cols[:, 4] / 100.0).astype(np.float32)
        self.theme_mask = cols[:, 5]
        self.t2s = dict(conn.execute("SELECT ch, simplified FROM t2s"))
        self.segmenter = PinyinSegmenter(store.meta["syllables"].split())
        self._readings: dict[str, tuple[str, ...]] = {}
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._vocab: list[str] | None = None
        self._prefixes: dict[int, list[str]] = {}

    # -- index access ---------------------------------------------------------------------------------
    def _posting(self, feature: str) -> tuple[np.ndarray, np.ndarray]:
        hit = self._postings.get(feature)
        if hit is None:
            row = self.store.conn.execute("SELECT ids, weights FROM postings WHERE feature = ?", (feature,)).fetchone()
            hit = (np.frombuffer(row[0], dtype=np.int32), np.frombuffer(row[1], dtype=np.float32)) if row else _EMPTY
            if len(self._postings) > 20000:
                self._postings.clear()
            self._postings[feature] = hit
        return hit

    def readings(self, ch: str) -> tuple[str, ...]:
        """Toneless pinyin readings of one Han character (most common first)."""
        found = self._readings.get(ch)
        if found is None:
            row = self.store.conn.execute("SELECT readings FROM han_pinyin WHERE ch = ?", (ch,)).fetchone()
            found = tuple(row[0].split()) if row else ()
            self._readings[ch] = found
        return found

    def _coverage(self, feature_groups: list[list[str]], skip_unknown: bool = False) -> np.ndarray:
        """IDF-weighted mean over groups of each item's best weight among a group's alternative features.

        Rare features count more than common ones. With `skip_unknown`, groups no item has (filler words
        such as 我要 or 怎么) leave the mean instead of diluting it.
        """
        total = np.zeros(self.size, dtype=np.float32)
        weight_sum = 0.0
        for alternatives in feature_groups:
            postings = [self._posting(f) for f in alternatives]
            df = max(len(ids) for ids, _ in postings)
            if df == 0:
                if not skip_unknown:
                    weight_sum += np.log1p(self.size)
                continue
            idf = float(np.log1p(self.size / df))
            weight_sum += idf
            if len(postings) == 1:
                ids, weights = postings[0]
                total[ids] += idf * weights
                continue
            best = np.zeros(self.size, dtype=np.float32)
            for ids, weights in postings:
                best[ids] = np.maximum(best[ids], weights)
            total += idf * best
        return total / weight_sum if weight_sum else total

    def _corrections(self, token: str) -> list[str]:
        """Index words within one typo (two for long words) of what was typed, as typed so far."""
        if self._vocab is None:
            self._vocab = [r[0] for r in self.store.conn.execute("SELECT word FROM vocab")]
        n = len(token)
        choices = self._prefixes.get(n)
        if choices is None:
            choices = sorted({w[:k] for w in self._vocab for k in (n - 1, n, n + 1) if len(w) >= k})
            if len(self._prefixes) > 32:
                self._prefixes.clear()
            self._prefixes[n] = choices
        cutoff = 1 if n < 8 else 2
        found = process.extract(token, choices, scorer=DamerauLevenshtein.distance, score_cutoff=cutoff, limit=6)
        return [word for word, distance, _ in found if distance > 0]

    # -- scoring --------------------------------------------------------------------------------------
    def _han_score(self, token: str) -> np.ndarray:
        chars = self._coverage([[f] for f in han_features(token)], skip_unknown=True)
        readings = [self.readings(ch)[:3] for ch in token]
        if not all(readings):
            return chars
        if len(token) == 1:
            sounds = self._coverage([[f"y:{r}" for r in readings[0]]]) * 0.7
        else:
            groups = [[f"s:{a} {b}" for a in readings[i] for b in readings[i + 1]][:6] for i in range(len(token) - 1)]
            sounds = self._coverage(groups, skip_unknown=True) * 0.9
        return np.maximum(chars, sounds)

    def _latin_score(self, token: str) -> np.ndarray:
        score = self._coverage([[f] for f in trigrams(token)])
        split = self.segmenter.split(token) if token.isalpha() else None
        if split:
            syllables, partial = split
            complete = syllables[:-1] if partial else syllables
            if len(complete) >= 2 or (len(complete) == 1 and not partial):
                factor = 0.95 if partial else 1.0
                if len(complete) == 1:
                    factor = 0.7
                groups = [[f] for f in syllable_features(complete)]
                score = np.maximum(score, self._coverage(groups) * factor)
        if token.isalpha() and len(token) <= 6:
            factor = 0.6 if len(token) == 1 else 0.9
            score = np.maximum(score, self._coverage([[f] for f in initials_features(token)]) * factor)
        if token.isalpha() and len(token) >= 4 and float(score.max(initial=0.0)) < STRONG_MATCH:
            for word in self._corrections(token):
                score = np.maximum(score, self._coverage([[f] for f in trigrams(word)]) * 0.85)
        return score

    def _mask(self, filters: SearchFilters | None) -> np.ndarray | None:
        if filters is None:
            return None
        mask = np.ones(self.size, dtype=bool)
        if filters.audience:
            if filters.audience not in ("personal", "enterprise"):
                raise SearchError(f"audience must be personal or enterprise, not {filters.audience!r}")
            mask &= (self.audience == self.store.audience_code(filters.audience)) | (self.audience == 3)
        if filters.channel:
            if filters.channel not in CHANNEL_COLUMNS:
                raise SearchError(f"channel must be one of {', '.join(CHANNEL_COLUMNS)}, not {filters.channel!r}")
            mask &= self.channel[filters.channel]
        if filters.department:
            depts = self.store.departments
            index = next((n for n, d in enumerate(depts) if filters.department in (d.id, d.short_name, d.name)), None)
            if index is None:
                raise SearchError(f"unknown department {filters.department!r}")
            mask &= self.department_idx == index
        if filters.theme:
            if filters.theme not in self.store.themes:
                raise SearchError(f"unknown theme {filters.theme!r}")
            mask &= (self.theme_mask & (1 << self.store.themes.index(filters.theme))) != 0
        return mask

    def search(self, query: str, limit: int = 10, filters: SearchFilters | None = None) -> list[Hit]:
        """The best `limit` items for what a resident typed (empty query: the most used items)."""
        if limit < 1:
            raise SearchError("limit must be at least 1")
        mask = self._mask(filters)
        toks = tokens(normalize(query[:200], self.t2s))
        if not toks:
            ranked = np.argsort(-self.prior, kind="stable")
            if mask is not None:
                ranked = ranked[mask[ranked]]
            return self._hits([(int(i), 0.0) for i in ranked[:limit]])
        total = np.zeros(self.size, dtype=np.float32)
        for token in toks:
            total += len(token) * (self._han_score(token) if is_han(token) else self._latin_score(token))
        base = total / sum(len(t) for t in toks)
        if mask is not None:
            base[~mask] = 0.0
        best = float(base.max(initial=0.0))
        candidates = np.flatnonzero(base >= max(MIN_COVERAGE, RELATIVE_COVERAGE * best))
        if len(candidates) > CANDIDATES:
            keyed = base[candidates] + 0.1 * self.prior[candidates]
            candidates = candidates[np.argpartition(-keyed, CANDIDATES)[:CANDIDATES]]
        scored = self._rerank(toks, [int(i) for i in candidates], base)
        scored.sort(key=lambda pair: -pair[1])
        return self._hits(scored[:limit])

    def _query_pinyin(self, toks: list[str]) -> tuple[str, bool]:
        """The query as one pinyin string, and whether the resident typed it as pinyin."""
        latin = all(not is_han(t) for t in toks)
        if latin:
            return "".join(toks), True
        parts = []
        for token in toks:
            parts.append("".join((self.readings(ch) or (ch,))[0] for ch in token) if is_han(token) else token)
        return "".join(parts), False

    def _rerank(self, toks: list[str], candidates: list[int], base: np.ndarray) -> list[tuple[int, float]]:
        if not candidates:
            return []
        marks = ",".join("?" * len(candidates))
        rows = self.store.conn.execute(
            f"SELECT idx, name, synonyms, pinyin, initials, english FROM search_text WHERE idx IN ({marks})", candidates
        ).fetchall()
        query = "".join(toks)
        spaced = " ".join(toks)
        q_pinyin, typed_pinyin = self._query_pinyin(toks)
        sound = 1.0 if typed_pinyin else 0.7
        out = []
        for idx, name, synonyms, pinyin, initials, english in rows:
            name_n = normalize(name).replace(" ", "")
            bonus = 0.0
            if query == name_n:
                bonus += 3.0
            elif name_n.startswith(query):
                bonus += 0.8
            elif query in name_n:
                bonus += 0.6
            elif len(toks) > 1 and all(t in name_n for t in toks):
                bonus += 0.4
            for synonym in filter(None, synonyms.split("|")):
                if query == synonym:
                    bonus += 1.5
                    break
                if len(synonym) >= 2 and (query in synonym or synonym in query):
                    bonus += 0.5
                    break
            pinyins = pinyin.split("|")
            if q_pinyin == pinyins[0]:
                bonus += 2.0 * sound
            elif q_pinyin in pinyins[1:]:
                bonus += 1.3 * sound
            elif any(p.startswith(q_pinyin) for p in pinyins):
                bonus += 0.8 * sound
            elif any(q_pinyin in p for p in pinyins):
                bonus += 0.5 * sound
            elif typed_pinyin and len(q_pinyin) >= 4:
                best = max(fuzz.partial_ratio(q_pinyin, p) for p in pinyins)
                if best >= 80:
                    bonus += (best - 70) / 30 * 0.6
            if typed_pinyin:
                inits = initials.split("|")
                if q_pinyin in inits:
                    bonus += 1.2
                elif any(i.startswith(q_pinyin) for i in inits):
                    bonus += 0.6
                if english:
                    if spaced == english:
                        bonus += 2.0
                    else:
                        words = english.split()
                        hits = sum(any(w.startswith(t) for w in words) for t in toks)
                        bonus += 0.8 * hits / len(toks)
            score = float(base[idx]) + bonus + 0.3 * float(self.prior[idx]) - 0.01 * len(name_n)
            out.append((idx, score))
        return out

    def _hits(self, scored: list[tuple[int, float]]) -> list[Hit]:
        if not scored:
            return []
        marks = ",".join("?" * len(scored))
        rows = {
            r[0]: r[1:]
            for r in self.store.conn.execute(
                f"SELECT idx, id, code, name, department_idx, name_hant, name_en FROM items WHERE idx IN ({marks})",
                [i for i, _ in scored],
            )
        }
        depts = self.store.departments
        return [Hit(r[0], r[1], r[2], depts[r[3]].short_name, s, r[4], r[5]) for i, s in scored for r in [rows[i]]]
