"""No developer output on student pages (issue 18).

Every page of the student edition is read by students: it shows no code cell and no line
that the build wrote about itself (a widget's repr, a self-check's "5 questions, 15 options
... 0 answered here, 0 correct", the case studies' list of checklists). Checks that the
notebooks still need (nbval compares a last cell's output) run in cells tagged
`remove-cell`: they execute, and the page does not show them.

Checked over the built HTML, without a browser: a code cell's source is rendered inside
`div.cell_input`, so any such element on a page is visible code.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent

# Text that only the build writes about itself. A student never needs to read these.
BUILD_TEXT = [
    re.compile(r"\d+ questions, \d+ options"),
    re.compile(r"answered here, \d+ correct"),
    re.compile(r"each with its own barrier checklist"),
    re.compile(r"\b(SelfCheck|BarrierChecklist|DebatePrompts|Timeline)\((chapter|mode|seed|initiative|storage_key)="),
    re.compile(r"it runs when the page is built", re.I),
    re.compile(r"as the notebook sees them", re.I),
]


def student_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if "_static" not in p.parts and "_sources" not in p.parts]


def page_problems(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main") or soup
    found = []
    for cell in main.select("div.cell_input"):
        found.append("visible code cell: " + " ".join(cell.get_text(" ").split())[:80])
    # Widget state and scripts carry reprs as data; only what is rendered as text counts.
    for tag in main(["script", "style", "template"]):
        tag.decompose()
    text = " ".join(main.get_text(" ").split())
    for pattern in BUILD_TEXT:
        m = pattern.search(text)
        if m:
            found.append(f"build-time text: ...{text[max(0, m.start() - 40):m.end() + 40]}...")
    return found


def test_no_student_page_shows_code_or_build_time_summaries(site):
    offenders = {}
    pages = student_pages(site)
    assert len(pages) > 20
    for path in pages:
        found = page_problems(path.read_text(encoding="utf-8"))
        if found:
            offenders[path.relative_to(site).as_posix()] = found
    assert not offenders, json.dumps(offenders, indent=1)


def test_the_check_catches_a_visible_cell_and_a_summary():
    html = (
        '<main><div class="cell_input docutils container"><pre>Prose(check.summary())</pre></div>'
        "<div class=\"cell_output\"><p>Chapter 5 self-check (The critiques): 5 questions, 20 options, each with its own "
        "feedback; 0 answered here, 0 correct.</p></div>"
        '<script type="application/vnd.jupyter.widget-state+json">SelfCheck(chapter=5)</script></main>'
    )
    found = page_problems(html)
    assert len(found) == 3, found
    assert page_problems("<main><p>Choose an answer for each question.</p></main>") == []


def test_exercise_notebooks_keep_their_check_in_a_removed_cell():
    """nbval still compares the self-check summary; the page does not show it."""
    for path in sorted((ROOT / "exercises").glob("*.ipynb")) + [ROOT / "chapters" / "debate-prompts.ipynb"]:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        for cell in code:
            tags = cell.get("metadata", {}).get("tags", [])
            assert "remove-cell" in tags or "remove-input" in tags, f"{path.name}: a code cell shows its code"
        checks = [c for c in code if "summary()" in "".join(c["source"]) or "checklist!r" in "".join(c["source"])]
        for cell in checks:
            assert "remove-cell" in cell["metadata"].get("tags", []), f"{path.name}: the check cell is shown"
            assert cell.get("outputs"), f"{path.name}: the check cell has no saved output for nbval"
