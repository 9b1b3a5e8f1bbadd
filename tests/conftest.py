"""Shared fixtures: one build of the book per test session, a local static
server for it, and a headless Debian chromium driven by Playwright.

Building and serving come from course_tools, the module the Makefile and the
benchmark use too."""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def built_book() -> BuildResult:
    """The student edition, built once per test session with -W -n --keep-going."""
    return reported_build("student edition", lambda progress: build_book(BUILD_PARENT, progress=progress))


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
