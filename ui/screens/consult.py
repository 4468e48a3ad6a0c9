"""视频咨询: waiting for a clerk (the place in the queue, the expected wait, the resident's own picture), the call
(the clerk large, the resident small, mute, hang up), what the clerk pushes shown over the call, the recording
question, reconnecting, and the end.

A thin view over the session's ConsultFlow: it renders the flow and reports taps; the call client lives in
ui/consult.py. Frames arrive already on the GUI thread, one at a time.
"""

from __future__ import annotations

import math
from html import escape

import cv2
import numpy as np

from kiosk.content import item_name
from kiosk.flows.consult import ConsultFlow
from kiosk.flows.guide import item_guide
from ui.qt import (
    QBoxLayout,
    QColor,
    QEvent,
    QFrame,
    QHBoxLayout,
    QImage,
    QMouseEvent,
    QObject,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QStackedWidget,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, ScreenBase, TextButton, button, label, restyle
from ui.screens.capture import VIEW_BACKGROUND, CameraView
from ui.theme import HIGH_CONTRAST, NORMAL, scale_for

SELF_VIEW_WIDTH = 400  # px at normal size: the resident's own picture, small beside the clerk


def consult_style(elderly: bool) -> str:
    """The hang-up button in the danger colour and the recording mark (the window's sheet has no such roles)."""
    s = scale_for(elderly)
    p = HIGH_CONTRAST if elderly else NORMAL
    return f"""
QPushButton[role="hangup"] {{ background: {p.danger}; color: #ffffff; border: {3 if elderly else 2}px solid {p.danger};
    font-weight: bold; font-size: {round(30 * s)}px; min-height: {round(110 * s)}px; }}
QPushButton[role="hangup"]:pressed {{ background: {p.text}; }}
QLabel[role="recording"] {{ color: {p.danger}; font-weight: bold; font-size: {round(26 * s)}px; }}
QLabel[role="place"] {{ color: {p.primary}; font-weight: bold; font-size: {round(52 * s)}px; }}
"""


class VideoView(CameraView):
    """A live picture scaled by OpenCV to the size it is shown at, then painted as is: Qt's smooth scaling of
    30 frames a second costs a terminal's CPU several times more."""

    mirrored = False
    pixels: np.ndarray | None = None

    def set_frame(self, frame: np.ndarray) -> None:
        """Show a BGR frame (mirrored for the resident's own picture)."""
        if self.mirrored:
            frame = frame[:, ::-1]
        height, width = frame.shape[:2]
        scale = min(self.width() / width, self.height() / height)
        size = (max(2, round(width * scale)), max(2, round(height * scale)))
        if size != (width, height) and self.isVisible():
            frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
        # 32-bit pixels, the backing store's own format: painting is then a plain copy. The QImage reads the
        # array in place (a fresh one, never the camera's buffer), kept alive beside it.
        self.pixels = cv2.cvtColor(np.ascontiguousarray(frame), cv2.COLOR_BGR2BGRA)
        height, width = self.pixels.shape[:2]
        self.image = QImage(self.pixels.data, width, height, self.pixels.strides[0], QImage.Format.Format_RGB32)
        self.frame_size = (width, height)
        self.update()

    def clear(self) -> None:
        """Forget the picture."""
        super().clear()
        self.pixels = None

    def paintEvent(self, event: QPaintEvent) -> None:
        """The picture, unscaled when it already has the view's size."""
        if self.image is None or self.image.size() != self.picture_rect().size().toSize():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(VIEW_BACKGROUND))
        painter.drawImage(self.picture_rect().topLeft(), self.image)
        painter.end()


class MirrorView(VideoView):
    """The resident's own picture as a mirror (as people expect to see themselves)."""

    mirrored = True


class _TapCloser(QObject):
    """Calls `on_tap` for a tap (press and release without dragging) on the watched widget."""

    def __init__(self, parent: QObject, on_tap) -> None:
        super().__init__(parent)
        self.on_tap = on_tap
        self.pressed_at = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Press and release close together: a tap (a drag scrolls the text instead)."""
        if event.type() == QEvent.Type.MouseButtonPress:
            self.pressed_at = event.position()
        elif event.type() == QEvent.Type.MouseButtonRelease and self.pressed_at is not None:
            moved = (event.position() - self.pressed_at).manhattanLength()
            self.pressed_at = None
            if moved < 24:
                self.on_tap()
        return False


class TapFrame(QFrame):
    """A panel that reports a tap anywhere on it."""

    tapped = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A tap on the panel."""
        super().mouseReleaseEvent(event)
        self.tapped.emit()


class QuestionOverlay(QFrame):
    """A question over the whole screen, in the idle question's look, answered before anything else: `yes` is the
    primary answer (emits True), `no` the other (False). Object names derive from `name` (the style sheet's)."""

    answered = Signal(bool)

    def __init__(self, parent: QWidget, name: str):
        super().__init__(parent)
        self.setObjectName(f"{name}Overlay")
        self.setProperty("role", "overlay")
        outer = QVBoxLayout(self)
        dialog = QFrame()
        dialog.setObjectName(f"{name}Dialog")
        dialog.setProperty("role", "dialog")
        inner = QVBoxLayout(dialog)
        inner.setContentsMargins(56, 40, 56, 40)
        inner.setSpacing(24)
        self.question = label(role="title", name=f"{name}Question")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = label(role="instruction", name=f"{name}Text")
        self.yes = button(role="primary", name=f"{name}Yes")
        self.yes.clicked.connect(lambda: self.answered.emit(True))
        self.no = button(role="chrome", name=f"{name}No")
        self.no.clicked.connect(lambda: self.answered.emit(False))
        self.answers = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.answers.setSpacing(24)
        self.answers.addWidget(self.yes, 1)
        self.answers.addWidget(self.no, 1)
        for widget in (self.question, self.text):
            inner.addWidget(widget)
        inner.addLayout(self.answers)
        self.row = QHBoxLayout()
        self.row.addStretch(1)
        self.row.addWidget(dialog, 4)
        self.row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(self.row)
        outer.addStretch(1)
        self.hide()

    def arrange(self, portrait: bool) -> None:
        """A narrow screen: the question as wide as it can be, its answers one above the other."""
        self.answers.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.row.setStretch(1, 12 if portrait else 4)

    def cover(self) -> None:
        """Show over the whole parent."""
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()


class ConsultScreen(ScreenBase):
    """Queue page, call page (with the pushed document and the recording question over it) and end page."""

    leave = Signal()  # leave the queue
    hang_up = Signal()
    mute = Signal(bool, bool)  # microphone muted, camera muted
    record_answer = Signal(bool)  # the recording question answered (False also withdraws consent)
    close_push = Signal()
    again = Signal()  # ask for a clerk once more
    done = Signal()  # back to where the resident came from
    leave_confirmed = Signal(str)  # the top bar's action, once the resident agreed to end the call for it

    def __init__(self, ctx: Context):
        super().__init__(ctx, "consultScreen")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._build_queue_page()
        self._build_call_page()
        self._build_end_page()
        self._build_record_dialog()
        self.arrange(portrait=False)
        self.setStyleSheet(consult_style(False))
        self.retranslate()

    # -- construction ---------------------------------------------------------------------------------
    def _build_queue_page(self) -> None:
        self.queue_page = QWidget()
        self.queue_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.queue_page)
        self.queue_box.setContentsMargins(48, 24, 48, 24)
        self.queue_box.setSpacing(40)
        text = QVBoxLayout()
        text.setSpacing(20)
        self.queue_heading = label(role="title", name="consultQueueHeading")
        self.queue_intro = label(role="instruction", name="consultQueueIntro")
        self.place = label(role="place", name="consultPlace")
        self.wait = label(role="guidance", name="consultWait")
        self.queue_item = label(role="instruction", name="consultItem")
        self.privacy = label(role="instruction", name="consultPrivacy")
        self.leave_button = button(role="chrome", name="consultLeave")
        self.leave_button.clicked.connect(self.leave.emit)
        for widget in (self.queue_heading, self.queue_intro, self.place, self.wait, self.queue_item):
            text.addWidget(widget)
        text.addStretch(1)
        text.addWidget(self.privacy)
        text.addWidget(self.leave_button)
        preview = QVBoxLayout()
        preview.setSpacing(12)
        self.preview = MirrorView()
        self.preview.setObjectName("consultPreview")
        self.preview_caption = label(role="note", name="consultPreviewCaption")
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        preview.addWidget(self.preview, 1)
        preview.addWidget(self.preview_caption)
        self.queue_box.addLayout(text, 2)  # the place in the queue on one line where it can be
        self.queue_box.addLayout(preview, 1)
        self.pages.addWidget(self.queue_page)

    def _build_call_page(self) -> None:
        self.call_page = QWidget()
        # The stage: the clerk's picture, or what the clerk pushed (the clerk then moves to the small view).
        self.stage = QStackedWidget()
        self.remote_view = VideoView()
        self.remote_view.setObjectName("consultRemote")
        self.stage.addWidget(self.remote_view)
        self.push_panel = TapFrame()
        self.push_panel.setObjectName("consultPush")
        self.push_panel.setProperty("role", "dialog")
        self.push_panel.tapped.connect(self.close_push.emit)
        panel = QVBoxLayout(self.push_panel)
        panel.setContentsMargins(32, 24, 32, 24)
        panel.setSpacing(16)
        self.push_from = label(role="note", name="consultPushFrom")
        self.push_title = label(role="title", name="consultPushTitle")
        self.push_body = QTextBrowser()
        self.push_body.setObjectName("consultPushBody")
        self.push_body.setOpenLinks(False)
        self.push_body.setMinimumHeight(100)  # it scrolls: the close button must stay on a 1080-high screen
        self.push_body.viewport().installEventFilter(_TapCloser(self, self.close_push.emit))
        self.push_close = button(role="primary", name="consultPushClose")
        self.push_close.clicked.connect(self.close_push.emit)
        for widget in (self.push_from, self.push_title):
            panel.addWidget(widget)
        panel.addWidget(self.push_body, 1)
        panel.addWidget(self.push_close)
        self.stage.addWidget(self.push_panel)

        # Beside the stage (under it in portrait): who is on the line, how the call goes, the resident's picture.
        self.side = QWidget()
        self.side.setObjectName("consultSide")
        self.side_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.side)
        self.side_box.setContentsMargins(0, 0, 0, 0)
        self.side_box.setSpacing(16)
        info = QWidget()
        column = QVBoxLayout(info)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.clerk_label = label(role="title", name="consultClerk")
        self.call_status = label(role="instruction", name="consultStatus")
        self.recording = label(role="recording", name="consultRecording")
        self.stop_recording = button(role="chrome", name="consultStopRecording")
        self.stop_recording.clicked.connect(lambda: self.record_answer.emit(False))
        for widget in (self.recording, self.stop_recording):
            widget.hide()
        for widget in (self.clerk_label, self.call_status, self.recording, self.stop_recording):
            column.addWidget(widget)
        column.addStretch(1)
        own = QWidget()
        own_column = QVBoxLayout(own)
        own_column.setContentsMargins(0, 0, 0, 0)
        own_column.setSpacing(8)
        self.small_view = MirrorView()
        self.small_view.setObjectName("consultSelf")
        self.small_view.setMinimumSize(240, 180)
        self.small_caption = label(role="note", name="consultSelfCaption")
        self.small_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        own_column.addWidget(self.small_view, 1)
        own_column.addWidget(self.small_caption)
        self.side_box.addWidget(info, 1)
        self.side_box.addWidget(own, 1)
        # The controls in one row across the page: big enough for elderly mode in every language.
        controls = QHBoxLayout()
        controls.setSpacing(24)
        self.mic_button = button(role="chrome", name="consultMic")
        self.mic_button.clicked.connect(self.toggle_mic)
        self.camera_button = button(role="chrome", name="consultCamera")
        self.camera_button.clicked.connect(self.toggle_camera)
        self.hangup_button = button(role="hangup", name="consultHangUp")
        self.hangup_button.clicked.connect(self.hang_up.emit)
        controls.addWidget(self.mic_button, 1)
        controls.addWidget(self.camera_button, 1)
        controls.addWidget(self.hangup_button, 2)
        page = QVBoxLayout(self.call_page)
        page.setContentsMargins(24, 16, 24, 16)
        page.setSpacing(16)
        self.call_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.call_box.setSpacing(24)
        self.call_box.addWidget(self.stage, 3)
        self.call_box.addWidget(self.side, 1)
        page.addLayout(self.call_box, 1)
        page.addLayout(controls)
        self.pages.addWidget(self.call_page)

    def _build_end_page(self) -> None:
        self.end_page = QWidget()
        column = QVBoxLayout(self.end_page)
        column.setContentsMargins(48, 48, 48, 48)
        column.setSpacing(24)
        self.end_heading = label(role="title", name="consultEndHeading")
        self.end_text = label(role="instruction", name="consultEndText")
        self.end_hotline = label(role="note", name="consultHotline")
        row = QHBoxLayout()
        row.setSpacing(24)
        self.again_button = TextButton("", "", "action", "consultAgain")
        self.again_button.clicked.connect(self.again.emit)
        self.done_button = button(role="primary", name="consultDone")
        self.done_button.clicked.connect(self.done.emit)
        row.addWidget(self.again_button, 1)
        row.addWidget(self.done_button, 1)
        for widget in (self.end_heading, self.end_text, self.end_hotline):
            column.addWidget(widget)
        column.addLayout(row)
        column.addStretch(1)
        self.pages.addWidget(self.end_page)

    def _build_record_dialog(self) -> None:
        self.record_overlay = QuestionOverlay(self, "consultRecord")
        self.record_overlay.answered.connect(self.record_answer.emit)
        self.record_question, self.record_text = self.record_overlay.question, self.record_overlay.text
        self.record_yes, self.record_no = self.record_overlay.yes, self.record_overlay.no
        # Leaving by the top bar during a call asks first: a tap on 首页 must not cut off a clerk mid-sentence.
        self.leave_overlay = QuestionOverlay(self, "consultLeave")
        self.leave_overlay.answered.connect(lambda keep_talking: self.answer_leave(not keep_talking))
        self.pending_leave = ""

    def ask_leave(self, action: str) -> None:
        """The top bar's `action` (home, back, finish) during a call: ask before hanging up."""
        self.pending_leave = action
        self.leave_overlay.cover()

    def answer_leave(self, end_call: bool) -> None:
        """End the call and go where the bar said, or keep talking."""
        action, self.pending_leave = self.pending_leave, ""
        self.leave_overlay.hide()
        if end_call and action:
            self.leave_confirmed.emit(action)

    # -- the flow -------------------------------------------------------------------------------------
    def flow(self) -> ConsultFlow:
        """The session's consultation."""
        return self.ctx.session.data.consult

    def toggle_mic(self) -> None:
        """Microphone on or off."""
        flow = self.flow()
        self.mute.emit(not flow.muted_audio, flow.muted_video)

    def toggle_camera(self) -> None:
        """Camera on or off."""
        flow = self.flow()
        self.mute.emit(flow.muted_audio, not flow.muted_video)

    def render(self) -> None:
        """Show the flow's phase: the page, its texts, the overlays."""
        flow = self.flow()
        phase = flow.phase
        if phase in ("idle", "joining", "queued") or (phase == "reconnecting" and not flow.clerk):
            self.pages.setCurrentWidget(self.queue_page)
            self.render_queue(flow)
        elif phase in ("connecting", "in_call", "reconnecting"):
            self.pages.setCurrentWidget(self.call_page)
            self.render_call(flow)
        else:
            self.pages.setCurrentWidget(self.end_page)
            self.render_end(flow)
        asked = flow.record_asked and phase in ("connecting", "in_call", "reconnecting")
        if asked:
            self.record_overlay.cover()
        else:
            self.record_overlay.hide()
        if not flow.in_call and self.leave_overlay.isVisible():  # the clerk hung up meanwhile: nothing to ask
            self.answer_leave(False)

    def render_queue(self, flow: ConsultFlow) -> None:
        """Your place and the expected wait (or that the link is being made)."""
        waiting = flow.phase == "queued" or (flow.phase == "reconnecting" and flow.position)
        self.queue_intro.setText(
            self.tr("网络不稳定，正在重新连接，您的排队位置会保留")
            if flow.phase == "reconnecting"
            else self.tr("正在为您联系工作人员，请在屏幕前稍候")
        )
        self.place.setText(self.tr("您排在第 %1 位").replace("%1", str(flow.position)) if waiting else "")
        self.place.setVisible(bool(waiting))
        minutes = max(1, math.ceil(flow.expected_wait_s / 60))
        self.wait.setText(self.tr("预计等待约 %n 分钟", "", minutes) if waiting else self.tr("正在连接服务中心……"))
        item = self.ctx.store.item(flow.item_id) if flow.item_id else None
        name = item_name(item, self.ctx.session.language) if item is not None else flow.item_name
        self.queue_item.setText(self.tr("咨询事项：%1").replace("%1", name) if name else "")
        self.queue_item.setVisible(bool(name))

    def render_call(self, flow: ConsultFlow) -> None:
        """The clerk, the status line, the toggles, the recording mark, and a pushed document."""
        self.clerk_label.setText(self.tr("工作人员 %1").replace("%1", flow.clerk))
        if flow.phase == "connecting":
            status = self.tr("正在接通视频，请稍候……")
        elif flow.phase == "reconnecting":
            status = self.tr("网络不稳定，正在重新连接……")
        elif flow.clerk_muted_audio:
            status = self.tr("工作人员暂时关闭了麦克风")
        else:
            status = self.tr("已接通，请看着屏幕说话")
        self.call_status.setText(status)
        role = "warning" if flow.phase == "reconnecting" else "instruction"
        if self.call_status.property("role") != role:
            self.call_status.setProperty("role", role)
            restyle(self.call_status)
            if role == "warning":  # a frozen clerk would look like a working call: say it in the picture
                self.remote_view.clear()
        if flow.clerk_muted_video:
            self.remote_view.clear()
            self.remote_view.set_message(self.tr("工作人员暂时关闭了摄像头"))
        elif flow.phase == "reconnecting":
            self.remote_view.set_message(status)
        else:
            self.remote_view.set_message(self.tr("正在接通视频……"))
        self.mic_button.setText(self.tr("打开麦克风") if flow.muted_audio else self.tr("关闭麦克风"))
        self.camera_button.setText(self.tr("打开摄像头") if flow.muted_video else self.tr("关闭摄像头"))
        for widget, on in ((self.mic_button, flow.muted_audio), (self.camera_button, flow.muted_video)):
            if widget.property("active") != on:
                widget.setProperty("active", on)
                restyle(widget)
        recording = bool(flow.record_granted)
        self.recording.setVisible(recording)
        self.stop_recording.setVisible(recording)
        self.render_push(flow)

    def render_push(self, flow: ConsultFlow) -> None:
        """What the clerk pushed, over the stage; the clerk's picture moves to the small view meanwhile."""
        pushed = flow.pushed
        showing = pushed is not None
        if pushed is not None:
            title, html = self.pushed_content(pushed.kind, pushed.item_id, pushed.title, pushed.text)
            self.push_title.setText(title)
            self.push_body.setHtml(html)
            self.push_from.setText(self.tr("工作人员发来的内容（点一下即可关闭）"))
        if showing != (self.stage.currentWidget() is self.push_panel):
            self.stage.setCurrentWidget(self.push_panel if showing else self.remote_view)
            self.small_view.clear()
        self.small_caption.setText(self.tr("工作人员") if showing else self.tr("您自己的画面"))

    def pushed_content(self, kind: str, item_id: str, title: str, text: str) -> tuple[str, str]:
        """Title and HTML of a pushed guide (from the terminal's own catalog) or document."""
        if kind == "document":
            paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
            return title, paragraphs
        item = self.ctx.store.item(item_id) if item_id else None
        if item is None:
            return self.tr("办事指南"), f"<p>{escape(self.tr('本机没有这个事项的指南，请听工作人员讲解。'))}</p>"
        guide = item_guide(item, self.ctx.store.department(item.department), self.ctx.session.language)
        required = [m.name for m in guide.materials if m.required]
        promised = guide.promised_days
        days = self.tr("即办（当场办结）") if promised == 0 else self.tr("%n 个工作日", "", promised)
        sections = [
            (self.tr("需要带的材料"), required or [self.tr("无")]),
            (self.tr("去哪里办"), [guide.where]),
            (self.tr("多久办好"), [days]),
            (self.tr("咨询电话"), [guide.phone]),
        ]
        html = "".join(
            f"<h3>{escape(heading)}</h3><ul>{''.join(f'<li>{escape(line)}</li>' for line in lines if line)}</ul>"
            for heading, lines in sections
        )
        return guide.name, html

    def render_end(self, flow: ConsultFlow) -> None:
        """Why the call ended and what now."""
        failed = flow.phase == "failed"
        self.end_heading.setText(self.tr("暂时无法视频咨询") if failed else self.tr("通话已结束"))
        reason = flow.end_reason
        if failed and flow.error == "unavailable":
            text = self.tr("本机暂未开通视频咨询。")
        elif failed:
            text = self.tr("暂时连接不上服务中心，请稍后再试。")
        elif reason == "left":
            text = self.tr("您已退出排队。")
        elif reason in ("lost", "error") or flow.error:
            text = self.tr("通话中断了，您可以再次咨询。")
        elif reason == "resident":
            text = self.tr("您已挂断通话。")
        else:
            text = self.tr("感谢您的咨询，请按工作人员的指引继续办理。")
        self.end_text.setText(text)
        self.again_button.setVisible(flow.error != "unavailable")

    # -- frames (GUI thread) --------------------------------------------------------------------------
    def set_remote_frame(self, frame: np.ndarray) -> None:
        """The clerk's newest picture: large on the stage, or small while a pushed document covers the stage."""
        if self.flow().clerk_muted_video:
            return
        target = self.small_view if self.stage.currentWidget() is self.push_panel else self.remote_view
        VideoView.set_frame(target, frame)  # not mirrored: the clerk is not a mirror image

    def set_self_frame(self, frame: np.ndarray) -> None:
        """The resident's own picture (mirrored): the preview while waiting, the small view in the call."""
        if self.pages.currentWidget() is self.queue_page:
            self.preview.set_frame(frame)
        elif self.stage.currentWidget() is not self.push_panel:
            if self.flow().muted_video:
                self.small_view.clear()
                self.small_view.set_message(self.tr("摄像头已关闭"))
            else:
                self.small_view.set_frame(frame)

    # -- texts, modes, lifecycle ----------------------------------------------------------------------
    def retranslate(self) -> None:
        """Strings of the consult screen."""
        self.queue_heading.setText(self.tr("视频咨询"))
        self.preview_caption.setText(self.tr("工作人员将看到这样的画面"))
        self.privacy.setText(self.tr("通话不会录像；如需录像，会先征得您的同意。"))
        self.leave_button.setText(self.tr("退出排队"))
        self.hangup_button.setText(self.tr("挂断"))
        self.stop_recording.setText(self.tr("停止录像"))
        self.recording.setText("● " + self.tr("正在录像"))
        self.push_close.setText(self.tr("关闭"))
        self.record_question.setText(self.tr("工作人员请求录像"))
        self.record_text.setText(
            self.tr("录像仅用于核对本次办理，由服务中心保存。不同意也可以继续咨询，同意后也可以随时停止。")
        )
        self.record_yes.setText(self.tr("同意录像"))
        self.record_no.setText(self.tr("不同意"))
        self.leave_overlay.question.setText(self.tr("结束与工作人员的通话？"))
        self.leave_overlay.text.setText(self.tr("离开这一页会挂断视频通话。"))
        self.leave_overlay.yes.setText(self.tr("继续通话"))
        self.leave_overlay.no.setText(self.tr("挂断并离开"))
        self.again_button.set_texts(self.tr("再次咨询"), self.tr("重新排队联系工作人员"))
        self.done_button.setText(self.tr("完成"))
        self.end_hotline.setText(self.tr("也可以拨打12345政务服务热线咨询"))
        self.preview.set_message(self.tr("正在打开摄像头……"))
        self.small_view.set_message(self.tr("正在打开摄像头……"))
        self.render()

    def instruction(self) -> str:
        """Spoken instruction for the phase."""
        flow = self.flow()
        if self.leave_overlay.isVisible():
            return f"{self.leave_overlay.question.text()} {self.leave_overlay.text.text()}"
        if flow.record_asked:
            return f"{self.record_question.text()} {self.record_text.text()}"
        page = self.pages.currentWidget()
        if page is self.queue_page:
            return f"{self.queue_intro.text()} {self.place.text()}".strip()
        if page is self.call_page:
            return self.call_status.text()
        return f"{self.end_heading.text()} {self.end_text.text()}"

    def arrange(self, portrait: bool) -> None:
        """Landscape: the clerk beside the side column; portrait: the clerk on top, the side column as a row under
        it (the resident's picture beside the texts)."""
        down, across = QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.LeftToRight
        self.call_box.setDirection(down if portrait else across)
        self.call_box.setStretch(0, 3)
        self.call_box.setStretch(1, 1)
        self.side_box.setDirection(across if portrait else down)
        self.queue_box.setDirection(down if portrait else across)
        for overlay in (self.record_overlay, self.leave_overlay):
            overlay.arrange(portrait)

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Portrait layout; bigger controls in elderly mode (the sheet scales them)."""
        super().apply_mode(elderly, portrait)
        self.arrange(portrait)
        self.setStyleSheet(consult_style(elderly))
        width = round(SELF_VIEW_WIDTH * (1.25 if elderly else 1.0))
        self.side.setMaximumWidth(16777215 if portrait else width + 80)
        self.side.setMinimumWidth(0 if portrait else width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The questions cover the whole screen."""
        super().resizeEvent(event)
        for overlay in (self.record_overlay, self.leave_overlay):
            if overlay.isVisible():
                overlay.setGeometry(self.rect())

    def reset(self) -> None:
        """Forget the pictures and what was pushed."""
        for view in (self.preview, self.remote_view, self.small_view):
            view.clear()
        self.push_title.clear()
        self.push_body.clear()
        self.record_overlay.hide()
        self.leave_overlay.hide()
        self.pending_leave = ""
        self.stage.setCurrentWidget(self.remote_view)
        self.render()
