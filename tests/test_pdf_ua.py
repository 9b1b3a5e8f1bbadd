"""The course PDFs against PDF/UA-1 and what a reader of a printed book needs.

Both PDFs come from tests/test_pdf.py's session build (both editions printed in
the background once). The checks:

* ``pdfua check`` (PyPI pdfua, the machine-checkable subset of PDF/UA-1) finds no
  error and no link or annotation without a description;
* XMP metadata identifies PDF/UA part 1 and gives the title and language;
* every structure type is standard or role-mapped to a standard one;
* no text-showing operator on any page is outside marked content (the running
  footer is an /Artifact), read from the content streams with pikepdf;
* a contents page lists every course page with the page number its bookmark has;
* each tutor handout starts a sheet with its own title and shares no sheet with
  the next page of the book, so it can be photocopied;
* the tutor PDF ends with the self-checks' answer key; the student PDF has none.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pikepdf
import pytest
import yaml

import pdfua_speed
from test_pdf import EDITIONS, ROOT, _squash, built_pdf, page_texts, reader, toc_entries

pdfua_speed.install()

# PDF 1.7 (ISO 32000-1, 14.8.4) standard structure types.
STANDARD_TYPES = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


def _open(edition: str) -> pikepdf.Pdf:
    return pikepdf.open(built_pdf(edition))


@pytest.mark.parametrize("edition", EDITIONS)
def test_pdfua_check_finds_no_error_and_no_undescribed_link(edition):
    from pdfua import Severity, validate

    report = validate(str(built_pdf(edition)))
    problems = [
        f"{f.rule_id} {f.severity.name}: {f.message} ({f.location.describe()})"
        for f in report.findings
        if f.severity == Severity.ERROR or f.rule_id in ("UA-18-001", "UA-18-005", "UA-28-004")
    ]
    assert problems == [], f"{len(problems)} findings, first: {problems[:8]}"


def _pdfua_rules(path) -> set[str]:
    from pdfua import validate

    return {f.rule_id for f in validate(str(path)).findings}


def test_pdfua_check_finds_a_broken_copy(tmp_path):
    """Negative control: the student PDF with its XMP metadata and every link's
    description removed must fail the same check (no PDF/UA identifier, undescribed links)."""
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(built_pdf("student")) as pdf:
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        for page in pdf.pages:
            for annot in page.get("/Annots") or []:
                if annot.get("/Subtype") == "/Link" and "/Contents" in annot:
                    del annot["/Contents"]
        pdf.save(broken)
    rules = _pdfua_rules(broken)
    assert {"UA-18-005", "UA-28-004"} <= rules, rules


def _element_key(element) -> tuple:
    return (element.role, element.obj.objgen, element.page, element.alt, element.actual_text,
            element.has_scope, element.has_headers, len(element.children))


def test_quick_structure_walk_yields_what_upstreams_walk_yields():
    """pdfua_speed's walk against pdfua's own on the first sections of the student PDF
    with a few hundred elements or more (upstream's walk is too slow for the whole tree)."""
    from pdfua.document import PdfDocument

    compared = 0
    with PdfDocument.open(str(built_pdf("student"))) as doc:
        tops = [kid for root in doc._kids(doc.struct_root) for kid in doc._kids(root)]
        for node in tops:
            quick = [_element_key(e) for e in pdfua_speed.walk_built_once(doc, node, 1, None)]
            if len(quick) < 300:
                continue
            upstream = [_element_key(e) for e in pdfua_speed.UPSTREAM_WALK(doc, node, 1, None)]
            assert quick == upstream
            compared += len(quick)
            if compared > 3000:
                break
    assert compared > 3000, f"only {compared} elements compared"


def test_quick_structure_walk_refuses_another_pdfua(monkeypatch):
    monkeypatch.setitem(pdfua_speed.WRITTEN_FOR, "_build", "0" * 64)
    with pytest.raises(RuntimeError, match="differs in _build"):
        pdfua_speed.install()


@pytest.mark.parametrize("edition", EDITIONS)
def test_xmp_metadata_identifies_pdf_ua_with_title_and_language(edition):
    ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
          "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}
    with _open(edition) as pdf:
        assert "/Metadata" in pdf.Root, "no XMP metadata stream in the catalog"
        xml = pdf.Root.Metadata.read_bytes()
        title, lang = str(pdf.docinfo.get("/Title", "")), str(pdf.Root.Lang)
        display_title = bool(pdf.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False))
    tree = ET.fromstring(xml.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    assert [e.text for e in tree.iterfind(".//pdfuaid:part", ns)] == ["1"]
    titles = [e.text for e in tree.iterfind(".//dc:title/rdf:Alt/rdf:li", ns)]
    assert titles == [title] and "Co-production in Mental Health" in title
    assert [e.text for e in tree.iterfind(".//dc:language/rdf:Bag/rdf:li", ns)] == [lang]
    assert display_title, "readers should show the title, not the file name"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_structure_type_is_standard_or_role_mapped(edition):
    with _open(edition) as pdf:
        tree = pdf.Root.StructTreeRoot
        role_map = {str(k)[1:]: str(v)[1:] for k, v in (tree.get("/RoleMap") or {}).items()}
        used: dict[str, int] = {}
        stack = [tree.get("/K")]
        while stack:
            item = stack.pop()
            if isinstance(item, pikepdf.Array):
                stack.extend(item)
            elif isinstance(item, pikepdf.Dictionary):
                if "/S" in item:
                    name = str(item.S)[1:]
                    used[name] = used.get(name, 0) + 1
                stack.append(item.get("/K"))
    assert "Strong" in used and "Em" in used, sorted(used)
    unmapped = {t: n for t, n in used.items() if t not in STANDARD_TYPES and role_map.get(t) not in STANDARD_TYPES}
    assert unmapped == {}, f"non-standard types without a standard role (RoleMap {role_map})"


# Only these operators matter to the marked-content walk; pikepdf filters the rest out
# in C++ (the tutor PDF has 2.25 million operators, 0.94 million of these).
MARKED_CONTENT_OPERATORS = " ".join(["BDC", "BMC", "EMC", *sorted(TEXT_SHOWING)])


def _text_outside_marked_content(pdf: pikepdf.Pdf) -> tuple[dict[int, int], int]:
    """({page number: text-showing operators outside any marked content}, /Artifact sections)."""
    begin = {pikepdf.Operator("BDC"), pikepdf.Operator("BMC")}
    end = pikepdf.Operator("EMC")
    artifact = pikepdf.Name("/Artifact")
    outside: dict[int, int] = {}
    artifacts = 0
    for number, page in enumerate(pdf.pages, start=1):
        depth = 0
        for operands, op in pikepdf.parse_content_stream(page, MARKED_CONTENT_OPERATORS):
            if op in begin:
                depth += 1
                artifacts += operands[0] == artifact
            elif op == end:
                depth -= 1
            elif depth == 0:  # a text-showing operator
                outside[number] = outside.get(number, 0) + 1
    return outside, artifacts


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_text_is_outside_marked_content(edition):
    """Text is tagged content or an /Artifact (the running footer): never neither."""
    with _open(edition) as pdf:
        outside, artifacts = _text_outside_marked_content(pdf)
        pages = len(pdf.pages)
    assert sum(outside.values()) == 0, (
        f"{sum(outside.values())} text-showing operators outside marked content on {len(outside)} of {pages} pages")
    assert artifacts >= pages, "each page's footer should be an /Artifact"


def test_marked_content_check_can_fail():
    """One page: a footer marked as an /Artifact, a tagged paragraph, and text in neither."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].Contents = pdf.make_stream(
        b"/Artifact BMC BT (footer) Tj ET EMC "
        b"/P <</MCID 0>> BDC BT [(tagged)] TJ ET EMC "
        b"BT (loose) Tj (and more) ' ET")
    assert _text_outside_marked_content(pdf) == ({1: 2}, 1)


def _outline_pages(edition: str) -> list[tuple[str, int]]:
    r = reader(edition)
    out: list[tuple[str, int]] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((item.title, r.get_destination_page_number(item) + 1))

    walk(r.outline)
    return out


@pytest.mark.parametrize("edition", EDITIONS)
def test_contents_page_gives_each_course_page_its_page_number(edition):
    texts = page_texts(edition)
    assert "Contents" in texts[0][:200], texts[0][:200]
    # The contents run until the page the book's first page starts on.
    marks = [(_squash(t), p) for t, p in _outline_pages(edition)]
    assert ("contents", 1) in marks, "the contents should be a bookmark to page 1"
    position, expected = marks.index(("contents", 1)), []
    for title, _ in toc_entries(edition)[1:]:  # the root page's title heads sheet 1
        later = [i for i, (t, _) in enumerate(marks) if t == _squash(title) and i > position]
        assert later, title
        position = later[0]
        expected.append((title, marks[position][1]))
    first_page = expected[0][1]
    assert first_page > 2, "the chapters should start after the contents page"
    contents = _squash(" ".join(texts[: first_page - 1]))
    wrong = [(t, p) for t, p in expected if _squash(t) + str(p) not in contents]
    assert wrong == [], f"{len(wrong)} of {len(expected)} contents rows lack the right page number: {wrong[:5]}"


def _handouts() -> list[tuple[str, str]]:
    """(handout title, title of the page after it in the tutor book)."""
    entries = [t for t, _ in toc_entries("tutor")]
    out = []
    for index, title in enumerate(entries):
        if title.startswith("Seminar handout"):
            out.append((title, entries[index + 1] if index + 1 < len(entries) else "Answer key: self-checks"))
    assert len(out) >= 7, entries
    return out


def test_each_tutor_handout_has_its_sheets_to_itself():
    texts = page_texts("tutor")
    marks = _outline_pages("tutor")
    problems = []
    for title, following in _handouts():
        first = next(p for t, p in marks if _squash(t) == _squash(title))
        after = next(p for t, p in marks if _squash(t) == _squash(following) and p >= first)
        start = _squash(texts[first - 1])
        if not start.startswith(_squash(title)):
            problems.append(f"{title!r} does not start page {first}: {texts[first - 1][:80]!r}")
        if after == first or not _squash(texts[after - 1]).startswith(_squash(following)):
            problems.append(f"after {title!r}, {following!r} shares page {after}")
    assert problems == []


def _answer_key_rows() -> list[tuple[str, str]]:
    data = yaml.safe_load((ROOT / "coproduction_course/data/selfcheck.yml").read_text(encoding="utf-8"))
    return [(q["prompt"], next(o["text"] for o in q["options"] if o.get("correct")))
            for chapter in data["chapters"] for q in chapter["questions"]]


def test_tutor_pdf_ends_with_the_self_check_answer_key():
    texts = page_texts("tutor")
    start = next((i for i, t in enumerate(texts) if "Answer key: self-checks" in t), None)
    assert start is not None, "no answer key in the tutor PDF"
    key = _squash(" ".join(texts[start:]))
    missing = [(q[:50], a[:50]) for q, a in _answer_key_rows() if _squash(q) + "answer" + _squash(a) not in key]
    assert missing == [], f"{len(missing)} questions lack their correct option in the key: {missing[:3]}"


def test_student_pdf_has_no_answer_key():
    text = " ".join(page_texts("student"))
    assert "Answer key" not in text
    squashed = _squash(text)
    # The student book prints every question, and does not mark which option is right.
    assert not re.search(r"answer:", text, re.I) or not any(
        _squash(q) + "answer" + _squash(a) in squashed for q, a in _answer_key_rows())
