"""The course's patches to upstream output fail loudly, and do what they promise (issue 9).

_ext/course_build.py changes what the themes and extensions produce (thebe scripts
dropped, docutils/myst-nb HTML edited, the theme's CSS read with regexes, the theme's
webpack macros filtered, sphinx-exercise's ids, the sidebar toggles named). If an
upgrade moves what a patch looks for, the patch must not silently do nothing: it
emits a Sphinx warning naming itself, which fails the ``-W`` build.

The first group feeds each patch input without its target and checks the warning;
the second checks the built site for what each patch promises.
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.utils import new_document
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
import course_build  # noqa: E402


@pytest.fixture()
def warnings(caplog):
    """The course_build warnings logged during the test, as text."""
    caplog.set_level(logging.WARNING)
    logging.getLogger("sphinx.course_build").propagate = True

    def found() -> str:
        return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)

    return found


# --- each patch warns, naming itself, when its target is missing -------------------

def test_the_warning_names_the_patch_and_is_a_warning(warnings):
    course_build.warn_nothing_patched("some patch", "because")
    assert "patch 'some patch' found nothing to patch: because" in warnings()


def test_drop_thebe_warns_without_thebe_scripts(warnings):
    kept = course_build.drop_thebe_scripts(["_static/doctools.js"], "intro")
    assert kept == ["_static/doctools.js"]
    assert "'drop thebe scripts'" in warnings()


def test_drop_thebe_drops_thebe_quietly(warnings):
    kept = course_build.drop_thebe_scripts(["_static/doctools.js", "_static/sphinx-thebe.js"], "intro")
    assert kept == ["_static/doctools.js"]
    assert warnings() == ""


def test_thebe_configuration_is_dropped_and_its_absence_warns(warnings):
    body = '<p>x</p>\n    <script type="text/x-thebe-config">\n    { a: 1 }\n    </script>\n    <script>kernelName = \'python3\'</script>\n'
    assert "thebe" not in course_build.drop_thebe_config(body, "intro")
    assert warnings() == ""
    course_build.drop_thebe_config("<p>x</p>", "intro")
    assert "'drop thebe scripts'" in warnings()


def test_bibliography_patch_warns_when_docutils_markup_changes(warnings):
    body = '<div role="list" class="citation-list"><div class="citation" id="x" role="doc-entry">A</div></div>'
    course_build.fix_body_html(body, "bibliography")
    assert "'bibliography list items'" in warnings()


def test_bibliography_patch_replaces_the_deprecated_role(warnings):
    body = '<div role="list" class="citation-list"><div class="citation" id="x" role="doc-biblioentry">A</div></div>'
    assert 'role="listitem"' in course_build.fix_body_html(body, "bibliography")
    assert warnings() == ""


def test_code_toggle_patch_warns_when_myst_nb_markup_changes(warnings):
    body = '<details class="hide above-input"><summary aria-label="Show hidden code">Show code</summary></details>'
    course_build.fix_body_html(body, "chapters/x")
    assert "'name code cell toggles'" in warnings()


def test_pages_without_targets_do_not_warn(warnings):
    course_build.fix_body_html("<p>Plain text.</p>", "chapters/x")
    assert warnings() == ""


def test_icon_subset_warns_when_the_theme_css_regexes_find_nothing(warnings):
    assert course_build.check_icon_codepoints({}, set()) is False
    assert "'icon font subset'" in warnings()


def test_icon_codepoints_are_still_found_in_the_pinned_theme(warnings):
    by_class, css_icons = course_build._theme_icon_codepoints()
    assert course_build.check_icon_codepoints(by_class, css_icons)
    assert warnings() == ""


def test_webpack_macros_filter_warns_when_the_theme_drops_fontawesome(warnings, tmp_path, monkeypatch):
    macros = tmp_path / "webpack-macros.html"
    macros.write_text("{% macro head_js_preload() %}<script src='x.js'></script>{% endmacro %}", encoding="utf-8")
    monkeypatch.setattr(course_build, "THEME_MACROS", macros)
    course_build.check_theme_macros(None)
    assert "'drop fontawesome.js'" in warnings()


def test_webpack_macros_of_the_pinned_theme_still_load_fontawesome(warnings):
    course_build.check_theme_macros(None)
    assert warnings() == ""


# The fixes run for the site's html builder (an EPUB build skips them).
HTML_APP = SimpleNamespace(builder=SimpleNamespace(name="html"))


def test_sidebar_toggle_names_warn_when_the_sidebar_has_no_toggles(warnings):
    # The theme draws its expandable entries some other way than li > details > summary.
    html = '<ul><li class="has-children"><a href="x.html">X</a><div><details><summary></summary></details></div></li></ul>'
    context = {"generate_toctree_html": lambda kind, *a, **k: BeautifulSoup(html, "html.parser")}
    course_build._accessibility_fixes(HTML_APP, "intro", "page.html", context, None)
    context["generate_toctree_html"]("sidebar")
    assert "'name sidebar toggles'" in warnings()


def test_a_sidebar_without_sub_pages_needs_no_names(warnings):
    context = {"generate_toctree_html": lambda kind, *a, **k: BeautifulSoup("<ul><li>x</li></ul>", "html.parser")}
    course_build._accessibility_fixes(HTML_APP, "intro", "page.html", context, None)
    context["generate_toctree_html"]("sidebar")
    assert warnings() == ""


def test_sidebar_toggles_are_named(warnings):
    html = '<ul><li class="has-children"><a href="x.html">Exercises</a><details><summary></summary></details></li></ul>'
    context = {"generate_toctree_html": lambda kind, *a, **k: BeautifulSoup(html, "html.parser")}
    course_build._accessibility_fixes(HTML_APP, "intro", "page.html", context, None)
    soup = context["generate_toctree_html"]("sidebar")
    assert soup.select_one("summary").get_text() == "Sub-pages of Exercises"
    assert warnings() == ""


def _document_with(node_class_name: str, section_ids: list[str]):
    document = new_document("test", get_default_settings(Parser))
    cls = type(node_class_name, (nodes.Element,), {})
    node = cls()
    node += nodes.section(ids=section_ids)
    document += node
    return document


def test_exercise_ids_patch_warns_when_sphinx_exercise_changes_its_markup(warnings):
    course_build.fix_exercise_content_ids(_document_with("exercise_enumerable_node", ["something-else"]), "ex")
    assert "'exercise content ids'" in warnings()


def test_exercise_ids_become_classes(warnings):
    document = _document_with("exercise_enumerable_node", ["exercise-content"])
    course_build.fix_exercise_content_ids(document, "ex")
    section = next(document.findall(nodes.section))
    assert section["ids"] == [] and "exercise-content" in section["classes"]
    assert warnings() == ""


def test_deferring_course_scripts_warns_when_jupyter_book_does_not_list_them(warnings):
    config = SimpleNamespace(html_js_files=["other.js"])
    course_build._defer_course_scripts(None, config)
    assert "'defer course-nav.js'" in warnings()


def test_theme_header_check_warns_when_an_option_switches_it_on(warnings):
    app = SimpleNamespace(builder=SimpleNamespace(theme=None, theme_options={"navbar_persistent": ["search-button-field"]}))
    course_build.check_no_theme_header(app)
    assert "'no theme header'" in warnings()


def test_theme_header_setting_is_a_user_setting():
    config = SimpleNamespace(html_theme_options={"launch_buttons": {}})
    course_build._no_theme_header(None, config)
    assert config.html_theme_options["navbar_persistent"] == []


def test_exercises_outside_chapter_pages_warn(warnings):
    env = SimpleNamespace(toc_fignumbers={"chapters/timeline": {"exercise": {"ex-x": (1,)}}})
    course_build._number_exercises_by_chapter(None, env)
    assert "cannot be numbered by chapter" in warnings()


def test_exercises_are_renumbered_per_chapter():
    env = SimpleNamespace(toc_fignumbers={"exercises/ch05-exercises": {"exercise": {"b": (18,), "a": (17,)}}})
    course_build._number_exercises_by_chapter(None, env)
    assert env.toc_fignumbers["exercises/ch05-exercises"]["exercise"] == {"a": (5, 1), "b": (5, 2)}


# --- the built site shows what each patch promises ----------------------------------

def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts)


def test_no_page_loads_thebe_or_fontawesome_js(site):
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        assert "thebe" not in " ".join(re.findall(r"<script[^>]*>", text)).lower(), page.name
        assert "x-thebe-config" not in text, page.name
        assert "fontawesome.js" not in text, page.name


def test_icon_subset_is_built_and_linked(site):
    css = (site / "_static" / "course-icons.css").read_text(encoding="utf-8")
    assert "unicode-range" in css and 'content:"\\' in css
    fonts = list((site / "_static" / "course-icons").glob("*.woff"))
    assert fonts and all(f.stat().st_size < 20_000 for f in fonts)
    assert "course-icons.css" in (site / "intro.html").read_text(encoding="utf-8")


def test_sidebar_toggles_and_bibliography_roles_in_the_built_site(site):
    intro = (site / "intro.html").read_text(encoding="utf-8")
    assert "Sub-pages of" in intro
    bibliography = (site / "bibliography.html").read_text(encoding="utf-8")
    assert 'role="listitem"' in bibliography and "doc-biblioentry" not in bibliography


def test_no_repeated_exercise_id_and_a_complete_redirect_page(site):
    for page in _pages(site):
        assert 'id="exercise-content"' not in page.read_text(encoding="utf-8"), page.name
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.startswith("<!DOCTYPE html>") and '<html lang="en">' in index and "<title>" in index
    assert 'url=intro.html' in index


def test_course_nav_script_is_deferred(site):
    assert re.search(r'<script defer="defer" src="_static/course-nav\.js', (site / "intro.html").read_text(encoding="utf-8"))
