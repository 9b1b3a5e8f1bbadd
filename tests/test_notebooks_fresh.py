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
