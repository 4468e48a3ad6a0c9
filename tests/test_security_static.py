"""What the terminal's code must never contain, read from its syntax trees: ways out of the kiosk (file dialogs,
the desktop's URL handler, processes started from the screen), a shell, and unsafe deserialisation. Each rule
names the call and says why; docs/security.md lists these with the rest of the security checklist."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("kiosk", "ui", "devices", "catalog", "hub")
# Modules that start programs, each with a fixed argument list (never a shell, never the resident's text):
SUBPROCESS_ALLOWED = {
    "kiosk/local_hub.py": "the embedded hub (this program again, `kiosk hub serve` on 127.0.0.1)",
    "kiosk/voice.py": "espeak-ng speaking the screen's own texts",
    "kiosk/ocr/synth/fonts.py": "fc-list, building synthetic test documents (never on the resident's path)",
    "ui/i18n.py": "lrelease, compiling translations at build time",
    "devices/native_build.py": "gcc, compiling the device simulators' C sources",
    "devices/printer/receipt.py": "fc-match, finding the receipt font",
    "devices/printer/cups_a4.py": "lp/lpstat, A4 printing through CUPS",
}
FORBIDDEN_NAMES = {
    "QFileDialog": "a file dialog opens the whole file system to a person at the screen",
    "getOpenFileName": "a file dialog",
    "getSaveFileName": "a file dialog",
    "getExistingDirectory": "a folder dialog",
    "QDesktopServices": "hands URLs to the desktop's browser or file manager, outside the kiosk",
    "QProcess": "starts programs from the GUI",
    "QPrintDialog": "the system print dialog lists printers, files and settings",
    "QColorDialog": "a system dialog",
    "QFontDialog": "a system dialog",
}
FORBIDDEN_CALLS = {
    ("os", "system"): "runs a shell",
    ("os", "popen"): "runs a shell",
    ("os", "startfile"): "opens files with the desktop",
    ("webbrowser", "open"): "starts a browser outside the kiosk",
    ("pickle", "loads"): "unpickling runs code from the data",
    ("pickle", "load"): "unpickling runs code from the data",
    ("marshal", "loads"): "loads code objects",
    ("yaml", "unsafe_load"): "constructs arbitrary objects",
}


def product_files() -> list[Path]:
    return sorted(p for package in PRODUCT for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def trees() -> list[tuple[str, ast.AST]]:
    return [(str(p.relative_to(ROOT)), ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in product_files()]


def dotted(node: ast.AST) -> tuple[str, ...]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return tuple(reversed(parts))


@pytest.fixture(scope="module")
def parsed() -> list[tuple[str, ast.AST]]:
    found = trees()
    assert len(found) > 100  # the whole product was read
    return found


def gui_escapes(parsed: list[tuple[str, ast.AST]]) -> list[str]:
    """File dialogs, the desktop's URL handler, programs started from the GUI."""
    hits = []
    for name, tree in parsed:
        for node in ast.walk(tree):
            word = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
            if isinstance(node, ast.alias):
                word = node.name.rsplit(".", 1)[-1]
            if word in FORBIDDEN_NAMES:
                hits.append(f"{name}:{getattr(node, 'lineno', '?')}: {word} ({FORBIDDEN_NAMES[word]})")
    return hits


def calls(parsed: list[tuple[str, ast.AST]]):
    """Every call in the parsed files: (file, node, the called name's dotted parts)."""
    for name, tree in parsed:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                yield name, node, dotted(node.func)


def shells_and_unsafe_loads(parsed: list[tuple[str, ast.AST]]) -> list[str]:
    """A shell, or deserialisation that runs code from the data."""
    hits = []
    for name, node, call in calls(parsed):
        if call[-2:] in FORBIDDEN_CALLS:
            hits.append(f"{name}:{node.lineno}: {'.'.join(call)} ({FORBIDDEN_CALLS[call[-2:]]})")
        for keyword in node.keywords:
            if keyword.arg == "shell" and not (isinstance(keyword.value, ast.Constant) and not keyword.value.value):
                hits.append(f"{name}:{node.lineno}: shell=... (a shell parses the command line)")
        if call == ("yaml", "load") and not any(k.arg == "Loader" for k in node.keywords):
            hits.append(f"{name}:{node.lineno}: yaml.load without a safe Loader")
    return hits


def process_starts(parsed: list[tuple[str, ast.AST]]) -> list[str]:
    """Programs started outside the reviewed modules, or from one command-line string."""
    hits = []
    for name, node, call in calls(parsed):
        if call[:1] != ("subprocess",) or call[-1] not in ("run", "Popen", "call", "check_call", "check_output"):
            continue
        if name not in SUBPROCESS_ALLOWED and not name.startswith("hub/"):
            hits.append(f"{name}:{node.lineno}: subprocess.{call[-1]} in a module not reviewed for it")
        argv = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "args"), None)
        if isinstance(argv, ast.Constant | ast.JoinedStr | ast.BinOp):
            hits.append(f"{name}:{node.lineno}: a command line as one string (split it into an argument list)")
    return hits


def test_no_file_dialogs_desktop_handlers_or_gui_processes(parsed) -> None:
    assert gui_escapes(parsed) == []


def test_no_shell_and_no_unsafe_deserialisation(parsed) -> None:
    assert shells_and_unsafe_loads(parsed) == []


def test_programs_are_started_only_where_reviewed_and_never_from_a_string(parsed) -> None:
    assert process_starts(parsed) == []


def test_the_rules_find_what_they_forbid() -> None:
    """The checks are not blind: each finds its targets in code written to break them."""
    sample = [
        (
            "ui/sneaky.py",
            ast.parse(
                "import subprocess, os, pickle, yaml\n"
                "from PySide6.QtWidgets import QFileDialog\n"
                "QFileDialog.getOpenFileName()\n"
                "os.system('sh')\n"
                "pickle.loads(b'')\n"
                "yaml.load(text)\n"
                "subprocess.run('ls -l', shell=True)\n"
            ),
        )
    ]
    assert len(gui_escapes(sample)) == 3  # the import, the class, the call
    assert len(shells_and_unsafe_loads(sample)) == 4  # os.system, pickle.loads, yaml.load, shell=True
    assert len(process_starts(sample)) == 2  # not a reviewed module, and one string
