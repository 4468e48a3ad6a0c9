"""Every UI string has a Traditional Chinese and an English translation, and they load."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.i18n import I18N, Translations, compiled
from ui.qt import QCoreApplication

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["kiosk_zh_HK", "kiosk_en"])
def test_every_message_is_translated(name):
    root = ET.parse(I18N / f"{name}.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    for message in messages:
        translation = message.find("translation")
        text = (translation.text or "") + "".join(c.text or "" for c in translation)
        assert translation.get("type") is None and text.strip(), message.findtext("source")


def test_ts_files_are_current_with_the_code(tmp_path):
    """lupdate over ui/ finds no string that the .ts files lack."""
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "ui").rglob("*.py"))
    copy = tmp_path / "check.ts"
    copy.write_bytes((I18N / "kiosk_en.ts").read_bytes())
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    out = subprocess.run(
        [str(tool), "-no-obsolete", *sources, "-ts", str(copy)], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert "0 new" in out, out


def test_translations_compile_and_switch(qapp, tmp_path):
    for name in ("kiosk_zh_HK", "kiosk_en"):
        (tmp_path / f"{name}.ts").write_bytes((I18N / f"{name}.ts").read_bytes())
        assert compiled(name, tmp_path) is not None
    translations = Translations()
    assert translations.use("en")
    assert QCoreApplication.translate("HomeScreen", "事项查询") == "Find a service"
    assert translations.use("zh_HK")
    assert QCoreApplication.translate("HomeScreen", "事项查询") == "事項查詢"
    assert translations.use("zh_CN")
    assert QCoreApplication.translate("HomeScreen", "事项查询") == "事项查询"
