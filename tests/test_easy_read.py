"""Easy read drafts (issue 20): one per chapter, marked as not yet tested with readers,
with short sentences and a high reading-ease score.

Each summary in ``easy-read/`` is read as its text (headings, labels, directives and
link targets taken out; the shared "not tested" note included). Sentences end at a
full stop, question mark or exclamation mark, or at the end of a line (easy read puts
one idea on each line). Two measures, with thresholds stated on easy-read/index.md:

* mean sentence length at most 15 words (Bromley's rules from the Department of
  Health's easy read guidelines: more than 15 words is harder to read);
* Flesch reading ease at least 65, from 206.835 - 1.015 * (words / sentences)
  - 84.6 * (syllables / words), with syllables counted as groups of vowels (a
  silent final "e" not counted, at least one per word). 60 to 70 is Flesch's
  "plain English"; the threshold asks for its easier half.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "easy-read"
MAX_MEAN_WORDS = 15
MIN_READING_EASE = 65
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")


def chapters() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    course = next(part for part in toc["parts"] if part.get("caption") == "The course")
    return [Path(item["file"]).name for item in course["chapters"]]


def summaries() -> list[Path]:
    return sorted(FOLDER.glob("[0-9][0-9]-*.md"))


def plain_text(path: Path) -> str:
    """The page as a reader sees it: includes expanded, markup removed."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"```\{include\}\s*(\S+)\s*\n```", lambda m: (path.parent / m.group(1)).read_text(encoding="utf-8"), text)
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^:::\{[a-z]+\}\s*", "", line.strip())  # an admonition's title is read
        if not line or line.startswith(("(", ":::", ":class:", "```")):
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"\{[a-z:]+\}`([^`<]*?)\s*(<[^>]*>)?`", lambda m: m.group(1) or "this page", line)
        line = re.sub(r"\{doc\}`[^`]*`", "the chapter", line)
        lines.append(line.replace("*", ""))
    return "\n".join(lines)


def sentences(text: str) -> list[list[str]]:
    parts = re.split(r"(?<=[.?!:])\s+|\n", text)
    return [words for part in parts if (words := WORD.findall(part))]


def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if word.isdigit():
        return len(word)
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def measures(text: str) -> tuple[float, float]:
    found = sentences(text)
    words = [w for s in found for w in s]
    mean = len(words) / len(found)
    ease = 206.835 - 1.015 * mean - 84.6 * (sum(syllables(w) for w in words) / len(words))
    return mean, ease


def test_there_is_one_summary_per_chapter():
    names = [p.name.removesuffix(".md") for p in summaries()]
    assert names == chapters(), "each chapter needs easy-read/<the chapter's file name>.md"


@pytest.mark.parametrize("path", summaries(), ids=lambda p: p.name)
def test_summary_is_marked_as_not_yet_tested(path):
    text = plain_text(path)
    assert "has not been tested yet" in text and "have not checked this page yet" in text
    assert re.search(r"\{doc\}`\.\./chapters/", path.read_text(encoding="utf-8")), "link the chapter it summarises"


@pytest.mark.parametrize("path", summaries(), ids=lambda p: p.name)
def test_summary_has_short_sentences_and_reads_easily(path):
    mean, ease = measures(plain_text(path))
    assert mean <= MAX_MEAN_WORDS, f"{path.name}: mean sentence length {mean:.1f} words (at most {MAX_MEAN_WORDS})"
    assert ease >= MIN_READING_EASE, f"{path.name}: Flesch reading ease {ease:.1f} (at least {MIN_READING_EASE})"


def test_pictures_have_alt_text():
    for path in summaries():
        for match in re.finditer(r"!\[([^\]]*)\]\(", path.read_text(encoding="utf-8")):
            assert match.group(1).strip(), f"{path.name}: a picture without alt text"


def test_the_measures_can_fail():
    """A chapter's own prose (not easy read) fails both thresholds."""
    prose = (
        "Co-production has no single agreed meaning; it has been read as democratic involvement, as individual "
        "consumerism and as a transfer of power, and the Indiana University researchers who coined the term mostly "
        "meant the co-delivery of public services by citizens alongside professional administrators."
    )
    mean, ease = measures(prose)
    assert mean > MAX_MEAN_WORDS and ease < MIN_READING_EASE
    assert syllables("co-production") == 4 and syllables("people") == 2 and syllables("care") == 1
