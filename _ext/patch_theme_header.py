"""Patch: pydata-sphinx-theme's own header stays empty (issue 9, phone navigation).

sphinx-book-theme 1.3 draws its navigation buttons in the article header and leaves
the theme header empty by clearing the ``navbar_*`` options in its theme.conf.
pydata-sphinx-theme 0.17.1 then sets ``navbar_persistent`` to the search button
whenever the *user* has not set it, which switches its header on: an empty bar with
a second search box on desktop, and, hidden on phones, a second
``.primary-toggle``/``.secondary-toggle`` ahead of the book theme's. Both themes'
scripts bind only the first match, so the ☰ and "On this page" buttons a student sees
did nothing (pydata-sphinx-theme issue 2451). Setting the option as the user restores
the header-less layout the book theme is built for; tests/test_navigation.py checks
the result in a browser.
"""
from __future__ import annotations

from sphinx.application import Sphinx

from upstream_patches import warn_nothing_patched

HEADER_OPTIONS = ("navbar_start", "navbar_center", "navbar_end", "navbar_persistent")


def _no_theme_header(app: Sphinx, config) -> None:
    """Set ``navbar_persistent`` as a user setting, so the theme leaves it empty."""
    options = dict(config.html_theme_options or {})
    options.setdefault("navbar_persistent", [])
    config.html_theme_options = options


def check_no_theme_header(app: Sphinx) -> None:
    """After the themes have set their options: nothing may switch the theme header on."""
    theme = getattr(app.builder, "theme", None)
    options = dict(theme.get_options({}) if theme is not None else {})
    options.update(getattr(app.builder, "theme_options", {}) or {})
    switched_on = [name for name in HEADER_OPTIONS if options.get(name)]
    if switched_on:
        warn_nothing_patched(
            "no theme header",
            f"{', '.join(switched_on)} set: pydata-sphinx-theme's header, with its duplicate sidebar toggles, is back",
        )


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _no_theme_header)
    # After pydata-sphinx-theme's update_config (priority 500) has filled in its defaults.
    app.connect("builder-inited", check_no_theme_header, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
