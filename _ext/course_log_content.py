"""The learning log's content: questions, indicators, rating labels, motions and
page titles, as ``_static/course-log-content.js`` (issue 17).

The learning-log page (learning-log.md, script built from
coproduction_course/static/src/log/) shows a student's saved work in words: a
self-check question and the answer chosen, an indicator and its rating label, a
motion and the side taken. Saved entries hold only ids, so the page needs the
course's content. It is written here, at build time, from the data files, as a
small script that sets ``window.COURSE_LOG_CONTENT`` (a script rather than JSON
so that it also loads in the offline copy opened from disk, where fetch() of a
file is refused). Nothing comes from another host.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx

from coproduction_course.content import course_title, load, ui_text
from course_tools.editions import toc_files
from course_tools.portable import edition_toc

NAME = "course-log-content.js"
CHAPTER = re.compile(r"(?:^chapters/|/ch)(\d\d)-")


def pages(app: Sphinx, edition: str) -> dict:
    """Page path -> {title, chapter, order}; a chapter's exercises and tutor pages join its chapter."""
    titles = {name: app.env.titles[name].astext() for name in app.env.titles}
    chapter_titles = {}
    for name in titles:
        match = re.match(r"chapters/(\d\d)-", name)
        if match:
            chapter_titles[match.group(1)] = titles[name]
    out = {}
    for order, name in enumerate(n for n in toc_files(edition_toc(edition)) + sorted(titles) if n in titles):
        if f"{name}.html" in out:
            continue
        match = CHAPTER.search(name)
        number = match.group(1) if match and match.group(1) in chapter_titles else None
        out[f"{name}.html"] = {
            "title": titles[name],
            "chapter": chapter_titles[number] if number else titles[name],
            "order": int(number) if number else 100 + order,
        }
    return out


def checklist(name: str) -> dict:
    data = load(name)
    labels = data["rating_labels"]
    return {
        "title": data["title"],
        "ratings": {"0": labels["not_seen"], "1": labels["partly"], "2": labels["clearly"]},
        "groups": [
            {"id": g["id"], "title": g["title"], "indicators": [{"id": i["id"], "text": i["text"]} for i in g["indicators"]]}
            for g in data["groups"]
        ],
    }


def selfcheck() -> dict:
    out = {}
    for chapter in load("selfcheck.yml")["chapters"]:
        for q in chapter["questions"]:
            options = [o["text"] for o in q["options"]]
            correct = next(i for i, o in enumerate(q["options"]) if o.get("correct"))
            out[q["id"]] = {"prompt": q["prompt"], "options": options, "correct": correct}
    return out


def log_content(app: Sphinx, edition: str) -> dict:
    ui = ui_text("debate")
    return {
        "course": course_title(),
        "published": (app.config.html_baseurl or "").strip(),
        "pages": pages(app, edition),
        "selfcheck": selfcheck(),
        "checklists": {mode: checklist(f"{mode}.yml") for mode in ("barriers", "principles")},
        "motions": {m["id"]: m["title"] for m in load("motions.yml")["motions"]},
        "sides": {"for": ui.get("side_for_label", "For the motion"), "against": ui.get("side_against_label", "Against the motion")},
    }


def write_log_content(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    from course_portable import edition_of

    data = json.dumps(log_content(app, edition_of(app)), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</" never closes a script element early, whatever a title holds.
    data = data.replace("</", "<\\/")
    target = Path(app.outdir) / "_static" / NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        "// Written by _ext/course_log_content.py from the course's data files: do not edit.\n"
        f"window.COURSE_LOG_CONTENT = {data};\n",
        encoding="utf-8",
    )


def setup(app: Sphinx) -> dict:
    # Before course_portable lists the files to save offline (priority 500).
    app.connect("build-finished", write_log_content, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
