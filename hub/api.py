"""The terminals' API, /api/v1 (docs/hub-api.md): submissions, status, appointments, catalog version, heartbeat."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hub import appointments, submissions, terminals
from hub.catalog_info import CatalogUnavailable
from hub.clock import parse_aware
from hub.models import (
    IDEMPOTENCY_KEY_PATTERN,
    AppointmentReply,
    AppointmentRequest,
    CatalogVersion,
    Detail,
    ErrorReply,
    Health,
    Heartbeat,
    LookupRequest,
    SlotList,
    StatusReply,
    Submission,
    SubmissionAck,
    SummaryList,
)
from hub.state import HubState, hub_state, hub_version
from kiosk.tracking import STATUS_CODE_PATTERN

router = APIRouter(prefix="/api/v1")
bearer = HTTPBearer(auto_error=False, description="`<terminal_id>.<secret>` from `kiosk hub add-terminal`")

UNAUTHORIZED = {401: {"model": ErrorReply, "description": "missing, malformed or wrong terminal token"}}
NOT_FOUND = {404: {"model": ErrorReply, "description": "no such submission for this terminal / code"}}
IdempotencyKey = Annotated[
    str,
    Header(alias="Idempotency-Key", pattern=IDEMPOTENCY_KEY_PATTERN, description="8-128 of [A-Za-z0-9_:-]"),
]
TrackingNoPath = Annotated[str, Path(max_length=32, description="the receipt's tracking number")]


def terminal(request: Request, _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
    """The calling terminal's ID (the gate has checked the token before the body was read)."""
    terminal_id = getattr(request.state, "terminal_id", None)
    if terminal_id is None:  # only reachable if the gate is bypassed; refuse rather than trust
        raise HTTPException(401, "a valid terminal token is required", headers={"WWW-Authenticate": "Bearer"})
    return terminal_id


Terminal = Annotated[str, Depends(terminal)]
State = Annotated[HubState, Depends(hub_state)]


@router.get("/health", response_model=Health, tags=["hub"])
def health() -> dict[str, Any]:
    """The hub is up (no authentication)."""
    return {"status": "ok", "version": hub_version()}


@router.post(
    "/submissions",
    response_model=SubmissionAck,
    status_code=201,
    tags=["submissions"],
    responses={
        200: {"model": SubmissionAck, "description": "stored before under this key with the same body"},
        409: {"model": ErrorReply, "description": "key reused with another body, or tracking number taken"},
        413: {"model": ErrorReply, "description": "body over 20 MB"},
        **UNAUTHORIZED,
    },
)
async def post_submission(
    request: Request, response: Response, body: Submission, key: IdempotencyKey, who: Terminal, state: State
) -> dict[str, Any]:
    """Store a submission once per idempotency key."""
    raw = await request.body()  # the exact bytes: their SHA-256 tells a retry from a different body
    try:
        stored = await run_in_threadpool(submissions.store_submission, state.engine, state.key, who, key, raw, body)
    except submissions.Conflict as exc:
        raise HTTPException(409, str(exc)) from None
    if stored.duplicate:
        response.status_code = 200
    return {
        "tracking_no": stored.tracking_no,
        "status": "submitted",
        "received_at": stored.received_at,
        "duplicate": stored.duplicate,
    }


@router.get("/submissions", response_model=SummaryList, tags=["submissions"], responses=UNAUTHORIZED)
def list_submissions(
    who: Terminal,
    state: State,
    since: Annotated[
        str | None,
        Query(max_length=40, description="ISO 8601 time with offset: only submissions changed after it"),
    ] = None,
) -> dict[str, Any]:
    """This terminal's submissions changed after `since` (all without it)."""
    try:
        after = parse_aware(since) if since else None
    except ValueError as exc:
        raise HTTPException(422, f"since: {exc}") from None
    return {"submissions": submissions.summaries_since(state.engine, who, after)}


@router.get(
    "/submissions/{tracking_no}", response_model=Detail, tags=["submissions"], responses={**UNAUTHORIZED, **NOT_FOUND}
)
def get_submission(tracking_no: TrackingNoPath, who: Terminal, state: State) -> dict[str, Any]:
    """One of this terminal's submissions (another terminal's is 404)."""
    detail = submissions.detail_for_terminal(state.engine, who, tracking_no)
    if detail is None:
        raise HTTPException(404, "no such submission")
    return detail


@router.get(
    "/status/{tracking_no}", response_model=StatusReply, tags=["status"], responses={**UNAUTHORIZED, **NOT_FOUND}
)
def status_by_code(
    tracking_no: TrackingNoPath,
    _who: Terminal,
    state: State,
    code: Annotated[str, Query(pattern=STATUS_CODE_PATTERN, description="the receipt's status code")],
) -> dict[str, Any]:
    """A submission's status by its receipt's code, at any terminal; no personal data."""
    reply = submissions.status_by_code(state.engine, state.key, tracking_no, code)
    if reply is None:
        raise HTTPException(404, "no such submission")
    return reply


@router.post("/status/lookup", response_model=SummaryList, tags=["status"], responses=UNAUTHORIZED)
def lookup(body: LookupRequest, _who: Terminal, state: State) -> dict[str, Any]:
    """The submissions of the person with this ID number, from any terminal (the terminal verified the face)."""
    return {"submissions": submissions.summaries_of_person(state.engine, state.key, body.id_number)}


@router.get("/appointments/slots", response_model=SlotList, tags=["appointments"], responses=UNAUTHORIZED)
def slots(
    _who: Terminal, state: State, day: Annotated[date, Query(alias="date", description="YYYY-MM-DD")]
) -> dict[str, Any]:
    """A day's hourly pickup slots, 09:00-18:00 (+08:00), weekends too, with the places left."""
    return {"slots": appointments.slots(state.engine, day, state.slot_capacity)}


@router.post(
    "/appointments",
    response_model=AppointmentReply,
    status_code=201,
    tags=["appointments"],
    responses={
        200: {"model": AppointmentReply, "description": "booked before under this key with the same body"},
        409: {"model": ErrorReply, "description": "`slot_full`, or key reused with another body"},
        422: {"model": ErrorReply, "description": "slot in the past, off the hourly grid or over 60 days ahead"},
        **UNAUTHORIZED,
    },
)
async def book(
    request: Request,
    response: Response,
    body: AppointmentRequest,
    key: IdempotencyKey,
    who: Terminal,
    state: State,
) -> dict[str, Any]:
    """Book a home pickup."""
    raw = await request.body()
    try:
        reply, created = await run_in_threadpool(
            appointments.book, state.engine, who, key, raw, body.model_dump(), state.slot_capacity
        )
    except appointments.SlotFull:
        raise HTTPException(409, appointments.SLOT_FULL) from None
    except appointments.BadSlot as exc:
        raise HTTPException(422, str(exc)) from None
    except submissions.Conflict as exc:
        raise HTTPException(409, str(exc)) from None
    if not created:
        response.status_code = 200
    return reply


@router.get(
    "/catalog/version",
    response_model=CatalogVersion,
    tags=["hub"],
    responses={**UNAUTHORIZED, 503: {"model": ErrorReply, "description": "the hub has no catalog bundle"}},
)
def catalog_version(_who: Terminal, state: State) -> dict[str, Any]:
    """The version of the catalog bundle the hub serves."""
    try:
        version, published_at = state.catalog.version()
    except CatalogUnavailable as exc:
        raise HTTPException(503, str(exc)) from None
    return {"version": version, "published_at": published_at}


@router.post("/heartbeat", status_code=204, tags=["hub"], responses=UNAUTHORIZED)
def heartbeat(body: Heartbeat, who: Terminal, state: State) -> Response:
    """Keep the terminal's latest report for the fleet view."""
    terminals.record_heartbeat(state.engine, who, body.model_dump())
    return Response(status_code=204)
