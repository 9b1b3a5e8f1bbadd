"""Unit tests for the debate prompts widget: data file, schema, PRNG, groups, API."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from coproduction_course import ContentError
from coproduction_course.content import DATA_DIR, ui_text
from coproduction_course.debate import (
    MOTIONS_FILE,
    DebatePrompts,
    assign_groups,
    format_groups,
    format_motions,
    load_motions,
    mulberry32,
    shuffle,
)

ROOT = Path(__file__).resolve().parent.parent
DEBATE_JS = ROOT / "coproduction_course" / "static" / "debate.js"
AGREED_LABELS = {
    "ch-what-is", "ch-cahn", "ch-new-labour", "nesta-six-characteristics", "ch-nef-review",
    "doing-to-for-with", "ch-critiques", "barrier-resistance", "barrier-procedure",
    "barrier-avoidance", "barrier-conformity", "co-option", "own-oppression", "ch-where-next",
    # Chapter 6 (2016-2026): the sections the new motions link to.
    "ch-what-happened-next", "mha-2025", "pcref", "race-thread", "survivor-scholarship",
}

NEW_MOTION = """
  - id: doing-with-enough
    title: This house believes "doing with" is enough
    background: >-
      A motion added by a tutor in a test. It has two sentences of background, in
      the course's own words.
    chapters:
      - label: "Chapter 4: doing to, doing for, doing with"
        href: chapters/04-nef-review-for-mind.html#doing-to-for-with
    sources:
      - key: slay2013
        citation: "Slay, J. and Stephens, L. (2013) Co-production in mental health: a literature review"
    for:
      - First question for?
      - Second question for?
      - Third question for?
    against:
      - First question against?
      - Second question against?
      - Third question against?
"""


# --- the packaged data ----------------------------------------------------------

def test_packaged_motions_load_and_cover_the_required_motions():
    motions = load_motions()
    ids = [m["id"] for m in motions]
    assert len(ids) == len(set(ids))
    assert 7 <= len(motions) <= 12  # five required, plus up to seven more (three came with chapter 6)
    titles = " | ".join(m["title"] for m in motions).lower()
    for phrase in (
        "cannot co-produce your own oppression",
        "user participation on anabolic steroids",
        "selling services to people who want to buy them",
        "transformative co-production is possible in mainstream",
        "improved mental health",
    ):
        assert phrase in titles
    for motion in motions:
        assert motion["title"].startswith("This house believes")
        assert 3 <= len(motion["for"]) <= 4 and 3 <= len(motion["against"]) <= 4
        sentences = re.findall(r"[.?!](?:\s|$)", motion["background"].strip())
        assert 2 <= len(sentences) <= 4, motion["id"]


def test_chapter_links_point_at_real_pages_and_agreed_labels():
    for motion in load_motions():
        for link in motion["chapters"]:
            path, _, label = link["href"].partition("#")
            stem = ROOT / Path(path).with_suffix("")
            assert stem.with_suffix(".md").exists() or stem.with_suffix(".ipynb").exists(), link["href"]
            assert label in AGREED_LABELS, link["href"]


def test_source_keys_are_in_the_bibliography():
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", bib))
    missing = {s["key"] for m in load_motions() for s in m["sources"]} - keys
    assert not missing, f"keys not in references.bib: {sorted(missing)}"


def test_quoted_phrase_is_attributed_correctly():
    by_id = {m["id"]: m for m in load_motions()}
    # The "own oppression" line is a reader's comment under Carr's essay, not Carr's.
    assert "reader's comment" in by_id["own-oppression"]["background"]
    assert "carr2016" in {s["key"] for s in by_id["own-oppression"]["sources"]}
    assert "carr2016" in {s["key"] for s in by_id["anabolic-steroids"]["sources"]}
    assert "mhconspiracy" in {s["key"] for s in by_id["improved-mental-health"]["sources"]}


# --- broken files name the file and the field ----------------------------------

def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / MOTIONS_FILE
    path.write_text(text, encoding="utf-8")
    return path


def _packaged_text() -> str:
    return (DATA_DIR / MOTIONS_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda t: t.replace("  - id: own-oppression\n", "  - id: Own Oppression\n", 1),
         "motions.yml: motions[0].id: 'Own Oppression' does not match"),
        (lambda t: t.replace("href: chapters/05-critiques.html#own-oppression", "href: https://example.org/", 1),
         "motions.yml: motions[0].chapters[0].href: 'https://example.org/' does not match"),
        (lambda t: t.replace("      - key: carr2016\n", "      - key: Carr 2016\n", 1),
         "motions.yml: motions[0].sources[0].key"),
        (lambda t: t.replace("motions:\n", "motion:\n", 1), "motions.yml: (top level): 'motions' is a required property"),
        (lambda t: t.replace("    title: This house believes you cannot co-produce your own oppression\n", "", 1),
         "motions.yml: motions[0]: 'title' is a required property"),
        (lambda t: t.replace("  - id: anabolic-steroids\n", "  - id: own-oppression\n", 1),
         "motions.yml: motions[1].id: 'own-oppression' is already used by motions[0]"),
        (lambda t: t.replace("    for:\n", "    for:\n      - An extra prompt?\n      - And another?\n", 1),
         "motions.yml: motions[0].for: "),
        (lambda t: t + "  - id: half-done\n    title: This house believes a motion needs every field\n",
         "motions.yml: motions[11]: 'background' is a required property (and 4 more problem(s))"),
        (lambda t: t.replace("    chapters:\n", "    colour: red\n    chapters:\n", 1),
         "motions.yml: motions[0]: Additional properties are not allowed ('colour' was unexpected)"),
    ],
)
def test_a_broken_file_names_file_and_field(tmp_path, change, expected):
    path = _write(tmp_path, change(_packaged_text()))
    with pytest.raises(ContentError) as info:
        load_motions(path)
    assert str(info.value).startswith(expected), str(info.value)


def test_too_few_prompts(tmp_path):
    text = _packaged_text()
    block = re.search(r"    against:\n(      - .*\n)+", text).group(0)
    shortened = "    against:\n" + "".join(block.splitlines(keepends=True)[1:3])
    with pytest.raises(ContentError, match=r"^motions\.yml: motions\[0\]\.against: .* is too short"):
        load_motions(_write(tmp_path, text.replace(block, shortened, 1)))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "motions.yml: the file is empty"),
        ("motions: [\n  - id: x\n", "motions.yml: not valid YAML at line"),
        ("motions: []\n", "motions.yml: motions: [] should be non-empty"),
    ],
)
def test_unreadable_files(tmp_path, text, expected):
    with pytest.raises(ContentError) as info:
        load_motions(_write(tmp_path, text))
    assert str(info.value).startswith(expected), str(info.value)


def test_missing_file_and_any_file_name(tmp_path):
    with pytest.raises(ContentError, match=r"^motions\.yml: file not found"):
        load_motions(tmp_path / MOTIONS_FILE)
    # Any name will do: the file is checked against the named schema.
    other = tmp_path / "debates.yml"
    shutil.copy(DATA_DIR / MOTIONS_FILE, other)
    assert load_motions(other) == load_motions()
    broken = tmp_path / "seminar-2027.yml"
    broken.write_text("motions: []\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^seminar-2027\.yml: motions: \[\] should be non-empty"):
        load_motions(broken)


def test_a_tutor_adds_a_motion_by_editing_the_yaml_only(tmp_path):
    path = _write(tmp_path, _packaged_text().rstrip("\n") + "\n" + NEW_MOTION)
    motions = load_motions(path)
    assert len(motions) == len(load_motions()) + 1
    widget = DebatePrompts(motions_path=path, motion_id="doing-with-enough")
    assert widget.motion["title"] == 'This house believes "doing with" is enough'
    assert "doing-with-enough" in widget.shuffle_order()
    assert 'Motion: This house believes "doing with" is enough' in widget.summary()
    assert '[doing-with-enough]' in format_motions(widget.motions)
    # The packaged file and the default widget are untouched.
    assert len(DebatePrompts().motions) == len(load_motions())


# --- the seeded generator --------------------------------------------------------

# Values printed by the canonical JavaScript mulberry32 (node 20) for these seeds.
KNOWN = {
    2026: [0.45540769933722913, 0.30849614599719644, 0.6611574492417276],
    0: [0.26642920868471265, 0.0003297457005828619],
    4294967295: [0.8964226141106337, 0.189478256739676],
}


@pytest.mark.parametrize("seed", sorted(KNOWN))
def test_mulberry32_known_values(seed):
    rng = mulberry32(seed)
    assert [rng() for _ in KNOWN[seed]] == KNOWN[seed]


def test_mulberry32_range_and_determinism():
    a, b = mulberry32(99), mulberry32(99)
    values = [a() for _ in range(5000)]
    assert values == [b() for _ in range(5000)]
    assert all(0 <= v < 1 for v in values)
    assert 0.45 < sum(values) / len(values) < 0.55


def test_shuffle_is_a_permutation_and_leaves_input_alone():
    items = list(range(50))
    out = shuffle(items, mulberry32(1))
    assert items == list(range(50)) and sorted(out) == items and out != items
    assert shuffle([], mulberry32(1)) == [] and shuffle(["a"], mulberry32(1)) == ["a"]


def test_shuffle_order_for_seed_2026():
    widget = DebatePrompts(seed=2026)
    assert widget.shuffle_order() == [
        "advance-choice", "selling-services", "own-oppression", "hell-raising", "payment-involvement",
        "time-banking-compulsion", "anabolic-steroids", "improved-mental-health", "pcref-power",
        "transformative-mainstream", "forward-view",
    ]
    assert DebatePrompts(seed=7).shuffle_order() != widget.shuffle_order()
    assert sorted(widget.shuffle_order()) == sorted(m["id"] for m in widget.motions)


# --- groups ---------------------------------------------------------------------

def test_groups_for_24_students_in_4_groups():
    groups = DebatePrompts(seed=2026).assign_groups(24, 4)
    assert format_groups(groups) == (
        "Group 1 (for): students 3, 9, 13, 14, 17, 18\n"
        "Group 2 (against): students 10, 15, 21, 22, 23, 24\n"
        "Group 3 (for): students 1, 2, 5, 6, 7, 8\n"
        "Group 4 (against): students 4, 11, 12, 16, 19, 20"
    )
    assert groups[0] == {"group": 1, "side": "for", "students": [3, 9, 13, 14, 17, 18]}


@pytest.mark.parametrize("n, g", [(2, 2), (3, 2), (7, 3), (24, 4), (25, 4), (199, 10), (200, 2), (200, 200)])
def test_group_edge_cases(n, g):
    groups = assign_groups(n, g, 2026)
    assert [grp["group"] for grp in groups] == list(range(1, g + 1))
    assert [grp["side"] for grp in groups] == [("for", "against")[i % 2] for i in range(g)]
    everyone = sorted(s for grp in groups for s in grp["students"])
    assert everyone == list(range(1, n + 1))
    sizes = [len(grp["students"]) for grp in groups]
    assert max(sizes) - min(sizes) <= 1 and min(sizes) >= 1
    assert all(grp["students"] == sorted(grp["students"]) for grp in groups)
    assert assign_groups(n, g, 2026) == groups  # deterministic


def test_one_student_per_group_reads_student_not_students():
    text = format_groups(assign_groups(2, 2, 5))
    assert re.fullmatch(r"Group 1 \(for\): student \d\nGroup 2 \(against\): student \d", text)


@pytest.mark.parametrize(
    "n, g, message",
    [
        (1, 2, "n_students must be from 2 to 200, not 1"),
        (201, 2, "n_students must be from 2 to 200, not 201"),
        (0, 2, "n_students must be from 2 to 200, not 0"),
        (10, 1, "n_groups must be from 2 to 10 (the number of students), not 1"),
        (10, 11, "n_groups must be from 2 to 10 (the number of students), not 11"),
        (2.0, 2, "n_students must be a whole number, not 2.0"),
        ("24", 4, "n_students must be a whole number, not '24'"),
        (24, True, "n_groups must be a whole number, not True"),
        (24, None, "n_groups must be a whole number, not None"),
    ],
)
def test_group_input_errors(n, g, message):
    with pytest.raises(ValueError) as info:
        DebatePrompts().assign_groups(n, g)
    assert str(info.value).startswith(message)


# --- the widget's Python API -----------------------------------------------------

def test_repr_is_stable():
    a = DebatePrompts(seed=2026)
    b = DebatePrompts(seed=2026)
    text = "DebatePrompts(seed=2026, motion_id='own-oppression', motions=11, storage_key='debate-prompts')"
    assert repr(a) == repr(b) == text
    assert " at 0x" not in repr(a)
    c = DebatePrompts(seed=5, motion_id="forward-view", storage_key="seminar-2")
    assert repr(c) == "DebatePrompts(seed=5, motion_id='forward-view', motions=11, storage_key='seminar-2')"


def test_validation_of_traits():
    with pytest.raises(ValueError, match="unknown motion_id 'nope'; choose one of: own-oppression"):
        DebatePrompts(motion_id="nope")
    for bad in (-1, 2**32):
        with pytest.raises(ValueError, match="seed must be from 0 to 4294967295"):
            DebatePrompts(seed=bad)
    widget = DebatePrompts()
    with pytest.raises(ValueError, match="side must be 'for', 'against' or ''"):
        widget.side = "maybe"


def test_summary_has_motion_side_and_argument():
    widget = DebatePrompts(motion_id="hell-raising")
    text = widget.summary()
    assert text.startswith('Motion: This house believes co-production must include "hell-raising"')
    assert "Your side: (not chosen yet)" in text and "(nothing written yet)" in text
    typed = "<script>alert(1)</script> مرحبا 🙂\nsecond line"
    widget.side, widget.argument = "against", typed
    text = widget.summary()
    assert "Your side: against" in text and text.endswith(typed)


def test_motions_property_is_a_deep_copy_and_motion_follows_motion_id():
    widget = DebatePrompts()
    widget.motions[0]["title"] = "changed"
    assert widget.motions[0]["title"] != "changed"
    # Nested data too: a caller must not be able to change the synced trait.
    widget.motions[0]["for"].append("an injected prompt")
    widget.motions[0]["chapters"][0]["href"] = "elsewhere.html"
    widget.motion["against"].clear()
    assert widget.motions_data == load_motions()
    widget.motion_id = "forward-view"
    assert widget.motion["id"] == "forward-view"


def test_view_module_and_css_are_files_beside_the_class():
    widget = DebatePrompts()
    assert widget._esm == DEBATE_JS.read_text(encoding="utf-8")
    assert widget._css == (DEBATE_JS.parent / "debate.css").read_text(encoding="utf-8")
    assert ".cw-debate" in widget._css and ".is-projector" in widget._css
    assert widget.motions_data == load_motions()
    assert widget.ui["shuffle"] and widget.course_title == "Co-production in Mental Health"


# --- golden cases: the same file holds Python and the page's JavaScript to one rule ---
GOLDEN = json.loads((ROOT / "tests" / "golden" / "debate.json").read_text(encoding="utf-8"))


def test_golden_random_numbers_and_shuffles():
    """node --test tests/node/debate.test.mjs checks random.js against the same cases."""
    for case in GOLDEN["random"]:
        rng = mulberry32(case["seed"])
        assert [rng() for _ in case["values"]] == case["values"]
        assert shuffle(GOLDEN["ids"], mulberry32(case["seed"])) == case["order"]


def test_golden_groups_with_numbers_and_names():
    assert GOLDEN["ui"] == ui_text("debate")  # the page uses the same interface text
    for case in GOLDEN["groups"]:
        groups = assign_groups(case["students"], case["groups"], case["seed"])
        assert groups == case["assigned"]
        assert format_groups(groups, case["names"], by_choice=case.get("by_choice", False)) == case["text"]
