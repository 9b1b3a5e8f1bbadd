"""Build the same commit twice and compare every output byte for byte.

    python scripts/reproducible.py            # = make reproducible (slow: two full builds)

Both builds use one SOURCE_DATE_EPOCH (the last commit's date) and separate
output folders. Compared: every file of the student site, the student PDF, the
three LMS packages and the offline zip. Prints how many files match and lists
any that differ; exits non-zero if one does. Too slow for `make test` (two
builds of the book and a PDF), so it belongs with the measurements in
`make bench`.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from course_tools.build import build_command  # noqa: E402
from course_tools.portable import build_epoch  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv/bin/python").exists() else sys.executable


def run(cmd: list[str], env: dict) -> None:
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{(proc.stdout + proc.stderr)[-3000:]}")


def build_all(out: Path, env: dict) -> dict[str, str]:
    site_parent = out / "site"
    run(build_command(output=site_parent, extra=["--all"]), env)
    site = site_parent / "_build" / "html"
    run([PY, "-m", "course_tools", "pdf", "student", "--output", str(out / "pdf")], env)
    run([PY, "-m", "course_tools", "lms", "student", "--site", str(site), "--output", str(out / "lms"),
         "--base-url", "https://example.org/course/"], env)
    run([PY, "-m", "course_tools", "offline", "--site", str(site), "--output", str(out / "offline")], env)
    hashes = {}
    for base, pattern in ((site, "**/*"), (out / "pdf", "*.pdf"), (out / "lms", "*"), (out / "offline", "*.zip")):
        for path in sorted(base.glob(pattern)):
            # Dotfiles are Sphinx's own bookkeeping, not published content: .buildinfo
            # hashes the configuration, which holds the (different) output folder.
            if path.is_file() and ".doctrees" not in path.parts and not path.name.startswith("."):
                hashes[f"{base.name}/{path.relative_to(base).as_posix()}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def main() -> int:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(build_epoch()), "PYTHONHASHSEED": "0"}
    root = ROOT / "_build" / "reproducible"
    results = []
    for n in (1, 2):
        start = time.time()
        results.append(build_all(root / f"build{n}", env))
        print(f"build {n}: {len(results[-1])} files in {time.time() - start:.0f} s", flush=True)
    first, second = results
    differ = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    print(f"reproducible: {len(first) - len(differ)} of {len(first)} files identical; {len(differ)} differ")
    for name in differ[:40]:
        print("  differs:", name)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
