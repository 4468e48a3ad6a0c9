"""A virtual finger-vein module that is a vendor SDK: sim/fvsim.c, compiled with gcc into a shared library.

The real ctypes driver loads the library by path like a vendor's SDK; this wrapper drives the simulator's extra
FVSIM_* functions on the same loaded library (place or remove a finger, unplug, replug, inject faults). Each
simulator loads its own copy of the library, so simulators in one process do not share a virtual module.
"""

from __future__ import annotations

import ctypes
import shutil
import tempfile
import weakref
from enum import IntEnum
from pathlib import Path

from devices.base import DeviceError
from devices.native_build import COMPILE_TIMEOUT_S as COMPILE_TIMEOUT_S  # re-exported: it used to live here
from devices.native_build import cache_root, compile_shared_library

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "sim" / "fvsim.c"
HEADER = HERE / "sdk.h"


class Fault(IntEnum):
    """Misbehaviour the simulated module can be told to show (FVSIM_FAULT_* in fvsim.c)."""

    NONE = 0
    TIMEOUT = 1  # captures wait their whole timeout and report a timeout, finger or not
    BAD_QUALITY = 2  # captures report an unusable image
    GARBAGE = 3  # captures "succeed" with random bytes instead of a template
    BAD_LENGTH = 4  # captures "succeed" claiming more bytes than the buffer holds
    HANG = 5  # captures ignore their timeout until the fault is changed (a wedged vendor library)
    BAD_STATUS = 6  # status queries return an undocumented code


def default_cache_dir() -> Path:
    """Where compiled simulator libraries are kept between runs."""
    return cache_root() / "fingervein"


def build_library(cache_dir: Path | None = None) -> Path:
    """The simulator compiled into `cache_dir`, named by the sha256 of its source and header (built once)."""
    return compile_shared_library(
        SOURCE, "fvsim", cache_dir or default_cache_dir(), headers=(HEADER,), description="the finger-vein simulator"
    )


class FingerVeinSimulator:
    """One simulated module: `library` is the path to give the real driver."""

    def __init__(self, cache_dir: Path | None = None, finger: int | None = None):
        built = build_library(cache_dir)
        # A private copy (another inode) makes dlopen load a separate instance with its own virtual module.
        self._dir = Path(tempfile.mkdtemp(prefix="fvsim-"))
        self.library = str(self._dir / "libfvsim.so")
        try:
            shutil.copyfile(built, self.library)
            self._lib = ctypes.CDLL(self.library)
        except OSError as exc:
            shutil.rmtree(self._dir, ignore_errors=True)
            raise DeviceError(f"the finger-vein simulator library cannot be loaded: {exc}") from exc
        # Removed at close(), or when the simulator is collected or the interpreter exits without close().
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._dir, True)
        for name, argtypes, restype in (
            ("FVSIM_PlaceFinger", [ctypes.c_int], None),
            ("FVSIM_RemoveFinger", [], None),
            ("FVSIM_Unplug", [], None),
            ("FVSIM_Replug", [], None),
            ("FVSIM_SetFault", [ctypes.c_int, ctypes.c_int], ctypes.c_int),
            ("FVSIM_OpenAttempts", [], ctypes.c_int),
        ):
            function = getattr(self._lib, name)
            function.argtypes, function.restype = argtypes, restype
        if finger is not None:
            self.place_finger(finger)

    def place_finger(self, finger_id: int) -> None:
        """A finger lies on the sensor; the same id always yields matching scans."""
        if finger_id < 0:
            raise ValueError("finger ids are >= 0")
        self._lib.FVSIM_PlaceFinger(finger_id)

    def remove_finger(self) -> None:
        """The sensor is empty."""
        self._lib.FVSIM_RemoveFinger()

    def unplug(self) -> None:
        """The module disappears from the bus."""
        self._lib.FVSIM_Unplug()

    def replug(self) -> None:
        """The module is back on the bus (the driver has to reopen it)."""
        self._lib.FVSIM_Replug()

    def fault(self, kind: Fault, count: int = -1) -> None:
        """Misbehave on the next `count` affected calls (-1: until `fault(Fault.NONE)`)."""
        if self._lib.FVSIM_SetFault(int(kind), -1 if kind == Fault.NONE else count) != 0:
            raise ValueError(f"bad fault {kind!r} x {count}")

    @property
    def open_attempts(self) -> int:
        """How many times the driver tried to open the module (reconnect backoff shows here)."""
        return self._lib.FVSIM_OpenAttempts()

    def close(self) -> None:
        """Unplug and remove the private copy (the loaded library stays mapped until the process ends)."""
        self._lib.FVSIM_Unplug()
        self._cleanup()
