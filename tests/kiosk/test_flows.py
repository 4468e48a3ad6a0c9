"""Browse and guide flows without Qt: paging, elderly mode, languages, QR essentials."""

from __future__ import annotations

from kiosk.content import in_script, item_name
from kiosk.flows.browse import ELDERLY_PAGE_SIZE, CatalogBrowser
from kiosk.flows.guide import QR_LIMIT, item_actions, item_guide, qr_text


def test_paging_follows_what_fits_and_elderly_mode_shows_fewer(store):
    browser = CatalogBrowser(store)
    browser.set_query("补贴")
    browser.set_page_size(6)
    assert len(browser.state.rows) == 6 and browser.state.pages > 1
    browser.set_page(1)
    assert browser.state.page == 1
    browser.set_presentation("zh_CN", elderly=True)
    assert len(browser.state.rows) == ELDERLY_PAGE_SIZE
    browser.set_page(999)
    assert browser.state.page == browser.state.pages - 1


def test_titles_follow_the_language(store):
    browser = CatalogBrowser(store)
    browser.set_query("社保卡")
    first = browser.state.rows[0]
    assert first.title == "社会保障卡申领"
    browser.set_presentation("zh_HK", False)
    assert browser.state.rows[0].title == "社會保障卡申領"
    browser.set_presentation("en", False)
    assert browser.state.rows[0].title == "Apply for a social security card"


def test_filters_and_reset(store):
    browser = CatalogBrowser(store)
    browser.reset({"channel": "post_office"})
    assert all(store.item(r.id).post_office for r in browser.state.rows)
    browser.set_filters(audience="enterprise")
    assert all(store.item(r.id).audience in ("enterprise", "both") for r in browser.state.rows)
    browser.set_query("xqxqxqxq")
    assert browser.state.empty and browser.state.rows == []
    browser.reset()
    assert browser.state.query == "" and not browser.state.empty


def test_guide_in_three_scripts_and_only_actions_whose_flow_exists(store):
    item = store.item(next(r["id"] for r in store.records() if r["name"] == "社会保障卡申领"))
    dept = store.department(item.department)
    zh = item_guide(item, dept, "zh_CN")
    hk = item_guide(item, dept, "zh_HK")
    en = item_guide(item, dept, "en")
    assert zh.name == "社会保障卡申领" and "居民身份证" in zh.materials[0].name
    assert (
        hk.name == "社會保障卡申領"
        and "居民身份證" in hk.materials[0].name
        and "黃埔區" in hk.where
        and "廣州" in hk.phone
    )
    assert en.name.startswith("Apply") and en.subtitle == "社会保障卡申领"
    # Only actions whose flow runs: submitting here (a self-service item) and video consultation.
    assert item.self_service and "submit" in zh.actions and "consult" in zh.actions
    assert item_actions(item, frozenset({"submit", "consult"})) == ("submit", "consult")
    assert in_script("社会保险", "en") == "社会保险" and item_name(item, "en").startswith("Apply")


def test_qr_text_carries_the_essentials_within_limits(store):
    for record in list(store.records())[:200]:
        item = store.item(record["id"])
        text = qr_text(item, "zh_CN")
        assert text.startswith(item.name[:40]) and "12345" in text and len(text) <= QR_LIMIT + 40
