"""The whole-course PDFs (course_tools/pdf.py, `make pdf`): what a reader of each file gets.

Both editions are built and printed once per test session (about a minute each).
The checks read the PDFs as a PDF reader or screen reader would (the outline with pypdf,
the text with PDFium, the reader Chromium uses): the bookmark outline against _toc.yml,
the structure tree and language, every page of the table of contents in the text,
widgets printed as content, the running footer, and, for the student edition, not one
fragment of a model answer.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import sys
import unicodedata
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
import yaml

from conftest import BUILD_PARENT, SharedOutput

ROOT = Path(__file__).resolve().parent.parent
from course_tools import editions  # noqa: E402
from course_tools import pdf as pdf_script  # noqa: E402
from course_tools.portable import page_title, pdf_name  # noqa: E402

_spec = importlib.util.spec_from_file_location("editions_check", ROOT / "tests" / "test_editions.py")
editions_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(editions_check)

PDF_DIR = Path(str(BUILD_PARENT) + "-pdf")


# Both editions' PDF builds start at once (on two cores that halves the wait), once
# per test run across xdist workers (conftest.SharedOutput).
PDF_BUILDS = SharedOutput(PDF_DIR, {
    edition: [sys.executable, "-m", "course_tools", "pdf", edition, "--output", str(PDF_DIR)]
    for edition in ("student", "tutor")
})


# COURSE_TEST_PDFS=DIR checks the PDFs already in DIR (e.g. `make pdf`'s _build/pdf)
# instead of printing both editions again.
PREBUILT = os.environ.get("COURSE_TEST_PDFS")


@functools.lru_cache(maxsize=None)
def built_pdf(edition: str) -> Path:
    if PREBUILT:
        target = Path(PREBUILT) / pdf_name(edition)
        if not target.exists():
            pytest.fail(f"COURSE_TEST_PDFS is set but {target} does not exist")
        return target
    returncode, log = PDF_BUILDS.result(edition)
    target = PDF_DIR / pdf_name(edition)
    if returncode != 0 or not target.exists():
        pytest.fail(f"make pdf failed for the {edition} edition:\n" + (log or "")[-4000:])
    return target


@functools.lru_cache(maxsize=None)
def reader(edition: str):
    from pypdf import PdfReader

    return PdfReader(str(built_pdf(edition)))


@functools.lru_cache(maxsize=None)
def page_texts(edition: str) -> tuple[str, ...]:
    """Each page's text, as PDFium (the reader Chromium uses) extracts it: both editions'
    777 pages in about 3 CPU-seconds, where pypdf took about 55, so each worker reads its own."""
    texts = []
    document = pypdfium2.PdfDocument(str(built_pdf(edition)))
    try:
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            # PDFium gives a word broken by a hyphen at the end of a line as U+0002; give it
            # back as the hyphen and the line break that the page shows.
            texts.append(text_page.get_text_bounded().replace("\x02", "-\n"))
            text_page.close()
            page.close()
    finally:
        document.close()
    return tuple(texts)


def _plain(text: str) -> str:
    """Text as the fragment check compares it: ligatures undone, quotes and spaces plain."""
    return editions_check._normalise(unicodedata.normalize("NFKC", text))


def _squash(text: str) -> str:
    """For titles: letters and digits only (line breaks inside a heading drop spaces)."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


def toc_entries(edition: str) -> list[tuple[str, int]]:
    """(page title, depth) for every page in the edition's table of contents, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    if edition == "tutor":
        toc = editions.tutor_toc(toc)
    entries = [(toc["root"], 0)]

    def add(items, depth):
        for item in items:
            entries.append((item["file"], depth))
            add(item.get("sections", []), depth + 1)

    for part in toc["parts"]:
        add(part["chapters"], 1)
    return [(page_title(f), d) for f, d in entries]



def outline(edition: str) -> list[tuple[str, int]]:
    r = reader(edition)
    out: list[tuple[str, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((item.title, depth))

    walk(r.outline, 0)
    return out


EDITIONS = ["student", "tutor"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_outline_follows_the_table_of_contents(edition):
    """Every toc page is a bookmark, in toc order, and sections sit under their chapter."""
    marks = outline(edition)
    squashed = [(_squash(t), d) for t, d in marks]
    position = -1
    depth_of: dict[str, int] = {}
    for title, toc_depth in toc_entries(edition):
        key = _squash(title)
        later = [i for i, (t, _) in enumerate(squashed) if t == key and i > position]
        assert later, f"{edition} PDF: no bookmark {title!r} after position {position}; outline: {marks[:40]}"
        position = later[0]
        depth_of[title] = squashed[position][1]
        assert squashed[position][1] == toc_depth, (title, squashed[position][1], toc_depth)
    assert len(marks) > 3 * len(depth_of), "the outline should also list each page's sections"


@pytest.mark.parametrize("edition", EDITIONS)
def test_pdf_is_tagged_with_its_language(edition):
    root = reader(edition).trailer["/Root"]
    assert "/StructTreeRoot" in root, "no structure tree: the PDF is not tagged"
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    language = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]["language"]
    assert root["/Lang"] == language


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_of_the_course_is_in_the_text(edition):
    texts = page_texts(edition)
    entries = toc_entries(edition)
    assert len(texts) >= 2 * len(entries), f"only {len(texts)} pages for {len(entries)} course pages"
    whole = _squash(" ".join(texts))
    missing = [t for t, _ in entries if _squash(t) not in whole]
    assert missing == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_has_the_edition_and_a_page_number(edition):
    texts = page_texts(edition)
    label = {"student": "Student edition", "tutor": "Tutor edition"}[edition]
    for number, text in enumerate(texts, start=1):
        assert label in text and f"Page {number} of {len(texts)}" in text, (number, text[-200:])


def test_student_pdf_holds_no_model_answer():
    text = _plain(" ".join(page_texts("student")))
    leaks = {name: [f for f in frags if f in text] for name, frags in editions_check.secret_fragments().items()}
    assert {k: v for k, v in leaks.items() if v} == {}


def test_tutor_pdf_holds_the_model_answers():
    """The same search finds the answers where they belong: it can fail."""
    text = _plain(" ".join(page_texts("tutor")))
    fragments = [f for frags in editions_check.secret_fragments().values() for f in frags]
    found = [f for f in fragments if f in text]
    # Text extraction may split a fragment at a page break; nearly all must be found.
    assert len(found) >= 0.9 * len(fragments), [f for f in fragments if f not in text][:10]


def test_widgets_print_as_content_not_blank_controls():
    text = " ".join(page_texts("student"))
    barriers = yaml.safe_load((ROOT / "coproduction_course/data/barriers.yml").read_text(encoding="utf-8"))
    motions = yaml.safe_load((ROOT / "coproduction_course/data/motions.yml").read_text(encoding="utf-8"))["motions"]
    plain = _squash(text)
    # The checklist as a table to fill in: every indicator, and the rating columns.
    for group in barriers["groups"]:
        for indicator in group["indicators"]:
            assert _squash(indicator["text"]) in plain, indicator["id"]
    # The rating columns' headings, in order, as each checklist table's header row.
    from coproduction_course.checklist import load_content

    labels = load_content("barriers")["rating_labels"]
    header = _squash("Indicator" + "".join(str(labels[k]) for k in ("not_seen", "partly", "clearly")))
    assert plain.count(header) >= len(barriers["groups"]), f"checklist tables lack the header row {header!r}"
    # Debate motions as text, with the prompts for each side.
    for motion in motions:
        assert _squash(motion["title"]) in plain, motion["id"]
    assert "For the motion:" in text and "Against the motion:" in text
    assert "Self-check:" in text
    # Every self-check question, with every option, as text to answer on paper.
    checks = yaml.safe_load((ROOT / "coproduction_course/data/selfcheck.yml").read_text(encoding="utf-8"))["chapters"]
    missing = [q["id"] for c in checks for q in c["questions"]
               if _squash(q["prompt"]) not in plain or any(_squash(o["text"]) not in plain for o in q["options"])]
    assert missing == [], f"self-check questions missing from the PDF: {missing}"


def test_figures_have_text_alternatives_and_citations_survive():
    single = built_pdf("student").parent / "student" / "_build" / "singlehtml" / "intro.html"
    built_pdf("student")
    html = single.read_text(encoding="utf-8")
    images = re.findall(r"<img\b[^>]*>", html)
    assert images, "the book has figures"
    assert [i for i in images if not re.search(r'\balt="[^"]+"', i)] == []
    # The book's objects are packed in object streams: read its structure, not its bytes.
    with pikepdf.open(built_pdf("student")) as pdf:
        figures = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure"]
        unlabelled = [f.objgen for f in figures if not str(f.get("/Alt", "")).strip()]
    assert figures, "no figure is tagged as a /Figure"
    assert unlabelled == [], f"{len(unlabelled)} of {len(figures)} figures are tagged without their text alternative"
    text = " ".join(page_texts("student"))
    assert re.search(r"\[Carr, 2016a?\]", text), "author-year citations are missing"
    bibliography = [t for t in page_texts("student") if "Bibliography" in t]
    assert bibliography and "Carr" in " ".join(bibliography)


def test_printing_fetches_nothing_and_dates_are_fixed(tmp_path, monkeypatch, browser):
    """Two guards of course_tools/pdf.py, on small inputs: refused requests, fixed dates."""
    page = tmp_path / "page.html"
    page.write_text('<html lang="en"><body><h1>T</h1><img alt="x" src="https://example.invalid/x.png"></body></html>')
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    target = tmp_path / "out.pdf"
    refused = pdf_script.print_pdf(page, target, "student", browser)
    assert refused == ["https://example.invalid/x.png"]
    with pikepdf.open(target) as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20260101000000")
    first = target.read_bytes()
    pdf_script.print_pdf(page, target, "student", browser)
    assert target.read_bytes() == first, "printing the same page twice gives different bytes"


def test_pages_link_to_their_edition_pdf_once_it_is_in_the_site(tmp_path, site):
    """`make pdf` puts the PDF in the site before rebuilding it; then every page links to it."""
    from types import SimpleNamespace

    sys.path.insert(0, str(ROOT / "_ext"))
    import course_portable

    def app(title):
        return SimpleNamespace(config=SimpleNamespace(html_title=title, project=title),
                               builder=SimpleNamespace(name="html"), outdir=str(tmp_path))

    pathto = lambda name, resource: "../" + name  # noqa: E731  (as from a page one folder down)
    student = course_portable.edition_line(app("Co-production in Mental Health"), "chapters/x", pathto)
    assert "Student edition, built" in student and ".pdf" not in student
    (tmp_path / pdf_name("tutor")).write_bytes(b"%PDF-1.7")
    tutor = course_portable.edition_line(app("Co-production in Mental Health (tutor edition)"), "chapters/x", pathto)
    assert "Tutor edition" in tutor and f'href="../{pdf_name("tutor")}"' in tutor
    # The built student site (no PDF in it during tests) shows the edition line on every page.
    for page in ("intro.html", "chapters/01-what-is-co-production.html", "learning-log.html"):
        assert "Student edition, built" in (site / page).read_text(encoding="utf-8"), page


def test_structure_ids_do_not_depend_on_dom_timing():
    """Chromium names structure elements after DOM node numbers, which shift run to run."""
    first = b"/ID (node00000319)>> /Names [(node00000319) 1 0 R (node00000321) 2 0 R]"
    second = b"/ID (node00000285)>> /Names [(node00000285) 1 0 R (node00000287) 2 0 R]"
    assert pdf_script.renumber_structure_ids(first) == pdf_script.renumber_structure_ids(second)
    assert len(pdf_script.renumber_structure_ids(first)) == len(first)
    assert b"(node00000000)" in pdf_script.renumber_structure_ids(first)
