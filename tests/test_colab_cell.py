"""Colab: the first cell of every notebook installs the course package only when it
is missing (issue 13), and exists only while the publisher has named the repository
(``publishing.repository`` in _config.yml, issue 20): with no repository there is no
Colab button and nothing to install from.

The cell's own code is run in a fresh Python process twice: once as it is (the
package is installed, as on the site, in Binder and in CI) and once with the import
blocked, as on Colab. In both runs a fake ``pip`` module comes first on the path and
records the arguments it is given, so nothing is downloaded and the test sees
exactly what would be installed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import colab_install_cell  # noqa: E402
from refresh_notebooks import course_notebooks  # noqa: E402

NOTEBOOKS = course_notebooks()
# A repository of the right shape, for the cell's own behaviour (nothing is fetched).
REQUIREMENT = "coproduction-course @ git+https://github.com/a-publisher/coproduction-course-copy@main"
FAKE_PIP = '''
import json, os, sys
with open(os.environ["FAKE_PIP_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
sys.exit(int(os.environ.get("FAKE_PIP_EXIT", "0")))
'''


def first_cell(path: Path):
    return nbformat.read(path, as_version=4).cells[0]


def run_cell(source: str, tmp_path: Path, *, blocked: bool, pip_exit: int = 0):
    """Run the cell's code in a new interpreter; return (process, pip calls)."""
    fake = tmp_path / "fake"
    (fake / "pip").mkdir(parents=True, exist_ok=True)
    (fake / "pip" / "__init__.py").write_text("")
    (fake / "pip" / "__main__.py").write_text(FAKE_PIP)
    log = tmp_path / "pip-calls.jsonl"
    log.write_text("")
    # As on Colab: the package cannot be found. A None entry in sys.modules makes
    # both importlib.util.find_spec and import report it missing.
    block = 'import sys; sys.modules["coproduction_course"] = None\n' if blocked else ""
    env = {**os.environ, "PYTHONPATH": str(fake), "FAKE_PIP_LOG": str(log), "FAKE_PIP_EXIT": str(pip_exit)}
    proc = subprocess.run([sys.executable, "-c", block + source], env=env, capture_output=True, text=True, cwd=tmp_path)
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    return proc, calls


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_install_cell_is_as_the_publishing_settings_want(path):
    nb = nbformat.read(path, as_version=4)
    assert colab_install_cell.has_current_cell(nb), f"{path.name}: run scripts/apply_publishing.py --write, then refresh"
    if colab_install_cell.package_requirement() is None:
        return  # no repository set: no cell (checked by has_current_cell)
    cell = nb.cells[0]
    # Left out of the page, so students reading the site see no set-up noise.
    assert cell.metadata.get("tags") == ["remove-cell"]
    # Where the package is installed (the refresh, nbval) it prints nothing.
    assert cell.get("outputs") == []


def test_install_source_comes_from_the_publishing_settings(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["publishing"] = {"repository": "https://github.com/a-publisher/coproduction-course-copy", "branch": "v1.0"}
    path = tmp_path / "_config.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    requirement = colab_install_cell.package_requirement(path)
    assert requirement == "coproduction-course @ git+https://github.com/a-publisher/coproduction-course-copy@v1.0"
    config["publishing"] = {"repository": ""}
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    assert colab_install_cell.package_requirement(path) is None
    # The distribution name is the one pyproject.toml builds.
    assert 'name = "coproduction-course"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_cell_does_nothing_when_the_package_is_installed(tmp_path):
    proc, calls = run_cell(colab_install_cell.cell_source(REQUIREMENT), tmp_path, blocked=False)
    assert proc.returncode == 0, proc.stderr
    assert calls == [], f"pip was called although the package is installed: {calls}"
    assert proc.stdout == ""


def test_cell_installs_the_package_when_it_is_missing(tmp_path):
    proc, calls = run_cell(colab_install_cell.cell_source(REQUIREMENT), tmp_path, blocked=True)
    assert proc.returncode == 0, proc.stderr
    assert calls == [["install", "--quiet", REQUIREMENT,
                      *colab_install_cell.pinned_dependencies()]]


def test_the_install_cell_pins_every_dependency_at_the_course_version():
    """Colab gets the versions the notebooks were executed with (requirements.txt), not the newest."""
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = colab_install_cell.pinned_dependencies()
    assert [p.split("==")[0].lower() for p in pins] == [d.lower() for d in deps]
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert all(pin in requirements for pin in pins), pins
    assert all(f'"{pin}"' in colab_install_cell.cell_source(REQUIREMENT) for pin in pins)


def test_a_failed_install_stops_the_notebook(tmp_path):
    """If pip fails, the cell raises, rather than letting the next cell fail on an import."""
    proc, calls = run_cell(colab_install_cell.cell_source(REQUIREMENT), tmp_path, blocked=True, pip_exit=1)
    assert len(calls) == 1
    assert proc.returncode != 0 and "CalledProcessError" in proc.stderr


def test_the_install_cell_is_not_on_the_page(site):
    """remove-cell: the built page has no trace of the install cell."""
    marker = "install it from the course repository"
    for path in NOTEBOOKS:
        rel = path.relative_to(ROOT).with_suffix(".html")
        page = site / rel
        if page.exists():  # the tutor notebook is not in the student edition
            assert marker not in page.read_text(encoding="utf-8"), f"{rel} shows the install cell"
    assert (site / "chapters" / "barrier-checklist.html").exists()
