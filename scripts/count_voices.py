"""Count whose work chapters 1-7 cite: survivor-authored or user-led sources against the rest,
and the essay by Sarah Carr (carr2016) as a share of all citations (issue 23).

    .venv/bin/python scripts/count_voices.py            # the working tree
    .venv/bin/python scripts/count_voices.py --rev REV  # the chapters as they were at REV

A source counts as survivor-authored or user-led when its author (or, for a group work, its
lead author or the organisation) writes as a service user or survivor, or is a user-led
organisation, on the course's own evidence (chapters 5 and 6 and the bibliography notes). The
list is a judgement, kept here in the open so that it can be argued with; keys not listed
count as professional, academic, policy or other sources.
"""
from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SURVIVOR_OR_USER_LED = {
    "carr2016", "carr2016b", "carretal2016",       # Carr, survivor researcher; NSUN vice-chair
    "chamberlin1978",                               # Judi Chamberlin, On Our Own
    "rose2019", "rose2009",                         # Diana Rose (with Kalathil), survivor researchers
    "kalathil2008",                                 # consultation run by survivors for NSUN
    "sweeney2009",                                  # This is Survivor Research
    "nsun2013", "nsun2018",                         # National Survivor User Network
    "sso1986", "sso1986a",                          # Survivors Speak Out
    "hvn",                                          # Hearing Voices Network
    "ritb", "ritb2019",                             # Recovery in the Bin
    "faulkner2017", "faulkner2017a",                # Alison Faulkner, survivor researcher
    "russo2015", "beresford2016", "beresford2019",  # Jasna Russo, Peter Beresford
    "voronka2016",                                  # Jijian Voronka
    "robertson2024",                                # peer researchers
    "daya2020",                                     # Daya and Roper write as consumers/survivors
    "rose2018",                                     # Diana Rose, survivor researcher
}

CITE = re.compile(r"\{cite:[pt]\}`([^`]+)`")


def chapter_texts(rev: str | None) -> dict[str, str]:
    names = sorted(p.name for p in (ROOT / "chapters").glob("0[1-7]-*.md"))
    if rev is None:
        return {n: (ROOT / "chapters" / n).read_text(encoding="utf-8") for n in names}
    out = {}
    listing = subprocess.run(["git", "ls-tree", "--name-only", rev, "chapters/"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    for path in sorted(p for p in listing if re.match(r"chapters/0[1-7]-.*\.md$", p)):
        out[Path(path).name] = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT,
                                              capture_output=True, text=True, check=True).stdout
    return out


def count(texts: dict[str, str]) -> dict:
    uses: Counter[str] = Counter()
    for text in texts.values():
        for group in CITE.findall(text):
            uses.update(k.strip() for k in group.split(",") if k.strip())
    keys = set(uses)
    survivor = sorted(keys & SURVIVOR_OR_USER_LED)
    return {
        "citations": sum(uses.values()),
        "sources": len(keys),
        "survivor_sources": len(survivor),
        "other_sources": len(keys) - len(survivor),
        "survivor_citations": sum(uses[k] for k in survivor),
        "carr2016": uses["carr2016"],
        "carr_share": uses["carr2016"] / max(1, sum(uses.values())),
        "survivor_keys": survivor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="a git revision to read the chapters from")
    args = parser.parse_args()
    c = count(chapter_texts(args.rev))
    print(f"chapters 1-7 at {args.rev or 'working tree'}:")
    print(f"  citations: {c['citations']} to {c['sources']} distinct sources")
    print(f"  survivor-authored or user-led sources: {c['survivor_sources']}; others: {c['other_sources']}")
    print(f"  citations of survivor-authored or user-led sources: {c['survivor_citations']} "
          f"({c['survivor_citations'] / max(1, c['citations']):.0%})")
    print(f"  Carr's essay (carr2016): {c['carr2016']} citations, {c['carr_share']:.1%} of all")


if __name__ == "__main__":
    main()
