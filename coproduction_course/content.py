"""Load the course's content data files and validate them on load.

Content (barriers, indicators, principles, motions, glossary, timeline, case
studies, self-checks, the widgets' interface text) lives in YAML files under
``coproduction_course/data/`` so that a tutor can add a motion or a term without
touching code. Each file is checked against a JSON Schema in
``data/schemas/`` (the same files an editor uses through the
``# yaml-language-server: $schema=...`` line at the top of each data file). The
schemas share their building blocks (texts, ids, links) through
``defs.schema.json``.

Which schema a file is checked against is said here, explicitly
(:data:`SCHEMA_FOR_FILE`), or by the caller: ``load_file(path, schema="motions")``
loads any file against a named schema. A file that breaks its schema raises
:class:`ContentError` naming the file and the field, e.g.
``motions.yml: motions[2].title: 'title' is a required property``.
"""
from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
import referencing
import yaml

DATA_DIR = Path(__file__).parent / "data"
SCHEMA_DIR = DATA_DIR / "schemas"

# The packaged data files and the schema each is checked against.
SCHEMA_FOR_FILE = {
    "barriers.yml": "checklist",
    "principles.yml": "checklist",
    "motions.yml": "motions",
    "selfcheck.yml": "selfcheck",
    "cases.yml": "cases",
    "glossary.yml": "glossary",
    "timeline.yml": "timeline",
    "ui.yml": "ui",
}


class ContentError(ValueError):
    """A content data file is missing, unreadable or does not match its schema."""


def schema_path(name: str) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


@functools.lru_cache(maxsize=None)
def _registry() -> referencing.Registry:
    """Every schema file, by its file URI, so relative ``$ref``s resolve as in an editor."""
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.as_uri(), referencing.jsonschema.DRAFT202012.create_resource(contents)))
    return referencing.Registry().with_resources(resources)


@functools.lru_cache(maxsize=None)
def validator(name: str) -> jsonschema.Draft202012Validator:
    """The validator for a named schema (``"motions"`` is ``data/schemas/motions.schema.json``)."""
    path = schema_path(name)
    if not path.is_file():
        known = ", ".join(sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json")))
        raise ContentError(f"no schema named {name!r}; the schemas are: {known}")
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["$id"] = path.as_uri()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=_registry())


def schema_for(filename: str) -> str:
    try:
        return SCHEMA_FOR_FILE[filename]
    except KeyError:
        raise ContentError(
            f"{filename}: no schema is named for this file; pass schema= (one of "
            f"{', '.join(sorted(set(SCHEMA_FOR_FILE.values())))})"
        ) from None


def _field_path(error: jsonschema.ValidationError) -> str:
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def validate(filename: str, data: Any, schema: str | None = None) -> Any:
    """Check ``data`` against a schema (by default the one named for ``filename``)."""
    errors = sorted(
        validator(schema or schema_for(filename)).iter_errors(data),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise ContentError(f"{filename}: {_field_path(first)}: {first.message}{more}")
    return data


def load_file(path: Path | str, schema: str | None = None) -> Any:
    """Read and validate one data file, wherever it lives (tests pass broken copies)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{path.name}: file not found at {path}") from None
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path.name}: not valid UTF-8 text ({exc.reason})") from None
    from coproduction_course.datacheck import strict_load  # duplicate keys refused

    try:
        data = strict_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = f": {exc.problem}" if getattr(exc, "problem", None) else ""
        raise ContentError(f"{path.name}: not valid YAML{where}{problem}") from None
    if data is None:
        raise ContentError(f"{path.name}: the file is empty")
    return validate(path.name, data, schema)


@functools.lru_cache(maxsize=None)
def _load_cached(filename: str) -> Any:
    return load_file(DATA_DIR / filename)


def load(filename: str) -> Any:
    """Load a packaged data file by name; callers get their own copy to change."""
    return copy.deepcopy(_load_cached(filename))


def ui_text(widget: str) -> dict[str, str]:
    """The interface text of one widget (its block in ``data/ui.yml``)."""
    return load("ui.yml")[widget]


def course_title() -> str:
    return load("ui.yml")["course_title"]
