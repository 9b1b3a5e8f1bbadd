"""CITATION.cff is valid CFF (checked with the pinned cffconvert) and the landing
page tells readers how to cite the course."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
# Under _build/ so Sphinx (which skips _build) never reads the venv's files.
VENV = ROOT / "_build" / "cffconvert-venv"


@pytest.fixture(scope="module")
def cffconvert() -> Path:
    """cffconvert in its own virtualenv (its jsonschema<4 clashes with the course's pin)."""
    exe = VENV / "bin" / "cffconvert"
    stamp = VENV / ".installed"
    # From the hashed lock (make lock writes it from requirements-cff.txt), as bootstrap.sh
    # installs the course's own packages: pip refuses any file whose hash differs.
    want = (ROOT / "requirements-cff.lock").read_text(encoding="utf-8")
    # One maker at a time: a fresh-clone run once found bin/pip missing, as if a second
    # process had cleared the folder between `venv --clear` and `pip install`.
    VENV.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(VENV) + ".lock"):
        if not exe.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != want:
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
            subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                            "--require-hashes", "-r", str(ROOT / "requirements-cff.lock")], check=True)
            stamp.write_text(want, encoding="utf-8")
    return exe


def _validate(exe: Path, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), "--validate", "-i", str(path)], capture_output=True, text=True)


def test_citation_file_is_valid(cffconvert):
    result = _validate(cffconvert, ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_validator_rejects_a_broken_citation(cffconvert, tmp_path):
    broken = tmp_path / "CITATION.cff"
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    broken.write_text(text.replace("authors:", "writers:"), encoding="utf-8")
    assert _validate(cffconvert, broken).returncode != 0


def test_landing_page_says_how_to_cite(site):
    intro = (site / "intro.html").read_text(encoding="utf-8")
    assert "How to cite" in intro and "CITATION.cff" in intro
