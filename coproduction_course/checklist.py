"""The barrier checklist: assess an initiative against the four barriers to
transformative co-production (Carr et al., NDTi position paper) or, in
``mode="principles"``, against the six NEF/Nesta principles (Boyle, Slay and
Stephens, *Public Services Inside Out*, 2010).

All the course content (groups, indicators, rating labels, feedback texts,
seminar questions, position texts, links and interface labels) lives in
``data/barriers.yml`` and ``data/principles.yml``, validated on load by the
JSON Schema ``data/schemas/checklist.schema.json``. The view
(``static/src/checklist/``) receives the loaded content as the synced
``content`` trait and hard-codes none of it.

Scoring (identical here and in ``static/src/checklist/score.js``; the golden
cases in ``tests/golden/checklist.json`` hold both to it):

* Each indicator is rated 0 (not seen), 1 (partly) or 2 (clearly). An
  unanswered indicator is absent from ``ratings`` and is ignored, not counted
  as 0.
* Per group (barrier or principle): ``rated`` = answered indicators,
  ``score`` = sum of their ratings, ``max`` = 2 * rated,
  ``percent`` = floor(100 * score / max) (``None`` when nothing is rated).
* Band: ``"none"`` when nothing is rated, otherwise the first band in the
  file's ``bands`` list (low, some, high) whose ``up_to`` >= percent.
* Overall: the same sums over every answered indicator, banded the same way.
  The position ("doing to" / "doing for" / "doing with") is
  ``overall.by_band[band]``, shown only once every group has at least one
  answered indicator; before that the position is ``None``.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import traitlets

from .base import STATIC, CourseWidget
from .content import DATA_DIR, ContentError, load, load_file

MODES = {"barriers": "barriers.yml", "principles": "principles.yml"}
RATING_VALUES = (0, 1, 2)
RATING_KEYS = ("not_seen", "partly", "clearly")  # rating_labels keys for 0, 1, 2
BAND_IDS = ("low", "some", "high")
POSITION_IDS = ("doing-to", "doing-for", "doing-with")

def check_content(filename: str, data: dict[str, Any]) -> dict[str, Any]:
    """Checks a JSON Schema cannot express; raise ContentError naming file and field."""
    seen: dict[str, str] = {}
    for g, group in enumerate(data["groups"]):
        if group["id"] in seen:
            raise ContentError(f"{filename}: groups[{g}].id: {group['id']!r} is used twice")
        seen[group["id"]] = f"groups[{g}]"
        for i, indicator in enumerate(group["indicators"]):
            if indicator["id"] in seen:
                raise ContentError(
                    f"{filename}: groups[{g}].indicators[{i}].id: {indicator['id']!r} is already used "
                    f"at {seen[indicator['id']]}"
                )
            seen[indicator["id"]] = f"groups[{g}].indicators[{i}]"
    band_ids = [band["id"] for band in data["bands"]]
    if band_ids != list(BAND_IDS):
        raise ContentError(f"{filename}: bands: the bands must be {', '.join(BAND_IDS)} in that order, not {', '.join(band_ids)}")
    limits = [band["up_to"] for band in data["bands"]]
    if limits != sorted(limits) or len(set(limits)) != len(limits):
        raise ContentError(f"{filename}: bands: up_to values must rise from band to band, not {limits}")
    if limits[-1] != 100:
        raise ContentError(f"{filename}: bands[{len(limits) - 1}].up_to: the last band must reach 100, not {limits[-1]}")
    position_ids = [p["id"] for p in data["overall"]["positions"]]
    if sorted(position_ids) != sorted(POSITION_IDS):
        raise ContentError(
            f"{filename}: overall.positions: needs each of {', '.join(POSITION_IDS)} once, not {', '.join(position_ids)}"
        )
    return data


def load_content(mode: str = "barriers", path: str | Path | None = None) -> dict[str, Any]:
    """Load and check the content for a mode (``path`` lets tests pass a broken copy)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(repr(m) for m in MODES)}, not {mode!r}")
    if path is None:
        data = load(MODES[mode])
        filename = MODES[mode]
    else:
        path = Path(path)
        data = copy.deepcopy(load_file(path, schema="checklist"))
        filename = path.name
    check_content(filename, data)
    if data["mode"] != mode:
        raise ContentError(f"{filename}: mode: expected {mode!r}, found {data['mode']!r}")
    return data


# --------------------------------------------------------------------------
# Scoring (the same as static/src/checklist/score.js; tests/golden/checklist.json)
# --------------------------------------------------------------------------
def _band(content: dict[str, Any], rated: int, percent: int | None) -> str:
    if rated == 0 or percent is None:
        return "none"
    for band in content["bands"]:
        if percent <= band["up_to"]:
            return band["id"]
    return content["bands"][-1]["id"]


def score(content: dict[str, Any], ratings: dict[str, int]) -> dict[str, Any]:
    """Scores per group and overall, as plain data (the JS computes the same)."""
    groups = []
    total_score = total_rated = total_indicators = 0
    every_group_rated = True
    for group in content["groups"]:
        values = [ratings[i["id"]] for i in group["indicators"] if ratings.get(i["id"]) in RATING_VALUES]
        rated = len(values)
        points = sum(values)
        maximum = 2 * rated
        percent = (100 * points) // maximum if maximum else None
        groups.append(
            {
                "id": group["id"],
                "rated": rated,
                "total": len(group["indicators"]),
                "score": points,
                "max": maximum,
                "percent": percent,
                "band": _band(content, rated, percent),
            }
        )
        total_score += points
        total_rated += rated
        total_indicators += len(group["indicators"])
        every_group_rated = every_group_rated and rated > 0
    maximum = 2 * total_rated
    percent = (100 * total_score) // maximum if maximum else None
    band = _band(content, total_rated, percent)
    position = content["overall"]["by_band"][band] if every_group_rated and band != "none" else None
    return {
        "groups": groups,
        "overall": {
            "rated": total_rated,
            "total": total_indicators,
            "score": total_score,
            "max": maximum,
            "percent": percent,
            "band": band,
            "position": position,
        },
    }


def _fill(template: str, **values: Any) -> str:
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", str(value))
    return out


def _band_label(content: dict[str, Any], band: str) -> str:
    if band == "none":
        return content["ui"]["not_rated"]
    return next(b["label"] for b in content["bands"] if b["id"] == band)


def _position_label(content: dict[str, Any], position: str | None) -> str:
    if position is None:
        return content["overall"]["not_enough"]
    return next(p["label"] for p in content["overall"]["positions"] if p["id"] == position)


def _score_text(content: dict[str, Any], s: dict[str, Any], with_band: bool = True) -> str:
    rated = _fill(content["ui"]["rated_template"], rated=s["rated"], total=s["total"])
    if s["percent"] is None:
        return f"{content['ui']['not_rated']} ({rated})"
    text = f"{s['score']}/{s['max']} ({s['percent']}%), {rated}."
    return f"{text} {_band_label(content, s['band'])}" if with_band else text


def _rating_label(content: dict[str, Any], value: int | None) -> str:
    if value in RATING_VALUES:
        return content["rating_labels"][RATING_KEYS[value]]
    return content["rating_labels"]["unanswered"]


# --------------------------------------------------------------------------
# The widget
# --------------------------------------------------------------------------


class BarrierChecklist(CourseWidget):
    """Rate an initiative against the four barriers (or the six principles).

    >>> c = BarrierChecklist(initiative="A fictional peer-support group")
    >>> c.set_rating("avo-criticism-minuted", 2)
    >>> print(c.summary())  # doctest: +SKIP
    """

    _esm = STATIC / "checklist.js"
    _css = STATIC / "checklist.css"

    mode = traitlets.Unicode("barriers").tag(sync=True)
    content = traitlets.Dict().tag(sync=True)
    initiative = traitlets.Unicode("").tag(sync=True)
    ratings = traitlets.Dict().tag(sync=True)  # indicator id -> 0 / 1 / 2 (absent = unanswered)
    notes = traitlets.Dict().tag(sync=True)  # group id -> text

    def __init__(self, mode: str = "barriers", initiative: str = "", storage_key: str | None = None, **kwargs: Any):
        content = load_content(mode)
        super().__init__(
            mode=mode,
            content=content,
            initiative=initiative,
            storage_key=storage_key or f"checklist-{mode}",
            **kwargs,
        )

    # -- validation ---------------------------------------------------------
    @traitlets.validate("mode")
    def _check_mode(self, proposal):
        if proposal["value"] not in MODES:
            raise traitlets.TraitError(f"mode must be one of {', '.join(repr(m) for m in MODES)}, not {proposal['value']!r}")
        return proposal["value"]

    @traitlets.observe("mode")
    def _mode_changed(self, change):
        if self.content and self.content.get("mode") != change["new"]:
            self.content = load_content(change["new"])
            self.ratings = {}
            self.notes = {}

    def indicator_ids(self) -> list[str]:
        return [i["id"] for g in self.content["groups"] for i in g["indicators"]]

    def group_ids(self) -> list[str]:
        return [g["id"] for g in self.content["groups"]]

    def set_rating(self, indicator_id: str, value: int | None) -> None:
        """Rate one indicator: 0 (not seen), 1 (partly), 2 (clearly) or None (unanswered)."""
        known = self.indicator_ids()
        if indicator_id not in known:
            raise ValueError(
                f"unknown indicator id {indicator_id!r} for the {self.mode} checklist; "
                f"known ids: {', '.join(known)}"
            )
        if value is not None and (isinstance(value, bool) or value not in RATING_VALUES):
            labels = self.content["rating_labels"]
            raise ValueError(
                f"rating for {indicator_id!r} must be 0 ({labels['not_seen']}), 1 ({labels['partly']}), "
                f"2 ({labels['clearly']}) or None ({labels['unanswered']}), not {value!r}"
            )
        ratings = dict(self.ratings)
        if value is None:
            ratings.pop(indicator_id, None)
        else:
            ratings[indicator_id] = int(value)
        self.ratings = ratings

    def set_note(self, group_id: str, text: str) -> None:
        """Set the notes for one group (barrier or principle)."""
        if group_id not in self.group_ids():
            raise ValueError(f"unknown group id {group_id!r}; known ids: {', '.join(self.group_ids())}")
        if not isinstance(text, str):
            raise ValueError(f"a note must be text, not {type(text).__name__}")
        notes = dict(self.notes)
        if text:
            notes[group_id] = text
        else:
            notes.pop(group_id, None)
        self.notes = notes

    def reset(self) -> None:
        """Clear every rating, note and the initiative's name."""
        self.ratings = {}
        self.notes = {}
        self.initiative = ""

    # -- results ------------------------------------------------------------
    def scores(self) -> dict[str, Any]:
        return score(self.content, self.ratings)

    def summary(self) -> str:
        """Plain text: score and feedback band per group, the overall position."""
        c = self.content
        s = self.scores()
        lines = [f"{c['title']}: {self.initiative.strip() or c['ui']['no_initiative']}"]
        for group, gs in zip(c["groups"], s["groups"]):
            lines.append(f"- {group['title']}: {_score_text(c, gs)}")
        o = s["overall"]
        lines.append(f"Overall: {_score_text(c, o, with_band=False)}")
        lines.append(f"{c['ui']['position_heading']}: {_position_label(c, o['position'])}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The answers and results as plain data (the JSON export has the same shape)."""
        return as_dict(self.content, self.mode, self.initiative, self.ratings, self.notes)

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def to_markdown(self) -> str:
        """The answers and results as Markdown (the Markdown export is the same text)."""
        return to_markdown(self.content, self.initiative, self.ratings, self.notes)

    def _repr_fields(self) -> str:
        return f"mode={self.mode!r}, initiative={self.initiative!r}, storage_key={self.storage_key!r}"


def as_dict(content: dict[str, Any], mode: str, initiative: str, ratings: dict[str, int], notes: dict[str, str]) -> dict[str, Any]:
    """The JSON export; ``static/src/checklist/export.js`` builds the same data."""
    indicator_ids = [i["id"] for g in content["groups"] for i in g["indicators"]]
    return {
        "mode": mode,
        "initiative": initiative,
        "ratings": {k: ratings[k] for k in indicator_ids if ratings.get(k) in RATING_VALUES},
        "notes": {g["id"]: notes[g["id"]] for g in content["groups"] if notes.get(g["id"])},
        "scores": score(content, ratings),
    }


def to_markdown(content: dict[str, Any], initiative: str, ratings: dict[str, int], notes: dict[str, str]) -> str:
    """Markdown export; ``static/src/checklist/export.js`` builds the same text line for line."""
    c = content
    s = score(c, ratings)
    ui = c["ui"]
    out = [f"# {c['title']}", "", f"**{ui['initiative_label']}** {initiative.strip() or ui['no_initiative']}", ""]
    for group, gs in zip(c["groups"], s["groups"]):
        out += [f"## {group['title']}", ""]
        for indicator in group["indicators"]:
            out.append(f"- {indicator['text']} **{_rating_label(c, ratings.get(indicator['id']))}**")
        out += ["", f"{_score_text(c, gs)}", ""]
        out += [f"{ui['feedback_heading']}: {group['feedback'][gs['band']]}", ""]
        out += [f"{ui['question_heading']}: {group['question']}", ""]
        out += [f"{ui['read_more']}: {group['link']['label']} ({group['link']['href']})", ""]
        note = notes.get(group["id"], "")
        if note:
            out += [f"{ui['notes_label']}:", ""]
            out += ["> " + line if line else ">" for line in note.split("\n")]
            out.append("")
    o = s["overall"]
    out += [f"## {ui['profile_heading']}", "", f"Overall: {_score_text(c, o, with_band=False)}", ""]
    out.append(f"{ui['position_heading']}: {_position_label(c, o['position'])}")
    if o["position"] is not None:
        text = next(p["text"] for p in c["overall"]["positions"] if p["id"] == o["position"])
        out += ["", text]
    out += ["", f"{ui['read_more']}: {c['overall']['link']['label']} ({c['overall']['link']['href']})", ""]
    return "\n".join(out)


__all__ = ["BarrierChecklist", "as_dict", "load_content", "score", "to_markdown", "DATA_DIR"]
