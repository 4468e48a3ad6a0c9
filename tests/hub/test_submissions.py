"""Submissions through a real hub (SQLite and PostgreSQL): authentication, idempotency, validation, reading back."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta

import pytest
import requests
import sqlalchemy as sa

from hub.clock import HUB_TZ
from hub.db import submissions
from hub.submissions import move
from kiosk.tracking import make_tracking_no, tracking_no_valid

API = "/api/v1/submissions"


def count_rows(hub, tracking_no: str) -> int:
    with hub.engine.connect() as conn:
        query = sa.select(sa.func.count()).select_from(submissions).where(submissions.c.tracking_no == tracking_no)
        return conn.execute(query).scalar_one()


def test_stored_once_and_read_back(hub, make_submission):
    _, auth = hub.terminal()
    body = make_submission()
    first = hub.post(API, auth, "key-00000001", json=body)
    assert first.status_code == 201, first.text
    ack = first.json()
    assert ack["tracking_no"] == body["tracking_no"] and ack["status"] == "submitted" and ack["duplicate"] is False
    assert datetime.fromisoformat(ack["received_at"]).utcoffset() == timedelta(hours=8)

    detail = hub.get(f"{API}/{body['tracking_no']}", auth).json()
    assert detail["status"] == "submitted" and detail["item_name"] == body["item"]["name"]
    assert detail["promised_days"] == 3 and detail["supplement"] is None and detail["mail_no"] is None
    assert detail["delivery"] == body["delivery"]
    assert detail["materials"] == [{"name": m["name"], "kind": m["kind"]} for m in body["materials"]]
    assert [h["status"] for h in detail["history"]] == ["submitted"]
    assert "image_jpeg_b64" not in first.text + json.dumps(detail)


def test_terminal_token_required(hub, make_submission):
    body = make_submission()
    terminal_id, auth = hub.terminal()
    for headers in (
        {},
        {"Authorization": "Bearer nonsense"},
        {"Authorization": f"Bearer {terminal_id}.{'x' * 43}"},
        {"Authorization": auth["Authorization"].replace("Bearer", "Basic")},
    ):
        reply = hub.post(API, headers, "key-00000002", json=body)
        assert reply.status_code == 401, headers
        assert reply.headers["www-authenticate"] == "Bearer"
        assert hub.get(API, headers).status_code == 401
    assert hub.get("/api/v1/health").json()["status"] == "ok"  # the one endpoint without a token


def test_rotated_token_replaces_the_old_one(hub):
    from hub.terminals import add_terminal

    terminal_id, auth = hub.terminal()
    new = add_terminal(hub.engine, terminal_id)
    assert hub.get(API, auth).status_code == 401
    assert hub.get(API, {"Authorization": f"Bearer {new}"}).status_code == 200


def test_other_terminals_submission_is_404(hub, make_submission):
    _, mine = hub.terminal()
    _, theirs = hub.terminal()
    body = make_submission()
    assert hub.post(API, mine, "key-00000003", json=body).status_code == 201
    assert hub.get(f"{API}/{body['tracking_no']}", mine).status_code == 200
    reply = hub.get(f"{API}/{body['tracking_no']}", theirs)
    assert reply.status_code == 404
    assert hub.get(f"{API}/{make_tracking_no(date.today())}", mine).status_code == 404  # unknown: the same answer
    assert hub.get(API, theirs).json() == {"submissions": []}


def test_repeat_is_a_duplicate_and_another_body_is_409(hub, make_submission):
    _, auth = hub.terminal()
    body = make_submission()
    assert hub.post(API, auth, "key-00000004", json=body).status_code == 201
    again = hub.post(API, auth, "key-00000004", json=body)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["tracking_no"] == body["tracking_no"]

    changed = {**body, "language": "en"}
    reused = hub.post(API, auth, "key-00000004", json=changed)
    assert reused.status_code == 409
    assert reused.json() == {"detail": "idempotency key reused with a different body"}

    taken = hub.post(API, auth, "key-00000005", json=body)  # a new key for a number already stored
    assert taken.status_code == 409 and taken.json() == {"detail": "tracking number taken"}
    _, other = hub.terminal()
    assert hub.post(API, other, "key-00000004", json=body).json()["detail"] == "tracking number taken"
    assert count_rows(hub, body["tracking_no"]) == 1


def test_ten_concurrent_identical_posts_store_one_row(hub, make_submission):
    _, auth = hub.terminal()
    body = make_submission()
    raw = json.dumps(body).encode()  # the very same bytes each time, as an outbox retry sends them
    start = threading.Barrier(10)
    replies: list[requests.Response] = []

    def send() -> None:
        start.wait()
        headers = {**auth, "Idempotency-Key": "key-concurrent-1", "Content-Type": "application/json"}
        replies.append(requests.post(hub.url + API, data=raw, headers=headers, timeout=60))

    threads = [threading.Thread(target=send) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in replies) == [200] * 9 + [201]
    assert {r.json()["received_at"] for r in replies} == {replies[0].json()["received_at"]}
    assert count_rows(hub, body["tracking_no"]) == 1


@pytest.mark.parametrize(
    "key", [None, "short", "x" * 129, "bad key!", "key/12345"], ids=["missing", "short", "long", "space", "slash"]
)
def test_idempotency_key_is_checked(hub, make_submission, key):
    _, auth = hub.terminal()
    headers = {**auth, **({"Idempotency-Key": key} if key else {})}
    reply = requests.post(hub.url + API, json=make_submission(), headers=headers, timeout=30)
    assert reply.status_code == 422


def bad_check_digit() -> str:
    good = make_tracking_no(date.today())
    return good[:-1] + str((int(good[-1]) + 1) % 10)


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode()


def _material(image: str) -> dict:
    return {"name": "其他材料", "kind": "other", "fields": {}, "image_jpeg_b64": image}


BREAKAGES = {
    "bad check digit": lambda b, i: b.update(tracking_no=bad_check_digit()),
    "tracking number one digit short": lambda b, i: b.update(tracking_no=b["tracking_no"][:-2] + b["tracking_no"][-1]),
    "tracking number of month 13": lambda b, i: b.update(tracking_no="HP261399" + "0" * 11),
    "status code with 0": lambda b, i: b.update(status_code="K7Q2M0"),
    "status code in lower case": lambda b, i: b.update(status_code="k7q2mx"),
    "21 materials": lambda b, i: b.update(materials=[_material(_b64(i["jpeg"]))] * 21),
    "material not an image": lambda b, i: b.update(materials=[_material(_b64(b"GIF89a" + bytes(64)))]),
    "material not base64": lambda b, i: b.update(materials=[_material("not base64 at all!")]),
    "signature not an image": lambda b, i: b["signature"].update(png_b64=_b64(b"%PDF-1.4 " + bytes(64))),
    "unknown material kind": lambda b, i: b["materials"][0].update(kind="passport"),
    "bad ID number": lambda b, i: b["applicant"].update(id_number="44011219900307002"),
    "unknown verification": lambda b, i: b["applicant"].update(verified="maybe"),
    "ems without address": lambda b, i: b["delivery"].pop("address"),
    "time without offset": lambda b, i: b.update(submitted_at="2026-11-26T14:05:00"),
    "stroke point of 2 numbers": lambda b, i: b["signature"].update(strokes=[[[1, 2]]]),
    "unknown field": lambda b, i: b.update(extra="field"),
    "missing item": lambda b, i: b.pop("item"),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_malformed_submissions_are_422(hub, make_submission, images, breakage):
    _, auth = hub.terminal()
    body = make_submission()
    BREAKAGES[breakage](body, images)
    reply = hub.post(API, auth, "key-malformed", json=body)
    assert reply.status_code == 422, reply.text
    assert isinstance(reply.json()["detail"], list)  # FastAPI's validation detail ...
    assert all({"loc", "msg", "type"} <= set(e) and "input" not in e for e in reply.json()["detail"])
    assert len(reply.content) < 20_000  # ... without echoing the body back
    assert count_rows(hub, body.get("tracking_no", "")) == 0


def test_twenty_materials_and_collect_without_address_are_fine(hub, make_submission, images):
    _, auth = hub.terminal()
    body = make_submission(delivery={"method": "collect"})
    body["materials"] = [_material(_b64(images["png"] if n % 2 else images["jpeg"])) for n in range(20)]
    assert hub.post(API, auth, "key-twenty", json=body).status_code == 201
    assert len(hub.get(f"{API}/{body['tracking_no']}", auth).json()["materials"]) == 20


def test_not_json_is_422(hub):
    _, auth = hub.terminal()
    headers = {**auth, "Idempotency-Key": "key-notjson", "Content-Type": "application/json"}
    reply = requests.post(hub.url + API, data=b"{not json", headers=headers, timeout=30)
    assert reply.status_code == 422


def test_body_over_20_mb_is_413(hub, make_submission, images):
    _, auth = hub.terminal()
    body = make_submission()
    body["materials"][0]["image_jpeg_b64"] = _b64(images["jpeg"] + bytes(16 * 1024 * 1024))  # 21.3 MB as base64
    raw = json.dumps(body).encode()
    assert len(raw) > 20 * 1024 * 1024
    headers = {**auth, "Idempotency-Key": "key-huge", "Content-Type": "application/json"}
    reply = requests.post(hub.url + API, data=raw, headers=headers, timeout=60)
    assert reply.status_code == 413
    # Without a Content-Length (chunked), the gate counts what arrives.
    chunks = (raw[n : n + 1024 * 1024] for n in range(0, len(raw), 1024 * 1024))
    reply = requests.post(hub.url + API, data=chunks, headers=headers, timeout=60)
    assert reply.status_code == 413
    assert count_rows(hub, body["tracking_no"]) == 0


def test_list_since(hub, make_submission):
    _, auth = hub.terminal()
    first, second = make_submission(), make_submission()
    assert hub.post(API, auth, "key-since-1", json=first).status_code == 201
    assert hub.post(API, auth, "key-since-2", json=second).status_code == 201
    listed = hub.get(API, auth).json()["submissions"]
    assert [s["tracking_no"] for s in listed] == [first["tracking_no"], second["tracking_no"]]
    assert set(listed[0]) == {"tracking_no", "item_name", "status", "updated_at"}

    later = (datetime.now(HUB_TZ) + timedelta(minutes=1)).isoformat(timespec="seconds")
    assert hub.get(API, auth, params={"since": later}).json() == {"submissions": []}
    earlier = (datetime.now(HUB_TZ) - timedelta(minutes=5)).isoformat(timespec="seconds")
    assert len(hub.get(API, auth, params={"since": earlier}).json()["submissions"]) == 2
    # A '+' left unescaped in the query arrives as a space: still understood.
    assert len(hub.get(f"{API}?since={earlier}", auth).json()["submissions"]) == 2

    move(hub.engine, first["tracking_no"], "accepted", "tester")
    changed = hub.get(API, auth, params={"since": listed[1]["updated_at"]}).json()["submissions"]
    assert [s["tracking_no"] for s in changed][-1] == first["tracking_no"]
    assert changed[-1]["status"] == "accepted"
    assert hub.get(API, auth, params={"since": "yesterday"}).status_code == 422
    assert hub.get(API, auth, params={"since": "2026-11-26T14:05:00"}).status_code == 422


def test_status_by_code_from_any_terminal_without_personal_data(hub, make_submission):
    _, mine = hub.terminal()
    _, elsewhere = hub.terminal()
    body = make_submission()
    assert hub.post(API, mine, "key-status-1", json=body).status_code == 201
    url = f"/api/v1/status/{body['tracking_no']}"
    reply = hub.get(url, elsewhere, params={"code": body["status_code"]})
    assert reply.status_code == 200
    status = reply.json()
    assert set(status) == {
        "tracking_no",
        "item_name",
        "status",
        "updated_at",
        "promised_days",
        "history",
        "supplement",
        "mail_no",
    }
    text = reply.text
    for personal in (
        body["applicant"]["name"],
        body["applicant"]["id_number"],
        body["delivery"]["address"],
        body["delivery"]["phone"],
        body["form"]["company_name"],
    ):
        assert personal not in text

    wrong = "A" * 6 if body["status_code"] != "A" * 6 else "B" * 6
    assert hub.get(url, elsewhere, params={"code": wrong}).status_code == 404
    assert hub.get(url, elsewhere).status_code == 422  # no code at all
    other_number = make_tracking_no(date.today())
    assert hub.get(f"/api/v1/status/{other_number}", elsewhere, params={"code": body["status_code"]}).status_code == 404
    assert hub.get(url, {}, params={"code": body["status_code"]}).status_code == 401


def test_lookup_by_id_number_across_terminals(hub, make_submission):
    _, one = hub.terminal()
    _, two = hub.terminal()
    person = "11010519491231002X"
    mine_a = make_submission(applicant={"name": "李四", "id_number": person, "verified": "face"})
    mine_b = make_submission(applicant={"name": "李四", "id_number": person, "verified": "card"})
    assert hub.post(API, one, "key-lookup-1", json=mine_a).status_code == 201
    assert hub.post(API, two, "key-lookup-2", json=mine_b).status_code == 201
    assert hub.post(API, two, "key-lookup-3", json=make_submission()).status_code == 201  # someone else's

    found = hub.post("/api/v1/status/lookup", one, json={"id_number": person.lower()}).json()["submissions"]
    assert {s["tracking_no"] for s in found} == {mine_a["tracking_no"], mine_b["tracking_no"]}
    assert found[0]["tracking_no"] == mine_b["tracking_no"]  # newest first
    nobody = hub.post("/api/v1/status/lookup", one, json={"id_number": "110105194912310038"})
    assert nobody.json() == {"submissions": []}
    assert hub.post("/api/v1/status/lookup", one, json={"id_number": "123"}).status_code == 422
    with hub.engine.connect() as conn:  # the number is kept only as a keyed hash
        stored = conn.execute(sa.select(submissions.c.applicant_hmac)).scalars().all()
    assert person not in stored and len(stored[0]) == 64


def test_generated_numbers_pass_the_hubs_check(make_submission):
    for _ in range(50):
        assert tracking_no_valid(make_submission()["tracking_no"])
