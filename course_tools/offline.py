"""The student site as one zip that works when opened from disk (``make offline``).

    python -m course_tools offline [--site _build/html] [--output _build/offline]

Unpack it anywhere and open ``index.html``: every page, the search and the
widgets work from ``file://`` (widgets draw from the state saved in each page,
and keep a student's work in the browser as on the web). The zip is written
with sorted entries dated with the build date, so one commit gives one zip.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from course_tools.build import ROOT
from course_tools.portable import SERVER_ONLY, SLUG, site_files, write_zip

# The instructions that travel with the zip (a student may never see the site's pages on this).
INSTRUCTIONS = """Co-production in Mental Health: the course to read from your disk
==================================================================

Open index.html in this folder with your web browser. Every page, the search and
the interactive tools work without a connection.

Your answers are kept by your browser for this folder's location. Moving or
renaming this folder, or opening it in another browser, starts you with an empty
learning log; your answers stay behind with the old location. To move them,
open "Your work in this course" (learning-log.html) first, use "Download as
JSON", move the folder, open that page again from the new place and use
"Import from JSON".
"""


def offline_zip(site: Path, output: Path) -> Path:
    if not (site / "index.html").exists():
        raise SystemExit(f"No built site at {site}: run `make build` first")
    files = {f"{SLUG}/{name}": data for name, data in site_files(site).items()
             if name not in SERVER_ONLY and not name.startswith("_sources/")}
    files[f"{SLUG}/READ-ME-FIRST.txt"] = INSTRUCTIONS.encode("utf-8")
    target = write_zip(output / f"{SLUG}-student-offline.zip", files)
    print(f"Wrote {target} ({target.stat().st_size // 1024} kB); unpack it and open {SLUG}/index.html")
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_tools offline", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--output", type=Path, default=ROOT / "_build" / "offline")
    args = parser.parse_args(argv)
    offline_zip(args.site, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
