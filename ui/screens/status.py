"""办件查询: scan the receipt's QR code, type its tracking number and code, or verify ID card + face; then the
status in big words with its timeline, what to mail for a supplement, and the EMS number of a mailed result.

The question and the answer live in the session's StatusFlow; the hub is asked in a background job. The window's
one touch keyboard is borrowed for typing (as the review screen does) and given back when the screen is left.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from devices.printer.receipt import Receipt
from kiosk.flows.status import StatusFlow, Step, receipt_qr, timeline, typed_problem, verified_identity
from ui.qt import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMouseEvent,
    QScrollArea,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, ScreenBase, TextButton, button, clear_layout, label
from ui.widgets.keyboard_loan import KeyboardLoan
from ui.worker import Worker

log = logging.getLogger("kiosk.ui.status")
NO_ID_NUMBER = "no ID number from the card"  # verified, but neither the chip nor a read ID card gave the number


def short_time(iso: str) -> str:
    """An ISO time as residents read it: 2026-11-26 14:05, or 11-26 14:05 this year (Guangzhou time, as the hub
    writes it)."""
    if len(iso) < 16:
        return iso
    shown = iso[:16].replace("T", " ")
    return shown[5:] if shown[:4] == str(date.today().year) else shown


class TapLineEdit(QLineEdit):
    """A text field that says when it is tapped (the screen then brings the touch keyboard to it)."""

    tapped = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A tap on the field."""
        super().mousePressEvent(event)
        self.tapped.emit()


class StatusScreen(ScreenBase):
    """Ask (three ways), type, or see the answer; print it on the receipt printer."""

    verify_face = Signal()  # ID card + face: the lookup follows the verification
    print_requested = Signal()
    watching = Signal(bool)  # the ask page shows: the document camera may read a receipt held under it

    def __init__(self, ctx: Context, keyboard: QWidget | None = None):
        super().__init__(ctx, "statusScreen")
        self.worker = Worker(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._build_ask_page()
        self._build_type_page()
        self.loan = KeyboardLoan(keyboard, self.keyboard_slot)
        self._build_result_page()
        self.arrange(portrait=False)
        self.retranslate()

    # -- construction ---------------------------------------------------------------------------------
    def _build_ask_page(self) -> None:
        self.ask_page = QWidget()
        column = QVBoxLayout(self.ask_page)
        column.setContentsMargins(32, 16, 32, 16)
        column.setSpacing(16)
        self.heading = label(role="title", name="statusHeading")
        self.intro = label(role="instruction", name="statusIntro")
        self.ways = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.ways.setSpacing(24)
        self.scan_panel = QFrame()
        self.scan_panel.setObjectName("statusScanPanel")
        self.scan_panel.setProperty("role", "panel")
        scan = QVBoxLayout(self.scan_panel)
        scan.setContentsMargins(24, 20, 24, 20)
        self.scan_title = label(role="heading", name="statusScanTitle")
        self.scan_text = label(role="instruction", name="statusScanText")
        scan.addWidget(self.scan_title)
        scan.addWidget(self.scan_text)
        buttons = QVBoxLayout()
        buttons.setSpacing(24)
        self.type_button = TextButton("", "", "action", "statusType")
        self.type_button.clicked.connect(self.start_typing)
        self.face_button = TextButton("", "", "action", "statusFace")
        self.face_button.clicked.connect(self.ask_face)
        buttons.addWidget(self.type_button)
        buttons.addWidget(self.face_button)
        buttons.addStretch(1)
        self.ways.addWidget(self.scan_panel, 1, Qt.AlignmentFlag.AlignTop)
        self.ways.addLayout(buttons, 1)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addLayout(self.ways)
        column.addStretch(1)
        self.pages.addWidget(self.ask_page)

    def _build_type_page(self) -> None:
        self.type_page = QWidget()
        self.type_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.type_page)
        self.type_box.setContentsMargins(32, 8, 32, 8)
        self.type_box.setSpacing(24)
        form = QVBoxLayout()
        form.setSpacing(8)
        self.type_heading = label(role="title", name="typeHeading")
        self.type_hint = label(role="instruction", name="typeHint")
        self.number_caption = label(role="field-label", name="numberCaption")
        number_row = QHBoxLayout()
        self.number_prefix = label("HP", role="field-value", name="numberPrefix", wrap=False)
        self.number_field = TapLineEdit()
        self.number_field.setObjectName("trackingField")
        self.number_field.setMaxLength(24)
        self.number_field.tapped.connect(lambda: self.edit(self.number_field))
        number_row.addWidget(self.number_prefix)
        number_row.addWidget(self.number_field, 1)
        self.code_caption = label(role="field-label", name="codeCaption")
        self.code_field = TapLineEdit()
        self.code_field.setObjectName("codeField")
        self.code_field.setMaxLength(12)
        self.code_field.tapped.connect(lambda: self.edit(self.code_field))
        self.type_problem = label(role="warning", name="typeProblem")
        row = QHBoxLayout()
        self.type_cancel = button(role="chrome", name="typeCancel")
        self.type_cancel.clicked.connect(self.show_ask)
        self.type_submit = button(role="primary", name="typeSubmit")
        self.type_submit.clicked.connect(self.submit_typed)
        row.addWidget(self.type_cancel, 1)
        row.addWidget(self.type_submit, 2)
        for widget in (self.type_heading, self.type_hint, self.number_caption):
            form.addWidget(widget)
        form.addLayout(number_row)
        form.addWidget(self.code_caption)
        form.addWidget(self.code_field)
        form.addWidget(self.type_problem)
        form.addStretch(1)
        form.addLayout(row)
        self.type_box.addLayout(form, 3)
        self.keyboard_slot = QVBoxLayout()
        self.keyboard_slot.addStretch(1)
        self.type_box.addLayout(self.keyboard_slot, 4)
        self.pages.addWidget(self.type_page)

    def _build_result_page(self) -> None:
        self.result_page = QWidget()
        column = QVBoxLayout(self.result_page)
        column.setContentsMargins(32, 16, 32, 16)
        column.setSpacing(12)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("statusResult")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        # Landscape: what it means on the left, the timeline (or the person's list) on the right.
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.body.setSpacing(32)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(12)
        right.setSpacing(12)
        self.headline = label(role="guidance", name="statusHeadline")
        self.explain = label(role="instruction", name="statusExplain")
        self.note = label(role="instruction", name="statusNote")
        self.item_label = label(role="heading", name="statusItem")
        self.facts = label(role="instruction", name="statusFacts")
        self.local_label = label(role="done", name="statusLocal")
        self.timeline_frame = QFrame()
        self.timeline_frame.setObjectName("statusTimeline")
        self.timeline_frame.setProperty("role", "panel")
        self.timeline_rows = QVBoxLayout(self.timeline_frame)
        self.timeline_rows.setContentsMargins(24, 16, 24, 16)
        self.supplement_frame = QFrame()
        self.supplement_frame.setObjectName("statusSupplement")
        self.supplement_frame.setProperty("role", "panel")
        supplement = QVBoxLayout(self.supplement_frame)
        supplement.setContentsMargins(24, 16, 24, 16)
        self.supplement_title = label(role="heading", name="supplementTitle")
        self.supplement_list = label(role="instruction", name="supplementList")
        self.supplement_mail = label(role="instruction", name="supplementMail")
        for widget in (self.supplement_title, self.supplement_list, self.supplement_mail):
            supplement.addWidget(widget)
        self.mail_label = label(role="heading", name="statusMailNo")
        self.summaries_host = QWidget()
        self.summaries = QVBoxLayout(self.summaries_host)
        self.summaries.setContentsMargins(0, 0, 0, 0)
        self.summaries.setSpacing(12)
        # What it means and what to do on the left; which submission and how far it got on the right.
        for widget in (
            self.headline,
            self.explain,
            self.note,
            self.local_label,
            self.supplement_frame,
            self.mail_label,
            self.summaries_host,
        ):
            left.addWidget(widget)
        for widget in (self.item_label, self.facts, self.timeline_frame):
            right.addWidget(widget)
        left.addStretch(1)
        right.addStretch(1)
        self.body.addLayout(left, 1)
        self.body.addLayout(right, 1)
        self.scroll.setWidget(body)
        self.print_status = label(role="note", name="statusPrintStatus")
        actions = QHBoxLayout()
        self.again = button(role="chrome", name="statusAgain")
        self.again.clicked.connect(self.show_ask)
        self.retry = button(role="primary", name="statusRetry")
        self.retry.clicked.connect(self.retry_query)
        self.print_button = button(role="primary", name="statusPrint")
        self.print_button.clicked.connect(self.print_requested.emit)
        actions.addWidget(self.again, 1)
        actions.addWidget(self.retry, 1)
        actions.addWidget(self.print_button, 2)
        column.addWidget(self.scroll, 1)
        column.addWidget(self.print_status)
        column.addLayout(actions)
        self.pages.addWidget(self.result_page)

    # -- texts ----------------------------------------------------------------------------------------
    def flow(self) -> StatusFlow:
        """The session's status flow."""
        return self.ctx.session.data.status

    def status_name(self, status: str) -> str:
        """A status as a timeline step, in the resident's words."""
        return {
            "submitted": self.tr("已提交"),
            "accepted": self.tr("已受理"),
            "in_review": self.tr("审核中"),
            "supplement_requested": self.tr("需要补充材料"),
            "approved": self.tr("审核通过"),
            "rejected": self.tr("未通过审核"),
            "result_mailed": self.tr("结果已寄出"),
            "result_collected": self.tr("结果已领取"),
        }.get(status, status)

    def step_name(self, step: Step) -> str:
        """A timeline step; a decision or delivery not yet made is named without guessing its outcome."""
        if step.state == "todo" and step.status in ("approved", "rejected"):
            return self.tr("出审核结果")
        if step.state == "todo" and step.status in ("result_mailed", "result_collected"):
            return self.tr("寄出办理结果")
        return self.status_name(step.status)

    def status_words(self, status: str) -> tuple[str, str]:
        """The big headline and one plain sentence for a status."""
        return {
            "submitted": (self.tr("已提交，等待受理"), self.tr("您的申请已送达，工作人员会尽快受理。")),
            "accepted": (self.tr("已受理"), self.tr("工作人员已接收您的申请，马上开始审核。")),
            "in_review": (self.tr("正在审核"), self.tr("工作人员正在审核您的材料，请耐心等待。")),
            "supplement_requested": (
                self.tr("需要补充材料"),
                self.tr("请把下面列出的材料寄到指定地址，收到后会继续审核。"),
            ),
            "approved": (self.tr("审核通过"), self.tr("您的申请已通过，办理结果将寄给您。")),
            "rejected": (
                self.tr("未通过审核"),
                self.tr("很抱歉，您的申请没有通过。可拨打 12345 咨询原因和下一步怎么办。"),
            ),
            "result_mailed": (self.tr("结果已寄出"), self.tr("办理结果已通过 EMS 寄出，请留意查收。")),
            "result_collected": (self.tr("已办结"), self.tr("办理结果已领取，这件事已经办完。")),
        }.get(status, (status, ""))

    def problem_text(self, code: str) -> str:
        """Why typed input cannot be right, and what to do."""
        return {
            "no_tracking_no": self.tr("请输入回执上的受理编号"),
            "tracking_no_format": self.tr("受理编号是 HP 加 17 位数字，请对照回执再看一下"),
            "tracking_no_check": self.tr("受理编号有一位不对，请对照回执逐位核对"),
            "no_code": self.tr("请输入回执上的 6 位查询码"),
            "code_format": self.tr("查询码是 6 位字母或数字，请对照回执再看一下"),
        }.get(code, "")

    def retranslate(self) -> None:
        """Strings of the status screen."""
        self.heading.setText(self.tr("办件查询"))
        self.intro.setText(self.tr("请选择一种查询方式："))
        self.scan_title.setText(self.tr("扫描回执二维码"))
        self.scan_text.setText(
            self.tr("把回执上的二维码对准扫码窗口，或放在高拍仪下面，会自动查询。在任何页面扫码都可以。")
        )
        self.type_button.set_texts(self.tr("输入受理编号查询"), self.tr("受理编号和查询码都印在回执上"))
        self.face_button.set_texts(self.tr("刷身份证＋刷脸查询"), self.tr("查看您本人的全部办件"))
        self.type_heading.setText(self.tr("输入受理编号查询"))
        self.type_hint.setText(self.tr("受理编号和查询码都印在回执上，二维码的旁边"))
        self.number_caption.setText(self.tr("受理编号（HP 后面的 17 位数字）"))
        self.code_caption.setText(self.tr("查询码（6 位）"))
        self.type_cancel.setText(self.tr("返回"))
        self.type_submit.setText(self.tr("查询"))
        self.supplement_title.setText(self.tr("请补充以下材料"))
        self.again.setText(self.tr("再查一件"))
        self.retry.setText(self.tr("重试"))
        self.print_button.setText(self.tr("打印查询结果"))
        if self.type_problem.text():
            self.check_typed()
        self.render()

    def instruction(self) -> str:
        """Spoken instruction for the page showing."""
        page = self.pages.currentWidget()
        if page is self.ask_page:
            return self.tr("请扫描回执上的二维码，或输入受理编号，也可以刷身份证和刷脸查询")
        if page is self.type_page:
            return self.tr("请输入回执上的受理编号和查询码，然后点“查询”")
        return f"{self.headline.text()} {self.explain.text()}".strip()

    # -- pages ----------------------------------------------------------------------------------------
    def show_page(self, page: QWidget) -> None:
        """Show one page; the keyboard goes back when the typing page closes, the camera watches on the ask page."""
        if page is not self.type_page:
            self.loan.give_back()
        self.pages.setCurrentWidget(page)
        self.watching.emit(page is self.ask_page and self.isVisible())

    def show_ask(self) -> None:
        """Ask afresh: the three ways."""
        self.flow().clear()
        self.print_status.clear()
        self.show_page(self.ask_page)

    def start_typing(self) -> None:
        """The typing page, with the keyboard at the number field."""
        self.number_field.clear()
        self.code_field.clear()
        self.type_problem.clear()
        self.type_problem.hide()
        self.show_page(self.type_page)
        self.number_field.setFocus()
        self.edit(self.number_field)

    def edit(self, field: QLineEdit) -> None:
        """Bring the keyboard to a field: digits for the number, letters for the code."""
        if self.pages.currentWidget() is not self.type_page:
            return
        mode = "123" if field is self.number_field else "ABC"
        self.loan.take(field, mode, self, self.type_box.contentsMargins().left())

    def typed(self) -> tuple[str, str]:
        """The number (with its HP) and the code as typed."""
        number = "".join(self.number_field.text().split()).upper()
        return (number if number.startswith("HP") else "HP" + number), self.code_field.text()

    def check_typed(self) -> str:
        """Show what is wrong with the typed number and code (and return its code)."""
        number, code = self.typed()
        problem = typed_problem(number if number != "HP" else "", code)
        self.type_problem.setText(("⚠ " + self.problem_text(problem)) if problem else "")
        self.type_problem.setVisible(bool(problem))
        return problem

    def submit_typed(self) -> None:
        """查询 pressed: ask the hub when the number and code can be right."""
        problem = self.check_typed()
        if problem:
            field = self.code_field if problem in ("no_code", "code_format") else self.number_field
            field.setFocus()
            self.edit(field)
            return
        self.flow().ask_receipt(*self.typed())
        self.run_query()

    def ask_face(self) -> None:
        """ID card + face: verify first (the face screen), then the lookup runs when the resident comes back."""
        self.flow().clear()
        self.flow().face_requested = True
        self.verify_face.emit()

    # -- asking the hub -------------------------------------------------------------------------------
    def run_query(self) -> None:
        """Ask the hub for the flow's question in the background; the page says it is asking."""
        flow = self.flow()
        if flow.query is None:
            return
        generation = flow.generation
        hub = self.ctx.services.get("hub")
        name = f"status-{id(flow)}-{generation}"
        self.worker.run(name, flow.job(hub), lambda result: self.on_answer(flow, generation, result))
        self.print_status.clear()
        self.show_page(self.result_page)
        self.render()

    def on_answer(self, flow: StatusFlow, generation: int, result: Any) -> None:
        """The hub answered (or failed): show it, unless the question is no longer the current one."""
        if flow is not self.flow() or not flow.answer(generation, result):
            return
        log.info("status query: %s", flow.summary())  # phase and counts only
        self.render()
        if self.ctx.session.elderly:
            voice = self.ctx.services.get("voice")
            if voice is not None:
                voice.say(self.instruction(), self.ctx.session.language)

    def retry_query(self) -> None:
        """重试 after the hub could not be reached: the same question again."""
        flow = self.flow()
        if flow.query is None:
            return
        flow.again()
        self.run_query()

    def ask_scanned(self, text: str) -> bool:
        """A receipt's QR code was scanned: ask about it (False for any other code)."""
        if self.flow().ask_scanned(text) is None:
            return False
        self.run_query()
        return True

    # -- rendering ------------------------------------------------------------------------------------
    def render(self) -> None:
        """Fill the result page from the flow."""
        flow = self.flow()
        phase = flow.phase
        status = flow.status
        shown = phase == "shown"
        if phase == "asking":
            headline, explain = self.tr("正在查询，请稍候……"), ""
        elif phase == "not_found":
            headline = self.tr("没有查到这件办件")
            explain = (
                self.tr("没有查到您本人的办件记录。")
                if flow.query is not None and flow.query.kind == "person"
                else self.tr("请核对受理编号和查询码是否与回执一致。刚提交的办件，可能要过几分钟才能查到。")
            )
        elif phase == "offline":
            headline = self.tr("暂时连不上办件系统")
            explain = self.tr("网络或系统暂时不通，现在查不到办理进度，请稍后再试。")
        elif phase == "error" and flow.problem == NO_ID_NUMBER:
            headline = self.tr("没有读到身份证号码")
            explain = self.tr("请点“再查一件”，重新刷身份证和刷脸，或者输入回执上的受理编号查询。")
        elif phase == "error":
            headline = self.tr("这次没有查询成功")
            explain = self.tr("请稍后再试，或拨打 12345 政务服务热线咨询。")
        elif status is not None:
            headline, explain = self.status_words(status["status"])
        elif flow.summaries:
            headline = self.tr("您本人共有 %n 件办件", "", len(flow.summaries))
            explain = self.tr("每件的办理进度如下。要看详细进度，请扫描该件回执上的二维码。")
        else:
            headline, explain = "", ""
        self.headline.setText(headline)
        self.explain.setText(explain)
        self.explain.setVisible(bool(explain))
        local = ""
        if phase == "offline" and flow.waiting_here:
            local = self.tr("这件是在本机提交的，已经登记好，正在等网络恢复后自动送出，不需要重新提交。")
        elif phase == "offline" and flow.sent_from_here:
            local = self.tr("这件是在本机提交的，已经送达办件系统，网络恢复后就能查到进度。")
        self.local_label.setText(("✓ " + local) if local else "")
        self.local_label.setVisible(bool(local))
        self.show_status(status if shown else None)
        self.show_summaries(flow.summaries if shown else [])
        self.retry.setVisible(phase in ("offline", "error") and flow.query is not None)
        self.print_button.setVisible(shown)
        self.again.setVisible(phase != "asking")

    def show_status(self, status: dict[str, Any] | None) -> None:
        """One submission: item, facts, supplement, mail number, timeline."""
        for widget in (self.item_label, self.facts, self.timeline_frame, self.note):
            widget.setVisible(status is not None)
        if status is None:
            self.supplement_frame.hide()
            self.mail_label.hide()
            clear_layout(self.timeline_rows)
            return
        self.item_label.setText(status["item_name"])
        facts = [self.tr("受理编号：%1").replace("%1", status["tracking_no"])]
        days = status.get("promised_days")
        if isinstance(days, int):
            facts.append(self.tr("承诺办结时限：%n 个工作日", "", days) if days > 0 else self.tr("承诺办结时限：即办"))
        facts.append(self.tr("更新时间：%1").replace("%1", short_time(status["updated_at"])))
        self.facts.setText("\n".join(facts))
        notes = [h.get("note") for h in status["history"] if h.get("status") == status["status"] and h.get("note")]
        self.note.setText(self.tr("说明：%1").replace("%1", notes[-1]) if notes else "")
        self.note.setVisible(bool(notes))
        supplement = status.get("supplement") if status["status"] == "supplement_requested" else None
        if supplement:
            materials = "\n".join(f"· {m}" for m in supplement["materials"])
            extra = supplement.get("note") or ""
            self.supplement_list.setText(materials + (f"\n{extra}" if extra else ""))
            mail_to = supplement.get("mail_to") or ""
            self.supplement_mail.setText(self.tr("请邮寄到：%1").replace("%1", mail_to) if mail_to else "")
            self.supplement_mail.setVisible(bool(mail_to))
        self.supplement_frame.setVisible(bool(supplement))
        mail_no = status.get("mail_no")
        self.mail_label.setText(self.tr("EMS 邮件号：%1").replace("%1", mail_no) if mail_no else "")
        self.mail_label.setVisible(bool(mail_no))
        clear_layout(self.timeline_rows)
        title = label(self.tr("办理进度"), "heading", "timelineTitle")
        self.timeline_rows.addWidget(title)
        for n, step in enumerate(timeline(status)):
            self.timeline_rows.addWidget(self.step_label(step, n))

    def step_label(self, step: Step, n: int) -> QWidget:
        """One timeline row: a mark and words (not colour alone) for done, now and still to come."""
        mark = {"done": "✓", "current": "●", "todo": "○"}[step.state]
        words = self.step_name(step)
        if step.state == "current":
            words += "  " + self.tr("（当前）")
        text = f"{mark}  {words}" + (f"  ·  {short_time(step.at)}" if step.at else "")
        role = {"done": "done", "current": "heading", "todo": "subtitle"}[step.state]
        return label(text, role, f"step_{n}_{step.status}")

    def show_summaries(self, rows: list[dict[str, Any]]) -> None:
        """A person's submissions, one panel each."""
        clear_layout(self.summaries)
        for row in rows:
            panel = QFrame()
            panel.setProperty("role", "panel")
            panel.setObjectName(f"summary_{row['tracking_no']}")
            box = QVBoxLayout(panel)
            box.setContentsMargins(24, 12, 24, 12)
            box.addWidget(label(row["item_name"], "heading"))
            box.addWidget(label(self.status_words(row["status"])[0], "instruction"))
            facts = self.tr("受理编号：%1").replace("%1", row["tracking_no"])
            facts += "  ·  " + self.tr("更新时间：%1").replace("%1", short_time(row["updated_at"]))
            box.addWidget(label(facts, "note"))
            self.summaries.addWidget(panel)
        self.summaries_host.setVisible(bool(rows))

    # -- printing -------------------------------------------------------------------------------------
    def receipt(self) -> Receipt | None:
        """What is shown, as a receipt (the QR code lets the resident look again with a phone or here)."""
        flow = self.flow()
        if flow.phase != "shown":
            return None
        lines: list[str] = []
        qr = ""
        if flow.status is not None:
            status = flow.status
            lines += [status["item_name"], self.tr("受理编号：%1").replace("%1", status["tracking_no"])]
            lines.append(self.tr("当前状态：%1").replace("%1", self.status_words(status["status"])[0]))
            for step in timeline(status):
                mark = {"done": "√", "current": "→", "todo": "○"}[step.state]
                lines.append(f"{mark} {self.step_name(step)}" + (f" {short_time(step.at)}" if step.at else ""))
            supplement = status.get("supplement") if status["status"] == "supplement_requested" else None
            if supplement:
                lines.append(self.tr("请补充以下材料"))
                lines += [f"· {m}" for m in supplement["materials"]]
                if supplement.get("mail_to"):
                    lines.append(self.tr("请邮寄到：%1").replace("%1", supplement["mail_to"]))
            if status.get("mail_no"):
                lines.append(self.tr("EMS 邮件号：%1").replace("%1", status["mail_no"]))
            if flow.query is not None and flow.query.kind == "receipt":
                qr = receipt_qr(flow.query.tracking_no, flow.query.code)
        for row in flow.summaries:
            lines += [
                row["item_name"],
                f"{row['tracking_no']}  {self.status_words(row['status'])[0]}  {short_time(row['updated_at'])}",
            ]
        return Receipt(
            title=self.tr("办件查询结果"),
            lines=tuple(lines),
            qr=qr,
            footer=(self.tr("咨询电话 12345"),),
        )

    def show_printing(self) -> None:
        """The receipt is on its way to the printer."""
        self.print_button.setEnabled(False)
        self.print_status.setText(self.tr("正在打印，请稍候……"))

    def show_print_result(self, printed: bool) -> None:
        """Tell the resident whether the receipt printed."""
        self.print_button.setEnabled(True)
        self.print_status.setText(
            self.tr("已打印，请在出纸口取走") if printed else self.tr("打印机暂时不能用，请用手机拍下本页")
        )

    # -- layout, entering, forgetting -----------------------------------------------------------------
    def arrange(self, portrait: bool) -> None:
        """Side by side in landscape; one column in portrait."""
        self.ways.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.type_box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        side = 16 if portrait else 32  # the keyboard's ten keys a row need a portrait screen's width
        self.type_box.setContentsMargins(side, 8, side, 8)

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Portrait stacks everything; the keyboard grows with elderly mode."""
        super().apply_mode(elderly, portrait)
        self.arrange(portrait)
        if self.loan.held() and self.loan.keyboard is not None and hasattr(self.loan.keyboard, "target"):
            target = self.loan.keyboard.target()
            if target is not None:
                self.edit(target)

    def entered(self) -> None:
        """Back from the face check: look the person up; a scanned receipt: show its answer; else ask."""
        flow = self.flow()
        data = self.ctx.session.data
        if flow.face_requested and data.face.verified:
            id_number = verified_identity(data.face, data.document).get("id_number", "")
            if id_number:
                flow.ask_person(id_number)
                self.run_query()
                return
            flow.face_requested = False
            flow.phase, flow.problem = "error", NO_ID_NUMBER
        if flow.phase == "idle":
            self.print_status.clear()
            self.show_page(self.ask_page)
        else:
            self.show_page(self.result_page)
            self.render()

    def left(self) -> None:
        """Leaving: the keyboard goes home, the camera stops watching."""
        self.loan.give_back()
        self.watching.emit(False)

    def reset(self) -> None:
        """Forget what was typed and shown."""
        self.loan.give_back()
        self.number_field.clear()
        self.code_field.clear()
        self.type_problem.clear()
        self.print_status.clear()
        self.print_button.setEnabled(True)  # a print still running for the resident before must not lock it
        clear_layout(self.timeline_rows)
        clear_layout(self.summaries)
        self.pages.setCurrentWidget(self.ask_page)
        self.render()
