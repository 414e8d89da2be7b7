"""The app driven the way a person uses it, in headless Chromium (Debian's, never a downloaded
one): sign in, ask, follow a citation to its paragraph, upload a file, see it in the library.
Every request the page makes must go to the app's own server."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TIMEOUT = 60_000  # ms: the first answer on a loaded 2-core machine


@pytest.fixture
def page(app_server):
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        yield page
        context.close()
        browser.close()


def _sign_in(page, server) -> None:
    page.goto(server.url)
    page.get_by_label("username").fill(server.user)
    page.get_by_label("password").fill(server.password)
    page.get_by_role("button", name="Login").click()
    page.wait_for_selector("#question textarea")


def test_sign_in_ask_follow_a_citation_and_upload(page, app_server, tmp_path):
    _sign_in(page, app_server)

    page.fill("#question textarea", "What was attendance by health partners at conferences?")
    page.click("#ask")
    link = page.wait_for_selector('#chat a[href="#src-1-1"]')
    assert link.inner_text().strip() == "[1]"
    link.click()
    card = page.locator("#src-1-1")
    page.wait_for_function("document.querySelector('#src-1-1').classList.contains('ev-flash')")
    assert card.is_visible()
    assert card.locator(".ev-para").inner_text() == "para 3.2"
    assert card.locator(".ev-page").inner_text() == "p. 7"
    assert "58 per cent" in card.locator(".ev-text mark").inner_text()
    card.locator("button.ev-copy").click()
    page.wait_for_function("document.querySelector('#src-1-1 .ev-copy').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("\u201cAttendance by health partners")
    assert copied.endswith(
        "(Review of the LSCB. LSCB review, 16 Mar 2016, para 3.2, p. 7 (lscb-review.pdf))"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "app-answer.png"))

    upload = tmp_path / "browser-upload.md"
    upload.write_text("# Respite care\n\n1. Short breaks were offered to 40 families.\n")
    page.get_by_role("tab", name="Library").click()
    page.set_input_files("#upload input[type=file]", str(upload))
    page.click("#add")
    page.wait_for_selector("#library-table :text('browser-upload.md')")
    assert "1 of 1 file done" in page.locator("#library-status").inner_text()
    page.screenshot(path=str(ARTIFACTS / "app-library.png"), full_page=True)

    outside = [
        url for url in page.requests
        if not url.startswith(app_server.url) and not url.startswith(("data:", "blob:"))
    ]  # fmt: skip
    assert page.requests and not outside, f"requests left the server: {outside}"


def test_markup_in_a_document_shows_as_text(page, app_server):
    _sign_in(page, app_server)
    page.fill("#question textarea", "What did the portal show in the panel notes?")
    page.click("#ask")
    page.wait_for_selector("#sources .ev-card")
    text = page.locator("#sources").inner_text()
    assert "<script>alert('x')</script>" in text
    assert page.evaluate("document.querySelectorAll('#sources script').length") == 0
