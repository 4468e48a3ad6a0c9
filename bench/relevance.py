"""Search relevance: success@5 and MRR of the engine beside the naive substring baseline.

Run: uv run python -m bench.relevance [QUERIES.csv ...]   (default: both query sets under tests/data)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from catalog.build import build_from_source
from catalog.evaluation import SubstringBaseline, evaluate, load_queries
from catalog.store import CatalogStore

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SETS = (REPO / "tests" / "data" / "search_queries.csv", REPO / "tests" / "data" / "search_queries_heldout.csv")


def main(argv: list[str] | None = None) -> int:
    """Print the relevance table for each query set."""
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)] or list(DEFAULT_SETS)
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "catalog.sqlite"
        build_from_source(REPO / "catalog" / "source", bundle)
        with CatalogStore(bundle) as store:
            baseline = SubstringBaseline(store)
            for path in paths:
                queries = load_queries(path)
                engine = evaluate(lambda q: [h.name for h in store.search.search(q, limit=10)], queries)
                naive = evaluate(lambda q: baseline.search(q, limit=10), queries)
                print(f"{path.name}: {len(queries)} queries")
                print(f"  {'category':<16}{'engine s@5':>12}{'baseline s@5':>14}")
                for category in engine.per_category:
                    print(
                        f"  {category:<16}{engine.per_category[category]:>12.3f}{naive.per_category[category]:>14.3f}"
                    )
                print(
                    f"  {'ALL success@5':<16}{engine.success_at_5:>12.3f}{naive.success_at_5:>14.3f}"
                    f"   ratio {engine.success_at_5 / max(naive.success_at_5, 1e-9):.2f}"
                )
                print(
                    f"  {'ALL MRR':<16}{engine.mrr:>12.3f}{naive.mrr:>14.3f}"
                    f"   ratio {engine.mrr / max(naive.mrr, 1e-9):.2f}"
                )
                for query, got in engine.misses:
                    print(f"  miss: {query!r} -> {got[:3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
