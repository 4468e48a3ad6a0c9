"""办件查询 without Qt: the receipt QR format, typed input, phases, reply checks, the timeline, forgetting."""

from __future__ import annotations

import random
from datetime import date

import pytest

from kiosk.flows.status import (
    StatusFlow,
    parse_receipt_qr,
    receipt_qr,
    timeline,
    typed_problem,
)
from kiosk.hub_client import HubConflict, HubError, HubNotFound
from kiosk.tracking import make_status_code, make_tracking_no

RNG = random.Random(7)
TRACKING = make_tracking_no(date(2026, 11, 26), RNG)
CODE = make_status_code(RNG)


def status_reply(status: str = "in_review", **extra) -> dict:
    history = [
        {"status": "submitted", "at": "2026-11-26T14:05:00+08:00", "note": None},
        {"status": "accepted", "at": "2026-11-26T16:00:00+08:00", "note": None},
        {"status": "in_review", "at": "2026-11-27T09:30:00+08:00", "note": None},
    ]
    if status not in ("submitted", "accepted", "in_review"):
        history.append({"status": status, "at": "2026-11-28T10:00:00+08:00", "note": "请补充"})
    reply = {
        "tracking_no": TRACKING,
        "item_name": "人民防空工程平时使用备案",
        "status": status,
        "updated_at": history[-1]["at"],
        "promised_days": 3,
        "history": history,
        "supplement": None,
        "mail_no": None,
    }
    reply.update(extra)
    return reply


# -- the QR format ------------------------------------------------------------------------------------
def test_a_receipt_qr_round_trips():
    text = receipt_qr(TRACKING, CODE)
    assert text == f"HPSTATUS:{TRACKING}:{CODE}"
    assert parse_receipt_qr(text) == (TRACKING, CODE)
    assert parse_receipt_qr(text + "\r\n") == (TRACKING, CODE)  # a scanner's line end is forgiven


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        42,
        f"HPSTATUS:{TRACKING}",
        f"hpstatus:{TRACKING}:{CODE}",
        f"HPSTATUS:{TRACKING}:{CODE.lower()}",
        f"HPSTATUS:{TRACKING}:{CODE}:extra",
        f"HPSTATUS:{TRACKING[:-1]}{(int(TRACKING[-1]) + 1) % 10}:{CODE}",  # wrong check digit
        f"HPSTATUS:{TRACKING}:ABCDE1",  # 1 is not in the alphabet
        f"HPSTATUS:{TRACKING}:ABCDE",
        f"HPSTATUS: {TRACKING}:{CODE}",
        f"HPSTATUS:{TRACKING}:{CODE}" + "A" * 80,
        "https://www.gdzwfw.gov.cn/",
        f"HPGUIDE:{TRACKING}:{CODE}",
    ],
)
def test_anything_else_is_not_a_receipt(text):
    assert parse_receipt_qr(text) is None


def test_making_a_qr_refuses_bad_parts():
    with pytest.raises(ValueError):
        receipt_qr("HP123", CODE)
    with pytest.raises(ValueError):
        receipt_qr(TRACKING, "IIIIII")


def test_typed_input_is_checked_with_the_reason():
    assert typed_problem(TRACKING, CODE) == ""
    assert typed_problem(f" {TRACKING[:8]} {TRACKING[8:]} ", CODE.lower()) == ""  # spaces and case forgiven
    assert typed_problem("", CODE) == "no_tracking_no"
    assert typed_problem("HP12345", CODE) == "tracking_no_format"
    wrong = TRACKING[:-1] + str((int(TRACKING[-1]) + 1) % 10)
    assert typed_problem(wrong, CODE) == "tracking_no_check"
    assert typed_problem(TRACKING, "") == "no_code"
    assert typed_problem(TRACKING, "O0I1AB") == "code_format"


# -- phases ---------------------------------------------------------------------------------------------
def test_a_receipt_query_is_answered_and_shown():
    flow = StatusFlow()
    assert flow.phase == "idle"
    generation = flow.ask_receipt(TRACKING.lower(), CODE.lower())
    assert flow.phase == "asking" and flow.query.tracking_no == TRACKING and flow.query.code == CODE
    assert flow.answer(generation, status_reply())
    assert flow.phase == "shown" and flow.status["item_name"] == "人民防空工程平时使用备案"
    assert [s.state for s in flow.steps()] == ["done", "done", "current", "todo", "todo"]


def test_the_job_asks_the_hub_for_the_question(monkeypatch):
    asked = []

    class Hub:
        def status(self, tracking_no, code):
            asked.append(("status", tracking_no, code))
            return status_reply()

        def lookup(self, id_number):
            asked.append(("lookup", id_number))
            return []

    flow = StatusFlow()
    flow.ask_receipt(TRACKING, CODE)
    job = flow.job(Hub())
    flow.ask_person("44011219900307002X")
    assert job() == status_reply()  # the job keeps the question it was made for
    assert flow.job(Hub())() == []
    assert asked == [("status", TRACKING, CODE), ("lookup", "44011219900307002X")]
    with pytest.raises(HubError):
        flow.job(None)()  # no hub configured: an unreachable hub


def test_a_scanned_receipt_asks_and_another_code_does_not():
    flow = StatusFlow()
    assert flow.ask_scanned("https://example.org") is None and flow.phase == "idle"
    generation = flow.ask_scanned(receipt_qr(TRACKING, CODE))
    assert generation is not None and flow.phase == "asking"


def test_late_answers_to_older_questions_are_dropped():
    flow = StatusFlow()
    first = flow.ask_receipt(TRACKING, CODE)
    second = flow.ask_receipt(TRACKING, CODE)
    assert not flow.answer(first, status_reply("accepted"))
    assert flow.phase == "asking"
    assert flow.answer(second, status_reply())
    assert not flow.answer(second, status_reply("approved"))  # answered once
    assert flow.status["status"] == "in_review"


def test_not_found_offline_and_error_phases():
    flow = StatusFlow()
    flow.answer(flow.ask_receipt(TRACKING, CODE), HubNotFound("status: not found", 404))
    assert flow.phase == "not_found"
    flow.answer(flow.ask_receipt(TRACKING, CODE), HubError("status: the hub did not answer (ConnectionError)"))
    assert flow.phase == "offline"
    flow.answer(flow.ask_receipt(TRACKING, CODE), HubError("status: HTTP 503", 503))
    assert flow.phase == "offline"
    flow.answer(flow.ask_receipt(TRACKING, CODE), HubError("status: HTTP 401", 401))
    assert flow.phase == "error" and "401" in flow.problem
    flow.answer(flow.ask_receipt(TRACKING, CODE), HubConflict("status: odd", 409))
    assert flow.phase == "error"
    flow.answer(flow.ask_receipt(TRACKING, CODE), RuntimeError("boom"))
    assert flow.phase == "error" and flow.problem == "RuntimeError"


def test_offline_says_what_this_terminals_outbox_knows():
    records = {TRACKING: {"created": 1.0, "delivered": None, "attempts": 2}}
    flow = StatusFlow()
    flow.local_lookup = records.get
    flow.answer(flow.ask_receipt(TRACKING, CODE), HubError("status: the hub did not answer"))
    assert flow.phase == "offline" and flow.waiting_here and not flow.sent_from_here
    records[TRACKING]["delivered"] = 5.0
    flow.answer(flow.ask_receipt(TRACKING, CODE), HubError("status: the hub did not answer"))
    assert flow.sent_from_here and not flow.waiting_here
    other = make_tracking_no(date(2026, 11, 25), RNG)
    flow.answer(flow.ask_receipt(other, CODE), HubError("status: the hub did not answer"))
    assert flow.local is None and not flow.waiting_here

    def broken(_tracking_no):
        raise OSError("disk")

    flow.local_lookup = broken
    flow.answer(flow.ask_receipt(TRACKING, CODE), HubError("status: the hub did not answer"))
    assert flow.phase == "offline" and flow.local is None  # the outbox never turns offline into an error


def test_malformed_replies_are_errors_not_crashes():
    for bad in (
        "<html>",
        [],
        status_reply(tracking_no=make_tracking_no(date(2026, 1, 2), RNG)),  # another submission
        status_reply(status="lost_in_mail"),
        status_reply(promised_days="3"),
        status_reply(promised_days=True),
        status_reply(history=[{"status": "submitted"}]),
        status_reply(history=[{"status": "weird", "at": "2026-11-26T14:05:00+08:00"}]),
        status_reply(supplement={"materials": "身份证"}),
        status_reply(supplement={"materials": ["身份证"], "mail_to": 7}),
        status_reply(mail_no=123),
    ):
        flow = StatusFlow()
        flow.answer(flow.ask_receipt(TRACKING, CODE), bad)
        assert flow.phase == "error", bad
        assert flow.status is None


def test_a_person_query_lists_summaries_or_nothing_found():
    flow = StatusFlow()
    rows = [{"tracking_no": TRACKING, "item_name": "居住证办理", "status": "approved", "updated_at": "2026-11-27"}]
    flow.answer(flow.ask_person("44011219900307002X"), rows)
    assert flow.phase == "shown" and flow.summaries == rows and flow.status is None
    flow.answer(flow.ask_person("44011219900307002X"), [])
    assert flow.phase == "not_found"
    flow.answer(flow.ask_person("44011219900307002X"), [{"tracking_no": TRACKING}])
    assert flow.phase == "error"
    with pytest.raises(ValueError):
        flow.ask_person("")


def test_typed_input_that_cannot_be_right_is_refused():
    with pytest.raises(ValueError):
        StatusFlow().ask_receipt("HP1", CODE)


# -- the timeline -----------------------------------------------------------------------------------------
def names_states(status: dict) -> list[tuple[str, str]]:
    return [(s.status, s.state) for s in timeline(status)]


def test_timeline_of_a_supplement_request():
    assert names_states(status_reply("supplement_requested")) == [
        ("submitted", "done"),
        ("accepted", "done"),
        ("in_review", "done"),
        ("supplement_requested", "current"),
        ("approved", "todo"),
        ("result_mailed", "todo"),
    ]


def test_timeline_of_a_rejection_and_a_mailed_result():
    assert names_states(status_reply("rejected"))[3:] == [("rejected", "current"), ("result_mailed", "todo")]
    mailed = status_reply("approved")
    mailed["history"].append({"status": "result_mailed", "at": "2026-11-29T10:00:00+08:00", "note": None})
    mailed["status"] = "result_mailed"
    steps = timeline(mailed)
    assert all(s.state == "done" for s in steps)
    assert steps[-1].at == "2026-11-29T10:00:00+08:00" and steps[0].at == "2026-11-26T14:05:00+08:00"


def test_timeline_of_a_summary_has_no_times():
    steps = timeline({"tracking_no": TRACKING, "item_name": "x", "status": "accepted", "updated_at": "t"})
    assert [(s.status, s.state, s.at) for s in steps][:3] == [
        ("submitted", "done", ""),
        ("accepted", "current", ""),
        ("in_review", "todo", ""),
    ]


def test_wipe_forgets_the_question_and_the_answer():
    flow = StatusFlow()
    flow.local_lookup = {}.get
    flow.answer(flow.ask_person("44011219900307002X"), [])
    flow.wipe()
    assert flow.phase == "idle" and flow.query is None and flow.status is None and flow.summaries == []
    assert flow.local_lookup is None
    assert "44011219900307002X" not in repr(flow.summary())


def test_the_verified_identity_is_the_cards_or_the_read_id_cards():
    from types import SimpleNamespace

    from kiosk.flows.status import verified_identity

    read = SimpleNamespace(documents={"id_card_front": SimpleNamespace(fields={"name": "李四", "id_number": "2"})})
    none = SimpleNamespace(documents={})
    assert verified_identity(SimpleNamespace(verified=False, card={"id_number": "1"}), read) == {}
    assert verified_identity(SimpleNamespace(verified=True, card={"id_number": "1"}), read) == {"id_number": "1"}
    assert verified_identity(SimpleNamespace(verified=True, card=None), read)["id_number"] == "2"
    assert verified_identity(SimpleNamespace(verified=True, card=None), none) == {}
