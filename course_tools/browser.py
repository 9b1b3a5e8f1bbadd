"""Debian's chromium, as every headless run of the course uses it (tests, benchmark)."""
from __future__ import annotations

import shutil

# Flags for a quiet, offline, reproducible headless browser: no background requests
# to other hosts, no first-run or update prompts, no GPU (CI machines have none).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Debian's chromium is not installed: run `make setup` (scripts/bootstrap.sh)")
