"""The linters pass: ruff for the Python (rules in pyproject.toml, [tool.ruff]) and
eslint for the JavaScript (eslint.config.mjs: the widgets' ES modules, the page
scripts in _static/ and _ext/portable_static/, the widget host and the node tests).

Each has a negative control: a file with a mistake each linter's rules name (an
unused import; an undefined variable) must make it fail.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUFF = ROOT / ".venv" / "bin" / "ruff"
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"


def ruff(*args: str) -> subprocess.CompletedProcess:
    cmd = [str(RUFF) if RUFF.exists() else shutil.which("ruff") or "ruff", "check", "--no-cache", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    if not ESLINT.exists():
        pytest.fail("eslint is not installed: run scripts/bootstrap.sh test (npm ci)")
    return subprocess.run([str(ESLINT), "--no-warn-ignored", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin)


def test_ruff_finds_nothing():
    result = ruff(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_an_unused_import(tmp_path: Path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    result = ruff("--config", str(ROOT / "pyproject.toml"), str(bad))
    assert result.returncode == 1 and "F401" in result.stdout, result.stdout + result.stderr


def test_eslint_finds_nothing():
    result = eslint(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_finds_an_undefined_variable():
    # Read from stdin as if it were a widget module, so no file is written into the project.
    result = eslint("--stdin", "--stdin-filename", "coproduction_course/static/src/common/negative-control.js",
                    stdin="export const x = notDefinedAnywhere + 1;\n")
    assert result.returncode == 1 and "no-undef" in result.stdout, result.stdout + result.stderr
