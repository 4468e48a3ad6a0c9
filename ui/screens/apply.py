"""An application's checklist: who applies (ID card + face) and each material, with what is done and what is left;
on to the form when nothing required is missing."""

from __future__ import annotations

from kiosk.content import in_script, item_name
from kiosk.flows.application import ApplicationFlow, MaterialSlot
from ui.qt import QFrame, QHBoxLayout, QScrollArea, Qt, QVBoxLayout, QWidget, Signal
from ui.screens.base import Context, ScreenBase, button, clear_layout, label
from ui.widgets.steps import StepBar


def masked_name(name: str) -> str:
    """A name as a screen others can see shows it: the family name and stars."""
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


class MaterialRow(QFrame):
    """One material: its name and form, whether it is done, and its buttons."""

    def __init__(self, key: str):
        super().__init__()
        self.setObjectName(f"material_{key}")
        self.setProperty("role", "field")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        text = QVBoxLayout()
        self.name = label(role="field-value", name="materialName")
        self.detail = label(role="field-label", name="materialDetail")
        self.state = label(role="flag", name="materialState")
        for widget in (self.name, self.detail, self.state):
            text.addWidget(widget)
        layout.addLayout(text, 1)
        self.post = button(role="chrome", name="materialByPost")
        self.take = button(role="primary", name="materialTake")
        layout.addWidget(self.post)
        layout.addWidget(self.take)


class ApplyScreen(ScreenBase):
    """The checklist of one application."""

    verify_face = Signal()
    read_material = Signal(str, str)  # kind, key
    next_step = Signal()

    def __init__(self, ctx: Context):
        super().__init__(ctx, "applyScreen")
        self.rows: dict[str, MaterialRow] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)
        self.steps = StepBar()
        self.title = label(role="title", name="applyTitle")
        self.intro = label(role="instruction", name="applyIntro")
        self.identity = QFrame()
        self.identity.setObjectName("applyIdentity")
        self.identity.setProperty("role", "field")
        identity = QHBoxLayout(self.identity)
        identity.setContentsMargins(16, 10, 16, 10)
        self.identity_text = label(role="field-value", name="identityText")
        self.identity_button = button(role="primary", name="applyVerifyFace")
        self.identity_button.clicked.connect(self.verify_face.emit)
        identity.addWidget(self.identity_text, 1)
        identity.addWidget(self.identity_button)
        self.materials_heading = label(role="heading", name="materialsHeading")
        host = QWidget()
        self.materials = QVBoxLayout(host)
        self.materials.setContentsMargins(0, 0, 8, 0)
        self.materials.setSpacing(10)
        self.materials.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("applyMaterials")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(host)
        scroll.setMinimumHeight(100)  # it scrolls: the buttons below must stay on a 1080-high screen
        self.left_note = label(role="instruction", name="applyLeft")
        self.next_button = button(role="primary", name="applyNext")
        self.next_button.clicked.connect(self.go_on)
        for widget in (self.steps, self.title, self.intro, self.identity, self.materials_heading):
            outer.addWidget(widget)
        outer.addWidget(scroll, 1)
        bottom = QHBoxLayout()  # what is left beside 下一步: one row, so the list keeps the room
        bottom.addWidget(self.left_note, 1)
        bottom.addWidget(self.next_button, 1)
        outer.addLayout(bottom)
        self.retranslate()

    def flow(self) -> ApplicationFlow:
        """The session's application."""
        return self.ctx.session.data.application

    def material_texts(self, slot: MaterialSlot, provided: str) -> tuple[str, str]:
        """A material's detail line and its state."""
        language = self.ctx.session.language
        forms = {"original": self.tr("原件"), "copy": self.tr("复印件"), "electronic": self.tr("电子版")}
        need = self.tr("必须") if slot.required else self.tr("视情况提供")
        detail = f"{forms.get(slot.form, slot.form)} × {slot.copies} · {need}"
        if slot.note:
            detail += " · " + in_script(slot.note, language)
        if slot.own_card and not provided:
            return detail, self.tr("核验身份时由读卡器读取；没有读卡器时也可以用高拍仪拍")
        state = {
            "card_reader": "✓ " + self.tr("已通过身份证读卡器读取"),
            "form": "✓ " + self.tr("在本机填写，不用另交"),
            "captured": "✓ " + self.tr("已拍摄"),
            "by_post": "✉ " + self.tr("稍后邮寄补交"),
        }.get(provided, "⚠ " + self.tr("还没有拍摄") if slot.required else self.tr("如不需要可跳过"))
        return detail, state

    def render(self) -> None:
        """Fill the checklist from the session."""
        flow = self.flow()
        data = self.ctx.session.data
        if flow.item is None:
            self.title.clear()
            clear_layout_rows(self)
            return
        self.steps.set_current(0 if not data.face.verified else 1)
        self.title.setText(item_name(flow.item, self.ctx.session.language))
        identity = flow.identity(data.face, data.document)
        if data.face.verified:
            who = masked_name(identity.get("name", ""))
            self.identity_text.setText("✓ " + self.tr("身份已核验：%1").replace("%1", who))
            self.identity_button.hide()
        else:
            self.identity_text.setText(self.tr("第一步：刷身份证，再看着摄像头核验本人"))
            self.identity_button.show()
        if [slot.key for slot in flow.slots] != list(self.rows):
            clear_layout_rows(self)
            for slot in flow.slots:
                row = MaterialRow(slot.key)
                row.take.clicked.connect(lambda _=False, s=slot: self.read_material.emit(s.kind, s.key))
                row.post.clicked.connect(lambda _=False, s=slot: self.toggle_post(s.key))
                self.materials.insertWidget(self.materials.count() - 1, row)
                self.rows[slot.key] = row
        for slot in flow.slots:
            row = self.rows[slot.key]
            provided = flow.provided(slot, data.face, data.document)
            detail, state = self.material_texts(slot, provided)
            row.name.setText(in_script(slot.name, self.ctx.session.language))
            row.detail.setText(detail)
            row.state.setText(state)
            row.state.setProperty("state", "confirmed" if provided else "check")
            row.take.setText(self.tr("重拍") if provided == "captured" else self.tr("拍摄"))
            # The card reader reads the applicant's card with the face check; the document camera is the other way.
            row.take.setVisible(not slot.on_form and (not slot.own_card or provided != "card_reader"))
            row.post.setVisible(slot.kind == "page" and provided in ("", "by_post"))
            row.post.setText(self.tr("改为拍摄") if slot.by_post else self.tr("邮寄补交"))
            row.style().unpolish(row.state)
            row.style().polish(row.state)
        left = flow.missing(data.face, data.document)
        self.next_button.setEnabled(not left)
        if not left:
            self.left_note.setText(self.tr("材料齐了，请点“下一步”填写信息"))
        elif left[0] == "identity":
            self.left_note.setText(self.tr("请先核验身份"))
        else:
            self.left_note.setText(self.tr("还有 %n 份必须的材料没有拍摄", "", len(left)))

    def toggle_post(self, key: str) -> None:
        """Send a material by post instead of photographing it (or photograph it after all)."""
        slot = self.flow().slot(key)
        self.flow().set_by_post(key, not slot.by_post)
        self.render()

    def go_on(self) -> None:
        """On to the form, when nothing required is missing."""
        data = self.ctx.session.data
        if not self.flow().missing(data.face, data.document):
            self.next_step.emit()

    def retranslate(self) -> None:
        """Strings of the checklist."""
        self.intro.setText(self.tr("按顺序完成下面几步，材料用高拍仪拍摄，不用复印"))
        self.materials_heading.setText(self.tr("需要的材料"))
        self.identity_button.setText(self.tr("刷身份证并刷脸"))
        self.next_button.setText(self.tr("下一步：填写信息"))
        self.render()

    def entered(self) -> None:
        """Back from the face check or a material: show what is done now."""
        self.render()

    def reset(self) -> None:
        """Forget the application shown."""
        clear_layout_rows(self)
        self.title.clear()

    def instruction(self) -> str:
        """Spoken instruction: the next thing to do."""
        return self.left_note.text() or self.intro.text()


def clear_layout_rows(screen: ApplyScreen) -> None:
    """Remove the material rows now."""
    clear_layout(screen.materials)
    screen.materials.addStretch(1)
    screen.rows.clear()
