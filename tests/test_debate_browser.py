"""Browser tests of the debate prompts widget on the built static site.

Run with a build folder of your own, e.g.
COURSE_TEST_BUILD=/tmp/test-debate .venv/bin/python -m pytest tests/test_debate_browser.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from coproduction_course.debate import DebatePrompts, format_groups
from conftest import load_page, reload_page

ROOT = Path(__file__).resolve().parent.parent
PAGE = "chapters/debate-prompts.html"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
W = ".cw-debate"
TYPED = "My argument 🙂 with right-to-left text: مرحبا بالعالم, שלום. <b>not bold</b> & done."
INERT = '<img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>'


def open_widget(page, site_url):
    load_page(page, f"{site_url}/{PAGE}")
    page.wait_for_selector(f"{W} .cw-motion-title")
    return page.locator(W)


def motion_id(page) -> str:
    return page.get_attribute(f"{W} .cw-motion", "data-motion-id")


def group_lines(page) -> list[str]:
    return page.locator(f"{W} .cw-groups li").all_inner_texts()


def saved_state(page) -> dict:
    raw = page.evaluate(
        "() => { const k = Object.keys(localStorage).find(k => k.endsWith(':debate-prompts'));"
        " return k ? localStorage.getItem(k) : null; }"
    )
    return json.loads(raw) if raw else {}


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching selector has focus (keyboard only)."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {selector} with the Tab key")


# --- rendering -------------------------------------------------------------------

def test_renders_once_without_errors_or_foreign_requests(page, site_url):
    open_widget(page, site_url)
    assert page.locator(W).count() == 1
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    assert page.locator(".course-widget").count() == views == 1
    assert page.locator(".widget-host-error").count() == 0
    assert page.script_errors == []
    assert page.foreign_requests == []
    # Widget content comes from the data file: the first motion and its prompts.
    assert page.inner_text(f"{W} .cw-motion-title") == "This house believes you cannot co-produce your own oppression"
    assert page.locator(f"{W} .cw-prompts-for li").count() >= 3
    assert page.locator(f"{W} .cw-prompts-against li").count() >= 3


def test_motion_select_changes_motion_and_links_resolve(page, site_url, site):
    open_widget(page, site_url)
    page.select_option(f"{W} .cw-motion-select", "forward-view")
    assert motion_id(page) == "forward-view"
    assert "Five Year Forward View" in page.inner_text(f"{W} .cw-motion-title")
    assert "Forward View" in page.inner_text(f"{W} [role=status]")
    assert "[mentalhealthtaskforce2016]" in page.inner_text(f"{W} .cw-sources")
    for option in page.locator(f"{W} .cw-motion-select option").all():
        page.select_option(f"{W} .cw-motion-select", option.get_attribute("value"))
        for href in page.locator(f"{W} .cw-links a").evaluate_all("(as) => as.map(a => a.href)"):
            url = urlparse(href)
            assert href.startswith(site_url + "/chapters/"), href
            target = site / url.path.lstrip("/")
            assert target.exists(), href
            html = target.read_text(encoding="utf-8")
            assert f'id="{url.fragment}"' in html, f"{href}: no element with that id"


def test_shuffle_walks_the_same_order_as_python(page, site_url):
    open_widget(page, site_url)
    order = DebatePrompts(seed=2026).shuffle_order()
    assert page.get_attribute(f"{W} .cw-shuffle", "data-shuffle-order") == " ".join(order)
    # Expected sequence: next in the order, skipping the motion already shown.
    current, pos, expected = motion_id(page), -1, []
    clicks = len(order) + 2  # enough to see every motion, whatever their number
    for _ in range(clicks):
        pos = (pos + 1) % len(order)
        if order[pos] == current:
            pos = (pos + 1) % len(order)
        current = order[pos]
        expected.append(current)
    seen = []
    for _ in range(clicks):
        page.click(f"{W} .cw-shuffle")
        seen.append(motion_id(page))
    assert seen == expected
    assert len(set(seen)) == len(order)


def test_groups_match_python_for_the_same_seed(page, site_url):
    open_widget(page, site_url)
    # A motion where groups are given sides by number (not one marked side_by_choice).
    page.select_option(f"{W} .cw-motion-select", "hell-raising")
    assert group_lines(page) == format_groups(DebatePrompts(seed=2026).assign_groups(24, 4)).splitlines()
    for students, groups, seed in [(31, 5, 77), (2, 2, 0), (200, 7, 4294967295), (9, 9, 12345)]:
        page.fill(f"{W} .cw-students", str(students))
        page.fill(f"{W} .cw-groups-n", str(groups))
        page.fill(f"{W} .cw-seed", str(seed))
        expected = format_groups(DebatePrompts(seed=seed).assign_groups(students, groups)).splitlines()
        assert group_lines(page) == expected
    # A new seed changes the shuffle order too, to Python's order for that seed.
    assert page.get_attribute(f"{W} .cw-shuffle", "data-shuffle-order") == " ".join(
        DebatePrompts(seed=12345).shuffle_order()
    )
    note = page.inner_text(f"{W} .cw-groups-note")
    assert "odd number of groups" in note


@pytest.mark.parametrize(
    "field, value, message",
    [
        (".cw-students", "1", "from 2 to 200"),
        (".cw-students", "201", "from 2 to 200"),
        (".cw-groups-n", "1", "from 2 to 24"),
        (".cw-groups-n", "25", "from 2 to 24"),
        (".cw-seed", "-5", "from 0 to 4294967295"),
    ],
)
def test_group_inputs_are_checked(page, site_url, field, value, message):
    open_widget(page, site_url)
    page.fill(f"{W} {field}", value)
    assert page.get_attribute(f"{W} {field}", "aria-invalid") == "true"
    field_box = page.locator(f"{W} .cw-field", has=page.locator(field))
    assert message in field_box.locator(".cw-error").inner_text()
    assert group_lines(page) == []
    assert "Fix the number" in page.inner_text(f"{W} .cw-groups-note")
    page.fill(f"{W} {field}", {".cw-students": "24", ".cw-groups-n": "4", ".cw-seed": "2026"}[field])
    assert page.get_attribute(f"{W} {field}", "aria-invalid") is None
    assert len(group_lines(page)) == 4


def test_speech_timer(page, site_url):
    page.clock.install()
    open_widget(page, site_url)
    clock = page.locator(f"{W} .cw-clock")
    assert clock.inner_text() == "03:00"
    page.fill(f"{W} .cw-minutes", "1")
    assert clock.inner_text() == "01:00"
    border_before = clock.evaluate("(el) => getComputedStyle(el).borderTopStyle")
    page.click(f"{W} .cw-start")
    assert page.inner_text(f"{W} .cw-start") == "Pause"
    page.clock.run_for(30_000)
    assert clock.inner_text() == "00:30"
    page.click(f"{W} .cw-start")  # pause
    assert page.inner_text(f"{W} .cw-start") == "Resume"
    assert "paused at 00:30" in page.inner_text(f"{W} [role=status]")
    page.clock.run_for(20_000)
    assert clock.inner_text() == "00:30"
    page.click(f"{W} .cw-start")  # resume
    page.clock.run_for(29_000)
    assert clock.inner_text() == "00:01"
    assert page.locator(f"{W} .cw-done-flag").is_hidden()
    page.clock.run_for(2_000)
    assert clock.inner_text() == "00:00"
    assert page.inner_text(f"{W} [role=status]") == "Time's up."
    assert page.get_attribute(f"{W} [role=status]", "aria-live") == "polite"
    flag = page.locator(f"{W} .cw-done-flag")
    assert flag.is_visible() and flag.inner_text() == "Time's up"
    # Seen from the back of a room: very large type across the widget's width.
    assert flag.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)") >= 40
    widget_width = page.locator(W).evaluate("(el) => el.clientWidth")
    assert flag.evaluate("(el) => el.getBoundingClientRect().width") >= 0.8 * widget_width
    # Not colour alone: the clock's border changes style too, and the words appear.
    assert clock.evaluate("(el) => getComputedStyle(el).borderTopStyle") == "double" != border_before
    page.click(f"{W} .cw-reset-timer")
    assert clock.inner_text() == "01:00" and flag.is_hidden()
    assert page.inner_text(f"{W} .cw-start") == "Start"


def test_projector_view_and_full_screen(page, site_url):
    open_widget(page, site_url)
    title = page.locator(f"{W} .cw-motion-title")
    prompt = page.locator(f"{W} .cw-prompts-for li").first
    size = lambda loc: loc.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)")
    before_title, before_prompt = size(title), size(prompt)
    page.click(f"{W} .cw-projector")
    assert page.get_attribute(f"{W} .cw-projector", "aria-pressed") == "true"
    assert "is-projector" in page.get_attribute(W, "class")
    assert size(title) >= 1.5 * before_title and size(prompt) >= 1.4 * before_prompt
    assert size(title) >= 32  # readable at the back of a room
    page.click(f"{W} .cw-projector")
    assert page.get_attribute(f"{W} .cw-projector", "aria-pressed") == "false"
    assert size(title) == before_title
    # Full screen where the browser allows it; otherwise a message and the projector view.
    page.click(f"{W} .cw-fullscreen")
    page.wait_for_function(
        "() => document.fullscreenElement || /not available/.test(document.querySelector('.cw-debate [role=status]').textContent)"
    )
    assert "is-projector" in page.get_attribute(W, "class")
    if page.evaluate("() => !!document.fullscreenElement"):
        assert page.evaluate("() => document.fullscreenElement.classList.contains('cw-debate')")
        page.wait_for_function("() => document.querySelector('.cw-debate .cw-fullscreen').textContent === 'Leave full screen'")
        page.click(f"{W} .cw-fullscreen")
        page.wait_for_function("() => !document.fullscreenElement")
        page.wait_for_function("() => document.querySelector('.cw-debate .cw-fullscreen').textContent === 'Full screen'")


def test_argument_survives_reload_per_motion(page, site_url):
    open_widget(page, site_url)
    page.check(f"{W} .cw-side input[value=against]")
    page.fill(f"{W} .cw-argument", TYPED)
    assert f"{len(TYPED)} characters" in page.inner_text(f"{W} .cw-count")
    page.select_option(f"{W} .cw-motion-select", "hell-raising")
    assert page.input_value(f"{W} .cw-argument") == ""
    page.fill(f"{W} .cw-argument", "A second argument.")
    reload_page(page)
    page.wait_for_selector(f"{W} .cw-motion-title")
    assert motion_id(page) == "hell-raising"  # the chosen motion is remembered too
    assert "restored" in page.inner_text(f"{W} .cw-save-note")
    assert page.input_value(f"{W} .cw-argument") == "A second argument."
    page.select_option(f"{W} .cw-motion-select", "own-oppression")
    assert page.input_value(f"{W} .cw-argument") == TYPED
    assert page.is_checked(f"{W} .cw-side input[value=against]")
    assert saved_state(page)["args"]["own-oppression"] == {"side": "against", "text": TYPED, "stay": False}


def test_export_downloads_the_typed_text(page, site_url):
    open_widget(page, site_url)
    page.click(f"{W} .cw-export-md")
    assert "Nothing to export" in page.inner_text(f"{W} [role=status]")
    page.check(f"{W} .cw-side input[value=for]")
    page.fill(f"{W} .cw-argument", TYPED)
    with page.expect_download() as info:
        page.click(f"{W} .cw-export-md")
    download = info.value
    assert download.suggested_filename == "debate-arguments.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "## This house believes you cannot co-produce your own oppression." in text
    assert "Side: for the motion." in text and TYPED in text
    assert "Course: Co-production in Mental Health." in text
    assert "candidate" not in text.lower()  # no name given, no name line
    # Links are absolute, so they still work in a file handed in later.
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert links and all(link.startswith(f"{site_url}/chapters/") for link in links), links
    page.fill(f"{W} .cw-student", "Candidate 4711")
    with page.expect_download() as info:
        page.click(f"{W} .cw-export-json")
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["course"] == "Co-production in Mental Health" and data["student"] == "Candidate 4711"
    [argument] = data["arguments"]
    assert {k: argument[k] for k in ("motion_id", "motion", "side", "text")} == {
        "motion_id": "own-oppression",
        "motion": "This house believes you cannot co-produce your own oppression",
        "side": "for",
        "text": TYPED,
    }
    assert argument["links"] and all(link["href"].startswith(f"{site_url}/chapters/") for link in argument["links"])
    assert "groups" not in data


def test_typed_html_stays_inert(page, site_url):
    open_widget(page, site_url)
    page.fill(f"{W} .cw-argument", INERT)
    reload_page(page)
    page.wait_for_selector(f"{W} .cw-motion-title")
    assert page.input_value(f"{W} .cw-argument") == INERT
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator(f"{W} img, {W} script").count() == 0
    # Saved data is data: HTML in a crafted saved motion title cannot reach the page either.
    with page.expect_download() as info:
        page.click(f"{W} .cw-export-md")
    assert INERT in Path(info.value.path()).read_text(encoding="utf-8")
    assert page.evaluate("() => window.__pwned") is None
    assert page.script_errors == []


def test_100000_characters_emoji_and_rtl_survive_reload(page, site_url):
    open_widget(page, site_url)
    chunk = "Reciprocity 🙂 مرحبا שלום "
    long_text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    page.fill(f"{W} .cw-argument", long_text)
    assert "100000 characters" in page.inner_text(f"{W} .cw-count")
    reload_page(page)
    page.wait_for_selector(f"{W} .cw-motion-title")
    assert page.input_value(f"{W} .cw-argument") == long_text
    assert page.get_attribute(f"{W} .cw-argument", "dir") == "auto"
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width <= page.viewport_size["width"]


def test_clear_asks_first_inline(page, site_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_widget(page, site_url)
    page.fill(f"{W} .cw-argument", "Keep me.")
    page.click(f"{W} .cw-clear")
    assert page.locator(f"{W} .cw-confirm").is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('cw-clear-no')")
    page.click(f"{W} .cw-clear-no")
    assert page.locator(f"{W} .cw-confirm").is_hidden()
    assert page.input_value(f"{W} .cw-argument") == "Keep me."
    page.click(f"{W} .cw-clear")
    page.click(f"{W} .cw-clear-yes")
    assert page.input_value(f"{W} .cw-argument") == ""
    assert "cleared" in page.inner_text(f"{W} [role=status]")
    reload_page(page)
    page.wait_for_selector(f"{W} .cw-motion-title")
    assert page.input_value(f"{W} .cw-argument") == ""
    assert dialogs == []  # no window.confirm


def test_keyboard_only(page, site_url):
    open_widget(page, site_url)
    page.get_by_text("Use the tab key to move between").click()  # start from the text above the widget
    tab_to(page, f"{W} .cw-motion-select")
    page.keyboard.press("ArrowDown")
    assert motion_id(page) == "anabolic-steroids"
    tab_to(page, f"{W} .cw-shuffle")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible
    page.keyboard.press("Enter")
    assert motion_id(page) == DebatePrompts().shuffle_order()[0]
    tab_to(page, f"{W} .cw-projector")
    page.keyboard.press("Space")
    assert page.get_attribute(f"{W} .cw-projector", "aria-pressed") == "true"
    tab_to(page, f"{W} .cw-students")
    page.keyboard.press("Control+A")
    page.keyboard.type("10")
    tab_to(page, f"{W} .cw-groups-n")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    by_choice = DebatePrompts(motion_id=motion_id(page)).motion.get("side_by_choice", False)
    assert group_lines(page) == format_groups(DebatePrompts().assign_groups(10, 2), by_choice=by_choice).splitlines()
    tab_to(page, f"{W} .cw-start")
    page.keyboard.press("Enter")
    assert page.inner_text(f"{W} .cw-start") == "Pause"
    page.keyboard.press("Enter")
    tab_to(page, f"{W} .cw-side input[value=for]")
    page.keyboard.press("Space")
    assert page.is_checked(f"{W} .cw-side input[value=for]")
    page.keyboard.press("ArrowRight")  # radio group: arrows move the choice
    assert page.is_checked(f"{W} .cw-side input[value=against]")
    tab_to(page, f"{W} .cw-argument")
    page.keyboard.type("Typed with the keyboard only.")
    tab_to(page, f"{W} .cw-clear")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # focus is on "Keep my work"
    assert page.input_value(f"{W} .cw-argument") == "Typed with the keyboard only."
    state = saved_state(page)
    assert state["args"][motion_id(page)] == {"side": "against", "text": "Typed with the keyboard only.", "stay": False}


def test_controls_are_labelled(page, site_url):
    open_widget(page, site_url)
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('.cw-debate input, .cw-debate select, .cw-debate textarea')]
              .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
              .map(el => el.outerHTML)"""
    )
    assert unlabelled == []
    names = page.locator(f"{W} button").all_inner_texts()
    assert all(n.strip() for n in names)


def test_more_controls_change_what_is_shown(page, site_url):
    open_widget(page, site_url)
    page.fill(f"{W} .cw-minutes", "7")
    assert page.inner_text(f"{W} .cw-clock") == "07:00"
    page.fill(f"{W} .cw-argument", "one two three")
    assert page.inner_text(f"{W} .cw-count").startswith("3 words")
    before = group_lines(page)
    page.fill(f"{W} .cw-seed", "9")
    assert group_lines(page) != before
    page.click(f"{W} .cw-side input[value=for]")
    assert "Your side: for" in page.inner_text(f"{W} [role=status]")


def test_phone_width_has_no_horizontal_scroll(phone_page, site_url):
    open_widget(phone_page, site_url)
    width = lambda: phone_page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width() <= 375
    phone_page.click(f"{W} .cw-projector")
    assert width() <= 375
    phone_page.fill(f"{W} .cw-argument", "x" * 3000 + " " + "مرحبا" * 200)
    phone_page.fill(f"{W} .cw-students", "200")
    phone_page.fill(f"{W} .cw-groups-n", "3")
    assert width() <= 375
    for option in ("transformative-mainstream", "forward-view"):
        phone_page.select_option(f"{W} .cw-motion-select", option)
        assert width() <= 375


def test_axe_finds_no_wcag_aa_violation_in_the_widget(page, site_url):
    assert AXE.exists(), "axe-core is not installed: run `make setup` (npm ci)"
    open_widget(page, site_url)
    page.add_script_tag(path=str(AXE))
    run = """async () => (await axe.run(document.querySelector('.cw-debate'),
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }))
        .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    assert page.evaluate(run) == []
    page.click(f"{W} .cw-projector")
    page.fill(f"{W} .cw-students", "1")  # an error message on show
    page.click(f"{W} .cw-clear")  # the inline confirm on show
    assert page.evaluate(run) == []
    page.evaluate("() => document.documentElement.setAttribute('data-theme', 'dark')")
    assert page.evaluate(run) == []


# --- a class list: names in the groups (issue 13) ---------------------------------------
CLASS = ["Ana", "Ben", "Chidi", "Dilys", "Eshan", "Fern", "Gwen"]


def test_a_pasted_class_list_gives_named_groups_matching_python(page, site_url):
    open_widget(page, site_url)
    page.select_option(f"{W} .cw-motion-select", "hell-raising")
    page.fill(f"{W} .cw-groups-n", "3")
    page.fill(f"{W} .cw-seed", "2026")
    page.fill(f"{W} .cw-names", "\n".join(CLASS) + "\n\n")
    expected = format_groups(DebatePrompts(seed=2026).assign_groups(len(CLASS), 3), CLASS).splitlines()
    assert group_lines(page) == expected
    assert "Ana" in " ".join(group_lines(page))
    assert page.input_value(f"{W} .cw-students") == "7"  # the number follows the list
    # The same draw number gives the same named groups after a reload (the list stays on this device).
    reload_page(page)
    page.wait_for_selector(f"{W} .cw-groups li")
    assert group_lines(page) == expected
    assert page.input_value(f"{W} .cw-names").splitlines()[:7] == CLASS
    # One button clears it, here and in storage.
    page.click(f"{W} .cw-names-clear")
    assert page.input_value(f"{W} .cw-names") == ""
    assert not any(name in line for line in group_lines(page) for name in CLASS)
    assert saved_state(page)["names"] == ""
    assert "cleared" in page.inner_text(f"{W} [role=status]")


def test_the_class_list_is_never_exported_unless_chosen(page, site_url):
    open_widget(page, site_url)
    page.fill(f"{W} .cw-names", "\n".join(CLASS))
    page.fill(f"{W} .cw-argument", "An argument.")
    for button in (".cw-export-md", ".cw-export-json"):
        with page.expect_download() as info:
            page.click(f"{W} {button}")
        text = Path(info.value.path()).read_text(encoding="utf-8")
        assert not any(name in text for name in CLASS), button
    page.check(f"{W} .cw-names-export")
    with page.expect_download() as info:
        page.click(f"{W} .cw-export-json")
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["groups"] == group_lines(page)
    assert any("Ana" in line for line in data["groups"])


# --- projector view and Escape (issue 13) ---------------------------------------------------
def test_projector_view_uses_the_whole_width_and_escape_leaves_it(browser, site_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    try:
        open_widget(page, site_url)
        button = page.locator(f"{W} .cw-projector")
        before = page.locator(W).evaluate("(el) => el.getBoundingClientRect().width")
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        width = page.locator(W).evaluate("(el) => el.getBoundingClientRect().width")
        screen = page.evaluate("document.documentElement.clientWidth")  # the window less its scroll bar
        assert width >= 0.93 * screen > before, (before, width, screen)
        assert page.locator(".bd-sidebar-primary").is_hidden()
        page.locator(f"{W} .cw-motion-select").focus()
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-pressed") == "false"
        assert "is-projector" not in page.get_attribute(W, "class")
        assert page.evaluate("document.activeElement.classList.contains('cw-projector')")
        assert page.locator(W).evaluate("(el) => el.getBoundingClientRect().width") == before
    finally:
        ctx.close()


def test_escape_closes_the_clear_confirmation(page, site_url):
    open_widget(page, site_url)
    page.fill(f"{W} .cw-argument", "Keep this.")
    page.click(f"{W} .cw-clear")
    confirm = page.locator(f"{W} .cw-confirm")
    assert confirm.is_visible()
    page.keyboard.press("Escape")
    assert confirm.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('cw-clear')")
    assert page.get_attribute(f"{W} .cw-clear", "aria-expanded") == "false"
    assert page.input_value(f"{W} .cw-argument") == "Keep this."
    assert "Nothing was cleared" in page.inner_text(f"{W} [role=status]")


# --- the view alone, outside the book --------------------------------------------------------
def render_bare(page, view_js: str, state: dict, origin: str | None = None) -> None:
    """Draw a view with a minimal model, as a host does; window.__cleanup removes it.
    With an origin (the test site) the page has browser storage."""
    if origin:
        page.goto(f"{origin}/_static/")
    page.set_content('<!doctype html><html lang="en"><head><title>t</title></head><body><div id="w"></div></body></html>')
    page.evaluate(
        """async ([source, state]) => {
          const counts = { add: 0, remove: 0 };
          for (const [name, key] of [["addEventListener", "add"], ["removeEventListener", "remove"]]) {
            const original = document[name].bind(document);
            document[name] = (type, ...rest) => { if (type === "fullscreenchange" || type === "keydown") counts[key] += 1; return original(type, ...rest); };
          }
          window.__counts = counts;
          const handlers = {};
          const model = {
            get: (k) => state[k], save_changes() {}, send() {},
            set: (k, v) => { const old = state[k]; state[k] = v; if (old !== v) (handlers["change:" + k] || []).forEach((f) => f(v)); },
            on: (e, f) => (handlers[e] = (handlers[e] || []).concat(f)),
            off: (e, f) => (handlers[e] = (handlers[e] || []).filter((g) => g !== f)),
          };
          const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
          const widget = (await import(url)).default;
          window.__cleanup = await widget.render({ model, el: document.getElementById("w") });
        }""",
        [view_js, state],
    )


def test_removing_the_view_removes_its_document_listeners(page):
    widget = DebatePrompts(storage_key="bare")
    state = {k: getattr(widget, k) for k in ("motions_data", "motion_id", "seed", "ui", "course_title", "storage_key", "side", "argument")}
    render_bare(page, widget._esm, state)
    added = page.evaluate("window.__counts.add")
    assert added >= 2  # fullscreenchange, and Escape for projector view
    page.evaluate("window.__cleanup()")
    assert page.evaluate("window.__counts.remove") == added
