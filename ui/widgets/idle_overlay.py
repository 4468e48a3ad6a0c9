"""The "are you still there?" overlay: a countdown and a large "continue" (no time limit without warning)."""

from __future__ import annotations

from ui.qt import QFrame, QHBoxLayout, Qt, QVBoxLayout, QWidget, Signal
from ui.screens.base import button, label


class IdleOverlay(QFrame):
    """Covers the window while the idle countdown runs."""

    keep_going = Signal()
    finish = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        self.setProperty("role", "overlay")
        outer = QVBoxLayout(self)
        dialog = QFrame()
        dialog.setObjectName("idleDialog")
        dialog.setProperty("role", "dialog")
        inner = QVBoxLayout(dialog)
        inner.setContentsMargins(60, 48, 60, 48)
        inner.setSpacing(24)
        self.question = label(role="title", name="idleQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = label(role="instruction", name="idleCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.continue_button = button(role="primary", name="idleContinue")
        self.continue_button.setMinimumHeight(140)
        self.finish_button = button(role="chrome", name="idleFinish")
        self.continue_button.clicked.connect(self.keep_going.emit)
        self.finish_button.clicked.connect(self.finish.emit)
        inner.addWidget(self.question)
        inner.addWidget(self.countdown)
        inner.addWidget(self.continue_button)
        inner.addWidget(self.finish_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(dialog, 3)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()

    def show_remaining(self, seconds: int) -> None:
        """Show (or update) the countdown over the whole window."""
        self.question.setText(self.tr("您还在办理吗？"))
        self.countdown.setText(self.tr("%1 秒后将结束办理，并清除您在本机输入的所有信息").replace("%1", str(seconds)))
        self.continue_button.setText(self.tr("继续办理"))
        self.finish_button.setText(self.tr("结束办理"))
        self.setGeometry(self.parentWidget().rect())
        if not self.isVisible():
            self.show()
        self.raise_()
