"""The soak's rig: the simulated clock, the child processes around the terminal (the hub, the update repository's
web server, the clerk, the admin's publishing), the terminal's window as the app builds it, and what is measured
of the soak's own process (memory, file descriptors, threads, widgets).

Nothing here is a stand-in: the hub is `kiosk hub serve` over SQLite, the repository is python-tuf metadata signed
by `kiosk catalog publish` and served by a plain HTTP server, the clerk is an aiortc peer logged in to the console.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import yaml

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "catalog" / "source"
BASE_VERSION = "2026.11.26"  # the bundled source's version
TERMINAL_ID = "hp-soak-01"
CLERK = "李晓红"
TECHNICIAN_PIN = "246810"


def free_port() -> int:
    """A TCP port nobody listens on (127.0.0.1)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a `kiosk` child: no KIOSK_ settings of the caller's, its own data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_TERMINAL_DATA_DIR=str(data_dir), **extra)
    return env


class SimClock:
    """The soak's simulated time: driven forward by the script (a resident's pauses, the hours between sessions),
    never by the wall clock. `monotonic` is the idle monitor's clock; `time` is the delivery's (never behind the
    real time: a submission put in the outbox is due at the real time of its writing)."""

    def __init__(self) -> None:
        self.wall0 = time.time()
        self.mono0 = time.monotonic()
        self.elapsed = 0.0
        self._lock = threading.Lock()

    def advance(self, seconds: float) -> None:
        """Let `seconds` of simulated time pass."""
        with self._lock:
            self.elapsed += max(0.0, seconds)

    def advance_to(self, elapsed: float) -> None:
        """Let simulated time reach `elapsed` seconds since the start (no step back)."""
        with self._lock:
            self.elapsed = max(self.elapsed, elapsed)

    def monotonic(self) -> float:
        """The idle monitor's clock."""
        return self.mono0 + self.elapsed

    def time(self) -> float:
        """Seconds since the epoch, simulated (at least the real time)."""
        return max(time.time(), self.wall0 + self.elapsed)

    @property
    def hours(self) -> float:
        """Simulated hours since the start."""
        return self.elapsed / 3600


class Child:
    """A subprocess whose output goes to a log file."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log: Path, stdin: str | None = None):
        self.name, self.command, self.env, self.log_path, self.stdin = name, command, env, log, stdin
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start (again)."""
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.PIPE if self.stdin is not None else subprocess.DEVNULL,
            )
        if self.stdin is not None:
            assert self.process.stdin is not None
            self.process.stdin.write(self.stdin.encode())
            self.process.stdin.close()

    def running(self) -> bool:
        """Whether it is still alive."""
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM, as a supervisor stops it (SIGKILL if it does not go)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None

    def log(self) -> str:
        """What it printed."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""


def run_kiosk(args: list[str], env: dict[str, str], stdin: str | None = None, timeout: float = 300) -> str:
    """`kiosk ARGS` to the end; its stdout (raises with its stderr when it fails)."""
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", *args], env=env, input=stdin, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"kiosk {' '.join(args[:2])} failed: {done.stderr[-2000:]}")
    return done.stdout


class HubChild:
    """`kiosk hub serve` over SQLite in a child process, with this terminal enrolled and one clerk; it can be stopped
    (an outage) and started again at the same address."""

    def __init__(self, root: Path, bundle: Path):
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.db_path = root / "hub.sqlite3"
        self.db_url = f"sqlite:///{self.db_path}"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token_file = root / "hub-token"
        self.clerk_password = root / "clerk-password"
        self.env = child_env(root / "data", KIOSK_CATALOG_BUNDLE=str(bundle))
        run_kiosk(
            ["hub", "add-terminal", TERMINAL_ID, "--token-file", str(self.token_file), "--db", self.db_url], self.env
        )
        password = "soak clerk password 1"
        run_kiosk(["hub", "add-clerk", CLERK, "--db", self.db_url], self.env, stdin=password + "\n")
        self.clerk_password.write_text(password, encoding="utf-8")
        self.clerk_password.chmod(0o600)
        # Bookings all day long: the slots are real hours (today and the next six days), so room for every one.
        command = [sys.executable, "-m", "kiosk", "hub", "serve", "--port", str(self.port), "--db", self.db_url]
        self.child = Child("hub", [*command, "--slot-capacity", "100000"], self.env, root / "hub.log")
        self.outages = 0

    def start(self, timeout: float = 60.0) -> None:
        """Serve, and return once the health check answers."""
        self.child.start()
        deadline = time.monotonic() + timeout
        while True:
            if not self.child.running():
                raise RuntimeError("the hub stopped: " + self.child.log()[-2000:])
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.url + "/api/v1/health", timeout=1).ok:
                    return
            if time.monotonic() > deadline:
                raise RuntimeError("the hub did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        """Stop serving (SIGTERM)."""
        self.child.stop()

    def counts(self) -> dict[str, Any]:
        """What the hub's database holds: submissions (each tracking number with how often it is there) and
        appointments."""
        db = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=30)
        try:
            tracking = dict(db.execute("SELECT tracking_no, COUNT(*) FROM submissions GROUP BY tracking_no"))
            appointments = dict(db.execute("SELECT appointment_no, COUNT(*) FROM appointments GROUP BY appointment_no"))
            beats = db.execute(
                "SELECT catalog_version FROM heartbeats WHERE terminal_id = ?", (TERMINAL_ID,)
            ).fetchone()
        finally:
            db.close()
        return {"submissions": tracking, "appointments": appointments, "heartbeat_catalog": beats[0] if beats else ""}


class RepoServer:
    """The update repository's static web server (any would do): Python's http.server in a child process."""

    def __init__(self, folder: Path, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [
            sys.executable,
            "-m",
            "http.server",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(folder),
        ]
        self.child = Child("repo", command, child_env(folder.parent / "repo-server"), log)

    def start(self, timeout: float = 30.0) -> None:
        """Serve, and return once it answers."""
        self.child.start()
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.url + "metadata/1.root.json", timeout=1).ok:
                    return
            if time.monotonic() > deadline or not self.child.running():
                raise RuntimeError("the repository's web server did not start")
            time.sleep(0.1)


def source_with_new_item(folder: Path, version: str, number: int) -> Path:
    """The bundled source plus `number` new items (a district subsidy each), version and counts as an admin's
    export would have them: what each catalog update of the day publishes."""
    shutil.copytree(SOURCE, folder)
    items_file = folder / "items" / "hp-bgs.yaml"
    data = yaml.safe_load(items_file.read_text(encoding="utf-8"))
    template = data["items"][0]
    for n in range(1, number + 1):
        new = dict(template)
        new.update(id=f"hp-0950{n}", name=update_item_name(n), name_hant=update_item_name(n), name_en="")
        new.update(channels=["online"], keywords=[f"稳岗补贴{n}期"])
        new["code"] = template["code"].replace("-1-00", f"-5-0{n}")
        data["items"].append(new)
    items_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    manifest = folder / "manifest.toml"
    text = manifest.read_text(encoding="utf-8").replace(f'version = "{BASE_VERSION}"', f'version = "{version}"')
    manifest.write_text(text.replace("total = 1304", f"total = {1304 + number}"), encoding="utf-8")
    return folder


def update_item_name(n: int) -> str:
    """The name of the n-th item a catalog update of the soak adds."""
    return f"黄埔区第{'一二三四五六七八九'[n - 1]}期稳岗扩岗补贴申领"


def update_version(n: int) -> str:
    """The catalog version of the n-th update of the day."""
    return f"2026.11.{26 + n}"


class Admin:
    """The catalog admin: keys, the signed repository, publications (`kiosk catalog publish` in a child, running
    while residents use the terminal) and the hourly timestamp re-signing (`kiosk catalog resign-timestamp`, as
    deploy/systemd's timer runs it)."""

    def __init__(self, root: Path, bundle: Path):
        from catalog import tuf_repo

        self.root = root
        self.keys, self.repo = root / "keys", root / "repo"
        tuf_repo.init_keys(self.keys)
        tuf_repo.init_repo(self.repo, self.keys)
        tuf_repo.publish_bundle(self.repo, self.keys, bundle)
        self.env = child_env(root / "admin-data")
        self.jobs: list[tuple[str, subprocess.Popen]] = []
        self.published: list[str] = []
        self.resigned = 0
        self.failures: list[str] = []

    @property
    def trusted_root(self) -> Path:
        """The root metadata the terminal ships with."""
        return self.repo / "metadata" / "1.root.json"

    def _spawn(self, what: str, args: list[str]) -> None:
        log = open(self.root / f"{what}.log", "ab")  # noqa: SIM115 - the child writes to it until it ends
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", *args], env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        self.jobs.append((what, process))

    def publish(self, n: int) -> str:
        """Start publishing the n-th update (in the background); returns its version."""
        version = update_version(n)
        source = source_with_new_item(self.root / f"source-{n}", version, n)
        self._spawn(
            f"publish-{n}", ["catalog", "publish", str(source), "--repo", str(self.repo), "--keys", str(self.keys)]
        )
        return version

    def resign(self) -> None:
        """Start the hourly timestamp re-signing (in the background)."""
        self._spawn("resign", ["catalog", "resign-timestamp", "--repo", str(self.repo), "--keys", str(self.keys)])

    def reap(self, wait: bool = False) -> None:
        """Collect finished jobs (all of them with `wait`); a failed one is noted."""
        running = []
        for what, process in self.jobs:
            if wait:
                process.wait(timeout=300)
            code = process.poll()
            if code is None:
                running.append((what, process))
            elif code != 0:
                self.failures.append(f"{what} exited {code}")
            elif what.startswith("publish"):
                self.published.append(what)
            else:
                self.resigned += 1
        self.jobs = running


# -- the soak process, measured ------------------------------------------------------------------------------------
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    """Resident memory of this process (MB), from /proc/self/statm."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * PAGE / 1e6


def rss_kinds_mb() -> dict[str, float]:
    """Resident memory by kind (MB, /proc/self/status): anonymous (heaps, what a leak is made of), file-backed
    (mapped libraries and fonts, shared and given back under pressure) and the peak since start (VmHWM)."""
    fields = {"RssAnon": "anon", "RssFile": "file", "VmHWM": "peak"}
    kinds = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            name, _, value = line.partition(":")
            if name in fields:
                kinds[fields[name]] = int(value.split()[0]) * 1024 / 1e6  # the kernel writes kB
    return kinds


MALLINFO2 = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in MALLINFO2]


def native_heap_mb() -> tuple[float, float]:
    """glibc's heap over all arenas (mallinfo2): MB allocated and in use (C, C++ and Python's large objects), and MB
    free but kept by the allocator. RSS growing while "in use" stays flat is the allocator keeping freed pages, not
    a leak. (-1, -1) without glibc 2.33+."""
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (AttributeError, OSError):
        return -1.0, -1.0
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 1e6, info.fordblks / 1e6


def open_fds() -> int:
    """Open file descriptors of this process."""
    return len(os.listdir("/proc/self/fd"))


def os_threads() -> int:
    """Threads of this process as the kernel counts them (Python's and native ones: Qt, OpenCV, aiortc)."""
    return len(os.listdir("/proc/self/task"))


def fd_kinds() -> dict[str, int]:
    """Open descriptors by kind (socket, pipe, anon_inode, pty, file): what a leak is made of."""
    kinds: dict[str, int] = {}
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        kind = target.split(":", 1)[0] if ":" in target else ("pty" if target.startswith("/dev/pt") else "file")
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def thread_names() -> dict[str, int]:
    """Python threads by name (numbers stripped): which kind of thread a growth is made of."""
    names: dict[str, int] = {}
    for thread in threading.enumerate():
        name = thread.name.split(" (")[0].rstrip("0123456789-_")
        names[name] = names.get(name, 0) + 1
    return names


@dataclass
class Sample:
    """One point of the soak's curve."""

    hour: float  # simulated hours since the start
    wall_s: float
    sessions: int
    rss_mb: float
    rss_anon_mb: float  # rss_kinds_mb
    rss_file_mb: float
    heap_mb: float  # glibc heap in use (native_heap_mb)
    heap_free_mb: float  # freed but kept by the allocator
    fds: int
    threads: int  # threading.active_count()
    os_threads: int  # /proc/self/task
    widgets: int  # Qt top-level widgets
    all_widgets: int  # every Qt widget alive (children too: a screen that adds rows without removing them shows here)
    objects: int  # Python objects the collector tracks
    outbox_depth: int
    submitted: int
    delivered: int
    errors: int  # uncaught exceptions so far
    catalog: str
    hub_up: bool
    extra: dict[str, Any] = field(default_factory=dict)


def measure(
    clock: SimClock, started: float, sessions: int, window, services: dict, errors: int, hub_up: bool, submitted: int
) -> Sample:
    """Take one sample (after a garbage collection, so that what is counted is what is kept)."""
    from ui.qt import QApplication

    gc.collect()
    outbox = services["outbox"]
    with outbox.lock:  # the delivery thread shares the connection
        delivered = int(outbox.db.execute("SELECT COUNT(*) FROM outbox WHERE delivered IS NOT NULL").fetchone()[0])
    heap, heap_free = native_heap_mb()
    kinds = rss_kinds_mb()
    return Sample(
        hour=round(clock.hours, 3),
        wall_s=round(time.monotonic() - started, 1),
        sessions=sessions,
        rss_mb=round(rss_mb(), 1),
        rss_anon_mb=round(kinds["anon"], 1),
        rss_file_mb=round(kinds["file"], 1),
        heap_mb=round(heap, 1),
        heap_free_mb=round(heap_free, 1),
        fds=open_fds(),
        threads=threading.active_count(),
        os_threads=os_threads(),
        widgets=len(QApplication.topLevelWidgets()),
        all_widgets=len(QApplication.allWidgets()),
        objects=len(gc.get_objects()),
        outbox_depth=outbox.depth(),
        submitted=submitted,
        delivered=delivered,
        errors=errors,
        catalog=window.ctx.store.version,
        hub_up=hub_up,
    )
