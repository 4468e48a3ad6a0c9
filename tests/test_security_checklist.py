"""docs/security.md is a checklist with a test for each item: every row names tests, and every test it names
exists (a file with that test function), so the review cannot drift from the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST = ROOT / "docs" / "security.md"
ROW = re.compile(r"^\|\s*(\d+\.\d+)\s*\|(.*)\|\s*$")
NODE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def checklist_rows() -> dict[str, list[tuple[str, str]]]:
    """Item number -> the (file, test) pairs its last column names."""
    rows = {}
    for line in CHECKLIST.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            tests_column = match.group(2).rsplit("|", 1)[-1]
            rows[match.group(1)] = NODE.findall(tests_column)
    return rows


def defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}


def test_every_item_names_tests_that_exist() -> None:
    rows = checklist_rows()
    assert len(rows) >= 25  # the table was read, not skipped
    missing = [item for item, nodes in rows.items() if not nodes]
    assert missing == [], f"items without a test: {missing}"
    unknown = []
    for item, nodes in rows.items():
        for file, name in nodes:
            path = ROOT / file
            if not path.is_file() or name not in defined_tests(path):
                unknown.append(f"{item}: {file}::{name}")
    assert unknown == []


def test_items_are_numbered_once_and_in_order() -> None:
    numbers = [tuple(map(int, item.split("."))) for item in checklist_rows()]
    assert numbers == sorted(numbers) and len(numbers) == len(set(numbers))
