"""What every course patch to upstream output shares (not an extension itself).

The course changes what Sphinx, the themes, Jupyter Book, myst-nb and sphinx-exercise
produce in several small extensions in ``_ext/`` (CONTRIBUTING, "The Sphinx extensions
in ``_ext/``"). Each calls ``warn_nothing_patched`` when it finds nothing to patch, and
``warn_upstream_changed`` when it finds an upstream version it was not written for:
both are Sphinx warnings, which fail the ``-W`` build and name the patch, so an upgrade
that moves the target cannot silently undo a fix (tests/test_patches.py).
"""
from __future__ import annotations

from collections.abc import Callable

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


def warn_nothing_patched(patch: str, why: str) -> None:
    """The patch found nothing to patch: its upstream target has moved or gone."""
    logger.warning(f"course: patch {patch!r} found nothing to patch: {why}", type="course", subtype="patch")


def warn_upstream_changed(patch: str, why: str) -> None:
    """The patch found an upstream version other than the one it was written for."""
    logger.warning(f"course: patch {patch!r} was written for another upstream version: {why}",
                   type="course", subtype="patch")


def rewrite_site_page_bodies(app: Sphinx, rewrite: Callable[[str, str], str], priority: int = 900) -> None:
    """Run ``rewrite(body, pagename)`` on each page body of the web site (not of an EPUB,
    which Sphinx's own epub theme draws). Priority 900: after pydata-sphinx-theme's own
    html-page-context handlers (500); handlers at one priority run in load order."""
    def handler(app: Sphinx, pagename, templatename, context, doctree) -> None:
        if not app.builder.name.startswith("epub") and context.get("body"):
            context["body"] = rewrite(context["body"], pagename)

    app.connect("html-page-context", handler, priority=priority)
