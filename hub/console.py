"""The clerks' web console at /clerk/: server-rendered pages that work without JavaScript, a signed HttpOnly
SameSite=Strict session cookie and a CSRF token in every form that changes anything."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hub import appointments, clerks, fleet_mqtt, submissions
from hub.clock import HUB_TZ
from hub.keys import derive
from hub.state import HubState, hub_state
from hub.statuses import ACTIONS, LABELS, NEXT, Status, label

SESSION_COOKIE = "hub_session"
LOGIN_COOKIE = "hub_login_csrf"
PAGE_SIZE = 100
TEMPLATES = Path(__file__).with_name("templates")
KIND_LABELS = {
    "id_card_front": "身份证人像面",
    "id_card_back": "身份证国徽面",
    "business_license": "营业执照",
    "other": "其他",
}
VERIFIED_LABELS = {"face": "身份证 + 人脸比对", "card": "仅读取身份证", "none": "未核验"}
DEVICE_STATES = {"ready": "正常", "busy": "忙", "error": "故障", "disconnected": "未连接"}

router = APIRouter(prefix="/clerk", include_in_schema=False)
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=jinja2.select_autoescape(["html"]),
    undefined=jinja2.StrictUndefined,
)


class LoginRequired(Exception):
    """No valid clerk session: the browser is sent to the login page."""


def _when(value: datetime | None) -> str:
    return value.astimezone(HUB_TZ).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A console page from hub/templates (every value escaped)."""
    context.setdefault("session", None)
    context.setdefault("message", "")
    context.setdefault("error", "")
    html = _env.get_template(name).render(label=label, when=_when, **context)
    return HTMLResponse(html, status_code=status_code)


def _sign(state: HubState, value: str) -> str:
    mac = hmac.new(derive(state.key, "console-cookie"), value.encode(), hashlib.sha256).digest()
    return f"{value}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"


def _unsign(state: HubState, signed: str | None) -> str | None:
    if not signed or "." not in signed:
        return None
    value = signed.rsplit(".", 1)[0]
    return value if hmac.compare_digest(_sign(state, value), signed) else None


def _set_cookie(request: Request, response: Response, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/clerk",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def session_of_cookie(state: HubState, cookie: str | None) -> clerks.Session | None:
    """The live clerk session a signed session cookie names, else None (for the consult page's socket and uploads)."""
    session_id = _unsign(state, cookie)
    return clerks.session(state.engine, session_id) if session_id else None


def current_session(request: Request, state: Annotated[HubState, Depends(hub_state)]) -> clerks.Session:
    """The logged-in clerk's session from the signed cookie (terminal tokens mean nothing here)."""
    session_id = _unsign(state, request.cookies.get(SESSION_COOKIE))
    found = clerks.session(state.engine, session_id) if session_id else None
    if found is None:
        raise LoginRequired
    return found


def _check_csrf(session: clerks.Session, token: str) -> None:
    if not hmac.compare_digest(session.csrf.encode(), token.encode()):
        raise CsrfRefused


class CsrfRefused(Exception):
    """A form without this session's CSRF token."""


Clerk = Annotated[clerks.Session, Depends(current_session)]
State = Annotated[HubState, Depends(hub_state)]
Csrf = Annotated[str, Form(max_length=100)]


@router.get("")
def root() -> RedirectResponse:
    """/clerk and / -> /clerk/ (the console)."""
    return RedirectResponse("/clerk/", status_code=303)


@router.get("/static/console.css")
def stylesheet() -> Response:
    """The console's one stylesheet (served by the hub: the CSP allows no inline styles)."""
    return Response((TEMPLATES / "console.css").read_bytes(), media_type="text/css")


@router.get("/login")
def login_form(request: Request, state: State) -> HTMLResponse:
    """The login form, with a CSRF token tied to a cookie of its own."""
    token = secrets.token_urlsafe(32)
    response = render("login.html", csrf=token)
    _set_cookie(request, response, LOGIN_COOKIE, _sign(state, token), 3600)
    return response


@router.post("/login")
def login(
    request: Request,
    state: State,
    csrf: Csrf = "",
    name: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    """Check the password; on success a session cookie, on failure the form again (later and later)."""
    expected = _unsign(state, request.cookies.get(LOGIN_COOKIE))
    if expected is None or not hmac.compare_digest(expected.encode(), csrf.encode()):
        return render("error.html", 403, heading="表单已过期，请重新打开登录页")
    result = clerks.login(state.engine, name.strip(), password)
    if result.session is None:
        error = f"尝试次数过多，请 {result.wait_seconds} 秒后再试" if result.wait_seconds else "用户名或密码错误"
        response = render("login.html", 429 if result.wait_seconds else 401, csrf=expected, error=error)
        return response
    response = RedirectResponse("/clerk/", status_code=303)
    _set_cookie(request, response, SESSION_COOKIE, _sign(state, result.session_id or ""), None)
    response.delete_cookie(LOGIN_COOKIE, path="/clerk")
    return response


@router.post("/logout")
def logout(request: Request, session: Clerk, state: State, csrf: Csrf = "") -> Response:
    """End the session."""
    _check_csrf(session, csrf)
    session_id = _unsign(state, request.cookies.get(SESSION_COOKIE))
    if session_id:
        clerks.logout(state.engine, session_id)
    response = RedirectResponse("/clerk/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/clerk")
    return response


@router.get("/")
def submission_list(
    session: Clerk,
    state: State,
    status: Annotated[str, Query(max_length=32)] = "",
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
) -> HTMLResponse:
    """Submissions, newest first, optionally of one status."""
    status = status if status in {s.value for s in Status} else ""
    rows = submissions.clerk_list(state.engine, status or None, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
    return render(
        "list.html",
        session=session,
        rows=rows[:PAGE_SIZE],
        more=len(rows) > PAGE_SIZE,
        page=page,
        status=status,
        statuses=[(s.value, text) for s, text in LABELS.items()],
    )


def _detail_page(
    state: HubState, session: clerks.Session, tracking_no: str, status_code: int = 200, **extra: Any
) -> HTMLResponse:
    found = submissions.clerk_detail(state.engine, tracking_no)
    if found is None:
        return render("error.html", 404, session=session, heading="没有这个办件")
    moves = [target.value for target in NEXT[Status(found["status"])]]
    return render(
        "detail.html",
        status_code,
        session=session,
        s=found,
        moves=moves,
        actions={k.value: v for k, v in ACTIONS.items()},
        kinds=KIND_LABELS,
        verified=VERIFIED_LABELS,
        mail_to=state.supplement_mail_to,
        **extra,
    )


@router.get("/submissions/{tracking_no}")
def submission_detail(
    tracking_no: str, session: Clerk, state: State, moved: Annotated[str, Query(max_length=32)] = ""
) -> HTMLResponse:
    """One submission: applicant, form, materials, signature, history and the moves allowed now."""
    # Only a known status is shown back: the page never repeats free text from its address.
    message = f"已改为“{LABELS[Status(moved)]}”" if moved in {s.value for s in Status} else ""
    return _detail_page(state, session, tracking_no, message=message)


@router.get("/submissions/{tracking_no}/images/{slot}")
def submission_image(tracking_no: str, slot: str, _session: Clerk, state: State) -> Response:
    """A material's or the signature's picture (only for a logged-in clerk)."""
    found = submissions.image(state.engine, tracking_no, slot)
    if found is None:
        return Response(status_code=404)
    mime, data = found
    return Response(data, media_type=mime)


@router.post("/submissions/{tracking_no}/status")
def move_status(
    tracking_no: str,
    session: Clerk,
    state: State,
    csrf: Csrf = "",
    to: Annotated[str, Form(max_length=32)] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
    mail_no: Annotated[str, Form(max_length=40)] = "",
    materials: Annotated[str, Form(max_length=4000)] = "",
    mail_to: Annotated[str, Form(max_length=400)] = "",
) -> Response:
    """Make one of the allowed moves; the detail page again, with the outcome."""
    _check_csrf(session, csrf)
    supplement = {"materials": materials.splitlines(), "mail_to": mail_to}
    try:
        submissions.move(state.engine, tracking_no, to, session.clerk, note, mail_no, supplement)
    except submissions.MoveRefused as exc:
        return _detail_page(state, session, tracking_no, 409, error=str(exc))
    return RedirectResponse(f"/clerk/submissions/{quote(tracking_no)}?moved={quote(to)}", status_code=303)


@router.get("/appointments")
def appointment_list(session: Clerk, state: State) -> HTMLResponse:
    """Home pickups from today on."""
    rows = appointments.upcoming(state.engine)
    return render("appointments.html", session=session, rows=rows, hour=timedelta(hours=1))


@router.get("/terminals")
def terminal_list(session: Clerk, state: State) -> HTMLResponse:
    """The fleet: who is on which catalog version, online, offline (said so or last will) or silent, with failing
    devices; each terminal's last heartbeat, outbox depth and device states."""
    rows = fleet_mqtt.fleet_status(state.engine, state.stale_after)
    return render(
        "terminals.html",
        session=session,
        rows=rows,
        versions=fleet_mqtt.catalog_versions(rows),
        counts=Counter(r.state for r in rows) + Counter(failing=sum(1 for r in rows if r.failing)),
        device_states=DEVICE_STATES,
        stale_minutes=int(state.stale_after.total_seconds() // 60),
    )


def install(app: Any) -> None:
    """Add the console's routes and its redirects for missing sessions and CSRF tokens to `app`."""
    app.include_router(router)
    app.add_api_route("/", root, methods=["GET"], include_in_schema=False)  # people who open the hub's address

    @app.exception_handler(LoginRequired)
    async def to_login(_request: Request, _exc: LoginRequired) -> Response:
        return RedirectResponse("/clerk/login", status_code=303)

    @app.exception_handler(CsrfRefused)
    async def csrf_refused(_request: Request, _exc: CsrfRefused) -> Response:
        return render("error.html", 403, heading="请求缺少有效的安全令牌（CSRF），已拒绝")
