"""The barrier checklist on the built static site, in Debian's chromium (Playwright).

Uses the fixtures in tests/conftest.py (site_url, page, phone_page). Run alone with
``COURSE_TEST_BUILD=/tmp/test-checklist .venv/bin/python -m pytest tests/test_checklist_browser.py``.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path


from coproduction_course.checklist import BarrierChecklist, load_content, score, to_markdown
from coproduction_course.content import ui_text
from conftest import load_page, reload_page

PAGE = "chapters/barrier-checklist.html"
VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
KEY = "coproduction-course:v1:/chapters/barrier-checklist.html:barrier-checklist"
HOSTILE = '<script>window.__pwned = 1</script><img src="x-hostile.png" onerror="window.__pwned = 2">'
BARRIERS = load_content("barriers")
# Every indicator in the barriers checklist (the four barriers and the four chapter-6 groups).
N_BARRIER_INDICATORS = sum(len(g["indicators"]) for g in BARRIERS["groups"])
PRINCIPLES = load_content("principles")


def open_checklist(page, site_url):
    load_page(page, f"{site_url}/{PAGE}")
    page.wait_for_function("document.querySelectorAll('.cwc').length >= 3", timeout=15000)
    return page.locator(".cwc")


def rate(widget, indicator_id, value):
    widget.locator(f'fieldset[data-indicator="{indicator_id}"] input[data-value="{value}"]').check()


def js_scores(widget, content):
    """The scores the view computed, read from its data attributes."""
    groups = []
    for group in content["groups"]:
        box = widget.locator(f'[data-feedback="{group["id"]}"]')
        percent = box.get_attribute("data-percent")
        groups.append({
            "id": group["id"],
            "rated": int(box.get_attribute("data-rated")),
            "total": len(group["indicators"]),
            "score": int(box.get_attribute("data-score")),
            "max": int(box.get_attribute("data-max")),
            "percent": int(percent) if percent else None,
            "band": box.get_attribute("data-band"),
        })
    profile = widget.locator('[data-role="profile"]')
    percent = profile.get_attribute("data-percent")
    overall = {
        "rated": int(profile.get_attribute("data-rated")),
        "total": sum(len(g["indicators"]) for g in content["groups"]),
        "score": int(profile.get_attribute("data-score")),
        "max": int(profile.get_attribute("data-max")),
        "percent": int(percent) if percent else None,
        "band": profile.get_attribute("data-band"),
        "position": profile.get_attribute("data-position") or None,
    }
    return {"groups": groups, "overall": overall}


SHOWN = ("id", "rated", "total", "score", "max", "percent", "band")


def python_scores(content, ratings, notes=None):
    """The scores, limited to what the view writes into its data attributes."""
    s = score(content, ratings, notes)
    return {
        "groups": [{k: g[k] for k in SHOWN} for g in s["groups"]],
        "overall": {k: s["overall"][k] for k in (*SHOWN[1:], "position")},
    }


def write_evidence(widget, content, text="Seen at the March meeting."):
    for group in content["groups"]:
        widget.locator(f'textarea[data-note="{group["id"]}"]').fill(text)


def download_text(page, widget, action):
    with page.expect_download() as info:
        widget.locator(f'button[data-action="{action}"]').click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


def test_renders_once_per_output_and_stays_on_the_site(page, site_url):
    widgets = open_checklist(page, site_url)
    page.wait_for_timeout(300)
    assert page.locator(VIEW).count() == 3
    assert page.locator(".course-widget").count() == 3
    for i in range(3):
        assert page.locator(".course-widget").nth(i).locator(".cwc").count() == 1
    assert [widgets.nth(i).get_attribute("data-mode") for i in range(3)] == ["barriers", "principles", "barriers"]
    assert page.locator(".widget-host-error").count() == 0
    # The first instance starts empty; the worked example shows its ratings.
    assert widgets.nth(0).locator('input[data-value=""]:checked').count() == N_BARRIER_INDICATORS
    assert widgets.nth(2).locator('[data-role="profile"]').get_attribute("data-position") == "doing-for"
    assert page.foreign_requests == []
    assert page.script_errors == []


def test_every_control_changes_what_the_student_sees(page, site_url):
    widgets = open_checklist(page, site_url)
    for widget, content in ((widgets.nth(0), BARRIERS), (widgets.nth(1), PRINCIPLES)):
        for group in content["groups"]:
            box = widget.locator(f'[data-feedback="{group["id"]}"]')
            for indicator in group["indicators"]:
                for value in ("0", "1", "2"):
                    before = box.inner_text()
                    chart = widget.locator("svg.cwc-chart").get_attribute("aria-label")
                    rate(widget, indicator["id"], value)
                    assert box.inner_text() != before, f"{indicator['id']}={value} changed nothing"
                    # one indicator rated at a time: not rated -> 0% -> 50% -> 100%
                    assert widget.locator("svg.cwc-chart").get_attribute("aria-label") != chart
                rate(widget, indicator["id"], "")  # back to unanswered
            assert box.get_attribute("data-band") == "none"
            assert group["feedback"]["none"] in box.inner_text()
        # the notes box and the initiative box
        note = widget.locator("textarea").first
        note.fill("Seen at the March meeting")
        assert note.input_value() == "Seen at the March meeting"
        widget.locator('input[data-role="initiative"]').fill("My forum")
        assert widget.locator('[data-role="initiative-shown"]').inner_text() == "My forum"
    # feedback text, link and seminar question for each barrier
    first = widgets.nth(0)
    for group in BARRIERS["groups"]:
        rate(first, group["indicators"][0]["id"], "2")
        box = first.locator(f'[data-feedback="{group["id"]}"]')
        text = box.inner_text()
        assert group["feedback"]["high"] in text and group["question"] in text
        href = box.locator("a").get_attribute("href")
        assert href == f"{site_url}/{group['link']['href']}"
    # the position appears once every barrier is rated and has an evidence note,
    # marked with text as well as style
    profile = first.locator('[data-role="profile"]')
    assert profile.get_attribute("data-position") == ""
    assert "Still needed" in profile.locator('[data-role="position-text"]').inner_text()
    write_evidence(first, BARRIERS)
    assert profile.get_attribute("data-position") == "doing-to"
    assert 'not the same as "doing with"' in profile.inner_text()
    current = profile.locator('li[aria-current="true"]')
    assert current.count() == 1 and BARRIERS["ui"]["position_marker"] in current.inner_text()
    assert "Doing to" in current.inner_text()
    assert profile.locator("a").get_attribute("href") == f"{site_url}/chapters/04-nef-review-for-mind.html#doing-to-for-with"
    assert "Resistance to change: 1 of 5 seen" in first.locator("svg.cwc-chart").get_attribute("aria-label")
    assert first.locator("svg.cwc-chart").get_attribute("role") == "img"
    assert "1 of 5 seen" in first.locator("svg.cwc-chart").text_content()  # values drawn as text too
    assert "%" not in first.inner_text()  # counts, not percentages
    # the live region announces feedback changes
    rate(first, "res-short-term", "0")
    assert "Institutional resistance to change" in first.locator('[role="status"]').inner_text()
    assert page.script_errors == []


def test_linked_sections_exist(page, site_url):
    widgets = open_checklist(page, site_url)
    hrefs = {a.get_attribute("href") for a in widgets.nth(0).locator("a").all()}
    hrefs |= {a.get_attribute("href") for a in widgets.nth(1).locator("a").all()}
    assert len(hrefs) == 10  # four barriers, four chapter-6 groups, one for the six characteristics, the position
    for href in sorted(hrefs):
        url, anchor = href.split("#")
        page.goto(url)
        assert page.locator(f'[id="{anchor}"]').count() == 1, f"{href}: no such section"


def test_reset_asks_first(page, site_url):
    widget = open_checklist(page, site_url).nth(0)
    rate(widget, "con-jargon", "2")
    widget.locator("textarea").first.fill("keep me")
    widget.locator('button[data-action="reset"]').click()
    confirm = widget.locator(".cwc-confirm")
    assert confirm.is_visible()
    assert widget.locator("textarea").first.input_value() == "keep me"
    widget.locator('button[data-action="reset-cancel"]').click()
    assert not confirm.is_visible()
    assert widget.locator("textarea").first.input_value() == "keep me"
    # Escape closes the confirmation too, keeps everything, and returns focus.
    widget.locator('button[data-action="reset"]').click()
    assert confirm.is_visible()
    page.keyboard.press("Escape")
    assert not confirm.is_visible()
    assert page.evaluate("document.activeElement.dataset.action") == "reset"
    assert widget.locator('button[data-action="reset"]').get_attribute("aria-expanded") == "false"
    assert widget.locator("textarea").first.input_value() == "keep me"
    widget.locator('button[data-action="reset"]').click()
    widget.locator('button[data-action="reset-yes"]').click()
    assert widget.locator("textarea").first.input_value() == ""
    assert widget.locator('input[data-value=""]:checked').count() == N_BARRIER_INDICATORS
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
    reload_page(page)
    widget = open_checklist(page, site_url).nth(0)
    assert widget.locator('input[data-value=""]:checked').count() == N_BARRIER_INDICATORS


def test_answers_survive_reload(page, site_url):
    widget = open_checklist(page, site_url).nth(0)
    widget.locator('input[data-role="initiative"]').fill("Forum 🌱 מנהלים")
    rate(widget, "res-same-routines", "2")
    rate(widget, "avo-anger-symptom", "1")
    rate(widget, "con-jargon", "0")
    widget.locator('textarea[data-note="procedure"]').fill("line one\nline two")
    before = js_scores(widget, BARRIERS)
    reload_page(page)
    widget = open_checklist(page, site_url).nth(0)
    assert widget.locator('input[data-role="initiative"]').input_value() == "Forum 🌱 מנהלים"
    assert widget.locator('fieldset[data-indicator="res-same-routines"] input[data-value="2"]').is_checked()
    assert widget.locator('fieldset[data-indicator="avo-anger-symptom"] input[data-value="1"]').is_checked()
    assert widget.locator('fieldset[data-indicator="con-jargon"] input[data-value="0"]').is_checked()
    assert widget.locator('textarea[data-note="procedure"]').input_value() == "line one\nline two"
    assert js_scores(widget, BARRIERS) == before
    # the other instances keep their own answers
    assert open_checklist(page, site_url).nth(1).locator('input[data-value=""]:checked').count() == 18
    assert page.script_errors == []


def test_scores_and_exports_agree_with_python(page, site_url):
    widgets = open_checklist(page, site_url)
    rng = random.Random(20160801)
    for widget, content, mode in ((widgets.nth(0), BARRIERS, "barriers"), (widgets.nth(1), PRINCIPLES, "principles")):
        ratings: dict[str, int] = {}
        ids = [i["id"] for g in content["groups"] for i in g["indicators"]]
        for round_ in range(4):
            for indicator_id in rng.sample(ids, 6):
                value = rng.choice(["", "0", "1", "2"])
                rate(widget, indicator_id, value)
                if value == "":
                    ratings.pop(indicator_id, None)
                else:
                    ratings[indicator_id] = int(value)
            assert js_scores(widget, content) == python_scores(content, ratings), f"{mode} round {round_}"
        # every group rated: a position both sides agree on
        for group in content["groups"]:
            rate(widget, group["indicators"][0]["id"], "1")
            ratings[group["indicators"][0]["id"]] = 1
        write_evidence(widget, content)
        notes = {g["id"]: "Seen at the March meeting." for g in content["groups"]}
        expected = python_scores(content, ratings, notes)
        assert expected["overall"]["position"] is not None
        assert js_scores(widget, content) == expected
        widget.locator('input[data-role="initiative"]').fill("Agreement test")
        widget.locator("textarea").first.fill("first\n\n  indented <b>bold</b>")
        python = BarrierChecklist(mode=mode, initiative="Agreement test")
        for key, value in ratings.items():
            python.set_rating(key, value)
        for group_id, note in notes.items():
            python.set_note(group_id, note)
        python.set_note(content["groups"][0]["id"], "first\n\n  indented <b>bold</b>")
        name, text = download_text(page, widget, "markdown")
        assert name.endswith(".md") and "agreement-test" in name
        # The page's links are absolute, from the site's address.
        assert text == to_markdown(content, ui_text("checklist"), "Agreement test", python.ratings, python.notes, f"{site_url}/")
        name, text = download_text(page, widget, "json")
        assert name.endswith(".json")
        assert json.loads(text) == python.as_dict()


def test_export_downloads_what_was_entered(page, site_url):
    widget = open_checklist(page, site_url).nth(0)
    widget.locator('input[data-role="initiative"]').fill("Export forum")
    rate(widget, "proc-risk-veto", "2")
    widget.locator('textarea[data-note="avoidance"]').fill("The minutes said 'concerns'.")
    name, text = download_text(page, widget, "markdown")
    assert name == "barrier-checklist-export-forum.md"
    assert "**Initiative you are assessing:** Export forum" in text
    assert "without the risk being explained or discussed with them. **Clearly**" in text
    assert "> The minutes said 'concerns'." in text
    name, text = download_text(page, widget, "json")
    data = json.loads(text)
    assert name == "barrier-checklist-export-forum.json"
    assert data["initiative"] == "Export forum"
    assert data["ratings"] == {"proc-risk-veto": 2}
    assert data["notes"] == {"avoidance": "The minutes said 'concerns'."}
    # Issue 13: the course title, an optional name or candidate number, absolute links.
    assert data["course"] == "Co-production in Mental Health" and data["student"] == ""
    assert "Course: Co-production in Mental Health." in text_md(page, widget) and "candidate" not in text_md(page, widget).lower()
    widget.locator('input[data-role="student"]').fill("Candidate 4711")
    text = text_md(page, widget)
    assert "Name or candidate number: Candidate 4711." in text
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert links and all(link.startswith(f"{site_url}/chapters/") for link in links), links
    assert json.loads(download_text(page, widget, "json")[1])["student"] == "Candidate 4711"
    reload_page(page)  # kept with the answers in this browser
    widget = open_checklist(page, site_url).nth(0)
    assert widget.locator('input[data-role="student"]').input_value() == "Candidate 4711"


def text_md(page, widget):
    return download_text(page, widget, "markdown")[1]


def test_typed_markup_stays_inert_and_is_shown_as_text(page, site_url):
    requested = []
    page.on("request", lambda req: requested.append(req.url))
    widget = open_checklist(page, site_url).nth(0)
    widget.locator('input[data-role="initiative"]').fill(HOSTILE)
    widget.locator('textarea[data-note="resistance"]').fill(HOSTILE)
    shown = widget.locator('[data-role="initiative-shown"]')
    assert shown.inner_text() == HOSTILE
    reload_page(page)
    widget = open_checklist(page, site_url).nth(0)
    page.wait_for_timeout(300)
    assert widget.locator('[data-role="initiative-shown"]').inner_text() == HOSTILE
    assert widget.locator('textarea[data-note="resistance"]').input_value() == HOSTILE
    assert widget.locator("img, script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not any("x-hostile" in url for url in requested)
    _, text = download_text(page, widget, "markdown")
    assert HOSTILE in text
    assert page.script_errors == []


def test_keyboard_only(page, site_url):
    widget = open_checklist(page, site_url).nth(0)
    widget.locator('input[data-role="initiative"]').focus()
    page.keyboard.type("Typed with keys")
    page.keyboard.press("Tab")  # into the first indicator's radio group
    focused = page.evaluate("document.activeElement.closest('fieldset').dataset.indicator")
    assert focused == "res-same-routines"
    page.keyboard.press("ArrowRight")  # Not seen
    page.keyboard.press("ArrowRight")  # Partly
    page.keyboard.press("ArrowRight")  # Clearly
    assert widget.locator('fieldset[data-indicator="res-same-routines"] input[data-value="2"]').is_checked()
    page.keyboard.press("ArrowLeft")  # Partly
    assert widget.locator('fieldset[data-indicator="res-same-routines"] input[data-value="1"]').is_checked()
    page.keyboard.press("Tab")  # next indicator
    page.keyboard.press("ArrowRight")
    assert widget.locator('fieldset[data-indicator="res-short-term"] input[data-value="0"]').is_checked()
    box = widget.locator('[data-feedback="resistance"]')
    assert box.get_attribute("data-score") == "1" and box.get_attribute("data-rated") == "2"
    # Tab on to the notes box and type
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
            break
    page.keyboard.type("Noted by keyboard")
    assert widget.locator('textarea[data-note="resistance"]').input_value() == "Noted by keyboard"
    # Tab to Reset, open the confirmation with Space, go back to Yes and press Space
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action") == "reset":
            break
    assert page.evaluate("document.activeElement.dataset.action") == "reset"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.dataset.action") == "reset-cancel"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "reset-yes"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.dataset.action") == "reset"
    assert widget.locator('input[data-value=""]:checked').count() == N_BARRIER_INDICATORS
    assert widget.locator('[role="status"]').inner_text() == BARRIERS["ui"]["reset_done"]


def test_controls_are_labelled(page, site_url):
    widget = open_checklist(page, site_url).nth(0)
    assert widget.locator("fieldset").count() == N_BARRIER_INDICATORS
    assert widget.locator("fieldset > legend").count() == N_BARRIER_INDICATORS
    for textarea in widget.locator("textarea").all():
        label = widget.locator(f'label[for="{textarea.get_attribute("id")}"]')
        assert label.count() == 1 and label.inner_text()
    assert widget.locator('[role="status"][aria-live="polite"]').count() == 1
    for radio in widget.locator('input[type="radio"]').all()[:8]:
        assert radio.evaluate("el => el.closest('label').textContent.trim().length > 0")


def test_corrupt_saved_answers_are_ignored_with_a_message(page, site_url):
    open_checklist(page, site_url)
    for bad in ("{not json", json.dumps([1, 2]), json.dumps({"version": 1, "initiative": 3, "ratings": {}, "notes": {}}),
                json.dumps({"version": 1, "initiative": "", "ratings": {"res-short-term": 7}, "notes": {}})):
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, bad])
        reload_page(page)
        widget = open_checklist(page, site_url).nth(0)
        notice = widget.locator(".cw-notice").first
        assert notice.is_visible(), bad
        assert notice.inner_text() == BARRIERS["ui"]["corrupt_saved"]
        rate(widget, "res-short-term", "1")  # still works, and saving repairs the store
        assert widget.locator('[data-feedback="resistance"]').get_attribute("data-score") == "1"
    assert page.script_errors == []


def test_a_100000_character_note_survives_reload(page, site_url):
    widget = open_checklist(page, site_url).nth(0)
    unit = "Word ✊🏽 كلمة שלום "
    note = (unit * (100_000 // len(unit) + 1))[:100_000]
    assert len(note) == 100_000
    widget.locator('textarea[data-note="conformity"]').fill(note)
    reload_page(page)
    widget = open_checklist(page, site_url).nth(0)
    assert widget.locator('textarea[data-note="conformity"]').input_value() == note
    box = widget.locator('textarea[data-note="conformity"]').bounding_box()
    assert box["height"] <= 20 * 16 + 40  # textarea max-height keeps the page usable
    _, text = download_text(page, widget, "markdown")
    assert "> " + note in text


def test_fits_a_375px_phone(phone_page, site_url):
    widgets = open_checklist(phone_page, site_url)
    assert phone_page.evaluate("document.scrollingElement.scrollWidth") <= 375
    widget = widgets.nth(0)
    long_word = "Unbrokenwordwithoutanyspaces" * 60
    widget.locator('input[data-role="initiative"]').fill(long_word[:900])
    widget.locator('textarea[data-note="resistance"]').fill(long_word + " مرحبا بالعالم 🌍" * 50)
    for group in BARRIERS["groups"]:
        rate(widget, group["indicators"][0]["id"], "2")
    assert phone_page.evaluate("document.scrollingElement.scrollWidth") <= 375
    width = widget.evaluate("el => el.getBoundingClientRect().right")
    assert width <= 375
    reload_page(phone_page)
    open_checklist(phone_page, site_url)
    assert phone_page.evaluate("document.scrollingElement.scrollWidth") <= 375


# --- one case at a time: a checklist folded into a disclosure (issue 9) ---------------
def test_a_collapsed_checklist_opens_keeps_answers_and_prints_complete(page, site_url):
    from test_debate_browser import render_bare

    widget = BarrierChecklist(storage_key="case-1", collapsed=True)
    state = {k: getattr(widget, k) for k in ("content", "mode", "initiative", "ratings", "notes", "ui", "collapsed", "storage_key")}
    render_bare(page, widget._esm, state, site_url)
    details = page.locator("details.cwc-disclosure")
    assert details.count() == 1 and not details.evaluate("(d) => d.open")
    assert page.locator("fieldset").first.is_hidden()  # one case at a time: the page stays short
    summary = page.locator("details.cwc-disclosure > summary")
    assert summary.inner_text() == f"Open the checklist for this case (0 of {N_BARRIER_INDICATORS} indicators answered)"
    summary.click()
    rate(page.locator(".cwc"), "res-same-routines", "2")
    summary.click()  # closed again: the answer is kept and counted
    assert f"(1 of {N_BARRIER_INDICATORS} indicators answered)" in summary.inner_text()
    assert page.evaluate("JSON.parse(Object.entries(localStorage).find(([k]) => k.endsWith(':case-1'))[1]).ratings") == {"res-same-routines": 2}
    # Printing opens every disclosure, so the printed page is complete; afterwards it closes again.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert details.evaluate("(d) => d.open") and page.locator("fieldset").first.is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not details.evaluate("(d) => d.open")
    # The title stays outside the disclosure, so the case's heading and landmark still name it.
    assert page.locator("section.cwc > h3").count() == 1
