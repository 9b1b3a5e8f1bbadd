// saved.js: the debate's saved state. Version 2 added the class list (names)
// and the student's name; version 3 added, per motion, the positions before
// and after the debate (`positions`) and, on motions where people choose
// their side, whether the student declined the swap (`args[id].stay`).
// Older entries are migrated, not thrown away.
import { createStore, isRecord } from "../common/store.js";
import { MAX_SEED, MAX_STUDENTS, MIN_STUDENTS, SIDES } from "./random.js";
import { cleanPositions } from "./positions.js";
import { wholeIn } from "../common/text.js";

function cleanArgs(args, motionIds) {
  const out = {};
  if (!isRecord(args)) return out;
  for (const [id, arg] of Object.entries(args)) {
    if (motionIds.has(id) && isRecord(arg) && typeof arg.text === "string") {
      out[id] = { side: SIDES.includes(arg.side) ? arg.side : "", text: arg.text, stay: arg.stay === true };
    }
  }
  return out;
}

// Each field is kept when valid and dropped (the default applies) when not.
export function cleanSaved(saved, motionIds) {
  const out = { args: cleanArgs(saved.args, motionIds), positions: cleanPositions(saved.positions, motionIds) };
  if (motionIds.has(saved.motion)) out.motion = saved.motion;
  if (Number.isInteger(saved.shufflePos)) out.shufflePos = saved.shufflePos;
  if (wholeIn(saved.seed, 0, MAX_SEED) !== null) out.seed = saved.seed;
  if (wholeIn(saved.students, MIN_STUDENTS, MAX_STUDENTS) !== null) out.students = saved.students;
  if (wholeIn(saved.groups, 2, MAX_STUDENTS) !== null) out.groups = saved.groups;
  if (wholeIn(saved.minutes, 1, 60) !== null) out.minutes = saved.minutes;
  out.names = typeof saved.names === "string" ? saved.names : "";
  out.student = typeof saved.student === "string" ? saved.student : "";
  out.namesInExport = saved.namesInExport === true;
  out.sound = saved.sound === true;
  return out;
}

export const DEBATE_FORMAT = {
  version: 3,
  migrations: {
    1: (v1) => Object.assign({}, v1, { names: "", student: "" }),
    2: (v2) => Object.assign({}, v2, { positions: {} }),
  },
  clean: cleanSaved,
};
export const store = createStore(DEBATE_FORMAT);
