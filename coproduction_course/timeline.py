"""Draw the course timeline (data/timeline.yml) as a figure and as a text table.

The figure is a vertical list, read from top to bottom in time order: each event
has its own row with its year, a marker for its strand, and its label written out
in words, so that nothing has to be looked up in a key and the text stays large
enough to read when a phone shrinks the picture to about 375 pixels wide. A note
row marks long gaps between events. Strands differ by marker shape and colour and
are named in a legend at the top, so colour is never the only signal. The same
numbers head the rows of :func:`events_table`, the figure's text alternative, and
:func:`text_description` says in words, from the same data, what the list holds.
Drawing uses matplotlib's Agg canvas with a fixed style and fixed geometry, so
the same data always gives the same picture. The page shows it as SVG
(:func:`figure_svg`) with its text kept as text: about 8 KB compressed, where the
PNG it replaced was 190 KB (issue 17, page weight).

    from coproduction_course.content import load
    from coproduction_course.timeline import draw_timeline, events_table
    events = load("timeline.yml")["events"]
    fig = draw_timeline(events)
    svg = figure_svg(fig, title="Timeline", description=text_description(events))
    print(events_table(events))
"""
from __future__ import annotations

import html
import io
import re
import textwrap
from typing import Any, Iterable

import matplotlib

matplotlib.use("Agg")  # never a GUI backend: the course draws figures headless

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

#: Strands in the order they are drawn (top row first), with their labels. Events are
#: sorted by kind, not by who made them: survivors' and critics' work sits among the
#: research and ideas or among organising and movements, beside everyone else's.
STRANDS: dict[str, str] = {
    "policy": "Law and policy",
    "ideas": "Research and ideas",
    "organising": "Organising and movements",
    "services": "Services and practice",
}

#: Marker shape per strand (square, circle, hexagon, diamond): a second signal besides colour.
MARKERS: dict[str, str] = {"policy": "s", "ideas": "o", "organising": "h", "services": "D"}
MARKER_NAMES: dict[str, str] = {"policy": "square", "ideas": "circle", "organising": "hexagon", "services": "diamond"}

#: Okabe-Ito colours, darkened where needed so white numbers keep a 4.5:1 contrast.
COLOURS: dict[str, str] = {
    "policy": "#B34700",
    "ideas": "#0072B2",
    "organising": "#A23B72",
    "services": "#007A5A",
}

#: Fixed style: nothing here depends on the user's matplotlibrc.
STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 12,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "svg.hashsalt": "coproduction-course",
    "path.simplify": False,
}

_MONTHS = {
    name: i
    for i, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july",
         "august", "september", "october", "november", "december"], start=1)
}
_SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}

#: Text sizes in points. At the default width (5 in at 100 dpi = 500 px) a phone
#: showing the picture 375 px wide scales it by 0.75, so 12 pt is about 12.5 px.
LABEL_PT = 12
YEAR_PT = 12
NOTE_PT = 11.5
LEGEND_PT = 12

#: An empty-years note row is added where consecutive events are this far apart.
GAP_YEARS = 5

# Geometry in inches (fixed; no automatic layout).
_YEAR_X = 0.12          # left edge of the year column
_MARKER_X = 0.98        # centre of the markers and of the vertical line
_TEXT_X = 1.22          # left edge of the labels
_RIGHT_PAD = 0.1
_LINE_IN = LABEL_PT * 1.3 / 72   # one line of label text
_ROW_GAP = 0.14         # space between rows
_NOTE_IN = 0.34         # height of a gap-note row
_TOP_IN = 0.25
_LEGEND_ROW_IN = 0.3
_MARKER_PT = {"o": 11, "s": 10, "D": 9, "h": 12}  # sizes that look alike on the page


def event_position(event: dict[str, Any]) -> float:
    """The event's place on the time axis: its year plus the month, if the date names one.

    "10 December 2007" -> 2007.96; "spring 2013" -> 2013.29; no date -> the middle
    of the year (2016.5), since only the year is known.
    """
    year = int(event["year"])
    date = str(event.get("date", "")).lower()
    for word in re.findall(r"[a-z]+", date):
        if word in _MONTHS:
            return year + (_MONTHS[word] - 0.5) / 12
        if word in _SEASONS:
            return year + (_SEASONS[word] - 0.5) / 12
    return year + 0.5


def numbered(events: Iterable[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """Events in time order (ties keep the data file's order), numbered from 1.

    The figure and the table both use these numbers.
    """
    indexed = list(enumerate(events))
    indexed.sort(key=lambda pair: (event_position(pair[1]), pair[0]))
    return [(n, event) for n, (_, event) in enumerate(indexed, start=1)]


def plain_label(label: str) -> str:
    """The label without Markdown emphasis marks (the figure draws plain text)."""
    return re.sub(r"\*+([^*]+)\*+", r"\1", str(label)).replace("*", "")


def _chars_per_line(width: float) -> int:
    """How many characters of label text fit on one line at ``width`` inches.

    DejaVu Sans averages a little over half an em per character; 0.56 em keeps
    wrapped lines inside the figure for the course's labels.
    """
    text_in = width - _TEXT_X - _RIGHT_PAD
    return max(16, int(text_in * 72 / (LABEL_PT * 0.56)))


def _rows(events: list[dict[str, Any]], width: float) -> list[dict[str, Any]]:
    """The figure's rows, top to bottom: gap notes and events with wrapped labels."""
    chars = _chars_per_line(width)
    rows: list[dict[str, Any]] = []
    previous: int | None = None
    for n, event in numbered(events):
        year = int(event["year"])
        if previous is not None and year - previous >= GAP_YEARS:
            rows.append({"kind": "gap", "text": f"{year - previous - 1} years with no event listed",
                         "height": _NOTE_IN})
        lines = textwrap.wrap(f"{n}. {plain_label(event['label'])}", width=chars, break_on_hyphens=False) or [""]
        rows.append({"kind": "event", "n": n, "event": event, "lines": lines,
                     "height": len(lines) * _LINE_IN + _ROW_GAP})
        previous = year
    return rows


def draw_timeline(events: list[dict[str, Any]], *, width: float = 5.0) -> Figure:
    """Draw the timeline and return the matplotlib Figure (Agg canvas, fixed style).

    ``width`` is in inches; the default keeps every text at least 12 px high when
    a phone shrinks the picture to about 375 pixels wide. The height grows with
    the number of events.
    """
    rows = _rows(events, width)
    legend_in = _LEGEND_ROW_IN * len(STRANDS) + 0.2
    height = _TOP_IN + legend_in + sum(r["height"] for r in rows) + 0.2
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), dpi=100)
        FigureCanvasAgg(fig)
        # One axes covering the whole figure, in inches from the top-left corner.
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, width)
        ax.set_ylim(height, 0)
        ax.set_axis_off()

        # Legend: the four strands, each with its marker shape and colour, in words.
        y = _TOP_IN
        for strand, label in STRANDS.items():
            shape = MARKERS[strand]
            ax.plot([_MARKER_X], [y], marker=shape, markersize=_MARKER_PT[shape],
                    color=COLOURS[strand], markeredgecolor="black", markeredgewidth=0.8,
                    linestyle="none")
            ax.text(_TEXT_X, y, f"{label} ({MARKER_NAMES[strand]})", va="center", ha="left",
                    fontsize=LEGEND_PT, color="#111111")
            y += _LEGEND_ROW_IN
        y += 0.2
        line_top = y

        for row in rows:
            if row["kind"] == "gap":
                ax.text(_TEXT_X, y + row["height"] / 2, row["text"], va="center", ha="left",
                        fontsize=NOTE_PT, fontstyle="italic", color="#444444")
                y += row["height"]
                continue
            event = row["event"]
            strand = event["strand"]
            shape = MARKERS[strand]
            first = y + _LINE_IN / 2
            ax.text(_YEAR_X, first, str(event["year"]), va="center", ha="left",
                    fontsize=YEAR_PT, fontweight="bold", color="#111111")
            ax.plot([_MARKER_X], [first], marker=shape, markersize=_MARKER_PT[shape],
                    color=COLOURS[strand], markeredgecolor="black", markeredgewidth=0.8,
                    linestyle="none", zorder=3, gid=f"event-{row['n']}")
            ax.text(_TEXT_X, y, "\n".join(row["lines"]), va="top", ha="left",
                    fontsize=LABEL_PT, linespacing=1.3, color="#111111")
            y += row["height"]
        # The spine of the timeline, behind the markers.
        ax.plot([_MARKER_X, _MARKER_X], [line_top, y - _ROW_GAP], color="#BBBBBB",
                linewidth=1.5, zorder=1)
    return fig


#: Fonts with DejaVu Sans's metrics first (the labels are wrapped for it), then wider
#: or similar ones, so a reader's browser without DejaVu keeps the text inside the picture.
SVG_FONTS = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif"


def figure_svg(fig: Figure, *, title: str, description: str) -> str:
    """The figure as a small SVG document, the same text for the same figure.

    Text stays text (``svg.fonttype: none``), not drawn glyphs, which keeps the
    file small and lets a reader select and search it. The picture carries its own
    accessible name and description (``<title>``, ``<desc>``, ``role="img"``) for
    readers who open it on its own; on the page the image's alternative text and
    the table below it say the same. Matplotlib's date, version and RDF metadata
    are left out, as are the no-op ``rotate(-0 ...)`` transforms it writes on every text.
    """
    buffer = io.BytesIO()
    with matplotlib.rc_context({**STYLE, "svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue().decode("utf-8")
    svg = svg[svg.index("<svg"):]  # no XML prolog or DOCTYPE: the SVG can sit in HTML too
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    svg = re.sub(r' transform="rotate\(-0 [^)]*\)"', "", svg)
    svg = svg.replace("font-family: 'DejaVu Sans'", f"font-family: {SVG_FONTS}")
    opening = svg.index(">") + 1
    named = (' role="img" aria-labelledby="timeline-title timeline-desc"' + svg[4:opening]
             + f'\n <title id="timeline-title">{html.escape(title)}</title>'
             + f'\n <desc id="timeline-desc">{html.escape(description)}</desc>')
    return svg[:4] + named + svg[opening:]


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def events_table(events: list[dict[str, Any]], *, cite_role: bool = True) -> str:
    """A Markdown table of the events, numbered as in the figure: its text alternative.

    Each row gives the number, the date, the strand and the event with its source,
    as a MyST ``{cite:p}`` role (or the plain bibliography key if ``cite_role`` is
    False) and any note in brackets.
    """
    lines = ["| No. | When | Strand | Event |", "| --- | --- | --- | --- |"]
    for n, event in numbered(events):
        when = event.get("date") or str(event["year"])
        source = f"{{cite:p}}`{event['cite']}`" if cite_role else f"[{event['cite']}]"
        text = f"{_cell(event['label'])} {source}"
        if event.get("note"):
            text += f" ({_cell(event['note']).rstrip('.')}.)"
        lines.append(f"| {n} | {_cell(when)} | {STRANDS[event['strand']]} | {text} |")
    return "\n".join(lines) + "\n"


def _when(event: dict[str, Any]) -> str:
    return str(event.get("date") or event["year"])


def text_description(events: list[dict[str, Any]]) -> str:
    """The figure in words, written from the data so that it cannot drift from it:
    how many events and years, the first and the last event, and each strand's count."""
    items = numbered(events)
    first, last = items[0][1], items[-1][1]
    counts = [(label, sum(e["strand"] == strand for e in events)) for strand, label in STRANDS.items()]
    strands = "; ".join(f"{label.lower()}, {n}" for label, n in counts if n)
    return (f"The list holds {len(items)} events, from {first['year']} to {last['year']}, in time order. "
            f"The first, from {_when(first)}: {plain_label(first['label'])}. "
            f"The last, from {_when(last)}: {plain_label(last['label'])}. "
            f"Events by strand: {strands}.")


def summary(events: list[dict[str, Any]]) -> str:
    """One line per strand: how many events and the years they span."""
    out = []
    for strand, label in STRANDS.items():
        years = sorted(int(e["year"]) for e in events if e["strand"] == strand)
        if years:
            out.append(f"{label} ({MARKER_NAMES[strand]}s): {len(years)} events, {years[0]}-{years[-1]}")
        else:
            out.append(f"{label} ({MARKER_NAMES[strand]}s): no events")
    return "\n".join(out)
