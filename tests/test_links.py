"""Internal links of the built student edition (issue 6).

A crawl starts at index.html and follows every internal ``<a href>`` (and the
index page's meta refresh and the search form's action). Every target must exist and every ``#fragment`` must be
an ``id`` (or ``name``) on the target page. External links are never fetched here
(the weekly ``.github/workflows/linkcheck.yml`` does that, where the internet is
reachable); they are written to ``external-links.txt`` beside the build, and checked
for what can be checked offline: each is a well-formed address on a public host (not
a local server), and each link into the course's own repository (the repository,
Binder and Colab buttons) names a file that exists in this checkout on the branch
that ``_config.yml`` names.
"""
from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urldefrag, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent

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


def _repository() -> tuple[str, str]:
    """(owner/name, branch) of the repository publishing: in _config.yml names ("" if unset)."""
    from course_tools import publishing

    settings = publishing.load(ROOT / "_config.yml")
    return urlsplit(settings.repository).path.strip("/").removesuffix(".git"), settings.branch


def _repository_file(url: str, repo: str, branch: str) -> str | None:
    """The file in this repository that a repository, Binder or Colab link opens, if any."""
    parts = urlsplit(url)
    if parts.netloc in {"github.com", "colab.research.google.com"}:
        path = parts.path.removeprefix("/github") if parts.netloc.startswith("colab") else parts.path
        match = re.fullmatch(rf"/{re.escape(repo)}/blob/([^/]+)/(.+)", path)
        return f"{match.group(1)}:{unquote(match.group(2))}" if match else None
    if parts.netloc == "mybinder.org" and parts.path.startswith(f"/v2/gh/{repo}/"):
        ref = parts.path.removeprefix(f"/v2/gh/{repo}/")
        urlpath = parse_qs(parts.query).get("urlpath", [""])[0]
        match = re.fullmatch(r"(?:lab/tree|tree|notebooks)/(.+)", urlpath)
        return f"{ref}:{unquote(match.group(1))}" if match else None
    return None


def external_link_problems(urls, root: Path = ROOT, repository: tuple[str, str] | None = None) -> list[str]:
    """What is wrong with external links, as far as can be told without fetching them."""
    repo, branch = repository or _repository()
    problems = []
    for url in sorted(urls):
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme == "mailto":
            if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", parts.path, flags=re.I):
                problems.append(f"{url}: not an e-mail address")
            continue
        if parts.scheme not in {"http", "https"} or re.search(r"\s", url):
            problems.append(f"{url}: not a web address")
        elif host in {"localhost", "0.0.0.0"} or host.startswith("127.") or host.endswith(".local"):
            problems.append(f"{url}: points at a local server")
        elif "." not in host or not re.fullmatch(r"[a-z0-9.-]+", host):
            problems.append(f"{url}: {host!r} is not a public host name")
        target = _repository_file(url, repo, branch)
        if target:
            ref, path = target.split(":", 1)
            if ref != branch:
                problems.append(f"{url}: opens branch {ref!r}, but _config.yml names {branch!r}")
            if not (root / path).is_file():
                problems.append(f"{url}: {path} is not a file in this repository")
    return problems


def test_external_link_checks_catch_bad_links(tmp_path: Path):
    """The offline checks below can fail: each of these links is reported."""
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "there.ipynb").write_text("{}", encoding="utf-8")
    repo = ("owner/course", "main")
    good = [
        "https://doi.org/10.1000/xyz",
        "mailto:team@example.org",
        "https://github.com/owner/course/blob/main/chapters/there.ipynb",
        "https://colab.research.google.com/github/owner/course/blob/main/chapters/there.ipynb",
        "https://mybinder.org/v2/gh/owner/course/main?urlpath=lab/tree/chapters/there.ipynb",
    ]
    bad = [
        "http://127.0.0.1:8000/intro.html",
        "http://localhost/x",
        "https://exa mple.org/",
        "https://intranet/page",
        "ftp://example.org/file",
        "mailto:nobody",
        "https://github.com/owner/course/blob/main/chapters/gone.ipynb",
        "https://colab.research.google.com/github/owner/course/blob/old/chapters/there.ipynb",
        "https://mybinder.org/v2/gh/owner/course/main?urlpath=lab/tree/chapters/gone.ipynb",
    ]
    assert external_link_problems(good, tmp_path, repo) == []
    problems = external_link_problems(bad, tmp_path, repo)
    assert [url for url in bad if not any(p.startswith(url + ":") for p in problems)] == []


def test_external_links_are_well_formed_and_open_files_that_exist(site: Path, crawl):
    """Not fetched (the tests run offline): checked offline, and listed for the weekly linkcheck workflow."""
    lines = [f"{url}\t{', '.join(sorted(pages))}" for url, pages in sorted(crawl.external.items())]
    (site.parent / "external-links.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\n{len(lines)} external link(s) (written to {site.parent / 'external-links.txt'})")
    repo, _ = _repository()
    # The crawl does see external links: with a repository set, its button is on every
    # page; without one (the default, issue 20) the citations still link out.
    if repo:
        assert any(url.rstrip("/").endswith(f"github.com/{repo}") for url in crawl.external), sorted(crawl.external)
    else:
        assert crawl.external and not any("btn-source" in url for url in crawl.external)
    problems = external_link_problems(crawl.external)
    assert problems == [], "\n".join(problems)
