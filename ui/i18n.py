"""Qt translations: .ts sources under assets/i18n, compiled to .qm with lrelease when they change."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ui.qt import QCoreApplication, QTranslator

I18N = Path(__file__).resolve().parent.parent / "assets" / "i18n"
LANGUAGES = {"zh_CN": None, "zh_HK": "kiosk_zh_HK", "en": "kiosk_en"}  # source strings are Simplified Chinese


def lrelease() -> str | None:
    """The lrelease tool of the PySide6 wheel."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def compiled(name: str, folder: Path = I18N) -> Path | None:
    """The .qm for `name`, (re)compiled from its .ts when missing or older; None if it cannot be had."""
    ts, qm = folder / f"{name}.ts", folder / f"{name}.qm"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    tool = lrelease()
    if tool is None or not ts.exists():
        return qm if qm.exists() else None
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return qm if qm.exists() else None
    return qm


_installed: list[QTranslator] = []  # the application has one UI translator at a time, whoever installed it


class Translations:
    """Swaps the application's translator; Qt then sends every widget a LanguageChange event."""

    def __init__(self) -> None:
        self.language = "zh_CN"

    def use(self, language: str) -> bool:
        """Switch to `language`; False if its translation could not be loaded (source strings then show)."""
        app = QCoreApplication.instance()
        while _installed:
            old = _installed.pop()
            app.removeTranslator(old)
            old.deleteLater()  # parented to the application: it would live as long otherwise
        self.language = language
        name = LANGUAGES.get(language)
        if name is None:  # removing the old translator already told every widget
            return language == "zh_CN"
        qm = compiled(name)
        translator = QTranslator(app)
        if qm is None or not translator.load(str(qm)):
            return False
        app.installTranslator(translator)
        _installed.append(translator)
        return True


def compile_all() -> int:
    """Compile every .ts to .qm (the build step); 1 if one could not be compiled."""
    failed = [name for name in LANGUAGES.values() if name and compiled(name) is None]
    for name in failed:
        print(f"could not compile {name}.ts (is pyside6-lrelease installed?)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(compile_all())
