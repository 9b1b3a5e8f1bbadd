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
import json
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


def _model_order(nb, state: dict) -> list[str]:
    """Model ids in an order that does not depend on the kernel: displayed
    widgets in cell order, each followed by the models its traits refer to."""
    order: list[str] = []

    def visit(model_id: str) -> None:
        if model_id in order or model_id not in state:
            return
        order.append(model_id)
        traits = state[model_id].get("state", {})
        for name in sorted(traits):
            value = traits[name]
            refs = value if isinstance(value, list) else [value]
            for ref in refs:
                if isinstance(ref, str) and ref.startswith("IPY_MODEL_"):
                    visit(ref[len("IPY_MODEL_"):])

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                visit(view["model_id"])
    rest = [m for m in state if m not in order]
    rest.sort(key=lambda m: (state[m].get("model_name", ""), json.dumps(state[m].get("state", {}), sort_keys=True)))
    return order + rest


def stable_model_ids(path: Path, nb) -> str:
    """Serialise the notebook with widget model ids (random per run) renamed to ids
    derived from the notebook path and a kernel-independent order, and the saved
    state in that order, so a refresh with unchanged inputs changes nothing."""
    saved = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    state = saved.get("state", {})
    order = _model_order(nb, state)
    text = nbformat.writes(nb)
    rel = path.relative_to(ROOT).as_posix()
    for index, model_id in enumerate(order):
        stable = hashlib.sha256(f"{rel}:{index}".encode()).hexdigest()[:32]
        text = text.replace(model_id, stable)
    # nbformat sorts keys when writing; sort again now that the ids are stable.
    return nbformat.writes(nbformat.reads(text, as_version=4))


def executed_text(path: Path) -> str:
    """Execute the notebook at ``path`` and return the file text a refresh writes."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        store_widget_state=True,  # the static site draws widgets from this state
        record_timing=False,  # timestamps would make every refresh a diff
        resources={"metadata": {"path": str(path.parent)}},
    )
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    client.execute()
    nb.metadata.setdefault("course", {})["inputs_fingerprint"] = notebook_fingerprint(nb)
    # Python version details vary between machines and mean nothing to a reader.
    nb.metadata.pop("language_info", None)
    text = stable_model_ids(path, nb)
    return text if text.endswith("\n") else text + "\n"


def refresh(path: Path) -> None:
    path.write_text(executed_text(path), encoding="utf-8")


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or course_notebooks()
    for path in paths:
        print(f"refreshing {path.relative_to(ROOT)}", flush=True)
        refresh(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
