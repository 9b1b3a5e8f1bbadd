"""Debate prompts: motions for a seminar debate, with seminar tools.

The widget shows one motion at a time (background, links to the chapters, sources
and prompts for both sides), splits a class into groups with sides, runs a speech
timer, and gives each student a place to write their own argument, saved in the
browser. The motions live in ``data/motions.yml``; a tutor adds one by editing that
file only (it is checked against :data:`MOTIONS_SCHEMA` when it is loaded).

Randomness is seeded. Python and the page (``static/src/debate/random.js``) use the same small
generator, mulberry32, with 32-bit arithmetic, so for the same ``seed``
:meth:`DebatePrompts.shuffle_order` and :meth:`DebatePrompts.assign_groups` give
exactly what the page shows::

    >>> d = DebatePrompts(seed=2026)
    >>> print(format_groups(d.assign_groups(6, 2)))   # doctest: +SKIP
    Group 1 (for): students 1, 4, 6
    Group 2 (against): students 2, 3, 5

The algorithms (tests/golden/debate.json holds this file and random.js to them):

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

import copy
from pathlib import Path
from typing import Any, Callable

import traitlets

from .base import CourseWidget
from .content import DATA_DIR, ContentError, course_title, load_file, ui_text

MOTIONS_FILE = "motions.yml"
MIN_STUDENTS, MAX_STUDENTS = 2, 200
MAX_SEED = 2**32 - 1
SIDES = ("for", "against")

def load_motions(path: str | Path | None = None) -> list[dict[str, Any]]:
    """Load and check the motions file (the packaged one unless ``path`` is given).

    Any file name will do: it is checked against the named schema
    ``data/schemas/motions.schema.json``. Raises :class:`ContentError` naming the
    file and the field, e.g. ``motions.yml: motions[2].for: [...] is too short``.
    """
    path = Path(path) if path is not None else DATA_DIR / MOTIONS_FILE
    motions = load_file(path, schema="motions")["motions"]
    seen: dict[str, int] = {}
    for index, motion in enumerate(motions):
        if motion["id"] in seen:
            raise ContentError(
                f"{path.name}: motions[{index}].id: {motion['id']!r} is already used by motions[{seen[motion['id']]}]"
            )
        seen[motion["id"]] = index
    return motions


# --- The seeded generator, identical to static/src/debate/random.js --------------

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
    """Fisher-Yates shuffle of a copy of ``items``, as in random.js."""
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


def format_groups(groups: list[dict[str, Any]], names: list[str] | None = None, by_choice: bool = False) -> str:
    """One line per group, as the page shows it: ``Group 1 (for): students 1, 5, 9``.

    With ``names`` (a class list; student k is ``names[k - 1]``) the groups show
    names. With ``by_choice`` (a motion marked ``side_by_choice`` in motions.yml)
    no group is given a side: ``Group 1 (side of the group's choosing): ...``.
    The words come from ``data/ui.yml`` (debate block), as on the page.
    """
    ui = ui_text("debate")
    lines = []
    for group in groups:
        side = ui["side_for"] if group["side"] == "for" else ui["side_against"]
        if by_choice:
            side = ui["side_by_choice"]
        if names:
            members = ", ".join(names[s - 1] for s in group["students"])
        else:
            template = ui["members_one"] if len(group["students"]) == 1 else ui["members_many"]
            members = template.replace("{list}", ", ".join(str(s) for s in group["students"]))
        line = ui["group_line"].replace("{group}", str(group["group"])).replace("{side}", side)
        lines.append(line.replace("{members}", members))
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




class DebatePrompts(CourseWidget, bundle="debate"):
    """Seminar debate prompts with groups, a speech timer and a place to argue.

    >>> d = DebatePrompts(seed=2026, motion_id="own-oppression")
    >>> d                                                  # doctest: +SKIP
    DebatePrompts(seed=2026, motion_id='own-oppression', motions=8, storage_key='debate-prompts')
    """

    # Every word of the interface (data/ui.yml) and the course title for exports.
    ui = traitlets.Dict().tag(sync=True)
    course_title = traitlets.Unicode("").tag(sync=True)

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
        super().__init__(
            motions_data=motions, ui=ui_text("debate"), course_title=course_title(), storage_key=storage_key, **kwargs
        )
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
        """The motions (a deep copy: change motions.yml, not this list)."""
        return copy.deepcopy(self.motions_data)

    @property
    def motion(self) -> dict[str, Any]:
        """The motion currently shown (a deep copy)."""
        return copy.deepcopy(next(m for m in self.motions_data if m["id"] == self.motion_id))

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
