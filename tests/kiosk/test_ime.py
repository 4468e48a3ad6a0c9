"""The pinyin input method: the dictionary built from jieba and pypinyin, and the candidate engine over it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.ime import prefixes
from kiosk.ime import PinyinIME, build_dictionary, catalog_extra_words
from kiosk.ime.engine import DictionaryError


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A dictionary from jieba alone plus one boosted catalog word (its speed: bench/ime)."""
    path = tmp_path_factory.mktemp("ime") / "ime.sqlite"
    build_dictionary(path, [("社保卡", 1e6)])
    return path, 0.0


@pytest.fixture(scope="module")
def ime(built: tuple[Path, float]):
    """The engine over the module's dictionary."""
    engine = PinyinIME(built[0])
    yield engine
    engine.close()


def test_build_is_atomic_and_complete(built: tuple[Path, float]):
    path, _ = built
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind
    with sqlite3.connect(path) as conn:
        words = conn.execute("SELECT count(*) FROM words WHERE syllables > 1").fetchone()[0]
        chars = conn.execute("SELECT count(DISTINCT word) FROM words WHERE syllables = 1").fetchone()[0]
        row = conn.execute("SELECT pinyin, initials, syllables FROM words WHERE word = '公积金'").fetchone()
        lv = conn.execute("SELECT pinyin FROM words WHERE word = '绿'").fetchall()
    assert words > 40000
    assert chars > 8000
    assert row == ("gongjijin", "gjj", 3)
    assert ("lv",) in lv  # ü is written v


@pytest.mark.parametrize(
    ("letters", "word", "top"),
    [("shebao", "社保", 3), ("zhengwu", "政务", 3), ("juzh", "居住", 5), ("jiuye", "就业", 3), ("tuixiu", "退休", 3)],
)
def test_full_pinyin_with_a_partial_last_syllable(ime: PinyinIME, letters: str, word: str, top: int):
    assert word in ime.candidates(letters)[:top]


def test_initials(ime: PinyinIME):
    assert "公积金" in ime.candidates("gjj")[:3]
    assert "经济" in ime.candidates("jj")[:3]


def test_extra_words_are_boosted(ime: PinyinIME):
    assert ime.candidates("sbk")[0] == "社保卡"
    assert ime.candidates("shebaoka")[0] == "社保卡"


def test_exact_syllables_rank_before_longer_words(ime: PinyinIME):
    found = ime.candidates("shebao")
    assert found.index("社保") < found.index("社保卡")  # although 社保卡 carries a huge boost


def test_single_characters_of_the_first_syllable(ime: PinyinIME):
    assert {"这", "中"} <= set(ime.candidates("zh"))
    assert "社" in ime.candidates("shebao")
    assert "行" in ime.candidates("hang")  # a second reading still offers the character


def test_no_duplicates_and_limit(ime: PinyinIME):
    for letters in ("a", "zh", "shi", "yibao", "xian", "gjj", "zhengwufuwu"):
        found = ime.candidates(letters, limit=30)
        assert len(found) == len(set(found)) <= 30
    assert len(ime.candidates("shi", limit=3)) == 3
    assert ime.candidates("shi", limit=0) == []


@pytest.mark.parametrize("garbage", ["", "   ", "123", "she bao", "社保", "shebao!", "\x00", "a" * 10000, None, 42])
def test_garbage_gives_nothing(ime: PinyinIME, garbage):
    assert ime.candidates(garbage) == []
    assert ime.segment_hint(garbage) == ""


def test_segment_hint(ime: PinyinIME):
    assert ime.segment_hint("shebao") == "she'bao"
    assert ime.segment_hint("juzh") == "ju'zh"
    assert ime.segment_hint("gjj") == "gjj"  # initials are shown as typed
    assert ime.segment_hint("ShenFenZheng") == "shen'fen'zheng"


def test_every_prefix_of_the_100_most_frequent_words_gets_candidates(ime: PinyinIME, built: tuple[Path, float]):
    """Each keystroke of a common word, typed in full pinyin or as initials, offers something (speed: bench/ime)."""
    keys = prefixes(built[0], 100)
    assert len(keys) > 400
    empty = [key for key in keys if not ime.candidates(key)]
    assert empty == []


def test_catalog_words_rank_first_and_a_rebuild_replaces_the_file(tmp_path: Path, store):
    path = tmp_path / "ime.sqlite"
    path.write_bytes(b"not a dictionary")
    with pytest.raises(DictionaryError):
        PinyinIME(path)
    extra = catalog_extra_words(store.records())
    assert any("公积金" in text for text, _ in extra)
    build_dictionary(path, extra)
    engine = PinyinIME(path)
    try:
        assert engine.candidates("gjj")[0] == "公积金"  # 国家级 is more frequent in jieba's corpus
        assert engine.candidates("yibao")[0] == "医保"
        assert "港澳通行证" in engine.candidates("gangaotongxingzheng")[:3]  # whole short names are words
    finally:
        engine.close()


def test_missing_file(tmp_path: Path):
    with pytest.raises(DictionaryError):
        PinyinIME(tmp_path / "missing.sqlite")
