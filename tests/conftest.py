"""Shared fixtures: one catalog bundle built from the bundled source per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "catalog" / "source"
QUERIES = REPO / "tests" / "data" / "search_queries.csv"
HELD_OUT_QUERIES = REPO / "tests" / "data" / "search_queries_heldout.csv"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def bundle_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample catalog compiled once for the whole session."""
    from catalog.build import build_from_source

    out = tmp_path_factory.mktemp("catalog") / "catalog.sqlite"
    build_from_source(SOURCE, out)
    return out


@pytest.fixture(scope="session")
def store(bundle_path: Path):
    """The session's bundle opened read-only."""
    from catalog.store import CatalogStore

    with CatalogStore(bundle_path) as opened:
        yield opened


@pytest.fixture
def kiosk_env(tmp_path: Path, bundle_path: Path) -> dict[str, str]:
    """Environment for running the `kiosk` command against the session bundle and a private data dir."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_TERMINAL_DATA_DIR"] = str(tmp_path / "data")
    env["KIOSK_CATALOG_BUNDLE"] = str(bundle_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture(scope="session")
def ime_dictionary(tmp_path_factory: pytest.TempPathFactory, store) -> Path:
    """The pinyin input dictionary with the catalog's words, built once per session."""
    from kiosk.ime.dictionary import build_dictionary, catalog_extra_words

    out = tmp_path_factory.mktemp("ime") / "pinyin.sqlite"
    build_dictionary(out, catalog_extra_words(store.records()))
    return out


@pytest.fixture(scope="session")
def qapp():
    """The application as the terminal makes it (font, GL sharing for QtWebEngine), for pytest-qt."""
    from ui.app import make_application

    return make_application()
