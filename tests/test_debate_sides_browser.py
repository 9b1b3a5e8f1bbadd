"""The debate widget does what a slide cannot (issues 18 and 23), in a real browser.

- Before and after: each student records their own position on the motion, and the tutor
  the room's count, before and after the debate; the two are shown side by side, kept in
  the browser, and included in the Markdown and JSON exports.
- Choosing sides: on motions marked `side_by_choice: true` in motions.yml (compulsion,
  detention, oppression), no group is given a side by number; each person or group
  chooses, anyone may decline the swap and stay in, and the widget says why.
- Work saved by the previous version of the widget (saved format 2) is kept.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from coproduction_course.content import ui_text
from coproduction_course.debate import DebatePrompts, format_groups, load_motions

ROOT = Path(__file__).resolve().parent.parent
PAGE = "chapters/debate-prompts.html"
W = ".cw-debate"
UI = ui_text("debate")
BY_CHOICE = {m["id"] for m in load_motions() if m.get("side_by_choice")}


def open_widget(page, site_url):
    page.goto(f"{site_url}/{PAGE}", wait_until="networkidle")
    page.wait_for_selector(f"{W} .cw-motion-title")


def saved_state(page) -> dict:
    raw = page.evaluate(
        "() => { const k = Object.keys(localStorage).find(k => k.endsWith(':debate-prompts'));"
        " return k ? localStorage.getItem(k) : null; }"
    )
    return json.loads(raw) if raw else {}


def group_lines(page) -> list[str]:
    return page.locator(f"{W} .cw-groups li").all_inner_texts()


def test_motions_about_compulsion_detention_and_oppression_are_marked():
    assert {"own-oppression", "advance-choice", "time-banking-compulsion"} <= BY_CHOICE
    raw = yaml.safe_load((ROOT / "coproduction_course" / "data" / "motions.yml").read_text(encoding="utf-8"))
    assert all(m.get("side_by_choice") in (None, True) for m in raw["motions"])


def test_on_a_side_by_choice_motion_nobody_is_given_a_side_and_the_view_says_why(page, site_url):
    open_widget(page, site_url)
    page.select_option(f"{W} .cw-motion-select", "own-oppression")
    # No group is given "for" or "against" by its number.
    expected = format_groups(DebatePrompts(seed=2026).assign_groups(24, 4), by_choice=True).splitlines()
    assert group_lines(page) == expected
    assert not any("(for)" in line or "(against)" in line for line in group_lines(page))
    assert page.inner_text(f"{W} .cw-groups-note") == UI["choice_groups_note"]
    # Why, in plain words, on the motion card.
    note = page.locator(f"{W} .cw-motion .cw-choice-note")
    assert note.is_visible() and note.inner_text() == UI["choice_note"]
    # The student chooses a side, and may decline the swap and stay in.
    page.check(f"{W} .cw-side input[value=against]")
    stay = page.locator(f"{W} .cw-stay")
    assert stay.is_visible()
    assert page.inner_text(f"{W} .cw-side legend") == UI["side_legend_choice"]
    page.locator(f"{W} .cw-stay-row label").click()
    assert stay.is_checked()
    assert page.inner_text(f"{W} [role=status]") == UI["stay_on"]
    assert saved_state(page)["args"]["own-oppression"] == {"side": "against", "text": "", "stay": True}
    page.reload(wait_until="networkidle")
    page.wait_for_selector(f"{W} .cw-motion-title")
    assert page.is_checked(f"{W} .cw-stay") and page.is_checked(f"{W} .cw-side input[value=against]")

    # A motion that is not marked: sides by group number, no note, no swap box.
    page.select_option(f"{W} .cw-motion-select", "hell-raising")
    assert group_lines(page) == format_groups(DebatePrompts(seed=2026).assign_groups(24, 4)).splitlines()
    assert page.locator(f"{W} .cw-choice-note").count() == 0
    assert page.locator(f"{W} .cw-stay-row").is_hidden()
    # Every marked motion behaves the same way.
    for motion in sorted(BY_CHOICE):
        page.select_option(f"{W} .cw-motion-select", motion)
        assert page.locator(f"{W} .cw-choice-note").is_visible(), motion
        assert all(UI["side_by_choice"] in line for line in group_lines(page)), motion
    assert page.script_errors == []


def test_before_and_after_positions_side_by_side_kept_and_exported(page, site_url):
    open_widget(page, site_url)
    page.select_option(f"{W} .cw-motion-select", "advance-choice")
    before, after = page.locator(f"{W} .cw-moment-before"), page.locator(f"{W} .cw-moment-after")
    before.locator("input.cw-own-undecided").check()
    for cls, value in (("for", "10"), ("against", "8"), ("undecided", "6")):
        before.locator(f".cw-count-{cls}").fill(value)
    after.locator("input.cw-own-for").check()
    for cls, value in (("for", "14"), ("against", "6"), ("undecided", "4")):
        after.locator(f".cw-count-{cls}").fill(value)
    # A count that is not a whole number is refused, and says so.
    after.locator(".cw-count-undecided").fill("4.5")
    assert after.locator(".cw-count-undecided").get_attribute("aria-invalid") == "true"
    after.locator(".cw-count-undecided").fill("4")
    assert after.locator(".cw-count-undecided").get_attribute("aria-invalid") is None
    # Side by side on a wide screen: the same row, "after" to the right of "before".
    b, a = before.bounding_box(), after.bounding_box()
    assert a["x"] > b["x"] + b["width"] - 1 and abs(a["y"] - b["y"]) < 5, (b, a)
    summary = page.locator(f"{W} .cw-positions-summary li").all_inner_texts()
    assert summary == [
        "Your position: before, undecided; after, for",
        "The room: before, 10 for, 8 against, 6 undecided; after, 14 for, 6 against, 4 undecided",
    ]
    page.reload(wait_until="networkidle")
    page.wait_for_selector(f"{W} .cw-motion-title")
    assert page.locator(f"{W} .cw-positions-summary li").all_inner_texts() == summary
    assert page.input_value(f"{W} .cw-moment-after .cw-count-for") == "14"
    assert saved_state(page)["version"] == 3
    # Positions alone are enough to export; both formats carry them.
    with page.expect_download() as info:
        page.click(f"{W} .cw-export-md")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert "### Before and after the debate" in text
    assert "- The room: before, 10 for, 8 against, 6 undecided; after, 14 for, 6 against, 4 undecided." in text
    with page.expect_download() as info:
        page.click(f"{W} .cw-export-json")
    [argument] = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["arguments"]
    assert argument["motion_id"] == "advance-choice" and argument["side_by_choice"] is True
    assert argument["positions"] == {
        "before": {"own": "undecided", "room": {"for": 10, "against": 8, "undecided": 6}},
        "after": {"own": "for", "room": {"for": 14, "against": 6, "undecided": 4}},
    }
    assert page.script_errors == []


def test_work_saved_by_the_previous_version_is_kept(page, site_url):
    open_widget(page, site_url)
    page.evaluate(
        """() => {
          const key = "coproduction-course:v1:" + location.pathname + ":debate-prompts";
          localStorage.setItem(key, JSON.stringify({version: 2, motion: "hell-raising", seed: 77, students: 12,
            groups: 3, minutes: 4, args: {"hell-raising": {side: "for", text: "Kept from version 2."}},
            names: "", student: "Candidate 9", namesInExport: false, sound: false}));
        }"""
    )
    page.reload(wait_until="networkidle")
    page.wait_for_selector(f"{W} .cw-motion-title")
    assert page.get_attribute(f"{W} .cw-motion", "data-motion-id") == "hell-raising"
    assert page.input_value(f"{W} .cw-argument") == "Kept from version 2."
    assert page.input_value(f"{W} .cw-student") == "Candidate 9"
    assert "restored" in page.inner_text(f"{W} .cw-save-note")
    page.locator(f"{W} .cw-moment-before input.cw-own-against").check()
    saved = saved_state(page)
    assert saved["version"] == 3
    assert saved["args"]["hell-raising"] == {"side": "for", "text": "Kept from version 2.", "stay": False}
    assert saved["positions"]["hell-raising"]["before"]["own"] == "against"
