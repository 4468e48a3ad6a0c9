"""The application's five steps across the top of its screens: done, current, to come (by words and marks, not
by colour alone)."""

from __future__ import annotations

from ui.qt import QEvent, QHBoxLayout, QLabel, QWidget
from ui.screens.base import restyle


class StepBar(QWidget):
    """1 核验身份 · 2 提交材料 · 3 填写信息 · 4 签名 · 5 确认提交, the current one marked."""

    def __init__(self, name: str = "stepBar"):
        super().__init__()
        self.setObjectName(name)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(8)
        self.labels: list[QLabel] = []
        for index in range(len(self.titles())):
            widget = QLabel()
            widget.setObjectName(f"step_{index}")
            widget.setWordWrap(True)
            widget.setProperty("role", "step")
            self.row.addWidget(widget, 1)
            self.labels.append(widget)
        self.current = 0
        self.set_current(0)

    def titles(self) -> list[str]:
        """The steps' titles in the current language."""
        return [self.tr("核验身份"), self.tr("提交材料"), self.tr("填写信息"), self.tr("签名"), self.tr("确认提交")]

    def set_current(self, current: int) -> None:
        """Mark step `current` (0-based); the ones before it are ticked."""
        self.current = current
        for index, (widget, title) in enumerate(zip(self.labels, self.titles(), strict=True)):
            mark = "✓" if index < current else str(index + 1)
            widget.setText(f"{mark}  {title}")
            state = "done" if index < current else "current" if index == current else "todo"
            if widget.property("step") != state:
                widget.setProperty("step", state)
                restyle(widget)

    def changeEvent(self, event: QEvent) -> None:
        """Titles again in a new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.set_current(self.current)
        super().changeEvent(event)
