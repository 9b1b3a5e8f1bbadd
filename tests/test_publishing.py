"""No placeholder addresses (issue 20): the publisher's settings in one place.

``publishing:`` in ``_config.yml`` names the published addresses, the repository and
a contact. While they are unset (the course as committed), no built page, package,
notebook or ``CITATION.cff`` carries a repository, issues, Binder or Colab link or the
old placeholder address, and no thin cartridge is made. Set, the buttons appear.
An example or placeholder address fails the build with a message naming the setting.

The two builds with settings are of a tiny copy of the book (as tests/test_reliability.py
does): the real configuration, extensions, templates and package, and two pages, one a
notebook, so the launch buttons have a page to appear on.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from course_tools import publishing
from course_tools.build import ANSI, ROOT, build_command, run_build

sys.path.insert(0, str(ROOT / "scripts"))
import colab_install_cell  # noqa: E402
from course_tools import lms  # noqa: E402

# The address earlier editions carried: never a public repository (issue 20).
OLD_PLACEHOLDER = re.compile(r"coproduction-course/coproduction-in-mental-health|coproduction-course\.github\.io", re.I)
# What the theme draws for each publishing-dependent button.
BUTTONS = {
    "repository": re.compile(r'class="[^"]*btn-source-repository-button'),
    "issues": re.compile(r'class="[^"]*btn-source-issues-button'),
    "binder": re.compile(r'href="https://mybinder\.org/v2/'),
    "colab": re.compile(r'href="https://colab\.research\.google\.com/'),
}
REAL = {  # addresses of the right shape that no test fetches
    "site_url": "https://course.ac.uk/coproduction/",
    "tutor_site_url": "https://tutors.course.ac.uk/coproduction/",
    "repository": "https://github.com/a-publisher/coproduction-course-copy",
    "branch": "main",
    "contact": "reviews@course.ac.uk",
}


def text_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".xml", ".txt", ".ipynb", ".css", ".cff", ".yml"}:
            yield path, path.read_text(encoding="utf-8", errors="replace")


# --- the settings themselves --------------------------------------------------------------

def test_the_committed_settings_are_unset_and_valid():
    settings = publishing.load()
    assert settings == publishing.Publishing(), f"publishing: in _config.yml should be empty as committed: {settings}"


@pytest.mark.parametrize("key,value", [
    ("site_url", "https://example.com/course/"),
    ("site_url", "https://www.example.org/"),
    ("repository", "https://github.com/coproduction-course/coproduction-in-mental-health"),
    ("site_url", "https://coproduction-course.github.io/coproduction-in-mental-health/"),
    ("site_url", "https://localhost:8000/"),
    ("site_url", "https://127.0.0.1/"),
    ("repository", "https://github.com/your-name/your-repo"),
    ("contact", "reviews@example.net"),
    ("contact", "your-email@university.ac.uk"),
    ("site_url", "http://course.ac.uk/"),  # not https
    ("contact", "not an address"),
])
def test_placeholders_and_malformed_addresses_are_refused(key, value):
    with pytest.raises(publishing.PublishingError) as caught:
        publishing.from_mapping({key: value})
    assert f"publishing.{key}" in str(caught.value)


def test_real_looking_addresses_are_accepted():
    settings = publishing.from_mapping(REAL)
    assert settings.edition_url("student") == REAL["site_url"]
    assert settings.edition_url("tutor") == REAL["tutor_site_url"]
    assert settings.contact_href == "mailto:" + REAL["contact"]


# --- the committed files --------------------------------------------------------------------

def test_no_committed_notebook_config_or_citation_carries_the_placeholder():
    paths = [ROOT / "CITATION.cff", ROOT / "_config.yml", *colab_install_cell.course_notebooks()]
    found = [p.relative_to(ROOT).as_posix() for p in paths if OLD_PLACEHOLDER.search(p.read_text(encoding="utf-8"))]
    assert found == [], f"the placeholder address is still in: {found}"


def test_citation_names_no_address_until_one_is_set():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    settings = publishing.load()
    assert citation.get("repository-code", "") == settings.repository
    assert citation.get("url", "") == settings.edition_url("student")


def test_no_notebook_has_an_install_cell_while_no_repository_is_set():
    assert colab_install_cell.package_requirement() is None
    with_cell = [p.name for p in colab_install_cell.course_notebooks()
                 if any(colab_install_cell.is_install_cell(c) for c in nbformat.read(p, as_version=4).cells)]
    assert with_cell == [], f"notebooks still install from a repository nobody set: {with_cell}"


def test_no_thin_cartridge_without_a_published_address(site, tmp_path):
    made = lms.build_packages("student", site, tmp_path)
    assert "thin" not in made and not list(tmp_path.glob("*thin*")), "a thin cartridge was made with no address to link to"
    for path in made.values():
        import zipfile
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith((".html", ".xml", ".ipynb", ".json")):
                    assert not OLD_PLACEHOLDER.search(archive.read(name).decode("utf-8", "replace")), f"{path.name}:{name}"


# --- the default build (the session's student edition) ------------------------------------

def test_the_default_build_has_no_dead_button_and_no_placeholder(site):
    problems = []
    for path, text in text_files(site):
        rel = path.relative_to(site).as_posix()
        if OLD_PLACEHOLDER.search(text):
            problems.append(f"{rel}: the placeholder address")
        if path.suffix == ".html":
            problems += [f"{rel}: a {name} button" for name, pattern in BUTTONS.items() if pattern.search(text)]
            if re.search(r'href="https://github\.com/', text):
                problems.append(f"{rel}: a link into a GitHub repository")
    assert problems == [], "\n".join(problems[:20])


# --- builds of a tiny copy with settings ----------------------------------------------------

def _tiny_book(tmp_path: Path, settings: dict | None) -> Path:
    book = tmp_path / "book"
    book.mkdir()
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    if settings is not None:
        config["publishing"] = settings
    (book / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for name in ("references.bib", "glossary.md", "bibliography.md"):
        shutil.copy2(ROOT / name, book / name)
    for folder in ("_ext", "_templates", "_static", "coproduction_course"):
        shutil.copytree(ROOT / folder, book / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (book / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nchapters:\n  - file: chapters/one\n  - file: glossary\n  - file: bibliography\n",
        encoding="utf-8",
    )
    (book / "intro.md").write_text("# A tiny copy of the course\n\nUsed by tests/test_publishing.py.\n", encoding="utf-8")
    (book / "chapters").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Chapter one\n\nA notebook page.")]
    nbformat.write(nb, book / "chapters" / "one.ipynb")
    return book


def _build(book: Path):
    result = run_build(build_command(source=book), book / "_build" / "html", cwd=book,
                       env={"PYTHONPATH": str(book)}, timeout=400)
    return result.returncode, ANSI.sub("", result.log)


def test_a_build_with_the_settings_filled_in_shows_the_buttons(tmp_path):
    book = _tiny_book(tmp_path, REAL)
    code, log = _build(book)
    assert code == 0 and "WARNING" not in log, log[-3000:]
    page = (book / "_build" / "html" / "chapters" / "one.html").read_text(encoding="utf-8")
    missing = [name for name, pattern in BUTTONS.items() if not pattern.search(page)]
    assert missing == [], f"buttons missing with the settings set: {missing}"
    assert REAL["repository"] in page
    assert f'<link rel="canonical" href="{REAL["site_url"]}chapters/one.html"' in page
    intro = (book / "_build" / "html" / "intro.html").read_text(encoding="utf-8")
    assert f'href="mailto:{REAL["contact"]}"' in intro, "the review form does not say where to send a review"


def test_the_build_refuses_a_placeholder_address(tmp_path):
    book = _tiny_book(tmp_path, {**REAL, "repository": "https://github.com/coproduction-course/coproduction-in-mental-health"})
    code, log = _build(book)
    assert code != 0, "a build with the old placeholder repository did not fail"
    assert "publishing.repository" in log and "placeholder" in log, log[-3000:]


def test_the_tiny_default_build_has_no_buttons(tmp_path):
    book = _tiny_book(tmp_path, None)
    code, log = _build(book)
    assert code == 0 and "WARNING" not in log, log[-3000:]
    page = (book / "_build" / "html" / "chapters" / "one.html").read_text(encoding="utf-8")
    present = [name for name, pattern in BUTTONS.items() if pattern.search(page)]
    assert present == [], f"buttons shown with no publishing settings: {present}"
    assert 'rel="canonical"' not in page
    assert "mailto:" not in page
