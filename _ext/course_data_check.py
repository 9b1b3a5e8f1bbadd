"""Stop the build when a content data file is broken (issue 17).

Before any page is read, every ``coproduction_course/data/*.yml`` is loaded with
duplicate keys refused and checked against its JSON Schema
(``coproduction_course.datacheck``). A problem stops the build with the file,
line and field, e.g. ``motions.yml:21: motions[0]: 'title' is a required property``.
``course_data_dir`` (default: the package's data folder) lets a test point the
check at a broken copy.
"""
from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

from coproduction_course import content, datacheck


def check_data(app: Sphinx, config) -> None:
    folder = Path(config.course_data_dir or content.DATA_DIR)
    problems = datacheck.check_dir(folder)
    if problems:
        raise ConfigError(
            f"broken course data in {folder} (fix the file, then build again):\n  " + "\n  ".join(problems)
        )


def setup(app: Sphinx) -> dict:
    app.add_config_value("course_data_dir", "", "env")
    app.connect("config-inited", check_data)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
