"""预约上门: choose a day and an hour with big buttons, give a name, mobile number and address (one field at a
time with the touch keyboard), confirm; then the appointment number and the promise, and a printed note.

The booking lives in the session's PickupFlow; slots and the booking go to the hub in background jobs. Nothing is
booked until the hub confirms: without it the screen says so plainly and gives China Post's number, 11183.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from devices.printer.receipt import Receipt
from kiosk.flows.pickup import CHINA_POST_PHONE, CST, DISTRICT, PickupFlow, Slot
from ui.qt import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, ScreenBase, TextButton, button, clear_layout, label, restyle
from ui.screens.status import TapLineEdit
from ui.widgets.keyboard_loan import KeyboardLoan
from ui.worker import Worker

log = logging.getLogger("kiosk.ui.pickup")
FIELDS = ("contact_name", "phone", "address")
KEYBOARD_MODES = {"contact_name": "拼音", "phone": "123", "address": "拼音"}
# Day and hour buttons: two short lines each, side by side; less padding lets elderly mode's text fit them.
COMPACT = "QPushButton { padding: 4px 8px; }"


def masked_phone(phone: str) -> str:
    """A mobile number with its middle hidden, as printed on paper that may be left behind: 138****8000."""
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else phone


class PickupScreen(ScreenBase):
    """When (day and hour), who and where, then the confirmation."""

    print_requested = Signal()
    finished = Signal()  # 返回首页 after booking

    def __init__(self, ctx: Context, keyboard: QWidget | None = None):
        super().__init__(ctx, "pickupScreen")
        self.worker = Worker(self)
        self.day_buttons: dict[date, QPushButton] = {}
        self.slot_buttons: list[QPushButton] = []
        self.field_rows: dict[str, TextButton] = {}
        self.editing = ""
        self.first_open_day = False  # the screen chose the day: a day without a free hour moves on to the next
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._build_when_page()
        self._build_who_page()
        self._build_edit_page()
        self.loan = KeyboardLoan(keyboard, self.keyboard_slot)
        self._build_done_page()
        self.arrange(portrait=False)
        self.retranslate()

    # -- construction ---------------------------------------------------------------------------------
    def _build_when_page(self) -> None:
        self.when_page = QWidget()
        self.when_grid = QGridLayout(self.when_page)
        self.when_grid.setContentsMargins(32, 8, 32, 8)
        self.when_grid.setHorizontalSpacing(32)
        self.when_grid.setVerticalSpacing(8)
        self.when_title = QWidget()
        self.title_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.when_title)
        self.title_box.setContentsMargins(0, 0, 0, 0)
        self.title_box.setSpacing(24)
        self.when_heading = label(role="title", name="pickupHeading")
        self.item_label = label(role="subtitle", name="pickupItem")
        self.title_box.addWidget(self.when_heading)
        self.title_box.addWidget(self.item_label, 1)
        self.days_caption = label(role="instruction", name="daysCaption")
        self.days_host = QWidget()
        self.days_grid = QGridLayout(self.days_host)
        self.days_grid.setContentsMargins(0, 0, 0, 0)
        self.days_grid.setSpacing(12)
        self.slots_caption = label(role="instruction", name="slotsCaption")
        self.slots_host = QWidget()
        self.slots_grid = QGridLayout(self.slots_host)
        self.slots_grid.setContentsMargins(0, 0, 0, 0)
        self.slots_grid.setSpacing(12)
        # What went wrong or is happening sits beside the buttons: the page must fit elderly mode's large text.
        self.when_buttons = QWidget()
        self.when_row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.when_buttons)
        self.when_row.setContentsMargins(0, 0, 0, 0)
        self.when_row.setSpacing(16)
        notes = QVBoxLayout()
        self.slots_note = label(role="instruction", name="slotsNote")
        self.when_notice = label(role="warning-box", name="whenNotice")
        notes.addWidget(self.slots_note)
        notes.addWidget(self.when_notice)
        self.slots_retry = button(role="chrome", name="slotsRetry")
        self.slots_retry.clicked.connect(self.load_slots)
        self.next_button = button(role="primary", name="pickupNext")
        self.next_button.clicked.connect(self.show_who)
        self.when_row.addLayout(notes, 3)
        self.when_row.addWidget(self.slots_retry, 1)
        self.when_row.addWidget(self.next_button, 2)
        self.pages.addWidget(self.when_page)

    def _build_who_page(self) -> None:
        self.who_page = QWidget()
        column = QVBoxLayout(self.who_page)
        column.setContentsMargins(32, 8, 32, 8)
        column.setSpacing(12)
        self.who_heading = label(role="title", name="whoHeading")
        top = QHBoxLayout()
        top.setSpacing(24)
        self.when_summary = label(role="heading", name="whenSummary")
        self.change_time = button(role="chrome", name="changeTime")
        self.change_time.clicked.connect(self.show_when)
        self.change_time.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # its words whole
        top.addWidget(self.when_summary, 1)
        top.addWidget(self.change_time)
        column.addWidget(self.who_heading)
        column.addLayout(top)
        self.fields_grid = QGridLayout()
        self.fields_grid.setSpacing(12)
        for name in FIELDS:
            row = TextButton("", "", "result", f"field_{name}")
            row.clicked.connect(lambda _=False, n=name: self.start_edit(n))
            self.field_rows[name] = row
        column.addLayout(self.fields_grid)
        self.who_notice = label(role="warning-box", name="whoNotice")
        column.addWidget(self.who_notice)
        column.addStretch(1)
        buttons = QHBoxLayout()
        self.who_back = button(role="chrome", name="whoBack")
        self.who_back.clicked.connect(self.show_when)
        self.confirm_button = button(role="primary", name="pickupConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        buttons.addWidget(self.who_back, 1)
        buttons.addWidget(self.confirm_button, 2)
        column.addLayout(buttons)
        self.pages.addWidget(self.who_page)

    def _build_edit_page(self) -> None:
        self.edit_page = QWidget()
        self.edit_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.edit_page)
        self.edit_box.setContentsMargins(32, 16, 32, 16)
        self.edit_box.setSpacing(24)
        editor = QVBoxLayout()
        editor.setSpacing(12)
        self.edit_heading = label(role="title", name="pickupEditHeading")
        self.edit_hint = label(role="instruction", name="pickupEditHint")
        field_row = QHBoxLayout()
        self.edit_prefix = label(DISTRICT, "field-value", "addressPrefix", wrap=False)
        self.editor = TapLineEdit()
        self.editor.setObjectName("pickupEditor")
        self.editor.setMaxLength(120)
        self.editor.tapped.connect(lambda: self.take_keyboard(self.editing))
        field_row.addWidget(self.edit_prefix)
        field_row.addWidget(self.editor, 1)
        self.edit_problem = label(role="warning", name="pickupEditProblem")
        buttons = QHBoxLayout()
        self.edit_cancel = button(role="chrome", name="pickupEditCancel")
        self.edit_cancel.clicked.connect(self.finish_edit)
        self.edit_save = button(role="primary", name="pickupEditSave")
        self.edit_save.clicked.connect(self.save_edit)
        buttons.addWidget(self.edit_cancel, 1)
        buttons.addWidget(self.edit_save, 1)
        editor.addWidget(self.edit_heading)
        editor.addWidget(self.edit_hint)
        editor.addLayout(field_row)
        editor.addWidget(self.edit_problem)
        editor.addStretch(1)
        editor.addLayout(buttons)
        self.edit_box.addLayout(editor, 3)
        self.keyboard_slot = QVBoxLayout()
        self.keyboard_slot.addStretch(1)
        self.edit_box.addLayout(self.keyboard_slot, 4)
        self.pages.addWidget(self.edit_page)

    def _build_done_page(self) -> None:
        self.done_page = QWidget()
        column = QVBoxLayout(self.done_page)
        column.setContentsMargins(32, 16, 32, 16)
        column.setSpacing(16)
        self.done_heading = label(role="guidance", name="pickupDone")
        self.promise = label(role="title", name="pickupPromise")
        self.done_details = label(role="instruction", name="pickupDetails")
        self.done_note = label(role="instruction", name="pickupNote")
        self.print_status = label(role="note", name="pickupPrintStatus")
        for widget in (self.done_heading, self.promise, self.done_details, self.done_note):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(self.print_status)
        buttons = QHBoxLayout()
        self.home_button = button(role="chrome", name="pickupHome")
        self.home_button.clicked.connect(self.finished.emit)
        self.print_button = button(role="primary", name="pickupPrint")
        self.print_button.clicked.connect(self.print_requested.emit)
        buttons.addWidget(self.home_button, 1)
        buttons.addWidget(self.print_button, 2)
        column.addLayout(buttons)
        self.pages.addWidget(self.done_page)

    # -- texts ----------------------------------------------------------------------------------------
    def flow(self) -> PickupFlow:
        """The session's pickup flow."""
        return self.ctx.session.data.pickup

    def day_text(self, day: date, today: date) -> str:
        """A day button: today / tomorrow or the weekday, then the date."""
        offset = (day - today).days
        first = {0: self.tr("今天"), 1: self.tr("明天"), 2: self.tr("后天")}.get(offset, self.weekday(day))
        return first + "\n" + self.date_text(day)

    def date_text(self, day: date) -> str:
        """A date without its year."""
        return self.tr("%1月%2日").replace("%1", str(day.month)).replace("%2", str(day.day))

    def slot_text(self, slot: Slot) -> str:
        """A slot's hours, e.g. 14:00–15:00."""
        return f"{slot.start.astimezone(CST):%H:%M}–{slot.end.astimezone(CST):%H:%M}"

    def when_text(self) -> str:
        """The chosen visit time in words."""
        flow = self.flow()
        if flow.slot is None:
            return ""
        day = flow.slot.start.astimezone(CST).date()
        return (
            self.tr("%1（%2）%3")
            .replace("%1", self.date_text(day))
            .replace("%2", self.weekday(day))
            .replace("%3", self.slot_text(flow.slot))
        )

    def weekday(self, day: date) -> str:
        """The weekday's name."""
        names = (self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"), self.tr("周五"))
        names += (self.tr("周六"), self.tr("周日"))
        return names[day.weekday()]

    def field_caption(self, name: str) -> str:
        """A contact field's name."""
        return {
            "contact_name": self.tr("联系人"),
            "phone": self.tr("手机号码"),
            "address": self.tr("上门地址"),
        }[name]

    def field_hint(self, name: str) -> str:
        """What to type into a field."""
        return {
            "contact_name": self.tr("邮政人员上门时找谁"),
            "phone": self.tr("11 位手机号码，邮政人员出发前会打电话"),
            "address": self.tr("写到门牌号，例如：开发大道 188 号 3 栋 502 房"),
        }[name]

    def problem_text(self, name: str, code: str) -> str:
        """What is wrong with a field, and how to fix it."""
        return {
            ("contact_name", "empty"): self.tr("请填写联系人"),
            ("contact_name", "too_long"): self.tr("名字太长了"),
            ("phone", "empty"): self.tr("请填写手机号码"),
            ("phone", "format"): self.tr("手机号码应为 11 位数字，以 1 开头"),
            ("address", "empty"): self.tr("请填写上门地址"),
            ("address", "too_short"): self.tr("地址太简单，请写到门牌号"),
            ("address", "too_long"): self.tr("地址太长了"),
            ("address", "other_district"): self.tr("上门收件只在黄埔区内，这个地址不在黄埔区"),
        }.get((name, code), "")

    def notice_text(self, notice: str) -> str:
        """A booking problem in plain words: what happened, what was not done, what to do."""
        return {
            "slot_full": self.tr("这个时间刚刚约满了，请另选一个时间。"),
            "slot_gone": self.tr("这个时间已经不能预约了，请另选一个时间。"),
            "offline": self.tr(
                "没有预约成功：暂时连不上预约系统，这次没有预约上。请稍后再试，或拨打 %1（中国邮政）预约。"
            ).replace("%1", CHINA_POST_PHONE),
            "error": self.tr("没有预约成功，这次没有预约上。请稍后再试，或拨打 %1（中国邮政）预约。").replace(
                "%1", CHINA_POST_PHONE
            ),
            "slots_offline": self.tr(
                "暂时连不上预约系统，现在查不到可以预约的时间。请稍后点“重试”，或拨打 %1（中国邮政）预约。"
            ).replace("%1", CHINA_POST_PHONE),
            "slots_error": self.tr("现在查不到可以预约的时间。请稍后点“重试”，或拨打 %1（中国邮政）预约。").replace(
                "%1", CHINA_POST_PHONE
            ),
        }.get(notice, "")

    def retranslate(self) -> None:
        """Strings of the pickup screen."""
        self.when_heading.setText(self.tr("预约邮政人员上门收件"))
        self.days_caption.setText(self.tr("① 选哪一天"))
        self.slots_caption.setText(self.tr("② 选几点钟"))
        self.slots_retry.setText(self.tr("重试"))
        self.next_button.setText(self.tr("下一步"))
        self.who_heading.setText(self.tr("③ 填写联系方式"))
        self.change_time.setText(self.tr("改时间"))
        self.who_back.setText(self.tr("上一步"))
        self.edit_cancel.setText(self.tr("取消"))
        self.edit_save.setText(self.tr("确定"))
        self.done_heading.setText("✓ " + self.tr("预约成功"))
        self.home_button.setText(self.tr("返回首页"))
        self.print_button.setText(self.tr("打印预约单"))
        if self.editing:
            self.show_editor(self.editing, keep_text=True)
        self.render()

    def instruction(self) -> str:
        """Spoken instruction for the page showing."""
        page = self.pages.currentWidget()
        if page is self.when_page:
            return self.tr("请选择邮政人员上门的日期和时间，然后点“下一步”")
        if page is self.who_page:
            return self.tr("请填写联系人、手机号码和上门地址，然后点“确认预约”")
        if page is self.edit_page:
            return self.edit_hint.text()
        return f"{self.done_heading.text()} {self.promise.text()}".strip("✓ ")

    # -- rendering ------------------------------------------------------------------------------------
    def render(self) -> None:
        """Every page's changing parts from the flow."""
        flow = self.flow()
        self.item_label.setText(flow.item_name)
        self.item_label.setVisible(bool(flow.item_name))
        self.render_days()
        self.render_slots()
        notice = self.notice_text(flow.notice)
        for widget in (self.when_notice, self.who_notice):
            widget.setText(("⚠ " + notice) if notice else "")
            widget.setVisible(bool(notice))
        self.slots_retry.setVisible(flow.notice in ("slots_offline", "slots_error") and flow.phase != "loading")
        self.next_button.setEnabled(flow.slot is not None)
        self.next_button.setText(self.tr("下一步"))
        self.when_summary.setText(self.tr("上门时间：%1").replace("%1", self.when_text()))
        problems = flow.problems()
        for name, row in self.field_rows.items():
            value = getattr(flow, name)
            if name == "address" and value:
                value = flow.full_address
            empty = self.tr("（点这里填写）")
            title = self.tr("%1：%2").replace("%1", self.field_caption(name)).replace("%2", value or empty)
            problem = problems.get(name, "")
            if problem and value:
                detail = "⚠ " + self.problem_text(name, problem)
            else:
                detail = self.tr("点这里修改") if value else self.field_hint(name)
            row.set_texts(title, detail)
        booking = flow.phase == "booking"
        self.confirm_button.setEnabled(not booking)
        self.confirm_button.setText(self.tr("正在预约，请稍候……") if booking else self.tr("确认预约"))
        self.who_back.setEnabled(not booking)
        self.change_time.setEnabled(not booking)
        self.render_done()

    def render_days(self) -> None:
        """The seven day buttons (rebuilt when the date changes)."""
        flow = self.flow()
        days = flow.days()
        if list(self.day_buttons) != days:
            clear_layout(self.days_grid)
            self.day_buttons = {}
            for day in days:
                widget = button(role="chrome", name=f"day_{day.isoformat()}")
                widget.setStyleSheet(COMPACT)
                widget.clicked.connect(lambda _=False, d=day: self.choose_day(d))
                self.day_buttons[day] = widget
            self.place(self.days_grid, list(self.day_buttons.values()), self.day_columns())
        for day, widget in self.day_buttons.items():
            widget.setText(("✓ " if day == flow.day else "") + self.day_text(day, days[0]))
            widget.setProperty("active", "true" if day == flow.day else "false")
            restyle(widget)

    def render_slots(self) -> None:
        """The chosen day's hourly slots: full ones disabled, each with the places left."""
        flow = self.flow()
        # Buttons are reused (a day has at most nine slots): rebuilding them on every change would flicker.
        while len(self.slot_buttons) < len(flow.slots):
            index = len(self.slot_buttons)
            widget = button(role="chrome")
            widget.setStyleSheet(COMPACT)
            widget.clicked.connect(lambda _=False, n=index: self.choose_slot_at(n))
            self.slot_buttons.append(widget)
            self.place(self.slots_grid, self.slot_buttons, 3)
        now = flow.clock()
        for n, widget in enumerate(self.slot_buttons):
            if n >= len(flow.slots):
                widget.hide()
                continue
            slot = flow.slots[n]
            widget.setObjectName(f"slot_{slot.start.astimezone(CST):%H%M}")
            places = self.tr("剩 %n 个", "", slot.available) if slot.bookable else self.tr("已约满")
            chosen = flow.slot is not None and flow.slot.start == slot.start
            widget.setText(("✓ " if chosen else "") + self.slot_text(slot) + "\n" + places)
            widget.setEnabled(slot.bookable and slot.start > now)
            widget.setProperty("active", "true" if chosen else "false")
            restyle(widget)
            widget.show()
        if flow.phase == "loading":
            note = self.tr("正在查询可以预约的时间……")
        elif flow.day is None:
            note = self.tr("请先选一天")
        elif flow.notice in ("slots_offline", "slots_error"):
            note = ""
        elif not flow.open_slots():
            note = self.tr("这一天已经约满或已过了预约时间，请另选一天")
        else:
            note = ""
        self.slots_note.setText(note)
        self.slots_note.setVisible(bool(note))

    def render_done(self) -> None:
        """The confirmation."""
        flow = self.flow()
        booking = flow.booking
        if booking is None:
            return
        self.promise.setText(self.tr("邮政人员将在 %1 前上门").replace("%1", flow.visit_by_text()))
        day = booking.slot_start.astimezone(CST).date()
        lines = [
            self.tr("预约号：%1").replace("%1", booking.appointment_no),
            self.tr("上门时间：%1").replace("%1", self.when_text() or self.date_text(day)),
            self.tr("上门地址：%1").replace("%1", booking.address),
            self.tr("联系人：%1").replace("%1", f"{booking.contact_name}  {masked_phone(booking.phone)}"),
            self.tr("办理事项：%1").replace("%1", booking.item_name),
        ]
        self.done_details.setText("\n".join(lines))
        self.done_note.setText(
            self.tr("请提前准备好办事指南上列出的材料。要改时间或取消，请拨打 %1。").replace("%1", CHINA_POST_PHONE)
        )

    @staticmethod
    def place(grid: QGridLayout, widgets: list[QWidget], columns: int) -> None:
        """Lay buttons out in rows of `columns`, equal widths."""
        for widget in widgets:
            grid.removeWidget(widget)
        for n, widget in enumerate(widgets):
            grid.addWidget(widget, n // columns, n % columns)
        for column in range(4):
            grid.setColumnStretch(column, 1 if column < columns else 0)

    def day_columns(self) -> int:
        """Day buttons a row: four in portrait, three beside the hours in landscape."""
        return 4 if self.portrait else 3

    # -- the resident's actions -----------------------------------------------------------------------
    def choose_day(self, day: date) -> None:
        """A day button: fetch that day's slots."""
        flow = self.flow()
        if flow.phase == "booking":
            return
        self.first_open_day = False
        flow.choose_day(day)
        self.load_slots()

    def load_slots(self) -> None:
        """Fetch the chosen day's slots in the background."""
        flow = self.flow()
        if flow.day is None:
            return
        if flow.phase != "loading":
            flow.choose_day(flow.day)
        generation = flow.generation
        hub = self.ctx.services.get("hub")
        self.worker.run(
            f"slots-{id(flow)}-{generation}",
            flow.slots_job(hub),
            lambda result: self.on_slots(flow, generation, result),
        )
        self.render()

    def on_slots(self, flow: PickupFlow, generation: int, result: Any) -> None:
        """The day's slots arrived (or could not be fetched); an evening visit starts on the next day with room."""
        if flow is not self.flow() or not flow.slots_answer(generation, result):
            return
        days = flow.days()
        if self.first_open_day and not flow.notice and not flow.open_slots() and flow.day in days[:-1]:
            flow.choose_day(days[days.index(flow.day) + 1])
            self.load_slots()
            return
        self.first_open_day = False
        self.render()

    def choose_slot_at(self, n: int) -> None:
        """The n-th slot button."""
        slots = self.flow().slots
        if n < len(slots):
            self.choose_slot(slots[n])

    def choose_slot(self, slot: Slot) -> None:
        """A slot button."""
        try:
            self.flow().choose_slot(slot.start)
        except ValueError:
            return  # it became full or passed meanwhile; its button is disabled on the next render
        self.render()

    def show_when(self) -> None:
        """The day and hour page."""
        self.loan.give_back()
        self.pages.setCurrentWidget(self.when_page)
        self.render()

    def show_who(self) -> None:
        """The contact page, once a slot is chosen."""
        if self.flow().slot is None:
            return
        self.loan.give_back()
        self.pages.setCurrentWidget(self.who_page)
        self.render()

    def start_edit(self, name: str) -> None:
        """Open one field with the touch keyboard."""
        self.editing = name
        self.show_editor(name)
        self.pages.setCurrentWidget(self.edit_page)
        self.editor.setFocus()
        self.take_keyboard(name)

    def show_editor(self, name: str, keep_text: bool = False) -> None:
        """The editor's texts for one field."""
        self.edit_heading.setText(self.field_caption(name))
        self.edit_hint.setText(self.field_hint(name))
        self.edit_prefix.setVisible(name == "address")
        if not keep_text:
            self.editor.setText(getattr(self.flow(), name))
            self.edit_problem.clear()
        self.edit_problem.setVisible(bool(self.edit_problem.text()))

    def take_keyboard(self, name: str) -> None:
        """The keyboard types into the editor, in the field's mode."""
        if name:
            self.loan.take(self.editor, KEYBOARD_MODES[name], self, self.edit_box.contentsMargins().left())

    def save_edit(self) -> None:
        """Keep the typed value unless it cannot be right (then say why and stay)."""
        name = self.editing
        if not name:
            return
        flow = self.flow()
        flow.set_field(name, self.editor.text())
        problem = flow.problems().get(name, "")
        if problem:
            self.edit_problem.setText("⚠ " + self.problem_text(name, problem))
            self.edit_problem.show()
            return
        self.finish_edit()

    def finish_edit(self) -> None:
        """Close the editor; the contact page shows again."""
        self.editing = ""
        self.loan.give_back()
        self.editor.clear()
        self.edit_problem.clear()
        self.pages.setCurrentWidget(self.who_page)
        self.render()

    def confirm(self) -> None:
        """确认预约: book once everything is there (a second tap while booking does nothing)."""
        flow = self.flow()
        if flow.phase == "booking":
            return
        missing = flow.problems()
        if "slot" in missing:
            self.show_when()
            return
        if missing:
            self.start_edit(next(name for name in FIELDS if name in missing))
            self.edit_problem.setText("⚠ " + self.problem_text(self.editing, missing[self.editing]))
            self.edit_problem.show()
            return
        generation = flow.begin_booking()
        hub = self.ctx.services.get("hub")
        self.worker.run(
            f"book-{id(flow)}-{generation}", flow.book_job(hub), lambda result: self.on_booked(flow, generation, result)
        )
        self.render()

    def on_booked(self, flow: PickupFlow, generation: int, result: Any) -> None:
        """The hub's answer to the booking."""
        if flow is not self.flow() or not flow.book_answer(generation, result):
            return
        log.info("pickup booking: %s", flow.summary())  # phase and notice only
        if flow.phase == "booked":
            self.print_status.clear()
            self.pages.setCurrentWidget(self.done_page)
        elif flow.notice in ("slot_full", "slot_gone"):
            self.pages.setCurrentWidget(self.when_page)
            flow.choose_day(flow.day or flow.days()[0])
            notice = flow.notice
            self.load_slots()
            flow.notice = notice  # the refresh keeps saying why the time must be chosen again
        self.render()
        voice = self.ctx.services.get("voice")
        if self.ctx.session.elderly and voice is not None:
            voice.say(self.instruction() if flow.phase == "booked" else self.notice_text(flow.notice), self.language())

    def language(self) -> str:
        """The session's language."""
        return self.ctx.session.language

    # -- printing -------------------------------------------------------------------------------------
    def receipt(self) -> Receipt | None:
        """The confirmation as a receipt (the phone number masked: the paper may be left behind)."""
        flow = self.flow()
        booking = flow.booking
        if booking is None:
            return None
        return Receipt(
            title=self.tr("上门收件预约单"),
            lines=(
                self.tr("预约号：%1").replace("%1", booking.appointment_no),
                self.tr("邮政人员将在 %1 前上门").replace("%1", flow.visit_by_text()),
                self.tr("上门时间：%1").replace("%1", self.when_text()),
                self.tr("上门地址：%1").replace("%1", booking.address),
                self.tr("联系人：%1").replace("%1", f"{booking.contact_name} {masked_phone(booking.phone)}"),
                self.tr("办理事项：%1").replace("%1", booking.item_name),
            ),
            footer=(self.tr("改时间或取消请拨打 %1").replace("%1", CHINA_POST_PHONE),),
        )

    def show_printing(self) -> None:
        """The receipt is on its way to the printer."""
        self.print_button.setEnabled(False)
        self.print_status.setText(self.tr("正在打印，请稍候……"))

    def show_print_result(self, printed: bool) -> None:
        """Tell the resident whether the note printed."""
        self.print_button.setEnabled(True)
        self.print_status.setText(
            self.tr("预约单已打印，请在出纸口取走")
            if printed
            else self.tr("打印机暂时不能用，请记下预约号，或用手机拍下本页")
        )

    # -- layout, entering, forgetting -----------------------------------------------------------------
    def arrange(self, portrait: bool) -> None:
        """Days beside the hours in landscape, one column in portrait; name and number side by side in
        landscape."""
        g = self.when_grid
        for widget in (
            self.when_title,
            self.days_caption,
            self.days_host,
            self.slots_caption,
            self.slots_host,
            self.when_buttons,
        ):
            g.removeWidget(widget)
        for row in range(8):
            g.setRowStretch(row, 0)
        if portrait:
            for row, widget in enumerate(
                (self.when_title, self.days_caption, self.days_host, self.slots_caption, self.slots_host)
            ):
                g.addWidget(widget, row, 0, 1, 2)
            g.setRowStretch(5, 1)
            g.addWidget(self.when_buttons, 6, 0, 1, 2)
        else:
            g.addWidget(self.when_title, 0, 0, 1, 2)
            g.addWidget(self.days_caption, 1, 0)
            g.addWidget(self.days_host, 2, 0)
            g.addWidget(self.slots_caption, 1, 1)
            g.addWidget(self.slots_host, 2, 1)
            g.setRowStretch(3, 1)
            g.addWidget(self.when_buttons, 4, 0, 1, 2)
        g.setColumnStretch(0, 1)
        g.setColumnStretch(1, 1)
        self.title_box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.when_row.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.place(self.days_grid, list(self.day_buttons.values()), self.day_columns())
        rows = self.field_rows
        for widget in rows.values():
            self.fields_grid.removeWidget(widget)
        if portrait:
            for n, name in enumerate(FIELDS):
                self.fields_grid.addWidget(rows[name], n, 0, 1, 2)
        else:
            self.fields_grid.addWidget(rows["contact_name"], 0, 0)
            self.fields_grid.addWidget(rows["phone"], 0, 1)
            self.fields_grid.addWidget(rows["address"], 1, 0, 1, 2)
        self.edit_box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        side = 16 if portrait else 32  # the keyboard's ten keys a row need a portrait screen's width
        self.edit_box.setContentsMargins(side, 16, side, 16)

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Portrait stacks the when page; the keyboard grows with elderly mode."""
        super().apply_mode(elderly, portrait)
        self.arrange(portrait)
        if self.loan.held() and self.editing:
            self.take_keyboard(self.editing)

    def entered(self) -> None:
        """Opened for an item: the first day's slots; back after booking: the confirmation."""
        flow = self.flow()
        if flow.phase == "booked":
            self.pages.setCurrentWidget(self.done_page)
        elif self.pages.currentWidget() not in (self.who_page, self.edit_page) or flow.slot is None:
            self.pages.setCurrentWidget(self.when_page)
        if flow.phase != "booked" and flow.day is None:
            self.first_open_day = True
            flow.choose_day(flow.days()[0])
            self.load_slots()
        self.render()

    def left(self) -> None:
        """Leaving: the keyboard goes home."""
        if self.editing:
            self.finish_edit()
        self.loan.give_back()

    def reset(self) -> None:
        """Forget everything shown."""
        self.editing = ""
        self.loan.give_back()
        self.editor.clear()
        self.edit_problem.clear()
        self.print_status.clear()
        self.print_button.setEnabled(True)  # a print still running for the resident before must not lock it
        self.done_details.clear()
        self.promise.clear()
        self.pages.setCurrentWidget(self.when_page)
        self.render()
