"""Patch: a complete redirect ``index.html`` (issue 9, valid HTML).

sphinx-external-toc writes a one-line redirect (no doctype, title or language) when
the root page is not called index, unless index.html exists; this runs first
(priority 400) and writes a complete page instead. tests/test_patches.py checks the
built page.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched


def write_redirect_index(app: Sphinx, exception) -> None:
    """A valid ``index.html`` that sends readers to the first page."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    title = escape(app.config.html_title or app.config.project or "Home")
    lang = escape(app.config.language or "en")
    (Path(app.outdir) / "index.html").write_text(
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
        f'<link rel="canonical" href="{escape(target)}">\n</head>\n<body>\n'
        f'<p><a href="{escape(target)}">{title}</a></p>\n</body>\n</html>\n',
        encoding="utf-8",
    )


def check_redirect_index(app: Sphinx, exception) -> None:
    """After sphinx-external-toc: the page written here must still be there."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    index = Path(app.outdir) / "index.html"
    if not (index.exists() and index.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")):
        warn_nothing_patched("complete redirect index", f"{index} is not the page it wrote (sphinx-external-toc replaced it?)")


def setup(app: Sphinx) -> dict:
    # Before sphinx-external-toc's own redirect writer (priority 500), and checked after it.
    app.connect("build-finished", write_redirect_index, priority=400)
    app.connect("build-finished", check_redirect_index, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
