"""Local Sphinx extension for the course build.

- Serves the widget host script from the Python package (``coproduction_course/static``)
  rather than ``_static/``: Jupyter Book adds every ``.js`` under ``_static/`` to every
  page, which would load it on plain pages too. Here the folder is added to
  ``html_static_path`` so Sphinx copies it, and myst-nb links it only on pages that
  hold widgets (``nb_ipywidgets_js`` in ``_config.yml``).
- ``{course-glossary}`` renders the glossary from ``data/glossary.yml`` (validated on
  load), so terms live in one data file and ``{term}`` links still work.
- Drops sphinx-thebe's scripts: the course does not use live code on the page, and
  sphinx-thebe 0.3.1 declares its config twice (a script error on every page).
"""
from __future__ import annotations

from pathlib import Path

from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.domains.std import Glossary
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

import coproduction_course
from coproduction_course.content import DATA_DIR, ContentError, load_file

PACKAGE_STATIC = Path(coproduction_course.__file__).parent / "static"


def _add_static_folder(app: Sphinx, config) -> None:
    paths = list(config.html_static_path)
    if str(PACKAGE_STATIC) not in paths:
        paths.append(str(PACKAGE_STATIC))
    config.html_static_path = paths


class CourseGlossary(SphinxDirective):
    """A Sphinx glossary whose entries come from data/glossary.yml."""

    has_content = False

    def run(self):
        path = DATA_DIR / "glossary.yml"
        self.env.note_dependency(str(path))
        try:
            terms = load_file(path)["terms"]
        except ContentError as exc:
            # Fail the build with a message that names the file and field.
            raise ExtensionError(f"course glossary: {exc}") from None
        lines: list[str] = []
        for entry in sorted(terms, key=lambda t: t["term"].lower()):
            lines.append(entry["term"])
            for text_line in entry["definition"].strip().splitlines():
                lines.append("   " + text_line)
            if entry.get("see_also"):
                links = ", ".join(f"{{term}}`{name}`" for name in entry["see_also"])
                lines += ["", "   See also: " + links + "."]
            lines.append("")
        glossary = Glossary(
            "glossary", [], {}, StringList(lines, source=str(path)), self.lineno,
            self.content_offset, self.block_text, self.state, self.state_machine,
        )
        return glossary.run()


def _drop_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    kept = []
    for script in scripts:
        name = str(script)
        body = getattr(script, "attributes", {}).get("body", "") if hasattr(script, "attributes") else ""
        if "thebe" in name.lower() or "THEBE" in body:
            continue
        kept.append(script)
    context["script_files"] = kept


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _add_static_folder)
    app.connect("html-page-context", _drop_thebe)
    app.add_directive("course-glossary", CourseGlossary)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
