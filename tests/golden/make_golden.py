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
    cases += checklist_edge_cases(content, shared, ids)
    return {"content": content, "shared": shared, "course": course_title(), "cases": cases}


def ratings_at(ids: list[str], percent: int) -> dict[str, int]:
    """The fewest ratings (of ids, in order) whose overall percent is exactly ``percent``:
    floor(100 * score / (2 * rated)) == percent, score made of 2s, then a 1, then 0s."""
    for rated in range(1, len(ids) + 1):
        for total in range(2 * rated + 1):
            if (100 * total) // (2 * rated) == percent:
                values = [2] * (total // 2) + [1] * (total % 2)
                values += [0] * (rated - len(values))
                return dict(zip(ids, values))
    raise ValueError(f"no set of {len(ids)} ratings gives {percent}%")


def checklist_edge_cases(content: dict, shared: dict, ids: list[str]) -> list[dict]:
    """Band boundaries (every band's up_to, and one above it) overall and within a group,
    and names and notes beyond ASCII (accents, Welsh, Irish, CJK, an emoji, a no-break
    space and a byte-order mark around a name, which both sides trim alike)."""
    first = [i["id"] for i in content["groups"][0]["indicators"]]
    notes_all = {g["id"]: f"Gwelwyd yn y cyfarfod – “dim newid” ({g['short']}) 🌱" for g in content["groups"]}
    edge = []
    for band in content["bands"]:
        for percent in sorted({band["up_to"], min(band["up_to"] + 1, 100)}):
            edge.append((f"overall exactly {percent}%", "Forum", ratings_at(ids, percent), notes_all, None, ""))
    edge += [
        ("group at 33%: 2, 0, 0", "Grŵp", dict(zip(first, [2, 0, 0])), {}, None, ""),
        ("group at 66%: 2, 2, 0", "Grŵp", dict(zip(first, [2, 2, 0])), {}, ROOT_URL, ""),
        ("group at 0% and 100%", "", {**dict(zip(first, [0, 0])), ids[-1]: 2}, {}, None, ""),
        ("names beyond ASCII", "  Grŵp Cymorth Cymheiriaid — Zoë’s forum 🌱 山田  ", {ids[0]: 1, ids[1]: 2},
         {content["groups"][0]["id"]: "Siân said: “ní hea”.\n\n第二段落 — ok"}, ROOT_URL, "\u00a0Siân Ní Bhriain\u3000"),
        ("a name with a byte-order mark", "\ufeffÉire forum", {ids[0]: 0}, {}, None, "\ufeffZoë Ōkafor "),
    ]
    cases = []
    for name, initiative, ratings, notes, root, student in edge:
        cases.append({
            "name": name, "root": root, "initiative": initiative, "ratings": ratings, "notes": notes,
            "scores": score(content, ratings, notes), "student": student,
            "markdown": to_markdown(content, shared, initiative, ratings, notes, root, student),
            "json": as_dict(content, "barriers", initiative, ratings, notes, student),
        })
    return cases


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
    wide = ["Siân", "Zoë Ōkafor", "山田 太郎", "Ana María 🌱", "Ní Bhriain"]  # names beyond ASCII
    assigned = debate.assign_groups(len(wide), 2, 2026)
    groups.append({"seed": 2026, "students": len(wide), "groups": 2, "names": wide,
                   "assigned": assigned, "text": debate.format_groups(assigned, wide)})
    # Class lists are read only on the page (static/src/debate/names.js): no Python twin,
    # so the expected names are written here by hand. One name per line, or separated by
    # commas, semicolons or tabs; spaces (any Unicode space, a byte-order mark too) are
    # squeezed and trimmed; a name keeps at most 80 characters (code points).
    class_lists = [
        {"text": "Ana\nBen\n\n  Chidi  \n", "names": ["Ana", "Ben", "Chidi"]},
        {"text": "Ana, Ben;Chidi\tDilys", "names": ["Ana", "Ben", "Chidi", "Dilys"]},
        {"text": "", "names": []},
        {"text": "\n\n", "names": []},
        {"text": "A  very   spaced    name\n" + "x" * 100, "names": ["A very spaced name", "x" * 80]},
        # beyond ASCII: accents, Welsh, CJK, a no-break space inside a name, a byte-order
        # mark before one (a list saved from a spreadsheet), and a name of 81 emoji
        {"text": "\ufeffSiân\r\nZoë, Chidi Ọkafor;Anaïs\t山田 太郎\nAna\u00a0María  Ní   Bhriain\n" + "🌱" * 81,
         "names": ["Siân", "Zoë", "Chidi Ọkafor", "Anaïs", "山田 太郎", "Ana María Ní Bhriain", "🌱" * 80]},
        {"text": "\u3000Ōkafor\u2003Ngozi\u00a0", "names": ["Ōkafor Ngozi"]},
        {"text": "\n".join(f"Person {k}" for k in range(1, 203)), "names": [f"Person {k}" for k in range(1, 201)]},
    ]
    return {"ui": ui, "ids": ids, "random": randoms, "groups": groups, "class_lists": class_lists}


def write(name: str, data: dict) -> None:
    (HERE / name).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write("checklist.json", checklist_cases())
    write("debate.json", debate_cases())
