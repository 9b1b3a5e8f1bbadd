"""Seminar plans a tutor can run as written: class size and group sizes, timings that
add up, an online variant, a content note, the limit of confidentiality and a crisis
protocol in every plan; the ground rules state the limit too (issue 13).

The plans are read as MyST source (``{include}`` expanded, as Sphinx does). Each plan
marks its sections with labels ``(chNN-seminar-<part>)=``; its timing tables have a
*Time* column ("0–10") and a *Minutes* column, which this test sums. The last test
reads the built tutor edition for the anchors tutors link to.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TUTOR = ROOT / "exercises" / "tutor"
PARTS = ("class", "content-note", "60", "90", "online", "safeguarding")
CLASS_SIZES = (8, 20, 40)
GROUP_WORDS = re.compile(r"\b(pairs|threes|fours|groups? of (two|three|four|five|six|\d+))\b", re.I)


def plans() -> list[Path]:
    return sorted(TUTOR.glob("ch*-seminar.md"))


def expand_includes(path: Path) -> str:
    """The plan's text with each ```{include} file``` replaced by that file's text."""
    text = path.read_text(encoding="utf-8")

    def include(match: re.Match) -> str:
        target = (path.parent / match.group(1).strip()).resolve()
        assert target.exists(), f"{path.name} includes {match.group(1)!r}, which does not exist"
        return expand_includes(target)

    return re.sub(r"```\{include\}\s*(\S+)\s*\n```", include, text)


def sections(text: str, prefix: str) -> dict[str, str]:
    """Labelled sections: {part: text up to the next labelled heading}."""
    found = {}
    pattern = re.compile(rf"^\({re.escape(prefix)}-([a-z0-9-]+)\)=\n(## .*)$", re.M)
    matches = list(pattern.finditer(text))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        found[match.group(1)] = text[match.start():end]
    return found


def table_rows(section: str) -> list[dict[str, str]]:
    """The first Markdown table in a section, as dicts keyed by header."""
    lines = [ln.strip() for ln in section.splitlines() if ln.strip().startswith("|")]
    assert len(lines) >= 3, "no table"
    cells = lambda ln: [c.strip() for c in ln.strip("|").split("|")]
    header = cells(lines[0])
    return [dict(zip(header, cells(ln))) for ln in lines[2:]]


def check_timings(rows: list[dict[str, str]], length: int) -> list[str]:
    """Problems with a timing table: minutes must sum to length, ranges must be
    contiguous from 0 and agree with the minutes."""
    problems = []
    if not rows or "Minutes" not in rows[0] or "Time" not in rows[0]:
        return [f"the {length}-minute table needs Time and Minutes columns"]
    total, clock = 0, 0
    for row in rows:
        match = re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", row["Time"])
        if not match or not row["Minutes"].isdigit():
            problems.append(f"unreadable row {row['Time']!r} / {row['Minutes']!r}")
            continue
        start, end, minutes = int(match.group(1)), int(match.group(2)), int(row["Minutes"])
        if start != clock:
            problems.append(f"{row['Time']} starts at {start}, not at {clock}")
        if end - start != minutes:
            problems.append(f"{row['Time']} lasts {end - start} minutes but says {minutes}")
        total += minutes
        clock = end
    if total != length:
        problems.append(f"minutes add up to {total}, not {length}")
    return problems


def plan_problems(path: Path) -> list[str]:
    prefix = path.stem  # chNN-seminar
    text = expand_includes(path)
    parts = sections(text, prefix)
    problems = [f"no section labelled ({prefix}-{part})=" for part in PARTS if part not in parts]
    if problems:
        return problems

    size = parts["class"]
    if not re.search(r"assume \**\d+ students", size):
        problems.append("the class size the plan assumes is not stated")
    if not GROUP_WORDS.search(size):
        problems.append("group sizes are not stated")
    stated = {int(r["Students"]) for r in table_rows(size) if r.get("Students", "").isdigit()}
    if not set(CLASS_SIZES) <= stated:
        problems.append(f"what changes for {sorted(set(CLASS_SIZES) - stated)} students is missing")

    for length in (60, 90):
        rows = table_rows(parts[str(length)])
        problems += [f"{length}-minute plan: {p}" for p in check_timings(rows, length)]
        for row in rows:
            activity = row.get("Activity", "").lower()
            if ("debate" in activity or "controversy" in activity or "vote" in activity) and "de-rol" not in (
                activity + row.get("Tool or prompt", "").lower()
            ):
                problems.append(f"{length}-minute plan: {row['Time']} has a debate without de-roling")

    if "Content note" not in parts["content-note"] or "{admonition}" not in parts["content-note"]:
        problems.append("no content note to send before the session")
    if len(re.sub(r"\s+", " ", parts["online"])) < 300 or not re.search(r"breakout|chat", parts["online"]):
        problems.append("the online or hybrid variant is missing or too thin")

    safe = parts["safeguarding"]
    if not re.search(r"risk of serious harm", safe) or "pass it on" not in safe:
        problems.append("the limit of confidentiality is not stated")
    for needle in ("Who does what", "999", "116 123", "NHS 111", "named contact", "check in", "tutor-crisis-protocol"):
        if needle not in safe:
            problems.append(f"the crisis protocol lacks {needle!r}")
    return problems


def test_there_are_six_plans():
    assert len(plans()) >= 6, [p.name for p in plans()]


@pytest.mark.parametrize("path", plans(), ids=lambda p: p.stem)
def test_plan_is_runnable_and_safe(path):
    assert plan_problems(path) == []


def test_timing_check_catches_a_plan_that_does_not_add_up():
    rows = [{"Time": "0–10", "Minutes": "10"}, {"Time": "10–30", "Minutes": "20"}, {"Time": "30–50", "Minutes": "20"}]
    assert check_timings(rows, 60) == ["minutes add up to 50, not 60"]
    rows[1]["Minutes"] = "15"
    assert "10–30 lasts 20 minutes but says 15" in check_timings(rows, 60)


def test_chapter_5_gives_the_controversy_the_time_the_debate_page_allows():
    text = expand_includes(TUTOR / "ch05-seminar.md")
    rows = table_rows(sections(text, "ch05-seminar")["90"])
    controversy = [int(r["Minutes"]) for r in rows if "controversy" in r["Activity"].lower()]
    # The debate page plans about 50 minutes for a debate; allow a few either side.
    assert controversy and 45 <= controversy[0] <= 55, controversy
    plan60 = sections(text, "ch05-seminar")["60"]
    assert "short form" in plan60 and "90 minutes" in plan60, "the 60-minute plan must say it is a short form"
    # The exercise lets each student choose between two cases: groups are formed by case.
    assert "for the same case" not in text
    assert "rated the same case" in text


def test_ground_rules_state_the_limits_of_confidentiality():
    text = (TUTOR / "index.md").read_text(encoding="utf-8")
    rules = sections(text, "tutor")
    for part in ("ground-rules", "confidentiality-limits", "content-note", "taking-part", "de-roling", "crisis-protocol", "online"):
        assert part in rules, f"exercises/tutor/index.md has no section ({part})"
    stays = [ln for ln in rules["ground-rules"].splitlines() if "stay in the room" in ln or "stays in the room" in ln]
    assert stays, "no ground rule about what stays in the room"
    assert all("risk of serious harm" in ln and "pass it on" in ln for ln in stays), stays
    assert "999" in rules["crisis-protocol"] and "After the session" in rules["crisis-protocol"]


@pytest.mark.parametrize("path", sorted(TUTOR.glob("ch*-handout.md")), ids=lambda p: p.stem)
def test_handout_states_the_limit_too(path):
    text = path.read_text(encoding="utf-8")
    sentence = next(s for s in re.split(r"(?<=\.)\s", text) if "stays in the room" in s)
    assert "risk of serious harm" in sentence, sentence
    assert "write instead of speaking" in text


def test_plan_sections_have_readable_anchors():
    """Links to plan sections: labelled ids (#ch05-seminar-60) and heading links
    without #id1 or a slug that lost its number (#minute-plan)."""
    from test_editions import tutor_build

    book = tutor_build()
    assert book.returncode == 0, book.log[-3000:]
    for path in plans():
        html = (book.site / "exercises" / "tutor" / f"{path.stem}.html").read_text(encoding="utf-8")
        for part in PARTS:
            assert f'id="{path.stem}-{part}"' in html, f"{path.stem}.html has no #{path.stem}-{part}"
        links = re.findall(r'<h2>.*?<a class="headerlink" href="#([^"]+)"', html)
        assert len(links) >= len(PARTS)
        bad = [a for a in links if re.fullmatch(r"id\d+", a) or a == "minute-plan"]
        assert bad == [], f"{path.stem}.html heading links: {bad}"
