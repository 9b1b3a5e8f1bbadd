"""scripts/cpu_by_process.py (`make profile-tests`): where the test run's CPU goes."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("cpu_by_process", ROOT / "scripts" / "cpu_by_process.py")
cpu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cpu)


def test_each_process_is_named_by_what_it_does_in_the_run():
    assert cpu.kind_of("/usr/lib/chromium/chromium --type=renderer --lang=en-US").startswith("chromium renderers")
    assert cpu.kind_of("/usr/lib/chromium/chromium --type=gpu-process").startswith("chromium helpers")
    assert cpu.kind_of("/usr/lib/chromium/chromium --headless --no-sandbox").startswith("chromium browser")
    assert cpu.kind_of(".venv/bin/python -u -c import sys;exec(eval(sys.stdin.readline()))").startswith("pytest workers")
    assert cpu.kind_of(".venv/bin/jupyter-book build . -W -n").startswith("book builds")
    assert cpu.kind_of("") == "kernel threads"
    assert cpu.kind_of("/usr/bin/something-else") == "other"


def test_cpu_is_counted_from_each_process_first_reading_and_idle_cores_show():
    samples = {
        "1:100": ["/usr/lib/chromium/chromium --type=renderer", [[1.0, 5.0], [2.0, 6.0], [3.0, 7.0]]],
        "2:200": [".venv/bin/jupyter-book build .", [[1.0, 0.0], [3.0, 1.0]]],
    }
    total, per_second = cpu.cpu_by_kind(samples)
    assert round(sum(total.values()), 3) == 3.0  # the renderer's 5 s before its first reading are not this run's
    assert per_second[3]["book builds (site, tutor, PDF, EPUB)"] == 1.0
    text = cpu.report(samples, wall=4.0, cores=2, every=2)
    assert "3 CPU-seconds used of 8 (38%)" in text and "needs 2 s" in text
    assert "0-2" in text and "2-4" in text


def test_a_busy_process_is_measured(tmp_path):
    """It can fail: a command that uses 3 CPU-seconds must show at least 1 (a reading a
    second misses at most a second's use at each end, however busy the machine is)."""
    out = tmp_path / "profile.json"
    busy = "import time\nwhile time.process_time() < 3.0: pass"
    assert cpu.main(["--output", str(out), "--", sys.executable, "-c", busy]) == 0

    data = json.loads(out.read_text(encoding="utf-8"))
    total, _ = cpu.cpu_by_kind(data["samples"])
    assert total["other"] >= 0.9, total
