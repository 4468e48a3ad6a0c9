"""Refresh the Qt translation sources: lupdate over ui/, 繁體 filled by OpenCC, English from the .ts itself.

Run: uv run python scripts/update_translations.py [--en NEW_ENGLISH.json]
New Traditional Chinese strings are converted automatically (s2hk) and can be reviewed in Qt Linguist;
new English strings must be translated (give a JSON {source: translation} or edit kiosk_en.ts); the command
exits 1 while any string lacks an English translation.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import opencc

REPO = Path(__file__).resolve().parent.parent
I18N = REPO / "assets" / "i18n"
TS = {"zh_HK": I18N / "kiosk_zh_HK.ts", "en": I18N / "kiosk_en.ts"}


def lupdate() -> None:
    """Extract every tr() string of ui/ into both .ts files (existing translations are kept)."""
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "ui").rglob("*.py"))
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(tool), "-no-obsolete", *sources, "-ts", *map(str, TS.values())], cwd=REPO, check=True, capture_output=True
    )


def fill(path: Path, translate, plural_forms: int) -> list[str]:
    """Fill unfinished messages with `translate(source) -> str | list[str] | None`; the still missing ones."""
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = (translation.text or "").strip() or "".join((c.text or "") for c in translation).strip()
        if translation.get("type") is None and text:
            continue  # already translated
        value = translate(source)
        if value is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            forms = value if isinstance(value, list) else [value] * plural_forms
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms[:plural_forms]:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value if isinstance(value, str) else value[0]
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def main(argv: list[str]) -> int:
    """Update both .ts files; exit 1 while English translations are missing."""
    english = json.loads(Path(argv[argv.index("--en") + 1]).read_text(encoding="utf-8")) if "--en" in argv else {}
    lupdate()
    to_hk = opencc.OpenCC("s2hk")
    fill(TS["zh_HK"], to_hk.convert, 1)
    missing = fill(TS["en"], english.get, 2)
    for source in missing:
        print(f"missing English: {source}")
    print(f"translations updated; {len(missing)} English string(s) missing")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
