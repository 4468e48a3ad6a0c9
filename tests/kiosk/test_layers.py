"""The core never imports Qt: catalog, devices, kiosk and hub load with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORE = ("catalog", "devices", "kiosk", "hub")

BLOCKER = """
import importlib.abc, importlib, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt imported by the core: ' + name)
sys.meta_path.insert(0, Block())
for package in {packages!r}:
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + '.'):
        importlib.import_module(info.name)
        print(info.name)
"""


def test_core_packages_import_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER.format(packages=CORE)], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    assert {"catalog.search", "kiosk.cli", "kiosk.flows.browse", "kiosk.session", "kiosk.idle"} <= imported


def test_only_ui_qt_imports_the_binding():
    offenders = []
    for path in (REPO / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "qt.py" and ("from PySide6" in text or "import PySide6" in text):
            offenders.append(str(path))
    assert offenders == []
