// The self-check's pure modules: scoring and saved choices (with the
// migration from the unversioned format).
import { test } from "node:test";
import assert from "node:assert/strict";
import { tally } from "../../coproduction_course/static/src/selfcheck/quiz.js";
import { SELFCHECK_FORMAT } from "../../coproduction_course/static/src/selfcheck/saved.js";
import { upgrade } from "../../coproduction_course/static/src/common/store.js";

const questions = [
  { id: "q1", options: [{ correct: true }, {}] },
  { id: "q2", options: [{}, {}, { correct: true }] },
];

test("tally counts correct and answered", () => {
  assert.deepEqual(tally(questions, {}), { correct: 0, answered: 0, total: 2 });
  assert.deepEqual(tally(questions, { q1: 0, q2: 1 }), { correct: 1, answered: 2, total: 2 });
});

test("saved choices: the old unversioned format is migrated; bad choices dropped", () => {
  assert.deepEqual(upgrade(SELFCHECK_FORMAT, { choices: { q1: 1, q2: 9, gone: 0 } }, questions), { version: 1, choices: { q1: 1 } });
  assert.equal(upgrade(SELFCHECK_FORMAT, { version: 1, choices: "x" }, questions), null);
});

test("a selection not yet checked is kept apart from the answers", () => {
  assert.deepEqual(upgrade(SELFCHECK_FORMAT, { version: 1, choices: { q1: 0 }, selected: { q2: 1, q1: 7 } }, questions),
    { version: 1, choices: { q1: 0 }, selected: { q2: 1 } });
  assert.deepEqual(upgrade(SELFCHECK_FORMAT, { version: 1, choices: {}, selected: "x" }, questions), { version: 1, choices: {} });
});
