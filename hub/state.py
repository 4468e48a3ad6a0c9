"""What every request of the hub shares: the database engine, the hub key, the catalog and the settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from importlib import metadata

from fastapi import Request
from sqlalchemy.engine import Engine

from hub.catalog_info import CatalogInfo

DEFAULT_MAIL_TO = "广州市黄埔区政务服务中心 收（邮政网点代收）"


@dataclass
class HubState:
    """The hub's shared parts, kept on app.state.hub."""

    engine: Engine
    key: bytes
    catalog: CatalogInfo
    slot_capacity: int = 2
    stale_after: timedelta = timedelta(minutes=5)
    supplement_mail_to: str = DEFAULT_MAIL_TO


def hub_state(request: Request) -> HubState:
    """The HubState of the app serving this request (a FastAPI dependency)."""
    return request.app.state.hub


def hub_version() -> str:
    """The installed kiosk package's version (the hub ships with it)."""
    try:
        return metadata.version("kiosk")
    except metadata.PackageNotFoundError:
        return "0+unknown"
