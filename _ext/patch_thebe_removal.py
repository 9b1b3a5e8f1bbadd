"""Patch: sphinx-thebe's scripts and page configuration are dropped.

The course does not use live code on the page, and sphinx-thebe 0.3.1 declares its
configuration twice (a script error on every page). Its stylesheet is dropped by
``course_speed``.
"""
from __future__ import annotations

import re

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched

# sphinx-thebe 0.3.1 also appends its configuration and a kernelName script to every
# page's body (raw HTML nodes); with its scripts dropped they only add bytes.
THEBE_BODY_SCRIPTS = re.compile(
    r'\s*<script type="text/x-thebe-config">.*?</script>\s*<script>kernelName = [^<]*</script>', re.S
)


def drop_thebe_scripts(scripts: list, pagename: str = "") -> list:
    """The page's scripts without sphinx-thebe's (warns when there are none to drop)."""
    kept = []
    for script in scripts:
        name = str(script)
        body = getattr(script, "attributes", {}).get("body", "") if hasattr(script, "attributes") else ""
        if "thebe" in name.lower() or "THEBE" in body:
            continue
        kept.append(script)
    if len(kept) == len(scripts):
        warn_nothing_patched("drop thebe scripts", f"no sphinx-thebe script on page {pagename or '?'}")
    return kept


def drop_thebe_config(body: str, pagename: str = "") -> str:
    """The page body without sphinx-thebe's configuration scripts (warns when absent)."""
    body, count = THEBE_BODY_SCRIPTS.subn("\n", body)
    if not count:
        warn_nothing_patched("drop thebe scripts", f"no sphinx-thebe configuration in the body of {pagename or '?'}")
    return body


def _drop_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if not context.get("script_files"):
        warn_nothing_patched("drop thebe scripts", f"page {pagename} has no script_files in its context")
        return
    context["script_files"] = drop_thebe_scripts(context["script_files"], pagename)


def _drop_thebe_config(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # The site's pages only: an EPUB is drawn by Sphinx's own epub theme.
    if app.builder.name.startswith("epub"):
        return
    if context.get("body") and templatename == "page.html":
        context["body"] = drop_thebe_config(context["body"], pagename)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _drop_thebe)
    # With the body fixes, after pydata-sphinx-theme's own handlers (priority 500).
    app.connect("html-page-context", _drop_thebe_config, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
