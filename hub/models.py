"""The request and reply bodies of the hub's API (docs/hub-api.md), as pydantic models so /openapi.json shows them."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from hub.statuses import Status
from kiosk.tracking import STATUS_CODE_PATTERN, TRACKING_NO_PATTERN, tracking_no_valid

MAX_MATERIALS = 20
MAX_IMAGE_B64_CHARS = 16 * 1024 * 1024  # the 20 MB body limit is the real bound; this names the field's own
IDEMPOTENCY_KEY_PATTERN = r"^[A-Za-z0-9_:-]{8,128}$"
ID_NUMBER_PATTERN = r"^[0-9]{17}[0-9Xx]$"
PHONE_PATTERN = r"^\+?[0-9][0-9 -]{4,18}[0-9]$"
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def image_mime(data: bytes) -> str | None:
    """image/jpeg or image/png by the magic bytes, else None."""
    if data.startswith(JPEG_MAGIC):
        return "image/jpeg"
    if data.startswith(PNG_MAGIC):
        return "image/png"
    return None


def decode_image_b64(value: str) -> bytes:
    """The bytes of a base64 JPEG or PNG; ValueError for bad base64 or anything else."""
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not valid base64") from exc
    if image_mime(data) is None:
        raise ValueError("the base64 data is not a JPEG or PNG image")
    return data


def _check_image(value: str) -> str:
    decode_image_b64(value)
    return value


def _check_tracking_no(value: str) -> str:
    if not tracking_no_valid(value):
        raise ValueError("not a valid tracking number (HP + YYMMDD + 10 digits + ISO 7064 MOD 11-10 check digit)")
    return value


def _upper(value: str) -> str:
    return value.upper()


Text = Annotated[str, StringConstraints(min_length=1, max_length=200)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Phone = Annotated[str, StringConstraints(pattern=PHONE_PATTERN)]
IdNumber = Annotated[str, StringConstraints(pattern=ID_NUMBER_PATTERN), AfterValidator(_upper)]
ImageB64 = Annotated[
    str,
    StringConstraints(min_length=8, max_length=MAX_IMAGE_B64_CHARS),
    AfterValidator(_check_image),
    Field(description="base64 of a JPEG or PNG file"),
]
TrackingNo = Annotated[
    str,
    StringConstraints(pattern=TRACKING_NO_PATTERN),
    AfterValidator(_check_tracking_no),
    Field(description="HP + YYMMDD + 10 random digits + 1 check digit (ISO 7064 MOD 11-10)"),
]
FieldName = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]
FieldValue = Annotated[str, StringConstraints(max_length=2000)] | int | float | bool | None
FormValue = FieldValue | Annotated[list[Annotated[str, StringConstraints(max_length=2000)]], Field(max_length=100)]


class Strict(BaseModel):
    """A request body: unknown fields are refused, so a misspelt field is a 422 rather than lost data."""

    model_config = ConfigDict(extra="forbid")


class SubmissionItem(Strict):
    """The catalog item applied for."""

    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    code: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    name: Text
    promised_days: Annotated[int, Field(ge=0, le=3650)] | None = None


class Applicant(Strict):
    """Who applies, as read from the ID card."""

    name: ShortText
    id_number: IdNumber
    verified: Literal["face", "card", "none"]


class Delivery(Strict):
    """How the result reaches the applicant: by EMS to an address, or collected at the counter."""

    method: Literal["ems", "collect"]
    recipient: ShortText | None = None
    phone: Phone | None = None
    address: Text | None = None

    @model_validator(mode="after")
    def _ems_has_an_address(self) -> Delivery:
        if self.method == "ems" and not (self.recipient and self.phone and self.address):
            raise ValueError("delivery by ems needs recipient, phone and address")
        return self


class Material(Strict):
    """One document handed in: what it is, the fields read from it and its picture."""

    name: Text
    kind: Literal["id_card_front", "id_card_back", "business_license", "other"]
    fields: Annotated[dict[FieldName, FieldValue], Field(max_length=50)] = {}
    image_jpeg_b64: ImageB64


Point = tuple[float, float, float, float]


class Signature(Strict):
    """The applicant's signature: the picture, and the strokes as [x, y, t_ms, pressure] points."""

    png_b64: ImageB64
    strokes: Annotated[list[Annotated[list[Point], Field(max_length=10000)]], Field(max_length=500)] = []


class Submission(Strict):
    """An application made at a terminal (POST /api/v1/submissions)."""

    tracking_no: TrackingNo
    status_code: Annotated[str, StringConstraints(pattern=STATUS_CODE_PATTERN)]
    item: SubmissionItem
    applicant: Applicant
    form: Annotated[dict[FieldName, FormValue], Field(max_length=200)] = {}
    delivery: Delivery
    materials: Annotated[list[Material], Field(max_length=MAX_MATERIALS)] = []
    by_post: Annotated[list[Text], Field(max_length=MAX_MATERIALS)] = []  # materials the resident will post
    signature: Signature
    submitted_at: AwareDatetime
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(_[A-Z]{2})?$")] = "zh_CN"


class SubmissionAck(BaseModel):
    """The hub has the submission (201), or had it already under this key with this body (200, duplicate)."""

    tracking_no: str
    status: Status
    received_at: datetime
    duplicate: bool


class Summary(BaseModel):
    """One submission in a list."""

    tracking_no: str
    item_name: str
    status: Status
    updated_at: datetime


class SummaryList(BaseModel):
    """A list of submissions."""

    submissions: list[Summary]


class HistoryEntry(BaseModel):
    """One status a submission went through."""

    status: Status
    at: datetime
    note: str


class Supplement(BaseModel):
    """What the clerk asks the applicant to send, and where to."""

    materials: list[str]
    note: str
    mail_to: str


class StatusReply(BaseModel):
    """A submission's status without personal data (what any terminal may show)."""

    tracking_no: str
    item_name: str
    status: Status
    updated_at: datetime
    promised_days: int | None
    history: list[HistoryEntry]
    supplement: Supplement | None
    mail_no: str | None


class MaterialRef(BaseModel):
    """A material's name and kind (no image goes back to a terminal)."""

    name: str
    kind: str


class DeliveryReply(BaseModel):
    """The delivery as submitted."""

    method: str
    recipient: str | None = None
    phone: str | None = None
    address: str | None = None


class Detail(StatusReply):
    """One of this terminal's submissions: the status plus delivery and the materials' names."""

    delivery: DeliveryReply
    materials: list[MaterialRef]


class LookupRequest(Strict):
    """Whose submissions to find: the ID number of a person the terminal has verified."""

    id_number: IdNumber


class Slot(BaseModel):
    """One hour of home pickups and the places left (0 when full or already begun)."""

    start: datetime
    end: datetime
    available: int


class SlotList(BaseModel):
    """The slots of one day."""

    slots: list[Slot]


class AppointmentRequest(Strict):
    """A home pickup to book (POST /api/v1/appointments)."""

    item_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    item_name: Text
    contact_name: ShortText
    phone: Phone
    address: Text
    slot_start: AwareDatetime


class AppointmentReply(BaseModel):
    """A booked pickup: the postal officer comes by `visit_by` (the slot's start + 1 hour)."""

    appointment_no: str
    status: Literal["confirmed"]
    slot_start: datetime
    visit_by: datetime


class Heartbeat(Strict):
    """A terminal's periodic report."""

    app_version: ShortText
    catalog_version: Annotated[str, StringConstraints(max_length=64)]
    outbox_depth: Annotated[int, Field(ge=0, le=10_000_000)]
    devices: Annotated[
        dict[
            Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")],
            Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")],
        ],
        Field(max_length=32),
    ] = {}


class CatalogVersion(BaseModel):
    """The catalog bundle the hub serves."""

    version: str
    published_at: datetime | None


class Health(BaseModel):
    """The hub is up."""

    status: Literal["ok"]
    version: str


class ErrorReply(BaseModel):
    """An error with its reason."""

    detail: str
