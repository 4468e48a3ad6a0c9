"""TURN credentials from the hub (the TURN REST API, coturn's use-auth-secret): each side of each call gets its own
time-limited user name and password derived from the secret the hub shares with the TURN server. A real coturn on
127.0.0.1 checks them (an allocation with them succeeds; with another secret, past their time or for another user
it is refused); they are handed out afresh when a dropped terminal comes back; the `kiosk hub serve` options that
set them refuse what cannot work. tests/e2e/test_consult_networks.py has calls relayed with them across NATs."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aioice.stun import TransactionError
from aioice.turn import create_turn_endpoint

from hub.consult import ConsultDesk
from hub.consult_ws import TURN_TTL_S, TurnRest, turn_rest

SECRET = "a shared secret of the hub and coturn"


def free_port(kind: int = socket.SOCK_DGRAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def coturn(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """coturn on 127.0.0.1 taking TURN REST API credentials only: (host, port)."""
    if shutil.which("turnserver") is None:
        pytest.skip("coturn is not installed (Debian package coturn, scripts/debian-packages.txt)")
    port, relay = free_port(), free_port()
    conf = tmp_path / "turnserver.conf"
    conf.write_text(
        f"listening-ip=127.0.0.1\nrelay-ip=127.0.0.1\nlistening-port={port}\nmin-port={relay}\nmax-port={relay}\n"
        f"use-auth-secret\nstatic-auth-secret={SECRET}\nrealm=kiosk.test\nfingerprint\nno-tls\nno-dtls\nno-cli\n"
        f"log-file={tmp_path / 'turn.log'}\nsimple-log\npidfile={tmp_path / 'turn.pid'}\nuserdb={tmp_path / 'db'}\n"
    )
    process = subprocess.Popen(["turnserver", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        while True:  # its TCP listener opens with the UDP one
            assert process.poll() is None, (tmp_path / "turn.log").read_text()[-2000:]
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < deadline, "coturn did not start"
            time.sleep(0.05)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        process.wait(10)


def allocate(server: tuple[str, int], ice: dict[str, Any]) -> tuple[str, int]:
    """A TURN allocation with an ICE server entry's credentials (aioice's client, as the terminal's): the relayed
    address, or TransactionError when coturn refuses."""

    async def main() -> tuple[str, int]:
        transport, _ = await create_turn_endpoint(
            asyncio.DatagramProtocol, server, ice["username"], ice["credential"], lifetime=60
        )
        try:
            return transport.get_extra_info("sockname")
        finally:
            transport.close()

    return asyncio.run(main())


def test_coturn_takes_the_hubs_credentials_and_refuses_any_other(coturn):
    urls = (f"turn:{coturn[0]}:{coturn[1]}",)
    ice = TurnRest(urls, SECRET)("Y3CkPbgo5yL-JVqD.terminal")
    assert ice["urls"] == list(urls)
    expiry, user = ice["username"].split(":")
    assert user == "Y3CkPbgo5yL-JVqD.terminal" and abs(int(expiry) - (time.time() + TURN_TTL_S)) < 5
    assert allocate(coturn, ice)[0] == "127.0.0.1"

    others = {
        "another secret": TurnRest(urls, "not the secret coturn was given")("Y3CkPbgo5yL-JVqD.terminal"),
        "past its time": TurnRest(urls, SECRET, clock=lambda: time.time() - 2 * TURN_TTL_S)("c.terminal"),
        "another user": {**ice, "username": ice["username"].replace(".terminal", ".clerk")},
    }
    for why, other in others.items():
        with pytest.raises(TransactionError):
            allocate(coturn, other)
            pytest.fail(f"coturn took credentials with {why}")


class Peer:
    """A socket as the desk sees it, keeping what it is sent."""

    def __init__(self, kind: str, name: str):
        self.kind, self.name = kind, name
        self.got: list[dict[str, Any]] = []

    def send(self, message: dict[str, Any]) -> None:
        self.got.append(message)

    def close(self, code: int, reason: str) -> None:
        pass


def test_each_side_of_each_call_gets_its_own_and_fresh_ones_after_a_resume():
    now = [1_800_000_000.0]
    stun = {"urls": ["stun:turn.example:3478"]}
    turn = TurnRest(("turn:turn.example:3478?transport=udp",), SECRET, ttl_s=3600, clock=lambda: now[0])
    desk = ConsultDesk(ice_servers=(stun,), turn=turn)
    clerk, terminal = Peer("clerk", "王晓明"), Peer("terminal", "hp-dsd-01")
    desk.clerk_connected(clerk)
    call = desk.join(terminal, "zh_CN", False, None)
    desk.accept(clerk)
    assigned = next(m for m in clerk.got if m["type"] == "assigned")["ice_servers"]
    accepted = next(m for m in terminal.got if m["type"] == "accepted")["ice_servers"]
    assert assigned[0] == accepted[0] == stun
    assert accepted[1]["username"] == f"1800003600:{call.call_id}.terminal"
    assert assigned[1]["username"] == f"1800003600:{call.call_id}.clerk"  # never the clerk's name: coturn logs it
    assert accepted[1]["credential"] != assigned[1]["credential"]

    now[0] += 5000  # a long call: the first credentials have run out
    desk.disconnected(terminal)
    back = Peer("terminal", "hp-dsd-01")
    desk.resume(back, call.call_id)
    resumed = next(m for m in back.got if m["type"] == "resumed")["ice_servers"]
    peer_back = next(m for m in clerk.got if m["type"] == "peer_back")["ice_servers"]
    assert resumed[1]["username"] == f"1800008600:{call.call_id}.terminal"
    assert peer_back[1]["username"] == f"1800008600:{call.call_id}.clerk"

    # A terminal still waiting has no media to set up: its place back, and nothing else.
    waiting = Peer("terminal", "hp-dsd-02")
    queued = desk.join(waiting, "en", False, None)
    desk.disconnected(waiting)
    again = Peer("terminal", "hp-dsd-02")
    desk.resume(again, queued.call_id)
    assert {"type": "resumed", "call_id": queued.call_id} in again.got


def test_the_secret_comes_from_a_file_and_what_cannot_work_is_refused(tmp_path: Path):
    secret = tmp_path / "turn-secret"
    secret.write_text(SECRET + "\n")
    made = turn_rest(["turn:t.example:3478"], str(secret))
    assert made is not None and made.secret == SECRET and SECRET not in repr(made)
    assert turn_rest(["turn:t.example:3478"], None) is None
    secret.write_text("short")
    bad = {
        "--turn-secret-file goes with --turn": ([], str(secret)),
        "at least 16 characters": (["turn:t.example:3478"], str(secret)),
        "cannot read": (["turn:t.example:3478"], str(tmp_path / "missing")),
    }
    for message, args in bad.items():
        with pytest.raises(ValueError, match=message):
            turn_rest(*args)
    with pytest.raises(ValueError, match="turn: or turns: URLs"):
        TurnRest(("stun:t.example:3478",), SECRET)

    # The command refuses both kinds of TURN credentials at once, naming the options, before serving anything.
    secret.write_text(SECRET)
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "hub", "serve", "--port", "0", "--turn", "turn:t.example:3478",
         "--turn-secret-file", str(secret), "--turn-username", "u", "--turn-credential", "c"],
        capture_output=True, text=True, timeout=60, env={"KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"),
                                                        "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 2 and "--turn-secret-file and --turn-username" in done.stderr, done.stderr
