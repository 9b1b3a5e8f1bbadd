"""The build stores repeated widget state once per page; the host restores it."""
from __future__ import annotations

import copy
import importlib.util
import json
import re
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


def widget_page_html(model_state: dict, views: int = 1, scripts: str = "") -> str:
    """A page as myst-nb writes it: one anywidget model's saved state, ``views`` views of it."""
    state = {"version_major": 2, "version_minor": 0, "state": {
        "m1": {"model_name": "AnyModel", "model_module": "anywidget", "state": model_state}}}
    view = '<script type="application/vnd.jupyter.widget-view+json">{"version_major": 2, "version_minor": 0, "model_id": "m1"}</script>'
    return (f'<!doctype html><html lang="en"><head><title>t</title><script type="{course_widget_state.WIDGET_STATE_TYPE}">'
            f"{json.dumps(state)}</script></head><body>{view * views}{scripts}</body></html>")


def test_two_views_of_one_model_share_it_and_initialize_once(browser):
    page = browser.new_page()
    try:
        page.set_content(widget_page_html({"_esm": COUNTER_VIEW, "n": 0}, views=2))
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


# --- notebooks hold state, the site holds the code (issue 21) -----------------------------
# Each widget's view is published once as _static/course-widgets/<name>.<hash>.js and .css
# (_ext/course_widget_bundles.py), linked only on the pages that show that widget; the
# saved state names the bundle (`_course_bundle`) and carries no `_esm`/`_css`.
BUNDLE_FILE = re.compile(r"_static/course-widgets/(checklist|debate|selfcheck)\.[0-9a-f]{12}\.(js|css)$")


def _bundle_requests(urls: list[str]) -> set[tuple[str, str]]:
    found = set()
    for url in urls:
        match = BUNDLE_FILE.search(url.split("?")[0])
        if match:
            found.add(match.groups())
    return found


def test_a_widget_page_draws_from_the_sites_static_bundles(site_url, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    load_page(page, f"{site_url}/exercises/ch05-exercises.html")
    state = json.loads(page.locator(f'script[type="{course_widget_state.WIDGET_STATE_TYPE}"]').text_content())
    traits = [m["state"] for m in state["state"].values() if m.get("model_name") == "AnyModel"]
    carrying = sorted({k for t in traits for k in ("_esm", "_css") if k in t})
    assert traits and not carrying, f"the page's saved widget state carries view code: {carrying}"
    assert sorted({t.get("_course_bundle") for t in traits}) == ["checklist", "debate", "selfcheck"]
    wanted = {(name, kind) for name in ("checklist", "debate", "selfcheck") for kind in ("js", "css")}
    assert _bundle_requests(requested) == wanted, f"bundle files requested: {sorted(_bundle_requests(requested))}"
    assert page.evaluate("document.documentElement.dataset.courseWidgets") == "ready"
    control = page.locator(".course-widget").first.locator("input, button, textarea").first
    control.scroll_into_view_if_needed()
    assert control.is_visible()
    assert page.locator(".widget-host-error").count() == 0
    assert page.script_errors == []


def test_bundles_are_linked_only_on_pages_that_show_them(site: Path):
    def linked(page: str) -> set[tuple[str, str]]:
        html = (site / page).read_text(encoding="utf-8")
        return _bundle_requests(re.findall(r'(?:src|href)="([^"]+)"', html))

    assert linked("chapters/debate-prompts.html") == {("debate", "js"), ("debate", "css")}
    assert linked("exercises/case-studies.html") == {("checklist", "js"), ("checklist", "css")}
    assert linked("chapters/01-what-is-co-production.html") == set()
    published = sorted(p.name for p in (site / "_static" / "course-widgets").iterdir())
    assert len(published) == 6, f"one .js and one .css per widget, no stale copies: {published}"


_bspec = importlib.util.spec_from_file_location("course_widget_bundles", ROOT / "_ext" / "course_widget_bundles.py")
course_widget_bundles = importlib.util.module_from_spec(_bspec)
_bspec.loader.exec_module(course_widget_bundles)


def test_each_bundle_is_published_under_a_name_holding_its_content_hash(tmp_path):
    files = course_widget_bundles.published_files()
    assert sorted(files) == ["checklist", "debate", "selfcheck"]
    for name, kinds in files.items():
        for kind, (file_name, data) in kinds.items():
            assert file_name == f"{name}.{course_widget_bundles._short_hash(data)}.{kind}"
    stale = tmp_path / "checklist.000000000000.js"
    stale.write_text("old")
    course_widget_bundles.write_bundles(tmp_path, files)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f for k in files.values() for f, _ in k.values())


def test_the_host_reads_the_registry_the_bundles_write():
    host = HOST.read_text(encoding="utf-8")
    assert course_widget_bundles.host_problem(host) is None
    renamed = host.replace(course_widget_bundles.REGISTRY, "renamedBundles")
    assert "has BUNDLES = 'renamedBundles'" in course_widget_bundles.host_problem(renamed)
    assert "declares no" in course_widget_bundles.host_problem("// nothing")


def test_a_widget_that_cannot_be_drawn_is_reported():
    saved = _saved(("a", {"_course_bundle": "checklist"}), ("b", {"_course_bundle": "chart"}), ("c", {"n": 1}),
                   ("d", {"_esm": "export default {}"}))
    for model in saved["state"].values():
        model["model_name"] = "AnyModel"
    names, problems = course_widget_bundles.bundles_on_page(saved, {"checklist", "debate"})
    assert names == ["checklist"]
    assert len(problems) == 2 and "'chart', which does not exist" in problems[0] and "widget c has neither" in problems[1]


def test_the_host_draws_a_widget_from_the_bundle_its_state_names(browser):
    host = f"<script>{HOST.read_text(encoding='utf-8')}</script>"
    bundle = f"<script>{course_widget_bundles.classic_script('counter', COUNTER_VIEW)}</script>"
    page = browser.new_page()
    try:
        page.set_content(widget_page_html({"_course_bundle": "counter", "n": 0}, scripts=host + bundle))  # the host first, as on the site
        page.wait_for_function("document.documentElement.dataset.courseWidgets === 'ready'")
        assert page.locator("button.count").inner_text() == "0"
        assert page.locator(".widget-host-error").count() == 0
        # A state naming a bundle the page never loaded: a message, not a blank space.
        page.set_content(widget_page_html({"_course_bundle": "missing", "n": 0}, scripts=host + bundle))
        page.wait_for_function("document.documentElement.dataset.courseWidgets === 'ready'")
        assert "the missing view was not loaded" in page.locator(".widget-host-error").inner_text()
    finally:
        page.close()


def test_a_changed_bundle_rewrites_every_page(tmp_path):
    """The bundles' file names are a config value Sphinx compares between builds ("html":
    every page is written again), so an incremental build links no removed file."""
    registered = {}

    class App:
        def add_config_value(self, name, default, rebuild):
            registered[name] = rebuild

        def connect(self, *args, **kwargs):
            pass

    course_widget_bundles.setup(App())
    assert registered == {"course_widget_bundles": "html"}
    (tmp_path / "chart.js").write_text("export default {};")
    (tmp_path / "chart.css").write_text(".chart {}")
    before = course_widget_bundles.bundles_digest(course_widget_bundles.published_files(tmp_path))
    (tmp_path / "chart.js").write_text("export default { render() {} };")
    after = course_widget_bundles.bundles_digest(course_widget_bundles.published_files(tmp_path))
    assert before != after and before.startswith("chart.") and after.startswith("chart.")
