"""A4 documents through CUPS: `lp` to a named queue (or the default), job tracking with `lpstat`.

The terminal's A4 printer is whatever CUPS drives (a laser printer by USB or on the network); the kiosk only
hands it PDFs. Without CUPS the caller keeps the PDF instead, so nothing a resident asked for is lost.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

from devices.base import CheckResult, DeviceError, DeviceTimeout

LP_TIMEOUT_S = 20.0
_REQUEST_ID = re.compile(r"request id is (\S+)")


class CupsA4Printer:
    """One CUPS queue (empty name: the system default), on the local scheduler or `server` (host:port)."""

    kind = "a4printer"

    def __init__(self, destination: str = "", server: str = ""):
        self.destination = destination
        self.server = server

    def _command(self, tool: str, *args: str) -> list[str]:
        path = shutil.which(tool)
        if path is None:
            raise DeviceError(f"CUPS is not installed ({tool} not found)")
        return [path, *(("-h", self.server) if self.server else ()), *args]

    def _run(self, command: list[str]) -> str:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=LP_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise DeviceTimeout(f"CUPS did not answer {Path(command[0]).name} within {LP_TIMEOUT_S:.0f} s") from None
        if done.returncode != 0:
            # lp's own words name the problem (no such destination, scheduler not running); no personal data.
            message = (done.stderr or done.stdout).strip().splitlines()
            raise DeviceError(f"CUPS: {message[0] if message else f'{Path(command[0]).name} failed'}")
        return done.stdout

    def describe(self) -> str:
        """The queue, for messages."""
        where = f" on {self.server}" if self.server else ""
        return f"CUPS queue {self.destination or '(default)'}{where}"

    def print_pdf(self, path: Path, title: str = "document") -> str:
        """Queue a PDF; returns the CUPS job id."""
        if not path.is_file():
            raise DeviceError(f"nothing to print: {path.name} does not exist")
        args = [*(("-d", self.destination) if self.destination else ()), "-t", title, str(path)]
        output = self._run(self._command("lp", *args))
        found = _REQUEST_ID.search(output)
        if not found:
            raise DeviceError(f"CUPS accepted the job but gave no job id ({output.strip()[:80]!r})")
        return found.group(1)

    def pending(self) -> list[str]:
        """Job ids of this queue not yet completed."""
        args = ["-W", "not-completed", "-o", *((self.destination,) if self.destination else ())]
        return [line.split()[0] for line in self._run(self._command("lpstat", *args)).splitlines() if line.strip()]

    def wait(self, job_id: str, timeout: float = 60.0) -> None:
        """Block until CUPS has finished the job (for tests and the technician's test page)."""
        deadline = time.monotonic() + timeout
        while job_id in self.pending():
            if time.monotonic() > deadline:
                raise DeviceTimeout(f"{self.describe()} has not finished job {job_id} within {timeout:.0f} s")
            time.sleep(0.2)

    def self_test(self) -> CheckResult:
        """The scheduler answers and the queue exists and accepts jobs."""
        try:
            if self.destination:
                text = self._run(self._command("lpstat", "-p", self.destination))
            else:
                text = self._run(self._command("lpstat", "-d"))
        except DeviceError as exc:
            return CheckResult(self.kind, False, str(exc))
        first = text.strip().splitlines()[0] if text.strip() else ""
        ok = bool(first) and "disabled" not in first and "no system default" not in first
        return CheckResult(self.kind, ok, first or "no queue", {"queue": self.describe()})
