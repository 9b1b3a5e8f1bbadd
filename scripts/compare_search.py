"""Compare the course's search (Pagefind) with Sphinx's built-in search on real queries.

For each query, prints the top five pages each engine returns, in a real browser
(Debian chromium, Playwright) against a built site. Sphinx's search is read from
``search.html?q=`` as a student would see it; Pagefind's from its JavaScript API
(``pagefind/pagefind.js``), which the course's search page uses. Sphinx always writes
``searchindex.js``; Pagefind's index is made here, on a copy of the site, indexing
each page's article only, so that navigation text does not match every page. The
course chose Sphinx's search, loaded on the search page only (README of
``_ext/course_speed.py``), so Pagefind is not pinned: install it to rerun this
comparison (``.venv/bin/pip install "pagefind[bin]==1.5.2"``).

Usage::

    .venv/bin/python scripts/compare_search.py --site _build/html
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402
from lighthouse_bench import serve  # noqa: E402

QUERIES = ["reciprocity", "Cahn", "doing with", "four barriers", "ladder of participation",
           "survivor critique", "time banking", "tokenism"]


def sphinx_results(page, base: str, query: str) -> list[str]:
    """Sphinx's search page, as the theme's search box submits to it."""
    page.goto(f"{base}/search.html?q={query}", wait_until="load")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results p.search-summary, #search-results .search-summary');"
        " return s && !/Preparing|Searching/.test(s.textContent); }",
        timeout=20000,
    )
    return page.eval_on_selector_all(
        "#search-results ul.search li > a", "els => els.map(a => a.getAttribute('href').split('?')[0])"
    )


def pagefind_results(page, base: str, query: str) -> list[str]:
    page.goto(f"{base}/search.html", wait_until="load")
    return page.evaluate(
        """async ([base, q]) => {
            const pf = await import(base + '/pagefind/pagefind.js');
            const found = await pf.search(q);
            const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
            return data.map(d => d.url.replace(/^\\//, ''));
        }""",
        [base, query],
    )


def with_pagefind_index(site: Path) -> Path:
    """A copy of the site with a Pagefind index of every page's article."""
    copy = Path(tempfile.mkdtemp(prefix="course-pagefind-")) / "html"
    shutil.copytree(site, copy)
    for html in copy.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        html.write_text(text.replace('<article class="bd-article"', '<article data-pagefind-body class="bd-article"'),
                        encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy)], check=True, capture_output=True)
    return copy


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("queries", nargs="*", default=QUERIES)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    site = with_pagefind_index(args.site)
    server, base = serve(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            for query in args.queries:
                print(f"\nquery: {query!r}")
                for name, engine in (("sphinx", sphinx_results), ("pagefind", pagefind_results)):
                    try:
                        hits = engine(page, base, query)
                    except Exception as exc:  # an engine missing from this build
                        print(f"  {name:<9} (not available: {str(exc).splitlines()[0][:80]})")
                        continue
                    print(f"  {name:<9} {len(hits):>3} hit(s): " + ", ".join(hits[:5]))
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
