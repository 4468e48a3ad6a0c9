"""`kiosk run --smoke`: the terminal as it starts for residents, checked end to end and then closed.

For an installation (and the bundle's test): a touch on the attract screen must bring the home screen, its search tile
the catalog list, and a query results; then the parts that only show their trouble later are tried (OCR engines with
tesseract's language data, the face models, the video consultation's media stack, the hub, a portal page in
QtWebEngine). One JSON line on stdout reports it all, with the reason for anything unavailable; the exit code is 0
when the home screen and the search work. Nothing personal is involved.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

from kiosk.frozen import is_frozen
from kiosk.modules import enabled_modules
from kiosk.session import Screen
from ui.main_window import KioskWindow
from ui.qt import QApplication, QEvent, QMouseEvent, QObject, QPointF, Qt, QTimer

QUERY = "社保卡"  # 社会保障卡: every catalog the district publishes has items for it
PORTAL_TIMEOUT_MS = 30000


def _consult_media() -> bool | str:
    """Whether the video consultation's media stack loads and encodes a frame (aiortc's VP8 over PyAV)."""
    try:
        import fractions

        import numpy as np
        from aiortc.codecs.vpx import Vp8Encoder
        from av import VideoFrame

        import kiosk.consult.call  # noqa: F401 - the call client as the consultation screen imports it

        frame = VideoFrame.from_ndarray(np.zeros((240, 320, 3), np.uint8), format="bgr24")
        frame.pts, frame.time_base = 0, fractions.Fraction(1, 90000)
        payloads, _timestamp = Vp8Encoder().encode(frame)
    except Exception as exc:  # a library missing from the installation
        return f"{type(exc).__name__}: {exc}"
    return True if payloads else "the VP8 encoder produced nothing"


class SmokeCheck(QObject):
    """Drives the window as a resident would, collects the report, then calls `done(exit_code)`."""

    def __init__(self, window: KioskWindow, done: Callable[[int], None]):
        super().__init__(window)
        self.window = window
        self.done = done
        self.started = time.monotonic()
        self.report: dict[str, Any] = {"ok": False, "frozen": is_frozen(), "executable": sys.executable}
        self.problems: list[str] = []
        self._portal_timer: QTimer | None = None

    def start(self) -> None:
        """Begin once the event loop runs."""
        QTimer.singleShot(0, self, self._touch_attract)

    def _touch_attract(self) -> None:
        window = self.window
        self.report["catalog"] = window.ctx.store.version
        # A touch anywhere on the attract screen starts a session.
        centre = QPointF(window.attract.width() / 2, window.attract.height() / 2)
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            centre,
            window.attract.mapToGlobal(centre),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window.attract, press)
        home = window.session.screen == Screen.HOME and window.stack.currentWidget() is window.home
        self.report["screen"] = str(window.session.screen)
        self.report["home"] = {"shown": home, "tiles": sorted(window.home.tiles)}
        tile = window.home.tiles.get("search")
        if not home:
            self._fail(f"a touch on the attract screen led to {window.session.screen}, not the home screen")
            return
        if tile is None:
            self._fail("the home screen has no search tile (modules.enabled leaves out search)")
            return
        tile.click()
        window.browse.search.setText(QUERY)  # as the touch keyboard types it
        QTimer.singleShot(0, self, self._read_results)  # after the list has fitted its rows

    def _read_results(self) -> None:
        window = self.window
        rows = window.browse.browser.state.rows
        shown = [button for button in window.browse.result_buttons if button.isVisible()]
        self.report["search"] = {
            "screen": str(window.session.screen),
            "query": QUERY,
            "results": len(rows),
            "shown": len(shown),
            "first": {"id": rows[0].id, "name": rows[0].title} if rows else None,
        }
        if window.session.screen != Screen.BROWSE or not rows or not shown:
            self._fail(f"searching {QUERY} showed no results")
            return
        window.session.go("home")
        self._engines()
        self._open_portal()

    def _engines(self) -> None:
        """OCR engines, face models and the hub: available, or why not."""
        from kiosk.diagnostics import hub_reachability
        from kiosk.ocr.engines import available_engines

        self.report["ocr"] = available_engines()
        for name, status in self.report["ocr"].items():
            if status is not True:
                self.problems.append(f"OCR engine {name} unavailable: {status}")
        try:
            from kiosk.face.models import load_models

            self.report["face_models"] = str(load_models().folder)
        except Exception as exc:  # a missing file, or dlib failing to read it
            self.report["face_models"] = None
            self.problems.append(f"face models unavailable: {exc}")
        self.report["consult_media"] = _consult_media()
        if self.report["consult_media"] is not True:
            self.problems.append(f"video consultation media unavailable: {self.report['consult_media']}")
        self.report["hub"] = hub_reachability(self.window.config.hub.url)

    def _open_portal(self) -> None:
        """The first portal module's start page in QtWebEngine (a page that loads proves the engine runs)."""
        portals = [module.id for module in enabled_modules(self.window.config) if module.portal]
        if not portals:
            self.report["portal"] = None
            self._finish()
            return
        self.report["portal"] = {"module": portals[0], "url": self.window.config.portal(portals[0]).url, "loaded": None}
        self.window.session.open_module(portals[0])
        self.window.portal.load_finished.connect(self._portal_loaded)
        self._portal_timer = QTimer(self)
        self._portal_timer.setSingleShot(True)
        self._portal_timer.timeout.connect(lambda: self._portal_loaded(False, timed_out=True))
        self._portal_timer.start(PORTAL_TIMEOUT_MS)

    def _portal_loaded(self, ok: bool, timed_out: bool = False) -> None:
        if self.report["portal"]["loaded"] is not None:
            return  # a later signal (a redirect, or the timer after the page)
        self._portal_timer.stop()
        self.report["portal"]["loaded"] = bool(ok)
        if not ok:
            why = "timed out" if timed_out else "failed"
            self.problems.append(f"portal page {self.report['portal']['url']} {why} (no network here?)")
        self.window.session.go("home")
        self._finish()

    def _fail(self, problem: str) -> None:
        self.problems.append(problem)
        self._finish()

    def _finish(self) -> None:
        self.report["ok"] = bool(self.report.get("search", {}).get("shown"))
        self.report["problems"] = self.problems
        self.report["took_s"] = round(time.monotonic() - self.started, 2)
        print(json.dumps(self.report, ensure_ascii=False), flush=True)
        for problem in self.problems:
            print(f"kiosk: smoke: {problem}", file=sys.stderr, flush=True)
        if self.report["ok"]:
            search = self.report["search"]
            print(f"kiosk: home screen ready (searching {QUERY}: {search['results']} results)", file=sys.stderr)
        else:
            print("kiosk: smoke check failed", file=sys.stderr, flush=True)
        self.done(0 if self.report["ok"] else 1)
