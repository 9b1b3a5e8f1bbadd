// saved.js: the checklist's saved answers, {version: 2, initiative, ratings,
// notes, student}. Version 1 (before the name or candidate number) is
// migrated. Anything else is "corrupt": ignored, with a visible message.
// Unknown ids are dropped quietly (the content may have changed since the
// answers were saved).
import { createStore, isRecord } from "../common/store.js";
import { isRating } from "./score.js";

export function cleanSaved(saved, content) {
  const { initiative, ratings, notes, student } = saved;
  if (typeof initiative !== "string" || !isRecord(ratings) || !isRecord(notes) || typeof student !== "string") return null;
  const clean = { initiative, student, ratings: {}, notes: {} };
  for (const group of content.groups) {
    for (const indicator of group.indicators) {
      const value = ratings[indicator.id];
      if (value === undefined || value === null) continue;
      if (!isRating(value)) return null;
      clean.ratings[indicator.id] = value;
    }
    const note = notes[group.id];
    if (note === undefined || note === null || note === "") continue;
    if (typeof note !== "string") return null;
    clean.notes[group.id] = note;
  }
  return clean;
}

export const CHECKLIST_FORMAT = {
  version: 2,
  migrations: { 1: (v1) => Object.assign({}, v1, { student: "" }) },
  clean: cleanSaved,
};
export const store = createStore(CHECKLIST_FORMAT);
