"""What the catalog search screen shows: query, filters, results and the chosen item's guide (no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from catalog.model import Item
from catalog.search import Hit, SearchFilters
from catalog.store import CatalogStore
from kiosk.guide import GuideSection, item_guide

AUDIENCE_CHOICES = (("", "全部对象"), ("personal", "个人"), ("enterprise", "企业"))
CHANNEL_CHOICES = (("", "全部渠道"), ("self_service", "可在本机自助办理"), ("post_office", "邮政网点可办"))


@dataclass
class BrowserState:
    """Everything the search screen renders."""

    query: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)
    results: list[Hit] = field(default_factory=list)
    selected: Item | None = None
    guide: list[GuideSection] = field(default_factory=list)
    message: str = ""


class CatalogBrowser:
    """Runs searches as the resident types and keeps the selection; views observe `changed`."""

    def __init__(self, store: CatalogStore, limit: int = 30):
        self.store = store
        self.limit = limit
        self.state = BrowserState()
        self._listeners: list[Callable[[BrowserState], None]] = []
        self._refresh()

    def on_change(self, listener: Callable[[BrowserState], None]) -> None:
        """Call `listener` with the new state after every change."""
        self._listeners.append(listener)

    def _emit(self) -> None:
        for listener in self._listeners:
            listener(self.state)

    def _refresh(self) -> None:
        hits = self.store.search.search(self.state.query, limit=self.limit, filters=self.state.filters)
        message = "" if hits else "没有找到相关事项，请换个说法试试，或拨打12345热线咨询"
        self.state = replace(self.state, results=hits, message=message)

    def set_query(self, text: str) -> None:
        """The resident typed: search again."""
        self.state = replace(self.state, query=text)
        self._refresh()
        self._emit()

    def set_filter(self, **changes: str | None) -> None:
        """Change one or more filters (audience, channel, department, theme); '' clears one."""
        cleaned = {k: (v or None) for k, v in changes.items()}
        self.state = replace(self.state, filters=replace(self.state.filters, **cleaned))
        self._refresh()
        self._emit()

    def select(self, item_id: str) -> None:
        """Show one item's guide."""
        item = self.store.item(item_id)
        if item is None:
            self.state = replace(self.state, selected=None, guide=[], message=f"事项 {item_id} 不存在")
        else:
            dept = self.store.department(item.department)
            self.state = replace(self.state, selected=item, guide=item_guide(item, dept), message="")
        self._emit()

    def department_choices(self) -> list[tuple[str, str]]:
        """(id, label) pairs for the department filter."""
        return [("", "全部部门")] + [(d.id, d.short_name) for d in self.store.departments]

    def theme_choices(self) -> list[tuple[str, str]]:
        """(theme, label) pairs for the life-event filter."""
        return [("", "全部主题")] + [(t, t) for t in self.store.themes]
