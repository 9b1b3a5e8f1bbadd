"""Write the golden cases that Python and the page's JavaScript must both reproduce.

    .venv/bin/python tests/golden/make_golden.py

Run it only when a rule changes on purpose, on both sides at once: the pytest
tests compare Python with these files, and ``node --test tests/node/`` compares
the JavaScript modules with them, so a change to either side alone fails.
Each case carries its own content (a snapshot), so editing the course's data
files does not change them.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from coproduction_course.checklist import as_dict, load_content, score, to_markdown  # noqa: E402
from coproduction_course import debate  # noqa: E402
from coproduction_course.content import course_title, ui_text  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT_URL = "https://example.org/course/"  # every other case has absolute links


def checklist_cases() -> dict:
    content = load_content("barriers")
    shared = ui_text("checklist")
    ids = [i["id"] for g in content["groups"] for i in g["indicators"]]
    notes_all = {g["id"]: f"Seen at the {g['short']} meeting.\n\nSecond paragraph." for g in content["groups"]}
    inputs = [
        ("nothing answered", "", {}, {}),
        ("one indicator", "  A peer group  ", {ids[0]: 2}, {}),
        ("every indicator clearly", "Forum", {i: 2 for i in ids}, notes_all),
        ("every indicator not seen", "Forum", {i: 0 for i in ids}, {}),
        ("mixed, one group unrated", "Board", {i: k % 3 for k, i in enumerate(ids[:-5])}, {content["groups"][0]["id"]: "One line"}),
        ("one per group, partly", "Redesign", {g["indicators"][0]["id"]: 1 for g in content["groups"]}, {}),
    ]
    cases = []
    for name, initiative, ratings, notes in inputs:
        root = ROOT_URL if len(cases) % 2 else None
        student = " Candidate 4711 " if len(cases) % 3 == 1 else ""
        cases.append({
            "name": name,
            "root": root,
            "initiative": initiative,
            "ratings": ratings,
            "notes": notes,
            "scores": score(content, ratings, notes),
            "student": student,
            "markdown": to_markdown(content, shared, initiative, ratings, notes, root, student),
            "json": as_dict(content, "barriers", initiative, ratings, notes, student),
        })
    return {"content": content, "shared": shared, "course": course_title(), "cases": cases}


def debate_cases() -> dict:
    ui = ui_text("debate")
    ids = [f"motion-{c}" for c in "abcdefgh"]
    randoms = []
    for seed in (0, 1, 2026, 123456789, 4294967295):
        rng = debate.mulberry32(seed)
        randoms.append({"seed": seed, "values": [rng() for _ in range(12)], "order": debate.shuffle(ids, debate.mulberry32(seed))})
    names = ["Ana", "Ben", "Chidi", "Dilys", "Eshan", "Fern", "Gwen"]
    groups = []
    for seed, n, g, with_names in [(0, 2, 2, False), (1, 24, 4, False), (2026, 24, 4, False), (2026, 31, 5, False),
                                   (123456789, 200, 7, False), (4294967295, 10, 10, False), (2026, 7, 3, True), (5, 7, 2, True)]:
        assigned = debate.assign_groups(n, g, seed)
        groups.append({"seed": seed, "students": n, "groups": g, "names": names[:n] if with_names else None,
                       "assigned": assigned, "text": debate.format_groups(assigned, names[:n] if with_names else None)})
    # Motions where people choose their side: the same groups, no side given.
    for seed, n, g, with_names in [(2026, 24, 4, False), (5, 7, 2, True)]:
        assigned = debate.assign_groups(n, g, seed)
        groups.append({"seed": seed, "students": n, "groups": g, "names": names[:n] if with_names else None, "by_choice": True,
                       "assigned": assigned, "text": debate.format_groups(assigned, names[:n] if with_names else None, by_choice=True)})
    pastes = ["Ana\nBen\n\n  Chidi  \n", "Ana, Ben;Chidi\tDilys", "", "\n\n", "A  very   spaced    name\n" + "x" * 100]
    class_lists = [{"text": t, "names": debate.parse_class_list(t)} for t in pastes]
    return {"ui": ui, "ids": ids, "random": randoms, "groups": groups, "class_lists": class_lists}


def write(name: str, data: dict) -> None:
    (HERE / name).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write("checklist.json", checklist_cases())
    write("debate.json", debate_cases())
