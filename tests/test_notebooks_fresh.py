"""Committed notebooks must be executed, with widget state, and not stale."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest

from conftest import executed_notebook

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("refresh_notebooks", ROOT / "scripts" / "refresh_notebooks.py")
refresh_notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(refresh_notebooks)

NOTEBOOKS = refresh_notebooks.course_notebooks()
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
STATIC = ROOT / "coproduction_course" / "static"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.relative_to(ROOT).as_posix() for p in NOTEBOOKS])
def test_notebook_is_executed_and_current(path: Path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "not executed: run `make refresh`"
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    recorded = nb.metadata.get("course", {}).get("inputs_fingerprint")
    assert recorded == refresh_notebooks.notebook_fingerprint(nb), (
        f"{path.name} is stale: its code or the course package changed since it was executed. "
        f"Run `make refresh`."
    )
    views = [o["data"][WIDGET_VIEW]["model_id"] for c in code for o in c.outputs if WIDGET_VIEW in o.get("data", {})]
    if views:
        state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
        missing = [v for v in views if v not in state]
        assert not missing, "widget state not stored for a displayed widget: run `make refresh`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.relative_to(ROOT).as_posix() for p in NOTEBOOKS])
def test_executing_again_reproduces_the_committed_file(path: Path):
    """No hidden nondeterminism: executing again gives the committed notebook byte for
    byte, widget state included. One execution per run, shared with nbval (conftest)."""
    assert executed_notebook(path) == path.read_text(encoding="utf-8"), (
        f"{path.name} changes when executed again: seed the randomness, or run `make refresh` if it is stale"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.relative_to(ROOT).as_posix() for p in NOTEBOOKS])
def test_saved_widget_state_names_its_bundle_and_holds_no_view_code(path: Path):
    """Notebooks hold state, not code (issue 21): the view is loaded from the site's static
    files, so a JavaScript or CSS change leaves every notebook current."""
    nb = nbformat.read(path, as_version=4)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    anywidgets = [m["state"] for m in state.values() if m.get("model_name") == "AnyModel"]
    carrying = sorted({key for traits in anywidgets for key in ("_esm", "_css") if key in traits})
    assert not carrying, (
        f"{path.name}: the saved widget state holds view code ({', '.join(carrying)}) in "
        f"{sum(1 for t in anywidgets if '_esm' in t or '_css' in t)} of {len(anywidgets)} widget(s): run `make refresh`"
    )
    for traits in anywidgets:
        bundle = traits.get("_course_bundle", "")
        assert (STATIC / f"{bundle}.js").is_file() and (STATIC / f"{bundle}.css").is_file(), (
            f"{path.name}: a widget names the bundle {bundle!r}, which coproduction_course/static/ lacks"
        )


def test_the_fingerprint_covers_python_and_data_but_not_the_views():
    """A change to a widget's JavaScript or CSS makes no notebook stale; a change to the
    package's Python or to a data file makes them all stale."""
    files = [p.relative_to(ROOT / "coproduction_course").as_posix() for p in refresh_notebooks.fingerprint_files()]
    assert "checklist.py" in files and "data/motions.yml" in files
    assert not [f for f in files if f.startswith("static/")], "the view bundles are in the notebook fingerprint"
