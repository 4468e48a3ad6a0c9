"""The catalog search window: a thin view over kiosk.catalog_browser (the terminal shell comes next)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from kiosk.catalog_browser import AUDIENCE_CHOICES, CHANNEL_CHOICES, BrowserState, CatalogBrowser
from ui.qt import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

STYLE_SHEET = Path(__file__).resolve().parent.parent / "assets" / "styles" / "search.qss"


class SearchWindow(QMainWindow):
    """Search box, filters and results on the left; the chosen item's guide on the right."""

    def __init__(self, browser: CatalogBrowser, site: str):
        super().__init__()
        self.browser = browser
        self.setObjectName("searchWindow")
        self.setWindowTitle("政务服务事项查询")
        self.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
        root = QWidget()
        self.setCentralWidget(root)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(28, 20, 28, 20)
        header = QHBoxLayout()
        title = QLabel("政务服务事项查询")
        title.setObjectName("title")
        header.addWidget(title)
        header.addStretch(1)
        site_label = QLabel(site)
        site_label.setObjectName("note")
        header.addWidget(site_label)
        outer.addLayout(header)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("输入事项名称、拼音或首字母，如：社保卡、shebaoka、sbk")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(browser.set_query)
        outer.addWidget(self.search)

        filters = QHBoxLayout()
        self.audience = self._combo("audienceFilter", list(AUDIENCE_CHOICES), "audience")
        self.channel = self._combo("channelFilter", list(CHANNEL_CHOICES), "channel")
        self.department = self._combo("departmentFilter", browser.department_choices(), "department")
        self.theme = self._combo("themeFilter", browser.theme_choices(), "theme")
        for combo in (self.audience, self.channel, self.department, self.theme):
            filters.addWidget(combo, 1)
        outer.addLayout(filters)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("count")
        left.addWidget(self.count)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setWordWrap(True)
        self.results.currentItemChanged.connect(self._on_result)
        left.addWidget(self.results, 1)
        body.addLayout(left, 5)
        self.guide = QTextBrowser()
        self.guide.setObjectName("guide")
        body.addWidget(self.guide, 6)
        outer.addLayout(body, 1)

        note = QLabel(f"目录版本 {browser.store.version}（示例数据：基于真实区级事项清单，正式目录由管理员发布）")
        note.setObjectName("note")
        outer.addWidget(note)

        browser.on_change(self.render)
        self.render(browser.state)

    def _combo(self, name: str, choices: list[tuple[str, str]], key: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value, label in choices:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i, c=combo, k=key: self.browser.set_filter(**{k: c.currentData()}))
        return combo

    def render(self, state: BrowserState) -> None:
        """Show the browser's state."""
        selected_id = state.selected.id if state.selected else None
        self.results.blockSignals(True)
        self.results.clear()
        for hit in state.results:
            row = QListWidgetItem(f"{hit.name}\n{hit.department}")
            row.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.results.addItem(row)
            if hit.id == selected_id:
                self.results.setCurrentItem(row)
        self.results.blockSignals(False)
        self.count.setProperty("empty", bool(state.message))
        self.count.style().unpolish(self.count)
        self.count.style().polish(self.count)
        if state.message:
            self.count.setText(state.message)
        elif state.query:
            self.count.setText(f"找到以下相关事项（前{len(state.results)}项）")
        else:
            self.count.setText("常用事项")
        self.guide.setHtml(self._guide_html(state))

    def _guide_html(self, state: BrowserState) -> str:
        if state.selected is None:
            return "<p style='color:#5b6675'>点击左侧事项，查看办事指南：需要带什么材料、去哪里办、多久办好。</p>"
        parts = [f"<h2 style='color:#0b5394'>{escape(state.selected.name)}</h2>"]
        if state.selected.name_en:
            parts.append(f"<p style='color:#5b6675'>{escape(state.selected.name_en)}</p>")
        for section in state.guide:
            parts.append(f"<h3>{escape(section.title)}</h3>")
            parts.extend(f"<p style='margin:2px 0'>{escape(line)}</p>" for line in section.lines)
        return "".join(parts)

    def _on_result(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.browser.select(current.data(Qt.ItemDataRole.UserRole))
