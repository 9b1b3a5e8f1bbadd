"""Print the whole course to one PDF per edition.

    python scripts/pdf.py student [tutor ...] [--output DIR]      # = make pdf

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
   of one commit give the same bytes (scripts/portable_common.py: build_date).

The PDFs land in DIR (default ``_build/pdf``) as ``co-production-in-mental-health-
<edition>.pdf``; ``make pdf`` also copies the student one into the built site,
whose pages link to it.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from course_tools import editions  # noqa: E402
from portable_common import EDITION_LABELS, build_date, pdf_name  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

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
"""


def _jupyter_book() -> str:
    local = ROOT / ".venv" / "bin" / "jupyter-book"
    return str(local) if local.exists() else "jupyter-book"


def edition_files(edition: str) -> tuple[dict, dict]:
    """(toc, config) for the edition, with the print extension added."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    if edition == "tutor":
        toc = editions.tutor_toc(toc)
        config = editions.tutor_config(config)
    sphinx = config.setdefault("sphinx", {})
    local = dict(sphinx.get("local_extensions") or {})
    local = {name: str((ROOT / path).resolve()) for name, path in local.items()}
    local["course_print_edition"] = str((ROOT / "_ext").resolve())
    sphinx["local_extensions"] = local
    return toc, config


def build_single_page(edition: str, output: Path) -> Path:
    """Build the edition with the singlehtml builder; return its index.html."""
    toc, config = edition_files(edition)
    with tempfile.TemporaryDirectory(prefix=f"course-pdf-{edition}-") as tmp:
        toc_path, config_path = Path(tmp) / "_toc.yml", Path(tmp) / "_config.yml"
        header = "# Generated by scripts/pdf.py; do not edit.\n"
        toc_path.write_text(header + yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
        config_path.write_text(header + yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        cmd = [
            _jupyter_book(), "build", str(ROOT), "--builder", "singlehtml", "-W", "-n", "--keep-going",
            "--toc", str(toc_path), "--config", str(config_path), "--path-output", str(output),
        ]
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


def footer_template(edition: str, date: str) -> str:
    label = EDITION_LABELS[edition]
    return (
        '<div style="font-size:8px;width:100%;margin:0 15mm;display:flex;justify-content:space-between;'
        'font-family:sans-serif;color:#333">'
        f"<span>Co-production in Mental Health \u00b7 {label} \u00b7 built {date}</span>"
        '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
    )


def print_pdf(index: Path, target: Path, edition: str, browser=None) -> list[str]:
    """Print index.html to target; return the requests that were refused.

    ``browser`` lets a caller that already drives chromium (the tests) lend it.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
            try:
                return print_pdf(index, target, edition, chromium)
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
    return refused


def _chromium() -> str:
    import shutil

    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("Debian's chromium is not installed: run `make setup` (scripts/bootstrap.sh)")


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


def build_pdf(edition: str, output: Path) -> Path:
    index = build_single_page(edition, output / edition)
    target = output / pdf_name(edition)
    refused = print_pdf(index, target, edition)
    if refused:
        raise SystemExit(f"The {edition} book asked other hosts for: {sorted(set(refused))}")
    print(f"Wrote {target} ({target.stat().st_size // 1024} kB)", flush=True)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("editions", nargs="+", choices=["student", "tutor"])
    parser.add_argument("--output", type=Path, default=ROOT / "_build" / "pdf")
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(build_date().timestamp())))
    for edition in args.editions:
        build_pdf(edition, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
