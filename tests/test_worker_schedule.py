"""The worker schedule (tests/worker_schedule.py) names real tests, and orders groups
longest first with each group's tests together."""
from __future__ import annotations

from pathlib import Path

import pytest

import worker_schedule
from worker_schedule import RUN_ALONE, SECONDS, group_of, schedule

ROOT = Path(__file__).resolve().parent.parent


class FakeItem:
    def __init__(self, nodeid: str):
        self.nodeid, self.marks = nodeid, []

    def add_marker(self, mark) -> None:
        self.marks.append(mark)


@pytest.mark.parametrize("name", sorted(set(SECONDS) | set(RUN_ALONE)))
def test_every_named_group_is_a_real_test(name):
    """A renamed file or test must not leave a schedule entry that matches nothing."""
    path, _, test = name.partition("::")
    assert (ROOT / path).is_file(), f"{name}: no file {path}"
    if test:
        function = test.split("[", 1)[0]
        assert f"def {function}(" in (ROOT / path).read_text(encoding="utf-8"), f"{name}: no test {function}"


def test_groups_start_longest_first_and_stay_together():
    ids = [
        "tests/test_small.py::test_a",
        "tests/test_accessibility.py::test_other",
        "tests/test_accessibility.py::test_axe_wcag22_aa_matrix[student-phone]",
        "tests/test_small.py::test_b",
        "tests/test_pdf_ua.py::test_x",
        "tests/test_accessibility.py::test_axe_wcag22_aa_matrix[tutor-desktop]",
    ]
    items = [FakeItem(i) for i in ids]
    schedule(items)
    order = [item.nodeid for item in items]
    assert order[0] == "tests/test_pdf_ua.py::test_x"
    assert order[1] == "tests/test_accessibility.py::test_axe_wcag22_aa_matrix[tutor-desktop]"
    assert order[2] == "tests/test_accessibility.py::test_axe_wcag22_aa_matrix[student-phone]"
    # Unmeasured files keep their collected order, each file's tests together.
    assert order[3:] == ["tests/test_small.py::test_a", "tests/test_small.py::test_b",
                         "tests/test_accessibility.py::test_other"]
    marks = {item.nodeid: item.marks[0].args[0] for item in items}
    assert marks["tests/test_small.py::test_b"] == "tests/test_small.py"
    assert marks["tests/test_accessibility.py::test_other"] == "tests/test_accessibility.py"
    assert group_of("tests/test_reliability.py::test_one") == "tests/test_reliability.py::test_one"


def test_the_check_can_fail(monkeypatch):
    """Negative control: a schedule entry for a test that does not exist is caught."""
    monkeypatch.setitem(worker_schedule.SECONDS, "tests/test_pdf.py::test_no_such_test", 1)
    with pytest.raises(AssertionError, match="no test test_no_such_test"):
        test_every_named_group_is_a_real_test("tests/test_pdf.py::test_no_such_test")
