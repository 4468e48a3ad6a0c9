"""The hub's ASGI application: the terminals' API and the clerks' console over one database, behind the gate."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from hub import api, console, consult_ws
from hub.catalog_info import CatalogInfo
from hub.consult_ws import ConsultSettings, PagePolicyGate
from hub.db import make_engine
from hub.gate import Gate
from hub.keys import default_key_path, load_or_make_key
from hub.state import DEFAULT_MAIL_TO, HubState, hub_version
from hub.terminals import authenticate

DESCRIPTION = (
    "The service hub the post-office terminals talk to (docs/hub-api.md). Terminals authenticate with "
    "`Authorization: Bearer <terminal_id>.<secret>`; clerks use the web console at /clerk/."
)


def create_app(
    db_url: str,
    *,
    key_path: Path | None = None,
    catalog_bundle: Path | None = None,
    slot_capacity: int = 2,
    stale_after: timedelta = timedelta(minutes=5),
    supplement_mail_to: str = DEFAULT_MAIL_TO,
    consult: ConsultSettings | None = None,
) -> Gate:
    """The hub for the database at `db_url` (created if missing), wrapped in its gate; `consult` sets video
    consultation's ICE servers, times and recording limits."""
    engine = make_engine(db_url)
    key_file = key_path or default_key_path(db_url)
    state = HubState(
        engine=engine,
        key=load_or_make_key(key_file),
        catalog=CatalogInfo(catalog_bundle),
        slot_capacity=slot_capacity,
        stale_after=stale_after,
        supplement_mail_to=supplement_mail_to,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="Kiosk service hub", version=hub_version(), description=DESCRIPTION, lifespan=lifespan)
    app.state.hub = state

    @app.exception_handler(RequestValidationError)
    async def validation_failed(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's detail less each error's "input": it would echo megabytes of base64, or an ID number.
        errors = [{k: v for k, v in error.items() if k != "input"} for error in exc.errors()]
        return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)

    app.include_router(api.router)
    console.install(app)
    # After the console: its /clerk/static/console.css route comes before the consult page's /clerk/static/{name}.
    consult_ws.install(app, consult or ConsultSettings(), key_file.parent / "consult-recordings")
    gate = PagePolicyGate(app, lambda header: authenticate(engine, header))
    gate.fastapi = app  # for tests and tools that want the FastAPI object (openapi(), state)
    return gate
