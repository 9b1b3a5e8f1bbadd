#!/usr/bin/env python3
"""Close-paraphrase check: list sentences of the course that follow a sentence of the two
source texts too closely, keeping its content words in the same order with a word or two
swapped or dropped. The 8-word check (scripts/own_words.py) misses such sentences.

How it works. Stop-words are dropped from each sentence, leaving its content words. For a
course sentence and a source sentence, the longest common subsequence (LCS) of their content
words counts the words they share *in the same order*. A pair is reported when that count is at
least MIN_WORDS and covers at least COVER of the shorter sentence.

The source texts are not in the repository. tests/data/source_sentences.txt holds, for each
source sentence with enough content words, the sequence of its content words hashed one by one
(scripts/make_source_fingerprint.py writes it). The alignment compares hashes, so the check runs
on any clone without the texts.

Sentences are read whole: a Markdown paragraph hard-wrapped over several lines is joined before
it is split into sentences, and each YAML string value is read as one text. Text in quotation
marks, block quotes and *italic titles* is skipped, as in the 8-word check.

Usage (from the project root):  .venv/bin/python scripts/paraphrase_check.py [--min-words 8] [--cover 0.65]
Exit status 1 when a pair is found that is not in tests/data/paraphrase_allowed.txt (checked
names and titles)."""
from __future__ import annotations

import argparse
import hashlib
import pathlib
import re
import sys
from collections.abc import Iterator, Sequence

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from own_words import QUOTED, checked_files, text_of, words  # noqa: E402

SENTENCES = ROOT / "tests" / "data" / "source_sentences.txt"
ALLOWED = ROOT / "tests" / "data" / "paraphrase_allowed.txt"
MIN_WORDS = 8
COVER = 0.65
# Function words carry a sentence's grammar, not its content; a paraphrase keeps the content.
STOP = frozenset("""a an the and or but nor so yet of to in on at by for with from into onto upon as than
that this these those it its it's is are was were be been being am has have had having do does did
can could may might must shall should will would not no he she they them their his her hers we us our
you your i me my which who whom whose what when where while also such there here""".split())


def word_hash(word: str) -> str:
    # 4 bytes per word: enough to keep chance matches between different words rare.
    return hashlib.blake2b(word.encode("utf-8"), digest_size=4).hexdigest()


def content_words(sentence: str) -> list[str]:
    return [w for w in words(sentence) if w not in STOP]


def split_sentences(text: str) -> Iterator[str]:
    """Sentences of a prose text: citation roles dropped, wrapped lines joined per paragraph."""
    text = re.sub(r"\{cite:[pt]\}`[^`]*`", " ", text)
    text = re.sub(r"\{(?:term|doc|ref)\}`([^`<]*)(?:<[^>]*>)?`", r"\1", text)
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(line.strip() for line in paragraph.splitlines())
        for sentence in re.split(r"(?<=[.!?;:])\s+", flat):
            if sentence.strip():
                yield sentence.strip()


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of a and b (dynamic programming, two rows)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def load_source_sentences(path: pathlib.Path = SENTENCES) -> list[tuple[str, ...]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line and not line.startswith("#")]


def source_sentence_hashes(text: str) -> list[tuple[str, ...]]:
    """What make_source_fingerprint.py stores for one source text."""
    return [tuple(word_hash(w) for w in cw) for s in split_sentences(text)
            if len(cw := content_words(s)) >= 4]


def close_pairs(text: str, sources: list[tuple[str, ...]], min_words: int = MIN_WORDS,
                cover: float = COVER) -> Iterator[tuple[str, int, float]]:
    """(course sentence, words in order, coverage) for each sentence of text that follows
    some source sentence closely; the best-matching source sentence decides."""
    indexed = [(s, frozenset(s)) for s in sources]
    for sentence in split_sentences(QUOTED.sub(" ", text)):
        hashed = [word_hash(w) for w in content_words(sentence)]
        if len(hashed) < min_words:
            continue
        hset = frozenset(hashed)
        best = None
        for source, sset in indexed:
            if len(hset & sset) < min_words:  # cheap filter before the alignment
                continue
            shared = lcs_length(hashed, source)
            share = shared / min(len(hashed), len(source))
            if shared >= min_words and share >= cover and (best is None or share > best[1]):
                best = (shared, share)
        if best:
            yield sentence, best[0], best[1]


def yaml_texts(path: pathlib.Path) -> Iterator[str]:
    import yaml

    def strings(data):
        if isinstance(data, str):
            yield data
        elif isinstance(data, dict):
            for value in data.values():
                yield from strings(value)
        elif isinstance(data, list):
            for value in data:
                yield from strings(value)

    yield from strings(yaml.safe_load(path.read_text(encoding="utf-8")))


def load_allowed(path: pathlib.Path = ALLOWED) -> list[tuple[str, str]]:
    """(file, fragment of the course sentence) pairs a person has checked: names and titles."""
    allowed = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            file, fragment = line.split(" | ", 1)
            allowed.append((file.strip(), fragment.split(" | ")[0].strip()))
    return allowed


def all_close_pairs(root: pathlib.Path = ROOT, sources: list[tuple[str, ...]] | None = None,
                    min_words: int = MIN_WORDS, cover: float = COVER) -> list[tuple[str, str, int, float]]:
    sources = load_source_sentences() if sources is None else sources
    found = []
    for path in checked_files(root):
        if path.name in ("_toc.yml", "_toc_tutor.yml", "_config.yml") or "benchmarks" in path.parts:
            continue
        texts = yaml_texts(path) if path.suffix in (".yml", ".yaml") else [text_of(path)]
        for text in texts:
            for sentence, shared, share in close_pairs(text, sources, min_words, cover):
                found.append((str(path.relative_to(root)), sentence, shared, share))
    return found


def unexplained(found, allowed=None):
    allowed = load_allowed() if allowed is None else allowed
    return [f for f in found if not any(f[0] == file and fragment in f[1] for file, fragment in allowed)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-words", type=int, default=MIN_WORDS)
    ap.add_argument("--cover", type=float, default=COVER)
    args = ap.parse_args()
    found = all_close_pairs(min_words=args.min_words, cover=args.cover)
    left = unexplained(found)
    for file, sentence, shared, share in found:
        mark = "" if (file, sentence, shared, share) in left else "  (checked: a name or title)"
        print(f"{file}: {shared} content words in source order, {share:.0%} of the shorter sentence{mark}\n  {sentence[:240]}")
    print(f"{len(found)} close pairs, {len(left)} not checked (>= {args.min_words} words in order, >= {args.cover:.0%})")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
