"""The module pages hold together: every course outcome has a row in the alignment table; each
row names only chapter outcomes, exercises, self-check questions and assessment criteria that
exist; every chapter outcome and every exercise serves some course outcome; the module
plan's hours, by activity and by week, add up to the total it states; and the tutor's marking
guide says what separates the bands for every exercise.

The checks are plain functions over the pages' text, so a test beside each one shows that it
fails on a broken copy of the page.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUTCOMES = ROOT / "module" / "outcomes.md"
PLAN = ROOT / "module" / "plan.md"
ASSESSMENT = ROOT / "module" / "assessment.md"
SELFCHECK = ROOT / "coproduction_course" / "data" / "selfcheck.yml"


def table_rows(text: str, after: str) -> list[list[str]]:
    """The body rows of the first Markdown table after the line `after`, as lists of cells."""
    lines = text.split(after, 1)[1].splitlines()
    rows, started = [], False
    for line in lines:
        if line.startswith("|"):
            started = True
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows.append(cells)
        elif started:
            break
    return [r for r in rows[2:]]  # drop the header and the --- line


def course_outcomes(text: str) -> list[str]:
    return [r[0] for r in table_rows(text, "## Course outcomes")]


def alignment(text: str) -> dict[str, list[str]]:
    return {r[0]: r[1:] for r in table_rows(text, "## Alignment")}


def exercise_ids() -> set[str]:
    ids = set()
    for path in (ROOT / "exercises").glob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            ids.update(re.findall(r":label: (ex-[\w-]+)", "".join(cell["source"])))
    return ids


def selfcheck_ids() -> set[str]:
    data = yaml.safe_load(SELFCHECK.read_text(encoding="utf-8"))
    return {q["id"] for ch in data["chapters"] for q in ch["questions"]}


def chapter_outcome_numbers() -> set[str]:
    found = set()
    for path in sorted((ROOT / "chapters").glob("0[1-9]-*.md")):
        n = int(path.name[:2])
        section = path.read_text(encoding="utf-8").split("## Learning outcomes", 1)[1].split("\n## ", 1)[0]
        count = sum(1 for line in section.splitlines() if line.startswith("- "))
        found.update(f"{n}.{i}" for i in range(1, count + 1))
    return found


def criteria(text: str) -> set[str]:
    return {r[0] for r in table_rows(text, "(essay-criteria)=")} | {
        r[0] for r in table_rows(text, "(audit-criteria)=")
    }


def alignment_problems(outcomes_text: str, assessment_text: str) -> list[str]:
    found = []
    outcomes = course_outcomes(outcomes_text)
    rows = alignment(outcomes_text)
    if not 5 <= len(outcomes) <= 8:
        found.append(f"{len(outcomes)} course outcomes; the module needs 5 to 8")
    for co in outcomes:
        if co not in rows:
            found.append(f"{co} has no row in the alignment table")
    for co in rows:
        if co not in outcomes:
            found.append(f"alignment row {co} is not a course outcome")
    known_ex, known_sc = exercise_ids(), selfcheck_ids()
    known_co, known_crit = chapter_outcome_numbers(), criteria(assessment_text)
    used_co, used_ex = set(), set()
    for co, cells in rows.items():
        if len(cells) != 4:
            found.append(f"{co}: {len(cells) + 1} columns, not 5")
            continue
        chapter_cell, activity_cell, selfcheck_cell, assessment_cell = cells
        named_co = re.findall(r"\b\d\.\d+\b", chapter_cell)
        named_ex = set(re.findall(r"\{ref\}`(ex-[\w-]+) <", activity_cell))
        named_sc = re.findall(r"`(ch\d\d-[\w-]+)`", selfcheck_cell)
        named_crit = re.findall(r"\b[EA]\d\b", assessment_cell)
        for label, named in (("chapter outcome", named_co), ("exercise", named_ex), ("assessment criterion", named_crit)):
            if not named:
                found.append(f"{co}: no {label}")
        if not named_sc and not selfcheck_cell.startswith("None:"):
            found.append(f"{co}: no self-check, and no 'None:' saying why")
        found += [f"{co}: chapter outcome {x} does not exist" for x in named_co if x not in known_co]
        found += [f"{co}: exercise {x} does not exist" for x in sorted(named_ex) if x not in known_ex]
        found += [f"{co}: self-check {x} does not exist" for x in named_sc if x not in known_sc]
        found += [f"{co}: criterion {x} does not exist" for x in named_crit if x not in known_crit]
        used_co.update(named_co)
        used_ex.update(named_ex)
    found += [f"chapter outcome {x} serves no course outcome" for x in sorted(known_co - used_co)]
    found += [f"exercise {x} serves no course outcome" for x in sorted(known_ex - used_ex)]
    return found


def hours_problems(plan_text: str) -> list[str]:
    found = []
    activities = table_rows(plan_text, "(module-plan-hours)=")
    total_rows = [r for r in activities if "Total" in r[0]]
    if len(total_rows) != 1:
        return ["the table of activities has no single Total row"]
    stated = int(re.sub(r"\D", "", total_rows[0][1]))
    by_activity = sum(int(r[1]) for r in activities if r is not total_rows[0])
    if by_activity != stated:
        found.append(f"the activities add up to {by_activity} hours, not the stated {stated}")
    weeks = table_rows(plan_text, "(module-plan-weeks)=")
    if len(weeks) != 10:
        found.append(f"{len(weeks)} weeks in the week-by-week plan, not 10")
    by_week = sum(int(r[-1]) for r in weeks)
    if by_week != stated:
        found.append(f"the weeks add up to {by_week} hours, not the stated {stated}")
    if not 140 <= stated <= 160:
        found.append(f"{stated} hours is not about 150")
    for claim in re.findall(r"add up to the same total as the table of activities: (\d+)", plan_text):
        if int(claim) != stated:
            found.append(f"the text says the weeks add up to {claim}, the table says {stated}")
    return found


def test_alignment_covers_every_course_outcome_and_names_only_real_items():
    assert alignment_problems(OUTCOMES.read_text(encoding="utf-8"), ASSESSMENT.read_text(encoding="utf-8")) == []


def test_module_plan_hours_add_up_to_the_stated_total():
    assert hours_problems(PLAN.read_text(encoding="utf-8")) == []


def test_the_alignment_check_fails_on_a_broken_table():
    text = OUTCOMES.read_text(encoding="utf-8")
    assessment = ASSESSMENT.read_text(encoding="utf-8")
    no_row = re.sub(r"(?m)^\| CO7 \| 2\.6.*\n", "", text)
    assert "CO7 has no row in the alignment table" in alignment_problems(no_row, assessment)
    bad_ids = text.replace("`ch02-timebank`", "`ch02-time-bank`").replace(
        "{ref}`ex-ch05-case <ex-ch05-case>`", "{ref}`ex-ch05-cases <ex-ch05-cases>`"
    ).replace("| E2; A1 |", "| E9; A1 |")
    found = alignment_problems(bad_ids, assessment)
    assert "CO5: self-check ch02-time-bank does not exist" in found
    assert "CO5: exercise ex-ch05-cases does not exist" in found
    assert "exercise ex-ch05-case serves no course outcome" in found
    assert "CO2: criterion E9 does not exist" in found


def test_the_hours_check_fails_when_the_hours_do_not_add_up():
    text = PLAN.read_text(encoding="utf-8")
    broken = text.replace("| Seminars: ten sessions of 90 minutes | 15 |", "| Seminars: ten sessions of 90 minutes | 20 |")
    assert any("activities add up to 155 hours" in p for p in hours_problems(broken))
    broken = re.sub(r"(?m)^(\| 10 \|.*\| )21 \|$", r"\g<1>25 |", text)
    assert any("weeks add up to 154 hours" in p for p in hours_problems(broken))


MARKING = ROOT / "exercises" / "tutor" / "marking.md"


def marking_problems(marking_text: str) -> list[str]:
    """Every exercise has a row in the marking guide saying what separates the bands."""
    section = marking_text.split("(tutor-marking-exercises)=", 1)[1].split("(tutor-marking-exemplars)=", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"\| \{ref\}`(ex-[\w-]+) <\1>` \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [c.strip() for c in match.group(2).split("|")]
    found = [f"exercise {x} has no row in the marking guide" for x in sorted(exercise_ids() - set(rows))]
    found += [f"marking guide row {x} is not an exercise" for x in sorted(set(rows) - exercise_ids())]
    found += [f"{x}: a band column is empty" for x, cells in rows.items() if len(cells) != 3 or not all(cells)]
    return found


def test_the_marking_guide_says_what_separates_the_bands_for_every_exercise():
    assert marking_problems(MARKING.read_text(encoding="utf-8")) == []


def test_the_marking_check_fails_when_an_exercise_has_no_row():
    text = MARKING.read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^\| \{ref\}`ex-ch06-race <ex-ch06-race>` \|.*\n", "", text)
    assert marking_problems(broken) == ["exercise ex-ch06-race has no row in the marking guide"]
