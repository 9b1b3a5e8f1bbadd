"""Shrink the saved widget state that myst-nb embeds in a page.

A page with several instances of one widget (the case studies hold six barrier
checklists) would otherwise carry the same view module, stylesheet and course
content once per instance: each copy is tens of kB, and copies further apart
than gzip's 32 kB window are not compressed away. Here every large state value
that repeats an earlier model's value for the same trait is replaced by a
reference, which ``widget-host.js`` resolves before drawing. The notebook files
keep the full state, so Jupyter front-ends are unaffected.
"""
from __future__ import annotations

import json

from sphinx.application import Sphinx

WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json"
SAME_AS = "__course_same_as__"  # must match widget-host.js
MIN_SHARED_CHARS = 512  # small values cost less than a reference's bookkeeping


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


def _shrink_page_state(app: Sphinx, pagename, templatename, context, doctree) -> None:
    for script in context.get("script_files") or []:
        attributes = getattr(script, "attributes", None)
        if not attributes or attributes.get("type") != WIDGET_STATE_TYPE:
            continue
        saved = json.loads(attributes["body"])
        body = json.dumps(share_repeated_values(saved), separators=(",", ":"))
        # Same escaping as myst-nb: the JSON sits inside a <script> element.
        attributes["body"] = body.replace("</script>", r"<\/script>")


def setup(app: Sphinx) -> dict:
    # After myst-nb (priority 500) has added the page's widget state.
    app.connect("html-page-context", _shrink_page_state, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
