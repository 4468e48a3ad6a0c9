"""Video consultation through real networks (issue 9, "Networks"): network namespaces make a public network with the
hub and a TURN server (coturn), the terminal in a private network behind one NAT router and the clerk in another
behind a second; the routers' outsides cannot reach each other (the public host forwards nothing), so the only way
media can go is through the TURN relay.

    terminal 10.1.0.2 -- 10.1.0.1 [NAT-T] 198.51.100.2 --- 198.51.100.1 [public: hub, coturn   ]
    clerk    10.2.0.2 -- 10.2.0.1 [NAT-C] 198.51.100.6 --- 198.51.100.5 [ 203.0.113.10, no fwd ]

The terminal is the real ConsultClient in a child process inside its namespace (tests/e2e/consult_terminal.py: the
face camera's driver on the camera simulator showing a noisy scene, the microphone and speaker on PulseAudio null
sinks of this run with a resident "speaking" without pause); the clerk is the clerk's page in headless Chromium
inside the other; the hubs are `kiosk hub serve` processes in the public namespace, one handing out time-limited
TURN credentials (--turn-secret-file, coturn's use-auth-secret), one STUN only. Each test prints what it measured
("consult networks: ..." with -s).

Proved: the call connects over relay candidates with media both ways and hangs up clean; a weak uplink (tbf)
lowers the picture while the voice keeps flowing both ways, and the picture climbs back when the link recovers;
a 3 s outage of the terminal's line leaves the call standing; without TURN the call gets no media and the resident
is told, without hanging. Skipped only where namespaces cannot be made (not root), never when CI=true."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bench.clerk_browser import CHROMIUM, FLAGS, MEDIA_STATS_JS
from hub.app import create_app
from hub.clerks import add_clerk
from hub.terminals import add_terminal
from tests.e2e import netns

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RUNNER = HERE / "consult_terminal.py"
CLERK, PASSWORD = "王晓明", "consult password 1"
TERMINAL = "hp-dsd-nat-01"
SERVER = "203.0.113.10"  # the public host: hub and TURN server
TURN_PORT = 3478
UPLINK_KBIT = 300  # the weak uplink: a poor post-office ADSL line, shared
UPLINK_QUEUE_MS = 100  # what its modem queues before it drops

# The selected candidate pair of the page's peer connection (Chromium's stats have pairs; aiortc's do not).
PATH_JS = """async () => {
    const pc = window.consult.pc;
    if (!pc) return null;
    const stats = await pc.getStats();
    let pair = null;
    stats.forEach((r) => {
        if (r.type === "transport" && r.selectedCandidatePairId) pair = stats.get(r.selectedCandidatePairId);
    });
    if (!pair) return null;
    const local = stats.get(pair.localCandidateId), remote = stats.get(pair.remoteCandidateId);
    return {local: local.candidateType, remote: remote.candidateType, state: pair.state};
}"""


# The sound energy the page has heard from the terminal (silence adds nothing).
HEARD_JS = """async () => {
    let energy = 0;
    (await window.consult.pc.getStats()).forEach((r) => {
        if (r.type === "inbound-rtp" && r.kind === "audio") energy = r.totalAudioEnergy || 0;
    });
    return energy;
}"""


# -- the topology --------------------------------------------------------------------------------------------------


@dataclass
class Net:
    """The namespaces and what runs in them."""

    topology: netns.Topology
    public: str
    nat_terminal: str
    nat_clerk: str
    terminal: str
    clerk: str
    root: Path
    hubs: dict[str, str] = field(default_factory=dict)  # name -> base URL
    tokens: dict[str, Path] = field(default_factory=dict)  # hub name -> the terminal's token file
    chromium: Path | None = None


def build(topology: netns.Topology, root: Path) -> Net:
    """The namespaces, links, routes and NAT of the module's docstring."""
    t = topology
    net = Net(t, t.namespace("pub"), t.namespace("natt"), t.namespace("natc"), t.namespace("term"),
              t.namespace("clerk"), root)  # fmt: skip
    t.address(net.public, "lo", f"{SERVER}/32")
    t.link(net.public, "t0", "198.51.100.1/30", net.nat_terminal, "wan", "198.51.100.2/30")
    t.link(net.public, "c0", "198.51.100.5/30", net.nat_clerk, "wan", "198.51.100.6/30")
    t.forwarding(net.public, False)  # a server, not a router: the two NATs' outsides cannot reach each other
    # What the Internet does with packets for private addresses: they vanish (without any route, coturn's relay
    # gets ENETUNREACH for a peer's host candidate and drops the whole allocation).
    t.ip(net.public, "route", "add", "blackhole", "default")
    for nat, inside, lan, host, via in (
        (net.nat_terminal, net.terminal, "10.1.0", "198.51.100.1", "wan"),
        (net.nat_clerk, net.clerk, "10.2.0", "198.51.100.5", "wan"),
    ):
        t.link(nat, "lan", f"{lan}.1/24", inside, "eth0", f"{lan}.2/24")
        t.route(nat, "default", host)
        t.nat_router(nat, via)
        t.route(inside, "default", f"{lan}.1")
    return net


def coturn(net: Net, secret: str) -> subprocess.Popen:
    """coturn on the public host, TURN REST API credentials only (use-auth-secret), relaying from its address."""
    conf = net.root / "turnserver.conf"
    conf.write_text(
        f"listening-ip={SERVER}\nrelay-ip={SERVER}\nlistening-port={TURN_PORT}\nmin-port=49160\nmax-port=49400\n"
        f"use-auth-secret\nstatic-auth-secret={secret}\nrealm=kiosk.test\nfingerprint\nno-tls\nno-dtls\nno-cli\n"
        # Never relay into private networks (the TURN server's own LAN): coturn's hardening advice.
        "denied-peer-ip=10.0.0.0-10.255.255.255\ndenied-peer-ip=172.16.0.0-172.31.255.255\n"
        "denied-peer-ip=192.168.0.0-192.168.255.255\n"
        f"no-multicast-peers\nlog-file={net.root / 'turn.log'}\nsimple-log\npidfile={net.root / 'turn.pid'}\n"
        f"verbose\nuserdb={net.root / 'turndb'}\n"
    )
    conf.chmod(0o600)
    process = net.topology.popen(
        net.public, ["turnserver", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )

    def listening() -> bool:
        assert process.poll() is None, "coturn did not start: " + (net.root / "turn.log").read_text()[-2000:]
        with netns.inside(net.public), socket.socket() as probe:  # its TCP listener opens with the UDP one
            return probe.connect_ex((SERVER, TURN_PORT)) == 0

    wait_for(listening, 20, what="coturn listening")
    return process


def start_hub(net: Net, name: str, bundle: Path, ice_args: list[str]) -> Callable[[], None]:
    """`kiosk hub serve` started on the public host with a clerk and the terminal enrolled; call what it returns
    to wait until it listens (its URL then in net.hubs)."""
    folder = net.root / name
    folder.mkdir()
    db, key = f"sqlite:///{folder / 'hub.sqlite3'}", folder / "hub.key"
    engine = create_app(db, key_path=key).fastapi.state.hub.engine  # the schema, the clerk and the token
    add_clerk(engine, CLERK, PASSWORD)
    net.tokens[name] = folder / "terminal-token"
    net.tokens[name].write_text(add_terminal(engine, TERMINAL))
    engine.dispose()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env |= {"KIOSK_TERMINAL_DATA_DIR": str(folder / "data"), "KIOSK_CATALOG_BUNDLE": str(bundle)}
    argv = [sys.executable, "-m", "kiosk", "hub", "serve", "--host", SERVER, "--port", "0", "--db", db,
            "--key-file", str(key), *ice_args]  # fmt: skip
    with (folder / "hub.log").open("wb") as log:  # the child keeps its own copy
        process = net.topology.popen(net.public, argv, stdout=subprocess.PIPE, stderr=log, env=env, cwd=REPO)

    def listening() -> None:
        line = process.stdout.readline().decode()  # "kiosk hub listening on URL", or nothing if it died
        found = re.search(r"listening on (http://\S+)", line)
        assert found, f"the {name} hub did not start: {line!r} {(folder / 'hub.log').read_text()[-2000:]}"
        net.hubs[name] = found.group(1)

    return listening


@pytest.fixture(scope="module")
def net(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Net]:
    """The whole topology with coturn and the two hubs, torn down whatever happens."""
    reason = netns.unavailable()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the network tests, but: {reason}")
        pytest.skip(reason)
    bundle_path: Path = request.getfixturevalue("bundle_path")  # only now: it takes a while to build
    missing = netns.missing_tools() + ([] if os.access(CHROMIUM, os.X_OK) else ["chromium (chromium)"])
    assert not missing, f"install the Debian packages for: {', '.join(missing)}"
    netns.sweep_stale()
    root = tmp_path_factory.mktemp("networks")
    topology = netns.Topology(secrets.token_hex(2))
    try:
        net = build(topology, root)
        secret = secrets.token_urlsafe(24)
        (root / "turn-secret").write_text(secret)
        (root / "turn-secret").chmod(0o600)
        stun, turn = f"stun:{SERVER}:{TURN_PORT}", f"turn:{SERVER}:{TURN_PORT}?transport=udp"
        turn_args = ["--stun", stun, "--turn", turn, "--turn-secret-file", str(root / "turn-secret")]
        hubs = [start_hub(net, "turn", bundle_path, turn_args), start_hub(net, "stun", bundle_path, ["--stun", stun])]
        coturn(net, secret)  # meanwhile
        for listening in hubs:
            listening()
        net.chromium = topology.wrapper(net.clerk, CHROMIUM, root / "chromium-in-clerk-ns")
        yield net
    finally:
        topology.close()


def speech(seconds: float = 4.0, rate: int = 48000) -> bytes:
    """A voice's worth of sound without a voice: telephone-band noise in syllables (Opus spends on it what it
    spends on speech; a pure tone would cost it next to nothing). 16-bit mono PCM."""
    import numpy as np

    rng = np.random.default_rng(5)
    n = int(seconds * rate)
    spectrum = np.fft.rfft(rng.normal(0, 1, n))
    freqs = np.fft.rfftfreq(n, 1 / rate)
    spectrum[(freqs < 300) | (freqs > 3400)] = 0
    band = np.fft.irfft(spectrum, n)
    t = np.arange(n) / rate
    syllables = np.clip(np.sin(2 * np.pi * 4 * t), 0, None) * (np.sin(2 * np.pi * 0.5 * t) > -0.6)
    signal = band / np.abs(band).max() * syllables * 0.5
    return (signal * 32767).astype("<i2").tobytes()


@pytest.fixture(scope="module")
def voice(net: Net) -> Iterator[dict[str, str]]:
    """The terminal's microphone and speaker: two PulseAudio null sinks of this run, the resident speaking into
    the first without pause; the environment that points the terminal's process at them."""
    if subprocess.run(["pactl", "info"], capture_output=True).returncode != 0:
        pytest.fail("PulseAudio is not reachable: export XDG_RUNTIME_DIR and PULSE_SERVER (scripts/bootstrap.sh test)")
    name = net.topology.prefix.replace("-", "_")
    sweep_stale_sinks()
    modules = []
    try:
        for role in ("mic", "spk"):
            done = subprocess.run(
                ["pactl", "load-module", "module-null-sink", f"sink_name={name}{role}", "rate=48000", "channels=1"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            modules.append(done.stdout.strip())
        feeder = subprocess.Popen(
            ["pacat", "--playback", "-d", f"{name}mic", "--format=s16le", "--rate=48000", "--channels=1", "--raw"],
            stdin=subprocess.PIPE,
        )
        speaking = threading.Event()
        speaking.set()
        sound = speech()

        def speak() -> None:  # the sink takes it in real time: pacat blocks the pipe meanwhile
            while speaking.is_set():
                try:
                    feeder.stdin.write(sound)
                    feeder.stdin.flush()
                except (BrokenPipeError, ValueError, OSError):
                    return

        talker = threading.Thread(target=speak, daemon=True)
        talker.start()
        try:
            yield {"PULSE_SOURCE": f"{name}mic.monitor", "PULSE_SINK": f"{name}spk"}
        finally:
            speaking.clear()
            feeder.terminate()
            feeder.wait(10)
            talker.join(10)
            with contextlib.suppress(OSError):  # what it had not taken yet has nowhere to go
                feeder.stdin.close()
    finally:
        for module in modules:
            subprocess.run(["pactl", "unload-module", module], capture_output=True)


def sweep_stale_sinks() -> None:
    """Unload the null sinks of earlier runs whose process is gone (a killed pytest)."""
    listed = subprocess.run(["pactl", "list", "short", "modules"], capture_output=True, text=True).stdout
    for line in listed.splitlines():
        found = re.match(rf"(\d+)\s+module-null-sink\s+sink_name={netns.PREFIX}(\d+)_", line)
        if found and not Path(f"/proc/{found.group(2)}").exists():
            subprocess.run(["pactl", "unload-module", found.group(1)], capture_output=True)


# -- the two sides of a call ---------------------------------------------------------------------------------------


def wait_for(
    predicate: Callable[[], Any], timeout: float = 20.0, step: float = 0.1, what: str | Callable[[], str] = ""
) -> Any:
    """Poll until `predicate()` is truthy; its value. AssertionError naming `what` (or what it returns) after
    `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, f"not reached within {timeout:g} s: {what() if callable(what) else what}"
        time.sleep(step)


class Terminal:
    """The terminal's process in its namespace, spoken to in JSON lines."""

    def __init__(self, net: Net, hub_name: str, env: dict[str, str], media_timeout: float | None = None):
        argv = [sys.executable, str(RUNNER), net.hubs[hub_name], str(net.tokens[hub_name]), str(net.root / "footage")]
        if media_timeout is not None:
            argv.append(str(media_timeout))
        self.stderr = (net.root / f"terminal-{secrets.token_hex(2)}.log").open("wb")
        self.process = net.topology.popen(
            net.terminal, argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, text=True,
            cwd=REPO, env={**os.environ, **env},
        )  # fmt: skip
        self.events: list[dict[str, Any]] = []
        self.replies: queue.Queue[dict[str, Any]] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        ready = self.replies.get(timeout=60)
        assert ready.get("ready") is True, f"the terminal's camera gave no frames: {ready}"
        self.net = net

    def _read(self) -> None:
        for line in self.process.stdout:
            message = json.loads(line)
            if "event" in message:
                self.events.append(message["event"])
            else:
                self.replies.put(message)

    def do(self, command: str) -> None:
        self.process.stdin.write(json.dumps({"do": command}) + "\n")
        self.process.stdin.flush()

    def stats(self) -> dict[str, Any]:
        """The client's stats now, with the ICE path, the rung and the call ID."""
        self.do("stats")
        return self.replies.get(timeout=10)["stats"]

    def event(self, kind: str, timeout: float = 30.0) -> dict[str, Any]:
        """The first event of this type so far or soon."""
        return wait_for(lambda: next((e for e in self.events if e["type"] == kind), None), timeout, what=kind)

    def kinds(self) -> list[str]:
        return [e["type"] for e in self.events]

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.do("quit")
                self.process.wait(15)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.net.topology.stop(self.process)
        self.stderr.close()


@pytest.fixture
def terminal_for(net: Net, voice: dict[str, str]) -> Iterator[Callable[..., Terminal]]:
    """A factory: the terminal's process on a hub; stopped after the test."""
    made: list[Terminal] = []

    def make(hub_name: str = "turn", media_timeout: float | None = None) -> Terminal:
        made.append(Terminal(net, hub_name, voice, media_timeout))
        return made[-1]

    yield make
    for terminal in made:
        terminal.close()


@pytest.fixture(scope="module")
def browser(net: Net) -> Iterator[Any]:
    """Headless Chromium running inside the clerk's namespace (Playwright talks to it over a pipe)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # The page needs a secure context for the camera: https in production (kiosk hub serve --tls-cert), here
        # plain http on a public address, which Chromium is told to treat as secure.
        # No loopback candidates either: a clerk's browser has none (the flag is for the tests on one host).
        origins = ",".join(net.hubs.values())
        # A webcam at 15 fps (the fake one's 30 would double what the two shared cores decode and encode).
        flags = [f for f in FLAGS if "loopback" not in f and "fake-device" not in f] + [
            "--use-fake-device-for-media-stream=fps=15",
            f"--unsafely-treat-insecure-origin-as-secure={origins}",
        ]
        launched = playwright.chromium.launch(executable_path=str(net.chromium), args=flags)
        yield launched
        launched.close()


@pytest.fixture
def clerk_for(net: Net, browser: Any) -> Iterator[Callable[[str], Any]]:
    """A factory: the clerk's consult page on a hub, logged in; closed after the test (which ends its calls)."""
    contexts: list[Any] = []

    def make(hub_name: str = "turn") -> Any:
        context = browser.new_context(locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        url = net.hubs[hub_name]
        page.goto(url + "/clerk/consult")
        page.fill("#name", CLERK)
        page.fill("#password", PASSWORD)
        page.click("#login")
        page.click('nav a[href="/clerk/consult"]')
        page.wait_for_selector("#connection.ok")
        return page

    yield make
    for context in contexts:
        context.close()


def page_media(page: Any) -> dict[str, Any]:
    """The page's decoded/encoded video frames, received size, audio packets (bench/clerk_browser.py's reading)."""
    return page.evaluate(MEDIA_STATS_JS) or {}


def call(terminal: Terminal, page: Any) -> tuple[str, float]:
    """The resident calls, the clerk accepts; the call ID and the seconds from accept to media both ways."""
    terminal.do("start")
    call_id = terminal.event("queued")["call_id"]
    page.locator(f"#waiting-{call_id}").wait_for()
    accepted_at = time.monotonic()
    page.click("#accept-next")
    terminal.event("connected")
    wait_for(lambda: terminal.stats()["frames_received"] > 0, what="the clerk's picture at the terminal")
    wait_for(lambda: page_media(page).get("framesDecoded", 0) > 0, what="the terminal's picture on the page")
    return call_id, time.monotonic() - accepted_at


def flow(terminal: Terminal, page: Any, seconds: float) -> dict[str, float]:
    """Video frames and audio packets each way over `seconds` (counters read before and after)."""
    t0, p0, e0, start = terminal.stats(), page_media(page), page.evaluate(HEARD_JS), time.monotonic()
    time.sleep(seconds)
    t1, p1, e1 = terminal.stats(), page_media(page), page.evaluate(HEARD_JS)
    span = time.monotonic() - start
    return {
        "fps_to_terminal": (t1["frames_received"] - t0["frames_received"]) / span,
        "fps_to_clerk": (p1["framesDecoded"] - p0["framesDecoded"]) / span,
        "audio_to_terminal": (t1["audio_frames_received"] - t0["audio_frames_received"]) / span,
        "audio_to_clerk": (p1["audioPacketsIn"] - p0["audioPacketsIn"]) / span,
        "voice_heard": (e1 - e0) / span,  # the resident's voice, as the page hears it (0: silence)
    }


def trace(readings: list[dict[str, Any]]) -> str:
    """The ladder's readings, one short line each (for a failure's message)."""
    keys = ("level", "kbps_video", "kbps_budget", "kbps_sent", "loss", "rtt_ms")
    return "\n" + "\n".join(" ".join(f"{k}={r.get(k)}" for k in keys) for r in readings)


def report(text: str) -> None:
    print(f"\nconsult networks: {text}")


# -- the tests -----------------------------------------------------------------------------------------------------


def test_a_call_between_two_nats_goes_through_the_turn_relay(net: Net, terminal_for, clerk_for):
    page, terminal = clerk_for("turn"), terminal_for("turn")
    call_id, connect_s = call(terminal, page)

    # The only path is the relay: both ends' selected pairs have a relay candidate on them.
    path = wait_for(lambda: page.evaluate(PATH_JS), what="the page's selected candidate pair")
    assert "relay" in (path["local"], path["remote"]), path
    terminal_path = terminal.stats()["path"]
    assert terminal_path is not None and "relay" in terminal_path.values(), terminal_path

    rates = flow(terminal, page, 3.0)
    assert rates["fps_to_terminal"] > 5 and rates["fps_to_clerk"] > 5, rates
    assert rates["audio_to_terminal"] > 20 and rates["audio_to_clerk"] > 20, rates  # 50 a second each way
    assert rates["voice_heard"] > 0.001, rates  # sound, not silence, from the terminal's microphone
    devices = terminal.stats()
    assert devices["microphone"] == [True, ""] and devices["speaker"] == [True, ""], devices

    # The resident hangs up: the clerk's page lets go, the terminal closes its media.
    terminal.do("hang_up")
    assert terminal.event("ended")["reason"] == "resident"
    page.wait_for_function("() => window.consult.call === null && window.consult.pc === null")
    assert page.is_hidden("#call")
    stats = terminal.stats()
    assert stats["phase"] == "ended" and stats["path"] is None and stats["call_id"] == call_id
    report(
        f"TURN relay ({path['local']}->{path['remote']} at the clerk, {terminal_path['local']}->"
        f"{terminal_path['remote']} at the terminal): accept -> media both ways {connect_s:.2f} s; "
        f"fps clerk->terminal {rates['fps_to_terminal']:.1f}, terminal->clerk {rates['fps_to_clerk']:.1f}; "
        f"audio frames/s {rates['audio_to_terminal']:.0f} / {rates['audio_to_clerk']:.0f}"
    )


def test_a_weak_uplink_lowers_the_picture_keeps_the_voice_and_recovers(net: Net, terminal_for, clerk_for):
    page, terminal = clerk_for("turn"), terminal_for("turn")
    call(terminal, page)
    before = flow(terminal, page, 2.0)
    # The link turns weak during a call: the terminal has read the good link first (its lowest RTT, its rates).
    top = wait_for(
        lambda: (s := terminal.stats()).get("rtt_ms") is not None and s.get("kbps_video") is not None and s,
        what=lambda: f"the terminal's first link readings: {terminal.stats()}",
    )
    assert top["rung"] == 0 and top["level"] == "640x480@15", top

    net.topology.shape(net.terminal, "eth0", UPLINK_KBIT, latency_ms=UPLINK_QUEUE_MS)
    shaped_at, seen = time.monotonic(), []
    try:

        def stepped_down() -> bool:
            seen.append(terminal.stats())
            return seen[-1]["rung"] >= 2

        wait_for(stepped_down, 45, step=1.0, what=lambda: f"the picture two rungs down on the weak link: {trace(seen)}")
        down_s = time.monotonic() - shaped_at
        wait_for(lambda: 0 < page_media(page)["width"] < 640, what="a smaller picture on the clerk's page")
        weak = flow(terminal, page, 2.0)  # still on the weak link: the voice goes on both ways
        assert weak["audio_to_clerk"] > 20 and weak["audio_to_terminal"] > 20, weak
        assert weak["voice_heard"] > 0.001, weak
        assert weak["fps_to_clerk"] > 0, weak
        seen.append(terminal.stats())
        low = seen[-1]  # it may have gone further down meanwhile
    finally:
        net.topology.unshape(net.terminal, "eth0")
    restored_at, climbing = time.monotonic(), []

    def climbed() -> bool:
        climbing.append(terminal.stats())
        return climbing[-1]["rung"] < low["rung"]

    wait_for(climbed, 60, step=1.0, what=lambda: f"a rung back up on a good link: {trace(seen + climbing)}")
    up_s = time.monotonic() - restored_at
    after = terminal.stats()
    rungs = sorted({s["level"] for s in seen}, key=lambda level: [-float(n) for n in re.split("[x@]", level)])
    report(
        f"uplink {UPLINK_KBIT} kbit/s: rungs {' -> '.join(rungs)} within {down_s:.0f} s (video "
        f"{low.get('kbps_video')} kbit/s, the clerk's estimate {low.get('kbps_budget')}, all sent "
        f"{low.get('kbps_sent')}, peak loss {max(x.get('loss') or 0 for x in seen):.2f}, peak rtt "
        f"{max(x.get('rtt_ms') or 0 for x in seen)} ms); audio "
        f"frames/s on it {weak['audio_to_terminal']:.0f} / {weak['audio_to_clerk']:.0f} (before "
        f"{before['audio_to_terminal']:.0f} / {before['audio_to_clerk']:.0f}); link back -> {after['level']} "
        f"in {up_s:.0f} s"
    )
    terminal.do("hang_up")
    terminal.event("ended")


def test_a_short_cut_of_the_terminals_line_leaves_the_call_standing(net: Net, terminal_for, clerk_for):
    page, terminal = clerk_for("turn"), terminal_for("turn")
    call_id, _ = call(terminal, page)
    flow(terminal, page, 1.0)

    net.topology.cut(net.nat_terminal)
    time.sleep(3.0)
    to_terminal, to_clerk = terminal.stats()["frames_received"], page_media(page)["framesDecoded"]
    net.topology.restore(net.nat_terminal)
    restored_at, back = time.monotonic(), {}

    def flowing_again() -> bool:  # when each way has had a few frames more than during the cut
        now = time.monotonic() - restored_at
        if terminal.stats()["frames_received"] > to_terminal + 5:
            back.setdefault("to_terminal", now)
        if page_media(page)["framesDecoded"] > to_clerk + 5:
            back.setdefault("to_clerk", now)
        return len(back) == 2

    wait_for(flowing_again, 30, what=lambda: f"pictures both ways again (back so far: {back})")
    rates = flow(terminal, page, 2.0)
    assert rates["audio_to_terminal"] > 20 and rates["audio_to_clerk"] > 20, rates

    # The same call: nobody redialled, nothing ended, the clerk still has it.
    stats = terminal.stats()
    assert stats["call_id"] == call_id and stats["phase"] == "in_call", stats
    assert terminal.kinds().count("queued") == 1 and "ended" not in terminal.kinds(), terminal.kinds()
    assert page.evaluate("window.consult.call && window.consult.call.id") == call_id
    report(
        f"3 s cut of the terminal's line: pictures again {back['to_terminal']:.2f} s (clerk->terminal) and "
        f"{back['to_clerk']:.2f} s (terminal->clerk) after it came back "
        f"(offers {page.evaluate('window.consult.offers')}, signalling reconnects {stats['reconnects']}); "
        f"fps after {rates['fps_to_terminal']:.1f} / {rates['fps_to_clerk']:.1f}"
    )
    terminal.do("hang_up")
    terminal.event("ended")


def test_without_turn_the_call_gets_no_media_and_the_resident_is_told(net: Net, terminal_for, clerk_for):
    page, terminal = clerk_for("stun"), terminal_for("stun", media_timeout=4.0)
    terminal.do("start")
    call_id = terminal.event("queued")["call_id"]
    page.locator(f"#waiting-{call_id}").wait_for()
    accepted_at = time.monotonic()
    page.click("#accept-next")
    terminal.event("accepted")
    # STUN works through the NAT (a server-reflexive candidate), yet no pair can connect.
    candidates = wait_for(lambda: terminal.stats().get("candidates"), what="the terminal's gathered candidates")
    assert "srflx" in candidates and "relay" not in candidates, candidates
    error = terminal.event("error", timeout=40)
    ended = terminal.event("ended", timeout=10)
    told_s = time.monotonic() - accepted_at
    assert error["detail"] == "media" and ended["reason"] == "error"
    assert "connected" not in terminal.kinds()
    assert terminal.stats()["frames_received"] == 0
    page.wait_for_function("() => window.consult.call === null")  # the hub ended it on the clerk's side too
    assert "连接出错" in page.inner_text("#events")
    report(f"no TURN: the resident told 'media' {told_s:.1f} s after accept (media_timeout 4 s, one retry)")
