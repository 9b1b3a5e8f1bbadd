// importing.js: reading an imported learning log and planning the merge, pure.
//
// checkImport() refuses, with a message for the student, anything that is not
// a learning log of this course in a format this page reads: too large, not
// JSON, another format or version, a key that is not a same-site page path, a
// value that is not text. planImport() compares the file with this browser
// entry by entry: new entries are added, the newer of two differing copies is
// kept (each entry's `saved` time, written by common/store.js), and nothing is
// deleted. The pages-opened record is merged page by page.
import { OPENED_KEY, isSafePagePath, isValidKey } from "./keys.js";
import { WORDS } from "./words.js";

export const FORMAT = "coproduction-course-learning-log";
export const FORMAT_VERSION = 1;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function checkOpened(raw) {
  let opened;
  try {
    opened = JSON.parse(raw);
  } catch (err) {
    return false;
  }
  if (!opened || typeof opened !== "object" || Array.isArray(opened)) return false;
  return Object.entries(opened).every(
    ([path, page]) => isSafePagePath(path) && page && typeof page === "object" && typeof page.title === "string",
  );
}

function checkEntries(entries) {
  if (!entries || typeof entries !== "object" || Array.isArray(entries)) return WORDS.importNotALog;
  for (const [key, value] of Object.entries(entries)) {
    if (!isValidKey(key)) return WORDS.importBadKey;
    if (typeof value !== "string") return WORDS.importBadValue;
    if (key === OPENED_KEY && !checkOpened(value)) return WORDS.importBadKey;
  }
  return null;
}

export function checkImport(text, size) {
  if (size > MAX_IMPORT_BYTES || text.length > MAX_IMPORT_BYTES) return { error: WORDS.importTooLarge };
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { error: WORDS.importNotJSON };
  }
  if (!data || typeof data !== "object" || data.format !== FORMAT) return { error: WORDS.importNotALog };
  if (data.version !== FORMAT_VERSION) return { error: WORDS.importVersion.replace("{version}", String(data.version)) };
  const problem = checkEntries(data.entries);
  return problem ? { error: problem } : { entries: data.entries };
}

export function savedTime(raw) {
  try {
    const value = JSON.parse(raw);
    const time = Date.parse(value && value.saved);
    return Number.isFinite(time) ? time : null;
  } catch (err) {
    return null;
  }
}

function mergeOpened(here, there) {
  const merged = Object.assign({}, JSON.parse(there || "{}"), JSON.parse(here || "{}"));
  return JSON.stringify(merged);
}

// One change per entry: {key, action: "add" | "update" | "keep" | "same", value}.
export function planImport(current, incoming) {
  const changes = [];
  for (const key of Object.keys(incoming).sort()) {
    const theirs = incoming[key];
    const ours = current[key];
    if (ours === undefined) changes.push({ key, action: "add", value: theirs });
    else if (ours === theirs) changes.push({ key, action: "same", value: ours });
    else if (key === OPENED_KEY) {
      const merged = mergeOpened(ours, theirs);
      changes.push({ key, action: merged === ours ? "same" : "update", value: merged });
    } else {
      const a = savedTime(ours);
      const b = savedTime(theirs);
      const newer = b !== null && (a === null ? false : b > a);
      changes.push({ key, action: newer ? "update" : "keep", value: newer ? theirs : ours });
    }
  }
  return changes;
}

export function countPlan(changes) {
  const counts = { add: 0, update: 0, keep: 0, same: 0 };
  for (const change of changes) counts[change.action] += 1;
  return counts;
}
