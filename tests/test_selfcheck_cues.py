"""Self-checks test judgement, not test-wiseness (issue 18).

A student who has not read the chapter can still score well on a multiple-choice item when
the right answer looks different from the wrong ones: longer, more hedged, more specific,
or always in the same place. Each "cue strategy" below picks one option per item from its
surface alone; the test fails when a strategy scores well above what guessing would.

Scoring: where a strategy's best value is shared by k options, it scores 1/k for the item
when the correct option is among them (the expected score of choosing at random among the
tied options). A strategy that cannot tell the options apart therefore scores chance.

Thresholds:
- pick the longest (characters): at most 30% (issue 18);
- pick the shortest: at most 30% too, so that fixing the first cue does not plant its mirror
  image (a writer who trims every right answer teaches "never pick the longest");
- pick the most hedged (hedge words below): at most 35% (issue 18);
- any one position holds at most 40% of the correct answers (issue 18);
- pick the most specific (digits, capitalised names, quoted phrases): at most chance plus
  two standard deviations of a blind guesser's score over the same items. With 32 items
  of four options, chance is 25% and two standard deviations are about 15 points, so the
  limit is about 40%: a fair item set crosses it by bad luck about once in forty, and a set
  whose right answers are systematically the ones with names and dates does not stay under it.
  Specific wrong answers are possible and welcome; the limit only stops specificity from
  being the tell.

Also: at least four options in every item (issue 18 asks for 80%; the course has all),
and feedback that does not open with a verdict the widget already shows ("Correct." /
"Not the best answer."), so a student never reads "Correct. Right.".

Run this file directly (`python tests/test_selfcheck_cues.py`) for the scores.
"""
from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SELFCHECK = ROOT / "coproduction_course" / "data" / "selfcheck.yml"

LONGEST_MAX = 0.30
SHORTEST_MAX = 0.30
HEDGED_MAX = 0.35
POSITION_MAX = 0.40
MIN_OPTIONS = 4
MIN_OPTIONS_SHARE = 1.0

HEDGES = [
    "may", "might", "can", "could", "some", "often", "usually", "largely", "partly", "tends",
    "tend", "arguably", "likely", "probably", "perhaps", "possibly", "not always", "in part",
    "at least partly", "as far as", "mainly", "mostly", "seems", "suggests", "whether",
    "not necessarily", "not by itself", "on its own", "alone",
]
HEDGE_RE = re.compile(r"\b(" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\b", re.I)

# Verdicts the widget already shows before the feedback ("✓ Correct." / "✗ Not the best answer.").
VERDICT_RE = re.compile(
    r"^\s*(right|correct|incorrect|wrong|not quite|not the best|yes|no|exactly|close|partly right|good|true|false)\b[.,!;:]?",
    re.I,
)


def items(data: dict) -> list[dict]:
    return [q for ch in data["chapters"] for q in ch["questions"]]


def correct_index(q: dict) -> int:
    return next(i for i, o in enumerate(q["options"]) if o.get("correct"))


def hedges(text: str) -> int:
    return len(HEDGE_RE.findall(text))


def specificity(text: str) -> int:
    """Digits, capitalised words that do not start a sentence (names, titles), quoted phrases."""
    numbers = len(re.findall(r"\d+", text))
    names = 0
    for m in re.finditer(r"[A-Z][\w'-]*", text):
        before = text[: m.start()].rstrip()
        if before and before[-1] not in ".;:!?\"“(" and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            names += 1
    quoted = len(re.findall(r"\"[^\"]+\"|“[^”]+”", text))
    return numbers + names + quoted


def strategy_score(qs: list[dict], measure) -> float:
    """Expected share of items answered right by picking the option with the highest measure."""
    total = 0.0
    for q in qs:
        values = [measure(o["text"]) for o in q["options"]]
        best = max(values)
        tied = [i for i, v in enumerate(values) if v == best]
        total += (1 / len(tied)) if correct_index(q) in tied else 0.0
    return total / len(qs)


def chance(qs: list[dict]) -> float:
    return sum(1 / len(q["options"]) for q in qs) / len(qs)


def chance_margin(qs: list[dict]) -> float:
    """Two standard deviations of a blind guesser's share over these items."""
    variance = sum((1 / len(q["options"])) * (1 - 1 / len(q["options"])) for q in qs)
    return 2 * math.sqrt(variance) / len(qs)


def position_shares(qs: list[dict]) -> dict[int, float]:
    counts: dict[int, int] = {}
    for q in qs:
        counts[correct_index(q)] = counts.get(correct_index(q), 0) + 1
    return {pos: n / len(qs) for pos, n in sorted(counts.items())}


def scores(data: dict) -> dict[str, float]:
    qs = items(data)
    return {
        "longest": strategy_score(qs, len),
        "shortest": strategy_score(qs, lambda text: -len(text)),
        "most hedged": strategy_score(qs, hedges),
        "most specific": strategy_score(qs, specificity),
        "fixed position (best)": max(position_shares(qs).values()),
        "chance": chance(qs),
        "specific limit": chance(qs) + chance_margin(qs),
        "four or more options": sum(1 for q in qs if len(q["options"]) >= MIN_OPTIONS) / len(qs),
    }


def problems(data: dict) -> list[str]:
    qs = items(data)
    s = scores(data)
    n = len(qs)
    found = []
    if s["longest"] > LONGEST_MAX:
        found.append(f"picking the longest option scores {s['longest']:.0%} ({s['longest'] * n:.1f}/{n}); limit {LONGEST_MAX:.0%}")
    if s["shortest"] > SHORTEST_MAX:
        found.append(f"picking the shortest option scores {s['shortest']:.0%} ({s['shortest'] * n:.1f}/{n}); limit {SHORTEST_MAX:.0%}")
    if s["most hedged"] > HEDGED_MAX:
        found.append(f"picking the most hedged option scores {s['most hedged']:.0%} ({s['most hedged'] * n:.1f}/{n}); limit {HEDGED_MAX:.0%}")
    if s["most specific"] > s["specific limit"]:
        found.append(
            f"picking the most specific option scores {s['most specific']:.0%} ({s['most specific'] * n:.1f}/{n}); "
            f"limit {s['specific limit']:.0%} (chance {s['chance']:.0%} plus two standard deviations)"
        )
    for pos, share in position_shares(qs).items():
        if share > POSITION_MAX:
            found.append(f"position {pos + 1} holds {share:.0%} of the correct answers; limit {POSITION_MAX:.0%}")
    if s["four or more options"] < MIN_OPTIONS_SHARE:
        few = [q["id"] for q in qs if len(q["options"]) < MIN_OPTIONS]
        found.append(f"{len(few)} of {n} items have fewer than {MIN_OPTIONS} options: {', '.join(few)}")
    for q in qs:
        for i, o in enumerate(q["options"]):
            if VERDICT_RE.match(o["feedback"]):
                found.append(f"{q['id']} option {i + 1}: feedback opens with a verdict the widget already shows: {o['feedback'][:40]!r}")
    return found


def load() -> dict:
    return yaml.safe_load(SELFCHECK.read_text(encoding="utf-8"))


def report(data: dict) -> str:
    n = len(items(data))
    return "; ".join(f"{k} {v:.0%}" + (f" ({v * n:.1f}/{n})" if k in ("longest", "shortest", "most hedged", "most specific") else "") for k, v in scores(data).items())


def test_no_cue_strategy_beats_guessing_by_much():
    data = load()
    print(report(data))
    assert problems(data) == []


def test_each_cue_check_can_fail():
    """Make the right answer the longest, most hedged, most specific and first, and every check trips."""
    data = load()
    for q in items(data):
        for o in q["options"]:
            o["correct"] = False
            o["feedback"] = o["feedback"]
        first = q["options"][0]
        first["correct"] = True
        first["text"] = 'It may perhaps, in some 1984 cases of "Carr" and Cahn, usually be partly so. ' + "x" * 400
        q["options"] = q["options"][:3]
        q["options"][1]["feedback"] = "Right. " + q["options"][1]["feedback"]
    found = "\n".join(problems(data))
    for q in items(data):
        q["options"][0]["text"] = "x"
    found += "\n".join(problems(data))
    for phrase in ("longest", "shortest", "most hedged", "most specific", "position 1 holds", "fewer than 4 options", "opens with a verdict"):
        assert phrase in found, phrase


if __name__ == "__main__":
    d = load()
    print(report(d))
    print("\n".join(problems(d)) or "no problems")
    sys.exit(1 if problems(d) else 0)
