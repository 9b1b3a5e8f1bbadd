"""The printed book's contents page (course_tools/pdf.py): one row per course page
with its page number, read from the bookmark outline of a first print.

The first print carries placeholder numbers as wide as the real ones, so nothing
moves when the second print carries the numbers its outline gave.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from course_tools.portable import edition_toc, page_title

# Puts the contents page first in the article: one row per course page (title,
# link to the page's start, page number). Placeholder numbers are as wide as
# real ones, so the first and second print lay out alike.
CONTENTS_SCRIPT = """entries => {
  // A div with the navigation role: the site's print styles hide <nav>.
  const nav = document.createElement('div');
  nav.id = 'course-contents';
  nav.setAttribute('role', 'navigation');
  nav.setAttribute('aria-labelledby', 'course-contents-title');
  // h2: the book's title (the theme's print-only h1) stays the outline's top.
  const h = document.createElement('h2');
  h.id = 'course-contents-title';
  h.textContent = 'Contents';
  nav.appendChild(h);
  const list = document.createElement('ol');
  for (const e of entries) {
    const li = document.createElement('li');
    li.className = 'depth-' + e.depth;
    const a = document.createElement('a');
    // The page's heading: Sphinx's document marker is an empty span, and a
    // section can start at the foot of the sheet before its heading.
    const marker = document.getElementById('document-' + e.doc);
    const section = marker && marker.nextElementSibling;
    const heading = section && section.querySelector('h1, h2, h3, h4');
    if (heading && !heading.id) heading.id = 'course-contents-target-' + list.children.length;
    a.href = '#' + (heading ? heading.id : 'document-' + e.doc);
    a.textContent = e.title;
    const fill = document.createElement('span');
    fill.className = 'course-contents-fill';
    fill.setAttribute('aria-hidden', 'true');
    const num = document.createElement('span');
    num.className = 'course-contents-page';
    num.textContent = e.page;
    li.append(a, fill, num);
    list.appendChild(li);
  }
  nav.appendChild(list);
  const article = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  article.insertBefore(nav, article.firstChild);
}"""


def contents_entries(edition: str) -> list[dict]:
    """One row per page of the edition's table of contents after the root page
    (whose title heads the first sheet, above the contents): doc, title, depth."""
    toc = edition_toc(edition)
    entries: list[dict] = []

    def add(items, depth):
        for item in items:
            entries.append({"doc": item["file"], "title": page_title(item["file"]), "depth": depth})
            add(item.get("sections", []), depth + 1)

    for part in toc["parts"]:
        add(part["chapters"], 1)
    return entries


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


def outline_pages(target: Path) -> list[tuple[str, int, int]]:
    """(title, depth, page number from 1) of every bookmark, in order."""
    import pikepdf

    with pikepdf.open(target) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        out: list[tuple[str, int, int]] = []
        with pdf.open_outline() as outline:
            def walk(items, depth):
                for item in items:
                    dest = item.destination
                    page = pages.get(dest[0].objgen, 0) if isinstance(dest, pikepdf.Array) and len(dest) else 0
                    out.append((item.title, depth, page))
                    walk(item.children, depth + 1)
            walk(outline.root, 0)
    return out


def contents_page_numbers(target: Path, entries: list[dict]) -> list[int]:
    """Each entry's page in the printed PDF: its bookmark, found in toc order."""
    marks = [(_squash(title), page) for title, _, page in outline_pages(target)]
    # Start after the contents page's own bookmark.
    position = next((i for i, (t, _) in enumerate(marks) if t == "contents"), -1)
    numbers: list[int] = []
    for entry in entries:
        key = _squash(entry["title"])
        later = [i for i, (t, _) in enumerate(marks) if t == key and i > position]
        if not later:
            raise SystemExit(f"{target}: no bookmark for {entry['title']!r}: update contents_page_numbers")
        position = later[0]
        numbers.append(marks[position][1])
    return numbers
