"""Reflow (WCAG 1.4.10): on a phone no text needs sideways scrolling (issues 9 and 17).

The check below runs in tests/test_small_screens.py, on the one load of each page of
the student and the tutor edition at 320 px (then resized to 375 px), beside the
other checks for that state, so that no page is loaded twice for it. It fails if the page scrolls sideways, or if any
text output of a notebook or any prose element of the article (paragraphs, list
items, table cells, headings, definitions, quotations) reaches past the right edge
of the screen or is wider than its own box. Code listings may scroll; prose may not.
Widget internals are checked by the widgets' own tests; here each widget's box must
fit the screen.
"""
from __future__ import annotations

# Prose and text outputs; code listings (div.highlight outside outputs) are left out.
CHECKED = ", ".join([
    ".bd-article p", ".bd-article li", ".bd-article td", ".bd-article th", ".bd-article dt",
    ".bd-article dd", ".bd-article h1", ".bd-article h2", ".bd-article h3", ".bd-article h4",
    ".bd-article blockquote", ".bd-article caption", ".bd-article summary",
    ".bd-article .cell_output", ".bd-article .cell_output pre", ".bd-article .output pre",
    ".bd-article .course-widget",
])

OVERFLOWS = """selector => {
    const width = document.documentElement.clientWidth;
    // Inside a box hidden only visually (a phone table's heading row, kept for screen
    // readers): clipped to nothing, so it cannot push anything sideways.
    const clipped = el => {
        for (let n = el; n && n !== document.body; n = n.parentElement) {
            const s = getComputedStyle(n);
            if (s.clipPath === 'inset(50%)' && s.position === 'absolute') return true;
        }
        return false;
    };
    const found = [];
    if (document.documentElement.scrollWidth > width + 1) {
        found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    }
    for (const el of document.querySelectorAll(selector)) {
        if (el.closest('.course-widget') && !el.matches('.course-widget')) continue;
        if (el.closest('.cell_input, .visually-hidden, .d-none') || clipped(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;  // not shown
        // Content wider than its own box: it spills out, or must be scrolled sideways.
        const tooWideInside = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
        if (box.right > width + 1 || tooWideInside) {
            const text = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
            found.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ` +
                       `right edge ${Math.round(box.right)} px, content ${el.scrollWidth} px: "${text}"`);
        }
    }
    return found;
}"""
