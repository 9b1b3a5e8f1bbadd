"""python -m course_tools build|serve|pdf|epub|lms|offline ...  (see course_tools/__init__.py)."""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from course_tools.editions import EDITIONS, EditionError, build_edition, site_folder
from course_tools.serve import port_problem, serve_forever


# Each take-away output has one module with its own command line (its main(argv)).
OUTPUTS = {
    "pdf": "course_tools.pdf",
    "epub": "course_tools.epub",
    "lms": "course_tools.lms",
    "offline": "course_tools.offline",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in OUTPUTS:
        # Imported only when asked for: printing needs Playwright and pikepdf, serving does not.
        return importlib.import_module(OUTPUTS[argv[0]]).main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m course_tools", description="Build or serve an edition of the course.",
        epilog=f"Take-away outputs: python -m course_tools {'|'.join(OUTPUTS)} --help")
    parser.add_argument("action", choices=["build", "serve"], help="serve builds first unless --no-build")
    parser.add_argument("edition", choices=EDITIONS, nargs="?", default="student")
    parser.add_argument("--output", type=Path, help="output folder (jupyter-book --path-output)")
    parser.add_argument("--all", action="store_true", help="rebuild every page")
    parser.add_argument("--port", type=int, default=8000, help="serve: the port on 127.0.0.1 (make serve PORT=...)")
    parser.add_argument("--no-build", action="store_true", help="serve: the site as last built")
    args = parser.parse_args(argv)

    if args.action == "serve":
        problem = port_problem(args.port)
        if problem:  # before building: a busy port fails at once, not after a build
            print(f"error: {problem}", file=sys.stderr)
            return 1
    if args.action == "build" or not args.no_build:
        try:
            result = build_edition(args.edition, args.output, ["--all"] if args.all else [])
        except EditionError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if result.returncode != 0:
            return result.returncode
    if args.action == "serve":
        serve_forever(site_folder(args.edition, args.output), args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
