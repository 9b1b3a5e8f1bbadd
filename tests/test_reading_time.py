"""The reading time a student is promised matches the chapters: the landing page's table
gives each chapter's own "Time to learn", and the landing page and README state one
total, the sum of those times, and the number of chapters in the table of contents.
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUMBERS = {5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def chapter_minutes() -> dict[str, int]:
    """{chapter file stem: minutes} from each numbered chapter's "Time to learn" line."""
    found = {}
    for path in sorted((ROOT / "chapters").glob("[0-9][0-9]-*.md")):
        match = re.search(r"\*\*Time to learn\*\*:\s*(\d+)\s*minutes", path.read_text(encoding="utf-8"))
        assert match, f"{path.name} has no 'Time to learn: N minutes' line"
        found[path.stem] = int(match.group(1))
    return found


def stated_totals(text: str) -> list[tuple[str, str]]:
    """Every "The N chapters take about M hours" claim in a text (line breaks allowed)."""
    flat = re.sub(r"\s+", " ", text)
    return re.findall(r"The (\w+) chapters take about (\w+) hours", flat)


def expected_claim(minutes: dict[str, int]) -> tuple[str, str]:
    hours = round(sum(minutes.values()) / 60)
    return NUMBERS[len(minutes)], NUMBERS[hours]


def test_landing_page_table_matches_each_chapter():
    intro = (ROOT / "intro.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"\{doc\}`chapters/([^`]+)` \| (\d+) minutes", intro))
    assert {stem: int(m) for stem, m in rows.items()} == chapter_minutes()


def test_total_reading_time_is_the_sum_of_the_chapters():
    want = expected_claim(chapter_minutes())
    for name in ("intro.md", "README.md"):
        claims = stated_totals((ROOT / name).read_text(encoding="utf-8"))
        assert claims, f"{name} does not state the number of chapters and the total reading time"
        assert all(c == want for c in claims), f"{name} says {claims}; the chapters add up to {want}"


def test_the_check_catches_a_stale_total():
    # Seven chapters of 60 minutes are seven hours; a page still saying six is caught.
    minutes = {f"0{i}-x": 60 for i in range(1, 8)}
    assert expected_claim(minutes) == ("seven", "seven")
    assert stated_totals("The six chapters take\nabout five hours to read.") == [("six", "five")]
