"""Close paraphrase: no page or data file keeps a source sentence's content words in the same
order with a word or two swapped (scripts/paraphrase_check.py, the project's own check). The
source texts are not in the repository; tests/data/source_sentences.txt holds each source
sentence as hashed content words (scripts/make_source_fingerprint.py writes it)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import paraphrase_check as pc  # noqa: E402

# A sentence the course once had (chapter 5): Carr's sentence about what service users may bring
# to participation forums, with its words swapped but its structure kept. No 8-word run is shared.
CLOSE = ("Service users who come into participation forums may want to tell uncomfortable stories, "
         "criticise services, express anger about bad experiences, or take charge of their own "
         "recovery or care plan.")
# The same point in the course's own structure.
RECAST = ("Someone arriving at a participation forum may bring anger at how they were treated, a story "
          "staff would rather not hear, a complaint about a service, or a wish to run their own "
          "recovery or care plan.")


def test_the_longest_common_subsequence_counts_words_in_order():
    assert pc.lcs_length("a b c d e".split(), "a x c y e".split()) == 3
    assert pc.lcs_length("a b c".split(), "c b a".split()) == 1
    assert pc.lcs_length([], "a".split()) == 0


def test_source_sentences_are_present_and_hashed():
    sources = pc.load_source_sentences()
    assert 80 < len(sources) < 300  # two short texts
    assert all(len(h) == 8 and all(c in "0123456789abcdef" for c in h) for s in sources for h in s)
    assert not any(w.isalpha() and len(w) > 8 for s in sources for w in s), "plain words in the file"


def test_source_sentences_match_the_texts_where_they_are_beside_the_clone():
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        seeds = Path("/work/shared/seeds")
    texts = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    expected = {s for t in texts for s in pc.source_sentence_hashes(t.read_text(encoding="utf-8"))}
    assert not texts or expected == set(pc.load_source_sentences()), (
        "the source texts changed: run scripts/make_source_fingerprint.py and commit the data files")


def test_a_close_paraphrase_is_caught_and_a_recast_or_quotation_is_not():
    sources = pc.load_source_sentences()
    found = list(pc.close_pairs(CLOSE, sources))
    assert len(found) == 1 and found[0][1] >= 8 and found[0][2] >= 0.65, found
    assert list(pc.close_pairs(RECAST, sources)) == []
    assert list(pc.close_pairs(f'Carr writes that "{CLOSE}"', sources)) == []


def test_a_close_paraphrase_wrapped_over_lines_is_caught(tmp_path):
    half = len(CLOSE) // 2
    cut = CLOSE.rindex(" ", 0, half)
    (tmp_path / "page.md").write_text(f"# Page\n\n{CLOSE[:cut]}\n{CLOSE[cut + 1:]}\n", encoding="utf-8")
    (tmp_path / "data.yml").write_text(f"text: >-\n  {CLOSE[:cut]}\n  {CLOSE[cut + 1:]}\n", encoding="utf-8")
    found = pc.all_close_pairs(root=tmp_path)
    assert sorted(f[0] for f in found) == ["data.yml", "page.md"], found


def test_the_course_has_no_close_paraphrase_except_checked_names_and_titles():
    found = pc.all_close_pairs()
    left = pc.unexplained(found)
    assert not left, "close paraphrases of the source texts; recast them in the course's own structure " \
        "or quote the short core:\n" + "\n".join(f"{f}: {s[:200]}" for f, s, _, _ in left)
    assert len(found) <= 3
