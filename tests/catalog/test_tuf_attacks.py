"""Attacks on catalog updates, each through a real HTTP server on 127.0.0.1 that misbehaves on purpose: every check
fails with a reason naming the attack, and the installed catalog is untouched and still opens."""

from __future__ import annotations

import contextlib
import json
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata, Root, TargetFile, Targets, Timestamp

from catalog import installed, tuf_repo
from catalog.store import CatalogStore
from catalog.updater import CatalogUpdater, UpdateResult

TIMEOUT, STALL = 2.5, 1.0  # the terminal's budget for a whole check, and for silence


@dataclass
class Behaviour:
    """What the server does: which folder it serves, replaced files, and paths it answers badly."""

    root: Path
    replaced: dict[str, bytes] = field(default_factory=dict)  # URL path -> body
    modes: dict[str, str] = field(
        default_factory=dict
    )  # URL path suffix -> silent | trickle | trickle_headers | endless
    release: threading.Event = field(default_factory=threading.Event)


class Misbehaving(SimpleHTTPRequestHandler):
    """A static file server that can stall, trickle, send endless data or serve other bytes on purpose."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        self.directory = str(self.server.behaviour.root)
        return super().translate_path(path)

    def _slowly(self, data: bytes, step: float = 0.1) -> None:
        for n in range(len(data)):
            if self.server.behaviour.release.wait(step):
                return
            self.wfile.write(data[n : n + 1])
            self.wfile.flush()

    def do_GET(self) -> None:
        behaviour: Behaviour = self.server.behaviour
        path = self.path.split("?", 1)[0]
        mode = next((m for suffix, m in behaviour.modes.items() if path.endswith(suffix)), None)
        # The terminal hanging up on a misbehaving server is what it should do.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if mode == "silent":  # accepts, reads the request, sends nothing
                behaviour.release.wait(30)
            elif mode == "trickle_headers":
                self._slowly(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 9\r\n\r\n")
            elif mode == "trickle":
                body = Path(self.translate_path(path)).read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self._slowly(body)
            elif mode == "endless":
                self.send_response(200)
                self.end_headers()  # no length: data until the client hangs up
                while not behaviour.release.is_set():
                    self.wfile.write(b"\0" * 65536)
            elif path in behaviour.replaced:
                body = behaviour.replaced[path]
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                super().do_GET()


@dataclass
class World:
    """A repository with catalog v1 published, its server, and a terminal that installed v1."""

    repo: Path
    keys: Path
    behaviour: Behaviour
    url: str
    terminal: CatalogUpdater
    pointer: bytes = b""

    def remember(self) -> None:
        """What is installed now, to check later that an attack changed nothing."""
        self.pointer = (self.terminal.bundles_dir / "current.json").read_bytes()

    def check(self) -> UpdateResult:
        return self.terminal.check()

    def assert_kept(self, result: UpdateResult, version: str, *words: str) -> None:
        """The check failed naming the attack; the catalog installed before is still current and opens."""
        assert result.status == "failed", result
        for word in words:
            assert word in result.error, result.error
        assert result.version == version and result.previous == version
        assert (self.terminal.bundles_dir / "current.json").read_bytes() == self.pointer
        path = installed.resolve(self.terminal.bundles_dir)
        assert path is not None and str(path) == result.path
        with CatalogStore(path) as store:
            assert store.version == version and store.stats()["total"] == 1304
        assert not list(self.terminal.bundles_dir.glob("*.tmp"))


@contextlib.contextmanager
def make_world(tmp_path: Path, bundle: Path, **key_options) -> Iterator[World]:
    keys, repo = tmp_path / "keys", tmp_path / "repo"
    tuf_repo.init_keys(keys, **key_options)
    tuf_repo.init_repo(repo, keys)
    tuf_repo.publish_bundle(repo, keys, bundle)
    behaviour = Behaviour(repo)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    server.behaviour = behaviour
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    root = (repo / "metadata" / "1.root.json").read_bytes()
    updater = CatalogUpdater(tmp_path / "t" / "tuf", url, tmp_path / "t" / "bundles", root, TIMEOUT, STALL)
    world = World(repo, keys, behaviour, url, updater)
    first = world.check()
    assert first.status == "installed", first.error
    world.remember()
    try:
        yield world
    finally:
        behaviour.release.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def world(tmp_path: Path, bundle_path: Path) -> Iterator[World]:
    with make_world(tmp_path, bundle_path) as made:
        yield made


def current_targets(world: World) -> tuple[Path, Metadata[Targets]]:
    _, targets, _, _ = tuf_repo._load_current(world.repo)
    return world.repo / "metadata" / f"{targets.signed.version}.targets.json", targets


def test_tampered_bundle_bytes(world: World, bundle_v2: Path):
    published = tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2)
    stored = world.repo / "targets" / f"{published.sha256}.catalog.sqlite"
    data = bytearray(stored.read_bytes())
    data[100_000:100_016] = b"\xff" * 16  # same length, other bytes
    stored.write_bytes(bytes(data))
    world.assert_kept(world.check(), "2026.11.26", "does not match the size and hash", "tampered")
    assert not (world.terminal.bundles_dir / ".incoming" / "catalog.sqlite").exists()


def test_metadata_edited_without_signing(world: World, bundle_v2: Path):
    tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2)
    path, _ = current_targets(world)
    doc = json.loads(path.read_text())
    doc["signed"]["targets"]["catalog.sqlite"]["custom"]["version"] = "2099.01.01"
    path.write_text(json.dumps(doc))
    world.assert_kept(world.check(), "2026.11.26", "not validly signed", "changed after signing")


def test_metadata_signed_with_a_wrong_key(world: World, bundle_v2: Path):
    """The attacker serves their own catalog under targets metadata they signed with their own key."""
    tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2)
    path, targets = current_targets(world)
    evil = world.repo / "targets" / "evil.sqlite"
    shutil.copyfile(bundle_v2, evil)
    target = TargetFile.from_file("catalog.sqlite", str(evil), ["sha256"])
    evil.rename(world.repo / "targets" / f"{target.hashes['sha256']}.catalog.sqlite")
    target.unrecognized_fields["custom"] = {"version": "2026.11.27", "items": 1304}
    targets.signed.targets = {"catalog.sqlite": target}
    targets.sign(CryptoSigner.generate_ed25519())
    path.write_bytes(targets.to_bytes())
    world.assert_kept(world.check(), "2026.11.26", "not validly signed", "wrong key")


def test_a_root_signed_only_by_an_attacker(world: World):
    root = Metadata[Root].from_file(str(world.repo / "metadata" / "1.root.json"))
    attacker = CryptoSigner.generate_ed25519()
    for role in tuf_repo.ROLES:
        root.signed.add_key(attacker.public_key, role)
    root.signed.version = 2
    root.sign(attacker)
    (world.repo / "metadata" / "2.root.json").write_bytes(root.to_bytes())
    world.assert_kept(world.check(), "2026.11.26", "not validly signed")


def test_rollback_to_an_older_repository(world: World, bundle_v2: Path, tmp_path: Path):
    old = tmp_path / "old-repo"
    shutil.copytree(world.repo, old)  # what the server held when v1 was current
    tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2)
    assert world.check().status == "installed"
    world.remember()
    world.behaviour.root = old
    world.assert_kept(world.check(), "2026.11.27", "older signed files", "rollback")


def test_frozen_metadata_past_its_expiry(world: World, bundle_v2: Path, tmp_path: Path):
    lifetimes = tuf_repo.Lifetimes(timestamp=timedelta(seconds=3))
    tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2, lifetimes)
    assert world.check().status == "installed"
    world.remember()
    # The server now keeps serving these files (newer publications are withheld) until they expire.
    expires = Metadata[Timestamp].from_file(str(world.repo / "metadata" / "timestamp.json")).signed.expires
    time.sleep(max(0.0, (expires - datetime.now(UTC)).total_seconds()) + 0.3)
    world.assert_kept(world.check(), "2026.11.27", "expired", "freeze")
    root = (world.repo / "metadata" / "1.root.json").read_bytes()
    fresh = CatalogUpdater(tmp_path / "fresh" / "tuf", world.url, tmp_path / "fresh" / "bundles", root, TIMEOUT, STALL)
    result = fresh.check()
    assert result.status == "failed" and "freeze" in result.error and result.version == ""
    assert installed.resolve(fresh.bundles_dir) is None


def test_endless_data(world: World, bundle_v2: Path):
    tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2)
    world.behaviour.modes = {".catalog.sqlite": "endless"}
    started = time.monotonic()
    world.assert_kept(world.check(), "2026.11.26", "more data than was signed", "cut off")
    world.behaviour.modes = {"/timestamp.json": "endless"}  # metadata too: cut at ngclient's 16 KB limit
    world.assert_kept(world.check(), "2026.11.26", "more data than was signed")
    assert time.monotonic() - started < TIMEOUT


def test_mix_and_match(world: World, bundle_path: Path, bundle_v2: Path):
    """Timestamp and snapshot of the newest publication served with the targets file of an older one."""
    older, _ = current_targets(world)
    tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2)
    newer, _ = current_targets(world)
    world.behaviour.replaced = {f"/metadata/{newer.name}": older.read_bytes()}
    world.assert_kept(world.check(), "2026.11.26", "different publications", "mix-and-match")
    # And a snapshot from another publication than the timestamp names.
    world.behaviour.replaced = {}
    tuf_repo.publish_bundle(world.repo, world.keys, bundle_path)  # a third publication
    timestamp = Metadata[Timestamp].from_file(str(world.repo / "metadata" / "timestamp.json"))
    snapshot_version = timestamp.signed.snapshot_meta.version
    older_snapshot = (world.repo / "metadata" / f"{snapshot_version - 1}.snapshot.json").read_bytes()
    world.behaviour.replaced = {f"/metadata/{snapshot_version}.snapshot.json": older_snapshot}
    world.assert_kept(world.check(), "2026.11.26", "mix-and-match")


@pytest.mark.parametrize(
    ("mode", "where", "bound"),
    [
        ("silent", "/timestamp.json", STALL),  # accepts and sends nothing
        ("trickle_headers", ".snapshot.json", TIMEOUT),  # a byte of the answer every 0.1 s
        ("trickle", ".catalog.sqlite", TIMEOUT),  # the bundle a byte every 0.1 s
    ],
)
def test_a_stalling_server_is_given_up_on_in_bounded_time(world: World, bundle_v2: Path, mode, where, bound):
    tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2)
    world.behaviour.modes = {where: mode}
    started = time.monotonic()
    result = world.check()
    took = time.monotonic() - started
    world.assert_kept(result, "2026.11.26", "stalled or sent too slowly")
    assert bound * 0.8 < took < 2 * bound + 5, took  # given up on by the timeout, not hung on


def test_a_threshold_is_not_met_by_one_signature(tmp_path: Path, bundle_path: Path, bundle_v2: Path):
    with make_world(tmp_path, bundle_path, role_keys=2, thresholds={"targets": 2}) as world:
        tuf_repo.publish_bundle(world.repo, world.keys, bundle_v2)
        path, targets = current_targets(world)
        assert len(targets.signatures) == 2
        targets.signatures.popitem()  # one of the two targets keys signed it
        path.write_bytes(targets.to_bytes())
        world.assert_kept(world.check(), "2026.11.26", "not validly signed")
