"""course_tools/pdf_artifacts.py: the token reader wraps the same text as the parser.

Each stream below is put on a page of a new PDF and wrapped both ways; the pages'
operators must be the same, and no text may be left outside marked content. The
streams hold what Chromium writes (the footer, tagged runs with an untagged one,
ligatures with /ActualText) and what a careless reader would trip on (operator
names inside strings, escaped and nested parentheses, hex strings), and the cases
the token reader leaves to the parser (an inline image, a comment, a string
nested twice). The whole books are compared in tests/test_pdf_ua.py (no text outside
marked content) and were compared page by page when the reader was written.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pikepdf
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from course_tools import pdf_artifacts  # noqa: E402

FOOTER = b"q\nBT\n/F7 8 Tf\n1 0 0 -1 56 1101 Tm\n<00260052> Tj\nET\nQ\n"
TAGGED = b"/P << /MCID 0 >> BDC\nBT\n/F6 14 Tf\n<0018> Tj\nET\nEMC\n"
MIXED = (b"BT\n/F6 14 Tf\n<0011> Tj\n/Span << /MCID 3 >> BDC\n<0012> Tj\nEMC\n"
         b"9 0 Td\n[<0013> -20 <0014>] TJ\n/Span << /ActualText (ff) >> BDC\n<13b1> Tj\nEMC\nET\n")
STRINGS = (b"BT\n(BT ET \\) Tj (nested BDC EMC)) Tj\n<0BDC> Tj\n<BDC0> Tj\n"
           b"/Span << /ActualText (fi\\(BT) >> BDC\n<13b2> Tj\nEMC\nET\n")
OPEN_ACROSS = b"/Lbl << /MCID 2 >> BDC\nBT\n<0018> Tj\nET\nQ\nq\nEMC\n" + FOOTER
INLINE_IMAGE = b"q\nBI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI\nQ\n" + FOOTER
COMMENT = b"% a comment with BT in it\n" + FOOTER
DEEPLY_NESTED = b"BT\n(a (string (nested) twice) ET) Tj\nET\n"

STREAMS = {
    "footer": FOOTER, "tagged": TAGGED, "mixed": MIXED, "strings": STRINGS,
    "marked content open across blocks": OPEN_ACROSS, "everything": FOOTER + TAGGED + MIXED + STRINGS + FOOTER,
    "inline image": INLINE_IMAGE, "comment": COMMENT, "string nested twice": DEEPLY_NESTED,
}
LEFT_TO_PARSER = {"inline image", "comment", "string nested twice"}


def wrapped(data: bytes, by_tokens: bool) -> tuple[list, int, int]:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].obj.Contents = pdf.make_stream(data)
    blocks = pdf_artifacts.mark_untagged_text_as_artifact(pdf, by_tokens=by_tokens)
    ops = [(["image" if str(op) == "INLINE IMAGE" else str(o) for o in operands], str(op))
           for operands, op in pikepdf.parse_content_stream(pdf.pages[0])]
    return ops, blocks, pdf_artifacts.untagged_text_operators(pdf)


@pytest.mark.parametrize("name", list(STREAMS))
def test_token_reader_wraps_what_the_parser_wraps(name):
    quick, parsed = wrapped(STREAMS[name], True), wrapped(STREAMS[name], False)
    assert quick == parsed
    assert quick[2] == 0, "text left outside marked content"
    assert (pdf_artifacts._wrap_by_tokens(STREAMS[name]) is None) == (name in LEFT_TO_PARSER)


def test_the_footer_is_wrapped_whole_and_tagged_text_is_left_alone():
    ops, blocks, _ = wrapped(FOOTER + TAGGED, True)
    names = [op for _, op in ops]
    assert names[:3] == ["q", "BMC", "BT"] and names[names.index("ET") + 1] == "EMC"
    assert blocks == 1


def test_a_reader_that_does_not_skip_strings_is_caught(monkeypatch):
    """Negative control: with strings no longer skipped, 'BT' and 'EMC' inside them count
    as operators and the comparison above fails."""
    careless = pdf_artifacts._TOKEN.pattern.replace(rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)", rb"\(")
    monkeypatch.setattr(pdf_artifacts, "_TOKEN", re.compile(careless, pdf_artifacts._TOKEN.flags))
    monkeypatch.setattr(pdf_artifacts, "_operators", _operators_without_fallback)
    assert wrapped(STRINGS, True) != wrapped(STRINGS, False)


def _operators_without_fallback(data: bytes):
    ops = []
    for match in pdf_artifacts._TOKEN.finditer(data):
        word = match.group("word")
        if word is not None and word not in pdf_artifacts._NOT_OPERATORS:
            ops.append((word.decode("latin-1"), match.start(), match.end()))
    return ops
