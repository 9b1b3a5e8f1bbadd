"""Tables that stack on a phone: each body cell labelled with its column heading (issue 9).

On a phone ``_static/course.css`` shows such tables as one block per row, each cell
introduced by its heading (WCAG 1.4.10 reflow: no cell is cut off behind a sideways
scroll). Tables without column headings (key-value tables) stack with the key in bold.

Block-displayed tables lose their table semantics in some screen readers (VoiceOver
on iOS), so ``_static/course-nav.js`` gives every part of these tables its role
explicitly (table, rowgroup, row, columnheader, rowheader, cell; in the page, as HTML
forbids those roles in markup), and course.css hides the heading row only visually on
a phone: header cells stay in the accessibility tree and keep their association with
each cell (WCAG 1.3.1; tests/test_small_screens.py).
"""
from __future__ import annotations

from sphinx.application import Sphinx

from upstream_patches import rewrite_site_page_bodies


def label_table_cells(body: str) -> str:
    """Give each body cell of a table with column headings its heading as ``data-label``."""
    if "<table" not in body:
        return body
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    changed = False
    for table in soup.find_all("table"):
        head_rows = table.select("thead > tr")
        headings = [cell.get_text(" ", strip=True) for cell in head_rows[-1].find_all(["th", "td"], recursive=False)] if head_rows else []
        # Tables without headings (key-value tables) stack too; their first cell leads.
        table["class"] = [*table.get("class", []), "course-stacked" if any(headings) else "course-stacked-keys"]
        for row in table.select("tbody > tr"):
            for heading, cell in zip(headings, row.find_all(["td", "th"], recursive=False)):
                if heading:
                    cell["data-label"] = heading
        changed = True
    return str(soup) if changed else body


def setup(app: Sphinx) -> dict:
    # After the theme's handlers (500), with the other body fixes (patch_body_markup).
    rewrite_site_page_bodies(app, lambda body, _page: label_table_cells(body))
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
