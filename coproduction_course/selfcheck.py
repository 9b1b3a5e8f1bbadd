"""Self-check quizzes for the exercise pages, and the case studies' data.

``SelfCheck(chapter=N)`` shows the chapter's multiple-choice questions from
``data/selfcheck.yml``. On the static site (drawn by ``widget-host.js``) and in a
notebook alike, choosing an option gives immediate feedback that explains why it
is right or wrong, with a link to the chapter section. Choices are kept in the
browser's storage (per page and ``storage_key``), never sent anywhere.

The case studies used by ``exercises/case-studies.ipynb`` live in
``data/cases.yml``; :func:`load_cases` validates and returns them.

Both data files are validated on load against ``data/schemas/selfcheck.schema.json``
and ``cases.schema.json``: a broken file raises
:class:`~coproduction_course.content.ContentError` naming the file and field.
"""
from __future__ import annotations

from typing import Any

import traitlets

from .base import CourseWidget
from .content import ContentError, load, ui_text

BARRIERS = ["resistance", "procedure", "avoidance", "conformity"]


def _check_unique(filename: str, items: list[dict], key: str, where: str) -> None:
    seen: set[Any] = set()
    for i, item in enumerate(items):
        if item[key] in seen:
            raise ContentError(f"{filename}: {where}[{i}].{key}: {item[key]!r} is used twice")
        seen.add(item[key])


def load_selfchecks() -> dict[int, dict[str, Any]]:
    """All self-checks by chapter number (validated; a fresh copy each call)."""
    data = load("selfcheck.yml")["chapters"]
    _check_unique("selfcheck.yml", data, "chapter", "chapters")
    questions = [q for ch in data for q in ch["questions"]]
    _check_unique("selfcheck.yml", questions, "id", "questions")
    return {ch["chapter"]: ch for ch in data}


def load_cases() -> list[dict[str, Any]]:
    """The case studies from data/cases.yml (validated; a fresh copy each call)."""
    cases = load("cases.yml")["cases"]
    _check_unique("cases.yml", cases, "id", "cases")
    return cases




class SelfCheck(CourseWidget, bundle="selfcheck"):
    """A chapter's self-check: multiple-choice questions with immediate feedback.

    >>> check = SelfCheck(chapter=5)
    >>> check.score({"ch05-four": 0})
    (1, 5)
    """

    chapter = traitlets.Int(1).tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    questions = traitlets.List(traitlets.Dict()).tag(sync=True)
    # question id -> chosen option index; the view updates it in a live notebook.
    choices = traitlets.Dict().tag(sync=True)

    # Every word of the interface, from data/ui.yml (selfcheck block).
    ui = traitlets.Dict().tag(sync=True)

    def __init__(self, chapter: int = 1, **kwargs: Any) -> None:
        checks = load_selfchecks()
        if chapter not in checks:
            raise ValueError(f"no self-check for chapter {chapter!r}; chapters with one: {sorted(checks)}")
        data = checks[chapter]
        kwargs.setdefault("storage_key", f"selfcheck-ch{chapter:02d}")
        super().__init__(chapter=chapter, title=data["title"], questions=data["questions"], ui=ui_text("selfcheck"), **kwargs)

    def _repr_fields(self) -> str:
        return f"chapter={self.chapter}, questions={len(self.questions)}, storage_key={self.storage_key!r}"

    def correct_index(self, question_id: str) -> int:
        for q in self.questions:
            if q["id"] == question_id:
                return next(i for i, o in enumerate(q["options"]) if o.get("correct"))
        raise KeyError(question_id)

    def feedback(self, question_id: str, option: int) -> str:
        """The feedback a student sees after choosing ``option`` (0-based)."""
        for q in self.questions:
            if q["id"] == question_id:
                return q["options"][option]["feedback"]
        raise KeyError(question_id)

    def score(self, choices: dict[str, int] | None = None) -> tuple[int, int]:
        """(number correct, number of questions) for ``choices`` (default: the current ones)."""
        choices = self.choices if choices is None else choices
        correct = sum(1 for q in self.questions if q["id"] in choices and choices[q["id"]] == self.correct_index(q["id"]))
        return correct, len(self.questions)

    def summary(self) -> str:
        """Plain-text summary for the notebook's last cell (checked by nbval)."""
        correct, total = self.score()
        answered = sum(1 for q in self.questions if q["id"] in self.choices)
        options = sum(len(q["options"]) for q in self.questions)
        return (
            f"Chapter {self.chapter} self-check ({self.title}): {total} questions, "
            f"{options} options, each with its own feedback; "
            f"{answered} answered here, {correct} correct."
        )

