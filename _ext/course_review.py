""""Review this page": a short form at the end of every page (issue 20).

A reader with lived experience, a student or a practitioner can say, in plain words,
what is wrong or missing on the page, whose voice is missing, how it felt to read,
and whether they would like to be paid to review more. The form is a closed
``<details>`` disclosure at the end of the article, so pages get no longer.

What is typed is kept in this browser only (``review_static/course-review.js``),
under ``"coproduction-course:v1:" + location.pathname + ":page-review"`` in the JSON
format fixed with the learning log (see the contracts in CONTRIBUTING.md,
"Review this page"). Nothing is sent anywhere: the reader downloads the review as a
file or prints it, and sends it themselves. Where the publisher has set a contact
(``publishing.contact``, _ext/course_publishing.py) the form says where to send it.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from sphinx.application import Sphinx

STATIC = Path(__file__).resolve().parent / "review_static"
JS, CSS = "course-review.js", "course-review.css"

QUESTIONS = (
    # (answer key in the saved JSON, label)
    ("wrong", "What is wrong or missing on this page?"),
    ("missing_voice", "Whose voice is missing?"),
    ("felt", "How did it feel to read this page?"),
)
PAID_LEGEND = "Would you like to be paid to review more of the course?"
PAID_CHOICES = (("yes", "Yes"), ("maybe", "Maybe"), ("no", "No"))


def review_html(contact_href: str = "", contact_text: str = "") -> str:
    fields = "".join(
        f'<p class="course-review-field"><label for="course-review-{key}">{escape(label)}</label>'
        f'<textarea id="course-review-{key}" name="{key}" rows="3"></textarea></p>'
        for key, label in QUESTIONS
    )
    choices = "".join(
        f'<label class="course-review-choice"><input type="radio" name="paid_review" value="{value}"> {text}</label>'
        for value, text in PAID_CHOICES
    )
    if contact_href:
        send = (
            f'Send your review to <a href="{escape(contact_href, quote=True)}">{escape(contact_text)}</a>: '
            "download it as a file or print it, then attach it or post it. You can leave your name off."
        )
    else:
        send = (
            "This copy of the course names no address for reviews yet. Keep your file, or give it to your tutor, "
            "who can pass it on without your name."
        )
    return (
        '<details class="course-review" id="course-review">'
        "<summary>Review this page</summary>"
        '<div class="course-review-body">'
        "<p>Tell the authors what you think of this page, whether you have used services, care for someone "
        "who does, work in them or are studying them. You do not have to say anything about yourself. "
        "<strong>What you type stays in this browser only: nothing is sent.</strong> To send it, download it "
        "or print it.</p>"
        '<form class="course-review-form" action="#" aria-label="Review this page">'
        + fields
        + f'<fieldset class="course-review-field"><legend>{escape(PAID_LEGEND)}</legend>{choices}</fieldset>'
        '<p class="course-review-actions">'
        '<button type="button" data-review-action="download">Download your review</button> '
        '<button type="button" data-review-action="print">Print your review</button> '
        '<button type="button" data-review-action="clear">Clear this review</button></p>'
        '<p class="course-review-status" role="status" aria-live="polite"></p>'
        "</form>"
        f'<p class="course-review-send">{send}</p>'
        "</div></details>"
    )


def add_static(app: Sphinx, config) -> None:
    config.html_static_path = list(config.html_static_path) + [str(STATIC)]


def add_assets(app: Sphinx) -> None:
    if app.builder.format == "html" and not app.builder.name.startswith("epub"):
        app.add_js_file(JS, defer="defer")
        app.add_css_file(CSS)


def add_form(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # Not in the printed book (singlehtml, for the PDF) or the EPUB: a form that keeps
    # what is typed in browser storage cannot work on paper or in an e-book reader.
    if (app.builder.format != "html" or app.builder.name == "singlehtml" or app.builder.name.startswith("epub")
            or "body" not in context):
        return
    if templatename != "page.html":
        return
    settings = getattr(app, "course_publishing", None)
    href = settings.contact_href if settings else ""
    text = settings.contact if settings else ""
    context["body"] += review_html(href, text)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", add_static)
    app.connect("builder-inited", add_assets)
    # Before course_portable's edition line (priority 500), so that line stays last.
    app.connect("html-page-context", add_form, priority=450)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
