"""Every built page of the student edition is valid HTML (issue 9).

Runs the Nu HTML Checker (npm ``vnu-jar``, pinned in package.json) with Debian's
Java (scripts/bootstrap.sh installs ``default-jre-headless`` when ``java`` is
missing) over every page and fails on any error, naming page, line and message.
Files under ``_static/`` are theme assets, not pages, and are left out.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _java() -> str:
    java = shutil.which("java")
    assert java, "Java is not installed: run `make setup` (scripts/bootstrap.sh installs default-jre-headless)"
    assert VNU.exists(), "vnu-jar is not installed: run `make setup` (npm ci)"
    return java


def check_pages(paths: list[Path]) -> list[dict]:
    """The Nu checker's errors for these files (an empty list when all are valid)."""
    proc = subprocess.run(
        [_java(), "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(proc.stderr or '{"messages": []}')
    return [m for m in report["messages"] if m.get("type") in {"error", "non-document-error"}]


def test_checker_reports_an_invalid_page(tmp_path):
    """The checker itself works here: a page with the errors issue 9 found fails."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<meta http-equiv="Refresh" content="0; url=intro.html" />\n'
        "<details><summary><p>Show code</p></summary></details>"
        '<section id="exercise-content"></section><section id="exercise-content"></section>',
        encoding="utf-8",
    )
    messages = " | ".join(m["message"] for m in check_pages([bad]))
    assert "doctype" in messages.lower()
    assert "Duplicate ID" in messages
    assert "summary" in messages


def test_every_page_of_the_student_edition_is_valid(site):
    pages = sorted(p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts)
    assert len(pages) > 20
    errors = check_pages(pages)
    lines = [
        f"{m.get('url', '').split('/_build/html/')[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(lines[:40])
