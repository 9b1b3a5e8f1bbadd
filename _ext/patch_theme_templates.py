"""Patch: the course's copies of theme templates in ``_templates/``, pinned to their originals.

Four files in ``_templates/`` replace a theme's own template of the same path:

- ``search-button-field.html`` (pydata-sphinx-theme): the visible text names the
  search button (WCAG 2.5.3), the shortcut is ``aria-keyshortcuts``;
- ``toggle-primary-sidebar.html`` and ``toggle-secondary-sidebar.html``
  (sphinx-book-theme): the sidebar buttons are named by what they open;
- ``static/webpack-macros.html`` (pydata-sphinx-theme): reuses the theme's macros but
  leaves out ``fontawesome.js`` (page weight; the icons come from ``patch_icon_fonts``).

A copy silently hides whatever the theme changes in its original. So each copy is
pinned to the sha256 of the original it was made from, and the build warns (failing
``-W``) when the installed original differs, naming the file and what to do.
"""
from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched, warn_upstream_changed


@dataclass(frozen=True)
class PinnedCopy:
    copy: str       # the course's file, under _templates/
    package: str    # the theme package holding the original
    original: str   # the original's path inside the package
    sha256: str     # of the original the copy was made from
    change: str     # what the course changed, to re-apply on a fresh copy


PINNED_COPIES = (
    PinnedCopy("search-button-field.html", "pydata_sphinx_theme",
               "theme/pydata_sphinx_theme/components/search-button-field.html",
               "518dda81dd8cd06ab2268f86b25c8257189f237f1b71836afececaa511f40e69",
               "no aria-label (the visible text names the button), aria-keyshortcuts, a decorative icon"),
    PinnedCopy("toggle-primary-sidebar.html", "sphinx_book_theme",
               "theme/sphinx_book_theme/components/toggle-primary-sidebar.html",
               "316c98ec6677c6568d15dfd809ec20ad0458569110c435480ed87d2af34f13bb",
               'named "Site navigation", aria-controls, a decorative icon'),
    PinnedCopy("toggle-secondary-sidebar.html", "sphinx_book_theme",
               "theme/sphinx_book_theme/components/toggle-secondary-sidebar.html",
               "0cf39e5b61b02a71d94782c433ec6175bf464a593b6b64bdf16bf04a87767204",
               'named "On this page", aria-controls, a decorative icon'),
    PinnedCopy("static/webpack-macros.html", "pydata_sphinx_theme",
               "theme/pydata_sphinx_theme/static/webpack-macros.html",
               "b1f893e4416c7cc7cf9ed5f2e7a46cf9f94f653cd8c848138bf45a2fda166f67",
               "head_js_preload() without the fontawesome.js line"),
)


def original_path(pin: PinnedCopy) -> Path:
    return Path(importlib.import_module(pin.package).__file__).parent / pin.original


def check_pinned_copy(pin: PinnedCopy, original: Path | None = None) -> bool:
    """Warn when the installed theme's original is not the one the copy was made from."""
    original = original or original_path(pin)
    where = f"{pin.package.replace('_', '-')} {metadata.version(pin.package.replace('_', '-'))}"
    if not original.is_file():
        warn_nothing_patched(f"template copy {pin.copy}", f"{where} has no {pin.original} any more")
        return False
    found = hashlib.sha256(original.read_bytes()).hexdigest()
    if found != pin.sha256:
        warn_upstream_changed(
            f"template copy {pin.copy}",
            f"_templates/{pin.copy} was copied from a {pin.original} other than {where}'s "
            f"(sha256 {found[:12]}, pinned {pin.sha256[:12]}). Re-copy the installed original, re-apply "
            f"the course's change ({pin.change}), then pin its sha256 in _ext/patch_theme_templates.py",
        )
        return False
    return True


def check_theme_macros(macros: Path | None = None) -> bool:
    """The filter in _templates/static/webpack-macros.html must have a line to drop."""
    macros = macros or original_path(PINNED_COPIES[-1])
    text = macros.read_text(encoding="utf-8") if macros.exists() else ""
    if "fontawesome.js" not in text:
        warn_nothing_patched(
            "drop fontawesome.js", f"{macros} no longer loads fontawesome.js (update _templates/static/webpack-macros.html)"
        )
        return False
    return True


def _check_templates(app: Sphinx) -> None:
    for pin in PINNED_COPIES:
        check_pinned_copy(pin)
    check_theme_macros()


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _check_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
