"""Search speed: per-keystroke latency at 1,304 and 100,000 items, and open-to-first-result.

Run: uv run python -m bench.search [--large N]
Every query of the relevance set is typed one character at a time; each prefix is one keystroke query.
The naive substring baseline runs on the same keystrokes in the same process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from catalog.build import build_from_source
from catalog.evaluation import SubstringBaseline, load_queries
from catalog.store import CatalogStore

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "catalog" / "source"
QUERIES = REPO / "tests" / "data" / "search_queries.csv"
CACHE = Path(tempfile.gettempdir()) / "kiosk-bench"
TARGET_P99_MS = {1304: 5.0, 100_000: 50.0}
TARGET_OPEN_MS = 200.0


def keystrokes() -> list[str]:
    """Every prefix of every test query, in typing order."""
    out = []
    for q in load_queries(QUERIES):
        out.extend(q.query[:n] for n in range(1, len(q.query) + 1))
    return out


def latencies(search: Callable[[str], object], queries: list[str]) -> list[float]:
    """Milliseconds per query."""
    times = []
    for query in queries:
        started = time.perf_counter()
        search(query)
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def open_to_first_result(bundle: Path, runs: int = 7) -> float:
    """Median milliseconds from opening the bundle to the first result of a search."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        with CatalogStore(bundle) as store:
            store.search.search("社保卡", limit=10)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


COLD_SCRIPT = """
import time
started = time.perf_counter()
from pathlib import Path
from catalog.store import CatalogStore
store = CatalogStore(Path({bundle!r}))
store.search.search("社保卡", limit=10)
print((time.perf_counter() - started) * 1000)
"""


def cold_open_to_first_result(bundle: Path, runs: int = 5) -> float:
    """Median milliseconds in a fresh process: importing the catalog code, opening, first result."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD_SCRIPT.format(bundle=str(bundle))],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        times.append(float(out.strip()))
    return statistics.median(times)


def measure(bundle: Path, label: str, queries: list[str]) -> dict[str, float]:
    """Engine and baseline keystroke latency on one bundle; prints a line and returns the figures."""
    with CatalogStore(bundle) as store:
        size = int(store.meta["item_count"])
        engine = latencies(lambda q: store.search.search(q, limit=10), queries)
        baseline = SubstringBaseline(store)
        naive = latencies(lambda q: baseline.search(q, limit=10), queries)
    result = {
        "items": size,
        "p50": statistics.median(engine),
        "p99": percentile(engine, 99),
        "base_p50": statistics.median(naive),
        "base_p99": percentile(naive, 99),
    }
    target = TARGET_P99_MS.get(size)
    verdict = (
        "" if target is None else (" OK" if result["p99"] <= target else " OVER TARGET") + f" (target {target} ms)"
    )
    print(
        f"{label}: {size} items, {len(queries)} keystrokes | engine p50 {result['p50']:.2f} ms p99 "
        f"{result['p99']:.2f} ms | substring baseline p50 {result['base_p50']:.2f} ms p99 {result['base_p99']:.2f} ms"
        f" | p99 ratio engine/baseline {result['p99'] / result['base_p99']:.2f}{verdict}"
    )
    return result


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=100_000, help="items in the generated large catalog")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    queries = keystrokes()
    bundle = CACHE / "default.sqlite"
    build_from_source(SOURCE, bundle)
    measure(bundle, "default catalog", queries)
    open_ms = open_to_first_result(bundle)
    print(
        f"open bundle to first result: {open_ms:.1f} ms median "
        f"({'OK' if open_ms <= TARGET_OPEN_MS else 'OVER TARGET'}, target {TARGET_OPEN_MS:.0f} ms)"
    )
    cold_ms = cold_open_to_first_result(bundle)
    print(f"fresh process, import catalog code + open + first result: {cold_ms:.1f} ms median")
    from bench.synthetic_catalog import build_synthetic_bundle

    started = time.perf_counter()
    large = build_synthetic_bundle(SOURCE, args.large, CACHE)
    print(f"large catalog ready in {time.perf_counter() - started:.1f} s ({large})")
    measure(large, "large catalog", queries)
    print(f"open large bundle to first result: {open_to_first_result(large, runs=3):.1f} ms median")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
