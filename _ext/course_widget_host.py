"""The widget host script, served from the Python package (not a patch).

``coproduction_course/static/widget-host.js`` draws the widgets from their saved state
on the static site. It is published from the package rather than from ``_static/``:
Jupyter Book adds every ``.js`` under ``_static/`` to every page, which would load it
on plain pages too. Here the file is added to ``html_static_path`` so Sphinx copies
it, and myst-nb links it only on pages that hold widgets (``nb_ipywidgets_js`` in
``_config.yml``).
"""
from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

import coproduction_course

PACKAGE_STATIC = Path(coproduction_course.__file__).parent / "static"


def _add_static_folder(app: Sphinx, config) -> None:
    # Only the host script is published: the widget views travel inside the saved
    # widget state, and the ES module sources under static/src/ are build inputs.
    host = str(PACKAGE_STATIC / "widget-host.js")
    paths = list(config.html_static_path)
    if host not in paths:
        paths.append(host)
    config.html_static_path = paths


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _add_static_folder)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
