#!/usr/bin/env python3
"""Write tests/data/source_fingerprint.txt: one hash per normalised 8-word run of the two
source texts (Carr's essay and the blog post), so that tests/test_own_words.py can check the
course for copied runs on any clone without the texts themselves being in the repository.

Usage (from the project root):  .venv/bin/python scripts/make_source_fingerprint.py [SEEDS_DIR]
SEEDS_DIR defaults to ../shared/seeds, where CI keeps the texts beside the clone.
It also writes tests/data/source_sentences.txt for scripts/paraphrase_check.py: each source
sentence as its content words, hashed one word at a time.
Re-run it only when the source texts change; commit the data files it writes."""
from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from own_words import FINGERPRINT, RUN_LENGTH, run_hash, words  # noqa: E402
from paraphrase_check import SENTENCES, source_sentence_hashes  # noqa: E402


def main() -> int:
    candidates = [pathlib.Path(sys.argv[1])] if len(sys.argv) > 1 else [
        ROOT.parent / "shared" / "seeds", pathlib.Path("/work/shared/seeds")]
    seeds_dir = next((c for c in candidates if c.is_dir()), None)
    if seeds_dir is None or not sorted(seeds_dir.glob("*.txt")):
        print(f"No source texts (*.txt) found in {', '.join(map(str, candidates))}", file=sys.stderr)
        return 1
    hashes: set[str] = set()
    for seed in sorted(seeds_dir.glob("*.txt")):
        w = words(seed.read_text(encoding="utf-8"))
        hashes |= {run_hash(w[i:i + RUN_LENGTH]) for i in range(len(w) - RUN_LENGTH + 1)}
    FINGERPRINT.parent.mkdir(parents=True, exist_ok=True)
    FINGERPRINT.write_text(
        f"# {RUN_LENGTH}-word runs of the course's source texts, hashed (scripts/make_source_fingerprint.py)\n"
        + "\n".join(sorted(hashes)) + "\n", encoding="utf-8")
    print(f"{len(hashes)} run hashes from {seeds_dir} written to {FINGERPRINT.relative_to(ROOT)}")
    # For the close-paraphrase check: each source sentence as its content words, hashed one by one.
    sentences = sorted({" ".join(s) for seed in sorted(seeds_dir.glob("*.txt"))
                        for s in source_sentence_hashes(seed.read_text(encoding="utf-8"))})
    SENTENCES.write_text(
        "# Source sentences as hashed content words, in order (scripts/make_source_fingerprint.py;"
        " read by scripts/paraphrase_check.py)\n" + "\n".join(sentences) + "\n", encoding="utf-8")
    print(f"{len(sentences)} source sentences written to {SENTENCES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
