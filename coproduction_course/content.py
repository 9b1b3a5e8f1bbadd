"""Load the course's content data files and validate them on load.

Content (barriers, indicators, principles, motions, glossary, timeline, case
studies, self-checks) lives in YAML files under ``coproduction_course/data/`` so
that a tutor can add a motion or a term without touching code. Every file has a
JSON Schema below; a file that breaks it raises :class:`ContentError` naming the
file and the field, e.g. ``motions.yml: motions[2].title: 'title' is a required
property``.
"""
from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import jsonschema
import yaml

DATA_DIR = Path(__file__).parent / "data"


class ContentError(ValueError):
    """A content data file is missing, unreadable or does not match its schema."""


# Building blocks for the data files' schemas (the widget modules use them too).
TEXT_SCHEMA = {"type": "string", "minLength": 1}
ID_SCHEMA = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}


def link_schema(href_pattern: str) -> dict[str, Any]:
    """A {label, href} link whose href (a path from the site root) matches the pattern."""
    return {
        "type": "object",
        "required": ["label", "href"],
        "additionalProperties": False,
        "properties": {"label": TEXT_SCHEMA, "href": {"type": "string", "pattern": href_pattern}},
    }


_TEXT = TEXT_SCHEMA

SCHEMAS: dict[str, dict[str, Any]] = {
    "glossary.yml": {
        "type": "object",
        "required": ["terms"],
        "additionalProperties": False,
        "properties": {
            "terms": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["term", "definition"],
                    "additionalProperties": False,
                    "properties": {
                        "term": _TEXT,
                        "definition": _TEXT,
                        "see_also": {"type": "array", "items": _TEXT},
                    },
                },
            }
        },
    },
    "timeline.yml": {
        "type": "object",
        "required": ["events"],
        "additionalProperties": False,
        "properties": {
            "events": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["year", "label", "strand", "cite"],
                    "additionalProperties": False,
                    "properties": {
                        "year": {"type": "integer", "minimum": 1900, "maximum": 2100},
                        "date": _TEXT,
                        "label": _TEXT,
                        "strand": {"enum": ["ideas", "policy", "mind", "critique"]},
                        "cite": _TEXT,
                        "note": _TEXT,
                    },
                },
            }
        },
    },
}


def register_schema(filename: str, schema: dict[str, Any]) -> None:
    """Add the schema for a data file (used by the widget modules)."""
    SCHEMAS[filename] = schema


def _field_path(error: jsonschema.ValidationError) -> str:
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def validate(filename: str, data: Any) -> Any:
    """Validate ``data`` against the schema of ``filename``; raise ContentError if it fails."""
    schema = SCHEMAS.get(filename)
    if schema is None:
        raise ContentError(f"{filename}: no schema is registered for this data file")
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise ContentError(f"{filename}: {_field_path(first)}: {first.message}{more}")
    return data


def load_file(path: Path) -> Any:
    """Read and validate one data file, wherever it lives (tests pass broken copies)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{path.name}: file not found at {path}") from None
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path.name}: not valid UTF-8 text ({exc.reason})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ContentError(f"{path.name}: not valid YAML{where}") from None
    if data is None:
        raise ContentError(f"{path.name}: the file is empty")
    return validate(path.name, data)


@functools.lru_cache(maxsize=None)
def _load_cached(filename: str) -> Any:
    return load_file(DATA_DIR / filename)


def load(filename: str) -> Any:
    """Load a packaged data file by name; callers get their own copy to change."""
    return copy.deepcopy(_load_cached(filename))
