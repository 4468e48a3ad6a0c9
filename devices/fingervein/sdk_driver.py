"""The finger-vein scanner driver: the vendor's SDK (a C shared library, ABI in sdk.h) loaded by path with ctypes.

Every SDK call runs on one dedicated thread: vendor SDKs are not thread-safe and some insist on being called
from the thread that initialised them. Callers wait for each call with a deadline, so a wedged SDK costs a
timeout, never a frozen terminal. An operation lock keeps an enrolment, a verification, a status poll and a
reconnect from interleaving their calls. A monitor thread polls the module's status, turns changes into events
and reopens a lost module with backoff.

Templates are biometric personal data: they are never logged or written anywhere by this module, and scores are
returned to the caller only.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from enum import IntEnum, StrEnum
from typing import Any

from devices.base import CheckResult, DeviceError, DeviceState, DeviceTimeout, EventSource

log = logging.getLogger("kiosk.devices.fingervein")

DEFAULT_LIBRARY = "/opt/fingervein/lib/libfvsdk.so"
TEMPLATE_MAX = 2048  # FV_TEMPLATE_MAX
SCORE_MAX = 100  # FV_SCORE_MAX
STATUS_READY, STATUS_FINGER = 0x01, 0x02
STATUS_KNOWN = STATUS_READY | STATUS_FINGER
BACKOFF = (0.2, 5.0)  # seconds between attempts to reopen a lost module, doubling up to the maximum
QUICK_CALL_S = 1.0  # budget for calls that do not wait for a finger
MALFORMED_RETRIES = 2  # malformed captures dropped before giving up on one sample
VERSION_BYTES = 128


class Code(IntEnum):
    """The SDK's return codes (FV_OK and FV_ERR_* in sdk.h)."""

    OK = 0
    NOT_INIT = -1
    NO_DEVICE = -2
    NOT_OPEN = -3
    BUSY = -4
    TIMEOUT = -5
    NO_FINGER = -6
    BAD_QUALITY = -7
    BAD_TEMPLATE = -8
    BUFFER_TOO_SMALL = -9
    INVALID_PARAM = -10
    COMM = -11
    INTERNAL = -12


MESSAGES = {
    Code.NOT_INIT: "the finger-vein SDK is not initialised",
    Code.NO_DEVICE: "no finger-vein module is connected",
    Code.NOT_OPEN: "the finger-vein module is not open",
    Code.BUSY: "the finger-vein module is already open",
    Code.TIMEOUT: "no finger was placed on the finger-vein scanner in time",
    Code.NO_FINGER: "no finger lies on the finger-vein scanner",
    Code.BAD_QUALITY: "the finger-vein image was unusable: place the finger flat and still, then try again",
    Code.BAD_TEMPLATE: "not a valid finger-vein template",
    Code.BUFFER_TOO_SMALL: "the finger-vein SDK needs a larger buffer than FV_TEMPLATE_MAX",
    Code.INVALID_PARAM: "the finger-vein SDK rejected a parameter",
    Code.COMM: "communication with the finger-vein module failed",
    Code.INTERNAL: "the finger-vein SDK failed internally",
}

# The open handle no longer reaches a module: close it and open it again (a re-initialisation does no harm).
LOST_CODES = (Code.NO_DEVICE, Code.COMM, Code.NOT_OPEN, Code.NOT_INIT)

_u8p = ctypes.POINTER(ctypes.c_ubyte)
_intp = ctypes.POINTER(ctypes.c_int)
SIGNATURES: dict[str, list[Any]] = {
    "FV_Init": [],
    "FV_OpenDevice": [ctypes.c_int],
    "FV_CloseDevice": [],
    "FV_GetStatus": [],
    "FV_Capture": [_u8p, _intp, ctypes.c_int],
    "FV_Match": [_u8p, ctypes.c_int, _u8p, ctypes.c_int, _intp],
    "FV_GetVersion": [ctypes.c_char_p, ctypes.c_int],
}


def describe(code: int) -> str:
    """What a return code means, for messages and logs."""
    try:
        return MESSAGES.get(Code(code), Code(code).name)
    except ValueError:
        return f"undocumented finger-vein SDK code {code}"


class FingerVeinEvent(StrEnum):
    """What the monitor reports to subscribers."""

    FINGER_PLACED = "finger_placed"
    FINGER_REMOVED = "finger_removed"
    DEVICE_LOST = "device_lost"
    DEVICE_RECONNECTED = "device_reconnected"


class DeviceLost(DeviceError):
    """The module disappeared (unplugged); the driver keeps trying to reopen it."""


class PoorQuality(DeviceError):
    """The vein image was unusable."""


class SamplesDisagree(DeviceError):
    """The samples of one enrolment do not match each other (different fingers, or a poor placement)."""


class BadTemplate(DeviceError):
    """A template is not one the SDK can read."""


class _SdkThread:
    """One daemon thread that makes every SDK call; a call that never returns strands only this thread."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[Future, Callable[..., Any], tuple[Any, ...]] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="fingervein-sdk", daemon=True)
        self._thread.start()

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        """Queue one call; its result arrives in the future."""
        future: Future = Future()
        self._jobs.put((future, function, args))
        return future

    def stop(self) -> None:
        """Finish after the calls already queued."""
        self._jobs.put(None)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, function, args = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(function(*args))
            except BaseException as exc:  # handed to the waiting caller, who decides
                future.set_exception(exc)


class FingerVeinSdk(EventSource):
    """A finger-vein module through its vendor SDK: enrol, verify, self-test; events from a monitor thread."""

    kind = "fingervein"

    def __init__(
        self,
        library: str = "",
        device_index: int = 0,
        match_threshold: int = 60,
        poll_interval: float = 0.25,
        backoff: tuple[float, float] = BACKOFF,
        call_grace: float = 2.0,
    ):
        self.library = library or DEFAULT_LIBRARY
        self.device_index = device_index
        self.match_threshold = match_threshold
        self.poll_interval = poll_interval
        self.backoff = backoff
        self.call_grace = call_grace  # how long past its own timeout an SDK call may take before it is "stuck"
        self.state = DeviceState.DISCONNECTED
        self.problem = ""  # why the SDK cannot be used at all (not installed, wrong version)
        self.last_error = ""  # why the module is not connected
        self.version = ""
        self.reconnects = 0
        self.dropped = 0  # malformed answers from the SDK, logged and dropped
        self._lib: ctypes.CDLL | None = None
        self._sdk: _SdkThread | None = None
        self._stuck: tuple[str, Future] | None = None
        self._op_lock = threading.Lock()
        self._subscribers: list[Callable[[FingerVeinEvent], None]] = []
        self._subscribers_lock = threading.Lock()
        self._events: queue.SimpleQueue[FingerVeinEvent] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._monitor: threading.Thread | None = None
        self._connected = False
        self._lost = False
        self._finger = False
        self._warned_bits = False
        self._load()  # never raises: a missing SDK is reported by self_test and every operation

    # -- loading ------------------------------------------------------------------------------------
    def _load(self) -> None:
        if self._lib is not None:
            return
        if not os.path.isfile(self.library):
            self.problem = f"finger-vein SDK not installed: {self.library} not found"
            return
        try:
            lib = ctypes.CDLL(self.library)
        except OSError as exc:
            self.problem = f"finger-vein SDK not installed: {self.library} cannot be loaded ({exc})"
            return
        for name, argtypes in SIGNATURES.items():
            try:
                function = getattr(lib, name)
            except AttributeError:
                self.problem = f"finger-vein SDK {self.library} is not the expected version: it lacks {name}"
                return
            function.argtypes, function.restype = argtypes, ctypes.c_int
        self._lib, self.problem = lib, ""

    # -- events -------------------------------------------------------------------------------------
    def subscribe(self, callback: Callable[[FingerVeinEvent], None]) -> None:
        """Call `callback(event)` (in the monitor thread: return quickly) for every event."""
        with self._subscribers_lock:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[FingerVeinEvent], None]) -> None:
        """Stop calling `callback`."""
        with self._subscribers_lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def _emit(self, event: FingerVeinEvent) -> None:
        # Queued, delivered by the monitor outside the operation lock: a subscriber may start an operation.
        self._events.put(event)

    def _deliver_events(self) -> None:
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                return
            if event in (FingerVeinEvent.FINGER_PLACED, FingerVeinEvent.FINGER_REMOVED):
                self.emit(event.value)  # the common device events; lost/back follow from the state itself
            with self._subscribers_lock:
                subscribers = list(self._subscribers)
            for callback in subscribers:
                try:
                    callback(event)
                except Exception:
                    log.exception("a finger-vein subscriber failed")

    # -- SDK calls ----------------------------------------------------------------------------------
    def _call(self, name: str, *args: Any, budget: float = QUICK_CALL_S) -> int:
        """One SDK call on the SDK thread, waiting at most `budget` seconds; returns its int result."""
        sdk = self._sdk
        if self._lib is None or sdk is None:
            raise DeviceError(self.problem or "the finger-vein scanner is not open")
        if self._stuck is not None:
            stuck_name, stuck = self._stuck
            if not stuck.done():
                raise DeviceError(f"the finger-vein SDK has not returned from {stuck_name}; waiting for it")
            self._stuck = None
            log.warning("the finger-vein SDK returned from %s at last", stuck_name)
        future = sdk.submit(getattr(self._lib, name), *args)
        try:
            result = future.result(timeout=budget)
        except FutureTimeout:
            if not future.cancel():  # running, not queued: the SDK ignores its own timeout
                self._stuck = (name, future)
                self.state = DeviceState.ERROR
                log.error("finger-vein SDK call %s did not return within %.1f s", name, budget)
            raise DeviceTimeout(f"the finger-vein SDK did not return from {name} within {budget:.1f} s") from None
        if not isinstance(result, int):
            raise DeviceError(f"the finger-vein SDK returned {type(result).__name__} from {name}")
        return result

    def _fail(self, name: str, code: int, timeout: float | None = None) -> DeviceError:
        """The exception for a negative return code (unknown codes are named by number)."""
        try:
            known = Code(code)
        except ValueError:
            self.dropped += 1
            log.warning("finger-vein SDK returned an undocumented code %d from %s", code, name)
            return DeviceError(f"the finger-vein SDK returned an undocumented code {code} from {name}")
        if known in (Code.TIMEOUT, Code.NO_FINGER):
            within = f" within {timeout:.1f} s" if timeout is not None else ""
            return DeviceTimeout(f"no finger was placed on the finger-vein scanner{within}")
        if known in LOST_CODES:
            self._mark_lost(MESSAGES[known])
            return DeviceLost(f"the finger-vein scanner was lost ({MESSAGES[known]}); reconnecting")
        if known == Code.BAD_QUALITY:
            return PoorQuality(MESSAGES[known])
        if known == Code.BAD_TEMPLATE:
            return BadTemplate(MESSAGES[known])
        return DeviceError(f"{name}: {MESSAGES.get(known, known.name)} ({code})")

    # -- connection ---------------------------------------------------------------------------------
    def open(self) -> None:
        """Connect now if the module is there, and keep (re)connecting in the background; never raises."""
        if self._monitor is not None:
            return
        self._load()
        if self._lib is None:
            self.state = DeviceState.DISCONNECTED
            log.warning("%s", self.problem)
            return
        self._sdk = _SdkThread()
        self._stop.clear()
        with self._op_lock:
            self._connect()
        self._monitor = threading.Thread(target=self._watch, name="fingervein-monitor", daemon=True)
        self._monitor.start()

    def close(self) -> None:
        """Stop the monitor, close the module and let the SDK thread finish."""
        self._stop.set()
        if self._monitor is not None:
            self._monitor.join(timeout=2 * QUICK_CALL_S + self.poll_interval)
            self._monitor = None
        if self._sdk is not None:
            if self._connected and self._op_lock.acquire(timeout=QUICK_CALL_S):
                try:
                    self._call("FV_CloseDevice")
                except DeviceError as exc:
                    log.warning("closing the finger-vein module failed: %s", exc)
                finally:
                    self._op_lock.release()
            self._sdk.stop()
            self._sdk = None
        self._connected = False
        self.state = DeviceState.DISCONNECTED

    def _connect(self) -> bool:
        """Initialise and open the module (the operation lock is held); whether it is open now."""
        try:
            rc = self._call("FV_Init")
            if rc < 0:
                raise self._fail("FV_Init", rc)
            self._call("FV_CloseDevice")  # a handle to a lost module stays open until closed
            rc = self._call("FV_OpenDevice", self.device_index)
            if rc == Code.NO_DEVICE:
                raise DeviceError(f"no module found at device index {self.device_index}")
            if rc < 0:
                raise DeviceError(describe(rc))
        except DeviceError as exc:
            self.last_error = str(exc)
            if self.state != DeviceState.ERROR:
                self.state = DeviceState.DISCONNECTED
            return False
        self._connected, self._finger, self.last_error = True, False, ""
        self.state = DeviceState.READY
        self.version = self._read_version()
        return True

    def _read_version(self) -> str:
        buffer = ctypes.create_string_buffer(VERSION_BYTES)
        try:
            rc = self._call("FV_GetVersion", buffer, VERSION_BYTES)
        except DeviceError:
            return ""
        if rc < 0 or b"\0" not in buffer.raw:
            self.dropped += 1
            log.warning("finger-vein SDK gave no usable version string (code %d); dropped", rc)
            return ""
        text = buffer.value.decode("ascii", errors="replace")
        if not text.isprintable():
            self.dropped += 1
            log.warning("finger-vein SDK version string has control characters; dropped")
            return ""
        return text

    def _mark_lost(self, why: str) -> None:
        if not self._connected:
            return
        self._connected, self._lost, self._finger, self.last_error = False, True, False, why
        self.state = DeviceState.DISCONNECTED
        log.warning("finger-vein module lost (%s); reconnecting with backoff", why)
        self._emit(FingerVeinEvent.DEVICE_LOST)

    def _watch(self) -> None:
        delay = self.backoff[0]
        while not self._stop.is_set():
            self._deliver_events()  # what the last round (or an operation) emitted, outside the lock
            try:
                if self._connected:
                    self._watch_round()
                    continue
                if self._stop.wait(delay):
                    break
                delay = min(delay * 2, self.backoff[1])
                with self._op_lock:
                    if self._stop.is_set() or not self._connect():
                        continue
                delay = self.backoff[0]
                if self._lost:
                    self._lost = False
                    self.reconnects += 1
                    log.info("finger-vein module reconnected")
                    self._emit(FingerVeinEvent.DEVICE_RECONNECTED)
            except Exception:  # the monitor must outlive any surprise; the next round tries again
                log.exception("finger-vein monitor failed; continuing")
        self._deliver_events()

    def _watch_round(self) -> None:
        if self._stop.wait(self.poll_interval):
            return
        # An enrolment or verification in progress notices a loss itself: no poll meanwhile.
        if self._op_lock.acquire(blocking=False):
            try:
                self._poll()
            finally:
                self._op_lock.release()

    def _poll(self) -> None:
        try:
            status = self._call("FV_GetStatus")
        except DeviceTimeout as exc:
            log.warning("finger-vein status query: %s", exc)
            return
        except DeviceError:
            return  # stuck SDK: state ERROR says so; polled again when the call returns
        if status in LOST_CODES:
            self._mark_lost("unplugged" if status == Code.NO_DEVICE else describe(status))
            return
        if status < 0:
            self.dropped += 1
            log.warning("finger-vein status query returned %s; dropped", describe(status))
            return
        if status & ~STATUS_KNOWN and not self._warned_bits:
            self._warned_bits = True  # once: a firmware that sets reserved bits would fill the log
            log.warning("finger-vein SDK set reserved status bits 0x%X; ignored", status & ~STATUS_KNOWN)
        if self.state == DeviceState.ERROR:
            self.state = DeviceState.READY  # the stuck call returned and the module answers again
        finger = bool(status & STATUS_FINGER)
        if finger != self._finger:
            self._finger = finger
            self._emit(FingerVeinEvent.FINGER_PLACED if finger else FingerVeinEvent.FINGER_REMOVED)

    # -- operations ---------------------------------------------------------------------------------
    @contextmanager
    def _operation(self, timeout: float) -> Iterator[None]:
        if self._monitor is None:
            self.open()
        if self._lib is None:
            raise DeviceError(self.problem)
        if not self._op_lock.acquire(timeout=timeout):
            raise DeviceTimeout("the finger-vein scanner is busy with another request")
        try:
            if not self._connected:
                raise DeviceError(f"the finger-vein scanner is not connected ({self.last_error or 'no module'})")
            self.state = DeviceState.BUSY
            yield
        finally:
            if self.state == DeviceState.BUSY:
                self.state = DeviceState.READY
            self._op_lock.release()

    def _capture(self, timeout: float) -> bytes:
        """One well-formed template of the finger on the sensor; malformed captures are dropped and retaken."""
        deadline = time.monotonic() + timeout
        for _attempt in range(MALFORMED_RETRIES + 1):
            remaining = max(0.0, deadline - time.monotonic())
            buffer = (ctypes.c_ubyte * TEMPLATE_MAX)()
            length = ctypes.c_int(TEMPLATE_MAX)
            rc = self._call(
                "FV_Capture", buffer, ctypes.byref(length), int(remaining * 1000), budget=remaining + self.call_grace
            )
            try:
                if rc < 0:
                    raise self._fail("FV_Capture", rc, timeout)
                if rc > 0 or not 0 < length.value <= TEMPLATE_MAX:
                    self.dropped += 1
                    log.warning(
                        "finger-vein SDK returned a malformed capture (code %d, %d bytes for a %d-byte buffer); "
                        "dropped",
                        rc,
                        length.value,
                        TEMPLATE_MAX,
                    )
                    continue
                template = bytes(buffer[: length.value])
            finally:
                ctypes.memset(buffer, 0, TEMPLATE_MAX)  # biometric data does not linger in freed memory
            try:
                self._match(template, template)  # a well-formed template matches itself
            except BadTemplate:
                self.dropped += 1
                log.warning("finger-vein SDK returned a capture it cannot read itself; dropped")
                continue
            return template
        raise DeviceError("the finger-vein scanner keeps returning malformed captures")

    def _match(self, a: bytes, b: bytes) -> int:
        first = (ctypes.c_ubyte * len(a)).from_buffer_copy(a)
        second = (ctypes.c_ubyte * len(b)).from_buffer_copy(b)
        score = ctypes.c_int(-1)
        try:
            rc = self._call("FV_Match", first, len(a), second, len(b), ctypes.byref(score))
        finally:
            ctypes.memset(first, 0, len(a))
            ctypes.memset(second, 0, len(b))
        if rc < 0:
            raise self._fail("FV_Match", rc)
        if rc > 0 or not 0 <= score.value <= SCORE_MAX:
            self.dropped += 1
            log.warning("finger-vein SDK returned an out-of-range match result; dropped")  # no score: personal
            raise DeviceError("the finger-vein SDK returned an out-of-range match score")
        return score.value

    def enrol(
        self, samples: int = 3, timeout: float = 10.0, progress: Callable[[int, int], None] | None = None
    ) -> bytes:
        """Capture the finger `samples` times (each waiting up to `timeout` s), check that the samples match each
        other and return the most representative one; `progress(done, samples)` follows each capture."""
        if not 1 <= samples <= 10:
            raise ValueError("an enrolment takes 1 to 10 samples")
        with self._operation(timeout):
            captures: list[bytes] = []
            for number in range(1, samples + 1):
                captures.append(self._capture(timeout))
                if progress is not None:
                    progress(number, samples)
            # Every pair must agree: otherwise two fingers, or a bad placement, went into one enrolment.
            totals = [0] * samples
            for i, j in itertools.combinations(range(samples), 2):
                score = self._match(captures[i], captures[j])
                if score < self.match_threshold:
                    raise SamplesDisagree(
                        "the enrolment samples do not match each other: place the same finger the same way each time"
                    )
                totals[i] += score
                totals[j] += score
            # The sample closest to all others is the one most likely to match later placements.
            return captures[max(range(samples), key=totals.__getitem__)]

    def verify(self, template: bytes, timeout: float = 10.0) -> tuple[bool, int]:
        """Capture the finger (waiting up to `timeout` s) and compare it with `template`: (match, score)."""
        if not isinstance(template, bytes | bytearray) or not 0 < len(template) <= TEMPLATE_MAX:
            raise BadTemplate(f"a finger-vein template is 1 to {TEMPLATE_MAX} bytes")
        with self._operation(timeout):
            live = self._capture(timeout)
            try:
                score = self._match(live, bytes(template))
            except BadTemplate:
                # The live capture matched itself, so the stored template is the unreadable one.
                raise BadTemplate("the stored template is not a valid finger-vein template") from None
        return score >= self.match_threshold, score

    def finger_present(self) -> bool:
        """Whether a finger lay on the sensor at the monitor's last poll."""
        return self._finger

    def self_test(self) -> CheckResult:
        """The SDK loads, the module is open and answers its status (connecting first if not yet started)."""
        details = {"library": self.library, "device_index": str(self.device_index)}
        if self._monitor is None:
            self.open()
        if self._lib is None:
            return CheckResult(self.kind, False, self.problem, details)
        if self.version:
            details["version"] = self.version
        if self.state == DeviceState.ERROR and self._stuck is not None:
            return CheckResult(self.kind, False, f"the finger-vein SDK has not returned from {self._stuck[0]}", details)
        if not self._connected:
            why = self.last_error or "no module"
            return CheckResult(self.kind, False, f"finger-vein module not connected: {why}", details)
        # Never wait behind a capture (this may run on the GUI thread): a module busy capturing is working.
        if not self._op_lock.acquire(timeout=0.2):
            return CheckResult(self.kind, True, "busy with a capture", details)
        try:
            status = self._call("FV_GetStatus")
        except DeviceError as exc:
            return CheckResult(self.kind, False, str(exc), details)
        finally:
            self._op_lock.release()
        if status < 0:
            return CheckResult(self.kind, False, str(self._fail("FV_GetStatus", status)), details)
        details["finger"] = "present" if status & STATUS_FINGER else "absent"
        if not status & STATUS_READY:
            return CheckResult(self.kind, False, "finger-vein sensor not ready", details)
        return CheckResult(self.kind, True, "ready", details)
