"""The theme's stylesheets cut to the rules the built pages can use (issue 17, page weight).

pydata-sphinx-theme's stylesheet (Bootstrap 5 and the theme: 387 KiB, 64 KiB
compressed) blocks every page's first paint, yet most of its rules style components
the course never shows. After the build, a selector that needs a class or id which is
no word of any built page (markup, text, inline scripts, widget state) or published
script is removed, and a rule with no selector left goes. So rules for states that
appear only after interaction stay: classes the theme's, Bootstrap's or the widgets'
scripts add (open menus, the search dialog), and rules keyed on attributes or states
(``html[data-theme=dark]``, ``:hover``, ``:focus-visible``, ``@media print``). Names a
script builds at run time are kept too: a string ending in a hyphen that a script
joins to something (``bs-${name}-auto``, ``"sd-tab-" + id``) keeps every name it can
start, and one starting with a hyphen (``x + "-open"``) every name it can end. Names
inside ``:not()``, ``:is()``, ``:has()`` do not count; escaped names, ``@font-face``
and ``@keyframes`` stay.

Each original is kept beside the site (``KEPT``, never published), with the list of
the selectors removed (``DROPPED``): ``tests/test_css_purge.py`` opens pages in the
states a reader can bring about and checks that none of those selectors matches
anything. Warns, failing the ``-W`` build, when it finds nothing to patch.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched

#: Stylesheets cut down to the rules the built pages can use (globs under _static/).
STYLESHEETS = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "basic.css", "mystnb.*.css")

#: At-rules whose rules are purged; other blocks (@font-face, @keyframes, @page) stay whole.
NESTING_AT_RULES = ("@media", "@supports", "@layer", "@container")
NAME = re.compile(r"[A-Za-z_][\w-]*")
SELECTOR_NAME = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
# The start of a name a script builds: `bs-${...}` or "bs-" + ...
BUILT_PREFIX = re.compile(r"""(?<![\w-])([A-Za-z_][\w-]*-)\$\{|["'`]([A-Za-z_][\w-]*-)["'`]\s*\+""")
# The end of one: ... + "-open"
BUILT_SUFFIX = re.compile(r"""\+\s*["'`](-[\w-]*[\w])["'`]""")
LICENCE = re.compile(r"/\*!.*?\*/", re.S)
MARK = "/* Cut to the rules the course's pages use: _ext/course_css_purge.py */"
KEPT = "css-before-purge"  # beside the site's folder, so never published
DROPPED = "dropped-selectors.json"  # in KEPT: {stylesheet: [selector, ...]}
CANARY = "bd-main"  # a class every built page holds: without it, the scan of the pages is wrong


class Names:
    """The class and id names the site's pages and scripts can hold."""

    def __init__(self, words: set[str], prefixes: set[str] = frozenset(), suffixes: set[str] = frozenset()):
        self.words, self.prefixes, self.suffixes = set(words), tuple(sorted(prefixes)), tuple(sorted(suffixes))

    def may_hold(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes) or name.endswith(self.suffixes)


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


def selector_used(selector: str, names: Names) -> bool:
    """False only when the selector needs a class or id that appears nowhere."""
    if "\\" in selector:
        return True  # escaped names are not worth reading: keep the rule
    return all(names.may_hold(name) for name in SELECTOR_NAME.findall(_outside_brackets(selector)))


def purge_css(css: str, names: Names, dropped: list[str] | None = None) -> tuple[str, int]:
    """The stylesheet without the rules no page can use, and how many were removed
    (their selectors appended to ``dropped``)."""
    out, removed = [], 0
    for prelude, block in _items(_strip_comments(css)):
        # A licence notice kept before a rule is not part of its selector: its words
        # ("sass-guidelin.es") would read as class names. It stays, before the rule.
        notices = LICENCE.findall(prelude)
        if notices:
            out.extend(notices)
            prelude = LICENCE.sub("", prelude).strip()
            if not prelude:
                continue
        if block is None:
            if not prelude.startswith("/*# sourceMappingURL"):
                out.append(prelude)
        elif prelude.lower().startswith(NESTING_AT_RULES):
            inner, count = purge_css(block, names, dropped)
            removed += count
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@") or "{" in block:
            out.append(f"{prelude}{{{block}}}")
        else:
            every = _split_selectors(prelude)
            selectors = [s for s in every if selector_used(s, names)]
            if dropped is not None:
                dropped.extend(s for s in every if s not in selectors)
            if selectors:
                out.append(f"{','.join(selectors)}{{{block.strip()}}}")
            else:
                removed += 1
    return "\n".join(out), removed


def names_in_site(out: Path) -> Names:
    """Every word in every published page and script, and the names scripts build."""
    words: set[str] = set()
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for path in out.rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            words.update(NAME.findall(text))
            for match in BUILT_PREFIX.finditer(text):
                prefixes.add(match.group(1) or match.group(2))
            suffixes.update(BUILT_SUFFIX.findall(text))
    return Names(words, prefixes, suffixes)


def purge_stylesheets(out: Path, names: Names) -> None:
    """Cut each stylesheet; its original is kept beside the site (``KEPT``), to cut again
    when a rebuild did not copy it anew, with the selectors removed (``DROPPED``)."""
    kept = out.parent / KEPT
    dropped: dict[str, list[str]] = {}
    for pattern in STYLESHEETS:
        found = sorted((out / "_static").glob(pattern))
        if not found:
            warn_nothing_patched("purge unused CSS", f"no _static/{pattern} (has the theme's layout changed?)")
        for path in found:
            original = kept / path.relative_to(out)
            css = path.read_text(encoding="utf-8")
            if css.rstrip().endswith(MARK):
                css = original.read_text(encoding="utf-8")
            removed_selectors: list[str] = []
            purged, removed = purge_css(css, names, removed_selectors)
            if not removed:
                warn_nothing_patched("purge unused CSS", f"every rule of {path.name} is used (is the scan of the pages wrong?)")
                continue
            original.parent.mkdir(parents=True, exist_ok=True)
            original.write_text(css, encoding="utf-8")
            path.write_text(f"{purged}\n{MARK}\n", encoding="utf-8")
            dropped[path.relative_to(out).as_posix()] = removed_selectors
    kept.mkdir(parents=True, exist_ok=True)
    (kept / DROPPED).write_text(json.dumps(dropped, indent=0), encoding="utf-8")


def _purge(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name not in ("html", "dirhtml"):
        return
    out = Path(app.outdir)
    names = names_in_site(out)
    if CANARY not in names.words:
        warn_nothing_patched("purge unused CSS", f"no page holds '{CANARY}' (has the theme's layout changed?)")
        return
    purge_stylesheets(out, names)


def setup(app: Sphinx) -> dict:
    # After myst-nb writes its stylesheet (500); before course_portable lists and hashes
    # the files of the offline copy (700), so its version is that of the files served.
    app.connect("build-finished", _purge, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
