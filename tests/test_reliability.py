"""The build fails loudly, naming the culprit, when content is broken (issue 6).

Each test builds a tiny copy of the book in a temporary folder: the real
``_config.yml``, local extension, templates, static files, ``references.bib`` and
course package (so the glossary comes from the copy's data file), with a small
``_toc.yml`` of a few short pages. The copy first builds cleanly; then one thing is
broken (an invalid ``glossary.yml``, a citation key that is not in
``references.bib``, a chapter named in the table of contents whose file is missing)
and the build, run as ``make build`` runs it (``-W -n --keep-going``), must fail
with a message that names the file and the problem.

Not here: nothing is fetched from the internet, and nbval is not run twice in a
row. ``make test`` (what CI runs, through .ci/run) executes every notebook once:
nbval compares that execution's outputs with the committed ones, cell by cell, and
tests/test_notebooks_fresh.py checks that it reproduces the committed file and that no
committed notebook is stale (the shared run: tests/conftest.py, executed_notebook).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from course_tools.build import ANSI, ROOT, build_command, run_build

TOC = """\
format: jb-book
root: intro
chapters:
  - file: chapters/one
  - file: glossary
  - file: bibliography
"""


def _first_bib_key() -> str:
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    match = re.search(r"@\w+\s*\{\s*([^,\s]+)\s*,", text)
    if not match:
        pytest.fail("references.bib has no entry: this test needs one to remove")
    return match.group(1)


@pytest.fixture()
def tiny_book(tmp_path: Path) -> Path:
    book = tmp_path / "book"
    book.mkdir()
    for name in ("_config.yml", "references.bib", "glossary.md", "bibliography.md"):
        shutil.copy2(ROOT / name, book / name)
    for folder in ("_ext", "_templates", "_static"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, book / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "coproduction_course", book / "coproduction_course",
                    ignore=shutil.ignore_patterns("__pycache__"))
    key = _first_bib_key()
    (book / "_toc.yml").write_text(TOC, encoding="utf-8")
    (book / "intro.md").write_text("# A tiny copy of the course\n\nUsed by tests/test_reliability.py.\n", encoding="utf-8")
    (book / "chapters").mkdir()
    (book / "chapters" / "one.md").write_text(
        f"# Chapter one\n\nA claim with a source {{cite:p}}`{key}`.\n", encoding="utf-8"
    )
    return book


def build(book: Path) -> tuple[int, str]:
    result = run_build(build_command(source=book), book / "_build" / "html", cwd=book,
                       env={"PYTHONPATH": str(book)}, timeout=300)  # the copy's package first
    return result.returncode, ANSI.sub("", result.log)


def _problems(log: str) -> str:
    return "\n".join(line for line in log.splitlines() if re.search(r"WARNING|ERROR|Error|error", line))[-3000:]


def test_the_tiny_copy_builds_cleanly(tiny_book: Path):
    code, log = build(tiny_book)
    assert code == 0, _problems(log) or log[-3000:]
    assert (tiny_book / "_build" / "html" / "glossary.html").exists()
    assert "WARNING" not in log, _problems(log)


def test_an_invalid_glossary_fails_the_build_naming_file_and_field(tiny_book: Path):
    path = tiny_book / "coproduction_course" / "data" / "glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["terms"][0]["definition"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, log = build(tiny_book)
    assert code != 0, "a glossary entry without a definition did not fail the build"
    assert "glossary.yml" in log and "terms[0]" in log and "definition" in log, _problems(log) or log[-3000:]


def test_a_glossary_that_is_not_yaml_fails_the_build(tiny_book: Path):
    path = tiny_book / "coproduction_course" / "data" / "glossary.yml"
    path.write_text("terms:\n  - term: [unclosed\n", encoding="utf-8")
    code, log = build(tiny_book)
    assert code != 0
    assert "glossary.yml" in log and "not valid YAML" in log, _problems(log) or log[-3000:]


def test_a_missing_citation_key_fails_the_build_naming_key_and_page(tiny_book: Path):
    page = tiny_book / "chapters" / "one.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAnother {cite:t}`nosuchkey2099`.\n", encoding="utf-8")
    code, log = build(tiny_book)
    assert code != 0, "an unknown citation key did not fail the build"
    lines = [line for line in log.splitlines() if "nosuchkey2099" in line]
    assert lines, _problems(log) or log[-3000:]
    assert any("chapters/one.md" in line for line in lines), "\n".join(lines)


def test_a_missing_chapter_file_fails_the_build_naming_it(tiny_book: Path):
    toc = tiny_book / "_toc.yml"
    toc.write_text(toc.read_text(encoding="utf-8").replace(
        "  - file: chapters/one\n", "  - file: chapters/one\n  - file: chapters/two-is-missing\n"
    ), encoding="utf-8")
    code, log = build(tiny_book)
    assert code != 0, "a chapter listed in _toc.yml but missing did not fail the build"
    assert "two-is-missing" in log, _problems(log) or log[-3000:]
