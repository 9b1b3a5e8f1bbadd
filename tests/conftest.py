"""Shared fixtures: one build of the book per test session, a local static
server for it, and a headless Debian chromium driven by Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# COURSE_TEST_BUILD lets parallel runs (or a maintainer) keep builds apart.
BUILD_PARENT = Path(os.environ.get("COURSE_TEST_BUILD", ROOT / "_build" / "test"))

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Debian's chromium is not installed: run `make setup` (scripts/bootstrap.sh)")


@dataclass
class BuildResult:
    returncode: int
    log: str
    site: Path

    @property
    def warnings(self) -> list[str]:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", self.log)
        return [line for line in plain.splitlines() if re.search(r"WARNING|ERROR|CRITICAL", line)]


def build_book(output_parent: Path, extra: list[str] | None = None) -> BuildResult:
    shutil.rmtree(output_parent, ignore_errors=True)
    cmd = [
        str(ROOT / ".venv" / "bin" / "jupyter-book") if (ROOT / ".venv/bin/jupyter-book").exists() else "jupyter-book",
        "build", str(ROOT), "-W", "-n", "--keep-going", "--path-output", str(output_parent),
        *(extra or []),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, output_parent / "_build" / "html")


@pytest.fixture(scope="session")
def built_book() -> BuildResult:
    """The student edition, built once per test session with -W -n --keep-going."""
    return build_book(BUILD_PARENT)


@pytest.fixture(scope="session")
def site(built_book: BuildResult) -> Path:
    if not (built_book.site / "index.html").exists():
        pytest.fail("The book did not build:\n" + built_book.log[-4000:])
    return built_book.site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


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
