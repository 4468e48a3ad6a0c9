"""The console in a real headless Chromium (Debian's, driven by Playwright): a clerk works a submission that a
terminal posted, from arrival to the result mailed, and the terminal reads the outcome through the API."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hub.clerks import add_clerk

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NAME, PASSWORD = "李娜", "console password 1"


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (scripts/debian-packages.txt installs it; Playwright's own download is not used)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("Chromium is not installed (scripts/debian-packages.txt lists it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


def test_clerk_moves_a_submission_to_result_mailed(sqlite_hub, browser, make_submission, tmp_path: Path):
    hub = sqlite_hub
    add_clerk(hub.engine, NAME, PASSWORD)
    _, auth = hub.terminal()
    body = make_submission()
    number = body["tracking_no"]
    assert hub.post("/api/v1/submissions", auth, "browser-key-0001", json=body).status_code == 201

    context = browser.new_context(locale="zh-CN", java_script_enabled=False)  # the console needs no JavaScript
    page = context.new_page()
    page.goto(hub.url + "/clerk/")
    assert page.url.endswith("/clerk/login")

    page.fill("#name", NAME)
    page.fill("#password", "not the password")
    page.click("#login")
    assert "用户名或密码错误" in page.inner_text("#error")
    assert not [c for c in context.cookies() if c["name"] == "hub_session"]

    page.fill("#name", NAME)
    page.fill("#password", PASSWORD)
    page.click("#login")
    assert page.url == hub.url + "/clerk/"
    (cookie,) = [c for c in context.cookies() if c["name"] == "hub_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    page.click(f"text={number}")
    assert page.inner_text("#tracking-no") == number
    assert page.inner_text("#applicant-name") == body["applicant"]["name"]
    for image in page.query_selector_all("img"):  # materials and signature, served to the logged-in clerk only
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert len(page.query_selector_all("img")) == 3

    for target in ("accepted", "in_review", "approved"):
        assert page.query_selector("#move-result_mailed") is None
        page.fill("#note", f"{target} by the test")
        page.click(f"#move-{target}")
        assert page.get_attribute("#current-status", "data-status") == target
        assert page.inner_text("#message").startswith("已改为")
    page.fill("#mail-no-input", "EA123456789CN")
    page.screenshot(path=str(tmp_path / "detail-approved.png"), full_page=True)
    page.click("#move-result_mailed")
    assert page.get_attribute("#current-status", "data-status") == "result_mailed"
    assert page.inner_text("#mail-no") == "EA123456789CN"
    assert page.query_selector("form.move") is None  # nothing comes after the result is mailed

    status = hub.get(f"/api/v1/submissions/{number}", auth).json()
    assert status["status"] == "result_mailed" and status["mail_no"] == "EA123456789CN"
    assert [h["status"] for h in status["history"]] == [
        "submitted",
        "accepted",
        "in_review",
        "approved",
        "result_mailed",
    ]
    assert status["history"][2]["note"] == "in_review by the test"

    # The same form posted by the browser without its CSRF token is refused and changes nothing.
    second = make_submission()
    assert hub.post("/api/v1/submissions", auth, "browser-key-0002", json=second).status_code == 201
    scripted = browser.new_context(storage_state=context.storage_state())  # same cookies, scripts allowed
    forged = scripted.new_page()
    forged.goto(f"{hub.url}/clerk/submissions/{second['tracking_no']}")
    forged.evaluate("document.querySelectorAll('input[name=csrf]').forEach(e => e.remove())")
    forged.click("#move-accepted")
    assert "CSRF" in forged.inner_text("h1")
    assert hub.get(f"/api/v1/submissions/{second['tracking_no']}", auth).json()["status"] == "submitted"
    scripted.close()

    page.click("#logout")
    assert page.url.endswith("/clerk/login")
    page.goto(f"{hub.url}/clerk/submissions/{number}")
    assert page.url.endswith("/clerk/login")
    context.close()
