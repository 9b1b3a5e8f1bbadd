"""A student's work is safe (issue 17): the offline copy survives a release and
another site on the same origin, an import asks first and keeps a backup, an
entry the page cannot read is set aside rather than overwritten, a hostile
import plants nothing, the learning log shows work in words, and a broken data
file stops the build.

Browser tests drive the built student site (tests/conftest.py); the release
test serves two copies of it side by side and changes one as a new build would.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from course_tools.serve import serving

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "coproduction-course:v1:"
DATA = ROOT / "coproduction_course" / "data"

COUNT_CACHED = """async (base) => {
  let n = 0;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    n += (await cache.keys()).filter((r) => r.url.startsWith(base)).length;
  }
  return n;
}"""


def _storage(page) -> dict:
    return page.evaluate(
        "(p) => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(p)).map(k => [k, localStorage.getItem(k)]))",
        PREFIX,
    )


def _save_everything(page, base: str) -> int:
    page.goto(f"{base}learning-log.html")
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.get_by_role("button", name="Make the whole course available offline").click()
    page.wait_for_function(
        "document.getElementById('course-offline-status').textContent.startsWith('Done')", timeout=120000
    )
    return page.evaluate(COUNT_CACHED, base)


def _new_build(site: Path, marker: str) -> None:
    """What a release changes for the browser: a page's text and the worker's build version."""
    worker = site / "course-sw.js"
    version = json.loads((site / "offline-files.json").read_text())["version"]
    new = (marker.encode().hex() + "0" * 16)[:16]
    worker.write_text(worker.read_text().replace(version, new))
    intro = site / "intro.html"
    intro.write_text(intro.read_text().replace("</h1>", f" {marker}</h1>", 1))


def _update_worker(page) -> bool:
    """Have the browser look for a new worker, as it does on a visit; True when one took over."""
    changed = page.evaluate(
        """() => new Promise(async (resolve) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true));
          const reg = await navigator.serviceWorker.getRegistration();
          await reg.update();
          setTimeout(() => resolve(false), 15000);
        })"""
    )
    page.wait_for_timeout(3000)
    return changed


def test_a_release_and_a_second_site_keep_a_saved_offline_course(browser, site, tmp_path):
    parent = tmp_path / "origin"
    shutil.copytree(site, parent / "student")
    shutil.copytree(site, parent / "tutor")  # another site on the same origin
    (parent / "index.html").write_text("<!DOCTYPE html><title>Two sites on one origin</title>")
    with serving(parent) as url:
        context = browser.new_context()
        page = context.new_page()
        try:
            base = f"{url}/student/"
            saved = _save_everything(page, base)
            assert saved > 100, saved
            # A new release at the same address; the student opens one page online.
            _new_build(parent / "student", "release-two")
            page.goto(f"{base}intro.html")
            assert _update_worker(page), "the new release's worker did not take over"
            # The other site on this origin starts its own worker.
            _new_build(parent / "tutor", "other-site")
            other = context.new_page()
            other.goto(f"{url}/tutor/intro.html")
            assert other.evaluate("navigator.serviceWorker.ready.then(() => true)")
            other.wait_for_timeout(3000)
            after = page.evaluate(COUNT_CACHED, base)
            assert after >= saved, f"the saved course went from {saved} to {after} cached files"
            context.set_offline(True)
            page.goto(f"{base}glossary.html")  # never opened in this browser before the release
            assert "not saved in this browser" not in page.content()
            assert page.get_by_role("heading", level=1).first.is_visible()
        finally:
            context.set_offline(False)
            context.close()


def test_the_bare_site_address_opens_offline_after_saving(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    try:
        _save_everything(page, f"{site_url}/")
        context.set_offline(True)
        response = page.goto(f"{site_url}/")
        assert response.status == 200, response.status
        page.wait_for_url("**/intro.html")  # the front page sends the reader to the introduction
        page.wait_for_load_state()
        assert "not saved in this browser" not in page.content()
        assert page.get_by_role("heading", level=1).first.is_visible()
    finally:
        context.set_offline(False)
        context.close()


def _note_key(page, site_url: str, text: str) -> str:
    page.goto(f"{site_url}/chapters/barrier-checklist.html")
    widget = page.locator(".course-widget").first
    box = widget.locator("textarea").first
    box.wait_for()
    box.fill(text)
    box.press("Tab")
    keys = [k for k, v in _storage(page).items() if text in v]
    assert len(keys) == 1, keys
    return keys[0]


def test_an_entry_from_a_newer_version_survives_a_keystroke(browser, site_url):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        key = _note_key(page, site_url, "first note")
        newer = json.dumps({"version": 3, "initiative": "Saved by a newer course", "ratings": {}, "notes": {}})
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, newer])
        page.reload()
        widget = page.locator(".course-widget").first
        widget.locator("textarea").nth(1).wait_for()
        widget.locator("textarea").nth(1).press_sequentially("x")
        widget.locator("textarea").nth(1).press("Tab")
        page.wait_for_timeout(300)
        assert newer in _storage(page).values(), "the unreadable entry was overwritten"
        page.goto(f"{site_url}/learning-log.html")
        log = page.locator("#course-learning-log")
        log.locator("h3").first.wait_for()
        assert "1 saved item(s) could not be read" in log.inner_text()
        with page.expect_download() as info:
            page.locator('button[data-action="export-json"]').click()
        exported = json.loads(Path(info.value.path()).read_text())
        assert newer in exported["entries"].values()
    finally:
        context.close()


def _import(page, path: Path) -> None:
    page.set_input_files("#course-log-import", str(path))


def test_import_shows_what_changes_asks_and_keeps_a_restorable_backup(browser, site_url, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        _note_key(page, site_url, "Monday's note")
        page.goto(f"{site_url}/learning-log.html")
        with page.expect_download() as info:
            page.locator('button[data-action="export-json"]').click()
        monday = tmp_path / "monday.json"
        monday.write_bytes(Path(info.value.path()).read_bytes())
        page.wait_for_timeout(1100)  # Tuesday's note is saved later
        _note_key(page, site_url, "Tuesday's note")
        tuesday = _storage(page)
        page.goto(f"{site_url}/learning-log.html")
        page.locator("#course-learning-log h3").first.wait_for()
        _import(page, monday)
        plan = page.locator(".course-log-plan")
        plan.wait_for(state="visible", timeout=5000)
        assert "monday.json" in plan.inner_text() and "kept as they are here" in plan.inner_text()
        assert _storage(page) == tuesday, "the import changed something before the student agreed"
        # Escape cancels.
        page.keyboard.press("Escape")
        assert plan.is_hidden() and _storage(page) == tuesday
        _import(page, monday)
        page.locator('button[data-action="import-confirm"]').click()
        page.wait_for_function("document.querySelector('.course-log-status').textContent.startsWith('Imported')")
        assert "Tuesday's note" in page.locator("#course-learning-log").inner_text()
        assert _storage(page) == tuesday, "the newer work was not kept"
        # Replacing everything with the file is a choice; the backup brings Tuesday back.
        _import(page, monday)
        page.locator('button[data-action="import-replace"]').click()
        page.wait_for_function("document.querySelector('.course-log-status').textContent.startsWith('Imported')")
        assert "Monday's note" in page.locator("#course-learning-log").inner_text()
        page.locator('button[data-action="restore-backup"]').click()
        page.locator('button[data-action="restore-yes"]').click()
        page.wait_for_function("document.querySelector('.course-log-status').textContent.includes('restored')")
        assert _storage(page) == tuesday
        assert "Tuesday's note" in page.locator("#course-learning-log").inner_text()
    finally:
        context.close()


def _log_file(entries: dict, version=1) -> str:
    return json.dumps({"format": "coproduction-course-learning-log", "version": version, "entries": entries})


HOSTILE = {
    "javascript-key.json": _log_file({"raw:log:opened": json.dumps({"javascript:alert(document.domain)//": {"title": "Click me"}})}),
    "data-key.json": _log_file({"raw:log:opened": json.dumps({"data:text/html,<script>alert(1)</script>": {"title": "Click me"}})}),
    "javascript-entry.json": _log_file({"site:javascript:alert(1)//x.html:w": "{}"}),
    "malformed.json": '{"format": "coproduction-course-learning-log", "version": 1, "entries": {',
    "unknown-version.json": _log_file({"site:chapters/barrier-checklist.html:checklist-barriers": "{}"}, version=99),
    "huge.json": _log_file({"site:chapters/barrier-checklist.html:checklist-barriers": "x" * (5 * 1024 * 1024 + 10)}),
}
MESSAGES = {
    "javascript-key.json": "not part of this course",
    "data-key.json": "not part of this course",
    "javascript-entry.json": "not part of this course",
    "malformed.json": "not valid JSON",
    "unknown-version.json": "cannot read (version 99)",
    "huge.json": "too large",
}


def test_hostile_imports_plant_nothing(browser, site_url, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        _note_key(page, site_url, "my own note")
        page.goto(f"{site_url}/learning-log.html")
        page.locator("#course-learning-log h3").first.wait_for()
        before = _storage(page)
        status = page.locator(".course-log-status")
        for name, text in HOSTILE.items():
            path = tmp_path / name
            path.write_text(text)
            _import(page, path)
            try:
                page.wait_for_function(
                    "(m) => document.querySelector('.course-log-status').textContent.includes(m)", arg=MESSAGES[name], timeout=10000
                )
            except Exception:
                links = page.eval_on_selector_all("#course-learning-log a", "els => els.map(a => a.getAttribute('href'))")
                pytest.fail(f"{name}: the page said {status.inner_text()!r}; links in the log: {links[:5]}")
            assert "Nothing was changed" in status.inner_text(), name
            assert page.locator(".course-log-plan").is_hidden(), name
            assert _storage(page) == before, name
            assert page.locator("a[href^='javascript:'], a[href^='data:'], a[href^='//']").count() == 0, name
            page.evaluate("() => document.querySelector('.course-log-status').textContent = ''")
        # HTML in a value is data, shown as text.
        html = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
        key = next(k for k in before if "barrier-checklist" in k)
        entry = json.loads(before[key])
        entry["initiative"] = html
        entry["saved"] = "2999-01-01T00:00:00Z"
        path = tmp_path / "html-in-values.json"
        path.write_text(_log_file({"site:" + key.split("/", 1)[1]: json.dumps(entry)}))
        _import(page, path)
        page.locator('button[data-action="import-confirm"]').click()
        page.wait_for_function("document.querySelector('.course-log-status').textContent.startsWith('Imported')")
        log = page.locator("#course-learning-log")
        assert html in log.inner_text()
        assert log.locator("img, script").count() == 0
        page.wait_for_timeout(500)
        assert dialogs == []
    finally:
        context.close()


def _selfcheck_question(chapter: int) -> dict:
    data = yaml.safe_load((DATA / "selfcheck.yml").read_text(encoding="utf-8"))
    return next(c for c in data["chapters"] if c["chapter"] == chapter)["questions"][0]


def test_the_learning_log_shows_a_self_check_question_and_the_answer_in_words(browser, site_url):
    question = _selfcheck_question(1)
    chosen = question["options"][1]
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/exercises/ch01-exercises.html")
        check = page.locator(".course-widget").first
        check.locator("input[type=radio]").nth(1).wait_for()
        check.locator("input[type=radio]").nth(1).check()
        confirm = check.get_by_role("button", name=re.compile("check|confirm|submit", re.I))
        if confirm.count():
            confirm.first.click()
        page.goto(f"{site_url}/learning-log.html")
        log = page.locator("#course-learning-log")
        log.locator("h3").first.wait_for()
        shown = " ".join(log.inner_text().split())
        assert " ".join(question["prompt"].split()) in shown, shown[:1500]
        assert " ".join(chosen["text"].split()) in shown
        assert ("(right)" if chosen.get("correct") else "(not right") in shown
        with page.expect_download() as info:
            page.locator('button[data-action="export-markdown"]').click()
        markdown = " ".join(Path(info.value.path()).read_text().split())
        assert " ".join(question["prompt"].split()) in markdown and " ".join(chosen["text"].split()) in markdown
        for internal in ("ShufflePos", "Seed:", "NamesInExport", "Choices", question["id"]):
            assert internal not in shown and internal not in markdown, internal
    finally:
        context.close()


def test_escape_closes_clear_all_and_returns_focus(page, site_url):
    page.goto(f"{site_url}/learning-log.html")
    clear = page.locator('button[data-action="clear"]')
    clear.click()
    cancel = page.locator('button[data-action="clear-cancel"]')
    assert cancel.is_visible()
    page.keyboard.press("Escape")
    assert cancel.is_hidden()
    assert page.evaluate("document.activeElement.dataset.action") == "clear"


def test_lms_packages_carry_no_service_worker(site, tmp_path):
    from course_tools.portable import site_files

    files = site_files(site)
    assert "course-sw.js" not in files and "offline-files.json" not in files
    assert "course-offline.js" in "".join(files)


# --- broken data files stop the build ----------------------------------------------------

def test_every_data_file_passes_the_strict_check():
    from coproduction_course import datacheck

    assert datacheck.check_dir(DATA) == []


def _sphinx_with_data(tmp_path: Path, data: Path) -> subprocess.CompletedProcess:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "import sys\n"
        f"sys.path[:0] = [{str(ROOT / '_ext')!r}, {str(ROOT)!r}]\n"
        "extensions = ['course_data_check']\n"
        f"course_data_dir = {str(data)!r}\n"
    )
    (src / "index.rst").write_text("Test\n====\n")
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300,
    )


@pytest.mark.parametrize(
    "name, change, expected",
    [
        ("motions.yml", lambda t: re.sub(r"\n    title: This house believes you cannot[^\n]*", "", t, count=1),
         r"motions\.yml:\d+: motions\[0\]: 'title' is a required property"),
        ("motions.yml", lambda t: t.replace("\n  - id: own-oppression\n", "\n  - id: own-oppression\n    id: again\n", 1),
         r"motions\.yml:\d+: not valid YAML: the key 'id' appears twice"),
        ("glossary.yml", lambda t: t + "\nnot a list: [\n", r"glossary\.yml:\d+: not valid YAML"),
    ],
)
def test_a_broken_data_file_stops_the_build_naming_file_line_and_field(tmp_path, name, change, expected):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / name).write_text(change((data / name).read_text(encoding="utf-8")), encoding="utf-8")
    result = _sphinx_with_data(tmp_path, data)
    assert result.returncode != 0
    assert re.search(expected, result.stdout + result.stderr), (result.stdout + result.stderr)[-2000:]


def test_the_data_check_runs_in_the_book_build_and_passes_on_sound_data(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "course_data_check" in config["sphinx"]["local_extensions"]
    result = _sphinx_with_data(tmp_path, DATA)
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]


def test_the_filled_learning_log_and_its_import_question_pass_axe(browser, site_url, tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_accessibility import run_axe

    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        _note_key(page, site_url, "a note for the scan")
        page.goto(f"{site_url}/exercises/ch01-exercises.html")
        page.locator(".course-widget").first.locator("input[type=radio]").nth(1).check()
        page.goto(f"{site_url}/learning-log.html")
        page.locator("#course-learning-log h3").first.wait_for()
        with page.expect_download() as info:
            page.locator('button[data-action="export-json"]').click()
        _import(page, Path(info.value.path()))
        page.locator(".course-log-plan").wait_for(state="visible")
        assert run_axe(page) == []
        page.locator('button[data-action="import-confirm"]').click()
        page.locator('button[data-action="restore-backup"]').click()
        assert run_axe(page) == []
    finally:
        context.close()
