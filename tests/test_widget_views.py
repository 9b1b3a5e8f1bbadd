"""The widget views' own checks: the pure ES modules under node --test, and the
committed bundles (the files anywidget sends) built from their sources.

Node is required (scripts/bootstrap.sh installs it); these tests fail, never
skip, without it.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "coproduction_course" / "static"
SRC = STATIC / "src"
BUILT = ["checklist.js", "checklist.css", "debate.js", "debate.css", "selfcheck.js", "selfcheck.css"]


def _node() -> str:
    node = shutil.which("node")
    assert node, "Node is required for the widget tests: run scripts/bootstrap.sh"
    return node


def test_node_tests_of_the_pure_modules_pass():
    """tests/node/*.test.mjs: the golden cases (shared with pytest), timer, saved state, exports."""
    result = subprocess.run([_node(), "--test", "tests/node/"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"^# pass [1-9]\d*$", result.stdout, re.M), result.stdout[-2000:]
    assert re.search(r"^# fail 0$", result.stdout, re.M)


def test_committed_bundles_are_built_from_their_sources(tmp_path):
    """Edit static/src/, then run `npm run build:widgets`; a stale bundle fails here."""
    result = subprocess.run([_node(), str(SRC / "build.mjs"), str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]
    stale = [name for name in BUILT if (tmp_path / name).read_bytes() != (STATIC / name).read_bytes()]
    for name in ("course-learning-log.js", "course-offline.js", "course-sw.js"):  # src/log/, src/offline/, src/sw/
        script = ROOT / "_ext" / "portable_static" / name
        if (tmp_path / name).read_bytes() != script.read_bytes():
            stale.append(str(script.relative_to(ROOT)))
    assert stale == [], f"stale bundles {stale}: run `npm run build:widgets`"


def test_no_function_in_the_widget_sources_is_longer_than_80_lines():
    long = []
    for path in sorted(SRC.rglob("*.js")) + sorted(SRC.rglob("*.mjs")) + [STATIC / "widget-host.js"]:
        lines = path.read_text(encoding="utf-8").splitlines()
        stack = []  # (start line, indent) of open function bodies
        for number, line in enumerate(lines, start=1):
            indent = len(line) - len(line.lstrip())
            if re.search(r"(\bfunction\b[^(]*\(|=>\s*\{\s*$|^\s*(async\s+)?\w+\([^)]*\)\s*\{\s*$)", line) and line.rstrip().endswith("{"):
                stack.append((number, indent))
            elif line.strip().startswith("}") and stack and indent == stack[-1][1]:
                start, _ = stack.pop()
                if number - start > 80:
                    long.append(f"{path.relative_to(ROOT)}:{start} ({number - start} lines)")
    assert long == []


def test_views_are_built_from_small_modules():
    modules = sorted(SRC.rglob("*.js"))
    assert len(modules) >= 20
    too_big = [f"{p.relative_to(SRC)}: {n}" for p in modules if (n := len(p.read_text(encoding="utf-8").splitlines())) > 220]
    assert too_big == []


# --- schemas as data ------------------------------------------------------------------
DATA = ROOT / "coproduction_course" / "data"


def test_every_data_file_names_its_schema_for_editors():
    from coproduction_course.content import SCHEMA_FOR_FILE

    assert sorted(SCHEMA_FOR_FILE) == sorted(p.name for p in DATA.glob("*.yml"))
    for name, schema in SCHEMA_FOR_FILE.items():
        first = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{schema}.schema.json", name
        assert (DATA / "schemas" / f"{schema}.schema.json").is_file()


def test_any_file_loads_without_importing_a_widget_first():
    """Schemas are loaded explicitly, never registered as a side effect of an import."""
    code = (
        "import sys, coproduction_course.content as c\n"
        "for name in sorted(c.SCHEMA_FOR_FILE): c.load(name)\n"
        "assert not any(m in sys.modules for m in ('coproduction_course.debate', 'coproduction_course.checklist',"
        " 'coproduction_course.selfcheck')), sorted(sys.modules)\n"
        "print('ok')\n"
    )
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr[-3000:]


def test_a_file_loads_against_a_named_schema_and_shared_definitions_apply(tmp_path):
    from coproduction_course.content import ContentError, load_file

    other = tmp_path / "spring-seminar.yml"
    other.write_text((DATA / "motions.yml").read_text(encoding="utf-8").replace("id: own-oppression", "id: Own Oppression", 1), encoding="utf-8")
    # The id rule comes from defs.schema.json, shared by every schema.
    try:
        load_file(other, schema="motions")
    except ContentError as exc:
        assert str(exc).startswith("spring-seminar.yml: motions[") and "does not match" in str(exc)
    else:
        raise AssertionError("a bad id passed")
    try:
        load_file(other)
    except ContentError as exc:
        assert "no schema is named for this file" in str(exc)
    else:
        raise AssertionError("a file with no named schema passed")
    for schema in (DATA / "schemas").glob("*.schema.json"):
        if schema.name != "defs.schema.json":
            assert "defs.schema.json#/$defs/" in schema.read_text(encoding="utf-8"), schema.name


# --- no dead CSS ------------------------------------------------------------------------
# Classes the page's theme owns (projector view hides them), not the views.
THEME_CLASSES = {
    "bd-sidebar-primary", "bd-sidebar-secondary", "bd-header-article", "bd-header", "bd-footer-article",
    "prev-next-area", "bd-main", "bd-content", "bd-article-container", "bd-page-width", "bd-container__inner", "bd-article",
}


def css_classes(css: str) -> set[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@import[^;]*;", "", css)
    selectors = " ".join(re.findall(r"([^{}]+)\{", css))
    return set(re.findall(r"\.([A-Za-z_][\w-]*)", selectors))


def unused_classes(css_files, js_files) -> list[str]:
    js = "\n".join(p.read_text(encoding="utf-8") for p in js_files)
    used = set(re.findall(r"[A-Za-z_][\w-]*", js))
    found = set()
    for path in css_files:
        found |= css_classes(path.read_text(encoding="utf-8"))
    return sorted(c for c in found - THEME_CLASSES if c not in used)


def test_every_css_class_is_used_by_a_view():
    assert unused_classes(sorted(SRC.rglob("*.css")), sorted(SRC.rglob("*.js"))) == []


def test_the_dead_css_check_can_fail(tmp_path):
    css = tmp_path / "x.css"
    css.write_text(".cwc .cwc-status { min-height: 1.5em; } .cw-row { gap: 1px; }", encoding="utf-8")
    js = tmp_path / "x.js"
    js.write_text('h("div", { class: "cw-row" });', encoding="utf-8")
    assert unused_classes([css], [js]) == ["cwc", "cwc-status"]


def test_the_package_ships_its_schemas_and_views():
    """A non-editable install (Colab, Binder) needs the schema files and built views."""
    import tomllib

    # setuptools applies the "*" patterns inside every package; with namespaces on,
    # every folder under coproduction_course is a package.
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    patterns = package_data.get("*", []) + package_data.get("coproduction_course", [])
    package = ROOT / "coproduction_course"
    folders = [package, *(p for p in package.rglob("*") if p.is_dir() and p.name != "__pycache__")]
    shipped = {p for folder in folders for pattern in patterns for p in folder.glob(pattern)}
    needed = set((package / "data" / "schemas").glob("*.json")) | {STATIC / name for name in BUILT} | {STATIC / "widget-host.js"}
    assert needed <= shipped, sorted(str(p.relative_to(ROOT)) for p in needed - shipped)
