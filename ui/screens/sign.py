"""Signing on screen (the electronic whiteboard): the pad at touch resolution, undo, clear, and a plain word when
what was drawn is too slight to be a signature."""

from __future__ import annotations

from kiosk.flows.application import ApplicationFlow
from ui.qt import QHBoxLayout, QVBoxLayout, Signal
from ui.screens.base import Context, ScreenBase, button, label
from ui.widgets.signature import SignaturePad
from ui.widgets.steps import StepBar


class SignScreen(ScreenBase):
    """The declaration, the pad, and 清除 / 撤销一笔 / 确认签名."""

    next_step = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "signScreen")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)
        self.steps = StepBar()
        self.title = label(role="title", name="signTitle")
        self.declaration = label(role="instruction", name="signDeclaration")
        self.pad = SignaturePad(self.tr("请在此处用手指签名"))
        self.pad.changed.connect(self.on_changed)
        self.problem = label(role="warning", name="signProblem")
        buttons = QHBoxLayout()
        self.clear_button = button(role="chrome", name="signClear")
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button = button(role="chrome", name="signUndo")
        self.undo_button.clicked.connect(self.pad.undo)
        self.confirm_button = button(role="primary", name="signConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        buttons.addWidget(self.clear_button, 1)
        buttons.addWidget(self.undo_button, 1)
        buttons.addWidget(self.confirm_button, 2)
        for widget in (self.steps, self.title, self.declaration):
            outer.addWidget(widget)
        outer.addWidget(self.pad, 1)
        outer.addWidget(self.problem)
        outer.addLayout(buttons)
        self.retranslate()

    def flow(self) -> ApplicationFlow:
        """The session's application."""
        return self.ctx.session.data.application

    def problem_text(self, code: str) -> str:
        """Why a drawing is not accepted as a signature."""
        return {
            "empty": self.tr("请先在白色区域签名"),
            "too_small": self.tr("签名太小了，请写大一些"),
            "too_short": self.tr("请写出完整的姓名"),
        }.get(code, self.tr("请重新签名"))

    def on_changed(self) -> None:
        """A stroke ended, or was undone: the problem line goes until the next confirm."""
        self.problem.clear()
        self.confirm_button.setEnabled(not self.pad.signature().is_empty())

    def confirm(self) -> None:
        """Keep the signature when it is one; say why not otherwise."""
        problem = self.flow().set_signature(self.pad.signature())
        if problem:
            self.problem.setText("⚠ " + self.problem_text(problem))
            return
        self.next_step.emit()

    def retranslate(self) -> None:
        """Strings of the signing screen."""
        self.title.setText(self.tr("签名确认"))
        self.declaration.setText(
            self.tr("本人承诺所填信息和提交的材料真实、有效，如有不实，愿承担相应法律责任。请在下方签名：")
        )
        self.clear_button.setText(self.tr("全部清除"))
        self.undo_button.setText(self.tr("撤销一笔"))
        self.confirm_button.setText(self.tr("确认签名"))
        self.steps.set_current(3)

    def entered(self) -> None:
        """A fresh pad each time: a signature is given for what was just reviewed."""
        self.pad.clear()
        self.problem.clear()
        self.confirm_button.setEnabled(False)
        self.steps.set_current(3)

    def reset(self) -> None:
        """Forget the strokes."""
        self.pad.wipe()
        self.problem.clear()

    def instruction(self) -> str:
        """Spoken instruction."""
        return self.tr("请阅读承诺内容，然后用手指在白色区域写下您的姓名")
