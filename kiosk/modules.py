"""The home screen's modules and what each one opens (titles live in ui/, where they are translated)."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog.search import CHANNEL_COLUMNS
from kiosk.config import MODULES, PORTALS, Config

# Items a postal officer can collect from home. The search cannot filter the door_pickup channel yet (it indexes
# self_service and post_office only); in the bundled catalog door_pickup items are exactly the post_office ones.
PICKUP_CHANNEL = "door_pickup" if "door_pickup" in CHANNEL_COLUMNS else "post_office"


@dataclass(frozen=True)
class Module:
    """One tile of the home screen."""

    id: str
    filters: dict[str, str] = field(default_factory=dict)  # catalog filters for a browse module
    portal: bool = False
    elderly_first: bool = False  # shown on the first page of elderly mode's shorter home screen
    action: str = ""  # a session action opening the module's own screen (e.g. open_status)


_DEFINITIONS = {
    "search": Module("search", {}, elderly_first=True),
    "self_service": Module("self_service", {"channel": "self_service"}, elderly_first=True),
    "social_insurance": Module("social_insurance", {"theme": "社保"}, elderly_first=True),
    "consult": Module("consult", action="consult"),
    "pickup": Module("pickup", {"channel": PICKUP_CHANNEL}),
    "status": Module("status", action="open_status"),
    "smart_approval": Module("smart_approval"),
    **{p: Module(p, portal=True, elderly_first=p == "portal_yss") for p in PORTALS},
}
assert set(_DEFINITIONS) == set(MODULES)


def module_by_id(module_id: str) -> Module:
    """The module definition for an id."""
    try:
        return _DEFINITIONS[module_id]
    except KeyError:
        raise ValueError(f"unknown module {module_id!r}") from None


def enabled_modules(config: Config, elderly: bool = False) -> list[Module]:
    """The modules the home screen shows, in configured order; elderly mode shows the first four."""
    modules = [module_by_id(m) for m in config.modules.enabled]
    if elderly:
        first = [m for m in modules if m.elderly_first]
        return (first + [m for m in modules if not m.elderly_first])[:4]
    return modules
