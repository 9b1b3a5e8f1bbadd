"""Finish a PDF that Chromium printed so PDF/UA checkers accept it (course_tools/pdf.py).

Chromium's tagged PDF lacks four things a PDF/UA-1 checker asks for; this adds
them with pikepdf, deterministically (same input bytes, same output bytes):

* XMP metadata: ``pdfuaid:part`` 1, ``dc:title``, ``dc:language`` and the build
  date (never the clock), and ``/DisplayDocTitle`` so readers show the title;
* a ``/RoleMap`` entry for each non-standard structure type Chromium writes
  (``Strong`` and ``Em``) to a standard one (``Span``);
* a ``/Contents`` description on every link annotation from its destination
  ("Link to https://…", "Go to <section title> (page N)": the bookmark at the
  link's target, else its page);
* the running footer, which Chromium draws outside any marked content, wrapped
  in ``/Artifact BMC … EMC`` so no text is left neither tagged nor an artifact
  (course_tools/pdf_artifacts.py).

The file is saved with a deterministic ``/ID`` (a hash of its content) and no
pikepdf-added dates, so two builds of one commit still give the same bytes.
"""
from __future__ import annotations

import bisect
import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Name

from course_tools.pdf_artifacts import mark_untagged_text_as_artifact

# Structure types Chromium writes that are not among PDF 1.7's standard ones,
# mapped to the standard type a reader should treat them as.
ROLE_MAP = {"Strong": "Span", "Em": "Span"}


def xmp_packet(title: str, language: str, date: dt.datetime, producer: str) -> bytes:
    stamp = date.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    t, lang, prod = escape(title), escape(language), escape(producer)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
   <xmp:CreatorTool>{prod}</xmp:CreatorTool>
   <pdf:Producer>{prod}</pdf:Producer>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>""".encode("utf-8")


def add_metadata(pdf: pikepdf.Pdf, title: str, date: dt.datetime) -> None:
    root = pdf.Root
    language = str(root.get("/Lang", "en"))
    producer = str(pdf.docinfo.get("/Producer", "Chromium"))
    pdf.docinfo[Name.Title] = title
    stream = pikepdf.Stream(pdf, xmp_packet(title, language, date, producer))
    stream[Name.Type] = Name.Metadata
    stream[Name.Subtype] = Name.XML
    root[Name.Metadata] = pdf.make_indirect(stream)
    prefs = root.get("/ViewerPreferences") or pikepdf.Dictionary()
    prefs[Name.DisplayDocTitle] = True
    root[Name.ViewerPreferences] = prefs


def add_role_map(pdf: pikepdf.Pdf) -> None:
    tree = pdf.Root.StructTreeRoot
    role_map = tree.get("/RoleMap") or pikepdf.Dictionary()
    for custom, standard in ROLE_MAP.items():
        role_map[Name("/" + custom)] = Name("/" + standard)
    tree[Name.RoleMap] = role_map


# --- links ----------------------------------------------------------------------------

def _page_index(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    return {page.obj.objgen: number for number, page in enumerate(pdf.pages)}


def _top(dest) -> float:
    """The top coordinate of an explicit /XYZ destination (0 when it has none)."""
    try:
        return float(dest[3]) if len(dest) > 3 else 0.0
    except (TypeError, ValueError):
        return 0.0


def _outline_positions(pdf: pikepdf.Pdf) -> list[tuple[tuple[int, float], str]]:
    """Every bookmark as ((page index, -top), title), in reading order."""
    pages = _page_index(pdf)
    out: list[tuple[tuple[int, float], str]] = []
    with pdf.open_outline() as outline:
        stack = list(outline.root)
        while stack:
            item = stack.pop()
            stack.extend(item.children)
            dest = item.destination
            if isinstance(dest, (str, pikepdf.String, pikepdf.Name)):
                dest = _named_dest(pdf, dest)
            if isinstance(dest, pikepdf.Array) and len(dest) >= 1 and dest[0].objgen in pages:
                out.append(((pages[dest[0].objgen], -_top(dest)), item.title))
    return sorted(out)


# A link's target is named after the first bookmark at most this far (points)
# below it (an id often sits just above its heading's text), else after the last
# bookmark above it: the section the target is in.
HEADING_SLACK = 100.0


def _section_at(positions, page: int, top: float) -> str | None:
    start = bisect.bisect_left(positions, ((page, -top), ""))
    if start < len(positions):
        (near_page, near_y), title = positions[start]
        if near_page == page and -near_y >= top - HEADING_SLACK:
            return title
    return positions[start - 1][1] if start > 0 else None


def _named_dest(pdf: pikepdf.Pdf, name) -> pikepdf.Array | None:
    """The explicit destination a named one stands for (Chromium: /Dests by /Name)."""
    dest = None
    if isinstance(name, pikepdf.Name):
        dests = pdf.Root.get("/Dests")
        dest = dests.get(name) if isinstance(dests, pikepdf.Dictionary) else None
    else:
        try:
            dest = pikepdf.NameTree(pdf.Root.Names.Dests).get(str(name))
        except (AttributeError, KeyError):
            dest = None
    if isinstance(dest, pikepdf.Dictionary):
        dest = dest.get("/D")
    return dest


def describe_links(pdf: pikepdf.Pdf) -> None:
    pages = _page_index(pdf)
    titles = _outline_positions(pdf)
    for page in pdf.pages:
        for annot in page.obj.get("/Annots") or []:
            if annot.get("/Subtype") != Name.Link or str(annot.get("/Contents", "")).strip():
                continue
            annot[Name.Contents] = pikepdf.String(_link_description(pdf, annot, pages, titles))


def _link_description(pdf, annot, pages, titles) -> str:
    action = annot.get("/A")
    if isinstance(action, pikepdf.Dictionary) and action.get("/S") == Name.URI:
        return f"Link to {action.URI}"
    dest = annot.get("/Dest")
    if dest is None and isinstance(action, pikepdf.Dictionary) and action.get("/S") == Name.GoTo:
        dest = action.get("/D")
    if isinstance(dest, (pikepdf.String, str, pikepdf.Name)):
        dest = _named_dest(pdf, dest)
    if isinstance(dest, pikepdf.Array) and len(dest) >= 1 and dest[0].is_indirect:
        number = pages.get(dest[0].objgen, -1)
        y = _top(dest)
        title = _section_at(titles, number, y)
        if title:
            return f"Go to {title} (page {number + 1})"
        return f"Go to page {number + 1}"
    return "Link"


def finish(path: Path, date: dt.datetime, title: str | None = None) -> None:
    """Apply every fix to the PDF at path, in place, reproducibly.

    The title defaults to the one Chromium took from the page's <title>.
    """
    with pikepdf.open(path) as pdf:
        title = title or str(pdf.docinfo.get("/Title", "")) or path.stem
        add_metadata(pdf, title, date)
        add_role_map(pdf)
        mark_untagged_text_as_artifact(pdf)
        describe_links(pdf)
        tmp = path.with_suffix(".tmp.pdf")
        # Object streams pack the 39,000 structure elements' dictionaries: the student
        # book goes from 9.3 to 4.2 MB, a smaller download on a phone (PDF 1.5 and later
        # read them; PDF/UA-1 is PDF 1.7).
        pdf.save(tmp, deterministic_id=True, compress_streams=True, fix_metadata_version=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    tmp.replace(path)
