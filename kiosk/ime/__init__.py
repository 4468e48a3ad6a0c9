"""The on-screen keyboard's pinyin input method: a dictionary built from jieba's word list and a lookup engine."""

from kiosk.ime.dictionary import build_dictionary, catalog_extra_words
from kiosk.ime.engine import PinyinIME

__all__ = ["PinyinIME", "build_dictionary", "catalog_extra_words"]
