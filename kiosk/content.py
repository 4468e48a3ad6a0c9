"""Item content in the resident's language: Traditional script for 繁體, English names where known."""

from __future__ import annotations

from functools import lru_cache

from catalog.model import Item

LANGUAGES = ("zh_CN", "zh_HK", "en")


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc  # loaded on first Traditional display only (~80 ms)

    return opencc.OpenCC("s2hk")


def in_script(text: str, language: str) -> str:
    """Chinese content text in the language's script (English readers get the Chinese as it is)."""
    if language == "zh_HK" and text:
        return _to_traditional().convert(text)
    return text


def item_name(item: Item, language: str) -> str:
    """An item's name for the language, falling back to Chinese where no English name exists."""
    return item_name_from_parts(item.name, item.name_hant, item.name_en, language)


def item_name_from_parts(name: str, name_hant: str, name_en: str, language: str) -> str:
    """The same choice as `item_name` for result rows that carry only the three names."""
    if language == "zh_HK":
        return name_hant or in_script(name, language)
    if language == "en" and name_en:
        return name_en
    return name
