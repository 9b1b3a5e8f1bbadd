"""Build one edition of the course from the one source (the logic: course_tools/editions.py).

    python scripts/build_edition.py student [--output DIR] [--all]   # = make build
    python scripts/build_edition.py tutor   [--output DIR] [--all]   # = make tutor

Same as ``python -m course_tools build student|tutor``.
"""
from __future__ import annotations

import sys

from course_tools.__main__ import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
