"""The service-item model (GB/T 39046-2020 fields plus what a terminal needs)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ITEM_TYPES = (
    "行政许可",
    "行政确认",
    "行政给付",
    "行政裁决",
    "行政奖励",
    "行政征收",
    "行政检查",
    "其他行政权力",
    "公共服务",
)
AUDIENCES = ("personal", "enterprise", "both")
CHANNELS = ("self_service", "post_office", "online", "centre_window", "door_pickup")
MATERIAL_FORMS = ("original", "copy", "electronic")
FORM_FIELD_KINDS = ("text", "id_number", "credit_code", "phone", "date", "address", "number", "choice")


@dataclass(frozen=True)
class Material:
    """One document an application needs."""

    name: str
    form: str  # one of MATERIAL_FORMS
    copies: int
    required: bool
    note: str = ""


@dataclass(frozen=True)
class FormField:
    """One field of the form a self-service application asks."""

    key: str
    label: str
    kind: str  # one of FORM_FIELD_KINDS
    required: bool
    prefill: str = ""  # e.g. "id_card.name", "business_license.credit_code"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Department:
    """A department that implements service items."""

    id: str
    name: str
    short_name: str
    hall: str
    phone: str
    source: str


@dataclass(frozen=True)
class Item:
    """One government service item as the terminal shows and submits it."""

    id: str
    code: str
    name: str
    type: str
    department: str  # Department.id
    audience: str
    themes: tuple[str, ...]
    channels: tuple[str, ...]
    legal_days: int
    promised_days: int
    fee_charged: bool
    fee_standard: str
    materials: tuple[Material, ...]
    steps: tuple[str, ...]
    where: str
    phone: str
    legal_basis: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    form: tuple[FormField, ...] = ()
    name_hant: str = ""
    name_en: str = ""
    popularity: int = 0
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def self_service(self) -> bool:
        """True when the item can be submitted at the terminal."""
        return "self_service" in self.channels

    @property
    def post_office(self) -> bool:
        """True when the item can be handled at a post-office window."""
        return "post_office" in self.channels

    def to_record(self) -> dict[str, Any]:
        """The item as a plain JSON-ready dict."""
        record = asdict(self)
        for key, value in record.items():
            if isinstance(value, tuple):
                record[key] = list(value)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Item:
        """Rebuild an item from `to_record` output."""
        data = dict(record)
        data["materials"] = tuple(Material(**m) for m in data.get("materials", ()))
        data["form"] = tuple(FormField(**{**f, "choices": tuple(f.get("choices", ()))}) for f in data.get("form", ()))
        for key in ("themes", "channels", "steps", "legal_basis", "keywords", "synonyms"):
            data[key] = tuple(data.get(key, ()))
        return cls(**data)
