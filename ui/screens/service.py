"""Screens off the resident's path: the technician's PIN pad and diagnostics, and the calm error screen."""

from __future__ import annotations

import platform
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


class DiagnosticsScreen(ScreenBase):
    """What a technician checks first; the device checks join with the device layer."""

    leave = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "diagnosticsScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        self.heading = label(role="title", name="diagnosticsTitle")
        # Two columns keep the facts within a 1080 px screen even at elderly mode's 1.5x text.
        self.facts = label(role="subtitle", name="diagnosticsFacts")
        self.more_facts = label(role="subtitle", name="diagnosticsMoreFacts")
        self.done = button(role="primary", name="diagnosticsDone")
        self.done.clicked.connect(self.leave.emit)
        self.export = button(role="chrome", name="diagnosticsExport")
        self.export.clicked.connect(self.export_report)
        self.export_status = label(role="note", name="diagnosticsExportStatus")
        columns = QHBoxLayout()
        columns.addWidget(self.facts, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self.more_facts, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.heading)
        layout.addLayout(columns, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.done)
        actions.addWidget(self.export)
        actions.addWidget(self.export_status, 1)
        layout.addLayout(actions)
        self.retranslate()

    def lines(self) -> list[str]:
        """The facts, one per line."""
        config, store = self.ctx.config, self.ctx.store
        stats = store.stats()
        voice = self.ctx.services.get("voice")
        ime = self.ctx.services.get("ime")
        return [
            self.tr("终端编号：") + config.terminal.id,
            self.tr("服务网点：") + config.terminal.site,
            self.tr("事项目录版本：") + f"{stats['version']}（{stats['total']} / {stats['self_service']}）",
            self.tr("配置来源：") + config.origin,
            self.tr("设备驱动：") + config.devices.mode,
            self.tr("语音播报：") + (self.tr("可用") if voice is not None and voice.available else self.tr("不可用")),
            self.tr("拼音输入词库：") + (self.tr("已加载") if ime is not None else self.tr("未加载")),
            self.tr("已结束会话数：") + str(self.ctx.session.ended_count),
            self.tr("运行时间：") + f"{int(time.monotonic() - STARTED) // 60} min",
            f"Python {platform.python_version()} · {platform.machine()}",
            *self.device_lines(),
        ]

    def device_lines(self) -> list[str]:
        """One line per device: its self-test."""
        devices = self.ctx.services.get("devices")
        if devices is None:
            return [self.tr("设备：未配置")]
        names = {
            "idcard": self.tr("身份证阅读器"),
            "printer": self.tr("凭条打印机"),
            "scanner": self.tr("扫码器"),
            "camera": self.tr("摄像头"),
            "audio": self.tr("扬声器和麦克风"),
        }
        good, bad = self.tr("正常"), self.tr("故障")  # outside the f-string, where lupdate finds them
        return [f"{names.get(c.device, c.device)}：{good if c.ok else bad} · {c.summary}" for c in devices.checks()]

    def export_report(self) -> None:
        """Write the report (JSON and PDF) for the help desk, and log the action."""
        from kiosk.diagnostics import build_report, report_html, write_report
        from ui.printing import render_pdf

        devices = self.ctx.services.get("devices")
        checks = devices.checks() if devices is not None else []
        required = devices.required if devices is not None else {}
        report = build_report(
            self.ctx.config.terminal.id, self.ctx.store.stats(), checks, required, self.ctx.config.data_dir
        )
        path = write_report(report, self.ctx.config.data_dir / "reports")
        render_pdf(report_html(report), f"{report['terminal']} {report['created_at']}", path.with_suffix(".pdf"))
        self.action_log().record("export_report", file=path.name)
        self.export_status.setText(self.tr("报告已导出：") + path.name)

    def action_log(self):
        """Where technician actions are recorded."""
        from kiosk.diagnostics import ActionLog

        return ActionLog(self.ctx.config.data_dir / "technician-actions.jsonl")

    def retranslate(self) -> None:
        """Strings of the diagnostics screen."""
        self.heading.setText(self.tr("终端诊断"))
        self.done.setText(self.tr("退出诊断"))
        self.export.setText(self.tr("导出报告"))
        if self.isVisible():
            self.show_facts()

    def show_facts(self) -> None:
        """The facts, in two columns (probing devices takes time: only when the screen shows)."""
        lines = self.lines()
        half = (len(lines) + 1) // 2
        self.facts.setText("\n".join(lines[:half]))
        self.more_facts.setText("\n".join(lines[half:]))

    def entered(self) -> None:
        """Fresh facts each time; the technician's entry is recorded."""
        self.export_status.clear()
        self.action_log().record("open_diagnostics")
        self.show_facts()


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
