"""A network receipt printer on 127.0.0.1 that parses the ESC/POS stream and saves each cut receipt as PNG.

It understands what the driver sends (ESC @, ESC a, GS v 0 raster images, GS ( k QR codes, GS V cut, text and
line feeds) and answers DLE EOT status queries; faults: paper out, paper low, cover open.
"""

from __future__ import annotations

import logging
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

import segno
from PIL import Image, ImageDraw

from devices.printer.receipt import PAPER_PX, cjk_font

log = logging.getLogger("kiosk.devices.printer.sim")


@dataclass
class PrinterFaults:
    """Printer conditions to simulate."""

    paper: str = "ok"  # "ok", "low", "out"
    cover_open: bool = False


class _Parser:
    """Turns an ESC/POS byte stream into receipt images."""

    def __init__(self, sim: PrinterSimulator):
        self.sim = sim
        self.data = bytearray()
        self.blocks: list[Image.Image] = []
        self.text = bytearray()
        self.qr_data = b""
        self.qr_size = 3

    def feed(self, chunk: bytes, reply) -> None:
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

    def _one(self, reply) -> int:
        d = self.data
        first = d[0]
        if first == 0x10 and len(d) >= 3 and d[1] == 0x04:  # DLE EOT n: real-time status
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
    """Listens on 127.0.0.1 (port 9100 in deployment demos; an ephemeral one in tests)."""

    def __init__(self, out_dir: Path, port: int = 0):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.faults = PrinterFaults()
        self.printed: list[Path] = []
        self._server = socket.create_server(("127.0.0.1", port))
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="printer-sim", daemon=True)
        self._thread.start()

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

    def _serve(self) -> None:
        self._server.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                parser = _Parser(self)
                conn.settimeout(0.1)
                while not self._stop.is_set():
                    try:
                        chunk = conn.recv(65536)
                    except TimeoutError:
                        continue
                    except OSError:
                        break
                    if not chunk:
                        break
                    try:
                        parser.feed(chunk, conn.sendall)
                    except Exception:
                        log.exception("could not parse the ESC/POS stream")
                        parser = _Parser(self)

    def close(self) -> None:
        """Stop listening."""
        self._stop.set()
        self._server.close()
        self._thread.join(timeout=2)
