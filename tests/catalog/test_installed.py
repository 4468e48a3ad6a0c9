"""Installed catalog bundles on the terminal: the pointer swap, the fallback to the previous bundle, pruning, seeding,
and a writer killed with SIGKILL at random moments that never leaves the terminal without a catalog."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catalog import installed
from catalog.store import CatalogStore

REPO = Path(__file__).resolve().parents[2]


def variant(bundle: Path, out: Path, version: str) -> Path:
    """A real bundle of another version: the session bundle with its meta version changed."""
    shutil.copyfile(bundle, out)
    with sqlite3.connect(out) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'version'", (version,))
    conn.close()
    return out


@pytest.fixture(scope="module")
def versions(bundle_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three bundles, v1..v3."""
    folder = tmp_path_factory.mktemp("variants")
    return {v: variant(bundle_path, folder / f"{v}.sqlite", v) for v in ("v1", "v2", "v3")}


def opens_as(path: Path | None) -> str:
    assert path is not None
    with CatalogStore(path) as store:
        return store.version


def test_install_keeps_the_previous_bundle_and_prunes_older_ones(tmp_path: Path, versions: dict[str, Path]):
    bundles = tmp_path / "bundles"
    first = installed.install(bundles, versions["v1"], "v1")
    assert first.file == f"v1-{first.sha256[:12]}.sqlite" and opens_as(installed.resolve(bundles)) == "v1"
    installed.install(bundles, versions["v2"], "v2")
    third = installed.install(bundles, versions["v3"], "v3")
    pointer = json.loads((bundles / "current.json").read_text())
    assert pointer["version"] == "v3" and pointer["file"] == third.file and pointer["sha256"] == third.sha256
    assert pointer["previous"]["version"] == "v2"
    assert sorted(p.name for p in bundles.iterdir()) == sorted(
        ["current.json", third.file, pointer["previous"]["file"]]
    )
    assert versions["v1"].exists()  # installing copies: the source file is the caller's
    assert installed.install(bundles, versions["v3"], "v3") == third  # the same bundle again changes nothing


def test_resolve_falls_back_to_the_previous_bundle_then_to_none(tmp_path: Path, versions: dict[str, Path]):
    bundles = tmp_path / "bundles"
    installed.install(bundles, versions["v1"], "v1")
    new = installed.install(bundles, versions["v2"], "v2")
    with open(new.path, "r+b") as f:  # one byte changed on disk: the hash no longer matches
        f.seek(4096)
        byte = f.read(1)
        f.seek(4096)
        f.write(bytes([byte[0] ^ 0xFF]))
    assert opens_as(installed.resolve(bundles)) == "v1"
    previous = json.loads((bundles / "current.json").read_text())["previous"]
    (bundles / previous["file"]).write_bytes(b"not a catalog")
    assert installed.resolve(bundles) is None


def test_a_lost_pointer_falls_back_to_an_intact_bundle_file(tmp_path: Path, versions: dict[str, Path]):
    bundles = tmp_path / "bundles"
    installed.install(bundles, versions["v1"], "v1")
    installed.install(bundles, versions["v2"], "v2")
    (bundles / "current.json").write_text("{garbage")
    assert opens_as(installed.resolve(bundles)) in ("v1", "v2")
    assert installed.prune(bundles) == []  # an unreadable pointer never leads to deleting bundles


def test_seed_installs_the_built_in_bundle_once(tmp_path: Path, bundle_path: Path, versions: dict[str, Path]):
    bundles = tmp_path / "bundles"
    seeded = installed.seed(bundles, bundle_path)
    with CatalogStore(bundle_path) as store:
        assert seeded.version == store.version
    installed.install(bundles, versions["v2"], "v2")
    assert installed.seed(bundles, bundle_path).version == "v2"  # an existing installation is kept


def test_bundle_file_names_are_safe():
    assert installed.bundle_file_name("../../etc/passwd", "ab" * 32) == "etc_passwd-abababababab.sqlite"
    assert installed.bundle_file_name("2026.11.27", "0f" * 32) == "2026.11.27-0f0f0f0f0f0f.sqlite"


WRITER = """
import sys
from pathlib import Path
from catalog.installed import install
bundles, sources = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
print("ready", flush=True)
n = 0
while True:
    source = sources[n % len(sources)]
    install(bundles, source, source.stem)
    n += 1
"""


def test_sigkill_at_any_moment_leaves_a_catalog_that_opens(tmp_path: Path, versions: dict[str, Path]):
    bundles = tmp_path / "bundles"
    installed.install(bundles, versions["v1"], "v1")
    rng = random.Random()
    kills = mid_write = 0
    seen: set[str] = set()
    while kills < 25:
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(bundles), *(str(p) for p in versions.values())],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert writer.stdout.readline().strip() == b"ready", writer.stderr.read().decode()
        time.sleep(rng.uniform(0.0, 0.4))  # an install takes ~0.1 s: every step gets hit
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        writer.stderr.close()
        assert writer.returncode == -signal.SIGKILL
        kills += 1
        mid_write += any(p.name.endswith(".tmp") for p in bundles.iterdir())  # killed while a file was being written
        resolved = installed.resolve(bundles)
        seen.add(opens_as(resolved))
        current = installed.current(bundles)
        assert current is not None and (bundles / current.file).exists()  # the pointer never names a missing file
    assert seen <= {"v1", "v2", "v3"} and len(seen) >= 2
    assert mid_write >= 1
