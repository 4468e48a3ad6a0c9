"""The hub's time: China Standard Time (+08:00, no daylight saving) for what people see, aware datetimes always."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

HUB_TZ = timezone(timedelta(hours=8), "CST")


def now() -> datetime:
    """The current time, aware, in the hub's zone."""
    return datetime.now(HUB_TZ)


def iso(value: datetime) -> str:
    """ISO 8601 with the hub's offset, to the second (`2026-11-26T14:05:00+08:00`)."""
    return value.astimezone(HUB_TZ).isoformat(timespec="seconds")


def parse_aware(text: str) -> datetime:
    """An ISO 8601 time with an offset; a '+' turned into a space by unescaped query strings is taken back."""
    text = text.strip()
    if len(text) > 19 and text[-6] == " ":
        text = text[:-6] + "+" + text[-5:]
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("a time needs its offset, e.g. 2026-11-26T14:05:00+08:00")
    return value.astimezone(UTC)
