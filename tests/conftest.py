"""Shared fixtures: one build of each edition per test run, a local static
server for it, and a headless Debian chromium driven by Playwright.

Building and serving come from course_tools, the module the Makefile and the
benchmark use too.

Under pytest-xdist (``make test`` runs two workers) each build is made once per run
and shared by every worker: a file lock beside the build folder lets one worker
build while the others wait, and a completion marker (the run's id, the exit code
and the log) tells a worker that comes later that this run's build is done. A
worker waiting for one build makes another that is still to do (the tutor edition
while the student edition is being built), so neither core sits idle.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from filelock import FileLock, Timeout

from course_tools.browser import CHROMIUM_ARGS, chromium_path  # noqa: F401 (used by browser tests)
from course_tools.build import ROOT, BuildResult, Progress
from course_tools.editions import build_edition
from course_tools.serve import QuietHandler as _QuietHandler  # noqa: F401 (tests/test_print.py)
from course_tools.serve import serving

# COURSE_TEST_BUILD lets parallel runs (or a maintainer) keep builds apart.
BUILD_PARENT = Path(os.environ.get("COURSE_TEST_BUILD", ROOT / "_build" / "test"))


_pytest_config: pytest.Config | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _pytest_config
    _pytest_config = config
    # Registered by pytest-xdist too; named here so a run without xdist does not warn.
    config.addinivalue_line("markers", "xdist_group(name): the xdist group a test runs in (tests/worker_schedule.py)")
    _replay_nbval(config)  # defined below: nbval replays the one shared execution


@pytest.hookimpl(tryfirst=True)  # before xdist's worker reads the xdist_group marks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``--dist loadgroup`` (make test): groups and a longest-first order
    (tests/worker_schedule.py). Other runs keep pytest's own order."""
    # A worker sees its run's --dist as option.loadgroup (xdist sets dist to "no" there).
    if getattr(config.option, "loadgroup", False) or config.getoption("dist", "no") == "loadgroup":
        from worker_schedule import schedule

        schedule(items)


def announce(message: str) -> None:
    """Print a line on the terminal at once, even while pytest captures output,
    so that a build of a minute or more does not look like a frozen test run."""
    config = _pytest_config
    reporter = config.pluginmanager.getplugin("terminalreporter") if config else None
    if reporter is None:
        return
    capture = config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        reporter.write_line(f"[course] {message}")


def reported_build(label: str, build: Callable[[Progress], BuildResult]) -> BuildResult:
    """Run ``build(progress)``, printing where it has got to (see announce)."""
    announce(f"{label}: building (a minute or two; progress follows)")
    result = build(Progress(label, announce))
    outcome = "built" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
    announce(f"{label}: {outcome} in {result.seconds:.0f} s, {len(result.warnings)} warning line(s)")
    return result


def build_book(output_parent: Path, extra: list[str] | None = None, progress: Progress | None = None) -> BuildResult:
    """A fresh build of the student edition into ``output_parent`` (site: ``output_parent/_build/html``)."""
    shutil.rmtree(output_parent, ignore_errors=True)
    return build_edition("student", output_parent, extra, echo=False, progress=progress)


# --- one build per run, shared by the xdist workers -----------------------------------

_LOCAL_RUN = uuid.uuid4().hex


def run_id() -> str:
    """The same id in every worker of one run (pytest-xdist sets it), a new one per run."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or _LOCAL_RUN


def _lock_for(folder: Path) -> FileLock:
    folder.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(folder.parent / f".{folder.name}.lock"))


def _marker(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.done.json"


def _read_marker(folder: Path) -> dict | None:
    """What this run's earlier build into ``folder`` left (None: not built in this run)."""
    try:
        done = json.loads(_marker(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return done if done.get("run") == run_id() else None


def _write_marker(folder: Path, **fields) -> None:
    target = _marker(folder)
    partial = target.with_suffix(".partial")
    partial.write_text(json.dumps({"run": run_id(), **fields}), encoding="utf-8")
    partial.replace(target)


class SharedBuild:
    """An edition built into ``folder`` once per test run, whichever worker asks first."""

    def __init__(self, label: str, folder: Path, make: Callable[[Progress], BuildResult]):
        self.label, self.folder, self.make = label, folder, make

    def _done(self) -> BuildResult | None:
        done = _read_marker(self.folder)
        if done is None:
            return None
        return BuildResult(done["returncode"], done["log"], Path(done["site"]), done["seconds"])

    def _build(self) -> BuildResult:
        result = reported_build(self.label, self.make)
        _write_marker(self.folder, returncode=result.returncode, log=result.log,
                      site=str(result.site), seconds=result.seconds)
        return result

    def try_build(self) -> None:
        """Build now if nobody has in this run and nobody is building it; never wait."""
        try:
            with _lock_for(self.folder).acquire(timeout=0):
                if self._done() is None:
                    self._build()
        except Timeout:
            pass

    def get(self) -> BuildResult:
        lock = _lock_for(self.folder)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            announce(f"{self.label}: another worker is building it")
            for other in SHARED_BUILDS.values():  # use the wait: make another build still to do
                if other is not self:
                    other.try_build()
            lock.acquire()
        try:
            found = self._done()
            if found is not None:
                return found
            return self._build()
        finally:
            lock.release()


def _student(progress: Progress) -> BuildResult:
    return build_book(BUILD_PARENT, progress=progress)


def _tutor(progress: Progress) -> BuildResult:
    output = Path(str(BUILD_PARENT) + "-tutor")
    shutil.rmtree(output, ignore_errors=True)
    return build_edition("tutor", output, echo=False, progress=progress)


SHARED_BUILDS = {
    "student": SharedBuild("student edition", BUILD_PARENT, _student),
    "tutor": SharedBuild("tutor edition", Path(str(BUILD_PARENT) + "-tutor"), _tutor),
}


@functools.lru_cache(maxsize=None)
def shared_build(edition: str) -> BuildResult:
    """``edition``'s build for this run: made here, or by another worker, once."""
    return SHARED_BUILDS[edition].get()


class SharedOutput:
    """Files made by background commands (the PDF and EPUB editions) once per test run.

    ``start()`` launches the commands unless this run has made them already or another
    worker is making them; ``result(key)`` waits for one and gives (exit code, log)."""

    def __init__(self, folder: Path, commands: dict[str, list[str]]):
        self.folder, self.commands = folder, commands
        self.lock = _lock_for(folder)
        self.procs: dict[str, subprocess.Popen] = {}
        self.results: dict[str, list] = {}

    def start(self) -> None:
        if self.procs or self.results:
            return
        try:
            self.lock.acquire(timeout=0)
        except Timeout:
            return  # another worker is making them: result() waits for it
        done = _read_marker(self.folder)
        if done is not None:
            self.results = done["results"]
            self.lock.release()
            return
        # A fresh folder, as for the site builds: a second EPUB build into the folder of
        # an earlier one fails ("unknown mimetype for index.html", course_tools/epub.py).
        shutil.rmtree(self.folder, ignore_errors=True)
        self.procs = {
            key: subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
            for key, cmd in self.commands.items()
        }

    def result(self, key: str) -> tuple[int, str]:
        self.start()
        if not self.results and self.procs:
            for name, proc in self.procs.items():
                log, _ = proc.communicate()
                self.results[name] = [proc.returncode, log or ""]
            _write_marker(self.folder, results=self.results)
            self.procs = {}
            self.lock.release()
        if not self.results:
            with self.lock:  # made by another worker: wait for it to finish
                done = _read_marker(self.folder)
            if done is None:  # that worker died before finishing: make them here
                self.start()
                return self.result(key)
            self.results = done["results"]
        returncode, log = self.results[key]
        return returncode, log


@pytest.fixture(scope="session")
def built_book() -> BuildResult:
    """The student edition, built once per test run with -W -n --keep-going."""
    return shared_build("student")


@pytest.fixture(scope="session")
def site(built_book: BuildResult) -> Path:
    if not (built_book.site / "index.html").exists():
        pytest.fail("The book did not build:\n" + built_book.log[-4000:])
    return built_book.site


@pytest.fixture(scope="session")
def site_url(site: Path):
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def context(browser):
    ctx = browser.new_context(accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context, site_url):
    """A fresh page that records requests leaving the site and script errors."""
    pg = context.new_page()
    pg.foreign_requests = []
    pg.script_errors = []
    pg.on(
        "request",
        lambda req: None if req.url.startswith((site_url, "blob:", "data:", "about:")) else pg.foreign_requests.append(req.url),
    )
    pg.on("pageerror", lambda err: pg.script_errors.append(str(err)))
    yield pg
    pg.close()


@pytest.fixture()
def phone_page(browser, site_url):
    """A 375 px wide page, as on a phone."""
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    yield pg
    ctx.close()


# --- loading a page: `load`, then the widgets' own ready signal (not network idle) ----

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# widget-host.js inserts one .course-widget after each view, draws into it, and sets
# <html data-course-widgets="ready"> when every widget on the page is drawn.
_WIDGETS_READY = """n => {
    const els = document.querySelectorAll('.course-widget');
    return document.documentElement.dataset.courseWidgets === 'ready'
        && els.length >= n && [...els].every(el => el.childElementCount > 0);
}"""

# Where widgets are drawn as they near the screen, bring each one into view in turn
# (one frame each, so the observer sees it), then put the scroll position back.
_SCROLL_THROUGH_WIDGETS = """async () => {
    const x = window.scrollX, y = window.scrollY;
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const el of document.querySelectorAll('.course-widget')) {
        if (el.childElementCount) continue;
        el.scrollIntoView({block: 'center', behavior: 'instant'});
        await frame();
    }
    window.scrollTo({left: x, top: y, behavior: 'instant'});
    await frame();
}"""


def wait_for_widgets(page, timeout: float = 30000, scroll: bool = True) -> None:
    """Wait until every widget on the page is drawn (nothing to wait for on other pages).
    ``scroll=False`` never scrolls (for measurements a scroll would change): the host
    draws the widgets off screen when the browser is idle anyway."""
    views = page.locator(f'script[type="{WIDGET_VIEW}"]').count()
    if not views:
        return
    try:
        page.wait_for_function(_WIDGETS_READY, arg=views, timeout=3000)
        return
    except Exception:  # playwright's TimeoutError: drawn lazily, or a slow machine
        pass
    if scroll:
        page.evaluate(_SCROLL_THROUGH_WIDGETS)
    page.wait_for_function(_WIDGETS_READY, arg=views, timeout=timeout)


# Sphinx's search page adds each result before it has fetched that page's summary, and
# marks the searched words only once the summary is in; so "a result is listed" is not
# "the results are shown". Settled: the search has finished, and every result has its summary
# (a page's text, fetched) or its description (a glossary term or other object, added at once).
SEARCH_SETTLED = """() => {
    const items = [...document.querySelectorAll('#search-results ul.search li')];
    const status = document.querySelector('#search-results .search-summary');
    return items.length > 0 && !!status && /found/i.test(status.textContent)
        && items.every(li => li.querySelector(':scope > p.context, :scope > span'));
}"""


def wait_for_search_results(page, timeout: float = 20000) -> None:
    page.wait_for_function(SEARCH_SETTLED, timeout=timeout)


def load_page(page, url: str) -> None:
    """Open ``url`` and wait for the load event and the page's widgets. A page that
    redirects at once (index.html: a meta refresh) is followed to its target first."""
    page.goto(url, wait_until="load")
    try:
        refresh = page.evaluate("() => { const m = document.querySelector('meta[http-equiv=\"refresh\"]');"
                                " return m ? m.content : null; }")
    except Exception:  # the redirect has begun: this document is gone
        page.wait_for_load_state("load")
        refresh = None
    if refresh and "url=" in refresh.lower():
        target = urljoin(url, refresh[refresh.lower().index("url=") + 4:].strip())
        page.wait_for_url(target, wait_until="load", timeout=30000)
    wait_for_widgets(page)


def reload_page(page) -> None:
    """Reload the page (saved answers come back from this browser) and wait as load_page does."""
    page.reload(wait_until="load")
    wait_for_widgets(page)


# --- each notebook executed once per run: nbval and the freshness check share it -------
#
# tests/test_notebooks_fresh.py executes every notebook (nbclient, with widget state)
# and compares the file byte for byte; nbval executed each one again in its own kernel
# to compare cell outputs. Now one execution serves both: executed_notebook() runs a
# notebook once per test run, whichever worker asks first (a file lock and a marker, as
# for the builds), and nbval's cells replay that execution's messages (ReplayKernel)
# and compare them with the committed outputs as before. COURSE_NBVAL_LIVE=1 gives
# nbval its own kernel again.

NOTEBOOK_RUNS = Path(str(BUILD_PARENT) + "-notebooks")


def _refresh_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("refresh_notebooks", ROOT / "scripts" / "refresh_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=None)
def executed_notebook(path: Path) -> str:
    """The text ``scripts/refresh_notebooks.py`` would write for ``path``, executed once per run."""
    rel = Path(path).resolve().relative_to(ROOT)
    folder = NOTEBOOK_RUNS / rel
    with _lock_for(folder):
        done = _read_marker(folder)
        if done is not None:
            return done["text"]
        text = _refresh_module().executed_text(ROOT / rel)
        _write_marker(folder, text=text)
        return text


class ReplayKernel:
    """Stands in for nbval's RunningKernel: each cell's messages come from the shared
    execution of the notebook (executed_notebook), in the order nbval asks for them."""

    def __init__(self, path: Path):
        import nbformat

        self.cells = [c for c in nbformat.reads(executed_notebook(path), as_version=4).cells if c.cell_type == "code"]
        self.next = 0
        self.queue: list[dict] = []
        self.alive = True

    def is_alive(self) -> bool:
        return self.alive

    def execute_cell_input(self, source: str, allow_stdin=None) -> str:
        msg_id = uuid.uuid4().hex
        while self.next < len(self.cells) and self.cells[self.next].source != source:
            self.next += 1  # a cell nbval skipped
        if self.next == len(self.cells):
            raise RuntimeError("nbval asked to run a cell the shared execution does not hold")
        cell = self.cells[self.next]
        self.next += 1
        parent = {"msg_id": msg_id}
        for out in cell.outputs:
            if out.output_type == "stream":
                content = {"name": out.name, "text": out.text}
            elif out.output_type in ("display_data", "execute_result"):
                content = {"data": out.data, "metadata": out.get("metadata", {})}
                if out.output_type == "execute_result":
                    content["execution_count"] = out.execution_count
            else:  # error
                content = {"ename": out.ename, "evalue": out.evalue, "traceback": out.traceback}
            self.queue.append({"msg_type": out.output_type, "content": content, "parent_header": parent})
        self.queue.append({"msg_type": "status", "content": {"execution_state": "idle"}, "parent_header": parent})
        return msg_id

    def await_reply(self, msg_id, timeout=None):
        return {"content": {"status": "ok"}}

    def await_idle(self, msg_id, timeout=None):
        self.queue.clear()

    def get_message(self, stream="iopub", timeout=None):
        import queue

        if not self.queue:
            raise queue.Empty
        return self.queue.pop(0)

    def interrupt(self):
        pass

    def stop(self):
        self.alive = False


def _replay_nbval(config: pytest.Config) -> None:
    if os.environ.get("COURSE_NBVAL_LIVE") or not config.pluginmanager.hasplugin("nbval"):
        return
    try:
        from nbval.plugin import IPyNbFile
    except ImportError:
        return
    live_setup = IPyNbFile.setup
    course = {p.resolve() for p in _refresh_module().course_notebooks()}

    def setup(self):
        path = Path(str(self.fspath)).resolve()
        if path not in course:
            return live_setup(self)
        self.kernel = ReplayKernel(path)
        self.setup_sanitize_files()

    IPyNbFile.setup = setup
