"""Own words: no page or data file shares a run of 8 or more words with the two source texts
outside quotation marks. The texts are not in the repository; tests/data/source_fingerprint.txt
holds hashes of their 8-word runs (scripts/make_source_fingerprint.py writes it)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import own_words  # noqa: E402

# One sentence of Carr's essay, as a student might paste it; the check must catch it
# unquoted and let it pass in quotation marks.
PASTED = "Cahn offers perhaps the clearest and most radical set of proposals for the co-production of services."


def test_fingerprint_is_present_and_plausible():
    fingerprint = own_words.load_fingerprint()
    # Carr's essay and the blog post have about 2,700 words between them.
    assert 2000 < len(fingerprint) < 5000
    assert all(len(h) == 20 for h in fingerprint)


def test_check_catches_a_pasted_run_and_spares_a_quotation():
    fingerprint = own_words.load_fingerprint()
    assert [run for _, run in own_words.shared_runs(PASTED, fingerprint)] == [
        "perhaps the clearest and most radical set of proposals for the co"]
    quoted = 'Cahn offers "perhaps the clearest and most radical set of proposals" (Carr, 2016).'
    assert list(own_words.shared_runs(quoted, fingerprint)) == []


def test_fingerprint_matches_the_source_texts_where_they_are_beside_the_clone():
    # CI keeps the texts in ../shared/seeds; a clone without them still has the fingerprint
    # checked above, so nothing is skipped.
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        seeds = Path("/work/shared/seeds")
    texts = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    expected = {own_words.run_hash(w[i:i + own_words.RUN_LENGTH])
                for t in texts for w in [own_words.words(t.read_text(encoding="utf-8"))]
                for i in range(len(w) - own_words.RUN_LENGTH + 1)}
    assert not texts or expected == own_words.load_fingerprint(), (
        "the source texts changed: run scripts/make_source_fingerprint.py and commit the data file")


def test_no_page_or_data_file_shares_eight_words_with_the_sources():
    found = own_words.all_shared_runs()
    assert not found, (f"{len(found)} runs of 8+ words shared with the source texts outside quotation "
                       "marks; rewrite them in your own words or quote and cite:\n" + "\n".join(found))


def test_a_run_folded_over_yaml_lines_is_caught(tmp_path):
    # Line by line, neither half of the folded value is eight words long.
    (tmp_path / "data.yml").write_text(
        "background: >-\n  Cahn offers perhaps the clearest and\n  most radical set of proposals here.\n",
        encoding="utf-8")
    found = own_words.all_shared_runs(root=tmp_path)
    assert len(found) == 1 and found[0].startswith("data.yml: ")
    assert "perhaps the clearest and most radical set of proposals" in found[0]


def test_a_sentence_wrapped_over_two_markdown_lines_is_caught(tmp_path):
    # Markdown pages are often hard-wrapped: a pasted sentence split over two lines has
    # fewer than eight words on each line, so a line-by-line check misses it.
    (tmp_path / "page.md").write_text(
        "# A page\n\nIn his book Cahn offers perhaps the clearest and most\n"
        "radical set of proposals for the co-production of services.\n", encoding="utf-8")
    found = own_words.all_shared_runs(root=tmp_path)
    assert len(found) == 1 and found[0].startswith("page.md:3: "), found
    assert "perhaps the clearest and most radical set of proposals" in found[0]


def test_a_wrapped_quotation_is_still_spared(tmp_path):
    (tmp_path / "page.md").write_text(
        'Cahn offers "perhaps the clearest and most\nradical set of proposals" (Carr, 2016).\n',
        encoding="utf-8")
    assert own_words.all_shared_runs(root=tmp_path) == []
