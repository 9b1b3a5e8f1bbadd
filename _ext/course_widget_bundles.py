"""Publish each widget's view as static files, linked only on pages that show it.

Notebooks hold widget state, not code (issue 21): ``scripts/refresh_notebooks.py``
leaves anywidget's ``_esm``/``_css`` out of the saved state, and each widget names
its view bundle instead (the synced trait ``_course_bundle``, e.g. ``"checklist"``).
This extension gives the static site those bundles:

* At the start of an HTML build it writes, for every bundle in the package's static
  folder (``<name>.js`` with its ``<name>.css``), ``_static/course-widgets/<name>.<hash>.js``
  and ``.css``. The hash (of the file's bytes) is in the name, so a changed view gets a
  new address: no browser, service worker or offline copy keeps an old one. Copies from
  earlier builds are removed, and the bundles' digest is a config value that rewrites
  every page when it changes (Sphinx compares ``html`` config values between builds), so
  no page links a removed file.
* The ``.js`` is a classic script that registers the ES module's text under its name
  (``self.courseWidgetBundles``) and announces it (a ``course-widget-bundle`` event);
  ``widget-host.js`` imports the module from there. Not a module script: a copy of the
  site opened from disk (the offline zip, ``file://``) may not load module scripts.
* On each page it reads the saved widget state (myst-nb's script) and links the bundles
  the page's widgets name, a deferred script and a stylesheet each; pages without
  widgets link none. The service worker's list and the offline and LMS packages take
  every file of the build, these included.

It fails loudly (a Sphinx warning, an error under ``-W``) when a page's widget names a
bundle that does not exist or has neither code nor a bundle name (it could not be
drawn), and when ``widget-host.js`` does not read the registry and event named here.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE_STATIC = Path(__file__).resolve().parent.parent / "coproduction_course" / "static"
HOST_JS = PACKAGE_STATIC / "widget-host.js"
FOLDER = "course-widgets"  # under _static/
REGISTRY = "courseWidgetBundles"  # widget-host.js declares the same (checked below)
EVENT = "course-widget-bundle"
WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json"
HTML_BUILDERS = ("html", "dirhtml")  # the printed and e-book builds draw widgets from data
PATCH = "course_widget_bundles"


def bundle_names(static: Path = PACKAGE_STATIC) -> list[str]:
    """Every view bundle: a built ``<name>.js`` with its ``<name>.css`` (not the host)."""
    return sorted(p.stem for p in static.glob("*.js") if p.name != HOST_JS.name and p.with_suffix(".css").is_file())


def _short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def classic_script(name: str, module_text: str) -> str:
    """The bundle as a classic script that registers the module's text under ``name``."""
    key = json.dumps(name)
    return (
        f"/* The {name} widget's view (coproduction_course/static/{name}.js, built by\n"
        f"   npm run build:widgets), registered for widget-host.js: see _ext/{PATCH}.py. */\n"
        f"(self.{REGISTRY} = self.{REGISTRY} || {{}})[{key}] = {json.dumps(module_text)};\n"
        f'document.dispatchEvent(new CustomEvent("{EVENT}", {{ detail: {key} }}));\n'
    )


def published_files(static: Path = PACKAGE_STATIC) -> dict[str, dict[str, tuple[str, bytes]]]:
    """name -> {"js"|"css": (file name under _static/course-widgets/, bytes)}."""
    out: dict[str, dict[str, tuple[str, bytes]]] = {}
    for name in bundle_names(static):
        script = classic_script(name, (static / f"{name}.js").read_text(encoding="utf-8")).encode("utf-8")
        style = (static / f"{name}.css").read_bytes()
        out[name] = {kind: (f"{name}.{_short_hash(data)}.{kind}", data) for kind, data in (("js", script), ("css", style))}
    return out


def bundles_digest(files: dict[str, dict[str, tuple[str, bytes]]]) -> str:
    return ",".join(file_name for name in sorted(files) for file_name, _ in files[name].values())


def write_bundles(target: Path, files: dict[str, dict[str, tuple[str, bytes]]]) -> None:
    """Write the files into ``target`` (``_static/course-widgets``), removing any others."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = {file_name: data for kinds in files.values() for file_name, data in kinds.values()}
    for old in target.iterdir():
        if old.name not in wanted:
            old.unlink()
    for file_name, data in wanted.items():
        path = target / file_name
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)


def host_problem(host_source: str) -> str | None:
    """Why widget-host.js cannot find the bundles this extension publishes, or None."""
    for constant, value in (("BUNDLES", REGISTRY), ("BUNDLE_EVENT", EVENT)):
        found = re.search(rf'^\s*const {constant} = "([^"]*)";', host_source, re.M)
        if not found:
            return f"{HOST_JS.name} declares no `const {constant} = \"...\";`"
        if found.group(1) != value:
            return f"{HOST_JS.name} has {constant} = {found.group(1)!r}, this extension {value!r}"
    return None


def bundles_on_page(saved: dict, known: set[str]) -> tuple[list[str], list[str]]:
    """(bundle names the page's widgets use, problems: widgets that could not be drawn)."""
    names: set[str] = set()
    problems: list[str] = []
    for model_id, model in saved.get("state", {}).items():
        if model.get("model_name") != "AnyModel":
            continue
        traits = model.get("state", {})
        name = traits.get("_course_bundle")
        if name in known:
            names.add(name)
        elif name:
            problems.append(f"widget {model_id} names the bundle {name!r}, which does not exist (known: {sorted(known)})")
        elif "_esm" not in traits:
            problems.append(f"widget {model_id} has neither its code (_esm) nor a bundle name (_course_bundle)")
    return sorted(names), problems


def _page_state(context: dict) -> dict | None:
    for script in context.get("script_files") or []:
        attributes = getattr(script, "attributes", None) or {}
        if attributes.get("type") == WIDGET_STATE_TYPE and "body" in attributes:
            return json.loads(attributes["body"])
    return None


def _link_bundles(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.name not in HTML_BUILDERS:
        return
    saved = _page_state(context)
    if saved is None:
        return  # no widgets; course_widget_state warns if views lack their state
    files = app.course_widget_files
    names, problems = bundles_on_page(saved, set(files))
    for problem in problems:
        logger.warning(f"{PATCH}: {pagename}: {problem}", type=PATCH, subtype="bundle")
    # Into this page's own lists: Sphinx's add_js_file would add to the builder's list,
    # which another handler (patch_thebe_removal) has already replaced here.
    # The asset classes are Sphinx's (as in course_speed): if they move, the import fails.
    for name in names:
        # After every other stylesheet, as the view's <style> used to be.
        context["css_files"].append(_CascadingStyleSheet(
            f"_static/{FOLDER}/{files[name]['css'][0]}", priority=900, rel="stylesheet", type="text/css"))
        context["script_files"].append(_JavaScript(
            f"_static/{FOLDER}/{files[name]['js'][0]}", priority=900, defer="defer", **{"data-course-bundle": name}))


def _set_digest(app: Sphinx, config) -> None:
    app.course_widget_files = published_files()
    config.course_widget_bundles = bundles_digest(app.course_widget_files)


def _publish(app: Sphinx) -> None:
    problem = host_problem(HOST_JS.read_text(encoding="utf-8"))
    if problem:
        logger.warning(f"{PATCH}: {problem}; widgets could not be drawn", type=PATCH, subtype="host")
    if app.builder.name in HTML_BUILDERS:
        write_bundles(Path(app.outdir) / "_static" / FOLDER, app.course_widget_files)


def setup(app: Sphinx) -> dict:
    # A changed bundle changes this value, and Sphinx rewrites every page ("html").
    app.add_config_value("course_widget_bundles", "", "html")
    app.connect("config-inited", _set_digest)
    app.connect("builder-inited", _publish)
    # After myst-nb (priority 500) has added the page's widget state; before
    # course_widget_state (900) rewrites repeated values in it.
    app.connect("html-page-context", _link_bundles, priority=880)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
