// The learning log's pure modules: keys, import checks and merge, the log in words, Markdown.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isSafePagePath, portableKey, splitSiteKey, storageKey, isSetAside } from "../../coproduction_course/static/src/log/keys.js";
import { checkImport, planImport, countPlan } from "../../coproduction_course/static/src/log/importing.js";
import { describeLog } from "../../coproduction_course/static/src/log/describe.js";
import { logMarkdown, siteAddress } from "../../coproduction_course/static/src/log/markdown.js";

const P = "coproduction-course:v1:";
const log = (entries, version = 1) => JSON.stringify({ format: "coproduction-course-learning-log", version, entries });

test("only same-site relative page paths are accepted", () => {
  for (const good of ["chapters/01-a.html", "index.html", "", "exercises/", "a_b/c-d.html"]) assert.ok(isSafePagePath(good), good);
  for (const bad of ["javascript:alert(1)//", "data:text/html,x", "https://evil.org/x.html", "//evil.org/x.html",
    "../x.html", "/abs.html", "a/../../b.html", "x.html?y", "a b.html", "\\\\evil\\x.html"]) assert.ok(!isSafePagePath(bad), bad);
  assert.deepEqual(splitSiteKey("site:chapters/a.html:checklist-barriers"), { path: "chapters/a.html", name: "checklist-barriers" });
  assert.deepEqual(splitSiteKey("site::page-review"), { path: "", name: "page-review" });
  assert.equal(splitSiteKey("site:javascript:alert(1)//x.html:k"), null);
  assert.equal(portableKey(P + "/c/chapters/a.html:w", "/c/"), "site:chapters/a.html:w");
  assert.equal(portableKey(P + "/other/a.html:w", "/c/"), null);
  assert.equal(storageKey("site:chapters/a.html:w", "/c/"), P + "/c/chapters/a.html:w");
  assert.ok(isSetAside("w:set-aside") && isSetAside("w:set-aside-2") && !isSetAside("w"));
});

test("hostile or broken import files are refused with a message", () => {
  const cases = [
    [log({ "raw:log:opened": JSON.stringify({ "javascript:alert(document.cookie)//": { title: "x" } }) }), /not part of this course/],
    [log({ "raw:log:opened": JSON.stringify({ "data:text/html,<script>alert(1)</script>": { title: "x" } }) }), /not part of this course/],
    [log({ "site:javascript:alert(1)//x.html:w": "{}" }), /not part of this course/],
    [log({ "raw:/elsewhere/p.html:w": "{}" }), /not part of this course/],
    [log({ "site:a.html:w": { nested: true } }), /damaged/],
    [log({}, 3), /format this page cannot read \(version 3\)/],
    ["{not json", /not valid JSON/],
    [JSON.stringify({ format: "other" }), /not a learning log/],
  ];
  for (const [text, message] of cases) {
    const result = checkImport(text, text.length);
    assert.match(result.error || "", message, text.slice(0, 80));
    assert.ok(/Nothing was changed/.test(result.error));
  }
  assert.match(checkImport("", 6 * 1024 * 1024).error, /too large/);
  assert.deepEqual(checkImport(log({ "site:a.html:w": "{}" }), 40).entries, { "site:a.html:w": "{}" });
});

test("import merges entry by entry and keeps the newer copy", () => {
  const older = JSON.stringify({ version: 2, a: "monday", saved: "2026-01-05T10:00:00Z" });
  const newer = JSON.stringify({ version: 2, a: "tuesday", saved: "2026-01-06T10:00:00Z" });
  const undated = JSON.stringify({ version: 2, a: "undated" });
  const here = { "site:a.html:w": newer, "site:b.html:w": older, "site:c.html:w": undated, "raw:log:opened": '{"a.html":{"title":"A"}}' };
  const file = { "site:a.html:w": older, "site:b.html:w": newer, "site:c.html:w": older, "site:d.html:w": older, "raw:log:opened": '{"d.html":{"title":"D"}}' };
  const plan = Object.fromEntries(planImport(here, file).map((c) => [c.key, c]));
  assert.equal(plan["site:a.html:w"].action, "keep");
  assert.equal(plan["site:a.html:w"].value, newer);
  assert.equal(plan["site:b.html:w"].action, "update");
  assert.equal(plan["site:c.html:w"].action, "keep");
  assert.equal(plan["site:d.html:w"].action, "add");
  assert.deepEqual(Object.keys(JSON.parse(plan["raw:log:opened"].value)).sort(), ["a.html", "d.html"]);
  assert.deepEqual(countPlan(planImport(here, file)), { add: 1, update: 2, keep: 2, same: 0 });
});

const content = {
  course: "Co-production in Mental Health",
  pages: {
    "exercises/ch01-exercises.html": { title: "Exercises: chapter 1", chapter: "1. What is co-production?", order: 1 },
    "chapters/barrier-checklist.html": { title: "Barrier checklist", chapter: "Barrier checklist", order: 8 },
  },
  selfcheck: { "ch01-meanings": { prompt: "Where does this sit?", options: ["Transformative", "Descriptive"], correct: 1 } },
  checklists: {
    barriers: { title: "Barrier checklist", ratings: { 0: "Not seen", 1: "Partly", 2: "Clearly" },
      groups: [{ id: "resistance", title: "Institutional resistance", indicators: [{ id: "res-same-routines", text: "Routines stay the same." }] }] },
  },
  motions: { "own-oppression": "This house believes you cannot co-produce your own oppression" },
};

test("the log shows questions, answers, ratings and motions in words, by chapter", () => {
  const entries = {
    "site:exercises/ch01-exercises.html:selfcheck-ch01": JSON.stringify({ version: 1, choices: { "ch01-meanings": 0 } }),
    "site:exercises/ch01-exercises.html:debate-prompts": JSON.stringify({ version: 2, args: { "own-oppression": { side: "for", text: "Because." } }, shufflePos: -1, seed: 2026, namesInExport: false }),
    "site:chapters/barrier-checklist.html:checklist-barriers": JSON.stringify({ version: 2, initiative: "Forum", student: "", ratings: { "res-same-routines": 2 }, notes: { resistance: "Met twice." } }),
    "site:chapters/barrier-checklist.html:checklist-barriers:set-aside": JSON.stringify({ version: 3 }),
    "site:chapters/barrier-checklist.html:page-review": JSON.stringify({ version: 1, kind: "page-review", page_title: "Barrier checklist", answers: { wrong: "A typo", missing_voice: "", felt: "", paid_review: "maybe" }, saved: "2026-01-01T00:00:00Z" }),
  };
  const model = describeLog(entries, content);
  assert.equal(model.setAside, 1);
  assert.deepEqual(model.chapters.map((c) => c.heading), ["1. What is co-production?", "Barrier checklist"]);
  const md = logMarkdown(model, { course: content.course, address: "https://example.org/course/", date: "2026-01-01" });
  for (const words of ["Where does this sit?", "Transformative (not right; the answer the course gives is: Descriptive)",
    "Routines stay the same.**: Clearly", "Met twice.", "This house believes you cannot", "For the motion", "Because.",
    "Your review of Barrier checklist", "A typo", "Maybe", "could not be read"]) assert.ok(md.includes(words), words + "\n" + md);
  for (const internal of ["ShufflePos", "Seed", "NamesInExport", "res-same-routines", "ch01-meanings", "selfcheck-ch01"]) {
    assert.ok(!md.includes(internal), internal);
  }
});

test("exports link to the published site, or to nothing from a copy on disk", () => {
  assert.equal(siteAddress({ published: "https://x.org/c" }, "file:///home/a/course/"), "https://x.org/c/");
  assert.equal(siteAddress({ published: "" }, "file:///home/a/course/"), "");
  assert.equal(siteAddress({}, "http://localhost:8000/"), "http://localhost:8000/");
  const md = logMarkdown({ opened: [{ path: "a.html", title: "A" }], chapters: [], setAside: 0 }, { course: "C", address: "", date: "d" });
  assert.ok(!md.includes("file:") && md.includes("- A"));
});

test("the pages-opened record keeps safe site paths only", async () => {
  const { sitePath, withPage } = await import("../../coproduction_course/static/src/offline/opened.js");
  assert.equal(sitePath("/c/", "/c/"), "index.html");
  assert.equal(sitePath("/c/chapters/a.html", "/c/"), "chapters/a.html");
  assert.equal(withPage("{}", "chapters/a.html", "A"), '{"chapters/a.html":{"title":"A"}}');
  assert.equal(withPage('{"chapters/a.html":{"title":"A"}}', "chapters/a.html", "A"), null);
  assert.equal(withPage("{broken", "javascript:x//", "A"), null);
  assert.equal(withPage("[1]", "b.html", "B"), '{"b.html":{"title":"B"}}');
});

test("the service worker's cache is named by site address, and the bare address finds the front page", async () => {
  const { cacheName, candidates, isLegacy, stale } = await import("../../coproduction_course/static/src/sw/rules.js");
  assert.notEqual(cacheName("https://x.org/student/"), cacheName("https://x.org/tutor/"));
  assert.ok(isLegacy("coproduction-course-0123456789abcdef") && !isLegacy(cacheName("https://x.org/")));
  assert.deepEqual(candidates("https://x.org/c/"), ["https://x.org/c/", "https://x.org/c/index.html"]);
  assert.deepEqual(candidates("https://x.org/c/a.html"), ["https://x.org/c/a.html"]);
  const scope = "https://x.org/c/";
  assert.deepEqual(
    stale([scope, scope + "a.html", scope + "gone.html", scope + "_static/x.js?v=1", "https://x.org/other/a.html"], ["a.html", "_static/x.js"], scope),
    [scope + "gone.html"],
  );
});

test("an import names the items it changes in words", async () => {
  const { entryLabel } = await import("../../coproduction_course/static/src/log/describe.js");
  const raw = JSON.stringify({ version: 1, choices: { "ch01-meanings": 1 } });
  assert.equal(entryLabel("site:exercises/ch01-exercises.html:selfcheck-ch01", raw, content), "Exercises: chapter 1: Self-check questions");
  assert.equal(entryLabel("raw:log:opened", "{}", content), "The list of pages you have opened");
});
