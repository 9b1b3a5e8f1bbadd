"""Checks for ``course_speed``'s reliance on Sphinx internals and its stylesheet drops.

``course_speed`` rebuilds the page's asset entries with Sphinx's private classes
``sphinx.builders.html._assets._CascadingStyleSheet`` and ``_JavaScript`` (to add
``media="print"`` and ``defer``), and leaves out stylesheets a page does not use by a
class-name heuristic (``CSS_FOR_CONTENT``). Both fail silently when upstream changes:
a renamed class or attribute, or a stylesheet whose name happens to match the
heuristic. So:

- at build start, the private names must exist, take the arguments used and keep
  ``filename``, ``priority`` and ``attributes`` (``check_private_assets``);
- only the stylesheets in ``MAY_DROP`` may be dropped (``may_drop``); any other the
  heuristic would drop is kept, and the build fails with a warning naming it.
"""
from __future__ import annotations

import importlib
from fnmatch import fnmatchcase

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched, warn_upstream_changed

PRIVATE_ASSETS = "sphinx.builders.html._assets"
# The stylesheets course_speed may leave out of a page (fnmatch patterns of the
# entries' file names): sphinx-thebe's (no live code), and those styling only
# particular content (CSS_FOR_CONTENT in course_speed.py). A new entry there needs
# its stylesheet here.
MAY_DROP = (
    "_static/sphinx-thebe.css",
    "_static/sphinx-design.min.css",
    "_static/togglebutton.css",
    "_static/exercise.css",
    "_static/pygments.css",
    "_static/copybutton.css",
    "_static/mystnb.*.css",
)


def may_drop(filename: str, pagename: str = "") -> bool:
    """Whether course_speed may leave this stylesheet out; warns (and keeps it) if not."""
    name = str(filename).split("?")[0]
    if any(fnmatchcase(name, pattern) for pattern in MAY_DROP):
        return True
    warn_upstream_changed(
        "stylesheets only where used",
        f"it would drop {name} from {pagename or '?'}, which is not in MAY_DROP "
        "(_ext/course_speed_checks.py): add it there if the page really does not need it",
    )
    return False


def _asset_problems(module) -> list[str]:
    """What course_speed uses of the private asset classes and no longer finds."""
    css_class = getattr(module, "_CascadingStyleSheet", None)
    js_class = getattr(module, "_JavaScript", None)
    if css_class is None or js_class is None:
        return ["_CascadingStyleSheet or _JavaScript is gone"]
    problems = []
    try:
        css = css_class("x.css", priority=7, rel="stylesheet", type="text/css", media="print")
        js = js_class("x.js", priority=7, defer="defer")
    except TypeError as exc:
        return [f"the constructors take other arguments ({exc})"]
    for kind, asset, filename, attribute in (("_CascadingStyleSheet", css, "x.css", "media"),
                                             ("_JavaScript", js, "x.js", "defer")):
        if getattr(asset, "filename", None) != filename or getattr(asset, "priority", None) != 7:
            problems.append(f"{kind} keeps no filename or priority")
        if not isinstance(getattr(asset, "attributes", None), dict) or attribute not in asset.attributes:
            problems.append(f"{kind} keeps no attributes dict")
    return problems


def check_private_assets(module_name: str = PRIVATE_ASSETS) -> bool:
    """Warn when Sphinx's private asset classes are not what course_speed was written for."""
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        warn_nothing_patched("page assets", f"Sphinx has no module {module_name}")
        return False
    problems = _asset_problems(module)
    for problem in problems:
        warn_upstream_changed("page assets", f"{module_name}: {problem} (course_speed rebuilds assets with them)")
    return not problems


def _check_at_start(app: Sphinx) -> None:
    check_private_assets()


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _check_at_start)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
