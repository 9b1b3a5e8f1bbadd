"""WCAG 2.2 AA by behaviour at the width each criterion names, and the phone (issue 17).

Each page is loaded ONCE per state and every check for that state runs on that load:

- **320 px, light** (a touch phone), every page of the student and the tutor edition:
  - reflow (1.4.10): nothing scrolls sideways, no prose is wider than the screen;
  - text spacing (1.4.12): the standard overrides (line height 1.5, paragraph spacing
    2em, letter spacing 0.12em, word spacing 0.16em) are applied to the same page and
    the reflow check runs again, the page toolbar included;
  - the checklist chart's labels do not overlap;
  - then the same page is resized to 375 px: reflow again (the check of issue 9, which
    test_reflow.py used to make on a load of its own), and every table keeps its column
    headers in the accessibility tree (Chromium's, through CDP
    ``Accessibility.getFullAXTree``).
- the self-check by keyboard: arrowing through the options answers nothing; the
  "Check my answer" button does;
- the search page: the "+" of "Ctrl + K" and the dark-mode search highlights have
  enough contrast, measured in the browser; the magnifier icon does not cover the text
  typed in the search box;
- the phone: "On this page" closes after a section is tapped; projector view keeps the
  page still and the site menu, and never tells a touch user to "press Escape"; a long
  chapter lists its sections and links back to that list from each section;
- forced colours (``forced-colors: active``, confirmed with ``matchMedia``): the
  projector toggle's pressed state shows by more than an underline; the current
  position on the checklist's scale and the self-check's verdict still show.

Pages are opened with ``wait_until="load"`` and the widgets' own ready signal
(``<html data-course-widgets="ready">``, set by widget-host.js), not network idle.
"""
from __future__ import annotations

import html
import re
from pathlib import Path


from conftest import wait_for_search_results
from test_accessibility import site_pages
from test_reflow import CHECKED, OVERFLOWS
from test_wcag22 import serve, split_between_two_browsers, tutor_site  # noqa: F401,F811 (a fixture)

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ARTICLE = re.compile(r'<article class="bd-article".*?</article>', re.S)
PHONE_320 = dict(viewport={"width": 320, "height": 640}, device_scale_factor=2, is_mobile=True, has_touch=True)
PHONE_375 = dict(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True)
DESKTOP = dict(viewport={"width": 1280, "height": 900})

# The text-spacing overrides of WCAG 1.4.12 (as in the W3C's own bookmarklet).
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
# The page toolbar and the header too: the text-spacing failure was there.
CHECKED_WITH_TOOLBAR = CHECKED + ", .bd-header-article, .bd-header-article .header-article-items, .bd-header"


def ready(page, url: str) -> None:
    """Open a page and wait for its widgets' own ready signal."""
    page.goto(url, wait_until="load")
    if page.locator(f'script[type="{WIDGET_VIEW}"]').count():
        page.wait_for_function("document.documentElement.dataset.courseWidgets === 'ready'", timeout=20000)
    page.evaluate("document.fonts.ready")


def _pages(site: Path) -> list[str]:
    # The redirect page (index.html) and the generated index hold no content of their own.
    return [rel for rel in site_pages(site) if rel != "genindex.html"
            and 'http-equiv="refresh"' not in (site / rel).read_text(encoding="utf-8").lower()]


# --- the 320 px state: reflow, text spacing, chart labels; then 375 px: table headers --

CHART_OVERLAPS = """() => {
    const found = [];
    document.querySelectorAll('svg.cwc-chart').forEach((svg, n) => {
        const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [ta, a] = boxes[i], [tb, b] = boxes[j];
            if (a.width && b.width && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
                found.push(`chart ${n + 1}: "${ta}" overlaps "${tb}"`);
        }
    });
    return found;
}"""


def table_headers_in_tree(page) -> list[str]:
    """Compare each table's header cells in the DOM with the column headers in
    Chromium's accessibility tree. Returns the tables whose headers went missing."""
    tables = page.evaluate("""() => [...document.querySelectorAll('.bd-article table')].map(t =>
        t.querySelectorAll('thead th').length)""")
    if not tables or not any(tables):
        return []
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    by_id = {n["nodeId"]: n for n in nodes}
    role = lambda n: (n.get("role") or {}).get("value")  # noqa: E731
    found = []
    ax_tables = [n for n in nodes if role(n) == "table" and not n.get("ignored")]
    for _n, table in enumerate(ax_tables):
        headers, stack = 0, list(table.get("childIds", []))
        while stack:
            child = by_id.get(stack.pop())
            if child is None:
                continue
            if role(child) == "columnheader" and not child.get("ignored"):
                headers += 1
            if role(child) != "table":
                stack.extend(child.get("childIds", []))
        found.append(headers)
    expected = [t for t in tables if t]
    got = sorted(found, reverse=True)[:len(expected)] if found else []
    problems = []
    if len(ax_tables) < len(tables):
        problems.append(f"{len(tables)} table(s) on the page, {len(ax_tables)} table(s) in the accessibility tree")
    if sum(got) < sum(expected):
        problems.append(f"column headers: {sum(expected)} in the page, {sum(got)} in the accessibility tree ({found})")
    return problems


def check_page_at_320(page, url: str, rel: str) -> list[str]:
    problems = []
    page.set_viewport_size(PHONE_320["viewport"])
    ready(page, url)
    problems += [f"reflow at 320 px: {p}" for p in page.evaluate(OVERFLOWS, CHECKED)[:6]]
    problems += page.evaluate(CHART_OVERLAPS)
    page.add_style_tag(content=TEXT_SPACING)
    page.wait_for_timeout(50)
    problems += [f"text spacing at 320 px: {p}" for p in page.evaluate(OVERFLOWS, CHECKED_WITH_TOOLBAR)[:6]]
    # The same load at 375 px (the width the table pattern was reported at), spacing removed.
    page.evaluate("document.querySelectorAll('style').forEach(s => s.textContent.includes('0.16em !important') && s.remove())")
    page.set_viewport_size(PHONE_375["viewport"])
    page.wait_for_timeout(50)
    problems += [f"reflow at 375 px: {p}" for p in page.evaluate(OVERFLOWS, CHECKED)[:6]]
    problems += [f"tables at 375 px: {p}" for p in table_headers_in_tree(page)]
    return [f"{rel}: {p}" for p in problems]


def small_screen_matrix(browser, site: Path, pages: list[str], css: str | None = None) -> list[str]:
    server, base = serve(site)

    def scan(chromium, share: list[str]) -> list[str]:
        context = chromium.new_context(**PHONE_320)
        if css:  # the checks' own failure test: a stylesheet that breaks the page
            context.add_init_script(f"""document.addEventListener('DOMContentLoaded', () => {{
                const s = document.createElement('style'); s.textContent = {css!r}; document.head.append(s); }});""")
        page = context.new_page()
        problems = []
        try:
            for rel in share:
                problems += check_page_at_320(page, f"{base}/{rel}", rel)
        finally:
            context.close()
        return problems

    try:
        return split_between_two_browsers(browser, pages, scan)
    finally:
        server.shutdown()


def test_student_edition_at_320px(browser, site):
    """Reflow and text spacing at 320 px, chart labels, table headers at 375 px."""
    problems = small_screen_matrix(browser, site, _pages(site))
    assert problems == [], f"{len(problems)} problem(s) on a small screen:\n" + "\n".join(problems[:60])


def test_tutor_edition_at_320px(browser, tutor_site):  # noqa: F811 (the fixture imported above)
    tutor = tutor_site
    problems = small_screen_matrix(browser, tutor, _pages(tutor))
    assert problems == [], f"{len(problems)} problem(s) on a small screen:\n" + "\n".join(problems[:60])


def test_small_screen_checks_can_fail(browser, site):
    """Against the layout issue 17 reported (tables' heading rows display:none, inline
    code that cannot break, a wide toolbar), the checks object."""
    broken = (".bd-article table thead { display: none !important; }"
              ".bd-article table, .bd-article table tbody, .bd-article table tr, .bd-article table td "
              "{ display: block !important; }"
              ".bd-article table { role: none; } .bd-article code { white-space: nowrap !important; overflow-wrap: normal !important;"
              " word-break: normal !important; }"
              ".bd-header-article .header-article-items { min-width: 330px; }")
    # A table whose roles the build added is not what the theme ships: take them away too.
    strip_roles = "document.querySelectorAll('[role=table],[role=rowgroup],[role=row],[role=cell],[role=columnheader],[role=rowheader]').forEach(e => e.removeAttribute('role'))"
    server, base = serve(site)
    context = browser.new_context(**PHONE_320)
    context.add_init_script(f"""document.addEventListener('DOMContentLoaded', () => {{
        const s = document.createElement('style'); s.textContent = {broken!r}; document.head.append(s); {strip_roles}; }});""")
    page = context.new_page()
    try:
        problems = check_page_at_320(page, f"{base}/glossary.html", "glossary.html")
        problems += check_page_at_320(page, f"{base}/chapters/01-what-is-co-production.html", "chapter 1")
    finally:
        context.close()
        server.shutdown()
    text = "\n".join(problems)
    assert "reflow at 320 px" in text, text
    assert "text spacing at 320 px" in text, text
    assert "tables at 375 px" in text, text


# --- the self-check by keyboard --------------------------------------------------------

def test_arrow_keys_select_without_answering(page, site_url):
    """Arrowing through a self-check's options answers nothing; "Check my answer" does."""
    ready(page, f"{site_url}/exercises/ch05-exercises.html")
    page.evaluate("localStorage.clear()")
    ready(page, f"{site_url}/exercises/ch05-exercises.html")
    fieldset = page.locator(".sc fieldset").nth(1)
    radios = fieldset.locator('input[type="radio"]')
    feedback = fieldset.locator(".sc-feedback")
    status = page.locator('.sc [role="status"]')
    tally = page.locator(".sc-tally")
    before = tally.inner_text()
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(radios.count() - 1):
        page.keyboard.press("ArrowDown")
    assert radios.nth(radios.count() - 1).is_checked(), "the arrow keys did not move the selection"
    assert feedback.is_hidden(), f"arrowing through the options answered the question: {feedback.inner_text()!r}"
    assert status.inner_text().strip() == "", f"arrowing announced a verdict: {status.inner_text()!r}"
    assert tally.inner_text() == before, "arrowing counted an answer"
    check = fieldset.get_by_role("button", name="Check my answer")
    check.click()
    assert feedback.is_visible()
    assert status.inner_text().startswith("Question 2: ")
    assert "(1 answered)" in tally.inner_text()
    # The selection alone survives a reload too (nothing a student chose is lost).
    radios.first.check()
    assert feedback.is_hidden(), "the feedback for the earlier answer stayed beside a new selection"
    ready(page, f"{site_url}/exercises/ch05-exercises.html")
    fieldset = page.locator(".sc fieldset").nth(1)
    assert fieldset.locator('input[type="radio"]').first.is_checked()
    assert "(1 answered)" in page.locator(".sc-tally").inner_text()
    assert page.script_errors == []


# --- the search page ---------------------------------------------------------------------

CONTRAST = """([el, which]) => {
    const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
        const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
    const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    // The background: the nearest ancestor (or self) with an opaque background, blended down.
    const layers = [];
    for (let n = el; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255];
    for (const c of layers.reverse()) bg = [0, 1, 2].map(i => c[i] * c[3] + bg[i] * (1 - c[3]));
    let fg = parse(getComputedStyle(el).color);
    fg = [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
}"""


def _mode(page, mode: str) -> None:
    page.evaluate("m => { localStorage.setItem('mode', m); localStorage.setItem('theme', m); }", mode)


def test_search_page_contrast_and_icon(browser, site_url):
    problems = []
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        for mode in ("light", "dark"):
            page.goto(f"{site_url}/intro.html")
            _mode(page, mode)
            page.goto(f"{site_url}/search.html?q=reciprocity", wait_until="load")
            wait_for_search_results(page)
            assert page.evaluate("document.documentElement.dataset.theme") == mode
            # The "+" between Ctrl and K is a bare text node in the shortcut's span
            # (in the header's search button, and beside the search page's own box).
            shortcuts = page.locator(".search-button__kbd-shortcut:visible")
            assert shortcuts.count(), "no 'Ctrl + K' hint is shown"
            for n in range(shortcuts.count()):
                ratio = page.evaluate(CONTRAST, [shortcuts.nth(n).element_handle(), "plus"])
                if ratio < 4.5:
                    problems.append(f"{mode}: the '+' in 'Ctrl + K' ({n + 1}) has contrast {ratio}:1")
            marks = page.locator("#search-results .highlighted")
            assert marks.count(), "the search results highlight nothing"
            ratio = page.evaluate(CONTRAST, [marks.first.element_handle(), "mark"])
            if ratio < 4.5:
                problems.append(f"{mode}: search highlights have contrast {ratio}:1")
            # The page a result opens highlights the words searched for.
            with page.expect_navigation():
                page.locator("#search-results ul.search li a").first.click()
            page.wait_for_selector(".bd-article .highlighted", timeout=10000)
            ratio = page.evaluate(CONTRAST, [page.locator(".bd-article .highlighted").first.element_handle(), "mark"])
            if ratio < 4.5:
                problems.append(f"{mode}: the highlighted words on the page a result opens have contrast {ratio}:1")
            page.go_back(wait_until="load")
            wait_for_search_results(page)
            # The magnifier sits beside the typed text, never over its first letter.
            box = page.locator(".bd-search input[name=q]:visible").first
            box.fill("Wide text")
            overlap = page.evaluate("""input => {
                const icon = input.parentElement.querySelector('i, svg, .fa-magnifying-glass');
                if (!icon) return null;
                const i = icon.getBoundingClientRect(), r = input.getBoundingClientRect();
                const textLeft = r.left + parseFloat(getComputedStyle(input).paddingLeft) + parseFloat(getComputedStyle(input).borderLeftWidth);
                const sameRow = i.top < r.bottom && r.top < i.bottom;
                return sameRow && i.right > textLeft + 0.5 ? `icon right edge ${Math.round(i.right)} px, text starts at ${Math.round(textLeft)} px` : null;
            }""", box.element_handle())
            if overlap:
                problems.append(f"{mode}: the magnifier covers the search box's text ({overlap})")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)



def test_search_wait_holds_until_the_words_are_marked(browser, site_url):
    """The wait above must hold while the summaries are still coming: here each page a
    result fetches for its summary is held back 1.5 s. A result is listed at once, with
    no marked words yet (what a "first result listed" wait saw, and why CI once failed
    with "the search results highlight nothing"); wait_for_search_results returns only
    once every summary is in, its words marked."""
    context = browser.new_context(**DESKTOP)
    # searchtools.js fetches each summary with fetch(); the page's own fetch is held back.
    context.add_init_script("""(() => {
        const fetchNow = window.fetch.bind(window);
        window.fetch = (...args) => new Promise(done => setTimeout(() => done(fetchNow(...args)), 1500));
    })()""")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/search.html?q=reciprocity", wait_until="load")
        page.wait_for_selector("#search-results ul.search li", timeout=20000)
        assert page.locator("#search-results .highlighted").count() == 0, "the summaries came before the hold"
        wait_for_search_results(page)
        # Every result has its summary; a summary may show the page's opening rather
        # than the word (a stemmed match), so the marks are counted, not required in each.
        counts = page.evaluate("""() => {
            const items = [...document.querySelectorAll('#search-results ul.search li')];
            return [items.length, items.filter(li => li.querySelector(':scope > p.context')).length,
                    items.filter(li => li.querySelector('.highlighted')).length];
        }""")
        assert counts[0] > 1 and counts[1] == counts[0] and counts[2] > 0, (
            f"{counts[0]} results, {counts[1]} with a summary, {counts[2]} with words marked")
    finally:
        context.close()


# --- the phone ---------------------------------------------------------------------------

LONG_CHAPTER = "chapters/06-practice-and-evaluation.html"


def _long_chapter(site: Path) -> str:
    chapters = sorted(p for p in (site / "chapters").glob("06-*.html"))
    return chapters[0].relative_to(site).as_posix() if chapters else LONG_CHAPTER


def _eventually(page, predicate: str, arg=None, timeout: float = 3000) -> bool:
    """True once ``predicate`` holds in the page, within ``timeout`` ms."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(predicate, arg=arg, timeout=timeout)
        return True
    except PlaywrightTimeout:
        return False


def test_phone_contents_menu_and_sections(browser, site, site_url):
    rel = _long_chapter(site)
    context = browser.new_context(**PHONE_375)
    page = context.new_page()
    problems = []
    try:
        ready(page, f"{site_url}/{rel}")
        # "On this page" closes once a section is tapped, and the section is shown.
        page.locator("button.secondary-toggle:visible").first.click()
        dialog = page.locator("dialog#pst-secondary-sidebar-modal")
        page.wait_for_function("document.querySelector('#pst-secondary-sidebar-modal').open")
        link = dialog.locator("a.nav-link[href^='#']").nth(2)
        target = link.get_attribute("href")[1:]
        link.click()
        # Polled, up to 3 s: a fixed pause could end before a busy machine closed the menu.
        if not _eventually(page, "() => !document.querySelector('#pst-secondary-sidebar-modal').open"):
            problems.append("'On this page' stayed open after a section was tapped")
            page.keyboard.press("Escape")
        else:
            in_view = "id => { const y = document.getElementById(id).getBoundingClientRect().top; return -2 <= y && y < 400; }"
            _eventually(page, in_view, target)
            y = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", target)
            if not -2 <= y < 400:
                problems.append(f"the tapped section #{target} is not in view (top {y})")
        # A long chapter lists its sections, and each section links back to that list.
        nav = page.locator("nav.course-sections")
        if not (nav.count() == 1 and nav.is_visible()):
            problems.append(f"{rel}: no list of sections on a phone")
        else:
            h2s = page.locator(".bd-article section > h2").count()
            back = page.locator(".course-to-sections a")
            if nav.locator("li a").count() != h2s or back.count() != h2s:
                problems.append(f"{h2s} sections, {nav.locator('li a').count()} listed, {back.count()} links back")
            back.last.click()
            _eventually(page, """() => { const y = document.querySelector('nav.course-sections').getBoundingClientRect().top;
                                         return -2 <= y && y < 812; }""")
            top = nav.bounding_box()["y"]
            if not -2 <= top < 812:
                problems.append(f"'Back to the list of sections' did not bring the list into view (top {top})")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def test_phone_projector_view(browser, site_url):
    context = browser.new_context(**PHONE_375)
    page = context.new_page()
    problems = []
    try:
        ready(page, f"{site_url}/chapters/debate-prompts.html")
        button = page.locator("button.cw-projector").first
        button.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -200)")
        before = button.bounding_box()["y"]
        button.tap()
        page.wait_for_timeout(300)
        assert button.get_attribute("aria-pressed") == "true"
        after = button.bounding_box()["y"]
        if abs(after - before) > 2:
            problems.append(f"projector view moved the page under the finger: {before:.0f} -> {after:.0f} px")
        if not page.locator("button.primary-toggle").first.is_visible():
            problems.append("projector view hid the site menu on a phone")
        said = " ".join(page.locator(".cw-debate [role=status], .cw-debate [aria-live]").all_inner_texts())
        if "projector view on" not in said.lower():
            problems.append(f"nothing said projector view is on: {said!r}")
        if "escape" in said.lower():
            problems.append(f"a touch user is told: {said!r}")
        button.tap()
        assert button.get_attribute("aria-pressed") == "false"
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


# --- forced colours ----------------------------------------------------------------------

STATE_STYLE = """el => { const s = getComputedStyle(el);
    return [s.backgroundColor, s.color, s.borderTopStyle, s.borderTopWidth, s.outlineStyle, s.borderTopColor].join(' | '); }"""


def test_widget_states_show_in_forced_colours(browser, site_url):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    problems = []
    try:
        page.emulate_media(forced_colors="active")
        # The projector toggle: pressed must differ from not pressed by more than an underline.
        ready(page, f"{site_url}/chapters/debate-prompts.html")
        assert page.evaluate("matchMedia('(forced-colors: active)').matches"), "forced colours are not emulated"
        button = page.locator("button.cw-projector").first
        off = page.evaluate(STATE_STYLE, button.element_handle())
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        page.mouse.move(0, 0)
        button.blur()
        on = page.evaluate(STATE_STYLE, button.element_handle())
        if on == off:
            problems.append(f"projector toggle: pressed and not pressed look the same in forced colours ({on})")
        button.click()
        # The self-check's verdict: a word and a symbol, and a visible border.
        ready(page, f"{site_url}/exercises/ch05-exercises.html")
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        fieldset = page.locator(".sc fieldset").first
        fieldset.locator("label").first.click()
        check = fieldset.get_by_role("button", name="Check my answer")
        if check.count():
            check.click()
        verdict = fieldset.locator(".sc-feedback")
        if not verdict.is_visible() or not verdict.locator(".sc-verdict").inner_text().strip():
            problems.append("self-check: the verdict does not show in forced colours")
        # The checklist: the current position on the scale is marked by a wider border.
        ready(page, f"{site_url}/chapters/barrier-checklist.html")
        page.locator(".cwc input[type=radio]").first.check()
        widths = page.evaluate("""() => [...document.querySelectorAll('.cwc ol.cwc-scale li')].map(li =>
            [li.getAttribute('aria-current') === 'true', parseFloat(getComputedStyle(li).borderTopWidth)])""")
        current = [w for c, w in widths if c]
        others = [w for c, w in widths if not c]
        if not current or not others or min(current) <= max(others):
            problems.append(f"checklist: the current position does not stand out in forced colours ({widths})")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


# --- no developer file paths on student pages ---------------------------------------------

INLINE_CODE = re.compile(r'<code class="docutils literal notranslate">(.*?)</code>', re.S)
DEVELOPER_PATH = re.compile(r"[\w-]+/[\w./-]+|\.(py|yml|yaml|json|js|ipynb|cfg|toml)\b")
# The tutors' how-to for adding a motion (chapters/debate-prompts.ipynb) is developer
# material on a student page; the "selfcheck" strand of issue 18 moves it off student
# pages. Until that merges, that one page is left out here. The lead removes this entry.
AWAITING_ISSUE_18: set[str] = set()  # pages whose fix is under way elsewhere; none now


def test_student_pages_show_no_developer_file_paths(site):
    """A file path in inline code cannot wrap at 320 px and means nothing to a student
    (glossary.html named the data file its definitions come from)."""
    found = []
    for rel in site_pages(site):
        if rel in AWAITING_ISSUE_18:
            continue
        text = (site / rel).read_text(encoding="utf-8")
        article = ARTICLE.search(text)
        for match in INLINE_CODE.finditer(article.group(0) if article else ""):
            code = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
            if DEVELOPER_PATH.search(code):
                found.append(f"{rel}: {code}")
    assert found == [], "developer file paths on student pages:\n" + "\n".join(found)
