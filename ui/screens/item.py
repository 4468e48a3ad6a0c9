"""An item's guide: materials, where, time limits, fee, channels, steps, phone; print it or take it by QR."""

from __future__ import annotations

from html import escape

from catalog.model import Item
from kiosk.flows.document import documents_for
from kiosk.flows.guide import ItemGuide, item_guide, qr_text
from ui.qt import QBoxLayout, QFrame, QHBoxLayout, Qt, QTextBrowser, QVBoxLayout, QWidget, Signal
from ui.screens.base import Context, ScreenBase, TextButton, button, clear_layout, label
from ui.widgets.qr import QrCode

FACE_BUTTON = "face"  # the face check's place among the document buttons


class ItemScreen(ScreenBase):
    """The guide on the left (or on top), the QR code and actions beside it."""

    print_requested = Signal()
    read_document = Signal(str)  # a document kind to read with the document camera
    verify_face = Signal()  # prove who is at the terminal: the ID card's photo against the face camera
    pickup = Signal()  # book a postal officer to collect this item's materials at home
    apply = Signal()  # submit an application for this item here
    consult = Signal()  # talk with a clerk by video about this item

    def __init__(self, ctx: Context):
        super().__init__(ctx, "itemScreen")
        self.item: Item | None = None
        self.guide: ItemGuide | None = None
        self.document_buttons: dict[str, TextButton] = {}
        self.outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.outer.setContentsMargins(32, 16, 32, 16)
        self.outer.setSpacing(24)
        left = QVBoxLayout()
        # The main action for a self-service item, right under its name: apply here.
        self.apply_button = TextButton("", "", "action", "applyHere")
        self.apply_button.clicked.connect(self.apply.emit)
        self.consult_button = button(role="chrome", name="consultHere")  # a clerk by video, for any item
        self.consult_button.clicked.connect(self.consult.emit)
        self.consult_button.hide()
        self.title = label(role="title", name="itemTitle")
        self.subtitle = label(role="subtitle", name="itemSubtitle")
        self.body = QTextBrowser()
        self.body.setObjectName("itemGuide")
        self.body.setMinimumHeight(120)  # it scrolls: the actions around it must stay on the screen
        self.body.setOpenLinks(False)
        # Documents the terminal can read for this item, right under its name: the first thing to do here.
        self.documents = QWidget()
        self.documents_row = QHBoxLayout(self.documents)
        self.documents_row.setContentsMargins(0, 8, 0, 8)
        self.documents_row.setSpacing(16)
        self.documents_status = label(role="done", name="documentsStatus")
        left.addWidget(self.title)
        left.addWidget(self.subtitle)
        # Apply, and the documents and face check it needs: one row under the name in landscape; in portrait
        # apply above the others, or elderly mode's large text no longer fits the narrow buttons.
        self.actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.actions.setSpacing(16)
        self.actions.addWidget(self.apply_button, 2)
        self.actions.addWidget(self.documents, 3)
        left.addLayout(self.actions)
        left.addWidget(self.documents_status)
        # Under the documents in landscape: the pickup button and the video clerk side by side.
        self.help_row = QHBoxLayout()
        self.help_row.setSpacing(16)
        self.help_row.addStretch(1)
        left.addLayout(self.help_row)
        left.addWidget(self.body, 1)
        self.outer.addLayout(left, 3)
        side_frame = QFrame()
        side_frame.setProperty("role", "panel")
        side = QVBoxLayout(side_frame)
        side.setContentsMargins(24, 24, 24, 24)
        self.qr_caption = label(role="instruction", name="qrCaption")
        self.qr = QrCode(side=340)
        qr_row = self.qr_row = QHBoxLayout()
        qr_row.addStretch(1)
        qr_row.addWidget(self.qr)
        qr_row.addStretch(1)
        self.print_button = button(role="primary", name="printGuide")
        self.print_button.clicked.connect(self.print_requested.emit)
        self.print_status = label(role="note", name="printStatus")
        self.pickup_button = TextButton("", "", "action", "pickupHere")
        self.pickup_button.clicked.connect(self.pickup.emit)
        self.pickup_button.hide()
        self.left_column = left
        self.print_row = QHBoxLayout()  # the print button, and the pickup button beside it in portrait
        self.actions_note = label(role="note", name="actionsNote")
        side.addWidget(self.qr_caption)
        side.addLayout(qr_row)
        self.print_row.addWidget(self.print_button, 1)
        side.addLayout(self.print_row)
        side.addWidget(self.print_status)
        side.addWidget(self.actions_note)
        side.addStretch(1)
        self.outer.addWidget(side_frame, 1)
        self.place_pickup(portrait=False)
        self.retranslate()

    def show_item(self, item: Item) -> None:
        """Show the guide of `item` in the session's language."""
        self.item = item
        self.print_status.clear()
        self.render()

    def render(self) -> None:
        """Fill the guide in the current language."""
        if self.item is None:
            self.title.clear()
            self.subtitle.clear()
            self.body.clear()
            self.qr.set_text("")
            self.pickup_button.hide()
            self.apply_button.hide()
            self.consult_button.hide()
            self.show_documents()
            return
        language = self.ctx.session.language
        dept = self.ctx.store.department(self.item.department)
        self.guide = item_guide(self.item, dept, language)
        self.title.setText(self.guide.name)
        self.subtitle.setText(self.guide.subtitle)
        self.subtitle.setVisible(bool(self.guide.subtitle))
        self.body.setHtml(self.guide_html())
        self.qr.set_text(qr_text(self.item, language))
        self.pickup_button.setVisible("door_pickup" in self.item.channels)
        self.apply_button.setVisible("submit" in self.guide.actions)
        self.consult_button.setVisible("consult" in self.guide.actions and "consult" in self.ctx.services)
        self.show_documents()

    def document_texts(self, kind: str) -> tuple[str, str]:
        """A read-document button's title and detail."""
        if kind == "business_license":
            return self.tr("识别营业执照"), self.tr("营业执照正本或副本，放到高拍仪下即可")
        if kind == "id_card_back":
            return self.tr("识别证件"), self.tr("居民身份证国徽面，放到高拍仪下即可")
        return self.tr("识别证件"), self.tr("居民身份证人像面，放到高拍仪下即可")

    def document_name(self, kind: str) -> str:
        """A document kind in the resident's words."""
        return {
            "id_card_front": self.tr("居民身份证（人像面）"),
            "id_card_back": self.tr("居民身份证（国徽面）"),
            "business_license": self.tr("营业执照"),
        }.get(kind, kind)

    def show_documents(self) -> None:
        """The read-document buttons and the face check this item offers, and what is already done."""
        kinds = documents_for(self.item) if self.item is not None else ()
        offered = (*kinds, FACE_BUTTON) if self.item is not None and self.item.self_service else kinds
        if tuple(self.document_buttons) != offered:
            clear_layout(self.documents_row)
            self.document_buttons = {}
            for kind in offered:
                name = "verifyFace" if kind == FACE_BUTTON else f"readDocument_{kind}"
                widget = TextButton("", "", "action", name)
                if kind == FACE_BUTTON:
                    widget.clicked.connect(self.verify_face.emit)
                else:
                    widget.clicked.connect(lambda _=False, k=kind: self.read_document.emit(k))
                self.documents_row.addWidget(widget, 1)
                self.document_buttons[kind] = widget
            if len(offered) == 1:
                self.documents_row.addStretch(1)  # one button: half the width, not a banner
        for kind, widget in self.document_buttons.items():
            if kind == FACE_BUTTON:
                widget.set_texts(self.tr("刷脸核验身份"), self.tr("身份证放到读卡器上，再看着摄像头"))
            else:
                widget.set_texts(*self.document_texts(kind))
        self.documents.setVisible(bool(offered))
        # What the session holds is shown by kind only: the values stay on the review screen.
        data = self.ctx.session.data
        done = [
            "✓ " + self.tr("%1已识别并核对").replace("%1", self.document_name(kind))
            for kind in kinds
            if kind in data.document.documents
        ]
        if data.face.verified:
            done.append("✓ " + self.tr("身份已核验"))
        self.documents_status.setText("\n".join(done))
        self.documents_status.setVisible(bool(done))

    def _days(self, days: int) -> str:
        return self.tr("即办（当场办结）") if days == 0 else self.tr("%n 个工作日", "", days)

    def guide_html(self) -> str:
        """The guide as simple HTML: headings, lists, no colours that carry meaning alone."""
        g = self.guide
        assert g is not None
        forms = {"original": self.tr("原件"), "copy": self.tr("复印件"), "electronic": self.tr("电子版")}
        channels = {
            "self_service": self.tr("本机自助办理"),
            "post_office": self.tr("邮政网点窗口办理"),
            "online": self.tr("网上办理（广东政务服务网、粤省事）"),
            "centre_window": self.tr("政务服务中心窗口办理"),
            "door_pickup": self.tr("可预约邮政人员上门收取材料"),
        }
        audiences = {"personal": self.tr("个人"), "enterprise": self.tr("企业"), "both": self.tr("个人和企业")}

        def section(title: str, lines: list[str]) -> str:
            items = "".join(f"<li>{escape(line)}</li>" for line in lines if line)
            return f"<h3>{escape(title)}</h3><ul>{items}</ul>"

        materials = []
        for m in g.materials:
            need = self.tr("必须") if m.required else self.tr("视情况提供")
            extra = f" — {m.note}" if m.note else ""
            materials.append(f"{m.name}：{forms.get(m.form, m.form)} × {m.copies}（{need}）{extra}")
        fee = g.fee_standard if g.fee_charged else self.tr("不收费")
        return "".join(
            [
                section(self.tr("需要带的材料"), materials),
                section(self.tr("去哪里办"), [g.where]),
                section(
                    self.tr("多久办好"),
                    [
                        self.tr("承诺时限：") + self._days(g.promised_days),
                        self.tr("法定时限：") + self._days(g.legal_days),
                    ],
                ),
                section(self.tr("收费"), [fee]),
                section(self.tr("可以怎么办"), [channels.get(c, c) for c in g.channels]),
                section(self.tr("办理步骤"), list(g.steps)),
                section(self.tr("咨询电话"), [g.phone]),
                section(self.tr("服务对象与部门"), [audiences.get(g.audience, g.audience), g.department, g.type]),
                section(self.tr("设定依据"), list(g.legal_basis)),
            ]
        )

    def show_print_result(self, printed: bool) -> None:
        """Tell the resident what happened, and the QR alternative when there is no printer."""
        self.print_status.setText(
            self.tr("指南已打印，请在下方出纸口取走")
            if printed
            else self.tr("打印机暂不可用，请用手机扫描上方二维码保存指南")
        )

    def retranslate(self) -> None:
        """Strings of the item screen."""
        self.qr_caption.setText(self.tr("手机扫码，把指南带走"))
        self.apply_button.set_texts(self.tr("在本机申请办理"), self.tr("刷身份证、拍材料、签名，当场提交"))
        self.print_button.setText(self.tr("打印办事指南"))
        self.pickup_button.set_texts(self.tr("预约上门收件"), self.tr("邮政人员到家里收取材料"))
        self.consult_button.setText(self.tr("视频咨询工作人员"))
        self.actions_note.setText(self.tr("需要帮助可拨打12345政务服务热线"))
        self.render()

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Portrait puts the QR code and actions under the guide."""
        super().apply_mode(elderly, portrait)
        self.outer.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.actions.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.qr.side = (250 if portrait else 330) if elderly else 280  # portrait: room for the stacked actions
        self.qr.updateGeometry()
        self.place_pickup(portrait)

    def place_pickup(self, portrait: bool) -> None:
        """The pickup and video clerk buttons where they cost no height (elderly mode has none to spare): beside
        the print button and the QR code in portrait, under the document buttons (as wide as their words) in
        landscape."""
        for layout in (self.print_row, self.left_column, self.help_row, self.qr_row):
            layout.removeWidget(self.pickup_button)
            layout.removeWidget(self.consult_button)
        if portrait:
            self.print_row.addWidget(self.pickup_button, 1)
            # The video clerk beside the QR code: elderly portrait has no height to spare.
            self.qr_row.addWidget(self.consult_button, 0, Qt.AlignmentFlag.AlignVCenter)
        else:
            self.help_row.insertWidget(0, self.pickup_button)
            self.help_row.insertWidget(1, self.consult_button)

    def entered(self) -> None:
        """Back from reading a document: show that it was read."""
        self.show_documents()

    def reset(self) -> None:
        """Forget the item shown."""
        self.item = None
        self.guide = None
        self.print_status.clear()
        self.render()

    def instruction(self) -> str:
        """Spoken instruction."""
        return self.tr("这是办事指南，请准备好所列材料。可以打印指南，或用手机扫描二维码带走")
