"""Video consultation's state without Qt: the call client's events applied in order, the resident's answers, what
keeps the idle reset waiting, the ways to the consult screen, and the wipe."""

from __future__ import annotations

from kiosk.config import AVAILABLE_MODULES, load_config
from kiosk.flows.consult import ConsultFlow, Pushed
from kiosk.flows.guide import AVAILABLE_ACTIONS, item_guide
from kiosk.modules import enabled_modules
from kiosk.session import Screen, Session


def test_a_call_from_the_queue_to_the_end():
    flow = ConsultFlow()
    assert flow.phase == "idle" and not flow.active and not flow.in_call
    flow.start("hp-00001", "社会保障卡申领")
    assert flow.phase == "joining" and flow.item == {"id": "hp-00001", "name": "社会保障卡申领"}
    assert flow.apply({"type": "queued", "call_id": "c1", "position": 3, "expected_wait_s": 540})
    assert (flow.phase, flow.position, flow.expected_wait_s, flow.call_id) == ("queued", 3, 540.0, "c1")
    assert flow.active and not flow.in_call  # waiting: the usual idle rules
    flow.apply({"type": "queue", "position": 1, "expected_wait_s": 180})
    assert flow.position == 1
    flow.apply({"type": "accepted", "clerk": "王*"})
    assert flow.phase == "connecting" and flow.clerk == "王*" and flow.in_call
    flow.apply({"type": "connected"})
    assert flow.phase == "in_call" and flow.was_connected
    flow.apply({"type": "reconnecting"})
    assert flow.phase == "reconnecting" and flow.in_call  # still on the line as far as the resident knows
    flow.apply({"type": "connected"})
    flow.apply({"type": "mute", "audio": True, "video": False})
    assert flow.clerk_muted_audio and not flow.clerk_muted_video
    flow.set_muted(True, False)
    assert flow.muted_audio and not flow.muted_video

    flow.apply({"type": "push", "kind": "document", "title": "须知", "text": "请带身份证"})
    assert flow.pushed == Pushed("document", title="须知", text="请带身份证")
    flow.apply({"type": "push", "kind": "guide", "item_id": "hp-00002"})
    assert flow.pushed == Pushed("guide", item_id="hp-00002")
    flow.close_push()
    assert flow.pushed is None
    flow.apply({"type": "push", "kind": "guide", "item_id": "hp-00002"})
    flow.apply({"type": "push", "kind": "clear"})
    assert flow.pushed is None

    flow.apply({"type": "record_request"})
    assert flow.record_asked and flow.record_granted is None
    flow.answer_record(False)
    assert not flow.record_asked and flow.record_granted is False

    flow.apply({"type": "hangup", "reason": "done"})
    flow.apply({"type": "ended", "reason": "done"})
    assert flow.phase == "ended" and flow.end_reason == "done" and not flow.active and not flow.in_call
    assert not flow.apply({"type": "connected"})  # nothing moves an ended call
    summary = flow.summary()
    assert summary == {"phase": "ended", "reason": "done", "error": "", "connected": True, "record_granted": False}
    assert "王" not in str(summary)


def test_failing_before_a_clerk_answers_and_losing_a_call_are_told_apart():
    flow = ConsultFlow()
    flow.start()
    assert flow.item is None
    flow.apply({"type": "error", "detail": "unreachable"})
    flow.apply({"type": "ended", "reason": "error"})
    assert flow.phase == "failed" and flow.error == "unreachable"

    flow.start()
    for event in ({"type": "queued", "call_id": "c2", "position": 1, "expected_wait_s": 60},
                  {"type": "accepted", "clerk": "李*"}, {"type": "connected"},
                  {"type": "error", "detail": "lost"}, {"type": "ended", "reason": "lost"}):  # fmt: skip
        flow.apply(event)
    assert flow.phase == "ended" and flow.end_reason == "lost" and flow.was_connected

    flow.unavailable()
    assert flow.phase == "failed" and flow.error == "unavailable"


def test_a_request_or_push_left_open_goes_with_the_end_of_the_call():
    flow = ConsultFlow()
    flow.start()
    flow.apply({"type": "accepted", "clerk": "王*"})
    flow.apply({"type": "record_request"})
    flow.apply({"type": "push", "kind": "document", "title": "t", "text": "x"})
    flow.apply({"type": "ended", "reason": "clerk"})
    assert flow.pushed is None and not flow.record_asked


def test_the_consult_screen_is_reached_from_home_a_guide_and_the_face_check():
    session = Session()
    session.go("start")
    assert session.open_module("consult") == Screen.CONSULT
    assert session.go("back") == Screen.HOME
    session.go("open_browse")
    session.go("open_item", item_id="hp-00001")
    assert session.go("consult") == Screen.CONSULT
    assert session.go("back") == Screen.ITEM
    session.go("verify_face")
    assert session.go("consult") == Screen.CONSULT
    assert session.go("back") == Screen.FACE


def test_the_module_and_the_item_action_are_available(store):
    assert "consult" in AVAILABLE_MODULES and "consult" in AVAILABLE_ACTIONS
    assert "consult" in [m.id for m in enabled_modules(load_config(environ={}))]
    item = store.item(next(r["id"] for r in store.records()))
    assert "consult" in item_guide(item, None, "zh_CN").actions


def test_the_session_wipe_forgets_the_consultation():
    session = Session()
    session.go("start")
    session.open_module("consult")
    flow = session.data.consult
    flow.start("hp-00001", "社会保障卡申领")
    flow.apply({"type": "accepted", "clerk": "王*"})
    flow.apply({"type": "push", "kind": "document", "title": "地址", "text": "开发大道188号"})
    session.end("timeout")
    assert flow.pushed is None and flow.clerk == "" and flow.phase == "idle"  # scrubbed where it was held
    assert session.data.consult is not flow and session.data.consult.phase == "idle"
