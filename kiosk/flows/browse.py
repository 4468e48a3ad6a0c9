"""Browsing and searching the catalog: query, filters, a page of results and the chosen item (no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from catalog.model import Item
from catalog.search import Hit, SearchFilters
from catalog.store import CatalogStore
from kiosk.content import item_name_from_parts

PAGE_SIZE = 8  # the view sets the number that fits its screen
ELDERLY_PAGE_SIZE = 5  # fewer choices per screen in elderly mode, whatever fits


@dataclass(frozen=True)
class ResultRow:
    """One result as the list shows it."""

    id: str
    title: str
    department: str


@dataclass
class BrowseState:
    """Everything the browse screen renders."""

    query: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)
    rows: list[ResultRow] = field(default_factory=list)
    page: int = 0
    pages: int = 1
    empty: bool = False


class CatalogBrowser:
    """Runs searches as the resident types and pages the results; views observe `on_change`."""

    def __init__(self, store: CatalogStore, language: str = "zh_CN", elderly: bool = False):
        self.store = store
        self.language = language
        self.elderly = elderly
        self.state = BrowseState()
        self.fitting = PAGE_SIZE
        self._hits: list[Hit] = []
        self._listeners: list[Callable[[BrowseState], None]] = []
        self._refresh()

    @property
    def page_size(self) -> int:
        """Results per page for the current mode."""
        return min(self.fitting, ELDERLY_PAGE_SIZE) if self.elderly else self.fitting

    def on_change(self, listener: Callable[[BrowseState], None]) -> None:
        """Call `listener` with the new state after every change."""
        self._listeners.append(listener)

    def _emit(self) -> None:
        for listener in list(self._listeners):
            listener(self.state)

    def _refresh(self) -> None:
        limit = 60 if self.state.query.strip() else 120
        self._hits = self.store.search.search(self.state.query, limit=limit, filters=self.state.filters)
        self._paginate(0)

    def _paginate(self, page: int) -> None:
        size = self.page_size
        pages = max(1, -(-len(self._hits) // size))
        page = min(max(page, 0), pages - 1)
        rows = [
            ResultRow(h.id, item_name_from_parts(h.name, h.name_hant, h.name_en, self.language), h.department)
            for h in self._hits[page * size : (page + 1) * size]
        ]
        self.state = replace(self.state, rows=rows, page=page, pages=pages, empty=not self._hits)

    def set_query(self, text: str) -> None:
        """The resident typed: search again."""
        self.state = replace(self.state, query=text)
        self._refresh()
        self._emit()

    def set_filters(self, **changes: str | None) -> None:
        """Change filters (audience, channel, department, theme); '' or None clears one."""
        cleaned = {k: (v or None) for k, v in changes.items()}
        self.state = replace(self.state, filters=replace(self.state.filters, **cleaned))
        self._refresh()
        self._emit()

    def reset(self, filters: dict[str, str | None] | None = None) -> None:
        """Start afresh, optionally with a module's filters: used when a module opens and on wipe."""
        self.state = BrowseState(filters=SearchFilters(**(filters or {})))
        self._refresh()
        self._emit()

    def set_page(self, page: int) -> None:
        """Show another page of results."""
        self._paginate(page)
        self._emit()

    def set_page_size(self, fitting: int) -> None:
        """How many results fit the view's list; keeps the first shown result on the page."""
        first = self.state.page * self.page_size
        self.fitting = max(1, fitting)
        self._paginate(first // self.page_size)
        self._emit()

    def set_presentation(self, language: str, elderly: bool) -> None:
        """Titles follow the language; page size follows elderly mode."""
        self.language, self.elderly = language, elderly
        self._paginate(0)
        self._emit()

    def use_store(self, store: CatalogStore) -> None:
        """Browse another catalog (an update swapped in between sessions): start afresh on it."""
        self.store = store
        self.reset()

    def item(self, item_id: str) -> Item | None:
        """One item of the catalog."""
        return self.store.item(item_id)

    def department_choices(self) -> list[tuple[str, str]]:
        """(id, name) pairs for the department filter."""
        return [(d.id, d.short_name) for d in self.store.departments]

    def theme_choices(self) -> list[str]:
        """The catalog's life-event themes."""
        return list(self.store.themes)
