"""Patch: sphinx-exercise's content wrappers made valid HTML (issue 9, Nu HTML Checker).

sphinx-exercise 1.2.1 wraps the text of every exercise in a section with the id
"exercise-content" (and every solution in "solution-content"), so a page with several
exercises repeats an id. The id becomes a class; nothing links to it.
"""
from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from upstream_patches import warn_nothing_patched

SPHINX_EXERCISE_NODES = {"exercise_node", "exercise_enumerable_node", "solution_node"}
FIXED_IDS = {"exercise-content", "solution-content"}


def fix_exercise_content_ids(document, docname: str) -> None:
    for node in document.findall(nodes.Element):
        if type(node).__name__ not in SPHINX_EXERCISE_NODES:
            continue
        wrappers = [c for c in node.children if isinstance(c, nodes.section) and set(c["ids"]) & FIXED_IDS]
        if not wrappers:
            warn_nothing_patched(
                "exercise content ids",
                f"{docname}: a {type(node).__name__} has no section with id exercise-content/solution-content",
            )
            continue
        for wrapper in wrappers:
            fixed = [i for i in wrapper["ids"] if i in FIXED_IDS]
            wrapper["ids"] = [i for i in wrapper["ids"] if i not in FIXED_IDS]
            wrapper["classes"] += fixed


class ExerciseContentIds(SphinxPostTransform):
    """The repeated ids of sphinx-exercise's content sections become classes."""

    default_priority = 950  # after sphinx-exercise's own post-transforms

    def run(self, **kwargs) -> None:
        fix_exercise_content_ids(self.document, self.env.docname)


def setup(app: Sphinx) -> dict:
    app.add_post_transform(ExerciseContentIds)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
