"""Draw the course timeline (data/timeline.yml) as a figure and as a text table.

The figure puts each strand of the story on its own row, in two panels (where the
idea came from, 1965-2002; policy, the NEF review for Mind and the critiques,
2006-2020). Every event is a numbered marker; the same numbers head the rows of
:func:`events_table`, which is the figure's text alternative. Strands differ by
row, by text label, by marker shape and by colour, so colour is never the only
signal. Drawing uses matplotlib's Agg canvas with a fixed style, so the same data
always gives the same picture.

    from coproduction_course.content import load
    from coproduction_course.timeline import draw_timeline, events_table
    events = load("timeline.yml")["events"]
    fig = draw_timeline(events)
    print(events_table(events))
"""
from __future__ import annotations

import io
import re
from typing import Any, Iterable

import matplotlib

matplotlib.use("Agg")  # never a GUI backend: the course draws figures headless

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

#: Strands in the order they are drawn (top row first), with their labels.
STRANDS: dict[str, str] = {
    "ideas": "Ideas and think tanks",
    "policy": "UK policy and guidance",
    "mind": "Mind and the NEF review",
    "critique": "Survivor and critical voices",
}

#: Marker shape per strand (circle, square, diamond, hexagon): a second signal besides colour.
MARKERS: dict[str, str] = {"ideas": "o", "policy": "s", "mind": "D", "critique": "h"}
MARKER_NAMES: dict[str, str] = {"ideas": "circle", "policy": "square", "mind": "diamond", "critique": "hexagon"}

#: Okabe-Ito colours, darkened where needed so white numbers keep a 4.5:1 contrast.
COLOURS: dict[str, str] = {
    "ideas": "#0072B2",
    "policy": "#B34700",
    "mind": "#007A5A",
    "critique": "#A23B72",
}

#: The two panels: (first year, last year, title).
PANELS: tuple[tuple[int, int, str], ...] = (
    (1966, 2002, "1966–2002: where the idea came from"),
    (2006, 2020, "2006–2020: policy, Mind, the critiques"),
)

#: Fixed style: nothing here depends on the user's matplotlibrc.
STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 13,
    "axes.titlesize": 13.5,
    "axes.titleweight": "bold",
    "axes.edgecolor": "#333333",
    "axes.linewidth": 1.0,
    "xtick.labelsize": 13,
    "xtick.color": "#222222",
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

_ROW_GAP = 1.9  # vertical distance between strand rows, in data units
_LANES = (0.0, 0.4, -0.4)  # vertical offsets used when markers in a row would touch
_LABEL_DY = 0.95  # row label height above its row line
_MARKER_PT = {"o": 22, "s": 21, "D": 18, "h": 24}  # sizes that look alike on the page
_MARKER_IN = 0.31  # room one marker needs, in inches

# Figure geometry, fixed (no automatic layout), in inches.
_HEIGHT = 11.6
_PANEL_H = 4.8
_PANEL_BOTTOMS = (6.3, 0.45)  # bottom edge of each panel
_LEFT, _RIGHT = 0.3, 0.3


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


def _assign_lanes(xs: list[float], x_in: float, y_in: float) -> list[float]:
    """Vertical offsets so that no two markers on a row overlap.

    ``x_in`` and ``y_in`` are inches per data unit. Each marker takes the first
    lane (middle, above, below) that keeps it a marker's width from every marker
    already placed; if none does, the lane that leaves it furthest away.
    """
    placed: list[tuple[float, float]] = []
    offsets = []
    for x in xs:
        def room(dy: float) -> float:
            return min((((x - px) * x_in) ** 2 + ((dy - py) * y_in) ** 2) ** 0.5
                       for px, py in placed) if placed else float("inf")
        choice = next((dy for dy in _LANES if room(dy) >= _MARKER_IN), None)
        if choice is None:
            choice = max(_LANES, key=room)
        placed.append((x, choice))
        offsets.append(choice)
    return offsets


def draw_timeline(events: list[dict[str, Any]], *, width: float = 5.0) -> Figure:
    """Draw the timeline and return the matplotlib Figure (Agg canvas, fixed style).

    ``width`` is in inches; the default keeps the text legible when a phone
    shrinks the picture to about 375 pixels wide.
    """
    items = numbered(events)
    rows = {strand: (len(STRANDS) - 1 - i) * _ROW_GAP for i, strand in enumerate(STRANDS)}
    y_low, y_high = -0.6, rows["ideas"] + _LABEL_DY + 0.3
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, _HEIGHT), dpi=100)
        FigureCanvasAgg(fig)
        axes_w = width - _LEFT - _RIGHT
        for (start, end, title), bottom in zip(PANELS, _PANEL_BOTTOMS):
            ax = fig.add_axes((_LEFT / width, bottom / _HEIGHT, axes_w / width, _PANEL_H / _HEIGHT))
            x_in = axes_w / (end - start)
            y_in = _PANEL_H / (y_high - y_low)
            ax.set_title(title, loc="left")
            ax.set_xlim(start, end)
            ax.set_ylim(y_low, y_high)
            ax.set_yticks([])
            for side in ("left", "right", "top"):
                ax.spines[side].set_visible(False)
            step = 5 if end - start > 20 else 2
            first_tick = start + (-start) % step
            ax.set_xticks(range(first_tick, end + 1, step))
            for strand, label in STRANDS.items():
                y = rows[strand]
                colour = COLOURS[strand]
                shape = MARKERS[strand]
                ax.axhline(y, color="#BBBBBB", linewidth=1.0, zorder=0)
                # Row label: a small marker of the strand's shape, then its name.
                ax.plot([start + 0.08 / x_in], [y + _LABEL_DY], marker=shape,
                        markersize=_MARKER_PT[shape] * 0.45, color=colour,
                        markeredgecolor="black", linestyle="none", clip_on=False)
                ax.text(start + 0.2 / x_in, y + _LABEL_DY, label, va="center",
                        ha="left", fontsize=13, color="#111111")
                in_row = [(n, e) for n, e in items
                          if e["strand"] == strand and start <= event_position(e) <= end]
                xs = [event_position(e) for _, e in in_row]
                for (n, _), x, dy in zip(in_row, xs, _assign_lanes(xs, x_in, y_in)):
                    ax.plot([x], [y + dy], marker=shape, markersize=_MARKER_PT[shape],
                            color=colour, markeredgecolor="black", markeredgewidth=0.8,
                            linestyle="none", zorder=3)
                    ax.text(x, y + dy, str(n), ha="center", va="center", fontsize=11,
                            fontweight="bold", color="white", zorder=4)
    return fig


def figure_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes, without the date and version stamps, so a redraw is identical."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


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
