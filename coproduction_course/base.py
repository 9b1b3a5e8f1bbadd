"""Shared base for the course's anywidgets (the widget anatomy in CONTRIBUTING.md).

Each widget is a small Python class holding its state as traitlets, with its
view and styles in files beside it, as in anywidget's own examples::

    class DebatePrompts(CourseWidget):
        _esm = STATIC / "debate.js"     # built from static/src/debate/*.js
        _css = STATIC / "debate.css"    # built from static/src/debate/debate.css

The ``.js`` and ``.css`` files are assembled by esbuild from small ES modules in
``static/src/`` (``npm run build:widgets``) and committed, so installing the
package needs no Node. Interface text comes from data files (``data/ui.yml``),
never from the code.
"""
from __future__ import annotations

from pathlib import Path

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

    def _repr_fields(self) -> str:  # overridden by subclasses
        return f"storage_key={self.storage_key!r}"

    def __repr__(self) -> str:
        # Stable text (no memory address) so nbval can compare text/plain outputs.
        return f"{type(self).__name__}({self._repr_fields()})"
