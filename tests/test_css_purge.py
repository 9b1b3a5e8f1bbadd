"""The theme's stylesheets cut to the rules the pages use (``_ext/course_css_purge.py``,
issue 17) take away nothing a page can use.

The purge keeps, beside the site, the list of selectors it removed. Pages of both
editions are opened at a phone's width and a laptop's, and brought into each state a
reader can bring about: dark mode, widgets used, search results shown, the download
menu open, a tooltip shown, the search dialog open, scrolled to the end (the "Back to
top" button, the contents' current section), the phone's site menu and "On this page"
open. In each
state every removed selector is tried against the page: none may match an element.
User-action states (``:hover``, ``:focus-visible``, ``:checked``...) and pseudo-elements
are taken off the selector first, so a rule for a hovered link counts as matching any
link: the test errs towards "still needed", never the other way.

A selector the browser cannot read even so fails the test too (it was not checked).
The negative controls cut the same stylesheet with names missing (the dropdown's
``show``, and the names Bootstrap builds at run time, ``bs-tooltip-auto``) and check
that the states find the rules that then go.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT, load_page, wait_for_search_results

sys.path.insert(0, str(ROOT / "_ext"))
from course_css_purge import DROPPED, KEPT, MARK, Names, names_in_site, purge_css  # noqa: E402

# What a page holds as built is covered by the purge's own scan (a name on any page
# keeps its rules); what these tests add is the states scripts bring about, which are
# the same on every page of a kind. So a page of each kind: the home page, the search
# page showing results, the learning log (drawn by its script), a page with all three
# widgets; in the tutor edition, cut by its own pages, a seminar plan and the case notes.
PAGES = {
    "student": ["intro.html", "search.html?q=co-production", "learning-log.html", "exercises/ch05-exercises.html"],
    "tutor": ["exercises/tutor/case-notes.html", "exercises/tutor/ch02-seminar.html"],
}
WIDTHS = (375, 1280)

# The part of a selector that says when (a user action, a form state) or which part of
# the element (a pseudo-element), taken off before trying it: what is left matches
# whenever the rule could apply.
WHEN = (r"::?(?:before|after|placeholder|selection|marker|first-line|first-letter|backdrop|file-selector-button"
        r"|-webkit-[\w-]+|-moz-[\w-]+|-ms-[\w-]+)(?:\([^()]*\))?"
        r"|:(?:hover|focus-visible|focus-within|focus|active|visited|link|any-link|checked|disabled|enabled"
        r"|indeterminate|invalid|valid|placeholder-shown|autofill|target|read-only|read-write|required|optional"
        r"|popover-open|modal|fullscreen|user-invalid|user-valid|default|in-range|out-of-range|open|closed)(?![\w-])")

# Every removed selector that matches something, in the page as it is now; and those
# the browser could not read even without their "when" part.
MATCHING = """([selectors, when]) => {
    const strip = new RegExp(when, 'g'), has = new RegExp(when), matched = [], unread = [];
    // A :not() naming a state goes whole (what is left matches more, never less);
    // a state or pseudo-element standing alone in its compound becomes *.
    const bares = selectors.map(selector => [selector, selector
        .replace(/:not\\(([^()]*)\\)/g, (m, inner) => has.test(inner) ? '' : m)
        .replace(strip, (m, at, all) => (at === 0 || /[\\s>+~(,]$/.test(all.slice(0, at))) ? '*' : '')]);
    const matches = bare => { try { return !!document.querySelector(bare); } catch (e) { return null; } };
    // Many at once (a selector list matches if any of its selectors does); one by one
    // only within a batch that matches something or that the browser cannot read.
    for (let i = 0; i < bares.length; i += 400) {
        const batch = bares.slice(i, i + 400);
        if (matches(batch.map(([, bare]) => bare).join(',')) === false) continue;
        for (const [selector, bare] of batch) {
            const found = matches(bare);
            if (found) matched.push(selector);
            else if (found === null) unread.push(selector + ' (tried as ' + bare + ')');
        }
    }
    return {matched, unread};
}"""


def _removed(site: Path) -> list[str]:
    path = site.parent / KEPT / DROPPED
    assert path.exists(), f"the purge left no list of removed selectors at {path}"
    dropped = json.loads(path.read_text(encoding="utf-8"))
    assert "_static/styles/pydata-sphinx-theme.css" in dropped, sorted(dropped)
    return sorted({s for selectors in dropped.values() for s in selectors})


def _states(page, phone: bool):
    """Bring the page into each state a reader can bring about; yield each one's name."""
    yield "as loaded"
    page.evaluate("document.documentElement.dataset.theme = 'dark'; document.documentElement.dataset.mode = 'dark'")
    yield "dark"
    from test_accessibility import USE_WIDGETS

    if page.evaluate(USE_WIDGETS):
        yield "widgets used"
    searching = page.evaluate("() => !!document.getElementById('search-results')")  # the search page searches in place
    if searching:
        wait_for_search_results(page)  # with the searched words marked in each summary
        yield "search results shown"
    if phone:
        for toggle, name in (("button.primary-toggle", "site menu open"), ("button.secondary-toggle", "page contents open")):
            button = page.locator(f".bd-header-article {toggle}:visible, .bd-header {toggle}:visible").first
            if button.count():
                button.click()
                page.wait_for_function("() => !!document.querySelector('dialog[open]')", timeout=5000)
                yield name
                page.keyboard.press("Escape")
        return
    download = page.locator(".dropdown-download-buttons button.dropdown-toggle")
    if download.count():  # not on generated pages (search, index), which have no source
        download.first.click()
        page.wait_for_selector(".dropdown-download-buttons .dropdown-menu.show", timeout=5000)
        yield "download menu open"
        page.keyboard.press("Escape")
    page.locator("button.theme-switch-button:visible").first.hover()
    page.wait_for_selector(".tooltip.show", timeout=5000)
    yield "tooltip shown"
    if not searching:
        page.locator("button.search-button__button:visible").first.click()
        page.wait_for_selector("#pst-search-dialog[open]", timeout=5000)
        yield "search dialog open"
        page.keyboard.press("Escape")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.evaluate("() => new Promise(r => setTimeout(r, 300))")  # the scroll handlers run
    yield "scrolled to the end"


def matching_removed(browser, site_url: str, rel: str, width: int, selectors: list[str]) -> dict[str, dict]:
    """For each state of ``rel`` at ``width``: the removed selectors that match, and those unread."""
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 740 if phone else 900},
                                  is_mobile=phone, has_touch=phone, reduced_motion="reduce")
    page = context.new_page()
    found = {}
    try:
        load_page(page, f"{site_url}/{rel}")
        for state in _states(page, phone):
            found[state] = page.evaluate(MATCHING, [selectors, WHEN])
    finally:
        context.close()
    return found


def _problems(edition: str, rel: str, width: int, found: dict[str, dict]) -> list[str]:
    out = []
    for state, result in found.items():
        out += [f"{edition} {rel} at {width} px, {state}: removed {s!r} matches" for s in result["matched"]]
        out += [f"{edition} {rel} at {width} px, {state}: removed {s!r} could not be tried" for s in result["unread"]]
    return out


@pytest.mark.parametrize("edition", ["student", "tutor"])
def test_no_removed_rule_matches_any_state_of_a_page(request, browser, edition):
    from test_editions import tutor_build

    from test_wcag22 import serve

    site = request.getfixturevalue("site") if edition == "student" else tutor_build().site
    css = (site / "_static/styles/pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert css.rstrip().endswith(MARK), "the theme's stylesheet was not cut"
    selectors = _removed(site)
    assert len(selectors) > 1000, f"only {len(selectors)} selectors removed"
    problems, states, kinds = [], 0, set()
    server, server_url = serve(site)
    try:
        for rel in PAGES[edition]:
            for width in WIDTHS:
                found = matching_removed(browser, server_url, rel, width, selectors)
                states += len(found)
                kinds |= {(width, state) for state in found}
                problems += _problems(edition, rel, width, found)
    finally:
        server.shutdown()
    print(f"{edition}: {len(selectors)} removed selectors tried in {states} page states")
    # Each state was brought about somewhere (a page lacking a control skips that state).
    expected = {(375, s) for s in ("as loaded", "dark", "site menu open", "page contents open")}
    expected |= {(1280, s) for s in ("as loaded", "dark", "download menu open", "tooltip shown",
                                     "search dialog open", "scrolled to the end")}
    if edition == "student":  # the tutor pages checked here hold no widget and no search
        expected |= {(width, s) for width in WIDTHS for s in ("widgets used", "search results shown")}
    assert expected <= kinds, f"states never brought about: {sorted(expected - kinds)}"
    assert problems == [], f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def _cut_without(site: Path, leave_out: set[str], built: bool) -> list[str]:
    """The selectors a purge of the kept original would remove if the site held no
    ``leave_out`` names (and, ``built`` False, no names scripts build)."""
    original = (site.parent / KEPT / "_static/styles/pydata-sphinx-theme.css").read_text(encoding="utf-8")
    names = names_in_site(site)
    names = Names(names.words - leave_out, names.prefixes if built else set(), names.suffixes if built else set())
    dropped: list[str] = []
    purge_css(original, names, dropped)
    return dropped


def test_the_states_find_a_rule_removed_wrongly(site, site_url, browser):
    """Negative controls: without ``show`` the open download menu's rules go; without the
    names Bootstrap builds, the tooltip's do; the states bring both about and say so."""
    wrong = _cut_without(site, {"show"}, built=True)
    found = matching_removed(browser, site_url, "intro.html", 1280, wrong)
    assert any(".show" in s for s in found["download menu open"]["matched"]), found["download menu open"]
    wrong = _cut_without(site, set(), built=False)
    assert any("bs-tooltip-auto" in s for s in wrong), "the names Bootstrap builds were not what kept its tooltip rules"
    found = matching_removed(browser, site_url, "intro.html", 1280, wrong)
    assert any("bs-tooltip-auto" in s for s in found["tooltip shown"]["matched"]), found["tooltip shown"]


def test_purge_removes_rules_for_absent_names_and_keeps_the_rest():
    css = ("@charset \"UTF-8\";/*! licence */.used{color:red}.absent{color:blue}.absent,.used b{margin:0}"
           "a:not(.absent){top:0}#gone .used{left:0}@media print{.absent{x:1}.used{y:1}}"
           "@media (min-width:1px){.absent{z:1}}@font-face{font-family:x}[data-theme=dark] .used{color:#fff}"
           ".a\\:b{k:1}.bs-tip-top{p:1}.menu-open{q:1}/* maintainer's note */"
           "/*! see sass-guidelin.es */html[data-theme=dark]{r:1}")
    dropped: list[str] = []
    purged, removed = purge_css(css, Names({"used", "b", "a"}, {"bs-"}, {"-open"}), dropped)
    assert removed == 4  # .absent, #gone .used, .absent in print, .absent in the empty @media
    assert sorted(dropped) == ["#gone .used", ".absent", ".absent", ".absent", ".absent"]
    for kept in ('@charset "UTF-8";', "/*! licence */", ".used{color:red}", ".used b{margin:0}",
                 "a:not(.absent){top:0}", "@media print{.used{y:1}}", "@font-face{font-family:x}",
                 "[data-theme=dark] .used{color:#fff}", ".a\\:b{k:1}", ".bs-tip-top{p:1}", ".menu-open{q:1}",
                 "/*! see sass-guidelin.es */", "html[data-theme=dark]{r:1}"):
        assert kept in purged, kept
    for gone in (".absent{color:blue}", "#gone", "z:1", "maintainer"):
        assert gone not in purged, gone


def test_names_scripts_build_are_found(tmp_path):
    (tmp_path / "a.js").write_text("const t = `bs-${this.constructor.NAME}-auto`; el.classList.add('sd-tab-' + id);"
                                   " el.className = base + '-open'; const x = 'a-b-c';", encoding="utf-8")
    (tmp_path / "p.html").write_text('<div class="bd-main">', encoding="utf-8")
    names = names_in_site(tmp_path)
    assert {"bs-", "sd-tab-"} <= set(names.prefixes), names.prefixes
    assert "-open" in names.suffixes, names.suffixes
    assert names.may_hold("bs-tooltip-auto") and names.may_hold("menu-open") and names.may_hold("a-b-c")
    assert not names.may_hold("tooltip-inner") and not names.may_hold("c-")


def test_purge_says_when_it_finds_nothing_to_cut(tmp_path, monkeypatch):
    """The patch fails the -W build when the theme's stylesheets are not where it looks."""
    import course_css_purge

    said: list[str] = []
    monkeypatch.setattr(course_css_purge, "warn_nothing_patched", lambda patch, why: said.append(why))
    (tmp_path / "html" / "_static").mkdir(parents=True)
    course_css_purge.purge_stylesheets(tmp_path / "html", Names({"bd-main"}))
    assert any("pydata-sphinx-theme.css" in why for why in said), said
