"""A service manager's notification socket, as systemd binds it for a Type=notify unit: an AF_UNIX datagram socket
with SO_PASSCRED, so every message arrives with the sending process's pid as the kernel vouches for it."""

from __future__ import annotations

import os
import select
import socket
import struct
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
_CREDENTIALS = struct.Struct("3i")  # struct ucred: pid, uid, gid


@dataclass(frozen=True)
class Notification:
    """One datagram: who sent it and its VAR=value assignments."""

    pid: int
    fields: dict[str, str]


class NotifyListener:
    """Receives sd_notify datagrams at `address` (a path, or "\\0name" in the abstract namespace)."""

    def __init__(self, address: str):
        self.address = address
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.sock.bind(address)
        self.received: list[Notification] = []

    @property
    def env_value(self) -> str:
        """What $NOTIFY_SOCKET says for this socket."""
        return "@" + self.address[1:] if self.address.startswith("\0") else self.address

    def _read_one(self) -> Notification:
        data, ancdata, _flags, _addr = self.sock.recvmsg(65536, socket.CMSG_SPACE(_CREDENTIALS.size))
        pid = -1
        for level, kind, payload in ancdata:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = _CREDENTIALS.unpack(payload[: _CREDENTIALS.size])[0]
        fields = dict(line.split("=", 1) for line in data.decode("utf-8").split("\n") if "=" in line)
        message = Notification(pid, fields)
        self.received.append(message)
        return message

    def drain(self) -> list[Notification]:
        """Every datagram waiting now, without blocking (a sender's sendto has queued it by the time it returns)."""
        got = []
        while select.select([self.sock], [], [], 0)[0]:
            got.append(self._read_one())
        return got

    def wait_for(self, predicate: Callable[[Notification], bool], timeout: float) -> Notification:
        """The first message (already received or arriving within `timeout` s) that `predicate` accepts."""
        for message in self.received:
            if predicate(message):
                return message
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            if select.select([self.sock], [], [], remaining)[0]:
                message = self._read_one()
                if predicate(message):
                    return message
        raise AssertionError(f"no matching notification within {timeout} s; received: {self.received[-10:]}")

    def wait_for_another(self, field: str, timeout: float) -> Notification:
        """The next message carrying `field` that arrives (not one received before)."""
        seen = self.count(field)
        return self.wait_for(lambda m: field in m.fields and self.count(field) > seen, timeout)

    def count(self, field: str, pid: int | None = None) -> int:
        """How many received messages carry `field` (from `pid`, if given)."""
        return sum(1 for m in self.received if field in m.fields and (pid is None or m.pid == pid))

    def close(self) -> None:
        """Stop listening (and remove a path socket)."""
        self.sock.close()
        if not self.address.startswith("\0"):
            Path(self.address).unlink(missing_ok=True)


@pytest.fixture
def notify_listener(tmp_path: Path):
    """A factory: `notify_listener()` listens on a path in tmp_path, `notify_listener(abstract=True)` on a fresh
    abstract name (reachable from any user: an abstract socket has no file permissions)."""
    listeners: list[NotifyListener] = []

    def make(abstract: bool = False, path: Path | None = None) -> NotifyListener:
        if abstract:
            address = f"\0kiosk-test-notify-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        else:
            address = str(path or tmp_path / f"notify-{len(listeners)}.sock")
        listener = NotifyListener(address)
        listeners.append(listener)
        return listener

    yield make
    for listener in listeners:
        listener.close()


def unit_settings(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit (or a drop-in) as {section: {key: [values in order]}}; comments and blank lines dropped."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"{path}: {line!r} before any [section]"
        assert "=" in line, f"{path}: {line!r} is not KEY=value"
        key, value = line.split("=", 1)
        current.setdefault(key.strip(), []).append(value.strip())
    return sections
