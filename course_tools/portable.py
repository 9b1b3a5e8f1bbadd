"""What the take-away outputs (PDF, EPUB, LMS packages, offline zip) share: names,
the edition labels, the published address, one build date, the tables of contents,
and the one deterministic zip writer with the site's files to put in it.

The build date is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds
convention), else the date of the last commit, else 2026-01-01: never the clock,
so building one commit twice gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SLUG = "co-production-in-mental-health"
EDITION_LABELS = {"student": "Student edition", "tutor": "Tutor edition"}
FALLBACK_EPOCH = 1767225600  # 2026-01-01T00:00:00Z, when there is no git history


def build_epoch() -> int:
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return FALLBACK_EPOCH


def build_date() -> dt.datetime:
    return dt.datetime.fromtimestamp(build_epoch(), tz=dt.timezone.utc)


def pdf_name(edition: str) -> str:
    return f"{SLUG}-{edition}.pdf"


def book_config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def published_url(edition: str = "student") -> str:
    """The edition's published address, ending in "/", or "" while the publisher has not set it.

    It is one of the publishing settings (``publishing:`` in _config.yml, see
    course_tools/publishing.py); a placeholder is refused there.
    """
    from course_tools import publishing

    return publishing.load(ROOT / "_config.yml").edition_url(edition)


def edition_toc(edition: str) -> dict:
    """The edition's table of contents (the tutor one derived as course_tools.editions does)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    if edition == "tutor":
        from course_tools import editions

        toc = editions.tutor_toc(toc)
    return toc


def page_title(page: str) -> str:
    """The first level-1 heading of a page's source (.md or .ipynb)."""
    md, nb = ROOT / f"{page}.md", ROOT / f"{page}.ipynb"
    if md.exists():
        lines = md.read_text(encoding="utf-8").splitlines()
    else:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        lines = [line for c in cells if c["cell_type"] == "markdown" for line in "".join(c["source"]).splitlines()]
    for line in lines:
        if line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"{page} has no level-1 heading")


def print_edition_files(edition: str) -> tuple[dict, dict]:
    """(toc, config) for printing the edition (PDF, EPUB): the edition's own toc and
    config plus ``_ext/course_print_edition.py``, which draws each widget as a
    printed form from its saved state."""
    from course_tools import editions

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    config = book_config()
    if edition == "tutor":
        toc = editions.tutor_toc(toc)
        config = editions.tutor_config(config)
    sphinx = config.setdefault("sphinx", {})
    local = {name: str((ROOT / path).resolve()) for name, path in (sphinx.get("local_extensions") or {}).items()}
    local["course_print_edition"] = str((ROOT / "_ext").resolve())
    sphinx["local_extensions"] = local
    # The print extension adds the self-check answer key to the tutor book only.
    sphinx.setdefault("config", {})["course_edition"] = edition
    return toc, config


# --- the site's files in a zip: one writer for the offline zip, the LMS packages and the EPUB

# Files that only make sense at the site's own address: the service worker and its
# list. Packages (offline zip, LMS) leave them out, so no worker registers there.
SERVER_ONLY = {"course-sw.js", "offline-files.json"}


def site_files(site: Path, prefix: str = "") -> dict[str, bytes]:
    """The site's files for a package (never the service worker: see SERVER_ONLY)."""
    out = {}
    for path in sorted(site.rglob("*")):
        if path.relative_to(site).as_posix() in SERVER_ONLY:
            continue
        if path.is_file() and not path.name.startswith(".") and "/.doctrees/" not in path.as_posix():
            out[prefix + path.relative_to(site).as_posix()] = path.read_bytes()
    return out


def write_zip(target: Path, files: dict[str, bytes], *, stored_first: tuple[str, bytes] | None = None,
              compresslevel: int | None = None) -> Path:
    """Write files (archive path -> bytes) sorted, dated with the build date, mode 0644,
    so one commit gives the same bytes. ``stored_first`` is one entry written first and
    uncompressed (EPUB's ``mimetype``); ``compresslevel`` None is zlib's default."""
    stamp = max(build_date().timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # zip dates start in 1980
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            info = zipfile.ZipInfo(stored_first[0], date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, stored_first[1])
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, files[name], compresslevel=compresslevel)
    tmp.replace(target)
    return target
