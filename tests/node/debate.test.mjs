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
import { positionLines } from "../../coproduction_course/static/src/debate/positions.js";

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
    assert.equal(groups.map((g) => groupLine(g, ui, c.names, c.by_choice === true)).join("\n"), c.text);
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

test("saved state: versions 1 and 2 are migrated to 3, broken fields fall back", () => {
  const ids = new Set(["a", "b"]);
  const v1 = { version: 1, motion: "b", seed: 7, students: 9, groups: 3, minutes: 4, args: { b: { side: "for", text: "x" }, gone: { text: "y" } } };
  const out = upgrade(DEBATE_FORMAT, v1, ids);
  assert.equal(out.version, 3);
  assert.deepEqual(out.args, { b: { side: "for", text: "x", stay: false } });
  assert.deepEqual(out.positions, {});
  assert.equal(out.names, "");
  assert.equal(out.namesInExport, false);
  // Work saved by the version 2 page is kept whole: the argument, the name, the class list.
  const v2 = { version: 2, motion: "a", args: { a: { side: "against", text: "Because." } }, names: "Ana\nBen", student: "C 12" };
  const from2 = upgrade(DEBATE_FORMAT, v2, ids);
  assert.equal(from2.version, 3);
  assert.deepEqual(from2.args, { a: { side: "against", text: "Because.", stay: false } });
  assert.equal(from2.names, "Ana\nBen");
  assert.equal(from2.student, "C 12");
  assert.deepEqual(from2.positions, {});
  const broken = upgrade(DEBATE_FORMAT, { version: 3, motion: "zzz", seed: -1, students: 1, args: [] }, ids);
  assert.deepEqual(Object.keys(broken).sort(), ["args", "names", "namesInExport", "positions", "sound", "student", "version"]);
  assert.equal(upgrade(DEBATE_FORMAT, { version: 4 }, ids), null);
});

test("saved positions: own position and room counts are checked, empty records dropped", () => {
  const ids = new Set(["a", "b"]);
  const saved = {
    version: 3,
    args: { a: { side: "for", text: "", stay: true } },
    positions: {
      a: { before: { own: "undecided", for: 10, against: 8, undecided: 6 }, after: { own: "for", for: 14, against: -1, undecided: "4" } },
      b: { before: { own: "maybe" }, after: {} },
      gone: { before: { own: "for" } },
    },
  };
  const out = upgrade(DEBATE_FORMAT, saved, ids);
  assert.deepEqual(out.args.a, { side: "for", text: "", stay: true });
  assert.deepEqual(out.positions, {
    a: { before: { own: "undecided", for: 10, against: 8, undecided: 6 }, after: { own: "for", for: 14, against: null, undecided: null } },
  });
  const lines = positionLines(ui, out.positions.a);
  assert.deepEqual(lines, [
    "Your position: before, undecided; after, for",
    "The room: before, 10 for, 8 against, 6 undecided; after, 14 for, – against, – undecided",
  ]);
});

test("exports carry positions before and after, the chosen side and a declined swap", () => {
  const motion = { id: "m", title: "This house believes Y", side_by_choice: true, chapters: [{ label: "Chapter 5", href: "chapters/05-critiques.html#x" }] };
  const positions = { before: { own: "against", for: 3, against: 9, undecided: 2 }, after: { own: "undecided", for: null, against: null, undecided: null } };
  const doc = { ui, course: "C", student: "", date: "2026-12-02", root: null, items: [{ motion, arg: { side: "against", text: "", stay: true }, positions }], groups: null };
  const md = argumentsMarkdown(doc);
  assert.match(md, /On this motion people chose their own side\./);
  assert.match(md, /I declined the swap and stayed on my side\./);
  assert.match(md, /### Before and after the debate/);
  assert.match(md, /- Your position: before, against; after, undecided\./);
  assert.match(md, /- The room: before, 3 for, 9 against, 2 undecided; after, not recorded\./);
  const json = argumentsJson(doc).arguments[0];
  assert.equal(json.side_by_choice, true);
  assert.equal(json.stayed_on_side, true);
  assert.deepEqual(json.positions, {
    before: { own: "against", room: { for: 3, against: 9, undecided: 2 } },
    after: { own: "undecided", room: { for: null, against: null, undecided: null } },
  });
  // Positions alone (no side, no text) are still exported.
  const onlyPositions = argumentsJson({ ...doc, items: [{ motion: { ...motion, side_by_choice: false }, positions }] }).arguments[0];
  assert.equal(onlyPositions.side, "");
  assert.equal(onlyPositions.stayed_on_side, false);
  assert.equal(onlyPositions.positions.before.own, "against");
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
