"""Network namespaces for end-to-end tests: private networks behind NAT routers and a "public" network, built
with iproute2 and nftables, with link shaping (tc tbf) and link cuts, torn down reliably: processes first, then
the namespaces (which take their veth pairs with them), also those an earlier run left behind when it was killed.

Every namespace is named `kt<pid>-<tag>-<role>`: unique per run, and a later run can tell a dead run's leftovers
by the pid. Needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) and the `ip`, `nft` and `tc` commands."""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

PREFIX = "kt"
NETNS_DIR = Path("/run/netns")
CLONE_NEWNET = 0x40000000
_NAME = re.compile(rf"^{PREFIX}(\d+)-")


class NetnsError(RuntimeError):
    """A command that builds or changes the topology failed (its stderr says why)."""


def _run(argv: Sequence[str], *, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(list(argv), input=input, capture_output=True, text=True, timeout=30)
    if check and done.returncode != 0:
        raise NetnsError(f"{' '.join(argv)}: {done.stderr.strip() or done.returncode}")
    return done


def unavailable() -> str | None:
    """Why network namespaces cannot be built here (None when they can)."""
    if os.geteuid() != 0:
        return "network namespaces need root (CI runs the suite as root)"
    if shutil.which("ip") is None:
        return "the ip command (Debian package iproute2) is missing"
    probe = f"{PREFIX}{os.getpid()}-probe"
    try:
        _run(["ip", "netns", "add", probe])
    except (NetnsError, OSError) as exc:
        return f"`ip netns add` failed: {exc}"
    _run(["ip", "netns", "del", probe], check=False)
    return None


def missing_tools() -> list[str]:
    """The commands the topology needs that are not installed, with their Debian packages."""
    wanted = {"nft": "nftables", "tc": "iproute2", "turnserver": "coturn"}
    return [f"{tool} ({package})" for tool, package in wanted.items() if shutil.which(tool) is None]


def sweep_stale() -> list[str]:
    """Delete namespaces left by runs whose process is gone (a killed pytest); the names deleted."""
    if not NETNS_DIR.is_dir():
        return []
    gone = []
    for entry in NETNS_DIR.iterdir():
        found = _NAME.match(entry.name)
        if found is None or int(found.group(1)) == os.getpid():
            continue
        if not Path(f"/proc/{found.group(1)}").exists():
            _kill_inside(entry.name)
            _run(["ip", "netns", "del", entry.name], check=False)
            gone.append(entry.name)
    return gone


def _kill_inside(name: str) -> None:
    """SIGKILL whatever still runs in namespace `name` (a leftover's turnserver, browser ...)."""
    done = _run(["ip", "netns", "pids", name], check=False)
    for pid in done.stdout.split():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid), signal.SIGKILL)


_libc = ctypes.CDLL(None, use_errno=True)


def _setns(fd: int) -> None:
    if _libc.setns(fd, CLONE_NEWNET) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))


def enter(name: str) -> None:
    """Move the calling thread (only it) into namespace `name`: sockets it opens from now on live there."""
    fd = os.open(NETNS_DIR / name, os.O_RDONLY)
    try:
        _setns(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def inside(name: str) -> Iterator[None]:
    """The calling thread in namespace `name` for the block, then back where it was."""
    own = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    try:
        enter(name)
        try:
            yield
        finally:
            _setns(own)
    finally:
        os.close(own)


class Topology:
    """Namespaces, links and processes of one test run; `close()` undoes everything, whatever state it is in."""

    def __init__(self, tag: str):
        self.prefix = f"{PREFIX}{os.getpid()}-{tag}-"
        self.namespaces: list[str] = []
        self.processes: list[subprocess.Popen] = []

    # -- building --------------------------------------------------------------------------------------------------

    def namespace(self, role: str) -> str:
        """A new namespace with its loopback up; its full name."""
        name = self.prefix + role
        _run(["ip", "netns", "add", name])
        self.namespaces.append(name)
        self.ip(name, "link", "set", "lo", "up")
        return name

    def ip(self, ns: str, *args: str) -> subprocess.CompletedProcess:
        """`ip -n ns ARGS`."""
        return _run(["ip", "-n", ns, *args])

    def run(self, ns: str, *argv: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
        """A command run to completion inside `ns`."""
        return _run(["ip", "netns", "exec", ns, *argv], input=input, check=check)

    def link(self, a: str, a_if: str, a_addr: str, b: str, b_if: str, b_addr: str) -> None:
        """A veth pair from `a` to `b`, addressed (CIDR) and up (created straight in its namespaces, so the
        interface names need only be unique within each one)."""
        _run(["ip", "link", "add", a_if, "netns", a, "type", "veth", "peer", "name", b_if, "netns", b])
        for ns, ifname, addr in ((a, a_if, a_addr), (b, b_if, b_addr)):
            self.ip(ns, "addr", "add", addr, "dev", ifname)
            self.ip(ns, "link", "set", ifname, "up")

    def address(self, ns: str, ifname: str, addr: str) -> None:
        """One more address on an interface (on `lo`: a service address reachable over every link)."""
        self.ip(ns, "addr", "add", addr, "dev", ifname)

    def route(self, ns: str, destination: str, via: str) -> None:
        """A route (`default` or a CIDR) through a gateway."""
        self.ip(ns, "route", "add", destination, "via", via)

    def forwarding(self, ns: str, on: bool) -> None:
        """IPv4 forwarding in `ns` (off: the namespace is a host that routes nobody's packets)."""
        self.run(ns, "sysctl", "-q", "-w", f"net.ipv4.ip_forward={int(on)}")

    def nft(self, ns: str, ruleset: str) -> None:
        """Load an nftables ruleset (text) into `ns`."""
        self.run(ns, "nft", "-f", "-", input=ruleset)

    def nat_router(self, ns: str, wan_if: str) -> None:
        """Make `ns` a home router: forwarding on, everything leaving `wan_if` masqueraded, and nothing from
        outside let in unless it answers a connection from inside (conntrack), as a consumer NAT does."""
        self.forwarding(ns, True)
        self.nft(
            ns,
            f"""
            table ip nat {{
                chain postrouting {{ type nat hook postrouting priority srcnat; oifname "{wan_if}" masquerade; }}
            }}
            table inet filter {{
                chain forward {{
                    type filter hook forward priority filter; policy drop;
                    ct state established,related accept
                    iifname != "{wan_if}" accept
                }}
            }}
            """,
        )

    # -- changing it while a test runs -------------------------------------------------------------------------

    def shape(self, ns: str, ifname: str, kbit: int, burst_bytes: int = 4000, latency_ms: int = 300) -> None:
        """Limit what leaves `ifname` to `kbit` kbit/s with a token bucket (packets queue up to `latency_ms`,
        then drop), as a weak uplink does."""
        _run(["tc", "-n", ns, "qdisc", "replace", "dev", ifname, "root", "tbf", "rate", f"{kbit}kbit",
              "burst", str(burst_bytes), "latency", f"{latency_ms}ms"])  # fmt: skip

    def unshape(self, ns: str, ifname: str) -> None:
        """Back to the interface's default queue."""
        _run(["tc", "-n", ns, "qdisc", "del", "dev", ifname, "root"], check=False)

    def cut(self, ns: str) -> None:
        """Drop everything `ns` would forward or receive (a router whose line went dead); connection tracking
        and NAT mappings stay, as they do over a short outage."""
        self.nft(
            ns,
            """
            table inet cut {
                chain forward { type filter hook forward priority -10; policy drop; }
                chain input { type filter hook input priority -10; policy drop; }
            }
            """,
        )

    def restore(self, ns: str) -> None:
        """Undo `cut`."""
        self.run(ns, "nft", "delete", "table", "inet", "cut", check=False)

    # -- processes ---------------------------------------------------------------------------------------------

    def popen(self, ns: str, argv: Sequence[str], **kwargs) -> subprocess.Popen:
        """A process started inside `ns` (in its own process group), stopped by `close()` if still running."""
        process = subprocess.Popen(["ip", "netns", "exec", ns, *argv], start_new_session=True, **kwargs)
        self.processes.append(process)
        return process

    def wrapper(self, ns: str, program: str, path: Path) -> Path:
        """An executable at `path` that runs `program` inside `ns` with the arguments it is given (for tools
        that start a program themselves, such as Playwright starting Chromium)."""
        path.write_text(f'#!/bin/sh\nexec ip netns exec {ns} {program} "$@"\n')
        path.chmod(0o755)
        return path

    def stop(self, process: subprocess.Popen, timeout: float = 5.0) -> None:
        """SIGTERM to the process group, then SIGKILL if it lingers."""
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout)

    def close(self) -> None:
        """Stop the processes (closing their pipes), kill anything else still inside, delete the namespaces."""
        for process in reversed(self.processes):
            with contextlib.suppress(Exception):
                self.stop(process)
            for pipe in (process.stdin, process.stdout, process.stderr):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
        for name in reversed(self.namespaces):
            _kill_inside(name)
            _run(["ip", "netns", "del", name], check=False)
        self.namespaces.clear()
        self.processes.clear()
