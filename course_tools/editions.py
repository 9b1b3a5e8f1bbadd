"""The two editions of the course, built from one source.

The student edition is the book as ``_toc.yml`` and ``_config.yml`` describe it.
Because ``_config.yml`` sets ``only_build_toc_files: true``, nothing under
``exercises/tutor/`` is read, so no model answer or seminar plan reaches the student
site (tests/test_editions.py checks this).

The tutor edition is the same book plus the "For tutors" part described by
``_toc_tutor.yml``: for every chapter ``chapters/NN-name`` in ``_toc.yml``, the pages
``exercises/tutor/chNN-answers``, ``-seminar`` and ``-handout``, then the pages that
belong to no chapter. Its table of contents and configuration are derived from the
student files (nothing is copied by hand), written to a temporary folder and built
into ``_build/tutor`` (site: ``_build/tutor/_build/html``). If ``_config_tutor.yml``
exists, its settings are layered on top of ``_config.yml``.
"""
from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml

from course_tools.build import ROOT, BuildResult, Progress, build_command, run_build

EDITIONS = ("student", "tutor")
PAGE_SUFFIXES = (".md", ".ipynb")
CHAPTER_FILE = re.compile(r"^chapters/(\d+)-")


class EditionError(Exception):
    """The tutor edition's pages and the table of contents do not agree."""


def default_output(edition: str, root: Path = ROOT) -> Path:
    """The folder jupyter-book writes into (its site is ``<output>/_build/html``)."""
    return root if edition == "student" else root / "_build" / "tutor"


def site_folder(edition: str, output: Path | None = None, root: Path = ROOT) -> Path:
    return (output or default_output(edition, root)) / "_build" / "html"


def _read_yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def toc_files(toc: dict[str, Any]) -> list[str]:
    """Every file a jupyter-book toc names, in reading order."""
    found: list[str] = []

    def walk(entries: list[dict[str, Any]]) -> None:
        for entry in entries or []:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections", []))
            walk(entry.get("chapters", []))

    if "root" in toc:
        found.append(toc["root"])
    walk(toc.get("chapters", []))
    walk(toc.get("parts", []))
    return found


def chapter_numbers(student_toc: dict[str, Any]) -> list[str]:
    """The numbers of the chapters (files chapters/NN-name) in the toc, in its order."""
    return [m.group(1) for f in toc_files(student_toc) if (m := CHAPTER_FILE.match(f))]


def _page_exists(root: Path, page: str) -> bool:
    return any((root / f"{page}{suffix}").is_file() for suffix in PAGE_SUFFIXES)


def tutor_pages(student_toc: dict[str, Any], tutor_spec: dict[str, Any], root: Path = ROOT) -> list[str]:
    """The tutor part's pages (without suffix), in reading order; fails on a missing or orphaned page."""
    pages = [f"{Path(tutor_spec['root']).parent.as_posix()}/ch{number}-{kind}"
             for number in chapter_numbers(student_toc) for kind in tutor_spec["per_chapter"]]
    pages += tutor_spec.get("after_chapters", [])
    missing = [page for page in pages if not _page_exists(root, page)]
    listed = {tutor_spec["root"], *pages}
    tutor_dir = root / Path(tutor_spec["root"]).parent
    orphans = sorted(
        path.relative_to(root).with_suffix("").as_posix()
        for path in tutor_dir.rglob("*")
        if path.suffix in PAGE_SUFFIXES and ".ipynb_checkpoints" not in path.parts
        # A name starting with "_" is a fragment that pages pull in with {include}
        # (exercises/tutor/_safeguarding.md), not a page of its own.
        and not path.name.startswith("_")
        and path.relative_to(root).with_suffix("").as_posix() not in listed
    )
    problems = [f"missing tutor page {page}.md (or .ipynb): its chapter is in _toc.yml" for page in missing]
    problems += [f"orphaned tutor page {page}: in {tutor_dir.relative_to(root)}/ but in no tutor toc "
                 f"(add its chapter to _toc.yml, or list it under after_chapters in _toc_tutor.yml)"
                 for page in orphans]
    if not _page_exists(root, tutor_spec["root"]):
        problems.insert(0, f"missing tutor part root {tutor_spec['root']}")
    if problems:
        raise EditionError("the tutor edition does not match the table of contents:\n  " + "\n  ".join(problems))
    return pages


def tutor_toc(student_toc: dict[str, Any], tutor_spec: dict[str, Any] | None = None, root: Path = ROOT) -> dict[str, Any]:
    """The student toc plus the "For tutors" part."""
    spec = tutor_spec if tutor_spec is not None else _read_yaml(root / "_toc_tutor.yml")
    toc = copy.deepcopy(student_toc)
    chapter: dict[str, Any] = {"file": spec["root"]}
    sections = [{"file": page} for page in tutor_pages(student_toc, spec, root)]
    if sections:
        chapter["sections"] = sections
    toc.setdefault("parts", []).append({"caption": spec["caption"], "chapters": [chapter]})
    return toc


def _deep_update(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _deep_update(base[key], value)
        else:
            base[key] = value
    return base


def tutor_config(student_config: dict[str, Any], root: Path = ROOT) -> dict[str, Any]:
    """_config.yml with the tutor edition's changes (the file itself is read, not copied)."""
    config = copy.deepcopy(student_config)
    config["title"] = f"{config.get('title', 'Course')} (tutor edition)"
    html = config.setdefault("html", {})
    html["announcement"] = (
        "Tutor edition: includes model answers and seminar plans. Do not share this site with students."
    )
    # jupyter-book resolves local extension folders against the config file's folder;
    # the generated config lives in a temporary folder, so make them absolute.
    sphinx = config.setdefault("sphinx", {})
    local = sphinx.get("local_extensions") or {}
    sphinx["local_extensions"] = {name: str((root / path).resolve()) for name, path in local.items()}
    overlay_file = root / "_config_tutor.yml"
    if overlay_file.exists():
        _deep_update(config, _read_yaml(overlay_file))
    return config


def build_edition(edition: str, output: Path | None = None, extra: list[str] | None = None, *,
                  echo: bool = True, progress: Progress | None = None) -> BuildResult:
    """Build one edition into ``output`` (default: the folder ``make build``/``make tutor`` use)."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}: choose one of {', '.join(EDITIONS)}")
    site = site_folder(edition, output)
    if edition == "student":
        return run_build(build_command(output=output, extra=extra or []), site, echo=echo, progress=progress)
    output = output or default_output(edition)
    toc = tutor_toc(_read_yaml(ROOT / "_toc.yml"))  # raises EditionError before any build
    config = tutor_config(_read_yaml(ROOT / "_config.yml"))
    # The generated toc and config live at a fixed place beside the build and are
    # rewritten only when they change: a new path or a new file each time made Sphinx
    # see a changed configuration and read all pages again (make tutor is incremental).
    generated = Path(output) / "_edition"
    generated.mkdir(parents=True, exist_ok=True)
    toc_path, config_path = generated / "_toc.yml", generated / "_config.yml"
    header = "# Generated by course_tools/editions.py from the student file; do not edit.\n"
    write_if_changed(toc_path, header + yaml.safe_dump(toc, sort_keys=False))
    write_if_changed(config_path, header + yaml.safe_dump(config, sort_keys=False))
    if echo:
        print("Building the tutor edition into", site, flush=True)
    cmd = build_command(output=output, toc=toc_path, config=config_path, extra=extra or [])
    return run_build(cmd, site, echo=echo, progress=progress)


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` unless it already holds it (its date then stays as it was)."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
