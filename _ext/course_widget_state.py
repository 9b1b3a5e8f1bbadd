"""Shrink the saved widget state that myst-nb embeds in a page.

A page with several instances of one widget (the case studies hold six barrier
checklists) would otherwise carry the same course content once per instance
(the views themselves are not in the state: ``course_widget_bundles``, set up
from here, publishes them as static files): each copy is tens of kB, and copies
further apart than gzip's 32 kB window are not compressed away. Here every large
state value that repeats an earlier model's value for the same trait is replaced
by a reference, which ``widget-host.js`` resolves before drawing. Only the page is
rewritten: the notebook files keep every value in full.

This patches myst-nb's output, so it fails loudly (a Sphinx warning, which the
``-W`` build turns into an error) when it finds nothing to patch:

* a page shows widget views but myst-nb's widget-state script is not where
  this patch looks for it (``script_files``, with the state in ``body``);
* ``widget-host.js`` does not declare the same reference marker.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW_TYPE = "application/vnd.jupyter.widget-view+json"
SAME_AS = "__course_same_as__"  # widget-host.js declares the same (checked below)
MIN_SHARED_CHARS = 512  # small values cost less than a reference's bookkeeping
HOST_JS = Path(__file__).resolve().parent.parent / "coproduction_course" / "static" / "widget-host.js"
HOST_MARKER_RE = re.compile(r'^\s*const SAME_AS = "([^"]*)";', re.M)
PATCH = "course_widget_state"


def share_repeated_values(saved: dict) -> dict:
    """Replace repeated large trait values with ``{SAME_AS: model_id}``."""
    first_owner: dict[tuple[str, str], str] = {}
    for model_id, model in saved.get("state", {}).items():
        traits = model.get("state", {})
        for name, value in list(traits.items()):
            text = json.dumps(value, sort_keys=True)
            if len(text) < MIN_SHARED_CHARS:
                continue
            owner = first_owner.setdefault((name, text), model_id)
            if owner != model_id:
                traits[name] = {SAME_AS: owner}
    return saved


def host_marker_problem(host_source: str) -> str | None:
    """Why the host script cannot resolve this patch's references, or None."""
    found = HOST_MARKER_RE.search(host_source)
    if not found:
        return f"{HOST_JS.name} declares no `const SAME_AS = \"...\";` marker"
    if found.group(1) != SAME_AS:
        return f"{HOST_JS.name} uses the marker {found.group(1)!r}, this patch {SAME_AS!r}"
    return None


def shrink_page_state(pagename: str, context: dict) -> int:
    """Rewrite the page's widget-state script; return how many were rewritten.

    Warns (naming the patch and the page) when the page shows widget views but
    no widget-state script could be rewritten.
    """
    rewritten = 0
    for script in context.get("script_files") or []:
        attributes = getattr(script, "attributes", None)
        if not attributes or attributes.get("type") != WIDGET_STATE_TYPE:
            continue
        if "body" not in attributes:
            continue
        saved = json.loads(attributes["body"])
        body = json.dumps(share_repeated_values(saved), separators=(",", ":"))
        # Same escaping as myst-nb: the JSON sits inside a <script> element.
        attributes["body"] = body.replace("</script>", r"<\/script>")
        rewritten += 1
    if not rewritten and WIDGET_VIEW_TYPE in (context.get("body") or ""):
        logger.warning(
            f"{PATCH}: {pagename} shows widgets but myst-nb's widget-state script was not found "
            f"(a script_files entry of type {WIDGET_STATE_TYPE} with a body); has myst-nb changed?",
            type=PATCH,
            subtype="nothing-patched",
        )
    return rewritten


def _on_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # myst-nb adds widget state per page only for the page-per-document builders; the
    # one-page build behind the PDF (singlehtml) carries none and prints widgets from
    # their data instead (_ext/course_print_edition.py), so there is nothing to patch.
    if app.builder.name == "singlehtml":
        return
    shrink_page_state(pagename, context)


def _check_host(app: Sphinx) -> None:
    problem = host_marker_problem(HOST_JS.read_text(encoding="utf-8"))
    if problem:
        logger.warning(f"{PATCH}: {problem}; shared widget state could not be drawn", type=PATCH, subtype="marker")


def setup(app: Sphinx) -> dict:
    # The saved state names each widget's view; that extension publishes and links them.
    app.setup_extension("course_widget_bundles")
    app.connect("builder-inited", _check_host)
    # After myst-nb (priority 500) has added the page's widget state.
    app.connect("html-page-context", _on_page, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.1"}
