"""Page speed on a phone, and what search engines and browsers ask of a page (issue 9).

Measured by ``scripts/lighthouse_bench.py`` (``make bench --lighthouse``): every page
used to block its first paint on 14 stylesheets and 11 scripts in the head.

- **Search loads only where it is used.** pydata-sphinx-theme 0.17 puts Sphinx's
  search tools and the whole search index (``searchindex.js``, ~78 KB) in the head of
  every page, for a search-as-you-type box this course does not turn on. Only the
  search page needs them (the theme's search box submits to ``search.html``), and
  there the theme loads them itself. Pagefind was compared with Sphinx's search on the
  course's own queries (``scripts/compare_search.py``) and did not beat it: Sphinx's
  search sends "reciprocity", "doing with", "ladder of participation" and
  "time banking" straight to the glossary definition, and both put the right chapter
  first for "Cahn" and "tokenism". So the course keeps Sphinx's search, lazily.
- **Scripts wait for the page.** Every script file in the head gets ``defer``: the
  theme's own scripts are already deferred, and the rest (Sphinx's helpers, the copy
  button, toggles, tabs) only bind handlers. Inline snippets stay as they are (they
  only set variables the deferred scripts read). On the search page its search
  scripts are deferred too, after the helpers they use (defer keeps document order).
- ``print.css`` gets ``media="print"``, so it no longer blocks painting the screen.
  sphinx-thebe's stylesheet is dropped with its scripts (``patch_thebe_removal``), and
  stylesheets for particular content (code highlighting, the copy button, toggles,
  exercises, notebook cells, sphinx-design) are linked only from pages that hold
  such content (``CSS_FOR_CONTENT``); so are their scripts (``course_content_scripts``),
  and the theme's stylesheets lose the rules no page can use (``course_css_purge``).
- **No console error on first visit**: the theme logs "Got invalid theme mode" when no
  default mode is set; the default is "auto" (follow the device).
- **Favicon** (``_static/favicon.svg``, the course's own) and a **meta description**
  per page (the page's first paragraph, or the book's description for generated pages).
- **Landmarks** (axe best-practice ``region``): the primary sidebar, whose site title
  link sat outside every landmark, is a region named "Site menu".
- **Layout shift**: ``_ext/course_speed.css`` (inlined in the head, no request)
  reserves room for each widget before its script draws it.

Every patch of upstream output here warns (so the ``-W`` build fails) when it finds
nothing to patch: a theme upgrade that moves things must be looked at, not ignored.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript
from sphinx.util import logging

from course_content_scripts import scripts_for_page
from course_speed_checks import may_drop

logger = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent.parent / "_static"
DESCRIPTION_CHARS = 155

# The lines pydata-sphinx-theme 0.17 (layout.html, block extrahead) adds to every page.
THEME_SEARCH_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*_static/searchtools\.js"></script>'
    r'\s*<script src="[^"]*_static/language_data\.js"></script>'
    r'\s*<script src="[^"]*searchindex\.js"></script>'
)


SEARCH_PAGE_SCRIPTS = re.compile(r'<script src="([^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js))"></script>')


def _set_defaults(app: Sphinx, config) -> None:
    if not config.html_favicon:
        config.html_favicon = str(STATIC / "favicon.svg")
    context = dict(config.html_context or {})
    # Without it the theme logs an error on every first visit (Lighthouse best practices).
    context.setdefault("default_mode", "auto")
    config.html_context = context


PRIMARY_SIDEBAR = '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">'


def _warn_nothing_to_patch(patch: str, pagename) -> None:
    logger.warning(
        "course_speed: patch '%s' found nothing to patch on %s (has the theme's layout changed?)",
        patch, pagename, type="course", subtype="patch",
    )


def _patch_pages(app: Sphinx) -> None:
    """Patch each whole page as the theme renders it (see the module docstring)."""
    templates = getattr(app.builder, "templates", None)
    # The patches are for the site's theme; an EPUB is drawn by Sphinx's own epub theme.
    if templates is None or not hasattr(templates, "render") or app.builder.name.startswith("epub"):
        return
    render = templates.render

    def render_patched(template: str, context: dict) -> str:
        out = render(template, context)
        # Themes render components (sidebars, buttons) through here too: patch whole pages only.
        if "</head>" not in out:
            return out
        pagename = context.get("pagename")
        if pagename != "search":
            out, found = THEME_SEARCH_SCRIPTS.subn("", out, count=1)
            if not found:
                _warn_nothing_to_patch("search scripts on the search page only", pagename)
        else:
            # The search page's own copies (search.html, block scripts) wait for the page
            # too; defer keeps their order, after the deferred Sphinx helpers they use.
            out, found = SEARCH_PAGE_SCRIPTS.subn(r'<script defer="defer" src="\1"></script>', out)
            if found != 3:
                _warn_nothing_to_patch("defer the search page's search scripts", pagename)
        # The site title link at the top of the primary sidebar sits in no landmark
        # (axe best-practice "region", 1280 px): name the sidebar as a region.
        if PRIMARY_SIDEBAR in out:
            out = out.replace(PRIMARY_SIDEBAR, PRIMARY_SIDEBAR[:-1] + ' role="region" aria-label="Site menu">', 1)
        elif 'id="pst-primary-sidebar"' in out:
            _warn_nothing_to_patch("primary sidebar as a named region", pagename)
        return out

    templates.render = render_patched


# Stylesheets that style only particular content, and the class names of that content.
# A page whose body has none of these classes does not link the stylesheet.
CSS_FOR_CONTENT = {
    "sphinx-design": ("sd-",),
    "togglebutton.css": ("toggle", "dropdown"),
    "exercise.css": ("exercise", "solution"),
    "pygments.css": ("highlight",),
    "copybutton.css": ("highlight",),
    "mystnb.": ("highlight", "cell", "pasted-"),
}


def _page_needs(css_name: str, body: str) -> bool:
    for stem, classes in CSS_FOR_CONTENT.items():
        if stem in css_name:
            return any(re.search(r'class="[^"]*(?<![\w-])' + re.escape(c), body) for c in classes)
    return True


def _assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    css_files = context.get("css_files")
    if css_files is not None:
        found_print = False
        kept = []
        for css in css_files:
            name = str(css.filename)
            # may_drop: only the stylesheets in course_speed_checks.MAY_DROP; others warn.
            if "sphinx-thebe" in name and may_drop(name, pagename):
                continue  # the course has no live code (patch_thebe_removal drops thebe's scripts)
            if not _page_needs(name, context.get("body") or "") and may_drop(name, pagename):
                continue  # nothing on this page uses it: one less stylesheet to wait for
            if name.split("?")[0].endswith("print.css"):
                found_print = True
                attrs = {k: v for k, v in css.attributes.items() if k not in ("rel", "type")}
                attrs["media"] = "print"
                css = _CascadingStyleSheet(css.filename, priority=css.priority,
                                           rel=css.attributes.get("rel", "stylesheet"),
                                           type=css.attributes.get("type", "text/css"), **attrs)
            kept.append(css)
        if not found_print:
            logger.warning("course_speed: patch 'print.css for print only' found no print.css on %s",
                           pagename, type="course", subtype="patch")
        css_files[:] = kept
    scripts = context.get("script_files")
    if scripts is not None:
        scripts[:] = scripts_for_page(scripts, context.get("body") or "")
        deferred = 0
        for i, script in enumerate(scripts):
            attrs = dict(script.attributes)
            if not script.filename or attrs.get("body") or "async" in attrs or "defer" in attrs:
                continue
            if attrs.get("type") not in (None, "text/javascript", "module"):
                continue  # data blocks (widget state) are not scripts
            attrs["defer"] = "defer"
            scripts[i] = _JavaScript(script.filename, priority=script.priority, **attrs)
            deferred += 1
        if not deferred and templatename == "page.html":
            logger.warning("course_speed: patch 'defer scripts' found no script to defer on %s",
                           pagename, type="course", subtype="patch")


def _first_paragraph(doctree) -> str:
    for para in doctree.findall(nodes.paragraph):
        if para.next_node(nodes.Admonition, include_self=False, descend=False, siblings=False):
            continue
        # Skip paragraphs inside admonitions, figures, tables of contents and widget outputs.
        parent, skip = para.parent, False
        while parent is not None:
            if isinstance(parent, (nodes.Admonition, nodes.figure, nodes.table, nodes.citation,
                                   nodes.footnote, nodes.field_list, nodes.sidebar)) or \
                    "cell_output" in parent.get("classes", []):
                skip = True
                break
            parent = parent.parent
        text = " ".join(para.astext().split())
        if not skip and len(text) >= 40:
            return text
    return ""


def _shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def _book_description(app: Sphinx) -> str:
    """The ``description`` of _config.yml (Jupyter Book does not pass it to Sphinx)."""
    if not hasattr(app, "_course_book_description"):
        import yaml

        text = ""
        for folder in (Path(app.srcdir), Path(app.confdir)):
            config = folder / "_config.yml"
            if config.exists():
                text = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("description", "")
                break
        app._course_book_description = " ".join(str(text).split())
    return app._course_book_description


def _meta_description(app: Sphinx, pagename, templatename, context, doctree) -> None:
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return
    text = _first_paragraph(doctree) if doctree is not None else ""
    if not text:
        title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title") or ""))
        title = title or {"genindex": "Index", "search": "Search"}.get(pagename, "")
        book = context.get("docstitle") or ""
        text = f"{title}: {book}. {_book_description(app)}".strip(" :.")
    description = html.escape(_shorten(text), quote=True)
    context["metatags"] = metatags + f'\n<meta name="description" content="{description}" />' + _inline_css()


def _inline_css() -> str:
    css = (Path(__file__).with_suffix(".css")).read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # the comments are for maintainers
    return "\n<style>" + " ".join(css.split()) + "</style>"


def setup(app: Sphinx) -> dict:
    app.setup_extension("course_content_scripts")  # its scripts_for_page is used here
    app.connect("config-inited", _set_defaults)
    app.connect("builder-inited", _patch_pages)
    # After the patch_* extensions' handlers and the theme's (priority 500).
    app.connect("html-page-context", _assets, priority=950)
    app.connect("html-page-context", _meta_description, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
