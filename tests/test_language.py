"""Phrases the language guide (CONTRIBUTING.md, "Language") rules out in the course's own voice.

The course's own voice is its prose: Markdown pages, the Markdown cells of notebooks, and
every string in the packaged data files (cases, glossary, motions, self-checks, checklist,
timeline, interface text). Quotations are exempt, because a source's own words are
reported as the source wrote them: text inside double quotation marks ("..." or “...”),
blockquotes (lines starting with ">") and fenced code blocks are removed before the
search. The bibliography and the handbooks (README, CONTRIBUTING) are not scanned.

A phrase is on the list when the guide rules it out wherever it appears in the course's
voice; a phrase that is fine in some senses (such as "discharge") is left to review.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

#: Ruled out in the course's own voice; each entry: (phrase, what to write instead).
RULED_OUT: dict[str, str] = {
    "suffers from": "say what happens to the person, or 'lives with', 'has', 'experiences'",
    "suffering from": "as above",
    "suffer from": "as above",
    "sufferers": "people who ..., in their own words",
    "the mentally ill": "people with mental health problems, service users, survivors",
    "schizophrenics": "people given a diagnosis of schizophrenia, if the diagnosis matters at all",
    "a schizophrenic": "as above",
    "committed suicide": "died by suicide, took their own life",
    "commit suicide": "as above",
    "former patient": "a person who used the service, in the words they use (service user, survivor)",
    "ex-patient": "as above",
    "mental patient": "as above",
    "well enough to": "leave the person to decide; do not judge their wellness",
    "when a person is well": "describe what the person does, not a judgement of their wellness",
    "goes quiet": "open invitations to everyone, not watching individuals",
    "went quiet": "as above",
    "ok to continue": "answer the content; ask the room; leave the person to decide",
    "all right to go on": "as above",
}

#: Pages whose prose is the course's voice. README and CONTRIBUTING describe the rules.
SKIP = {"README.md", "CONTRIBUTING.md"}


#: Names people chose for themselves are self-definition, not the course's label for them
#: (the guide: "self-definition respected"); they are removed before the search, matched
#: with their capitals so that the phrase in lower case is still caught.
OWN_NAMES = re.compile(r"Mental Patients(?:'|’)? Union|Union of Mental Patients|Rights of Mental Patients in Treatment")


def own_voice(text: str) -> str:
    """The text with quotations, blockquotes, code blocks and self-chosen names removed."""
    text = OWN_NAMES.sub(" ", text)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    text = re.sub(r'"[^"\n]*"', " ", text)
    return re.sub(r"“[^”]*”", " ", text)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def course_texts(root: Path = ROOT) -> list[tuple[str, str]]:
    """(path, text) for every source of the course's own prose."""
    found: list[tuple[str, str]] = []
    pages = [*root.glob("*.md"), *root.glob("chapters/*.md"), *root.glob("exercises/**/*.md"), *root.glob("seeds/*.md")]
    for path in sorted(pages):
        if path.name not in SKIP:
            found.append((path.relative_to(root).as_posix(), path.read_text(encoding="utf-8")))
    for path in sorted([*root.glob("chapters/*.ipynb"), *root.glob("exercises/**/*.ipynb")]):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        prose = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        found.append((path.relative_to(root).as_posix(), prose))
    for path in sorted(root.glob("coproduction_course/data/*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.append((path.relative_to(root).as_posix(), "\n\n".join(_strings(data))))
    return found


def ruled_out_phrases(text: str) -> list[str]:
    """Each ruled-out phrase in the text's own voice, with a little context."""
    voice = own_voice(text)
    hits = []
    for phrase in RULED_OUT:
        for match in re.finditer(r"\b" + re.escape(phrase), voice, flags=re.I):
            context = " ".join(voice[max(0, match.start() - 50): match.end() + 30].split())
            hits.append(f"{phrase!r}: ...{context}...")
    return hits


#: A file whose fix is under way elsewhere can be marked here; the mark is strict, so the
#: test fails as soon as the file is clean and the mark must go. None is pending.
PENDING: dict[str, str] = {}  # path -> reason, for a file whose fix is under way in another change


def _params():
    for path, text in course_texts():
        marks = [pytest.mark.xfail(strict=True, reason=PENDING[path])] if path in PENDING else []
        yield pytest.param(path, text, id=path, marks=marks)


@pytest.mark.parametrize(("path", "text"), list(_params()))
def test_course_voice_avoids_ruled_out_phrases(path, text):
    assert ruled_out_phrases(text) == [], f"{path}: see CONTRIBUTING.md, Language"


def test_quotations_and_blockquotes_are_exempt_but_the_course_voice_is_not():
    assert ruled_out_phrases('Carr reports that the idea "suffers from excessive elasticity".') == []
    assert ruled_out_phrases("> The mentally ill were kept apart.\n") == []
    assert ruled_out_phrases("Anyone who goes quiet gets a word.") != []
    assert ruled_out_phrases("Three former patients joined the panel.") != []
    assert ruled_out_phrases("Ask whether she is well enough to continue.") != []


def test_the_scan_reads_pages_notebooks_and_data():
    paths = {path for path, _ in course_texts()}
    assert "chapters/05-critiques.md" in paths
    assert "chapters/debate-prompts.ipynb" in paths
    assert "coproduction_course/data/glossary.yml" in paths
    assert "exercises/tutor/index.md" in paths
    assert not any(p.endswith("CONTRIBUTING.md") for p in paths)
