"""Shared base for the course's anywidgets (the widget anatomy in CONTRIBUTING.md).

Each widget is a small Python class holding its state as traitlets, with its
view and styles in files beside it, named by the class's ``bundle``::

    class DebatePrompts(CourseWidget, bundle="debate"):
        # _esm is static/debate.js (built from static/src/debate/*.js),
        # _css is static/debate.css (built from static/src/debate/debate.css)

In a live kernel anywidget sends ``_esm`` and ``_css`` to the front end as usual.
The saved state in the committed notebooks names the bundle instead
(``_course_bundle``; ``scripts/refresh_notebooks.py`` leaves the code out), and the
static site loads it from its own files (``_ext/course_widget_bundles.py``), so
notebooks hold state, not code, and a JavaScript change leaves them current.

The ``.js`` and ``.css`` files are assembled by esbuild from small ES modules in
``static/src/`` (``npm run build:widgets``) and committed, so installing the
package needs no Node. Interface text comes from data files (``data/ui.yml``),
never from the code.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import anywidget
import traitlets

STATIC = Path(__file__).parent / "static"


class CourseWidget(anywidget.AnyWidget):
    """Base class: a stable repr and a storage key that survives re-execution.

    ``storage_key`` names the widget in the browser's storage (with the page's
    path), so what a student typed survives a reload. Model ids change on every
    execution, so they cannot serve.
    """

    storage_key = traitlets.Unicode("").tag(sync=True)
    # Which view bundle draws this widget, by name: what the static site loads.
    _course_bundle = traitlets.Unicode("").tag(sync=True)
    bundle: ClassVar[str] = ""

    def __init_subclass__(cls, bundle: str = "", **kwargs: Any) -> None:
        if bundle:
            cls.bundle = bundle
            # Set before anywidget's own __init_subclass__, which reads them as files.
            cls._esm = STATIC / f"{bundle}.js"
            cls._css = STATIC / f"{bundle}.css"
        super().__init_subclass__(**kwargs)

    @traitlets.default("_course_bundle")
    def _default_course_bundle(self) -> str:
        return self.bundle

    def _repr_fields(self) -> str:  # overridden by subclasses
        return f"storage_key={self.storage_key!r}"

    def __repr__(self) -> str:
        # Stable text (no memory address) so nbval can compare text/plain outputs.
        return f"{type(self).__name__}({self._repr_fields()})"
