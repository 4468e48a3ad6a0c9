"""Running the hub under uvicorn: in the foreground (`kiosk hub serve`), or in a thread for tests and tools."""

from __future__ import annotations

import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import uvicorn

# uvicorn's own access log is off (it would print query strings); hub.access prints method, path, status, time.
LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "kiosk.logs.RedactingFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact"],
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "hub": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


@dataclass(frozen=True)
class Tls:
    """The hub's certificate chain and private key (PEM files): the terminals reach it over https:// and wss://."""

    certfile: str
    keyfile: str


class _Server(uvicorn.Server):
    """A uvicorn server that reports its address once it listens."""

    def __init__(self, config: uvicorn.Config, on_listening: Callable[[str], None] | None):
        super().__init__(config)
        self.on_listening = on_listening
        self.url = ""
        self.scheme = "https" if config.ssl_certfile else "http"

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if getattr(self, "servers", None):
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            self.url = f"{self.scheme}://{host}:{port}"
            if self.on_listening is not None:
                self.on_listening(self.url)


def _config(
    app: Any, host: str, port: int, log_config: dict[str, Any] | None, tls: Tls | None = None
) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        ssl_certfile=tls.certfile if tls else None,
        ssl_keyfile=tls.keyfile if tls else None,
        host=host,
        port=port,
        log_config=log_config,
        access_log=False,
        ws="websockets-sansio",  # the video consultation signalling (hub/consult_ws.py)
        lifespan="on",
        server_header=False,
        timeout_graceful_shutdown=10,
    )


def serve(app: Any, host: str, port: int, on_listening: Callable[[str], None], tls: Tls | None = None) -> int:
    """Serve until SIGTERM or SIGINT, then finish the requests in flight and return 0."""
    server = _Server(_config(app, host, port, LOG_CONFIG, tls), on_listening)
    # uvicorn re-raises the signal it stopped for once it has shut down: with this handler in place that is a clean
    # exit rather than death by signal, and a signal before uvicorn listens still stops it.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: setattr(server, "should_exit", True))
    server.run()
    return 0 if server.started else 1


class ServerThread:
    """The hub served on 127.0.0.1 in a background thread (tests, tools): `with ServerThread(app) as url: ...`."""

    def __init__(self, app: Any, host: str = "127.0.0.1", port: int = 0, tls: Tls | None = None):
        self.server = _Server(_config(app, host, port, None, tls), None)
        self.thread = threading.Thread(target=self.server.run, name="hub-server", daemon=True)

    @property
    def url(self) -> str:
        """The base URL, once listening."""
        return self.server.url

    def start(self, timeout: float = 15.0) -> str:
        """Start and wait until it listens; returns the base URL."""
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.url:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start")
            time.sleep(0.02)
        return self.server.url

    def stop(self, timeout: float = 15.0) -> None:
        """Stop and wait for the thread."""
        self.server.should_exit = True
        self.thread.join(timeout)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def print_url(url: str) -> None:
    """The one line `kiosk hub serve` prints when it listens."""
    print(f"kiosk hub listening on {url}", flush=True)
    sys.stdout.flush()
