"""Reflow (WCAG 1.4.10): on a 375 px phone no text needs sideways scrolling (issue 9).

Every page of the student and the tutor edition is loaded at 375 px (a touch phone)
after its widgets are drawn. The test fails if the page scrolls sideways, or if any
text output of a notebook or any prose element of the article (paragraphs, list
items, table cells, headings, definitions, quotations) reaches past the right edge
of the screen or is wider than its own box. Code listings may scroll; prose may not.
Widget internals are checked by the widgets' own tests; here each widget's box must
fit the screen.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from test_accessibility import wait_for_widgets
from test_editions import tutor_build
from conftest import load_page

PHONE = dict(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True)

# Prose and text outputs; code listings (div.highlight outside outputs) are left out.
CHECKED = ", ".join([
    ".bd-article p", ".bd-article li", ".bd-article td", ".bd-article th", ".bd-article dt",
    ".bd-article dd", ".bd-article h1", ".bd-article h2", ".bd-article h3", ".bd-article h4",
    ".bd-article blockquote", ".bd-article caption", ".bd-article summary",
    ".bd-article .cell_output", ".bd-article .cell_output pre", ".bd-article .output pre",
    ".bd-article .course-widget",
])

OVERFLOWS = """selector => {
    const width = document.documentElement.clientWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width + 1) {
        found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    }
    for (const el of document.querySelectorAll(selector)) {
        if (el.closest('.course-widget') && !el.matches('.course-widget')) continue;
        if (el.closest('.cell_input, .visually-hidden, .d-none')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;  // not shown
        // Content wider than its own box: it spills out, or must be scrolled sideways.
        const tooWideInside = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
        if (box.right > width + 1 || tooWideInside) {
            const text = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
            found.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ` +
                       `right edge ${Math.round(box.right)} px, content ${el.scrollWidth} px: "${text}"`);
        }
    }
    return found;
}"""


def _pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html")
        if "_static" not in p.parts and p.name not in {"genindex.html", "search.html"}
    )


def _overflows(browser, base: str, site: Path) -> dict[str, list[str]]:
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    problems = {}
    try:
        for rel in _pages(site):
            load_page(page, f"{base}/{rel}")
            wait_for_widgets(page)
            page.wait_for_timeout(50)
            found = page.evaluate(OVERFLOWS, CHECKED)
            if found:
                problems[rel] = found[:8] + ([f"... and {len(found) - 8} more"] if len(found) > 8 else [])
    finally:
        ctx.close()
    return problems


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{rel}:\n  " + "\n  ".join(items) for rel, items in problems.items())


def test_student_edition_reflows_at_375px(browser, site, site_url):
    problems = _overflows(browser, site_url, site)
    assert not problems, "Text wider than a 375 px phone:\n" + _report(problems)


@pytest.fixture(scope="module")
def tutor_url(tutor_book_site):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tutor_book_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def tutor_book_site() -> Path:
    book = tutor_build()
    if not (book.site / "index.html").exists():
        pytest.fail("The tutor edition did not build:\n" + book.log[-4000:])
    return book.site


def test_tutor_edition_reflows_at_375px(browser, tutor_book_site, tutor_url):
    problems = _overflows(browser, tutor_url, tutor_book_site)
    assert not problems, "Text wider than a 375 px phone:\n" + _report(problems)
