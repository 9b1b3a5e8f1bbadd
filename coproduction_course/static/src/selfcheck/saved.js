// saved.js: the self-check's saved choices. Version 0 ({choices}, before
// versions) is migrated; choices for unknown questions or options are dropped.
import { createStore, isRecord } from "../common/store.js";

export function cleanSaved(saved, questions) {
  if (!isRecord(saved.choices)) return null;
  const choices = {};
  for (const q of questions) {
    const value = saved.choices[q.id];
    if (Number.isInteger(value) && value >= 0 && value < q.options.length) choices[q.id] = value;
  }
  return { choices };
}

export const SELFCHECK_FORMAT = { version: 1, migrations: { 0: (v0) => ({ choices: v0.choices }) }, clean: cleanSaved };
export const store = createStore(SELFCHECK_FORMAT);
