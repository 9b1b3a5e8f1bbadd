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

test("an unreadable entry is set aside before anything overwrites it", async () => {
  const { createStore, setAside } = await import("../../coproduction_course/static/src/common/store.js");
  const data = new Map();
  const area = {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
  };
  const saved = { localStorage: globalThis.localStorage, location: globalThis.location };
  Object.defineProperty(globalThis, "localStorage", { value: area, configurable: true });
  Object.defineProperty(globalThis, "location", { value: { pathname: "/c/p.html" }, configurable: true });
  try {
    const format = { version: 2, migrations: {}, clean: (v) => ({ a: v.a }) };
    const store = createStore(format);
    const model = { get: () => "w" };
    const newer = JSON.stringify({ version: 3, a: "from a newer course" });
    data.set("coproduction-course:v1:/c/p.html:w", newer);
    assert.equal(store.load(model).status, "corrupt");
    assert.equal(data.get("coproduction-course:v1:/c/p.html:w:set-aside"), newer);
    assert.equal(store.save(model, { a: "typed" }), true);
    assert.equal(data.get("coproduction-course:v1:/c/p.html:w:set-aside"), newer);
    // A second, different unreadable entry gets its own key; the same one is not copied twice.
    assert.equal(setAside(area, "k", "x"), true);
    assert.equal(setAside(area, "k", "x"), true);
    assert.equal(setAside(area, "k", "y"), true);
    assert.equal(data.get("k:set-aside-2"), "y");
    assert.equal(data.has("k:set-aside-3"), false);
    // Storage full: nothing is overwritten.
    const full = createStore(format);
    area.setItem = () => { throw new Error("full"); };
    data.set("coproduction-course:v1:/c/p.html:w", "{broken");
    data.delete("coproduction-course:v1:/c/p.html:w:set-aside");
    assert.equal(full.load(model).status, "corrupt");
    assert.equal(full.save(model, { a: "typed" }), false);
    assert.equal(data.get("coproduction-course:v1:/c/p.html:w"), "{broken");
  } finally {
    Object.defineProperty(globalThis, "localStorage", { value: saved.localStorage, configurable: true });
    Object.defineProperty(globalThis, "location", { value: saved.location, configurable: true });
  }
});

test("exports from a copy on disk link to the published address or to nothing", async () => {
  const { exportRoot } = await import("../../coproduction_course/static/src/common/links.js");
  const doc = (canonical) => ({
    documentElement: { dataset: { content_root: "../" } },
    querySelector: () => (canonical ? { href: canonical } : null),
  });
  const saved = globalThis.location;
  Object.defineProperty(globalThis, "location", { value: { href: "file:///home/s/course/chapters/a.html" }, configurable: true });
  try {
    assert.equal(exportRoot(doc(null)), null);
    assert.equal(exportRoot(doc("https://example.org/course/chapters/a.html")), "https://example.org/course/");
  } finally {
    Object.defineProperty(globalThis, "location", { value: saved, configurable: true });
  }
});
