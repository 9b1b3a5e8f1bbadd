"""Getting around the course on a phone, a tablet and a desktop (issue 9).

pydata-sphinx-theme 0.17 draws a header of its own above sphinx-book-theme's
article header whenever ``navbar_persistent`` is set, which 0.17 does by default.
That header holds a second ☰ and "On this page" button, hidden on phones, and both
themes' scripts bind only the *first* ``.primary-toggle``/``.secondary-toggle`` in the
page (pydata-sphinx-theme issue 2451), so the buttons a student can see did nothing.
These tests drive a real browser the way a student does: a 375 px touch screen
(taps), a 768 px tablet and a 1280 px desktop (clicks and keys).
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import load_page

CHAPTER = "chapters/01-what-is-co-production.html"
OTHER_CHAPTER = re.compile(r"chapters/02-edgar-cahn\.html$")
# Named by what they open; the themes' own titles are accepted too, so that these
# tests fail on what the buttons do, not on what they are called.
MENU_BUTTON = re.compile(r"site navigation|primary sidebar", re.I)
CONTENTS_BUTTON = re.compile(r"on this page|secondary sidebar", re.I)

SIZES = {
    "phone": dict(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True),
    "tablet": dict(viewport={"width": 768, "height": 1024}),
}


def _press(page, locator, touch: bool) -> None:
    if touch:
        locator.tap()
    else:
        locator.click()


def _visible_button(page, name):
    """The one button with this name that a student can see (there must be exactly one)."""
    buttons = page.get_by_role("button", name=name)
    visible = [buttons.nth(i) for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    assert len(visible) == 1, f"expected one visible {name.pattern!r} button, found {len(visible)}"
    return visible[0]


def _closed(dialog, message: str) -> None:
    """The dialog is gone (the theme may animate its closing for a moment)."""
    try:
        expect(dialog).to_be_hidden(timeout=2000)
    except AssertionError:
        raise AssertionError(message) from None


def _focused_is(page, locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


@pytest.fixture(params=sorted(SIZES))
def small_screen(request, browser, site_url):
    ctx = browser.new_context(**SIZES[request.param])
    pg = ctx.new_page()
    pg.touch = SIZES[request.param].get("has_touch", False)
    pg.script_errors = []
    pg.on("pageerror", lambda err: pg.script_errors.append(str(err)))
    yield pg
    ctx.close()


def _settles(locator, state: str) -> bool:
    """True once the element is in ``state``, within 5 s."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        locator.wait_for(state=state, timeout=5000)
        return True
    except PlaywrightTimeout:
        return False


def test_menu_opens_navigates_and_closes_on_small_screens(small_screen, site_url):
    page, touch = small_screen, small_screen.touch
    load_page(page, f"{site_url}/{CHAPTER}")
    menu = page.get_by_role("dialog")
    # The site navigation (it moves into the dialog when the menu opens).
    sidebar_link = page.locator("nav.bd-docs-nav").get_by_role("link", name=re.compile("Edgar Cahn")).first

    # The site menu is closed until the student asks for it.
    assert not sidebar_link.is_visible()
    button = _visible_button(page, MENU_BUTTON)

    # Escape closes it and puts focus back on the button.
    _press(page, button, touch)
    assert menu.is_visible(), "☰ did not open the site menu"
    assert sidebar_link.is_visible()
    page.keyboard.press("Escape")
    _closed(menu, "Escape did not close the site menu")
    assert _focused_is(page, button), "focus did not return to the ☰ button after Escape"

    # The close button closes it too, and focus goes back to the button.
    _press(page, button, touch)
    assert menu.is_visible()
    close = menu.get_by_role("button", name=re.compile(r"close", re.I))
    assert close.is_visible(), "the open menu has no visible close button"
    _press(page, close, touch)
    _closed(menu, "the close button did not close the site menu")
    assert _focused_is(page, button), "focus did not return to the ☰ button after closing"

    # A link in the menu takes the student to another chapter.
    _press(page, button, touch)
    _press(page, sidebar_link, touch)
    page.wait_for_url(OTHER_CHAPTER)
    assert page.get_by_role("heading", level=1).first.is_visible()
    assert page.script_errors == []


def test_on_this_page_opens_the_page_contents_on_small_screens(small_screen, site_url):
    page, touch = small_screen, small_screen.touch
    load_page(page, f"{site_url}/{CHAPTER}")
    section_link = page.locator("#pst-page-toc-nav a").first
    section_name = section_link.text_content().strip()
    assert section_name
    button = _visible_button(page, CONTENTS_BUTTON)
    _press(page, button, touch)
    contents = page.get_by_role("dialog")
    assert contents.is_visible(), '"On this page" did not open the page contents'
    target = contents.get_by_role("link", name=section_name).first
    assert target.is_visible()
    page.keyboard.press("Escape")
    _closed(contents, 'Escape did not close the page contents')
    assert _focused_is(page, button), 'focus did not return to the "On this page" button'


def test_desktop_sidebar_toggle_collapses_and_restores_the_sidebar(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    load_page(page, f"{site_url}/{CHAPTER}")
    sidebar_link = page.locator("nav.bd-docs-nav").get_by_role("link", name=re.compile("Edgar Cahn")).first
    assert sidebar_link.is_visible()
    button = _visible_button(page, MENU_BUTTON)
    button.click()
    # The theme animates the collapse: wait for its end (up to 5 s), not a fixed 400 ms.
    assert _settles(sidebar_link, "hidden"), "the sidebar toggle did not collapse the sidebar"
    assert not page.get_by_role("dialog").is_visible()
    button.click()
    assert _settles(sidebar_link, "visible"), "the sidebar toggle did not bring the sidebar back"
    assert page.script_errors == []


@pytest.mark.parametrize("width", [375, 1280])
def test_no_empty_top_bar_or_second_search_box(browser, site_url, width):
    """Only the book theme's article header is drawn: one search button, no empty bar."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    pg = ctx.new_page()
    try:
        load_page(pg, f"{site_url}/{CHAPTER}")
        header = pg.locator("#pst-header")
        height = header.evaluate("el => el.getBoundingClientRect().height") if header.count() else 0
        assert height == 0, f"an empty top bar {height:.0f} px high is drawn at {width} px"
        searches = pg.get_by_role("button", name=re.compile("^Search", re.I))
        shown = sum(searches.nth(i).is_visible() for i in range(searches.count()))
        assert shown <= 1, f"{shown} search buttons are visible at {width} px"
    finally:
        ctx.close()
