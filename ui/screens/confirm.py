"""Everything once more before submitting (materials, the form, the signature), then 提交; and the done screen:
the tracking number, when and how the result comes, the receipt and its QR code."""

from __future__ import annotations

from html import escape

from kiosk.content import in_script, item_name
from kiosk.flows.application import ApplicationFlow, Submitted
from kiosk.tracking import grouped
from ui.qt import QBoxLayout, QGridLayout, QHBoxLayout, QImage, QLabel, QPixmap, Qt, QTextBrowser, QVBoxLayout, Signal
from ui.screens.apply import masked_name
from ui.screens.base import Context, ScreenBase, button, label
from ui.screens.form import field_words
from ui.widgets.qr import QrCode
from ui.widgets.steps import StepBar


def mask_id(number: str) -> str:
    """An ID number as others may glimpse it: the first six and last four digits."""
    return number[:6] + "*" * 8 + number[-4:] if len(number) == 18 else number


class ConfirmScreen(ScreenBase):
    """The summary with a way back to each part, and the submit button."""

    edit = Signal(str)  # "materials", "form" or "signature"
    submit = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "confirmScreen")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)
        self.steps = StepBar()
        self.title = label(role="title", name="confirmTitle")
        self.summary = QTextBrowser()
        self.summary.setObjectName("confirmSummary")
        self.summary.setMinimumHeight(120)  # it scrolls: the buttons below must stay on a 1080-high screen
        self.signature = QLabel()
        self.signature.setObjectName("confirmSignature")
        self.signature.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signature.setMaximumHeight(260)
        self.status = label(role="warning", name="confirmStatus")
        edits = QHBoxLayout()
        self.edit_buttons = {}
        for part in ("materials", "form", "signature"):
            widget = button(role="chrome", name=f"confirmEdit_{part}")
            widget.clicked.connect(lambda _=False, p=part: self.edit.emit(p))
            edits.addWidget(widget, 1)
            self.edit_buttons[part] = widget
        self.submit_button = button(role="primary", name="confirmSubmit")
        self.submit_button.clicked.connect(self.on_submit)
        for widget in (self.steps, self.title):
            outer.addWidget(widget)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.summary, 3)
        self.body.addWidget(self.signature, 2)
        outer.addLayout(self.body, 1)
        outer.addWidget(self.status)
        outer.addLayout(edits)
        outer.addWidget(self.submit_button)
        self.retranslate()

    def flow(self) -> ApplicationFlow:
        """The session's application."""
        return self.ctx.session.data.application

    def summary_html(self) -> str:
        """The application as the resident checks it."""
        flow = self.flow()
        data = self.ctx.session.data
        if flow.item is None:
            return ""
        language = self.ctx.session.language
        identity = flow.identity(data.face, data.document)
        rows = [
            (self.tr("办理事项"), item_name(flow.item, language)),
            (self.tr("申请人"), f"{masked_name(identity.get('name', ''))}  {mask_id(identity.get('id_number', ''))}"),
        ]
        states = {
            "card_reader": self.tr("身份证读卡器读取"),
            "form": self.tr("在本机填写"),
            "captured": self.tr("已拍摄"),
            "by_post": self.tr("稍后邮寄补交"),
        }
        materials = [
            f"{in_script(slot.name, language)}：{states[provided]}"
            for slot in flow.slots
            if (provided := flow.provided(slot, data.face, data.document))
        ]
        shown = {"choice": lambda v: field_words(v, language), "id_number": mask_id}  # others glimpse the screen
        fields = [
            (field_words(spec.label, language), shown.get(spec.kind, str)(value))
            for spec in flow.fields
            if (value := flow.values.get(spec.key, ""))
        ]

        def table(pairs: list[tuple[str, str]]) -> str:
            cells = "".join(
                f"<tr><td style='padding:6px 18px 6px 0; color:#555'>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>"
                for k, v in pairs
            )
            return f"<table>{cells}</table>"

        return "".join(
            [
                table(rows),
                "<h3>" + escape(self.tr("材料")) + "</h3><ul>",
                "".join(f"<li>{escape(m)}</li>" for m in materials),
                "</ul>",
                "<h3>" + escape(self.tr("填写的信息")) + "</h3>",
                table(fields),
            ]
        )

    def render(self) -> None:
        """Fill the summary and the signature's picture."""
        self.steps.set_current(4)
        self.summary.setHtml(self.summary_html())
        signature = self.flow().signature
        if signature is None:
            self.signature.clear()
            return
        image = QImage.fromData(signature.to_png())
        pixmap = QPixmap.fromImage(image).scaled(
            560, 240, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.signature.setPixmap(pixmap)

    def on_submit(self) -> None:
        """One tap submits: the button waits until the outbox answered."""
        self.submit_button.setEnabled(False)
        self.status.setText(self.tr("正在提交，请稍候……"))
        self.submit.emit()

    def show_failure(self) -> None:
        """The outbox could not keep it: nothing was sent, nothing is lost from the screen."""
        self.submit_button.setEnabled(True)
        self.status.setText(self.tr("提交没有成功，您填写的内容还在。请再点一次“确认提交”，或联系网点工作人员"))

    def retranslate(self) -> None:
        """Strings of the confirmation."""
        self.title.setText(self.tr("请确认以下内容"))
        self.edit_buttons["materials"].setText(self.tr("修改材料"))
        self.edit_buttons["form"].setText(self.tr("修改信息"))
        self.edit_buttons["signature"].setText(self.tr("重新签名"))
        self.submit_button.setText(self.tr("确认提交"))
        self.render()

    def entered(self) -> None:
        """Show the application as it is now."""
        self.status.clear()
        self.submit_button.setEnabled(True)
        self.render()

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """The signature under the summary in portrait, beside it in landscape."""
        super().apply_mode(elderly, portrait)
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

    def reset(self) -> None:
        """Forget what was shown."""
        self.summary.clear()
        self.signature.clear()
        self.status.clear()

    def instruction(self) -> str:
        """Spoken instruction."""
        return self.tr("请核对办理事项、材料和填写的信息，无误后点“确认提交”")


class DoneScreen(ScreenBase):
    """Submitted: the tracking number in large type, what happens next, the receipt and its QR code."""

    finish = Signal()
    pickup = Signal()
    print_again = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "doneScreen")
        self.submitted: Submitted | None = None
        self.outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.outer.setContentsMargins(48, 24, 48, 24)
        self.outer.setSpacing(32)
        left = QVBoxLayout()
        self.title = label(role="title", name="doneTitle")
        self.tracking = label(role="title", name="doneTracking")
        self.tracking.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.details = label(role="instruction", name="doneDetails")
        self.print_status = label(role="done", name="donePrintStatus")
        for widget in (self.title, self.tracking, self.details, self.print_status):
            left.addWidget(widget)
        left.addStretch(1)
        self.buttons = QGridLayout()
        self.print_button = button(role="chrome", name="donePrint")
        self.print_button.clicked.connect(self.print_again.emit)
        self.pickup_button = button(role="chrome", name="donePickup")
        self.pickup_button.clicked.connect(self.pickup.emit)
        self.finish_button = button(role="primary", name="doneFinish")
        self.finish_button.clicked.connect(self.finish.emit)
        left.addLayout(self.buttons)
        self.place_buttons(portrait=False)
        self.outer.addLayout(left, 3)
        side = QVBoxLayout()
        self.qr_caption = label(role="instruction", name="doneQrCaption")
        self.qr = QrCode(side=320)
        side.addWidget(self.qr_caption)
        side.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addStretch(1)
        self.outer.addLayout(side, 2)
        self.retranslate()

    def show_submitted(self, submitted: Submitted, qr_text: str) -> None:
        """What the resident takes away."""
        self.submitted = submitted
        self.qr.set_text(qr_text)
        self.print_status.clear()
        self.render()

    def render(self) -> None:
        """The texts, in the session's language."""
        s = self.submitted
        if s is None:
            self.tracking.clear()
            self.details.clear()
            return
        self.tracking.setText(self.tr("办件编号：%1").replace("%1", grouped(s.tracking_no)))
        how = (
            self.tr("结果将通过 EMS 寄到：%1").replace("%1", s.masked_address)
            if s.delivery == "ems"
            else self.tr("办结后请凭回执到窗口领取结果")
        )
        days = self.tr("即办") if s.promised_days == 0 else self.tr("%n 个工作日", "", s.promised_days)
        lines = [
            self.tr("办理事项：%1").replace("%1", in_script(s.item_name, self.ctx.session.language)),
            self.tr("承诺时限：%1，预计 %2 前办结").replace("%1", days).replace("%2", s.due),
            how,
            self.tr("可扫描回执上的二维码，或拨打 12345 查询进度"),
        ]
        self.details.setText("\n".join(lines))

    def show_print_result(self, printed: bool) -> None:
        """Say whether the receipt came out."""
        self.print_status.setText(
            "✓ " + self.tr("回执已打印，请在出纸口取走")
            if printed
            else self.tr("打印机暂不可用：请用手机拍下办件编号，或扫描右侧二维码")
        )

    def retranslate(self) -> None:
        """Strings of the done screen."""
        self.title.setText("✓ " + self.tr("申请已提交"))
        self.qr_caption.setText(self.tr("扫码查询办理进度"))
        self.print_button.setText(self.tr("再打印一张回执"))
        self.pickup_button.setText(self.tr("预约上门收取材料"))
        self.finish_button.setText(self.tr("完成，退出"))
        self.render()

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """The QR code under the texts in portrait."""
        super().apply_mode(elderly, portrait)
        self.outer.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.place_buttons(portrait)

    def place_buttons(self, portrait: bool) -> None:
        """One row in landscape; in portrait 完成 under the other two (three do not fit a narrow screen's row)."""
        for widget in (self.print_button, self.pickup_button, self.finish_button):
            self.buttons.removeWidget(widget)
        if portrait:
            self.buttons.addWidget(self.print_button, 0, 0)
            self.buttons.addWidget(self.pickup_button, 0, 1)
            self.buttons.addWidget(self.finish_button, 1, 0, 1, 2)
        else:
            for column, widget in enumerate((self.print_button, self.pickup_button, self.finish_button)):
                self.buttons.addWidget(widget, 0, column)

    def reset(self) -> None:
        """Forget the submission shown."""
        self.submitted = None
        self.qr.set_text("")
        self.print_status.clear()
        self.print_button.setEnabled(True)  # a print still running for the resident before must not lock it
        self.render()

    def instruction(self) -> str:
        """Spoken instruction."""
        return self.tr("申请已提交，请取走回执。回执上有办件编号和查询二维码")
