"""The barrier checklist as a seminar pack, and the worked example folded (issue 18).

- Printed (print media emulated, then a real PDF from Chromium), each barrier group of the
  checklist starts a new page, so a tutor can hand one group to each table; printed before
  anything is rated, it is a blank form.
- The barrier-checklist page holds one live checklist to fill in; the worked example is
  folded (a closed disclosure), so a screen reader does not read its 36 questions a second
  time, and a phone reader does not scroll past them.
"""
from __future__ import annotations

import re

PAGE = "chapters/barrier-checklist.html"


def open_page(page, site_url):
    page.goto(f"{site_url}/{PAGE}", wait_until="networkidle")
    page.wait_for_selector(".cwc fieldset[data-indicator]")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".cwc fieldset[data-indicator]")


def test_printed_checklist_gives_each_barrier_group_its_own_page(page, site_url):
    open_page(page, site_url)
    first = page.locator(".cwc[data-mode=barriers]").first
    groups = first.locator(".cwc-group")
    n = groups.count()
    assert n >= 4
    page.emulate_media(media="print")
    breaks = groups.evaluate_all("els => els.map(e => getComputedStyle(e).breakBefore)")
    assert breaks[0] != "page" and all(b == "page" for b in breaks[1:]), breaks
    # Nothing rated yet: the printed form is blank (no option chosen, notes empty).
    assert first.locator("input[type=radio][data-value='']:checked").count() == first.locator("fieldset[data-indicator]").count()
    assert all(v == "" for v in first.locator("textarea").evaluate_all("els => els.map(e => e.value)"))
    # In the PDF, the pages are at least as many as the groups.
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= n, (pages, n)
    page.emulate_media(media="screen")
    assert groups.nth(1).evaluate("e => getComputedStyle(e).breakBefore") != "page"


def test_the_worked_example_is_folded_and_not_a_second_live_form(page, site_url):
    open_page(page, site_url)
    checklists = page.locator(".cwc[data-mode=barriers]")
    assert checklists.count() == 2
    live, example = checklists.nth(0), checklists.nth(1)
    # One checklist to fill in, open; the worked example folded, its questions not shown.
    assert live.locator("fieldset[data-indicator]").first.is_visible()
    details = example.locator("details.cwc-disclosure")
    assert details.count() == 1 and details.get_attribute("open") is None
    visible = page.evaluate(
        "() => [...document.querySelectorAll('.cwc[data-mode=barriers] fieldset[data-indicator]')]"
        ".filter(f => f.checkVisibility()).length"
    )
    assert visible == live.locator("fieldset[data-indicator]").count()
    # Opened, it reads as the filled-in example: ratings already chosen.
    example.locator("summary").click()
    assert example.locator("input[type=radio]:checked:not([data-value=''])").count() > 10


def test_phone_screens_for_the_checklist_page(phone_page, site_url):
    """Report the page length on a 375 px phone; fail if the worked example unfolds again."""
    phone_page.goto(f"{site_url}/{PAGE}", wait_until="networkidle")
    phone_page.wait_for_selector(".cwc fieldset[data-indicator]")
    height = phone_page.evaluate("document.scrollingElement.scrollHeight")
    screens = height / phone_page.viewport_size["height"]
    print(f"barrier checklist at {phone_page.viewport_size['width']} px: {screens:.1f} phone screens")
    # 75 screens with the worked example unfolded (December 2026); folded, well under that.
    assert screens < 60, screens
