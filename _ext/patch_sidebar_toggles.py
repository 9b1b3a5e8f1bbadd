"""Patch: the sidebar's expand/collapse toggles get a name (issue 6, accessibility).

pydata-sphinx-theme draws each expandable entry of the site menu as an icon-only
``<summary>`` with no accessible name. Each gets a visually hidden "Sub-pages of
<title>" (checked by tests/test_accessibility.py with axe-core).
"""
from __future__ import annotations

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched


def _name_toctree_toggles(soup) -> int:
    """Give each sidebar <summary> (an icon-only expand/collapse toggle) a name.

    Returns how many toggles it found (named, or named by their own text)."""
    summaries = soup.select("li.has-children > details > summary")
    for summary in summaries:
        if summary.get_text(strip=True):
            continue  # a part caption: its text already names it
        link = summary.find_parent("li").find("a", recursive=False)
        title = link.get_text(" ", strip=True) if link else ""
        label = soup.new_tag("span", attrs={"class": "visually-hidden"})
        label.string = f"Sub-pages of {title}" if title else "Sub-pages"
        summary.append(label)
    return len(summaries)


def _named(generate, pagename: str):
    """The theme's ``generate_toctree_html``, naming the toggles of what it draws."""
    def generate_named(kind, *args, **kwargs):
        soup = generate(kind, *args, **kwargs)
        if hasattr(soup, "select"):
            found = _name_toctree_toggles(soup)
            # A sidebar with expandable entries but none in the expected markup:
            # the theme has changed how it draws them.
            expandable = soup.find("details") or soup.select("li.has-children")
            if kind == "sidebar" and expandable and not found:
                warn_nothing_patched("name sidebar toggles", f"{pagename}: the sidebar's expand toggles have new markup")
        return soup

    generate_named._course_named = True
    return generate_named


def _name_sidebar_toggles(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # The site's theme only: an EPUB is drawn by Sphinx's own epub theme.
    if app.builder.name.startswith("epub"):
        return
    generate = context.get("generate_toctree_html")
    if generate is None and templatename == "page.html":
        warn_nothing_patched("name sidebar toggles", f"{pagename}: the theme gives no generate_toctree_html")
    if generate is not None and not getattr(generate, "_course_named", False):
        context["generate_toctree_html"] = _named(generate, pagename)


def setup(app: Sphinx) -> dict:
    # After pydata-sphinx-theme's html-page-context handlers (priority 500) add the function.
    app.connect("html-page-context", _name_sidebar_toggles, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
