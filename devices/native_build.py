"""Compiling a simulator's C source into a shared library with gcc, cached by the sha256 of what went in.

Simulated vendor SDKs (finger-vein, the ID card photo decoder) are C, so the real ctypes drivers load a real
shared library by path. They ship as source and are compiled at first use; the cache makes that once per change.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from devices.base import DeviceError

COMPILE_TIMEOUT_S = 60
CFLAGS = ("-shared", "-fPIC", "-O2", "-std=c11", "-Wall", "-Wextra", "-pthread", "-fvisibility=hidden")


def cache_root() -> Path:
    """Where compiled simulator libraries are kept between runs ($XDG_CACHE_HOME/kiosk)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kiosk"


def source_digest(source: Path, headers: Sequence[Path] = ()) -> str:
    """The first 16 hex digits of the sha256 of the source and its headers (what the cached library is named by)."""
    data = source.read_bytes()
    for header in headers:
        data += b"\0" + header.read_bytes()
    return hashlib.sha256(data).hexdigest()[:16]


def compile_shared_library(
    source: Path,
    name: str,
    cache_dir: Path | None = None,
    *,
    headers: Sequence[Path] = (),
    description: str = "",
) -> Path:
    """`source` compiled into `cache_dir`/lib<name>-<digest>.so (built once per source and header content).

    `headers` take part in the digest and their folders are on the include path; `description` names the
    library in error messages ("the finger-vein simulator"). Raises DeviceError when gcc is missing or fails.
    """
    what = description or f"the {name} simulator library"
    cache_dir = cache_dir or cache_root() / name
    target = cache_dir / f"lib{name}-{source_digest(source, headers)}.so"
    if target.is_file():
        return target
    gcc = shutil.which("gcc")
    if gcc is None:
        raise DeviceError(f"{what} is compiled at first use and needs gcc: apt-get install gcc libc6-dev")
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Compile beside the target and rename: two terminals starting at once never load a half-written library.
    fd, partial = tempfile.mkstemp(prefix=f".lib{name}-", suffix=".so", dir=cache_dir)
    os.close(fd)
    command = [gcc, *CFLAGS]
    for folder in dict.fromkeys(str(header.parent) for header in headers):
        command += ["-I", folder]
    command += ["-o", partial, str(source)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=COMPILE_TIMEOUT_S)
        if result.returncode != 0:
            raise DeviceError(f"{what} did not compile: {result.stderr.strip()[-500:]}")
        os.replace(partial, target)
    except subprocess.TimeoutExpired as exc:
        raise DeviceError(f"compiling {what} took over {COMPILE_TIMEOUT_S} s") from exc
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return target
