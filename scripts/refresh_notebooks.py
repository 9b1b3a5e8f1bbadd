"""Re-execute every course notebook in place, storing widget state.

The static site draws widgets from the widget state saved in each notebook, and
nbval compares against the saved outputs, so outputs are never edited by hand:
run `make refresh` (or this script with notebook paths) after changing a
notebook, the widget code or the content data.

Each notebook records a fingerprint of its inputs (code cells, the course
package's code, JavaScript and data files) in its metadata; the test suite
fails when a committed notebook's fingerprint no longer matches (stale outputs).
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coproduction_course"
NOTEBOOK_DIRS = ("chapters", "exercises", "seeds")


def course_notebooks() -> list[Path]:
    found: list[Path] = []
    for folder in NOTEBOOK_DIRS:
        found += sorted(
            p for p in (ROOT / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
        )
    return found


def package_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".js", ".css", ".yml"}:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def notebook_fingerprint(nb) -> str:
    digest = hashlib.sha256(package_fingerprint().encode())
    for cell in nb.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode())
    return digest.hexdigest()[:16]


def refresh(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        store_widget_state=True,  # the static site draws widgets from this state
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nb.metadata.setdefault("course", {})["inputs_fingerprint"] = notebook_fingerprint(nb)
    # Python version details vary between machines and mean nothing to a reader.
    nb.metadata.pop("language_info", None)
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or course_notebooks()
    for path in paths:
        print(f"refreshing {path.relative_to(ROOT)}", flush=True)
        refresh(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
