# The course's commands. `make serve` and `make test` are the two a new
# contributor needs; each sets up what it needs first (scripts/bootstrap.sh).
SHELL := /bin/bash
PY := .venv/bin/python
JB := .venv/bin/jupyter-book
PORT ?= 8000

.PHONY: serve build tutor test refresh bench clean setup pdf lms offline reproducible

setup:
	@scripts/bootstrap.sh test

## Build the student edition and serve it at http://127.0.0.1:$(PORT)/
serve: build
	@echo "Serving the course at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	@$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

## Build the student edition into _build/html
build:
	@scripts/bootstrap.sh build
	@$(JB) build . -W -n --keep-going

## Build the tutor edition (model answers, seminar plans) into _build/tutor/_build/html
tutor:
	@scripts/bootstrap.sh build
	@$(PY) scripts/build_edition.py tutor

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

## Whole-course PDF per edition into _build/pdf; each site then rebuilt with a link to its PDF
pdf:
	@scripts/bootstrap.sh test
	@$(PY) scripts/pdf.py student tutor
	@mkdir -p _build/html _build/tutor/_build/html
	@cp _build/pdf/co-production-in-mental-health-student.pdf _build/html/
	@cp _build/pdf/co-production-in-mental-health-tutor.pdf _build/tutor/_build/html/
	@$(JB) build . -W -n --keep-going --all
	@$(PY) scripts/build_edition.py tutor --all

## LMS packages per edition (Common Cartridge 1.3 thin and full, SCORM 1.2) into _build/lms
lms: build tutor
	@$(PY) scripts/lms.py student --site _build/html
	@$(PY) scripts/lms.py tutor --site _build/tutor/_build/html

## The student site as one zip that works opened from disk, into _build/offline
offline: build
	@$(PY) scripts/offline.py

## Build one commit twice (site, PDF, packages, offline zip) and compare bytes (slow; a bench figure)
reproducible:
	@scripts/bootstrap.sh test
	@$(PY) scripts/reproducible.py

clean:
	rm -rf _build
