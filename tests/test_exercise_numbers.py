"""Exercises are numbered per chapter and referred to once by name (issue 9).

Checked in the built HTML of both editions: every exercise on
``exercises/chNN-exercises.html`` is "Exercise NN.k" (k = 1, 2, ... down the page),
every reference to an exercise (tutor seminar plans, "Solution to" headings) uses the
same number, and no page says "Exercise Exercise".
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from test_editions import tutor_build

TITLE = re.compile(r'<span class="caption-number">Exercise ([\d.]+) </span>')
LINK = re.compile(r'<a class="reference internal" href="([^"#]*ch(\d\d)-exercises\.html)#(ex-[\w-]+)"[^>]*>(.*?)</a>', re.S)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _numbers_on_exercise_pages(site: Path) -> dict[str, str]:
    """label -> number, read from each chapter's exercise page."""
    numbers = {}
    for page in sorted(site.glob("exercises/ch*-exercises.html")):
        chapter = int(re.search(r"ch(\d\d)", page.name).group(1))
        text = page.read_text(encoding="utf-8")
        found = TITLE.findall(text)
        assert found, f"{page.name}: no numbered exercise"
        assert found == [f"{chapter}.{k}" for k in range(1, len(found) + 1)], f"{page.name}: {found}"
        labels = re.findall(r'<div class="exercise admonition[^"]*" id="(ex-[\w-]+)"', text)
        assert len(labels) == len(found), f"{page.name}: {labels} vs {found}"
        numbers.update(zip(labels, found))
    return numbers


def _check_references(site: Path, numbers: dict[str, str]) -> int:
    checked = 0
    for page in sorted(site.rglob("*.html")):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        plain = _text(text)
        assert not re.search(r"\bexercise\s+exercise\b", plain, re.I), f"{page.relative_to(site)} says 'Exercise Exercise'"
        for _href, _chapter, label, inner in LINK.findall(text):
            words = _text(inner)
            if not words.startswith("Exercise") or label not in numbers:
                continue
            assert words.startswith(f"Exercise {numbers[label]}"), (
                f"{page.relative_to(site)}: link to {label} reads {words!r}, expected Exercise {numbers[label]}"
            )
            checked += 1
    return checked


def test_student_edition_numbers_exercises_by_chapter(site):
    numbers = _numbers_on_exercise_pages(site)
    assert len({n.split(".")[0] for n in numbers.values()}) >= 6
    _check_references(site, numbers)


def test_tutor_edition_numbers_and_references_agree():
    book = tutor_build()
    if not (book.site / "index.html").exists():
        pytest.fail("The tutor edition did not build:\n" + book.log[-4000:])
    numbers = _numbers_on_exercise_pages(book.site)
    # The seminar plans and model answers refer to exercises: there must be such links.
    assert _check_references(book.site, numbers) >= 10
