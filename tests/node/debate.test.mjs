// The debate's pure modules against the golden cases that debate.py
// reproduces too (tests/golden/debate.json), plus the timer and saved state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { assignGroups, groupLine, mulberry32, shuffle } from "../../coproduction_course/static/src/debate/random.js";
import { parseClassList } from "../../coproduction_course/static/src/debate/names.js";
import { createTimer, display, pause, start, tick } from "../../coproduction_course/static/src/debate/timer.js";
import { DEBATE_FORMAT } from "../../coproduction_course/static/src/debate/saved.js";
import { argumentsJson, argumentsMarkdown } from "../../coproduction_course/static/src/debate/export.js";
import { upgrade } from "../../coproduction_course/static/src/common/store.js";

const golden = JSON.parse(readFileSync(new URL("../golden/debate.json", import.meta.url), "utf8"));
const { ui } = golden;

test("mulberry32 and the shuffle match Python for each seed", () => {
  for (const c of golden.random) {
    const rng = mulberry32(c.seed);
    assert.deepEqual(Array.from({ length: c.values.length }, () => rng()), c.values, `seed ${c.seed}`);
    assert.deepEqual(shuffle(golden.ids, mulberry32(c.seed)), c.order, `order for seed ${c.seed}`);
  }
});

test("groups and their text match Python, with numbers and with names", () => {
  for (const c of golden.groups) {
    const groups = assignGroups(c.students, c.groups, c.seed);
    assert.deepEqual(groups, c.assigned);
    assert.equal(groups.map((g) => groupLine(g, ui, c.names)).join("\n"), c.text);
  }
});

test("a pasted class list is read as the golden cases say (the page alone reads class lists)", () => {
  for (const c of golden.class_lists) assert.deepEqual(parseClassList(c.text), c.names, JSON.stringify(c.text));
});

test("the timer counts down, pauses, resumes and ends", () => {
  let t = start(createTimer(3000), 1000);
  t = tick(t, 2000);
  assert.equal(display(t), "00:02");
  t = pause(t, 2500);
  assert.equal(t.running, false);
  t = tick(t, 9000); // paused: time does not pass
  assert.equal(t.leftMs, 1500);
  t = start(t, 10000);
  t = tick(t, 11600);
  assert.equal(t.done, true);
  assert.equal(display(t), "00:00");
  t = start(t, 20000); // starting again after the end begins a fresh speech
  assert.equal(t.leftMs, 3000);
  assert.equal(t.done, false);
});

test("saved state: version 1 is migrated, broken fields fall back", () => {
  const ids = new Set(["a", "b"]);
  const v1 = { version: 1, motion: "b", seed: 7, students: 9, groups: 3, minutes: 4, args: { b: { side: "for", text: "x" }, gone: { text: "y" } } };
  const out = upgrade(DEBATE_FORMAT, v1, ids);
  assert.equal(out.version, 2);
  assert.deepEqual(out.args, { b: { side: "for", text: "x" } });
  assert.equal(out.names, "");
  assert.equal(out.namesInExport, false);
  const broken = upgrade(DEBATE_FORMAT, { version: 2, motion: "zzz", seed: -1, students: 1, args: [] }, ids);
  assert.deepEqual(Object.keys(broken).sort(), ["args", "names", "namesInExport", "sound", "student", "version"]);
  assert.equal(upgrade(DEBATE_FORMAT, { version: 3 }, ids), null);
});

test("exports: course title, optional name, absolute links, full stops; no class list unless chosen", () => {
  const motion = { id: "m", title: "This house believes X", chapters: [{ label: "Chapter 5", href: "chapters/05-critiques.html#x" }] };
  const doc = {
    ui,
    course: "Co-production in Mental Health",
    student: "  Candidate 1234 ",
    date: "2026-11-27",
    root: "https://example.org/course/",
    items: [{ motion, arg: { side: "against", text: "Because." } }],
    groups: null,
  };
  const md = argumentsMarkdown(doc);
  assert.match(md, /Course: Co-production in Mental Health\./);
  assert.match(md, /Name or candidate number: Candidate 1234\./);
  assert.match(md, /## This house believes X\./);
  assert.match(md, /Side: against the motion\./);
  assert.match(md, /\[Chapter 5\]\(https:\/\/example\.org\/course\/chapters\/05-critiques\.html#x\)/);
  assert.doesNotMatch(md, /Groups/);
  const json = argumentsJson(doc);
  assert.equal(json.student, "Candidate 1234");
  assert.equal(json.arguments[0].links[0].href, "https://example.org/course/chapters/05-critiques.html#x");
  assert.equal("groups" in json, false);
  const withGroups = argumentsJson({ ...doc, student: "", groups: ["Group 1 (for): Ana, Ben"] });
  assert.deepEqual(withGroups.groups, ["Group 1 (for): Ana, Ben"]);
  assert.doesNotMatch(argumentsMarkdown({ ...doc, student: "" }), /candidate/);
});
