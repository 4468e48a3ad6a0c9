"""The home screen: one big tile per enabled module; elderly mode shows four at a time."""

from __future__ import annotations

from kiosk.modules import Module, enabled_modules
from ui.qt import QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget, Signal
from ui.screens.base import Context, ScreenBase, TextButton, button, clear_layout, label

ELDERLY_PAGE = 4


class HomeScreen(ScreenBase):
    """Tiles for 事项查询, 自助申报, 社保业务 and the portals (later flows add theirs)."""

    open_module = Signal(str)

    def __init__(self, ctx: Context):
        super().__init__(ctx, "homeScreen")
        self.page = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        self.heading = label(role="title", name="homeTitle")
        self.hint = label(role="instruction", name="homeInstruction")
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(24)
        self.more = button(role="chrome", name="homeMore")
        self.more.clicked.connect(self.next_page)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.grid_host, 1)
        layout.addWidget(self.more)
        self.tiles: dict[str, QPushButton] = {}
        self.retranslate()

    def titles(self) -> dict[str, tuple[str, str]]:
        """Each module's title and one-line description, translated."""
        return {
            "search": (self.tr("事项查询"), self.tr("查询全部1304项服务的办事指南")),
            "self_service": (self.tr("自助申报"), self.tr("824项事项可在本机办理")),
            "consult": (self.tr("视频咨询"), self.tr("与工作人员视频通话")),
            "pickup": (self.tr("预约上门"), self.tr("邮政人员上门收取材料")),
            "status": (self.tr("办件查询"), self.tr("查看申请的办理进度")),
            "social_insurance": (self.tr("社保业务"), self.tr("参保、缴费、待遇、社保卡")),
            "smart_approval": (self.tr("智能审批"), self.tr("符合条件即时审批")),
            "portal_gba": (self.tr("粤港澳大湾区政务"), self.tr("湾区通办服务")),
            "portal_gdzwfw": (self.tr("省政务服务网黄埔区分厅"), self.tr("广东政务服务网")),
            "portal_market": (self.tr("网上中介超市"), self.tr("中介服务事项")),
            "portal_yss": (self.tr("粤省事"), self.tr("广东民生服务")),
        }

    def modules(self) -> list[Module]:
        """The modules to show in the current mode."""
        return enabled_modules(self.ctx.config, elderly=False)

    def visible(self) -> list[Module]:
        """This page's modules: all of them, or four in elderly mode."""
        modules = self.modules()
        if not self.elderly:
            return modules
        ordered = enabled_modules(self.ctx.config, elderly=True) + [
            m for m in modules if m not in enabled_modules(self.ctx.config, elderly=True)
        ]
        start = self.page * ELDERLY_PAGE
        return ordered[start : start + ELDERLY_PAGE]

    def rebuild(self) -> None:
        """Lay the tiles out for the mode and orientation."""
        clear_layout(self.grid)
        self.tiles = {}
        modules = self.visible()
        columns = 2 if (self.elderly or self.portrait) else 4
        titles = self.titles()
        for n, module in enumerate(modules):
            title, description = titles[module.id]
            tile = TextButton(title, "" if self.elderly else description, "tile", f"tile_{module.id}")
            tile.setMinimumHeight(240 if self.elderly else 170)
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            tile.clicked.connect(lambda _=False, m=module.id: self.open_module.emit(m))
            self.grid.addWidget(tile, n // columns, n % columns)
            self.tiles[module.id] = tile
        pages = -(-len(self.modules()) // ELDERLY_PAGE)
        self.more.setVisible(self.elderly and pages > 1)
        self.more.setText(self.tr("更多服务 ›") if self.page + 1 < pages else self.tr("‹ 返回常用服务"))

    def next_page(self) -> None:
        """Elderly mode: the next four tiles, then back to the first four."""
        pages = -(-len(self.modules()) // ELDERLY_PAGE)
        self.page = (self.page + 1) % max(pages, 1)
        self.rebuild()

    def retranslate(self) -> None:
        """Strings of the home screen."""
        self.heading.setText(self.tr("欢迎使用政务服务自助终端"))
        self.hint.setText(self.instruction())
        self.rebuild()

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Elderly mode and portrait screens change the grid."""
        super().apply_mode(elderly, portrait)
        self.page = 0
        self.rebuild()

    def entered(self) -> None:
        """Back on the home screen: the first page."""
        if self.page:
            self.page = 0
            self.rebuild()

    def instruction(self) -> str:
        """Spoken instruction."""
        return self.tr("请选择您要办理的业务")
