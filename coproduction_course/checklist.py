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
* What a student sees is counts, not percentages: per group and overall, how
  many indicators were seen (clearly, partly), not seen and not answered. The
  band only chooses the feedback text and the place on the scale.
* Overall: the same sums over every answered indicator, banded the same way.
  The position ("doing to" / "doing for" / "doing with") is
  ``overall.by_band[band]``, given only once every group has at least one
  answered indicator *and* an evidence note; before that the position is
  ``None`` and ``evidence_missing`` names the groups still lacking either.
  In barriers mode the profile also says that seeing no barriers is not the
  same as "doing with".
"""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import traitlets

from .base import CourseWidget
from .content import DATA_DIR, ContentError, course_title, load, load_file, ui_text

MODES = {"barriers": "barriers.yml", "principles": "principles.yml"}
# The characters JavaScript's String.prototype.trim removes (WhiteSpace and
# LineTerminator, a byte-order mark included), so a name or note is trimmed here
# exactly as the page trims it (Python's str.strip differs beyond ASCII).
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def _trim(text: str) -> str:
    return text.strip(JS_SPACE)
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


def _counts(values: list[int], total: int) -> dict[str, int]:
    clearly, partly, not_seen = (values.count(v) for v in (2, 1, 0))
    return {"seen": clearly + partly, "clearly": clearly, "partly": partly, "not_seen": not_seen, "unanswered": total - len(values)}


def score(content: dict[str, Any], ratings: dict[str, int], notes: dict[str, str] | None = None) -> dict[str, Any]:
    """Counts and bands per group and overall, as plain data (score.js computes the same).

    The initiative is placed on the doing-to/for/with scale only when every group
    has at least one rating and an evidence note (``notes``); ``evidence_missing``
    lists the groups that still lack one or the other.
    """
    notes = notes or {}
    groups = []
    all_values: list[int] = []
    missing = []
    for group in content["groups"]:
        values = [ratings[i["id"]] for i in group["indicators"] if ratings.get(i["id"]) in RATING_VALUES]
        total = len(group["indicators"])
        maximum = 2 * len(values)
        percent = (100 * sum(values)) // maximum if maximum else None
        groups.append({
            "id": group["id"], "rated": len(values), "total": total, "score": sum(values), "max": maximum,
            "percent": percent, "band": _band(content, len(values), percent), **_counts(values, total),
        })
        all_values += values
        if not values or not _trim(str(notes.get(group["id"], ""))):
            missing.append(group["id"])
    total = sum(g["total"] for g in groups)
    maximum = 2 * len(all_values)
    percent = (100 * sum(all_values)) // maximum if maximum else None
    band = _band(content, len(all_values), percent)
    position = content["overall"]["by_band"][band] if not missing and band != "none" else None
    overall = {
        "rated": len(all_values), "total": total, "score": sum(all_values), "max": maximum, "percent": percent,
        "band": band, "position": position, "evidence_missing": missing, **_counts(all_values, total),
    }
    return {"groups": groups, "overall": overall}


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


def _counts_text(shared: dict[str, str], s: dict[str, Any]) -> str:
    return _fill(shared["counts_template"], **{k: s[k] for k in ("seen", "total", "clearly", "partly", "not_seen", "unanswered")})


def _score_text(content: dict[str, Any], shared: dict[str, str], s: dict[str, Any], with_band: bool = True) -> str:
    if not s["rated"]:
        rated = _fill(content["ui"]["rated_template"], rated=0, total=s["total"])
        return f"{content['ui']['not_rated']} ({rated})"
    text = _counts_text(shared, s)
    return f"{text} {_band_label(content, s['band'])}" if with_band and s["rated"] else text


def _position_text(content: dict[str, Any], shared: dict[str, str], o: dict[str, Any]) -> str:
    if o["position"] is not None:
        return _position_label(content, o["position"])
    if o["rated"] == 0:
        return content["overall"]["not_enough"]
    shorts = {g["id"]: g["short"] for g in content["groups"]}
    return _fill(shared["needs_evidence"], missing=", ".join(shorts[i] for i in o["evidence_missing"]))


def _rating_label(content: dict[str, Any], value: int | None) -> str:
    if value in RATING_VALUES:
        return content["rating_labels"][RATING_KEYS[value]]
    return content["rating_labels"]["unanswered"]


# --------------------------------------------------------------------------
# The widget
# --------------------------------------------------------------------------


class BarrierChecklist(CourseWidget, bundle="checklist"):
    """Rate an initiative against the four barriers (or the six principles).

    >>> c = BarrierChecklist(initiative="A fictional peer-support group")
    >>> c.set_rating("avo-criticism-minuted", 2)
    >>> print(c.summary())  # doctest: +SKIP
    """

    mode = traitlets.Unicode("barriers").tag(sync=True)
    content = traitlets.Dict().tag(sync=True)
    initiative = traitlets.Unicode("").tag(sync=True)
    ratings = traitlets.Dict().tag(sync=True)  # indicator id -> 0 / 1 / 2 (absent = unanswered)
    notes = traitlets.Dict().tag(sync=True)  # group id -> text (the evidence for the ratings)
    ui = traitlets.Dict().tag(sync=True)  # text shared by both modes (data/ui.yml, checklist block)
    course_title = traitlets.Unicode("").tag(sync=True)  # for the exports (data/ui.yml)
    # Fold the checklist into a disclosure (one per case on a long page); printing opens it.
    collapsed = traitlets.Bool(False).tag(sync=True)

    def __init__(self, mode: str = "barriers", initiative: str = "", storage_key: str | None = None, **kwargs: Any):
        content = load_content(mode)
        super().__init__(
            mode=mode,
            content=content,
            ui=ui_text("checklist"),
            course_title=course_title(),
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
        return score(self.content, self.ratings, self.notes)

    def summary(self) -> str:
        """Plain text: indicators seen and feedback band per group, the overall position."""
        c, shared = self.content, self.ui
        s = self.scores()
        lines = [f"{c['title']}: {_trim(self.initiative) or c['ui']['no_initiative']}"]
        for group, gs in zip(c["groups"], s["groups"]):
            lines.append(f"- {group['title']}: {_score_text(c, shared, gs)}")
        o = s["overall"]
        lines.append(f"{shared['overall_label']}: {_score_text(c, shared, o, with_band=False)}")
        lines.append(f"{c['ui']['position_heading']}: {_position_text(c, shared, o)}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The answers and results as plain data (the JSON export has the same shape)."""
        return as_dict(self.content, self.mode, self.initiative, self.ratings, self.notes)

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def to_markdown(self) -> str:
        """The answers and results as Markdown (the Markdown export is the same text)."""
        return to_markdown(self.content, self.ui, self.initiative, self.ratings, self.notes)

    def _repr_fields(self) -> str:
        return f"mode={self.mode!r}, initiative={self.initiative!r}, storage_key={self.storage_key!r}"


def as_dict(content: dict[str, Any], mode: str, initiative: str, ratings: dict[str, int], notes: dict[str, str],
            student: str = "") -> dict[str, Any]:
    """The JSON export; ``static/src/checklist/export.js`` builds the same data."""
    indicator_ids = [i["id"] for g in content["groups"] for i in g["indicators"]]
    return {
        "course": course_title(),
        "student": _trim(student),
        "mode": mode,
        "initiative": initiative,
        "ratings": {k: ratings[k] for k in indicator_ids if ratings.get(k) in RATING_VALUES},
        "notes": {g["id"]: notes[g["id"]] for g in content["groups"] if notes.get(g["id"])},
        "scores": score(content, ratings, notes),
    }


def _href(link: dict[str, str], root: str | None) -> str:
    """The link's address: absolute from the site's root when it is known."""
    return root.rstrip("/") + "/" + link["href"] if root else link["href"]


def _group_markdown(c: dict[str, Any], shared, group, gs, ratings, notes, root) -> list[str]:
    ui = c["ui"]
    out = [f"## {group['title']}", ""]
    for indicator in group["indicators"]:
        out.append(f"- {indicator['text']} **{_rating_label(c, ratings.get(indicator['id']))}**")
    out += ["", _score_text(c, shared, gs), ""]
    out += [f"{ui['feedback_heading']}: {group['feedback'][gs['band']]}", ""]
    out += [f"{ui['question_heading']}: {group['question']}", ""]
    out += [f"{ui['read_more']}: [{group['link']['label']}]({_href(group['link'], root)})", ""]
    note = notes.get(group["id"], "")
    if note:
        out += [f"{ui['notes_label']}:", ""]
        out += ["> " + line if line else ">" for line in note.split("\n")]
        out.append("")
    return out


def to_markdown(content: dict[str, Any], shared: dict[str, str], initiative: str, ratings: dict[str, int],
                notes: dict[str, str], root: str | None = None, student: str = "") -> str:
    """Markdown export; ``static/src/checklist/export.js`` builds the same text line for line.

    ``shared`` is the checklist block of ``data/ui.yml``; ``root`` the site's address,
    which makes the links absolute (the page passes it; without it links stay relative).
    """
    c, ui = content, content["ui"]
    s = score(c, ratings, notes)
    out = [f"# {c['title']}", "", _fill(shared["export_course"], course=course_title()), ""]
    if _trim(student):
        out += [_fill(shared["export_student"], name=_trim(student)), ""]
    out += [f"**{ui['initiative_label']}** {_trim(initiative) or ui['no_initiative']}", ""]
    for group, gs in zip(c["groups"], s["groups"]):
        out += _group_markdown(c, shared, group, gs, ratings, notes, root)
    o = s["overall"]
    out += [f"## {ui['profile_heading']}", "", f"{shared['overall_label']}: {_score_text(c, shared, o, with_band=False)}", ""]
    out.append(f"{ui['position_heading']}: {_position_text(c, shared, o)}")
    if o["position"] is not None:
        out += ["", next(p["text"] for p in c["overall"]["positions"] if p["id"] == o["position"])]
    if c["mode"] == "barriers":
        out += ["", shared["no_barriers_caveat"]]
    out += ["", f"{ui['read_more']}: [{c['overall']['link']['label']}]({_href(c['overall']['link'], root)})", ""]
    return "\n".join(out)


__all__ = ["BarrierChecklist", "as_dict", "load_content", "score", "to_markdown", "DATA_DIR"]
