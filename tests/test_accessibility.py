"""Accessibility of the built student edition (issue 6).

- axe-core (node_modules/axe-core, pinned in package.json) runs the WCAG 2.1 A and AA
  rules on EVERY built page, in the light and the dark colour mode, after the
  page's widgets have been drawn; any violation fails, naming page, rule and target.
- Keyboard focus is visible on every kind of control we can reach with Tab.
- Every image has a text alternative that says something (not a file name).

Fix failures in the theme (``_templates/``, ``_static/course.css``,
``_ext/course_build.py``) or in the widget's view, never by relaxing this test.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)


def open_page(page, site_url: str, rel: str, mode: str = "light") -> None:
    """Load a page in the given colour mode and wait until its widgets are drawn."""
    page.goto(f"{site_url}/{rel}", wait_until="networkidle")
    if page.evaluate("document.documentElement.dataset.mode") != mode:
        page.evaluate("m => { localStorage.setItem('mode', m); localStorage.setItem('theme', m); }", mode)
        page.reload(wait_until="networkidle")
    views = page.locator(f'script[type="{WIDGET_VIEW}"]').count()
    if views:
        # widget-host.js inserts one .course-widget after each view and draws into it.
        page.wait_for_function(
            """n => {
                const els = document.querySelectorAll('.course-widget');
                return els.length >= n && [...els].every(el => el.childElementCount > 0);
            }""",
            arg=views,
            timeout=15000,
        )
    page.wait_for_timeout(100)  # let transitions and late layout settle


def run_axe(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
              .then(r => r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
              })))""",
        WCAG_TAGS,
    )


def test_axe_finds_no_wcag21_aa_violation_on_any_page(site, site_url, page):
    assert AXE.exists(), "axe-core is not installed: run `make setup` (npm ci)"
    pages = site_pages(site)
    assert len(pages) > 5
    problems: list[str] = []
    for mode in ("light", "dark"):
        for rel in pages:
            open_page(page, site_url, rel, mode)
            for violation in run_axe(page):
                for node in violation["nodes"]:
                    problems.append(
                        f"{rel} [{mode}]: {violation['id']} ({violation['impact']}) at {node['target']}\n"
                        f"    {violation['help']}\n    {(node['summary'] or '').splitlines()[-1:]}"
                    )
    assert not problems, f"{len(problems)} axe violation(s):\n" + "\n".join(problems)


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


@pytest.mark.parametrize("rel", ["intro.html", "chapters/05-critiques.html", "chapters/barrier-checklist.html"])
def test_keyboard_focus_is_visible(site, site_url, page, rel):
    """Tab through the first 40 stops: each focused element shows an outline or focus ring."""
    if not (site / rel).exists():
        pytest.skip(f"{rel} is not built")
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
