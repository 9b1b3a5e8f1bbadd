"""The learning log (learning-log.md + course-learning-log.js): a student's work from
three pages gathered on one page, exported, cleared, imported and restored, with
no cookie and no request carrying what the student typed.

Widgets are driven generically (radio buttons and text boxes inside
``.course-widget``), so the test holds while the widgets' markup changes.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from course_tools.portable import page_title  # noqa: E402
from coproduction_course.content import ui_text  # noqa: E402

PREFIX = "coproduction-course:v1:"
NOTE = "Checklist note: the forum met twice then stopped <b>bold</b>"
ARGUMENT = "Debate argument: survivors should decide the agenda & the budget"
ARGUMENT_LABEL = ui_text("debate")["argument_label"]


def _course_storage(page) -> dict:
    return page.evaluate(
        "(p) => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(p)).map(k => [k, localStorage.getItem(k)]))",
        PREFIX,
    )


def _widget(page, index: int):
    widget = page.locator(".course-widget").nth(index)
    widget.locator("input, textarea, select").first.wait_for()
    return widget


def _fill_three_pages(page, site_url) -> None:
    # 1. A self-check answer (exercises for chapter 1, first widget).
    page.goto(f"{site_url}/exercises/ch01-exercises.html")
    check = _widget(page, 0)
    check.locator("input[type=radio]").nth(1).check()
    # 2. A debate side and argument (same page, second widget).
    debate = _widget(page, 1)
    debate.locator("input[type=radio]").first.check()
    # The argument box by its label (the class list, also a text box, comes first).
    debate.get_by_label(ARGUMENT_LABEL, exact=True).fill(ARGUMENT)
    debate.get_by_label(ARGUMENT_LABEL, exact=True).press("Tab")
    # 3. A checklist rating and note.
    page.goto(f"{site_url}/chapters/barrier-checklist.html")
    checklist = _widget(page, 0)
    checklist.locator("input[type=radio]").nth(2).check()
    checklist.locator("textarea").first.fill(NOTE)
    checklist.locator("textarea").first.press("Tab")


def _download(page, action: str) -> bytes:
    with page.expect_download() as info:
        page.locator(f'button[data-action="{action}"]').click()
    return Path(info.value.path()).read_bytes()


def test_log_export_clear_import_restores_everything(browser, site_url, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requests: list[tuple[str, str]] = []
    page.on("request", lambda r: requests.append((r.url, r.post_data or "")))
    try:
        _fill_three_pages(page, site_url)
        page.goto(f"{site_url}/learning-log.html")
        log = page.locator("#course-learning-log")
        log.locator("h3").first.wait_for()
        shown = log.inner_text()
        assert NOTE in shown and ARGUMENT in shown, shown[:2000]
        assert "<b>" not in log.inner_html().replace("&lt;b&gt;", ""), "typed HTML must stay text"
        assert "Pages you have opened" in shown
        for source in ("exercises/ch01-exercises", "chapters/barrier-checklist"):
            assert page_title(source) in shown.splitlines(), source

        before = _course_storage(page)
        exported = _download(page, "export-json")
        markdown = _download(page, "export-markdown").decode("utf-8")
        assert NOTE in markdown and ARGUMENT in markdown and markdown.startswith("# My work")

        # Clear all asks first; Cancel keeps everything.
        page.locator('button[data-action="clear"]').click()
        page.locator('button[data-action="clear-cancel"]').click()
        assert _course_storage(page) == before
        page.locator('button[data-action="clear"]').click()
        page.locator('button[data-action="clear-yes"]').click()
        assert _course_storage(page) == {}
        assert NOTE not in log.inner_text()

        # A broken file changes nothing and says why.
        bad = tmp_path / "bad.json"
        bad.write_text('{"format": "something else"}')
        page.set_input_files("#course-log-import", str(bad))
        page.wait_for_function("document.querySelector('.course-log-status').textContent.includes('Nothing was changed')")
        assert _course_storage(page) == {}

        good = tmp_path / "log.json"
        good.write_bytes(exported)
        page.set_input_files("#course-log-import", str(good))
        page.locator('button[data-action="import-confirm"]').click()  # the import lists its changes and asks
        page.wait_for_function("document.querySelector('.course-log-status').textContent.startsWith('Imported')")
        assert _course_storage(page) == before
        again = _download(page, "export-json")
        assert hashlib.sha256(again).hexdigest() == hashlib.sha256(exported).hexdigest()

        # The widgets show the restored work.
        page.goto(f"{site_url}/chapters/barrier-checklist.html")
        checklist = _widget(page, 0)
        assert checklist.locator("textarea").first.input_value() == NOTE
        assert checklist.locator("input[type=radio]").nth(2).is_checked()
        page.goto(f"{site_url}/exercises/ch01-exercises.html")
        assert _widget(page, 0).locator("input[type=radio]").nth(1).is_checked()
        debate = _widget(page, 1)
        assert debate.get_by_label(ARGUMENT_LABEL, exact=True).input_value() == ARGUMENT

        assert context.cookies() == []
        leaks = [(u, d) for u, d in requests if any(s in u or s in d for s in ("forum met", "survivors should decide"))]
        assert leaks == []
        assert all(u.startswith((site_url, "blob:", "data:")) for u, _ in requests), [u for u, _ in requests
                                                                                      if not u.startswith(site_url)]
    finally:
        context.close()
