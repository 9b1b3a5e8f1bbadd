"""The publisher's settings drive every link that depends on them (issue 20).

``publishing:`` in the book's ``_config.yml`` (course_tools/publishing.py) names the
published addresses, the repository and a contact. This extension reads it from the
book being built (``<srcdir>/_config.yml``) and

* with a repository: turns on the theme's repository and issues buttons and the
  Binder and Colab launch buttons, all pointing at it;
* without one: turns them off and clears the theme's repository address, so no
  page carries a button or link that would lead nowhere;
* with the edition's published address: sets ``html_baseurl`` (canonical links,
  absolute links in exports);
* with a contact: gives the "Review this page" form (``_ext/course_review.py``)
  the address readers send their review to;
* refuses, failing the build with a message that names the setting, an example
  or placeholder address.
"""
from __future__ import annotations

import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from course_tools import publishing  # noqa: E402

NO_LAUNCH = {"binderhub_url": "", "colab_url": "", "jupyterhub_url": "", "thebe": False}


def settings_for(app: Sphinx) -> publishing.Publishing:
    config_file = Path(app.srcdir) / "_config.yml"
    if not config_file.exists():  # a build without a jupyter-book config: nothing published
        return publishing.Publishing()
    try:
        return publishing.load(config_file)
    except publishing.PublishingError as exc:
        raise ConfigError(f"{config_file}: {exc}") from None


def _edition(app: Sphinx) -> str:
    title = f"{app.config.html_title or ''} {app.config.project or ''}".lower()
    return "tutor" if "tutor edition" in title else "student"


def apply_settings(app: Sphinx, config) -> None:
    settings = settings_for(app)
    app.course_publishing = settings
    options = dict(config.html_theme_options or {})
    launch = dict(options.get("launch_buttons") or {})
    if settings.repository:
        options.update(
            repository_url=settings.repository,
            repository_branch=settings.branch,
            path_to_docs="",
            use_repository_button=True,
            use_issues_button=True,
        )
        launch.setdefault("binderhub_url", "https://mybinder.org")
        launch.setdefault("colab_url", "https://colab.research.google.com")
    else:
        options.update(
            repository_url="",
            use_repository_button=False,
            use_issues_button=False,
            use_edit_page_button=False,
            use_source_button=False,
        )
        launch.update(NO_LAUNCH)
    options["launch_buttons"] = launch
    config.html_theme_options = options
    site = settings.edition_url(_edition(app))
    config.html_baseurl = site or ""


def setup(app: Sphinx) -> dict:
    # Before sphinx-book-theme reads its options (builder-inited) and after the
    # config is read; early, so other course extensions see app.course_publishing.
    app.connect("config-inited", apply_settings, priority=300)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
