"""The build stores repeated widget state once per page; the host restores it."""
from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("course_widget_state", ROOT / "_ext" / "course_widget_state.py")
course_widget_state = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(course_widget_state)


def _saved(*models):
    return {"version_major": 2, "version_minor": 0, "state": {mid: {"state": st} for mid, st in models}}


def test_repeated_large_values_become_references_to_the_first_owner():
    big = "x" * 2000
    saved = _saved(("a", {"_esm": big, "n": 1}), ("b", {"_esm": big, "n": 1}), ("c", {"_esm": big + "!"}))
    out = course_widget_state.share_repeated_values(copy.deepcopy(saved))
    assert out["state"]["a"]["state"]["_esm"] == big
    assert out["state"]["b"]["state"]["_esm"] == {course_widget_state.SAME_AS: "a"}
    assert out["state"]["c"]["state"]["_esm"] == big + "!"  # different value kept whole
    assert out["state"]["b"]["state"]["n"] == 1  # small values are never shared


def test_host_script_knows_the_same_marker():
    host = (ROOT / "coproduction_course" / "static" / "widget-host.js").read_text(encoding="utf-8")
    assert f'"{course_widget_state.SAME_AS}"' in host


def test_page_with_six_checklists_draws_all_of_them(site_url, page):
    page.goto(f"{site_url}/exercises/case-studies.html", wait_until="networkidle")
    widgets = page.locator(".course-widget")
    assert widgets.count() == 6
    for i in range(6):
        assert widgets.nth(i).locator("fieldset").count() > 4
    assert page.locator(".widget-host-error").count() == 0
    assert page.script_errors == []
