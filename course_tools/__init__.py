"""Building, serving and every take-away output of the course: one place for the
commands that the Makefile, the tests (tests/conftest.py) and the benchmark
(scripts/benchmark.py) run. One module per output:

- :mod:`course_tools.build`: the ``jupyter-book build -W -n --keep-going`` command,
  its result and its progress;
- :mod:`course_tools.editions`: the student and tutor editions, the site and the
  tutor site (the tutor edition's pages come from the chapters in ``_toc.yml``);
- :mod:`course_tools.serve`: a local static server for a built site;
- :mod:`course_tools.pdf`: the whole-course PDF per edition (with
  :mod:`course_tools.pdf_contents`, its contents page, and
  :mod:`course_tools.pdf_accessible`, the PDF/UA finishing);
- :mod:`course_tools.epub`: the EPUB 3 e-book per edition;
- :mod:`course_tools.lms`: Common Cartridge 1.3 and SCORM 1.2 packages per edition
  (``lms_scorm_chapter.js`` beside it is the SCORM launch page's script);
- :mod:`course_tools.offline`: the student site as a zip that works from disk;
- :mod:`course_tools.portable`: what those outputs share (names, edition labels, the
  build date, the tables of contents, the one deterministic zip writer);
- :mod:`course_tools.browser`: Debian's chromium and the flags every headless run uses;
- :mod:`course_tools.publishing`: the publisher's settings (``publishing:`` in
  ``_config.yml``): addresses, repository, contact, and the check that refuses placeholders.

The build-time halves of the outputs are Sphinx extensions in ``_ext/``
(``course_portable.py``: edition line, PDF link, offline helper; ``course_print_edition.py``:
widgets as printed forms for the PDF and EPUB).

Command line (what the Makefile runs)::

    python -m course_tools build student|tutor [--output DIR] [--all]      # make build, make tutor
    python -m course_tools serve student|tutor [--port 8000] [--no-build]  # make serve
    python -m course_tools pdf student tutor [--output DIR] [--force]      # make pdf
    python -m course_tools epub student tutor [--output DIR]               # make epub
    python -m course_tools lms student|tutor --site DIR [--output DIR]     # make lms
    python -m course_tools offline [--site DIR] [--output DIR]             # make offline
"""
