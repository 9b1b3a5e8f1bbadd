"""Self-check quizzes for the exercise pages, and the case studies' data.

``SelfCheck(chapter=N)`` shows the chapter's multiple-choice questions from
``data/selfcheck.yml``. On the static site (drawn by ``widget-host.js``) and in a
notebook alike, choosing an option gives immediate feedback that explains why it
is right or wrong, with a link to the chapter section. Choices are kept in the
browser's storage (per page and ``storage_key``), never sent anywhere.

The case studies used by ``exercises/case-studies.ipynb`` live in
``data/cases.yml``; :func:`load_cases` validates and returns them.

Both data files are validated on load: a broken file raises
:class:`~coproduction_course.content.ContentError` naming the file and field.
"""
from __future__ import annotations

from typing import Any

import traitlets

from .base import CourseWidget, view_module
from .content import ContentError, ID_SCHEMA, TEXT_SCHEMA, link_schema, load, register_schema

_TEXT = TEXT_SCHEMA
_ID = ID_SCHEMA
# Relative to the site root, e.g. chapters/05-critiques.html#barrier-avoidance
_LINK = link_schema(r"^chapters/[a-z0-9-]+\.html(#[a-z0-9-]+)?$")

SELFCHECK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["chapters"],
    "additionalProperties": False,
    "properties": {
        "chapters": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["chapter", "title", "questions"],
                "additionalProperties": False,
                "properties": {
                    "chapter": {"type": "integer", "minimum": 1, "maximum": 7},
                    "title": _TEXT,
                    "questions": {
                        "type": "array",
                        "minItems": 3,
                        "maxItems": 5,
                        "items": {
                            "type": "object",
                            "required": ["id", "type", "outcome", "prompt", "options", "link"],
                            "additionalProperties": False,
                            "properties": {
                                "id": _ID,
                                # What the item asks of a student; most must be scenario or
                                # application (tests/test_selfcheck_content.py).
                                "type": {"enum": ["recall", "scenario", "application"]},
                                # The chapter's learning outcome the item serves, as worded there.
                                "outcome": _TEXT,
                                "prompt": _TEXT,
                                "link": _LINK,
                                # The chapter learning outcome the item checks, and its kind.
                                "outcome": _TEXT,
                                "type": {"enum": ["scenario", "application", "recall"]},
                                "options": {
                                    "type": "array",
                                    "minItems": 2,
                                    "maxItems": 5,
                                    "items": {
                                        "type": "object",
                                        "required": ["text", "feedback"],
                                        "additionalProperties": False,
                                        "properties": {
                                            "text": _TEXT,
                                            "feedback": _TEXT,
                                            "correct": {"type": "boolean"},
                                        },
                                    },
                                    # Exactly one option is marked correct.
                                    "contains": {
                                        "type": "object",
                                        "required": ["correct"],
                                        "properties": {"correct": {"const": True}},
                                    },
                                    "minContains": 1,
                                    "maxContains": 1,
                                },
                            },
                        },
                    },
                },
            },
        }
    },
}

BARRIERS = ["resistance", "procedure", "avoidance", "conformity"]

CASES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["cases"],
    "additionalProperties": False,
    "properties": {
        "cases": {
            "type": "array",
            "minItems": 5,
            "items": {
                "type": "object",
                "required": ["id", "title", "setting", "vignette", "prompts", "barriers", "tutor_note"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "title": _TEXT,
                    # What kind of initiative this is, in a few words.
                    "setting": _TEXT,
                    # The story itself; paragraphs separated by blank lines.
                    "vignette": _TEXT,
                    "prompts": {"type": "array", "minItems": 1, "items": _TEXT},
                    # The barriers a tutor would expect students to find (tutor edition only).
                    "barriers": {
                        "type": "array",
                        "minItems": 1,
                        "uniqueItems": True,
                        "items": {"enum": BARRIERS},
                    },
                    "tutor_note": _TEXT,
                },
            },
        }
    },
}

register_schema("selfcheck.yml", SELFCHECK_SCHEMA)
register_schema("cases.yml", CASES_SCHEMA)


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


# Styles for the view: large targets, wraps at 375 px, readable on a projector,
# and follows the theme's light/dark colours. Verdicts never rely on colour alone
# (a word and a symbol say it too).
_CSS = """
.sc { font-size: 1rem; line-height: 1.5; max-width: 100%; overflow-wrap: anywhere; }
.sc-intro { margin: 0 0 0.75rem; }
.sc-question { border: 1px solid var(--pst-color-border, #999); border-radius: 6px;
  padding: 0.5rem 0.75rem 0.75rem; margin: 0 0 1rem; min-width: 0; }
/* The legend sits inside the box (float, full width) at body-text size: the
   theme's legend size is meant for form titles and swamps a phone screen. */
.sc-prompt { font-weight: 600; font-size: 1.05rem; line-height: 1.45; float: left; width: 100%;
  margin: 0 0 0.25rem; padding: 0; white-space: normal; }
.sc-num { font-weight: 700; }
.sc-options { clear: both; display: flex; flex-direction: column; gap: 0.35rem; margin-top: 0.25rem; }
.sc-option { display: flex; align-items: flex-start; gap: 0.5rem; padding: 0.25rem 0.35rem;
  border-radius: 4px; }
.sc-option:hover { background: var(--pst-color-surface, rgba(127,127,127,0.12)); }
.sc-option input { flex: 0 0 auto; width: 1.15rem; height: 1.15rem; margin: 0.2rem 0 0; }
.sc-option label { flex: 1 1 auto; min-width: 0; cursor: pointer; }
.sc-option input:focus-visible { outline: 3px solid var(--pst-color-primary, #0a58ca); outline-offset: 2px; }
.sc-feedback { margin: 0.6rem 0 0; padding: 0.5rem 0.75rem; border-left: 6px solid currentColor; }
.sc-right { border-left-color: #1a7f37; }
.sc-wrong { border-left-color: #b42318; }
.sc-more a { text-decoration: underline; }
.sc-footer { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.sc-tally { margin: 0; font-weight: 600; }
.sc-reset { font: inherit; padding: 0.4rem 0.9rem; min-height: 44px; border-radius: 4px;
  border: 1px solid currentColor; background: transparent; color: inherit; cursor: pointer; }
.sc-reset:focus-visible { outline: 3px solid var(--pst-color-primary, #0a58ca); outline-offset: 2px; }
.sc-status { margin: 0.5rem 0 0; }
@media print {
  .sc-reset, .sc-status { display: none; }
  .sc-question { break-inside: avoid; page-break-inside: avoid; }
}
"""


class SelfCheck(CourseWidget):
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

    _esm = traitlets.Unicode(view_module("selfcheck.js")).tag(sync=True)
    _css = traitlets.Unicode(_CSS).tag(sync=True)

    def __init__(self, chapter: int = 1, **kwargs: Any) -> None:
        checks = load_selfchecks()
        if chapter not in checks:
            raise ValueError(f"no self-check for chapter {chapter!r}; chapters with one: {sorted(checks)}")
        data = checks[chapter]
        kwargs.setdefault("storage_key", f"selfcheck-ch{chapter:02d}")
        super().__init__(chapter=chapter, title=data["title"], questions=data["questions"], **kwargs)

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

