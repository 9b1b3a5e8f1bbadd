"""The first cell of every course notebook: install the course package where it is missing.

The notebooks import ``coproduction_course``. On the static site, in Binder and in
a local checkout it is installed (Binder and ``make setup`` install requirements.txt,
which installs this repository); on Colab nothing installs it, so the Colab launch
button would open a notebook whose first import fails. The cell below installs the
package from the course repository when, and only when, it cannot be imported.

It exists only while the publisher has named the repository (``publishing.repository``
in ``_config.yml``, course_tools/publishing.py): without a repository there is no
Colab button and nothing to install from, so ``--write`` removes the cell.

Which version: the launch buttons open each notebook from the branch that
``_config.yml`` names (``publishing.branch``), so the cell installs the package from
that same branch of ``publishing.repository``: the notebook and the package a student
gets come from the same commit. (A notebook cannot name the hash of the commit that
holds it, so a commit hash in the cell could never be current; to pin a release, set
``publishing.branch`` to its tag and run this script.)

The cell is tagged ``remove-cell``: the book leaves it out of the page, nbval and
``scripts/refresh_notebooks.py`` still run it (it does nothing where the package is
installed, and prints nothing).

    python scripts/colab_install_cell.py          # check every notebook (exit 1 if one differs)
    python scripts/colab_install_cell.py --write  # insert or update the cell, then refresh
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
from course_tools import publishing  # noqa: E402
from refresh_notebooks import course_notebooks  # noqa: E402

CELL_ID = "install-course-package"
TAGS = ["remove-cell"]
DISTRIBUTION = "coproduction-course"  # [project] name in pyproject.toml
PACKAGE = "coproduction_course"


def package_requirement(config_path: Path = ROOT / "_config.yml") -> str | None:
    """A pip requirement for the course package at the book's repository and branch
    (None while no repository is set)."""
    settings = publishing.load(config_path)
    if not settings.repository:
        return None
    return f"{DISTRIBUTION} @ git+{settings.repository}@{settings.branch}"


def pinned_dependencies(root: Path = ROOT) -> list[str]:
    """The course package's dependencies (pyproject.toml) at requirements.txt's pins,
    so that Colab installs the versions the notebooks were executed with."""
    import re
    import tomllib

    names = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = {}
    for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if match:
            pins[match.group(1).lower()] = f"{match.group(1)}=={match.group(2)}"
    missing = [n for n in names if n.lower() not in pins]
    if missing:
        raise SystemExit(f"requirements.txt pins no version of {', '.join(missing)} (a pyproject.toml dependency)")
    return [pins[n.lower()] for n in names]


def cell_source(requirement: str | None = None) -> str:
    requirement = requirement or package_requirement()
    if requirement is None:
        raise ValueError("no publishing.repository in _config.yml: there is no install cell")
    packages = ", ".join(f'"{p}"' for p in [requirement, *pinned_dependencies()])
    return (
        "# Colab and other hosts without the course package: install it from the course repository.\n"
        "import importlib, importlib.util, subprocess, sys\n"
        f'if importlib.util.find_spec("{PACKAGE}") is None:\n'
        f'    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", {packages}], check=True)\n'
        "    importlib.invalidate_caches()"
    )


def install_cell() -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(cell_source())
    cell.id = CELL_ID
    cell.metadata = {"tags": list(TAGS)}
    return cell


def is_install_cell(cell) -> bool:
    return cell.get("id") == CELL_ID or (
        cell.cell_type == "code" and "install it from the course repository" in cell.source
    )


def has_current_cell(nb) -> bool:
    """True when the notebook is as the settings want it: with the current cell first,
    or, while no repository is set, with no install cell at all."""
    first = nb.cells[0] if nb.cells else None
    if package_requirement() is None:
        return not any(is_install_cell(cell) for cell in nb.cells)
    return bool(
        first
        and first.cell_type == "code"
        and first.source == cell_source()
        and first.metadata.get("tags") == TAGS
    )


def write(path: Path) -> bool:
    """Insert, update or (without a repository) remove the cell; True if the file changed."""
    nb = nbformat.read(path, as_version=4)
    if has_current_cell(nb):
        return False
    if package_requirement() is None:
        nb.cells = [cell for cell in nb.cells if not is_install_cell(cell)]
    elif nb.cells and is_install_cell(nb.cells[0]):
        nb.cells[0] = install_cell()
    else:
        nb.cells.insert(0, install_cell())
    nbformat.write(nb, path)
    return True


def main(argv: list[str]) -> int:
    stale = []
    for path in course_notebooks():
        if "--write" in argv:
            if write(path):
                print(f"install cell written or removed: {path.relative_to(ROOT)} (refresh it)", flush=True)
        elif not has_current_cell(nbformat.read(path, as_version=4)):
            stale.append(path.relative_to(ROOT).as_posix())
    if stale:
        print("install cell not as publishing.repository wants it (run scripts/colab_install_cell.py --write):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
