"""Local Sphinx extension for the course build.

- Serves the widget host script from the Python package (``coproduction_course/static``)
  rather than ``_static/``: Jupyter Book adds every ``.js`` under ``_static/`` to every
  page, which would load it on plain pages too. Here the folder is added to
  ``html_static_path`` so Sphinx copies it, and myst-nb links it only on pages that
  hold widgets (``nb_ipywidgets_js`` in ``_config.yml``).
- ``{course-glossary}`` renders the glossary from ``data/glossary.yml`` (validated on
  load), so terms live in one data file and ``{term}`` links still work.
- Drops sphinx-thebe's scripts: the course does not use live code on the page, and
  sphinx-thebe 0.3.1 declares its config twice (a script error on every page).
- Page weight (issue 2): the theme's icon script ``fontawesome.js`` (~530 KiB gzip) is
  not loaded (``_templates/static/webpack-macros.html``); the theme's icons are drawn
  by its own CSS with the Font Awesome fonts, and this extension subsets those fonts
  at build time to the few glyphs the theme uses (``_static/course-icons/``, a few
  KiB, declared with ``unicode-range`` so any other icon still falls back to the full
  font). The icon glyphs get empty alternative text, so screen readers skip them.
- Accessibility (issue 6; checked by tests/test_accessibility.py with axe-core):
  the sidebar's expand/collapse toggles get a name ("Sub-pages of <title>"), the
  bibliography uses list/listitem roles instead of the deprecated doc-biblioentry,
  myst-nb's "Show code cell source" toggles are named by their visible text,
  ``_templates/search-button-field.html`` names the search button by its visible
  text, and ``_static/course.css`` shows keyboard focus.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.domains.std import Glossary
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import coproduction_course
import pydata_sphinx_theme
from coproduction_course.content import DATA_DIR, ContentError, load_file

PACKAGE_STATIC = Path(coproduction_course.__file__).parent / "static"
THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
logger = logging.getLogger(__name__)
# Scripts in _static/ that act only once the page is parsed (see _defer_course_scripts).
DEFERRED_SCRIPTS = ("course-nav.js",)


def warn_nothing_patched(patch: str, why: str) -> None:
    """Every patch to upstream output calls this when it finds nothing to patch.

    A Sphinx warning fails the ``-W`` build, so an upgrade of a theme or extension
    that moves the patched text is noticed at once instead of silently undoing the fix.
    """
    logger.warning(f"course_build: patch {patch!r} found nothing to patch: {why}", type="course", subtype="patch")

# Icons named by class in the templates of pydata-sphinx-theme 0.17 and
# sphinx-book-theme 1.3 (header buttons, navigation, theme switch, launch buttons).
# Icons the theme draws from CSS (--pst-icon-*: admonitions, external links,
# breadcrumbs) are read from its stylesheet. An icon not listed still works: the
# browser then fetches the theme's full font for it.
ICON_CLASSES = (
    "angle-left", "angle-right", "arrow-up", "bars", "chevron-down", "chevron-right",
    "chevron-left", "chevron-up", "magnifying-glass", "download", "expand", "compress",
    "file", "file-pdf", "file-lines", "lightbulb", "circle-half-stroke", "moon", "sun",
    "list", "outdent", "indent", "code", "rocket", "play", "pencil", "pencil-alt", "home",
    "house", "xmark", "copy", "check", "link", "square-caret-down", "github", "gitlab",
    "bitbucket", "square-github",
)
ICON_FONTS = {
    # file stem in the theme: (font-family, font-weight) as the theme's CSS declares them
    "fa-solid-900": ("Font Awesome 6 Free", 900),
    "fa-brands-400": ("Font Awesome 6 Brands", 400),
}


def _no_theme_header(app: Sphinx, config) -> None:
    """Keep pydata-sphinx-theme's own header (``#pst-header``) empty.

    sphinx-book-theme 1.3 draws its navigation buttons in the article header and
    leaves the theme header empty by clearing the ``navbar_*`` options in its
    theme.conf. pydata-sphinx-theme 0.17.1 then sets ``navbar_persistent`` to the
    search button whenever the *user* has not set it, which switches its header on:
    an empty bar with a second search box on desktop, and, hidden on phones, a second
    ``.primary-toggle``/``.secondary-toggle`` ahead of the book theme's. Both themes'
    scripts bind only the first match, so the ☰ and "On this page" buttons a student
    sees did nothing (pydata-sphinx-theme issue 2451). Setting the option ourselves
    restores the header-less layout the book theme is built for.
    tests/test_navigation.py checks the result in a browser.
    """
    options = dict(config.html_theme_options or {})
    options.setdefault("navbar_persistent", [])
    config.html_theme_options = options


def _defer_course_scripts(app: Sphinx, config) -> None:
    """Load the course's own scripts from ``_static/`` with ``defer``.

    Jupyter Book lists every ``.js`` in ``_static/`` in ``html_js_files`` as a plain,
    render-blocking script; these scripts only act after the page is parsed.
    """
    files = list(config.html_js_files)
    for name in DEFERRED_SCRIPTS:
        if name not in files:
            warn_nothing_patched(f"defer {name}", "it is not in html_js_files (Jupyter Book lists _static/*.js there)")
            continue
        files[files.index(name)] = (name, {"defer": "defer"})
    config.html_js_files = files


def _add_static_folder(app: Sphinx, config) -> None:
    paths = list(config.html_static_path)
    if str(PACKAGE_STATIC) not in paths:
        paths.append(str(PACKAGE_STATIC))
    config.html_static_path = paths


class CourseGlossary(SphinxDirective):
    """A Sphinx glossary whose entries come from data/glossary.yml."""

    has_content = False

    def run(self):
        path = DATA_DIR / "glossary.yml"
        self.env.note_dependency(str(path))
        try:
            terms = load_file(path)["terms"]
        except ContentError as exc:
            # Fail the build with a message that names the file and field.
            raise ExtensionError(f"course glossary: {exc}") from None
        lines: list[str] = []
        for entry in sorted(terms, key=lambda t: t["term"].lower()):
            lines.append(entry["term"])
            for text_line in entry["definition"].strip().splitlines():
                lines.append("   " + text_line)
            if entry.get("see_also"):
                links = ", ".join(f"{{term}}`{name}`" for name in entry["see_also"])
                lines += ["", "   See also: " + links + "."]
            lines.append("")
        glossary = Glossary(
            "glossary", [], {}, StringList(lines, source=str(path)), self.lineno,
            self.content_offset, self.block_text, self.state, self.state_machine,
        )
        return glossary.run()


def _drop_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    kept = []
    for script in scripts:
        name = str(script)
        body = getattr(script, "attributes", {}).get("body", "") if hasattr(script, "attributes") else ""
        if "thebe" in name.lower() or "THEBE" in body:
            continue
        kept.append(script)
    context["script_files"] = kept


def _theme_icon_codepoints() -> tuple[dict[str, int], set[int]]:
    """Map icon class names to code points, and collect the --pst-icon-* code points."""
    css = (THEME_STATIC / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")

    def char(value: str) -> int | None:
        if re.fullmatch(r"\\[0-9a-fA-F]{1,6}", value):
            return int(value[1:], 16)
        value = value.lstrip("\\")
        return ord(value) if len(value) == 1 else None

    by_class: dict[str, int] = {}
    for selectors, value in re.findall(r"((?:\.fa-[a-z0-9-]+:(?::)?before,?)+)\{content:\"([^\"]+)\"\}", css):
        code = char(value)
        if code is None:
            continue
        for name in re.findall(r"\.fa-([a-z0-9-]+):", selectors):
            by_class.setdefault(name, code)
    css_icons = {c for v in re.findall(r"--pst-(?:icon-[a-z-]+|breadcrumb-divider):\"([^\"]+)\"", css)
                 if (c := char(v)) is not None}
    return by_class, css_icons


def _icon_subsets(app: Sphinx, config) -> None:
    """Subset the theme's icon fonts to the glyphs it uses; add them with a stylesheet."""
    try:
        from fontTools import subset as ft_subset
        from fontTools.ttLib import TTFont
    except ImportError:  # fontTools comes with matplotlib; without it, the full fonts load
        logger.info("course_build: fontTools not found; using the theme's full icon fonts")
        return
    by_class, css_icons = _theme_icon_codepoints()
    wanted = {by_class[name] for name in ICON_CLASSES if name in by_class} | css_icons
    out = Path(app.doctreedir).parent / "course-icons-static"
    fonts_dir = out / "course-icons"
    key = hashlib.sha256(repr((sorted(wanted), pydata_sphinx_theme.__version__, 2)).encode()).hexdigest()[:12]
    stamp = out / "stamp.txt"
    if not (stamp.exists() and stamp.read_text() == key):
        fonts_dir.mkdir(parents=True, exist_ok=True)
        rules = ["/* Generated by _ext/course_build.py: subsets of the theme's Font Awesome fonts. */"]
        alt_text = []
        for stem, (family, weight) in ICON_FONTS.items():
            source = THEME_STATIC / "vendor" / "fontawesome" / "webfonts" / f"{stem}.ttf"
            font = TTFont(source)
            have = sorted(wanted & set(font.getBestCmap()))
            if not have:
                continue
            options = ft_subset.Options()
            options.flavor = "woff"  # zlib; woff2 would need brotli
            options.layout_features = []
            options.hinting = False
            options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
            subsetter = ft_subset.Subsetter(options)
            subsetter.populate(unicodes=have)
            subsetter.subset(font)
            font.flavor = "woff"
            font.save(fonts_dir / f"{stem}.woff")
            ranges = ",".join(f"U+{c:X}" for c in have)
            rules.append(
                f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};'
                f'font-display:block;src:url(course-icons/{stem}.woff) format("woff");unicode-range:{ranges}}}'
            )
        for name in ICON_CLASSES:
            if name in by_class:
                # Decorative glyph: empty alternative text keeps it out of the accessibility tree.
                alt_text.append(f'.fa-{name}:before{{content:"\\{by_class[name]:x}"/""}}')
        (out / "course-icons.css").write_text("\n".join(rules + alt_text) + "\n", encoding="utf-8")
        stamp.write_text(key)
    paths = list(config.html_static_path)
    if str(out) not in paths:
        paths.append(str(out))
    config.html_static_path = paths
    app.add_css_file("course-icons.css")


def _name_toctree_toggles(soup) -> None:
    """Give each sidebar <summary> (an icon-only expand/collapse toggle) a name."""
    for summary in soup.select("li.has-children > details > summary"):
        if summary.get_text(strip=True):
            continue  # a part caption: its text already names it
        link = summary.find_parent("li").find("a", recursive=False)
        title = link.get_text(" ", strip=True) if link else ""
        label = soup.new_tag("span", attrs={"class": "visually-hidden"})
        label.string = f"Sub-pages of {title}" if title else "Sub-pages"
        summary.append(label)


def _accessibility_fixes(app: Sphinx, pagename, templatename, context, doctree) -> None:
    generate = context.get("generate_toctree_html")
    if generate is not None and not getattr(generate, "_course_named", False):
        def generate_named(*args, **kwargs):
            soup = generate(*args, **kwargs)
            if hasattr(soup, "select"):
                _name_toctree_toggles(soup)
            return soup

        generate_named._course_named = True
        context["generate_toctree_html"] = generate_named
    body = context.get("body")
    if body:
        # DPUB-ARIA 1.1 deprecates doc-biblioentry; docutils already gives the
        # citation list role="list", so its entries are list items.
        body = body.replace('role="doc-biblioentry"', 'role="listitem"')
        # myst-nb names its "Show code cell source" toggles "Toggle hidden content",
        # which is not what they show (WCAG 2.5.3): let the visible text name them.
        body = body.replace('<summary aria-label="Toggle hidden content">', "<summary>")
        context["body"] = body


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _no_theme_header)
    app.connect("config-inited", _defer_course_scripts)
    app.connect("config-inited", _add_static_folder)
    app.connect("config-inited", _icon_subsets)
    app.connect("html-page-context", _drop_thebe)
    # After pydata-sphinx-theme's own html-page-context handlers (priority 500).
    app.connect("html-page-context", _accessibility_fixes, priority=900)
    app.add_directive("course-glossary", CourseGlossary)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
