"""Unit tests for the barrier checklist (coproduction_course/checklist.py) and its
content files (data/barriers.yml, data/principles.yml)."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from coproduction_course.checklist import (
    MODES,
    BarrierChecklist,
    as_dict,
    load_content,
    score,
    to_markdown,
)
from coproduction_course.content import DATA_DIR, SCHEMA_FOR_FILE, ContentError

CHAPTER_ANCHORS = {
    "resistance": "chapters/05-critiques.html#barrier-resistance",
    "procedure": "chapters/05-critiques.html#barrier-procedure",
    "avoidance": "chapters/05-critiques.html#barrier-avoidance",
    "conformity": "chapters/05-critiques.html#barrier-conformity",
    # The four groups for what the barriers leave out (chapter 6).
    "collective-voice": "chapters/06-what-happened-next.html#survivor-scholarship",
    "equity": "chapters/06-what-happened-next.html#race-thread",
    "compulsion": "chapters/06-what-happened-next.html#mha-2025",
    "feedback-loop": "chapters/06-what-happened-next.html#pcref",
}
STATIC = Path(__file__).resolve().parent.parent / "coproduction_course" / "static"
JS = STATIC / "checklist.js"
VIEW_SOURCES = sorted((STATIC / "src" / "checklist").glob("*.js")) + sorted((STATIC / "src" / "common").glob("*.js"))


# --- content files -------------------------------------------------------------------
def test_both_files_are_checked_against_the_checklist_schema():
    assert SCHEMA_FOR_FILE["barriers.yml"] == SCHEMA_FOR_FILE["principles.yml"] == "checklist"


def test_barriers_file_has_carrs_four_barriers_with_3_to_5_indicators():
    content = load_content("barriers")
    assert [g["title"] for g in content["groups"]] == [
        "Institutional resistance to change",
        "Restrictive administrative procedure and professional practice",
        "Avoidance of challenge, confrontation or emotional expression",
        "The demand to conform to institutional rules and cultural norms",
        "No funded, independent collective voice",
        "Who is missing",
        "Compulsion in the background",
        "No loop that shows what changed",
    ]
    for group in content["groups"]:
        assert 3 <= len(group["indicators"]) <= 5
        assert group["link"]["href"] == CHAPTER_ANCHORS[group["id"]]
    assert content["overall"]["link"]["href"] == "chapters/04-nef-review-for-mind.html#doing-to-for-with"


def test_principles_file_has_the_six_nef_nesta_characteristics():
    content = load_content("principles")
    assert [g["short"] for g in content["groups"]] == [
        "Assets", "Capacity", "Mutuality", "Networks", "Blurring roles", "Catalysts",
    ]
    for group in content["groups"]:
        assert 3 <= len(group["indicators"]) <= 5
        assert group["link"]["href"] == "chapters/03-new-labour-and-the-think-tanks.html#nesta-six-characteristics"


def test_the_two_modes_mirror_each_other_on_position():
    barriers = load_content("barriers")["overall"]["by_band"]
    principles = load_content("principles")["overall"]["by_band"]
    assert barriers == {"low": "doing-with", "some": "doing-for", "high": "doing-to"}
    assert principles == {"low": "doing-to", "some": "doing-for", "high": "doing-with"}


def _string_literals(source: str) -> list[str]:
    """The text of every string and template literal in a JS source (no comments)."""
    source = re.sub(r"^\s*//.*$", "", source, flags=re.M)
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    found = re.findall(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`', source)
    return ["".join(parts) for parts in found]


def _reads_as_prose(literal: str) -> bool:
    """Two or more words, one of them with a capital letter or punctuation:
    a sentence or a label, not a class list like "cw-secondary cw-clear"."""
    tokens = [t for t in re.sub(r"\$\{[^}]*\}", " ", literal).split() if re.search(r"[A-Za-z]{2}", t)]
    return len(tokens) >= 2 and any(not re.fullmatch(r"[a-z0-9_-]+", t) for t in tokens)


def test_the_view_hard_codes_no_course_content():
    """No string in the view's modules is something a student reads: every word
    they see comes from the data files."""
    offenders = []
    for path in VIEW_SOURCES:
        for literal in _string_literals(path.read_text(encoding="utf-8")):
            if _reads_as_prose(literal) and not literal.startswith(("[", "meta[", "link[", ":scope")):
                offenders.append(f"{path.name}: {literal}")
    # The one English fallback: shown when the content itself is missing.
    assert offenders == ["index.js: The checklist's content is missing."], offenders
    for path in VIEW_SOURCES:
        source = path.read_text(encoding="utf-8")
        assert "innerHTML" not in source and "insertAdjacentHTML" not in source, path.name


def test_the_hard_coded_content_test_can_fail():
    """The check above flags a sentence a view writes itself, even one in no data file."""
    literals = _string_literals('const a = "cw-secondary cw-clear"; h("p", { text: `Rate ${n} indicators below.` });')
    assert [t for t in literals if _reads_as_prose(t)] == ["Rate ${n} indicators below."]


def _broken_copy(tmp_path: Path, name: str, change) -> Path:
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["groups"][1]["indicators"][0].pop("text"),
         r"^barriers\.yml: groups\[1\]\.indicators\[0\]: 'text' is a required property"),
        (lambda d: d["groups"][0]["indicators"].__setitem__(slice(2, None), []),
         r"^barriers\.yml: groups\[0\]\.indicators: .* is too short"),
        (lambda d: d["groups"][2]["link"].__setitem__("href", "https://example.org/page.html"),
         r"^barriers\.yml: groups\[2\]\.link\.href: 'https://example.org/page.html' does not match"),
        (lambda d: d["groups"][3]["feedback"].pop("high"),
         r"^barriers\.yml: groups\[3\]\.feedback: 'high' is a required property"),
        (lambda d: d["bands"][0].__setitem__("up_to", "33"),
         r"^barriers\.yml: bands\[0\]\.up_to: '33' is not of type 'integer'"),
        (lambda d: d["ui"].pop("reset_confirm"),
         r"^barriers\.yml: ui: 'reset_confirm' is a required property"),
        (lambda d: d["groups"][1]["indicators"][0].__setitem__("id", "res-same-routines"),
         r"^barriers\.yml: groups\[1\]\.indicators\[0\]\.id: 'res-same-routines' is already used at groups\[0\]\.indicators\[0\]"),
        (lambda d: d["bands"][2].__setitem__("up_to", 90),
         r"^barriers\.yml: bands\[2\]\.up_to: the last band must reach 100"),
        (lambda d: d["overall"]["by_band"].__setitem__("high", "doing-against"),
         r"^barriers\.yml: overall\.by_band\.high: 'doing-against' is not one of"),
        (lambda d: d.__setitem__("mode", "principles"),
         r"^barriers\.yml: mode: expected 'barriers', found 'principles'"),
    ],
)
def test_broken_barriers_file_names_file_and_field(tmp_path, change, message):
    path = _broken_copy(tmp_path, "barriers.yml", change)
    with pytest.raises(ContentError, match=message):
        load_content("barriers", path)


def test_broken_principles_file_names_file_and_field(tmp_path):
    path = _broken_copy(tmp_path, "principles.yml", lambda d: d["groups"][4].pop("question"))
    with pytest.raises(ContentError, match=r"^principles\.yml: groups\[4\]: 'question' is a required property"):
        load_content("principles", path)


def test_unreadable_files_give_clear_messages(tmp_path):
    bad = tmp_path / "barriers.yml"
    bad.write_text("groups: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^barriers\.yml: not valid YAML at line"):
        load_content("barriers", bad)
    bad.write_text("", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^barriers\.yml: the file is empty"):
        load_content("barriers", bad)
    with pytest.raises(ContentError, match=r"^barriers\.yml: file not found"):
        load_content("barriers", tmp_path / "missing" / "barriers.yml")


def test_packaged_files_are_valid_and_copies_are_independent(tmp_path):
    for name in MODES.values():
        shutil.copy(DATA_DIR / name, tmp_path / name)
    for mode, name in MODES.items():
        assert load_content(mode, tmp_path / name) == load_content(mode)
    first = load_content("barriers")
    first["groups"].clear()
    assert load_content("barriers")["groups"], "load_content must return a copy"


# --- scoring ---------------------------------------------------------------------------
def test_scoring_ignores_unanswered_and_uses_floor_percent():
    content = load_content("barriers")
    s = score(content, {"res-same-routines": 2, "res-short-term": 1, "res-goals-preset": 0})
    resistance = s["groups"][0]
    assert resistance == {
        "id": "resistance", "rated": 3, "total": 5, "score": 3, "max": 6, "percent": 50, "band": "some",
        "seen": 2, "clearly": 1, "partly": 1, "not_seen": 1, "unanswered": 2,
    }
    assert s["groups"][1]["band"] == "none" and s["groups"][1]["percent"] is None
    # 1 of 2 points in one indicator... 1/6 = 16.67% -> 16 (floor, not round)
    s = score(content, {"res-same-routines": 1, "res-short-term": 0, "res-goals-preset": 0})
    assert s["groups"][0]["percent"] == 16 and s["groups"][0]["band"] == "low"
    # 2 of 3 points -> 66% -> "some" (the boundary is inclusive)
    s = score(content, {"res-same-routines": 2, "res-short-term": 0, "res-goals-preset": 2})
    assert s["groups"][0]["percent"] == 66 and s["groups"][0]["band"] == "some"
    s = score(content, {"res-same-routines": 2, "res-short-term": 1, "res-goals-preset": 2})
    assert s["groups"][0]["percent"] == 83 and s["groups"][0]["band"] == "high"


def _evidence(content, text="What we saw, where and when."):
    return {g["id"]: text for g in content["groups"]}


def test_position_needs_every_group_rated_with_evidence_and_mirrors_between_modes():
    barriers = load_content("barriers")
    ids = [g["indicators"][0]["id"] for g in barriers["groups"]]
    notes = _evidence(barriers)
    partial = {i: 2 for i in ids[:-1]}
    assert score(barriers, partial, notes)["overall"]["position"] is None
    assert score(barriers, {i: 2 for i in ids}, notes)["overall"]["position"] == "doing-to"
    assert score(barriers, {i: 1 for i in ids}, notes)["overall"]["position"] == "doing-for"
    assert score(barriers, {i: 0 for i in ids}, notes)["overall"]["position"] == "doing-with"
    principles = load_content("principles")
    ids = [g["indicators"][0]["id"] for g in principles["groups"]]
    assert score(principles, {i: 2 for i in ids}, _evidence(principles))["overall"]["position"] == "doing-with"
    assert score(principles, {i: 0 for i in ids}, _evidence(principles))["overall"]["position"] == "doing-to"


def test_no_place_on_the_scale_without_evidence_notes():
    """Issue 11: ratings alone, or a blank note, do not place the initiative."""
    barriers = load_content("barriers")
    ratings = {g["indicators"][0]["id"]: 0 for g in barriers["groups"]}
    o = score(barriers, ratings)["overall"]
    assert o["position"] is None and o["evidence_missing"] == [g["id"] for g in barriers["groups"]]
    notes = _evidence(barriers)
    notes["avoidance"] = "   \n "
    o = score(barriers, ratings, notes)["overall"]
    assert o["position"] is None and o["evidence_missing"] == ["avoidance"]
    c = BarrierChecklist()
    for indicator_id in ratings:
        c.set_rating(indicator_id, 0)
    last = c.summary().splitlines()[-1]
    assert last.startswith("Where the initiative sits: The initiative is placed on the scale only when")
    assert last.endswith("Still needed: Resistance to change, Procedure and practice, Avoidance of challenge, Demand to conform, No collective voice, Who is missing, Compulsion, No feedback loop.")
    # Seeing no barriers is not "doing with": the export says so plainly.
    assert 'Seeing no barriers is not the same as "doing with".' in c.to_markdown()
    assert "not the same as" not in BarrierChecklist(mode="principles").to_markdown()


def test_overall_sums_every_answered_indicator():
    content = load_content("barriers")
    ratings = {"res-same-routines": 2, "proc-risk-veto": 1, "avo-anger-symptom": 0, "con-jargon": 2, "con-ground-rules": 2}
    o = score(content, ratings, _evidence(content))["overall"]
    assert (o["score"], o["max"], o["rated"], o["total"], o["percent"]) == (7, 10, 5, 36, 70)  # 19 barrier indicators + 17 in the four chapter-6 groups
    assert (o["seen"], o["clearly"], o["partly"], o["not_seen"], o["unanswered"]) == (4, 3, 1, 1, 31)
    # The four chapter-6 groups have no rating, so the initiative is not placed on the scale.
    assert o["band"] == "high" and o["position"] is None


# --- the widget's Python API -----------------------------------------------------------
def test_new_checklist_starts_empty():
    c = BarrierChecklist()
    assert (c.mode, c.initiative, c.ratings, c.notes) == ("barriers", "", {}, {})
    assert c.content == load_content("barriers")
    assert c.storage_key == "checklist-barriers"
    assert BarrierChecklist(mode="principles").storage_key == "checklist-principles"


def test_set_rating_validates_id_and_value():
    c = BarrierChecklist()
    c.set_rating("avo-criticism-minuted", 2)
    c.set_rating("res-short-term", 0)
    assert c.ratings == {"avo-criticism-minuted": 2, "res-short-term": 0}
    c.set_rating("res-short-term", None)
    assert c.ratings == {"avo-criticism-minuted": 2}
    with pytest.raises(ValueError, match=r"unknown indicator id 'nope' for the barriers checklist; known ids: res-same-routines"):
        c.set_rating("nope", 1)
    with pytest.raises(ValueError, match=r"unknown indicator id 'ast-asked-offer'"):
        c.set_rating("ast-asked-offer", 1)  # a principles id in barriers mode
    for bad in (3, -1, 1.5, "2", True):
        with pytest.raises(ValueError, match=r"rating for 'avo-criticism-minuted' must be 0 \(Not seen\), 1 \(Partly\), 2 \(Clearly\) or None \(Not answered\), not"):
            c.set_rating("avo-criticism-minuted", bad)
    assert c.ratings == {"avo-criticism-minuted": 2}


def test_set_note_and_bad_mode():
    c = BarrierChecklist()
    c.set_note("avoidance", "A note")
    assert c.notes == {"avoidance": "A note"}
    c.set_note("avoidance", "")
    assert c.notes == {}
    with pytest.raises(ValueError, match=r"unknown group id 'assets'; known ids: resistance, procedure, avoidance, conformity"):
        c.set_note("assets", "x")
    with pytest.raises(ValueError, match=r"mode must be one of 'barriers', 'principles', not 'both'"):
        BarrierChecklist(mode="both")


def test_summary_text():
    c = BarrierChecklist(initiative="Fictional forum")
    assert c.summary().splitlines() == [
        "Barrier checklist: Fictional forum",
        "- Institutional resistance to change: Not rated yet (0 of 5 indicators rated)",
        "- Restrictive administrative procedure and professional practice: Not rated yet (0 of 5 indicators rated)",
        "- Avoidance of challenge, confrontation or emotional expression: Not rated yet (0 of 4 indicators rated)",
        "- The demand to conform to institutional rules and cultural norms: Not rated yet (0 of 5 indicators rated)",
        "- No funded, independent collective voice: Not rated yet (0 of 4 indicators rated)",
        "- Who is missing: Not rated yet (0 of 4 indicators rated)",
        "- Compulsion in the background: Not rated yet (0 of 5 indicators rated)",
        "- No loop that shows what changed: Not rated yet (0 of 4 indicators rated)",
        "Overall: Not rated yet (0 of 36 indicators rated)",
        "Where the initiative sits: Rate at least one indicator in every barrier to see where the initiative sits.",
    ]
    for indicator_id, value in {"res-same-routines": 2, "res-short-term": 1, "proc-risk-veto": 0,
                                "avo-criticism-minuted": 2, "con-jargon": 1,
                                # one indicator in each chapter-6 group, so every group is rated
                                "col-no-funded-group": 1, "eq-no-record": 1, "comp-record": 1,
                                "fb-not-told": 1}.items():
        c.set_rating(indicator_id, value)
    for group_id in c.group_ids():
        c.set_note(group_id, "Evidence.")
    lines = c.summary().splitlines()
    # Counts of indicators seen, not percentages.
    assert lines[1] == ("- Institutional resistance to change: 2 of 5 indicators seen (1 clearly, 1 partly), "
                        "0 not seen, 3 not answered. Strong signs of this barrier")
    assert lines[2].endswith(": 0 of 5 indicators seen (0 clearly, 0 partly), 1 not seen, 4 not answered. Few signs of this barrier")
    assert lines[4].endswith(": 1 of 5 indicators seen (0 clearly, 1 partly), 0 not seen, 4 not answered. Some signs of this barrier")
    assert lines[5] == ("- No funded, independent collective voice: 1 of 4 indicators seen (0 clearly, 1 partly), "
                        "0 not seen, 3 not answered. Some signs of this barrier")
    assert lines[9] == "Overall: 8 of 36 indicators seen (2 clearly, 6 partly), 1 not seen, 27 not answered."
    assert lines[10] == "Where the initiative sits: Doing for"
    assert "%" not in c.summary() and "%" not in c.to_markdown()
    assert BarrierChecklist().summary().startswith("Barrier checklist: (no initiative named)")


def test_as_dict_and_markdown_keep_everything():
    c = BarrierChecklist(mode="principles", initiative="مبادرة 🌱")
    c.set_rating("ast-asked-offer", 2)
    long_note = ("Lorem ipsum 🌱 שלום <script>alert(1)</script>\n" * 2000)[:100_000]
    c.set_note("assets", long_note)
    d = c.as_dict()
    assert d["mode"] == "principles" and d["initiative"] == "مبادرة 🌱"
    assert d["ratings"] == {"ast-asked-offer": 2}
    assert d["notes"]["assets"] == long_note
    assert d["scores"]["groups"][0]["percent"] == 100
    md = c.to_markdown()
    assert md.startswith("# Principles checklist\n\nCourse: Co-production in Mental Health.\n\n**Initiative you are assessing:** مبادرة 🌱\n")
    quoted = "\n".join(line[2:] if line.startswith("> ") else "" for line in md.splitlines() if line.startswith(">"))
    assert quoted == long_note  # every line of the note, quoted, nothing lost
    assert "- Service users are asked what they can offer, not only what they need. **Clearly**" in md
    assert "chapters/03-new-labour-and-the-think-tanks.html#nesta-six-characteristics" in md


def test_reset_clears_everything():
    c = BarrierChecklist(initiative="x")
    c.set_rating("con-jargon", 1)
    c.set_note("conformity", "y")
    c.reset()
    assert (c.initiative, c.ratings, c.notes) == ("", {}, {})


def test_repr_is_stable():
    c = BarrierChecklist(initiative="Forum", storage_key="k")
    assert repr(c) == "BarrierChecklist(mode='barriers', initiative='Forum', storage_key='k')"
    assert repr(c) == repr(BarrierChecklist(initiative="Forum", storage_key="k"))
    assert not re.search(r"0x[0-9a-f]+", repr(c))


def test_view_module_and_css_are_files_beside_the_class():
    c = BarrierChecklist()
    assert c._esm == JS.read_text(encoding="utf-8")
    assert c._css == (STATIC / "checklist.css").read_text(encoding="utf-8")
    assert "as default}" in c._esm and "initialize" in c._esm
    assert ".cwc" in c._css and 'html[data-theme=dark] .cw-widget' in c._css


def test_changing_mode_loads_the_other_content_and_clears_answers():
    c = BarrierChecklist()
    c.set_rating("con-jargon", 2)
    c.mode = "principles"
    assert c.content == load_content("principles") and c.ratings == {}
    c.set_rating("ast-asked-offer", 1)
    assert c.ratings == {"ast-asked-offer": 1}


# --- golden cases: the same file holds Python and the page's JavaScript to one rule ---
GOLDEN = json.loads((Path(__file__).resolve().parent / "golden" / "checklist.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda c: c["name"])
def test_golden_scores_and_exports(case):
    """node --test tests/node/checklist.test.mjs checks score.js and export.js against the same cases."""
    content, shared = GOLDEN["content"], GOLDEN["shared"]
    assert score(content, case["ratings"], case["notes"]) == case["scores"]
    assert GOLDEN["course"] == "Co-production in Mental Health"
    args = (case["initiative"], case["ratings"], case["notes"])
    assert to_markdown(content, shared, *args, case["root"], case["student"]) == case["markdown"]
    assert as_dict(content, "barriers", *args, case["student"]) == case["json"]
