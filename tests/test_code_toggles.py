"""No "Show code cell source" toggles on the student site (issue 9).

Pages of widgets, figures and case studies are read by students; the code that
builds them is removed from the page (cell tag ``remove-input``) and stays in the
downloadable notebook. Checked in the built HTML and in the notebooks' tags.
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_page_offers_to_show_code_cell_source(site):
    offenders = []
    for page in sorted(site.rglob("*.html")):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        if "Show code cell source" in text or "hide-input" in text:
            offenders.append(page.relative_to(site).as_posix())
    assert not offenders, f"pages with a 'Show code cell source' toggle: {offenders}"


def test_notebooks_remove_rather_than_hide_input():
    tagged = []
    for path in sorted(ROOT.glob("chapters/*.ipynb")) + sorted(ROOT.glob("exercises/**/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if "hide-input" in cell.get("metadata", {}).get("tags", []):
                tagged.append(path.relative_to(ROOT).as_posix())
    assert not tagged, f"cells tagged hide-input (use remove-input): {sorted(set(tagged))}"


def test_notebook_download_keeps_the_code(site):
    """The code removed from the page is still in the notebook a student can download."""
    source = site / "_sources" / "chapters" / "debate-prompts.ipynb"
    assert source.exists()
    cells = json.loads(source.read_text(encoding="utf-8"))["cells"]
    assert any("DebatePrompts(" in "".join(c["source"]) for c in cells if c["cell_type"] == "code")
