"""The technician's diagnostics screen: every device's state with a test for it, the system, the recent log.

Everything that touches a device or the network runs in a Worker; the screen only shows what comes back.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable
from typing import Any

from devices.base import CheckResult
from devices.printer.cups_a4 import CupsA4Printer
from kiosk import device_tests
from kiosk.catalog_service import last_update
from kiosk.diagnostics import (
    ActionLog,
    build_report,
    hub_reachability,
    report_html,
    system_facts,
    update_text,
    write_report,
)
from kiosk.logs import recent_lines
from ui.qt import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QImage,
    QPixmap,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, ScreenBase, button, label, restyle
from ui.theme import diagnostics_style
from ui.worker import Worker

STARTED = time.monotonic()
DEVICE_ORDER = ("idcard", "printer", "scanner", "camera", "doccamera", "audio", "fingervein")
CAMERAS = ("camera", "doccamera")
PREVIEW_SIZE = (448, 336)
PORTRAIT_PREVIEW_SIZE = (320, 240)
CHECK_SETTLE_S = 4.0  # a camera needs a moment for its first frames
SUMMARY_CHARS = 110
METER_FLOOR_DB = -80.0


class DeviceRow:
    """One device: its name, its state, what the last check or test said, and its test buttons."""

    def __init__(self, kind: str):
        self.kind = kind
        self.name = label(role="diag-name", name=f"diag_{kind}_name")
        self.state = label(role="diag-state", name=f"diag_{kind}_state", wrap=False)
        self.summary = label(role="diag-summary", name=f"diag_{kind}_summary")
        self.summary.setMinimumHeight(44)  # two lines: grid layouts do not grow rows for wrapped text on their own
        self.buttons: dict[str, Any] = {}
        self.box = QHBoxLayout()
        self.box.setSpacing(8)
        self.box.addStretch(1)  # buttons line up on the right, whatever their number

    def add_button(self, action: str, handler: Callable[[], None]) -> None:
        """A test button for this device."""
        widget = button(role="diag", name=f"diag_{self.kind}_{action}")
        widget.setFixedWidth(150)
        widget.clicked.connect(handler)
        self.buttons[action] = widget
        self.box.addWidget(widget)

    def show(self, ok: bool | None, state: str, summary: str) -> None:
        """Update the state badge (colour plus words) and the summary."""
        self.state.setText(state)
        self.state.setProperty("ok", "" if ok is None else ("true" if ok else "false"))
        restyle(self.state)
        self.summary.setText(summary)


class DiagnosticsScreen(ScreenBase):
    """Device states and tests, system facts and the recent log; a report for the help desk."""

    leave = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "diagnosticsScreen")
        self.setStyleSheet(diagnostics_style())
        self.worker = Worker(self)
        self.checks: dict[str, CheckResult] = {}
        self.hub: dict[str, Any] = {}
        self.a4 = ""
        self.checks_started = 0.0
        self.tested_at: dict[str, float] = {}  # a test's result outranks a self-test that started before it
        self.opened_here: set[str] = set()  # cameras this screen started (the terminal starts them per flow)
        self.preview_kind = ""
        self.preview_timer = QTimer(self)
        self.preview_timer.setInterval(100)
        self.preview_timer.timeout.connect(self.show_frame)
        self.meter_timer = QTimer(self)
        self.meter_timer.setInterval(100)
        self.meter_timer.timeout.connect(self.show_level)
        self.frames_shown = 0

        # Everything scrolls when it does not fit: check summaries and system facts wrap onto more lines than a
        # portrait or elderly-mode screen has room for, and the screen must never make the window outgrow it.
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("diagnosticsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        self.scroll.setWidget(content)
        frame.addWidget(self.scroll)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)
        top = QHBoxLayout()
        self.heading = label(role="diag-heading", name="diagnosticsOverall")
        self.recheck = button(role="chrome", name="diagnosticsRecheck")
        self.recheck.clicked.connect(self.run_checks)
        self.export = button(role="chrome", name="diagnosticsExport")
        self.export.clicked.connect(self.export_report)
        self.done = button(role="primary", name="diagnosticsDone")
        self.done.clicked.connect(self.leave.emit)
        self.export_status = label(role="diag-summary", name="diagnosticsExportStatus")
        status = QVBoxLayout()
        status.setSpacing(2)
        status.addWidget(self.heading)
        status.addWidget(self.export_status)
        top.addLayout(status, 1)
        for widget in (self.recheck, self.export, self.done):
            top.addWidget(widget)
        outer.addLayout(top)

        # Devices beside the live panel (camera, microphone) in landscape; one column in portrait.
        self.main = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.main.setSpacing(24)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.rows: dict[str, DeviceRow] = {}
        for n, kind in enumerate(DEVICE_ORDER):
            row = self.rows[kind] = DeviceRow(kind)
            # The summary sits under the name, where it has the row's whole width to wrap in.
            words = QVBoxLayout()
            words.setSpacing(2)
            words.addWidget(row.name)
            words.addWidget(row.summary)
            grid.addLayout(words, n, 0)
            grid.addWidget(row.state, n, 1, Qt.AlignmentFlag.AlignVCenter)
            grid.addLayout(row.box, n, 2)
        grid.setColumnStretch(0, 1)
        self.rows["idcard"].add_button("read", self.test_card)
        self.rows["printer"].add_button("print", self.test_printer)
        self.rows["scanner"].add_button("scan", self.test_scanner)
        self.rows["camera"].add_button("preview", lambda: self.toggle_preview("camera"))
        self.rows["doccamera"].add_button("preview", lambda: self.toggle_preview("doccamera"))
        self.rows["audio"].add_button("tone", self.test_tone)
        self.rows["audio"].add_button("meter", self.toggle_meter)
        self.rows["audio"].add_button("loopback", self.test_loopback)
        self.rows["fingervein"].add_button("capture", self.test_fingervein)
        devices_box = QVBoxLayout()
        devices_box.addLayout(grid)
        devices_box.addStretch(1)
        self.main.addLayout(devices_box, 5)

        live = QVBoxLayout()
        self.preview = label(role="diag-preview", name="diagnosticsPreview")
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figures = label(role="diag-figure", name="diagnosticsCameraFigures")
        self.meter_title = label(role="diag-figure", name="diagnosticsMeterTitle")
        self.meter = QProgressBar()
        self.meter.setObjectName("diagnosticsMeter")
        self.meter.setRange(0, 100)
        self.meter.setFormat("—")
        for widget in (self.preview, self.figures, self.meter_title, self.meter):
            live.addWidget(widget)
        live.addStretch(1)
        self.main.addLayout(live, 2)
        outer.addLayout(self.main, 1)

        # The system beside the recent log.
        self.bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bottom.setSpacing(24)
        system_box = QVBoxLayout()
        self.system_heading = label(role="diag-heading", name="diagnosticsSystemHeading")
        columns = QHBoxLayout()
        self.facts = label(role="diag-summary", name="diagnosticsFacts")
        self.more_facts = label(role="diag-summary", name="diagnosticsMoreFacts")
        columns.addWidget(self.facts, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self.more_facts, 1, Qt.AlignmentFlag.AlignTop)
        system_box.addWidget(self.system_heading)
        system_box.addLayout(columns)
        log_box = QVBoxLayout()
        self.log_heading = label(role="diag-heading", name="diagnosticsLogHeading")
        self.log_view = QPlainTextEdit()
        self.log_view.setObjectName("diagnosticsLog")
        self.log_view.setReadOnly(True)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.log_view.setMinimumHeight(110)
        log_box.addWidget(self.log_heading)
        log_box.addWidget(self.log_view, 1)
        self.bottom.addLayout(system_box, 1)
        self.bottom.addLayout(log_box, 1)
        outer.addLayout(self.bottom)
        self.retranslate()

    # -- what a device is called, and its state in words --------------------------------------------------
    def device_names(self) -> dict[str, str]:
        """Each device kind's name in the current language."""
        return {
            "idcard": self.tr("身份证阅读器"),
            "printer": self.tr("凭条打印机"),
            "scanner": self.tr("扫码器"),
            "camera": self.tr("摄像头"),
            "doccamera": self.tr("高拍仪"),
            "audio": self.tr("扬声器和麦克风"),
            "fingervein": self.tr("指静脉仪"),
        }

    def devices(self):
        """The device set, if the terminal has one."""
        return self.ctx.services.get("devices")

    def driver(self, kind: str):
        """The driver of one kind, or None."""
        devices = self.devices()
        return devices.drivers.get(kind) if devices is not None else None

    # -- checks -----------------------------------------------------------------------------------------
    def run_checks(self) -> None:
        """Every device's self-test and the hub's reachability, in the background."""
        devices = self.devices()
        self.checks_started = time.monotonic()
        self.heading.setText(self.tr("正在检测设备……"))
        for kind, row in self.rows.items():
            if not self.worker.busy(f"test-{kind}"):
                row.show(None, self.tr("检测中"), "")
        if devices is None:
            for row in self.rows.values():
                row.show(False, self.tr("未配置"), "")
        else:
            self.worker.run("checks", lambda: self.probe(devices), self.show_checks)
        self.worker.run(
            "hub", lambda: hub_reachability(self.ctx.config.hub.url, ca_file=self.ctx.config.hub.ca_file), self.show_hub
        )
        a4 = self.ctx.config.a4_printer
        if a4.enabled:
            self.worker.run("a4", CupsA4Printer(a4.destination, a4.server).self_test, self.show_a4)
        else:
            self.a4 = self.tr("未启用（保存为 PDF）")

    def probe(self, devices) -> list[CheckResult]:
        """The self-tests, with the cameras started if no flow has started them (a worker runs this)."""
        for kind in CAMERAS:
            self.start_camera(devices.drivers.get(kind), kind)
        return devices.checks(settle=CHECK_SETTLE_S)

    def start_camera(self, camera, kind: str) -> None:
        """Open a camera that no flow has opened (its reading thread connects; nothing blocks here)."""
        if camera is not None and not getattr(camera, "running", False):
            camera.open()
            self.opened_here.add(kind)

    def close_cameras(self) -> None:
        """Close the cameras this screen opened (joining their threads may take a moment: in the background)."""
        for kind in sorted(self.opened_here):
            camera = self.driver(kind)
            if camera is not None:
                self.worker.run(f"close-{kind}", camera.close, lambda _: None)
        self.opened_here.clear()

    def show_checks(self, result: list[CheckResult] | Exception) -> None:
        """The self-tests are back."""
        if isinstance(result, Exception):
            for row in self.rows.values():
                row.show(False, self.tr("故障"), type(result).__name__)
            return
        self.checks = {c.device: c for c in result}
        devices = self.devices()
        for kind, row in self.rows.items():
            check = self.checks.get(kind)
            if self.worker.busy(f"test-{kind}") or self.tested_at.get(kind, 0.0) > self.checks_started:
                continue  # what the technician just tested stays on screen
            if check is None:
                row.show(None, self.tr("未安装"), "")
                continue
            required = devices is not None and devices.required.get(kind, False)
            note = "" if required else self.tr("（选配）")
            row.show(check.ok, (self.tr("正常") if check.ok else self.tr("故障")) + note, self.check_text(check))
        failing = [
            self.device_names().get(c.device, c.device)
            for c in result
            if not c.ok and devices is not None and devices.required.get(c.device, False)
        ]
        self.heading.setText(
            self.tr("必需设备均正常") if not failing else self.tr("必需设备故障：") + "、".join(failing)
        )
        self.heading.setProperty("ok", "false" if failing else "true")
        restyle(self.heading)
        self.show_facts()

    def check_text(self, check: CheckResult) -> str:
        """A check's summary and its details, cut to what two lines hold."""
        details = " · ".join(f"{k} {v}" for k, v in check.details.items() if v)
        text = check.summary + (f" · {details}" if details else "")
        limit = SUMMARY_CHARS * 2 // 3 if self.portrait else SUMMARY_CHARS
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def last_summary(self, kind: str) -> str:
        """What the last self-test of a device said ("" before any)."""
        check = self.checks.get(kind)
        return check.summary if check is not None else ""

    def show_a4(self, result: CheckResult | Exception) -> None:
        """The CUPS queue's state is back."""
        if isinstance(result, Exception):
            self.a4 = type(result).__name__
        else:
            self.a4 = result.summary if result.ok else result.summary + self.tr("（将保存为 PDF）")
        self.show_facts()

    def show_hub(self, result: dict[str, Any] | Exception) -> None:
        """The hub's reachability is back."""
        self.hub = result if isinstance(result, dict) else {"reachable": False, "detail": type(result).__name__}
        self.show_facts()

    # -- device tests -----------------------------------------------------------------------------------
    def run_test(self, kind: str, action: str, job: Callable[[], CheckResult], waiting: str) -> None:
        """Run one device test in the background, show that it runs, record it."""
        row = self.rows[kind]
        if self.driver(kind) is None:
            row.show(False, self.tr("不可用"), self.last_summary(kind))
            return
        if not self.worker.run(f"test-{kind}", job, lambda result: self.show_test(kind, action, result)):
            return
        row.show(None, self.tr("测试中"), waiting)
        row.buttons[action].setEnabled(False)

    def show_test(self, kind: str, action: str, result: CheckResult | Exception) -> None:
        """A device test finished."""
        if isinstance(result, Exception):
            result = CheckResult(kind, False, f"{type(result).__name__}")
        row = self.rows[kind]
        self.tested_at[kind] = time.monotonic()
        row.buttons[action].setEnabled(True)
        row.show(result.ok, self.tr("通过") if result.ok else self.tr("失败"), result.summary)
        self.action_log().record("device_test", device=kind, test=action, ok=result.ok)

    def test_card(self) -> None:
        """Read the card on the reader (shown masked)."""
        reader = self.driver("idcard")
        self.run_test("idcard", "read", lambda: device_tests.card_read(reader), self.tr("请把身份证放在阅读器上"))

    def test_printer(self) -> None:
        """Print the test page."""
        printer, terminal = self.driver("printer"), self.ctx.config.terminal
        self.run_test(
            "printer",
            "print",
            lambda: device_tests.printer_test_page(printer, terminal.id, terminal.site),
            self.tr("正在打印测试页"),
        )

    def test_scanner(self) -> None:
        """Wait for a scanned code."""
        scanner = self.driver("scanner")
        self.run_test(
            "scanner",
            "scan",
            lambda: device_tests.scanner_read(scanner, device_tests.SCAN_WAIT_S),
            self.tr("请在 %1 秒内扫描任意条码").replace("%1", str(int(device_tests.SCAN_WAIT_S))),
        )

    def test_tone(self) -> None:
        """Play the test tone."""
        audio = self.driver("audio")
        self.run_test("audio", "tone", lambda: device_tests.speaker_tone(audio), self.tr("正在播放 1000 Hz 测试音"))

    def test_loopback(self) -> None:
        """Play a tone and listen for it."""
        audio = self.driver("audio")
        self.run_test("audio", "loopback", lambda: device_tests.audio_loopback(audio), self.tr("播放并录音"))

    def test_fingervein(self) -> None:
        """Capture a finger (nothing is kept)."""
        scanner = self.driver("fingervein")
        self.run_test(
            "fingervein",
            "capture",
            lambda: device_tests.fingervein_capture(scanner, device_tests.SCAN_WAIT_S),
            self.tr("请把手指放在指静脉仪上"),
        )

    # -- camera preview ---------------------------------------------------------------------------------
    def toggle_preview(self, kind: str) -> None:
        """Start or stop the live preview of one camera (one preview at a time)."""
        if self.preview_timer.isActive():
            was = self.preview_kind
            self.stop_preview()
            if was == kind:
                return
        camera = self.driver(kind)
        if camera is None:
            self.rows[kind].show(False, self.tr("不可用"), self.last_summary(kind))
            return
        self.start_camera(camera, kind)
        self.preview_kind = kind
        self.frames_shown = 0
        self.preview.setText(self.tr("正在连接摄像头……"))
        self.preview_timer.start()
        self.set_active(self.rows[kind].buttons["preview"], True)
        self.action_log().record("device_test", device=kind, test="preview")

    def show_frame(self) -> None:
        """Show the newest frame with its brightness and focus figures."""
        camera = self.driver(self.preview_kind)
        latest = camera.latest() if camera is not None else None
        if latest is None:
            return
        frame, _ = latest
        height, width = frame.shape[:2]
        rgb = frame[:, :, ::-1].copy() if frame.ndim == 3 else frame.copy()
        image_format = QImage.Format.Format_RGB888 if frame.ndim == 3 else QImage.Format.Format_Grayscale8
        image = QImage(rgb.data, width, height, rgb.strides[0], image_format).copy()
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.frames_shown += 1
        if self.frames_shown == 1:
            self.rows[self.preview_kind].show(True, self.tr("预览中"), f"{width}x{height} · {camera.source}")
        if self.frames_shown % 5 == 1:  # the figures change slowly; every half second is enough to aim by
            figures = device_tests.camera_figures(frame)
            verdict = device_tests.camera_verdict(figures)
            verdicts = {
                "too dark": self.tr("太暗"),
                "too bright": self.tr("过亮"),
                "out of focus": self.tr("未对焦"),
                "": self.tr("良好"),
            }
            self.figures.setText(
                self.tr("亮度 %1 · 清晰度 %2 · %3 · %4")
                .replace("%1", f"{figures['brightness']:.0f}")
                .replace("%2", f"{figures['focus']:.0f}")
                .replace("%3", f"{width}x{height}")
                .replace("%4", verdicts[verdict])
            )

    def stop_preview(self) -> None:
        """Stop the preview."""
        self.preview_timer.stop()
        self.preview.clear()
        self.preview.setText(self.tr("摄像头预览未开启"))
        self.figures.clear()
        if self.preview_kind:
            self.set_active(self.rows[self.preview_kind].buttons["preview"], False)
        self.preview_kind = ""

    # -- microphone meter -------------------------------------------------------------------------------
    def toggle_meter(self) -> None:
        """Start or stop the microphone level meter."""
        audio = self.driver("audio")
        if self.meter_timer.isActive():
            self.stop_meter()
            return
        if audio is None:
            self.rows["audio"].show(False, self.tr("不可用"), self.last_summary("audio"))
            return
        self.worker.run("meter-start", audio.start_meter, self.meter_started)

    def meter_started(self, result: Any) -> None:
        """The microphone stream is open (or could not be)."""
        if isinstance(result, Exception):
            self.rows["audio"].show(False, self.tr("失败"), str(result))
            return
        self.meter_timer.start()
        self.set_active(self.rows["audio"].buttons["meter"], True)
        self.action_log().record("device_test", device="audio", test="meter")

    def show_level(self) -> None:
        """The microphone level, as a bar and in dBFS."""
        audio = self.driver("audio")
        level = audio.meter_level() if audio is not None else -120.0
        self.meter.setValue(round(max(0.0, min(1.0, 1 - level / METER_FLOOR_DB)) * 100))
        self.meter.setFormat(f"{level:.0f} dBFS")

    def stop_meter(self) -> None:
        """Stop the level meter."""
        self.meter_timer.stop()
        self.meter.setValue(0)
        self.meter.setFormat("—")
        self.set_active(self.rows["audio"].buttons["meter"], False)
        audio = self.driver("audio")
        if audio is not None and hasattr(audio, "stop_meter"):
            self.worker.run("meter-stop", audio.stop_meter, lambda _: None)

    @staticmethod
    def set_active(widget: QWidget, active: bool) -> None:
        """Mark a toggle button as on or off."""
        widget.setProperty("active", "true" if active else "false")
        restyle(widget)

    # -- system and log ---------------------------------------------------------------------------------
    def lines(self) -> list[str]:
        """The system facts, one per line."""
        config, store = self.ctx.config, self.ctx.store
        stats = store.stats()
        voice = self.ctx.services.get("voice")
        ime = self.ctx.services.get("ime")
        facts = system_facts(config.data_dir)
        temperature = facts["cpu_temperature_c"]
        hub = self.hub.get("detail", self.tr("检测中")) if self.hub else self.tr("检测中")
        return [
            self.tr("终端编号：") + config.terminal.id,
            self.tr("服务网点：") + config.terminal.site,
            self.tr("事项目录版本：") + f"{stats['version']}（{stats['total']} / {stats['self_service']}）",
            self.tr("目录更新：") + update_text(last_update(config.data_dir)),
            self.tr("服务中枢：") + f"{config.hub.url} · {hub}",
            self.tr("A4 打印：") + (self.a4 or self.tr("检测中")),
            self.tr("设备驱动：") + config.devices.mode,
            self.tr("语音播报：") + (self.tr("可用") if voice is not None and voice.available else self.tr("不可用")),
            self.tr("拼音输入词库：") + (self.tr("已加载") if ime is not None else self.tr("未加载")),
            self.tr("已结束会话数：") + str(self.ctx.session.ended_count),
            self.tr("磁盘可用：") + f"{facts['disk_free_gb']} / {facts['disk_total_gb']} GB",
            self.tr("内存可用：") + f"{facts['memory_available_mb']} / {facts['memory_total_mb']} MB",
            self.tr("CPU 温度：") + (f"{temperature:.0f} °C" if temperature is not None else self.tr("无传感器")),
            self.tr("运行时间：") + f"{int(time.monotonic() - STARTED) // 60} min",
            self.tr("软件版本：") + f"{facts['software']} · Python {platform.python_version()}",
            self.tr("配置来源：") + config.origin,
        ]

    def show_facts(self) -> None:
        """The facts in two columns, and the recent log."""
        lines = self.lines()
        half = (len(lines) + 1) // 2
        self.facts.setText("\n".join(lines[:half]))
        self.more_facts.setText("\n".join(lines[half:]))
        lines = recent_lines(self.ctx.config.data_dir / "logs", 12)
        self.log_view.setPlainText("\n".join(lines) if lines else self.tr("（暂无日志）"))

    # -- report -----------------------------------------------------------------------------------------
    def export_report(self) -> None:
        """Write the report (JSON and PDF) for the help desk in the background, and log the action."""
        devices = self.devices()
        config, stats = self.ctx.config, self.ctx.store.stats()

        def job():
            checks = devices.checks() if devices is not None else []
            required = devices.required if devices is not None else {}
            hub = hub_reachability(config.hub.url, ca_file=config.hub.ca_file)
            report = build_report(config.terminal.id, stats, checks, required, config.data_dir, hub)
            return report, write_report(report, config.data_dir / "reports")

        if self.worker.run("export", job, self.report_written):
            self.export.setEnabled(False)
            self.export_status.setText(self.tr("正在导出报告……"))

    def report_written(self, result: Any) -> None:
        """The JSON is written; the PDF is drawn here (Qt paints on the GUI thread)."""
        from ui.printing import render_pdf

        self.export.setEnabled(True)
        if isinstance(result, Exception):
            self.export_status.setText(self.tr("导出失败：") + type(result).__name__)
            return
        report, path = result
        render_pdf(report_html(report), f"{report['terminal']} {report['created_at']}", path.with_suffix(".pdf"))
        self.action_log().record("export_report", file=path.name)
        self.export_status.setText(self.tr("报告已导出：") + str(path))

    def action_log(self) -> ActionLog:
        """Where technician actions are recorded."""
        return ActionLog(self.ctx.config.data_dir / "technician-actions.jsonl")

    # -- screen life ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Strings of the diagnostics screen."""
        self.done.setText(self.tr("退出诊断"))
        self.export.setText(self.tr("导出报告"))
        self.recheck.setText(self.tr("重新检测"))
        self.system_heading.setText(self.tr("系统"))
        self.log_heading.setText(self.tr("最近日志（不含个人信息）"))
        self.meter_title.setText(self.tr("麦克风电平"))
        names = self.device_names()
        labels = {
            "read": self.tr("读卡"),
            "print": self.tr("打印测试页"),
            "scan": self.tr("扫码"),
            "preview": self.tr("预览"),
            "tone": self.tr("测试音"),
            "meter": self.tr("电平"),
            "loopback": self.tr("回环"),
            "capture": self.tr("采集"),
        }
        for kind, row in self.rows.items():
            row.name.setText(names[kind])
            for action, widget in row.buttons.items():
                widget.setText(labels[action])
        if not self.preview_timer.isActive():
            self.preview.setText(self.tr("摄像头预览未开启"))
        if self.isVisible():
            self.show_facts()

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Portrait: the live panel goes under the devices, the log under the system."""
        super().apply_mode(elderly, portrait)
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        self.preview.setFixedSize(*(PORTRAIT_PREVIEW_SIZE if portrait else PREVIEW_SIZE))
        self.main.setDirection(direction)
        self.bottom.setDirection(direction)

    def entered(self) -> None:
        """Fresh checks each time; the technician's entry is recorded."""
        self.export_status.clear()
        self.action_log().record("open_diagnostics")
        self.show_facts()
        self.run_checks()

    def left(self) -> None:
        """Leaving: live tests stop, and cameras this screen started are closed."""
        if self.preview_timer.isActive():
            self.stop_preview()
        if self.meter_timer.isActive():
            self.stop_meter()
        self.close_cameras()

    reset = left
