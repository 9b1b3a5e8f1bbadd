"""How `make test` shares the tests between its pytest-xdist workers.

`make test` runs ``--dist loadgroup --no-loadscope-reorder``. Each test gets an
``xdist_group`` here:

* by default its file (a notebook's nbval cells: the notebook), as ``--dist loadfile``
  did, so a file's module fixtures and caches are made once, on one worker;
* a test listed in ``RUN_ALONE`` is a group of its own: it runs for a minute or more
  and shares no module fixture with the rest of its file, so the workers can take
  such tests in parallel instead of queueing them behind each other on one worker.

Groups then start longest first (``SECONDS``), so that no long group is left to start
when the other worker has nothing left to do (the makespan's tail). The figures only
order the queue: a stale one costs time, never a result. Refresh them from the
``--durations`` table `make test` prints when a group's cost changes a lot.
"""
from __future__ import annotations

import pytest

# Each axe matrix cell loads every page of an edition at one width and runs axe in each
# state; each keyboard-walk cell walks every tab stop of an edition at one width (in the
# tutor cells, the site menu alone of a page shared with the student edition; the
# help-order test reads what the desktop cells saw, or loads the pages itself); each
# tiny-copy reliability test makes its own Sphinx build of a tiny book.
RUN_ALONE = (
    "tests/test_accessibility.py::test_axe_wcag22_aa_matrix",
    "tests/test_wcag22.py::test_keyboard_walk_and_target_size",
    "tests/test_reliability.py::",
)

# Seconds per group, from the `--durations` of a fresh-clone CI run on 2 cores (3 Dec
# 2026, 740 s). Except the three files that wait for the PDF and EPUB builds: their
# figures are kept above the rest so that they start first and the builds run beside
# everything else (measured, they wait 30 to 95 s of their time).
SECONDS = {
    "tests/test_pdf_ua.py": 305,
    "tests/test_pdf.py": 166,
    "tests/test_epub.py": 140,
    "tests/test_accessibility.py::test_axe_wcag22_aa_matrix[student-desktop]": 99,
    "tests/test_accessibility.py::test_axe_wcag22_aa_matrix[tutor-desktop]": 97,
    # The tutor walk cells walk only the site menu of the pages shared with the student edition.
    "tests/test_wcag22.py::test_keyboard_walk_and_target_size[tutor-phone]": 95,
    "tests/test_accessibility.py::test_axe_wcag22_aa_matrix[tutor-phone]": 88,
    "tests/test_wcag22.py": 82,
    "tests/test_accessibility.py::test_axe_wcag22_aa_matrix[student-phone]": 78,
    "tests/test_small_screens.py": 63,
    "tests/test_wcag22.py::test_keyboard_walk_and_target_size[student-phone]": 59,
    "tests/test_wcag22.py::test_keyboard_walk_and_target_size[tutor-desktop]": 56,
    "tests/test_checklist_browser.py": 49,
    "tests/test_live_kernel.py": 44,
    "tests/test_wcag22.py::test_keyboard_walk_and_target_size[student-desktop]": 43,
    "tests/test_css_purge.py": 42,
    "tests/test_debate_browser.py": 41,
    "tests/test_work_safety.py": 31,
    "tests/test_publishing.py": 12,
    "tests/test_citation.py": 7,
}
# A test of the tiny-copy kind not yet measured: about one tiny build.
ALONE_DEFAULT_SECONDS = 20


def group_of(nodeid: str) -> str:
    """The xdist group a test runs in: its own id for RUN_ALONE tests, else its file."""
    if nodeid.startswith(RUN_ALONE):
        return nodeid
    return nodeid.split("::", 1)[0]


def expected_seconds(group: str) -> float:
    if group in SECONDS:
        return SECONDS[group]
    return ALONE_DEFAULT_SECONDS if "::" in group else 0


def schedule(items: list[pytest.Item]) -> None:
    """Mark each item with its group and reorder the items: longest groups first,
    each group's items kept together in their collected order."""
    groups: dict[str, list[pytest.Item]] = {}
    for item in items:
        group = group_of(item.nodeid)
        item.add_marker(pytest.mark.xdist_group(group))
        groups.setdefault(group, []).append(item)
    # sorted() is stable: unmeasured groups keep their collected order after the measured ones.
    ordered = sorted(groups, key=lambda group: -expected_seconds(group))
    items[:] = [item for group in ordered for item in groups[group]]
