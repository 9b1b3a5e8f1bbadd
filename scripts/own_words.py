#!/usr/bin/env python3
"""Own-words check: list runs of 8 or more words that a page or data file shares with the
course's two source texts outside quotation marks.

The texts themselves are not in the repository; tests/data/source_fingerprint.txt holds a hash
of each of their normalised 8-word runs (written by scripts/make_source_fingerprint.py), so the
check runs on any clone. The skipping rules match the shared tool ../shared/tools/own_words.py:
text inside "double", “curly” or ‘single’ quotation marks, Markdown block quotes and *italic
titles* is skipped; pages are Markdown files, notebooks' Markdown cells and the YAML data files.

Usage (from the project root):  .venv/bin/python scripts/own_words.py   (exit status 1 on any run)
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import re
import sys
from collections.abc import Iterator, Sequence

ROOT = pathlib.Path(__file__).resolve().parent.parent
FINGERPRINT = ROOT / "tests" / "data" / "source_fingerprint.txt"
RUN_LENGTH = 8

# Quoted text is the author's, cited, and allowed; so are block quotes and *titles*.
QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]|‘[^’]{0,600}’(?!\w)|(?<!\w)'[^'\n]{0,300}'(?!\w)|^\s*>.*$"
                    r"|(?<![*\w])\*[^*\n]{1,120}\*(?![*\w])", re.M)
SKIP_DIRS = {".venv", "_build", "node_modules", ".git", "tests"}


def words(text: str) -> list[str]:
    """Lower-case words with apostrophes normalised, as the shared tool counts them."""
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def run_hash(run: Sequence[str]) -> str:
    # 10 bytes: collisions across a few thousand runs are vanishingly unlikely.
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=10).hexdigest()


def load_fingerprint(path: pathlib.Path = FINGERPRINT) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def checked_files(root: pathlib.Path = ROOT) -> list[pathlib.Path]:
    return sorted(p for p in root.rglob("*")
                  if p.suffix in (".md", ".ipynb", ".yml", ".yaml") and p.name != "_toc.yml"
                  and not SKIP_DIRS & set(p.relative_to(root).parts))


def text_of(path: pathlib.Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8", errors="ignore")


def shared_runs(text: str, fingerprint: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(line number, run) for each maximal run of RUN_LENGTH+ words found in the fingerprint."""
    for number, line in enumerate(QUOTED.sub(" ", text).splitlines(), 1):
        w = words(line)
        hits = [i for i in range(len(w) - RUN_LENGTH + 1) if run_hash(w[i:i + RUN_LENGTH]) in fingerprint]
        if not hits:
            continue
        start, end = hits[0], hits[0] + RUN_LENGTH
        for i in hits[1:]:
            if i <= end:
                end = i + RUN_LENGTH
            else:
                yield number, " ".join(w[start:end])
                start, end = i, i + RUN_LENGTH
        yield number, " ".join(w[start:end])


def shared_runs_across_lines(text: str, fingerprint: frozenset[str]) -> Iterator[tuple[int, str]]:
    """(line number, run) for runs that a paragraph hard-wrapped over several lines hides from
    shared_runs: the lines of each paragraph (a block without blank lines) are read as one
    sequence of words, and a run is reported at the line where it starts."""
    block: list[tuple[int, str]] = []  # (line number, word) for the current paragraph
    lines = QUOTED.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text).splitlines()
    for number, line in enumerate(lines + [""], 1):
        if line.strip():
            block.extend((number, w) for w in words(line))
            continue
        w = [word for _, word in block]
        hits = [i for i in range(len(w) - RUN_LENGTH + 1) if run_hash(w[i:i + RUN_LENGTH]) in fingerprint]
        start = end = None
        for i in hits + [None]:
            if i is not None and end is not None and i <= end:
                end = i + RUN_LENGTH
                continue
            if start is not None and block[start][0] != block[end - 1][0]:  # only runs that cross a line
                yield block[start][0], " ".join(w[start:end])
            if i is not None:
                start, end = i, i + RUN_LENGTH
        block = []


def yaml_strings(data) -> Iterator[str]:
    """Every string value in a YAML data file, folded lines joined."""
    if isinstance(data, str):
        yield data.replace("\n", " ")
    elif isinstance(data, dict):
        for value in data.values():
            yield from yaml_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from yaml_strings(value)


def all_shared_runs(root: pathlib.Path = ROOT, fingerprint: frozenset[str] | None = None) -> list[str]:
    fingerprint = load_fingerprint() if fingerprint is None else fingerprint
    found = [f"{path.relative_to(root)}:{number}: {len(run.split())} words: {run}"
             for path in checked_files(root)
             for number, run in shared_runs(text_of(path), fingerprint)]
    # A Markdown paragraph hard-wrapped over several lines hides a run from the line check too.
    for path in checked_files(root):
        if path.suffix in (".md", ".ipynb"):
            found += [f"{path.relative_to(root)}:{number}: {len(run.split())} words: {run}"
                      for number, run in shared_runs_across_lines(text_of(path), fingerprint)]
    # A YAML value folded over several lines hides a run from the line-by-line check above;
    # check each value whole as well (reported by value, not line).
    import yaml  # only needed here; the line check works without it
    for path in checked_files(root):
        if path.suffix not in (".yml", ".yaml"):
            continue
        for value in yaml_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for _, run in shared_runs(value, fingerprint):
                entry = f"{path.relative_to(root)}: {len(run.split())} words: {run}"
                if not any(line.endswith(f"words: {run}") and line.startswith(str(path.relative_to(root)))
                           for line in found) and entry not in found:
                    found.append(entry)
    return found


if __name__ == "__main__":
    found = all_shared_runs()
    print("\n".join(found))
    print(f"{len(found)} runs of {RUN_LENGTH}+ words shared with the source texts outside quotation marks")
    sys.exit(1 if found else 0)
