"""Where each field sits on each document, in millimetres of the physical document.

One source for the reader (which crops fields from the rectified image) and the synthetic document generator
(which prints them there), so both agree by construction. Positions follow GA 448-2013 (the ID card is
85.6 x 54 mm) and the 2019 business licence 副本 (A4 landscape, 297 x 210 mm); ../shared/docs has the sources.
Boxes are generous: printed documents vary by a millimetre or two, and the reader finds the text inside.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("id_card_front", "id_card_back", "business_license")


@dataclass(frozen=True)
class FieldSpec:
    """One field: its DESIGN name, its printed label, the box its value lies in (mm), and its character class."""

    name: str
    label: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in mm from the document's top-left corner
    charset: str  # "digits", "id_number", "credit_code", "date", "sex", "ethnicity", "cjk", "mixed"
    lines: int = 1  # most lines the value may take
    label_box: tuple[float, float, float, float] | None = None  # where its label is printed (mm)


@dataclass(frozen=True)
class Layout:
    """A document kind: its physical size, the pixels per mm it is rectified to, and its fields."""

    kind: str
    width_mm: float
    height_mm: float
    px_per_mm: float
    fields: tuple[FieldSpec, ...]
    # Fixed printed words that tell this kind and side from the others (checked when classifying).
    landmarks: tuple[tuple[str, tuple[float, float, float, float]], ...] = ()

    @property
    def size(self) -> tuple[int, int]:
        """The rectified image's (width, height) in pixels."""
        return round(self.width_mm * self.px_per_mm), round(self.height_mm * self.px_per_mm)

    def to_px(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """A box in mm as pixels of the rectified image."""
        s = self.px_per_mm
        return round(box[0] * s), round(box[1] * s), round(box[2] * s), round(box[3] * s)

    def field(self, name: str) -> FieldSpec:
        """One field by name."""
        return next(f for f in self.fields if f.name == name)


# 12 px/mm: the ID card's 9 pt text comes out about 38 px high, where both recognisers do best.
ID_CARD_FRONT = Layout(
    "id_card_front",
    85.6,
    54.0,
    12.0,
    (
        FieldSpec("name", "姓名", (14.0, 5.0, 52.0, 11.5), "cjk", label_box=(5.0, 5.5, 13.5, 10.5)),
        FieldSpec("sex", "性别", (14.0, 12.5, 22.0, 17.5), "sex", label_box=(5.0, 12.5, 13.5, 17.0)),
        FieldSpec("ethnicity", "民族", (31.5, 12.5, 52.0, 17.5), "ethnicity", label_box=(23.0, 12.5, 31.0, 17.0)),
        FieldSpec("birth_date", "出生", (14.0, 19.0, 52.0, 24.0), "date", label_box=(5.0, 19.0, 13.5, 23.5)),
        FieldSpec("address", "住址", (14.0, 25.5, 53.0, 40.5), "cjk", lines=3, label_box=(5.0, 25.5, 13.5, 30.0)),
        FieldSpec(
            "id_number", "公民身份号码", (29.0, 44.0, 83.0, 50.5), "id_number", label_box=(5.0, 44.5, 28.0, 49.5)
        ),
    ),
    landmarks=(("公民身份号码", (5.0, 44.5, 28.0, 49.5)),),
)
ID_PHOTO_BOX = (55.0, 6.0, 81.0, 38.0)  # the portrait on the front (mm)

ID_CARD_BACK = Layout(
    "id_card_back",
    85.6,
    54.0,
    12.0,
    (
        FieldSpec("issuing_authority", "签发机关", (31.0, 36.0, 82.0, 42.0), "cjk", label_box=(16.0, 36.5, 30.0, 41.5)),
        FieldSpec("validity", "有效期限", (31.0, 43.5, 82.0, 49.5), "date", label_box=(16.0, 44.0, 30.0, 49.0)),
    ),
    landmarks=(("中华人民共和国", (26.0, 7.0, 82.0, 14.0)), ("居民身份证", (24.0, 16.0, 82.0, 27.0))),
)
ID_EMBLEM_BOX = (6.0, 5.0, 22.0, 21.0)  # 国徽 on the back (mm)

# 6 px/mm: the licence's 12 pt values come out about 25 px high.
BUSINESS_LICENSE = Layout(
    "business_license",
    297.0,
    210.0,
    6.0,
    (
        FieldSpec(
            "credit_code",
            "统一社会信用代码",
            (20.0, 38.0, 110.0, 47.0),
            "credit_code",
            label_box=(20.0, 29.0, 80.0, 37.0),
        ),
        FieldSpec("name", "名称", (50.0, 86.0, 150.0, 95.0), "mixed", label_box=(24.0, 86.0, 49.0, 95.0)),
        FieldSpec("company_type", "类型", (50.0, 98.0, 150.0, 107.0), "cjk", label_box=(24.0, 98.0, 49.0, 107.0)),
        FieldSpec(
            "legal_representative",
            "法定代表人",
            (50.0, 110.0, 150.0, 119.0),
            "cjk",
            label_box=(24.0, 110.0, 49.0, 119.0),
        ),
        FieldSpec(
            "business_scope",
            "经营范围",
            (50.0, 122.0, 150.0, 170.0),
            "mixed",
            lines=6,
            label_box=(24.0, 122.0, 49.0, 131.0),
        ),
        FieldSpec(
            "registered_capital", "注册资本", (186.0, 86.0, 280.0, 95.0), "mixed", label_box=(160.0, 86.0, 185.0, 95.0)
        ),
        FieldSpec(
            "established_date", "成立日期", (186.0, 98.0, 280.0, 107.0), "date", label_box=(160.0, 98.0, 185.0, 107.0)
        ),
        FieldSpec(
            "business_term", "营业期限", (186.0, 110.0, 280.0, 119.0), "mixed", label_box=(160.0, 110.0, 185.0, 119.0)
        ),
        FieldSpec(
            "address", "住所", (186.0, 122.0, 280.0, 140.0), "mixed", lines=2, label_box=(160.0, 122.0, 185.0, 131.0)
        ),
    ),
    landmarks=(("营业执照", (108.0, 28.0, 190.0, 52.0)),),
)
LICENSE_QR_BOX = (248.0, 22.0, 280.0, 54.0)  # the 国家企业信用信息公示系统 QR code (mm)
LICENSE_TITLE_BOX = (108.0, 28.0, 190.0, 52.0)

LAYOUTS = {layout.kind: layout for layout in (ID_CARD_FRONT, ID_CARD_BACK, BUSINESS_LICENSE)}
# What `kiosk ocr extract` reports per kind (DESIGN.md): the licence's scope and term are read but optional.
REPORTED_FIELDS = {
    "id_card_front": ("name", "sex", "ethnicity", "birth_date", "address", "id_number"),
    "id_card_back": ("issuing_authority", "valid_from", "valid_until"),
    "business_license": (
        "credit_code",
        "name",
        "company_type",
        "legal_representative",
        "registered_capital",
        "established_date",
        "address",
    ),
}
