"""Wiring of 视频咨询 into the window: the consult screen, the ways to it (the home tile, the item guide's button,
the face check after its last try), the call client per call, its events and the clerk's frames brought to the
GUI thread, and the face camera opened for the call and closed after it.

`install_consult(window)` is called once by the main window after its other screens exist.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

import numpy as np

from kiosk.session import Screen, Session
from ui.qt import QObject, QTimer, Signal
from ui.screens.consult import ConsultScreen

if TYPE_CHECKING:
    from ui.main_window import KioskWindow

log = logging.getLogger("kiosk.ui.consult")
SELF_VIEW_MS = 100  # the resident's own picture at 10 fps: enough to see oneself, cheap on the CPU
# Screens whose item the clerk should know about when the resident asks from them.
ITEM_SCREENS = {Screen.ITEM, Screen.FACE, Screen.APPLY}


class FrameRelay(QObject):
    """The newest frame from another thread to the GUI thread: one slot, one signal in flight at most, so a busy
    GUI drops frames instead of queueing them."""

    ready = Signal()

    def __init__(self, parent: QObject, on_frame) -> None:
        super().__init__(parent)
        self.on_frame = on_frame
        self._lock = threading.Lock()
        self._frame: np.ndarray | None = None
        self._pending = False
        self.dropped = 0
        self.ready.connect(self._deliver)

    def offer(self, frame: np.ndarray) -> None:
        """Any thread: keep `frame` as the newest (the one waiting is dropped)."""
        with self._lock:
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            if self._pending:
                return
            self._pending = True
        self.ready.emit()

    def _deliver(self) -> None:
        with self._lock:
            frame, self._frame, self._pending = self._frame, None, False
        if frame is not None:
            self.on_frame(frame)

    def clear(self) -> None:
        """Drop any frame waiting (a call ended)."""
        with self._lock:
            self._frame = None


class Consult(QObject):
    """The consult screen and one call at a time."""

    event = Signal(object)  # (call number, event dict) from the call client's thread

    def __init__(self, window: KioskWindow):
        super().__init__(window)
        self.window = window
        self.session: Session = window.session
        ctx = window.ctx
        self.services = ctx.services
        self.screen: ConsultScreen = window._add(Screen.CONSULT, ConsultScreen(ctx))
        self.relay = FrameRelay(self, self.screen.set_remote_frame)
        self.client: Any = None
        self.calls = 0  # numbers the calls: late events of an earlier call are dropped
        self.camera_opened = False  # touched only by camera jobs
        self.last_self = 0.0
        self.self_timer = QTimer(self)
        self.self_timer.setInterval(SELF_VIEW_MS)
        self.self_timer.timeout.connect(self.show_self)

        self.event.connect(self.on_event)
        if hasattr(window.item, "consult"):
            window.item.consult.connect(lambda: self.session.go("consult"))
        window.face.consult.connect(lambda: self.session.go("consult"))
        self.screen.leave.connect(self.leave)
        self.screen.hang_up.connect(self.hang_up)
        self.screen.mute.connect(self.set_muted)
        self.screen.record_answer.connect(self.answer_record)
        self.screen.close_push.connect(self.close_push)
        self.screen.again.connect(self.begin)
        self.screen.done.connect(lambda: self.session.go("back"))
        self.screen.leave_confirmed.connect(self.session.go)  # leaving the screen hangs up (on_session)
        self.session.on_change(self.on_session)
        self.session.on_wipe(self.end_call)

    def titles(self) -> dict[Screen, str]:
        """The top bar's title of the consult screen."""
        return {Screen.CONSULT: self.tr("视频咨询")}

    # -- the session ----------------------------------------------------------------------------------
    def on_session(self, session: Session, reason: str) -> None:
        """Entering the screen calls; leaving it (back, home, a scanned receipt) leaves the queue or hangs up."""
        if session.screen == Screen.CONSULT and reason == "consult":
            self.begin()
        elif session.screen != Screen.CONSULT and self.client is not None:
            self.end_call()

    def begin(self) -> None:
        """Ask for a clerk: about the item on show when the resident came from its guide or its face check."""
        self.end_call()
        flow = self.session.data.consult
        factory = self.services.get("consult")
        if factory is None:
            flow.unavailable()
            self.screen.render()
            return
        came_from = self.session.stack[-1] if self.session.stack else None
        item = self.window.ctx.store.item(self.session.data.item_id) if came_from in ITEM_SCREENS else None
        flow.start(item.id if item else "", item.name if item else "")
        self.calls += 1
        number = self.calls
        self.client = factory(
            on_event=lambda event, n=number: self.event.emit((n, event)), on_remote_frame=self.relay.offer
        )
        self.open_camera()
        self.client.start(self.session.language, self.session.elderly, flow.item)
        self.self_timer.start()
        self.screen.render()
        log.info("consult asked for (%s)", "about an item" if item else "no item")

    def on_event(self, payload: tuple[int, dict[str, Any]]) -> None:
        """An event of the call client, now on the GUI thread."""
        number, event = payload
        if number != self.calls:
            return
        flow = self.session.data.consult
        before = (flow.phase, flow.record_asked)
        if not flow.apply(event):
            return
        kind = event.get("type")
        if kind == "ended":
            log.info("consult ended: %s", flow.summary())
            self.release()
        if kind not in ("queued", "queue"):
            self.window.idle.touch()  # a clerk answered, pushed or asked: the resident has something to do
        self.screen.render()
        if (flow.phase, flow.record_asked) != before and (self.session.elderly or flow.record_asked):
            self.window.speak(self.screen)

    # -- the resident's taps --------------------------------------------------------------------------
    def leave(self) -> None:
        """退出排队."""
        if self.client is not None:
            self.client.leave()

    def hang_up(self) -> None:
        """挂断."""
        if self.client is not None:
            self.client.hang_up()

    def set_muted(self, audio: bool, video: bool) -> None:
        """The microphone and camera toggles."""
        self.session.data.consult.set_muted(audio, video)
        if self.client is not None:
            self.client.set_muted(audio, video)
        self.screen.render()

    def answer_record(self, granted: bool) -> None:
        """同意录像 / 不同意 (and 停止录像)."""
        self.session.data.consult.answer_record(granted)
        if self.client is not None:
            self.client.answer_record_request(granted)
        log.info("recording %s by the resident", "consented" if granted else "refused")
        self.screen.render()

    def close_push(self) -> None:
        """The pushed guide or document tapped away."""
        self.session.data.consult.close_push()
        self.screen.render()

    # -- ending ---------------------------------------------------------------------------------------
    def end_call(self) -> None:
        """Leave the queue or hang up, and release everything the call holds (the session ends, or the resident
        left the screen)."""
        client = self.client
        if client is None:
            return
        client.leave()  # hangs up once a clerk has accepted (a client holds a live call until it ends)
        flow = self.session.data.consult  # a fresh one when the session was wiped
        if flow.active:
            flow.apply({"type": "ended", "reason": "resident" if flow.clerk else "left"})
        self.release()

    def release(self) -> None:
        """Close the client (off the GUI thread: it waits for its loop), the camera, the pictures."""
        client, self.client = self.client, None
        self.calls += 1  # whatever the released client still says is about a call given up
        self.self_timer.stop()
        self.relay.clear()
        if client is not None:
            threading.Thread(target=client.close, name="consult-close", daemon=True).start()
        self.close_camera()
        for view in (self.screen.preview, self.screen.remote_view, self.screen.small_view):
            view.clear()

    # -- the face camera ------------------------------------------------------------------------------
    def camera(self):
        """The face camera driver, if the terminal has one."""
        devices = self.services.get("devices")
        return devices.drivers.get("camera") if devices is not None else None

    def open_camera(self) -> None:
        """Turn the face camera on for the call, in the face screen's job queue (never opened while closing)."""
        camera = self.camera()
        if camera is not None:
            self.window.face.camera_jobs.put(lambda: self._open(camera))

    def close_camera(self) -> None:
        """Turn it off again if the call turned it on."""
        camera = self.camera()
        if camera is not None:
            self.window.face.camera_jobs.put(lambda: self._close(camera))

    def _open(self, camera) -> None:
        if not getattr(camera, "running", False):
            camera.open()
            self.camera_opened = True

    def _close(self, camera) -> None:
        if self.camera_opened:
            self.camera_opened = False
            camera.close()

    def show_self(self) -> None:
        """The resident's own picture, when the camera has a new one."""
        camera = self.camera()
        latest = camera.latest() if camera is not None else None
        if latest is not None and latest[1] != self.last_self:
            self.last_self = latest[1]
            self.screen.set_self_frame(latest[0])

    def close(self) -> None:
        """The window is going away: end any call."""
        self.end_call()


def install_consult(window: KioskWindow) -> Consult:
    """Create the consult screen in `window` and wire it; returns the wiring."""
    return Consult(window)
