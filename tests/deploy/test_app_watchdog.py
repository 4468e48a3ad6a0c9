"""The real terminal under a service manager's eyes: `kiosk run` reports READY=1 (naming itself the main process)
once its window is up, pings WATCHDOG=1 from its own pid at half the period, and says STOPPING=1 on SIGTERM.
Then the session exactly as kiosk.service starts it: cage (headless wlroots backend here, no GPU) running the
unit's ExecStart line, with WATCHDOG_PID naming cage as systemd would; the terminal, cage's child, on Wayland,
takes over readiness and the pings, and a SIGTERM to it (systemd's KillMode=mixed, once it is the main
process) stops it cleanly and cage after it. And the watchdog's SIGABRT leaves every thread's stack behind."""

from __future__ import annotations

import contextlib
import os
import pwd
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.conftest import DEPLOY, REPO, unit_settings

START_TIMEOUT = 120  # a cold start on this shared 2-core machine, with other tests running


@contextlib.contextmanager
def terminal(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """`kiosk run` from this checkout with its stderr in `log`; killed if the test leaves it running."""
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run"], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err
        )
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)


def test_kiosk_run_reports_ready_pings_and_stops(kiosk_env, notify_listener, tmp_path):
    listener = notify_listener()
    env = {**kiosk_env, "NOTIFY_SOCKET": listener.env_value, "WATCHDOG_USEC": "1000000"}  # a ping every 0.5 s
    log = tmp_path / "stderr.txt"
    with terminal(env, log) as proc:
        ready = _ready(listener, log)
        assert ready.pid == proc.pid
        assert ready.fields["MAINPID"] == str(proc.pid)
        assert ready.fields["STATUS"].startswith("terminal ready, catalog ")
        for _ in range(3):
            listener.wait_for_another("WATCHDOG", timeout=10)
        assert {m.pid for m in listener.received if "WATCHDOG" in m.fields} == {proc.pid}
        proc.send_signal(signal.SIGTERM)
        listener.wait_for(lambda m: "STOPPING" in m.fields, timeout=30)
        assert proc.wait(timeout=30) == 0


def test_the_watchdogs_abort_leaves_every_threads_stack_in_the_log(kiosk_env, notify_listener, tmp_path):
    """When the pings stop, systemd sends WatchdogSignal=SIGABRT: the journal then shows where the GUI thread hung
    (file, line and function of every thread; no data)."""
    listener = notify_listener()
    env = {**kiosk_env, "NOTIFY_SOCKET": listener.env_value, "WATCHDOG_USEC": "30000000"}
    log = tmp_path / "stderr.txt"
    with terminal(env, log) as proc:
        _ready(listener, log)
        proc.send_signal(signal.SIGABRT)
        assert proc.wait(timeout=30) == -signal.SIGABRT
    dump = log.read_text(errors="replace")
    assert "Fatal Python error: Aborted" in dump
    assert dump.count("(most recent call first)") >= 2  # every thread, not only the one the signal hit
    assert 'ui/app.py", line' in dump and "in run_app" in dump  # the GUI thread, in app.exec()


def _ready(listener, log: Path):
    """The READY=1 message, or the process's output when none came."""
    try:
        return listener.wait_for(lambda m: "READY" in m.fields, timeout=START_TIMEOUT)
    except AssertionError:
        raise AssertionError(log.read_text(errors="replace")[-3000:]) from None


def _session_command(unit: Path) -> tuple[list[str], dict[str, str]]:
    """The unit's ExecStart argv and Environment= assignments."""
    service = unit_settings(unit)["Service"]
    (exec_start,) = service["ExecStart"]
    env = dict(assignment.split("=", 1) for line in service["Environment"] for assignment in shlex.split(line))
    return shlex.split(exec_start), env


def _drop_to_nobody() -> list[str]:
    """cage refuses to run as root: under root (CI's sudo) the session runs as "nobody", keeping only the right to
    read files (this checkout and its Python live under /root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to run cage as an unprivileged user")
    return [
        "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
        "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search",
    ]  # fmt: skip


@pytest.mark.skipif(
    not (shutil.which("cage") and shutil.which("Xwayland")),
    reason="needs cage and xwayland (scripts/debian-packages.txt): the kiosk session runs the terminal in cage",
)
def test_the_units_session_runs_the_terminal_in_cage_and_hands_it_the_watchdog(bundle_path, notify_listener):
    argv, unit_env = _session_command(DEPLOY / "systemd" / "kiosk.service")
    assert argv[0] == "/usr/bin/cage" and "/opt/kiosk/kiosk" in argv
    app = argv.index("/opt/kiosk/kiosk")
    argv[app : app + 1] = [sys.executable, "-m", "kiosk"]  # the same application, from this checkout
    listener = notify_listener(abstract=True)  # reachable from the unprivileged session
    work = Path(tempfile.mkdtemp(prefix="kiosk-session-"))
    try:
        work.chmod(0o755)
        for sub in ("runtime", "data", "home"):
            (work / sub).mkdir(mode=0o700)
        shutil.copy(bundle_path, work / "catalog.sqlite")
        (work / "kiosk.toml").write_text("[hub]\nserve_local = false\n", encoding="utf-8")
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            for path in [work / "catalog.sqlite", *(work / sub for sub in ("runtime", "data", "home"))]:
                os.chown(path, nobody.pw_uid, nobody.pw_gid)
        env = {
            **{k: v for k, v in unit_env.items() if not k.startswith("KIOSK_")},  # the session's Qt and wlroots
            "KIOSK_CONFIG": str(work / "kiosk.toml"),
            "KIOSK_TERMINAL_DATA_DIR": str(work / "data"),
            "KIOSK_CATALOG_BUNDLE": str(work / "catalog.sqlite"),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(work / "home"),
            "XDG_RUNTIME_DIR": str(work / "runtime"),  # pam_systemd's /run/user/<uid> on a terminal
            # No GPU, display or input devices here: wlroots' headless backend with its software renderer.
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_HEADLESS_OUTPUTS": "1",
            "NOTIFY_SOCKET": listener.env_value,
            "WATCHDOG_USEC": "2000000",
        }
        assert unit_env["QT_QPA_PLATFORM"] == "wayland"
        # As systemd does: WATCHDOG_PID names the process it started, cage (the shell execs into it).
        command = [*_drop_to_nobody(), "/bin/sh", "-c", 'WATCHDOG_PID=$$; export WATCHDOG_PID; exec "$@"', "sh", *argv]
        log = work / "stderr.txt"
        with (
            log.open("wb") as err,
            subprocess.Popen(
                command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
            ) as cage,
        ):
            try:
                _check_session(cage, listener, log)
            finally:
                if cage.poll() is None:
                    os.killpg(cage.pid, signal.SIGKILL)
                    cage.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _check_session(cage: subprocess.Popen, listener, log: Path) -> None:
    ready = _ready(listener, log)
    terminal = ready.pid
    assert terminal != cage.pid
    assert _parent_of(terminal) == cage.pid  # cage's client, `env -u WATCHDOG_PID` exec'ed into the terminal
    assert ready.fields["MAINPID"] == str(terminal)  # so systemd stops it (and aims the watchdog) first
    for _ in range(2):
        listener.wait_for_another("WATCHDOG", timeout=10)
    assert {m.pid for m in listener.received if "WATCHDOG" in m.fields} == {terminal}  # never cage
    os.kill(terminal, signal.SIGTERM)  # `systemctl stop kiosk` with KillMode=mixed and the terminal as main
    listener.wait_for(lambda m: "STOPPING" in m.fields and m.pid == terminal, timeout=30)
    assert cage.wait(timeout=30) == 0, "cage did not end with its client's clean exit"


def _parent_of(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])
