"""Shared fixtures: one catalog bundle built from the bundled source per test session."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "catalog" / "source"
QUERIES = REPO / "tests" / "data" / "search_queries.csv"
HELD_OUT_QUERIES = REPO / "tests" / "data" / "search_queries_heldout.csv"
SHARED_DATA = REPO.parent / "shared" / "data"
ID_NUMBER = "440112199003070025"  # made up, with a valid GB 11643 check character


@pytest.fixture(scope="session")
def bundle_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample catalog compiled once for the whole session."""
    from catalog.build import build_from_source

    out = tmp_path_factory.mktemp("catalog") / "catalog.sqlite"
    build_from_source(SOURCE, out)
    return out


@pytest.fixture(scope="session")
def store(bundle_path: Path):
    """The session's bundle opened read-only."""
    from catalog.store import CatalogStore

    with CatalogStore(bundle_path) as opened:
        yield opened


@pytest.fixture
def kiosk_env(tmp_path: Path, bundle_path: Path) -> dict[str, str]:
    """Environment for running the `kiosk` command against the session bundle and a private data dir."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "NOTIFY_SOCKET", "WATCHDOG_"))}
    env["KIOSK_TERMINAL_DATA_DIR"] = str(tmp_path / "data")
    env["KIOSK_CATALOG_BUNDLE"] = str(bundle_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KIOSK_HUB_SERVE_LOCAL"] = "false"  # a test that wants the embedded local hub turns it on, on a free port
    return env


@pytest.fixture(scope="session")
def ime_dictionary(tmp_path_factory: pytest.TempPathFactory, store) -> Path:
    """The pinyin input dictionary with the catalog's words, built once per session."""
    from kiosk.ime.dictionary import build_dictionary, catalog_extra_words

    out = tmp_path_factory.mktemp("ime") / "pinyin.sqlite"
    build_dictionary(out, catalog_extra_words(store.records()))
    return out


@pytest.fixture(scope="session")
def qapp():
    """The application as the terminal makes it (font, GL sharing for QtWebEngine), for pytest-qt."""
    from ui.app import make_application

    return make_application()


class PrivateCups:
    """A CUPS scheduler of the test's own on 127.0.0.1 with one raw queue whose device is a TCP socket
    (AppSocket, as a network laser printer listens on port 9100): what reaches the socket is what would print."""

    def __init__(self, root: Path):
        import getpass
        import grp
        import pwd
        import shutil
        import socket
        import subprocess
        import threading
        import time

        self.root = root
        for sub in ("spool", "cache", "state", "log", "ppd"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        # cupsd refuses to run jobs as root: under root (CI's sudo) it drops to Debian's "lp" user.
        user = "lp" if os.geteuid() == 0 else getpass.getuser()
        group = grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server = f"127.0.0.1:{self.port}"
        (root / "cupsd.conf").write_text(
            f"Listen {self.server}\nLogLevel warn\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
            "<Location />\n  Order allow,deny\n  Allow 127.0.0.1\n</Location>\n"
            "<Location /admin>\n  Order allow,deny\n  Allow 127.0.0.1\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        (root / "cups-files.conf").write_text(
            f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\nStateDir {root}/state\n"
            f"TempDir {root}/spool\nAccessLog {root}/log/access_log\nErrorLog {root}/log/error_log\n"
            f"PageLog {root}/log/page_log\nUser {user}\nGroup {group}\n"
            f"SystemGroup {grp.getgrgid(os.getegid()).gr_name}\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
        )
        if os.geteuid() == 0:
            for sub in ("spool", "cache", "state", "log"):
                shutil.chown(root / sub, user, group)
        self.process = subprocess.Popen(
            [
                shutil.which("cupsd") or "/usr/sbin/cupsd",
                "-f",
                "-c",
                str(root / "cupsd.conf"),
                "-s",
                str(root / "cups-files.conf"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while (
            subprocess.run(["lpstat", "-h", self.server, "-r"], capture_output=True, text=True).stdout.find(
                "is running"
            )
            < 0
        ):
            assert time.monotonic() < deadline and self.process.poll() is None, "private cupsd did not start"
            time.sleep(0.1)
        # The "printer": a TCP listener collecting each connection's bytes as one job.
        self.jobs: list[bytes] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.printer_port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                data = bytearray()
                while chunk := conn.recv(65536):
                    data += chunk
                self.jobs.append(bytes(data))

    def add_queue(self, name: str) -> None:
        """A raw queue sending jobs to the listener."""
        import subprocess

        subprocess.run(
            [
                "lpadmin",
                "-h",
                self.server,
                "-p",
                name,
                "-E",
                "-v",
                f"socket://127.0.0.1:{self.printer_port}",
                "-m",
                "raw",
            ],
            check=True,
            capture_output=True,
        )

    def close(self) -> None:
        """Stop the scheduler and the listener."""
        self.process.terminate()
        self.process.wait(timeout=10)
        self.listener.close()


@pytest.fixture
def private_cups():
    """A private CUPS scheduler with a queue "kiosk-a4" (scripts/bootstrap.sh installs CUPS)."""
    import shutil
    import tempfile

    if shutil.which("cupsd") is None and not Path("/usr/sbin/cupsd").exists():
        pytest.skip("CUPS is not installed (scripts/bootstrap.sh installs it)")
    # Not under pytest's tmp_path: CUPS's backends run as an unprivileged user and must reach the spool.
    root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
    root.chmod(0o755)
    cups = PrivateCups(root)
    try:
        cups.add_queue("kiosk-a4")
        yield cups
    finally:
        cups.close()
        shutil.rmtree(root, ignore_errors=True)


FACE_IMAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "faces" / "images"


@pytest.fixture(scope="module")
def models():
    """dlib's face models (loaded once per process; the fixture hands them to the face tests)."""
    from kiosk.face.models import load_models

    return load_models()


@pytest.fixture(scope="module")
def reference(models):
    """An ID card chip photo made from img1, an older photo of the person the scripted live frames show (img6);
    per module, since a verifier's wipe zeroes it."""
    import cv2

    from kiosk.face.reference import chip_style, prepare_reference

    return prepare_reference(chip_style(cv2.imread(str(FACE_IMAGES / "img1.jpg")), models), models, source="chip")


class HubProcess:
    """`kiosk hub serve` as a subprocess on a free 127.0.0.1 port over a SQLite file, with one terminal's token
    written by `kiosk hub add-terminal --token-file`: the real hub a terminal talks to, which a test can stop
    (the hub is down) and start again at the same address."""

    def __init__(self, root: Path, bundle: Path, terminal_id: str = "hp-test-01", pki: MqttPki | None = None):
        import socket
        import subprocess
        import sys

        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.db_url = f"sqlite:///{root / 'hub.sqlite3'}"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.pki = pki  # with a PKI: https:// and wss:// with its server certificate (clients trust pki.ca_file)
        self.url = f"{'https' if pki else 'http'}://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        self.env.update(KIOSK_TERMINAL_DATA_DIR=str(root / "data"), KIOSK_CATALOG_BUNDLE=str(bundle))
        self.command = [sys.executable, "-m", "kiosk", "hub"]
        self.terminal_id = terminal_id
        self.token_file = root / "hub-token"
        subprocess.run(
            [*self.command, "add-terminal", terminal_id, "--token-file", str(self.token_file), "--db", self.db_url],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=60,
        )
        self.process = None
        self._engine = None
        self.start()

    @property
    def token(self) -> str:
        """This terminal's bearer token."""
        return self.token_file.read_text(encoding="utf-8").strip()

    @property
    def headers(self) -> dict[str, str]:
        """The Authorization header of this terminal."""
        return {"Authorization": f"Bearer {self.token}"}

    def start(self, timeout: float = 30.0) -> None:
        """Serve (again) at the same port; returns once the health check answers."""
        import subprocess
        import time

        import requests

        log = open(self.root / "hub.log", "ab")  # noqa: SIM115 - the subprocess writes to it until stopped
        tls = ["--tls-cert", str(self.pki.server_cert), "--tls-key", str(self.pki.server_key)] if self.pki else []
        self.process = subprocess.Popen(
            [*self.command, "serve", "--port", str(self.port), "--db", self.db_url, *tls],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            assert self.process.poll() is None, (self.root / "hub.log").read_text(errors="replace")
            try:
                verify = str(self.pki.ca_file) if self.pki else True
                if requests.get(self.url + "/api/v1/health", timeout=1, verify=verify).ok:
                    return
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "the hub did not start"
            time.sleep(0.1)

    def stop(self) -> None:
        """Stop serving (SIGTERM, as a supervisor would): the terminal then finds no hub."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.process = None

    def client(self):
        """The terminal's HubClient for this hub."""
        from kiosk.hub_client import HubClient, read_token

        return HubClient(self.url, read_token(self.token_file), ca_file=str(self.pki.ca_file) if self.pki else "")

    def submit(self, **changes) -> dict:
        """POST a submission as this terminal would (keyword arguments replace top-level fields); its body."""
        import base64
        import uuid
        from datetime import date, datetime

        import cv2
        import numpy as np
        import requests

        from kiosk.tracking import make_status_code, make_tracking_no

        png = base64.b64encode(cv2.imencode(".png", np.full((24, 32, 3), 220, np.uint8))[1].tobytes()).decode()
        body = {
            "tracking_no": make_tracking_no(date.today()),
            "status_code": make_status_code(),
            "item": {"id": "hp-00009", "code": "11440112MB1435698X442B01", "name": "人民防空工程平时使用备案",
                     "promised_days": 3},
            "applicant": {"name": "张三", "id_number": "440112199003070025", "verified": "face"},
            "form": {"phone": "13800138000"},
            "delivery": {"method": "ems", "recipient": "张三", "phone": "13800138000",
                         "address": "广州市黄埔区开创大道 1 号"},
            "materials": [],
            "signature": {"png_b64": png, "strokes": [[[10, 12, 0, 0.5], [14, 18, 16, 0.6]]]},
            "submitted_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "language": "zh_CN",
        }  # fmt: skip
        body.update(changes)
        reply = requests.post(
            self.url + "/api/v1/submissions",
            json=body,
            headers={**self.headers, "Idempotency-Key": f"sub-{uuid.uuid4()}"},
            timeout=30,
            verify=str(self.pki.ca_file) if self.pki else True,
        )
        assert reply.status_code == 201, reply.text
        return body

    def move(self, tracking_no: str, *targets: str, **details) -> None:
        """Move a submission through statuses as a clerk would (hub.submissions.move on the hub's database)."""
        from hub.db import make_engine
        from hub.submissions import move

        if self._engine is None:
            self._engine = make_engine(self.db_url)
        for target in targets:
            move(self._engine, tracking_no, target, "测试科员", **(details if target == targets[-1] else {}))

    def close(self) -> None:
        """Stop the hub and release the database."""
        self.stop()
        if self._engine is not None:
            self._engine.dispose()


@pytest.fixture(scope="module")
def hub_process(tmp_path_factory: pytest.TempPathFactory, bundle_path: Path):
    """A real hub subprocess (SQLite) for the module, with one terminal's token; restarted if a test stopped it."""
    hub = HubProcess(tmp_path_factory.mktemp("hub"), bundle_path)
    try:
        yield hub
    finally:
        hub.close()


@pytest.fixture
def live_hub(hub_process: HubProcess) -> HubProcess:
    """The module's hub, serving at the start of the test (a test before may have stopped it)."""
    if hub_process.process is None:
        hub_process.start()
    return hub_process


@pytest.fixture
def hub_window(qtbot, live_hub: HubProcess, store, ime_dictionary: Path, tmp_path: Path):
    """The terminal's window as the app builds it (services, simulated devices, the keyboard with its dictionary)
    talking to the module's real hub; `win.hub` is the hub, `win.devices` the devices."""
    import shutil

    from kiosk.config import load_config
    from ui.app import build_services, build_window, ime_path

    config = load_config(
        environ={
            "KIOSK_TERMINAL_DATA_DIR": str(tmp_path / "data"),
            "KIOSK_HUB_URL": live_hub.url,
            "KIOSK_HUB_TOKEN_FILE": str(live_hub.token_file),
        }
    )
    ime_path(config).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ime_dictionary, ime_path(config))
    services = build_services(config, store, background=False)
    services.pop("voice", None)
    win = build_window(config, store, services)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    win.hub, win.devices = live_hub, services["devices"]
    try:
        yield win
    finally:
        win.session.end("finish")
        lookup = getattr(win, "lookup", None)
        if lookup is not None:
            lookup.close()
        qtbot.waitUntil(lambda: win.capture.camera_jobs.idle(), timeout=10_000)
        win.allow_close = True
        services["devices"].close()
        for name in ("outbox",):
            if hasattr(services.get(name), "close"):
                services[name].close()


@pytest.fixture
def touch_type(qtbot):
    """Type on the on-screen keyboard as a resident does: `touch_type(keyboard, "HP12", ("zhang", "张"))` taps
    digits in 123 mode, letters in ABC mode, and for (pinyin, word) taps the letters in 拼音 mode and then the
    candidate showing the word."""
    from ui.qt import Qt

    def tap(keyboard, name: str) -> None:
        qtbot.mouseClick(keyboard.keys[name], Qt.MouseButton.LeftButton)

    def to_mode(keyboard, mode: str) -> None:
        for _ in range(3):
            if keyboard.mode() == mode:
                return
            tap(keyboard, "mode")
        assert keyboard.mode() == mode

    def type_(keyboard, *parts) -> None:
        for part in parts:
            if isinstance(part, tuple):
                letters, word = part
                to_mode(keyboard, "拼音")
                for ch in letters:
                    tap(keyboard, ch)
                qtbot.waitUntil(lambda w=word: any(b.text() == w for b in keyboard.candidate_buttons), timeout=5000)
                button = next(b for b in keyboard.candidate_buttons if b.text() == word and b.isVisible())
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                continue
            for ch in part:
                to_mode(keyboard, "123" if ch.isdigit() else "ABC")
                tap(keyboard, ch.lower())

    return type_


# -- submissions as a terminal sends them (the hub's tests and the terminal's delivery tests) ---------------
@pytest.fixture(scope="session")
def images() -> dict[str, bytes]:
    """Small real JPEG and PNG files."""
    import cv2
    import numpy as np

    picture = np.full((48, 64, 3), 200, np.uint8)
    cv2.putText(picture, "HP", (8, 36), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (20, 40, 160), 2)
    return {"jpeg": cv2.imencode(".jpg", picture)[1].tobytes(), "png": cv2.imencode(".png", picture)[1].tobytes()}


def b64(data: bytes) -> str:
    """Base64 text of bytes."""
    return base64.b64encode(data).decode()


@pytest.fixture
def make_submission(images: dict[str, bytes]) -> Callable[..., dict[str, Any]]:
    """A factory of valid submission bodies (keyword arguments replace top-level fields)."""

    from hub.clock import HUB_TZ
    from kiosk.tracking import make_status_code, make_tracking_no

    def make(**changes: Any) -> dict[str, Any]:
        body = {
            "tracking_no": make_tracking_no(date.today()),
            "status_code": make_status_code(),
            "item": {
                "id": "hp-00009",
                "code": "11440112MB1435698X442B01",
                "name": "人民防空工程平时使用备案",
                "promised_days": 3,
            },
            "applicant": {"name": "张三", "id_number": ID_NUMBER, "verified": "face"},
            "form": {"company_name": "广州示例科技有限公司", "phone": "13800138000"},
            "delivery": {
                "method": "ems",
                "recipient": "张三",
                "phone": "13800138000",
                "address": "广州市黄埔区开创大道 1 号",
            },
            "materials": [
                {
                    "name": "营业执照（副本）",
                    "kind": "business_license",
                    "fields": {"credit_code": "91440112MA5CXXXX0X"},
                    "image_jpeg_b64": b64(images["jpeg"]),
                },
                {
                    "name": "居民身份证（人像面）",
                    "kind": "id_card_front",
                    "fields": {},
                    "image_jpeg_b64": b64(images["png"]),
                },
            ],
            "signature": {"png_b64": b64(images["png"]), "strokes": [[[10, 12, 0, 0.5], [14, 18, 16, 0.6]]]},
            "submitted_at": datetime.now(HUB_TZ).isoformat(timespec="seconds"),
            "language": "zh_CN",
        }
        body.update(changes)
        return body

    return make


# -- residents in front of the face camera (the face screen's tests and the application journey) ------------
class FaceActor:
    """Plays a scripted subject (kiosk.face.synth) on the camera simulator at 15 fps, doing what the verifier
    on screen asks."""

    def __init__(self, win, sim, subject) -> None:
        import threading

        self.win, self.sim, self.subject = win, sim, subject
        self.running = True
        self.seen: str | None = None
        self.thread = threading.Thread(target=self.run, daemon=True)

    def start(self) -> None:
        """Step in front of the camera."""
        self.thread.start()

    def run(self) -> None:
        """Frames until stopped."""
        import time

        start = time.monotonic()
        while self.running:
            t = time.monotonic() - start
            verifier = self.win.session.data.face.verifier
            challenge = verifier.challenge if verifier is not None else None
            if challenge != self.seen:
                self.seen = challenge
                self.subject.respond(challenge, t)
            self.sim.show(self.subject.frame(t))
            time.sleep(1 / 15)


@pytest.fixture(scope="session")
def face_photos():
    """The shared photos of one identity: `face_photos("id01")` -> list of BGR images."""
    import csv

    import cv2

    faces = SHARED_DATA / "faces"

    def photos_of(identity: str):
        with open(faces / "identities.csv", newline="") as f:
            names = [row["img"] for row in csv.DictReader(f) if row["identity"] == identity]
        return [cv2.imread(str(faces / "images" / name)) for name in names]

    return photos_of


@pytest.fixture
def face_actor():
    """A factory: `face_actor(win, camera_sim, subject)` starts a FaceActor, stopped after the test."""
    actors: list[FaceActor] = []

    def make(win, sim, subject) -> FaceActor:
        actor = FaceActor(win, sim, subject)
        actors.append(actor)
        actor.start()
        return actor

    yield make
    for actor in actors:
        actor.running = False
        actor.thread.join(timeout=5)


# -- a private MQTT broker (the fleet link's tests): Debian's mosquitto on 127.0.0.1, started per test -----------
def personal_data_on_disk(root: Path, needles: dict[str, bytes]) -> list[str]:
    """Every "file: what" where a needle (a name, an ID number, a photo's bytes, ...) lies in clear under `root`:
    what a person with the disk would read. SQLite files are read with their -wal journals like any file."""
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        data = path.read_bytes()
        found += [f"{path.relative_to(root)}: {what}" for what, needle in needles.items() if needle and needle in data]
    return found


class MqttPki:
    """A throwaway CA with a server certificate for 127.0.0.1/localhost and a client certificate (mutual TLS), and
    an unrelated CA that must not be trusted: PEM files under `root` (tests only)."""

    def __init__(self, root: Path):
        from datetime import UTC, timedelta
        from ipaddress import IPv4Address

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

        now = datetime.now(UTC)

        def name(cn: str) -> x509.Name:
            return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

        def write(stem: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> tuple[Path, Path]:
            cert_path, key_path = root / f"{stem}.crt", root / f"{stem}.key"
            cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
            key_path.write_bytes(
                key.private_bytes(
                    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
            )
            key_path.chmod(0o600)
            return cert_path, key_path

        def issue(cn: str, key, issuer: x509.Name, issuer_key, ca: bool, usage=None, san=None) -> x509.Certificate:
            builder = (
                x509.CertificateBuilder()
                .subject_name(name(cn))
                .issuer_name(issuer)
                .public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(minutes=5))
                .not_valid_after(now + timedelta(days=2))
                .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .add_extension(
                    x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
                )
            )
            if ca:
                builder = builder.add_extension(
                    x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
                )
            else:
                builder = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
            if san:
                builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
            return builder.sign(issuer_key, hashes.SHA256())

        ca_key, other_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
        ca = issue("kiosk test CA", ca_key, name("kiosk test CA"), ca_key, True)
        other = issue("some other CA", other_key, name("some other CA"), other_key, True)
        server_key, client_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
        san = [x509.DNSName("localhost"), x509.IPAddress(IPv4Address("127.0.0.1"))]
        server = issue("127.0.0.1", server_key, ca.subject, ca_key, False, ExtendedKeyUsageOID.SERVER_AUTH, san)
        client = issue("kiosk-terminal", client_key, ca.subject, ca_key, False, ExtendedKeyUsageOID.CLIENT_AUTH)
        self.ca_file, _ = write("ca", ca, ca_key)
        self.other_ca_file, _ = write("other-ca", other, other_key)
        self.server_cert, self.server_key = write("server", server, server_key)
        self.client_cert, self.client_key = write("client", client, client_key)


class Mosquitto:
    """One mosquitto broker of the test's own: a plain listener on `port` and, with a PKI, a TLS one on `tls_port`
    (both 127.0.0.1, persistence off); with `users`, a password file and no anonymous access."""

    host = "127.0.0.1"

    def __init__(
        self,
        root: Path,
        users: dict[str, str] | None = None,
        pki: MqttPki | None = None,
        require_certificate: bool = False,
    ):
        import shutil
        import socket
        import subprocess

        def free_port() -> int:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                return probe.getsockname()[1]

        self.binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        self.root, self.pki, self.users = root, pki, dict(users or {})
        self.port = free_port()
        self.tls_port = free_port() if pki else None
        self.log_path = root / "mosquitto.log"
        lines = ["per_listener_settings false", "persistence false", "log_dest stderr", "log_type all"]
        if os.geteuid() == 0:
            lines.append("user root")  # else mosquitto drops to its own user and cannot read the files made here
        if self.users:
            passwd = root / "passwd"
            for number, (user, password) in enumerate(self.users.items()):
                create = ["-c"] if number == 0 else []
                subprocess.run(["mosquitto_passwd", *create, "-b", str(passwd), user, password], check=True)
            lines += [f"password_file {passwd}", "allow_anonymous false"]
        else:
            lines.append("allow_anonymous true")
        lines.append(f"listener {self.port} {self.host}")
        if pki is not None:
            lines += [
                f"listener {self.tls_port} {self.host}",
                f"cafile {pki.ca_file}",
                f"certfile {pki.server_cert}",
                f"keyfile {pki.server_key}",
                f"require_certificate {'true' if require_certificate else 'false'}",
            ]
        self.config_path = root / "mosquitto.conf"
        self.config_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self, timeout: float = 10.0) -> None:
        """Start the broker (again, on the same ports) and wait until every listener accepts connections."""
        import socket
        import subprocess
        import time

        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [self.binary, "-c", str(self.config_path)], stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        for port in (p for p in (self.port, self.tls_port) if p):
            while True:
                assert self.process.poll() is None, self.log_path.read_text(errors="replace")
                try:
                    socket.create_connection((self.host, port), timeout=0.5).close()
                    break
                except OSError:
                    assert time.monotonic() < deadline, f"mosquitto did not listen on {port}"
                    time.sleep(0.02)

    def stop(self) -> None:
        """Stop the broker (SIGTERM); retained messages go with it (persistence is off)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except Exception:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None

    def restart(self) -> None:
        """Stop and start again on the same ports."""
        self.stop()
        self.start()

    @property
    def log(self) -> str:
        """What the broker logged so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@pytest.fixture(scope="session")
def mqtt_pki(tmp_path_factory: pytest.TempPathFactory) -> MqttPki:
    """The session's test CA, server and client certificates."""
    return MqttPki(tmp_path_factory.mktemp("mqtt-pki"))


@pytest.fixture
def mosquitto(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A factory of private brokers, all stopped after the test:
    `mosquitto(users={"name": "password"}, tls=True, require_certificate=False) -> Mosquitto` (host, port,
    tls_port, pki with ca_file, client_cert/client_key and other_ca_file)."""
    import shutil

    if not (shutil.which("mosquitto") or Path("/usr/sbin/mosquitto").exists()) or not shutil.which("mosquitto_passwd"):
        pytest.skip("mosquitto is not installed (scripts/debian-packages.txt lists mosquitto and mosquitto-clients)")
    brokers: list[Mosquitto] = []

    def make(users: dict[str, str] | None = None, tls: bool = False, require_certificate: bool = False) -> Mosquitto:
        pki = request.getfixturevalue("mqtt_pki") if tls else None
        broker = Mosquitto(tmp_path_factory.mktemp("mosquitto"), users, pki, require_certificate)
        brokers.append(broker)
        return broker

    yield make
    for broker in brokers:
        broker.stop()


class MqttWatcher:
    """A paho client subscribed to every topic of a test broker, keeping what arrives (retained messages too)."""

    def __init__(self, broker: Mosquitto, username: str | None = None, password: str | None = None):
        import threading
        import uuid

        import paho.mqtt.client as mqtt

        self.messages: list[tuple[str, bytes, bool]] = []
        self._arrived = threading.Condition()
        subscribed = threading.Event()
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"watcher-{uuid.uuid4().hex[:8]}")
        if username:
            self.client.username_pw_set(username, password)
        self.client.on_connect = lambda c, *_: c.subscribe("#", qos=1)
        self.client.on_subscribe = lambda *_: subscribed.set()
        self.client.on_message = self._on_message
        self.client.connect(broker.host, broker.port)
        self.client.loop_start()
        assert subscribed.wait(10), "the watcher could not subscribe"

    def _on_message(self, _client: Any, _userdata: Any, message: Any) -> None:
        with self._arrived:
            self.messages.append((message.topic, message.payload, bool(message.retain)))
            self._arrived.notify_all()

    def on(self, topic: str) -> list[Any]:
        """The JSON payloads seen on `topic` so far, oldest first (anything not JSON as raw bytes)."""
        import json

        found = []
        for seen, payload, _retain in list(self.messages):
            if seen == topic:
                try:
                    found.append(json.loads(payload))
                except ValueError:
                    found.append(payload)
        return found

    def wait_for(self, topic: str, predicate: Callable[[Any], bool] = lambda _p: True, timeout: float = 10.0) -> Any:
        """The first payload on `topic` (seen before or arriving within `timeout`) that `predicate` accepts."""
        import time

        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for payload in self.on(topic):
                    if predicate(payload):
                        return payload
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"nothing matching on {topic} within {timeout} s; seen: {self.messages[-5:]}"
                self._arrived.wait(remaining)

    def publish(self, topic: str, payload: bytes | str, retain: bool = False) -> None:
        """Publish as some other client would (QoS 1, waits for the broker's acknowledgement)."""
        self.client.publish(topic, payload, qos=1, retain=retain).wait_for_publish(10)

    def close(self) -> None:
        """Disconnect."""
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def mqtt_watcher():
    """A factory of MqttWatcher clients, all disconnected after the test: `mqtt_watcher(broker, user, password)`."""
    watchers: list[MqttWatcher] = []

    def make(broker: Mosquitto, username: str | None = None, password: str | None = None) -> MqttWatcher:
        watcher = MqttWatcher(broker, username, password)
        watchers.append(watcher)
        return watcher

    yield make
    for watcher in watchers:
        watcher.close()


# -- a newer catalog (catalog updates: publishing, the terminal's updater, the window's swap) ----------------
RENAMED_ITEM = "建设项目人防工程竣工验收（2026年修订）"  # what 2026.11.27 calls hp-00001


def edited_source(folder: Path, version: str) -> Path:
    """A copy of the bundled source with one item renamed, its promised days changed and the version bumped."""
    import shutil

    shutil.copytree(SOURCE, folder)
    manifest = folder / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"2026.11.26"', f'"{version}"'), encoding="utf-8")
    items = folder / "items" / "hp-bgs.yaml"
    text = items.read_text(encoding="utf-8")
    text = text.replace("  name: 建设项目人防工程竣工验收\n", f"  name: {RENAMED_ITEM}\n", 1)
    items.write_text(text.replace("  promised_days: 3\n", "  promised_days: 2\n", 1), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def bundle_v2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Catalog 2026.11.27 compiled from the edited source (built once per session)."""
    from catalog.build import build_from_source

    out = tmp_path_factory.mktemp("catalog-v2") / "catalog.sqlite"
    build_from_source(edited_source(tmp_path_factory.mktemp("source-v2") / "source", "2026.11.27"), out)
    return out


@pytest.fixture
def serve_folder():
    """A factory: `serve_folder(path)` serves a folder over HTTP on 127.0.0.1 (as any static web server or object
    store would serve an update repository) and returns its base URL ending in /; stopped after the test."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    servers: list[ThreadingHTTPServer] = []

    def serve(folder: Path) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
