"""Screens off the resident's path: the technician's PIN pad and the calm error screen."""

from __future__ import annotations

import time

from ui.qt import QGridLayout, QHBoxLayout, Qt, QVBoxLayout, Signal
from ui.screens.base import Context, ScreenBase, button, label

STARTED = time.monotonic()


class PinScreen(ScreenBase):
    """A PIN pad; five wrong PINs lock it for a growing time (kiosk.technician)."""

    accepted = Signal()
    cancelled = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "pinScreen")
        self.digits = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        self.heading = label(role="title", name="pinTitle")
        self.display = label(role="title", name="pinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label(role="warning", name="pinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(16)
        for n, key in enumerate("123456789C0✓"):
            name = {"C": "pin_clear", "✓": "pin_ok"}.get(key, f"pin_{key}")
            widget = button(key, "pinkey", name)
            widget.setMinimumWidth(180)
            widget.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(widget, n // 3, n % 3)
        self.cancel = button(role="chrome", name="pinCancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.cancel)
        layout.addLayout(top)
        layout.addWidget(self.display)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(grid)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()

    def press(self, key: str) -> None:
        """One key of the pad."""
        if key == "C":
            self.digits = ""
        elif key == "✓":
            self.submit()
            return
        elif len(self.digits) < 8:
            self.digits += key
        self.display.setText("●" * len(self.digits))

    def submit(self) -> None:
        """Check the PIN; the lock decides, the screen only reports."""
        lock = self.ctx.services.get("technician")
        digits, self.digits = self.digits, ""
        self.display.setText("")
        if lock is None or not lock.is_configured():
            self.message.setText(self.tr("未设置技术人员密码"))
            return
        result = lock.verify(digits)
        if result.ok:
            self.message.clear()
            self.accepted.emit()
        elif result.locked_for > 0:
            self.message.setText(
                self.tr("错误次数过多，请 %1 秒后再试").replace("%1", str(int(result.locked_for + 0.999)))
            )
        else:
            self.message.setText(self.tr("密码错误，还可尝试 %1 次").replace("%1", str(result.attempts_left)))

    def retranslate(self) -> None:
        """Strings of the PIN pad."""
        self.heading.setText(self.tr("技术人员入口：请输入密码"))
        self.cancel.setText(self.tr("取消"))

    def reset(self) -> None:
        """Nothing typed survives."""
        self.digits = ""
        self.display.clear()
        self.message.clear()

    entered = reset


class ErrorScreen(ScreenBase):
    """Shown after an unexpected error: calm words and one big button to start again."""

    restart = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "errorScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 120, 120, 120)
        self.heading = label(role="title", name="errorTitle")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = label(role="instruction", name="errorBody")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.again = button(role="primary", name="errorRestart")
        self.again.setMinimumHeight(140)
        self.again.clicked.connect(self.restart.emit)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addSpacing(40)
        layout.addWidget(self.again)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Strings of the error screen."""
        self.heading.setText(self.tr("抱歉，刚才出了点问题"))
        self.body.setText(self.tr("您的信息已清除。请重新开始，或到窗口请工作人员帮助。"))
        self.again.setText(self.tr("重新开始"))

    def instruction(self) -> str:
        """Spoken instruction."""
        return self.tr("抱歉，刚才出了点问题，请重新开始")
