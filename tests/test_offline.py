"""Reading offline: the zipped site from disk, and the service worker on the web.

The widget used is the barrier checklist, driven generically (its first radio
button and first text box) so the test does not depend on its inner markup.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from course_tools import offline  # noqa: E402
from course_tools.portable import SLUG  # noqa: E402

PREFIX = "coproduction-course:v1:"


def use_a_widget(page, text: str) -> None:
    """Rate one indicator and type a note in the first widget on the page."""
    widget = page.locator(".course-widget").first
    widget.locator("input[type=radio]").first.wait_for()
    assert page.locator(".widget-host-error").count() == 0
    radio = widget.locator("input[type=radio]").nth(1)
    radio.check()
    assert radio.is_checked()
    box = widget.locator("textarea").first
    box.fill(text)
    box.press("Tab")
    stored = page.evaluate(
        "(prefix) => Object.keys(localStorage).filter(k => k.startsWith(prefix)).map(k => localStorage.getItem(k)).join(' ')",
        PREFIX,
    )
    assert text in stored, "the widget did not keep the note in the browser"


@pytest.fixture(scope="module")
def unpacked(site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    archive = offline.offline_zip(site, out)
    zipfile.ZipFile(archive).extractall(out / "unpacked")
    return out / "unpacked" / SLUG


def test_zipped_site_works_from_disk(browser, unpacked):
    assert not (unpacked / "course-sw.js").exists()
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    leaving: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("file:", "blob:", "data:", "about:")) else leaving.append(r.url))
    try:
        page.goto((unpacked / "index.html").as_uri())
        page.locator("a[href$='barrier-checklist.html']").first.click()
        page.wait_for_url("**/barrier-checklist.html")
        assert page.url.startswith("file://")
        use_a_widget(page, "Written on a train, from disk")
        assert errors == [] and leaving == []
    finally:
        context.close()


def test_service_worker_keeps_the_course_working_offline(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{site_url}/learning-log.html")
        assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.get_by_role("button", name="Make the whole course available offline").click()
        status = page.locator("#course-offline-status")
        page.wait_for_function(
            "document.getElementById('course-offline-status').textContent.startsWith('Done')", timeout=60000
        )
        listed = json.loads(page.evaluate("fetch('offline-files.json').then(r => r.text())"))["files"]
        assert str(len(listed)) in status.inner_text()
        context.set_offline(True)
        # A page never opened before, and a widget on it.
        page.goto(f"{site_url}/chapters/barrier-checklist.html")
        assert "checklist" in page.get_by_role("heading", level=1).first.inner_text().lower()
        use_a_widget(page, "Noted with the network off")
        # A page the list does not hold says so plainly instead of a browser error.
        page.goto(f"{site_url}/no-such-page.html")
        assert "not saved in this browser" in page.content()
    finally:
        context.set_offline(False)
        context.close()


def test_nothing_is_cached_until_asked_except_pages_visited(browser, site_url):
    """A reader who never presses the button only has the pages they opened."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{site_url}/intro.html")
        assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # now controlled: this visit is kept
        # The worker keeps a page after answering with it; wait until it has (a fixed
        # pause could end before a busy machine had written it).
        page.wait_for_function("""async url => {
            for (const name of await caches.keys())
                if (await (await caches.open(name)).match(url)) return true;
            return false;
        }""", arg=page.url, timeout=10000)
        context.set_offline(True)
        page.goto(f"{site_url}/intro.html")
        assert page.get_by_role("heading", level=1).first.is_visible()
        page.goto(f"{site_url}/glossary.html")
        assert "not saved in this browser" in page.content()
    finally:
        context.set_offline(False)
        context.close()
