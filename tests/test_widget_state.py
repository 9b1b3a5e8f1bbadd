"""The build stores repeated widget state once per page; the host restores it."""
from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import pytest

from conftest import load_page

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("course_widget_state", ROOT / "_ext" / "course_widget_state.py")
course_widget_state = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(course_widget_state)
HOST = ROOT / "coproduction_course" / "static" / "widget-host.js"


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
    host = HOST.read_text(encoding="utf-8")
    assert course_widget_state.host_marker_problem(host) is None
    assert f'"{course_widget_state.SAME_AS}"' in host


def test_a_changed_or_missing_marker_is_reported():
    host = HOST.read_text(encoding="utf-8")
    changed = host.replace(course_widget_state.SAME_AS, "__renamed__")
    assert "uses the marker '__renamed__'" in course_widget_state.host_marker_problem(changed)
    assert "declares no" in course_widget_state.host_marker_problem("// no marker here")


class _Script:
    def __init__(self, attributes):
        self.attributes = attributes


def _warnings(monkeypatch):
    said = []
    monkeypatch.setattr(course_widget_state.logger, "warning", lambda msg, **kw: said.append(msg))
    return said


def test_the_state_rewrite_patches_myst_nbs_script(monkeypatch):
    said = _warnings(monkeypatch)
    big = "x" * 2000
    saved = _saved(("a", {"_esm": big}), ("b", {"_esm": big}))
    script = _Script({"type": course_widget_state.WIDGET_STATE_TYPE, "body": json.dumps(saved)})
    context = {"script_files": [script], "body": f'<script type="{course_widget_state.WIDGET_VIEW_TYPE}">'}
    assert course_widget_state.shrink_page_state("page", context) == 1
    assert json.loads(script.attributes["body"])["state"]["b"]["state"]["_esm"] == {course_widget_state.SAME_AS: "a"}
    assert said == []


@pytest.mark.parametrize("scripts", [[], [_Script({"type": "text/javascript", "body": "1"})],
                                     [_Script({"type": "application/vnd.jupyter.widget-state+json", "src": "x.json"})]])
def test_the_state_rewrite_warns_when_it_finds_nothing_to_patch(monkeypatch, scripts):
    """A page with widget views whose state is not where myst-nb put it so far: a warning
    (an error under -W) naming the patch and the page."""
    said = _warnings(monkeypatch)
    context = {"script_files": scripts, "body": f'<script type="{course_widget_state.WIDGET_VIEW_TYPE}">{{}}</script>'}
    assert course_widget_state.shrink_page_state("exercises/case-studies", context) == 0
    assert len(said) == 1 and said[0].startswith("course_widget_state: exercises/case-studies shows widgets")


def test_pages_without_widgets_are_left_alone_quietly(monkeypatch):
    said = _warnings(monkeypatch)
    assert course_widget_state.shrink_page_state("intro", {"script_files": [], "body": "<p>Text</p>"}) == 0
    assert said == []


# --- widget-host.js: two views of one model share it ---------------------------------
COUNTER_VIEW = """
export default {
  initialize({ model }) { globalThis.__inits = (globalThis.__inits || 0) + 1; },
  render({ model, el }) {
    const b = document.createElement("button");
    b.className = "count";
    const show = () => (b.textContent = String(model.get("n")));
    b.addEventListener("click", () => { model.set("n", model.get("n") + 1); });
    model.on("change:n", show);
    show();
    el.append(b);
  },
};
"""


def host_page_html(views: int = 2) -> str:
    state = {"version_major": 2, "version_minor": 0, "state": {
        "m1": {"model_name": "AnyModel", "model_module": "anywidget", "state": {"_esm": COUNTER_VIEW, "n": 0}}}}
    view = '<script type="application/vnd.jupyter.widget-view+json">{"version_major": 2, "version_minor": 0, "model_id": "m1"}</script>'
    return (f'<!doctype html><html lang="en"><head><title>t</title><script type="{course_widget_state.WIDGET_STATE_TYPE}">'
            f"{json.dumps(state)}</script></head><body>{view * views}</body></html>")


def test_two_views_of_one_model_share_it_and_initialize_once(browser):
    page = browser.new_page()
    try:
        page.set_content(host_page_html(2))
        page.add_script_tag(content=HOST.read_text(encoding="utf-8"))
        page.wait_for_function("document.querySelectorAll('button.count').length === 2")
        buttons = page.locator("button.count")
        buttons.nth(0).click()
        buttons.nth(0).click()
        # The other view shows the same model's value: one model, not one per view.
        assert buttons.nth(1).inner_text() == "2"
        assert page.evaluate("globalThis.__inits") == 1
        assert page.evaluate("typeof StaticModel") == "undefined"  # nothing leaks into the page's globals
    finally:
        page.close()


def test_page_with_a_checklist_per_case_draws_all_of_them(site_url, page):
    from coproduction_course.selfcheck import load_cases

    cases = len(load_cases())
    load_page(page, f"{site_url}/exercises/case-studies.html")
    widgets = page.locator(".course-widget")
    assert widgets.count() == cases
    for i in range(cases):
        assert widgets.nth(i).locator("fieldset").count() > 4
    assert page.locator(".widget-host-error").count() == 0
    assert page.script_errors == []
