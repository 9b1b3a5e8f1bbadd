"""The course's patches to upstream output fail loudly, and do what they promise (issues 9, 21).

The ``_ext/patch_*.py`` extensions change what the themes and extensions produce
(thebe scripts dropped, docutils/myst-nb HTML edited, the theme's CSS read with
regexes, theme templates copied, sphinx-exercise's ids and numbers, the sidebar
toggles named), and ``course_speed`` rebuilds assets with Sphinx's private classes.
If an upgrade moves what a patch looks for, or changes what it was written for, the
patch must not silently do nothing: it emits a Sphinx warning naming itself
(``upstream_patches``), which fails the ``-W`` build.

The first group feeds each patch input without its target (a negative control: the
changed upstream input) and checks the warning; the second checks the built site for
what each patch promises.
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.utils import new_document
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
import course_content_scripts  # noqa: E402
import course_css_purge  # noqa: E402
import course_speed  # noqa: E402
import course_speed_checks  # noqa: E402
import patch_body_markup  # noqa: E402
import patch_deferred_scripts  # noqa: E402
import patch_exercise_content_ids  # noqa: E402
import patch_exercise_numbers  # noqa: E402
import patch_icon_fonts  # noqa: E402
import patch_sidebar_toggles  # noqa: E402
import patch_thebe_removal  # noqa: E402
import patch_theme_header  # noqa: E402
import patch_theme_templates  # noqa: E402
import upstream_patches  # noqa: E402

# The loggers the patches warn through (Sphinx prefixes "sphinx.").
PATCH_LOGGERS = ("sphinx.upstream_patches", "sphinx.patch_exercise_numbers", "sphinx.course_speed")


@pytest.fixture()
def warnings(caplog):
    """The patches' warnings logged during the test, as text."""
    caplog.set_level(logging.WARNING)
    for name in PATCH_LOGGERS:
        logging.getLogger(name).propagate = True

    def found() -> str:
        return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)

    return found


# --- each patch warns, naming itself, when its target is missing -------------------

def test_the_warning_names_the_patch_and_is_a_warning(warnings):
    upstream_patches.warn_nothing_patched("some patch", "because")
    assert "patch 'some patch' found nothing to patch: because" in warnings()


def test_unpublishing_scripts_warns_when_the_scripts_are_not_there(warnings, tmp_path):
    (tmp_path / "_static").mkdir()
    course_content_scripts.unpublish_unloaded_scripts(tmp_path)
    assert "'unpublish unloaded scripts' found nothing to patch: no _static/copybutton.js" in warnings()


def test_css_purge_warns_when_no_page_holds_the_theme_layout(warnings, tmp_path):
    (tmp_path / "page.html").write_text('<div class="some-other-theme">', encoding="utf-8")
    app = SimpleNamespace(outdir=str(tmp_path), builder=SimpleNamespace(name="html"))
    course_css_purge._purge(app, None)
    assert "'purge unused CSS' found nothing to patch: no page holds 'bd-main'" in warnings()


def test_drop_thebe_warns_without_thebe_scripts(warnings):
    kept = patch_thebe_removal.drop_thebe_scripts(["_static/doctools.js"], "intro")
    assert kept == ["_static/doctools.js"]
    assert "'drop thebe scripts'" in warnings()


def test_drop_thebe_drops_thebe_quietly(warnings):
    kept = patch_thebe_removal.drop_thebe_scripts(["_static/doctools.js", "_static/sphinx-thebe.js"], "intro")
    assert kept == ["_static/doctools.js"]
    assert warnings() == ""


def test_thebe_configuration_is_dropped_and_its_absence_warns(warnings):
    body = '<p>x</p>\n    <script type="text/x-thebe-config">\n    { a: 1 }\n    </script>\n    <script>kernelName = \'python3\'</script>\n'
    assert "thebe" not in patch_thebe_removal.drop_thebe_config(body, "intro")
    assert warnings() == ""
    patch_thebe_removal.drop_thebe_config("<p>x</p>", "intro")
    assert "'drop thebe scripts'" in warnings()


def test_bibliography_patch_warns_when_docutils_markup_changes(warnings):
    body = '<div role="list" class="citation-list"><div class="citation" id="x" role="doc-entry">A</div></div>'
    patch_body_markup.fix_body_html(body, "bibliography")
    assert "'bibliography list items'" in warnings()


def test_bibliography_patch_replaces_the_deprecated_role(warnings):
    body = '<div role="list" class="citation-list"><div class="citation" id="x" role="doc-biblioentry">A</div></div>'
    assert 'role="listitem"' in patch_body_markup.fix_body_html(body, "bibliography")
    assert warnings() == ""


def test_code_toggle_patch_warns_when_myst_nb_markup_changes(warnings):
    body = '<details class="hide above-input"><summary aria-label="Show hidden code">Show code</summary></details>'
    patch_body_markup.fix_body_html(body, "chapters/x")
    assert "'name code cell toggles'" in warnings()


def test_pages_without_targets_do_not_warn(warnings):
    patch_body_markup.fix_body_html("<p>Plain text.</p>", "chapters/x")
    assert warnings() == ""


def test_icon_subset_warns_when_the_theme_css_regexes_find_nothing(warnings):
    assert patch_icon_fonts.check_icon_codepoints({}, set()) is False
    assert "'icon font subset'" in warnings()


def test_icon_codepoints_are_still_found_in_the_pinned_theme(warnings):
    by_class, css_icons = patch_icon_fonts._theme_icon_codepoints()
    assert patch_icon_fonts.check_icon_codepoints(by_class, css_icons)
    assert warnings() == ""


def test_webpack_macros_filter_warns_when_the_theme_drops_fontawesome(warnings, tmp_path):
    macros = tmp_path / "webpack-macros.html"
    macros.write_text("{% macro head_js_preload() %}<script src='x.js'></script>{% endmacro %}", encoding="utf-8")
    assert patch_theme_templates.check_theme_macros(macros) is False
    assert "'drop fontawesome.js'" in warnings()


def test_webpack_macros_of_the_pinned_theme_still_load_fontawesome(warnings):
    assert patch_theme_templates.check_theme_macros()
    assert warnings() == ""


# The fixes run for the site's html builder (an EPUB build skips them).
HTML_APP = SimpleNamespace(builder=SimpleNamespace(name="html"))


def test_sidebar_toggle_names_warn_when_the_sidebar_has_no_toggles(warnings):
    # The theme draws its expandable entries some other way than li > details > summary.
    html = '<ul><li class="has-children"><a href="x.html">X</a><div><details><summary></summary></details></div></li></ul>'
    context = {"generate_toctree_html": lambda kind, *a, **k: BeautifulSoup(html, "html.parser")}
    patch_sidebar_toggles._name_sidebar_toggles(HTML_APP, "intro", "page.html", context, None)
    context["generate_toctree_html"]("sidebar")
    assert "'name sidebar toggles'" in warnings()


def test_a_sidebar_without_sub_pages_needs_no_names(warnings):
    context = {"generate_toctree_html": lambda kind, *a, **k: BeautifulSoup("<ul><li>x</li></ul>", "html.parser")}
    patch_sidebar_toggles._name_sidebar_toggles(HTML_APP, "intro", "page.html", context, None)
    context["generate_toctree_html"]("sidebar")
    assert warnings() == ""


def test_sidebar_toggles_are_named(warnings):
    html = '<ul><li class="has-children"><a href="x.html">Exercises</a><details><summary></summary></details></li></ul>'
    context = {"generate_toctree_html": lambda kind, *a, **k: BeautifulSoup(html, "html.parser")}
    patch_sidebar_toggles._name_sidebar_toggles(HTML_APP, "intro", "page.html", context, None)
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
    patch_exercise_content_ids.fix_exercise_content_ids(_document_with("exercise_enumerable_node", ["something-else"]), "ex")
    assert "'exercise content ids'" in warnings()


def test_exercise_ids_become_classes(warnings):
    document = _document_with("exercise_enumerable_node", ["exercise-content"])
    patch_exercise_content_ids.fix_exercise_content_ids(document, "ex")
    section = next(document.findall(nodes.section))
    assert section["ids"] == [] and "exercise-content" in section["classes"]
    assert warnings() == ""


def test_deferring_course_scripts_warns_when_jupyter_book_does_not_list_them(warnings):
    config = SimpleNamespace(html_js_files=["other.js"])
    patch_deferred_scripts._defer_course_scripts(None, config)
    assert "'defer course-nav.js'" in warnings()


def test_theme_header_check_warns_when_an_option_switches_it_on(warnings):
    app = SimpleNamespace(builder=SimpleNamespace(theme=None, theme_options={"navbar_persistent": ["search-button-field"]}))
    patch_theme_header.check_no_theme_header(app)
    assert "'no theme header'" in warnings()


def test_theme_header_setting_is_a_user_setting():
    config = SimpleNamespace(html_theme_options={"launch_buttons": {}})
    patch_theme_header._no_theme_header(None, config)
    assert config.html_theme_options["navbar_persistent"] == []


def test_exercises_outside_chapter_pages_warn(warnings):
    env = SimpleNamespace(toc_fignumbers={"chapters/timeline": {"exercise": {"ex-x": (1,)}}})
    patch_exercise_numbers._number_exercises_by_chapter(None, env)
    assert "cannot be numbered by chapter" in warnings()


def test_exercises_are_renumbered_per_chapter():
    env = SimpleNamespace(toc_fignumbers={"exercises/ch05-exercises": {"exercise": {"b": (18,), "a": (17,)}}})
    patch_exercise_numbers._number_exercises_by_chapter(None, env)
    assert env.toc_fignumbers["exercises/ch05-exercises"]["exercise"] == {"a": (5, 1), "b": (5, 2)}


# --- the template copies are pinned to the theme originals they were made from ----

@pytest.mark.parametrize("pin", patch_theme_templates.PINNED_COPIES, ids=lambda pin: pin.copy)
def test_template_copies_match_the_installed_originals(warnings, pin):
    assert patch_theme_templates.check_pinned_copy(pin)
    assert warnings() == ""


@pytest.mark.parametrize("pin", patch_theme_templates.PINNED_COPIES, ids=lambda pin: pin.copy)
def test_a_changed_theme_original_fails_the_build(warnings, tmp_path, pin):
    changed = tmp_path / Path(pin.original).name
    changed.write_bytes(patch_theme_templates.original_path(pin).read_bytes() + b"\n<!-- a new theme release -->\n")
    assert patch_theme_templates.check_pinned_copy(pin, changed) is False
    message = warnings()
    assert f"_templates/{pin.copy} was copied from a {pin.original} other than" in message
    assert "Re-copy the installed original, re-apply the course's change" in message


def test_a_theme_original_that_is_gone_fails_the_build(warnings, tmp_path):
    pin = patch_theme_templates.PINNED_COPIES[0]
    assert patch_theme_templates.check_pinned_copy(pin, tmp_path / "gone.html") is False
    assert f"'template copy {pin.copy}' found nothing to patch" in warnings()


def test_every_template_copy_is_pinned():
    copies = {p.relative_to(ROOT / "_templates").as_posix() for p in (ROOT / "_templates").rglob("*.html")}
    assert copies == {pin.copy for pin in patch_theme_templates.PINNED_COPIES}


# --- course_speed: Sphinx's private asset classes, and only listed stylesheets dropped -

def test_sphinx_private_asset_classes_are_as_course_speed_uses_them(warnings):
    assert course_speed_checks.check_private_assets()
    assert warnings() == ""


def test_changed_private_asset_classes_fail_the_build(warnings, monkeypatch):
    class Renamed:  # a later Sphinx keeping the file name and attributes under other names
        def __init__(self, filename, /, *, priority=500, **attributes):
            self.name, self.order, self.attrs = filename, priority, attributes

    assets = ModuleType("changed_assets")
    assets._CascadingStyleSheet = assets._JavaScript = Renamed
    monkeypatch.setitem(sys.modules, "changed_assets", assets)
    assert course_speed_checks.check_private_assets("changed_assets") is False
    assert "'page assets' was written for another upstream version: changed_assets: _CascadingStyleSheet" in warnings()


def test_a_removed_private_asset_module_fails_the_build(warnings):
    assert course_speed_checks.check_private_assets("sphinx.builders.html._no_assets") is False
    assert "'page assets' found nothing to patch" in warnings()


def _stylesheets(*names: str) -> list:
    return [course_speed._CascadingStyleSheet(name, priority=500) for name in names]


def test_the_stylesheet_heuristic_drops_only_what_may_drop_lists(warnings):
    # "course-exercise.css" matches the heuristic's "exercise.css" but is not in MAY_DROP.
    context = {"css_files": _stylesheets("_static/exercise.css", "_static/course-exercise.css", "_static/print.css"),
               "body": "<p>A page without exercises.</p>"}
    course_speed._assets(HTML_APP, "intro", "page.html", context, None)
    kept = [str(css.filename) for css in context["css_files"]]
    assert kept == ["_static/course-exercise.css", "_static/print.css"]
    assert "would drop _static/course-exercise.css from intro, which is not in MAY_DROP" in warnings()


def test_stylesheets_in_may_drop_are_dropped_quietly(warnings):
    names = ("_static/pygments.css", "_static/mystnb.0123abcd.css", "_static/sphinx-thebe.css",
             "_static/sphinx-design.min.css", "_static/print.css")
    context = {"css_files": _stylesheets(*names), "body": "<p>Plain text.</p>"}
    course_speed._assets(HTML_APP, "intro", "page.html", context, None)
    assert [str(css.filename) for css in context["css_files"]] == ["_static/print.css"]
    assert warnings() == ""


# --- the exercise rewrites check the Sphinx and sphinx-exercise markers they rely on ---

def test_exercise_numbering_warns_when_the_figure_type_is_renamed(warnings):
    env = SimpleNamespace(found_docs={"exercises/ch05-exercises"},
                          toc_fignumbers={"exercises/ch05-exercises": {"exercise-node": {"a": (17,)}}})
    patch_exercise_numbers._number_exercises_by_chapter(None, env)
    assert "'exercise numbers by chapter' found nothing to patch: no 'exercise' numbers" in warnings()


def test_exercise_numbering_warns_without_sphinx_figure_numbers(warnings):
    patch_exercise_numbers._number_exercises_by_chapter(None, SimpleNamespace(found_docs=set()))
    assert "'exercise numbers by chapter' found nothing to patch: Sphinx's environment has no toc_fignumbers" in warnings()


def test_exercise_reference_wording_warns_when_the_format_changes(warnings):
    app = SimpleNamespace(config=SimpleNamespace(numfig_format={"exercise": "Task %s"}))
    assert patch_exercise_numbers.check_reference_wording_marker(app) is False
    assert "'exercise reference wording' found nothing to patch: numfig_format['exercise'] is 'Task %s'" in warnings()


def test_sphinx_exercise_still_words_references_exercise_n(warnings):
    import sphinx_exercise

    class Config(SimpleNamespace):
        def __setitem__(self, key, value):
            setattr(self, key, value)

    config = Config(numfig_format={"figure": "Fig. %s"})
    sphinx_exercise.init_numfig(None, config)  # the installed sphinx-exercise sets its format
    assert patch_exercise_numbers.check_reference_wording_marker(SimpleNamespace(config=config))
    assert warnings() == ""


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
