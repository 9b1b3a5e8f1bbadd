"""Show a plain-text result as prose, so it reflows on a phone (issue 9, WCAG 1.4.10).

``print()`` output becomes a fixed-width block on the course site: a paragraph of
background runs to thousands of pixels on one line. ``Prose(text)`` displays the same
text as Markdown instead: each line is a paragraph, and lines starting with ``- `` are
list items (indented ones nest once). Every character of the text is escaped, so
nothing in it (a student's own words, ``<script>``, ``*stars*``) is read as markup:
what was typed is what is shown. The plain-text form, which nbval compares, is the
text itself.
"""
from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping
# all of them leaves no way for the text to start a link, emphasis, HTML or a list.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_ITEM = re.compile(r"^( *)- (.*)$")


def escape_markdown(text: str) -> str:
    """The text as literal Markdown (every punctuation character escaped)."""
    return _PUNCTUATION.sub(r"\\\1", text)


def to_markdown(text: str) -> str:
    """Plain text to Markdown: one paragraph per line, ``- `` lines as list items."""
    blocks: list[str] = []
    for line in str(text).splitlines():
        if not line.strip():
            continue
        item = _ITEM.match(line)
        if item:
            indent = "  " if item.group(1) else ""
            blocks.append(f"{indent}- {escape_markdown(item.group(2).strip())}")
        else:
            blocks.append("\n" + escape_markdown(line.strip()) + "\n")
    return "\n".join(blocks).strip() + "\n"


class Prose:
    """A plain-text result shown as Markdown in Jupyter and on the course site."""

    def __init__(self, text: str):
        self.text = str(text)

    def _repr_markdown_(self) -> str:
        return to_markdown(self.text)

    def __repr__(self) -> str:
        return self.text
