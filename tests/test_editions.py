"""Two editions from one source: the student site holds no model answer; the tutor site does.

The list of what must not reach students is read from the tutor sources themselves:
every ``{solution}`` block in exercises/tutor/*-answers.md, the case studies' tutor
notes (data/cases.yml) and the seminar plans. Each is cut into plain-text fragments
(citations, roles and markup removed) and searched for in the student edition's
HTML text, ``searchindex.js`` and ``_sources``. The same fragments must all be found
in the tutor edition, which shows that the search itself works.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import BuildResult, shared_build
from course_tools import editions

ROOT = Path(__file__).resolve().parent.parent
TUTOR = ROOT / "exercises" / "tutor"


def tutor_build() -> BuildResult:
    """The tutor edition, built once per test run and shared by every worker (conftest)."""
    return shared_build("tutor")


@pytest.fixture(scope="module")
def tutor_book() -> BuildResult:
    return tutor_build()


@pytest.fixture(scope="module")
def tutor_site(tutor_book) -> Path:
    if not (tutor_book.site / "index.html").exists():
        pytest.fail("The tutor edition did not build:\n" + tutor_book.log[-4000:])
    return tutor_book.site


# --- what must not reach students ----------------------------------------------------

def _normalise(text: str) -> str:
    text = html.unescape(text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def _fragments(markdown: str, minimum: int = 45) -> list[str]:
    """Plain-text pieces of a MyST text that must appear verbatim in its rendering."""
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", "\n", markdown)  # roles: citations, refs, docs, terms
    text = re.sub(r"^\s*(```|:::|:label:|:class:|#).*$", "\n", text, flags=re.M)  # fences, options, headings
    text = text.replace("|", "\n").replace("*", "").replace("`", "")
    pieces = re.split(r"\n|(?<=[.?!])\s+|\(|\)", text)
    out = []
    for piece in pieces:
        piece = _normalise(piece.strip(" -0123456789."))
        if len(piece) >= minimum:
            out.append(piece)
    return out


def _solution_bodies(text: str) -> list[str]:
    return re.findall(r"```\{solution\}[^\n]*\n(.*?)\n```", text, flags=re.S)


def secret_fragments() -> dict[str, list[str]]:
    secrets: dict[str, list[str]] = {}
    for path in sorted(TUTOR.glob("*-answers.md")):
        bodies = _solution_bodies(path.read_text(encoding="utf-8"))
        assert bodies, f"{path.name} has no solution"
        secrets[path.name] = [f for body in bodies for f in _fragments(body)]
    for case in yaml.safe_load((ROOT / "coproduction_course/data/cases.yml").read_text(encoding="utf-8"))["cases"]:
        secrets[f"cases.yml:{case['id']}"] = _fragments(case["tutor_note"])
    for path in sorted(TUTOR.glob("*-seminar.md")):
        secrets[path.name] = _fragments(path.read_text(encoding="utf-8"))
    assert all(secrets.values()), [k for k, v in secrets.items() if not v]
    return secrets


def _site_text(site: Path) -> str:
    parts = []
    for page in site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8", errors="replace")
        raw = re.sub(r"<script.*?</script>|<style.*?</style>", " ", raw, flags=re.S)
        raw = re.sub(r"</?(p|li|td|th|tr|div|h\d|br|ul|ol|table|section|aside|dd|dt|dl|nav)\b[^>]*>", " ", raw)
        parts.append(re.sub(r"<[^>]+>", "", raw))
    for extra in [site / "searchindex.js", *(site / "_sources").rglob("*")]:
        if extra.is_file():
            parts.append(extra.read_text(encoding="utf-8", errors="replace"))
    return _normalise(" ".join(parts))


def test_fragments_are_found_in_what_they_came_from():
    sample = "```{solution} ex-x\n:label: s\n\nThe *answer* {cite:p}`k` is this, and it is quite long enough to count here.\n```"
    assert _fragments(_solution_bodies(sample)[0]) == ["is this, and it is quite long enough to count here"]


def test_student_edition_holds_no_model_answer(built_book, site):
    assert built_book.returncode == 0, built_book.log[-3000:]
    assert not (site / "exercises" / "tutor").exists()
    assert not (site / "_sources" / "exercises" / "tutor").exists()
    text = _site_text(site)
    leaks = {name: [f for f in frags if f in text] for name, frags in secret_fragments().items()}
    leaks = {k: v for k, v in leaks.items() if v}
    assert leaks == {}, leaks


def test_no_student_page_links_to_the_tutor_pages(site):
    for page in site.rglob("*.html"):
        assert "exercises/tutor/" not in page.read_text(encoding="utf-8", errors="replace"), page


def test_tutor_edition_builds_without_warnings(tutor_book):
    assert tutor_book.returncode == 0, tutor_book.log[-4000:]
    assert tutor_book.warnings == [], "\n".join(tutor_book.warnings)


def test_tutor_edition_holds_every_model_answer(tutor_site):
    text = _site_text(tutor_site)
    missing = {name: [f for f in frags if f not in text] for name, frags in secret_fragments().items()}
    missing = {k: v for k, v in missing.items() if v}
    assert missing == {}, missing
    student_toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    for page in editions.tutor_pages(student_toc, yaml.safe_load((ROOT / "_toc_tutor.yml").read_text(encoding="utf-8"))):
        assert (tutor_site / f"{page}.html").exists(), page
    # Solutions point back at the exercises they answer.
    answers = (tutor_site / "exercises" / "tutor" / "ch05-answers.html").read_text(encoding="utf-8")
    assert 'href="../ch05-exercises.html#ex-ch05-case"' in answers


def test_tutor_edition_is_the_student_book_plus_a_part():
    student_toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    toc = editions.tutor_toc(student_toc)
    assert toc["parts"][:-1] == student_toc["parts"]
    assert toc["parts"][-1]["caption"] == "For tutors"
    config = editions.tutor_config(yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8")))
    assert config["title"].endswith("(tutor edition)")
    assert config["only_build_toc_files"] is True
    assert all(Path(p).is_absolute() for p in config["sphinx"]["local_extensions"].values())


# --- the tutor part follows the chapters of _toc.yml ----------------------------------

SPEC = {"caption": "For tutors", "root": "exercises/tutor/index", "per_chapter": ["answers", "seminar", "handout"],
        "after_chapters": ["exercises/tutor/case-notes"]}


def _toc(*chapters: str) -> dict:
    return {"format": "jb-book", "root": "intro",
            "parts": [{"caption": "The course", "chapters": [{"file": f"chapters/{c}"} for c in chapters]},
                      {"caption": "Reference", "chapters": [{"file": "glossary"}]}]}


def _tutor_folder(root: Path, *names: str) -> None:
    folder = root / "exercises" / "tutor"
    folder.mkdir(parents=True)
    for name in ("index.md", "case-notes.ipynb", *names):
        (folder / name).write_text("# page\n", encoding="utf-8")


def _chapter_pages(number: str) -> list[str]:
    return [f"ch{number}-{kind}.md" for kind in SPEC["per_chapter"]]


def test_every_chapter_in_the_toc_gets_its_tutor_pages_in_order(tmp_path: Path):
    _tutor_folder(tmp_path, *_chapter_pages("01"), *_chapter_pages("02"), *_chapter_pages("07"))
    toc = editions.tutor_toc(_toc("01-a", "02-b", "07-new-chapter"), SPEC, root=tmp_path)
    part = toc["parts"][-1]
    assert part["caption"] == "For tutors" and part["chapters"][0]["file"] == "exercises/tutor/index"
    assert [s["file"] for s in part["chapters"][0]["sections"]] == [
        f"exercises/tutor/ch{n}-{kind}" for n in ("01", "02", "07") for kind in SPEC["per_chapter"]
    ] + ["exercises/tutor/case-notes"]


def test_a_chapter_without_its_tutor_pages_fails_naming_them(tmp_path: Path):
    _tutor_folder(tmp_path, *_chapter_pages("01"), "ch07-answers.md")
    with pytest.raises(editions.EditionError) as error:
        editions.tutor_toc(_toc("01-a", "07-new-chapter"), SPEC, root=tmp_path)
    assert "missing tutor page exercises/tutor/ch07-seminar" in str(error.value)
    assert "missing tutor page exercises/tutor/ch07-handout" in str(error.value)
    assert "ch07-answers" not in str(error.value)


def test_an_orphaned_tutor_page_fails_naming_it(tmp_path: Path):
    _tutor_folder(tmp_path, *_chapter_pages("01"), *_chapter_pages("02"))
    with pytest.raises(editions.EditionError) as error:
        editions.tutor_toc(_toc("01-a"), SPEC, root=tmp_path)  # chapter 2 left out of the toc
    for name in _chapter_pages("02"):
        assert f"orphaned tutor page exercises/tutor/{name[:-3]}" in str(error.value)


def test_an_included_fragment_is_not_an_orphan(tmp_path: Path):
    """Files named _x.md are pulled into pages with {include} (the seminar plans'
    _safeguarding.md); with only_build_toc_files they are never pages themselves."""
    _tutor_folder(tmp_path, *_chapter_pages("01"), "_safeguarding.md")
    toc = editions.tutor_toc(_toc("01-a"), SPEC, root=tmp_path)
    files = [s["file"] for s in toc["parts"][-1]["chapters"][0]["sections"]]
    assert "exercises/tutor/_safeguarding" not in files


def test_the_real_tutor_folder_matches_the_real_toc():
    """Fails, naming the files, when a chapter lacks a tutor page or a tutor page is listed nowhere."""
    student_toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    spec = yaml.safe_load((ROOT / "_toc_tutor.yml").read_text(encoding="utf-8"))
    pages = editions.tutor_pages(student_toc, spec)
    numbers = editions.chapter_numbers(student_toc)
    assert len(numbers) >= 6 and len(pages) == len(numbers) * len(spec["per_chapter"]) + len(spec["after_chapters"])


def test_the_tutor_build_stops_before_building_when_a_page_is_missing(tmp_path: Path, monkeypatch, capsys):
    """The command line (make tutor) prints the problem and exits non-zero; jupyter-book never runs."""
    from course_tools import __main__ as cli

    def refuse(*args, **kwargs):
        raise AssertionError("the build ran although the tutor pages do not match the toc")

    broken_spec = {**SPEC, "per_chapter": [*SPEC["per_chapter"], "no-such-kind"]}
    monkeypatch.setattr(editions, "_read_yaml", lambda path: broken_spec if path.name == "_toc_tutor.yml"
                        else yaml.safe_load(path.read_text(encoding="utf-8")))
    monkeypatch.setattr(editions, "run_build", refuse)
    assert cli.main(["build", "tutor", "--output", str(tmp_path)]) == 1
    assert "missing tutor page exercises/tutor/ch01-no-such-kind" in capsys.readouterr().err
