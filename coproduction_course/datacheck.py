"""Check every content data file strictly: duplicate keys and schema, by line.

``yaml.safe_load`` keeps the last of two equal keys without a word, so a
duplicated ``title:`` or motion field would build green with the wrong text.
:func:`strict_load` rejects duplicates; :func:`check_file` validates a file
against its JSON Schema and names the line of each problem; :func:`check_dir`
checks every ``*.yml`` in a data folder. The Sphinx extension
``_ext/course_data_check.py`` runs :func:`check_dir` before a build reads any
page, so a broken data file stops ``make build``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from coproduction_course import content


class DuplicateKeyError(yaml.constructor.ConstructorError):
    pass


class StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping with the same key twice."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKeyError(
                    None, None, f"the key {key!r} appears twice in one mapping (first at line {seen[key].line + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


def strict_load(text: str) -> Any:
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 (a SafeLoader subclass)


def _line_of(root: yaml.Node | None, path) -> int | None:
    """The 1-based line of the node at ``path`` (a jsonschema absolute_path), or of its nearest parent."""
    node, line = root, (root.start_mark.line + 1 if root is not None else None)
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def check_file(path: Path, schema: str | None = None) -> list[str]:
    """Problems in one data file, each as ``file:line: field: message`` (empty when it is sound)."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{name}: cannot be read ({exc})"]
    try:
        data = strict_load(text)
        tree = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return [f"{name}{where}: not valid YAML: {problem}"]
    if data is None:
        return [f"{name}:1: the file is empty"]
    try:
        chosen = schema or content.schema_for(name)
    except content.ContentError as exc:
        return [str(exc)]
    errors = sorted(content.validator(chosen).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [
        f"{name}:{_line_of(tree, e.absolute_path)}: {content._field_path(e)}: {e.message}"
        for e in errors
    ]


def check_dir(folder: Path) -> list[str]:
    """Problems in every ``*.yml`` data file of ``folder``."""
    problems: list[str] = []
    for path in sorted(Path(folder).glob("*.yml")):
        problems += check_file(path)
    return problems
