"""Relevance evaluation: success@k and MRR of a search function on a labelled query set."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from catalog.store import CatalogStore


@dataclass(frozen=True)
class LabelledQuery:
    """A resident's query and the item names that answer it."""

    query: str
    category: str
    expected: frozenset[str]


@dataclass
class RelevanceReport:
    """Scores of one search function over a query set."""

    success_at_5: float
    mrr: float
    per_category: dict[str, float] = field(default_factory=dict)
    misses: list[tuple[str, list[str]]] = field(default_factory=list)


def load_queries(path: Path) -> list[LabelledQuery]:
    """Read `query,category,expected,note` rows; `expected` holds item names separated by |."""
    with path.open(encoding="utf-8") as fh:
        return [
            LabelledQuery(r["query"], r["category"], frozenset(r["expected"].split("|"))) for r in csv.DictReader(fh)
        ]


def evaluate(search: Callable[[str], list[str]], queries: list[LabelledQuery]) -> RelevanceReport:
    """Score `search` (query -> ranked item names) on `queries`."""
    hits, reciprocal = 0, 0.0
    by_category: dict[str, list[int]] = {}
    misses = []
    for q in queries:
        names = search(q.query)
        rank = next((n for n, name in enumerate(names, start=1) if name in q.expected), None)
        found = rank is not None and rank <= 5
        hits += found
        reciprocal += 1.0 / rank if rank else 0.0
        by_category.setdefault(q.category, []).append(int(found))
        if not found:
            misses.append((q.query, names[:5]))
    n = max(len(queries), 1)
    return RelevanceReport(hits / n, reciprocal / n, {c: sum(v) / len(v) for c, v in by_category.items()}, misses)


class SubstringBaseline:
    """The naive search: items whose name (simplified, Traditional or English) contains the query."""

    def __init__(self, store: CatalogStore):
        rows = store.conn.execute("SELECT name, name_hant, lower(name_en), popularity FROM items").fetchall()
        self.rows = sorted(rows, key=lambda r: -r[3])

    def search(self, query: str, limit: int = 10) -> list[str]:
        """Names of up to `limit` items containing the query, most used first."""
        q = query.strip().lower()
        if not q:
            return []
        return [r[0] for r in self.rows if q in r[0] or q in r[1] or (r[2] and q in r[2])][:limit]
