"""A TCP proxy between the terminal and the hub that fails on purpose: refuse connections, cut an upload part way,
or let the hub act on a request and then lose its reply. Real sockets on 127.0.0.1, nothing mocked."""

from __future__ import annotations

import socket
import threading
import time

import pytest

MODES = ("pass", "refuse", "cut_upload", "lose_reply", "slow")


class FaultyProxy:
    """Listens on 127.0.0.1:<port> and forwards to the hub, misbehaving as `mode` says."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self.mode = "pass"
        self.cut_after = 2048  # bytes of the request forwarded before an upload is cut
        self.slow_chunk_s = 0.02  # "slow": a pause after every 64 kB, as over a poor post-office line
        self.faults = 0  # how many connections were broken on purpose
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closing = False
        self._thread = threading.Thread(target=self._accept, name="faulty-proxy", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop listening."""
        self._closing = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        mode = self.mode
        if mode == "refuse":
            self.faults += 1
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            client.close()  # a reset, as from a host whose service is down
            return
        try:
            upstream = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            client.close()
            return
        try:
            self._relay(mode, client, upstream)
        except OSError:  # a side that timed out or went (a killed terminal, a hub slowed by load): the line drops
            for sock in (upstream, client):
                sock.close()

    def _relay(self, mode: str, client: socket.socket, upstream: socket.socket) -> None:
        request = _read_request(client)
        if mode == "cut_upload" and len(request) > self.cut_after:
            self.faults += 1
            upstream.sendall(request[: self.cut_after])
            for sock in (upstream, client):
                sock.close()
            return
        if mode == "slow":
            for start in range(0, len(request), 65536):
                upstream.sendall(request[start : start + 65536])
                time.sleep(self.slow_chunk_s)
        else:
            upstream.sendall(request)
        reply = _read_all(upstream)
        if mode == "lose_reply":
            self.faults += 1  # the hub did the work; the terminal never hears of it
            for sock in (upstream, client):
                sock.close()
            return
        try:
            client.sendall(reply)
        finally:
            for sock in (upstream, client):
                sock.close()


def _read_request(sock: socket.socket) -> bytes:
    """One HTTP request (head + Content-Length body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    lines = [head.split(b"\r\n")[0]]
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() != b"connection":
            lines.append(line)
    # One request a connection: the hub then closes it after its reply, which tells the proxy the reply is whole.
    head = b"\r\n".join([*lines, b"Connection: close"])
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _read_all(sock: socket.socket) -> bytes:
    """The hub's reply: it closes the connection after it (the proxy asks nothing else on it)."""
    chunks = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


@pytest.fixture
def faulty_proxy_to():
    """A factory: FaultyProxy in front of (host, port); closed after the test."""
    proxies: list[FaultyProxy] = []

    def make(upstream: tuple[str, int]) -> FaultyProxy:
        proxy = FaultyProxy(upstream)
        proxies.append(proxy)
        return proxy

    yield make
    for proxy in proxies:
        proxy.close()
