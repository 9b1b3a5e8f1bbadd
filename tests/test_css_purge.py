"""The theme's stylesheets cut to the rules the pages use (``_ext/course_css_purge.py``)
change nothing a reader sees: each page is opened twice, once with the stylesheets as
built and once with the originals the purge kept beside the site, and every element's
computed style (and its ``::before`` and ``::after``) must be the same, in the states
that only appear after interaction: dark theme, print, the phone's menu, the toolbar's
download menu, the search dialog, keyboard focus and hover.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, wait_for_widgets

sys.path.insert(0, str(ROOT / "_ext"))
from course_css_purge import KEPT, STYLESHEETS, purge_css  # noqa: E402

# Text pages of each kind, a notebook page with a figure, and widget pages.
PAGES = ["intro.html", "chapters/06-what-happened-next.html", "chapters/timeline.html", "glossary.html",
         "search.html", "learning-log.html", "exercises/ch05-exercises.html", "chapters/debate-prompts.html"]

# Transitions off in both copies, so a state is compared when it has arrived.
STILL = """document.addEventListener('DOMContentLoaded', () => {
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.append(still);
});"""

# One fingerprint per element (and per pseudo-element): every computed property.
STYLES = """() => {
  const out = [];
  const text = (style) => Array.from(style, (p) => p + ':' + style.getPropertyValue(p)).join(';');
  for (const el of document.querySelectorAll('*')) {
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    out.push([name, text(getComputedStyle(el)) + '|' + text(getComputedStyle(el, '::before')) + '|' +
              text(getComputedStyle(el, '::after'))]);
  }
  return out;
}"""


def test_purge_removes_rules_for_absent_names_and_keeps_the_rest():
    css = ("@charset \"UTF-8\";/*! licence */.used{color:red}.absent{color:blue}.absent,.used b{margin:0}"
           "a:not(.absent){top:0}#gone .used{left:0}@media print{.absent{x:1}.used{y:1}}"
           "@media (min-width:1px){.absent{z:1}}@font-face{font-family:x}[data-theme=dark] .used{color:#fff}"
           ".a\\:b{k:1}/* maintainer's note */")
    purged, removed = purge_css(css, {"used", "b", "a"})
    assert removed == 4  # .absent, #gone .used, .absent in print, .absent in the empty @media
    for kept in ('@charset "UTF-8";', "/*! licence */", ".used{color:red}", ".used b{margin:0}",
                 "a:not(.absent){top:0}", "@media print{.used{y:1}}", "@font-face{font-family:x}",
                 "[data-theme=dark] .used{color:#fff}", ".a\\:b{k:1}"):
        assert kept in purged, kept
    for gone in (".absent{color:blue}", "#gone", "z:1", "maintainer"):
        assert gone not in purged, gone


def _originals(site: Path) -> dict[str, bytes]:
    kept = site.parent / KEPT
    found = {p.relative_to(kept).as_posix(): p.read_bytes() for p in kept.rglob("*.css")}
    assert len(found) >= len(STYLESHEETS), f"the purge kept no originals in {kept}"
    return found


def _open(browser, site_url: str, rel: str, width: int, originals: dict[str, bytes] | None):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 823 if phone else 940},
                                  is_mobile=phone, has_touch=phone, reduced_motion="reduce")
    context.add_init_script(STILL)
    for name, body in (originals or {}).items():
        context.route(f"**/{name}*", lambda route, _request, body=body: route.fulfill(body=body, content_type="text/css"))
    page = context.new_page()
    page.goto(f"{site_url}/{rel}", wait_until="load")
    wait_for_widgets(page)
    page.evaluate("document.fonts.ready")
    return context, page


def _differences(before, after) -> list[str]:
    if [n for n, _ in before] != [n for n, _ in after]:
        return [f"the pages differ in their elements ({len(before)} and {len(after)})"]
    out = []
    for (name, old), (_, new) in zip(before, after):
        if old != new:
            for part, (was, now) in zip(("", "::before ", "::after "), zip(old.split("|"), new.split("|"))):
                was, now = _properties(was), _properties(now)
                changed = [f"{part}{p}: {was.get(p)!r} -> {now.get(p)!r}"
                           for p in sorted(was.keys() | now.keys()) if was.get(p) != now.get(p)]
                if changed:
                    out.append(f"{name}: {'; '.join(changed[:4])}")
    return out


def _properties(style: str) -> dict[str, str]:
    return dict(item.split(":", 1) for item in style.split(";") if ":" in item)


def _states(page, phone: bool):
    """Put the page in each state in turn; yield the state's name once it is shown."""
    yield "light"
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    yield "dark"
    page.evaluate("document.documentElement.dataset.theme = 'light'")
    page.emulate_media(media="print")
    yield "print"
    page.emulate_media(media="screen")
    if phone:
        page.locator("button.primary-toggle").first.click()
        yield "menu open"
        page.keyboard.press("Escape")
        return
    page.locator(".dropdown-download-buttons button.dropdown-toggle").first.click()
    yield "download menu open"
    page.keyboard.press("Escape")
    page.keyboard.press("Control+k")
    page.locator("#pst-search-dialog input[name=q]").wait_for(state="visible")
    yield "search dialog"
    page.keyboard.press("Escape")
    page.locator("article a[href]").first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    yield "keyboard focus"
    page.locator("article a[href]").first.hover()
    yield "hover"


@pytest.mark.parametrize("width", [412, 1350])
def test_purged_stylesheets_style_every_page_and_state_as_the_originals(site, site_url, browser, width):
    originals = _originals(site)
    problems = []
    for rel in PAGES:
        purged_ctx, purged = _open(browser, site_url, rel, width, None)
        original_ctx, original = _open(browser, site_url, rel, width, originals)
        try:
            for state, _ in zip(_states(purged, width < 600), _states(original, width < 600)):
                found = _differences(original.evaluate(STYLES), purged.evaluate(STYLES))
                problems += [f"{rel} at {width} px, {state}: {d}" for d in found[:5]]
        finally:
            purged_ctx.close()
            original_ctx.close()
    assert problems == [], "computed styles changed by the purge:\n" + "\n".join(problems[:40])
