"""The hub's place in the layers, and its storage choices (SQLite WAL with foreign keys, keys kept private)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import sqlalchemy as sa

from hub.db import make_engine, submissions
from hub.keys import check_password, hash_password, load_or_make_key

REPO = Path(__file__).resolve().parents[2]


def imported_roots(path: Path) -> list[tuple[str, bool]]:
    """(top-level package, at module level?) of every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name.split(".")[0], id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module.split(".")[0], id(node) in top_level))
    return found


def test_hub_never_imports_the_gui():
    offenders = [
        str(p)
        for p in (REPO / "hub").rglob("*.py")
        for root, _ in imported_roots(p)
        if root in ("ui", "PySide6", "shiboken6")
    ]
    assert offenders == []


def test_kiosk_imports_the_hub_only_lazily_in_its_cli():
    offenders = []
    for path in (REPO / "kiosk").rglob("*.py"):
        for root, at_module_level in imported_roots(path):
            if root == "hub" and (path != REPO / "kiosk" / "cli.py" or at_module_level):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'deep' / 'hub.sqlite3'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(sa.exc.IntegrityError) as refused, engine.begin() as conn:  # no such terminal
            conn.execute(
                sa.insert(submissions).values(
                    tracking_no="x",
                    terminal_id="ghost",
                    idempotency_key="k" * 8,
                    body_sha256="0" * 64,
                    item_id="i",
                    item_code="c",
                    item_name="n",
                    applicant_hmac="0" * 64,
                    status_code_hmac="0" * 64,
                    payload={},
                    status="submitted",
                    submitted_at=sa.func.now(),
                    received_at=sa.func.now(),
                    updated_at=sa.func.now(),
                )
            )
        assert "ghost" not in str(refused.value)  # errors never carry row values into a log
    finally:
        engine.dispose()
    with pytest.raises(ValueError, match="SQLite file"):
        make_engine("sqlite://")


def test_hub_key_is_private_and_stable(tmp_path):
    path = tmp_path / "keys" / "hub.key"
    key = load_or_make_key(path)
    assert len(key) == 32 and path.stat().st_mode & 0o777 == 0o600
    assert load_or_make_key(path) == key


def test_password_hashes_are_salted_scrypt():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second and first.startswith("scrypt$16384$8$1$")
    assert check_password("correct horse", first) and not check_password("correct hors", first)
    assert not check_password("correct horse", "scrypt$1048576000$8$1$AA==$AA==")  # absurd costs are refused
    assert not check_password("x", "garbage")
