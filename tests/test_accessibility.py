"""Accessibility of the built course, both editions (issues 6 and 9).

- The WCAG 2.2 AA matrix: axe-core (node_modules/axe-core, pinned in package.json)
  runs the rules tagged ``wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa, best-practice``
  on EVERY page of the student and the tutor edition, at 375 px (a touch phone) and
  1280 px, in the light and the dark colour mode, once the page's widgets are drawn
  and again after using them (a rating chosen, text typed in a box). Each page is
  loaded once per width; the colour mode is switched in the page, as the theme's
  own switch does (a negative control shows the dark run finding what only the dark
  mode shows: a colour break and a hidden-in-light image). A tutor-edition page that
  is its student twin except for the site menu (which lists the tutor part), the
  edition line and the tutor banner is scanned in every state too, but axe checks
  those parts of it only: the rest is the student page, which the student cells check
  whole (``menu_only_pages``), unless its banner or edition line is pinned to the screen
  or holds a control (``UNLIKE_ITS_TWIN``). Any violation fails, naming rule, element and pages.
  At 375 px the site menu, "On this page" and search are closed dialogs, which axe
  skips, in both editions (on a menu-only page, axe there checks the edition line and
  the banner): ``test_phone_menus_pass_axe_when_open`` checks them open, in both colour
  modes, on three pages of each edition (``OPEN_MENU_PAGES``); every page's site menu
  is checked in the 1280 px cells, where it is on screen.
- Keyboard focus is visible on every kind of control we can reach with Tab.
- Every image has a text alternative that says something (not a file name).

Fix failures in the theme (``_templates/``, ``_static/course.css``,
``_ext/patch_*.py``, ``_ext/course_speed.py``) or in the widget's view, never by
relaxing this test. The WCAG 2.2 criteria axe cannot judge are in test_wcag22.py.
"""
from __future__ import annotations

import re
import time
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import load_page, reload_page, wait_for_widgets  # noqa: F401 (wait_for_widgets: test_reflow)

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDTHS = {"phone": 375, "desktop": 1280}


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)


def open_page(page, site_url: str, rel: str, mode: str = "light") -> None:
    """Load a page in the given colour mode and wait until its widgets are drawn."""
    load_page(page, f"{site_url}/{rel}")
    if page.evaluate("document.documentElement.dataset.theme") != mode:
        page.evaluate("m => { localStorage.setItem('mode', m); localStorage.setItem('theme', m); }", mode)
        reload_page(page)
    wait_for_widgets(page)
    page.wait_for_timeout(100)  # let transitions and late layout settle


# Every transition ends as it starts: a style change takes effect at once. The matrix's
# pages and the keyboard walk's are measured at rest without waiting for transitions
# (the switch of colour mode waited about 150 ms for them, 14 s of a 42-page cell).
NO_TRANSITIONS = """document.addEventListener('DOMContentLoaded', () => {
    const still = document.createElement('style');
    still.textContent = '*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; }';
    document.head.append(still);
});"""


def set_mode(page, mode: str) -> None:
    """Switch the colour mode in the page, as the theme's own button does."""
    page.evaluate(
        """async m => {
            localStorage.setItem('mode', m); localStorage.setItem('theme', m);
            document.documentElement.dataset.mode = m;
            document.documentElement.dataset.theme = m;
            // Colours change with CSS transitions: measure contrast after they end.
            await new Promise(requestAnimationFrame);
            await Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null)));
        }""",
        mode,
    )


# Use every widget on the page as a student would: choose the first option of each
# radio group (a rating, a self-check answer, a debate side) and type in each text
# box. Buttons that clear, download or navigate are left alone.
USE_WIDGETS = """() => {
    let used = 0;
    for (const widget of document.querySelectorAll('.course-widget')) {
        const groups = new Set();
        for (const radio of widget.querySelectorAll('input[type=radio]')) {
            if (groups.has(radio.name) || radio.disabled) continue;
            groups.add(radio.name);
            radio.click();
            used++;
        }
        for (const box of widget.querySelectorAll('textarea, input[type=text]')) {
            if (box.disabled || box.readOnly) continue;
            box.focus();
            box.value = 'A note typed by a student: <b>not bold</b>';
            box.dispatchEvent(new Event('input', {bubbles: true}));
            box.dispatchEvent(new Event('change', {bubbles: true}));
            box.blur();
            used++;
        }
    }
    return used;
}"""


def run_axe(page, only: list[str] | None = None) -> list[dict]:
    """axe's violations on the page, or only within the elements ``only`` selects (axe
    throws if a selector matches nothing, so a scope that has gone is never a pass)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """([tags, only]) => axe.run(only ? {include: only.map(s => [s])} : document,
                                     {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
              .then(r => r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
              })))""",
        [WCAG_TAGS, only],
    )


def _site_for(edition: str, request) -> Path:
    if edition == "student":
        return request.getfixturevalue("site")
    from test_editions import tutor_build

    book = tutor_build()
    if not (book.site / "index.html").exists():
        pytest.fail("The tutor edition did not build:\n" + book.log[-4000:])
    return book.site


def _serve(site: Path):
    import functools
    import http.server
    import threading

    from conftest import _QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# What differs between a tutor page and its student twin when the page is the same: the
# site menu (the tutor edition's lists the "For tutors" part), the edition line
# ("Student edition" or "Tutor edition", with that edition's PDF), the tutor edition's
# banner ("Do not share this site with students"), and "(tutor edition)" in the title
# and the description (a meta tag). axe checks the first three on such a page
# (MENU_ONLY); the title and the description are text that no rule judges beyond the
# title's being there.
SITE_MENU = re.compile(r'<div [^>]*id="pst-primary-sidebar".*?(?=<main [^>]*id="main-content")', re.S)
EDITION_LINE = re.compile(r'<p class="course-edition">.*?</p>', re.S)
TUTOR_BANNER = re.compile(r'<aside class="bd-header-announcement".*?</aside>\n?', re.S)
TUTOR_TITLE = re.compile(r' \(tutor edition\)(?=</title>)')
DESCRIPTION = re.compile(r'<meta name="description" content="[^"]*" />')
MENU_ONLY = ["#pst-primary-sidebar", ".course-edition", ".bd-header-announcement"]
# True when the edition line or the banner is pinned to the screen (it could cover what
# the student page shows) or holds a control: then the page is checked whole, by axe here
# and by the keyboard walk in test_wcag22.py.
UNLIKE_ITS_TWIN = """() => ['.bd-header-announcement', '.course-edition'].some(sel => [...document.querySelectorAll(sel)].some(el => {
    for (let n = el; n; n = n.parentElement) if (['fixed', 'sticky'].includes(getComputedStyle(n).position)) return true;
    return !!el.querySelector('a[href], button, input, select, textarea, summary, iframe, [tabindex]');
}))"""


def _shared_part(html: str, tutor: bool) -> str | None:
    """The page without what may differ between the editions (None: not a course page)."""
    if not (SITE_MENU.search(html) and EDITION_LINE.search(html)):
        return None
    if tutor:
        html, banners = TUTOR_BANNER.subn("", html, count=1)
        html, titles = TUTOR_TITLE.subn("", html, count=1)
        if not (banners and titles):
            return None
    html = DESCRIPTION.sub("", html, count=1)
    return EDITION_LINE.sub("<p>EDITION</p>", SITE_MENU.sub("MENU", html, count=1))


def menu_only_pages(student: Path, tutor: Path) -> set[str]:
    """Tutor-edition pages that are their student twin, byte for byte, but for what
    _shared_part leaves out. axe checks the menu, the edition line and the banner on them
    (MENU_ONLY): the rest the student cells check whole. (This used to compare articles
    alone; once every article ended with its edition line, it matched nothing, and the
    tutor cells scanned every page whole without saying so: hence
    test_menu_only_pages_are_the_shared_pages.)"""
    same = set()
    for rel in site_pages(tutor):
        twin = student / rel
        if not twin.exists():
            continue
        a = _shared_part(twin.read_text(encoding="utf-8"), tutor=False)
        if a is not None and a == _shared_part((tutor / rel).read_text(encoding="utf-8"), tutor=True):
            same.add(rel)
    return same


def _scan(browser, url: str, pages: list[str], width: int, init_script: str | None = None,
          menu_only: set[str] = frozenset()) -> tuple[dict, int]:
    """axe on each page at one width, in each colour mode and widget state; on the pages in
    ``menu_only``, axe checks the site menu, the edition line and the banner (MENU_ONLY)."""
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 812 if phone else 900},
                                  is_mobile=phone, has_touch=phone)
    context.add_init_script(NO_TRANSITIONS)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    found: dict[tuple, set] = defaultdict(set)  # (rule, impact, help, target) -> {page [state]}
    runs = 0
    try:
        for rel in pages:
            page.goto(f"{url}/{rel}", wait_until="load")
            wait_for_widgets(page)
            scope = MENU_ONLY if rel in menu_only and not page.evaluate(UNLIKE_ITS_TWIN) else None
            states = [("light", None), ("dark", None)]
            if page.locator(".course-widget").count():
                states = [("light", None), ("light", "used"), ("dark", "used")]
            for mode, use in states:
                if use and not page.evaluate(USE_WIDGETS):
                    found[("widgets-not-used", "test", "the test found nothing to use in the widgets", "")].add(rel)
                # Typing scrolls the page; scan from the top, as a reader arrives, so that a control
                # passing under the sticky header at that moment is not reported as a small target.
                page.evaluate("window.scrollTo(0, 0)")
                set_mode(page, mode)
                runs += 1
                for violation in run_axe(page, scope):
                    for node in violation["nodes"]:
                        key = (violation["id"], violation["impact"], violation["help"], node["target"])
                        found[key].add(f"{rel} [{mode}{', after use' if use else ''}]")
    finally:
        context.close()
    return found, runs


def _scan_in_own_browser(url: str, pages: list[str], width: int, out: list, menu_only: set[str]) -> None:
    """The same scan in a second Chromium, from a second thread (Playwright's sync API
    needs one instance per thread): axe is CPU-bound, so two cores halve the time."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM_ARGS, chromium_path

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                out.append(_scan(browser, url, pages, width, menu_only=menu_only))
            finally:
                browser.close()
    except Exception as exc:  # reported by the caller, never lost
        out.append(exc)


def axe_matrix(browser, site: Path, width: int, menu_only: set[str] = frozenset()) -> tuple[list[str], int]:
    """Run axe over every page of a site at one width; returns (problems, axe runs)."""
    import threading

    # A redirect page (index.html) navigates away while axe runs; its target is scanned in its own right.
    todo = [rel for rel in site_pages(site)
            if 'http-equiv="refresh"' not in (site / rel).read_text(encoding="utf-8").lower()]
    # Two shares of about equal work (page size is a fair proxy for axe's time; a scan of
    # the menu alone costs about a third of a whole page's).
    todo.sort(key=lambda rel: (site / rel).stat().st_size / (3 if rel in menu_only else 1), reverse=True)
    mine, theirs = todo[0::2], todo[1::2]
    server, url = _serve(site)
    out: list = []
    try:
        worker = threading.Thread(target=_scan_in_own_browser, args=(url, theirs, width, out, menu_only))
        worker.start()
        found, runs = _scan(browser, url, mine, width, menu_only=menu_only)
        worker.join()
    finally:
        server.shutdown()
    if not out or isinstance(out[0], Exception):
        raise RuntimeError(f"the second axe scan failed: {out[0] if out else 'no result'}")
    for key, where in out[0][0].items():
        found[key] |= where
    runs += out[0][1]
    problems = [
        f"{rule} ({impact}) at {target}\n    {help_}\n    on {len(pages)} page state(s): "
        + ", ".join(sorted(pages)[:6]) + (" ..." if len(pages) > 6 else "")
        for (rule, impact, help_, target), pages in sorted(found.items())
    ]
    return problems, runs


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("edition", ["student", "tutor"])
def test_axe_wcag22_aa_matrix(request, browser, edition, width_name):
    """0 violations of WCAG 2.0/2.1/2.2 A+AA and axe best practice, every page and state."""
    assert AXE.exists(), "axe-core is not installed: run `make setup` (npm ci)"
    site = _site_for(edition, request)
    assert len(site_pages(site)) > 5
    menu_only = menu_only_pages(request.getfixturevalue("site"), site) if edition == "tutor" else set()
    started = time.perf_counter()
    problems, runs = axe_matrix(browser, site, WIDTHS[width_name], menu_only)
    print(f"\n{edition} {width_name}: {runs} axe runs ({len(menu_only)} pages on their menu, edition line and banner only)"
          f" in {time.perf_counter() - started:.0f} s")
    assert not problems, f"{edition} edition at {WIDTHS[width_name]} px: {len(problems)} axe violation(s):\n" + "\n".join(problems)


# Two breaks the dark mode alone shows: body text nearly the colour of the dark page, and
# an image with no text alternative that only the dark mode displays.
DARK_ONLY_BREAKS = """document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = `html[data-theme=dark] .bd-article p { color: #1c1c1c !important; }
        .wcag-dark-only { display: none; } html[data-theme=dark] .wcag-dark-only { display: inline; position: absolute; }`;
    document.head.append(style);
    const image = document.createElement('img');
    image.className = 'wcag-dark-only';
    image.width = image.height = 24;
    image.src = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24"/></svg>');
    document.querySelector('.bd-article').prepend(image);
});"""


def test_dark_mode_scan_can_fail(browser, site):
    server, url = _serve(site)
    try:
        found, runs = _scan(browser, url, ["glossary.html"], 1280, DARK_ONLY_BREAKS)
    finally:
        server.shutdown()
    where = {rule: pages for (rule, _impact, _help, _target), pages in found.items()}
    assert where.get("color-contrast") == {"glossary.html [dark]"}, where
    assert where.get("image-alt") == {"glossary.html [dark]"}, where


def test_menu_only_pages_are_the_shared_pages(request, site):
    """The tutor cells check only the menu, edition line and banner of the pages both editions
    share, and the whole of every other page; if the comparison stops matching (as it did
    once), every page is scanned whole and the run is slow but says nothing: so test it."""
    tutor = _site_for("tutor", request)
    menu_only = menu_only_pages(site, tutor)
    shared = {rel for rel in site_pages(site) if (tutor / rel).exists()}
    # Scanned whole in the tutor edition too: the redirect (index), the pages with no
    # edition line (genindex, search) and the two whose text differs (the introduction and
    # the learning log speak of the tutor edition).
    assert shared - menu_only == {"index.html", "genindex.html", "search.html", "intro.html", "learning-log.html"}
    assert menu_only <= shared


# A break only the menu shows: its links nearly the colour of the page.
MENU_BREAK = """document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = '#pst-primary-sidebar a { color: #e8e8e8 !important; }';
    document.head.append(style);
});"""


def test_menu_only_scan_finds_a_break_in_the_menu(request, browser):
    server, url = _serve(_site_for("tutor", request))
    try:
        found, runs = _scan(browser, url, ["glossary.html"], 1280, MENU_BREAK, menu_only={"glossary.html"})
    finally:
        server.shutdown()
    contrast = {target for (rule, _impact, _help, target) in found if rule == "color-contrast"}
    assert runs == 2 and contrast, found


# A banner pinned to the screen, and a break in the article only: the page is no longer
# its student twin but for the menu (UNLIKE_ITS_TWIN), so axe checks it whole.
PINNED_BANNER_AND_ARTICLE_BREAK = MENU_BREAK.replace(
    "#pst-primary-sidebar a { color: #e8e8e8 !important; }",
    ".bd-header-announcement { position: sticky !important; top: 0; } .bd-article p:not(.course-edition) { color: #e8e8e8 !important; }")


def test_page_with_a_pinned_banner_is_scanned_whole(request, browser):
    server, url = _serve(_site_for("tutor", request))
    try:
        found, _ = _scan(browser, url, ["glossary.html"], 1280, PINNED_BANNER_AND_ARTICLE_BREAK, menu_only={"glossary.html"})
    finally:
        server.shutdown()
    assert any(rule == "color-contrast" and "course-edition" not in str(target) for (rule, _i, _h, target) in found), found


def test_widget_pages_draw_their_widgets(site, site_url, page):
    """The axe scan is only meaningful if widgets rendered: none may show the failure note."""
    failures = []
    for rel in site_pages(site):
        if WIDGET_VIEW not in (site / rel).read_text(encoding="utf-8", errors="replace"):
            continue
        open_page(page, site_url, rel)
        for text in page.locator(".widget-host-error").all_inner_texts():
            failures.append(f"{rel}: {text}")
    assert page.script_errors == [], page.script_errors
    assert failures == []


FOCUS_STYLE = """el => {
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const ring = s.boxShadow && s.boxShadow !== 'none';
    return {outline, ring, tag: el.tagName.toLowerCase(), cls: el.className && String(el.className).slice(0, 60),
            text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)};
}"""


# The menus a phone's header opens (modal dialogs holding the site menu, "On this
# page" and search) are a state the matrix's page loads never reach. Their styles are the same on
# every page; their content is the page's menu: here on a page of each kind, in each
# edition, in both colour modes.
OPEN_MENU_PAGES = {
    "student": ["intro.html", "chapters/05-critiques.html", "exercises/ch05-exercises.html"],
    "tutor": ["chapters/05-critiques.html", "exercises/tutor/ch05-seminar.html", "exercises/tutor/marking.html"],
}
PHONE_MENU_TOGGLES = {"site menu": ".bd-header-article button.primary-toggle",
                      "page contents": ".bd-header-article button.secondary-toggle", "search": "button.search-button"}


@pytest.mark.parametrize("edition", ["student", "tutor"])
def test_phone_menus_pass_axe_when_open(request, browser, edition):
    site = _site_for(edition, request)
    server, url = _serve(site)
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page, found, scanned = context.new_page(), [], 0
    try:
        for rel in OPEN_MENU_PAGES[edition]:
            assert (site / rel).exists(), rel
            for mode in ("light", "dark"):
                open_page(page, url, rel, mode)
                for name, toggle in PHONE_MENU_TOGGLES.items():
                    button = page.locator(f"{toggle}:visible").first
                    if not button.count():
                        continue
                    button.click()
                    page.wait_for_function("() => !!document.querySelector('dialog[open]')", timeout=5000)
                    set_mode(page, mode)  # waits for the dialog's transitions too
                    scanned += 1
                    found += [f"{rel} [{mode}, {name} open]: {v['id']} at {n['target']}: {n['summary']}"
                              for v in run_axe(page, ["dialog[open]"]) for n in v["nodes"]]
                    page.keyboard.press("Escape")
                    page.wait_for_function("() => !document.querySelector('dialog[open]')", timeout=5000)
    finally:
        context.close()
        server.shutdown()
    assert scanned == 2 * len(OPEN_MENU_PAGES[edition]) * len(PHONE_MENU_TOGGLES), f"only {scanned} open menus scanned"
    assert found == [], f"{len(found)} violation(s) in the open phone menus:\n" + "\n".join(found)


@pytest.mark.parametrize("rel", ["intro.html", "chapters/05-critiques.html", "chapters/barrier-checklist.html"])
def test_keyboard_focus_is_visible(site, site_url, page, rel):
    """Tab through the first 40 stops: each focused element shows an outline or focus ring."""
    if not (site / rel).exists():
        pytest.fail(f"{rel} is not built: the book is missing a page this test names")
    open_page(page, site_url, rel)
    page.locator("body").click(position={"x": 1, "y": 1})
    invisible = []
    seen = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        handle = page.evaluate_handle("document.activeElement")
        if page.evaluate("el => el === document.body", handle):
            break
        seen += 1
        style = page.evaluate(FOCUS_STYLE, handle)
        if not (style["outline"] or style["ring"]):
            invisible.append(f"<{style['tag']} class={style['cls']!r}> {style['text']!r}")
    assert seen > 3, "Tab reached almost nothing on the page"
    assert invisible == [], f"{rel}: focus is not visible on:\n" + "\n".join(invisible)


FILE_NAME = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|svg|gif|webp)$", re.I)


def test_every_image_has_a_meaningful_text_alternative(site):
    """axe accepts alt="../_images/abc.png"; a student with a screen reader gets nothing
    from it. Images need alt text (notebook figures: cell metadata ``mystnb: image: alt``),
    or alt="" only when purely decorative (theme logos that repeat a link's text)."""
    from html.parser import HTMLParser

    class Images(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []

        def handle_starttag(self, tag, attrs):
            if tag == "img":
                self.found.append(dict(attrs))

    problems = []
    for rel in site_pages(site):
        parser = Images()
        parser.feed((site / rel).read_text(encoding="utf-8", errors="replace"))
        for img in parser.found:
            alt = img.get("alt")
            src = img.get("src", "")
            decorative = alt == "" and ("logo" in src.lower() or img.get("role") == "presentation")
            if decorative:
                continue
            if alt is None or not alt.strip() or FILE_NAME.search(alt.strip()) or alt.strip() == src:
                problems.append(f"{rel}: <img src={src!r} alt={alt!r}>")
    assert problems == [], "images without a meaningful alt text:\n" + "\n".join(problems)
