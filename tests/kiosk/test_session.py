"""The session state machine: transitions from one table, the back stack, and the wipe."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.modules import enabled_modules, module_by_id
from kiosk.session import TRANSITIONS, Screen, Session, TransitionError


def test_a_resident_journey_and_back_stack():
    session = Session()
    seen = []
    session.on_change(lambda s, reason: seen.append((s.screen, reason)))
    assert session.screen == Screen.ATTRACT
    session.go("start")
    session.open_module("search")
    assert session.screen == Screen.BROWSE and session.data.module == "search"
    session.go("open_item", item_id="hp-00593")
    assert session.screen == Screen.ITEM and session.stack == [Screen.HOME, Screen.BROWSE]
    session.go("back")
    assert session.screen == Screen.BROWSE
    session.go("back")
    assert session.screen == Screen.HOME
    session.go("back")  # nothing left: home stays home
    assert session.screen == Screen.HOME
    assert seen[0] == (Screen.HOME, "start")


def test_home_clears_the_stack_and_modules_carry_their_filters():
    session = Session()
    session.go("start")
    session.open_module("social_insurance")
    assert session.data.filters == {"theme": "社保"}
    session.go("open_item", item_id="x")
    session.go("home")
    assert session.stack == [] and session.screen == Screen.HOME
    session.open_module("portal_yss")
    assert session.screen == Screen.PORTAL and session.data.portal == "portal_yss"


def test_transitions_not_in_the_table_are_refused():
    session = Session()
    with pytest.raises(TransitionError, match="open_item"):
        session.go("open_item", item_id="x")  # not from the attract screen
    session.go("start")
    with pytest.raises(TransitionError, match="unknown session field"):
        session.go("home", nonsense=1)
    assert all(isinstance(k, tuple) and len(k) == 2 for k in TRANSITIONS)


def test_technician_and_error_screens_are_not_stacked():
    session = Session()
    session.go("start")
    session.go("technician")
    session.go("pin_ok")
    assert session.screen == Screen.DIAGNOSTICS and Screen.PIN not in session.stack
    session.go("error")
    assert session.screen == Screen.ERROR


@pytest.mark.parametrize("ending", ["finish", "timeout", "restart"])
def test_every_ending_wipes_everything(tmp_path: Path, ending: str):
    session = Session(language="zh_CN", temp_dir=tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    wiped = []
    session.on_wipe(lambda: wiped.append(True))
    session.go("start")
    session.set_language("en")
    session.set_elderly(True)
    session.open_module("search")
    session.data.query = "张三丰 440112199001011234"
    session.data.application.values["id_number"] = "440112199001011234"
    (tmp_path / "tmp" / "scan.jpg").write_bytes(b"\xff\xd8 document image")
    session.go(ending)
    assert session.screen == Screen.ATTRACT
    assert session.data.query == "" and session.data.application.values == {} and session.data.module == ""
    assert session.stack == [] and session.language == "zh_CN" and session.elderly is False
    assert list((tmp_path / "tmp").iterdir()) == []
    assert wiped == [True] and session.ended_count == 1


def test_language_and_mode_switch_on_any_screen():
    session = Session()
    session.set_language("zh_HK")
    session.set_elderly(True)
    assert (session.language, session.elderly) == ("zh_HK", True)
    with pytest.raises(ValueError):
        session.set_language("fr")


def test_enabled_modules_follow_config_and_elderly_mode_shows_four():
    config = load_config(environ={})
    ids = [m.id for m in enabled_modules(config)]
    assert ids[:5] == ["search", "self_service", "status", "pickup", "social_insurance"]
    assert "consult" in ids  # 视频咨询: its flow exists
    elderly = enabled_modules(config, elderly=True)
    assert len(elderly) == 4 and elderly[0].id == "search"
    assert module_by_id("portal_gba").portal
    with pytest.raises(ValueError):
        module_by_id("nope")


def _at_item(session: Session) -> None:
    session.go("start")
    session.open_module("search")
    session.go("open_item", item_id="hp-00593")


def test_reading_a_document_goes_capture_review_and_back_to_the_item():
    session = Session()
    _at_item(session)
    session.read_document("id_card_front")
    assert session.screen == Screen.CAPTURE and session.data.document.kind == "id_card_front"
    assert session.stack == [Screen.HOME, Screen.BROWSE, Screen.ITEM]
    session.go("captured")
    assert session.screen == Screen.REVIEW
    session.go("retake")  # back to the capture screen, not a second capture on the stack
    assert session.screen == Screen.CAPTURE and session.stack == [Screen.HOME, Screen.BROWSE, Screen.ITEM]
    session.go("captured")
    session.go("confirm")  # returns to the item: back from there leads to the results, not the review
    assert session.screen == Screen.ITEM and session.stack == [Screen.HOME, Screen.BROWSE]
    session.go("back")
    assert session.screen == Screen.BROWSE


def test_document_actions_come_only_from_their_screens():
    session = Session()
    session.go("start")
    with pytest.raises(TransitionError):
        session.read_document("id_card_front")  # not from home
    session = Session()
    _at_item(session)
    with pytest.raises(TransitionError):
        session.read_document("passport")
    for action in ("captured", "retake", "confirm"):
        assert not session.allowed(action)
    session.read_document("business_license")
    assert not session.allowed("confirm") and session.allowed("captured") and session.allowed("back")


def test_leaving_the_document_screens_gives_up_the_attempt_and_back_from_review_retakes():
    import numpy as np

    session = Session()
    _at_item(session)
    session.read_document("id_card_front")
    flow = session.data.document
    flow.begin_capture()
    image = np.full((8, 8, 3), 99, np.uint8)
    flow.captured(image)
    session.go("captured")
    session.go("back")
    assert session.screen == Screen.CAPTURE and flow.image is image  # still within the flow
    session.go("back")
    assert session.screen == Screen.ITEM and flow.image is None and not image.any()
    session.read_document("id_card_front")
    session.go("home")
    assert session.data.document.phase == "idle"


def test_ending_the_session_wipes_the_documents_read():
    import numpy as np

    session = Session()
    _at_item(session)
    session.read_document("id_card_front")
    flow = session.data.document
    flow.begin_capture()
    picture = np.full((8, 8, 3), 99, np.uint8)
    flow.captured(picture)
    session.go("finish")
    assert session.data.document is not flow and session.data.document.kind == ""
    assert flow.image is None and not picture.any() and flow.documents == {}


def test_an_application_returns_from_its_errands_and_cannot_be_resent(tmp_path: Path):
    session = Session(temp_dir=tmp_path)
    _at_item(session)
    session.go("apply")
    session.go("verify_face")
    assert session.go("verified") == Screen.APPLY  # back to the checklist that sent the resident
    session.read_document("page", "m2")
    session.go("captured")
    session.go("retake")
    session.go("captured")
    assert session.go("confirm") == Screen.APPLY and session.data.document.key == "m2"
    assert session.stack == [Screen.HOME, Screen.BROWSE, Screen.ITEM]
    for action, screen in (("fill_form", Screen.FORM), ("sign", Screen.SIGN), ("review", Screen.CONFIRM)):
        assert session.go(action) == screen
    assert session.go("edit_form") == Screen.FORM and session.go("sign") == Screen.SIGN  # no loop on the stack
    session.go("review")
    assert session.go("submitted") == Screen.DONE and session.stack == []
    assert session.go("back") == Screen.HOME  # never back into the submitted application
    with pytest.raises(TransitionError):
        session.go("submitted")
    assert session.go("scanned_receipt") == Screen.STATUS  # a receipt held to the scanner, from anywhere
