"""The Sphinx extensions in ``_ext/`` stay small enough to read (issue 21).

No module in ``_ext/`` over 250 lines and no Python function there over 80 lines
(nested functions and methods counted on their own, from ``def`` to their last
line). Split a module by what it patches (CONTRIBUTING, "The Sphinx extensions in
``_ext/``"). The JavaScript under ``_ext/`` and the widget code have the same
80-line limit in eslint (``max-lines-per-function`` in ``eslint.config.mjs``).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "_ext"
MODULE_LINES = 250
FUNCTION_LINES = 80
MODULES = sorted(EXT.glob("*.py"))


def long_functions(source: str, limit: int = FUNCTION_LINES) -> list[str]:
    """``name (N lines, line L)`` for every function or method longer than ``limit`` lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            if length > limit:
                found.append(f"{node.name} ({length} lines, line {node.lineno})")
    return found


def test_there_are_extensions_to_check():
    assert len(MODULES) >= 10


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_no_extension_module_is_longer_than_250_lines(module):
    lines = len(module.read_text(encoding="utf-8").splitlines())
    assert lines <= MODULE_LINES, f"_ext/{module.name} has {lines} lines (at most {MODULE_LINES}): split it by job"


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_no_extension_function_is_longer_than_80_lines(module):
    assert long_functions(module.read_text(encoding="utf-8")) == [], f"_ext/{module.name}: functions over {FUNCTION_LINES} lines"


def test_the_function_check_measures_from_def_to_the_last_line():
    body = "".join(f"    x{i} = {i}\n" for i in range(FUNCTION_LINES))
    assert long_functions(f"def fits():\n{body[:body.rindex('    x')]}") == []
    assert long_functions(f"def too_long():\n{body}") == [f"too_long ({FUNCTION_LINES + 1} lines, line 1)"]


def test_eslint_limits_function_length_in_the_widget_code_and_ext_scripts():
    config = (ROOT / "eslint.config.mjs").read_text(encoding="utf-8")
    block = re.search(r"files: \[([^\]]*)\],\s*rules: \{ \"max-lines-per-function\": \[\"error\", \{ max: (\d+) \}\] \}", config)
    assert block, "eslint.config.mjs sets no max-lines-per-function"
    assert int(block.group(2)) == FUNCTION_LINES
    for folder in ("coproduction_course/static/src/", "coproduction_course/static/widget-host.js", "_ext/review_static/"):
        assert folder in block.group(1)


def test_every_extension_is_listed_in_contributing_and_loaded():
    """A maintainer finds every module in CONTRIBUTING's table, and the build loads it."""
    import yaml

    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = contributing[contributing.index("## The Sphinx extensions in `_ext/`"):]
    table = table[:table.index("\n## ")]
    loaded = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["local_extensions"]
    for module in MODULES:
        assert f"| `{module.name}` |" in table, f"_ext/{module.name} is not in CONTRIBUTING's table of extensions"
        is_extension = "\ndef setup(" in module.read_text(encoding="utf-8")
        # course_print_edition is loaded only by the PDF and EPUB builds.
        if is_extension and module.stem != "course_print_edition":
            assert module.stem in loaded, f"_ext/{module.name} is not in _config.yml's local_extensions"
