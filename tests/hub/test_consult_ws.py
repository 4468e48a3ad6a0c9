"""Video consultation's signalling (docs/consult-signalling.md) against a real hub under uvicorn on 127.0.0.1, with
real WebSocket clients as terminals and clerks: authentication, the queue and its expected waits, accepting,
relaying within a call only, recording consent enforced on upload, hang-ups, resuming and the grace."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
import requests
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from hub.app import create_app
from hub.clerks import add_clerk
from hub.consult import ConsultDesk, Refused, clerk_display_name
from hub.consult_ws import ConsultSettings, ice_servers
from hub.server import ServerThread
from hub.terminals import add_terminal

ICE = ({"urls": ["stun:stun.example.org:3478"]},)
GRACE_S = 1.0
ITEM = {"id": "440112-0001", "name": "城乡居民基本养老保险参保登记"}
CLERKS = {"王晓明": "clerk password 1", "欧阳娜娜": "clerk password 2"}


@dataclass
class ConsultHub:
    """A hub served with WebSockets on, with helpers to connect terminals and clerks."""

    url: str
    app: Any
    tmp: Path
    sessions: dict[str, requests.Session]
    parties: list[Party] = field(default_factory=list)

    @property
    def ws_url(self) -> str:
        """ws://127.0.0.1:PORT"""
        return self.url.replace("http://", "ws://")

    @property
    def desk(self) -> ConsultDesk:
        """The hub's consult desk."""
        return self.app.fastapi.state.consult

    def token(self, terminal_id: str) -> str:
        """A terminal's token (the terminal is created on first use)."""
        return add_terminal(self.app.fastapi.state.hub.engine, terminal_id)

    def cookie(self, clerk: str) -> str:
        """The clerk's session cookie, logging in through the console's form on first use."""
        if clerk not in self.sessions:
            web = requests.Session()
            form = web.get(self.url + "/clerk/login", timeout=10).text
            csrf = form.split('name="csrf" value="', 1)[1].split('"', 1)[0]
            reply = web.post(
                self.url + "/clerk/login", data={"name": clerk, "password": CLERKS[clerk], "csrf": csrf}, timeout=10
            )
            assert reply.url.endswith("/clerk/"), reply.text
            self.sessions[clerk] = web
        return self.sessions[clerk].cookies["hub_session"]

    def csrf(self, clerk: str) -> str:
        """The CSRF token of the clerk's session (as the consult page carries it)."""
        self.cookie(clerk)
        page = self.sessions[clerk].get(self.url + "/clerk/consult", timeout=10).text
        return page.split('data-csrf="', 1)[1].split('"', 1)[0]


@pytest.fixture
def consult_hub(tmp_path: Path) -> Iterator[ConsultHub]:
    """A hub of the test's own with a short resume grace and a STUN server configured (no catalog: not needed)."""
    settings = ConsultSettings(ice_servers=ICE, resume_grace_s=GRACE_S, max_recording_bytes=64 * 1024)
    app = create_app(
        f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        key_path=tmp_path / "hub.key",
        consult=settings,
    )
    for name, password in CLERKS.items():
        add_clerk(app.fastapi.state.hub.engine, name, password)
    server = ServerThread(app)
    url = server.start()
    try:
        yield ConsultHub(url, app, tmp_path, {})
    finally:
        server.stop()


class Party:
    """One WebSocket client: sends JSON, waits for a message of a type, answers pings."""

    def __init__(self, ws: ClientConnection, name: str):
        self.ws, self.name = ws, name
        self.seen: list[dict[str, Any]] = []

    async def send(self, **message: Any) -> None:
        """Send one JSON message."""
        await self.ws.send(json.dumps(message, ensure_ascii=False))

    async def expect(self, kind: str, timeout: float = 5.0, **fields: Any) -> dict[str, Any]:
        """The next message of this type (and these field values); earlier other ones are kept in `seen`."""
        async with asyncio.timeout(timeout):
            while True:
                message = json.loads(await self.ws.recv())
                if message["type"] == "ping":
                    await self.send(type="pong")
                    continue
                self.seen.append(message)
                if message["type"] == kind and all(message.get(k) == v for k, v in fields.items()):
                    return message

    async def quiet(self, seconds: float = 0.3, ignore: tuple[str, ...] = ("ping", "waiting", "queue")) -> None:
        """Nothing but `ignore`d types arrives for a while."""
        try:
            async with asyncio.timeout(seconds):
                while True:
                    message = json.loads(await self.ws.recv())
                    assert message["type"] in ignore, f"{self.name} got {message}"
        except TimeoutError:
            pass

    async def closed_with(self, timeout: float = 5.0) -> int:
        """Wait for the hub to close this socket; its close code."""
        async with asyncio.timeout(timeout):
            try:
                while True:
                    await self.ws.recv()
            except ConnectionClosed as exc:
                assert exc.rcvd is not None
                return exc.rcvd.code


async def terminal(hub: ConsultHub, terminal_id: str, token: str | None = None) -> Party:
    """A terminal's socket."""
    headers = {"Authorization": f"Bearer {token or hub.token(terminal_id)}"}
    ws = await connect(hub.ws_url + "/api/v1/consult/ws", additional_headers=headers, proxy=None)
    hub.parties.append(Party(ws, terminal_id))
    return hub.parties[-1]


async def clerk(hub: ConsultHub, name: str, origin: str | None = None) -> Party:
    """A clerk's socket, from the hub's own origin with the session cookie."""
    headers = {"Cookie": f"hub_session={hub.cookie(name)}"}
    ws = await connect(
        hub.ws_url + "/clerk/consult/ws", additional_headers=headers, origin=origin or hub.url, proxy=None
    )
    hub.parties.append(Party(ws, name))
    return hub.parties[-1]


async def join(party: Party, item: dict[str, str] | None = ITEM, **extra: Any) -> dict[str, Any]:
    """Queue a terminal; its `queued` message."""
    await party.send(type="join", language="zh_CN", elderly=False, item=item, site="黄埔邮政大沙地网点", **extra)
    return await party.expect("queued")


async def call_between(hub: ConsultHub, terminal_id: str, clerk_name: str) -> tuple[Party, Party, str]:
    """A terminal and a clerk in a call: (terminal, clerk, call_id)."""
    resident, officer = await terminal(hub, terminal_id), await clerk(hub, clerk_name)
    queued = await join(resident)
    await officer.send(type="accept", call_id=queued["call_id"])
    await officer.expect("assigned", call_id=queued["call_id"])
    await resident.expect("accepted")
    return resident, officer, queued["call_id"]


async def waiting_list(officer: Party, terminal_ids: list[str]) -> list[dict[str, Any]]:
    """Wait for the clerk's waiting list to be these terminals, in this order."""
    while True:
        calls = (await officer.expect("waiting"))["calls"]
        if [c["terminal_id"] for c in calls] == terminal_ids:
            return calls


def run(hub: ConsultHub, scenario: Callable[[], Awaitable[None]]) -> None:
    """Run an async scenario in a fresh event loop; every socket it opened is closed after it, pass or fail."""

    async def closing() -> None:
        try:
            await scenario()
        finally:
            for party in hub.parties:
                await party.ws.close()
            hub.parties.clear()

    asyncio.run(closing())


# -- authentication --------------------------------------------------------------------------------------------------


def test_terminal_socket_needs_a_valid_token(consult_hub):
    async def scenario():
        for headers in ({}, {"Authorization": "Bearer term-x.not-the-secret"}, {"Authorization": "Basic abc"}):
            with pytest.raises(InvalidStatus) as refused:
                await connect(consult_hub.ws_url + "/api/v1/consult/ws", additional_headers=headers, proxy=None)
            assert refused.value.response.status_code == 401
        resident = await terminal(consult_hub, "t-auth")
        await resident.send(type="ping")
        assert await resident.expect("pong")

    run(consult_hub, scenario)


def test_clerk_socket_needs_a_session_and_the_hubs_origin(consult_hub):
    async def scenario():
        no_cookie = await connect(consult_hub.ws_url + "/clerk/consult/ws", origin=consult_hub.url, proxy=None)
        assert await Party(no_cookie, "anonymous").closed_with() == 4401
        forged = {"Cookie": "hub_session=made-up.value"}
        ws = await connect(
            consult_hub.ws_url + "/clerk/consult/ws", additional_headers=forged, origin=consult_hub.url, proxy=None
        )
        assert await Party(ws, "forged").closed_with() == 4401
        for origin in ("http://evil.example", "http://127.0.0.1:1"):
            assert await (await clerk(consult_hub, "王晓明", origin=origin)).closed_with() == 4403
        # A terminal token means nothing on the clerks' socket.
        token = {"Authorization": f"Bearer {consult_hub.token('t-not-a-clerk')}"}
        ws = await connect(
            consult_hub.ws_url + "/clerk/consult/ws", additional_headers=token, origin=consult_hub.url, proxy=None
        )
        assert await Party(ws, "terminal as clerk").closed_with() == 4401
        officer = await clerk(consult_hub, "王晓明")
        assert (await officer.expect("waiting"))["calls"] == []

    run(consult_hub, scenario)


def test_consult_page_needs_login_and_allows_only_its_own_script(consult_hub):
    web = requests.Session()
    assert web.get(consult_hub.url + "/clerk/consult", timeout=10).url.endswith("/clerk/login")
    consult_hub.cookie("王晓明")
    web = consult_hub.sessions["王晓明"]
    page = web.get(consult_hub.url + "/clerk/consult", timeout=10)
    assert page.status_code == 200 and "接听下一位" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy and "default-src 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY"
    script = web.get(consult_hub.url + "/clerk/static/consult.js", timeout=10)
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert web.get(consult_hub.url + "/clerk/static/console.css", timeout=10).status_code == 200
    assert web.get(consult_hub.url + "/clerk/static/app.py", timeout=10).status_code == 404
    listing = web.get(consult_hub.url + "/clerk/", timeout=10)
    assert 'href="/clerk/consult"' in listing.text
    assert "script-src" not in listing.headers["content-security-policy"]  # the rest of the console stays script-free


# -- the queue -------------------------------------------------------------------------------------------------------


def test_queue_positions_and_expected_waits_follow_clerks_and_leavers(consult_hub):
    async def scenario():
        first, second = await terminal(consult_hub, "t-q1"), await terminal(consult_hub, "t-q2")
        officer = await clerk(consult_hub, "王晓明")
        await officer.expect("waiting")
        one = await join(first)
        assert (one["position"], one["expected_wait_s"]) == (1, 180)  # default handling time, one clerk
        two = await join(second, item=None)
        assert (two["position"], two["expected_wait_s"]) == (2, 360)
        listed = await waiting_list(officer, ["t-q1", "t-q2"])
        assert listed[0]["site"] == "黄埔邮政大沙地网点" and listed[0]["language"] == "zh_CN"
        assert listed[0]["item"] == ITEM and listed[1]["item"] is None and listed[0]["elderly"] is False
        assert all(isinstance(c["waiting_s"], int) and c["waiting_s"] >= 0 for c in listed)
        assert set(listed[0]) == {"call_id", "terminal_id", "site", "language", "elderly", "item", "waiting_s"}

        other = await clerk(consult_hub, "欧阳娜娜")  # two clerks online: the waits halve
        assert len((await other.expect("waiting"))["calls"]) == 2
        assert await first.expect("queue") == {"type": "queue", "position": 1, "expected_wait_s": 90}
        assert await second.expect("queue") == {"type": "queue", "position": 2, "expected_wait_s": 180}

        await first.send(type="leave")
        assert await second.expect("queue") == {"type": "queue", "position": 1, "expected_wait_s": 90}
        await waiting_list(officer, ["t-q2"])
        await other.ws.close()
        assert await second.expect("queue") == {"type": "queue", "position": 1, "expected_wait_s": 180}

    run(consult_hub, scenario)


def test_accept_next_hands_the_longest_waiting_to_the_clerk(consult_hub):
    async def scenario():
        first, second = await terminal(consult_hub, "t-a1"), await terminal(consult_hub, "t-a2")
        wang, ouyang = await clerk(consult_hub, "王晓明"), await clerk(consult_hub, "欧阳娜娜")
        one, two = await join(first), await join(second)
        await wang.send(type="accept")
        assigned = await wang.expect("assigned")
        assert assigned == {
            "type": "assigned",
            "call_id": one["call_id"],
            "terminal_id": "t-a1",
            "site": "黄埔邮政大沙地网点",
            "language": "zh_CN",
            "elderly": False,
            "item": ITEM,
            "ice_servers": list(ICE),
        }
        accepted = await first.expect("accepted")
        assert accepted == {"type": "accepted", "call_id": one["call_id"], "clerk": "王*", "ice_servers": list(ICE)}
        assert (await second.expect("queue"))["position"] == 1
        await wang.send(type="accept")  # one call at a time
        assert (await wang.expect("error"))["detail"] == "finish the current call first"

        await ouyang.send(type="accept", call_id=one["call_id"])  # taken already
        assert (await ouyang.expect("error"))["detail"] == "that call is no longer waiting"
        await ouyang.send(type="accept", call_id=two["call_id"])
        assert (await ouyang.expect("assigned"))["terminal_id"] == "t-a2"
        assert (await second.expect("accepted"))["clerk"] == "欧阳*"
        assert (await ouyang.expect("waiting"))["calls"] == []
        third = await clerk(consult_hub, "王晓明")  # a second tab of the same clerk
        await third.send(type="accept")
        assert (await third.expect("error"))["detail"] == "nobody is waiting"

    run(consult_hub, scenario)


# -- during the call -------------------------------------------------------------------------------------------------


def test_call_messages_are_relayed_within_their_call_only(consult_hub):
    async def scenario():
        resident, officer, call_id = await call_between(consult_hub, "t-r1", "王晓明")
        neighbour, colleague, other_id = await call_between(consult_hub, "t-r2", "欧阳娜娜")
        waiting = await terminal(consult_hub, "t-r3")
        await join(waiting)

        await resident.send(type="offer", call_id=call_id, sdp="v=0 offer-sdp", extra="not passed on")
        assert await officer.expect("offer") == {"type": "offer", "call_id": call_id, "sdp": "v=0 offer-sdp"}
        await officer.send(type="answer", call_id=call_id, sdp="v=0 answer-sdp")
        assert await resident.expect("answer") == {"type": "answer", "call_id": call_id, "sdp": "v=0 answer-sdp"}
        pushes = [
            {"kind": "guide", "item_id": "440112-0002"},
            {"kind": "document", "title": "填表说明", "text": "请在第 3 栏填写联系电话。"},
            {"kind": "clear"},
        ]
        for push in pushes:
            await officer.send(type="push", **push)  # call_id may be left out: the clerk has one call
            assert await resident.expect("push") == {"type": "push", "call_id": call_id, **push}
        await officer.send(type="mute", call_id=call_id, audio=True, video=False)
        assert await resident.expect("mute") == {"type": "mute", "call_id": call_id, "audio": True, "video": False}
        await resident.send(type="mute", call_id=call_id, audio=False, video=True)
        assert (await officer.expect("mute"))["video"] is True
        await resident.send(type="record_consent", call_id=call_id, granted=True)  # nothing was asked
        assert (await resident.expect("error"))["detail"] == "no recording was requested"
        await officer.send(type="record_request", call_id=call_id)
        assert await resident.expect("record_request") == {"type": "record_request", "call_id": call_id}
        await resident.send(type="record_consent", call_id=call_id, granted=True)
        assert await officer.expect("record_consent") == {"type": "record_consent", "call_id": call_id, "granted": True}

        # Others' calls are out of reach, and each side sends only its own kinds of message.
        await colleague.send(type="answer", call_id=call_id, sdp="v=0 hijack")
        assert (await colleague.expect("error"))["detail"] == "not your call"
        await neighbour.send(type="offer", call_id=call_id, sdp="v=0 hijack")
        assert (await neighbour.expect("error"))["detail"] == "not your call"
        await neighbour.send(type="push", call_id=other_id, kind="guide", item_id="x")
        assert "does not send push" in (await neighbour.expect("error"))["detail"]
        await colleague.send(type="offer", sdp="v=0")
        assert "does not send offer" in (await colleague.expect("error"))["detail"]
        await waiting.send(type="offer", sdp="v=0")
        assert (await waiting.expect("error"))["detail"] == "the call has not been accepted yet"
        await colleague.send(type="join", language="zh_CN")
        assert "unknown message type" in (await colleague.expect("error"))["detail"]
        for party, bad in (
            (officer, "not json"),
            (officer, json.dumps(["a", "list"])),
            (officer, json.dumps({"type": "push", "kind": "video"})),
            (officer, json.dumps({"type": "mute", "audio": "yes", "video": False})),
            (resident, json.dumps({"type": "join", "language": "<script>"})),
            (resident, json.dumps({"type": "offer", "sdp": "x" * 70_000})),
            (resident, b"\x00binary"),
        ):
            await party.ws.send(bad)
            await party.expect("error")
        await neighbour.quiet()
        await colleague.quiet()
        await waiting.quiet()
        # Still working after the errors.
        await officer.send(type="push", kind="guide", item_id="440112-0003")
        assert (await resident.expect("push"))["item_id"] == "440112-0003"

    run(consult_hub, scenario)


def test_recording_upload_is_refused_before_consent_and_after_withdrawal(consult_hub):
    hub = consult_hub
    csrf = hub.csrf("王晓明")
    web = hub.sessions["王晓明"]

    def upload(call_id: str, data: bytes, seq: int = 0, part: int = 1, **changes: Any) -> requests.Response:
        headers = {"X-CSRF-Token": csrf, "Content-Type": "video/webm", **changes.pop("headers", {})}
        session = changes.pop("session", web)
        address = f"{hub.url}/clerk/consult/{call_id}/recording?part={part}&seq={seq}"
        return session.post(address, data=data, headers=headers, timeout=10)

    async def scenario():
        resident, officer, call_id = await call_between(hub, "t-rec", "王晓明")
        assert upload(call_id, b"webm-0").status_code == 409  # no consent yet
        await officer.send(type="record_request", call_id=call_id)
        await resident.expect("record_request")
        assert upload(call_id, b"webm-0").status_code == 409  # asked, not answered
        await resident.send(type="record_consent", call_id=call_id, granted=True)
        await officer.expect("record_consent", granted=True)

        assert upload(call_id, b"webm-0", headers={"X-CSRF-Token": "wrong"}).status_code == 403
        assert upload(call_id, b"webm-0", headers={"Content-Type": "text/plain"}).status_code == 415
        assert upload(call_id, b"webm-0", session=requests.Session()).status_code == 401
        other_csrf = hub.csrf("欧阳娜娜")
        other = hub.sessions["欧阳娜娜"]
        assert upload(call_id, b"x", session=other, headers={"X-CSRF-Token": other_csrf}).status_code == 404
        assert upload("unknown-call-id", b"x").status_code == 404
        assert upload(call_id, b"webm-1", seq=1).status_code == 409  # a recording starts with piece 0

        assert upload(call_id, b"webm-0").json()["bytes"] == 6
        assert upload(call_id, b"webm-0").json()["bytes"] == 6  # a retried piece is stored once
        assert upload(call_id, b"webm-1", seq=1).status_code == 200
        assert upload(call_id, b"webm-3", seq=3).status_code == 409  # piece 2 is missing
        assert upload(call_id, b"x" * 70_000, seq=2).status_code == 413  # over this hub's 64 KB per call
        stored = hub.tmp / "consult-recordings" / f"{call_id}-1.webm"
        assert stored.read_bytes() == b"webm-0webm-1"
        assert stat.S_IMODE(os.stat(stored).st_mode) == 0o600

        await resident.send(type="record_consent", granted=False)  # withdrawn: uploads stop at once
        assert (await officer.expect("record_consent"))["granted"] is False
        assert upload(call_id, b"webm-2", seq=2).status_code == 409
        assert stored.read_bytes() == b"webm-0webm-1"

    run(hub, scenario)


# -- ending and reconnecting -----------------------------------------------------------------------------------------


def test_hangup_and_leave_clean_up_and_feed_the_expected_wait(consult_hub):
    async def scenario():
        resident, officer, call_id = await call_between(consult_hub, "t-h1", "王晓明")
        await resident.send(type="hangup", call_id=call_id, reason="resident")
        assert await officer.expect("hangup") == {"type": "hangup", "call_id": call_id, "reason": "resident"}
        await resident.send(type="offer", call_id=call_id, sdp="v=0")
        assert (await resident.expect("error"))["detail"] == "not in a call"
        await officer.send(type="push", call_id=call_id, kind="clear")
        assert (await officer.expect("error"))["detail"] == "not in a call"
        assert consult_hub.desk.live_calls() == 0
        record = consult_hub.desk.records[-1]
        assert record.call_id == call_id and record.reason == "resident" and record.clerk == "王晓明"
        assert record.handled_s is not None and record.handled_s < 5 and record.item_id == ITEM["id"]

        # The short call now drives the average: a newcomer is told a short wait, not 180 s.
        newcomer = await terminal(consult_hub, "t-h2")
        queued = await join(newcomer)
        assert queued["expected_wait_s"] <= 5
        await officer.send(type="accept")
        await newcomer.expect("accepted")
        await officer.send(type="hangup", reason="done")
        assert (await newcomer.expect("hangup"))["reason"] == "done"
        leaver = await terminal(consult_hub, "t-h3")
        await join(leaver)
        await waiting_list(officer, ["t-h3"])
        await leaver.send(type="leave")
        await waiting_list(officer, [])
        assert consult_hub.desk.live_calls() == 0 and consult_hub.desk.records[-1].handled_s is None

    run(consult_hub, scenario)


def test_a_clerk_whose_socket_closes_ends_the_call(consult_hub):
    async def scenario():
        resident, officer, call_id = await call_between(consult_hub, "t-c1", "王晓明")
        await officer.ws.close()
        assert await resident.expect("hangup") == {"type": "hangup", "call_id": call_id, "reason": "error"}
        assert consult_hub.desk.live_calls() == 0

    run(consult_hub, scenario)


def test_resume_within_the_grace_keeps_the_call_and_the_place(consult_hub):
    async def scenario():
        resident, officer, call_id = await call_between(consult_hub, "t-s1", "王晓明")
        token = consult_hub.token("t-s2")
        waiting = await terminal(consult_hub, "t-s2", token)
        behind = await terminal(consult_hub, "t-s3")
        place = await join(waiting)
        await join(behind)

        await resident.ws.close()  # the network drops mid-call
        assert (await officer.expect("peer_away"))["call_id"] == call_id
        await waiting.ws.close()  # and a waiting terminal's too
        assert await behind.expect("queue") == {"type": "queue", "position": 1, "expected_wait_s": 180}

        back = await terminal(consult_hub, "t-s1", consult_hub.token("t-s1"))  # same terminal ID, new token
        await back.send(type="resume", call_id=call_id)
        assert await back.expect("resumed") == {"type": "resumed", "call_id": call_id}
        assert await officer.expect("peer_back") == {"type": "peer_back", "call_id": call_id}
        await back.send(type="offer", call_id=call_id, sdp="v=0 ice-restart")
        assert (await officer.expect("offer"))["sdp"] == "v=0 ice-restart"

        again = await terminal(consult_hub, "t-s2", token)
        await again.send(type="resume", call_id=place["call_id"])
        await again.expect("resumed")
        assert (await again.expect("queue"))["position"] == 1  # its place, ahead of the one who came later
        assert (await behind.expect("queue"))["position"] == 2

        # A stranger cannot take the call over by its ID.
        stranger = await terminal(consult_hub, "t-s4")
        await stranger.send(type="resume", call_id=call_id)
        assert await stranger.expect("hangup") == {"type": "hangup", "call_id": call_id, "reason": "lost"}
        await officer.quiet(GRACE_S + 0.3)  # past the grace: nothing ends
        assert consult_hub.desk.call(call_id) is not None

    run(consult_hub, scenario)


def test_resume_replaces_a_socket_the_hub_still_thinks_open(consult_hub):
    async def scenario():
        resident, officer, call_id = await call_between(consult_hub, "t-z1", "王晓明")
        fresh = await terminal(consult_hub, "t-z1", consult_hub.token("t-z1"))
        await fresh.send(type="resume", call_id=call_id)
        await fresh.expect("resumed")
        assert await resident.closed_with() == 4409
        await officer.expect("peer_back")
        await officer.send(type="push", kind="clear")
        assert (await fresh.expect("push"))["kind"] == "clear"
        await officer.quiet(0.3)  # the old socket's close changed nothing

    run(consult_hub, scenario)


def test_after_the_grace_the_clerk_gets_hangup_lost(consult_hub):
    async def scenario():
        resident, officer, call_id = await call_between(consult_hub, "t-l1", "王晓明")
        await resident.ws.close()
        await officer.expect("peer_away")
        lost = await officer.expect("hangup", timeout=GRACE_S + 3)
        assert lost == {"type": "hangup", "call_id": call_id, "reason": "lost"}
        assert consult_hub.desk.live_calls() == 0 and consult_hub.desk.records[-1].reason == "lost"
        late = await terminal(consult_hub, "t-l1", consult_hub.token("t-l1"))
        await late.send(type="resume", call_id=call_id)
        assert (await late.expect("hangup"))["reason"] == "lost"

    run(consult_hub, scenario)


def test_pings_and_silence(consult_hub):
    state = consult_hub.app.fastapi.state
    state.consult_settings = replace(state.consult_settings, ping_interval_s=0.2, silence_s=0.5)

    async def scenario():
        talker, silent = await terminal(consult_hub, "t-p1"), await terminal(consult_hub, "t-p2")
        queued = await join(silent)

        async def answer_pings() -> int:
            pongs = 0
            while pongs < 8:  # 1.6 s: well past the silent one's 0.5 s
                assert json.loads(await talker.ws.recv()) == {"type": "ping"}
                await talker.send(type="pong")
                pongs += 1
            return pongs

        closed, pongs = await asyncio.gather(silent.closed_with(3), answer_pings())
        assert closed == 4408 and pongs == 8
        assert consult_hub.desk.call(queued["call_id"]).dropped_at is not None  # it may still resume
        await talker.send(type="ping")
        assert await talker.expect("pong") == {"type": "pong"}

    run(consult_hub, scenario)


# -- the parts alone -------------------------------------------------------------------------------------------------


class FakePeer:
    """A peer that keeps what it is sent."""

    def __init__(self, kind: str, name: str):
        self.kind, self.name = kind, name
        self.got: list[dict[str, Any]] = []
        self.closed: tuple[int, str] | None = None

    def send(self, message: dict[str, Any]) -> None:
        self.got.append(message)

    def close(self, code: int, reason: str) -> None:
        self.closed = (code, reason)


def test_desk_with_an_injected_clock():
    now = [1000.0]
    desk = ConsultDesk(resume_grace_s=30, clock=lambda: now[0])
    clerk_a, term_a, term_b = FakePeer("clerk", "李娜"), FakePeer("terminal", "a"), FakePeer("terminal", "b")
    desk.clerk_connected(clerk_a)
    call = desk.join(term_a, "zh_CN", True, None)
    desk.join(term_b, "en", False, {"id": "1", "name": "x"})
    now[0] += 42
    assert [c["waiting_s"] for c in desk._waiting_message()["calls"]] == [42, 42]
    desk.accept(clerk_a)
    now[0] += 120
    desk.hangup(clerk_a, None, "done")
    assert desk.records[-1].waited_s == 42 and desk.records[-1].handled_s == 120
    assert desk.average_handling_s() == 120 and term_b.got[-1] == {
        "type": "queue",
        "position": 1,
        "expected_wait_s": 120,
    }

    call = desk.accept(clerk_a)
    desk.disconnected(term_b)
    now[0] += 29.9
    assert desk.expire() == 0
    now[0] += 0.2
    assert desk.expire() == 1 and clerk_a.got[-2] == {"type": "hangup", "call_id": call.call_id, "reason": "lost"}
    with pytest.raises(Refused):
        desk.check_recording("李娜", call.call_id, 15)


def test_clerk_display_name_and_ice_options():
    assert clerk_display_name("王晓明") == "王*"
    assert clerk_display_name("欧阳娜娜") == "欧阳*"
    assert clerk_display_name("li.na") == "l*"
    assert ice_servers(["stun:s.example:3478"], [], None, None) == ({"urls": ["stun:s.example:3478"]},)
    assert ice_servers([], ["turn:t.example:3478"], "u", "c") == (
        {"urls": ["turn:t.example:3478"], "username": "u", "credential": "c"},
    )
    for bad in ((["http://x"], [], None, None), ([], ["turn:t"], None, None), ([], ["stun:x"], "u", "c")):
        with pytest.raises(ValueError):
            ice_servers(*bad)
