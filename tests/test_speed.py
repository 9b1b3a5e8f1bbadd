"""What makes a page fast on a phone, checked on the built site (issue 9; see
``_ext/course_speed.py``). The scores themselves are figures for ``make bench``
(``scripts/lighthouse_bench.py``), not tests: they vary with the machine.

- Sphinx's search index and tools load on the search page only, and search works.
- No script in the head blocks the first paint; ``print.css`` applies to print only.
- Every page has the course's favicon and its own meta description.
- Widget pages do not jump when their widgets draw (layout shift).
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import wait_for_search_results, wait_for_widgets

HEAD = re.compile(r"<head>(.*?)</head>", re.S)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def pages(site: Path) -> list[str]:
    """Every page Sphinx writes (not the root index.html, Jupyter Book's redirect)."""
    return sorted(rel for p in site.rglob("*.html")
                  if "_static" not in p.parts and (rel := p.relative_to(site).as_posix()) != "index.html")


def head_of(site: Path, rel: str) -> str:
    match = HEAD.search((site / rel).read_text(encoding="utf-8"))
    assert match, f"{rel} has no <head>"
    return match.group(1)


def test_search_index_loads_on_the_search_page_only(site):
    loading = [rel for rel in pages(site) if "searchindex.js" in head_of(site, rel) or "searchindex.js" in
               (site / rel).read_text(encoding="utf-8").split("</head>", 1)[-1]]
    assert loading == ["search.html"], f"pages that load the search index: {loading}"


def test_search_finds_a_glossary_term(site_url, page):
    page.goto(f"{site_url}/intro.html")
    page.keyboard.press("Control+k")
    box = page.locator("#pst-search-dialog input[name=q]")
    box.wait_for(state="visible")
    box.fill("reciprocity")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=reciprocity*")
    wait_for_search_results(page)  # results are added one by one; read them all
    results = page.locator("#search-results ul.search li a")
    hrefs = results.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any("glossary.html" in h for h in hrefs), hrefs
    assert page.script_errors == [], page.script_errors


def test_no_script_in_the_head_blocks_the_first_paint(site):
    blocking = []
    for rel in pages(site):
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", head_of(site, rel)):
            if not re.search(r"\b(defer|async)\b", tag) and 'type="module"' not in tag:
                blocking.append(f"{rel}: {tag}")
    assert blocking == [], "render-blocking scripts:\n" + "\n".join(blocking[:20])


def test_print_stylesheet_is_for_print_only(site):
    wrong = []
    for rel in pages(site):
        tags = [t for t in re.findall(r"<link\b[^>]*>", head_of(site, rel)) if "print.css" in t]
        if len(tags) != 1 or 'media="print"' not in tags[0]:
            wrong.append(f"{rel}: {tags}")
    assert wrong == [], "\n".join(wrong)


def test_every_page_has_the_favicon_and_its_own_description(site):
    problems = []
    descriptions = Counter()
    for rel in pages(site):
        head = head_of(site, rel)
        icon = re.search(r'<link rel="icon" href="([^"]+)"', head)
        if not icon or not (site / rel).parent.joinpath(icon.group(1)).resolve().is_file():
            problems.append(f"{rel}: no favicon")
        elif icon.group(1).startswith(("http:", "https:", "//")):
            problems.append(f"{rel}: favicon from another host")
        found = re.findall(r'<meta name="description" content="([^"]*)"', head)
        if len(found) != 1 or not 50 <= len(found[0]) <= 170:
            problems.append(f"{rel}: description {found}")
        else:
            descriptions[found[0]] += 1
    repeated = [d for d, n in descriptions.items() if n > 1 and not d.startswith(("Index:", "Search:"))]
    assert problems == [], "\n".join(problems)
    assert repeated == [], f"descriptions shared by several pages: {repeated}"


SHIFTS = """() => new Promise(done => {
    let total = 0;
    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
        .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done(total), 300);
})"""


@pytest.mark.parametrize("width", [412, 1350])
def test_widget_pages_do_not_jump_when_widgets_draw(site, site_url, browser, width):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 823 if phone else 940},
                                  is_mobile=phone, has_touch=phone)
    page = context.new_page()
    shifts = {}
    try:
        for rel in pages(site):
            if f'type="{WIDGET_VIEW}"' not in (site / rel).read_text(encoding="utf-8"):
                continue
            page.goto(f"{site_url}/{rel}", wait_until="load")
            wait_for_widgets(page, scroll=False)  # never scrolls: that would change the shifts measured
            page.wait_for_timeout(500)
            shifts[rel] = page.evaluate(SHIFTS)
    finally:
        context.close()
    assert shifts, "no widget page found"
    jumpy = {rel: round(v, 3) for rel, v in shifts.items() if v > 0.05}
    assert jumpy == {}, f"cumulative layout shift over 0.05 at {width} px: {jumpy}"


def test_pages_keep_the_stylesheets_their_content_needs(site):
    """Stylesheets are left off pages without the content they style (course_speed's
    CSS_FOR_CONTENT), never off a page that holds it."""
    needs = {"pygments.css": 'class="highlight', "exercise.css": 'class="exercise', "mystnb.": 'class="cell'}
    missing = []
    for rel in pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        head, body = html.split("</head>", 1)
        for css, marker in needs.items():
            if marker in body and css not in head:
                missing.append(f"{rel}: holds {marker} but does not link {css}")
    assert missing == [], "\n".join(missing)
