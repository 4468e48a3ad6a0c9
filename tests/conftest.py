"""Shared fixtures: one catalog bundle built from the bundled source per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "catalog" / "source"
QUERIES = REPO / "tests" / "data" / "search_queries.csv"
HELD_OUT_QUERIES = REPO / "tests" / "data" / "search_queries_heldout.csv"
SHARED_DATA = REPO.parent / "shared" / "data"


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
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_TERMINAL_DATA_DIR"] = str(tmp_path / "data")
    env["KIOSK_CATALOG_BUNDLE"] = str(bundle_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
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
