"""Debate prompts: motions for a seminar debate, with seminar tools.

The widget shows one motion at a time (background, links to the chapters, sources
and prompts for both sides), splits a class into groups with sides, runs a speech
timer, and gives each student a place to write their own argument, saved in the
browser. The motions live in ``data/motions.yml``; a tutor adds one by editing that
file only (it is checked against :data:`MOTIONS_SCHEMA` when it is loaded).

Randomness is seeded. Python and the page (``static/debate.js``) use the same small
generator, mulberry32, with 32-bit arithmetic, so for the same ``seed``
:meth:`DebatePrompts.shuffle_order` and :meth:`DebatePrompts.assign_groups` give
exactly what the page shows::

    >>> d = DebatePrompts(seed=2026)
    >>> print(format_groups(d.assign_groups(6, 2)))   # doctest: +SKIP
    Group 1 (for): students 1, 4, 6
    Group 2 (against): students 2, 3, 5

The algorithms (keep this file and debate.js in step):

- ``mulberry32(seed)``: the well-known generator; returns floats in [0, 1).
- ``shuffle(items, rng)``: Fisher-Yates from the last item down:
  for i = n-1 .. 1, j = floor(rng() * (i + 1)), swap items i and j.
- ``shuffle_order()``: shuffle the motion ids (in file order) with a fresh
  ``mulberry32(seed)``. The Shuffle button walks through this order.
- ``assign_groups(n, g)``: shuffle students 1..n with a fresh ``mulberry32(seed)``;
  the k-th student of the shuffled list joins group (k mod g) + 1; each group's
  students are then listed in ascending order. Odd-numbered groups argue *for*
  the motion, even-numbered groups *against*.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import traitlets

from .base import CourseWidget, view_module
from .content import DATA_DIR, TEXT_SCHEMA, ContentError, load_file, register_schema

MOTIONS_FILE = "motions.yml"
MIN_STUDENTS, MAX_STUDENTS = 2, 200
MAX_SEED = 2**32 - 1
SIDES = ("for", "against")

_TEXT = TEXT_SCHEMA
_PROMPTS = {"type": "array", "minItems": 3, "maxItems": 4, "items": _TEXT}

MOTIONS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["motions"],
    "additionalProperties": False,
    "properties": {
        "motions": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "title", "background", "chapters", "sources", "for", "against"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                    "title": {"type": "string", "minLength": 10, "maxLength": 200},
                    "background": {"type": "string", "minLength": 40, "maxLength": 1200},
                    "chapters": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["label", "href"],
                            "additionalProperties": False,
                            "properties": {
                                "label": _TEXT,
                                # Site-relative, e.g. chapters/05-critiques.html#own-oppression
                                "href": {
                                    "type": "string",
                                    "pattern": r"^(chapters|exercises)/[a-z0-9-]+\.html(#[a-z0-9-]+)?$",
                                },
                            },
                        },
                    },
                    "sources": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["key", "citation"],
                            "additionalProperties": False,
                            "properties": {
                                "key": {"type": "string", "pattern": "^[a-z][a-z0-9]*$"},
                                "citation": _TEXT,
                            },
                        },
                    },
                    "for": _PROMPTS,
                    "against": _PROMPTS,
                },
            },
        }
    },
}

register_schema(MOTIONS_FILE, MOTIONS_SCHEMA)


def load_motions(path: str | Path | None = None) -> list[dict[str, Any]]:
    """Load and check the motions file (the packaged one unless ``path`` is given).

    Raises :class:`ContentError` naming the file and the field, e.g.
    ``motions.yml: motions[2].for: [...] is too short``.
    """
    path = Path(path) if path is not None else DATA_DIR / MOTIONS_FILE
    if path.name != MOTIONS_FILE:
        raise ContentError(f"{path.name}: a motions file must be named {MOTIONS_FILE}")
    motions = load_file(path)["motions"]
    seen: dict[str, int] = {}
    for index, motion in enumerate(motions):
        if motion["id"] in seen:
            raise ContentError(
                f"{path.name}: motions[{index}].id: {motion['id']!r} is already used by motions[{seen[motion['id']]}]"
            )
        seen[motion["id"]] = index
    return motions


# --- The seeded generator, identical to debate.js -------------------------------

_MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    """Math.imul: the low 32 bits of a * b (as an unsigned number)."""
    return (a * b) & _MASK


def mulberry32(seed: int) -> Callable[[], float]:
    """Return a generator of floats in [0, 1), the same sequence as mulberry32 in JS."""
    state = seed & _MASK

    def next_float() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _MASK
        t = _imul(state ^ (state >> 15), state | 1)
        t = ((t + _imul(t ^ (t >> 7), t | 61)) & _MASK) ^ t
        return ((t ^ (t >> 14)) & _MASK) / 4294967296

    return next_float


def shuffle(items: list, rng: Callable[[], float]) -> list:
    """Fisher-Yates shuffle of a copy of ``items``, as in debate.js."""
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        j = int(rng() * (i + 1))
        out[i], out[j] = out[j], out[i]
    return out


def _check_whole(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    return value


def _check_seed(value: Any) -> int:
    _check_whole("seed", value)
    if not 0 <= value <= MAX_SEED:
        raise ValueError(f"seed must be from 0 to {MAX_SEED}, not {value}")
    return value


def assign_groups(n_students: int, n_groups: int, seed: int) -> list[dict[str, Any]]:
    """Split students 1..n_students into n_groups groups with sides (see module docstring)."""
    _check_whole("n_students", n_students)
    _check_whole("n_groups", n_groups)
    _check_seed(seed)
    if not MIN_STUDENTS <= n_students <= MAX_STUDENTS:
        raise ValueError(
            f"n_students must be from {MIN_STUDENTS} to {MAX_STUDENTS}, not {n_students}"
        )
    if not 2 <= n_groups <= n_students:
        raise ValueError(
            f"n_groups must be from 2 to {n_students} (the number of students), not {n_groups}: "
            "each group needs at least one student and both sides need a group"
        )
    order = shuffle(list(range(1, n_students + 1)), mulberry32(seed))
    members: list[list[int]] = [[] for _ in range(n_groups)]
    for k, student in enumerate(order):
        members[k % n_groups].append(student)
    return [
        {"group": g + 1, "side": SIDES[g % 2], "students": sorted(students)}
        for g, students in enumerate(members)
    ]


def format_groups(groups: list[dict[str, Any]]) -> str:
    """One line per group, exactly as the page shows it: ``Group 1 (for): students 1, 5, 9``."""
    lines = []
    for group in groups:
        noun = "student" if len(group["students"]) == 1 else "students"
        numbers = ", ".join(str(s) for s in group["students"])
        lines.append(f"Group {group['group']} ({group['side']}): {noun} {numbers}")
    return "\n".join(lines)


def format_motions(motions: list[dict[str, Any]]) -> str:
    """The motions as plain text: title, background, prompts, sources."""
    blocks = []
    for number, motion in enumerate(motions, start=1):
        lines = [f"{number}. {motion['title']} [{motion['id']}]", "", motion["background"].strip(), ""]
        for side in SIDES:
            lines.append(f"Prompts {side} the motion:")
            lines += [f"  - {prompt}" for prompt in motion[side]]
        lines.append("Sources: " + "; ".join(source["citation"] for source in motion["sources"]))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


_CSS = """
.cw-debate { --cw-ink: #1b1b1b; --cw-paper: #ffffff; --cw-muted: #4a4a4a; --cw-line: #6b6b6b;
  --cw-accent: #1d4e89; --cw-accent-ink: #ffffff; --cw-soft: #eef3f9; --cw-warn: #8a1c1c;
  color: var(--cw-ink); background: var(--cw-paper); border: 1px solid var(--cw-line);
  border-radius: 6px; padding: 0.75rem; max-width: 100%; box-sizing: border-box;
  font-size: 1rem; line-height: 1.5; overflow-wrap: anywhere; }
.cw-debate *, .cw-debate *::before, .cw-debate *::after { box-sizing: border-box; }
.cw-debate h3, .cw-debate h4 { color: var(--cw-ink); margin: 0.75rem 0 0.4rem; line-height: 1.25; }
.cw-debate h3 { font-size: 1.3rem; }
.cw-debate h4 { font-size: 1.05rem; }
.cw-debate p { margin: 0.3rem 0; }
.cw-debate a { color: var(--cw-accent); text-decoration: underline; }
.cw-debate .cw-hint { color: var(--cw-muted); font-size: 0.92rem; }
.cw-debate .cw-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0.4rem 0; }
.cw-debate .cw-field { display: flex; flex-direction: column; gap: 0.2rem; min-width: 0; max-width: 100%; }
.cw-debate label, .cw-debate legend { font-weight: 600; font-size: 1rem; color: var(--cw-ink); }
.cw-debate legend { font-size: 1.1rem; padding: 0 0.25rem; width: auto; float: none; margin: 0; }
.cw-debate .cw-block { display: block; }
.cw-debate select, .cw-debate input[type=number], .cw-debate textarea {
  font: inherit; color: var(--cw-ink); background: var(--cw-paper);
  border: 2px solid var(--cw-line); border-radius: 4px; padding: 0.35rem 0.5rem; max-width: 100%; }
.cw-debate select { width: 100%; }
.cw-debate input[type=number] { width: 7.5rem; }
.cw-debate input[aria-invalid=true] { border-color: var(--cw-warn); border-style: dashed; }
.cw-debate textarea { width: 100%; min-height: 9rem; max-height: 60vh; resize: vertical; white-space: pre-wrap; }
.cw-debate button { font: inherit; font-weight: 600; cursor: pointer; color: var(--cw-accent-ink);
  background: var(--cw-accent); border: 2px solid var(--cw-accent); border-radius: 4px;
  padding: 0.4rem 0.8rem; min-height: 44px; max-width: 100%; }
.cw-debate button.cw-secondary { color: var(--cw-accent); background: var(--cw-paper); }
.cw-debate button.cw-danger { color: #ffffff; background: var(--cw-warn); border-color: var(--cw-warn); }
.cw-debate button[aria-pressed=true] { box-shadow: inset 0 0 0 3px var(--cw-accent-ink); text-decoration: underline; }
.cw-debate button:focus-visible, .cw-debate select:focus-visible, .cw-debate input:focus-visible,
.cw-debate textarea:focus-visible, .cw-debate a:focus-visible {
  outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.cw-debate fieldset { border: 1px solid var(--cw-line); border-radius: 4px; margin: 0.6rem 0; padding: 0.5rem 0.75rem; min-width: 0; }
.cw-debate .cw-motion { background: var(--cw-soft); border-left: 6px solid var(--cw-accent); padding: 0.5rem 0.75rem; margin: 0.6rem 0; }
.cw-debate .cw-motion-title { font-size: 1.35rem; }
.cw-debate .cw-sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.5rem 1.25rem; }
.cw-debate ul, .cw-debate ol { padding-left: 1.4rem; margin: 0.3rem 0; }
.cw-debate li { margin: 0.2rem 0; }
.cw-debate .cw-source-key { font-family: monospace; color: var(--cw-muted); }
.cw-debate .cw-groups li { font-variant-numeric: tabular-nums; }
.cw-debate .cw-error { color: var(--cw-warn); font-weight: 600; }
.cw-debate .cw-error:empty { display: none; }
.cw-debate .cw-clock { font-size: 2.4rem; font-weight: 700; font-variant-numeric: tabular-nums;
  border: 3px solid var(--cw-line); border-radius: 6px; padding: 0.1rem 0.75rem; display: inline-block; margin: 0.3rem 0; }
.cw-debate .cw-clock.is-done { border: 6px double var(--cw-warn); color: var(--cw-warn); }
.cw-debate .cw-done-flag { font-weight: 700; color: var(--cw-warn); font-size: 1.2rem; }
.cw-debate .cw-done-flag[hidden] { display: none; }
.cw-debate .cw-confirm { border: 2px dashed var(--cw-warn); padding: 0.5rem; margin: 0.4rem 0; border-radius: 4px; }
.cw-debate .cw-confirm[hidden] { display: none; }
.cw-debate .cw-status { min-height: 1.5em; }
.cw-debate.is-projector { font-size: 1.35rem; }
.cw-debate.is-projector .cw-motion-title { font-size: 2.4rem; }
.cw-debate.is-projector .cw-motion { font-size: 1.6rem; }
.cw-debate.is-projector .cw-motion h4 { font-size: 1.8rem; }
.cw-debate.is-projector .cw-clock { font-size: 4rem; }
.cw-debate:fullscreen { overflow: auto; padding: 1.5rem 2rem; border: 0; border-radius: 0; }
html[data-theme=dark] .cw-debate { --cw-ink: #f2f2f2; --cw-paper: #14181e; --cw-muted: #c8c8c8;
  --cw-line: #a0a0a0; --cw-accent: #8fc0ff; --cw-accent-ink: #0b0c0c; --cw-soft: #1f2a38; --cw-warn: #ff9d9d; }
html[data-theme=dark] .cw-debate button.cw-danger { color: #0b0c0c; }
@media (max-width: 480px) {
  .cw-debate { padding: 0.5rem; }
  .cw-debate .cw-clock { font-size: 2rem; }
  .cw-debate.is-projector .cw-motion-title { font-size: 1.8rem; }
}
"""


class DebatePrompts(CourseWidget):
    """Seminar debate prompts with groups, a speech timer and a place to argue.

    >>> d = DebatePrompts(seed=2026, motion_id="own-oppression")
    >>> d                                                  # doctest: +SKIP
    DebatePrompts(seed=2026, motion_id='own-oppression', motions=8, storage_key='debate-prompts')
    """

    _esm = traitlets.Unicode(view_module("debate.js")).tag(sync=True)
    _css = traitlets.Unicode(_CSS).tag(sync=True)

    motions_data = traitlets.List(traitlets.Dict()).tag(sync=True)
    motion_id = traitlets.Unicode("").tag(sync=True)
    seed = traitlets.Int(2026).tag(sync=True)
    # What the student chose and typed for the current motion (synced from the page
    # when a kernel is running; the static page keeps it in the browser only).
    side = traitlets.Unicode("").tag(sync=True)
    argument = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self,
        seed: int = 2026,
        motion_id: str | None = None,
        storage_key: str = "debate-prompts",
        motions_path: str | Path | None = None,
        **kwargs: Any,
    ) -> None:
        motions = load_motions(motions_path)
        super().__init__(motions_data=motions, storage_key=storage_key, **kwargs)
        self.seed = seed
        self.motion_id = motion_id if motion_id is not None else motions[0]["id"]

    # --- validation -------------------------------------------------------------
    @traitlets.validate("seed")
    def _valid_seed(self, proposal):
        return _check_seed(proposal["value"])

    @traitlets.validate("motion_id")
    def _valid_motion(self, proposal):
        ids = [m["id"] for m in self.motions_data]
        if proposal["value"] not in ids:
            raise ValueError(f"unknown motion_id {proposal['value']!r}; choose one of: {', '.join(ids)}")
        return proposal["value"]

    @traitlets.validate("side")
    def _valid_side(self, proposal):
        if proposal["value"] not in ("", *SIDES):
            raise ValueError(f"side must be 'for', 'against' or '', not {proposal['value']!r}")
        return proposal["value"]

    # --- API --------------------------------------------------------------------
    @property
    def motions(self) -> list[dict[str, Any]]:
        """The motions (a copy: change motions.yml, not this list)."""
        return [dict(m) for m in self.motions_data]

    @property
    def motion(self) -> dict[str, Any]:
        """The motion currently shown."""
        return next(m for m in self.motions_data if m["id"] == self.motion_id)

    def shuffle_order(self) -> list[str]:
        """Motion ids in the order the page's Shuffle button walks through them."""
        return shuffle([m["id"] for m in self.motions_data], mulberry32(self.seed))

    def assign_groups(self, n_students: int, n_groups: int) -> list[dict[str, Any]]:
        """Groups with sides for this seed, e.g. ``{"group": 1, "side": "for", "students": [1, 5, 9]}``."""
        return assign_groups(n_students, n_groups, self.seed)

    def summary(self) -> str:
        """Plain text: the current motion and the argument typed (if a kernel received it)."""
        motion = self.motion
        lines = [
            f"Motion: {motion['title']}",
            f"Background: {' '.join(motion['background'].split())}",
            f"Your side: {self.side or '(not chosen yet)'}",
            "Your argument:",
            self.argument if self.argument.strip() else "(nothing written yet)",
        ]
        return "\n".join(lines)

    def _repr_fields(self) -> str:
        return (
            f"seed={self.seed!r}, motion_id={self.motion_id!r}, "
            f"motions={len(self.motions_data)}, storage_key={self.storage_key!r}"
        )
