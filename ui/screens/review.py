"""What the reader found on the document, field by field, for the resident to check: the fields it is unsure of
are marked (colour, an icon and words), tapping a field changes it with the touch keyboard, and the document is
confirmed only when every marked field has been confirmed or corrected.
"""

from __future__ import annotations

import numpy as np

from kiosk.flows.document import PAGE, DocumentFlow, FieldReview
from ui.qt import (
    QBoxLayout,
    QCoreApplication,
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QImage,
    QLabel,
    QLineEdit,
    QMouseEvent,
    QPixmap,
    QScrollArea,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Context, ScreenBase, TextButton, button, clear_layout, label, restyle
from ui.widgets.keyboard_loan import KeyboardLoan

# (elderly, portrait) -> width: small, the fields are what matters; elderly mode's larger text needs the room.
PICTURE_WIDTH = {(False, False): 560, (False, True): 440, (True, False): 380, (True, True): 360}
NUMBER_FIELDS = {"id_number", "birth_date", "valid_from", "valid_until", "established_date"}
MAX_ALTERNATIVES = 3


class FieldRow(QFrame):
    """One field: its name, its value and, when it must be checked, a mark that says why; tapping it edits it."""

    clicked = Signal()

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.setObjectName(f"row_{name}")
        self.setProperty("role", "field")
        box = QHBoxLayout(self)
        box.setContentsMargins(16, 8, 16, 8)
        box.setSpacing(12)
        words = QVBoxLayout()
        words.setSpacing(2)
        self.caption = label(role="field-label", name=f"label_{name}")
        self.value = label(role="field-value", name=f"field_{name}")
        self.mark = label(role="flag", name=f"flag_{name}")
        for part in (self.caption, self.value, self.mark):
            words.addWidget(part)
        box.addLayout(words, 1)
        # Side by side, not stacked: six or seven fields should fit the screen without scrolling.
        self.confirm = button(role="small", name=f"confirm_{name}")
        self.edit = button(role="small", name=f"edit_{name}")
        box.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignVCenter)
        box.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumHeight(96)  # the whole row is a touch target

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Taken, so that the release comes here too."""
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A tap on the row (outside its buttons) edits the field."""
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit()

    def show_field(self, review: FieldReview, caption: str, value: str, mark: str, confirm: str, edit: str) -> None:
        """Fill in one field's texts and its state (the style sheet colours by state; the mark says it in words)."""
        self.caption.setText(caption)
        self.value.setText(value)
        self.mark.setText(mark)
        self.mark.setVisible(bool(mark))
        self.mark.setProperty("state", review.status)
        self.setProperty("state", review.status)
        restyle(self)
        restyle(self.mark)
        self.confirm.setText(confirm)
        self.confirm.setVisible(review.status == "check")
        self.edit.setText(edit)


class ReviewScreen(ScreenBase):
    """The document's picture and warnings beside the fields; retake or confirm below."""

    retake = Signal()
    confirmed = Signal()

    def __init__(self, ctx: Context, keyboard: QWidget | None = None):
        super().__init__(ctx, "reviewScreen")
        self.keyboard = keyboard
        self.rows: dict[str, FieldRow] = {}
        self.editing = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)

        # The review itself.
        self.review_page = QWidget()
        self.grid = QGridLayout(self.review_page)
        self.grid.setContentsMargins(32, 16, 32, 16)
        self.grid.setHorizontalSpacing(32)
        self.grid.setVerticalSpacing(12)
        self.heading = label(role="title", name="reviewHeading")
        self.intro = label(role="instruction", name="reviewIntro")
        self.doc_panel = QWidget()
        self.doc_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.doc_panel)
        self.doc_box.setContentsMargins(0, 0, 0, 0)
        self.doc_box.setSpacing(12)
        self.picture = QLabel()
        self.picture.setObjectName("reviewPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.warnings = label(role="warning-box", name="reviewWarnings")
        self.doc_box.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        self.doc_box.addWidget(self.warnings, 1, Qt.AlignmentFlag.AlignTop)
        self.rows_host = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_host)
        self.rows_layout.setContentsMargins(0, 0, 8, 0)
        self.rows_layout.setSpacing(12)
        self.rows_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("reviewFields")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.rows_host)
        self.actions = QWidget()
        actions = QVBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        self.left_note = label(role="instruction", name="reviewLeft")
        buttons = QHBoxLayout()
        self.retake_button = button(role="chrome", name="reviewRetake")
        self.retake_button.clicked.connect(self.retake.emit)
        self.confirm_button = button(role="primary", name="reviewConfirm")
        self.confirm_button.clicked.connect(self.confirm_document)
        buttons.addWidget(self.retake_button, 1)
        buttons.addWidget(self.confirm_button, 2)
        actions.addWidget(self.left_note)
        actions.addLayout(buttons)
        self.pages.addWidget(self.review_page)

        # Changing one field: the field above, the keyboard beside it (below it in portrait).
        self.edit_page = QWidget()
        self.edit_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.edit_page)
        self.edit_box.setContentsMargins(32, 16, 32, 16)
        self.edit_box.setSpacing(24)
        editor = QVBoxLayout()
        editor.setSpacing(12)
        self.edit_heading = label(role="title", name="editHeading")
        self.edit_read = label(role="instruction", name="editRead")
        self.editor = QLineEdit()
        self.editor.setObjectName("fieldEditor")
        self.edit_problem = label(role="warning", name="editProblem")
        self.alternatives_caption = label(role="note", name="editAlternativesCaption")
        self.alternatives_box = QVBoxLayout()
        self.alternatives: list = []
        edit_buttons = QHBoxLayout()
        self.edit_cancel = button(role="chrome", name="editCancel")
        self.edit_cancel.clicked.connect(self.finish_edit)
        self.edit_save = button(role="primary", name="editSave")
        self.edit_save.clicked.connect(self.save_edit)
        edit_buttons.addWidget(self.edit_cancel, 1)
        edit_buttons.addWidget(self.edit_save, 1)
        for widget in (self.edit_heading, self.edit_read, self.editor, self.edit_problem, self.alternatives_caption):
            editor.addWidget(widget)
        editor.addLayout(self.alternatives_box)
        editor.addStretch(1)
        editor.addLayout(edit_buttons)
        self.edit_box.addLayout(editor, 3)
        self.keyboard_slot = QVBoxLayout()
        self.keyboard_slot.addStretch(1)  # the keyboard goes above it: keys at the top, level with the field
        self.edit_box.addLayout(self.keyboard_slot, 4)
        self.loan = KeyboardLoan(keyboard, self.keyboard_slot)
        self.pages.addWidget(self.edit_page)
        self.arrange(portrait=False)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------------
    def flow(self) -> DocumentFlow:
        """The session's document flow."""
        return self.ctx.session.data.document

    def field_label(self, kind: str, name: str) -> str:
        """A field's name as printed on the document, in the resident's language."""
        if kind == "business_license":
            labels = {
                "credit_code": self.tr("统一社会信用代码"),
                "name": self.tr("名称"),
                "company_type": self.tr("类型"),
                "legal_representative": self.tr("法定代表人"),
                "registered_capital": self.tr("注册资本"),
                "established_date": self.tr("成立日期"),
                "address": self.tr("住所"),
            }
        else:
            labels = {
                "name": self.tr("姓名"),
                "sex": self.tr("性别"),
                "ethnicity": self.tr("民族"),
                "birth_date": self.tr("出生日期"),
                "address": self.tr("住址"),
                "id_number": self.tr("公民身份号码"),
                "issuing_authority": self.tr("签发机关"),
                "valid_from": self.tr("有效期自"),
                "valid_until": self.tr("有效期至"),
            }
        return labels.get(name, name)

    def reason_text(self, code: str) -> str:
        """Why a field must be checked, in the resident's words."""
        return {
            "empty": self.tr("没有读出内容"),
            "unsure": self.tr("字迹不够清楚，可能读错"),
            "id_number_format": self.tr("号码的位数或格式不对"),
            "check_digit": self.tr("号码最后一位的校验不通过"),
            "birth_mismatch": self.tr("号码里的出生日期与证件上的不一致"),
            "sex_mismatch": self.tr("号码与性别不一致"),
            "area_code": self.tr("号码开头的地区代码不存在"),
            "credit_code": self.tr("代码的格式或校验位不对"),
            "not_sex": self.tr("应为“男”或“女”"),
            "not_ethnicity": self.tr("不是56个民族之一"),
            "not_date": self.tr("不是有效的日期，请按 1980-01-31 的格式填写"),
            "validity": self.tr("有效期限不符合规定"),
            "rule": self.tr("内容不符合证件的编排规则"),
            "future_date": self.tr("日期不能晚于今天"),
            "look_alike": self.tr("有形近的字"),
            "surname": self.tr("姓氏不常见"),
            "street_road": self.tr("街道或道路名已按地名库更正"),
            "address_cut": self.tr("地址末尾可能缺字"),
            "company_name": self.tr("名称应以“有限公司”等组织形式结尾"),
        }.get(code, self.tr("可能读错"))

    def warning_text(self, code: str) -> str:
        """A capture or reading warning, with what to do about it."""
        return {
            "wrong_side": self.tr("这是证件的另一面，请翻过来后重拍"),
            "wrong_document": self.tr("这可能不是要求的证件，请检查后重拍"),
            "photocopy": self.tr("这看起来是复印件，请使用证件原件"),
            "screen": self.tr("这看起来是屏幕上的照片，请使用证件原件"),
            "glare": self.tr("证件有反光，部分文字可能没读准，请仔细核对"),
            "blurred": self.tr("照片有些模糊，请仔细核对，或者重拍"),
            "too_dark": self.tr("照片偏暗，请仔细核对，或者重拍"),
            "too_bright": self.tr("照片过亮，请仔细核对，或者重拍"),
        }.get(code, "")

    def retranslate(self) -> None:
        """Strings of the review screen."""
        self.heading.setText(self.tr("请核对识别结果"))
        self.intro.setText(self.tr("标有 ⚠ 的项目请逐一核对：内容正确就点“正确”，不对就点内容修改"))
        self.retake_button.setText(self.tr("重拍"))
        self.confirm_button.setText(self.tr("确认"))
        self.edit_cancel.setText(self.tr("取消"))
        self.edit_save.setText(self.tr("保存"))
        self.alternatives_caption.setText(self.tr("也可能是（点一下即可选用）："))
        self.render()
        if self.editing:
            self.show_editor(self.editing, keep_text=True)

    def instruction(self) -> str:
        """Spoken instruction: how many fields to check, and how."""
        left = len(self.flow().needs_attention())
        if left:
            return self.tr("请核对识别结果。有 %n 项需要核对：内容正确就点“正确”，不对就点内容修改", "", left)
        return self.tr("请核对识别结果，没有问题就点“确认”")

    # -- rendering ------------------------------------------------------------------------------------
    def entered(self) -> None:
        """Show the reading just made."""
        self.finish_edit()
        self.render(rebuild=True)
        self.scroll.verticalScrollBar().setValue(0)
        self.show_picture()
        QTimer.singleShot(0, self, self.show_next_to_check)  # once the rows are laid out

    def show_next_to_check(self) -> None:
        """Scroll the first field still to check into view (with elderly mode's large text not all fit)."""
        left = self.flow().needs_attention()
        if left and left[0] in self.rows:
            # Lay the rows out now: right after they are made, their positions are not known yet.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.scroll.ensureWidgetVisible(self.rows[left[0]], 0, 16)

    def render(self, rebuild: bool = False) -> None:
        """Fill the rows, marks, warnings and buttons from the flow."""
        flow = self.flow()
        if rebuild or set(self.rows) != set(flow.fields):
            self.clear_rows()
            for name in flow.fields:
                row = FieldRow(name)
                row.clicked.connect(lambda n=name: self.start_edit(n))
                row.edit.clicked.connect(lambda _=False, n=name: self.start_edit(n))
                row.confirm.clicked.connect(lambda _=False, n=name: self.confirm_field(n))
                self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
                self.rows[name] = row
        for name, review in flow.fields.items():
            mark = {
                "check": "⚠ " + self.tr("请核对：%1").replace("%1", self.reason_text(review.reason)),
                "confirmed": "✓ " + self.tr("已核对"),
                "corrected": "✎ " + self.tr("已修改"),
            }.get(review.status, "")
            self.rows[name].show_field(
                review,
                self.field_label(flow.kind, name),
                review.value or self.tr("（没有读出）"),
                mark,
                "✓ " + self.tr("正确"),
                "✎ " + self.tr("修改"),
            )
        texts = [self.warning_text(code) for code in flow.warnings]
        self.warnings.setText("\n".join("⚠ " + text for text in texts if text))
        self.warnings.setVisible(any(texts))
        left = len(flow.needs_attention())
        self.confirm_button.setEnabled(self.can_confirm())
        if flow.kind == PAGE and flow.phase == "review":
            self.left_note.setText(self.tr("请看照片是否完整、清楚，再点“确认”；不清楚就重拍"))
        elif not flow.fields:
            self.left_note.clear()
        elif left:
            self.left_note.setText(self.tr("还有 %n 项需要核对", "", left))
        else:
            self.left_note.setText(self.tr("都核对好了，请点“确认”"))

    def show_picture(self) -> None:
        """The rectified document, small."""
        extraction = self.flow().extraction
        image = extraction.rectified if extraction is not None else None
        if not isinstance(image, np.ndarray) or image.ndim != 3:
            self.picture.clear()
            self.picture.hide()
            return
        pixels = np.ascontiguousarray(image)
        height, width = pixels.shape[:2]
        qimage = QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_BGR888)
        side = PICTURE_WIDTH[(self.elderly, self.portrait)]
        if self.flow().kind == PAGE:  # the picture is all there is to check: as large as the screen allows
            side = min(int(side * 1.8), 900)
        pixmap = QPixmap.fromImage(qimage).scaledToWidth(side, Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)
        self.picture.setFixedSize(pixmap.size())
        self.picture.show()

    def clear_rows(self) -> None:
        """Remove every row (and the values they hold) now."""
        for row in self.rows.values():
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows.clear()

    # -- the resident's actions -----------------------------------------------------------------------
    def confirm_field(self, name: str) -> None:
        """The resident pressed 正确: the reading of this field is right."""
        self.flow().confirm_field(name)
        self.render()
        self.show_next_to_check()

    def confirm_document(self) -> None:
        """The resident pressed 确认: passed on only when nothing is left to check."""
        if self.can_confirm():
            self.confirmed.emit()

    def can_confirm(self) -> bool:
        """Every field checked (a page has none: the resident only looks at the picture)."""
        flow = self.flow()
        return (bool(flow.fields) or (flow.kind == PAGE and flow.phase == "review")) and not flow.needs_attention()

    def start_edit(self, name: str) -> None:
        """Open the editor for one field, with the touch keyboard."""
        if name not in self.flow().fields:
            return
        self.editing = name
        self.show_editor(name)
        self.pages.setCurrentWidget(self.edit_page)
        self.take_keyboard(name)
        self.editor.setFocus()

    def show_editor(self, name: str, keep_text: bool = False) -> None:
        """The editor's texts for one field."""
        flow = self.flow()
        review = flow.field(name)
        self.edit_heading.setText(self.tr("修改：%1").replace("%1", self.field_label(flow.kind, name)))
        self.edit_read.setText(self.tr("识别结果：%1").replace("%1", review.read or self.tr("（没有读出）")))
        if not keep_text:
            self.editor.setText(review.value)
            self.edit_problem.clear()
        self.edit_problem.setVisible(bool(self.edit_problem.text()))
        choices = ["男", "女"] if name == "sex" else list(review.alternatives)
        if review.corrected is not None and review.read:
            choices.insert(0, review.read)  # going back to what was read is one tap too
        choices = [c for c in dict.fromkeys(choices) if c][:MAX_ALTERNATIVES]
        clear_layout(self.alternatives_box)
        self.alternatives = []
        for n, choice in enumerate(choices):
            widget = TextButton(choice, "", "result", f"alternative_{n}")  # wraps: an address is long
            widget.clicked.connect(lambda _=False, c=choice: self.editor.setText(c))
            self.alternatives_box.addWidget(widget)
            self.alternatives.append(widget)
        self.alternatives_caption.setVisible(bool(choices))

    def save_edit(self) -> None:
        """Keep the typed value, unless it cannot be right (then say why and stay)."""
        if not self.editing:
            return
        reason = self.flow().correct(self.editing, self.editor.text())
        if reason:
            self.edit_problem.setText("⚠ " + self.reason_text(reason))
            self.edit_problem.show()
            return
        self.finish_edit()

    def finish_edit(self) -> None:
        """Close the editor (the review shows again) and give the keyboard back."""
        self.editing = ""
        self.give_back_keyboard()
        for widget in (self.editor, self.edit_problem, self.edit_heading, self.edit_read):
            widget.clear()
        clear_layout(self.alternatives_box)
        self.alternatives = []
        self.pages.setCurrentWidget(self.review_page)
        self.render()
        QTimer.singleShot(0, self, self.show_next_to_check)

    def take_keyboard(self, name: str) -> None:
        """Borrow the touch keyboard for the editor, in the mode the field needs."""
        mode = "123" if name in NUMBER_FIELDS else "ABC" if name == "credit_code" else "拼音"
        self.loan.take(self.editor, mode, self, self.edit_box.contentsMargins().left())

    def give_back_keyboard(self) -> None:
        """Return the keyboard to the screen it lives on."""
        self.loan.give_back()

    # -- layout and forgetting ------------------------------------------------------------------------
    def arrange(self, portrait: bool) -> None:
        """Picture and buttons beside the fields in landscape; one column in portrait."""
        for widget in (self.heading, self.intro, self.doc_panel, self.scroll, self.actions):
            self.grid.removeWidget(widget)
        for row in range(6):
            self.grid.setRowStretch(row, 0)
        if portrait:
            self.grid.addWidget(self.heading, 0, 0)
            self.grid.addWidget(self.intro, 1, 0)
            self.grid.addWidget(self.doc_panel, 2, 0)
            self.grid.addWidget(self.scroll, 3, 0)
            self.grid.addWidget(self.actions, 4, 0)
            self.grid.setRowStretch(3, 1)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 0)
        else:
            self.grid.addWidget(self.heading, 0, 0)
            self.grid.addWidget(self.intro, 1, 0)
            self.grid.addWidget(self.doc_panel, 2, 0)
            self.grid.addWidget(self.actions, 4, 0)
            self.grid.addWidget(self.scroll, 0, 1, 5, 1)
            self.grid.setRowStretch(3, 1)
            self.grid.setColumnStretch(0, 2)
            self.grid.setColumnStretch(1, 3)
        self.doc_box.setDirection(QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom)
        self.edit_box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        # The keyboard's ten keys a row need all of a portrait screen's width (as on the browse screen).
        side = 16 if portrait else 32
        self.edit_box.setContentsMargins(side, 16, side, 16)

    def apply_mode(self, elderly: bool, portrait: bool) -> None:
        """Portrait stacks everything in one column."""
        changed = portrait != self.portrait
        super().apply_mode(elderly, portrait)
        if changed:
            self.arrange(portrait)
        if self.picture.isVisible() or self.flow().extraction is not None:
            self.show_picture()

    def left(self) -> None:
        """Leaving: the editor closes and the screen forgets the reading (it is rebuilt when entered again)."""
        self.reset()

    def reset(self) -> None:
        """Forget every value and the picture shown."""
        self.finish_edit()
        self.clear_rows()
        self.picture.clear()
        self.warnings.clear()
        self.left_note.clear()
