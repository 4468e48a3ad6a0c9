"""Face verification: the ID card on the reader (or the card read earlier by the document camera) gives the
reference photo, then the face camera's picture with an oval to put the face in, what to fix in big words, the
challenge as a large arrow with a countdown, and the verdict. Three tries; then a clerk takes over.

Frames go to the session's FaceFlow verifier in a background job (a frame that arrives while one is analysed is
only shown); reading the card and preparing the reference run in background jobs too. The screen holds no state
of its own: the attempt lives in the session's FaceFlow.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import asdict

import numpy as np

from kiosk.flows.face import FaceFlow, card_image_reference, chip_photo_reference
from ui.qt import (
    QColor,
    QGridLayout,
    QPainter,
    QPaintEvent,
    QPen,
    QPointF,
    QPolygonF,
    QProgressBar,
    QRectF,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, button, label
from ui.screens.capture import CameraView, GuidedCameraScreen
from ui.theme import OUTLINE_ADJUSTING, OUTLINE_HOLDING
from ui.worker import Worker

log = logging.getLogger("kiosk.ui.face")
FRAME_INTERVAL_MS = 66
CARD_POLL_MS = 700  # how often the reader is asked for a card while the screen waits for one
NO_PICTURE_AFTER_S = 6.0


class FaceView(CameraView):
    """The face camera's picture as a mirror (as residents expect to see themselves), with the oval to put the
    face in and, during the challenge, a large arrow or sign of what to do."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("faceView")
        self.challenge: str | None = None
        self.steady = False

    def set_frame(self, frame: np.ndarray) -> None:
        """Show a BGR frame mirrored."""
        super().set_frame(np.ascontiguousarray(frame[:, ::-1]))

    def set_challenge(self, challenge: str | None, steady: bool) -> None:
        """The action to draw over the picture (None: only the oval); steady: the face is placed well."""
        self.challenge, self.steady = challenge, steady
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The picture, the oval, and the challenge's sign."""
        super().paintEvent(event)
        if self.image is None:
            return
        target = self.picture_rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(OUTLINE_HOLDING if self.steady else OUTLINE_ADJUSTING))
        pen.setWidth(max(6, round(self.width() / 150)))
        painter.setPen(pen)
        oval = QRectF(
            target.center().x() - target.width() * 0.19,
            target.center().y() - target.height() * 0.36,
            target.width() * 0.38,
            target.height() * 0.66,
        )
        painter.drawEllipse(oval)
        if self.challenge:
            self._draw_sign(painter, oval)
        painter.end()

    def _draw_sign(self, painter: QPainter, oval: QRectF) -> None:
        """A big arrow beside the oval (turns), above and below it (nod), or an eye in it (blink)."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffd34d"))
        size = oval.width() * 0.45
        cy = oval.center().y()
        if self.challenge in ("turn_left", "turn_right"):
            # The picture is a mirror: the resident's left is the screen's left.
            direction = -1 if self.challenge == "turn_left" else 1
            tip_x = oval.center().x() + direction * (oval.width() / 2 + size * 1.4)
            painter.drawPolygon(_arrow(QPointF(tip_x, cy), direction * math.pi / 2, size))
        elif self.challenge == "nod":
            painter.drawPolygon(_arrow(QPointF(oval.center().x(), oval.top() - size * 0.2), 0.0, size * 0.8))
            painter.drawPolygon(_arrow(QPointF(oval.center().x(), oval.bottom() + size * 0.2), math.pi, size * 0.8))
        elif self.challenge == "blink":
            pen = QPen(QColor("#ffd34d"))
            pen.setWidth(max(6, round(size / 10)))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            eye = QRectF(oval.center().x() - size * 0.7, oval.top() - size * 0.9, size * 1.4, size * 0.6)
            painter.drawEllipse(eye)
            painter.setBrush(QColor("#ffd34d"))
            painter.drawEllipse(eye.center(), size * 0.16, size * 0.16)


def _arrow(tip: QPointF, angle: float, size: float) -> QPolygonF:
    """A filled arrow whose tip is at `tip`, pointing up when angle is 0 (radians, clockwise)."""
    shape = [(0, 0), (0.6, 0.6), (0.25, 0.6), (0.25, 1.3), (-0.25, 1.3), (-0.25, 0.6), (-0.6, 0.6)]
    c, s = math.cos(angle), math.sin(angle)
    return QPolygonF([QPointF(tip.x() + (x * c - y * s) * size, tip.y() + (x * s + y * c) * size) for x, y in shape])


class FaceScreen(GuidedCameraScreen):
    """Reference, live picture, challenge, verdict; retry, or a clerk after the last try."""

    cancelled = Signal()
    verified = Signal()
    consult = Signal()  # a clerk by video (offered when the terminal has the video consultation service)
    # The challenge is timed, and the resident's eyes may be off the screen while turning.
    SPOKEN_AT_ONCE = frozenset(("blink", "turn_left", "turn_right", "nod"))

    def __init__(self, ctx: Context):
        super().__init__(ctx, "faceScreen", "camera", "waiting_card")
        self.spoken = ""
        self.worker = Worker(self)
        self.attempt: tuple[FaceFlow, int] | None = None
        self.last_frame_at = 0.0
        self.frames_seen = 0
        self.entered_at = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.card_timer = QTimer(self)
        self.card_timer.setInterval(CARD_POLL_MS)
        self.card_timer.timeout.connect(self.poll_card)

        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(32, 16, 32, 16)
        grid.setSpacing(24)
        self.view = FaceView()
        self.side = side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        self.heading = label(role="title", name="faceHeading")
        self.guidance = label(role="guidance", name="faceGuidance")
        self.progress = QProgressBar()
        self.progress.setObjectName("faceProgress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.status = label(role="instruction", name="faceStatus")
        self.retry = button(role="primary", name="faceRetry")  # "action" colours only a TextButton's labels
        self.retry.clicked.connect(self.try_again)
        self.to_clerk = button(role="primary", name="faceConsult")
        self.to_clerk.clicked.connect(self.consult.emit)
        self.done = button(role="primary", name="faceContinue")
        self.done.clicked.connect(self.verified.emit)
        self.cancel = button(role="chrome", name="faceCancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        for widget in (self.heading, self.guidance, self.progress, self.status):
            column.addWidget(widget)
        column.addStretch(1)
        for widget in (self.done, self.retry, self.to_clerk, self.cancel):
            column.addWidget(widget)
        self.arrange(portrait=False)
        self.retranslate()

    # -- the session's flow and the devices -----------------------------------------------------------
    def flow(self) -> FaceFlow:
        """The session's face flow."""
        return self.ctx.session.data.face

    def is_current(self, flow: FaceFlow, generation: int) -> bool:
        """Whether a result for (flow, generation) still matters."""
        return self.attempt == (flow, generation) and self.flow() is flow and flow.current(generation)

    # -- texts ----------------------------------------------------------------------------------------
    def guidance_text(self, code: str) -> str:
        """A guidance, challenge or verdict code in the resident's language."""
        return {
            "waiting_card": self.tr("请把身份证放在读卡器上"),
            "reading_card": self.tr("正在读取身份证，请不要移开……"),
            "preparing": self.tr("正在准备证件照片，请稍候……"),
            "no_face": self.tr("请看着屏幕，把脸放进框里"),
            "several_faces": self.tr("请一个人站在镜头前"),
            "move_closer": self.tr("请靠近一些"),
            "move_back": self.tr("请稍微往后站"),
            "centre": self.tr("请把脸移到框的中间"),
            "look_at_screen": self.tr("请正对屏幕"),
            "more_light": self.tr("脸部太暗，请站到亮一些的地方"),
            "too_bright": self.tr("脸部光线太强"),
            "hold_still": self.tr("请保持不动"),
            "ok": self.tr("很好，请保持不动"),
            "blink": self.tr("请眨眨眼"),
            "turn_left": self.tr("请慢慢向左转头"),
            "turn_right": self.tr("请慢慢向右转头"),
            "nod": self.tr("请慢慢点头"),
            "verified": self.tr("核验通过"),
            "no_match": self.tr("人脸与身份证照片不一致"),
            "timeout": self.tr("没有看到要求的动作"),
            "not_live": self.tr("没有通过活体检测，请本人正对镜头"),
            "screen": self.tr("请本人正对镜头，不要使用照片或屏幕"),
            "face_changed": self.tr("检测过程中换了人"),
            "no_reference": self.tr("无法使用这张身份证的照片"),
            "card_failed": self.tr("没有读到身份证，请重新放好"),
            "no_camera": self.tr("摄像头不可用"),
        }.get(code, "")

    def retranslate(self) -> None:
        """Strings of the face screen."""
        self.heading.setText(self.tr("刷脸核验身份"))
        self.guidance.setText(self.guidance_text(self.guidance_code))
        self.retry.setText(self.tr("再试一次"))
        self.to_clerk.setText(self.tr("视频连线工作人员"))
        self.done.setText(self.tr("继续办理"))
        self.cancel.setText(self.tr("取消"))
        self.show_phase()

    def instruction(self) -> str:
        """Spoken instruction: the heading, then what to do now."""
        return f"{self.heading.text()} {self.guidance.text()}".strip()

    # -- entering and leaving -------------------------------------------------------------------------
    def entered(self) -> None:
        """Start: use the reference made earlier or a confirmed ID card image, else wait for the card reader."""
        flow = self.flow()
        generation = flow.start()
        self.attempt = (flow, generation)
        self.entered_at = time.monotonic()
        self.view.clear()
        self.view.set_challenge(None, False)
        self.speaking = False
        if flow.phase == "waiting_card":
            card = self.ctx.session.data.document.documents.get("id_card_front")
            if card is not None and card.image is not None:
                self.prepare(lambda image=card.image: card_image_reference(image), "card_image")
            else:
                self.set_guidance("waiting_card")
                self.card_timer.start()
        elif flow.phase == "verifying":
            self.begin()
        self.show_phase()

    def left(self) -> None:
        """Stop: no frames analysed, the camera closed if opened here, the attempt dropped by the session."""
        self.timer.stop()
        self.card_timer.stop()
        self.attempt = None
        self.close_camera()
        self.view.clear()
        self.view.set_challenge(None, False)

    reset = left

    # -- the reference --------------------------------------------------------------------------------
    def poll_card(self) -> None:
        """Ask the reader for the card (in the background); its photo becomes the reference."""
        reader = self.device("idcard")
        if reader is None or self.attempt is None or self.worker.busy("idcard"):
            return
        flow, generation = self.attempt

        def read_photo():
            if not reader.find_card():
                return None
            card = reader.read_card()
            photo = reader.photo(card)
            if not photo.available:
                raise ValueError(photo.reason)
            return asdict(card.text), photo.image

        self.worker.run("idcard", read_photo, lambda result: self.on_card(result, flow, generation))

    def on_card(self, result, flow: FaceFlow, generation: int) -> None:
        """A card read (or not yet there, or failed)."""
        if not self.is_current(flow, generation) or flow.phase != "waiting_card" or result is None:
            return
        if isinstance(result, Exception):
            log.info("card photo unavailable: %s", type(result).__name__)
            self.set_guidance("card_failed")
            return
        self.card_timer.stop()
        text, image = result
        flow.set_card(text, generation)  # who is applying: the application's form is filled from it
        self.prepare(lambda image=image: chip_photo_reference(image), "chip")

    def prepare(self, job, source: str) -> None:
        """Prepare the reference in the background, then start the first attempt."""
        assert self.attempt is not None
        flow, generation = self.attempt
        flow.preparing()
        self.set_guidance("preparing")
        self.show_phase()
        self.worker.run("face-reference", job, lambda result: self.on_reference(result, source, flow, generation))

    def on_reference(self, result, source: str, flow: FaceFlow, generation: int) -> None:
        """The reference is ready (or the photo had no usable face)."""
        if not self.is_current(flow, generation):
            if not isinstance(result, Exception):
                result.wipe()
            return
        if isinstance(result, Exception):
            flow.no_reference(str(result) if isinstance(result, ValueError) else type(result).__name__)
            self.set_guidance("no_reference")
            self.show_phase()
            return
        flow.set_reference(result, source, generation)
        self.begin()

    # -- attempts -------------------------------------------------------------------------------------
    def settings(self):
        """The verifier settings from the terminal's [face] config (the calibrated threshold, the challenges)."""
        from kiosk.face.verify import settings_from_config

        return settings_from_config(self.ctx.config.face)

    def begin(self) -> None:
        """A new attempt: camera on, frames to the verifier."""
        flow = self.flow()
        flow.begin_attempt(self.settings())
        self.attempt = (flow, flow.generation)
        self.frames_seen = 0
        self.entered_at = self.last_frame_at = time.monotonic()
        self.set_guidance("no_face")
        if self.camera() is None:
            self.set_guidance("no_camera")
        self.open_camera()
        self.timer.start()
        self.show_phase()

    def try_again(self) -> None:
        """The resident asks for another try."""
        flow = self.flow()
        if flow.phase == "failed" and flow.tries_left:
            self.begin()

    def tick(self) -> None:
        """Show the newest frame and hand it to the verifier unless it is still busy with an earlier one."""
        if self.attempt is None:
            return
        flow, generation = self.attempt
        verifier = flow.verifier
        if flow.phase != "verifying" or verifier is None:
            return
        camera = self.camera()
        latest = camera.latest() if camera is not None else None
        if latest is not None and latest[1] > self.last_frame_at:
            frame, stamp = latest
            self.last_frame_at = stamp
            self.frames_seen += 1
            self.view.set_frame(frame)
            if not self.worker.busy("face-frame"):
                self.worker.run(
                    "face-frame", lambda: verifier.feed(frame, stamp), lambda u: self.on_update(u, flow, generation)
                )
        if self.frames_seen == 0 and time.monotonic() - self.entered_at > NO_PICTURE_AFTER_S:
            self.view.set_message(self.tr("摄像头没有画面，请联系工作人员"))
        self.speak_guidance(time.monotonic())

    def on_update(self, update, flow: FaceFlow, generation: int) -> None:
        """The verifier's word on a frame: guidance, challenge and progress; at the end, the verdict."""
        if isinstance(update, Exception):
            log.error("face verification step failed: %s", type(update).__name__)
            return
        if not self.is_current(flow, generation):
            return
        outcome = flow.update(update, generation)
        if outcome is not None:
            self.timer.stop()
            self.view.set_challenge(None, False)
            self.set_guidance(outcome.reason)
            self.show_phase()
            return
        challenge = update.challenge if update.phase in ("challenge",) else None
        self.view.set_challenge(challenge, update.guidance in ("ok",) or challenge is not None)
        self.set_guidance(update.guidance)
        self.progress.setVisible(update.phase != "positioning" or update.progress > 0)
        self.progress.setValue(round(update.progress * 100))
        if update.remaining is not None:
            self.status.setText(self.tr("还剩 %1 秒").replace("%1", str(max(0, math.ceil(update.remaining)))))
        else:
            self.status.clear()

    # -- showing --------------------------------------------------------------------------------------
    def show_phase(self) -> None:
        """Buttons and notes for the flow's phase."""
        flow = self.flow()
        phase = flow.phase
        has_clerk = self.ctx.services.get("consult") is not None
        if phase != "verifying":
            self.view.set_challenge(None, False)
        # Until the camera is on, the picture area says what to do with the card.
        self.view.set_message(
            self.tr("正在打开摄像头……") if phase == "verifying" else self.guidance_text(self.guidance_code)
        )
        self.done.setVisible(phase == "verified")
        self.retry.setVisible(phase == "failed")
        self.to_clerk.setVisible(phase in ("exhausted", "no_reference") and has_clerk)
        self.progress.setVisible(phase == "verifying" and self.progress.value() > 0)
        if phase == "failed":
            self.status.setText(self.tr("还可以再试 %n 次", "", flow.tries_left))
        elif phase in ("exhausted", "no_reference") and has_clerk:
            self.status.setText(self.tr("请到人工窗口，或在这里视频连线工作人员核验身份"))
        elif phase in ("exhausted", "no_reference"):
            self.status.setText(self.tr("请到人工窗口，工作人员会帮您核验身份"))
        elif phase == "verified":
            self.status.setText(self.tr("已确认是您本人"))
        elif phase != "verifying":
            self.status.clear()

    # -- layout ---------------------------------------------------------------------------------------
    def arrange(self, portrait: bool) -> None:
        """The picture beside the guidance in landscape, above it in portrait."""
        for widget in (self.view, self.side):
            self.grid.removeWidget(widget)
        self.grid.addWidget(self.view, 0, 0)
        self.grid.addWidget(self.side, 1 if portrait else 0, 0 if portrait else 1)
        self.grid.setRowStretch(0, 3 if portrait else 1)
        self.grid.setRowStretch(1, 2 if portrait else 0)
        self.grid.setColumnStretch(0, 1 if portrait else 3)
        self.grid.setColumnStretch(1, 0 if portrait else 2)

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Portrait puts the guidance under the picture."""
        changed = portrait != self.portrait
        super().apply_mode(elderly, portrait)
        if changed:
            self.arrange(portrait)

    def set_guidance(self, code: str) -> None:
        """Show a guidance code in big words (and in the picture area until the camera is on)."""
        super().set_guidance(code)
        if self.flow().phase != "verifying":
            self.view.set_message(self.guidance.text())
