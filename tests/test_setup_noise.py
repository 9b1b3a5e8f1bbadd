"""Setting up prints none of the project's own warnings (issue 13).

``scripts/bootstrap.sh`` installs the course package with pip from this
``pyproject.toml`` (editable, with the locked setuptools). setuptools used to warn on
every set-up: about the ``license`` table (deprecated) and about data folders that
were not listed as packages. This test installs the package as the bootstrap does,
and builds a wheel as a release would, from a copy of the project, and fails on any
warning in what pip prints.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from course_tools.build import ROOT

PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
# The flags scripts/bootstrap.sh uses: no download, the locked setuptools. The test
# installs into its own prefix with --ignore-installed, so pip leaves the project's
# own editable install in .venv alone (without it, pip would uninstall that first).
OFFLINE = ["--no-deps", "--no-build-isolation", "--no-index"]


def project_copy(dest: Path, pyproject_text: str | None = None) -> Path:
    """The files a build of the course package reads, in a fresh folder."""
    src = dest / "project"
    src.mkdir()
    (src / "pyproject.toml").write_text(pyproject_text or (ROOT / "pyproject.toml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    shutil.copy2(ROOT / "README.md", src / "README.md")
    for package in ("coproduction_course", "course_tools"):
        shutil.copytree(ROOT / package, src / package, ignore=shutil.ignore_patterns("__pycache__"))
    return src


def setup_warnings(tmp_path: Path, pyproject_text: str | None = None) -> list[str]:
    """Warning lines pip prints while installing (editable) and building a wheel of the package."""
    src = project_copy(tmp_path, pyproject_text)
    runs = [
        [*PIP, "install", *OFFLINE, "--ignore-installed", "--prefix", str(tmp_path / "prefix"), "-e", str(src)],
        [*PIP, "wheel", *OFFLINE, "--wheel-dir", str(tmp_path / "wheels"), str(src)],
    ]
    lines = []
    for cmd in runs:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        lines += (proc.stdout + proc.stderr).splitlines()
    return [line for line in lines if re.search(r"warn|deprecat", line, flags=re.I)]


def test_installing_and_building_the_package_prints_no_warning(tmp_path: Path):
    warnings = setup_warnings(tmp_path)
    assert warnings == [], "\n".join(warnings)
    wheel = next((tmp_path / "wheels").glob("*.whl"))
    names = subprocess.run([sys.executable, "-m", "zipfile", "-l", str(wheel)], capture_output=True, text=True).stdout
    # The data files still ship with the package.
    assert "coproduction_course/data/glossary.yml" in names and "coproduction_course/static/widget-host.js" in names


def test_the_build_backend_is_the_locked_setuptools():
    build_requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    setup_pins = re.findall(r"^setuptools==\S+", (ROOT / "requirements-setup.txt").read_text(encoding="utf-8"), flags=re.M)
    assert build_requires == setup_pins
