// saved.js: the self-check's saved choices. Version 0 ({choices}, before
// versions) is migrated; choices for unknown questions or options are dropped.
// `choices` holds the answers a student confirmed with "Check my answer";
// `selected` (optional, same version) the option chosen but not yet checked,
// so a selection is never lost on reload and never counted as an answer.
import { createStore, isRecord } from "../common/store.js";

function validChoices(raw, questions) {
  const out = {};
  if (!isRecord(raw)) return out;
  for (const q of questions) {
    const value = raw[q.id];
    if (Number.isInteger(value) && value >= 0 && value < q.options.length) out[q.id] = value;
  }
  return out;
}

export function cleanSaved(saved, questions) {
  if (!isRecord(saved.choices)) return null;
  const clean = { choices: validChoices(saved.choices, questions) };
  const selected = validChoices(saved.selected, questions);
  if (Object.keys(selected).length) clean.selected = selected;
  return clean;
}

export const SELFCHECK_FORMAT = { version: 1, migrations: { 0: (v0) => ({ choices: v0.choices }) }, clean: cleanSaved };
export const store = createStore(SELFCHECK_FORMAT);
