"""``{course-glossary}``: the glossary from ``data/glossary.yml`` (not a patch).

Terms live in one data file (validated on load) and are rendered as a Sphinx
glossary, so ``{term}`` links still work (CONTRIBUTING, "Glossary").
"""
from __future__ import annotations

from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.domains.std import Glossary
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from coproduction_course.content import DATA_DIR, ContentError, load_file


def glossary_lines(terms: list[dict]) -> list[str]:
    """The terms as the body of a Sphinx ``glossary`` directive, in alphabetical order."""
    lines: list[str] = []
    for entry in sorted(terms, key=lambda t: t["term"].lower()):
        lines.append(entry["term"])
        for text_line in entry["definition"].strip().splitlines():
            lines.append("   " + text_line)
        if entry.get("see_also"):
            links = ", ".join(f"{{term}}`{name}`" for name in entry["see_also"])
            lines += ["", "   See also: " + links + "."]
        lines.append("")
    return lines


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
        glossary = Glossary(
            "glossary", [], {}, StringList(glossary_lines(terms), source=str(path)), self.lineno,
            self.content_offset, self.block_text, self.state, self.state_machine,
        )
        return glossary.run()


def setup(app: Sphinx) -> dict:
    app.add_directive("course-glossary", CourseGlossary)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
