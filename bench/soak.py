"""Soak: a simulated day (24 hours, compressed) of residents at one terminal, with memory, file handles and threads
watched for growth, no crash allowed and no submission lost.

Run: uv run python -m bench.soak [--hours 24] [--sessions-per-hour 60] [--quick] [--out docs/soak]
(PulseAudio for the consultations' audio: export XDG_RUNTIME_DIR=/tmp/kiosk-xdg
PULSE_SERVER=unix:/tmp/kiosk-xdg/pulse/native, as for the tests.)

One process runs the terminal's window offscreen as the app builds it (its services, every device driver against
its simulator over a pty, TCP or MJPEG, the outbox, delivery and the signed catalog updater); around it, child
processes: the hub (`kiosk hub serve`, SQLite), the update repository's web server, the admin's `kiosk catalog
publish` and hourly `resign-timestamp`, and a clerk (an aiortc peer logged in to the console, bench.soak_clerk).

Time is simulated (bench.soak_rig.SimClock): the residents' pauses and the hours between them are driven, and the
clocks that matter read it: the idle timeout (the window's IdleMonitor), the outbox's delivery backoff (Delivery's
clock), the catalog check interval (scaled to the wall time of a simulated quarter hour). One terminal serves a
busy hour's residents one after the other, so their pauses are compressed to fit the hour (Driver.pace); walking
away still takes the whole idle timeout (60 + 20 s). python-tuf checks metadata expiry against the real clock, so
the timestamp's one-day expiry is not compressed; its hourly re-signing runs every simulated hour. The hour's sessions
follow a post office's day (quiet at night, busy mornings and afternoons) and a mix of flows (bench.soak_sessions):
browse/search and read a guide, apply (every --full-every-th with the real face check and document capture, the
others reusing the last real result), 办件查询 by scanned receipt or typed number, 预约上门, video consultation, the
technician's visit, language and elderly switches, residents walking away (idle timeout). Faults during the day:
the card reader unplugged, the printer out of paper, the document camera's stream lost (each mid-session), the hub
stopped for a simulated hour (submissions wait in the outbox, then all deliver), three catalog updates published
while residents use the terminal and swapped in between sessions.

Sampled every few sessions and at every simulated hour: RSS, open fds, threads (Python's and the kernel's), Qt
top-level widgets, Python objects, outbox depth, sessions, errors. Criteria (PASS/FAIL each): no uncaught exception
and no failed session; every submission at the hub exactly once (its database against the soak's own list), every
booking too; the outbox empty at the end; the catalog updates live; threads and fds of the last quarter equal to
those of the quarter after warm-up (+-small); RSS growth per 1000 sessions under the limit; the terminal answers at
the end. Baseline in the same run: idle attract-screen hours before the first resident (RSS end / RSS start there
against RSS end / RSS after warm-up of the day).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _name, _value in (("XDG_RUNTIME_DIR", "/tmp/kiosk-xdg"), ("PULSE_SERVER", "unix:/tmp/kiosk-xdg/pulse/native")):
    if _name not in os.environ and Path("/tmp/kiosk-xdg/pulse/native").exists():
        os.environ[_name] = _value  # the test command's PulseAudio (scripts/bootstrap.sh starts it)

from bench import soak_sessions as flows  # noqa: E402
from bench.soak_rig import (  # noqa: E402
    CLERK,
    REPO,
    TECHNICIAN_PIN,
    Admin,
    Child,
    HubChild,
    RepoServer,
    Sample,
    SimClock,
    child_env,
    fd_kinds,
    measure,
    native_heap_mb,
    rss_kinds_mb,
    thread_names,
    update_item_name,
)

log = logging.getLogger("bench.soak")
# Sessions per hour of the day, relative: a post office's self-service corner, open all night but quiet then.
DAY_PROFILE = (0.15, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.4, 1.8, 1.9, 1.7, 1.3, 1.4, 1.7, 1.8, 1.7, 1.5, 1.3, 1.1, 0.9,
               0.7, 0.4, 0.25)  # fmt: skip
MIX = {"browse": 0.44, "apply": 0.26, "status": 0.17, "pickup": 0.13}  # consultations and the technician: scheduled
RSS_LIMIT_MB_PER_1000 = 10.0  # growth allowed per 1000 sessions between the early and the last quarter
FD_TOLERANCE, THREAD_TOLERANCE = 3, 2
SAMPLE_MARGIN_S = 0.5  # samples wait for the post-session release of freed memory, and this much more
MIN_SESSIONS_FOR_RSS = 500  # fewer sessions between the quarters than this: the RSS slope is not judged (warm-up)


@dataclass
class Plan:
    """The day's events by simulated hour."""

    hours: int
    outage: set[int] = field(default_factory=set)
    updates: dict[int, int] = field(default_factory=dict)  # hour -> update number
    faults: dict[int, list[str]] = field(default_factory=dict)  # hour -> faults to bring into its sessions
    technician: set[int] = field(default_factory=set)


def day_plan(hours: int, quick: bool, day_start: int = 0) -> Plan:
    """Outages, catalog updates, device faults and the technician's visit spread over the day (hour 0 of the soak
    is `day_start` o'clock)."""
    plan = Plan(hours)
    if quick:
        plan.updates = {0: 1}
        plan.faults = {0: ["card_unplug", "paper_out", "camera_lost"]}
        plan.outage = {hours - 1} if hours > 1 else set()
        plan.technician = {0}
        return plan
    for hour in range(hours):
        day_hour = (day_start + hour) % 24
        if day_hour in (7, 12, 18):
            plan.updates[hour] = len(plan.updates) + 1
        if day_hour == 14:
            plan.outage.add(hour)
        if day_hour == 8:
            plan.technician.add(hour)
        plan.faults[hour] = {
            3: ["card_unplug"],
            5: ["paper_out"],
            9: ["camera_lost"],
            10: ["card_unplug", "paper_out"],
            16: ["camera_lost", "paper_out"],
            20: ["card_unplug"],
            22: ["camera_lost"],
        }.get(day_hour, [])
    return plan


class ErrorCounter(logging.Handler):
    """Counts ERROR records by logger (the terminal's own "this should not happen" log lines)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.by_logger: dict[str, int] = {}
        self.by_message: dict[str, int] = {}  # the terminal's log lines carry no personal data (tests/kiosk/test_logs)

    def emit(self, record: logging.LogRecord) -> None:
        """Count one record."""
        self.by_logger[record.name] = self.by_logger.get(record.name, 0) + 1
        message = f"{record.name}: {record.getMessage()[:160]}"
        if record.exc_info and record.exc_info[1] is not None:  # what and where (never the exception's text)
            frames = traceback.extract_tb(record.exc_info[2])
            where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
            message += f" [{type(record.exc_info[1]).__name__}{where}]"
        self.by_message[message] = self.by_message.get(message, 0) + 1


class Soak:
    """One soak run: the rig, the terminal, the day, the samples."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.rng = random.Random(args.seed)
        self.clock = SimClock()
        self.work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.samples: list[Sample] = []
        self.events: list[dict[str, Any]] = []
        self.uncaught: list[str] = []
        self.sessions = 0
        self.applications = 0
        self.record = flows.Record()
        self.started = time.monotonic()
        self.qt_messages: dict[str, int] = {}
        self.errors = ErrorCounter()
        self.new_items: list[str] = []

    # -- setting up ---------------------------------------------------------------------------------------------
    def note(self, kind: str, **details: Any) -> None:
        """An event on the day's timeline (the plot marks outages and updates)."""
        event = {"hour": round(self.clock.hours, 3), "kind": kind, **details}
        self.events.append(event)
        log.info("event %s", event)
        if not self.args.quiet:
            print(f"  [{self.clock.hours:5.2f} h] {kind} {details if details else ''}", flush=True)

    def prepare(self) -> None:
        """The catalog bundle and pinyin dictionary, the hub, the repository, the clerk."""
        from catalog.build import build_from_source
        from catalog.store import CatalogStore
        from kiosk.ime.dictionary import build_dictionary, catalog_extra_words

        bundle = Path(self.args.bundle) if self.args.bundle else self.work / "catalog.sqlite"
        if not bundle.exists():
            build_from_source(REPO / "catalog" / "source", bundle)
        ime = Path(self.args.ime) if self.args.ime else self.work / "pinyin.sqlite"
        if not ime.exists():
            with CatalogStore(bundle) as store:
                build_dictionary(ime, catalog_extra_words(store.records()))
        self.bundle, self.ime = bundle, ime
        self.hub = HubChild(self.work / "hub", bundle)
        self.hub.start()
        self.admin = Admin(self.work / "admin", bundle)
        self.repo_server = RepoServer(self.admin.repo, self.work / "repo-server.log")
        self.repo_server.start()
        self.clerk = Child(
            "clerk",
            [sys.executable, "-m", "bench.soak_clerk", self.hub.url, CLERK, str(self.hub.clerk_password)],
            child_env(self.work / "clerk", PYTHONPATH=str(REPO)),
            self.work / "clerk.log",
        )
        if self.args.consults_per_hour > 0:
            self.clerk.start()

    def build_terminal(self) -> None:
        """The window and services as ui.app builds them, over the rig; the clocks read simulated time."""
        from catalog.store import CatalogStore
        from kiosk.catalog_service import catalog_in_use
        from kiosk.config import load_config
        from kiosk.face.models import load_models
        from kiosk.idle import IdleMonitor
        from kiosk.logs import setup_logging
        from kiosk.technician import TechnicianLock
        from ui.app import build_services, build_window, ime_path, make_application

        shutil.copyfile(self.admin.trusted_root, self.work / "trusted-root.json")
        self.config = config = load_config(
            environ={
                "KIOSK_TERMINAL_DATA_DIR": str(self.work / "data"),
                "KIOSK_CATALOG_BUNDLE": str(self.bundle),
                "KIOSK_CATALOG_UPDATE_URL": self.repo_server.url,
                "KIOSK_CATALOG_TRUSTED_ROOT": str(self.work / "trusted-root.json"),
                "KIOSK_HUB_URL": self.hub.url,
                "KIOSK_HUB_TOKEN_FILE": str(self.hub.token_file),
                "KIOSK_HUB_SERVE_LOCAL": "false",
                "KIOSK_A4_PRINTER_ENABLED": "false",  # no CUPS queue here: a guide that cannot print is kept as a PDF
            }
        )
        setup_logging(config.data_dir / "logs")
        root = logging.getLogger()
        for handler in list(root.handlers):
            if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
                root.removeHandler(handler)  # the terminal's log goes to its file; the console shows the soak
        root.addHandler(self.errors)
        ime_path(config).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.ime, ime_path(config))
        TechnicianLock(config.pin_path, config.technician.lockout_seconds).set_pin(TECHNICIAN_PIN)
        self.app = make_application()
        self.install_hooks()
        store = CatalogStore(catalog_in_use(config))
        services = build_services(config, store, background=False)
        if not self.args.voice:
            services.pop("voice", None)
        window = build_window(config, store, services)
        window.resize(1920, 1080)
        window.show()
        self.app.processEvents()
        window.idle = IdleMonitor(
            config.session.idle_seconds, config.session.warning_seconds, clock=self.clock.monotonic
        )
        services["delivery"].clock = self.clock.time
        updates = services["catalog_updates"]
        updates.clock = self.clock.time
        updates.interval_s = 10.0  # until the first hour's pace is known (scale_timers)
        self.window, self.services = window, services
        self.driver = flows.Driver(window, services, self.clock, self.rng, self.record)
        self.driver.faces = {"models": load_models(), "photos": face_photos()}
        for service in (services["delivery"], updates):
            service.start()

    def install_hooks(self) -> None:
        """Uncaught exceptions (GUI thread and other threads) and Qt's warnings are counted; the GUI thread's do
        what the app's own hook does (the calm error screen)."""
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler  # the one Qt name ui/qt.py does not offer

        def on_error(exc_type, exc, tb) -> None:
            text = "".join(traceback.format_exception(exc_type, exc, tb, limit=12))
            self.uncaught.append(text)
            log.error("uncaught exception:\n%s", text)
            window = getattr(self, "window", None)
            if window is not None:
                window.unexpected_error()

        def on_thread_error(hook_args) -> None:
            text = "".join(traceback.format_exception(hook_args.exc_type, hook_args.exc_value, hook_args.exc_traceback))
            self.uncaught.append(f"thread {hook_args.thread.name if hook_args.thread else '?'}: {text}")
            log.error("uncaught exception in a thread:\n%s", text)

        def on_qt_message(kind, _context, message: str) -> None:
            name = {QtMsgType.QtWarningMsg: "warning", QtMsgType.QtCriticalMsg: "critical"}.get(kind, "")
            if name:
                key = f"{name}: {message[:80]}"
                self.qt_messages[key] = self.qt_messages.get(key, 0) + 1

        sys.excepthook = on_error
        threading.excepthook = on_thread_error
        qInstallMessageHandler(on_qt_message)

    # -- sampling ------------------------------------------------------------------------------------------------
    def settle(self, seconds: float = 0.3) -> None:
        """Let background jobs finish and Qt deliver what is pending before a sample."""
        flows.spin(round(seconds * 1000))

    def sample(self, **extra: Any) -> Sample:
        """One point of the curve, taken as the terminal stands between residents: on the attract screen, after the
        freed memory of the last session went back to the system (RELEASE_AFTER_MS); sampled sooner, the curve
        shows where in that release the sample fell (up to +-40 MB) rather than what the terminal keeps."""
        from ui.main_window import RELEASE_AFTER_MS

        self.settle(RELEASE_AFTER_MS / 1000 + SAMPLE_MARGIN_S)
        point = measure(
            self.clock,
            self.started,
            self.sessions,
            self.window,
            self.services,
            len(self.uncaught),
            self.hub.child.running(),
            len(self.record.submitted),
        )
        point.extra.update(extra)
        self.samples.append(point)
        log.info("sample %s", asdict(point))
        return point

    # -- the day -------------------------------------------------------------------------------------------------
    def idle_hours(self, hours: int) -> None:
        """Nobody at the terminal: the attract screen, its timers, delivery and catalog checks (the baseline)."""
        for _ in range(hours * 60):
            self.clock.advance(60)
            self.settle(0.05)

    def run_session(self, kind: str, hour: int, faults: list[str]) -> None:
        """One resident; a failed step is recorded and the terminal brought back to the attract screen the way a
        resident leaving would (the idle timeout)."""
        d = self.driver
        seed = self.rng.randrange(1_000_000)
        began = time.monotonic()
        try:
            if kind == "browse":
                flows.browse(d, self.new_items)
            elif kind == "apply":
                self.applications += 1
                wanted = set()
                for fault in ("card_unplug", "camera_lost", "paper_out"):
                    if fault in faults:
                        faults.remove(fault)
                        wanted.add(fault)
                full = (
                    bool(wanted & {"card_unplug", "camera_lost"}) or (self.applications - 1) % self.args.full_every == 0
                )
                flows.apply(d, self.rng.choice(self.apply_items), seed, full, wanted)
            elif kind == "status":
                receipt = self.rng.choice(self.record.submitted) if self.record.submitted else None
                flows.status(d, receipt)
            elif kind == "pickup":
                flows.pickup(d, self.rng.choice(self.pickup_items), seed)
            elif kind == "consult":
                flows.consult(d, self.rng.choice(self.apply_items), self.hub.child.running())
            elif kind == "technician":
                flows.technician(d, TECHNICIAN_PIN)
            d.record.count(d.record.flows, kind)
        except Exception as exc:  # a script step that did not happen: what and where, then carry on
            where = f"{kind} @ {self.clock.hours:.2f} h: {type(exc).__name__}: {exc}"
            self.record.script_errors.append(where)
            log.warning("session failed: %s\n%s", where, traceback.format_exc(limit=6))
            if not self.args.quiet:
                print(f"  ! {where}", flush=True)
            self.recover()
        self.record.wall.setdefault(kind, []).append(time.monotonic() - began)
        self.sessions += 1

    def recover(self) -> None:
        """After a failed script: walk away (the idle timeout), else restart the session."""
        from kiosk.session import Screen

        for sim in ("camera", "doccamera"):
            self.services["devices"].simulators[sim].show(None)
        printer = self.services["devices"].simulators["printer"]
        printer.faults.paper = "ok"
        self.services["devices"].simulators["idcard"].faults.unplugged = False
        if self.window.session.screen != Screen.ATTRACT:
            try:
                self.driver.walk_away()
            except Exception:
                self.window.session.end("restart")
        self.settle(0.5)

    def scale_timers(self, wall_per_hour: float) -> None:
        """The catalog check interval (15 simulated minutes) in wall time at the pace of the last hour."""
        check_s = self.config.catalog.check_seconds
        self.services["catalog_updates"].interval_s = max(1.0, wall_per_hour * check_s / 3600)

    def hour_sessions(self, hour: int) -> list[str]:
        """The hour's residents: how many by the day's profile, which flow by the mix; consultations spread in
        the opening hours; the technician first thing in the morning."""
        day_hour = (self.args.day_start + hour) % 24
        weight = DAY_PROFILE[day_hour] / (sum(DAY_PROFILE) / 24)
        count = (
            max(1, round(self.args.sessions_per_hour * weight)) if not self.args.quick else self.args.sessions_per_hour
        )
        kinds = self.rng.choices(list(MIX), list(MIX.values()), k=count)
        consults = self.args.consults_per_hour if 8 <= day_hour < 20 else 0
        if self.args.quick:
            consults = self.args.consults_per_hour if hour == 0 else 0
        for _ in range(consults):
            kinds.insert(self.rng.randrange(len(kinds) + 1), "consult")
        if hour in self.plan.technician:
            kinds.insert(0, "technician")
        if self.args.quick:  # one of every flow at least
            for kind in ("browse", "apply", "status", "pickup"):
                if kind not in kinds:
                    kinds.append(kind)
        if self.args.only:
            kinds = [k for k in kinds if k in self.args.only.split(",")]
        return kinds

    def run_hour(self, hour: int) -> None:
        """One simulated hour: its events, its residents at their arrival times, a sample at its end."""
        from kiosk.session import Screen

        wall0 = time.monotonic()
        start = (self.args.baseline_hours + hour) * 3600.0
        self.clock.advance_to(start)
        self.admin.reap()
        if hour in self.plan.outage:
            self.hub.stop()
            self.note("hub_down")
        if hour in self.plan.updates:
            version = self.admin.publish(self.plan.updates[hour])
            self.pending_update = version
            self.note("catalog_published", version=version)
        else:
            self.admin.resign()
        kinds = self.hour_sessions(hour)
        faults = list(self.plan.faults.get(hour, []))
        idle = self.config.session.idle_seconds + self.config.session.warning_seconds
        budget = 3300 - len(kinds) * flows.WALK_AWAY * idle
        self.driver.pace = min(1.0, max(0.02, budget / max(1, len(kinds)) / flows.NOMINAL_S))
        arrivals = sorted(self.rng.uniform(0, 3300) for _ in kinds)
        for n, (kind, at) in enumerate(zip(kinds, arrivals, strict=True)):
            self.clock.advance_to(start + at)
            self.settle(0.01)
            self.check_catalog()
            if self.window.session.screen != Screen.ATTRACT:
                self.recover()
            self.run_session(kind, hour, faults)
            if (n + 1) % self.args.sample_every == 0:
                self.sample()
        if faults:  # no application came this hour: the fault goes to the next hour's first
            self.plan.faults.setdefault(hour + 1, []).extend(faults)
        if self.clock.elapsed > start + 3540:
            self.note("hour_overrun", by_s=round(self.clock.elapsed - start - 3540))
        self.clock.advance_to(start + 3540)
        if hour in self.plan.outage:
            depth = self.services["outbox"].depth()
            self.hub.start()
            self.services["delivery"].nudge()
            self.note("hub_up", waiting=depth)
        self.clock.advance_to(start + 3600)
        self.check_catalog()
        self.sample(hour_end=hour + 1)
        wall = time.monotonic() - wall0
        self.scale_timers(wall)
        if not self.args.quiet:
            s = self.samples[-1]
            print(
                f"hour {hour + 1:2d}: {len(kinds):3d} sessions ({self.sessions} in all) in {wall:5.1f} s | "
                f"RSS {s.rss_mb:6.1f} MB, fds {s.fds}, threads {s.threads}/{s.os_threads}, widgets {s.widgets}, "
                f"outbox {s.outbox_depth}, catalog {s.catalog}, errors {s.errors}, failed sessions "
                f"{len(self.record.script_errors)}",
                flush=True,
            )

    def check_catalog(self) -> None:
        """Note when a published update went live on the terminal."""
        version = self.window.ctx.store.version
        if self.pending_update and version == self.pending_update:
            self.note("catalog_live", version=version)
            self.new_items.append(update_item_name(len(self.new_items) + 1))
            self.pending_update = ""

    def draw_glyphs(self) -> None:
        """Fill Qt's glyph caches before the day: every character a resident can be shown, in every font of the
        style sheets (bench.glyph_cache), so that the day's curve shows what else the terminal keeps."""
        from bench.glyph_cache import draw_all, shown_characters, style_fonts

        # The items the day's catalog updates will add are drawn too.
        extra = "".join(update_item_name(n) for n in range(1, len(self.plan.updates) + 1))
        text = shown_characters(self.bundle, extra)
        heap = native_heap_mb()[0]
        draw_all(text, style_fonts())
        self.note("glyphs_drawn", characters=len(text), heap_mb=round(native_heap_mb()[0] - heap, 1))

    # -- the end -------------------------------------------------------------------------------------------------
    def drain(self, timeout: float = 180.0) -> None:
        """Let delivery send what waits (simulated minutes pass so that backoffs fall due)."""
        deadline = time.monotonic() + timeout
        while self.services["outbox"].depth() and time.monotonic() < deadline:
            self.clock.advance(60)
            self.services["delivery"].nudge()
            self.settle(0.5)

    def final_check(self) -> bool:
        """The terminal still answers: one more resident looks an item up and reads its guide."""
        from kiosk.session import Screen

        d = self.driver
        try:
            d.begin(language="zh_CN", elderly=False)
            d.home_tile("search")
            d.search("社保卡", typed=False)
            d.open_result(0)
            d.end(walk_away=False)
            return self.window.session.screen == Screen.ATTRACT and self.window.isVisible()
        except Exception as exc:
            self.record.script_errors.append(f"final check: {exc}")
            return False

    def run(self) -> dict[str, Any]:
        """The whole soak; returns the report."""
        self.plan = day_plan(self.args.hours, self.args.quick, self.args.day_start)
        self.pending_update = ""
        print(f"soak: preparing in {self.work} ...", flush=True)
        self.prepare()
        self.build_terminal()
        store = self.window.ctx.store
        self.apply_items = flows.self_service_items(store)
        self.pickup_items = flows.pickup_items(store)
        self.settle(2.0)
        if self.args.glyphs_first:
            self.draw_glyphs()
        self.sample(phase="start")
        self.idle_hours(self.args.baseline_hours)
        self.sample(phase="baseline_end")
        self.note("residents_start")
        for hour in range(self.args.hours):
            self.run_hour(hour)
        self.admin.reap(wait=True)
        self.drain()
        answers = self.final_check()
        self.settle(1.0)
        self.sample(phase="end")
        counts = self.hub.counts()
        return self.report(counts, answers)

    def close(self) -> None:
        """Stop the terminal's services and the children; remove the work folder unless kept."""
        services = getattr(self, "services", None)
        if services is not None:
            for name in ("delivery", "catalog_updates"):
                services[name].stop()
            self.window.session.end("finish")
            self.window.lookup.close()
            self.window.allow_close = True
            self.window.close()
            services["devices"].close()
            services["outbox"].close()
        for child in ("clerk", "repo_server", "hub"):
            part = getattr(self, child, None)
            if part is not None:
                (part if isinstance(part, Child) else part.child).stop()
        if not self.args.keep and not self.args.work:
            shutil.rmtree(self.work, ignore_errors=True)

    # -- the report ----------------------------------------------------------------------------------------------
    def report(self, counts: dict[str, Any], answers: bool) -> dict[str, Any]:
        """Figures and criteria."""
        return build_report(self, counts, answers)


def face_photos() -> list:
    """Two photos of one person from the shared faces (an older one for the card, one for the camera)."""
    import csv

    import cv2

    faces = REPO.parent / "shared" / "data" / "faces"
    with open(faces / "identities.csv", newline="", encoding="utf-8") as f:
        names = [row["img"] for row in csv.DictReader(f) if row["identity"] == "id01"]
    return [cv2.imread(str(faces / "images" / name)) for name in names]


def least_squares(points: list[tuple[float, float]]) -> float:
    """The slope of the least-squares line through (x, y) points (0 for fewer than two distinct x)."""
    if len({x for x, _ in points}) < 2:
        return 0.0
    mx = statistics.mean(x for x, _ in points)
    my = statistics.mean(y for _, y in points)
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def quarter(values: list[Sample]) -> tuple[list[Sample], list[Sample]]:
    """The first and the last quarter of the samples after warm-up."""
    q = max(1, len(values) // 4)
    return values[:q], values[-q:]


def build_report(soak: Soak, counts: dict[str, Any], answers: bool) -> dict[str, Any]:
    """The soak's figures, the criteria with PASS/FAIL, and the samples."""
    samples = soak.samples
    baseline = [s for s in samples if s.extra.get("phase") in ("start", "baseline_end")]
    day = [s for s in samples if s.extra.get("phase") is None]
    # Warm-up: the first hours, and at least the first 15 % of the sessions (caches and allocator pools fill).
    warm_hours = soak.args.warmup_hours + soak.args.baseline_hours
    warm_sessions = 0.15 * soak.sessions if not soak.args.quick else 0
    after = [s for s in day if s.hour >= warm_hours and s.sessions >= warm_sessions] or day
    early, late = quarter(after)
    med = lambda xs, key: statistics.median(getattr(s, key) for s in xs)  # noqa: E731
    sessions_between = max(1, med(late, "sessions") - med(early, "sessions"))
    rss_growth = (med(late, "rss_mb") - med(early, "rss_mb")) / sessions_between * 1000
    slope = least_squares([(s.sessions, s.rss_mb) for s in after]) * 1000
    rss_warm, rss_end = med(early, "rss_mb"), samples[-1].rss_mb
    growth = lambda key: (med(late, key) - med(early, key)) / sessions_between * 1000  # noqa: E731
    base_ratio = baseline[-1].rss_mb / baseline[0].rss_mb
    day_ratio = rss_end / rss_warm
    submitted = [t for t, _ in soak.record.submitted]
    hub_subs, hub_appts = counts["submissions"], counts["appointments"]
    missing = [t for t in submitted if t not in hub_subs]
    extra = [t for t in hub_subs if t not in set(submitted)]
    duplicated = [t for t, n in hub_subs.items() if n != 1]
    booked_missing = [a for a in soak.record.booked if a not in hub_appts]
    expected_versions = [e["version"] for e in soak.events if e["kind"] == "catalog_published"]
    live_versions = [e["version"] for e in soak.events if e["kind"] == "catalog_live"]
    fd_growth = max(s.fds for s in late) - med(early, "fds")
    thread_growth = max(s.threads for s in late) - med(early, "threads")
    os_thread_growth = max(s.os_threads for s in late) - med(early, "os_threads")
    end = samples[-1]
    criteria = {
        "no uncaught exception": len(soak.uncaught) == 0,
        "no failed session": not soak.record.script_errors,
        "every submission at the hub exactly once": not missing and not extra and not duplicated,
        "every booking at the hub": not booked_missing,
        "outbox empty at the end": end.outbox_depth == 0,
        "catalog updates live": expected_versions == live_versions
        and end.catalog == (expected_versions or [end.catalog])[-1],
        f"fds flat (+-{FD_TOLERANCE})": abs(fd_growth) <= FD_TOLERANCE,
        f"threads flat (+-{THREAD_TOLERANCE})": abs(thread_growth) <= THREAD_TOLERANCE
        and abs(os_thread_growth) <= THREAD_TOLERANCE,
        f"RSS growth under {RSS_LIMIT_MB_PER_1000:.0f} MB per 1000 sessions": rss_growth < RSS_LIMIT_MB_PER_1000
        if sessions_between >= MIN_SESSIONS_FOR_RSS
        else None,
        "the terminal answers at the end": answers,
    }
    return {
        "settings": {k: v for k, v in vars(soak.args).items() if k not in ("out",)},
        "wall_s": round(time.monotonic() - soak.started, 1),
        "sessions": soak.sessions,
        "flows": soak.record.flows,
        "outcomes": soak.record.outcomes,
        "faults": soak.record.faults,
        "full_applications": soak.record.full_applications,
        "wall_per_session_s": {k: round(statistics.mean(v), 2) for k, v in sorted(soak.record.wall.items())},
        "consult_calls": soak.record.consult_calls,
        "submitted": len(submitted),
        "hub_submissions": len(hub_subs),
        "missing": missing,
        "extra": extra,
        "duplicated": duplicated,
        "booked": len(soak.record.booked),
        "hub_appointments": len(hub_appts),
        "uncaught": soak.uncaught[:20],
        "script_errors": soak.record.script_errors[:50],
        "error_logs": soak.errors.by_logger,
        "error_messages": soak.errors.by_message,
        "qt_messages": soak.qt_messages,
        "catalog_published": expected_versions,
        "catalog_live": live_versions,
        "admin_failures": soak.admin.failures,
        "figures": {
            "rss_after_warmup_mb": rss_warm,
            "rss_end_mb": rss_end,
            "rss_growth_mb_per_1000_sessions": round(rss_growth, 2),
            "rss_slope_mb_per_1000_sessions": round(slope, 2),
            "rss_anon_growth_mb_per_1000_sessions": round(growth("rss_anon_mb"), 2),
            "rss_file_growth_mb_per_1000_sessions": round(growth("rss_file_mb"), 2),
            "heap_growth_mb_per_1000_sessions": round(growth("heap_mb"), 2),
            "rss_peak_mb": round(rss_kinds_mb()["peak"], 1),
            "warmup_sessions": after[0].sessions,
            "rss_ratio_day": round(day_ratio, 4),
            "rss_ratio_idle_baseline": round(base_ratio, 4),
            "ratio_vs_baseline": round(day_ratio / base_ratio, 4),
            "fds_after_warmup": med(early, "fds"),
            "fds_last_quarter_max": max(s.fds for s in late),
            "threads_after_warmup": med(early, "threads"),
            "threads_last_quarter_max": max(s.threads for s in late),
            "os_threads_after_warmup": med(early, "os_threads"),
            "os_threads_last_quarter_max": max(s.os_threads for s in late),
            "widgets_after_warmup": med(early, "widgets"),
            "widgets_end": end.widgets,
            "all_widgets_after_warmup": med(early, "all_widgets"),
            "all_widgets_end": end.all_widgets,
            "objects_after_warmup": med(early, "objects"),
            "objects_end": end.objects,
            "fd_kinds_end": fd_kinds(),
            "thread_names_end": thread_names(),
        },
        "criteria": criteria,
        "events": soak.events,
        "samples": [asdict(s) for s in samples],
    }


def print_report(report: dict[str, Any]) -> None:
    """The figures, as the README quotes them."""
    f = report["figures"]
    hours = report["settings"]["hours"]
    print()
    print(
        f"soak: {hours} simulated hours, {report['sessions']} sessions in {report['wall_s'] / 60:.1f} min wall "
        f"({report['full_applications']} applications with the real face check and capture, "
        f"{report['consult_calls']} video calls)"
    )
    print("flows: " + ", ".join(f"{k} {v}" for k, v in sorted(report["flows"].items())))
    print("wall per session: " + ", ".join(f"{k} {v:.2f} s" for k, v in report["wall_per_session_s"].items()))
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(report["outcomes"].items())))
    print("faults: " + ", ".join(f"{k} {v}" for k, v in sorted(report["faults"].items())))
    print(
        f"submissions: {report['submitted']} made, {report['hub_submissions']} at the hub "
        f"(missing {len(report['missing'])}, duplicated {len(report['duplicated'])}, unexpected {len(report['extra'])})"
        f" | bookings: {report['booked']} made, {report['hub_appointments']} at the hub"
    )
    print(f"catalog: published {report['catalog_published']}, live {report['catalog_live']}")
    for event in report["events"]:
        if event["kind"] == "glyphs_drawn":
            print(f"glyphs drawn first: {event['characters']} characters, glyph caches +{event['heap_mb']} MB of heap")
    print(
        f"RSS: {f['rss_after_warmup_mb']:.1f} MB after warm-up -> {f['rss_end_mb']:.1f} MB at the end "
        f"({f['rss_growth_mb_per_1000_sessions']:+.2f} MB per 1000 sessions between the quarter after warm-up and "
        f"the last; least-squares slope after warm-up {f['rss_slope_mb_per_1000_sessions']:+.2f} MB per 1000; "
        f"warm-up: the first {f['warmup_sessions']} sessions)"
    )
    print(
        f"RSS per 1000 sessions by kind: anonymous {f['rss_anon_growth_mb_per_1000_sessions']:+.2f} MB, file-backed "
        f"{f['rss_file_growth_mb_per_1000_sessions']:+.2f} MB | glibc heap in use "
        f"{f['heap_growth_mb_per_1000_sessions']:+.2f} MB | peak RSS {f['rss_peak_mb']:.1f} MB"
    )
    print(
        f"fds: {f['fds_after_warmup']:.0f} after warm-up, last quarter max {f['fds_last_quarter_max']} | threads: "
        f"{f['threads_after_warmup']:.0f} -> {f['threads_last_quarter_max']} (Python), "
        f"{f['os_threads_after_warmup']:.0f} -> {f['os_threads_last_quarter_max']} (kernel) | Qt top-level widgets: "
        f"{f['widgets_after_warmup']:.0f} -> {f['widgets_end']} (all {f['all_widgets_after_warmup']:.0f} -> "
        f"{f['all_widgets_end']}) | Python objects: {f['objects_after_warmup']:.0f} -> "
        f"{f['objects_end']}"
    )
    print(
        f"RSS end / after warm-up {f['rss_ratio_day']:.3f} | idle attract baseline end / start "
        f"{f['rss_ratio_idle_baseline']:.3f} | ratio {f['ratio_vs_baseline']:.3f}x baseline"
    )
    print(
        f"uncaught exceptions: {len(report['uncaught'])} | failed sessions: {len(report['script_errors'])} | "
        f"ERROR log lines: {sum(report['error_logs'].values())} {report['error_logs'] or ''}"
    )
    for message, count in sorted(report["error_messages"].items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {count:4d} x {message}")
    for name, ok in report["criteria"].items():
        print(f"{'PASS' if ok else 'FAIL' if ok is False else 'n/a '}  {name}")


def main(argv: list[str] | None = None) -> int:
    """Run the soak, write the samples (JSON) and the plot (PNG), print the figures; exit 1 if a criterion fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=int, default=24, help="simulated hours of residents")
    parser.add_argument("--sessions-per-hour", type=int, help="residents in an average hour (default 60; --quick 8)")
    parser.add_argument("--quick", action="store_true", help="2 hours, a few dozen sessions, every flow and fault")
    parser.add_argument("--out", default="docs/soak", help="writes OUT.json and OUT.png")
    parser.add_argument("--work", help="work folder (kept); default a temporary one, removed unless --keep")
    parser.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    parser.add_argument("--bundle", help="a prebuilt catalog bundle of the bundled source (else built)")
    parser.add_argument("--ime", help="a prebuilt pinyin dictionary (else built)")
    parser.add_argument(
        "--full-every", type=int, default=25, help="every Nth application runs face and capture for real"
    )
    parser.add_argument("--consults-per-hour", type=int, default=2, help="video calls in an opening hour")
    parser.add_argument("--day-start", type=int, default=6, help="the hour of the day the soak's first hour is")
    parser.add_argument("--baseline-hours", type=int, default=2, help="idle attract-screen hours before residents")
    parser.add_argument("--warmup-hours", type=int, default=1, help="simulated hours left out of the flatness figures")
    parser.add_argument("--sample-every", type=int, default=25, help="a sample every N sessions (and every hour)")
    parser.add_argument("--voice", action="store_true", help="spoken guidance on (espeak-ng to PulseAudio)")
    parser.add_argument("--only", help="comma-separated flows to keep (a look at one flow: browse,apply,status ...)")
    parser.add_argument(
        "--glyphs-first",
        action="store_true",
        help="draw every character in every font before the day (bench.glyph_cache): the curve without the glyph "
        "caches' one-time fill",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.sessions_per_hour is None:
        args.sessions_per_hour = 8 if args.quick else 60
    if args.quick:
        args.hours = min(args.hours, 2)
        args.consults_per_hour = min(args.consults_per_hour, 1)  # the one full application is the faults' one
        args.baseline_hours, args.warmup_hours = min(args.baseline_hours, 1), 1
        args.sample_every = min(args.sample_every, 4)
    from kiosk.malloc import limit_arenas

    limit_arenas()  # as `kiosk run` does at its start
    soak = Soak(args)
    try:
        report = soak.run()
    finally:
        soak.close()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{out}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    submitted = {"submitted": [t for t, _ in soak.record.submitted], "booked": soak.record.booked}
    if args.work or args.keep:
        (soak.work / "submitted.json").write_text(json.dumps(submitted) + "\n", encoding="utf-8")
    from bench.soak_plot import draw

    draw(report, Path(f"{out}.png"))
    print_report(report)
    print(f"samples: {out}.json | plot: {out}.png" + (f" | work: {soak.work}" if args.work or args.keep else ""))
    return 0 if all(ok is not False for ok in report["criteria"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
