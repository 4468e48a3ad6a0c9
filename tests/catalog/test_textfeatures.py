"""Normalisation, tokens and pinyin segmentation."""

from __future__ import annotations

from catalog.textfeatures import PinyinSegmenter, han_features, initials_features, normalize, tokens, trigrams

SYLLABLES = ["she", "bao", "ka", "ba", "o", "xi", "an", "xian", "zhang", "gong", "ji", "jin", "a", "ao"]


def test_normalize_folds_width_case_script_and_punctuation():
    t2s = {"會": "会", "險": "险"}
    assert normalize("社會保險（ＡＢＣ）", t2s) == "社会保险 abc"
    assert normalize("  Shebao-Ka!! ") == "shebao ka"


def test_tokens_split_han_and_latin_runs():
    assert tokens("社保ka 123") == ["社保", "ka", "123"]


def test_feature_helpers():
    assert han_features("社保卡") == ["h:社保", "h:保卡"]
    assert han_features("社") == ["u:社"]
    assert trigrams("ka") == ["t: ka", "t:ka "]
    assert initials_features("sbk") == ["i:sb", "i:bk"]
    assert initials_features("s") == ["j:s"]


def test_segmenter_prefers_fewest_syllables_and_allows_a_partial_last_one():
    seg = PinyinSegmenter(SYLLABLES)
    assert seg.split("shebaoka") == (["she", "bao", "ka"], False)
    assert seg.split("xian") == (["xian"], False)
    assert seg.split("shebaok") == (["she", "bao", "k"], True)
    assert seg.split("qqq") is None
