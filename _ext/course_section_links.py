"""Long pages: a list of sections under the title, and a way back to it (issue 17).

A page with 5 or more ``##`` sections gets a list of its sections at the top, and a
link back to that list at the end of each section, so a phone reader can move by
section (the theme's "On this page" is a menu behind a button there).
``_static/course.css`` shows both only where the theme's own page contents sidebar
is hidden.
"""
from __future__ import annotations

from sphinx.application import Sphinx

from upstream_patches import rewrite_site_page_bodies

SECTIONS_MIN = 5
SECTION_LIST_LABEL = "Sections on this page"
BACK_TO_SECTIONS = "Back to the list of sections"


def _back_link(soup):
    back = soup.new_tag("p", attrs={"class": "course-to-sections"})
    back_link = soup.new_tag("a", href="#course-sections")
    back_link.string = BACK_TO_SECTIONS
    back.append(back_link)
    return back


def add_section_links(body: str) -> str:
    if body.count("<h2") < SECTIONS_MIN:
        return body
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    sections = [h2.parent for h2 in soup.find_all("h2") if h2.parent.name == "section" and h2.parent.get("id")]
    title = soup.find("h1")
    if len(sections) < SECTIONS_MIN or title is None:
        return body
    nav = soup.new_tag("nav", attrs={"class": "course-sections", "id": "course-sections", "aria-label": SECTION_LIST_LABEL})
    heading = soup.new_tag("p", attrs={"class": "course-sections-title"})
    heading.string = SECTION_LIST_LABEL
    items = soup.new_tag("ol")
    for section in sections:
        h2 = section.find("h2")
        item = soup.new_tag("li")
        link = soup.new_tag("a", href=f"#{section['id']}")
        link.string = "".join(t for t in h2.find_all(string=True) if not t.find_parent("a", class_="headerlink")).strip()
        item.append(link)
        items.append(item)
        section.append(_back_link(soup))
    nav.extend([heading, items])
    title.insert_after(nav)
    return str(soup)


def setup(app: Sphinx) -> dict:
    # After the table labels (course_table_cells, same priority, loaded before this).
    rewrite_site_page_bodies(app, lambda body, _page: add_section_links(body))
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
