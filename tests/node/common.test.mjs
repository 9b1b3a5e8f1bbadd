// The shared helpers: text, links and the saved-state helper.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fill, sentence, slug, wholeIn, charCount, wordCount } from "../../coproduction_course/static/src/common/text.js";
import { absoluteHref } from "../../coproduction_course/static/src/common/links.js";
import { upgrade } from "../../coproduction_course/static/src/common/store.js";

test("text helpers", () => {
  assert.equal(fill("{a} and {a} {b}", { a: 1, b: "x" }), "1 and 1 x");
  assert.equal(sentence("Side: for the motion"), "Side: for the motion.");
  assert.equal(sentence("Done."), "Done.");
  assert.equal(slug("Barrier checklist: A/B!"), "barrier-checklist-a-b");
  assert.equal(slug(""), "answers");
  assert.equal(wholeIn(" 12 ", 2, 200), 12);
  assert.equal(wholeIn("1.5", 0, 9), null);
  assert.equal(charCount("a😀"), 2);
  assert.equal(wordCount("  two  words "), 2);
});

test("links are absolute from the site root", () => {
  assert.equal(absoluteHref("chapters/a.html#b", "https://x.org/c/"), "https://x.org/c/chapters/a.html#b");
  assert.equal(absoluteHref("chapters/a.html", null), null);
});

test("the saved-state helper migrates step by step and checks the result", () => {
  const format = {
    version: 3,
    migrations: { 1: (v) => ({ ...v, b: 0 }), 2: (v) => ({ ...v, c: v.b + 1 }) },
    clean: (v) => (typeof v.a === "string" ? { a: v.a, b: v.b, c: v.c } : null),
  };
  assert.deepEqual(upgrade(format, { version: 1, a: "x" }), { version: 3, a: "x", b: 0, c: 1 });
  assert.equal(upgrade(format, { version: 0, a: "x" }), null); // no migration from 0
  assert.equal(upgrade(format, { version: 1, a: 5 }), null);
  assert.equal(upgrade(format, { version: 4, a: "x" }), null); // from a newer course: set aside
});
