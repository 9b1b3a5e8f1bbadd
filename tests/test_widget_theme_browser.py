"""All three widgets on the built site: the page's theme (light and dark), text
contrast in both, visible focus, unique landmarks, and no prohibited ARIA.

Uses the fixtures in tests/conftest.py (a build of the book, Debian's chromium).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_page

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    ".cwc": "chapters/barrier-checklist.html",
    ".cw-debate": "chapters/debate-prompts.html",
    ".sc": "exercises/ch05-exercises.html",
}

# Contrast of every piece of visible text in the widget against the colour
# actually behind it (the nearest ancestor with an opaque background).
CONTRAST_JS = """
(rootSel) => {
  const parse = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const bgOf = (el) => { for (let n = el; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c.a > 0.5) return c; }
    return { r: 255, g: 255, b: 255, a: 1 }; };
  const out = [];
  for (const root of document.querySelectorAll(rootSel)) {
    for (const el of root.querySelectorAll("*")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
      const fg = parse(getComputedStyle(el).color);
      const L1 = lum(fg), L2 = lum(bgOf(el));
      const ratio = (Math.max(L1, L2) + 0.05) / (Math.min(L1, L2) + 0.05);
      if (ratio < 4.5) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`);
    }
  }
  return out;
}
"""


def open_page(page, site_url, selector, theme):
    load_page(page, f"{site_url}/{PAGES[selector]}")
    page.wait_for_selector(selector)
    page.evaluate("(t) => document.documentElement.setAttribute('data-theme', t)", theme)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("selector", sorted(PAGES))
def test_widgets_follow_the_page_theme_with_readable_contrast(page, site_url, selector, theme):
    open_page(page, site_url, selector, theme)
    if selector == ".cw-debate":  # show the states with their own colours
        page.fill(".cw-debate .cw-students", "1")
        page.click(".cw-debate .cw-clear")
    if selector == ".sc":
        page.locator(".sc input[type=radio]").first.check()
    widget_bg = page.locator(selector).first.evaluate("(el) => getComputedStyle(el).backgroundColor")
    page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    dark_widget = page.locator(selector).first.evaluate(
        "(el) => { const m = getComputedStyle(el).backgroundColor.match(/\\d+/g).map(Number); return m[0] + m[1] + m[2] < 150; }"
    )
    assert dark_widget == (theme == "dark"), (theme, widget_bg, page_bg)
    assert page.evaluate(CONTRAST_JS, selector) == []


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("selector", sorted(PAGES))
def test_focus_is_visible_and_differs_from_the_unfocused_control(page, site_url, selector, theme):
    """Every kind of control shows a solid, opaque ring only when focused, in a
    colour with 3:1 contrast against the widget's background."""
    open_page(page, site_url, selector, theme)
    kinds = ["button", "input[type=radio]", "textarea", "input[type=number]", "select", "input[type=text]", "a"]
    checked = 0
    for kind in kinds:
        control = page.locator(f"{selector} {kind}:visible").first
        if not control.count():
            continue
        style = "(el) => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]; }"
        page.evaluate("document.activeElement && document.activeElement.blur()")
        unfocused = control.evaluate(style)
        control.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
        assert control.evaluate("(el) => el === document.activeElement || el.contains(document.activeElement)"), kind
        focused = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]; })()")
        assert focused != unfocused, f"{kind}: focus changes nothing"
        assert focused[0] == "solid" and float(focused[1].rstrip("px")) >= 2, f"{kind}: {focused}"
        colour = focused[2]
        assert "rgba" not in colour or not colour.endswith(", 0)"), f"{kind}: transparent outline {colour}"
        ratio = page.evaluate(
            """([c, sel]) => { const p = (s) => s.match(/[\\d.]+/g).map(Number);
              const l = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
              const bg = getComputedStyle(document.querySelector(sel)).backgroundColor;
              const [a, b] = [l(p(c)), l(p(bg))]; return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }""",
            [colour, selector],
        )
        assert ratio >= 3, f"{kind}: focus ring contrast {ratio:.2f}"
        checked += 1
    assert checked >= 2


def axe(page, rules):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (rules) => { const r = await axe.run(document, { runOnly: { type: 'rule', values: rules } });
          // "Needs review" counts too: axe files aria-labelledby on a plain div there.
          return [...r.violations, ...r.incomplete].map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }""",
        rules,
    )


@pytest.mark.parametrize("path", ["exercises/case-studies.html", "chapters/barrier-checklist.html", "chapters/debate-prompts.html"])
def test_repeated_widgets_have_unique_landmarks_and_no_prohibited_aria(page, site_url, path):
    load_page(page, f"{site_url}/{path}")
    page.wait_for_selector(".cw-widget")
    assert axe(page, ["landmark-unique", "aria-prohibited-attr", "aria-allowed-attr"]) == []
    names = page.locator("section.cw-widget").evaluate_all("(els) => els.map((e) => e.getAttribute('aria-label'))")
    assert len(names) == len(set(names)) and all(names)
