"""Re-execute every course notebook in place, storing widget state.

The static site draws widgets from the widget state saved in each notebook, and
nbval compares against the saved outputs, so outputs are never edited by hand:
run `make refresh` (or this script with notebook paths) after changing a
notebook, the widget code or the content data.

Each notebook records a fingerprint of its inputs (code cells, the course
package's Python and data files) in its metadata; the test suite fails when a
committed notebook's fingerprint no longer matches (stale outputs).

Notebooks hold widget state, not widget code. A live kernel sends each widget's
view (anywidget's ``_esm`` and ``_css`` traits) to the front end, so the state
nbclient records holds the whole bundle; when saving, this script leaves those
two traits out of every widget that names its bundle (``_course_bundle``). The
static site loads the named bundle from its own files
(``_ext/course_widget_bundles.py``), and Jupyter front ends get the code from the
kernel when the cells run. So the view's JavaScript and CSS are not inputs of a
notebook: changing them makes no notebook stale.
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


def fingerprint_files() -> list[Path]:
    """The package files a notebook's outputs depend on: its Python and its data
    (content, interface text, schemas). Not the views in static/: see above."""
    return sorted(
        path for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
        and (path.suffix == ".py" or path.relative_to(PACKAGE).parts[0] == "data")
    )


def package_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in fingerprint_files():
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


VIEW_CODE_TRAITS = ("_esm", "_css")


def leave_out_view_code(nb) -> int:
    """Drop ``_esm``/``_css`` from the saved state of widgets that name their bundle;
    return how many widgets lost them. Widgets that name none keep their code."""
    saved = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    stripped = 0
    for model in saved.get("state", {}).values():
        traits = model.get("state", {})
        if traits.get("_course_bundle") and any(name in traits for name in VIEW_CODE_TRAITS):
            for name in VIEW_CODE_TRAITS:
                traits.pop(name, None)
            stripped += 1
    return stripped


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
    leave_out_view_code(nb)
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
