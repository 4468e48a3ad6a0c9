"""Compile validated catalog source into a versioned, read-only SQLite bundle with its search index."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from array import array
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from catalog.model import Department, Item
from catalog.textfeatures import document_features

SCHEMA_VERSION = 1
# How much a match in each field counts; the best field of an item wins for a feature.
FIELD_WEIGHTS = {"name": 1.0, "synonyms": 0.95, "name_en": 0.9, "keywords": 0.7, "themes": 0.5, "department": 0.4}
AUDIENCE_CODES = {"personal": 1, "enterprise": 2, "both": 3}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE departments (idx INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, name TEXT NOT NULL,
    short_name TEXT NOT NULL, hall TEXT NOT NULL, phone TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE items (idx INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, code TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL, name_hant TEXT NOT NULL, name_en TEXT NOT NULL, type TEXT NOT NULL,
    department_idx INTEGER NOT NULL REFERENCES departments(idx), audience INTEGER NOT NULL,
    self_service INTEGER NOT NULL, post_office INTEGER NOT NULL, popularity INTEGER NOT NULL,
    theme_mask INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE themes (bit INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
CREATE TABLE search_text (idx INTEGER PRIMARY KEY, name TEXT NOT NULL, synonyms TEXT NOT NULL,
    pinyin TEXT NOT NULL, initials TEXT NOT NULL, english TEXT NOT NULL);
CREATE TABLE postings (feature TEXT PRIMARY KEY, ids BLOB NOT NULL, weights BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE han_pinyin (ch TEXT PRIMARY KEY, readings TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE t2s (ch TEXT PRIMARY KEY, simplified TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE vocab (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class BundleInfo:
    """What a build produced."""

    path: Path
    version: str
    items: int
    features: int
    took_ms: float


def _pinyin_function():
    from pypinyin import Style, lazy_pinyin  # build-time only: slow to import, never needed by the terminal

    def pinyin_of(run: str) -> list[str]:
        return [s.replace("ü", "v") for s in lazy_pinyin(run, style=Style.NORMAL, v_to_u=False)]

    return pinyin_of


def _character_tables() -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    import opencc
    from pypinyin import Style, pinyin

    to_simplified = opencc.OpenCC("t2s")
    readings, t2s, syllables = [], [], set()
    for cp in list(range(0x4E00, 0xA000)) + list(range(0x3400, 0x4DC0)):
        ch = chr(cp)
        found = [r.replace("ü", "v") for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0] if r != ch]
        if found:
            readings.append((ch, " ".join(dict.fromkeys(found))))
            syllables.update(found)
        simplified = to_simplified.convert(ch)
        if simplified != ch and len(simplified) == 1:
            t2s.append((ch, simplified))
    return readings, t2s, sorted(s for s in syllables if s.isascii() and s.isalpha())


def _search_fields(item: Item, department: Department) -> dict[str, list[str]]:
    return {
        "name": [item.name],
        "synonyms": list(item.synonyms),
        "name_en": [item.name_en] if item.name_en else [],
        "keywords": list(item.keywords),
        "themes": list(item.themes),
        "department": [department.short_name],
    }


def catalog_counts(items: list[Item], departments: int) -> dict[str, object]:
    """The DESIGN's `catalog stats` figures for a list of items."""
    personal = sum(i.post_office and i.audience == "personal" for i in items)
    enterprise = sum(i.post_office and i.audience == "enterprise" for i in items)
    return {
        "total": len(items),
        "self_service": sum(i.self_service for i in items),
        "post_office": {"personal": personal, "enterprise": enterprise, "total": sum(i.post_office for i in items)},
        "departments": departments,
        "themes": len({t for i in items for t in i.themes}),
    }


def build_bundle(
    version: str,
    note: str,
    departments: list[Department],
    items: list[Item],
    out: Path,
    extra_meta: dict[str, str] | None = None,
) -> BundleInfo:
    """Write the bundle atomically to `out` (a temporary file renamed into place)."""
    started = time.perf_counter()
    pinyin_of = _pinyin_function()
    dept_index = {d.id: n for n, d in enumerate(departments)}
    dept_by_id = {d.id: d for d in departments}
    theme_bits = {t: n for n, t in enumerate(sorted({t for i in items for t in i.themes}))}
    if len(theme_bits) > 62:
        raise ValueError(f"{len(theme_bits)} themes: at most 62 fit the theme mask")
    # Items are visited in index order, so each posting list comes out sorted with one entry per item.
    postings: dict[str, tuple[array, array]] = defaultdict(lambda: (array("i"), array("f")))
    item_rows, text_rows = [], []
    ordered = sorted(items, key=lambda i: i.id)
    for idx, item in enumerate(ordered):
        pinyins: list[str] = []
        initials: list[str] = []
        synonym_pinyin: list[str] = []
        best: dict[str, float] = {}
        for field, texts in _search_fields(item, dept_by_id[item.department]).items():
            weight = FIELD_WEIGHTS[field]
            for text in texts:
                features, runs_pinyin, runs_initials = document_features(text, pinyin_of)
                for feature in features:
                    if best.get(feature, 0.0) < weight:
                        best[feature] = weight
                if field == "name":
                    pinyins.append("".join(runs_pinyin))
                    initials.append("".join(runs_initials))
                elif field == "synonyms":
                    synonym_pinyin.append("".join(runs_pinyin))
                    initials.append("".join(runs_initials))
        for feature, weight in best.items():
            ids, weights = postings[feature]
            ids.append(idx)
            weights.append(weight)
        mask = sum(1 << theme_bits[t] for t in item.themes)
        item_rows.append(
            (
                idx,
                item.id,
                item.code,
                item.name,
                item.name_hant,
                item.name_en,
                item.type,
                dept_index[item.department],
                AUDIENCE_CODES[item.audience],
                int(item.self_service),
                int(item.post_office),
                item.popularity,
                mask,
                json.dumps(item.to_record(), ensure_ascii=False),
            )
        )
        text_rows.append(
            (
                idx,
                item.name,
                "|".join(item.synonyms),
                "|".join(pinyins + synonym_pinyin),
                "|".join(initials),
                item.name_en.lower(),
            )
        )
    vocab = {w for row in text_rows for w in row[3].split("|") if len(w) >= 3}
    vocab.update(w for row in text_rows for w in row[5].split() if len(w) >= 4 and w.isalpha())
    readings, t2s, syllables = _character_tables()
    counts = catalog_counts(items, len({i.department for i in items}))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".catalog-", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        conn.executescript(SCHEMA)
        meta = {
            "schema": str(SCHEMA_VERSION),
            "version": version,
            "note": note,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "counts": json.dumps(counts),
            "syllables": " ".join(syllables),
            "item_count": str(len(items)),
            **(extra_meta or {}),
        }
        conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        conn.executemany(
            "INSERT INTO departments VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(n, d.id, d.name, d.short_name, d.hall, d.phone, d.source) for n, d in enumerate(departments)],
        )
        conn.executemany("INSERT INTO themes VALUES (?, ?)", [(b, t) for t, b in theme_bits.items()])
        conn.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", item_rows)
        conn.executemany("INSERT INTO search_text VALUES (?, ?, ?, ?, ?, ?)", text_rows)
        conn.executemany(
            "INSERT INTO postings VALUES (?, ?, ?)",
            ((feature, ids.tobytes(), weights.tobytes()) for feature, (ids, weights) in postings.items()),
        )
        conn.executemany("INSERT INTO han_pinyin VALUES (?, ?)", readings)
        conn.executemany("INSERT INTO t2s VALUES (?, ?)", t2s)
        conn.executemany("INSERT INTO vocab VALUES (?)", ((w,) for w in sorted(vocab)))
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
        tmp.chmod(0o644)  # a bundle holds no personal data; the kiosk may run as another user than the builder
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return BundleInfo(out, version, len(items), len(postings), (time.perf_counter() - started) * 1000)
