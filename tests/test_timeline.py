"""The timeline data, figure and table (coproduction_course/timeline.py)."""
from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pytest

from coproduction_course.content import ContentError, load, load_file
from coproduction_course.timeline import (
    MARKER_NAMES,
    MARKERS,
    STRANDS,
    draw_timeline,
    event_position,
    events_table,
    figure_svg,
    numbered,
    plain_label,
    summary,
    text_description,
)
import json

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def events():
    return load("timeline.yml")["events"]


def _bib_keys() -> set[str]:
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.M))


def test_every_event_cites_a_key_in_the_bibliography(events):
    missing = sorted({e["cite"] for e in events} - _bib_keys())
    assert missing == []


def test_every_strand_has_events_and_the_key_dates_are_there(events):
    assert {e["strand"] for e in events} == set(STRANDS)
    by_cite = {e["cite"]: e for e in events}
    assert by_cite["hmgovernment2007"]["date"] == "10 December 2007"
    assert by_cite["mentalhealthtaskforce2016"]["year"] == 2016
    assert by_cite["cahn2000"]["year"] == 2000
    assert by_cite["dh1996"]["year"] == 1996


def test_event_position_reads_months_and_seasons():
    assert event_position({"year": 2007, "date": "10 December 2007"}) == pytest.approx(2007 + 11.5 / 12)
    assert event_position({"year": 2013, "date": "spring 2013"}) == pytest.approx(2013 + 3.5 / 12)
    assert event_position({"year": 2016}) == 2016.5


def test_numbering_is_chronological_and_stable(events):
    items = numbered(events)
    assert [n for n, _ in items] == list(range(1, len(events) + 1))
    positions = [event_position(e) for _, e in items]
    assert positions == sorted(positions)
    assert numbered(events) == items


def test_table_has_one_numbered_row_per_event_with_its_citation(events):
    table = events_table(events)
    rows = table.strip().splitlines()
    assert rows[0] == "| No. | When | Strand | Event |"
    assert len(rows) == len(events) + 2
    for (n, event), row in zip(numbered(events), rows[2:]):
        assert row.startswith(f"| {n} |")
        assert f"{{cite:p}}`{event['cite']}`" in row
        assert STRANDS[event["strand"]] in row
    assert "{cite:p}" not in events_table(events, cite_role=False)


def test_table_escapes_pipes():
    table = events_table([{"year": 2000, "label": "a | b", "strand": "ideas", "cite": "x"}])
    assert "a \\| b" in table


def _figure_texts(fig) -> list:
    return [t for ax in fig.axes for t in ax.texts]


def test_figure_has_one_marker_per_event_in_every_strand_shape(events):
    fig = draw_timeline(events)
    assert isinstance(fig.canvas, matplotlib.backends.backend_agg.FigureCanvasAgg)
    event_markers = [line for ax in fig.axes for line in ax.get_lines()
                     if (line.get_gid() or "").startswith("event-")]
    assert len(event_markers) == len(events)
    shapes = {line.get_marker() for ax in fig.axes for line in ax.get_lines() if line.get_marker() != "None"}
    assert set(MARKERS.values()) <= shapes


def test_figure_writes_every_event_out_in_words(events):
    # The figure must be readable on its own: each event's label appears as text
    # next to its marker, not only a number to look up in the table.
    drawn = " ".join(" ".join(t.get_text().split()) for t in _figure_texts(draw_timeline(events)))
    for n, event in numbered(events):
        words = " ".join(plain_label(event["label"]).split())
        assert f"{n}. {words}" in drawn, event["label"]
    for label in STRANDS.values():
        assert label in drawn


def test_figure_text_is_readable_on_a_phone(events):
    fig = draw_timeline(events)
    width_px = fig.get_figwidth() * fig.dpi
    scale = 375 / width_px  # a phone shrinks the picture to about 375 px wide
    smallest_pt = min(t.get_fontsize() for t in _figure_texts(fig))
    assert smallest_pt * fig.dpi / 72 * scale >= 11.5  # body-text size on the phone, not 8 px numbers


def test_figure_text_stays_inside_the_picture(events):
    fig = draw_timeline(events)
    renderer = fig.canvas.get_renderer()
    width_px = fig.get_figwidth() * fig.dpi
    for text in _figure_texts(fig):
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= width_px, text.get_text()


def test_timeline_reaches_2025_or_later(events):
    assert max(int(e["year"]) for e in events) >= 2025
    by_cite = {e["cite"]: e for e in events}
    assert by_cite["mha2025"]["date"] == "18 December 2025"


def test_long_gaps_are_marked_in_words():
    few = [{"year": 1970, "label": "a", "strand": "ideas", "cite": "x"},
           {"year": 1990, "label": "b", "strand": "policy", "cite": "y"}]
    drawn = [t.get_text() for t in _figure_texts(draw_timeline(few))]
    assert "19 years with no event listed" in drawn


def _svg(events) -> str:
    return figure_svg(draw_timeline(events), title="Timeline", description=text_description(events))


def test_figure_svg_is_small_and_keeps_its_text_as_text(events):
    import gzip

    svg = _svg(events)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="timeline-title">Timeline</title>' in svg and "<desc" in svg
    # The PNG it replaced was 196 KB (191 KB compressed); the page budget is 150 KiB in all.
    assert len(gzip.compress(svg.encode())) < 15_000
    for _, event in numbered(events)[:3]:
        first_words = " ".join(plain_label(event["label"]).split()[:3])
        assert first_words in svg.replace("&quot;", '"').replace("&#x27;", "'")


def test_drawing_is_deterministic(events):
    assert _svg(events) == _svg(events)


def test_no_event_is_listed_twice(events):
    """Two events of one year whose labels open with the same three words (after "the") are one
    event entered twice (Survivors Speak Out's founding once was)."""
    seen = {}
    twice = []
    for event in events:
        words = [w for w in plain_label(event["label"]).lower().split() if w not in ("the", "a", "an")]
        key = (event["year"], " ".join(words[:3]))
        if key in seen:
            twice.append(f"{seen[key]!r} and {event['label']!r}")
        seen[key] = event["label"]
    assert twice == []


def test_text_description_comes_from_the_data(events):
    text = text_description(events)
    first, last = numbered(events)[0][1], numbered(events)[-1][1]
    assert f"from {first['year']} to {last['year']}" in text
    assert plain_label(first["label"]) in text and plain_label(last["label"]) in text
    assert f"{len(events)} events" in text


def test_the_timeline_page_describes_the_figure_from_the_data():
    """The page's words about the figure are written by code, and its alternative
    text names the strands as the figure draws them."""
    notebook = json.loads((ROOT / "chapters" / "timeline.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(cell["source"]) for cell in notebook["cells"]]
    assert any("text_description(events)" in s for s in sources if "display(" in s)
    assert not any("list starts with" in s for s in sources), "a hand-written account of where the list starts"
    alts = [cell["metadata"]["mystnb"]["image"]["alt"] for cell in notebook["cells"]
            if "image" in cell.get("metadata", {}).get("mystnb", {})]
    assert len(alts) == 1
    for strand, label in STRANDS.items():
        assert label.lower() in alts[0].lower(), label
        assert MARKER_NAMES[strand] in alts[0]


def test_summary_names_each_strand_and_its_shape(events):
    text = summary(events)
    for label in STRANDS.values():
        assert label in text
    assert "circles" in text and "hexagons" in text


def test_a_broken_timeline_file_names_the_field(tmp_path):
    bad = tmp_path / "timeline.yml"
    bad.write_text("events:\n  - year: 2000\n    label: x\n    strand: gossip\n    cite: cahn2000\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"timeline.yml: events\[0\].strand"):
        load_file(bad)
