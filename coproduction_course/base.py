"""Shared base for the course's anywidgets.

Each widget is a small Python class holding its state as traitlets, with its view
in a ``.js`` file beside it (the anywidget pattern, no build step). The view is
sent as one ES module: ``common.js`` (helpers every view shares: browser storage,
downloads, plain-text rendering) followed by the widget's own file. An ES module
loaded from saved widget state cannot import a sibling file, hence the join.
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

STATIC = Path(__file__).parent / "static"


def view_module(filename: str) -> str:
    """Return the ES module source for a view: shared helpers, then the view."""
    return (STATIC / "common.js").read_text(encoding="utf-8") + "\n" + (
        STATIC / filename
    ).read_text(encoding="utf-8")


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
