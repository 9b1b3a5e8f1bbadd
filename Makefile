# The course's commands. `make serve` and `make test` are the two a new
# contributor needs; each sets up what it needs first (scripts/bootstrap.sh).
# Building and serving go through one module, course_tools (python -m course_tools).
SHELL := /bin/bash
PY := .venv/bin/python
PORT ?= 8000
# student or tutor: `make serve EDITION=tutor` serves the tutor edition.
EDITION ?= student
# The lock tool, pinned: `make lock` writes the hashed lock files with it.
UV_VERSION := 0.13.9
LOCK := .venv/bin/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 \
	--no-emit-package coproduction-course --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)

.PHONY: serve serve-tutor build tutor test refresh bench lock clean setup pdf lms epub offline reproducible

setup:
	@scripts/bootstrap.sh test

## Build an edition (student unless EDITION=tutor) and serve it at http://127.0.0.1:$(PORT)/
serve:
	@scripts/bootstrap.sh build
	@$(PY) -m course_tools serve $(EDITION) --port $(PORT)

## Build the tutor edition and serve it at http://127.0.0.1:$(PORT)/
serve-tutor:
	@$(MAKE) --no-print-directory serve EDITION=tutor

## Build the student edition into _build/html
build:
	@scripts/bootstrap.sh build
	@$(PY) -m course_tools build student

## Build the tutor edition (model answers, seminar plans) into _build/tutor/_build/html
tutor:
	@scripts/bootstrap.sh build
	@$(PY) -m course_tools build tutor

## Run every test: units, nbval on every notebook, the zero-warning build, browser tests
test:
	@scripts/bootstrap.sh test
	@$(PY) -m pytest -q --nbval --nbval-current-env tests chapters exercises

## Re-execute every notebook in place, storing widget state (never edit outputs by hand)
refresh:
	@scripts/bootstrap.sh build
	@$(PY) scripts/refresh_notebooks.py

## Print build, rebuild, nbval and page-weight figures for this machine
bench:
	@scripts/bootstrap.sh test
	@$(PY) scripts/benchmark.py

## Rewrite the hashed lock files from requirements*.txt (UPGRADE=1: newest versions allowed)
lock:
	@[ -x $(PY) ] || python3 -m venv .venv
	@$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@$(LOCK) requirements-setup.txt requirements.txt -o requirements.lock
	@$(LOCK) requirements-setup.txt requirements-pdf.txt --constraint requirements.lock -o requirements-pdf.lock
	@# The test set is resolved within the build set's versions: tests build the book as `make build` does.
	@$(LOCK) requirements-setup.txt requirements-test.txt --constraint requirements.lock --constraint requirements-pdf.lock -o requirements-test.lock
	@echo "Wrote requirements.lock, requirements-pdf.lock and requirements-test.lock; commit them with requirements*.txt."

## Whole-course PDF per edition into _build/pdf; each site then rebuilt with a link to its PDF
pdf:
	@scripts/bootstrap.sh pdf
	@$(PY) scripts/pdf.py student tutor
	@mkdir -p _build/html _build/tutor/_build/html
	@cp _build/pdf/co-production-in-mental-health-student.pdf _build/html/
	@cp _build/pdf/co-production-in-mental-health-tutor.pdf _build/tutor/_build/html/
	@$(PY) -m course_tools build student --all
	@$(PY) -m course_tools build tutor --all

## LMS packages per edition (Common Cartridge 1.3 thin and full, SCORM 1.2) into _build/lms
lms: build tutor
	@scripts/bootstrap.sh lms
	@$(PY) scripts/lms.py student --site _build/html
	@$(PY) scripts/lms.py tutor --site _build/tutor/_build/html

## EPUB 3 e-book per edition (widgets as printed forms) into _build/epub
epub:
	@scripts/bootstrap.sh build
	@$(PY) -m course_tools.epub student tutor

## The student site as one zip that works opened from disk, into _build/offline
offline: build
	@$(PY) scripts/offline.py

## Build one commit twice (site, PDF, packages, offline zip) and compare bytes (slow; a bench figure)
reproducible:
	@scripts/bootstrap.sh test
	@$(PY) scripts/reproducible.py

clean:
	rm -rf _build
