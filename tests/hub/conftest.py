"""Fixtures of the hub tests: a throwaway PostgreSQL cluster, a real hub (uvicorn in a thread) per backend, and
terminals, submissions and images to send it."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from glob import glob
from pathlib import Path
from typing import Any

import pytest
import requests

from hub.app import create_app
from hub.clerks import add_clerk
from hub.clock import HUB_TZ
from hub.server import ServerThread
from hub.terminals import add_terminal

CLERK, CLERK_PASSWORD = "王晓明", "correct horse battery"
_counter = itertools.count(1)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _pg_bindir() -> Path | None:
    found = shutil.which("initdb") or next(iter(sorted(glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None)
    return Path(found).resolve().parent if found else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL cluster of the session's own on 127.0.0.1 (trust auth, no fsync); yields its base URL."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (scripts/debian-packages.txt lists it)")
    root = Path(tempfile.mkdtemp(prefix="kiosk-hub-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root: Debian's postgres user runs them
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port()
    subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "kiosk",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-k {root} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    subprocess.run(
        [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o", options, "start"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    try:
        yield f"postgresql+psycopg://kiosk@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)


def new_postgres_database(server: str) -> str:
    """A fresh database on the session's cluster; its SQLAlchemy URL."""
    import psycopg

    name = f"hub_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(server.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@dataclass
class Hub:
    """A hub being served: its base URL, the app's shared state, and helpers to act as terminals."""

    url: str
    db_url: str
    app: Any

    @property
    def engine(self):
        """The hub's database engine."""
        return self.app.fastapi.state.hub.engine

    def terminal(self) -> tuple[str, dict[str, str]]:
        """A new terminal: its ID and the Authorization header with its token."""
        terminal_id = f"term-{next(_counter)}"
        token = add_terminal(self.engine, terminal_id)
        return terminal_id, {"Authorization": f"Bearer {token}"}

    def post(self, path: str, headers: dict[str, str], key: str | None = None, **kwargs: Any) -> requests.Response:
        """POST to the API as a terminal, with an Idempotency-Key when given."""
        headers = {**headers, **({"Idempotency-Key": key} if key else {})}
        return requests.post(self.url + path, headers=headers, timeout=30, **kwargs)

    def get(self, path: str, headers: dict[str, str] | None = None, **kwargs: Any) -> requests.Response:
        """GET from the hub."""
        return requests.get(self.url + path, headers=headers or {}, timeout=30, **kwargs)


def _serve(db_url: str, tmp: Path, bundle: Path | None) -> Iterator[Hub]:
    app = create_app(db_url, key_path=tmp / "hub.key", catalog_bundle=bundle)
    server = ServerThread(app)
    url = server.start()
    try:
        yield Hub(url, db_url, app)
    finally:
        server.stop()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, bundle_path: Path) -> Iterator[Hub]:
    """A real hub on 127.0.0.1 over SQLite (a file) and over PostgreSQL: every API test runs against both."""
    tmp = tmp_path_factory.mktemp(f"hub-{request.param}")
    if request.param == "sqlite":
        db_url = f"sqlite:///{tmp / 'hub.sqlite3'}"
    else:
        db_url = new_postgres_database(request.getfixturevalue("postgres_server"))
    yield from _serve(db_url, tmp, bundle_path)


@pytest.fixture
def sqlite_hub(tmp_path: Path, bundle_path: Path) -> Iterator[Hub]:
    """A hub of the test's own over a fresh SQLite file (for tests that need an empty database)."""
    yield from _serve(f"sqlite:///{tmp_path / 'hub.sqlite3'}", tmp_path, bundle_path)


_slot_counter = itertools.count()


@pytest.fixture
def fresh_slot() -> Callable[[], datetime]:
    """A future slot start no other test of the session books (days 2-50 ahead, 09:00-17:00)."""

    def make() -> datetime:
        n = next(_slot_counter)
        day = datetime.now(HUB_TZ).date() + timedelta(days=2 + n // 9)
        return datetime.combine(day, time(9 + n % 9), HUB_TZ)

    return make


@pytest.fixture(scope="session")
def clerk_password() -> str:
    """The test clerk's password."""
    return CLERK_PASSWORD


def add_test_clerk(hub: Hub) -> tuple[str, str]:
    """Create (or reset) the test clerk on a hub."""
    add_clerk(hub.engine, CLERK, CLERK_PASSWORD)
    return CLERK, CLERK_PASSWORD


@pytest.fixture
def clerk(hub: Hub) -> tuple[str, str]:
    """The test clerk on the parametrized hub: (name, password)."""
    return add_test_clerk(hub)


def _csrf_of(html: str) -> str:
    """The CSRF token in a console page's form."""
    import re

    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def _console_login(hub: Hub, name: str, password: str) -> tuple[requests.Session, requests.Response]:
    """Log in to the console as a browser would (form, cookie); the session and the login's reply."""
    web = requests.Session()
    form = web.get(hub.url + "/clerk/login", timeout=30)
    reply = web.post(
        hub.url + "/clerk/login", data={"name": name, "password": password, "csrf": _csrf_of(form.text)}, timeout=30
    )
    return web, reply


@pytest.fixture
def console(hub: Hub, clerk: tuple[str, str]) -> requests.Session:
    """A requests session logged in to the console of the parametrized hub."""
    web, reply = _console_login(hub, *clerk)
    assert reply.status_code == 200 and reply.url.endswith("/clerk/"), reply.text
    return web


@pytest.fixture
def csrf_of() -> Callable[[str], str]:
    """Finds the CSRF token in a console page."""
    return _csrf_of


@pytest.fixture
def console_login() -> Callable[..., tuple[requests.Session, requests.Response]]:
    """Logs in to a hub's console: (session, reply)."""
    return _console_login
