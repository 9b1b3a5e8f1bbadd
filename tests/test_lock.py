"""The lock files pin every Python package, with hashes, and agree with requirements*.txt.

``make lock`` writes ``requirements.lock`` (build), ``requirements-pdf.lock`` (build +
Playwright, for ``make pdf``) and ``requirements-test.lock``
(build + tests) from ``requirements-setup.txt`` and ``requirements.txt`` /
``requirements-test.txt``; ``scripts/bootstrap.sh`` installs from them with
``pip install --require-hashes``, so pip itself refuses a package without a hash or a
dependency missing from the lock. These tests catch a requirements file edited without
re-running ``make lock``, offline.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from course_tools.build import ROOT

LOCKS = {
    "requirements.lock": ["requirements-setup.txt", "requirements.txt"],
    "requirements-pdf.lock": ["requirements-setup.txt", "requirements-pdf.txt"],
    "requirements-test.lock": ["requirements-setup.txt", "requirements-test.txt"],
    "requirements-cff.lock": ["requirements-setup.txt", "requirements-cff.txt"],
}
ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)[^\n]*\\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n?)+)", re.M)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_versions(text: str) -> dict[str, set[str]]:
    """{package: versions} of a lock (a universal lock may hold one version per Python)."""
    versions: dict[str, set[str]] = defaultdict(set)
    for name, version, _hashes in ENTRY.findall(text):
        versions[normalise(name)].add(version)
    return versions


def requirement_pins(file: Path) -> dict[str, str]:
    """{package: version} of a requirements file, following -r includes; fails on an unpinned line."""
    pins: dict[str, str] = {}
    for raw in file.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line == "-e .":
            continue
        if line.startswith("-r "):
            pins.update(requirement_pins(file.parent / line[3:].strip()))
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line)
        assert match, f"{file.name}: {raw!r} is not an exact pin (name==version)"
        pins[normalise(match.group(1))] = match.group(2)
    return pins


def test_lock_parser_reads_entries_and_hashes():
    text = ("# header\nfoo-bar==1.2 ; python_full_version < '3.12' \\\n    --hash=sha256:" + "a" * 64 + " \\\n"
            "    --hash=sha256:" + "b" * 64 + "\n    # via x\nFoo_Bar==1.3 ; python_full_version >= '3.12' \\\n"
            "    --hash=sha256:" + "c" * 64 + "\nnohash==1.0\n")
    assert lock_versions(text) == {"foo-bar": {"1.2", "1.3"}}


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_locked_package_has_a_hash(lock):
    text = (ROOT / lock).read_text(encoding="utf-8")
    assert "make lock" in text.splitlines()[1], "write the lock with `make lock`"
    listed = re.findall(r"^[A-Za-z0-9][A-Za-z0-9._-]*==\S+", text, flags=re.M)
    with_hashes = sum(len(v) for v in lock_versions(text).values())
    assert listed and len(listed) == with_hashes, "a locked package has no --hash"
    assert "-e " not in text and "file://" not in text


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_requirement_is_locked_at_its_pinned_version(lock):
    versions = lock_versions((ROOT / lock).read_text(encoding="utf-8"))
    stale = []
    for source in LOCKS[lock]:
        for name, version in requirement_pins(ROOT / source).items():
            if versions.get(name) != {version}:
                stale.append(f"{source}: {name}=={version}, {lock}: {sorted(versions.get(name, [])) or 'absent'}")
    assert stale == [], "run `make lock` (the lock is older than requirements*.txt):\n" + "\n".join(stale)


def test_build_and_test_locks_agree_on_every_shared_package():
    build = lock_versions((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    test = lock_versions((ROOT / "requirements-test.lock").read_text(encoding="utf-8"))
    differ = {name: (sorted(v), sorted(test.get(name, []))) for name, v in build.items() if test.get(name) != v}
    assert differ == {}, f"run `make lock`: {differ}"


def test_pdf_lock_agrees_with_the_build_and_test_locks():
    """`make pdf` prints with what the tests print with (requirements-pdf.lock)."""
    pdf = lock_versions((ROOT / "requirements-pdf.lock").read_text(encoding="utf-8"))
    for other in ("requirements.lock", "requirements-test.lock"):
        versions = lock_versions((ROOT / other).read_text(encoding="utf-8"))
        differ = {n: (sorted(v), sorted(versions[n])) for n, v in pdf.items() if n in versions and versions[n] != v}
        assert differ == {}, f"run `make lock`: {other}: {differ}"
    assert "playwright" in pdf and "pikepdf" in pdf


def test_binder_installs_the_test_lock_versions():
    """binder/requirements.txt is constrained to the locked versions (binder/constraints.txt,
    written by `make lock`), so Binder gets every package at the version the tests used."""
    binder = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    assert "-c constraints.txt" in binder.splitlines()
    constraints = (ROOT / "binder" / "constraints.txt").read_text(encoding="utf-8")
    pinned = defaultdict(set)
    for line in constraints.splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if match:
            pinned[normalise(match.group(1))].add(match.group(2))
        else:
            assert not line.strip() or line.startswith("#"), f"binder/constraints.txt: {line!r} is not a pin"
    test = lock_versions((ROOT / "requirements-test.lock").read_text(encoding="utf-8"))
    assert dict(pinned) == dict(test), "run `make lock`: binder/constraints.txt differs from requirements-test.lock"
