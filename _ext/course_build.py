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
- Issue 9: phone navigation (no duplicate theme header, see ``_no_theme_header``;
  ``_static/course-nav.js``), exercises numbered per chapter, valid HTML (exercise
  content ids, a complete redirect ``index.html``), tables that stack on a phone.

Every patch to upstream output calls ``warn_nothing_patched`` when it finds nothing
to patch: the warning fails the ``-W`` build and names the patch, so an upgrade that
moves the target cannot silently undo a fix (tests/test_patches.py).
"""
from __future__ import annotations

import hashlib
import re
from html import escape
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.domains.std import Glossary
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import coproduction_course
import pydata_sphinx_theme
from coproduction_course.content import DATA_DIR, ContentError, load_file

PACKAGE_STATIC = Path(coproduction_course.__file__).parent / "static"
THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
THEME_MACROS = THEME_STATIC / "webpack-macros.html"
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


def check_no_theme_header(app: Sphinx) -> None:
    """After the themes have set their options: nothing may switch the theme header on."""
    theme = getattr(app.builder, "theme", None)
    options = dict(theme.get_options({}) if theme is not None else {})
    options.update(getattr(app.builder, "theme_options", {}) or {})
    switched_on = [name for name in ("navbar_start", "navbar_center", "navbar_end", "navbar_persistent") if options.get(name)]
    if switched_on:
        warn_nothing_patched(
            "no theme header",
            f"{', '.join(switched_on)} set: pydata-sphinx-theme's header, with its duplicate sidebar toggles, is back",
        )


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
    # Only the host script is published: the widget views travel inside the saved
    # widget state, and the ES module sources under static/src/ are build inputs.
    host = str(PACKAGE_STATIC / "widget-host.js")
    paths = list(config.html_static_path)
    if host not in paths:
        paths.append(host)
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


def drop_thebe_scripts(scripts: list, pagename: str = "") -> list:
    """The page's scripts without sphinx-thebe's (warns when there are none to drop)."""
    kept = []
    for script in scripts:
        name = str(script)
        body = getattr(script, "attributes", {}).get("body", "") if hasattr(script, "attributes") else ""
        if "thebe" in name.lower() or "THEBE" in body:
            continue
        kept.append(script)
    if len(kept) == len(scripts):
        warn_nothing_patched("drop thebe scripts", f"no sphinx-thebe script on page {pagename or '?'}")
    return kept


# sphinx-thebe 0.3.1 also appends its configuration and a kernelName script to every
# page's body (raw HTML nodes); with its scripts dropped they only add bytes.
THEBE_BODY_SCRIPTS = re.compile(
    r'\s*<script type="text/x-thebe-config">.*?</script>\s*<script>kernelName = [^<]*</script>', re.S
)


def drop_thebe_config(body: str, pagename: str = "") -> str:
    """The page body without sphinx-thebe's configuration scripts (warns when absent)."""
    body, count = THEBE_BODY_SCRIPTS.subn("\n", body)
    if not count:
        warn_nothing_patched("drop thebe scripts", f"no sphinx-thebe configuration in the body of {pagename or '?'}")
    return body


def _drop_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if not context.get("script_files"):
        warn_nothing_patched("drop thebe scripts", f"page {pagename} has no script_files in its context")
        return
    context["script_files"] = drop_thebe_scripts(context["script_files"], pagename)


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


def check_icon_codepoints(by_class: dict[str, int], css_icons: set[int]) -> bool:
    """Warn when the regexes over the theme's minified CSS no longer find the icons."""
    missing = [name for name in ICON_CLASSES if name not in by_class]
    if not by_class or len(missing) > len(ICON_CLASSES) // 2:
        warn_nothing_patched(
            "icon font subset",
            f"the theme's CSS no longer maps most .fa-* classes to code points (missing: {', '.join(missing[:8])})",
        )
        return False
    if not css_icons:
        warn_nothing_patched("icon font subset", "the theme's CSS declares no --pst-icon-* code points")
        return False
    return True


def _icon_subsets(app: Sphinx, config) -> None:
    """Subset the theme's icon fonts to the glyphs it uses; add them with a stylesheet."""
    try:
        from fontTools import subset as ft_subset
        from fontTools.ttLib import TTFont
    except ImportError:  # fontTools comes with matplotlib; without it, the full fonts load
        logger.info("course_build: fontTools not found; using the theme's full icon fonts")
        return
    by_class, css_icons = _theme_icon_codepoints()
    if not check_icon_codepoints(by_class, css_icons):
        return
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
                warn_nothing_patched("icon font subset", f"no wanted glyph is in the theme's {stem}.ttf")
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


def label_table_cells(body: str) -> str:
    """Give each body cell of a table with column headings its heading as ``data-label``.

    On a phone course.css shows such tables as one block per row, each cell introduced
    by its heading (WCAG 1.4.10 reflow: no cell is cut off behind a sideways scroll).
    Tables without column headings (key-value tables) stack with the key in bold.

    Block-displayed tables lose their table semantics in some screen readers
    (VoiceOver on iOS), so _static/course-nav.js gives every part of these tables its
    role explicitly (table, rowgroup, row, columnheader, rowheader, cell; in the page,
    as HTML forbids those roles in markup), and course.css hides the heading row only
    visually on a phone: header cells stay in the accessibility tree and keep their
    association with each cell (WCAG 1.3.1; tests/test_small_screens.py).
    """
    if "<table" not in body:
        return body
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    changed = False
    for table in soup.find_all("table"):
        head_rows = table.select("thead > tr")
        headings = [cell.get_text(" ", strip=True) for cell in head_rows[-1].find_all(["th", "td"], recursive=False)] if head_rows else []
        # Tables without headings (key-value tables) stack too; their first cell leads.
        table["class"] = [*table.get("class", []), "course-stacked" if any(headings) else "course-stacked-keys"]
        for row in table.select("tbody > tr"):
            for heading, cell in zip(headings, row.find_all(["td", "th"], recursive=False)):
                if heading:
                    cell["data-label"] = heading
        changed = True
    return str(soup) if changed else body


# A long page gets a list of its sections at the top, and a link back to that list at
# the end of each section, so a phone reader can move by section (the theme's "On
# this page" is a menu behind a button there). course.css shows both only where the
# theme's own page contents sidebar is hidden.
SECTIONS_MIN = 5
SECTION_LIST_LABEL = "Sections on this page"
BACK_TO_SECTIONS = "Back to the list of sections"


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
        back = soup.new_tag("p", attrs={"class": "course-to-sections"})
        back_link = soup.new_tag("a", href="#course-sections")
        back_link.string = BACK_TO_SECTIONS
        back.append(back_link)
        section.append(back)
    nav.extend([heading, items])
    title.insert_after(nav)
    return str(soup)


# myst-nb's toggle for a cell tagged hide-input (the course uses remove-input instead).
MYSTNB_TOGGLE = '<summary aria-label="Toggle hidden content">'
MYSTNB_HIDDEN_INPUT = 'class="hide above-input"'


def fix_body_html(body: str, pagename: str = "") -> str:
    """The course's fixes to docutils' and myst-nb's HTML for one page body.

    Each fix checks that what it replaces is there when the page needs it, and warns
    (failing the -W build) when an upgrade has moved it.
    """
    # DPUB-ARIA 1.1 deprecates doc-biblioentry; docutils already gives the
    # citation list role="list", so its entries are list items.
    if 'class="citation-list"' in body or 'class="citation"' in body:
        if 'role="doc-biblioentry"' not in body:
            warn_nothing_patched("bibliography list items", f"{pagename}: citations without role=\"doc-biblioentry\"")
        body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    # myst-nb names its "Show code cell source" toggles "Toggle hidden content",
    # which is not what they show (WCAG 2.5.3): let the visible text name them.
    if MYSTNB_HIDDEN_INPUT in body:
        if MYSTNB_TOGGLE not in body:
            warn_nothing_patched("name code cell toggles", f"{pagename}: myst-nb's toggle markup has changed")
        body = body.replace(MYSTNB_TOGGLE, "<summary>")
    return add_section_links(label_table_cells(body))


def _accessibility_fixes(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # These fixes are for the site's theme; an EPUB is drawn by Sphinx's own epub theme.
    if app.builder.name.startswith("epub"):
        return
    generate = context.get("generate_toctree_html")
    if generate is None and templatename == "page.html":
        warn_nothing_patched("name sidebar toggles", f"{pagename}: the theme gives no generate_toctree_html")
    if generate is not None and not getattr(generate, "_course_named", False):
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
        context["generate_toctree_html"] = generate_named
    body = context.get("body")
    if body:
        if templatename == "page.html":
            body = drop_thebe_config(body, pagename)
        context["body"] = fix_body_html(body, pagename)


class ExerciseContentIds(SphinxPostTransform):
    """Make sphinx-exercise's content wrappers valid HTML (issue 9, Nu HTML Checker).

    sphinx-exercise 1.2.1 wraps the text of every exercise in a section with the id
    "exercise-content" (and every solution in "solution-content"), so a page with
    several exercises repeats an id. The id becomes a class; nothing links to it.
    """

    default_priority = 950  # after sphinx-exercise's own post-transforms

    def run(self, **kwargs) -> None:
        fix_exercise_content_ids(self.document, self.env.docname)


def fix_exercise_content_ids(document, docname: str) -> None:
    fixed_ids = {"exercise-content", "solution-content"}
    for node in document.findall(nodes.Element):
        if type(node).__name__ not in SPHINX_EXERCISE_NODES:
            continue
        wrappers = [c for c in node.children if isinstance(c, nodes.section) and set(c["ids"]) & fixed_ids]
        if not wrappers:
            warn_nothing_patched(
                "exercise content ids",
                f"{docname}: a {type(node).__name__} has no section with id exercise-content/solution-content",
            )
            continue
        for wrapper in wrappers:
            fixed = [i for i in wrapper["ids"] if i in fixed_ids]
            wrapper["ids"] = [i for i in wrapper["ids"] if i not in fixed_ids]
            wrapper["classes"] += fixed


SPHINX_EXERCISE_NODES = {"exercise_node", "exercise_enumerable_node", "solution_node"}


def write_redirect_index(app: Sphinx, exception) -> None:
    """A valid ``index.html`` that sends readers to the first page.

    sphinx-external-toc writes a one-line redirect (no doctype, title or language)
    when the root page is not called index, unless index.html exists; this runs
    first (priority 400) and writes a complete page instead.
    """
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    title = escape(app.config.html_title or app.config.project or "Home")
    lang = escape(app.config.language or "en")
    (Path(app.outdir) / "index.html").write_text(
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
        f'<link rel="canonical" href="{escape(target)}">\n</head>\n<body>\n'
        f'<p><a href="{escape(target)}">{title}</a></p>\n</body>\n</html>\n',
        encoding="utf-8",
    )


def check_theme_macros(app: Sphinx) -> None:
    """The filter in _templates/static/webpack-macros.html must have a line to drop."""
    macros = THEME_MACROS
    text = macros.read_text(encoding="utf-8") if macros.exists() else ""
    if "fontawesome.js" not in text:
        warn_nothing_patched(
            "drop fontawesome.js", f"{macros} no longer loads fontawesome.js (update _templates/static/webpack-macros.html)"
        )


CHAPTER_EXERCISES = re.compile(r"(?:^|/)ch(\d+)-exercises$")


def _number_exercises_by_chapter(app: Sphinx, env) -> list[str]:
    """Number exercises per chapter: "Exercise 5.2", not "Exercise 18" (issue 9).

    sphinx-exercise 1.2.1 numbers exercises with Sphinx's numfig, which counts through
    the whole book (it has no per-chapter option; with a numbered toctree the numbers
    would follow the toc's sections, not the course's chapters). After Sphinx has
    assigned the numbers, each exercise on ``exercises/chNN-exercises`` is renumbered
    (NN, position on the page). Titles, ``{ref}``/``{numref}`` and "Solution to"
    headings all read these numbers, so they agree everywhere.
    """
    numbers = getattr(env, "toc_fignumbers", {})
    for docname, kinds in numbers.items():
        exercises = kinds.get("exercise")
        if not exercises:
            continue
        match = CHAPTER_EXERCISES.search(docname)
        if not match:
            logger.warning(
                f"course_build: exercises on {docname} cannot be numbered by chapter: "
                "exercises belong on exercises/chNN-exercises pages",
                location=docname, type="course", subtype="exercise",
            )
            continue
        chapter = int(match.group(1))
        in_order = sorted(exercises, key=lambda label: exercises[label])
        kinds["exercise"] = {label: (chapter, position) for position, label in enumerate(in_order, start=1)}
    return []


class ExerciseReferenceWording(SphinxPostTransform):
    """Drop a doubled "exercise" before a reference to an exercise.

    A reference to an exercise reads "Exercise 5.2", so "see exercise {ref}`ex-ch05-case`"
    would read "see exercise Exercise 5.2" (as it did on the tutor seminar plans).
    The word just before such a reference is removed, keeping any text before it.
    """

    default_priority = 900  # after every reference is resolved

    def run(self, **kwargs) -> None:
        for ref in list(self.document.findall(nodes.reference)):
            if not ref.astext().startswith(EXERCISE_WORD):
                continue
            before = ref.previous_sibling()
            if not isinstance(before, nodes.Text):
                continue
            trimmed = DOUBLED_WORD.sub("", str(before))
            if trimmed != str(before):
                before.parent.replace(before, nodes.Text(trimmed))


EXERCISE_WORD = "Exercise "
DOUBLED_WORD = re.compile(r"\b[Ee]xercise\s+$")


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _no_theme_header)
    app.connect("config-inited", _defer_course_scripts)
    app.connect("config-inited", _add_static_folder)
    app.connect("config-inited", _icon_subsets)
    app.connect("html-page-context", _drop_thebe)
    # After pydata-sphinx-theme's own html-page-context handlers (priority 500).
    app.connect("html-page-context", _accessibility_fixes, priority=900)
    app.add_directive("course-glossary", CourseGlossary)
    # After Sphinx's toctree collector (priority 500) has numbered every figure type.
    app.connect("env-get-updated", _number_exercises_by_chapter, priority=900)
    app.add_post_transform(ExerciseReferenceWording)
    app.add_post_transform(ExerciseContentIds)
    app.connect("builder-inited", check_theme_macros)
    # After pydata-sphinx-theme's update_config (priority 500) has filled in its defaults.
    app.connect("builder-inited", check_no_theme_header, priority=900)
    # Before sphinx-external-toc's own redirect writer (priority 500).
    app.connect("build-finished", write_redirect_index, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
