"""Patch: the course's own scripts in ``_static/`` load with ``defer``.

Jupyter Book lists every ``.js`` in ``_static/`` in ``html_js_files`` as a plain,
render-blocking script; these scripts only act once the page is parsed.
"""
from __future__ import annotations

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched

# Scripts in _static/ that act only once the page is parsed.
DEFERRED_SCRIPTS = ("course-nav.js",)


def _defer_course_scripts(app: Sphinx, config) -> None:
    files = list(config.html_js_files)
    for name in DEFERRED_SCRIPTS:
        if name not in files:
            warn_nothing_patched(f"defer {name}", "it is not in html_js_files (Jupyter Book lists _static/*.js there)")
            continue
        files[files.index(name)] = (name, {"defer": "defer"})
    config.html_js_files = files


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _defer_course_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
