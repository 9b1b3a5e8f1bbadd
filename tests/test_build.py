"""The book builds with -W -n and no warning, and its pages load nothing from another host."""
from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import coproduction_course
from conftest import load_page

PACKAGE_STATIC = Path(coproduction_course.__file__).parent / "static"


def test_build_prints_no_warning(built_book):
    assert built_book.returncode == 0, built_book.log[-4000:]
    assert built_book.warnings == [], "\n".join(built_book.warnings)


class _ResourceParser(HTMLParser):
    """Collects the addresses a browser would fetch on page load."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower()
            if any(r in rel for r in ("stylesheet", "preload", "icon", "modulepreload", "prefetch", "manifest")):
                self.urls.append(attrs["href"])
        if tag == "object" and attrs.get("data"):
            self.urls.append(attrs["data"])


def _is_foreign(url: str) -> bool:
    parsed = urlparse(url.strip())
    return parsed.scheme in {"http", "https"} or url.strip().startswith("//")


def test_no_page_or_stylesheet_names_another_host(site: Path):
    problems = []
    for html in site.rglob("*.html"):
        parser = _ResourceParser()
        parser.feed(html.read_text(encoding="utf-8", errors="replace"))
        problems += [f"{html.relative_to(site)}: {u}" for u in parser.urls if _is_foreign(u)]
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8", errors="replace")):
            if _is_foreign(url):
                problems.append(f"{css.relative_to(site)}: {url}")
        for url in re.findall(r"@import\s+['\"]([^'\"]+)", css.read_text(encoding="utf-8", errors="replace")):
            if _is_foreign(url):
                problems.append(f"{css.relative_to(site)}: {url}")
    assert problems == []


def test_every_page_loads_only_from_the_site(site: Path, site_url, page):
    """Load every built page in chromium: no request may leave the local server."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)
    assert len(pages) > 5
    for rel in pages:
        load_page(page, f"{site_url}/{rel}")
    assert page.foreign_requests == []


def _loaded_files(site: Path) -> set[str]:
    """Site-relative paths of every file a built page loads (scripts, stylesheets, icons...)."""
    loaded = set()
    for html in site.rglob("*.html"):
        parser = _ResourceParser()
        parser.feed(html.read_text(encoding="utf-8", errors="replace"))
        folder = posixpath.dirname(html.relative_to(site).as_posix())
        for url in parser.urls:
            path = urlparse(url).path
            if path and not _is_foreign(url):
                loaded.add(posixpath.normpath(posixpath.join(folder, path)))
    return loaded


def test_published_scripts_are_loaded_and_no_build_bookkeeping_is_published(site: Path):
    """Every script at the top of _static/, every file copied there from the course
    package's static folder and every widget bundle (_static/course-widgets/) is loaded
    by some page; nothing else is published."""
    static = site / "_static"
    copied = {static / p.relative_to(PACKAGE_STATIC) for p in PACKAGE_STATIC.rglob("*") if p.is_file()}
    candidates = {p for p in [*static.glob("*.js"), *static.glob("course-widgets/*"), *copied] if p.is_file()}
    loaded = _loaded_files(site)
    assert "_static/widget-host.js" in loaded  # the check sees what pages load
    unused = sorted(p.relative_to(site).as_posix() for p in candidates if p.relative_to(site).as_posix() not in loaded)
    assert unused == [], ("published but loaded by no page (add the name to exclude_patterns in _config.yml, "
                          "or stop copying it):\n" + "\n".join(unused))
    stamps = sorted(p.relative_to(site).as_posix() for p in static.rglob("stamp.txt"))
    assert stamps == [], f"the build's own bookkeeping is published: {stamps}"
