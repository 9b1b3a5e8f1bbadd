"""Building and serving the course: one place for the commands that the Makefile,
the tests (tests/conftest.py), the edition builder (scripts/build_edition.py) and
the benchmark (scripts/benchmark.py) all run.

- :mod:`course_tools.build`: the ``jupyter-book build -W -n --keep-going`` command,
  its result and its progress;
- :mod:`course_tools.editions`: the student and tutor editions (the tutor edition's
  pages come from the chapters in ``_toc.yml``);
- :mod:`course_tools.serve`: a local static server for a built site;
- :mod:`course_tools.browser`: Debian's chromium and the flags every headless run uses;
- :mod:`course_tools.publishing`: the publisher's settings (``publishing:`` in
  ``_config.yml``): addresses, repository, contact, and the check that refuses placeholders.

Command line (what ``make build``, ``make tutor`` and ``make serve`` run)::

    python -m course_tools build student|tutor [--output DIR] [--all]
    python -m course_tools serve student|tutor [--port 8000] [--no-build]
"""
