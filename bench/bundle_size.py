"""The terminal's PyInstaller bundle: how big kiosk.spec makes it, against the same application collected plainly.

Run: uv run python -m bench.bundle_size [--keep DIR]
Builds kiosk.spec twice in the same run: as shipped, and with KIOSK_BUNDLE_PLAIN=1 (whole packages' data, every Qt
binding, plugin and translation the hooks find, nothing pruned or stripped: what a straightforward spec gives).
Prints both sizes, their ratio, the build times and the largest files of the shipped bundle. Both bundles carry
everything the terminal needs; tests/ship/test_bundle.py checks that the shipped one runs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def tree_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under `folder`, symbolic links not followed (as on disk)."""
    total = files = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if not path.is_symlink():
                total += path.stat().st_size
                files += 1
    return total, files


def build(out: Path, plain: bool) -> tuple[Path, float]:
    """Build kiosk.spec into `out`; the bundle folder and the seconds it took."""
    env = dict(os.environ, KIOSK_BUNDLE_PLAIN="1" if plain else "0")
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), "kiosk.spec"],
        cwd=REPO, env=env, check=True,
    )  # fmt: skip
    return out / "dist" / "kiosk", time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    """Build both, print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="build into DIR and keep both bundles (default: a temp folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bundle-size-") as scratch:
        root = Path(args.keep) if args.keep else Path(scratch)
        shipped, shipped_s = build(root / "shipped", plain=False)
        plain, plain_s = build(root / "plain", plain=True)
        (size, files), (plain_size, plain_files) = tree_size(shipped), tree_size(plain)
        mb = 1 << 20
        print(f"kiosk.spec bundle: {size / mb:.0f} MB in {files} files, built in {shipped_s:.0f} s")
        print(f"plain baseline:    {plain_size / mb:.0f} MB in {plain_files} files, built in {plain_s:.0f} s")
        print(f"ratio: {size / plain_size:.2f} (saved {(plain_size - size) / mb:.0f} MB)")
        largest = sorted(
            (path.stat().st_size, path.relative_to(shipped / "_internal"))
            for path in (shipped / "_internal").rglob("*")
            if path.is_file() and not path.is_symlink()
        )[-12:]
        print("largest files of the shipped bundle:")
        for file_size, name in reversed(largest):
            print(f"  {file_size / mb:6.1f} MB  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
