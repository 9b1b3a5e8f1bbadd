"""WCAG 2.2 AA criteria that axe-core cannot judge, checked by behaviour (issue 9).

- 2.4.11 Focus not obscured (minimum): tabbing forwards and backwards through every
  page, at 375 px (touch phone) and 1280 px, no focused element is entirely hidden
  by the sticky header (or anything else the page pins to the screen).
- 2.5.8 Target size (minimum): every control a student can tap is at least 24 x 24
  CSS px, or has room around it (the 24 px circle test), or is a link inside a
  sentence (the "inline" exception).
- 3.2.6 Consistent help: the help the site offers on many pages (open an issue,
  the source repository, the glossary, anything named "help" or "contact") comes in
  the same relative order, in the same part of the page, on every page of both
  editions.
- 3.3.7 Redundant entry: what a student entered in a widget (ratings, choices,
  typed text) is there again after reloading the page and after leaving and coming
  back; they are never asked for it twice.

Each check was made to fail once against broken behaviour (see the ``*_can_fail``
tests, which keep that proof running).
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from conftest import _QuietHandler, load_page, reload_page

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TAB_STOPS = 30  # per direction and page: header, sidebar and the top (or bottom) of the content (kept at 30 so the test command stays near 15 minutes on 2 cores)
WIDTHS = {"phone": 375, "desktop": 1280}


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)


def widget_pages(site: Path) -> list[str]:
    return [rel for rel in site_pages(site) if f'type="{WIDGET_VIEW}"' in (site / rel).read_text(encoding="utf-8", errors="replace")]


def new_page(browser, width: int, **extra):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 740 if phone else 900},
                                  is_mobile=phone, has_touch=phone, **extra)
    return context, context.new_page()


def wait_for_widgets(page) -> None:
    views = page.locator(f'script[type="{WIDGET_VIEW}"]').count()
    if views:
        page.wait_for_function(
            """n => { const els = document.querySelectorAll('.course-widget');
                      return document.documentElement.dataset.courseWidgets === 'ready'
                          && els.length >= n && [...els].every(el => el.childElementCount > 0); }""",
            arg=views, timeout=15000,
        )


@pytest.fixture(scope="module")
def tutor_site() -> Path:
    from test_editions import tutor_build

    book = tutor_build()
    if not (book.site / "index.html").exists():
        pytest.fail("The tutor edition did not build:\n" + book.log[-4000:])
    return book.site


def split_between_two_browsers(browser, pages: list[str], scan) -> list[str]:
    """Run ``scan(browser, pages)`` on half the pages here and half in a second Chromium
    from a second thread (Playwright's sync API wants one instance per thread). The
    browser does the work, so two cores take half the time."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM_ARGS, chromium_path

    out: list = []

    def other_half():
        try:
            with sync_playwright() as pw:
                second = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                try:
                    out.append(scan(second, pages[1::2]))
                finally:
                    second.close()
        except Exception as exc:  # reported below, never lost
            out.append(exc)

    worker = threading.Thread(target=other_half)
    worker.start()
    mine = scan(browser, pages[0::2])
    worker.join()
    if not out or isinstance(out[0], Exception):
        raise RuntimeError(f"the second browser failed: {out[0] if out else 'no result'}")
    return mine + out[0]


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# --- 2.4.11 Focus not obscured (minimum) ----------------------------------------------

# Is the focused element entirely hidden by something pinned to the screen (position
# fixed or sticky) that does not contain it? Sampled on a grid over the part of its
# box inside the viewport; an element scrolled wholly out of view counts as hidden.
FOCUS_OBSCURED = """async () => {
    // Measure where things come to rest: the skip link, for one, slides in and out.
    await new Promise(requestAnimationFrame);
    await Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null)));
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    const describe = e => `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.') : ''}> ${(e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40)}`;
    // No area: nothing to obscure (a zero-size focus target is a 2.4.7 matter, reported apart).
    if (r.width === 0 || r.height === 0) return null;
    const vw = innerWidth, vh = innerHeight;
    const x0 = Math.max(r.left, 0), x1 = Math.min(r.right, vw), y0 = Math.max(r.top, 0), y1 = Math.min(r.bottom, vh);
    if (x1 <= x0 || y1 <= y0) return {what: describe(el), by: 'outside the viewport', rect: [r.left, r.top, r.width, r.height]};
    const pinned = e => { for (let n = e; n && n !== document.documentElement; n = n.parentElement) {
        const p = getComputedStyle(n).position; if (p === 'fixed' || p === 'sticky') return n; } return null; };
    let coveredBy = null;
    for (let i = 0; i < 5; i++) for (let j = 0; j < 3; j++) {
        const x = x0 + (x1 - x0) * (i + 0.5) / 5, y = y0 + (y1 - y0) * (j + 0.5) / 3;
        const hit = document.elementFromPoint(x, y);
        if (!hit || hit === el || el.contains(hit) || hit.contains(el)) return null;  // visible here
        const pin = pinned(hit);
        if (!pin || pin.contains(el)) return null;  // under something that scrolls with it: not this criterion
        coveredBy = pin;
    }
    return {what: describe(el), by: describe(coveredBy).slice(0, 60), rect: [r.left, r.top, r.width, r.height]};
}"""


def obscured_focus(page, url: str) -> list[str]:
    """Tab forwards from the top and backwards from the bottom; report hidden focus."""
    problems = []
    load_page(page, url)
    wait_for_widgets(page)
    for key, start in (("Tab", "top"), ("Shift+Tab", "bottom")):
        if start == "top":
            page.evaluate("() => { window.scrollTo(0, 0); document.activeElement && document.activeElement.blur(); }")
        else:
            # Start past the last control, at the end of the page, as after reading it.
            page.evaluate("""() => { const end = document.createElement('span'); end.tabIndex = -1; end.id = 'wcag22-end';
                                     document.body.append(end); end.focus(); window.scrollTo(0, document.body.scrollHeight); }""")
        for _ in range(TAB_STOPS):
            page.keyboard.press(key)
            hidden = page.evaluate(FOCUS_OBSCURED)
            if hidden:
                problems.append(f"{key}: {hidden['what']} hidden by {hidden['by']} at {[round(v) for v in hidden['rect']]}")
    return problems


def _focus_matrix(browser, site: Path, width: int, pages=None, css: str | None = None) -> list[str]:
    server, base = serve(site)

    def scan(chromium, share: list[str]) -> list[str]:
        context, page = new_page(chromium, width)
        problems = []
        try:
            if css:
                context.add_init_script(f"""document.addEventListener('DOMContentLoaded', () => {{
                    const s = document.createElement('style'); s.textContent = {css!r}; document.head.append(s); }});""")
            for rel in share:
                problems += [f"{rel}: {p}" for p in obscured_focus(page, f"{base}/{rel}")]
        finally:
            context.close()
        return problems

    try:
        return split_between_two_browsers(browser, pages or site_pages(site), scan)
    finally:
        server.shutdown()


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_focus_is_never_hidden_by_the_sticky_header(browser, site, width_name):
    problems = _focus_matrix(browser, site, WIDTHS[width_name])
    assert problems == [], f"{len(problems)} focus stop(s) entirely hidden (WCAG 2.4.11):\n" + "\n".join(problems[:40])


def test_focus_check_can_fail(browser, site):
    """Against a page whose header covers the content (no scroll padding, a tall
    header), Shift+Tab puts focus under it, and the check says so."""
    broken = ("html { scroll-padding-top: 0 !important; } .bd-header { min-height: 40vh !important; }"
              ".bd-header-article { scroll-margin-top: 0 !important; }")
    problems = _focus_matrix(browser, site, WIDTHS["phone"], pages=["chapters/05-critiques.html"], css=broken)
    assert problems, "the focus check did not notice a header covering the focused element"


# --- 2.5.8 Target size (minimum) ------------------------------------------------------

TARGETS = """(scope) => {
    const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=tab], [role=link], [tabindex]:not([tabindex="-1"])';
    // With the phone's site menu open, the page behind it is covered: only the menu's own targets can be tapped.
    const root = scope ? document.querySelector(scope) : document;
    const all = [...root.querySelectorAll(sel)].filter(el => {
        if (el.closest('[hidden], [inert], [aria-hidden="true"]')) return false;
        const s = getComputedStyle(el);
        if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0 && !el.matches(':focus-within')) return false;
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1;   // visually-hidden (clipped) elements are not targets
    });
    // A radio or checkbox and its label are one target (clicking either activates it).
    const sameTarget = (a, b) => a.contains(b) || b.contains(a) || (a.labels && [...a.labels].includes(b)) || (b.labels && [...b.labels].includes(a))
        || (a.labels && b.labels && [...a.labels].some(l => l.contains(b) || b.contains(l)));
    const blockOf = el => { let n = el.parentElement; while (n && getComputedStyle(n).display.startsWith('inline')) n = n.parentElement; return n; };
    const inline = el => {
        if (!getComputedStyle(el).display.startsWith('inline')) return false;
        const block = blockOf(el);
        if (!block) return false;
        // In a sentence: the block holds more text than the link itself.
        return block.textContent.replace(/\\s+/g, ' ').trim().length > el.textContent.replace(/\\s+/g, ' ').trim().length + 1;
    };
    const rects = all.map(el => el.getBoundingClientRect());
    const small = rects.map(r => r.width < 24 - 0.01 || r.height < 24 - 0.01);
    const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
    const distToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const problems = [];
    all.forEach((el, i) => {
        if (!small[i] || inline(el)) return;
        const c = centre(rects[i]);
        let clash = null;
        all.forEach((other, j) => {
            if (clash || i === j || sameTarget(el, other)) return;
            const near = small[j] ? Math.hypot(c[0] - centre(rects[j])[0], c[1] - centre(rects[j])[1]) < 24 : distToRect(c, rects[j]) < 12;
            if (near) clash = other;
        });
        if (clash) {
            const d = e => `<${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/)[0] : ''}> ${(e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 30)}`;
            problems.push(`${d(el)} is ${Math.round(rects[i].width)}x${Math.round(rects[i].height)} px and too close to ${d(clash)}`);
        }
    });
    return problems;
}"""


def small_targets(page, url: str, open_menus: bool) -> list[str]:
    load_page(page, url)
    wait_for_widgets(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # expandable parts too
    found = page.evaluate(TARGETS, None)
    if open_menus:
        # The phone's site menu (the primary sidebar) is a page of targets of its own.
        toggle = page.locator("button.primary-toggle:visible").first
        if toggle.count():
            toggle.click()
            page.wait_for_timeout(300)
            found += [f"(site menu) {p}" for p in page.evaluate(TARGETS, ".bd-sidebar-primary")]
    return sorted(set(found))


def _target_matrix(browser, site: Path, width: int, pages=None, css: str | None = None) -> list[str]:
    server, base = serve(site)

    def scan(chromium, share: list[str]) -> list[str]:
        context, page = new_page(chromium, width)
        problems = []
        try:
            if css:
                context.add_init_script(f"""document.addEventListener('DOMContentLoaded', () => {{
                    const s = document.createElement('style'); s.textContent = {css!r}; document.head.append(s); }});""")
            for rel in share:
                problems += [f"{rel}: {p}" for p in small_targets(page, f"{base}/{rel}", open_menus=width < 600)]
        finally:
            context.close()
        return problems

    try:
        return split_between_two_browsers(browser, pages or site_pages(site), scan)
    finally:
        server.shutdown()


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_every_control_is_big_enough_to_tap(browser, site, width_name):
    problems = _target_matrix(browser, site, WIDTHS[width_name])
    assert problems == [], f"{len(problems)} target(s) under 24 x 24 px without room (WCAG 2.5.8):\n" + "\n".join(problems[:60])


def test_target_size_check_can_fail(browser, site):
    """Shrink the self-check's radio buttons and stack them tightly: the check must object."""
    broken = (".course-widget input[type=radio] { width: 10px !important; height: 10px !important; margin: 0 !important; }"
              ".course-widget label { font-size: 6px !important; line-height: 1 !important; }"
              ".course-widget .sc-option, .course-widget .sc-options { padding: 0 !important; gap: 0 !important; }")
    problems = _target_matrix(browser, site, WIDTHS["phone"], pages=["exercises/ch05-exercises.html"], css=broken)
    assert any("input" in p for p in problems), "the target-size check did not notice 10 px radio buttons"


# --- 3.2.6 Consistent help ------------------------------------------------------------

HELP_LINKS = """() => {
    const region = el => el.closest('header, .bd-header, .bd-header-article') ? 'header'
        : el.closest('.bd-sidebar-primary') ? 'site menu' : el.closest('footer, .bd-footer') ? 'footer'
        : el.closest('.bd-sidebar-secondary') ? 'page contents' : 'article';
    const kind = a => {
        const href = a.getAttribute('href') || '', text = (a.getAttribute('aria-label') || a.textContent || '').trim().toLowerCase();
        if (/\\/issues(\\/|$|\\?)/.test(href)) return 'open an issue';
        if (/^https:\\/\\/github\\.com\\/[^/]+\\/[^/?#]+\\/?$/.test(href)) return 'source repository';
        if (/(^|\\/)glossary\\.html$/.test(href.split('#')[0]) && !a.closest('.bd-article')) return 'glossary';
        if (/\\b(help|contact|support)\\b/.test(text)) return 'help: ' + text.slice(0, 30);
        return null;
    };
    return [...document.querySelectorAll('a[href]')].map(a => [kind(a), region(a)]).filter(([k]) => k).map(([k, r]) => `${k} (${r})`);
}"""


def help_order(page, url: str) -> list[str]:
    page.goto(url, wait_until="domcontentloaded")
    seen, order = set(), []
    for item in page.evaluate(HELP_LINKS):
        if item not in seen:
            seen.add(item)
            order.append(item)
    return order


def inconsistent_help(orders: dict[str, list[str]]) -> list[str]:
    """Every pair of pages lists the help they share in the same relative order."""
    problems = []
    reference_page, reference = max(orders.items(), key=lambda kv: len(kv[1]))
    rank = {item: i for i, item in enumerate(reference)}
    for rel, order in orders.items():
        shared = [item for item in order if item in rank]
        if shared != sorted(shared, key=rank.get):
            problems.append(f"{rel}: {shared} (on {reference_page}: {reference})")
    return problems


def test_help_comes_in_the_same_order_on_every_page(browser, site, tutor_site):
    orders = {}
    for edition, root in (("student", site), ("tutor", tutor_site)):
        server, base = serve(root)
        context, page = new_page(browser, WIDTHS["desktop"])
        try:
            for rel in site_pages(root):
                if rel == "index.html":
                    continue  # the redirect to the first page
                orders[f"{edition}:{rel}"] = help_order(page, f"{base}/{rel}")
        finally:
            context.close()
            server.shutdown()
    with_help = {k: v for k, v in orders.items() if v}
    assert len(with_help) >= len(orders) - 3, "most pages should offer help (an issue link, the repository, the glossary)"
    problems = inconsistent_help(orders)
    assert problems == [], "help is not in the same relative order (WCAG 3.2.6):\n" + "\n".join(problems)


def test_consistent_help_check_can_fail():
    orders = {"a.html": ["open an issue (header)", "glossary (site menu)"],
              "b.html": ["glossary (site menu)", "open an issue (header)"]}
    assert inconsistent_help(orders), "the check did not notice help links in a different order"


# --- 3.3.7 Redundant entry ------------------------------------------------------------

# Enter something in every widget: the first option of every radio group, the last
# of every select, text in every text box. Returns what was entered, by position.
ENTER = """tag => {
    const entered = {};
    document.querySelectorAll('.course-widget').forEach((w, wi) => {
        const groups = new Set();
        // The last choice of each radio group: a real answer (a checklist's first
        // choice is "Not answered", already checked, so clicking it enters nothing).
        const radios = [...w.querySelectorAll('input[type=radio]')].reverse();
        radios.forEach(r => {
            if (groups.has(r.name) || r.disabled) return; groups.add(r.name); r.click();
        });
        w.querySelectorAll('select').forEach((s, i) => { if (s.disabled || s.options.length < 2) return;
            s.selectedIndex = s.options.length - 1; s.dispatchEvent(new Event('change', {bubbles: true})); });
        w.querySelectorAll('textarea, input[type=text]').forEach((b, i) => { if (b.disabled || b.readOnly) return;
            b.focus(); b.value = `${tag} ${wi}.${i}`; b.dispatchEvent(new Event('input', {bubbles: true}));
            b.dispatchEvent(new Event('change', {bubbles: true})); b.blur(); });
    });
}"""
READ = """() => [...document.querySelectorAll('.course-widget')].map((w, wi) => ({
    checked: [...w.querySelectorAll('input[type=radio], input[type=checkbox]')].map(r => r.checked ? 1 : 0).join(''),
    ratings: [...w.querySelectorAll('.cwc input[type=radio]:checked:not([data-value=""])')].length,
    selects: [...w.querySelectorAll('select')].map(s => s.selectedIndex).join(','),
    text: [...w.querySelectorAll('textarea, input[type=text]')].map(b => b.value),
}))"""


# Broken behaviour for the checks below: the checklist saves its answers but not its
# ratings (every "ratings" field is emptied on its way into storage).
DROP_RATINGS = """(() => {
    const set = Storage.prototype.setItem;
    const strip = (v) => { if (v && typeof v === 'object') for (const k of Object.keys(v)) {
        if (k === 'ratings' && v[k] && typeof v[k] === 'object') v[k] = {}; else strip(v[k]); } };
    Storage.prototype.setItem = function (key, value) {
        try { const data = JSON.parse(value); strip(data); value = JSON.stringify(data); } catch (e) {}
        return set.call(this, key, value);
    };
})();"""


def forgotten_entries(browser, site: Path, pages: list[str], forget: bool | str = False) -> list[str]:
    server, base = serve(site)
    context, page = new_page(browser, WIDTHS["phone"])
    if forget == "ratings":
        context.add_init_script(DROP_RATINGS)
    elif forget:  # broken behaviour: a browser where nothing a widget stored survives a reload
        context.add_init_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
    problems = []
    try:
        for rel in pages:
            load_page(page, f"{base}/{rel}")
            wait_for_widgets(page)
            page.evaluate(ENTER, "typed on " + rel)
            page.wait_for_timeout(300)  # saving may be debounced
            before = page.evaluate(READ)
            entered = any(w["text"] or "1" in w["checked"] for w in before)
            assert entered, f"{rel}: nothing could be entered in its widgets"
            if page.locator(".cwc").count():  # a checklist: a rating was entered, not only notes
                assert any(w["ratings"] for w in before), f"{rel}: no checklist rating was entered"
            for how in ("reload", "leave and come back"):
                if how == "reload":
                    reload_page(page)
                else:
                    load_page(page, f"{base}/intro.html")
                    load_page(page, f"{base}/{rel}")
                wait_for_widgets(page)
                after = page.evaluate(READ)
                if after != before:
                    lost = [f"widget {i + 1}: {b} -> {a}" for i, (b, a) in enumerate(zip(before, after)) if a != b]
                    problems.append(f"{rel} after {how}: " + "; ".join(lost)[:400])
            page.evaluate("localStorage.clear()")
    finally:
        context.close()
        server.shutdown()
    return problems


def test_what_a_student_entered_is_kept(browser, site):
    pages = widget_pages(site)
    assert pages, "no page holds a widget"
    problems = forgotten_entries(browser, site, pages)
    assert problems == [], "a student would have to enter this again (WCAG 3.3.7):\n" + "\n".join(problems)


def test_redundant_entry_check_can_fail(browser, site):
    problems = forgotten_entries(browser, site, widget_pages(site)[:1], forget=True)
    assert problems, "the check did not notice a widget that forgot what was entered"


def test_redundant_entry_check_finds_unsaved_checklist_ratings(browser, site):
    """The check enters a checklist rating, not only notes: a checklist that saves its
    notes but drops its ratings fails it."""
    pages = [rel for rel in widget_pages(site) if "barrier-checklist" in rel]
    assert pages, "no checklist page found"
    problems = forgotten_entries(browser, site, pages[:1], forget="ratings")
    assert problems, "the check did not notice a checklist that forgot its ratings"
