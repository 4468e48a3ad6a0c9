"""The attract screen: the district's notices in turn and "touch to start"; nothing personal."""

from __future__ import annotations

from ui.qt import QFrame, QMouseEvent, Qt, QTimer, QVBoxLayout, Signal
from ui.screens.base import Context, ScreenBase, label

ROTATE_MS = 8000


class AttractScreen(ScreenBase):
    """Shown while nobody uses the terminal; a touch anywhere starts a session."""

    start = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "attractScreen")
        self.index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 80, 80, 80)
        self.title = label(role="title", name="attractTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.site = label(ctx.config.terminal.site, role="subtitle", name="attractSite")
        self.site.setAlignment(Qt.AlignmentFlag.AlignCenter)
        panel = QFrame()
        panel.setProperty("role", "panel")
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(60, 50, 60, 50)
        self.notice = label(role="instruction", name="attractNotice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter = label(role="note", name="attractCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.notice)
        inner.addWidget(self.counter)
        self.touch = label(role="title", name="attractTouch")
        self.touch.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.languages = label("触摸屏幕开始 · 觸摸屏幕開始 · Touch to start", role="subtitle", name="attractLanguages")
        self.languages.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.site)
        layout.addStretch(1)
        layout.addWidget(panel)
        layout.addStretch(1)
        layout.addWidget(self.touch)
        layout.addWidget(self.languages)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.rotate)
        self.retranslate()

    def notices(self) -> list[str]:
        """The district's notices, translated."""
        return [
            self.tr("黄埔区10个邮政网点可办理530项政务服务事项，周末照常办理"),
            self.tr("本机可查询1304项政务服务事项，其中824项可在本机自助办理"),
            self.tr("个人社保、就业，企业开办、经营中的常办事项，可在邮政网点窗口一次办好"),
            self.tr("办理结果可通过EMS寄递到家，不必再跑一趟"),
            self.tr("港澳居民可持港澳居民来往内地通行证在本机查询办事指南"),
        ]

    def retranslate(self) -> None:
        """Strings of the attract screen."""
        self.title.setText(self.tr("政务服务 · 邮政便民"))
        self.touch.setText(self.tr("请触摸屏幕开始"))
        self.show_notice()

    def show_notice(self) -> None:
        """Show the current notice and its position."""
        notices = self.notices()
        self.index %= len(notices)
        self.notice.setText(notices[self.index])
        self.counter.setText(f"{self.index + 1} / {len(notices)}")

    def rotate(self) -> None:
        """The next notice."""
        self.index += 1
        self.show_notice()

    def entered(self) -> None:
        """Start rotating from the first notice."""
        self.index = 0
        self.show_notice()
        self.timer.start(ROTATE_MS)

    def hideEvent(self, event) -> None:
        """Stop rotating while hidden."""
        self.timer.stop()
        super().hideEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch anywhere starts the session."""
        self.start.emit()
        event.accept()

    def instruction(self) -> str:
        """Spoken on request."""
        return self.tr("请触摸屏幕开始")
