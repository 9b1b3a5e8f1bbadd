"""Patch: docutils' and myst-nb's markup in each page body (issue 6, accessibility).

- DPUB-ARIA 1.1 deprecates ``doc-biblioentry``; docutils already gives the citation
  list ``role="list"``, so its entries become list items.
- myst-nb names its "Show code cell source" toggles "Toggle hidden content", which is
  not what they show (WCAG 2.5.3): the visible text names them.

Each fix checks that what it replaces is there when the page needs it, and warns
(failing the ``-W`` build) when an upgrade has moved it.
"""
from __future__ import annotations

from sphinx.application import Sphinx

from upstream_patches import rewrite_site_page_bodies, warn_nothing_patched

# myst-nb's toggle for a cell tagged hide-input (the course uses remove-input instead).
MYSTNB_TOGGLE = '<summary aria-label="Toggle hidden content">'
MYSTNB_HIDDEN_INPUT = 'class="hide above-input"'


def fix_body_html(body: str, pagename: str = "") -> str:
    """The bibliography roles and code cell toggle names of one page body."""
    if 'class="citation-list"' in body or 'class="citation"' in body:
        if 'role="doc-biblioentry"' not in body:
            warn_nothing_patched("bibliography list items", f"{pagename}: citations without role=\"doc-biblioentry\"")
        body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    if MYSTNB_HIDDEN_INPUT in body:
        if MYSTNB_TOGGLE not in body:
            warn_nothing_patched("name code cell toggles", f"{pagename}: myst-nb's toggle markup has changed")
        body = body.replace(MYSTNB_TOGGLE, "<summary>")
    return body


def setup(app: Sphinx) -> dict:
    # After pydata-sphinx-theme's html-page-context handlers (priority 500).
    rewrite_site_page_bodies(app, fix_body_html)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
