"""The compiled catalog bundle: atomic build, read-only store, clear errors for bad files, rebuild when stale."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest

from catalog.build import build_from_source, ensure_bundle, source_digest
from catalog.model import Item
from catalog.source_files import write_source
from catalog.store import REQUIRED_TABLES, CatalogBundleError, CatalogStore
from catalog.validate import CatalogInvalid

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "catalog" / "source"
SQLITE_MAGIC = b"SQLite format 3\x00"


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    """Temporary build files left in a folder."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".catalog-") or p.name.endswith(".tmp"))


@pytest.fixture(scope="module")
def small_source(tmp_path_factory: pytest.TempPathFactory, store: CatalogStore) -> Path:
    """A small valid source tree (every 100th bundled item, written by the product's own writer).

    A full build validates 64,000 lines of YAML; the small tree keeps the rebuild tests quick.
    """
    items = [Item.from_record(r) for r in list(store.records())[::100]]
    assert any(i.self_service for i in items)
    assert any(i.post_office for i in items)
    target = tmp_path_factory.mktemp("small") / "source"
    write_source(target, store.departments, items, "small-1", "a small test catalog")
    return target


@pytest.fixture
def source(tmp_path: Path, small_source: Path) -> Path:
    """A private copy of the small source tree to edit."""
    target = tmp_path / "source"
    shutil.copytree(small_source, target)
    return target


def small_count(source: Path) -> int:
    """The item count the source's manifest expects."""
    return tomllib.loads((source / "manifest.toml").read_text(encoding="utf-8"))["expected"]["total"]


def edit_first_fee(source: Path, new_fee: str) -> str:
    """Change the fee_standard of the first item of the first items file; return that item's id."""
    path = sorted((source / "items").glob("*.yaml"))[0]
    lines = path.read_text(encoding="utf-8").split("\n")
    item_id = next(line for line in lines if line.startswith("- id: "))[len("- id: ") :].strip()
    n = next(n for n, line in enumerate(lines) if line.startswith("  fee_standard: "))
    lines[n] = f"  fee_standard: {new_fee}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return item_id


# -- the session bundle built from the bundled source ---------------------------------------------------------


def test_build_leaves_only_the_bundle(bundle_path: Path) -> None:
    assert bundle_path.is_file()
    assert bundle_path.read_bytes()[:16] == SQLITE_MAGIC
    assert leftovers(bundle_path.parent) == []
    assert sorted(p.name for p in bundle_path.parent.iterdir()) == [bundle_path.name]


def test_store_stats_match_the_design(store: CatalogStore) -> None:
    stats = store.stats()
    manifest = tomllib.loads((SOURCE / "manifest.toml").read_text(encoding="utf-8"))
    records = list(store.records())
    assert stats == {
        "total": 1304,
        "self_service": 824,
        "post_office": {"personal": 93, "enterprise": 437, "total": 530},
        "departments": len({r["department"] for r in records}),
        "themes": len({t for r in records for t in r["themes"]}),
        "version": manifest["version"],
    }
    assert stats["departments"] == len(list((SOURCE / "items").glob("*.yaml")))
    assert stats["themes"] == len(store.themes)
    assert len(records) == 1304


def test_store_serves_items_and_departments(store: CatalogStore) -> None:
    records = list(store.records())
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    first = records[0]
    item = store.item(first["id"])
    assert item is not None
    assert item.to_record() == first
    assert store.item("no-such-item") is None
    dept = store.department(item.department)
    assert dept is not None
    assert dept.id == item.department
    assert store.items_at([1, 0]) == [Item.from_record(records[1]), Item.from_record(records[0])]
    assert store.meta["source_digest"] == source_digest(SOURCE)


def test_store_is_read_only(store: CatalogStore, bundle_path: Path) -> None:
    before = digest(bundle_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("INSERT INTO meta VALUES ('hacked', 'yes')")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("UPDATE items SET name = 'x'")
    assert "hacked" not in dict(store.conn.execute("SELECT key, value FROM meta"))
    assert digest(bundle_path) == before


# -- files that are not bundles -------------------------------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(64 * 1024))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _other_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('hello')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (_random_bytes, "not a readable catalog bundle"),
        (_empty, "not a catalog bundle (missing tables"),
        (_other_database, "not a catalog bundle (missing tables"),
        (None, "does not exist"),
    ],
    ids=["random-bytes", "empty-file", "other-sqlite-db", "missing"],
)
def test_bad_bundle_files_raise_a_clear_error(tmp_path: Path, make, phrase: str) -> None:
    path = tmp_path / "catalog.sqlite"
    if make is not None:
        make(path)
    with pytest.raises(CatalogBundleError) as caught:
        CatalogStore(path)
    message = str(caught.value)
    assert str(path) in message
    assert phrase in message
    if "missing tables" in phrase:
        assert ", ".join(sorted(REQUIRED_TABLES)) in message


def test_a_directory_is_not_a_bundle(tmp_path: Path) -> None:
    with pytest.raises(CatalogBundleError, match="is a directory"):
        CatalogStore(tmp_path)


def test_bundle_of_another_schema_is_refused(tmp_path: Path, bundle_path: Path) -> None:
    copy = tmp_path / "catalog.sqlite"
    shutil.copyfile(bundle_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    with pytest.raises(CatalogBundleError) as caught:
        CatalogStore(copy)
    message = str(caught.value)
    assert "schema" in message
    assert "'99'" in message
    assert str(copy) in message


def test_bundle_with_a_missing_table_is_refused(tmp_path: Path, bundle_path: Path) -> None:
    copy = tmp_path / "catalog.sqlite"
    shutil.copyfile(bundle_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("DROP TABLE postings")
    conn.commit()
    conn.close()
    with pytest.raises(CatalogBundleError, match=r"missing tables: postings\)"):
        CatalogStore(copy)


@pytest.mark.parametrize("folder", ["data#1", "100%41"])
def test_bundle_path_with_uri_characters_opens(tmp_path: Path, bundle_path: Path, folder: str) -> None:
    copy = tmp_path / folder / "catalog.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(bundle_path, copy)
    with CatalogStore(copy) as opened:
        assert opened.stats()["total"] == 1304


# -- building and keeping the bundle current ------------------------------------------------------------------


def test_build_from_small_source(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "nested" / "dir" / "catalog.sqlite"
    info = build_from_source(source, out)
    assert info.path == out
    assert info.version == "small-1"
    assert info.items == small_count(source) > 0
    assert info.features > 0
    assert leftovers(out.parent) == []
    with CatalogStore(out) as opened:
        assert opened.stats()["total"] == info.items
        assert opened.meta["source_digest"] == source_digest(source)
        assert json.loads(opened.meta["counts"])["total"] == info.items


def test_ensure_bundle_keeps_a_current_bundle(tmp_path: Path, bundle_path: Path) -> None:
    copy = tmp_path / "catalog.sqlite"
    shutil.copyfile(bundle_path, copy)
    before = (digest(copy), copy.stat().st_mtime_ns)
    assert ensure_bundle(SOURCE, copy) is None
    assert (digest(copy), copy.stat().st_mtime_ns) == before


def test_ensure_bundle_builds_a_missing_bundle(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "data" / "catalog" / "current.sqlite"
    info = ensure_bundle(source, out)
    assert info is not None
    assert info.items == small_count(source)
    assert out.is_file()
    assert ensure_bundle(source, out) is None


def test_ensure_bundle_rebuilds_when_the_source_changes(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "catalog.sqlite"
    build_from_source(source, out)
    assert ensure_bundle(source, out) is None
    item_id = edit_first_fee(source, "每件收费5元（测试）")
    info = ensure_bundle(source, out)
    assert info is not None
    assert info.items == small_count(source)
    with CatalogStore(out) as opened:
        item = opened.item(item_id)
        assert item is not None
        assert item.fee_standard == "每件收费5元（测试）"
        assert opened.meta["source_digest"] == source_digest(source)
    assert ensure_bundle(source, out) is None
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("damage", [_random_bytes, _empty, _other_database], ids=["random", "empty", "other-db"])
def test_ensure_bundle_rebuilds_a_corrupt_bundle(tmp_path: Path, source: Path, damage) -> None:
    out = tmp_path / "catalog.sqlite"
    damage(out)
    info = ensure_bundle(source, out)
    assert info is not None
    with CatalogStore(out) as opened:
        assert opened.stats()["total"] == small_count(source)
    assert ensure_bundle(source, out) is None


def test_failed_build_leaves_a_good_bundle_untouched(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "catalog.sqlite"
    info = build_from_source(source, out)
    before = (digest(out), out.stat().st_mtime_ns)
    manifest = source / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("total = ", "total = 1"), encoding="utf-8")
    with pytest.raises(CatalogInvalid, match=r"expected\.total"):
        build_from_source(source, out)
    # ensure_bundle sees the changed source, tries to rebuild, fails the same way and keeps the old bundle.
    with pytest.raises(CatalogInvalid, match=r"expected\.total"):
        ensure_bundle(source, out)
    assert (digest(out), out.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.sqlite", "source"]
    with CatalogStore(out) as opened:
        assert opened.stats()["total"] == info.items
        assert opened.meta["source_digest"] != source_digest(source)


def test_ensure_bundle_keeps_serving_when_the_changed_source_is_invalid(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "catalog.sqlite"
    build_from_source(source, out)
    manifest = source / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("total = ", "total = 1"), encoding="utf-8")
    warnings: list[str] = []
    assert ensure_bundle(source, out, warn=warnings.append) is None
    assert len(warnings) == 1 and "expected.total" in warnings[0]
    with CatalogStore(out) as opened:
        assert opened.stats()["total"] > 0


def test_bundles_are_readable_by_other_users(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "catalog.sqlite"
    build_from_source(source, out)
    assert out.stat().st_mode & 0o044 == 0o044
