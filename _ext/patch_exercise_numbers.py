"""Patch: exercises numbered per chapter, and references to them worded once (issue 9).

Two rewrites of Sphinx's and sphinx-exercise's internals, each with a check that the
marker it relies on is still there (a warning, failing the ``-W`` build, when not):

- **Numbers.** sphinx-exercise 1.2.1 numbers exercises with Sphinx's numfig, which
  counts through the whole book (it has no per-chapter option; with a numbered toctree
  the numbers would follow the toc's sections, not the course's chapters). After
  Sphinx has assigned the numbers (``env.toc_fignumbers``, figure type "exercise"),
  each exercise on ``exercises/chNN-exercises`` is renumbered (NN, position on the
  page). Titles, ``{ref}``/``{numref}`` and "Solution to" headings all read these
  numbers, so they agree everywhere.
- **Wording.** A reference to an exercise reads "Exercise 5.2" (sphinx-exercise's
  ``numfig_format["exercise"]``, "Exercise %s"), so "see exercise {ref}`ex-ch05-case`"
  would read "see exercise Exercise 5.2" (as it did on the tutor seminar plans). The
  word just before such a reference is removed, keeping any text before it.
"""
from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from upstream_patches import warn_nothing_patched

logger = logging.getLogger(__name__)
CHAPTER_EXERCISES = re.compile(r"(?:^|/)ch(\d+)-exercises$")
EXERCISE_FIGTYPE = "exercise"
EXERCISE_WORD = "Exercise "
DOUBLED_WORD = re.compile(r"\b[Ee]xercise\s+$")


def check_exercise_numbers_marker(env) -> bool:
    """Sphinx keeps numbers in ``env.toc_fignumbers``, exercises under "exercise", as tuples."""
    numbers = getattr(env, "toc_fignumbers", None)
    if not isinstance(numbers, dict):
        warn_nothing_patched("exercise numbers by chapter", "Sphinx's environment has no toc_fignumbers dict")
        return False
    exercise_pages = sorted(d for d in getattr(env, "found_docs", ()) if CHAPTER_EXERCISES.search(d))
    exercises = [kinds.get(EXERCISE_FIGTYPE) for kinds in numbers.values() if kinds.get(EXERCISE_FIGTYPE)]
    if exercise_pages and not exercises:
        warn_nothing_patched(
            "exercise numbers by chapter",
            f"no {EXERCISE_FIGTYPE!r} numbers in env.toc_fignumbers, though {len(exercise_pages)} exercise "
            f"page(s) such as {exercise_pages[0]} exist (has sphinx-exercise renamed its figure type, "
            "or Sphinx moved the numbers?)",
        )
        return False
    if any(not isinstance(n, tuple) for found in exercises for n in found.values()):
        warn_nothing_patched("exercise numbers by chapter", "Sphinx's figure numbers are no longer tuples")
        return False
    return True


def _number_exercises_by_chapter(app: Sphinx, env) -> list[str]:
    """Renumber each page's exercises (chapter, position on the page)."""
    if not check_exercise_numbers_marker(env):
        return []
    for docname, kinds in env.toc_fignumbers.items():
        exercises = kinds.get(EXERCISE_FIGTYPE)
        if not exercises:
            continue
        match = CHAPTER_EXERCISES.search(docname)
        if not match:
            logger.warning(
                f"patch_exercise_numbers: exercises on {docname} cannot be numbered by chapter: "
                "exercises belong on exercises/chNN-exercises pages",
                location=docname, type="course", subtype="exercise",
            )
            continue
        chapter = int(match.group(1))
        in_order = sorted(exercises, key=lambda label: exercises[label])
        kinds[EXERCISE_FIGTYPE] = {label: (chapter, position) for position, label in enumerate(in_order, start=1)}
    return []


def check_reference_wording_marker(app: Sphinx) -> bool:
    """References to exercises must read "Exercise N" (sphinx-exercise's numfig format)."""
    numfig_format = getattr(app.config, "numfig_format", None) or {}
    wording = numfig_format.get(EXERCISE_FIGTYPE, "")
    if not (wording.startswith(EXERCISE_WORD) and "%s" in wording):
        warn_nothing_patched(
            "exercise reference wording",
            f"numfig_format[{EXERCISE_FIGTYPE!r}] is {wording!r}, not {EXERCISE_WORD + '%s'!r}: "
            "references to exercises no longer start with the word the patch removes a double of",
        )
        return False
    return True


class ExerciseReferenceWording(SphinxPostTransform):
    """Drop a doubled "exercise" before a reference to an exercise."""

    default_priority = 900  # after every reference is resolved

    def run(self, **kwargs) -> None:
        for ref in list(self.document.findall(nodes.reference)):
            if not ref.astext().startswith(EXERCISE_WORD):
                continue
            before = ref.previous_sibling()
            if not isinstance(before, nodes.Text):
                continue
            trimmed = DOUBLED_WORD.sub("", str(before))
            if trimmed != str(before):
                before.parent.replace(before, nodes.Text(trimmed))


def setup(app: Sphinx) -> dict:
    # After Sphinx's toctree collector (priority 500) has numbered every figure type.
    app.connect("env-get-updated", _number_exercises_by_chapter, priority=900)
    # After sphinx-exercise's config-inited handler has set its numfig format.
    app.connect("builder-inited", check_reference_wording_marker)
    app.add_post_transform(ExerciseReferenceWording)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
