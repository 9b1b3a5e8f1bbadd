"""Print the whole course to one PDF per edition.

    python -m course_tools pdf student [tutor ...] [--output DIR] [--force]   # = make pdf

For each edition:

1. build the book as one page with Sphinx's ``singlehtml`` builder, using the
   edition's table of contents (course_tools.editions derives the tutor one)
   plus ``_ext/course_print_edition.py``, which adds a print version of every
   widget generated from the data files;
2. open that page from disk in Debian's chromium (Playwright), with every request
   that would leave the build folder refused and counted (the PDF build must
   fetch nothing: no MathJax, no fonts, no analytics);
3. print it: A4, tagged (a structure tree, so screen readers and reflow work),
   with a bookmark outline from the headings, ``lang`` from ``<html lang>``, and a
   running footer with the edition, build date and page numbers;
4. fix the dates Chromium writes into the file to the build date, so two builds
   of one commit give the same bytes (course_tools/portable.py: build_date);
5. finish it for PDF/UA checkers (course_tools/pdf_accessible.py): XMP metadata
   with the PDF/UA identifier, a RoleMap for Chromium's Strong and Em, a
   description on every link, and the running footer marked as an artifact.

The book opens with a contents page that gives each course page's page number.
It is printed twice: the first print has the contents page with placeholder
numbers (same width, so nothing moves), the bookmark outline of that print
gives the real numbers, and the second print carries them. The numbers are
checked against the second print's outline; a mismatch prints once more.

In the tutor book each seminar handout starts on a new sheet and has its sheets
to itself, so a tutor can photocopy it; the book ends with the self-checks'
answer key (_ext/course_print_edition.py).

The contents page is course_tools/pdf_contents.py.

The PDFs land in DIR (default ``_build/pdf``) as ``co-production-in-mental-health-
<edition>.pdf``; ``make pdf`` also copies each into its edition's built site,
whose pages then link to it.

Printing is the slow part, so it is skipped when nothing it prints from has
changed: each PDF has a stamp beside it (``<name>.pdf.stamp``), a hash of the single
page and its files, the build date and this printing code. The single-page build
itself is incremental (its generated toc and config are rewritten only when they
change, as for the tutor edition). ``--force`` prints anyway.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from course_tools.browser import CHROMIUM_ARGS, chromium_path
from course_tools.build import ROOT, build_command
from course_tools.editions import write_if_changed
from course_tools.pdf_contents import CONTENTS_SCRIPT, contents_entries, contents_page_numbers
from course_tools.portable import EDITION_LABELS, build_date, build_epoch, pdf_name, print_edition_files

# Print styles for the single page. The site's own print.css still applies; this
# adds what only the book needs: widget print versions shown, live widgets and
# their failure notes hidden, each chapter on a new sheet.
BOOK_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
.course-widget, .widget-host-error, script + .course-widget { display: none !important; }
.course-print { box-sizing: border-box; display: block !important; border: 1px solid #555; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.course-print-kind { font-weight: bold; margin-top: 0; }
.course-print-table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; break-inside: auto; }
.course-print-table caption { text-align: left; font-weight: bold; caption-side: top; }
.course-print-table th, .course-print-table td { border: 1px solid #555; padding: 0.2rem 0.35rem;
  vertical-align: top; text-align: left; font-weight: normal; }
.course-print-table thead th { font-weight: bold; }
.course-print-box { width: 4.5em; text-align: center !important; }
.course-print-table tr { break-inside: avoid; }
.course-print-notes { min-height: 5em; border-bottom: 1px dotted #555; }
.course-print-line { display: inline-block; min-width: 18em; border-bottom: 1px dotted #555; }
.course-print-options { list-style: none; padding-left: 0.5rem; }
section > section { break-before: auto; }
/* The theme's flex layout lets one long line (a code output, a wide table) widen
   the whole column past the paper; on paper the page is one plain column. */
body, .bd-container, .bd-container__inner, .bd-main, .bd-content, .bd-article-container,
.bd-article, .onlyprint { display: block !important; width: auto !important; max-width: 100% !important;
  min-width: 0 !important; }
pre, .output pre, .cell_output pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
table { max-width: 100%; }
img { max-width: 100% !important; height: auto; }
h1, h2, h3, h4, h5, h6 { margin-top: 0 !important; padding-top: 0.9em; }
#searchbox, .bd-search, .prev-next-area { display: none !important; }
/* Tutor handouts get sheets of their own, to photocopy: a new page before, and
   the next page of the book starts on a new sheet after. */
span[id^="document-exercises/tutor/"][id$="-handout"] + section { break-before: page !important;
  break-after: page !important; }
span[id^="document-exercises/tutor/"][id$="-handout"] + section h1 { padding-top: 0; }
/* The contents page (course_tools/pdf_contents.py: CONTENTS_SCRIPT), on sheets of its own. */
#course-contents { display: block !important; break-after: page; }
#course-contents h2 { display: block !important; }
#course-contents ol { list-style: none; padding-left: 0; margin: 0; }
#course-contents li { display: flex; align-items: baseline; margin: 0.15em 0; break-inside: avoid; }
#course-contents li a { color: inherit; text-decoration: none; }
#course-contents li .course-contents-fill { flex: 1; border-bottom: 1px dotted #777; margin: 0 0.4em; }
#course-contents li .course-contents-page { min-width: 3em; text-align: right; font-variant-numeric: tabular-nums; }
#course-contents li.depth-0, #course-contents li.depth-1 { font-weight: bold; margin-top: 0.5em; }
#course-contents li.depth-2 { padding-left: 1.5em; }
#course-contents li.depth-3 { padding-left: 3em; }
"""


def build_single_page(edition: str, output: Path) -> Path:
    """Build the edition with the singlehtml builder; return its index.html.

    The generated toc and config live at a fixed place in ``output`` and are
    rewritten only when they change: a new path each time made Sphinx read every
    page again, and the stamp (print_stamp) could never match."""
    toc, config = print_edition_files(edition)
    generated = output / "_print_edition"
    generated.mkdir(parents=True, exist_ok=True)
    toc_path, config_path = generated / "_toc.yml", generated / "_config.yml"
    header = "# Generated by course_tools/pdf.py; do not edit.\n"
    write_if_changed(toc_path, header + yaml.safe_dump(toc, sort_keys=False))
    write_if_changed(config_path, header + yaml.safe_dump(config, sort_keys=False))
    cmd = build_command(toc=toc_path, config=config_path, output=output, extra=["--builder", "singlehtml"])
    print(f"Building the {edition} edition as one page into {output}/_build/singlehtml", flush=True)
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    warnings = [line for line in re.sub(r"\x1b\[[0-9;]*m", "", log).splitlines() if re.search(r"WARNING|ERROR", line)]
    # jupyter-book writes index.html as a redirect to the root page.
    root_page = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    index = output / "_build" / "singlehtml" / f"{root_page}.html"
    if proc.returncode != 0 or warnings or not index.exists():
        raise SystemExit(f"The single-page build of the {edition} edition failed:\n" + log[-4000:])
    return index


# The code that turns the single page into the PDF: a change to it prints again.
PRINTING_CODE = ("pdf.py", "pdf_contents.py", "pdf_accessible.py", "pdf_artifacts.py", "browser.py", "portable.py")


def print_stamp(single_page: Path) -> str:
    """A hash of everything the PDF is printed from: the single page's folder (its
    files, not Sphinx's caches), the build date, and the printing code."""
    digest = hashlib.sha256(f"epoch {build_epoch()}\n".encode())
    here = Path(__file__).resolve().parent
    inputs = [(f"code/{name}", here / name) for name in PRINTING_CODE]
    inputs += [(path.relative_to(single_page).as_posix(), path) for path in sorted(single_page.rglob("*"))
               if path.is_file() and not path.relative_to(single_page).parts[0].startswith(".")]
    for name, path in inputs:
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".stamp")


def print_is_current(target: Path, stamp: str) -> bool:
    """The PDF exists and was printed from exactly these inputs."""
    recorded = stamp_path(target)
    return target.is_file() and recorded.is_file() and recorded.read_text(encoding="utf-8").strip() == stamp


def footer_template(edition: str, date: str) -> str:
    label = EDITION_LABELS[edition]
    return (
        '<div style="font-size:8px;width:100%;margin:0 15mm;display:flex;justify-content:space-between;'
        'font-family:sans-serif;color:#333">'
        f"<span>Co-production in Mental Health \u00b7 {label} \u00b7 built {date}</span>"
        '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
    )


def print_pdf(index: Path, target: Path, edition: str, browser=None, contents: list[dict] | None = None,
              finish: bool = True) -> list[str]:
    """Print index.html to target; return the requests that were refused.

    ``browser`` lets a caller that already drives chromium (the tests) lend it.
    ``contents`` (dicts with doc, title, depth, page) adds a contents page first.
    ``finish=False`` skips the PDF/UA finishing (for a print only read for its
    page numbers).
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                return print_pdf(index, target, edition, chromium, contents, finish)
            finally:
                chromium.close()

    from_here = index.parent.resolve().as_uri()
    refused: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith((from_here, "data:", "blob:", "about:")):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    date = build_date().date().isoformat()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/*", guard)
        page.goto(index.resolve().as_uri(), wait_until="load")
        page.add_style_tag(content=BOOK_CSS)
        # Open every collapsed block (dropdowns, toggles): paper cannot be clicked.
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        if contents:
            page.evaluate(CONTENTS_SCRIPT, contents)
        page.evaluate("document.fonts.ready")
        page.emulate_media(media="print")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target), format="A4", print_background=False, prefer_css_page_size=True,
            display_header_footer=True, header_template="<span></span>",
            footer_template=footer_template(edition, date),
            margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
            tagged=True, outline=True,
        )
    finally:
        context.close()
    fix_dates(target)
    if finish:
        from course_tools import pdf_accessible

        pdf_accessible.finish(target, build_date())
    return refused



def fix_dates(pdf: Path) -> None:
    """Replace the creation/modification dates with the build date, in place.

    Chromium writes the wall-clock time; the replacement has the same length, so
    the cross-reference offsets stay valid and nothing else moves.
    """
    stamp = build_date().strftime("D:%Y%m%d%H%M%S")
    data = pdf.read_bytes()
    pattern = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})")
    found = pattern.findall(data)
    if not found:
        raise SystemExit(f"{pdf}: no /CreationDate in the PDF; Chromium's output changed, update fix_dates")
    data = pattern.sub(lambda m: b"/" + m.group(1) + b" (" + stamp.encode(), data)
    pdf.write_bytes(renumber_structure_ids(data))


def renumber_structure_ids(data: bytes) -> bytes:
    """Make the tagged structure's element IDs independent of DOM timing.

    Chromium names each structure element after its DOM node ("node00000319"),
    and node numbers shift when scripts create nodes in a different order. The
    IDs are replaced by their rank (same width, so no offset moves; same order,
    so the /IDTree stays sorted); every occurrence gets the same new name.
    """
    pattern = re.compile(rb"\(node(\d{8})\)")
    ranks = {old: b"%08d" % rank for rank, old in enumerate(sorted(set(pattern.findall(data)), key=int))}
    return pattern.sub(lambda m: b"(node" + ranks[m.group(1)] + b")", data)


def build_pdf(edition: str, output: Path, force: bool = False) -> Path:
    index = build_single_page(edition, output / edition)
    target = output / pdf_name(edition)
    stamp = print_stamp(index.parent)
    if not force and print_is_current(target, stamp):
        print(f"{target} is up to date: the single page it is printed from has not changed", flush=True)
        return target
    stamp_path(target).unlink(missing_ok=True)  # a print that fails half-way must not look current
    entries = contents_entries(edition)
    # First print: placeholders as wide as the numbers will be; then the real ones.
    numbers = ["999"] * len(entries)
    refused: list[str] = []
    for _attempt in range(3):
        contents = [dict(e, page=str(n)) for e, n in zip(entries, numbers)]
        refused += print_pdf(index, target, edition, contents=contents, finish=False)
        found = [str(n) for n in contents_page_numbers(target, entries)]
        if found == numbers:
            break
        numbers = found
    else:
        raise SystemExit(f"The {edition} contents page numbers did not settle: {numbers}")
    from course_tools import pdf_accessible

    pdf_accessible.finish(target, build_date())
    if refused:
        raise SystemExit(f"The {edition} book asked other hosts for: {sorted(set(refused))}")
    stamp_path(target).write_text(stamp + "\n", encoding="utf-8")
    print(f"Wrote {target} ({target.stat().st_size // 1024} kB)", flush=True)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_tools pdf", description=__doc__.splitlines()[0])
    parser.add_argument("editions", nargs="+", choices=["student", "tutor"])
    parser.add_argument("--output", type=Path, default=ROOT / "_build" / "pdf")
    parser.add_argument("--force", action="store_true", help="print even when the PDF is up to date")
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(build_date().timestamp())))
    for edition in args.editions:
        build_pdf(edition, args.output, args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
