"""The whole-course book ready to print to PDF (course_tools/pdf.py) or to read as an
EPUB (course_tools/epub.py).

Loaded only by those two, which build the book with Sphinx's ``singlehtml`` or
``epub`` builder and a generated configuration; the normal site never sees this
extension.

On paper a widget's controls are blank boxes, and in the single-page build the
widgets cannot even draw (myst-nb only embeds the root page's widget state). So
after every widget output this extension adds a print version generated from
the same data files the widget reads (validated on load):

* a barrier or principles checklist becomes a table of indicators to fill in by
  hand (not seen / partly / clearly) with space for notes per group;
* a debate widget becomes its motion(s) as text: background, prompts for each side;
* a self-check becomes its questions with tick boxes (no answers or feedback).

In the tutor edition's printed book (``course_edition`` is "tutor", set by
course_tools.portable.print_edition_files) an answer key for every self-check
follows the last page: each question with its correct option. The student
edition never gets one.

Which widget an output is comes from the model's saved traits in the notebook
(``mode``/``ratings`` for checklists, ``motion_id``/``motions_data`` for debates,
``chapter``/``questions`` for self-checks). An output this extension cannot place
stops the build: a silently blank widget in the PDF is the failure it exists to
prevent.
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

VIEW_TYPE = "application/vnd.jupyter.widget-view+json"
STATE_TYPE = "application/vnd.jupyter.widget-state+json"


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


# --- print versions, one per widget kind ------------------------------------------

def checklist_html(mode: str, initiative: str) -> str:
    from coproduction_course.checklist import load_content

    content = load_content(mode or "barriers")
    # The three ratings a student can give, in the widget's order (0, 1, 2).
    labels = content["rating_labels"]
    columns = [str(labels[key]) for key in ("not_seen", "partly", "clearly")]
    out = [f'<div class="course-print course-print-checklist"><p class="course-print-kind">'
           f'{_e(content.get("title", "Checklist"))}: fill in by hand</p>']
    if content.get("intro"):
        out.append(f"<p>{_e(content['intro'])}</p>")
    out.append(f'<p>Initiative you are assessing: <span class="course-print-line">{_e(initiative)}</span></p>')
    for group in content["groups"]:
        out.append(f'<table class="course-print-table"><caption>{_e(group["title"])}</caption>')
        out.append('<thead><tr><th scope="col">Indicator</th>')
        out.extend(f'<th scope="col" class="course-print-box">{_e(c)}</th>' for c in columns)
        out.append("</tr></thead><tbody>")
        for indicator in group["indicators"]:
            out.append(f'<tr><th scope="row">{_e(indicator["text"])}</th>')
            out.extend('<td class="course-print-box">\u2610</td>' for _ in columns)
            out.append("</tr>")
        out.append("</tbody></table>")
        if group.get("question"):
            out.append(f'<p><strong>Question to take to the seminar:</strong> {_e(group["question"])}</p>')
        out.append('<p class="course-print-notes">Notes:</p>')
    out.append("</div>")
    return "".join(out)


def debate_html(motion_id: str) -> str:
    from coproduction_course.debate import load_motions

    motions = load_motions()
    chosen = [m for m in motions if m["id"] == motion_id] if motion_id else motions
    if not chosen:
        raise ExtensionError(f"course_print_edition: no motion {motion_id!r} in motions.yml")
    out = ['<div class="course-print course-print-debate"><p class="course-print-kind">Debate '
           + ("motion" if len(chosen) == 1 else "motions") + "</p>"]
    for motion in chosen:
        out.append(f'<p class="course-print-motion"><strong>{_e(motion["title"])}</strong></p>')
        if motion.get("background"):
            out.append(f"<p>{_e(motion['background'])}</p>")
        for side, label in (("for", "For the motion"), ("against", "Against the motion")):
            prompts = motion.get(side) or []
            if prompts:
                out.append(f"<p>{label}:</p><ul>" + "".join(f"<li>{_e(p)}</li>" for p in prompts) + "</ul>")
        if len(chosen) == 1:
            out.append('<p class="course-print-notes">Your side and your argument:</p>')
    out.append("</div>")
    return "".join(out)


def selfcheck_html(chapter: int) -> str:
    from coproduction_course.selfcheck import load_selfchecks

    checks = load_selfchecks()
    if chapter not in checks:
        raise ExtensionError(f"course_print_edition: no self-check for chapter {chapter} in selfcheck.yml")
    check = checks[chapter]
    out = [f'<div class="course-print course-print-selfcheck"><p class="course-print-kind">'
           f'Self-check: {_e(check.get("title", ""))}</p><ol>']
    for question in check["questions"]:
        out.append(f"<li><p>{_e(question['prompt'])}</p><ul class=\"course-print-options\">")
        out.extend(f"<li>\u2610 {_e(o['text'])}</li>" for o in question["options"])
        out.append("</ul></li>")
    out.append("</ol><p>Check your answers in the online course.</p></div>")
    return "".join(out)


def answer_key_html() -> str:
    """Every self-check's questions with the correct option (tutor edition only)."""
    from coproduction_course.selfcheck import load_selfchecks

    out = ['<section id="course-answer-key" class="course-answer-key">'
           "<h2>Answer key: self-checks</h2>"
           "<p>The correct option for each self-check question, chapter by chapter. "
           "Tutor edition only.</p>"]
    for chapter, check in sorted(load_selfchecks().items()):
        out.append(f"<h3>Chapter {chapter}: {_e(check.get('title', ''))}</h3><ol>")
        for question in check["questions"]:
            correct = [o for o in question["options"] if o.get("correct")]
            if len(correct) != 1:
                raise ExtensionError(f"course_print_edition: {question['id']} needs exactly one correct option")
            out.append(f'<li><p>{_e(question["prompt"])}</p><p class="course-answer">'
                       f"<strong>Answer:</strong> {_e(correct[0]['text'])}</p></li>")
        out.append("</ol>")
    out.append("</section>")
    return "".join(out)


def print_version(traits: dict[str, Any]) -> str:
    """The print HTML for a widget, from its saved traits (which name its data)."""
    if "ratings" in traits and "mode" in traits:
        return checklist_html(traits.get("mode") or "barriers", traits.get("initiative") or "")
    if "motion_id" in traits or "motions_data" in traits:
        return debate_html(traits.get("motion_id") or "")
    if "chapter" in traits and "questions" in traits:
        return selfcheck_html(int(traits["chapter"]))
    raise ExtensionError(
        "course_print_edition: a widget output has no print version (traits: "
        + ", ".join(sorted(k for k in traits if not k.startswith("_")))
        + "); add one in _ext/course_print_edition.py"
    )


# --- finding widget outputs ----------------------------------------------------------

def _saved_models(app: Sphinx) -> dict[str, dict[str, Any]]:
    """model_id -> traits, from every notebook's saved widget state."""
    models: dict[str, dict[str, Any]] = {}
    for docname in sorted(app.env.found_docs):
        path = Path(app.env.doc2path(docname))
        if path.suffix != ".ipynb":
            continue
        notebook = json.loads(path.read_text(encoding="utf-8"))
        state = (notebook.get("metadata", {}).get("widgets", {}).get(STATE_TYPE) or {}).get("state", {})
        for model_id, model in state.items():
            models[model_id] = model.get("state", {})
    return models


# The builders that make a printed or e-book edition: the single page the PDF is
# printed from (course_tools/pdf.py) and the EPUB (course_tools/epub.py).
PRINT_BUILDERS = ("singlehtml", "epub")


def add_print_versions(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name not in PRINT_BUILDERS:
        return
    models = None
    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if VIEW_TYPE not in text or "model_id" not in text:
            continue
        if models is None:
            models = _saved_models(app)
        body = text.split(">", 1)[1].rsplit("</script>", 1)[0]
        model_id = json.loads(body)["model_id"]
        if model_id not in models:
            raise ExtensionError(f"course_print_edition: widget {model_id} has no saved state in any notebook")
        raw.parent.insert(raw.parent.index(raw) + 1, nodes.raw("", print_version(models[model_id]), format="html"))
    # The single page is the whole book: the tutor's answer key goes at its end.
    if app.builder.name == "singlehtml" and app.config.course_edition == "tutor" and docname == app.config.root_doc:
        doctree.append(nodes.raw("", answer_key_html(), format="html"))


def share_html_handlers(app: Sphinx) -> None:
    """Let the single-page builder draw every node the html builder can.

    Sphinx looks up node handlers by builder name and falls back to the format
    ("html") only when no extension registered any for "singlehtml". One does,
    so nodes registered for "html" alone (myst-nb's hidden-input cells) would
    have no handler; copy the missing ones across.
    """
    if app.builder.name not in PRINT_BUILDERS:
        return
    handlers = app.registry.translation_handlers
    single = handlers.setdefault(app.builder.name, {})
    for name, pair in handlers.get("html", {}).items():
        single.setdefault(name, pair)


def drop_unused_mathjax(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """No MathJax from a CDN in the book: printing must fetch nothing.

    Sphinx adds MathJax to the single page when any document *ever* recorded an
    equation; if the assembled book holds no math node, the script is dropped. If
    it does, the build stops: MathJax would have to be served from the site first.
    """
    if app.builder.name not in PRINT_BUILDERS or doctree is None:
        return
    has_math = any(True for _ in doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block))))
    scripts = context.get("script_files") or []
    mathjax = [s for s in scripts if "mathjax" in str(getattr(s, "filename", s)).lower()]
    if has_math and any("://" in str(getattr(s, "filename", s)) for s in mathjax):
        raise ExtensionError("course_print_edition: the book has equations; serve MathJax from the site first")
    if not has_math:
        context["script_files"] = [s for s in scripts if s not in mathjax]


def setup(app: Sphinx) -> dict:
    app.add_config_value("course_edition", "student", "env")
    app.connect("builder-inited", share_html_handlers)
    app.connect("html-page-context", drop_unused_mathjax)
    app.connect("doctree-resolved", add_print_versions)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
