"""The item's form: fields prefilled from the ID card and the documents read, the rest typed on the touch keyboard,
each checked as the resident leaves it (check digits, phone numbers, dates) with a plain sentence."""

from __future__ import annotations

from catalog.model import FormField
from kiosk.content import in_script
from kiosk.flows.application import ApplicationFlow
from ui.qt import (
    QBoxLayout,
    QCoreApplication,
    QEvent,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QObject,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, ScreenBase, button, clear_layout, label, restyle
from ui.widgets.keyboard_loan import KeyboardLoan
from ui.widgets.steps import StepBar

KEYBOARD_MODES = {"id_number": "123", "phone": "123", "date": "123", "number": "123", "credit_code": "ABC"}


class FieldWords(QObject):
    """The catalog's form labels and choices, translated (one context for every screen that shows them)."""

    def word(self, text: str, language: str) -> str:
        """A label or choice in the current translation (the catalog's own words in `language`'s script otherwise)."""
        known = {
            "企业名称": self.tr("企业名称"),
            "统一社会信用代码": self.tr("统一社会信用代码"),
            "法定代表人": self.tr("法定代表人"),
            "经办人姓名": self.tr("经办人姓名"),
            "经办人身份证号码": self.tr("经办人身份证号码"),
            "联系电话": self.tr("联系电话"),
            "邮寄地址": self.tr("邮寄地址"),
            "结果领取方式": self.tr("结果领取方式"),
            "申请人姓名": self.tr("申请人姓名"),
            "身份证号码": self.tr("身份证号码"),
            "变更事项及变更后内容": self.tr("变更事项及变更后内容"),
            "收款银行账号": self.tr("收款银行账号"),
            "遗失或损坏情况说明": self.tr("遗失或损坏情况说明"),
            "EMS邮寄": self.tr("EMS邮寄"),
            "窗口自取": self.tr("窗口自取"),
        }
        return known.get(text) or in_script(text, language)


def field_words(text: str, language: str) -> str:
    """A catalog form label or choice in the resident's language."""
    return FieldWords().word(text, language)


class FieldBox(QFrame):
    """One form field: its label, the value (a line or choice buttons) and what is wrong with it."""

    def __init__(self, spec: FormField):
        super().__init__()
        self.spec = spec
        self.setObjectName(f"field_{spec.key}")
        self.setProperty("role", "field")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(6)
        self.caption = label(role="field-label", name="fieldCaption")
        layout.addWidget(self.caption)
        self.edit: QLineEdit | None = None
        self.choices: dict[str, QWidget] = {}
        if spec.kind == "choice":
            row = QHBoxLayout()
            for n, choice in enumerate(spec.choices):
                widget = button(choice, "chrome", f"choice_{n}")
                widget.setCheckable(True)
                row.addWidget(widget, 1)
                self.choices[choice] = widget
            layout.addLayout(row)
        else:
            self.edit = QLineEdit()
            self.edit.setObjectName("fieldEdit")
            layout.addWidget(self.edit)
        self.problem = label(role="warning", name="fieldProblem")
        self.problem.hide()
        layout.addWidget(self.problem)

    def value(self) -> str:
        """What the field holds now."""
        if self.edit is not None:
            return self.edit.text()
        return next((c for c, w in self.choices.items() if w.isChecked()), "")

    def set_value(self, value: str) -> None:
        """Show a value."""
        if self.edit is not None:
            if self.edit.text() != value:
                self.edit.setText(value)
            return
        for choice, widget in self.choices.items():
            widget.setChecked(choice == value)
            widget.setProperty("active", choice == value)
            restyle(widget)

    def set_problem(self, text: str) -> None:
        """Say what is wrong (or nothing)."""
        self.problem.setText("⚠ " + text if text else "")
        self.problem.setVisible(bool(text))
        if self.edit is not None:
            self.edit.setProperty("invalid", bool(text))
            restyle(self.edit)


class FormScreen(ScreenBase):
    """The form beside the touch keyboard (under it in portrait)."""

    next_step = Signal()

    def __init__(self, ctx: Context, keyboard: QWidget | None = None):
        super().__init__(ctx, "formScreen")
        self.boxes: dict[str, FieldBox] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)
        self.steps = StepBar()
        self.title = label(role="title", name="formTitle")
        self.intro = label(role="instruction", name="formIntro")
        outer.addWidget(self.steps)
        # Landscape: the form (title, fields, what is wrong) beside the keyboard with 下一步 under it; portrait:
        # one column. Either way 下一步 stays on a 1080-high screen in elderly mode.
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(12)
        host = QWidget()
        self.fields = QVBoxLayout(host)
        self.fields.setContentsMargins(0, 0, 8, 0)
        self.fields.setSpacing(10)
        self.fields.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("formFields")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(host)
        self.scroll.setMinimumHeight(150)
        self.left_note = label(role="warning", name="formLeft")
        left.addWidget(self.title)
        left.addWidget(self.intro)
        left.addWidget(self.scroll, 1)
        left.addWidget(self.left_note)
        self.body.addLayout(left, 1)
        right = QVBoxLayout()
        right.setSpacing(12)
        self.keyboard_slot = QVBoxLayout()
        self.keyboard_slot.addStretch(1)
        self.loan = KeyboardLoan(keyboard, self.keyboard_slot)
        self.next_button = button(role="primary", name="formNext")
        self.next_button.clicked.connect(self.go_on)
        right.addLayout(self.keyboard_slot, 1)
        right.addWidget(self.next_button)
        self.body.addLayout(right, 1)
        outer.addLayout(self.body, 1)
        self.retranslate()

    def flow(self) -> ApplicationFlow:
        """The session's application."""
        return self.ctx.session.data.application

    def reason_text(self, code: str) -> str:
        """A problem in one plain sentence."""
        return {
            "required": self.tr("这一项必须填写"),
            "id_number_format": self.tr("身份证号码应为18位，最后一位可以是X"),
            "check_digit": self.tr("身份证号码有一位不对，请逐位核对"),
            "credit_code": self.tr("统一社会信用代码有误，请对照营业执照逐位核对"),
            "phone": self.tr("请填写11位手机号码，或带区号的固定电话"),
            "not_date": self.tr("请按“年-月-日”填写日期，例如 2024-05-01"),
            "future_date": self.tr("日期不能晚于今天"),
            "number": self.tr("请只填写数字"),
            "choice": self.tr("请点选一项"),
            "too_long": self.tr("内容太长了，请精简"),
            "address_short": self.tr("地址不完整，请写到门牌号"),
            "bad_characters": self.tr("含有无法识别的字符，请重新输入"),
        }.get(code, self.tr("这一项填写有误"))

    def label_text(self, text: str) -> str:
        """A catalog field label or choice in the resident's language."""
        return field_words(text, self.ctx.session.language)

    # -- building -------------------------------------------------------------------------------------
    def render(self) -> None:
        """Rows for the item's fields, filled from the application."""
        flow = self.flow()
        self.steps.set_current(2)
        if [f.key for f in flow.fields] != list(self.boxes):
            self.clear_rows()
            for spec in flow.fields:
                box = FieldBox(spec)
                if box.edit is not None:
                    box.edit.installEventFilter(self)
                    box.edit.editingFinished.connect(lambda k=spec.key: self.leave_field(k))
                for choice, widget in box.choices.items():
                    widget.clicked.connect(lambda _=False, k=spec.key, c=choice: self.choose(k, c))
                self.fields.insertWidget(self.fields.count() - 1, box)
                self.boxes[spec.key] = box
        for spec in flow.fields:
            box = self.boxes[spec.key]
            caption = self.label_text(spec.label)
            if flow.required(spec):
                caption += " *"
            box.caption.setText(caption)
            for choice, widget in box.choices.items():
                widget.setText(self.label_text(choice))  # the value kept is the catalog's own word
            box.set_value(flow.values.get(spec.key, ""))

    def clear_rows(self) -> None:
        """Remove every field (and the values it shows) now."""
        clear_layout(self.fields)
        self.fields.addStretch(1)
        self.boxes.clear()

    # -- input ----------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A field taking focus gets the keyboard in the mode it needs."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            box = next((b for b in self.boxes.values() if b.edit is watched), None)
            if box is not None:
                self.take_keyboard(box)
        return False

    def leave_field(self, key: str) -> None:
        """Check a field as the resident leaves it."""
        box = self.boxes.get(key)
        if box is None:
            return
        reason = self.flow().set_value(key, box.value())
        box.set_value(self.flow().values.get(key, ""))
        box.set_problem(self.reason_text(reason) if reason else "")
        if key == "delivery" or box.spec.kind == "choice":
            self.render()

    def choose(self, key: str, choice: str) -> None:
        """A choice button."""
        self.flow().set_value(key, choice)
        self.boxes[key].set_problem("")
        self.render()

    def go_on(self) -> None:
        """Check every field; on to the signature when nothing is wrong, else show the first problem."""
        self.keep_typed()
        problems = self.flow().problems()
        for key, box in self.boxes.items():
            box.set_problem(self.reason_text(problems[key]) if key in problems else "")
        if problems:
            self.left_note.setText(self.tr("还有 %n 项需要修改，已用红框标出", "", len(problems)))
            first = self.boxes[next(iter(problems))]
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.scroll.ensureWidgetVisible(first, 0, 16)
            if first.edit is not None:
                first.edit.setFocus()
            return
        self.left_note.clear()
        self.next_step.emit()

    # -- the keyboard ---------------------------------------------------------------------------------
    def take_keyboard(self, box: FieldBox | None = None) -> None:
        """Borrow the touch keyboard for the form, typing into `box` in the mode its kind needs."""
        edit = box.edit if box is not None else None
        mode = KEYBOARD_MODES.get(box.spec.kind, "拼音") if box is not None else ""
        self.loan.take(edit, mode, self, self.layout().contentsMargins().left())

    # -- screen life ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Strings of the form."""
        self.intro.setText(self.tr("已根据身份证和证照自动填写，请核对；带 * 的必须填写"))
        self.next_button.setText(self.tr("下一步：签名"))
        if self.flow().item is not None:
            self.title.setText(self.tr("填写申请信息"))
            self.render()

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Keyboard under the form in portrait."""
        super().apply_mode(elderly, portrait)
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

    def entered(self) -> None:
        """Fill from the card and documents, then show the form with the keyboard."""
        data = self.ctx.session.data
        self.flow().prefill(data.face, data.document)
        self.title.setText(self.tr("填写申请信息"))
        self.left_note.clear()
        self.render()
        self.take_keyboard()
        first = next((b for b in self.boxes.values() if b.edit is not None and not b.value()), None)
        if first is not None and first.edit is not None:
            first.edit.setFocus()

    def keep_typed(self) -> None:
        """Whatever is typed in the lines goes into the application (a field still being typed included)."""
        for key, box in self.boxes.items():
            if box.edit is not None and box.value() != self.flow().values.get(key, ""):
                self.flow().set_value(key, box.value())

    def left(self) -> None:
        """Keep what was typed; give the keyboard back."""
        self.keep_typed()
        self.loan.give_back()

    def reset(self) -> None:
        """Forget every value shown."""
        self.loan.give_back()
        self.clear_rows()
        self.title.clear()
        self.left_note.clear()

    def instruction(self) -> str:
        """Spoken instruction."""
        return self.intro.text()
