"""Search and browse the catalog: a search box with the touch keyboard, filters, and a page of results."""

from __future__ import annotations

from kiosk.flows.browse import BrowseState
from ui.qt import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QResizeEvent,
    QSizePolicy,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, ScreenBase, TextButton, button, label, restyle

AUDIENCES = ("", "personal", "enterprise")


class BrowseScreen(ScreenBase):
    """Results update as the resident types; tapping one opens its guide."""

    open_item = Signal(str)

    def __init__(self, ctx: Context, keyboard: QWidget | None = None):
        super().__init__(ctx, "browseScreen")
        self.browser = ctx.browser
        # Landscape: the list on the left, the keyboard on the right; portrait: the keyboard below.
        self.outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.outer.setContentsMargins(32, 16, 32, 16)
        self.outer.setSpacing(24)
        layout = QVBoxLayout()
        layout.setSpacing(12)
        self.outer.addLayout(layout, 3)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.textChanged.connect(self.browser.set_query)
        self.keyboard_toggle = button(role="chrome", name="keyboardToggle")
        self.keyboard_toggle.clicked.connect(self.toggle_keyboard)
        row.addWidget(self.search, 1)
        row.addWidget(self.keyboard_toggle)
        layout.addLayout(row)

        self.filters = QWidget()
        filters = QHBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        self.audience_buttons = {a: button(role="chrome", name=f"audience_{a or 'all'}") for a in AUDIENCES}
        for audience, widget in self.audience_buttons.items():
            widget.clicked.connect(lambda _=False, a=audience: self.browser.set_filters(audience=a))
            filters.addWidget(widget)
        self.theme = QComboBox()
        self.theme.setObjectName("themeFilter")
        self.department = QComboBox()
        self.department.setObjectName("departmentFilter")
        self.theme.activated.connect(lambda _i: self.browser.set_filters(theme=self.theme.currentData()))
        self.department.activated.connect(lambda _i: self.browser.set_filters(department=self.department.currentData()))
        for combo in (self.theme, self.department):
            # Long department names must not widen the screen: the popup list shows them whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
            filters.addWidget(combo, 1)
        layout.addWidget(self.filters)

        self.status = label(role="instruction", name="resultStatus")
        layout.addWidget(self.status)
        self.results_host = QWidget()
        # The list takes whatever height is left; fit_results then pages exactly what fits, never clipping.
        self.results_host.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.results = QVBoxLayout(self.results_host)
        self.results.setContentsMargins(0, 0, 0, 0)
        self.results.setSpacing(10)
        layout.addWidget(self.results_host, 1)
        pager = QHBoxLayout()
        self.previous = button(role="chrome", name="pagePrevious")
        self.next = button(role="chrome", name="pageNext")
        self.page_label = label(role="note", name="pageLabel", wrap=False)
        self.previous.clicked.connect(lambda: self.browser.set_page(self.browser.state.page - 1))
        self.next.clicked.connect(lambda: self.browser.set_page(self.browser.state.page + 1))
        pager.addWidget(self.previous)
        pager.addStretch(1)
        pager.addWidget(self.page_label)
        pager.addStretch(1)
        pager.addWidget(self.next)
        layout.addLayout(pager)
        self.keyboard = keyboard
        self.keyboard_wanted = True  # the resident's choice; other screens borrow the keyboard and give it back
        if keyboard is not None:
            self.outer.addWidget(keyboard, 2)
        self._fit_pending = False
        self.result_buttons: list = []
        self.pool: list[TextButton] = []
        self.results.addStretch(1)
        self.browser.on_change(self.render)
        self.retranslate()

    # -- rendering ------------------------------------------------------------------------------------
    def fill_filters(self) -> None:
        """Theme and department choices, translated headings first."""
        for combo, first, choices in (
            (self.theme, self.tr("全部主题"), [(t, t) for t in self.browser.theme_choices()]),
            (self.department, self.tr("全部部门"), self.browser.department_choices()),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for value, text in choices:
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def render(self, state: BrowseState) -> None:
        """Show the browser's state."""
        # Result rows are reused, not rebuilt: creating and styling widgets on every keystroke stalls typing.
        while len(self.pool) < len(state.rows):
            widget = TextButton("", "", "result")
            widget.clicked.connect(lambda _=False, w=widget: self.open_item.emit(w.property("item_id")))
            self.results.insertWidget(len(self.pool), widget)
            self.pool.append(widget)
        for widget, row in zip(self.pool, state.rows, strict=False):
            widget.set_texts(row.title, row.department)
            widget.setProperty("item_id", row.id)
            widget.setObjectName(f"result_{row.id}")
            widget.show()
        for widget in self.pool[len(state.rows) :]:
            widget.hide()
        self.result_buttons = self.pool[: len(state.rows)]
        self.schedule_fit()
        if state.empty:
            self.status.setText(self.tr("没有找到相关事项，请换个说法试试，或拨打12345热线咨询"))
        elif state.query.strip():
            self.status.setText(self.tr("找到的相关事项："))
        else:
            self.status.setText(self.tr("常用事项（可输入名称、拼音或首字母查找）："))
        self.page_label.setText(
            self.tr("第 %1 / %2 页").replace("%1", str(state.page + 1)).replace("%2", str(state.pages))
        )
        self.previous.setEnabled(state.page > 0)
        self.next.setEnabled(state.page + 1 < state.pages)
        chosen = state.filters.audience or ""
        for audience, widget in self.audience_buttons.items():
            widget.setProperty("active", "true" if audience == chosen else "false")
            restyle(widget)
        self._mark_audience(chosen)
        if self.search.text() != state.query:
            self.search.blockSignals(True)
            self.search.setText(state.query)
            self.search.blockSignals(False)
        for combo, value in ((self.theme, state.filters.theme), (self.department, state.filters.department)):
            combo.setCurrentIndex(max(combo.findData(value or ""), 0))

    def schedule_fit(self) -> None:
        """Work out, once layout has settled, how many results fit the list without scrolling."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self.fit_results)  # not after the screen is gone

    def fit_results(self) -> None:
        """Tell the browser how many result rows fit the list's height."""
        self._fit_pending = False
        if not self.result_buttons:
            return
        row = self.result_buttons[0].sizeHint().height() + self.results.spacing()
        fitting = max(1, (self.results_host.height() + self.results.spacing()) // max(row, 1))
        if fitting != self.browser.fitting:
            self.browser.set_page_size(fitting)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new size fits another number of results."""
        super().resizeEvent(event)
        self.fit_keyboard()
        self.schedule_fit()

    def _mark_audience(self, chosen: str) -> None:
        names = {"": self.tr("全部"), "personal": self.tr("个人"), "enterprise": self.tr("企业")}
        for audience, widget in self.audience_buttons.items():
            widget.setText(("✓ " if audience == chosen else "") + names[audience])

    def retranslate(self) -> None:
        """Strings of the browse screen."""
        self.search.setPlaceholderText(self.tr("输入事项名称、拼音或首字母，如：社保卡、shebaoka、sbk"))
        self.previous.setText(self.tr("‹ 上一页"))
        self.next.setText(self.tr("下一页 ›"))
        self.fill_filters()
        self._show_keyboard_toggle()
        self.render(self.browser.state)

    def _show_keyboard_toggle(self) -> None:
        shown = self.keyboard is not None and self.keyboard.isVisibleTo(self)
        self.keyboard_toggle.setText(self.tr("收起键盘") if shown else self.tr("打开键盘"))
        self.keyboard_toggle.setVisible(self.keyboard is not None)

    def toggle_keyboard(self) -> None:
        """Show or hide the touch keyboard (results get the room when it is hidden)."""
        if self.keyboard is not None:
            self.keyboard_wanted = not self.keyboard.isVisibleTo(self)
            self.keyboard.setVisible(self.keyboard_wanted)
            self._show_keyboard_toggle()

    def claim_keyboard(self) -> None:
        """Take the touch keyboard back after another screen borrowed it, typing into the search again."""
        if self.keyboard is None:
            return
        if self.keyboard.parentWidget() is not self:
            self.outer.addWidget(self.keyboard, 2)
            self.keyboard.setVisible(self.keyboard_wanted)
        if hasattr(self.keyboard, "attach"):
            self.keyboard.attach(self.search)
        self.fit_keyboard()
        self._show_keyboard_toggle()

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Elderly mode pages five results at a time; the keyboard starts hidden there to leave room."""
        super().apply_mode(elderly, portrait)
        self.outer.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.outer.setContentsMargins(16 if portrait else 32, 16, 16 if portrait else 32, 16)
        self.filters.setVisible(not elderly)  # fewer choices per screen; 社保业务 and the modules still filter
        self.browser.set_presentation(self.ctx.session.language, elderly)
        self.fit_keyboard()
        self._show_keyboard_toggle()

    def fit_keyboard(self) -> None:
        """Elderly portrait screens get keys as large as the width allows (up to 1.5x); elsewhere 1x fits."""
        if self.keyboard is None or not hasattr(self.keyboard, "set_scale"):
            return
        scale = 1.0
        width = getattr(self.window(), "target_width", 0) or self.width()
        if self.elderly and self.portrait and width > 0:
            natural = self.keyboard.minimumSizeHint().width() / max(self.keyboard.scale(), 0.1)
            scale = max(1.0, min(1.5, (width - 40) / natural))
        if abs(scale - self.keyboard.scale()) > 0.01:
            self.keyboard.set_scale(scale)

    def entered(self) -> None:
        """Opened from a module: start from its filters."""
        self.claim_keyboard()
        self.browser.set_presentation(self.ctx.session.language, self.ctx.session.elderly)
        self.search.setFocus()

    def reset(self) -> None:
        """Forget the resident's query and filters."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.browser.reset()

    def instruction(self) -> str:
        """Spoken instruction."""
        return self.tr("请输入您要办理的事项，或在下方列表中选择")
