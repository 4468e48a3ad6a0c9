"""The document camera's live picture while the resident brings a document into view: the outline it found, what
to do next in big words, and the picture taken on its own once the document is held still.

Frames are analysed by kiosk.ocr.capture.AutoCapture and the picture is read by kiosk.ocr.reader.extract, both in
background jobs (a frame that arrives while one is analysed is only shown, not queued). The screen holds no state
of its own: the attempt lives in the session's DocumentFlow.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from kiosk.flows.document import PAGE, DocumentFlow
from kiosk.ocr.capture import AutoCapture, CaptureState
from kiosk.ocr.page import extract_page
from kiosk.ocr.reader import extract
from ui.qt import (
    QColor,
    QGridLayout,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPointF,
    QPolygonF,
    QProgressBar,
    QRectF,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, ScreenBase, button, label
from ui.theme import OUTLINE_ADJUSTING, OUTLINE_HOLDING
from ui.worker import Worker

log = logging.getLogger("kiosk.ui.capture")
FRAME_INTERVAL_MS = 66  # the document camera's 15 fps: every new frame is shown, and analysed unless still busy
MANUAL_AFTER_S = 20.0  # "take the picture now" is offered when auto-capture has not triggered by then
NO_PICTURE_AFTER_S = 6.0  # no frame by then: the camera is not delivering, and the resident is told
SPEAK_AFTER_S = 1.0  # guidance is read out once it has stood this long: a voice must not chatter
VIEW_BACKGROUND = "#20252c"
QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum"


class SerialJobs:
    """Device jobs run one after another on a background thread: a camera is never opened while still closing."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._jobs: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def put(self, job: Callable[[], None]) -> None:
        """Run `job` after every job put before it."""
        with self._lock:
            self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()

    def idle(self) -> bool:
        """Whether every job has run."""
        with self._lock:
            return self._thread is None

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._thread = None
                    return
                job = self._jobs.popleft()
            try:
                job()
            except Exception as exc:  # a camera failing to open or close must not take the terminal down
                log.error("%s job failed: %s", self.name, type(exc).__name__)


class CameraView(QWidget):
    """The camera's picture scaled to fit, with the document's outline drawn over it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cameraView")
        self.image: QImage | None = None
        self.frame_size = (1, 1)
        self.outline: np.ndarray | None = None  # (4, 2) corners in frame pixels
        self.outline_colour = OUTLINE_ADJUSTING
        self.message = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)

    def set_frame(self, frame: np.ndarray) -> None:
        """Show a BGR (or grey) frame."""
        height, width = frame.shape[:2]
        pixels = np.ascontiguousarray(frame)
        image_format = QImage.Format.Format_BGR888 if pixels.ndim == 3 else QImage.Format.Format_Grayscale8
        # A copy: the view must not keep the camera's buffer (or a resident's picture) alive behind Qt's back.
        self.image = QImage(pixels.data, width, height, pixels.strides[0], image_format).copy()
        self.frame_size = (width, height)
        self.update()

    def set_outline(self, points: np.ndarray | None, colour: str = OUTLINE_ADJUSTING) -> None:
        """Draw the document's outline (frame pixel corners), or none."""
        self.outline = None if points is None else np.asarray(points, np.float32).copy()
        self.outline_colour = colour
        self.update()

    def set_message(self, text: str) -> None:
        """What to show while there is no picture."""
        self.message = text
        self.update()

    def clear(self) -> None:
        """Forget the picture and the outline."""
        self.image = None
        self.outline = None
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the picture lies in the view: as large as fits, centred."""
        width, height = self.frame_size
        scale = min(self.width() / width, self.height() / height)
        w, h = width * scale, height * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The picture, then the outline over it."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(VIEW_BACKGROUND))
        if self.image is None:
            painter.setPen(QColor("#e6eaef"))
            painter.drawText(
                self.rect().adjusted(24, 24, -24, -24),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                self.message,
            )
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self.picture_rect()
        painter.drawImage(target, self.image)
        if self.outline is not None:
            scale = target.width() / self.frame_size[0]
            polygon = QPolygonF([QPointF(target.x() + x * scale, target.y() + y * scale) for x, y in self.outline])
            pen = QPen(QColor(self.outline_colour))
            pen.setWidth(max(6, round(self.width() / 160)))
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(pen)
            painter.drawPolygon(polygon)
        painter.end()


class GuidedCameraScreen(ScreenBase):
    """A screen over a live camera that guides the resident in big words: opens the camera it needs in the
    background (and closes only one it opened), and reads new guidance out in elderly mode or after 朗读.
    A subclass has a `guidance` label and a `guidance_text(code)` with its own words."""

    SPOKEN_AT_ONCE: frozenset[str] = frozenset()  # guidance read out at once and in any mode (a timed challenge)

    def __init__(self, ctx: Context, name: str, camera_kind: str, first_guidance: str):
        super().__init__(ctx, name)
        self.camera_kind = camera_kind
        self.camera_jobs = SerialJobs(f"{camera_kind}-jobs")
        self.opened_here = False  # only ever touched by camera jobs
        self.guidance_code = first_guidance
        self.guidance_since = 0.0
        self.spoken = first_guidance
        self.speaking = False  # the resident pressed 朗读 here: guidance changes are read out too

    def device(self, kind: str):
        """A device driver by kind ("camera", "doccamera", "idcard"), if the terminal has one."""
        devices = self.ctx.services.get("devices")
        return devices.drivers.get(kind) if devices is not None else None

    def camera(self):
        """This screen's camera driver, if the terminal has one."""
        return self.device(self.camera_kind)

    def open_camera(self) -> None:
        """Turn the camera on in the background, unless something (the technician, a flow) already has it on."""
        camera = self.camera()
        if camera is not None:
            self.camera_jobs.put(lambda: self._open_camera(camera))

    def close_camera(self) -> None:
        """Turn the camera off in the background if this screen turned it on."""
        camera = self.camera()
        if camera is not None:
            self.camera_jobs.put(lambda: self._close_camera(camera))

    def _open_camera(self, camera) -> None:
        if not getattr(camera, "running", False):
            camera.open()
            self.opened_here = True

    def _close_camera(self, camera) -> None:
        if self.opened_here:  # a camera the technician (or another flow) opened stays open
            self.opened_here = False
            camera.close()  # joins the reading thread: why this runs in the background

    def set_guidance(self, code: str) -> None:
        """Show a guidance code in big words."""
        if code != self.guidance_code:
            self.guidance_code = code
            self.guidance_since = time.monotonic()
        self.guidance.setText(self.guidance_text(code))

    def speak_guidance(self, now: float) -> None:
        """Read a new piece of guidance out once it has stood a moment (elderly mode, or after 朗读); the
        SPOKEN_AT_ONCE ones at once and always."""
        code = self.guidance_code
        urgent = code in self.SPOKEN_AT_ONCE
        if not (urgent or self.ctx.session.elderly or self.speaking):
            return
        if code == self.spoken or (not urgent and now - self.guidance_since < SPEAK_AFTER_S):
            return
        self.spoken = code
        voice = self.ctx.services.get("voice")
        if voice is not None:
            voice.say(self.guidance_text(code), self.ctx.session.language)

    def read_aloud(self) -> None:
        """朗读 pressed: from now on every new piece of guidance is read out too."""
        self.speaking = True
        self.spoken = self.guidance_code  # the window has just read out the current one


class CaptureScreen(GuidedCameraScreen):
    """The live picture and the guidance beside it (under it in portrait); cancel, and a manual shutter."""

    cancelled = Signal()
    read = Signal()  # the picture is taken and read: on to the review

    def __init__(self, ctx: Context):
        super().__init__(ctx, "captureScreen", "doccamera", "no_document")
        self.worker = Worker(self)
        self.auto: AutoCapture | None = None
        self.attempt: tuple[DocumentFlow, int] | None = None  # the flow and generation this screen works for
        self.entered_at = 0.0
        self.last_frame_at = 0.0
        self.frames_seen = 0
        self.manual_after = MANUAL_AFTER_S
        self.camera_state = "opening"
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(32, 16, 32, 16)
        self.grid.setSpacing(24)
        self.view = CameraView()
        self.side = QWidget()
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(16)
        self.request = label(role="title", name="captureRequest")
        self.hint = label(role="instruction", name="captureHint")
        self.guidance = label(role="guidance", name="captureGuidance")
        self.progress = QProgressBar()
        self.progress.setObjectName("captureProgress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the buttons below must not jump while the resident aims
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        self.status = label(role="note", name="captureStatus")
        self.manual = button(role="chrome", name="captureNow")
        self.manual.clicked.connect(self.take_now)
        self.manual.hide()
        self.cancel = button(role="chrome", name="captureCancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        for widget in (self.request, self.hint, self.guidance, self.progress, self.status):
            side.addWidget(widget)
        side.addStretch(1)
        side.addWidget(self.manual)
        side.addWidget(self.cancel)
        self.arrange(portrait=False)
        self.retranslate()

    # -- the session's attempt ------------------------------------------------------------------------
    def flow(self) -> DocumentFlow:
        """The session's document flow."""
        return self.ctx.session.data.document

    def is_current(self, flow: DocumentFlow, generation: int) -> bool:
        """Whether a result for (flow, generation) still matters: same session, same attempt, screen showing."""
        return self.attempt == (flow, generation) and self.flow() is flow and flow.current(generation)

    # -- texts ----------------------------------------------------------------------------------------
    def document_name(self, kind: str) -> str:
        """A document kind in the resident's words."""
        return {
            "id_card_front": self.tr("居民身份证（人像面）"),
            "id_card_back": self.tr("居民身份证（国徽面）"),
            "business_license": self.tr("营业执照"),
            PAGE: self.tr("材料"),
        }.get(kind, "")

    def request_text(self, kind: str) -> str:
        """What to put under the camera."""
        return {
            "id_card_front": self.tr("请把身份证有照片的一面朝上，放到高拍仪下方"),
            "id_card_back": self.tr("请把身份证有国徽的一面朝上，放到高拍仪下方"),
            "business_license": self.tr("请把营业执照正本或副本朝上，放到高拍仪下方"),
            PAGE: self.tr("请把这份材料平放到高拍仪下方，字朝上"),
        }.get(kind, "")

    def guidance_text(self, code: str) -> str:
        """A guidance code of kiosk.ocr.capture (and "reading") in the resident's language."""
        return {
            "no_document": self.tr("请把证件放到下方台面上"),
            "move_closer": self.tr("请把证件移近一些"),
            "move_back": self.tr("请把证件拿远一些"),
            "cut_off_left": self.tr("请把证件往右移：左边出了画面"),
            "cut_off_right": self.tr("请把证件往左移：右边出了画面"),
            "cut_off_top": self.tr("请把证件往下移：上边出了画面"),
            "cut_off_bottom": self.tr("请把证件往上移：下边出了画面"),
            "hold_flat": self.tr("请把证件放平，正对镜头"),
            "tilt_for_glare": self.tr("有反光挡住文字，请把证件稍微倾斜"),
            "too_dark": self.tr("光线太暗，请换到亮一些的地方"),
            "too_bright": self.tr("光线太强，请避开直射的灯光"),
            "blurred": self.tr("画面模糊，请拿稳证件"),
            "hold_still": self.tr("请保持不动"),
            "holding": self.tr("请保持不动，正在拍照……"),
            "ok": self.tr("拍好了"),
            "reading": self.tr("拍好了，正在识别，请稍候……"),
            "read_failed": self.tr("没有识别成功，请重新放好证件"),
        }.get(code, "")

    def retranslate(self) -> None:
        """Strings of the capture screen."""
        self.request.setText(self.request_text(self.flow().kind))
        self.hint.setText(self.tr("四个角都要在画面里。放好后不要动，会自动拍照"))
        self.guidance.setText(self.guidance_text(self.guidance_code))
        self.manual.setText(self.tr("立即拍照"))
        self.cancel.setText(self.tr("取消"))
        self.view.set_message(self.camera_message(self.camera_state))

    def camera_message(self, state: str) -> str:
        """What the picture area says while there is no picture."""
        return {
            "opening": self.tr("正在打开高拍仪……"),
            "unavailable": self.tr("高拍仪不可用，请到窗口办理或联系工作人员"),
            "no_picture": self.tr("高拍仪没有画面，请联系工作人员"),
        }[state]

    def set_camera_state(self, state: str) -> None:
        """Opening, unavailable or without a picture: said in the picture area."""
        self.camera_state = state
        self.view.set_message(self.camera_message(state))

    def instruction(self) -> str:
        """Spoken instruction: what to put where, then what to do now."""
        return f"{self.request.text()} {self.guidance.text()}".strip()

    # -- entering and leaving -------------------------------------------------------------------------
    def entered(self) -> None:
        """Start the attempt: camera on (unless a flow already has it on), frames to the auto-capture."""
        flow = self.flow()
        generation = flow.begin_capture()
        self.attempt = (flow, generation)
        self.auto = AutoCapture(kind_hint=flow.kind)
        self.entered_at = self.last_frame_at = time.monotonic()
        self.frames_seen = 0
        self.speaking = False
        self.spoken = "no_document"  # the entry instruction says that already: it is not cut short
        self.view.clear()
        self.status.clear()
        self.manual.hide()
        self.manual.setEnabled(True)
        self.progress.hide()
        self.set_guidance("no_document")
        camera = self.camera()
        self.camera_state = "opening" if camera is not None else "unavailable"
        self.retranslate()
        self.open_camera()
        self.timer.start()

    def left(self) -> None:
        """Stop: no more frames analysed, the camera closed if this screen opened it, the picture forgotten."""
        self.timer.stop()
        self.attempt = None
        self.auto = None
        self.speaking = False
        self.close_camera()
        self.view.clear()
        self.progress.hide()
        self.manual.hide()
        self.status.clear()

    reset = left

    # -- frames ---------------------------------------------------------------------------------------
    def tick(self) -> None:
        """Show the newest frame and hand it to the auto-capture unless it is still busy with an earlier one."""
        if self.attempt is None:
            return
        flow, generation = self.attempt
        now = time.monotonic()
        if flow.phase == "capturing":
            camera = self.camera()
            latest = camera.latest() if camera is not None else None
            if latest is not None and latest[1] > self.last_frame_at:
                frame, stamp = latest
                self.last_frame_at = stamp
                self.frames_seen += 1
                self.view.set_frame(frame)
                auto = self.auto
                if auto is not None and not self.worker.busy("autocapture"):
                    self.worker.run(
                        "autocapture", lambda: auto.feed(frame, stamp), lambda s: self.on_state(s, flow, generation)
                    )
            waited = now - self.entered_at
            if self.frames_seen == 0 and waited > NO_PICTURE_AFTER_S and self.camera_state == "opening":
                self.set_camera_state("no_picture")
            if self.frames_seen and waited >= self.manual_after and not self.manual.isVisible():
                self.manual.show()
                self.status.setText(self.tr("没有自动拍照？放好证件后可以点“立即拍照”"))
        self.speak_guidance(now)

    def on_state(self, state: CaptureState | Exception, flow: DocumentFlow, generation: int) -> None:
        """The auto-capture's verdict on a frame: outline, guidance, progress; on "captured", read the picture."""
        if isinstance(state, Exception) or not self.is_current(flow, generation) or flow.phase != "capturing":
            return
        flow.update(state)
        self.show_state(state)
        if state.phase == "captured" and state.image is not None:
            warnings = set(state.warnings)
            if state.assessment is not None and state.assessment.has("glare"):
                warnings.add("glare")
            self.take(state.image, tuple(sorted(warnings)), manual=False)

    def show_state(self, state: CaptureState) -> None:
        """Draw one state: the outline (green while held, amber while something needs fixing) and guidance."""
        steady = state.phase in ("holding", "captured")
        self.view.set_outline(
            state.quad.points if state.quad is not None else None, OUTLINE_HOLDING if steady else OUTLINE_ADJUSTING
        )
        self.progress.setVisible(state.phase == "holding")
        self.progress.setValue(round(state.progress * 100))
        self.set_guidance("holding" if state.phase == "holding" else state.guidance)

    def show_still(self, frame: np.ndarray, state: CaptureState) -> None:
        """Show one frame with its state instead of the live picture (the tour and screenshots)."""
        self.timer.stop()
        self.view.set_frame(frame)
        self.show_state(state)

    # -- the picture ----------------------------------------------------------------------------------
    def take_now(self) -> None:
        """The resident's shutter: the newest frame as it is."""
        camera = self.camera()
        latest = camera.latest() if camera is not None else None
        if latest is None or self.attempt is None or self.attempt[0].phase != "capturing":
            return
        self.take(latest[0].copy(), (), manual=True)

    def take(self, image: np.ndarray, warnings: tuple[str, ...], manual: bool) -> None:
        """Keep the picture and read it in the background."""
        assert self.attempt is not None
        flow, generation = self.attempt
        flow.captured(image, warnings, manual)
        self.view.set_frame(image)
        if manual:
            self.view.set_outline(None)
        self.progress.hide()
        self.manual.hide()
        self.status.clear()
        self.set_guidance("reading")
        kind = flow.kind
        # One job per attempt: a reading still running for an attempt given up must not hold up the next one.
        self.worker.run(
            f"read-{id(flow)}-{generation}",
            lambda: extract_page(image) if kind == PAGE else extract(image, kind),
            lambda result: self.on_read(result, flow, generation),
        )

    def on_read(self, result, flow: DocumentFlow, generation: int) -> None:
        """The reader is done: on to the review, or (it failed) try again."""
        if not self.is_current(flow, generation):
            return  # the resident left or the session ended meanwhile: the result is dropped
        if isinstance(result, Exception):
            generation = flow.begin_capture()
            self.attempt = (flow, generation)
            self.auto = AutoCapture(kind_hint=flow.kind)
            self.view.set_outline(None)
            self.set_guidance("read_failed")
            return
        if flow.set_extraction(result, generation):
            self.read.emit()

    # -- layout ---------------------------------------------------------------------------------------
    def arrange(self, portrait: bool) -> None:
        """The picture beside the guidance in landscape, above it in portrait."""
        for widget in (self.view, self.side):
            self.grid.removeWidget(widget)
        if portrait:
            self.grid.addWidget(self.view, 0, 0)
            self.grid.addWidget(self.side, 1, 0)
            self.grid.setRowStretch(0, 1)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 0)
        else:
            self.grid.addWidget(self.view, 0, 0)
            self.grid.addWidget(self.side, 0, 1)
            self.grid.setRowStretch(0, 1)
            self.grid.setColumnStretch(0, 3)
            self.grid.setColumnStretch(1, 2)

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Portrait puts the guidance under the picture."""
        changed = portrait != self.portrait
        super().apply_mode(elderly, portrait)
        if changed:
            self.arrange(portrait)
        self.fit_view()

    def fit_view(self) -> None:
        """Portrait: the picture as tall as its 4:3 frame at the screen's width, the guidance gets the rest."""
        if self.portrait:
            margins = self.grid.contentsMargins()
            width = (getattr(self.window(), "target_width", 0) or self.width()) - margins.left() - margins.right()
            self.view.setMinimumHeight(min(560, round(width * 3 / 4)))
            self.view.setMaximumHeight(max(240, round(width * 3 / 4)))
        else:
            self.view.setMinimumHeight(240)
            self.view.setMaximumHeight(QWIDGETSIZE_MAX)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width is a new picture height in portrait."""
        super().resizeEvent(event)
        self.fit_view()
