// The checklist's pure modules against the golden cases that checklist.py
// reproduces too (tests/golden/checklist.json; see tests/golden/make_golden.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { scoreAll } from "../../coproduction_course/static/src/checklist/score.js";
import { asDict, toMarkdown } from "../../coproduction_course/static/src/checklist/export.js";
import { CHECKLIST_FORMAT } from "../../coproduction_course/static/src/checklist/saved.js";
import { upgrade } from "../../coproduction_course/static/src/common/store.js";

const golden = JSON.parse(readFileSync(new URL("../golden/checklist.json", import.meta.url), "utf8"));
const { content, shared } = golden;

for (const c of golden.cases) {
  test(`checklist golden case: ${c.name}`, () => {
    assert.deepEqual(scoreAll(content, c.ratings, c.notes), c.scores);
    const who = { course: golden.course, student: c.student };
    assert.equal(toMarkdown(content, shared, c.initiative, c.ratings, c.notes, c.root, who), c.markdown);
    assert.deepEqual(asDict(content, "barriers", c.initiative, c.ratings, c.notes, who), c.json);
  });
}

test("saved answers: a valid entry is kept, unknown ids dropped", () => {
  const id = content.groups[0].indicators[0].id;
  const saved = { version: 1, initiative: "X", ratings: { [id]: 2, "gone-id": 1 }, notes: { [content.groups[0].id]: "n" } };
  assert.deepEqual(upgrade(CHECKLIST_FORMAT, saved, content), {
    version: 2,
    initiative: "X",
    student: "",
    ratings: { [id]: 2 },
    notes: { [content.groups[0].id]: "n" },
  });
});

test("saved answers: broken entries are refused, not half-used", () => {
  const id = content.groups[0].indicators[0].id;
  for (const broken of [
    null,
    [],
    "text",
    { version: 3, initiative: "", ratings: {}, notes: {} },
    { version: 2, initiative: "", ratings: {}, notes: {}, student: 4 },
    { version: 1, initiative: 5, ratings: {}, notes: {} },
    { version: 1, initiative: "", ratings: { [id]: 3 }, notes: {} },
    { version: 1, initiative: "", ratings: {}, notes: { [content.groups[0].id]: 7 } },
  ]) {
    assert.equal(upgrade(CHECKLIST_FORMAT, broken, content), null, JSON.stringify(broken));
  }
});
