"""Printable handouts: a seminar handout prints on exactly one A4 page, without the
site's navigation; its large-print version prints at 18 pt; a seminar plan prints
without a stray "Contents" heading; the checklist page prints without buttons or
sidebars.

The page count is read from the PDF that Chromium prints (``/Type /Page`` objects,
not ``/Pages``). Text sizes in the PDF are read with pypdf: each piece of text's
font size times the vertical scale of its text and transformation matrices, which
is the size a reader sees on paper, in points."""
from __future__ import annotations

import functools
import http.server
import io
import math
import re
import threading

import pypdf
import pytest

from conftest import ROOT, _QuietHandler, load_page
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


def pdf_text_sizes(pdf: bytes) -> list[tuple[float, str]]:
    """(size in pt, text) for every piece of text drawn in the PDF."""
    sizes: list[tuple[float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            matrix = pypdf.mult(tm, cm)
            sizes.append((round(font_size * math.hypot(matrix[2], matrix[3]), 1), text.strip()))

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_page_counter():
    fake = b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>"
    assert pdf_page_count(fake) == 2


HANDOUTS = sorted(int(p.name[2:4]) for p in (ROOT / "exercises" / "tutor").glob("ch[0-9][0-9]-handout.md"))


@pytest.mark.parametrize("n", HANDOUTS)
def test_seminar_handout_prints_on_one_a4_page(context, tutor_url, n):
    page = context.new_page()
    load_page(page, f"{tutor_url}/exercises/tutor/ch{n:02d}-handout.html")
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


LARGE_PRINT_MIN_PT = 16  # large print: no less than 16 pt, preferably 18 (see print.css)


@pytest.mark.parametrize("n", HANDOUTS)
def test_large_print_handout(context, tutor_url, n):
    """The handout's "large print" link prints every prompt and the notes at 18 pt."""
    page = context.new_page()
    load_page(page, f"{tutor_url}/exercises/tutor/ch{n:02d}-handout.html")
    link = page.locator(".handout-size a", has_text="large print")
    assert link.count() == 1, "the handout offers no large-print version"
    link.click()
    assert page.url.endswith(f"#ch{n:02d}-handout-large-print")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT + [".handout-size"]:
        assert visible(page, selector) == [], f"{selector} shows when printing"
    prompts = visible(page, ".handout-prompts li")
    assert len(prompts) == 4
    pdf = page.pdf(format="A4", print_background=False)
    sizes = pdf_text_sizes(pdf)
    body = [size for size, text in sizes if len(text) > 12]  # words, not list numbers
    assert body, "no text found in the PDF"
    assert min(body) >= LARGE_PRINT_MIN_PT, f"text printed at {min(body)} pt: {[s for s in sizes if s[0] < LARGE_PRINT_MIN_PT][:5]}"
    assert 18 in body, "body text is not at 18 pt"
    # Each prompt's words are on paper, all in large print.
    printed = " ".join(text for _size, text in sizes)
    for prompt in page.eval_on_selector_all(".handout-prompts li", "els => els.map(e => e.innerText.trim())"):
        first_words = " ".join(prompt.split()[:3])
        assert first_words in printed, f"{first_words!r} is not in the large-print PDF"
    assert 1 <= pdf_page_count(pdf) <= 3
    page.close()


def test_standard_handout_text_is_smaller_than_large_print(context, tutor_url):
    """The size choice changes the print: the standard handout stays at 11 pt."""
    page = context.new_page()
    load_page(page, f"{tutor_url}/exercises/tutor/ch05-handout.html")
    page.emulate_media(media="print")
    body = [size for size, text in pdf_text_sizes(page.pdf(format="A4")) if len(text) > 12]
    assert max(body) < LARGE_PRINT_MIN_PT or sorted(body)[len(body) // 2] < LARGE_PRINT_MIN_PT
    page.close()


@pytest.mark.parametrize("n", [1, 5])
def test_seminar_plan_prints_without_a_stray_contents_heading(context, tutor_url, n):
    page = context.new_page()
    load_page(page, f"{tutor_url}/exercises/tutor/ch{n:02d}-seminar.html")
    page.emulate_media(media="print")
    headings = page.eval_on_selector_all(
        "h1, h2, h3, h4, p.rubric",
        """els => els.filter(el => {
            const r = el.getBoundingClientRect();
            return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
        }).map(el => el.textContent.replace(/#$/, '').trim())""",
    )
    assert "Contents" not in headings, headings
    assert headings[0].startswith(f"Chapter {n} seminar plan")
    assert "Plan for 60 minutes" in headings and "Safeguarding and strong feelings" in headings
    pdf = page.pdf(format="A4", print_background=False)
    printed = [text for _size, text in pdf_text_sizes(pdf)]
    assert "Contents" not in printed
    page.close()


def test_checklist_page_prints_without_site_furniture(page, site_url):
    load_page(page, f"{site_url}/chapters/barrier-checklist.html")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert visible(page, selector) == [], f"{selector} shows when printing the checklist"
    assert page.foreign_requests == []


def test_exercise_page_prints_without_buttons(page, site_url):
    load_page(page, f"{site_url}/exercises/ch05-exercises.html")
    page.wait_for_selector(".sc fieldset")
    page.emulate_media(media="print")
    assert visible(page, "button") == []
    assert len(visible(page, ".sc fieldset")) == 5
