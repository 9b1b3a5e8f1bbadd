"""The README's commands: CI runs exactly the test command the README gives, and
`make serve`, `make serve-tutor` (= `make serve EDITION=tutor`) and `PORT=` reach the
one server in course_tools (issue 13)."""
from __future__ import annotations

import re
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
