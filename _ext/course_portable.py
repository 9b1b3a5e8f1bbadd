"""Portable course: edition line, PDF link, offline helper and learning log.

* Edition, build date and the whole-course PDF on every page (below).
* ``course-offline.js`` on every page and ``course-sw.js`` + ``offline-files.json``
  at the site root (see _ext/portable_static/): the service worker that keeps
  visited pages readable offline and can save the whole course on request.

Every page ends with one short line: which edition this is, the build date, and,
when the edition's PDF sits in the site (``make pdf`` copies it there before the
site is built), a link to it. The PDF's arrival or removal is a change to every
page: the build re-reads them all then (and only then), so ``make pdf`` rebuilds
the site incrementally rather than with ``--all``. The date is ``SOURCE_DATE_EPOCH`` or the last
commit's date (course_tools/portable.py), never the clock, so two builds of
one commit give the same pages.
"""
from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

from sphinx.application import Sphinx

from course_tools.portable import EDITION_LABELS, build_date, pdf_name

ROOT = Path(__file__).resolve().parent.parent


def edition_of(app: Sphinx) -> str:
    title = f"{app.config.html_title or ''} {app.config.project or ''}".lower()
    return "tutor" if "tutor edition" in title else "student"


def edition_line(app: Sphinx, pagename: str, pathto) -> str:
    edition = edition_of(app)
    parts = [f"{EDITION_LABELS[edition]}, built {build_date().date().isoformat()}."]
    pdf = pdf_name(edition)
    if pdf_in_site(app):
        href = html.escape(pathto(pdf, 1), quote=True)
        parts.append(f'<a href="{href}">The whole course as one PDF</a> (for print and offline reading).')
    return '<p class="course-edition">' + " ".join(parts) + "</p>"


def pdf_in_site(app: Sphinx) -> bool:
    return app.builder.name == "html" and (Path(app.outdir) / pdf_name(edition_of(app))).exists()


def pages_to_relink(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Every page, when the PDF has appeared in the site or gone since the last build.

    Sphinx knows nothing of the file, so without this an incremental build would
    leave unchanged pages without the link (or with a dead one)."""
    had_pdf = getattr(env, "course_pdf_in_site", False)  # an environment from before this hook: no link
    env.course_pdf_in_site = pdf_in_site(app)
    return sorted(env.found_docs) if env.course_pdf_in_site != had_pdf else []


def add_edition_line(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html" or app.builder.name == "singlehtml" or "body" not in context:
        return
    context["body"] += edition_line(app, pagename, context["pathto"])



STATIC = Path(__file__).resolve().parent / "portable_static"
SW_NAME = "course-sw.js"
LIST_NAME = "offline-files.json"


def add_static(app: Sphinx, config) -> None:
    config.html_static_path = list(config.html_static_path) + [str(STATIC)]


def add_scripts(app: Sphinx) -> None:
    if app.builder.name == "html":
        app.add_js_file("course-offline.js", defer="defer")


def write_offline_files(app: Sphinx, exception) -> None:
    """The service worker and the list of every file it saves for offline use."""
    if exception is not None or app.builder.name != "html":
        return
    out = Path(app.outdir)
    skip = {SW_NAME, LIST_NAME}
    files = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.name not in skip and not p.name.startswith(".")
        and not p.relative_to(out).as_posix().startswith(("_sources/", ".doctrees/"))
        and p.suffix != ".pdf"
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (out / name).read_bytes())
    version = digest.hexdigest()[:16]
    (out / LIST_NAME).write_text(json.dumps({"version": version, "files": files}, indent=0) + "\n", encoding="utf-8")
    worker = (STATIC / SW_NAME).read_text(encoding="utf-8")
    if "__COURSE_BUILD_VERSION__" not in worker:
        raise RuntimeError("course_portable: course-sw.js lost its version placeholder")
    (out / SW_NAME).write_text(worker.replace("__COURSE_BUILD_VERSION__", version), encoding="utf-8")
    # The worker's own source is not a page asset.
    static_copy = out / "_static" / SW_NAME
    if static_copy.exists():
        static_copy.unlink()


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", add_static)
    app.connect("builder-inited", add_scripts)
    app.connect("env-get-outdated", pages_to_relink)
    app.connect("html-page-context", add_edition_line)
    # Last (700): after course_css_purge rewrites the stylesheets (600), so the list's
    # version hashes the files as they are served.
    app.connect("build-finished", write_offline_files, priority=700)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
