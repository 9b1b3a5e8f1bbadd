"""Self-check widget, its data, the case studies and the exercise notebooks (no build needed)."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from coproduction_course.content import ContentError, load_file
from coproduction_course.selfcheck import BARRIERS, SelfCheck, load_cases, load_selfchecks
from coproduction_course.base import STATIC

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "coproduction_course" / "data"
EXERCISES = ROOT / "exercises"
TUTOR = EXERCISES / "tutor"
CHAPTER_FILES = {n: p for n in range(1, 8) for p in (ROOT / "chapters").glob(f"0{n}-*.md")}


# --- data -----------------------------------------------------------------------------

def test_every_chapter_has_three_to_five_questions_with_feedback():
    checks = load_selfchecks()
    assert sorted(checks) == [1, 2, 3, 4, 5, 6, 7]
    for n, check in checks.items():
        assert 3 <= len(check["questions"]) <= 5, n
        for q in check["questions"]:
            assert sum(1 for o in q["options"] if o.get("correct")) == 1, q["id"]
            assert all(len(o["feedback"]) > 30 for o in q["options"]), q["id"]
            assert q["id"].startswith(f"ch{n:02d}-"), q["id"]


def test_correct_answer_is_not_always_in_the_same_place():
    positions = {SelfCheck(chapter=n).correct_index(q["id"]) for n, c in load_selfchecks().items() for q in c["questions"]}
    assert len(positions) >= 3


def test_each_question_links_to_a_section_that_the_chapter_defines_or_its_heading():
    """Anchors are either agreed labels `(label)=` or heading ids; the browser test checks them on the site."""
    for _n, check in load_selfchecks().items():
        for q in check["questions"]:
            href = q["link"]["href"]
            page, _, anchor = href.partition("#")
            assert (ROOT / page.replace(".html", ".md")).exists() or (ROOT / page.replace(".html", ".ipynb")).exists(), href
            assert anchor, f"{q['id']}: link to a section, not just a page"


def _broken_copy(tmp_path: Path, name: str, change) -> Path:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_missing_prompt_names_file_and_field(tmp_path):
    path = _broken_copy(tmp_path, "selfcheck.yml", lambda d: d["chapters"][0]["questions"][1].pop("prompt"))
    with pytest.raises(ContentError, match=r"^selfcheck\.yml: chapters\[0\]\.questions\[1\]: 'prompt' is a required property"):
        load_file(path)


def test_two_correct_options_are_refused(tmp_path):
    def two_correct(d):
        for o in d["chapters"][2]["questions"][0]["options"]:
            o["correct"] = True

    path = _broken_copy(tmp_path, "selfcheck.yml", two_correct)
    with pytest.raises(ContentError, match=r"^selfcheck\.yml: chapters\[2\]\.questions\[0\]\.options"):
        load_file(path)


def test_a_link_outside_the_chapters_is_refused(tmp_path):
    def bad_link(d):
        d["chapters"][0]["questions"][0]["link"]["href"] = "https://example.org/"

    path = _broken_copy(tmp_path, "selfcheck.yml", bad_link)
    with pytest.raises(ContentError, match=r"^selfcheck\.yml: chapters\[0\]\.questions\[0\]\.link\.href"):
        load_file(path)


def test_cases_are_fictional_varied_and_validated(tmp_path):
    cases = load_cases()
    assert len(cases) >= 5
    # Invented cases say so in the story; published ones name their source.
    for c in cases:
        if c["setting"].startswith("Published"):
            assert "source:" in c["vignette"].lower(), c["id"]
        else:
            assert "fictional" in c["vignette"].lower() or "invented" in c["vignette"].lower(), c["id"]
    assert {b for c in cases for b in c["barriers"]} == set(BARRIERS)
    # Not every case shows the same barriers.
    assert len({tuple(sorted(c["barriers"])) for c in cases}) >= 4
    path = _broken_copy(tmp_path, "cases.yml", lambda d: d["cases"][3].update(barriers=["bureaucracy"]))
    with pytest.raises(ContentError, match=r"^cases\.yml: cases\[3\]\.barriers\[0\]"):
        load_file(path)


# --- widget ---------------------------------------------------------------------------

def test_widget_repr_is_stable_and_summary_scores():
    check = SelfCheck(chapter=5)
    assert repr(check) == "SelfCheck(chapter=5, questions=5, storage_key='selfcheck-ch05')"
    assert repr(SelfCheck(chapter=5)) == repr(check)
    assert "0 answered here, 0 correct" in check.summary()
    first = check.questions[0]["id"]
    right = check.correct_index(first)
    wrong = (right + 1) % len(check.questions[0]["options"])
    assert check.score({first: wrong}) == (0, 5)
    check.choices = {first: right}
    assert check.score() == (1, 5)
    assert "1 answered here, 1 correct" in check.summary()
    assert check.feedback(first, wrong) == check.questions[0]["options"][wrong]["feedback"]


def test_unknown_chapter_is_a_clear_error():
    with pytest.raises(ValueError, match="no self-check for chapter 9"):
        SelfCheck(chapter=9)


def test_view_module_and_css_are_files_beside_the_class():
    check = SelfCheck(chapter=1)
    assert check._esm == (STATIC / "selfcheck.js").read_text(encoding="utf-8")
    assert check._css == (STATIC / "selfcheck.css").read_text(encoding="utf-8")
    assert check.ui["right"] == "Correct."
    for path in (STATIC / "src" / "selfcheck").glob("*.js"):
        assert "innerHTML" not in path.read_text(encoding="utf-8")


# --- exercise pages and answers -------------------------------------------------------

EXERCISE_RE = re.compile(r"```\{exercise\}[^\n]*\n:label: (ex-ch(\d\d)-[a-z0-9-]+)")
SOLUTION_RE = re.compile(r"```\{solution\} (ex-ch\d\d-[a-z0-9-]+)")


def _exercise_labels(n: int) -> list[str]:
    nb = nbformat.read(EXERCISES / f"ch{n:02d}-exercises.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return [m.group(1) for m in EXERCISE_RE.finditer(text)]


@pytest.mark.parametrize("n", range(1, 8))
def test_exercise_page_has_selfcheck_exercises_and_a_widget_task(n):
    path = EXERCISES / f"ch{n:02d}-exercises.ipynb"
    assert not (EXERCISES / f"ch{n:02d}-exercises.md").exists(), "the .md stub must go: the page is a notebook"
    nb = nbformat.read(path, as_version=4)
    # The first code cell installs the course package where it is missing (Colab); skip it.
    code = [c for c in nb.cells if c.cell_type == "code" and c.get("id") != "install-course-package"]
    assert f"SelfCheck(chapter={n})" in code[0].source
    assert "remove-input" in code[0].metadata.get("tags", [])
    assert "summary()" in code[-1].source
    labels = _exercise_labels(n)
    assert 3 <= len(labels) <= 5 and all(l.startswith(f"ex-ch{n:02d}-") for l in labels)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "chapters/barrier-checklist`" in markdown or "chapters/debate-prompts`" in markdown


@pytest.mark.parametrize("n", range(1, 8))
def test_every_exercise_has_exactly_one_model_answer(n):
    answers = (TUTOR / f"ch{n:02d}-answers.md").read_text(encoding="utf-8")
    solved = SOLUTION_RE.findall(answers)
    assert sorted(solved) == sorted(_exercise_labels(n))


def test_no_student_page_links_to_a_tutor_page():
    student = list(EXERCISES.glob("*.md")) + list(EXERCISES.glob("*.ipynb")) + list((ROOT / "chapters").glob("*.*"))
    for path in student:
        text = path.read_text(encoding="utf-8")
        assert "tutor/" not in text, f"{path.relative_to(ROOT)} links into exercises/tutor/"
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "exercises/tutor" not in toc


@pytest.mark.parametrize("n", range(1, 8))
def test_seminar_plan_has_both_lengths_and_care_for_the_room(n):
    text = (TUTOR / f"ch{n:02d}-seminar.md").read_text(encoding="utf-8")
    assert "## Plan for 60 minutes" in text and "## Plan for 90 minutes" in text
    assert "support services" in text
    assert "Ground rules" in text
    # No helpline numbers: point to the institution's services instead.
    assert not re.search(r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b116 ?123\b|\b111\b", text)
