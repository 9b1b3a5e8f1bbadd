"""WCAG 2.2 AA criteria that axe-core cannot judge, checked by behaviour (issues 9 and 21).

One test per cell (an edition, student or tutor, at 375 px, a touch phone, or 1280 px)
loads every page of the edition ONCE and checks on that load:

- the keyboard walk: EVERY Tab stop, from the top of the page to the end with Tab and
  from the end to the top with Shift+Tab, and on a phone the same inside each menu the
  header opens (the site menu, "On this page"). At each stop:
  - 2.4.7 Focus visible: the focused element (or its label) looks different from the
    same element unfocused: an outline, a ring, a border or background that changes;
  - 2.4.11 Focus not obscured (minimum): it is not entirely hidden by the sticky
    header or anything else pinned to the screen, nor scrolled out of view;
  and for each walk:
  - 2.1.2 No keyboard trap: the walk reaches the end (focus leaves the page, or comes
    round to the start of a dialog) without revisiting a stop; Escape closes a menu
    and gives focus back to its button;
  - 2.4.3 Focus order: Shift+Tab visits the same stops as Tab, in the reverse order;
- 2.5.8 Target size (minimum): every control a student can tap is at least 24 x 24
  CSS px, or has room around it (the 24 px circle test), or is a link inside a
  sentence (the "inline" exception); on a phone, inside each open menu too;
- at 1280 px, the help links for 3.2.6 (below).

On a tutor page that is its student twin but for the site menu (``menu_only_pages``),
the tutor cell walks the site menu and the student cell every other stop: see
MENU_ONLY_WALK.

Each cell prints the pages and stops it checked and its time. Then:

- 3.2.6 Consistent help: the help the site offers on many pages (open an issue,
  the source repository, the glossary, anything named "help" or "contact") comes in
  the same relative order, in the same part of the page, on every page of both
  editions (read by the 1280 px cells; loaded here only if they have not run).
- 3.3.7 Redundant entry: what a student entered in a widget (ratings, choices,
  typed text) is there again after reloading the page and after leaving and coming
  back; they are never asked for it twice.

Each check was made to fail once against broken behaviour (see the ``*_can_fail``
tests, which keep that proof running).
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import _QuietHandler, announce, load_page, reload_page
from test_accessibility import NO_TRANSITIONS, UNLIKE_ITS_TWIN, menu_only_pages


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDTHS = {"phone": 375, "desktop": 1280}
CELLS = [(edition, width) for edition in ("student", "tutor") for width in WIDTHS]


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

    if len(pages) < 2:
        return scan(browser, pages)
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


# Each control's labels (a Map), from one pass over the page's labels: el.labels searches
# the whole document on every call, which made the target check take 16 s on the
# case-studies page (1,300 targets) and was a tenth of that page's keyboard walk.
LABELS_BY_CONTROL = """() => {
    const map = new Map();
    for (const label of document.querySelectorAll('label')) {
        const control = label.control;
        if (control) map.set(control, [...(map.get(control) || []), label]);
    }
    return map;
}"""

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
    const labelsOf = (""" + LABELS_BY_CONTROL + """)();
    const sameTarget = (a, b) => {
        const la = labelsOf.get(a), lb = labelsOf.get(b);
        return a.contains(b) || b.contains(a) || (la && la.includes(b)) || (lb && lb.includes(a))
            || (la && lb && la.some(l => l.contains(b) || b.contains(l)));
    };
    const blockOf = el => { let n = el.parentElement; while (n && getComputedStyle(n).display.startsWith('inline')) n = n.parentElement; return n; };
    const textLength = new Map();  // a block's text length, once per block
    const lengthOf = n => { if (!textLength.has(n)) textLength.set(n, n.textContent.replace(/\\s+/g, ' ').trim().length); return textLength.get(n); };
    const inline = el => {
        if (!getComputedStyle(el).display.startsWith('inline')) return false;
        const block = blockOf(el);
        if (!block) return false;
        // In a sentence: the block holds more text than the link itself.
        return lengthOf(block) > el.textContent.replace(/\\s+/g, ' ').trim().length + 1;
    };
    const rects = all.map(el => el.getBoundingClientRect());
    const small = rects.map(r => r.width < 24 - 0.01 || r.height < 24 - 0.01);
    const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
    const centres = rects.map(centre);
    const distToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const problems = [];
    all.forEach((el, i) => {
        if (!small[i] || inline(el)) return;
        const c = centres[i];
        let clash = null;
        all.forEach((other, j) => {
            if (clash || i === j) return;
            // Distance first (arithmetic), the DOM comparison only for a near pair: the same
            // first clash in document order as testing them the other way round.
            const near = small[j] ? Math.hypot(c[0] - centres[j][0], c[1] - centres[j][1]) < 24 : distToRect(c, rects[j]) < 12;
            if (near && !sameTarget(el, other)) clash = other;
        });
        if (clash) {
            const d = e => `<${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/)[0] : ''}> ${(e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 30)}`;
            problems.push(`${d(el)} is ${Math.round(rects[i].width)}x${Math.round(rects[i].height)} px and too close to ${d(clash)}`);
        }
    });
    return problems;
}"""


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


def first_seen(items: list[str]) -> list[str]:
    seen, order = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            order.append(item)
    return order


def help_order(page, url: str) -> list[str]:
    page.goto(url, wait_until="domcontentloaded")
    return first_seen(page.evaluate(HELP_LINKS))


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


# --- One load per page and cell: the keyboard walk, target size, help -------------------
#
# A cell is an edition at a width. Each page of the cell is loaded once; with every
# <details> opened (so the controls of a folded checklist are reached too) the page is
# checked for target size (2.5.8), then walked with Tab from the top to the end and
# with Shift+Tab from the end to the top, and, on a phone, the same again inside each
# menu the header opens (the site menu and "On this page", modal dialogs). At 1280 px
# the help links (3.2.6) are read from the same load.
#
# The walk is fast because nothing waits between key presses: a recorder in the page
# checks each stop in the keyup of the Tab that reached it, when the browser has moved
# focus and scrolled it into view, and Python reads the whole walk in one evaluate.
# Transitions take no time in the walked pages (NO_TRANSITIONS), so what is measured
# is where things come to rest; the context asks for reduced motion, so scrolling is
# instant (course.css), as the old per-stop wait for a frame ensured. (The walk used to
# finish running transitions at each stop, with document.getAnimations(): the same
# state, at 2 ms a stop on a long page.)

# FOCUS_CHECKS measures a stop and FOCUS_RECORDER (window.__focusWalk) keeps the walk.
# At each stop it records:
# - hidden (2.4.11): the element entirely hidden by something pinned to the screen
#   (position fixed or sticky) that does not contain it, sampled on a 5 x 3 grid over
#   its box inside the viewport; wholly outside the viewport counts as hidden. PINS_FIRST:
#   the grid's hit tests (elementFromPoint) were 62% of the walk's time in the page, as
#   each brings the whole page's rendering up to date after the focus moved and it
#   scrolled; so they run only where a pinned element or something it holds overlaps
#   the box (when nothing pinned overlaps it, no hit can land on one). Every
#   VERIFY_EVERY-th stop runs them anyway and reports a hidden stop the quick test missed;
# - change (2.4.7): which properties of the element (or of its labels, or, for an
#   element with no box of its own, of its children) differ between focused and
#   unfocused: outline, box-shadow, border, background, colour, underline. It is
#   measured when focus has moved on, so "unfocused" is the same element a moment later;
# - key: its identity, with a radio group as one stop (Tab enters a group at its
#   checked radio, or at the first going forwards and the last going backwards).
# The walk ends when focus leaves the page (or dialog), comes back to its first stop,
# or reaches a stop it has seen before or cannot leave: the last two are traps (2.1.2).
VERIFY_EVERY = 8
FOCUS_CHECKS = """() => {
    const ids = new WeakMap();
    let serial = 0;
    const keyOf = el => {
        if (el.type === 'radio' && el.name) return 'radio:' + (el.form ? keyOf(el.form) : '') + el.name;
        if (!ids.has(el)) ids.set(el, 'e' + (++serial));
        return ids.get(el);
    };
    // Each control's labels (LABELS_BY_CONTROL), found again after elements come or go or
    // an id or a for changes (the observer below).
    let labelMap = null;
    const labelsOf = el => (labelMap = labelMap || (""" + LABELS_BY_CONTROL + """)()).get(el) || [];
    const text = e => (e.getAttribute('aria-label') || (labelsOf(e)[0] ? labelsOf(e)[0].textContent : '')
                       || e.textContent || e.value || e.name || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    const describe = e => `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string'
        && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.') : ''}${e.type === 'radio' ? ' radio' : ''}> ${text(e)}`;
    const PROPS = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'borderTopColor', 'borderBottomColor', 'borderLeftColor',
                   'borderRightColor', 'borderTopWidth', 'borderBottomWidth', 'backgroundColor', 'color', 'textDecorationLine'];
    const clear = c => c === 'transparent' || /^rgba\\(.*,\\s*0\\)$/.test(c);
    const look = el => {
        const s = getComputedStyle(el), out = {};
        for (const p of PROPS) out[p] = s[p];
        if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 || clear(s.outlineColor))
            out.outlineStyle = out.outlineWidth = out.outlineColor = 'none';  // no outline drawn, whatever its colour
        return out;
    };
    const boxed = el => { const r = el.getBoundingClientRect(); return r.width > 2 && r.height > 2; };
    const indicators = el => {
        const own = [el, ...labelsOf(el)].filter(boxed);
        return own.length ? own : [...el.querySelectorAll('*')].filter(boxed).slice(0, 5);
    };
    const pinned = n => { const p = getComputedStyle(n).position; return p === 'fixed' || p === 'sticky'; };
    const pinnedBy = e => { for (let n = e; n && n !== document.documentElement; n = n.parentElement) {
        if (pinned(n)) return n; } return null; };
    // The pinned elements (and what they hold, which may reach outside their box), found
    // once and kept up to date as elements are added: see PINS_FIRST below.
    const pins = new Map();
    // A pin that clips its overflow (a scrolling sidebar) paints nothing outside its box;
    // what it holds that is pinned itself is a pin of its own.
    const clips = n => getComputedStyle(n).overflowX !== 'visible';
    const addPins = root => { for (const n of [root, ...root.querySelectorAll('*')]) if (pinned(n)) pins.set(n, clips(n) ? [n] : [n, ...n.querySelectorAll('*')]); };
    addPins(document.body);
    new MutationObserver(records => {
        labelMap = null;
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) addPins(n);
    }).observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'for']});
    const pinsOver = (el, x0, y0, x1, y1) => {
        for (const [pin, parts] of pins) {
            if (!pin.isConnected || pin.contains(el)) continue;
            for (const part of parts) {
                const b = part.getBoundingClientRect();
                if (b.right > x0 && b.left < x1 && b.bottom > y0 && b.top < y1) return true;
            }
        }
        return false;
    };
    const obscured = (el, shown, verify) => {
        if (!shown.length) return null;  // nothing drawn to hide (reported under 2.4.7)
        const r = shown[0].getBoundingClientRect();
        const x0 = Math.max(r.left, 0), x1 = Math.min(r.right, innerWidth), y0 = Math.max(r.top, 0), y1 = Math.min(r.bottom, innerHeight);
        if (x1 <= x0 || y1 <= y0) return 'outside the viewport';
        const over = pinsOver(el, x0, y0, x1, y1);
        if (!over && !verify) return null;
        let by = null;
        for (let i = 0; i < 5; i++) for (let j = 0; j < 3; j++) {
            const hit = document.elementFromPoint(x0 + (x1 - x0) * (i + 0.5) / 5, y0 + (y1 - y0) * (j + 0.5) / 3);
            if (!hit || hit.contains(el) || shown.some(s => s.contains(hit))) return null;  // visible here
            const pin = pinnedBy(hit);
            if (!pin || pin.contains(el)) return null;  // under something that scrolls with it: not this criterion
            by = pin;
        }
        return describe(by).slice(0, 60) + (over ? '' : ' (missed by the quick check: PINS_FIRST)');
    };
    return {keyOf, describe, PROPS, look, indicators, obscured};
}"""
# NO_TRANSITIONS (test_accessibility.py): a style change takes effect at once, so each
# stop is measured at rest, however fast the presses come.
FOCUS_RECORDER = """() => {
    if (window.__focusWalk) return;
    const {keyOf, describe, PROPS, look, indicators, obscured} = (""" + FOCUS_CHECKS + """)();
    const VERIFY_EVERY = """ + str(VERIFY_EVERY) + """;
    const walk = window.__focusWalk = {};
    walk.start = (key, wrapFirst, region) => {
        const scope = region ? document.querySelector(region) : null;  // a walk of one part of the page: see WALK_FROM
        Object.assign(walk, {key, wrapFirst, scope, round: wrapFirst, stops: [], ended: null, active: true, previous: null, seen: new Set(), scrolledTo: scrollY});
    };
    walk.end = why => { walk.ended = why; walk.active = false; };
    walk.record = el => {
        // A browser fires scroll events once a frame; the presses come faster than frames,
        // so fire one now, as a frame would before a person's next key press (the theme's
        // "Back to top" button shows and hides on scroll).
        if (scrollY !== walk.scrolledTo) { walk.scrolledTo = scrollY; dispatchEvent(new Event('scroll')); }
        const prev = walk.previous;
        if (prev && prev.el !== el && prev.el.isConnected) {  // now unfocused: does it look different?
            const now = prev.indicators.map(look);
            prev.stop.change = [...new Set(prev.looks.flatMap((was, i) => PROPS.filter(p => was[p] !== now[i][p])))];
        }
        if (!el || el === document.body || el === document.documentElement) {
            if (walk.wrapFirst && !walk.stops.length) { walk.wrapFirst = false; return; }  // out and in again: see WALK_FROM
            return walk.end('left');
        }
        if (walk.scope && !walk.scope.contains(el)) return walk.end('left');
        const key = keyOf(el);
        // Round a dialog (wrapFirst), focus may come back in at the dialog or at its first control.
        const starts = walk.stops.slice(0, walk.round ? 2 : 1).map(s => s.key);
        if (starts.includes(key)) return walk.end('back to the start');
        if (walk.seen.has(key)) { walk.trap = describe(el); return walk.end('trapped'); }
        walk.seen.add(key);
        const shown = indicators(el);
        const verify = walk.stops.length % VERIFY_EVERY === 0;
        const stop = {key, what: describe(el), boxed: shown.length > 0, hidden: obscured(el, shown, verify), change: null};
        walk.stops.push(stop);
        walk.previous = {el, stop, indicators: shown, looks: shown.map(look)};
    };
    walk.result = () => ({stops: walk.stops, ended: walk.ended, trap: walk.trap || null});
    addEventListener('keyup', ev => {
        if (walk.active && ev.key === 'Tab' && ev.shiftKey === (walk.key === 'Shift+Tab')) walk.record(document.activeElement);
    }, true);
}"""

# Where a walk starts: a marker (tabindex -1, so never a stop itself) at the start or the
# end of the page, or of the open dialog, focused as if the reader had got there. The
# number returned is how many stops to expect, to press that many keys before looking.
# A modal dialog can itself be a stop (a scrolling box is, in Chromium), before its
# first control, where no marker can go; so both walks of a dialog start at its end:
# Shift+Tab as on a page, and Tab, which leaves the page once and comes back in at
# the dialog's first stop (the recorder's ``wrapFirst``). A walk of one region of the
# page (``region``, a selector: the site menu of a tutor page, MENU_ONLY_WALK) starts just
# before or just after it, as the region may be a stop itself (a scrolling box), and ends
# when focus leaves it; that marker is taken out of the layout (position absolute), so
# that the region is measured where it is.
WALK_FROM = """([where, inDialog, region]) => {
    const scope = inDialog ? document.querySelector('dialog[open]') : region ? document.querySelector(region) : document.body;
    const marker = document.getElementById('wcag22-' + where) || document.createElement('span');
    marker.id = 'wcag22-' + where;
    marker.tabIndex = -1;
    if (region) { marker.style.position = 'absolute'; if (where === 'start') scope.before(marker); else scope.after(marker); }
    else if (where === 'start') scope.prepend(marker); else scope.append(marker);
    marker.focus({preventScroll: !!region});
    if (!inDialog && !region) window.scrollTo(0, where === 'start' ? 0 : document.body.scrollHeight);
    const groups = new Set();
    return [...scope.querySelectorAll('a[href], button, input, select, textarea, summary, iframe, [tabindex]')].filter(el => {
        if (el.tabIndex < 0 || el.disabled || !el.getClientRects().length) return false;
        if (el.type === 'radio' && el.name) { if (groups.has(el.name)) return false; groups.add(el.name); }
        return true;
    }).length;
}"""


class KeyPresser:
    """Presses Tab (or Shift+Tab) in one page many times at once. Through Playwright
    each press is two round trips from Python to the browser (15,000 stops took ten
    minutes on a busy machine); here the key events go straight to Chromium over a
    second DevTools connection to the same page, all sent before any reply is read.
    Chromium handles a page's input events one after another, each to its end, so the
    recorder in the page sees every stop as it would with single presses."""

    SHIFT = 8  # the DevTools protocol's modifier bit

    def __init__(self, page, port: int):
        import websocket  # websocket-client, in requirements-test.lock (via jupyter-server)

        target = page.context.new_cdp_session(page).send("Target.getTargetInfo")["targetInfo"]["targetId"]
        self.socket = websocket.create_connection(f"ws://127.0.0.1:{port}/devtools/page/{target}", suppress_origin=True)
        self.sent = 0

    def press(self, key: str, times: int, paced: bool = False) -> None:
        """``paced``: wait for two frames after each press, as a person's pace allows."""
        if paced:
            for _ in range(times):
                self.press(key, 1)
                self.send("Runtime.evaluate", {"expression": "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))",
                                               "awaitPromise": True})
                self.replies(1)
            return
        modifiers = self.SHIFT if key == "Shift+Tab" else 0
        for _ in range(times):
            for kind in ("rawKeyDown", "keyUp"):
                self.send("Input.dispatchKeyEvent", {"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9,
                                                     "modifiers": modifiers})
        self.replies(2 * times)

    def send(self, method: str, params: dict) -> None:
        self.sent += 1
        self.socket.send(json.dumps({"id": self.sent, "method": method, "params": params}))

    def replies(self, count: int) -> None:
        answered = 0
        while answered < count:
            reply = json.loads(self.socket.recv())
            if "error" in reply:
                raise RuntimeError(f"Chromium refused a key press: {reply['error']}")
            answered += "id" in reply

    def close(self) -> None:
        self.socket.close()


def tab_through(page, keys: KeyPresser, key: str, expected: int, wrap_first: bool = False, paced: bool = False,
                region: str | None = None) -> dict:
    """Press ``key`` until the walk ends (the recorder checks each stop as it goes):
    first as many times as there should be stops, then a few at a time. A walk that
    has not ended after twice that is a trap too."""
    page.evaluate("([k, w, r]) => window.__focusWalk.start(k, w, r)", [key, wrap_first, region])
    pressed, batch = 0, expected + 2
    while pressed < 2 * expected + 20:
        keys.press(key, batch, paced)
        pressed += batch
        if page.evaluate("() => window.__focusWalk.ended"):
            break
        batch = 5
    walked = page.evaluate("() => window.__focusWalk.result()")
    if walked["ended"] is None:
        walked.update(ended="trapped", trap=f"still going after {pressed} presses")
    return walked


def stop_problems(where: str, walked: dict, direction: str) -> list[str]:
    problems = []
    for stop in walked["stops"]:
        if stop["hidden"]:
            problems.append(f"{where} {direction}: {stop['what']} hidden by {stop['hidden']} (2.4.11)")
        if not stop["boxed"]:
            problems.append(f"{where} {direction}: {stop['what']} has no visible box to show focus (2.4.7)")
        elif stop["change"] == []:
            problems.append(f"{where} {direction}: {stop['what']} looks the same focused and unfocused (2.4.7)")
    if walked["ended"] == "trapped":
        problems.append(f"{where} {direction}: keyboard trap at {walked['trap']} after {len(walked['stops'])} stops (2.1.2)")
    return problems


def order_problem(where: str, forwards: list[dict], backwards: list[dict]) -> list[str]:
    """Shift+Tab visits the stops Tab visits, in the reverse order (2.4.3)."""
    ahead = [s["key"] for s in forwards]
    back = [s["key"] for s in reversed(backwards)]
    if ahead == back:
        return []
    i = next((n for n, (a, b) in enumerate(zip(ahead, back)) if a != b), min(len(ahead), len(back)))
    name = {s["key"]: s["what"] for s in forwards + backwards}
    around = lambda keys: [name[k] for k in keys[max(i - 1, 0):i + 2]]  # noqa: E731
    return [f"{where}: Shift+Tab does not retrace Tab ({len(ahead)} stops forwards, {len(back)} backwards); "
            f"from stop {i + 1}, forwards {around(ahead)}, backwards reversed {around(back)} (2.4.3)"]


def walk_both_ways(page, keys: KeyPresser, where: str, in_dialog: bool = False,
                   region: str | None = None) -> tuple[int, list[str]]:
    """Tab from the start to the end and Shift+Tab from the end to the start (of the page,
    the open dialog, or ``region``); return the stops checked and the problems found."""
    page.evaluate(FOCUS_RECORDER)
    forwards, backwards = both_ways(page, keys, in_dialog, region=region)
    problems = stop_problems(where, forwards, "Tab") + stop_problems(where, backwards, "Shift+Tab")
    if "trapped" in (forwards["ended"], backwards["ended"]):
        return len(forwards["stops"]) + len(backwards["stops"]), problems
    order = order_problem(where, forwards["stops"], backwards["stops"])
    if order:
        # Presses faster than frames can outrun what the page redraws on scroll through
        # an IntersectionObserver (the theme's "On this page" opens the current section's
        # entries): walk again at a person's pace, two frames a stop, before reporting.
        again = both_ways(page, keys, in_dialog, paced=True, region=region)
        order = order_problem(where, again[0]["stops"], again[1]["stops"])
    return len(forwards["stops"]) + len(backwards["stops"]), problems + order


def both_ways(page, keys: KeyPresser, in_dialog: bool, paced: bool = False, region: str | None = None) -> tuple[dict, dict]:
    expected = page.evaluate(WALK_FROM, ["end" if in_dialog else "start", in_dialog, region])
    forwards = tab_through(page, keys, "Tab", expected, wrap_first=in_dialog, paced=paced, region=region)
    page.evaluate(WALK_FROM, ["end", in_dialog, region])
    return forwards, tab_through(page, keys, "Shift+Tab", max(len(forwards["stops"]), expected), paced=paced, region=region)


PHONE_MENUS = {"site menu": "button.primary-toggle", "page contents": "button.secondary-toggle"}


def walk_phone_menus(page, keys: KeyPresser, menus: tuple[str, ...] = tuple(PHONE_MENUS)) -> tuple[int, list[str]]:
    """Each menu the header opens on a phone (of ``menus``): opened from the keyboard
    (Enter on its button), checked for target size, walked both ways, then closed with
    Escape, which must give focus back to the button (no trap, 2.1.2)."""
    stops, problems = 0, []
    for name in menus:
        selector = PHONE_MENUS[name]
        toggle = page.locator(f".bd-header-article {selector}:visible").first
        if not toggle.count():
            continue
        walked, found = walk_menu(page, keys, name, toggle)
        if any("(2.1.2)" in p or "(2.4.3)" in p for p in found):
            # Once, on a machine loaded far beyond its cores, a menu's walk ended early
            # (43 of its 70 stops); it never did again. Open the menu afresh and walk it
            # once more before reporting a trap or an order problem.
            walked, found = walk_menu(page, keys, name, toggle)
        stops, problems = stops + walked, problems + found
    return stops, problems


def walk_menu(page, keys: KeyPresser, name: str, toggle) -> tuple[int, list[str]]:
    toggle.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !!document.querySelector('dialog[open]')", timeout=5000)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # the theme fills it
    problems = [f"({name}) {p} (2.5.8)" for p in page.evaluate(TARGETS, "dialog[open]")]
    walked, found = walk_both_ways(page, keys, f"({name})", in_dialog=True)
    problems += found
    page.evaluate("() => document.getElementById('wcag22-end').focus()")  # the walk ended outside the page
    page.keyboard.press("Escape")
    try:
        page.wait_for_function("el => !document.querySelector('dialog[open]') && document.activeElement === el",
                               arg=toggle.element_handle(), timeout=3000)
    except Exception:  # playwright's TimeoutError: say what happened instead
        state = page.evaluate("() => [!!document.querySelector('dialog[open]'), document.activeElement.outerHTML.slice(0, 80)]")
        problems.append(f"({name}) Escape left it {'open' if state[0] else 'closed'} with focus on {state[1]} (2.1.2)")
        page.evaluate("() => document.querySelectorAll('dialog[open]').forEach(d => d.close())")
    return walked, problems


# On a tutor page that is its student twin but for the site menu (menu_only_pages in
# test_accessibility.py: the edition line and the banner hold no stops), the student
# cell checks every other stop, on the same elements in the same layout; the tutor cell
# walks the site menu: in the page at 1280 px, and in its dialog on a phone. That holds
# while the banner and the edition line scroll with the page and hold no stops; should
# either be pinned to the screen (it could hide a stop the student page shows) or hold
# a stop, the page is walked whole (UNLIKE_ITS_TWIN, in test_accessibility.py).
MENU_ONLY_WALK = "#pst-primary-sidebar"


def check_page(page, keys: KeyPresser, url: str, phone: bool, read_help: bool, menu_only: bool = False) -> dict:
    """Every check of a cell on one load of one page (on a ``menu_only`` page, of its site menu)."""
    load_page(page, url)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # expandable parts too
    help_links = first_seen(page.evaluate(HELP_LINKS)) if read_help else None
    menu_only = menu_only and not page.evaluate(UNLIKE_ITS_TWIN)
    stops, menu_stops, found = 0, 0, []
    if not (menu_only and phone):
        region = MENU_ONLY_WALK if menu_only else None
        found = [f"{p} (2.5.8)" for p in page.evaluate(TARGETS, region)]
        stops, walked = walk_both_ways(page, keys, "site menu" if menu_only else "page", region=region)
        found += walked
    if phone:
        menu_stops, in_menus = walk_phone_menus(page, keys, ("site menu",) if menu_only else tuple(PHONE_MENUS))
        found += in_menus
    return {"stops": stops, "menu_stops": menu_stops, "problems": found, "help": help_links}


def style_script(css: str) -> str:
    """An init script adding ``css`` to every page (for the broken pages of the checks that can fail)."""
    return f"""document.addEventListener('DOMContentLoaded', () => {{
        const s = document.createElement('style'); s.textContent = {css!r}; document.head.append(s); }});"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def in_two_browsers(pages: list[str], check, cost=None) -> list:
    """Run ``check(chromium, port)`` in each of two Chromiums, each in a thread of its own
    (Playwright's sync API wants one instance per thread), each listening for DevTools
    on a local port (for KeyPresser). ``check`` returns a function that checks one page;
    the two browsers take the pages from one queue, costliest first (``cost``), so that
    neither is left with a long page at the end while the other idles. (With fixed
    halves, one browser had the case-studies page, 2,500 stops, and took half as long
    again as the other.) Two cores, about half the time. Results in ``pages`` order."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM_ARGS, chromium_path

    queue = sorted(pages, key=cost, reverse=True) if cost else list(pages)
    lock, done, failed = threading.Lock(), {}, []

    def next_page() -> str | None:
        with lock:
            return queue.pop(0) if queue and not failed else None

    def run() -> None:
        try:
            port = free_port()
            with sync_playwright() as pw:
                chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS + [f"--remote-debugging-port={port}"])
                try:
                    with check(chromium, port) as check_one:
                        while (rel := next_page()) is not None:
                            done[rel] = check_one(rel)
                finally:
                    chromium.close()
        except Exception as exc:  # reported below, never lost
            failed.append(exc)

    workers = [threading.Thread(target=run) for _ in range(min(2, len(pages)))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if failed:
        raise RuntimeError(f"a browser failed: {failed[0]!r}")
    return [(rel, done[rel]) for rel in pages]


def scan_cell(site: Path, width: int, pages: list[str], read_help: bool = False,
              breakage: tuple[str, ...] = (), menu_only: set[str] = frozenset()) -> list[tuple[str, dict]]:
    """Check ``pages`` at ``width`` (of the pages in ``menu_only``, the site menu: MENU_ONLY_WALK);
    ``breakage``: init scripts that break the pages on purpose."""
    server, base = serve(site)

    @contextlib.contextmanager
    def checker(chromium, port: int):
        context, page = new_page(chromium, width, reduced_motion="reduce")
        context.add_init_script(NO_TRANSITIONS)
        for script in breakage:
            context.add_init_script(script)
        keys = KeyPresser(page, port)
        try:
            yield lambda rel: check_page(page, keys, f"{base}/{rel}", width < 600, read_help, rel in menu_only)
        finally:
            keys.close()
            context.close()

    try:
        # A page's size is a fair guess at its walk's cost (its stops and its DOM).
        return in_two_browsers(pages, checker, cost=lambda rel: (site / rel).stat().st_size / (4 if rel in menu_only else 1))
    finally:
        server.shutdown()


def walked_pages(site: Path) -> list[str]:
    """Every page but the redirect (index.html: a meta refresh to the first page, which is walked)."""
    return [rel for rel in site_pages(site)
            if 'http-equiv="refresh"' not in (site / rel).read_text(encoding="utf-8", errors="replace")]


def cell_problems(results: list[tuple[str, dict]]) -> list[str]:
    return [f"{rel}: {p}" for rel, found in results for p in found["problems"]]


HELP_SEEN: dict[str, dict[str, list[str]]] = {}  # edition -> page -> help links, from the 1280 px cells


@pytest.mark.parametrize("edition,width_name", CELLS)
def test_keyboard_walk_and_target_size(request, edition, width_name):
    site = request.getfixturevalue("site" if edition == "student" else "tutor_site")
    width, started = WIDTHS[width_name], time.monotonic()
    pages = walked_pages(site)
    menu_only = menu_only_pages(request.getfixturevalue("site"), site) if edition == "tutor" else set()
    results = scan_cell(site, width, pages, read_help=width_name == "desktop", menu_only=menu_only)
    if width_name == "desktop":
        HELP_SEEN[edition] = {rel: found["help"] for rel, found in results}
    stops = sum(found["stops"] for _, found in results)
    menu_stops = sum(found["menu_stops"] for _, found in results)
    line = (f"{edition} {width}: {len(results)} pages, {stops + menu_stops:,} tab stops checked "
            f"({stops:,} on the pages, {menu_stops:,} in the phone menus)"
            + (f"; on {len(menu_only)} pages that are their student twin but for the site menu, the site menu only" if menu_only else "")
            + f" in {time.monotonic() - started:.0f} s")
    announce(line)  # on the terminal at once (not from an xdist worker, which has none)
    print(line)  # and in the test's captured output
    assert len(results) == len(pages)
    problems = cell_problems(results)
    assert problems == [], f"{edition} edition at {width} px: {len(problems)} problem(s):\n" + "\n".join(problems[:80])


# --- the checks can fail: each against a page broken on purpose ------------------------

def broken_problems(site: Path, rel: str, width_name: str, *breakage: str) -> list[str]:
    return cell_problems(scan_cell(site, WIDTHS[width_name], [rel], breakage=breakage))


def test_focus_check_can_fail(site):
    """Against a page whose header covers the content (no scroll padding, a tall
    header), Shift+Tab puts focus under it, and the check says so."""
    broken = ("html { scroll-padding-top: 0 !important; } .bd-header { min-height: 40vh !important; }"
              ".bd-header-article { scroll-margin-top: 0 !important; }")
    problems = broken_problems(site, "course-and-co-production.html", "phone", style_script(broken))
    assert any("(2.4.11)" in p for p in problems), "the focus check did not notice a header covering the focused element"


def test_focus_visible_check_can_fail(site):
    """With the focus outline and ring taken away, focus shows nowhere and the check says so."""
    # :is() with two ids outranks every focus rule of the theme and of course.css.
    broken = (":is(#no-such #rule, *):focus, :is(#no-such #rule, *):focus-visible, :is(#no-such #rule, *):focus-visible > * "
              "{ outline: none !important; box-shadow: none !important; }")
    problems = broken_problems(site, "chapters/barrier-checklist.html", "desktop", style_script(broken))
    assert any("(2.4.7)" in p for p in problems), "the check did not notice focus that does not show"
    assert any("radio" in p and "(2.4.7)" in p for p in problems), "the walk did not reach the checklist's ratings"


def test_site_menu_walk_can_fail(request, tutor_site):
    """A tutor page walked on its site menu only (MENU_ONLY_WALK) is still walked there: with
    focus made invisible in the site menu alone, the walk says so, at 1280 px in the page
    and on a phone in the menu's dialog."""
    rel = "chapters/05-critiques.html"
    assert rel in menu_only_pages(request.getfixturevalue("site"), tutor_site)
    in_menu = "#pst-primary-sidebar *, #pst-primary-sidebar-modal *"
    broken = (f":is(#no-such #rule, {in_menu}):focus, :is(#no-such #rule, {in_menu}):focus-visible "
              "{ outline: none !important; box-shadow: none !important; }")
    for width_name, width in WIDTHS.items():
        results = scan_cell(tutor_site, width, [rel], breakage=(style_script(broken),), menu_only={rel})
        problems = cell_problems(results)
        assert any("site menu" in p and "(2.4.7)" in p for p in problems), f"{width_name}: {problems[:5]}"
        assert not any("(2.4.7)" in p and "site menu" not in p for p in problems), f"{width_name}: {problems[:5]}"
        assert results[0][1]["stops"] < 200, "the page was walked whole, not on its site menu"
    # A banner pinned to the screen could hide a stop that its student twin shows: walked whole.
    pinned = style_script(".bd-header-announcement { position: sticky !important; top: 0; }")
    walked = scan_cell(tutor_site, WIDTHS["desktop"], [rel], breakage=(pinned,), menu_only={rel})[0][1]
    assert walked["stops"] > 400, f"a page with a pinned banner was walked on its site menu only ({walked['stops']} stops)"


# Broken behaviour for the checks below, added by init scripts: a widget that keeps
# focus on its first text box (Tab does nothing there), and article links whose own
# Shift+Tab handler jumps two links back, so going backwards skips every other link.
TRAP = """document.addEventListener('keydown', e => {
    if (e.key === 'Tab' && e.target.matches && e.target.matches('.course-widget textarea')) e.preventDefault(); }, true);"""
SKIPS_BACK = """document.addEventListener('keydown', e => {
    if (e.key !== 'Tab' || !e.shiftKey || !e.target.matches || !e.target.matches('.bd-article a.reference')) return;
    const links = [...document.querySelectorAll('.bd-article a.reference')], i = links.indexOf(e.target);
    if (i >= 2) { e.preventDefault(); links[i - 2].focus(); } }, true);"""


def test_keyboard_trap_check_can_fail(site):
    problems = broken_problems(site, "chapters/barrier-checklist.html", "desktop", TRAP)
    assert any("keyboard trap" in p for p in problems), "the walk did not notice a keyboard trap"


def test_reverse_order_check_can_fail(site):
    problems = broken_problems(site, "easy-read/index.html", "desktop", SKIPS_BACK)
    assert any("Shift+Tab does not retrace Tab" in p for p in problems), "the walk did not notice Shift+Tab skipping stops"


def test_target_size_check_can_fail(site):
    """Shrink the self-check's radio buttons and stack them tightly: the check must object."""
    broken = (".course-widget input[type=radio] { width: 10px !important; height: 10px !important; margin: 0 !important; }"
              ".course-widget label { font-size: 6px !important; line-height: 1 !important; }"
              ".course-widget .sc-option, .course-widget .sc-options { padding: 0 !important; gap: 0 !important; }")
    problems = broken_problems(site, "exercises/ch05-exercises.html", "phone", style_script(broken))
    assert any("input" in p and "(2.5.8)" in p for p in problems), "the target-size check did not notice 10 px radio buttons"


def help_orders(browser, edition: str, root: Path) -> dict[str, list[str]]:
    """The help links of every page of ``edition``: as its 1280 px cell read them, or
    (when that cell has not run in this process) from a quick load of each page."""
    if edition in HELP_SEEN:
        return HELP_SEEN[edition]
    server, base = serve(root)
    context, page = new_page(browser, WIDTHS["desktop"])
    try:
        return {rel: help_order(page, f"{base}/{rel}") for rel in walked_pages(root)}
    finally:
        context.close()
        server.shutdown()


def test_help_comes_in_the_same_order_on_every_page(browser, site, tutor_site):
    orders = {f"{edition}:{rel}": order for edition, root in (("student", site), ("tutor", tutor_site))
              for rel, order in help_orders(browser, edition, root).items()}
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
