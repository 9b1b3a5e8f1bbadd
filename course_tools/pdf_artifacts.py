"""Mark the text Chromium prints outside marked content as an /Artifact (PDF/UA-1, 7.1).

Chromium draws the running footer outside any marked content, and now and then a
run of text inside a tagged text block. PDF/UA wants every piece of text either
tagged or an artifact, so each such run is wrapped in ``/Artifact BMC … EMC``:

* a ``BT … ET`` block outside marked content with no tagged content inside (the
  footer) is wrapped whole;
* one that also holds tagged runs has each untagged run of text wrapped.

Two readers of a page's content stream make the same change:

* ``_wrap_by_tokens`` (the one used) reads the stream's bytes with one regular
  expression and inserts the two operators where they belong, leaving every other
  byte as Chromium wrote it. It takes about a tenth of the time: the course PDF has
  1.8 million operators, and pikepdf objects cost microseconds each to inspect.
* ``_wrap_by_parsing`` parses the stream into pikepdf objects and writes it back.
  It is used for a page the token reader does not follow (an inline image, a
  comment, a string it cannot match), and tests/test_pdf_artifacts.py checks that
  the two give the same operators on streams of every kind.
"""
from __future__ import annotations

import re

import pikepdf
from pikepdf import Name, Operator

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
MARKED = {"BDC", "BMC"}

_TOKEN = re.compile(rb"""
    (?P<skip>\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)       # a literal string (one level of nesting)
        | <<|>>|<[0-9A-Fa-f\s]*>)                             # dictionary brackets, a hex string
  | (?<![^\s\[\]()<>{}])(?P<word>[A-Za-z'"*][A-Za-z0-9'"*]*)(?![^\s\[\]()<>{}/%])   # an operator (or true/false/null)
  | (?P<other>[()<>{}%])                                      # anything else this reader does not follow
""", re.S | re.X)
_NOT_OPERATORS = {b"true", b"false", b"null"}


def _operators(data: bytes) -> list[tuple[str, int, int]] | None:
    """(name, start, end) of each operator in a content stream, or None when the stream
    holds something this reader does not follow."""
    ops = []
    for match in _TOKEN.finditer(data):
        word = match.group("word")
        if word is not None:
            if word == b"BI":  # inline image data is binary: leave it to the parser
                return None
            if word not in _NOT_OPERATORS:
                ops.append((word.decode("latin-1"), match.start(), match.end()))
        elif match.group("other") is not None:
            return None
    return ops


OPEN, CLOSE = "open", "close"


def _artifact_marks(names: list[str], mcid: list[bool]) -> tuple[list[tuple[int, str]], int]:
    """Where ``/Artifact BMC`` (OPEN) and ``EMC`` (CLOSE) go, as (k, mark): before the
    operands of operator k (k == len(names): at the end); and how many text blocks that
    changes. ``names`` are the stream's operators and ``mcid`` says which mark tagged
    content. Both readers below share this, so they differ only in how they read."""
    marks: list[tuple[int, str]] = []
    depth, i, blocks = 0, 0, 0
    while i < len(names):
        if names[i] == "BT" and depth == 0:
            last = names.index("ET", i)  # ValueError for an unclosed text block
            if any(name in TEXT_SHOWING for name in names[i:last + 1]):
                marks += _block_marks(names, mcid, i, last)
                blocks += 1
            i = last + 1
            continue
        depth += (names[i] in MARKED) - (names[i] == "EMC")
        i += 1
    return marks, blocks


def _block_marks(names: list[str], mcid: list[bool], first: int, last: int) -> list[tuple[int, str]]:
    if not any(mcid[first:last + 1]):  # nothing tagged inside (the footer): the whole block
        return [(first, OPEN), (last + 1, CLOSE)]
    out, depth, open_ = [], 0, False
    for k in range(first, last + 1):
        name = names[k]
        if open_ and ((name in MARKED and depth == 0) or name == "ET"):
            out.append((k, CLOSE))
            open_ = False
        if name in TEXT_SHOWING and depth == 0 and not open_:
            out.append((k, OPEN))
            open_ = True
        depth += (name in MARKED) - (name == "EMC")
    return out


TOKEN_TEXT = {OPEN: b"\n/Artifact BMC\n", CLOSE: b"\nEMC\n"}


def _wrap_by_tokens(data: bytes) -> tuple[bytes, int] | None:
    """The stream with its untagged text wrapped, and how many blocks were changed."""
    ops = _operators(data)
    if ops is None:
        return None
    # Before an operator's operands is just after the operator before it.
    ends = [0] + [end for _, _, end in ops]
    names = [name for name, _, _ in ops]
    mcid = [name == "BDC" and b"/MCID" in data[ends[k]:ops[k][1]] for k, name in enumerate(names)]
    try:
        marks, blocks = _artifact_marks(names, mcid)
    except ValueError:  # an unclosed text block: the parser decides
        return None
    pieces, last = [], 0
    for k, mark in marks:
        pieces += [data[last:ends[k]], TOKEN_TEXT[mark]]
        last = ends[k]
    pieces.append(data[last:])
    return b"".join(pieces), blocks


def _has_mcid(operands) -> bool:
    return len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]


def _wrap_by_parsing(ops: list) -> tuple[list, int]:
    names = [str(op) for _, op in ops]
    mcid = [name in MARKED and _has_mcid(operands) for (operands, _), name in zip(ops, names)]
    marks, blocks = _artifact_marks(names, mcid)
    parsed = {OPEN: ([Name.Artifact], Operator("BMC")), CLOSE: ([], Operator("EMC"))}
    before: dict[int, list] = {}
    for k, mark in marks:
        before.setdefault(k, []).append(parsed[mark])
    out: list = []
    for k, instruction in enumerate(ops):
        out += before.get(k, [])
        out.append(instruction)
    out += before.get(len(ops), [])
    return out, blocks


def _content_bytes(page: pikepdf.Page) -> bytes:
    contents = page.obj.get("/Contents")
    if contents is None:
        return b""
    if isinstance(contents, pikepdf.Array):
        return b"\n".join(part.read_bytes() for part in contents)
    return contents.read_bytes()


def mark_untagged_text_as_artifact(pdf: pikepdf.Pdf, by_tokens: bool = True) -> int:
    """Wrap every text-showing run outside marked content; return how many BT…ET
    blocks were changed. ``by_tokens=False`` uses the parser on every page (tests)."""
    wrapped = 0
    for page in pdf.pages:
        quick = _wrap_by_tokens(_content_bytes(page)) if by_tokens else None
        if quick is not None:
            data, count = quick
            if count:
                page.obj.Contents = pdf.make_stream(data)
        else:
            ops, count = _wrap_by_parsing(pikepdf.parse_content_stream(page))
            if count:
                page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
        wrapped += count
    return wrapped


def untagged_text_operators(pdf: pikepdf.Pdf) -> int:
    """Text-showing operators outside any marked content, over all pages (for tests)."""
    count = 0
    for page in pdf.pages:
        depth = 0
        for _, op in pikepdf.parse_content_stream(page):
            name = str(op)
            depth += (name in MARKED) - (name == "EMC")
            if name in TEXT_SHOWING and depth <= 0:
                count += 1
    return count
