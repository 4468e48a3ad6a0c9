"""Open a catalog bundle read-only: items, departments, themes, stats, and the search engine over them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from catalog.bundle import AUDIENCE_CODES, SCHEMA_VERSION
from catalog.model import Department, Item

REQUIRED_TABLES = {"meta", "departments", "items", "themes", "search_text", "postings", "han_pinyin", "t2s", "vocab"}


class CatalogBundleError(RuntimeError):
    """A bundle that cannot be opened or is not a catalog bundle of this version."""


class CatalogStore:
    """A read-only catalog bundle."""

    def __init__(self, path: Path):
        self.path = Path(path)
        if self.path.is_dir():
            raise CatalogBundleError(f"{self.path} is a directory, not a catalog bundle file")
        if not self.path.is_file():
            raise CatalogBundleError(f"catalog bundle {self.path} does not exist")
        try:
            # immutable: bundles are replaced by renaming a new file into place, never changed in place.
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"  # as_uri escapes '#', '?' and '%'
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise CatalogBundleError(f"{self.path} is not a readable catalog bundle: {exc}") from exc
        missing = REQUIRED_TABLES - tables
        if missing:
            self.conn.close()
            raise CatalogBundleError(
                f"{self.path} is not a catalog bundle (missing tables: {', '.join(sorted(missing))})"
            )
        self.meta = dict(self.conn.execute("SELECT key, value FROM meta"))
        if self.meta.get("schema") != str(SCHEMA_VERSION):
            self.conn.close()
            raise CatalogBundleError(
                f"{self.path} has bundle schema {self.meta.get('schema')!r}, "
                f"this terminal reads schema {SCHEMA_VERSION}"
            )
        self.version = self.meta["version"]
        self._departments = [
            Department(*row)
            for row in self.conn.execute(
                "SELECT id, name, short_name, hall, phone, source FROM departments ORDER BY idx"
            )
        ]
        self.themes = [r[0] for r in self.conn.execute("SELECT name FROM themes ORDER BY bit")]
        self._engine = None

    def close(self) -> None:
        """Release the database."""
        self.conn.close()

    def __enter__(self) -> CatalogStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def departments(self) -> list[Department]:
        """Departments in bundle order."""
        return list(self._departments)

    def department(self, dept_id: str) -> Department | None:
        """One department by id."""
        return next((d for d in self._departments if d.id == dept_id), None)

    def stats(self) -> dict[str, Any]:
        """The DESIGN's `catalog stats` record."""
        return {**json.loads(self.meta["counts"]), "version": self.version}

    def item(self, item_id: str) -> Item | None:
        """One item by id."""
        row = self.conn.execute("SELECT record FROM items WHERE id = ?", (item_id,)).fetchone()
        return Item.from_record(json.loads(row[0])) if row else None

    def items_at(self, indices: list[int]) -> list[Item]:
        """Items by their row index, in the order given."""
        if not indices:
            return []
        marks = ",".join("?" * len(indices))
        rows = dict(self.conn.execute(f"SELECT idx, record FROM items WHERE idx IN ({marks})", indices))
        return [Item.from_record(json.loads(rows[i])) for i in indices]

    def records(self) -> Iterator[dict[str, Any]]:
        """Every item's full record, in id order."""
        for (record,) in self.conn.execute("SELECT record FROM items ORDER BY idx"):
            yield json.loads(record)

    def audience_code(self, audience: str) -> int:
        """The integer the bundle stores for an audience."""
        return AUDIENCE_CODES[audience]

    @property
    def search(self):  # -> catalog.search.SearchEngine (import deferred: it needs numpy)
        """The search engine over this bundle, created on first use."""
        if self._engine is None:
            from catalog.search import SearchEngine

            self._engine = SearchEngine(self)
        return self._engine
