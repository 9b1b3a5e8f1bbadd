"""Where the right answer sits on the page, as a student sees it (issue 18).

The widget shows options in the data's order (it does not shuffle), so the spread of
correct positions checked in tests/test_selfcheck_cues.py is what a student meets. This
test reads the order off the built pages, so a future shuffle, or a page that reorders
options, is held to the same limit: no one position holds more than 40% of the right answers.
"""
from __future__ import annotations

from collections import Counter

from coproduction_course.selfcheck import load_selfchecks

POSITION_MAX = 0.40


def test_the_right_answer_is_spread_across_positions_on_the_page(page, site_url):
    checks = load_selfchecks()
    seen = Counter()
    total = 0
    for n, check in checks.items():
        page.goto(f"{site_url}/exercises/ch{n:02d}-exercises.html", wait_until="networkidle")
        page.wait_for_selector(".sc fieldset")
        for q in check["questions"]:
            shown = page.locator(f'.sc fieldset[data-question="{q["id"]}"] .sc-option label').all_inner_texts()
            right = next(o["text"] for o in q["options"] if o.get("correct"))
            assert sorted(shown) == sorted(o["text"] for o in q["options"]), q["id"]
            seen[shown.index(right)] += 1
            total += 1
    shares = {pos + 1: count / total for pos, count in sorted(seen.items())}
    print("right answer by displayed position:", {k: f"{v:.0%}" for k, v in shares.items()})
    assert max(shares.values()) <= POSITION_MAX, shares
    assert len(shares) >= 4, shares
