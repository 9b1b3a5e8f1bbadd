"""Where a command's CPU time goes, by kind of process: `make profile-tests` runs
`make test` under it.

Issue 21 asks for `make test` in under 8 minutes on 2 cores. Whether that can be
reached is a question of CPU-seconds, not of one test's duration: the browser tests
run in two workers, each axe cell in two browsers, and the builds beside them, so
every process competes for the same two cores. This tool answers it from outside
the test run, so that it measures the run as CI makes it:

* once a second it reads every process's CPU time from /proc (utime + stime);
* at the end it prints the CPU-seconds of each kind of process (Chromium's
  renderers, its browser process, the pytest workers, the book builds, ...), and,
  for each stretch of the run, how many of the machine's cores were busy. Cores left
  idle show where a better schedule could help; the totals show what no schedule
  can: a run needs at least (CPU-seconds / cores) of wall time.

A process that lives less than a second between two readings may be missed; the
figures are a floor. The samples are written to ``_build/cpu-profile.json``.

    python scripts/cpu_by_process.py [--every 100] -- make test
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")

# First match wins: (what the command line contains, the kind it is reported as).
KINDS = [
    ("--type=renderer", "chromium renderers (pages, axe, the walks)"),
    ("--type=", "chromium helpers (GPU, network, utility)"),
    ("chromium", "chromium browser processes"),
    ("exec(eval(sys.stdin", "pytest workers (test code in Python)"),
    ("jupyter-book", "book builds (site, tutor, PDF, EPUB)"),
    ("sphinx", "book builds (site, tutor, PDF, EPUB)"),
    ("ipykernel", "notebook kernels"),
    ("java", "Java checkers (EPUBCheck, Nu)"),
    ("playwright/driver", "Playwright drivers (node)"),
    ("node", "node (tests, linters)"),
    ("pytest", "pytest main process"),
]


def kind_of(cmdline: str) -> str:
    if not cmdline:
        return "kernel threads"
    for needle, kind in KINDS:
        if needle in cmdline:
            return kind
    return "other"


def read_processes() -> dict[str, tuple[str, float]]:
    """{pid:start time: (command line, CPU-seconds so far)} for every process now."""
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()  # the name may hold spaces
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except (OSError, ValueError):
            continue  # gone between listing and reading
        found[f"{pid}:{fields[19]}"] = (cmdline[:300], (int(fields[11]) + int(fields[12])) / TICKS)
    return found


class Sampler(threading.Thread):
    """Reads /proc every ``interval`` seconds until stopped; ``samples`` holds, for each
    process, its command line and [seconds since start, CPU-seconds] at each change."""

    def __init__(self, interval: float = 1.0):
        super().__init__(daemon=True)
        self.interval, self.samples, self.done = interval, {}, threading.Event()
        self.started = time.monotonic()
        self.baseline = set(read_processes())  # processes already running: not the command's

    def run(self) -> None:
        while not self.done.wait(self.interval):
            now = round(time.monotonic() - self.started, 1)
            for key, (cmdline, cpu) in read_processes().items():
                if key in self.baseline:
                    continue
                entry = self.samples.setdefault(key, [cmdline, [[now, cpu]]])
                if entry[1][-1][1] != cpu:
                    entry[1].append([now, cpu])


def cpu_by_kind(samples: dict) -> tuple[Counter, dict[int, Counter]]:
    """CPU-seconds per kind, in all and per second of the run (from the first reading
    of each process: what it used before it was first seen is not counted)."""
    total, per_second = Counter(), defaultdict(Counter)
    for cmdline, series in samples.values():
        kind = kind_of(cmdline)
        for (_, before), (when, after) in zip(series, series[1:]):
            total[kind] += after - before
            per_second[int(when)][kind] += after - before
    return total, per_second


def report(samples: dict, wall: float, cores: int, every: int = 100) -> str:
    total, per_second = cpu_by_kind(samples)
    used = sum(total.values())
    lines = [f"wall {wall:.0f} s on {cores} cores: {used:.0f} CPU-seconds used of {wall * cores:.0f}"
             f" ({used / (wall * cores):.0%}); at full use of every core this work needs {used / cores:.0f} s",
             "", "CPU-seconds by kind of process:"]
    lines += [f"  {seconds:8.0f}  {seconds / used:4.0%}  {kind}" for kind, seconds in total.most_common()] if used else []
    lines += ["", f"cores busy, each {every} s of the run:"]
    for start in range(0, int(wall) + 1, every):
        busy = sum(sum(per_second.get(s, Counter()).values()) for s in range(start, start + every))
        span = min(every, max(wall - start, 1))
        lines.append(f"  {start:5d}-{start + every:<5d} s  {busy / span:4.2f} of {cores}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=int, default=100, help="seconds per row of the busy-cores table")
    parser.add_argument("--output", type=Path, default=ROOT / "_build" / "cpu-profile.json")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command to run, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to measure after --, e.g. -- make test")
    sampler = Sampler()
    sampler.start()
    returncode = subprocess.call(command, cwd=ROOT)
    wall = time.monotonic() - sampler.started
    sampler.done.set()
    sampler.join()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"wall": wall, "cores": os.cpu_count(), "samples": sampler.samples}), encoding="utf-8")
    print(f"\n{' '.join(command)} exited with {returncode}\n" + report(sampler.samples, wall, os.cpu_count() or 1, args.every))
    return returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
