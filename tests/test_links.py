"""Internal links of the built student edition (issue 6).

A crawl starts at index.html and follows every internal ``<a href>`` (and the
index page's meta refresh and the search form's action). Every target must exist and every ``#fragment`` must be
an ``id`` (or ``name``) on the target page. External links are collected, printed
and written to ``external-links.txt`` beside the build, never fetched here: the
weekly ``.github/workflows/linkcheck.yml`` checks them where the internet is reachable.
"""
from __future__ import annotations

import posixpath
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

EXTERNAL_SCHEMES = {"http", "https", "mailto", "ftp", "tel"}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        if tag == "form" and attrs.get("action"):  # the search box leads to search.html
            self.links.append(attrs["action"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            content = attrs.get("content") or ""
            if "url=" in content.lower():
                self.links.append(content[content.lower().index("url=") + 4:].strip("'\" "))


class SiteCrawl:
    """Crawl the static site on disk (no server needed: the links are relative)."""

    def __init__(self, site: Path):
        self.site = site
        self.pages: dict[str, _PageParser] = {}
        self.broken: list[str] = []
        self.external: dict[str, set[str]] = defaultdict(set)

    def parse(self, rel: str) -> _PageParser:
        if rel not in self.pages:
            parser = _PageParser()
            parser.feed((self.site / rel).read_text(encoding="utf-8", errors="replace"))
            self.pages[rel] = parser
        return self.pages[rel]

    def resolve(self, page: str, href: str) -> tuple[str, str] | None:
        """Return (site-relative path, fragment) of an internal link, or None if external."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        target, fragment = urldefrag(href)
        path = unquote(urlsplit(target).path)
        if not path:
            rel = page
        else:
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if path.endswith("/"):
                rel = posixpath.join(rel, "index.html")
        return rel, unquote(fragment)

    def run(self, start: str = "index.html") -> None:
        queue, seen = [start], {start}
        fragments: list[tuple[str, str, str]] = []
        while queue:
            page = queue.pop()
            for href in self.parse(page).links:
                href = href.strip()
                if not href or href.startswith(("javascript:", "data:", "blob:")):
                    continue
                scheme = urlsplit(href).scheme.lower()
                if scheme in EXTERNAL_SCHEMES or href.startswith("//"):
                    self.external[href].add(page)
                    continue
                resolved = self.resolve(page, href)
                if resolved is None:
                    self.external[href].add(page)
                    continue
                rel, fragment = resolved
                if rel.startswith("..") or not (self.site / rel).is_file():
                    self.broken.append(f"{page}: {href} -> {rel} does not exist")
                    continue
                if rel.endswith(".html"):
                    if fragment:
                        fragments.append((page, href, rel + "#" + fragment))
                    if rel not in seen:
                        seen.add(rel)
                        queue.append(rel)
        for page, href, target in fragments:
            rel, fragment = target.split("#", 1)
            if fragment not in self.parse(rel).ids:
                self.broken.append(f"{page}: {href} -> no id {fragment!r} on {rel}")


@pytest.fixture(scope="module")
def crawl(site: Path) -> SiteCrawl:
    result = SiteCrawl(site)
    result.run()
    return result


def test_no_broken_internal_link_or_fragment(crawl):
    assert crawl.pages, "the crawl found no page"
    assert crawl.broken == [], f"{len(crawl.broken)} broken internal link(s):\n" + "\n".join(sorted(set(crawl.broken)))


def test_every_page_in_the_book_is_reached(site: Path, crawl):
    """Every built page is reachable by following links from the front page."""
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts}
    unreached = sorted(built - set(crawl.pages) - {"genindex.html"})
    assert unreached == [], "pages no link leads to:\n" + "\n".join(unreached)


def test_external_links_are_listed(site: Path, crawl):
    """Not fetched (the tests run offline): listed for the weekly linkcheck workflow."""
    lines = [f"{url}\t{', '.join(sorted(pages))}" for url, pages in sorted(crawl.external.items())]
    (site.parent / "external-links.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\n{len(lines)} external link(s) (written to {site.parent / 'external-links.txt'}):")
    for url in sorted(crawl.external):
        print("  " + url)
    for url in crawl.external:
        assert not url.startswith("http://127.0.0.1") and "localhost" not in url, f"a link points at a local server: {url}"
