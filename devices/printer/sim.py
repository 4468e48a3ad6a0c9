"""A receipt printer that parses the ESC/POS stream and saves each cut receipt as PNG, on TCP or on a pty.

It understands what the driver sends (ESC @, ESC a, GS v 0 raster images, GS ( k QR codes, GS V cut, text and
line feeds) and answers DLE EOT status queries; faults: paper out, paper low, cover open, switched off (silent).
`transport="tcp"` listens on 127.0.0.1 like a network printer's port 9100; `transport="serial"` is the far end
of a pty, reached through a stable symlink (`port`) the way udev's /dev/serial/by-id links name a real one.
`unplug()` and `replug()` take the printer away and bring it back at the same address.
"""

from __future__ import annotations

import logging
import os
import pty
import select
import shutil
import socket
import tempfile
import threading
import tty
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import segno
from PIL import Image, ImageDraw

from devices.printer.receipt import PAPER_PX, cjk_font
from devices.sim_pty import close_ends

log = logging.getLogger("kiosk.devices.printer.sim")


@dataclass
class PrinterFaults:
    """Printer conditions to simulate."""

    paper: str = "ok"  # "ok", "low", "out"
    cover_open: bool = False
    silent: bool = False  # switched off at the far end of a live line: status queries go unanswered


class _Parser:
    """Turns an ESC/POS byte stream into receipt images."""

    def __init__(self, sim: PrinterSimulator):
        self.sim = sim
        self.data = bytearray()
        self.blocks: list[Image.Image] = []
        self.text = bytearray()
        self.qr_data = b""
        self.qr_size = 3

    def feed(self, chunk: bytes, reply: Callable[[bytes], object]) -> None:
        """Take bytes off the wire; answers (status bytes) go out through `reply`."""
        self.data.extend(chunk)
        while self.data:
            used = self._one(reply)
            if used == 0:
                return  # an incomplete command: wait for more bytes
            del self.data[:used]

    def _flush_text(self) -> None:
        if self.text:
            line = self.text.decode("gb18030", "replace")
            image = Image.new("1", (PAPER_PX, 34), 1)
            ImageDraw.Draw(image).text((8, 2), line, font=cjk_font(24), fill=0)
            self.blocks.append(image)
            self.text.clear()

    def _one(self, reply: Callable[[bytes], object]) -> int:
        d = self.data
        first = d[0]
        if first == 0x10 and len(d) >= 3 and d[1] == 0x04:  # DLE EOT n: real-time status
            if not self.sim.faults.silent:
                reply(bytes([self.sim.status_byte(d[2])]))
            return 3
        if first == 0x0A:
            self._flush_text()
            return 1
        if first == 0x1B:  # ESC
            if len(d) < 2:
                return 0
            if d[1] == 0x40:
                return 2
            return 3 if len(d) >= 3 else 0  # ESC a n, ESC E n, ESC d n, ESC ! n ...: one parameter
        if first == 0x1D:  # GS
            if len(d) < 2:
                return 0
            if d[1] == 0x76:  # GS v 0 m xL xH yL yH data
                if len(d) < 8:
                    return 0
                width, height = d[4] + 256 * d[5], d[6] + 256 * d[7]
                end = 8 + width * height
                if len(d) < end:
                    return 0
                self._flush_text()
                image = Image.frombytes("1", (width * 8, height), bytes(d[8:end])).point(lambda v: 255 - v)
                self.blocks.append(image.convert("1"))
                return end
            if d[1] == 0x28 and len(d) >= 5 and d[2] == 0x6B:  # GS ( k pL pH cn fn ...
                size = d[3] + 256 * d[4]
                if len(d) < 5 + size:
                    return 0
                fn, args = d[6], bytes(d[7 : 5 + size])
                if fn == 0x43:
                    self.qr_size = args[0] or 3
                elif fn == 0x50:
                    self.qr_data = args[1:]  # m=48, then the data
                elif fn == 0x51:
                    self._flush_text()
                    self.blocks.append(self._qr_image())
                return 5 + size
            if d[1] == 0x56:  # GS V m [n]: cut
                if len(d) < 3:
                    return 0
                used = 4 if d[2] in (0x41, 0x42, 65, 66) and len(d) >= 4 else 3
                self._flush_text()
                self.sim.save(self.blocks)
                self.blocks = []
                return used
            return 3 if len(d) >= 3 else 0  # GS ! n, GS B n ...: one parameter
        self.text.append(first)
        return 1

    def _qr_image(self) -> Image.Image:
        code = segno.make(self.qr_data.decode("utf-8", "replace"), encoding="utf-8", error="l")
        module = max(self.qr_size, 2)
        image = Image.new("1", (PAPER_PX, (code.symbol_size(scale=module, border=4)[1])), 1)
        qr = Image.new("1", code.symbol_size(scale=module, border=4), 1)
        draw = ImageDraw.Draw(qr)
        for y, row in enumerate(code.matrix_iter(scale=1, border=4)):
            for x, dark in enumerate(row):
                if dark:
                    draw.rectangle([x * module, y * module, (x + 1) * module - 1, (y + 1) * module - 1], fill=0)
        image.paste(qr, ((PAPER_PX - qr.width) // 2, 0))
        return image


class PrinterSimulator:
    """A receipt printer on 127.0.0.1 (port 9100 in deployment demos; an ephemeral one in tests) or on a pty."""

    def __init__(self, out_dir: Path, port: int = 0, transport: Literal["tcp", "serial"] = "tcp"):
        if transport not in ("tcp", "serial"):
            raise ValueError(f"unknown printer simulator transport {transport!r} (tcp or serial)")
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.transport = transport
        self.faults = PrinterFaults()
        self.printed: list[Path] = []
        self.port: int | str = port  # TCP: the port number; serial: the symlink to the pty's device
        self.tty = ""  # serial: the pty's own device path, new at every replug
        self._link_dir: Path | None = None
        if transport == "serial":
            self._link_dir = Path(tempfile.mkdtemp(prefix="kiosk-printer-sim-"))
            self.port = str(self._link_dir / "ttyPrinter")
        self._server: socket.socket | None = None
        self._master: int | None = None
        self._slave: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.plugged = False
        self.replug()

    def status_byte(self, n: int) -> int:
        """The answer to DLE EOT n."""
        if n == 2:
            return 0x12 | (0x04 if self.faults.cover_open else 0) | (0x20 if self.faults.paper == "out" else 0)
        if n == 4:
            return 0x12 | {"ok": 0, "low": 0x0C, "out": 0x60}[self.faults.paper]
        return 0x12

    def save(self, blocks: list[Image.Image]) -> None:
        """One cut receipt as a PNG."""
        height = sum(b.height for b in blocks) + 40
        receipt = Image.new("1", (PAPER_PX, max(height, 40)), 1)
        y = 20
        for block in blocks:
            receipt.paste(block, (0, y))
            y += block.height
        path = self.out_dir / f"receipt-{len(self.printed) + 1:04d}.png"
        receipt.save(path)
        self.printed.append(path)

    def replug(self) -> None:
        """Plug the printer (back) in at the same address: the same TCP port, the same symlink."""
        if self.plugged:
            return
        # Each plug-in gets its own stop flag, so a server thread of an earlier one can never outlive its unplug.
        self._stop = threading.Event()
        if self.transport == "tcp":
            self._server = socket.create_server(("127.0.0.1", int(self.port)))  # SO_REUSEADDR: rebinding works
            self.port = self._server.getsockname()[1]
            target, args = self._serve_tcp, (self._server, self._stop)
        else:
            self._master, self._slave = pty.openpty()
            tty.setraw(self._slave)
            self.tty = os.ttyname(self._slave)
            link = Path(self.port)
            link.unlink(missing_ok=True)
            link.symlink_to(self.tty)
            target, args = self._serve_pty, (self._master, self._stop)
        self._thread = threading.Thread(target=target, args=args, name="printer-sim", daemon=True)
        self._thread.start()
        self.plugged = True

    def unplug(self) -> None:
        """Pull the cable: connections drop, the port refuses or the device path goes away, until `replug()`."""
        if not self.plugged:
            return
        self.plugged = False
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)  # it drops the open connection within 0.1 s
            self._thread = None
        if self._server is not None:
            self._server.close()
            self._server = None
        if self.transport == "serial":
            Path(self.port).unlink(missing_ok=True)
            fds, self._master, self._slave = (self._master, self._slave), None, None
            close_ends(*fds)

    def close(self) -> None:
        """Unplug for good and remove the serial symlink's folder."""
        self.unplug()
        if self._link_dir is not None:
            shutil.rmtree(self._link_dir, ignore_errors=True)
            self._link_dir = None

    def _serve_tcp(self, server: socket.socket, stop: threading.Event) -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                parser = _Parser(self)
                conn.settimeout(0.1)
                while not stop.is_set():
                    try:
                        chunk = conn.recv(65536)
                    except TimeoutError:
                        continue
                    except OSError:
                        break
                    if not chunk:
                        break
                    try:
                        parser = self._feed(parser, chunk, conn.sendall)
                    except OSError:
                        break

    def _serve_pty(self, master: int, stop: threading.Event) -> None:
        # One stream for as long as the cable is in: the driver opening and closing the port is not a
        # connection boundary on a serial line, so the parser lives across them.
        parser = _Parser(self)
        while not stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
                parser = self._feed(parser, chunk, lambda data: os.write(master, data))
            except OSError:  # not while the simulator holds the slave end open; should it happen, keep serving
                stop.wait(0.05)

    def _feed(self, parser: _Parser, chunk: bytes, reply: Callable[[bytes], object]) -> _Parser:
        try:
            parser.feed(chunk, reply)
        except OSError:
            raise  # the line went away: the serving loop deals with it
        except Exception:
            log.exception("could not parse the ESC/POS stream")
            return _Parser(self)
        return parser
