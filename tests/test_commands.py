"""The README's commands: CI runs exactly the test command the README gives, and
`make serve`, `make serve-tutor` (= `make serve EDITION=tutor`) and `PORT=` reach the
one server in course_tools (issue 13)."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import BUILD_PARENT
from course_tools.build import ROOT
from course_tools.serve import make_server


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## The two commands.*?```bash\n(.*?)```", readme, flags=re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make serve", "make test"], commands
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert ci[-1] == "make test", ci  # the last thing CI does, after installing make when missing


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(("target", "expected"), [
    (["serve"], "-m course_tools serve student --port 8123"),
    (["serve", "EDITION=tutor"], "-m course_tools serve tutor --port 8123"),
    (["serve-tutor"], "-m course_tools serve tutor --port 8123"),
])
def test_make_serve_serves_the_chosen_edition_on_the_chosen_port(target, expected):
    dry_run = subprocess.run(["make", "-n", *target, "PORT=8123"], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    assert expected in dry_run.stdout, dry_run.stdout


def test_the_server_serves_a_built_site(site: Path):
    port = _free_port()
    cmd = [sys.executable, "-m", "course_tools", "serve", "student", "--no-build",
           "--output", str(BUILD_PARENT), "--port", str(port)]
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/intro.html", timeout=2) as response:
                    assert response.status == 200
                    assert b"Co-production in Mental Health" in response.read()
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer")
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert f"http://127.0.0.1:{port}/" in output and "PORT=" in output


def test_serving_a_folder_that_holds_no_build_says_so(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="build it first"):
        make_server(tmp_path)


def test_a_busy_port_fails_at_once_naming_the_port(tmp_path: Path):
    """`make serve` checks the port before it builds: no build, a message naming the port."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        cmd = [sys.executable, "-m", "course_tools", "serve", "student", "--output", str(tmp_path), "--port", str(port)]
        try:
            result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(f"a busy port {port} was not refused within a minute (a build started?)")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"port {port} is busy" in result.stderr and f"PORT={port + 1}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "_build").exists()


# --- the take-away outputs (issue 21): one command each, and a make pdf that installs
# only what printing needs and reuses what it made before

OUTPUT_COMMANDS = {
    "pdf": "-m course_tools pdf student tutor",
    "epub": "-m course_tools epub student tutor",
    "lms": "-m course_tools lms tutor --site _build/tutor/_build/html",
    "offline": "-m course_tools offline",
}


@pytest.mark.parametrize("target", sorted(OUTPUT_COMMANDS))
def test_each_output_is_made_by_its_course_tools_command(target):
    dry_run = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    assert OUTPUT_COMMANDS[target] in dry_run.stdout, dry_run.stdout
    # scripts/ keeps developer tools only; bootstrap.sh sets up what a target needs.
    assert not re.findall(r"scripts/(?!bootstrap\.sh)\S+", dry_run.stdout), dry_run.stdout
    if target == "pdf":  # the sites are rebuilt incrementally, not every page again
        assert "--all" not in dry_run.stdout, dry_run.stdout


def _fake_project(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of bootstrap.sh in an empty project whose every outside command is a stub
    that records its arguments: .venv/bin/python, apt-get, sudo and npm. PATH holds the
    stubs and the few tools the script uses, so no npm, Java or chromium is found."""
    project, stubs, log = tmp_path / "project", tmp_path / "bin", tmp_path / "calls.log"
    (project / "scripts").mkdir(parents=True)
    (project / ".venv" / "bin").mkdir(parents=True)
    stubs.mkdir()
    (project / "scripts" / "bootstrap.sh").write_text((ROOT / "scripts" / "bootstrap.sh").read_text())
    for name in ("requirements.lock", "requirements-pdf.lock", "requirements-test.lock", "pyproject.toml",
                 "package.json", "package-lock.json"):
        (project / name).write_text(name)
    record = f'#!/bin/sh\necho "$(basename "$0") $*" >> {log}\n'
    for stub in (project / ".venv" / "bin" / "python", stubs / "apt-get", stubs / "npm"):
        stub.write_text(record + ("mkdir -p node_modules\n" if stub.name == "npm" else ""))
    (stubs / "sudo").write_text(record + 'exec "$@"\n')
    for stub in [*stubs.iterdir(), project / ".venv" / "bin" / "python"]:
        stub.chmod(0o755)
    for tool in ("bash", "cat", "sha256sum", "cut", "id", "dirname", "basename", "mkdir"):
        (stubs / tool).symlink_to(shutil.which(tool))
    return project, log


def _bootstrap_calls(tmp_path: Path, wanted: str) -> str:
    project, log = _fake_project(tmp_path)
    result = subprocess.run(["bash", "scripts/bootstrap.sh", wanted], cwd=project, capture_output=True, text=True,
                            env={"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path)}, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return log.read_text() if log.exists() else ""


def test_make_pdf_installs_only_what_printing_needs(tmp_path: Path):
    """`make pdf` (bootstrap.sh pdf): the pdf lock and chromium; no npm packages, no Java."""
    calls = _bootstrap_calls(tmp_path, "pdf")
    assert "-r requirements-pdf.lock" in calls, calls
    assert "chromium" in calls, calls
    for unwanted in ("npm", "nodejs", "default-jre", "requirements-test.lock"):
        assert unwanted not in calls, f"make pdf set-up pulls {unwanted}:\n{calls}"


def test_the_test_set_up_does_install_npm_and_java(tmp_path: Path):
    """The control for the test above: the stubs do see what the test set-up installs."""
    calls = _bootstrap_calls(tmp_path, "test")
    assert "npm ci" in calls and "default-jre-headless" in calls and "-r requirements-test.lock" in calls, calls


def test_a_second_pdf_run_prints_nothing_when_its_single_page_is_unchanged(tmp_path: Path, monkeypatch):
    """course_tools.pdf keeps a stamp beside each PDF; printing (the slow part) happens
    only when the single page, the build date or the printing code changed, or on --force."""
    from course_tools import pdf, pdf_accessible

    single = tmp_path / "build" / "_build" / "singlehtml"
    (single / "_static").mkdir(parents=True)
    (single / "intro.html").write_text("<h1>Book</h1>")
    (single / "_static" / "book.css").write_text("h1 {}")
    printed: list[Path] = []

    def fake_print(index, target, edition, contents=None, finish=True):
        printed.append(index)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.7 fake")
        return []

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setattr(pdf, "build_single_page", lambda edition, output: single / "intro.html")
    monkeypatch.setattr(pdf, "print_pdf", fake_print)
    monkeypatch.setattr(pdf, "contents_entries", lambda edition: [])
    monkeypatch.setattr(pdf, "contents_page_numbers", lambda target, entries: [])
    monkeypatch.setattr(pdf_accessible, "finish", lambda target, date: None)
    out = tmp_path / "pdf"

    pdf.build_pdf("student", out)
    assert len(printed) == 1 and pdf.stamp_path(out / pdf.pdf_name("student")).is_file()
    pdf.build_pdf("student", out)
    assert len(printed) == 1, "printed again although nothing it prints from changed"
    (single / "_static" / "book.css").write_text("h1 { color: black }")
    pdf.build_pdf("student", out)
    assert len(printed) == 2, "a changed stylesheet of the single page did not print again"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    pdf.build_pdf("student", out)
    assert len(printed) == 3, "a new build date (in the footer) did not print again"
    pdf.build_pdf("student", out, force=True)
    assert len(printed) == 4


def test_pages_are_relinked_only_when_the_pdf_appears_or_goes(tmp_path: Path):
    """make pdf rebuilds the sites incrementally: Sphinx re-reads every page (so each
    gains or loses the PDF link) only when the edition's PDF entered or left the site."""
    from types import SimpleNamespace

    sys.path.insert(0, str(ROOT / "_ext"))
    import course_portable

    from course_tools.portable import pdf_name

    app = SimpleNamespace(config=SimpleNamespace(html_title="Course", project="Course"),
                          builder=SimpleNamespace(name="html"), outdir=str(tmp_path))
    env = SimpleNamespace(found_docs={"intro", "chapters/a"})
    assert course_portable.pages_to_relink(app, env, set(), set(), set()) == []
    (tmp_path / pdf_name("student")).write_bytes(b"%PDF")
    assert course_portable.pages_to_relink(app, env, set(), set(), set()) == ["chapters/a", "intro"]
    assert course_portable.pages_to_relink(app, env, set(), set(), set()) == []
    (tmp_path / pdf_name("student")).unlink()
    assert course_portable.pages_to_relink(app, env, set(), set(), set()) == ["chapters/a", "intro"]
