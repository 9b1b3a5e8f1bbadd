"""Self-checks test understanding: every item names the learning outcome of its chapter that it
serves and its type, and at least two thirds of the course's items are scenario or application
items, not recall of who said what."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SELFCHECK = ROOT / "coproduction_course" / "data" / "selfcheck.yml"
TYPES = {"recall", "scenario", "application"}
NOT_RECALL_SHARE = 2 / 3


def normalise(outcome: str) -> str:
    """Outcome text as a reader sees it: roles such as {term}`x <y>` reduced to x, no emphasis."""
    text = re.sub(r"\{\w+\}`([^`<]+?)\s*(<[^`]*>)?`", r"\1", outcome)
    text = text.replace("*", "").replace("`", "")
    return re.sub(r"\s+", " ", text).strip().rstrip(";.").lower()


def chapter_outcomes(n: int) -> list[str]:
    page = next((ROOT / "chapters").glob(f"0{n}-*.md")).read_text(encoding="utf-8")
    section = page.split("## Learning outcomes", 1)[1].split("\n## ", 1)[0]
    return [normalise(line[2:]) for line in section.splitlines() if line.startswith("- ")]


def questions(data: dict) -> list[tuple[int, dict]]:
    return [(ch["chapter"], q) for ch in data["chapters"] for q in ch["questions"]]


def problems(data: dict) -> list[str]:
    found = []
    items = questions(data)
    for n, q in items:
        if q.get("type") not in TYPES:
            found.append(f"{q['id']}: type must be one of {sorted(TYPES)}, not {q.get('type')!r}")
        if not q.get("outcome"):
            found.append(f"{q['id']}: no outcome")
        elif normalise(q["outcome"]) not in chapter_outcomes(n):
            found.append(f"{q['id']}: outcome is not one of chapter {n}'s learning outcomes: {q['outcome']!r}")
    applied = sum(1 for _, q in items if q.get("type") in ("scenario", "application"))
    if applied < NOT_RECALL_SHARE * len(items):
        found.append(f"only {applied} of {len(items)} items are scenario or application; at least two thirds must be")
    return found


def test_every_item_has_an_outcome_of_its_chapter_and_a_type_and_two_thirds_apply_ideas():
    data = yaml.safe_load(SELFCHECK.read_text(encoding="utf-8"))
    assert problems(data) == []


def test_the_check_fails_when_recall_items_dominate_or_tags_are_missing():
    data = yaml.safe_load(SELFCHECK.read_text(encoding="utf-8"))
    for _, q in questions(data):
        q["type"] = "recall"
    assert any("two thirds" in p for p in problems(data))
    del questions(data)[0][1]["outcome"]
    questions(data)[1][1]["outcome"] = "give the correct date of Putting People First"
    found = problems(data)
    assert any("no outcome" in p for p in found)
    assert any("not one of chapter 1's learning outcomes" in p for p in found)


def test_every_chapter_states_its_outcomes_and_no_bookkeeping_ones():
    for n in range(1, 7):
        outcomes = chapter_outcomes(n)
        assert outcomes, n
        assert not [o for o in outcomes if o.startswith("give the correct date")], n
