"""The one build command of the course: ``jupyter-book build -W -n --keep-going``.

``-W`` turns every warning into a failure, ``-n`` checks every cross-reference, and
``--keep-going`` reports all warnings of a build rather than only the first.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Sphinx's progress lines, e.g. "reading sources... [ 45%] chapters/02-edgar-cahn".
STAGE = re.compile(r"^(reading sources|writing output|copying assets|highlighting module code)\.\.\. \[\s*(\d+)%\]")


def tool(name: str) -> str:
    """The project's own copy of a command (.venv/bin), else the one on PATH."""
    local = VENV_BIN / name
    return str(local) if local.exists() else name


def build_command(source: Path = ROOT, output: Path | None = None, toc: Path | None = None,
                  config: Path | None = None, extra: Sequence[str] = ()) -> list[str]:
    cmd = [tool("jupyter-book"), "build", str(source), "-W", "-n", "--keep-going"]
    if toc:
        cmd += ["--toc", str(toc)]
    if config:
        cmd += ["--config", str(config)]
    if output:
        cmd += ["--path-output", str(output)]
    return cmd + list(extra)


@dataclass
class BuildResult:
    returncode: int
    log: str
    site: Path
    seconds: float = 0.0

    @property
    def warnings(self) -> list[str]:
        return [line for line in ANSI.sub("", self.log).splitlines() if re.search(r"WARNING|ERROR|CRITICAL", line)]


class Progress:
    """Turns Sphinx's per-page lines into a few progress messages (each stage at 0/25/50/75/100 %)."""

    def __init__(self, label: str, say: Callable[[str], None]):
        self.label, self.say = label, say
        self.last: tuple[str, int] | None = None
        self.started = time.perf_counter()

    def feed(self, line: str) -> None:
        match = STAGE.match(ANSI.sub("", line).strip())
        if not match:
            return
        stage, percent = match.group(1), int(match.group(2)) // 25 * 25
        if self.last is None or stage != self.last[0] or percent > self.last[1]:
            self.last = (stage, percent)
            self.say(f"{self.label}: {stage} {percent:3d}% ({time.perf_counter() - self.started:.0f} s)")


def run_build(cmd: Sequence[str], site: Path, *, cwd: Path = ROOT, env: dict[str, str] | None = None,
              echo: bool = False, progress: Progress | None = None, timeout: float | None = None) -> BuildResult:
    """Run a build command; keep its whole log, echo it or report progress as it runs."""
    started = time.perf_counter()
    # Python's own deprecation warnings from upstream packages are not the book's
    # warnings: without this they would be counted as build warnings.
    full_env = {**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})}
    lines: list[str] = []
    with subprocess.Popen(list(cmd), cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace") as proc:
        # A build that hangs (even one that prints nothing) is stopped after `timeout` seconds.
        watchdog = threading.Timer(timeout, proc.kill) if timeout else None
        if watchdog:
            watchdog.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if echo:
                    sys.stdout.write(line)
                    sys.stdout.flush()
                if progress:
                    progress.feed(line)
            returncode = proc.wait()
        finally:
            if watchdog:
                watchdog.cancel()
    if timeout and time.perf_counter() - started >= timeout:
        lines.append(f"\n(course_tools: the build took over {timeout:.0f} s and was stopped)\n")
    return BuildResult(returncode, "".join(lines), site, time.perf_counter() - started)
