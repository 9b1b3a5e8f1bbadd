"""Printable handouts: a seminar handout prints on exactly one A4 page, without the
site's navigation, and the checklist page prints without buttons or sidebars.

The page count is read from the PDF that Chromium prints (``/Type /Page`` objects,
not ``/Pages``), so no PDF library is needed."""
from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from conftest import _QuietHandler
from test_editions import tutor_build

HIDDEN_IN_PRINT = [
    ".bd-header",
    ".bd-sidebar-primary",
    ".bd-sidebar-secondary",
    ".bd-header-article",
    ".prev-next-area",
    ".bd-footer",
    ".bd-header-announcement",
    "nav",
    "button",
]


@pytest.fixture(scope="module")
def tutor_url():
    book = tutor_build()
    if not (book.site / "index.html").exists():
        pytest.fail("The tutor edition did not build:\n" + book.log[-4000:])
    handler = functools.partial(_QuietHandler, directory=str(book.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def visible(page, selector: str) -> list[str]:
    """Elements matching selector that would be drawn (under the current media)."""
    return page.eval_on_selector_all(
        selector,
        """els => els.filter(el => {
            const s = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
        }).map(el => el.outerHTML.slice(0, 80))""",
    )


def test_page_counter():
    fake = b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>"
    assert pdf_page_count(fake) == 2


@pytest.mark.parametrize("n", [1, 5])
def test_seminar_handout_prints_on_one_a4_page(context, tutor_url, n):
    page = context.new_page()
    page.goto(f"{tutor_url}/exercises/tutor/ch{n:02d}-handout.html", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert visible(page, selector) == [], f"{selector} shows when printing"
    # The prompts and the notes box are there, in black.
    assert len(visible(page, ".handout-prompts li")) == 4
    assert visible(page, ".handout-notes")
    colour = page.eval_on_selector(".handout-prompts li", "el => getComputedStyle(el).color")
    assert colour in {"rgb(0, 0, 0)", "rgba(0, 0, 0, 1)"}
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    assert pdf_page_count(pdf) == 1
    page.close()


def test_checklist_page_prints_without_site_furniture(page, site_url):
    page.goto(f"{site_url}/chapters/barrier-checklist.html", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert visible(page, selector) == [], f"{selector} shows when printing the checklist"
    assert page.foreign_requests == []


def test_exercise_page_prints_without_buttons(page, site_url):
    page.goto(f"{site_url}/exercises/ch05-exercises.html", wait_until="networkidle")
    page.wait_for_selector(".sc fieldset")
    page.emulate_media(media="print")
    assert visible(page, "button") == []
    assert len(visible(page, ".sc fieldset")) == 5
