"""Page weight on text pages (issue 17): what no built page can use is not sent.

- **Theme stylesheets cut to what the pages use.** pydata-sphinx-theme's stylesheet
  (Bootstrap 5 and the theme: 387 KiB, 64 KiB compressed) blocks every page's first
  paint, yet most of its rules style components the course never shows. After the
  build, a rule whose selectors all need a class or id that is no word of any built
  page (markup, text, inline scripts, widget state) or published script is removed
  (``STYLESHEETS``). So rules for states that appear only after interaction stay:
  classes the theme's, Bootstrap's or the widgets' scripts add (open menus, the
  search dialog), and rules keyed on attributes or states (``html[data-theme=dark]``,
  ``:hover``, ``:focus-visible``, ``@media print``). Names inside ``:not()``, ``:is()``,
  ``:has()`` do not count; escaped names, ``@font-face`` and ``@keyframes`` stay.
  ``tests/test_css_purge.py`` compares computed styles before and after, by state.
- **Scripts for particular content only where it is** (``SCRIPTS_FOR_CONTENT``,
  used by ``course_speed``): the copy button and clipboard.js for code blocks,
  togglebutton (and its inline settings) for toggles, sphinx-design's tabs script
  for tabs. A script of that list that no page loads is not published.

Both patches warn, failing the ``-W`` build, when they find nothing to patch.
"""
from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Stylesheets cut down to the rules the built pages can use (globs under _static/).
STYLESHEETS = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "basic.css", "mystnb.*.css")

#: Scripts that serve only particular content, and the class names of that content.
SCRIPTS_FOR_CONTENT = {"copybutton.js": ("highlight",), "clipboard.min.js": ("highlight",),
                       "togglebutton.js": ("toggle", "dropdown"), "design-tabs.js": ("sd-tab",)}
# togglebutton's inline settings (``let toggleHintShow = ...``) go with its script.
TOGGLE_SETTINGS = re.compile(r"\b(toggleHint|toggleOpenOnPrint|togglebuttonSelector)")

#: At-rules whose rules are purged; other blocks (@font-face, @keyframes, @page) stay whole.
NESTING_AT_RULES = ("@media", "@supports", "@layer", "@container")
NAME = re.compile(r"[A-Za-z_][\w-]*")
SELECTOR_NAME = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
MARK = "/* Cut to the rules the course's pages use: _ext/course_css_purge.py */"
KEPT = "css-before-purge"  # beside the site's folder, so never published
CANARY = "bd-main"  # a class every built page holds: without it, the scan of the pages is wrong


def _holds_class(body: str, classes: tuple[str, ...]) -> bool:
    return any(re.search(r'class="[^"]*(?<![\w-])' + re.escape(c), body) for c in classes)


def scripts_for_page(scripts: list, body: str) -> list:
    """The page's scripts without those for content its body does not hold."""
    toggles = _holds_class(body, SCRIPTS_FOR_CONTENT["togglebutton.js"])
    kept = []
    for script in scripts:
        name = str(script.filename or "").split("?")[0].rsplit("/", 1)[-1]
        if name in SCRIPTS_FOR_CONTENT and not _holds_class(body, SCRIPTS_FOR_CONTENT[name]):
            continue
        if not script.filename and not toggles and TOGGLE_SETTINGS.search(script.attributes.get("body") or ""):
            continue
        kept.append(script)
    return kept


def _skip(css: str, i: int) -> int:
    """The index after the string or comment starting at ``i`` (or ``i`` if none does)."""
    if css.startswith("/*", i):
        end = css.find("*/", i + 2)
        return len(css) if end < 0 else end + 2
    if css[i] in "\"'":
        quote, i = css[i], i + 1
        while i < len(css) and css[i] != quote:
            i += 2 if css[i] == "\\" else 1
        return i + 1
    return i


def _strip_comments(css: str) -> str:
    """The stylesheet without comments, except licence notices (``/*!``)."""
    out, i = [], 0
    while i < len(css):
        j = _skip(css, i)
        if j == i:
            out.append(css[i])
            i += 1
            continue
        if not css.startswith("/*", i) or css.startswith("/*!", i):
            out.append(css[i:j])
        i = j
    return "".join(out)


def _items(css: str):
    """Top-level items: (prelude, block) for a rule, (statement, None) for ``@x ...;``."""
    i, start, depth, block_start = 0, 0, 0, 0
    while i < len(css):
        j = _skip(css, i)
        if j != i:
            i = j
            continue
        char = css[i]
        if char == ";" and depth == 0:
            yield css[start:i + 1].strip(), None
            start = i + 1
        elif char == "{":
            depth += 1
            if depth == 1:
                block_start = i
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[start:block_start].strip(), css[block_start + 1:i]
                start = i + 1
        i += 1
    if css[start:].strip():
        yield css[start:].strip(), None


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(prelude):
        j = _skip(prelude, i)
        if j != i:
            i = j
            continue
        if prelude[i] in "([":
            depth += 1
        elif prelude[i] in ")]":
            depth -= 1
        elif prelude[i] == "," and depth == 0:
            parts.append(prelude[start:i].strip())
            start = i + 1
        i += 1
    return parts + [prelude[start:].strip()]


def _outside_brackets(selector: str) -> str:
    while True:  # innermost first, so nested :not(:is(.a)) goes too
        shorter = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", selector)
        if shorter == selector:
            return selector
        selector = shorter


def selector_used(selector: str, names: set[str]) -> bool:
    """False only when the selector needs a class or id that appears nowhere."""
    if "\\" in selector:
        return True  # escaped names are not worth reading: keep the rule
    return all(name in names for name in SELECTOR_NAME.findall(_outside_brackets(selector)))


def purge_css(css: str, names: set[str]) -> tuple[str, int]:
    """The stylesheet without the rules no page can use, and how many were removed."""
    out, removed = [], 0
    for prelude, block in _items(_strip_comments(css)):
        if block is None:
            if not prelude.startswith("/*# sourceMappingURL"):
                out.append(prelude)
        elif prelude.lower().startswith(NESTING_AT_RULES):
            inner, count = purge_css(block, names)
            removed += count
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@") or "{" in block:
            out.append(f"{prelude}{{{block}}}")
        else:
            selectors = [s for s in _split_selectors(prelude) if selector_used(s, names)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{block.strip()}}}")
            else:
                removed += 1
    return "\n".join(out), removed


def names_in_site(out: Path) -> set[str]:
    """Every word in every published page and script: the names that may be used."""
    names: set[str] = set()
    for path in out.rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file():
            names.update(NAME.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def _warn(patch: str, why: str) -> None:
    logger.warning("course_css_purge: patch '%s' found nothing to patch: %s", patch, why, type="course", subtype="patch")


def purge_stylesheets(out: Path, names: set[str]) -> None:
    """Cut each stylesheet; its original is kept beside the site (``KEPT``, never
    published), to cut again when a rebuild did not copy it anew, and for the tests."""
    kept = out.parent / KEPT
    for pattern in STYLESHEETS:
        found = sorted((out / "_static").glob(pattern))
        if not found:
            _warn("purge unused CSS", f"no _static/{pattern} (has the theme's layout changed?)")
        for path in found:
            original = kept / path.relative_to(out)
            css = path.read_text(encoding="utf-8")
            if css.rstrip().endswith(MARK):
                css = original.read_text(encoding="utf-8")
            purged, removed = purge_css(css, names)
            if not removed:
                _warn("purge unused CSS", f"every rule of {path.name} is used (is the scan of the pages wrong?)")
                continue
            original.parent.mkdir(parents=True, exist_ok=True)
            original.write_text(css, encoding="utf-8")
            path.write_text(f"{purged}\n{MARK}\n", encoding="utf-8")
            logger.info("course_css_purge: %s %.0f -> %.0f KiB (%d rules removed)",
                        path.name, len(css) / 1024, len(purged) / 1024, removed)


def unpublish_unloaded_scripts(out: Path) -> None:
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*.html")]
    for name in SCRIPTS_FOR_CONTENT:
        path = out / "_static" / name
        if not path.is_file():
            _warn("unpublish unloaded scripts", f"no _static/{name} (has the extension that adds it changed?)")
        elif not any(f"_static/{name}" in page for page in pages):
            path.unlink()


def _site(app: Sphinx, exception) -> Path | None:
    return Path(app.outdir) if exception is None and app.builder.name in ("html", "dirhtml") else None


def _unpublish(app: Sphinx, exception) -> None:
    if (out := _site(app, exception)) is not None:
        unpublish_unloaded_scripts(out)


def _purge(app: Sphinx, exception) -> None:
    if (out := _site(app, exception)) is None:
        return
    names = names_in_site(out)
    if CANARY not in names:
        _warn("purge unused CSS", f"no page holds '{CANARY}' (has the theme's layout changed?)")
        return
    purge_stylesheets(out, names)


def setup(app: Sphinx) -> dict:
    # Scripts go before course_portable lists the files for the offline copy (500);
    # stylesheets are cut after myst-nb writes its own (500). The offline version hashes
    # the pages and files as copied, which decide the purged CSS: it changes with it.
    app.connect("build-finished", _unpublish, priority=450)
    app.connect("build-finished", _purge, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
