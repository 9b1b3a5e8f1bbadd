"""Scripts for particular content only on pages that hold it (issue 17, page weight).

The copy button and clipboard.js serve code blocks, togglebutton (and its inline
settings) serves toggles, sphinx-design's tabs script serves tabs; the course's pages
hold none today, yet the extensions link them on every page. ``course_speed`` keeps
each only on pages holding its content (``scripts_for_page``), and a script of this
list that no page loads is not published. Warns, failing the ``-W`` build, when a
script it expects is not there to patch.
"""
from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched

#: Scripts that serve only particular content, and the class names of that content.
SCRIPTS_FOR_CONTENT = {"copybutton.js": ("highlight",), "clipboard.min.js": ("highlight",),
                       "togglebutton.js": ("toggle", "dropdown"), "design-tabs.js": ("sd-tab",)}
# togglebutton's inline settings (``let toggleHintShow = ...``) go with its script.
TOGGLE_SETTINGS = re.compile(r"\b(toggleHint|toggleOpenOnPrint|togglebuttonSelector)")


def _holds_class(body: str, classes: tuple[str, ...]) -> bool:
    return any(re.search(r'class="[^"]*(?<![\w-])' + re.escape(c), body) for c in classes)


def scripts_for_page(scripts: list, body: str) -> list:
    """The page's scripts without those for content its body does not hold."""
    toggles = _holds_class(body, SCRIPTS_FOR_CONTENT["togglebutton.js"])
    kept = []
    for script in scripts:
        name = str(script.filename or "").split("?")[0].rsplit("/", 1)[-1]
        if name in SCRIPTS_FOR_CONTENT and not _holds_class(body, SCRIPTS_FOR_CONTENT[name]):
            continue
        if not script.filename and not toggles and TOGGLE_SETTINGS.search(script.attributes.get("body") or ""):
            continue
        kept.append(script)
    return kept


def unpublish_unloaded_scripts(out: Path) -> None:
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*.html")]
    for name in SCRIPTS_FOR_CONTENT:
        path = out / "_static" / name
        if not path.is_file():
            warn_nothing_patched("unpublish unloaded scripts", f"no _static/{name} (has the extension that adds it changed?)")
        elif not any(f"_static/{name}" in page for page in pages):
            path.unlink()


def _site(app: Sphinx, exception) -> Path | None:
    return Path(app.outdir) if exception is None and app.builder.name in ("html", "dirhtml") else None


def _unpublish(app: Sphinx, exception) -> None:
    if (out := _site(app, exception)) is not None:
        unpublish_unloaded_scripts(out)


def setup(app: Sphinx) -> dict:
    # Before course_portable lists the files for the offline copy (500).
    app.connect("build-finished", _unpublish, priority=450)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
