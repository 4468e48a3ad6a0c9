"""Relevance on realistic resident queries, against the naive substring baseline in the same run."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.evaluation import SubstringBaseline, evaluate, load_queries

DATA = Path(__file__).resolve().parents[1] / "data"
CATEGORIES = {
    "exact",
    "partial",
    "synonym",
    "pinyin_full",
    "pinyin_initials",
    "homophone_typo",
    "pinyin_typo",
    "traditional",
    "english",
    "elderly_phrase",
}


@pytest.mark.parametrize("name", ["search_queries.csv", "search_queries_heldout.csv"])
def test_query_sets_are_well_formed(store, name):
    queries = load_queries(DATA / name)
    known = {r["name"] for r in store.records()}
    assert {q.category for q in queries} == CATEGORIES
    for q in queries:
        assert q.expected <= known, q


def test_main_set_success_at_5_and_mrr_beat_the_baseline(store):
    queries = load_queries(DATA / "search_queries.csv")
    assert len(queries) >= 120
    engine = evaluate(lambda q: [h.name for h in store.search.search(q, limit=10)], queries)
    baseline = SubstringBaseline(store)
    naive = evaluate(lambda q: baseline.search(q, limit=10), queries)
    print(
        f"\nmain set: engine success@5 {engine.success_at_5:.3f} MRR {engine.mrr:.3f}; "
        f"baseline success@5 {naive.success_at_5:.3f} MRR {naive.mrr:.3f}"
    )
    assert engine.success_at_5 >= 0.95, engine.misses
    assert engine.mrr > naive.mrr + 0.4
    for category, rate in engine.per_category.items():
        assert rate >= 0.85, (category, engine.misses)


def test_held_out_set_generalises(store):
    queries = load_queries(DATA / "search_queries_heldout.csv")
    engine = evaluate(lambda q: [h.name for h in store.search.search(q, limit=10)], queries)
    assert engine.success_at_5 >= 0.9, engine.misses
