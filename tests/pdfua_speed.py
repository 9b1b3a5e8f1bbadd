"""pdfua 0.1.3 walks the PDF's structure tree in time proportional to its depth.

``PdfDocument._build`` makes an element *with its whole subtree*, and ``_walk`` then
calls ``_build`` again for each child, so every element is rebuilt once per ancestor:
on the course PDF (39,000 elements) that is 580,000 builds and 17 of the check's 22 s.
``walk_built_once`` yields the same elements, in the same order, from the one tree
the first ``_build`` made. Only the speed changes: the rules see identical elements
(tests/test_pdf_ua.py compares the two walks on a real subtree).

The replacement is written for pdfua 0.1.3's ``_walk`` and ``_build``: ``install``
refuses to patch, loudly, if either has changed.
"""
from __future__ import annotations

import hashlib
import inspect

import pdfua
from pdfua import document

WRITTEN_FOR = {
    "version": "0.1.3",
    "_walk": "3ecb4ab1dad2fcbdf7b20f4fdba491b656fafb0d76913d7f38fad959e63381a7",
    "_build": "9db106e2bc254511b4127a26626abbc6df9015ef10a42ccc6d29b93e0c2d5b58",
}
UPSTREAM_WALK = document.PdfDocument._walk


def _source_hash(function) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


def _depth_first(element):
    yield element
    for child in element.children:
        yield from _depth_first(child)


def walk_built_once(self, node, depth, page):
    """``node`` and every element beneath it, depth-first, parent first, as upstream's
    ``_walk``: ``_build`` already gives each child the depth and page ``_walk`` would."""
    element = self._build(node, depth, page)
    if element is not None:
        yield from _depth_first(element)


def install() -> None:
    found = {
        "version": pdfua.__version__,
        "_walk": _source_hash(UPSTREAM_WALK),
        "_build": _source_hash(document.PdfDocument._build),
    }
    changed = [name for name in WRITTEN_FOR if found[name] != WRITTEN_FOR[name]]
    if changed:
        raise RuntimeError(
            f"tests/pdfua_speed.py was written for pdfua {WRITTEN_FOR['version']}; "
            f"this pdfua ({pdfua.__version__}) differs in {', '.join(changed)}. "
            "Check whether upstream's walk is still slow, then update or remove the patch."
        )
    document.PdfDocument._walk = walk_built_once
