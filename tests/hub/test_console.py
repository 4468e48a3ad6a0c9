"""The clerks' console over HTTP as a browser without JavaScript uses it: login, sessions, CSRF, status moves."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa

from hub.clerks import add_clerk
from hub.clock import HUB_TZ
from hub.db import clerks

SUBMISSIONS = "/api/v1/submissions"


def submit(hub, make_submission, **changes) -> tuple[dict, dict]:
    """A submission posted by a new terminal: (body, that terminal's auth header)."""
    _, auth = hub.terminal()
    body = make_submission(**changes)
    assert hub.post(SUBMISSIONS, auth, f"console-{body['tracking_no']}", json=body).status_code == 201
    return body, auth


def move(hub, web: requests.Session, csrf_of, tracking_no: str, to: str, **fields) -> requests.Response:
    """Press a move button on the detail page (the form as the page has it, CSRF token included)."""
    page = web.get(f"{hub.url}/clerk/submissions/{tracking_no}", timeout=30)
    data = {"csrf": csrf_of(page.text), "to": to, **fields}
    return web.post(f"{hub.url}/clerk/submissions/{tracking_no}/status", data=data, timeout=30)


def status_of(hub, auth, tracking_no: str) -> dict:
    return hub.get(f"{SUBMISSIONS}/{tracking_no}", auth).json()


def test_login_sets_a_strict_httponly_cookie(hub, clerk, console_login):
    _, reply = console_login(hub, *clerk)
    assert reply.status_code == 200 and reply.url == hub.url + "/clerk/"
    set_cookie = reply.history[0].headers["set-cookie"].lower()
    assert "hub_session=" in set_cookie and "httponly" in set_cookie and "samesite=strict" in set_cookie
    assert "path=/clerk" in set_cookie
    assert clerk[0] in reply.text and "办件列表" in reply.text
    csp = reply.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert reply.headers["cache-control"] == "no-store"


def test_wrong_password_and_unknown_name_are_refused(hub, clerk, console_login):
    for name, password in ((clerk[0], "wrong password"), ("nobody", clerk[1])):
        web, reply = console_login(hub, name, password)
        assert reply.status_code == 401 and "用户名或密码错误" in reply.text
        assert "hub_session" not in web.cookies
        assert web.get(hub.url + "/clerk/", timeout=30).url.endswith("/clerk/login")


def test_failures_make_the_next_try_wait_longer(hub, console_login):
    add_clerk(hub.engine, "lockme", "the right password")
    replies = [console_login(hub, "lockme", "wrong password")[1] for _ in range(4)]
    assert [r.status_code for r in replies] == [401, 401, 429, 429]
    assert "请 5 秒后再试" in replies[2].text
    # Locked: even the right password waits.
    assert console_login(hub, "lockme", "the right password")[1].status_code == 429
    with hub.engine.begin() as conn:  # the wait is over ...
        conn.execute(sa.update(clerks).where(clerks.c.name == "lockme").values(locked_until=None))
    again = console_login(hub, "lockme", "wrong password")[1]  # ... and the next failure waits twice as long
    assert again.status_code == 429 and "请 10 秒后再试" in again.text
    add_clerk(hub.engine, "lockme", "the right password")  # an admin resetting the password clears the lock
    assert console_login(hub, "lockme", "the right password")[1].status_code == 200


def test_login_form_needs_its_csrf_token(hub, clerk):
    web = requests.Session()
    web.get(hub.url + "/clerk/login", timeout=30)
    reply = web.post(hub.url + "/clerk/login", data={"name": clerk[0], "password": clerk[1]}, timeout=30)
    assert reply.status_code == 403 and "hub_session" not in web.cookies
    # A token from another browser's form does not go with this browser's cookie.
    other = requests.get(hub.url + "/clerk/login", timeout=30).text
    import re

    token = re.search(r'name="csrf" value="([^"]+)"', other).group(1)
    reply = web.post(hub.url + "/clerk/login", data={"name": clerk[0], "password": clerk[1], "csrf": token})
    assert reply.status_code == 403


def test_pages_need_a_clerk_not_a_terminal(hub, make_submission):
    body, auth = submit(hub, make_submission)
    for path in (
        "/clerk/",
        f"/clerk/submissions/{body['tracking_no']}",
        "/clerk/appointments",
        "/clerk/terminals",
        f"/clerk/submissions/{body['tracking_no']}/images/signature",
    ):
        for headers in ({}, auth):
            reply = hub.get(path, headers, allow_redirects=False)
            assert reply.status_code == 303 and reply.headers["location"] == "/clerk/login", (path, headers)
    assert hub.get("/", allow_redirects=False).headers["location"] == "/clerk/"
    forged = {"Cookie": "hub_session=abc.def"}
    assert hub.get("/clerk/", forged, allow_redirects=False).status_code == 303


def test_clerk_cookie_does_not_open_the_api(hub, console, make_submission):
    body, _ = submit(hub, make_submission)
    cookie = "; ".join(f"{c.name}={c.value}" for c in console.cookies)
    assert hub.get(f"{SUBMISSIONS}/{body['tracking_no']}", {"Cookie": cookie}).status_code == 401
    assert hub.get(SUBMISSIONS, {"Cookie": cookie}).status_code == 401


def test_posts_without_the_csrf_token_are_refused(hub, console, csrf_of, make_submission):
    body, auth = submit(hub, make_submission)
    url = f"{hub.url}/clerk/submissions/{body['tracking_no']}/status"
    assert console.post(url, data={"to": "accepted"}, timeout=30).status_code == 403
    assert console.post(url, data={"to": "accepted", "csrf": "forged"}, timeout=30).status_code == 403
    assert status_of(hub, auth, body["tracking_no"])["status"] == "submitted"
    assert console.post(hub.url + "/clerk/logout", data={}, timeout=30).status_code == 403
    assert console.get(hub.url + "/clerk/", timeout=30).url.endswith("/clerk/")  # still logged in


def test_moves_allowed_and_refused(hub, console, csrf_of, make_submission):
    body, auth = submit(hub, make_submission)
    number = body["tracking_no"]
    page = console.get(f"{hub.url}/clerk/submissions/{number}", timeout=30).text
    assert 'value="accepted"' in page and 'value="approved"' not in page  # buttons only for the allowed moves

    refused = move(hub, console, csrf_of, number, "approved")
    assert refused.status_code == 409 and "不能从“已提交”改为“审核通过”" in refused.text
    assert move(hub, console, csrf_of, number, "accepted", note="材料齐全").url.endswith("?moved=accepted")
    assert move(hub, console, csrf_of, number, "in_review").status_code == 200
    assert move(hub, console, csrf_of, number, "result_mailed").status_code == 409

    lacking = move(hub, console, csrf_of, number, "supplement_requested", materials="\n  \n")
    assert lacking.status_code == 409 and "补正" in lacking.text
    asked = move(
        hub,
        console,
        csrf_of,
        number,
        "supplement_requested",
        materials="户口簿复印件\n租赁合同",
        mail_to="黄埔区政务服务中心",
        note="请一周内寄回",
    )
    assert asked.status_code == 200
    status = status_of(hub, auth, number)
    assert status["status"] == "supplement_requested"
    assert status["supplement"] == {
        "materials": ["户口簿复印件", "租赁合同"],
        "note": "请一周内寄回",
        "mail_to": "黄埔区政务服务中心",
    }

    assert move(hub, console, csrf_of, number, "in_review").status_code == 200
    assert move(hub, console, csrf_of, number, "rejected", note="不符合条件").status_code == 200
    assert move(hub, console, csrf_of, number, "result_mailed", mail_no="12345").status_code == 409
    assert move(hub, console, csrf_of, number, "result_collected").status_code == 200
    status = status_of(hub, auth, number)
    assert status["status"] == "result_collected" and status["supplement"] is None and status["mail_no"] is None
    assert [h["status"] for h in status["history"]] == [
        "submitted",
        "accepted",
        "in_review",
        "supplement_requested",
        "in_review",
        "rejected",
        "result_collected",
    ]
    assert status["history"][1]["note"] == "材料齐全"
    assert move(hub, console, csrf_of, number, "in_review").status_code == 409  # nothing after the end
    assert move(hub, console, csrf_of, number, "bogus").status_code == 409


def test_detail_shows_everything_escaped(hub, console, make_submission, images):
    hostile = "<script>alert(1)</script>"
    body, _ = submit(hub, make_submission, form={"note": hostile, "phone": "13800138000"})
    page = console.get(f"{hub.url}/clerk/submissions/{body['tracking_no']}", timeout=30)
    assert hostile not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    for text in (
        body["applicant"]["name"],
        body["applicant"]["id_number"],
        body["item"]["name"],
        "营业执照（副本）",
        body["delivery"]["address"],
        "/images/material-0",
        "/images/material-1",
        "/images/signature",
    ):
        assert text in page.text, text
    picture = console.get(f"{hub.url}/clerk/submissions/{body['tracking_no']}/images/material-0", timeout=30)
    assert picture.headers["content-type"] == "image/jpeg"
    assert picture.content == base64.b64decode(body["materials"][0]["image_jpeg_b64"])
    signature = console.get(f"{hub.url}/clerk/submissions/{body['tracking_no']}/images/signature", timeout=30)
    assert signature.headers["content-type"] == "image/png" and signature.content == images["png"]
    assert console.get(f"{hub.url}/clerk/submissions/{body['tracking_no']}/images/x", timeout=30).status_code == 404
    assert console.get(f"{hub.url}/clerk/submissions/HP000/images/signature", timeout=30).status_code == 404
    assert console.get(f"{hub.url}/clerk/submissions/HP000", timeout=30).status_code == 404


def test_list_is_newest_first_and_filters_by_status(hub, console, csrf_of, make_submission):
    older, _ = submit(hub, make_submission)
    newer, _ = submit(hub, make_submission)
    move(hub, console, csrf_of, older["tracking_no"], "accepted")
    page = console.get(hub.url + "/clerk/", timeout=30).text
    assert page.index(newer["tracking_no"]) < page.index(older["tracking_no"])
    accepted = console.get(hub.url + "/clerk/", params={"status": "accepted"}, timeout=30).text
    assert older["tracking_no"] in accepted and newer["tracking_no"] not in accepted


def test_appointments_and_terminals_pages(hub, console, fresh_slot):
    terminal_id, auth = hub.terminal()
    slot = fresh_slot()
    booking = {
        "item_id": "hp-00009",
        "item_name": "人民防空工程平时使用备案",
        "contact_name": "赵六",
        "phone": "13900139000",
        "address": "黄埔区香雪大道 8 号",
        "slot_start": slot.isoformat(),
    }
    assert hub.post("/api/v1/appointments", auth, "console-appt-1", json=booking).status_code == 201
    silent_id, _ = hub.terminal()
    hub.post(
        "/api/v1/heartbeat",
        auth,
        json={"app_version": "0.1.0", "catalog_version": "v1", "outbox_depth": 7, "devices": {"printer": "error"}},
    )
    appointments = console.get(hub.url + "/clerk/appointments", timeout=30).text
    assert "赵六" in appointments and slot.strftime("%Y-%m-%d %H:%M") in appointments
    fleet = console.get(hub.url + "/clerk/terminals", timeout=30).text
    live = fleet[fleet.index(f'id="terminal-{terminal_id}"') - 20 :][:600]
    assert 'class="live"' in live and "在线" in live and ">7<" in live and "printer: 故障" in live
    silent = fleet[fleet.index(f'id="terminal-{silent_id}"') - 20 :][:600]
    assert 'class="stale"' in silent and "失联" in silent and "从未" in silent


def test_logout_ends_the_session(hub, console, csrf_of):
    cookie = console.cookies.get("hub_session", path="/clerk")
    page = console.get(hub.url + "/clerk/", timeout=30)
    out = console.post(hub.url + "/clerk/logout", data={"csrf": csrf_of(page.text)}, timeout=30)
    assert out.url.endswith("/clerk/login")
    replayed = hub.get("/clerk/", {"Cookie": f"hub_session={cookie}"}, allow_redirects=False)
    assert replayed.status_code == 303  # the old cookie is dead on the server, not only forgotten by the browser


def test_move_history_records_the_clerk(hub, console, csrf_of, clerk, make_submission):
    body, _ = submit(hub, make_submission)
    move(hub, console, csrf_of, body["tracking_no"], "accepted")
    page = console.get(f"{hub.url}/clerk/submissions/{body['tracking_no']}", timeout=30).text
    assert f"clerk:{clerk[0]}" in page and "terminal:term-" in page
    assert datetime.now(HUB_TZ).strftime("%Y-%m-%d") in page or (
        (datetime.now(HUB_TZ) - timedelta(minutes=1)).strftime("%Y-%m-%d") in page
    )
